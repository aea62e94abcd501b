#!/usr/bin/env bash
# Installs into a DESTDIR and checks what IT would get: every manifest in
# its browser's folder, valid, pointing at the installed host and allowing
# the pinned extension id; every lexicon; the sample. Then builds the .deb
# and checks its contents and control fields.
#   tests/test-install.sh SOURCE_ROOT BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

DESTDIR="$work/stage" meson install -C "$build" --no-rebuild >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
id=$(cat "$src/install/keys/extension-id.txt")
host="$prefix/bin/prepost-host"

[ -x "$work/stage$host" ] || fail "no executable host at $host"
for dir in /etc/opt/chrome/native-messaging-hosts /etc/chromium/native-messaging-hosts \
           /etc/opt/edge/native-messaging-hosts /usr/lib/mozilla/native-messaging-hosts; do
  m="$work/stage$dir/org.prepost.host.json"
  [ -f "$m" ] || fail "no manifest $dir/org.prepost.host.json"
  python3 - "$m" "$host" "$id" "$dir" <<'PY' || fail "manifest $dir is wrong"
import json, sys
m = json.load(open(sys.argv[1]))
host, ext_id, folder = sys.argv[2], sys.argv[3], sys.argv[4]
assert m["name"] == "org.prepost.host", m["name"]
assert m["type"] == "stdio"
assert m["path"] == host, m["path"]
if "mozilla" in folder:
    assert m["allowed_extensions"] == ["prepost@prepost.org"], m
    assert "allowed_origins" not in m
else:
    assert f"chrome-extension://{ext_id}/" in m["allowed_origins"], m
    assert "allowed_extensions" not in m
PY
done
for lex in "$src"/lexicons/*.txt "$src"/lexicons/posts.model; do
  [ -f "$work/stage$prefix/share/prepost/lexicons/$(basename "$lex")" ] \
    || fail "lexicon $(basename "$lex") is not installed"
done
for f in manifest.json background.js content.js common.js managed_schema.json icons/128.png; do
  [ -f "$work/stage$prefix/share/prepost/extension/$f" ] || fail "extension/$f is not installed"
done
for f in config.json roster.csv post.txt; do
  [ -f "$work/stage$prefix/share/prepost/sample/$f" ] || fail "sample $f is not installed"
done
# the installed host finds its installed lexicons, wherever the stage is
PREPOST_LEXICONS="$work/stage$prefix/share/prepost/lexicons" PREPOST_CONFIG= \
  XDG_CONFIG_HOME="$work/none" PREPOST_SYSTEM_CONFIG="$work/none.json" \
  "$work/stage$host" lint | grep -q "0 error(s)" || fail "the installed lexicons do not lint"
echo "install into DESTDIR: ok"

deb=$("$src/install/build-deb.sh" "$work/deb")
[ -f "$deb" ] || fail "no .deb built"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/prepost-host ./etc/opt/chrome/native-messaging-hosts/org.prepost.host.json \
            ./etc/chromium/native-messaging-hosts/org.prepost.host.json \
            ./etc/opt/edge/native-messaging-hosts/org.prepost.host.json \
            ./usr/lib/mozilla/native-messaging-hosts/org.prepost.host.json \
            ./usr/share/prepost/lexicons/derogatory.txt ./usr/share/prepost/lexicons/posts.model \
            ./usr/share/prepost/sample/config.json \
            ./usr/share/prepost/extension/manifest.json; do
  grep -qF " $path" <<<"$contents" || fail ".deb lacks $path"
done
grep -q "root/root" <<<"$contents" || fail ".deb files are not owned by root"
grep -q "etc/prepost/config.json" <<<"$contents" && fail ".deb must not ship the school's config"
[ "$(dpkg-deb -f "$deb" Package)" = prepost ] || fail "wrong Package field"
dpkg-deb -f "$deb" Depends | grep -q hunspell-en-gb || fail "Depends lacks hunspell-en-gb"
mkdir "$work/x" && dpkg-deb -x "$deb" "$work/x"
python3 -c "import json,sys; m=json.load(open(sys.argv[1])); assert m['path']=='/usr/bin/prepost-host', m" \
  "$work/x/etc/opt/chrome/native-messaging-hosts/org.prepost.host.json" || fail "deb manifest path"
echo ".deb: ok ($(basename "$deb"))"
echo "1 passed, 0 failed"
