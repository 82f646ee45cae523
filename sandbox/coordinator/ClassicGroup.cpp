// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/ClassicGroup.h"

#include "core/wire/ConsumerProtocolDecoder.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cohort::sandbox::classic {

QString stateName(GroupState s)
{
    switch (s) {
    case GroupState::Empty: return u"Empty"_s;
    case GroupState::PreparingRebalance: return u"PreparingRebalance"_s;
    case GroupState::CompletingRebalance: return u"CompletingRebalance"_s;
    case GroupState::Stable: return u"Stable"_s;
    case GroupState::Dead: return u"Dead"_s;
    }
    return u"Dead"_s;
}

QStringList Group::candidateProtocols() const
{
    QStringList out;
    if (members.isEmpty())
        return out;
    for (const auto &p : members.first()->protocols) {
        if (std::all_of(members.cbegin(), members.cend(), [&](const MemberPtr &m) { return m->supports(p.name); }))
            out.append(p.name);
    }
    return out;
}

bool Group::supportsProtocols(const QString &type, const QList<JoinGroupRequest::Protocol> &protocols) const
{
    if (state == GroupState::Empty || members.isEmpty())
        return !type.isEmpty() && !protocols.isEmpty();
    if (type != protocolType)
        return false;
    return std::any_of(protocols.cbegin(), protocols.cend(), [&](const auto &p) {
        return std::all_of(members.cbegin(), members.cend(), [&](const MemberPtr &m) { return m->supports(p.name); });
    });
}

QString Group::selectProtocol() const
{
    const QStringList candidates = candidateProtocols();
    if (candidates.isEmpty())
        return {};
    QList<int> votes(candidates.size(), 0);
    for (const auto &m : members) {
        for (const auto &p : m->protocols) {
            const auto idx = candidates.indexOf(p.name);
            if (idx >= 0) {
                ++votes[idx];
                break;
            }
        }
    }
    const auto best = std::max_element(votes.cbegin(), votes.cend());
    return candidates.at(best - votes.cbegin());
}

void Group::computeSubscribedTopics()
{
    if (protocolType != u"consumer"_s || protocolName.isEmpty()) {
        subscribedTopics.reset();
        return;
    }
    QSet<QString> topics;
    for (const auto &m : members) {
        const auto sub = ConsumerProtocolDecoder::decodeSubscription(m->metadataFor(protocolName));
        if (!sub) {
            subscribedTopics.reset();
            return;
        }
        for (const auto &t : sub->topics)
            topics.insert(t);
    }
    subscribedTopics = std::move(topics);
}

}   // namespace cohort::sandbox::classic
