// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealKafkaCluster.h"

#include <QFile>

namespace cohort::test {

Result<RealKafkaCluster, QString> RealKafkaCluster::find()
{
    RealKafkaCluster out;
    out.bootstrap = qEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS");
    if (!out.bootstrap.isEmpty())
        return out;
    const QString envFile = qEnvironmentVariable("COHORT_KAFKA_CLUSTER_ENV");
    if (envFile.isEmpty())
        return QStringLiteral("neither KAFKA_BOOTSTRAP_SERVERS (a cluster of yours) nor COHORT_KAFKA_CLUSTER_ENV (the suite's Kafka 4.4 "
                              "fixture, set by ctest) is set: there is no real Kafka cluster to test against");
    QFile f(envFile);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("the suite's Kafka 4.4 cluster did not start (no %1): see the output of the kafka_cluster_start test")
            .arg(envFile);
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq), value = line.mid(eq + 1);
        if (key == QLatin1String("bootstrap.servers"))
            out.bootstrap = value;
        else if (key == QLatin1String("bootstrap.servers.sasl"))
            out.saslBootstrap = value;
        else if (key == QLatin1String("bootstrap.servers.ssl"))
            out.sslBootstrap = value;
        else if (key == QLatin1String("bootstrap.servers.sasl_ssl"))
            out.saslSslBootstrap = value;
        else if (key == QLatin1String("ssl.ca.location"))
            out.caLocation = value;
    }
    if (out.bootstrap.isEmpty())
        return QStringLiteral("%1 names no bootstrap.servers").arg(envFile);
    out.startedBySuite = true;
    return out;
}

}   // namespace cohort::test
