#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one of Apache Kafka 4.4's own command-line tools by its script name
# (without .sh) from the jars scripts/kafka-cluster.sh gathers, e.g.
#   scripts/kafka-tool.sh kafka-consumer-groups --bootstrap-server 127.0.0.1:9092 --list
# stdout is the tool's own; its logging goes to stderr at WARN.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${COHORT_KAFKA_CACHE:-"$HOME/.cache/cohort/kafka-4.4.0"}
jars="$cache/jars"

name=${1:-}
[ $# -gt 0 ] && shift
case "$name" in
    kafka-consumer-groups) class=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    kafka-share-groups) class=org.apache.kafka.tools.consumer.group.ShareGroupCommand ;;
    kafka-streams-groups) class=org.apache.kafka.tools.streams.StreamsGroupCommand ;;
    kafka-groups) class=org.apache.kafka.tools.GroupsCommand ;;
    kafka-topics) class=org.apache.kafka.tools.TopicCommand ;;
    kafka-features) class=org.apache.kafka.tools.FeatureCommand ;;
    kafka-broker-api-versions) class=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
    kafka-configs) class=org.apache.kafka.tools.ConfigCommand ;;
    kafka-delete-records) class=org.apache.kafka.tools.DeleteRecordsCommand ;;
    kafka-get-offsets) class=org.apache.kafka.tools.GetOffsetShell ;;
    kafka-console-producer) class=org.apache.kafka.tools.ConsoleProducer ;;
    kafka-console-consumer) class=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    kafka-console-share-consumer) class=org.apache.kafka.tools.consumer.ConsoleShareConsumer ;;
    kafka-storage) class=kafka.tools.StorageTool ;;
    *)
        echo "usage: scripts/kafka-tool.sh NAME ARGS...  (NAME: kafka-consumer-groups, kafka-share-groups," >&2
        echo "       kafka-streams-groups, kafka-groups, kafka-topics, kafka-features, kafka-broker-api-versions," >&2
        echo "       kafka-configs, kafka-delete-records, kafka-get-offsets, kafka-console-producer," >&2
        echo "       kafka-console-consumer, kafka-console-share-consumer, kafka-storage)" >&2
        exit 2
        ;;
esac
[ -f "$jars/.complete" ] || "$here/kafka-cluster.sh" fetch

# The logging configuration lives in the cache, written once (atomically), so
# that java can replace this shell: a signal to the tool (a test stopping a
# console consumer) reaches the JVM, and nothing is left behind.
log4j="$cache/kafka-tool-log4j2.properties"
if [ ! -f "$log4j" ]; then
    tmp=$(mktemp "$log4j.XXXXXX")
    cat > "$tmp" <<'CONF'
status = error
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
CONF
    mv -f "$tmp" "$log4j"
fi
exec java ${KAFKA_TOOL_HEAP:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$log4j" -cp "$jars/*" "$class" "$@"
