#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates resources/translations/*.ts from the sources with Qt's lupdate, keeping the
# translations already made, and prints how many messages wait for one.
#
#   scripts/update-translations.sh               update resources/translations/ in place
#   scripts/update-translations.sh --into DIR    write the updated files into DIR
#                                                instead (the completeness test
#                                                compares them with resources/translations/)
#
# cohort_en.ts holds the plural messages only (-pluralonly): English needs no
# other translation, but "%n partition(s)" reads "1 partition" / "2 partitions"
# only through its numerus forms. cohort_zh_CN.ts holds every message.
# -I . lets lupdate see that a class is in namespace cohort; without it the
# strings land in a context tr() never asks for. Messages no source has any more
# are dropped (-no-obsolete). LUPDATE names the binary when it is not found.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
into=""
while [ $# -gt 0 ]; do
  case "$1" in
    --into) into=${2:?--into needs a directory}; shift 2 ;;
    -h|--help) sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "update-translations.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

find_lupdate() {
  if [ -n "${LUPDATE:-}" ]; then echo "$LUPDATE"; return; fi
  local dir
  for q in qtpaths6 qtpaths; do
    if command -v "$q" >/dev/null 2>&1; then
      for var in QT_HOST_BINS QT_INSTALL_BINS QT_HOST_LIBEXECS; do
        dir=$("$q" --query "$var" 2>/dev/null || true)
        if [ -n "$dir" ] && [ -x "$dir/lupdate" ]; then echo "$dir/lupdate"; return; fi
      done
    fi
  done
  for candidate in /usr/lib/qt6/bin/lupdate /usr/lib/qt6/libexec/lupdate "$(command -v lupdate6 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "update-translations.sh: Qt 6's lupdate not found: install qt6-l10n-tools (Debian) or set LUPDATE" >&2
  exit 1
}
lupdate=$(find_lupdate)

out="$here/resources/translations"
if [ -n "$into" ]; then
  mkdir -p "$into"
  out=$(cd "$into" && pwd)
  cp "$here"/resources/translations/*.ts "$out"/
fi

# The folders whose sources hold the strings the executables show.
sources=(core models widgets ui app)
cd "$here"
"$lupdate" -no-obsolete -locations none -I . "${sources[@]}" -pluralonly -ts "$out/cohort_en.ts"
"$lupdate" -no-obsolete -locations none -I . "${sources[@]}" -ts "$out/cohort_zh_CN.ts"

for ts in "$out"/*.ts; do
  echo "$(basename "$ts"): $(grep -c 'type="unfinished"' "$ts" || true) unfinished"
done
