// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/RangeAssignor.h"

#include "core/rebalance/MemberOrder.h"

#include <algorithm>

namespace cohort {

Assignment RangeAssignor::assign(const AssignorInput &input) const
{
    Assignment out;
    for (const AssignorMember &m : input.members)
        out.insert(m.memberId, {});
    for (const AssignorTopic &topic : input.topics) {
        if (topic.partitions <= 0)
            continue;
        QList<AssignorMember> subscribed;
        for (const AssignorMember &m : input.members)
            if (m.topics.contains(topic.name))
                subscribed.append(m);
        const QList<AssignorMember> subscribers = membersToAssign(m_client, subscribed);
        if (subscribers.isEmpty())
            continue;
        const int perMember = topic.partitions / int(subscribers.size());
        const int withExtra = topic.partitions % int(subscribers.size());
        int next = 0;
        for (int i = 0; i < subscribers.size(); ++i) {
            const int count = perMember + (i < withExtra ? 1 : 0);
            QList<TopicPartition> &mine = out[subscribers.at(i).memberId];
            for (int p = next; p < next + count; ++p)
                mine.append({topic.name, p});
            next += count;
        }
    }
    for (QList<TopicPartition> &partitions : out)
        std::sort(partitions.begin(), partitions.end());
    return out;
}

}   // namespace cohort
