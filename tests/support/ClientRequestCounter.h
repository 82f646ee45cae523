// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace cohort::test {

// Counts the requests this process sends to Kafka brokers, by Kafka's API
// names ("Metadata", "ListOffsets", ...), on any cluster, without the broker's
// help: Cohort's own requests through KafkaWireConnection's observer,
// librdkafka's from its protocol debug log. Cohort sets no librdkafka log
// callback, so librdkafka prints that log on stderr: while counting, stderr
// is a pipe read by a thread here, which counts its "Sent <Api>Request" lines,
// drops librdkafka's other debug lines and passes everything else on to the
// real stderr. One per process (stderr and the observer are).
class ClientRequestCounter
{
public:
    static ClientRequestCounter &instance();

    // Starts counting (later calls do nothing). False, with the reason in
    // *error, when stderr cannot be redirected.
    bool start(QString *error);

    // Properties that make a librdkafka client log what it sends for this
    // counter: only the clients given them are counted.
    static QList<QPair<QString, QString>> librdkafkaProperties();

    // Requests sent so far, every line written to stderr before the call
    // counted; "total" is their sum. Empty before start().
    QHash<QString, qint64> counts();

    // Kafka's name for one of librdkafka's ("Offset" is ListOffsets,
    // "GroupCoordinator" FindCoordinator, "ApiVersion" ApiVersions).
    static QString kafkaApiName(const QString &librdkafkaName);

private:
    ClientRequestCounter() = default;
    struct State;
    State *m_state = nullptr;   // never freed: its thread reads stderr until the process exits
};

}   // namespace cohort::test
