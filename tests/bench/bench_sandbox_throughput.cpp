// SPDX-License-Identifier: GPL-3.0-or-later
// Produce then consume N MB of 1 KB messages through librdkafka over loopback
// against an in-process sandbox. Usage: bench_sandbox_throughput [MB=1024]
// Prints one JSON line: {"mb":..,"produce_mb_s":..,"consume_mb_s":..}

#include "sandbox/SandboxCluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <librdkafka/rdkafka.h>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 mb = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1024;
    const qint64 messages = mb * 1024;
    cohort::sandbox::SandboxConfig config;
    config.brokers = 1;
    config.logToStderr = false;
    config.retentionBytesPerPartition = (mb + 64) << 20;   // keep everything for the consume pass
    config.topics = {{QStringLiteral("bench"), 4}};
    cohort::sandbox::SandboxCluster cluster(config);
    QString error;
    if (!cluster.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QByteArray bootstrap = cluster.bootstrapServers().toUtf8();
    char err[512];

    rd_kafka_conf_t *pc = rd_kafka_conf_new();
    rd_kafka_conf_set(pc, "bootstrap.servers", bootstrap.constData(), err, sizeof err);
    rd_kafka_conf_set(pc, "linger.ms", "20", err, sizeof err);
    rd_kafka_conf_set(pc, "batch.size", "1000000", err, sizeof err);
    rd_kafka_conf_set(pc, "queue.buffering.max.kbytes", "262144", err, sizeof err);
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, pc, err, sizeof err);
    QByteArray payload(1024, 'x');
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < messages; ++i) {
        while (rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("bench"), RD_KAFKA_V_PARTITION(int(i % 4)),
                                 RD_KAFKA_V_VALUE(payload.data(), size_t(payload.size())), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_END)
               == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(producer, 1);
        rd_kafka_poll(producer, 0);
    }
    rd_kafka_flush(producer, 120000);
    const double produceSec = timer.elapsed() / 1000.0;
    rd_kafka_destroy(producer);

    rd_kafka_conf_t *cc = rd_kafka_conf_new();
    rd_kafka_conf_set(cc, "bootstrap.servers", bootstrap.constData(), err, sizeof err);
    rd_kafka_conf_set(cc, "group.id", "bench", err, sizeof err);
    rd_kafka_conf_set(cc, "fetch.max.bytes", "52428800", err, sizeof err);
    rd_kafka_conf_set(cc, "max.partition.fetch.bytes", "8388608", err, sizeof err);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, cc, err, sizeof err);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(4);
    for (int p = 0; p < 4; ++p)
        rd_kafka_topic_partition_list_add(list, "bench", p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer, list);
    rd_kafka_topic_partition_list_destroy(list);
    timer.restart();
    qint64 got = 0, bytes = 0;
    while (got < messages && timer.elapsed() < 600000) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 100);
        if (!m)
            continue;
        if (!m->err) {
            ++got;
            bytes += qint64(m->len);
        }
        rd_kafka_message_destroy(m);
    }
    const double consumeSec = timer.elapsed() / 1000.0;
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);

    QTextStream(stdout) << QStringLiteral(
                               "{\"bench\":\"sandbox_throughput\",\"mb\":%1,\"messages\":%2,\"produce_s\":%3,\"produce_mb_s\":%4,"
                               "\"consumed\":%5,\"consume_s\":%6,\"consume_mb_s\":%7}")
                               .arg(mb)
                               .arg(messages)
                               .arg(produceSec, 0, 'f', 2)
                               .arg(mb / produceSec, 0, 'f', 1)
                               .arg(got)
                               .arg(consumeSec, 0, 'f', 2)
                               .arg((bytes >> 20) / consumeSec, 0, 'f', 1)
                        << Qt::endl;
    cluster.stop();
    return got == messages ? 0 : 1;
}
