#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest fixture around scripts/kafka-cluster.sh: `start DIR` runs a real Kafka
# 4.4 cluster in the background and returns once it is ready, writing what the
# cluster printed (bootstrap.servers=..., bootstrap.servers.sasl=..., ...) to
# DIR/cluster.env for the tests; `stop DIR` stops it and waits. A cluster that
# cannot start makes `start` fail with its log, so the tests that need it fail
# too (ctest marks them as not run because their fixture failed).
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: kafka-fixture.sh start|stop DIR [kafka-cluster.sh options]" >&2; exit 2; }
shift 2
mkdir -p "$dir"

case "$cmd" in
start)
    for tool in java mvn python3 openssl; do
        if ! command -v "$tool" >/dev/null; then
            case "${CI:-}" in
                ""|0|false) echo "kafka-fixture: $tool is not installed: the tests against a real Kafka are skipped" >&2; exit 77 ;;
                *) echo "kafka-fixture: $tool is not installed, and CI is set: a real Kafka cluster is required" >&2; exit 1 ;;
            esac
        fi
    done
    rm -f "$dir/cluster.env" "$dir/cluster.out" "$dir/cluster.err"
    # Its own session, so that stop can signal the script and nothing else.
    setsid "$here/scripts/kafka-cluster.sh" start "$@" > "$dir/cluster.out" 2> "$dir/cluster.err" < /dev/null &
    echo $! > "$dir/cluster.pid"
    for _ in $(seq 1 ${COHORT_KAFKA_READY_TIMEOUT:-180}0); do
        if grep -qx ready "$dir/cluster.out" 2>/dev/null; then
            grep '=' "$dir/cluster.out" > "$dir/cluster.env"
            cat "$dir/cluster.env"
            exit 0
        fi
        if ! kill -0 "$(cat "$dir/cluster.pid")" 2>/dev/null; then
            echo "kafka-fixture: the Kafka cluster did not start:" >&2
            tail -n 60 "$dir/cluster.err" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "kafka-fixture: the Kafka cluster was not ready in time:" >&2
    tail -n 60 "$dir/cluster.err" >&2
    kill -TERM "$(cat "$dir/cluster.pid")" 2>/dev/null || true
    exit 1
    ;;
stop)
    [ -f "$dir/cluster.pid" ] || exit 0
    pid=$(cat "$dir/cluster.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$dir/cluster.pid" "$dir/cluster.env"
    ;;
*)
    echo "usage: kafka-fixture.sh start|stop DIR [kafka-cluster.sh options]" >&2
    exit 2
    ;;
esac
