#!/bin/sh
# The host answers hello while a second thread adds the rosters' names
# (classifier_start). Helgrind watches a session of hello then check, with
# a roster big enough that the two overlap; any data race fails the test.
#   tests/test-threads.sh HOST SOURCE_ROOT
set -eu
host=$1
src=$2
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
umask 027
{
  echo "Forename,Surname,Reg"
  i=0
  while [ $i -lt 3000 ]; do echo "Pupil$i,Family$((i % 97)),$((i % 7))A"; i=$((i + 1)); done
  echo "Jack,Turner,6B"
} > "$dir/roster.csv"
printf '{"rosters":["roster.csv"]}' > "$dir/config.json"
# a native-messaging frame (little-endian length; these are under 256 bytes)
frame() { printf "\\$(printf %03o "${#1}")\\000\\000\\000%s" "$1"; }
{
  frame '{"type":"hello","protocol":1}'
  frame '{"type":"check","id":1,"text":"Well done Jack Turner"}'
} > "$dir/in"
PREPOST_NO_JIT=1 PREPOST_LEXICONS="$src/lexicons" PREPOST_CACHE_DIR="$dir/cache" \
  valgrind --tool=helgrind --error-exitcode=1 -q "$host" serve --config "$dir/config.json" \
  < "$dir/in" > "$dir/out"
grep -q '"type":"hello"' "$dir/out" || { echo "no hello reply"; exit 1; }
grep -q '"match":"Jack Turner"' "$dir/out" || { echo "the check did not find the name"; exit 1; }
echo "hello and check under helgrind: no races"

# A long text is checked with a second thread (obfuscated words and
# patterns beside tokens and phrases): helgrind watches that too.
i=0
while [ $i -lt 1000 ]; do
  echo "Jack Turner in 6B was an id10t, call 07700 900123, s.t.u.p.i.d day $i" ; i=$((i + 1))
done > "$dir/long.txt"   # about 73 KB, over the 64 KiB threshold
status=0
PREPOST_NO_JIT=1 PREPOST_LEXICONS="$src/lexicons" PREPOST_CACHE_DIR="$dir/cache" \
  valgrind --tool=helgrind --error-exitcode=3 -q "$host" check --config "$dir/config.json" \
  "$dir/long.txt" > "$dir/long.out" || status=$?
[ "$status" -eq 1 ] || { echo "check of a long text: exit $status, expected 1 (warnings)"; exit 1; }
grep -q "07700 900123" "$dir/long.out" || { echo "the long check missed the phone number"; exit 1; }
grep -qi "id10t" "$dir/long.out" || { echo "the long check missed the obfuscated word"; exit 1; }
echo "a long text checked with a second thread under helgrind: no races"
