#!/usr/bin/env bash
# Installs the command-line tools the acceptance corpus (test/unit/corpus.test.ts) runs the
# shared PDFs through: poppler's pdftotext (Debian package poppler-utils). Run by `npm test`
# (the `pretest` script). Idempotent: when pdftotext is already on PATH it does nothing, so
# apt-get runs only on a machine that lacks it. The HTML-to-text and markdown converters are
# npm devDependencies (html-to-text, turndown + turndown-plugin-gfm), installed by `npm ci`.
set -euo pipefail

log() { printf '[setup-tools] %s\n' "$*"; }

if command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi

log "pdftotext is missing: installing poppler-utils with apt-get"
if ! command -v apt-get >/dev/null 2>&1; then
  log "no apt-get on this machine: install poppler (pdftotext) with your package manager and rerun"
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    log "not root and no sudo: run 'apt-get install poppler-utils' as root and rerun"
    exit 1
  fi
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends poppler-utils
command -v pdftotext >/dev/null 2>&1 || { log "poppler-utils installed but pdftotext is still not on PATH"; exit 1; }
log "installed $(pdftotext -v 2>&1 | head -1)"
