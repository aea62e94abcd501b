#!/bin/sh
# Registers prepost-host for the current user, without root: writes the
# native-messaging manifest org.prepost.host.json into each browser's
# per-user folder on Linux or macOS. Run `prepost-host doctor` afterwards.
#
#   install/user-install.sh [--host PATH] [--browsers "chrome firefox ..."]
#                           [--extension-id ID]... [--user-data-dir DIR]
#                           [--uninstall]
#
# --host           the prepost-host to register (default: the one on PATH)
# --extension-id   another Chrome/Edge extension id to allow (store ids)
# --user-data-dir  also register in a Chromium --user-data-dir (testing)
set -eu

PINNED_ID=ambkoilcalefbmcblijdggdlejkennoc
FIREFOX_ID=prepost@prepost.org
NAME=org.prepost.host

host=""
browsers="chrome chromium edge brave firefox"
ids="$PINNED_ID"
user_data_dir=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --host) host=$2; shift 2 ;;
    --browsers) browsers=$2; shift 2 ;;
    --extension-id) ids="$ids $2"; shift 2 ;;
    --user-data-dir) user_data_dir=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "user-install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$uninstall" = 0 ]; then
  [ -n "$host" ] || host=$(command -v prepost-host || true)
  if [ -z "$host" ]; then
    echo "user-install.sh: no prepost-host on PATH; name it with --host PATH" >&2
    exit 1
  fi
  case "$host" in /*) ;; *) host="$(cd "$(dirname "$host")" && pwd)/$(basename "$host")" ;; esac
  if [ ! -x "$host" ]; then
    echo "user-install.sh: $host is not an executable file" >&2
    exit 1
  fi
fi

case "$(uname -s)" in
  Darwin) base="$HOME/Library/Application Support" ;;
  *) base="${XDG_CONFIG_HOME:-$HOME/.config}" ;;
esac

folder() {
  case "$(uname -s):$1" in
    Darwin:chrome) echo "$base/Google/Chrome/NativeMessagingHosts" ;;
    Darwin:chromium) echo "$base/Chromium/NativeMessagingHosts" ;;
    Darwin:edge) echo "$base/Microsoft Edge/NativeMessagingHosts" ;;
    Darwin:brave) echo "$base/BraveSoftware/Brave-Browser/NativeMessagingHosts" ;;
    Darwin:firefox) echo "$base/Mozilla/NativeMessagingHosts" ;;
    *:chrome) echo "$base/google-chrome/NativeMessagingHosts" ;;
    *:chromium) echo "$base/chromium/NativeMessagingHosts" ;;
    *:edge) echo "$base/microsoft-edge/NativeMessagingHosts" ;;
    *:brave) echo "$base/BraveSoftware/Brave-Browser/NativeMessagingHosts" ;;
    *:firefox) echo "$HOME/.mozilla/native-messaging-hosts" ;;
    *) echo "user-install.sh: unknown browser $1" >&2; exit 2 ;;
  esac
}

json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

write_manifest() {
  dir=$1 kind=$2
  mkdir -p "$dir"
  if [ "$kind" = firefox ]; then
    allowed="\"allowed_extensions\": [\"$FIREFOX_ID\"]"
  else
    list=""
    for id in $ids; do list="$list${list:+, }\"chrome-extension://$id/\""; done
    allowed="\"allowed_origins\": [$list]"
  fi
  cat > "$dir/$NAME.json.tmp" <<JSON
{
  "name": "$NAME",
  "description": "prepost: checks social-media drafts against the school's policy",
  "path": "$(json_string "$host")",
  "type": "stdio",
  $allowed
}
JSON
  mv "$dir/$NAME.json.tmp" "$dir/$NAME.json"
  echo "wrote $dir/$NAME.json"
}

for b in $browsers; do
  dir=$(folder "$b")
  if [ "$uninstall" = 1 ]; then
    rm -f "$dir/$NAME.json" && echo "removed $dir/$NAME.json"
  else
    write_manifest "$dir" "$b"
  fi
done
if [ -n "$user_data_dir" ]; then
  if [ "$uninstall" = 1 ]; then
    rm -f "$user_data_dir/NativeMessagingHosts/$NAME.json"
  else
    write_manifest "$user_data_dir/NativeMessagingHosts" chromium
  fi
fi
