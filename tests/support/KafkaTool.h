// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cohort::test {

// One run of Apache Kafka's own command-line tools (scripts/kafka-tool.sh
// NAME ARGS: kafka-consumer-groups, kafka-groups, kafka-topics, ...), from
// the jars scripts/kafka-cluster.sh gathers.
struct KafkaTool
{
    int code = -1;   // -1: it did not finish in time or crashed
    QString out;
    QString err;

    // `input`, when given, is written to the tool's stdin, which is then closed (a console producer's records).
    static KafkaTool run(const QString &name, const QStringList &args, int timeoutMs = 120000, const QByteArray &input = {});
    // scripts/kafka-tool.sh itself, for a tool a test keeps running (a console consumer).
    static QString script();
    // The directory of Kafka 4.4's jars (for javac/java -cp DIR/*).
    static QString jarDirectory();
};

// The named columns of the rows of a table as kafka-consumer-groups.sh and
// cohort-cli print them (a header line, then rows split on white space)
// whose first field is one of `groups`, sorted; empty when a column is missing.
QList<QStringList> tableColumns(const QString &table, const QStringList &columns, const QStringList &groups);

}   // namespace cohort::test
