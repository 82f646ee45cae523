// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/LeaveGroupAsAdmin.h"

#include "core/wire/ErrorCode.h"

#include <QCoreApplication>

#include <librdkafka/rdkafka.h>

#include <algorithm>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LeaveGroupAsAdmin)
};

}   // namespace

LeaveGroupRequest LeaveGroupAsAdmin::request(const QString &groupId, const QList<MemberRef> &members)
{
    LeaveGroupRequest request;
    request.groupId = groupId;
    for (const MemberRef &m : members)
        request.members.append({m.memberId, m.groupInstanceId.isEmpty() ? std::nullopt : std::optional<QString>(m.groupInstanceId)});
    return request;
}

QList<MemberRemovalOutcome> LeaveGroupAsAdmin::outcomes(const QList<MemberRef> &members, const LeaveGroupResponse &answer,
                                                        KafkaErrorHints::Action action)
{
    QList<MemberRemovalOutcome> out;
    const QList<LeaveGroupResponse::Member> &answered = answer.members;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const MemberRef &m = members.at(i);
        auto it = std::find_if(answered.cbegin(), answered.cend(), [&](const LeaveGroupResponse::Member &a) {
            return a.memberId == m.memberId && a.groupInstanceId.value_or(QString()) == m.groupInstanceId;
        });
        if (it == answered.cend() && answered.size() == members.size())
            it = answered.cbegin() + i;
        MemberRemovalOutcome o{m, {}};
        if (it == answered.cend())
            o.error = KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG, Text::tr("the coordinator did not answer for this member"),
                                                   action);
        else if (it->errorCode != ErrorCode::None)
            o.error = KafkaErrorHints::fromRdKafka(it->errorCode, {}, action);
        out.append(std::move(o));
    }
    return out;
}

}   // namespace cohort
