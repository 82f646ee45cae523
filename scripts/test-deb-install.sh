#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Cohort's .deb into a clean Debian 12 root and runs it there, as a
# user of a fresh machine would get it: apt-get resolves the package's
# dependencies (from dpkg-shlibdeps and the plugins it declares) and nothing
# else is installed; then cohort-cli --version, cohort-sandbox --version, the
# man pages, desktop entry, icon and metainfo, no unresolved library, and
# `cohort --demo --screenshot` on the offscreen platform.
#
#   sudo scripts/test-deb-install.sh [BUILD_DIR]    (default: build)
#
# Needs root (debootstrap, chroot, mount), the network (deb.debian.org) and a
# few minutes; not part of the ctest suite. The minbase root is made once with
# debootstrap into $COHORT_DEBOOTSTRAP_CACHE (default
# ~/.cache/cohort/debootstrap-bookworm-minbase) and copied afresh for every
# run, so each run starts from a clean root. The screenshot taken inside is
# copied to BUILD_DIR/deb-install-groups.png.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-"$here/build"}" && pwd)
cache=${COHORT_DEBOOTSTRAP_CACHE:-"$HOME/.cache/cohort/debootstrap-bookworm-minbase"}
mirror=${COHORT_DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { printf '== %s\n' "$*"; }
fail() { printf 'test-deb-install.sh: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot and mount): run it with sudo"
command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install debootstrap"

# The package: made now when the build has none yet.
deb=$(ls -t "$build"/cohort_*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
  say "cpack -G DEB in $build"
  (cd "$build" && cpack -G DEB >/dev/null)
  deb=$(ls -t "$build"/cohort_*.deb | head -1)
fi
say "package: ${deb#"$build"/}"
dpkg-deb --field "$deb" Package Version Depends Recommends

if [ ! -x "$cache/usr/bin/apt-get" ]; then
  say "debootstrap --variant=minbase bookworm (once, into $cache)"
  rm -rf "$cache.partial"
  mkdir -p "$(dirname "$cache")"
  debootstrap --variant=minbase bookworm "$cache.partial" "$mirror" >/dev/null
  mv "$cache.partial" "$cache"
fi

root=$(mktemp -d /tmp/cohort-deb-root.XXXXXX)
cleanup() {
  for m in tmp/.X11-unix dev/shm dev/pts dev proc sys; do
    mountpoint -q "$root/$m" && umount -l "$root/$m"
  done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
say "fresh root $root"
cp -a "$cache/." "$root/"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" 2>/dev/null || true
mount -t tmpfs tmpfs "$root/dev/shm"   # Qt's shared-memory image buffers
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/cohort.deb"

in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

say "apt-get install ./cohort.deb (no recommends: the Depends alone must do)"
in_root apt-get -qq update
before=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/cohort.deb >/dev/null
after=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
say "installed cohort and $((after - before - 1)) packages it depends on"

say "what the package put in place"
for f in /usr/bin/cohort /usr/bin/cohort-cli /usr/bin/cohort-sandbox \
         /usr/share/man/man1/cohort.1.gz /usr/share/man/man1/cohort-cli.1.gz /usr/share/man/man1/cohort-sandbox.1.gz \
         /usr/share/applications/io.github.cohort.Cohort.desktop \
         /usr/share/metainfo/io.github.cohort.Cohort.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/io.github.cohort.Cohort.svg; do
  [ -e "$root$f" ] || fail "$f is not installed"
  echo "  $f"
done
for b in cohort cohort-cli cohort-sandbox; do
  if in_root ldd "/usr/bin/$b" | grep 'not found'; then
    fail "$b links a library the package does not depend on"
  fi
done
in_root sh -c 'zcat /usr/share/man/man1/cohort-cli.1.gz | head -c 200' | grep -q '^\.TH' || fail "cohort-cli.1.gz is not a man page"

say "cohort-cli --version"
in_root cohort-cli --version
say "cohort-sandbox --version"
in_root cohort-sandbox --version
say "cohort --version"
in_root cohort --version   # no display and no QT_QPA_PLATFORM: --version needs neither

say "cohort --demo --screenshot /tmp/x.png --page groups (offscreen)"
mkdir -m 0700 "$root/tmp/runtime"   # Qt wants its runtime directory private
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime cohort --demo --lang en --screenshot /tmp/x.png --page groups
[ -s "$root/tmp/x.png" ] || fail "no screenshot was written"
cp "$root/tmp/x.png" "$build/deb-install-groups.png"
say "screenshot: $build/deb-install-groups.png ($(stat -c %s "$build/deb-install-groups.png") bytes)"

# The translations are compiled into the executables: Chinese must come up in
# the clean root too. Its glyphs need a CJK font, which the package
# recommends (apt installs Recommends by default): install that one alone.
say "apt-get install fonts-noto-cjk (the package's recommended CJK font)"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
say "cohort --demo --lang zh_CN --screenshot (offscreen)"
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime cohort --demo --lang zh_CN --screenshot /tmp/zh.png --page groups
[ -s "$root/tmp/zh.png" ] || fail "no Chinese screenshot was written"
cp "$root/tmp/zh.png" "$build/deb-install-groups-zh_CN.png"
say "screenshot: $build/deb-install-groups-zh_CN.png"
say "cohort-cli in Chinese (LANG=zh_CN.UTF-8): an unreachable cluster"
in_root env LANG=zh_CN.UTF-8 cohort-cli --bootstrap-server 127.0.0.1:1 groups list 2>&1 | head -3 || true

# A real display, as a desktop user starts it: the xcb platform plugin and
# its libraries must come with the Depends. The host's Xvfb serves the root
# through its socket (needs xvfb on the host; skipped with a note when absent).
if command -v Xvfb >/dev/null; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  mkdir -p "$root/tmp/.X11-unix"
  mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
  say "cohort --demo --screenshot on the xcb platform (Xvfb $display)"
  in_root env DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR=/tmp/runtime cohort --demo --lang en --screenshot /tmp/xcb.png --page groups
  umount -l "$root/tmp/.X11-unix"
  kill "$xvfb_pid" 2>/dev/null || true
  [ -s "$root/tmp/xcb.png" ] || fail "no screenshot on the xcb platform"
  cp "$root/tmp/xcb.png" "$build/deb-install-groups-xcb.png"
  say "screenshot: $build/deb-install-groups-xcb.png"
else
  say "no Xvfb on this host: the xcb platform was not tried"
fi
say "all good"
