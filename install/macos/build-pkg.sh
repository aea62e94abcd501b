#!/bin/sh
# Builds prepost.pkg for macOS (run on a Mac with the Xcode command-line
# tools and the Homebrew libraries: jansson pcre2 hunspell utf8proc).
# The package installs the host and lexicons under /Library/prepost and the
# native-messaging manifests in each browser's system folder:
#   /Library/Google/Chrome/NativeMessagingHosts
#   /Library/Application Support/Chromium/NativeMessagingHosts
#   /Library/Microsoft/Edge/NativeMessagingHosts
#   /Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts
#   /Library/Application Support/Mozilla/NativeMessagingHosts
# Per-user installs use install/user-install.sh instead. Reviewed, not run,
# in this project's CI (which is Linux).
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n "s/^ *version: '\([^']*\)'.*/\1/p" meson.build | head -1)
root=$(mktemp -d)/root
meson setup build-macos --prefix=/Library/prepost --buildtype=release -Dtests=disabled \
  -Dbrowsers=[] >/dev/null
meson compile -C build-macos
DESTDIR="$root" meson install -C build-macos --no-rebuild
host=/Library/prepost/bin/prepost-host
id=$(cat install/keys/extension-id.txt)
chromium_json() {
  printf '{\n  "name": "org.prepost.host",\n  "description": "prepost",\n  "path": "%s",\n  "type": "stdio",\n  "allowed_origins": ["chrome-extension://%s/"]\n}\n' "$host" "$id"
}
for d in "/Library/Google/Chrome/NativeMessagingHosts" \
         "/Library/Application Support/Chromium/NativeMessagingHosts" \
         "/Library/Microsoft/Edge/NativeMessagingHosts" \
         "/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts"; do
  mkdir -p "$root$d" && chromium_json > "$root$d/org.prepost.host.json"
done
d="/Library/Application Support/Mozilla/NativeMessagingHosts"
mkdir -p "$root$d"
printf '{\n  "name": "org.prepost.host",\n  "description": "prepost",\n  "path": "%s",\n  "type": "stdio",\n  "allowed_extensions": ["prepost@prepost.org"]\n}\n' \
  "$host" > "$root$d/org.prepost.host.json"
pkgbuild --root "$root" --identifier org.prepost.host --version "$version" prepost-"$version".pkg
echo "built prepost-$version.pkg; deploy with Jamf or Intune, then run $host doctor"
