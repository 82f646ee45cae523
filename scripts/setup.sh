#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One script for a fresh Debian 12 machine: install what Cohort needs, build it,
# then either run it or run the whole test suite.
#
#   scripts/setup.sh run [cohort args...]   install, build, launch Cohort (demo cluster when no connection is saved)
#   scripts/setup.sh test                   install, build, run every test through ctest
#                                           (including those against a real Kafka 4.4 it starts)
#   scripts/setup.sh deps | build           only one step
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${COHORT_BUILD_DIR:-"$here/build"}
mode=${1:-run}
[ $# -gt 0 ] && shift

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libqcustomplot-dev librdkafka-dev qtkeychain-qt6-dev libqt6svg6 libqt6sql6-sqlite
  xvfb xauth kcat python3 python3-venv appstream
  openjdk-17-jdk-headless maven openssl
  qt6-translations-l10n fonts-noto-cjk
)

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup.sh: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  export CCACHE_DIR=${CCACHE_DIR:-"$HOME/.cache/ccache"}
  export CCACHE_BASEDIR="$here"
  # Line tables only (-g1): backtraces and profiles still name functions and
  # lines, and objects are a fifth of -g's, which makes a clean build on 2
  # cores minutes shorter. A debugger session wants -DCMAKE_BUILD_TYPE=Debug.
  # ccache can cache compiles that use precompiled headers with this sloppiness.
  export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
  cmake --build "$build_dir" --parallel "$(nproc)"
}

# The Python clients the tests use (tests/python/requirements.txt, pinned),
# in a virtual environment under the build directory; rebuilt only when the
# requirements change.
make_test_venv() {
  local venv="$build_dir/venv" requirements="$here/tests/python/requirements.txt"
  if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$venv/requirements.installed"; then
    return 0
  fi
  echo "setup.sh: installing the tests' Python clients into $venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$venv/requirements.installed"
}

# How long each step took, printed when the script ends (so a slow CI run
# says whether the packages, the build or the tests took the time).
timings=()
phase='' phase_start=0
timed() {
  phase=$1 phase_start=$SECONDS
  shift
  "$@"
  timings+=("$phase $((SECONDS - phase_start)) s;")
  phase=''
}
print_timings() {
  [ -z "$phase" ] || timings+=("$phase $((SECONDS - phase_start)) s (failed);")
  [ ${#timings[@]} -eq 0 ] || echo "setup.sh: took ${timings[*]}" >&2
}

case "$mode" in
  deps) install_deps ;;
  build) install_deps; build; make_test_venv ;;
  run)
    install_deps; build
    exec "$build_dir/app/cohort" "$@"
    ;;
  test)
    trap print_timings EXIT
    timed packages install_deps
    timed build build
    timed venv make_test_venv
    # The real Kafka 4.4 the suite runs against (tests/kafka): its jars come
    # from Maven Central once, into ~/.cache/cohort, before the clock of the
    # cluster fixture starts.
    timed kafka-jars "$here/scripts/kafka-cluster.sh" fetch
    cd "$build_dir"
    # Tests that start sandbox brokers use ephemeral ports on 127.0.0.1 only.
    timed tests env QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 --parallel 2 --no-tests=error
    ;;
  *)
    echo "usage: scripts/setup.sh run|test|deps|build [cohort args...]" >&2
    exit 2
    ;;
esac
