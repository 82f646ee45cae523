// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/PartitionAssignor.h"

namespace cohort {

// The KIP-848 server-side "uniform" assignor, for members that all subscribe
// to the same topics (Kafka 4.4's UniformHomogeneousAssignmentBuilder): each
// member keeps what it owns up to its quota (total / members, and one more
// for total % members of them: in the coordinator's order, the first that
// already own more than the minimum, the rest to the last ones), and the
// partitions left go, topic by topic in order, to the members still under
// quota in that order.
// The coordinator's order is its HashMap of member ids (JavaHashOrder), filled
// from the group's own members map and then the joining member: give the
// members as a describe lists them (that map's order), new ones last, and two
// ids in one bucket come out in that order. Topics are walked in the HashSet
// order of their ids, and what a member keeps in the order of its own
// assignment (a HashMap by topic id, each topic's partitions a HashSet) when
// the input has the ids; else by name (the same for one topic).
// Members with different subscriptions take Kafka's heterogeneous builder,
// which this does not compute: supports() says so.
class ServerUniformAssignor : public PartitionAssignor
{
public:
    QString name() const override { return QStringLiteral("uniform"); }
    static bool supports(const AssignorInput &input);
    // The subscribed topics whose id the input lacks, when there are two or
    // more (one topic has no order to get wrong): then every topic is
    // walked by name, which may not be Kafka's order.
    static QStringList topicsWithoutIds(const AssignorInput &input);
    // The topics a member owns whose ids fall in one bucket of its
    // assignment's HashMap: Kafka walks them in the order it recorded them,
    // which follows the group's history (when each topic first reached the
    // member) and is not in the input, so what a member over its quota keeps
    // may differ from Kafka's. Empty when every order is known.
    static QStringList topicsInOneBucket(const AssignorInput &input);
    Assignment assign(const AssignorInput &input) const override;
};

}   // namespace cohort
