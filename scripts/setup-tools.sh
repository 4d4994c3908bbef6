#!/usr/bin/env bash
# Installs the command-line tools the acceptance corpus (test/unit/project/corpus.test.ts) runs the
# shared PDFs through: poppler's pdftotext (Debian package poppler-utils), and Chromium (Debian
# package chromium, as scripts/e2e/setup.sh installs it), which prints the own web pages as PDFs
# for the PDF reader, and LibreOffice's Writer (Debian package libreoffice-writer-nogui), which converts
# the Word files into the PDF, web page and text an office publishes (test/corpus/libreoffice.ts), and
# pandoc (Debian package pandoc), the universal converter a reviewer turns a page or a Word file into
# Markdown or plain text with, and MuPDF's mutool (Debian package mupdf-tools), another PDF text
# extractor, and what a reviewer's scripts and text browsers make of a page or a PDF: Debian's own Python
# (/usr/bin/python3) with html2text, BeautifulSoup, pdfminer.six and PyMuPDF (python3-html2text, python3-bs4,
# python3-pdfminer, python3-fitz) and python-docx (python3-docx), docx2txt, and the text browsers lynx, w3m, links and elinks (test/corpus/render.ts).
# Run by `npm test` (the `pretest` script). Idempotent: when all are already there it does nothing,
# so apt-get runs only on a machine that lacks one. The HTML-to-text and markdown converters are
# npm devDependencies (html-to-text, turndown + turndown-plugin-gfm), installed by `npm ci`.
set -euo pipefail

log() { printf '[setup-tools] %s\n' "$*"; }

packages=()
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
test -x /usr/bin/chromium || packages+=(chromium fonts-noto-cjk)
test -x /usr/bin/soffice || packages+=(libreoffice-writer-nogui)
command -v pandoc >/dev/null 2>&1 || packages+=(pandoc)
command -v mutool >/dev/null 2>&1 || packages+=(mupdf-tools)
python_has() { test -x /usr/bin/python3 && /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }
python_has html2text || packages+=(python3-html2text)
python_has bs4 || packages+=(python3-bs4)
test -x /usr/bin/pdf2txt || packages+=(python3-pdfminer)
python_has fitz || packages+=(python3-fitz)
python_has docx || packages+=(python3-docx)
command -v docx2txt >/dev/null 2>&1 || packages+=(docx2txt)
command -v lynx >/dev/null 2>&1 || packages+=(lynx)
command -v w3m >/dev/null 2>&1 || packages+=(w3m)
command -v links2 >/dev/null 2>&1 || packages+=(links2)
command -v elinks >/dev/null 2>&1 || packages+=(elinks)
if ((${#packages[@]} == 0)); then
  exit 0
fi

log "installing ${packages[*]} with apt-get"
if ! command -v apt-get >/dev/null 2>&1; then
  log "no apt-get on this machine: install ${packages[*]} with your package manager and rerun"
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    log "not root and no sudo: run 'apt-get install ${packages[*]}' as root and rerun"
    exit 1
  fi
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
command -v pdftotext >/dev/null 2>&1 || { log "poppler-utils installed but pdftotext is still not on PATH"; exit 1; }
test -x /usr/bin/chromium || { log "chromium installed but /usr/bin/chromium is missing"; exit 1; }
test -x /usr/bin/soffice || { log "libreoffice-writer-nogui installed but /usr/bin/soffice is missing"; exit 1; }
command -v pandoc >/dev/null 2>&1 || { log "pandoc installed but pandoc is not on PATH"; exit 1; }
command -v mutool >/dev/null 2>&1 || { log "mupdf-tools installed but mutool is not on PATH"; exit 1; }
for module in html2text bs4 fitz docx; do python_has "$module" || { log "installed, but Debian's /usr/bin/python3 cannot import $module"; exit 1; }; done
test -x /usr/bin/pdf2txt || { log "python3-pdfminer installed but /usr/bin/pdf2txt is missing"; exit 1; }
command -v lynx >/dev/null 2>&1 || { log "lynx installed but not on PATH"; exit 1; }
command -v w3m >/dev/null 2>&1 || { log "w3m installed but not on PATH"; exit 1; }
command -v links2 >/dev/null 2>&1 || { log "links2 installed but not on PATH"; exit 1; }
command -v elinks >/dev/null 2>&1 || { log "elinks installed but not on PATH"; exit 1; }
command -v docx2txt >/dev/null 2>&1 || { log "docx2txt installed but not on PATH"; exit 1; }
log "installed ${packages[*]}"
