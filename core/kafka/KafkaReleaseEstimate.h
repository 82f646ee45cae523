// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace cohort {

// Which Apache Kafka release the brokers run, told from the highest version of
// each API they offer in ApiVersions: Kafka's protocol has no request that
// answers the software version, but every release raised some APIs' versions
// (clients/src/main/resources/common/message/*Request.json of each release).
// Only APIs every broker listener offers whatever its configuration are used
// (no transactions, share or streams groups, whose versions depend on
// features). Releases that raised none of those cannot be told apart and come
// as a pair ("3.3 or 3.4"). A broker offering versions no release combines
// (another implementation, or one with unstable versions enabled) is
// unrecognised rather than guessed. docs/kafka-protocol.md lists the table.
struct KafkaReleaseEstimate
{
    Q_DECLARE_TR_FUNCTIONS(KafkaReleaseEstimate)

public:
    enum class Kind {
        Unknown,        // no ApiVersions read yet
        Release,        // from `lowest` to `highest`; either may be open
        Unrecognised,   // versions that match no Apache Kafka release
    };
    Kind kind = Kind::Unknown;
    QString lowest;    // empty: older than the oldest the table knows ("before 2.8")
    QString highest;   // empty: this or any later release ("4.4 or later")
    bool brokersDiffer = false;

    // One broker's API key -> highest version offered.
    static KafkaReleaseEstimate fromMaxVersions(const QHash<qint16, qint16> &maxVersions);
    // Every broker's (id -> its versions): one estimate spanning them all.
    static KafkaReleaseEstimate ofCluster(const QHash<int, QHash<qint16, qint16>> &byBroker);

    // "4.4 or later", "3.9", "3.3 or 3.4", "3.7 to 4.1 (the brokers differ)", ...
    QString text() const;

    bool operator==(const KafkaReleaseEstimate &) const = default;
};

}   // namespace cohort
