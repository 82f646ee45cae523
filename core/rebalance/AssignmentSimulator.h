// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/rebalance/AssignorInput.h"
#include "core/rebalance/PartitionAssignor.h"
#include "core/rebalance/StickyAssignor.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <memory>

namespace cohort {

// What an assignor would give a set of members, and how far that is from
// what they own now.
struct AssignmentOutcome
{
    QString assignor;
    Assignment assignment;
    QMap<QString, int> perMember;   // partitions per member
    int skew = 0;                   // max − min of perMember
    int moved = 0;                  // partitions owned now whose owner would change (or that nobody would own)
    // uniform only: subscribed topics without a topic id, so walked by name
    // where Kafka walks them by id (ServerUniformAssignor): the result may
    // differ from Kafka's. Empty when the order is Kafka's.
    QStringList topicsWithoutIds;
    // uniform only: owned topics whose ids share a bucket, so walked in an
    // order the input does not tell (ServerUniformAssignor::topicsInOneBucket).
    QStringList topicsInOneBucket;
    // kafka-python's sticky assignors with partitions owned: where several
    // moves could be undone kafka-python picks from a Python set, whose order
    // its per-process string hash decides, so the result may differ.
    bool pythonSetOrder = false;

    static AssignmentOutcome of(const QString &assignor, const AssignorInput &input, const Assignment &assignment);
};

// The assignment what-if: the assignors by the names consumers and brokers
// know them by (client side: range, roundrobin, sticky, cooperative-sticky;
// KIP-848 server side: uniform, server-range), and a checked run of one.
class AssignmentSimulator
{
    Q_DECLARE_TR_FUNCTIONS(AssignmentSimulator)

public:
    static QStringList assignorNames();
    // `client`: whose client-side assignors (Kafka's Java client, librdkafka
    // and kafka-python differ: StickyAssignor, MemberOrder.h); the server side is Kafka's.
    static std::unique_ptr<PartitionAssignor> create(const QString &name,
                                                     StickyAssignor::Implementation client = StickyAssignor::Implementation::Java);
    // An error in words for an unknown assignor, no members, a member id
    // given twice, a topic subscribed to or owned that is not among the
    // topics, a partition out of its topic's range, or a topic id that is
    // not one.
    static Result<AssignmentOutcome, QString> simulate(const QString &assignor, const AssignorInput &input,
                                                       StickyAssignor::Implementation client = StickyAssignor::Implementation::Java);
};

}   // namespace cohort
