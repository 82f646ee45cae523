// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/CooperativeStickyAssignor.h"

namespace cohort {

Assignment CooperativeStickyAssignor::firstRound(const AssignorInput &input) const
{
    QHash<TopicPartition, QString> transferring;
    Assignment out = StickyAssignor::assign(input, &transferring);
    for (auto it = transferring.cbegin(); it != transferring.cend(); ++it)
        out[it.value()].removeAll(it.key());
    return out;
}

}   // namespace cohort
