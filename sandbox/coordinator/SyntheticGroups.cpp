// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/SyntheticGroups.h"

#include "core/wire/ConsumerProtocolDecoder.h"
#include "sandbox/coordinator/ClusterView.h"

#include <QDateTime>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cohort::sandbox {

using namespace classic;

namespace {

// Committed offsets of synthetic groups: a deterministic distance behind the log end
// offset (1 to 1000 records, never below 0), so lag is non-zero wherever a partition
// holds records; on an empty log the committed offset is 0 (lag 0).
qint64 syntheticCommittedOffset(qint64 logEnd, int group, int partition)
{
    if (logEnd <= 0)
        return 0;
    const qint64 behind = 1 + (qint64(group) * 7 + qint64(partition) * 13) % qMin<qint64>(logEnd, 1000);
    return qMax<qint64>(logEnd - behind, 0);
}

}   // namespace

QList<GroupPtr> SyntheticGroups::build(ClusterView &cluster, const SyntheticGroupSpec &spec,
                                       const std::function<bool(const QString &)> &exists)
{
    QList<GroupPtr> out;
    if (spec.groups <= 0 || spec.topics <= 0 || spec.partitionsPerTopic <= 0)
        return out;
    QList<QString> topicNames;
    QList<int> topicPartitions;
    topicNames.reserve(spec.topics);
    for (int t = 0; t < spec.topics; ++t) {
        const QString name = spec.topicPrefix + QString::number(t);
        int count = cluster.partitionCount(name);
        if (count <= 0) {
            // createTopic is the cluster's business; a refusal leaves the topic out.
            cluster.createTopic(name, spec.partitionsPerTopic);
            count = cluster.partitionCount(name);
        }
        topicNames.append(name);
        topicPartitions.append(count);
    }

    const QUuid ns = QUuid::fromString(u"6f1c2a9e-3b57-4d8a-9a57-2c1f0b5e7d11"_s);
    const qint64 timestamp = QDateTime::currentMSecsSinceEpoch();
    const int perGroup = qBound(1, spec.topicsPerGroup, spec.topics);
    const int membersPerGroup = qMax(0, spec.membersPerGroup);
    const QString protocolType = u"consumer"_s;
    const QString assignor = spec.assignor.isEmpty() ? u"range"_s : spec.assignor;
    const bool roundRobin = assignor == u"roundrobin"_s;
    int hostCounter = 0;

    for (int gi = 0; gi < spec.groups; ++gi) {
        const QString groupId = spec.groupPrefix + QString::number(gi);
        if (exists(groupId))
            continue;
        auto g = std::make_shared<Group>();
        g->groupId = groupId;
        out.append(g);
        g->protocolType = protocolType;
        g->generationId = 1 + gi % 5;

        QList<int> topicIdx;
        for (int k = 0; k < perGroup; ++k) {
            const int t = (gi + k) % spec.topics;
            if (topicPartitions[t] > 0 && !topicIdx.contains(t))
                topicIdx.append(t);
        }
        QStringList subscribed;
        for (int t : topicIdx)
            subscribed.append(topicNames[t]);
        subscribed.sort();

        const bool empty = membersPerGroup == 0 || (spec.emptyGroupsEvery > 0 && (gi + 1) % spec.emptyGroupsEvery == 0);
        if (!empty) {
            g->state = GroupState::Stable;
            g->protocolName = assignor;
            // Member ids look like a client's (client.id-uuid); the range assignor
            // sorts members by id, so sort them before assigning.
            QList<MemberPtr> members;
            for (int mi = 0; mi < membersPerGroup; ++mi) {
                auto m = std::make_shared<Member>();
                m->synthetic = true;
                m->clientId = u"consumer-"_s % groupId % u'-' % QString::number(mi + 1);
                m->memberId
                    = m->clientId % u'-' % QUuid::createUuidV5(ns, groupId % u'/' % QString::number(mi)).toString(QUuid::WithoutBraces);
                const int h = hostCounter++;
                m->clientHost = u"/10.0."_s % QString::number((h / 254) % 256) % u'.' % QString::number(h % 254 + 1);
                m->sessionTimeoutMs = spec.sessionTimeoutMs;
                m->rebalanceTimeoutMs = 300000;
                m->protocolType = protocolType;
                members.append(m);
            }
            std::sort(members.begin(), members.end(), [](const MemberPtr &a, const MemberPtr &b) { return a->memberId < b->memberId; });

            QList<QList<TopicPartition>> assigned(members.size());
            if (roundRobin) {
                int next = 0;
                for (int t : topicIdx) {
                    for (int p = 0; p < topicPartitions[t]; ++p) {
                        assigned[next].append(TopicPartition{topicNames[t], p});
                        next = (next + 1) % members.size();
                    }
                }
            } else {
                const int n = members.size();
                for (int t : topicIdx) {
                    const int parts = topicPartitions[t];
                    const int base = parts / n;
                    const int extra = parts % n;
                    for (int mi = 0; mi < n; ++mi) {
                        const int start = mi * base + qMin(mi, extra);
                        const int count = base + (mi < extra ? 1 : 0);
                        if (count == 0)
                            continue;
                        for (int p = start; p < start + count; ++p)
                            assigned[mi].append(TopicPartition{topicNames[t], p});
                    }
                }
            }
            for (qsizetype mi = 0; mi < members.size(); ++mi) {
                ConsumerSubscription sub;
                sub.version = 1;
                sub.topics = subscribed;
                sub.ownedPartitions = assigned[mi];
                ConsumerAssignment asg;
                asg.version = 1;
                asg.partitions = assigned[mi];
                members[mi]->protocols = {{assignor, ConsumerProtocolDecoder::encodeSubscription(sub)}};
                members[mi]->assignment = ConsumerProtocolDecoder::encodeAssignment(asg);
            }
            g->members = members;
            g->leaderId = members.first()->memberId;
            g->subscribedTopics = QSet<QString>(subscribed.cbegin(), subscribed.cend());
        } else {
            g->state = GroupState::Empty;
            g->subscribedTopics = QSet<QString>();
        }

        if (spec.commitOffsets) {
            for (int t : topicIdx) {
                auto &parts = g->offsets[topicNames[t]];
                parts.reserve(topicPartitions[t]);
                for (int p = 0; p < topicPartitions[t]; ++p) {
                    OffsetEntry e;
                    e.offset = syntheticCommittedOffset(cluster.logEndOffset(topicNames[t], p), gi, p);
                    e.commitTimestamp = timestamp;
                    parts.insert(p, e);
                }
            }
        }
    }
    return out;
}

}   // namespace cohort::sandbox
