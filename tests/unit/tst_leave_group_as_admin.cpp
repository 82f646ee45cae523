// SPDX-License-Identifier: GPL-3.0-or-later
// LeaveGroupAsAdmin, the LeaveGroup v3 that removes members as an admin, on
// the bytes of a real Kafka 4.4.0: a KIP-848 consumer group of two
// confluent-kafka 2.16 consumers (group.protocol=consumer), one dynamic and
// one static (group.instance.id "kip848remove-s"), each named as
// MemberRef::naming names it, with a member id the group does not have and a
// wrong member id for the static member's instance id. Kafka 4.4.0 took the
// request below (sent as these bytes, 2026-12), fenced both members (gone
// from kafka-consumer-groups --describe --members at once) and answered with
// the response below; both consumers lost their partitions at their next
// heartbeat and rejoined under the same member ids with new member epochs.

#include "core/kafka/LeaveGroupAsAdmin.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"

#include <QTest>

using namespace cohort;

namespace {

QByteArray hex(const char *pairs)
{
    return QByteArray::fromHex(QByteArray(pairs));
}

const QString kGroup = QStringLiteral("kip848remove-gold");
const QString kDynamicId = QStringLiteral("lKVQoxdJQRO7JxmZYX0CFA");   // made by the client (KIP-1082)
const QString kStaticId = QStringLiteral("PJLcrviXQ+qok3awJnvcsg");
const QString kInstance = QStringLiteral("kip848remove-s");

// The LeaveGroup v3 body sent to the coordinator.
const QByteArray kRequest = hex("00 11") + "kip848remove-gold"              // group_id
                            + hex("00 00 00 04")                            // members: 4
                            + hex("00 16") + "lKVQoxdJQRO7JxmZYX0CFA"       //   member_id (the dynamic member)
                            + hex("ff ff")                                  //   group_instance_id: null
                            + hex("00 00")                                  //   member_id "" (named by instance id)
                            + hex("00 0e") + "kip848remove-s"               //   group_instance_id
                            + hex("00 0c") + "cohort-ghost" + hex("ff ff")  //   a member id the group does not have
                            + hex("00 08") + "wrong-id"                     //   another member's id...
                            + hex("00 0e") + "kip848remove-s";              //   ...with the static member's instance id

// Kafka 4.4.0's answer: each member echoed as asked, in order.
const QByteArray kResponse = hex("00 00 00 00")                                          // throttle_time_ms
                             + hex("00 00")                                              // error_code
                             + hex("00 00 00 04")                                        // members: 4
                             + hex("00 16") + "lKVQoxdJQRO7JxmZYX0CFA" + hex("ff ff 00 00")   // removed
                             + hex("00 00") + hex("00 0e") + "kip848remove-s" + hex("00 00")  // removed, member id "" as asked
                             + hex("00 0c") + "cohort-ghost" + hex("ff ff 00 19")             // UNKNOWN_MEMBER_ID
                             + hex("00 08") + "wrong-id" + hex("00 0e") + "kip848remove-s"
                             + hex("00 52");   // FENCED_INSTANCE_ID: checked before the removals take effect

GroupMember member(const QString &memberId, const QString &instanceId = {})
{
    GroupMember m;
    m.memberId = memberId;
    m.groupInstanceId = instanceId;
    m.type = MemberType::Consumer;
    return m;
}

}   // namespace

class TestLeaveGroupAsAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A static member by its instance id alone, any other by its member id
    // (as KafkaAdminClient names them when it removes every member).
    void namingMembers()
    {
        const MemberRef dynamic = MemberRef::naming(member(kDynamicId));
        QCOMPARE(dynamic.memberId, kDynamicId);
        QVERIFY(dynamic.groupInstanceId.isEmpty());
        const MemberRef fixed = MemberRef::naming(member(kStaticId, kInstance));
        QVERIFY(fixed.memberId.isEmpty());
        QCOMPARE(fixed.groupInstanceId, kInstance);
    }

    void requestIsWhatKafkaTook()
    {
        const QList<MemberRef> members{MemberRef::naming(member(kDynamicId)), MemberRef::naming(member(kStaticId, kInstance)),
                                       MemberRef{QStringLiteral("cohort-ghost"), {}}, MemberRef{QStringLiteral("wrong-id"), kInstance}};
        QCOMPARE(GroupApiCodec::encode(LeaveGroupAsAdmin::request(kGroup, members), 3), kRequest);
    }

    void outcomesOfKafkasAnswer()
    {
        const QList<MemberRef> members{MemberRef{kDynamicId, {}}, MemberRef{{}, kInstance}, MemberRef{QStringLiteral("cohort-ghost"), {}},
                                       MemberRef{QStringLiteral("wrong-id"), kInstance}};
        ByteReader r(kResponse);
        const auto answer = GroupApiCodec::decodeLeaveGroupResponse(r, 3);
        QVERIFY(answer);
        QCOMPARE(answer->errorCode, qint16(ErrorCode::None));
        const QList<MemberRemovalOutcome> out = LeaveGroupAsAdmin::outcomes(members, *answer, KafkaErrorHints::Action::RemoveMembers);
        QCOMPARE(out.size(), 4);
        for (qsizetype i = 0; i < out.size(); ++i) {
            QCOMPARE(out.at(i).member.memberId, members.at(i).memberId);
            QCOMPARE(out.at(i).member.groupInstanceId, members.at(i).groupInstanceId);
        }
        QVERIFY2(!out.at(0).error, qPrintable(out.at(0).error.toString()));
        QVERIFY2(!out.at(1).error, qPrintable(out.at(1).error.toString()));
        QCOMPARE(out.at(2).error.name, QStringLiteral("UNKNOWN_MEMBER_ID"));
        // Said of a consumer-protocol member by Kafka before 4.0 as well.
        QVERIFY2(out.at(2).error.hint.contains(QLatin1String("not in the group"))
                     && out.at(2).error.hint.contains(QLatin1String("Kafka before 4.0")),
                 qPrintable(out.at(2).error.hint));
        QCOMPARE(out.at(3).error.name, QStringLiteral("FENCED_INSTANCE_ID"));
        QVERIFY2(out.at(3).error.hint.contains(QLatin1String("instance id alone")), qPrintable(out.at(3).error.hint));
    }

    // A group no one has: Kafka 4.4.0 answers error 0 and every member
    // UNKNOWN_MEMBER_ID, echoed (captured for "kip848remove-nobody").
    void groupThatDoesNotExist()
    {
        const QList<MemberRef> members{MemberRef{QStringLiteral("x"), {}}, MemberRef{{}, QStringLiteral("inst")}};
        const QByteArray request = hex("00 13") + "kip848remove-nobody" + hex("00 00 00 02") + hex("00 01") + "x" + hex("ff ff")
                                   + hex("00 00") + hex("00 04") + "inst";
        QCOMPARE(GroupApiCodec::encode(LeaveGroupAsAdmin::request(QStringLiteral("kip848remove-nobody"), members), 3), request);
        const QByteArray response = hex("00 00 00 00 00 00 00 00 00 02") + hex("00 01") + "x" + hex("ff ff 00 19") + hex("00 00")
                                    + hex("00 04") + "inst" + hex("00 19");
        ByteReader r(response);
        const auto answer = GroupApiCodec::decodeLeaveGroupResponse(r, 3);
        QVERIFY(answer);
        const QList<MemberRemovalOutcome> out = LeaveGroupAsAdmin::outcomes(members, *answer, KafkaErrorHints::Action::RemoveMembers);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).error.name, QStringLiteral("UNKNOWN_MEMBER_ID"));
        QCOMPARE(out.at(1).error.name, QStringLiteral("UNKNOWN_MEMBER_ID"));
    }

    // Before Kafka 4.0 (KAFKA-18188) a consumer group's coordinator answered
    // a member named by instance id with the member id it found: read by
    // position when the counts agree; a member not answered at all is an error.
    void answerThatNamesAnotherIdentity()
    {
        const QList<MemberRef> members{MemberRef{{}, kInstance}};
        LeaveGroupResponse answer;
        answer.members = {{kStaticId, kInstance, ErrorCode::None}};
        const auto byPosition = LeaveGroupAsAdmin::outcomes(members, answer, KafkaErrorHints::Action::RemoveMembers);
        QCOMPARE(byPosition.size(), 1);
        QVERIFY(!byPosition.first().error);
        QCOMPARE(byPosition.first().member.groupInstanceId, kInstance);

        const auto unanswered = LeaveGroupAsAdmin::outcomes(members, LeaveGroupResponse{}, KafkaErrorHints::Action::RemoveMembers);
        QCOMPARE(unanswered.size(), 1);
        QCOMPARE(unanswered.first().error.name, QStringLiteral("_BAD_MSG"));
    }
};

QTEST_GUILESS_MAIN(TestLeaveGroupAsAdmin)
#include "tst_leave_group_as_admin.moc"
