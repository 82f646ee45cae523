// SPDX-License-Identifier: GPL-3.0-or-later
// GroupActionAvailability, the one rule for what the Group menu offers: a
// read-only connection offers no write, an active group cannot be deleted
// (Kafka's DeleteGroups answers NON_EMPTY_GROUP) but can rebalance and lose
// members, an Empty one the reverse, and a KIP-848 group's members can be
// removed once ConsumerGroupDescribe has named them on Kafka 4.0 or newer
// (before 4.0 LeaveGroup refuses members of the consumer protocol; without
// ConsumerGroupDescribe they cannot be named at all). Offsets can be
// reset on any group of a writable connection (the wizard's guard waits for an
// active one to be Empty); Undo Last Reset needs a backup to restore.
// Exporting the committed offsets is a read, offered on a read-only
// connection too, unless the group has none (or is a share group).

#include "FakeCluster.h"

#include "models/GroupActionAvailability.h"

#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

ClusterSnapshot cluster()
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 2}, {QStringLiteral("other"), 1}};
    c.endOffsets = {{tp("orders", 0), 50}, {tp("orders", 1), 50}, {tp("other", 0), 3}};
    FakeGroup busy;
    busy.groupId = QStringLiteral("busy");
    busy.members = {FakeMember{QStringLiteral("m-1"), QStringLiteral("shipper"), {}, {tp("orders", 0)}},
                    FakeMember{QStringLiteral("m-2"), QStringLiteral("shipper"), {}, {tp("orders", 1)}, QStringLiteral("inst-2")}};
    busy.committed = {{tp("orders", 0), 40}, {tp("orders", 1), 7}};
    FakeGroup idle;
    idle.groupId = QStringLiteral("idle");
    idle.state = GroupState::Empty;
    idle.assignor.clear();
    idle.committed = {{tp("other", 0), 1}};
    FakeGroup fresh;   // Empty and never committed
    fresh.groupId = QStringLiteral("fresh");
    fresh.state = GroupState::Empty;
    FakeGroup modern;   // a KIP-848 consumer group, listed as Stable
    modern.groupId = QStringLiteral("modern");
    modern.type = GroupType::Consumer;
    modern.describable = false;
    modern.committed = {{tp("orders", 0), 1}};
    c.groups = {busy, idle, fresh, modern};
    return c.build();
}

}   // namespace

