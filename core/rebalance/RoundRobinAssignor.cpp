// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/RoundRobinAssignor.h"

#include "core/rebalance/MemberOrder.h"

#include <QSet>

#include <algorithm>

namespace cohort {

Assignment RoundRobinAssignor::assign(const AssignorInput &input) const
{
    Assignment out;
    for (const AssignorMember &m : input.members)
        out.insert(m.memberId, {});
    const QList<AssignorMember> members = membersToAssign(m_client, input.members);
    QSet<QString> subscribed;
    for (const AssignorMember &m : members)
        for (const QString &t : m.topics)
            subscribed.insert(t);
    QStringList topics(subscribed.begin(), subscribed.end());
    std::sort(topics.begin(), topics.end(), [](const QString &a, const QString &b) { return a.compare(b) < 0; });
    if (members.isEmpty())
        return out;
    qsizetype next = 0;   // the circular iterator's position
    for (const QString &topic : std::as_const(topics)) {
        const int count = input.partitionCount(topic);
        for (int p = 0; p < count; ++p) {
            while (!members.at(next).topics.contains(topic))
                next = (next + 1) % members.size();
            out[members.at(next).memberId].append({topic, p});
            next = (next + 1) % members.size();
        }
    }
    for (QList<TopicPartition> &partitions : out)
        std::sort(partitions.begin(), partitions.end());
    return out;
}

}   // namespace cohort
