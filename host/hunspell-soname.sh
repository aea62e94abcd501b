#!/bin/sh
# Prints the file name (soname) of the hunspell library that pkg-config
# names, for the host to open when it first needs it; nothing if it cannot
# be found, and the host then links the library as usual.
libdir=$(pkg-config --variable=libdir hunspell 2>/dev/null) || exit 0
for flag in $(pkg-config --libs-only-l hunspell 2>/dev/null); do
  lib="$libdir/lib${flag#-l}.so"
  if [ -e "$lib" ]; then
    readelf -d "$lib" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p' | head -n 1
    exit 0
  fi
done
