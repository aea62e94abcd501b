#!/bin/sh
# Installs what building and testing prepost needs on Debian 12 or Ubuntu
# 22.04 and later. Uses sudo when not run as root.
set -eu

packages="meson ninja-build pkg-config gcc clang
  libjansson-dev libpcre2-dev libhunspell-dev hunspell-en-gb libutf8proc-dev
  libcmocka-dev liblinear-dev valgrind python3 dpkg-dev openssl chromium firefox-esr"
# the browser tests drive Chromium with playwright-core and Firefox ESR with
# puppeteer-core, both from npm
command -v npm >/dev/null || packages="$packages nodejs npm"

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086 # the list is split on purpose
$sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
echo "build dependencies installed"
