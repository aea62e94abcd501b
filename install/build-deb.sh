#!/bin/sh
# Builds a Debian package from a staged `meson install`:
#   install/build-deb.sh [OUTPUT_DIR]
# writes OUTPUT_DIR/prepost_<version>_<arch>.deb (default: build-deb/).
# The package installs /usr/bin/prepost-host, the lexicons and sample in
# /usr/share/prepost, and the native-messaging manifests for every browser.
set -eu
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build-deb}")
build="$out/build"
stage="$out/stage"
rm -rf "$stage"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --prefix=/usr --buildtype=release -Dtests=disabled >/dev/null
fi
meson compile -C "$build" >/dev/null
DESTDIR="$stage" meson install -C "$build" --no-rebuild >/dev/null

version=$(meson introspect "$build" --projectinfo | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p')
arch=$(dpkg --print-architecture)
mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: prepost
Version: $version
Architecture: $arch
Maintainer: prepost <it@prepost.invalid>
Depends: libjansson4, libpcre2-8-0, libhunspell-1.7-0, libutf8proc2, hunspell-en-gb
Section: utils
Priority: optional
Description: checks school staff's social-media drafts against school policy
 prepost-host is the native-messaging host for the prepost browser
 extension: it checks a draft for pupils' names from the school's roster,
 work details, derogatory language, confidential matters and personal
 data, on this computer only. Run 'prepost-host doctor' after installing.
CONTROL
# the system config is the school's: created by IT, never by the package
deb="$out/prepost_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$deb" >/dev/null
echo "$deb"
