#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real Apache Kafka 4.4 KRaft cluster on 127.0.0.1, from Maven Central's jars,
# for tests and for trying Cohort against the system its users run.
#
#   scripts/kafka-cluster.sh start [--brokers 1|3] [--sasl] [--ssl]
#   scripts/kafka-cluster.sh fetch          only gather the jars into the cache
#
# Same contract as cohort-sandbox: the first line on stdout is
#   bootstrap.servers=127.0.0.1:P1,...
# then, with --sasl / --ssl,
#   bootstrap.servers.sasl=127.0.0.1:...   (SASL_PLAINTEXT; PLAIN users alice/alice-secret,
#                                           admin/admin-secret; SCRAM-SHA-512 user scram/scram-secret)
#   bootstrap.servers.ssl=127.0.0.1:...    (SSL, server certificate for 127.0.0.1)
#   ssl.ca.location=/tmp/.../ca.pem        (the CA that signed it)
#   bootstrap.servers.sasl_ssl=127.0.0.1:... (with --sasl and --ssl: SASL_SSL, the same users and certificate)
# and a last line `ready`. Everything else goes to stderr. It runs in the
# foreground; SIGTERM or SIGINT stops the brokers (broker-only nodes first, then
# the controller), waits for them and removes the data directory. A broker that
# does not start makes it exit 1 with the tail of that broker's log.
#
# A port picked free can be taken by another process before the broker binds
# it: the start is then tried once more with new ports.
#
# Environment: COHORT_KAFKA_CACHE (default ~/.cache/cohort/kafka-4.4.0) holds the
# jars; KAFKA_HEAP (default -Xmx512m) per broker; COHORT_KAFKA_READY_TIMEOUT
# seconds to wait for readiness (default 90); COHORT_KAFKA_STOP_TIMEOUT seconds
# a broker gets to stop before it is killed (default 60). For the script's own
# test (tests/kafka/tst_kafka_cluster_script.sh): COHORT_KAFKA_BROKER_CONFIG,
# lines added to every broker's configuration after the storage is formatted
# (a bad value makes the brokers fail to start), and COHORT_KAFKA_PORTS, the
# ports of the first attempt (space-separated, as many as it needs).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version=4.4.0
cache=${COHORT_KAFKA_CACHE:-"$HOME/.cache/cohort/kafka-$version"}
jars="$cache/jars"

log() { echo "kafka-cluster: $*" >&2; }
die() { log "$*"; exit 1; }

fetch_jars() {
    [ -f "$jars/.complete" ] && return 0
    command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Kafka's jars: apt-get install maven"
    command -v java >/dev/null || die "Java 17 is needed to run Kafka: apt-get install openjdk-17-jre-headless"
    log "gathering Apache Kafka $version jars into $jars (first run only)"
    rm -rf "$jars.partial"
    mkdir -p "$jars.partial"
    if ! mvn -B -q -f "$here/kafka/pom.xml" dependency:copy-dependencies \
            -DincludeScope=runtime -DoutputDirectory="$jars.partial" >&2; then
        rm -rf "$jars.partial"
        die "Maven could not fetch the Kafka jars (see above)"
    fi
    touch "$jars.partial/.complete"
    rm -rf "$jars"
    mv "$jars.partial" "$jars"
}

# N free loopback ports at once (held open together so they differ, then released).
free_ports() {
    python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}

