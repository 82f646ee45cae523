#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README's screenshots, docs/screenshots/*.png: each page of
# `cohort --demo` (Groups, Topics, a group's page, a group's Rebalances tab) in
# the light and the dark palette, in English, and in the light palette in
# Simplified Chinese (docs/screenshots/zh_CN/), rendered offscreen at the
# window's default size.
#
#   scripts/screenshots.sh [BUILD_DIR]      (default: build)
#
# Each picture is taken once the demo's groups have formed (some 10-20 s; the
# Rebalances tab once the watcher saw a rebalance of clickstream-enricher
# complete, up to a minute); the runs go two at a time. The language is the
# one named (--lang), whatever the desktop's.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
cohort="$build/app/cohort"
out="$here/docs/screenshots"
if [ ! -x "$cohort" ]; then
  echo "screenshots.sh: $cohort is not built; run scripts/setup.sh build (or give the build directory)" >&2
  exit 2
fi
mkdir -p "$out"

mkdir -p "$out/zh_CN"

# page (as --page takes it) and the file name it gets
pages=("groups groups" "topics topics" "group:orders-processor group" "rebalances:clickstream-enricher rebalances")

shoot() {   # palette page name [language]
  local lang=${4:-en}
  local file="$out/$3-$1.png"
  [ "$lang" = en ] || file="$out/$lang/$3-$1.png"
  # A settings file of its own: the user's language choice and window layout stay out of the picture.
  local config
  config=$(mktemp -d)
  if XDG_CONFIG_HOME="$config" XDG_RUNTIME_DIR="$config" QT_QPA_PLATFORM=offscreen "$cohort" --demo --lang "$lang" --palette "$1" \
      --screenshot "$file" --page "$2"; then
    echo "wrote ${file#"$here"/}"
  else
    echo "screenshots.sh: cohort --lang $lang --palette $1 --page $2 failed" >&2
    rm -rf "$config"
    return 1
  fi
  rm -rf "$config"
}

status=0
for entry in "${pages[@]}"; do
  read -r page name <<<"$entry"
  shoot light "$page" "$name" &
  light=$!
  shoot dark "$page" "$name" &
  dark=$!
  wait "$light" || status=1
  wait "$dark" || status=1
done
# Simplified Chinese, light only (the dark palette is the English pictures' business).
for ((i = 0; i < ${#pages[@]}; i += 2)); do
  read -r page name <<<"${pages[i]}"
  shoot light "$page" "$name" zh_CN &
  first=$!
  second=""
  if [ $((i + 1)) -lt ${#pages[@]} ]; then
    read -r page name <<<"${pages[i + 1]}"
    shoot light "$page" "$name" zh_CN &
    second=$!
  fi
  wait "$first" || status=1
  [ -z "$second" ] || wait "$second" || status=1
done
exit $status
