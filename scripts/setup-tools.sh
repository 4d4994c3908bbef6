#!/usr/bin/env bash
# Installs the command-line tools the acceptance corpus (test/unit/project/corpus.test.ts) runs the
# shared PDFs through: poppler's pdftotext (Debian package poppler-utils), and Chromium (Debian
# package chromium, as scripts/e2e/setup.sh installs it), which prints the own web pages as PDFs
# for the PDF reader, and LibreOffice's Writer (Debian package libreoffice-writer-nogui), which converts
# the Word files into the PDF, web page and text an office publishes (test/corpus/libreoffice.ts), and
# pandoc (Debian package pandoc), the universal converter a reviewer turns a page or a Word file into
# Markdown or plain text with, and MuPDF's mutool (Debian package mupdf-tools), another PDF text
# extractor (test/corpus/render.ts).
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
log "installed ${packages[*]}"
