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
