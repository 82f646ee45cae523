// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace cohort {

// Translates client properties written for Kafka's Java clients — what every
// kafka-consumer-groups.sh --command-config file holds — into librdkafka's.
// Most keys mean the same in both and pass through; the Java-only ones are
// translated where librdkafka has the same setting (sasl.jaas.config with the
// PLAIN or SCRAM login module becomes sasl.username/sasl.password) and refused
// with the reason and the librdkafka way otherwise (a JKS truststore, the
// Kerberos or OAUTHBEARER login modules), so that a file that works with
// Kafka's tools either works with Cohort or says why not.
class JavaClientProperties
{
public:
    using Properties = QList<QPair<QString, QString>>;

    static Result<Properties, QString> toLibrdkafka(const Properties &javaProperties);

    // The login module's options of one sasl.jaas.config value, e.g.
    //   org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cret";
    // → module "…PlainLoginModule", flag "required", options username, password.
    struct JaasEntry
    {
        QString module;
        QString flag;
        QList<QPair<QString, QString>> options;
        QString option(const QString &name) const;
    };
    static Result<JaasEntry, QString> parseJaas(const QString &value);
};

}   // namespace cohort
