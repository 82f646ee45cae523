// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/AssignorInput.h"

#include <QString>

namespace cohort {

// One partition assignment strategy, computed the way Kafka's own
// implementation computes it: pure, no cluster involved. Every member of the
// input is in the result (with an empty list when it gets nothing).
class PartitionAssignor
{
public:
    virtual ~PartitionAssignor() = default;
    virtual QString name() const = 0;
    virtual Assignment assign(const AssignorInput &input) const = 0;
};

}   // namespace cohort
