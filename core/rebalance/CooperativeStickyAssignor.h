// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/StickyAssignor.h"

namespace cohort {

// The client-side "cooperative-sticky" assignor (Kafka's
// CooperativeStickyAssignor): the sticky assignment, reached in two
// rebalances. assign() is where the group settles (what the members hold once
// the follow-up rebalance is over); firstRound() is what the first rebalance
// hands out, the sticky assignment without the partitions that change owner
// (their old owners revoke them first).
class CooperativeStickyAssignor : public StickyAssignor
{
public:
    using StickyAssignor::StickyAssignor;
    QString name() const override { return QStringLiteral("cooperative-sticky"); }
    Assignment firstRound(const AssignorInput &input) const;
};

}   // namespace cohort