# Short-lived tools (storage format): client compiler only and the serial
# collector start in half the time of the broker's settings, which matters
# for three at once on two cores.
kafka_tool_java() {
    local log4j=$1
    shift
    java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$log4j" -Dkafka.logs.dir="$work/logs" \
        -cp "$jars/*" "$@"
}

kafka_java() {
    # $1: log4j2 config; the rest: main class and arguments
    local log4j=$1
    shift
    ${exec_java:+exec} java ${KAFKA_HEAP:--Xmx512m} -XX:+UseG1GC -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$log4j" -Dkafka.logs.dir="$work/logs" \
        -cp "$jars/*" "$@"
}

brokers=1
sasl=0
ssl=0
cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    fetch) fetch_jars; exit 0 ;;
    start) ;;
    *) echo "usage: scripts/kafka-cluster.sh start [--brokers 1|3] [--sasl] [--ssl] | fetch" >&2; exit 2 ;;
esac
while [ $# -gt 0 ]; do
    case "$1" in
        --brokers) brokers=${2:-}; shift 2 ;;
        --sasl) sasl=1; shift ;;
        --ssl) ssl=1; shift ;;
        *) echo "kafka-cluster: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$brokers" in 1|3) ;; *) echo "kafka-cluster: --brokers takes 1 or 3" >&2; exit 2 ;; esac

fetch_jars
command -v python3 >/dev/null || die "python3 is needed to pick free ports"
[ "$ssl" = 1 ] && { command -v openssl >/dev/null || die "openssl is needed for --ssl"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cohort-kafka.XXXXXX")
mkdir -p "$work/logs"
pids=()
format_pids=()

# Whether a child is still running: kill -0 succeeds on a child that exited
# but was not waited for yet (a zombie), so its state is read instead.
running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

# TERM, then at most COHORT_KAFKA_STOP_TIMEOUT seconds for it to go, then KILL.
stop_pid() {
    local pid=$1 limit=$((SECONDS + ${COHORT_KAFKA_STOP_TIMEOUT:-60}))
    kill -TERM "$pid" 2>/dev/null || return 0
    while running "$pid" && [ $SECONDS -lt $limit ]; do
        sleep 0.2
    done
    if running "$pid"; then
        log "process $pid did not stop within ${COHORT_KAFKA_STOP_TIMEOUT:-60} s: killed"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# Broker-only nodes first: their controlled shutdown needs the controller.
# The storage formatters too, when a signal comes while they run.
stop_brokers() {
    local i
    for ((i = ${#format_pids[@]} - 1; i >= 0; i--)); do
        stop_pid "${format_pids[$i]}"
    done
    format_pids=()
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        stop_pid "${pids[$i]}"
    done
    pids=()
}

stop_all() {
    trap - INT TERM EXIT
    stop_brokers
    rm -rf "$work"
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

cat > "$work/log4j2-broker.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.console.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
EOF

if [ "$ssl" = 1 ]; then
    (
        cd "$work"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Cohort test CA" \
            -keyout ca.key -out ca.pem 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout broker.key -out broker.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > san.ext
        openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
            -extfile san.ext -out broker.pem 2>/dev/null
        openssl pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem \
            -name broker -passout pass:cohort-test -out broker.p12
    ) || die "openssl could not make the test certificates"
fi

write_config() {
    local node=$1 port=$2 file="$work/node$1.properties"
    local listeners="PLAINTEXT://127.0.0.1:$port"
    # Broker-only nodes reach the controller too: they need its mapping.
    local protomap="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    local roles=broker
    if [ "$node" = 1 ]; then
        roles=broker,controller
        listeners="$listeners,CONTROLLER://127.0.0.1:$controller_port"
    fi
    [ -n "$sasl_port" ] && { listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:${sasl_ports[$node]}"; protomap="$protomap,SASL_PLAINTEXT:SASL_PLAINTEXT"; }
    [ -n "$ssl_port" ] && { listeners="$listeners,SSL://127.0.0.1:${ssl_ports[$node]}"; protomap="$protomap,SSL:SSL"; }
    [ -n "$sasl_ssl_port" ] && { listeners="$listeners,SASL_SSL://127.0.0.1:${sasl_ssl_ports[$node]}"; protomap="$protomap,SASL_SSL:SASL_SSL"; }
    local rf=1 isr=1
    [ "$brokers" = 3 ] && { rf=3; isr=2; }
    {
        echo "process.roles=$roles"
        echo "node.id=$node"
        echo "controller.quorum.bootstrap.servers=127.0.0.1:$controller_port"
        echo "controller.listener.names=CONTROLLER"
        echo "listeners=$listeners"
        echo "advertised.listeners=$listeners"
        echo "inter.broker.listener.name=PLAINTEXT"
        echo "listener.security.protocol.map=$protomap"
        echo "log.dirs=$work/data$node"
        echo "num.partitions=1"
        echo "default.replication.factor=$rf"
        echo "min.insync.replicas=$isr"
        echo "offsets.topic.replication.factor=$rf"
        echo "offsets.topic.num.partitions=3"
        echo "transaction.state.log.replication.factor=$rf"
        echo "transaction.state.log.min.isr=$isr"
        echo "share.coordinator.state.topic.replication.factor=$rf"
        echo "share.coordinator.state.topic.min.isr=$isr"
        # Tests let members expire after a short session timeout (Kafka's
        # minimum is 6 s by default) and join without the 3 s initial delay.
        echo "group.min.session.timeout.ms=1000"
        echo "group.initial.rebalance.delay.ms=0"
        echo "group.streams.initial.rebalance.delay.ms=0"
        echo "auto.create.topics.enable=true"
        if [ -n "$sasl_port" ]; then
            echo "sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-512"
            echo 'listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_alice="alice-secret";'
            echo 'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;'
        fi
        if [ -n "$sasl_ssl_port" ]; then
            echo 'listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_alice="alice-secret";'
            echo 'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;'
        fi
        if [ -n "$ssl_port" ]; then
            echo "ssl.keystore.type=PKCS12"
            echo "ssl.keystore.location=$work/broker.p12"
            echo "ssl.keystore.password=cohort-test"
            echo "ssl.key.password=cohort-test"
            echo "ssl.client.auth=none"
        fi
    } > "$file"
}

# One attempt at the whole start: ports, configurations, fresh storage, the
# brokers, readiness. Returns 3 when a broker could not bind its port (taken
# since it was picked), dies on any other failure.
try_start() {
    local attempt=$1 n
    # Ports: per node a PLAINTEXT port, node 1 a CONTROLLER port, and with
    # --sasl / --ssl per node a SASL_PLAINTEXT / SSL port; with both, a SASL_SSL
    # listener too (SCRAM over TLS). Every broker has every listener: a client
    # sees in Metadata only the brokers that have the listener it connected to,
    # so a listener on one node would hide the groups coordinated elsewhere.
    sasl_ssl=$((sasl * ssl))
    need=$((brokers + 1 + brokers * (sasl + ssl + sasl_ssl)))
    if [ "$attempt" = 1 ] && [ -n "${COHORT_KAFKA_PORTS:-}" ]; then
        read -r -a ports <<<"$COHORT_KAFKA_PORTS"
        [ "${#ports[@]}" -ge "$need" ] || die "COHORT_KAFKA_PORTS names ${#ports[@]} ports, $need are needed"
    else
        read -r -a ports <<<"$(free_ports "$need")"
    fi
    controller_port=${ports[$brokers]}
    next=$((brokers + 1))
    sasl_ports=() ssl_ports=() sasl_ssl_ports=()
    for ((n = 1; n <= brokers; n++)); do
        if [ "$sasl" = 1 ]; then sasl_ports[$n]=${ports[$next]}; next=$((next + 1)); fi
        if [ "$ssl" = 1 ]; then ssl_ports[$n]=${ports[$next]}; next=$((next + 1)); fi
        if [ "$sasl_ssl" = 1 ]; then sasl_ssl_ports[$n]=${ports[$next]}; next=$((next + 1)); fi
    done
    sasl_port=${sasl_ports[1]:-}
    ssl_port=${ssl_ports[1]:-}
    sasl_ssl_port=${sasl_ssl_ports[1]:-}

    for ((n = 1; n <= brokers; n++)); do
        write_config "$n" "${ports[$((n - 1))]}"
    done

    # What kafka-storage random-uuid prints (Kafka's Uuid: 16 random bytes in
    # URL-safe base64 without padding, never starting with "-"), without a JVM.
    cluster_id=$(python3 -c '
import base64, uuid
while True:
    u = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    if not u.startswith("-"):
        print(u)
        break')
    [ -n "$cluster_id" ] || die "could not make a cluster id"
    scram=()
    [ "$sasl" = 1 ] && scram=(--add-scram 'SCRAM-SHA-512=[name=scram,password=scram-secret]')
    # Each node's storage is formatted by its own JVM, all at once (JVM start-up is
    # most of the time).
    format_pids=()
    for ((n = 1; n <= brokers; n++)); do
        quorum=()
        [ "$n" = 1 ] && quorum=(--standalone)
        kafka_tool_java "$work/log4j2-broker.properties" kafka.tools.StorageTool format -t "$cluster_id" \
            -c "$work/node$n.properties" "${quorum[@]}" "${scram[@]}" > "$work/logs/format$n.log" 2>&1 &
        format_pids+=($!)
    done
    for ((n = 1; n <= brokers; n++)); do
        if ! wait "${format_pids[$((n - 1))]}"; then
            tail -n 30 "$work/logs/format$n.log" >&2
            die "formatting the storage of node $n failed"
        fi
    done

    format_pids=()
    if [ -n "${COHORT_KAFKA_BROKER_CONFIG:-}" ]; then
        for ((n = 1; n <= brokers; n++)); do
            printf '%s\n' "$COHORT_KAFKA_BROKER_CONFIG" >> "$work/node$n.properties"
        done
    fi

    for ((n = 1; n <= brokers; n++)); do
        # exec: the pid is the JVM's own, so a TERM reaches the broker itself.
        (exec_java=1 kafka_java "$work/log4j2-broker.properties" kafka.Kafka "$work/node$n.properties") > "$work/logs/node$n.log" 2>&1 &
        pids+=($!)
    done

    deadline=$((SECONDS + ${COHORT_KAFKA_READY_TIMEOUT:-90}))
    for ((n = 1; n <= brokers; n++)); do
        until grep -q "Kafka Server started" "$work/logs/node$n.log" 2>/dev/null; do
            if ! running "${pids[$((n - 1))]}"; then
                if [ "$attempt" = 1 ] && grep -q "Address already in use" "$work/logs/node$n.log"; then
                    log "broker $n could not bind a port picked for it (another process took it): trying again with new ports"
                    return 3
                fi
                tail -n 40 "$work/logs/node$n.log" >&2
                die "broker $n exited before it was ready"
            fi
            if [ $SECONDS -ge $deadline ]; then
                tail -n 40 "$work/logs/node$n.log" >&2
                die "broker $n was not ready within ${COHORT_KAFKA_READY_TIMEOUT:-90} s"
            fi
            sleep 0.2
        done
    done
    # Every broker registered and unfenced: the metadata lists all of them.
    until python3 - "${ports[0]}" "$brokers" <<'EOF'
import socket, struct, sys
port, want = int(sys.argv[1]), int(sys.argv[2])
# Metadata v1 with an empty topic array: the broker list is all we read.
body = struct.pack(">hhih", 3, 1, 1, 6) + b"cohort" + struct.pack(">i", 0)
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(struct.pack(">i", len(body)) + body)
    def read(n):
        b = b""
        while len(b) < n:
            c = s.recv(n - len(b))
            if not c:
                raise EOFError
            b += c
        return b
    size = struct.unpack(">i", read(4))[0]
    data = read(size)
    n = struct.unpack(">i", data[4:8])[0]
    sys.exit(0 if n >= want else 1)
except Exception:
    sys.exit(1)
EOF
    do
        [ $SECONDS -ge $deadline ] && { tail -n 40 "$work/logs/node1.log" >&2; die "the cluster did not list $brokers brokers in time"; }
        sleep 0.2
    done
    return 0
}

attempt=1
until try_start "$attempt"; do
    rc=$?
    [ "$rc" = 3 ] && [ "$attempt" = 1 ] || die "the brokers did not start"
    stop_brokers
    rm -rf "$work"/data*
    attempt=2
done

servers=""
for ((n = 0; n < brokers; n++)); do
    servers="${servers:+$servers,}127.0.0.1:${ports[$n]}"
done
echo "bootstrap.servers=$servers"
[ -n "$sasl_port" ] && echo "bootstrap.servers.sasl=127.0.0.1:$sasl_port"
[ -n "$ssl_port" ] && { echo "bootstrap.servers.ssl=127.0.0.1:$ssl_port"; echo "ssl.ca.location=$work/ca.pem"; }
[ -n "$sasl_ssl_port" ] && echo "bootstrap.servers.sasl_ssl=127.0.0.1:$sasl_ssl_port"
echo "ready"
log "Kafka $version with $brokers broker(s) ready in $work (logs in $work/logs)"

# Stay in the foreground until told to stop or a broker dies.
while :; do
    for ((n = 0; n < brokers; n++)); do
        if ! running "${pids[$n]}"; then
            tail -n 40 "$work/logs/node$((n + 1)).log" >&2
            die "broker $((n + 1)) stopped unexpectedly"
        fi
    done
    sleep 1 &
    wait $! || true
done
