#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The refresh benchmark on a real Apache Kafka 4.4 cluster of its own: starts
# scripts/kafka-cluster.sh (timing it until ready), runs bench_refresh with
# the scale fixture (--create) and the cohort-cli / kafka-consumer-groups
# comparison, and stops the cluster. Prints JSON lines on stdout: the
# cluster's start, bench_refresh's figures, the brokers' memory.
#
#   scripts/bench-kafka.sh [--build DIR] [--brokers 1|3] [bench_refresh options...]
#
# Defaults: build directory ./build, 3 brokers, and bench_refresh's own
# defaults (200 topics x 100 partitions, replication factor 1, 2,000 groups by
# admin commits, 3 live groups of 2 consumers) with --compare-cli 5.
# KAFKA_HEAP sets each broker's heap (default here -Xmx1g).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build="$here/../build"
brokers=3
bench_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=${2:?--build needs a directory}; shift 2 ;;
        --brokers) brokers=${2:?--brokers needs 1 or 3}; shift 2 ;;
        *) bench_args+=("$1"); shift ;;
    esac
done
bench="$build/tests/bench_refresh"
[ -x "$bench" ] || { echo "bench-kafka: $bench is not built: cmake --build $build --target bench_refresh cohort-cli" >&2; exit 2; }
case " ${bench_args[*]:-} " in *" --compare-cli "*) ;; *) bench_args+=(--compare-cli 5) ;; esac
export KAFKA_HEAP=${KAFKA_HEAP:--Xmx1g}

out=$(mktemp "${TMPDIR:-/tmp}/cohort-bench-kafka.XXXXXX")
err="$out.err"
cluster=""
stop_cluster() {
    if [ -n "$cluster" ] && kill -0 "$cluster" 2>/dev/null; then
        kill -TERM "$cluster" 2>/dev/null || true
        wait "$cluster" 2>/dev/null || true
    fi
    rm -f "$out" "$err"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

started=$(date +%s%N)
"$here/kafka-cluster.sh" start --brokers "$brokers" > "$out" 2> "$err" < /dev/null &
cluster=$!
until grep -qx ready "$out" 2>/dev/null; do
    if ! kill -0 "$cluster" 2>/dev/null; then
        tail -n 40 "$err" >&2
        echo "bench-kafka: the Kafka cluster did not start" >&2
        exit 1
    fi
    sleep 0.1
done
ready_ms=$((($(date +%s%N) - started) / 1000000))
bootstrap=$(sed -n 's/^bootstrap.servers=//p' "$out" | head -1)
load=$(cut -d' ' -f1 /proc/loadavg)
echo "{\"bench\":\"kafka_cluster_start\",\"brokers\":$brokers,\"ready_ms\":$ready_ms,\"goal_ready_ms\":30000,\"load_average_1min\":$load,\"heap\":\"$KAFKA_HEAP\"}"

# The brokers are the JVMs kafka-cluster.sh started (its children).
broker_rss() {
    local pid rss list=""
    for pid in $(pgrep -P "$cluster" java || true); do
        rss=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo -1)
        list="${list:+$list,}$rss"
    done
    echo "[$list]"
}
rss_before=$(broker_rss)

"$bench" --bootstrap-server "$bootstrap" --create "${bench_args[@]}"

echo "{\"bench\":\"kafka_brokers\",\"rss_mib_idle\":$rss_before,\"rss_mib_after_bench\":$(broker_rss)}"
