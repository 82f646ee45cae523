// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/ServerRangeAssignor.h"

#include "core/rebalance/MemberOrder.h"

#include <QHash>

#include <algorithm>

namespace cohort {

Assignment ServerRangeAssignor::assign(const AssignorInput &input) const
{
    Assignment out;
    QList<AssignorMember> members = input.members;
    std::sort(members.begin(), members.end(), kafkaMemberLess);
    struct TopicRange
    {
        int partitions = 0;
        int subscribers = 0;
        int minQuota = -1;
        int extra = -1;
        int next = 0;
    };
    QHash<QString, TopicRange> topics;
    for (const AssignorMember &m : std::as_const(members)) {
        out.insert(m.memberId, {});
        QStringList subscribed = m.topics;
        subscribed.removeDuplicates();
        for (const QString &t : std::as_const(subscribed)) {
            const int n = input.partitionCount(t);
            if (n < 0)
                continue;   // Kafka refuses the whole assignment; the simulator checks topics before
            topics[t].partitions = n;
            ++topics[t].subscribers;
        }
    }
    for (const AssignorMember &m : std::as_const(members)) {
        QStringList subscribed = m.topics;
        subscribed.removeDuplicates();
        for (const QString &t : std::as_const(subscribed)) {
            if (!topics.contains(t))
                continue;
            TopicRange &r = topics[t];
            if (r.minQuota < 0) {
                r.minQuota = r.partitions / r.subscribers;
                r.extra = r.partitions % r.subscribers;
            }
            int quota = r.minQuota;
            if (r.extra > 0) {
                ++quota;
                --r.extra;
            }
            const int end = std::min(r.next + quota, r.partitions);
            for (int p = r.next; p < end; ++p)
                out[m.memberId].append({t, p});
            r.next = end;
        }
    }
    for (QList<TopicPartition> &partitions : out)
        std::sort(partitions.begin(), partitions.end());
    return out;
}

}   // namespace cohort
