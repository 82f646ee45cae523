// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace cohort {

// One thing a refresh could not read at its deadline, after its retries:
// what it is, the error, and since when it has been missing (the first
// refresh in a row that missed it). The CLI prints one stderr line per part
// and exits 3; the GUI's banner summarises them.
struct MissingPart
{
    enum class Kind {
        Metadata,           // no broker gave the cluster's metadata
        BrokerListing,      // ListGroups on brokerId failed: its groups may be missing or stale
        GroupDescription,   // DescribeGroups of groupId failed
        GroupOffsets,       // OffsetFetch of groupId failed
        Watermarks,         // ListOffsets for `partitions` partitions led by brokerId failed
    };

    Kind kind = Kind::GroupDescription;
    int brokerId = -1;        // the broker involved, -1 when not known
    QString brokerAddress;    // "host:port" of brokerId, empty when not known
    QString groupId;          // for GroupDescription and GroupOffsets
    int partitions = 0;       // for Watermarks: how many partitions lack end offsets
    int groupsAffected = 0;   // for BrokerListing: groups last seen on that broker, kept stale
    KafkaError error;         // the last error, after retries
    QDateTime since;          // UTC: when this part was first missing (this refresh, or an earlier one in a row)

    // One line for people, e.g. "broker 1 (127.0.0.1:9093) did not list its
    // groups: _TIMED_OUT: ...; 5 groups shown as last read". Through tr().
    QString describe() const;
    // The identity of the part across refreshes (kind + broker + group), for carrying `since` forward.
    QString key() const;
};

using MissingParts = QList<MissingPart>;

}   // namespace cohort
