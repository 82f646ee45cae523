#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/kafka-cluster.sh's own contract (its header), with single-broker
# clusters run side by side to keep the time moderate:
#  A  --brokers 1: the first stdout line is bootstrap.servers=127.0.0.1:P, then
#     only `ready` (everything else on stderr); SIGINT stops it with exit 0,
#     its broker gone and its data directory removed.
#  B  at the same time, its first attempt's broker port (COHORT_KAFKA_PORTS)
#     held by another process, as when a port picked free is taken before the
#     broker binds it: it starts again with new ports, differs from A in ports
#     and directory, and stops on SIGTERM like A.
#  C  at the same time, a broker that cannot start (a bad value in its
#     configuration, COHORT_KAFKA_BROKER_CONFIG): exit non-zero, the tail of
#     the broker's log on stderr, nothing on stdout, its directory removed.
# Without Java, python3 or Kafka's jars it is skipped (77); with CI set it fails.
set -uo pipefail
set -m   # each cluster in its own process group, with SIGINT not ignored (a non-interactive shell ignores it in background jobs)

script=${1:?usage: tst_kafka_cluster_script.sh path/to/kafka-cluster.sh}
cache=${COHORT_KAFKA_CACHE:-"$HOME/.cache/cohort/kafka-4.4.0"}

skip_or_fail() {
    case "${CI:-}" in
        ""|0|false) echo "SKIP: $*"; exit 77 ;;
        *) echo "FAIL: CI is set, so this cannot be skipped: $*"; exit 1 ;;
    esac
}
command -v java >/dev/null || skip_or_fail "java is not installed"
command -v python3 >/dev/null || skip_or_fail "python3 is not installed"
[ -f "$cache/jars/.complete" ] || skip_or_fail "Kafka 4.4's jars are not in $cache (scripts/kafka-cluster.sh fetch)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kafka-cluster-test.XXXXXX")
failures=0
holder=""
cluster_pids=()
cleanup() {
    local p
    for p in "${cluster_pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${cluster_pids[@]}"; do wait "$p" 2>/dev/null; done
    [ -n "$holder" ] && kill "$holder" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
check() {   # check DESCRIPTION COMMAND...: one assertion
    local what=$1
    shift
    if "$@"; then
        echo "PASS: $what"
    else
        echo "FAIL: $what"
        failures=$((failures + 1))
    fi
}

# The process ids of the JVMs whose command line names DIR (a cluster's brokers).
jvms_of() {
    local d=$1 p
    for p in /proc/[0-9]*; do
        tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -q -- "$d/node" && echo "${p#/proc/}"
    done
}
work_dir_of() { sed -n 's/.*ready in \([^ ]*\) .*/\1/p' "$1" | head -n 1; }
# Waits until the run NAME printed `ready` or exited; true when ready.
wait_ready() {
    local name=$1 pid=$2 deadline=$((SECONDS + 240))
    until grep -qx ready "$tmp/$name.out" 2>/dev/null; do
        jobs -rp | grep -qx "$pid" || return 1
        [ $SECONDS -ge $deadline ] && return 1
        sleep 0.2
    done
}
# Waits (at most 90 s) for PID to end; its exit code in $code ("timeout" if it did not).
# Not in a $(...) subshell: only this shell can wait for its own children.
wait_exit() {
    local pid=$1 deadline=$((SECONDS + 90))
    code=timeout
    while [ $SECONDS -lt $deadline ]; do
        if ! jobs -rp | grep -qx "$pid"; then
            wait "$pid"
            code=$?
            return
        fi
        sleep 0.2
    done
}
only_contract_lines() {   # stdout: the bootstrap line first, then only `ready`
    head -n 1 "$1" | grep -qx 'bootstrap.servers=127\.0\.0\.1:[0-9]*' && [ "$(sed -n '2,$p' "$1")" = ready ]
}
listening() { python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5).close()' "$1"; }

# A port held by another process, listening, for B's first attempt.
python3 -c '
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print(s.getsockname()[1], flush=True)
time.sleep(900)' > "$tmp/held" &
holder=$!
until [ -s "$tmp/held" ]; do sleep 0.05; done
held=$(cat "$tmp/held")
free=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$script" start --brokers 1 > "$tmp/a.out" 2> "$tmp/a.err" < /dev/null &
a=$!
COHORT_KAFKA_PORTS="$held $free" "$script" start --brokers 1 > "$tmp/b.out" 2> "$tmp/b.err" < /dev/null &
b=$!
mkdir "$tmp/c-tmp"   # C's own TMPDIR: what it leaves there is what it did not remove
TMPDIR="$tmp/c-tmp" COHORT_KAFKA_BROKER_CONFIG="num.partitions=not-a-number" "$script" start --brokers 1 > "$tmp/c.out" 2> "$tmp/c.err" < /dev/null &
c=$!
cluster_pids=("$a" "$b" "$c")

# C: the broker that cannot start.
wait_exit "$c"
c_code=$code
check "C exits non-zero (got $c_code)" test "$c_code" != 0 -a "$c_code" != timeout
check "C says which broker did not start" grep -q "kafka-cluster: broker 1 exited before it was ready" "$tmp/c.err"
check "C shows the tail of the broker's log (the bad value)" grep -q "not-a-number" "$tmp/c.err"
check "C prints nothing on stdout" test ! -s "$tmp/c.out"
check "C removes its data directory" test -z "$(ls -A "$tmp/c-tmp")"

check "A gets ready" wait_ready a "$a"
check "B gets ready" wait_ready b "$b"
check "A's stdout is the contract: bootstrap line first, then ready" only_contract_lines "$tmp/a.out"
check "B's stdout is the contract too" only_contract_lines "$tmp/b.out"
check "B started again with new ports after its broker port was taken" \
    grep -q "could not bind a port picked for it (another process took it): trying again with new ports" "$tmp/b.err"
a_port=$(head -n 1 "$tmp/a.out" | sed 's/.*://')
b_port=$(head -n 1 "$tmp/b.out" | sed 's/.*://')
a_dir=$(work_dir_of "$tmp/a.err")
b_dir=$(work_dir_of "$tmp/b.err")
check "A and B use different ports ($a_port, $b_port), not the held one ($held)" \
    test -n "$a_port" -a -n "$b_port" -a "$a_port" != "$b_port" -a "$b_port" != "$held"
check "A and B use different data directories" test -n "$a_dir" -a -n "$b_dir" -a "$a_dir" != "$b_dir"
check "A's broker listens on its port" listening "$a_port"
check "B's broker listens on its port" listening "$b_port"
a_jvms=$(jvms_of "$a_dir")
check "A runs one broker JVM" test "$(echo "$a_jvms" | grep -c .)" = 1

# A: SIGINT stops it.
kill -INT "$a"
wait_exit "$a"
a_code=$code
check "A exits 0 on SIGINT (got $a_code)" test "$a_code" = 0
check "A's broker is gone" test -z "$(jvms_of "$a_dir")"
check "A removed its data directory" test ! -e "$a_dir"
check "B still runs after A stopped" listening "$b_port"

# B: SIGTERM stops it.
kill -TERM "$b"
wait_exit "$b"
b_code=$code
check "B exits 0 on SIGTERM (got $b_code)" test "$b_code" = 0
check "B's broker is gone" test -z "$(jvms_of "$b_dir")"
check "B removed its data directory" test ! -e "$b_dir"
cluster_pids=()

if [ "$failures" != 0 ]; then
    for r in a b c; do
        echo "--- $r stdout"; cat "$tmp/$r.out"
        echo "--- $r stderr (tail)"; tail -n 30 "$tmp/$r.err"
    done
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
