// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/PartitionAssignor.h"

#include <QHash>

namespace cohort {

// The client-side "sticky" assignor, computed as Kafka's AbstractStickyAssignor
// does (librdkafka's rdkafka_sticky_assignor.c is a port of it): as balanced
// as the subscriptions allow, keeping as many owned partitions where they are
// as that balance permits. Equal subscriptions take Kafka's constrained
// algorithm (quotas, then round-robin of the rest over the unfilled members
// by id), different ones its general algorithm (assign to the least loaded,
// then move partitions until balanced, undoing a move that would reverse an
// earlier one). Where Java's HashMap order decides (which member keeps the
// extra partition) the same order is used (JavaHashOrder). Every member is
// taken to be in the same generation; rack-aware placement is off (no replica racks).
//
// librdkafka's port follows Kafka 2.3's algorithm, before the constrained
// one: it takes the general algorithm for equal subscriptions too, moving
// partitions from the most loaded members (their lowest partitions first)
// rather than letting each keep its quota. kafka-python's StickyPartitionAssignor
// is a port of the same Kafka 2.3 algorithm, with its own choices: for equal
// subscriptions the most loaded members give up their last partitions (by
// topic and number) first, two claims of a partition in one generation leave
// it with the first member, and undoing a move undoes the reverse one too.
// Real consumers differ there, so the implementation is chosen: Java (Kafka's
// client), Librdkafka (and the clients built on it: confluent-kafka,
// kcat...) or KafkaPython. Where kafka-python picks from a Python set (a move
// to undo among several) its order is seeded per process and cannot be
// foreseen; the simulation takes the one recorded first.
class StickyAssignor : public PartitionAssignor
{
public:
    using Implementation = ClientImplementation;
    explicit StickyAssignor(Implementation implementation = Implementation::Java)
        : m_implementation(implementation)
    { }
    QString name() const override { return QStringLiteral("sticky"); }
    Assignment assign(const AssignorInput &input) const override;

    // The same, and which partitions change owner (partition → new owner):
    // what a cooperative rebalance revokes before it assigns.
    Assignment assign(const AssignorInput &input, QHash<TopicPartition, QString> *transferring) const;

private:
    Implementation m_implementation;
};

}   // namespace cohort