class TestGroupActionAvailability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noGroupChosenOffersNothing()
    {
        for (GroupAction a : {GroupAction::Open, GroupAction::CopyId, GroupAction::DeleteGroup, GroupAction::DeleteOffsets,
                              GroupAction::RemoveMembers, GroupAction::TriggerRebalance, GroupAction::ResetOffsets,
                              GroupAction::UndoLastReset, GroupAction::ExportOffsets}) {
            const auto av = GroupActionAvailability::of(a, {}, nullptr, {});
            QVERIFY(!av.enabled);
            QVERIFY(av.reason.contains(QLatin1String("Select a group")));
        }
    }

    void readOnlyOffersOnlyReads()
    {
        const ClusterSnapshot s = cluster();
        const QString refusal = QStringLiteral("The connection \"prod\" is read-only.");
        for (const QString &id : {QStringLiteral("busy"), QStringLiteral("idle")}) {
            QVERIFY(GroupActionAvailability::of(GroupAction::Open, id, s.group(id), refusal).enabled);
            QVERIFY(GroupActionAvailability::of(GroupAction::CopyId, id, s.group(id), refusal).enabled);
            QVERIFY(GroupActionAvailability::of(GroupAction::ExportOffsets, id, s.group(id), refusal).enabled);
            for (GroupAction a : {GroupAction::DeleteGroup, GroupAction::DeleteOffsets, GroupAction::RemoveMembers,
                                  GroupAction::TriggerRebalance, GroupAction::ResetOffsets, GroupAction::UndoLastReset}) {
                const auto av = GroupActionAvailability::of(a, id, s.group(id), refusal, {}, true);
                QVERIFY(!av.enabled);
                QCOMPARE(av.reason, refusal);
            }
        }
    }

    void activeGroup()
    {
        const ClusterSnapshot s = cluster();
        const GroupSnapshot *busy = s.group(QStringLiteral("busy"));
        QVERIFY(busy);
        QCOMPARE(busy->description.state, GroupState::Stable);
        const auto del = GroupActionAvailability::of(GroupAction::DeleteGroup, QStringLiteral("busy"), busy, {});
        QVERIFY(!del.enabled);
        QVERIFY2(del.reason.contains(QLatin1String("Stable")) && del.reason.contains(QLatin1String("2 member")), qPrintable(del.reason));
        QVERIFY(GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("busy"), busy, {}).enabled);
        QVERIFY(GroupActionAvailability::of(GroupAction::TriggerRebalance, QStringLiteral("busy"), busy, {}).enabled);
        QVERIFY(GroupActionAvailability::of(GroupAction::DeleteOffsets, QStringLiteral("busy"), busy, {}).enabled);
    }

    // A TLS connection: Cohort cannot speak the group protocol there yet.
    void withoutTheGroupProtocol()
    {
        const ClusterSnapshot s = cluster();
        const GroupSnapshot *busy = s.group(QStringLiteral("busy"));
        const QString why = QStringLiteral("Removing members needs a PLAINTEXT listener.");
        for (GroupAction a : {GroupAction::RemoveMembers, GroupAction::TriggerRebalance}) {
            const auto av = GroupActionAvailability::of(a, QStringLiteral("busy"), busy, {}, why);
            QVERIFY(!av.enabled);
            QCOMPARE(av.reason, why);
        }
        QVERIFY(GroupActionAvailability::of(GroupAction::DeleteOffsets, QStringLiteral("busy"), busy, {}, why).enabled);
    }

    void emptyGroup()
    {
        const ClusterSnapshot s = cluster();
        const GroupSnapshot *idle = s.group(QStringLiteral("idle"));
        QVERIFY(GroupActionAvailability::of(GroupAction::DeleteGroup, QStringLiteral("idle"), idle, {}).enabled);
        QVERIFY(GroupActionAvailability::of(GroupAction::DeleteOffsets, QStringLiteral("idle"), idle, {}).enabled);
        const auto remove = GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("idle"), idle, {});
        QVERIFY(!remove.enabled);
        QVERIFY(remove.reason.contains(QLatin1String("no members")));
        const auto trigger = GroupActionAvailability::of(GroupAction::TriggerRebalance, QStringLiteral("idle"), idle, {});
        QVERIFY(!trigger.enabled);
        QVERIFY(trigger.reason.contains(QLatin1String("nothing to rebalance")));
        const auto offsets
            = GroupActionAvailability::of(GroupAction::DeleteOffsets, QStringLiteral("fresh"), s.group(QStringLiteral("fresh")), {});
        QVERIFY(!offsets.enabled);
        QVERIFY(offsets.reason.contains(QLatin1String("no committed offsets")));
    }

    void consumerProtocolGroup()
    {
        const ClusterSnapshot s = cluster();
        const GroupSnapshot *modern = s.group(QStringLiteral("modern"));
        QVERIFY(modern);
        const auto remove = GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("modern"), modern, {});
        QVERIFY(!remove.enabled);
        QVERIFY2(remove.reason.contains(QLatin1String("ConsumerGroupDescribe")), qPrintable(remove.reason));
        QVERIFY(!GroupActionAvailability::of(GroupAction::TriggerRebalance, QStringLiteral("modern"), modern, {}).enabled);
        // Stable as listed: not deletable; its offsets are.
        QVERIFY(!GroupActionAvailability::of(GroupAction::DeleteGroup, QStringLiteral("modern"), modern, {}).enabled);
        QVERIFY(GroupActionAvailability::of(GroupAction::DeleteOffsets, QStringLiteral("modern"), modern, {}).enabled);
    }

    // A KIP-848 group as ConsumerGroupDescribe describes it: Kafka 4.4 removes
    // its members by LeaveGroup (member id, or group.instance.id for a static
    // one), which Kafka 4.0 allowed for members of the consumer protocol
    // (KAFKA-18188). ConsumerGroupDescribe v1 (4.0+) types every member; a
    // coordinator that types none is older and answers UNKNOWN_MEMBER_ID.
    void kip848GroupDescribedByConsumerGroupDescribe()
    {
        GroupSnapshot g;
        g.description.groupId = QStringLiteral("epochs");
        g.description.type = GroupType::Consumer;
        g.description.state = GroupState::Stable;
        g.description.protocolType = QStringLiteral("consumer");
        g.description.protocol = QStringLiteral("uniform");
        g.description.describedAsConsumerGroup = true;
        g.description.groupEpoch = 5;
        g.description.assignmentEpoch = 5;
        GroupMember dynamic;
        dynamic.memberId = QStringLiteral("lKVQoxdJQRO7JxmZYX0CFA");
        dynamic.memberEpoch = 5;
        dynamic.type = MemberType::Consumer;
        GroupMember fixed = dynamic;
        fixed.memberId = QStringLiteral("PJLcrviXQ+qok3awJnvcsg");
        fixed.groupInstanceId = QStringLiteral("kip848remove-s");
        g.description.members = {dynamic, fixed};

        QVERIFY(GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("epochs"), &g, {}).enabled);
        // An upgraded group's classic members are typed too.
        g.description.members[1].type = MemberType::Classic;
        QVERIFY(GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("epochs"), &g, {}).enabled);
        // Still not over a connection without the group protocol.
        const QString why = QStringLiteral("Removing members needs a PLAINTEXT listener.");
        QCOMPARE(GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("epochs"), &g, {}, why).reason, why);
        // Rebalances are the broker's own in a KIP-848 group.
        QVERIFY(!GroupActionAvailability::of(GroupAction::TriggerRebalance, QStringLiteral("epochs"), &g, {}).enabled);

        // Described by ConsumerGroupDescribe v0: a coordinator before Kafka 4.0.
        for (GroupMember &m : g.description.members)
            m.type = MemberType::Unknown;
        const auto old = GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("epochs"), &g, {});
        QVERIFY(!old.enabled);
        QVERIFY2(old.reason.contains(QLatin1String("older than Kafka 4.0")) && old.reason.contains(QLatin1String("UNKNOWN_MEMBER_ID"))
                     && old.reason.contains(QLatin1String("\"epochs\"")),
                 qPrintable(old.reason));

        // No members: nothing to remove, whoever described it.
        g.description.members.clear();
        g.description.state = GroupState::Empty;
        const auto empty = GroupActionAvailability::of(GroupAction::RemoveMembers, QStringLiteral("epochs"), &g, {});
        QVERIFY(!empty.enabled);
        QVERIFY(empty.reason.contains(QLatin1String("no members")));
    }

    void resetAndUndo()
    {
        const ClusterSnapshot s = cluster();
        for (const QString &id : {QStringLiteral("busy"), QStringLiteral("idle"), QStringLiteral("fresh"), QStringLiteral("modern")}) {
            QVERIFY2(GroupActionAvailability::of(GroupAction::ResetOffsets, id, s.group(id), {}).enabled, qPrintable(id));
            const auto undo = GroupActionAvailability::of(GroupAction::UndoLastReset, id, s.group(id), {});
            QVERIFY(!undo.enabled);
            QVERIFY2(undo.reason.contains(QLatin1String("nothing to undo")), qPrintable(undo.reason));
            QVERIFY(GroupActionAvailability::of(GroupAction::UndoLastReset, id, s.group(id), {}, {}, true).enabled);
        }
        QVERIFY(!GroupActionAvailability::of(GroupAction::ResetOffsets, QStringLiteral("gone"), nullptr, {}).enabled);
    }

    void exportNeedsCommittedOffsets()
    {
        const ClusterSnapshot s = cluster();
        QVERIFY(!GroupActionAvailability::writes(GroupAction::ExportOffsets));
        for (const QString &id : {QStringLiteral("busy"), QStringLiteral("idle"), QStringLiteral("modern")})
            QVERIFY2(GroupActionAvailability::of(GroupAction::ExportOffsets, id, s.group(id), {}).enabled, qPrintable(id));
        const auto none = GroupActionAvailability::of(GroupAction::ExportOffsets, QStringLiteral("fresh"), s.group(QStringLiteral("fresh")), {});
        QVERIFY(!none.enabled);
        QVERIFY2(none.reason.contains(QLatin1String("no committed offsets to export")), qPrintable(none.reason));
        // The offsets could not be read last time: the export reads them itself.
        GroupSnapshot unread = *s.group(QStringLiteral("fresh"));
        unread.offsetsFreshness = Freshness::failed(KafkaError::make(-185, QStringLiteral("_TIMED_OUT"), QStringLiteral("timed out")));
        QVERIFY(GroupActionAvailability::of(GroupAction::ExportOffsets, QStringLiteral("fresh"), &unread, {}).enabled);
        // Nor is a group missing from the last refresh refused: it may have offsets all the same.
        QVERIFY(GroupActionAvailability::of(GroupAction::ExportOffsets, QStringLiteral("gone"), nullptr, {}).enabled);
        GroupSnapshot share = *s.group(QStringLiteral("busy"));
        share.description.type = GroupType::Share;
        const auto shared = GroupActionAvailability::of(GroupAction::ExportOffsets, QStringLiteral("busy"), &share, {});
        QVERIFY(!shared.enabled);
        QVERIFY2(shared.reason.contains(QLatin1String("share group")), qPrintable(shared.reason));
    }

    void groupNotInTheSnapshot()
    {
        QVERIFY(GroupActionAvailability::of(GroupAction::Open, QStringLiteral("gone"), nullptr, {}).enabled);
        const auto del = GroupActionAvailability::of(GroupAction::DeleteGroup, QStringLiteral("gone"), nullptr, {});
        QVERIFY(!del.enabled);
        QVERIFY(del.reason.contains(QLatin1String("not in the last refresh")));
    }
};

QTEST_GUILESS_MAIN(TestGroupActionAvailability)
#include "tst_group_action_availability.moc"
