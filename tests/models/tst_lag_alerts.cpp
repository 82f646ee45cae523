// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications of lag trouble: LagAlertRules (which transitions
// notify: entering ERR, STOP or STALL, a retention risk appearing; never a
// repeat while it stays) with crafted assessments, and LagAlertMonitor over a
// real LagHistory fed with snapshots, through a recording notifier (on/off,
// per-group mute, a deleted group starting over).

#include "FakeCluster.h"

#include "core/lag/LagHistory.h"
#include "models/DesktopNotifier.h"
#include "models/LagAlertMonitor.h"
#include "models/LagAlertRules.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;
using Status = LagStatusRules::Status;

namespace {

class RecordingNotifier : public DesktopNotifier
{
public:
    void notify(const QString &title, const QString &text) override { shown.append({title, text}); }
    QList<std::pair<QString, QString>> shown;
};

GroupAssessment assessment(const QString &id, Status status, const QString &reason = {})
{
    GroupAssessment a;
    a.groupId = id;
    a.status = status;
    a.statusReason = reason;
    a.lag = status == Status::Ok ? 0 : 1000;
    return a;
}

constexpr qint64 kT0 = 1'700'000'000'000;

// "stuck": Empty with lag (STOP at once) while `stuck`, caught up otherwise; "fine" caught up.
ClusterSnapshot cluster(qint64 t, bool stuck, bool withStuck = true)
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 1}};
    c.endOffsets = {{tp("orders", 0), 500}};
    FakeGroup fine;
    fine.groupId = QStringLiteral("fine");
    fine.state = GroupState::Empty;
    fine.committed = {{tp("orders", 0), 500}};
    c.groups = {fine};
    if (withStuck) {
        FakeGroup g;
        g.groupId = QStringLiteral("stuck");
        g.state = GroupState::Empty;
        g.committed = {{tp("orders", 0), stuck ? 100 : 500}};
        c.groups.prepend(g);
    }
    ClusterSnapshot s = c.build();
    s.takenAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    return s;
}

}   // namespace

class TestLagAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void whichStatusesAreTrouble()
    {
        QVERIFY(LagAlertRules::inTrouble(Status::Err));
        QVERIFY(LagAlertRules::inTrouble(Status::Stop));
        QVERIFY(LagAlertRules::inTrouble(Status::Stall));
        QVERIFY(!LagAlertRules::inTrouble(Status::Ok));
        QVERIFY(!LagAlertRules::inTrouble(Status::Warn));
        QVERIFY(!LagAlertRules::inTrouble(Status::Rewind));   // a group with one is ERR, and that notifies
    }

    void enteringTroubleNotifiesOnceWithTheReason()
    {
        LagAlertRules rules;
        const QString reason = QStringLiteral("orders-3: no commit for 4 min while 12,400 behind");
        QVERIFY(rules.update(assessment(QStringLiteral("g"), Status::Ok)).isEmpty());
        QVERIFY(rules.update(assessment(QStringLiteral("g"), Status::Warn, QStringLiteral("lag grew"))).isEmpty());
        const QList<LagAlert> entered = rules.update(assessment(QStringLiteral("g"), Status::Err, reason));
        QCOMPARE(entered.size(), qsizetype(1));
        QCOMPARE(entered.first().kind, LagAlert::Kind::Trouble);
        QCOMPARE(entered.first().title, QStringLiteral("Consumer group g: ERR"));
        QCOMPARE(entered.first().text, reason);
        // Staying in trouble, with another reason or partition: no repeat.
        QVERIFY(rules.update(assessment(QStringLiteral("g"), Status::Err, QStringLiteral("orders-1: stalled"))).isEmpty());
        QVERIFY(rules.update(assessment(QStringLiteral("g"), Status::Err, reason)).isEmpty());
        // Out, then in again: said again.
        QVERIFY(rules.update(assessment(QStringLiteral("g"), Status::Warn)).isEmpty());
        QCOMPARE(rules.update(assessment(QStringLiteral("g"), Status::Err, reason)).size(), qsizetype(1));
        // Groups are apart; a first assessment already in trouble counts as entering.
        QCOMPARE(rules.update(assessment(QStringLiteral("h"), Status::Err, reason)).size(), qsizetype(1));
        // Forgotten (deleted), a group made again starts over.
        rules.forget(QStringLiteral("h"));
        QCOMPARE(rules.update(assessment(QStringLiteral("h"), Status::Err, reason)).size(), qsizetype(1));
    }

    void aRetentionRiskNotifiesWhenItAppears()
    {
        LagAlertRules rules;
        GroupAssessment a = assessment(QStringLiteral("g"), Status::Warn);
        a.retentionShare = 0.5;
        a.retentionEtaMs = 3 * 3600 * 1000;
        QVERIFY(rules.update(a).isEmpty());
        a.retentionShare = 0.85;
        const QList<LagAlert> risk = rules.update(a);
        QCOMPARE(risk.size(), qsizetype(1));
        QCOMPARE(risk.first().kind, LagAlert::Kind::RetentionRisk);
        QCOMPARE(risk.first().title, QStringLiteral("Consumer group g: records at risk of retention"));
        QCOMPARE(risk.first().text, QStringLiteral("The lag spans 85% of the topic's retention."));
        a.retentionEtaMs = 20 * 60 * 1000;   // still at risk, sooner: no repeat
        QVERIFY(rules.update(a).isEmpty());
        a.retentionShare = 0.1;
        a.retentionEtaMs = 10LL * 24 * 3600 * 1000;
        QVERIFY(rules.update(a).isEmpty());   // gone
        a.retentionEtaMs = 20 * 60 * 1000;
        QCOMPARE(rules.update(a).value(0).text, QStringLiteral("Unread records are deleted in about 20 min."));
        // Records already deleted before they were read, and trouble at once: two notifications.
        LagAlertRules fresh;
        GroupAssessment lost = assessment(QStringLiteral("lost"), Status::Err, QStringLiteral("orders-0: no commit for 2 min while 10 behind"));
        lost.recordsLost = 250;
        const QList<LagAlert> both = fresh.update(lost);
        QCOMPARE(both.size(), qsizetype(2));
        // (The numerus form is the translation's: untranslated here.)
        QCOMPARE(both.at(1).text, QStringLiteral("250 record(s) were deleted by retention before the group read them."));
        // Caught up is no risk, whatever the share said.
        GroupAssessment caughtUp = assessment(QStringLiteral("c"), Status::Ok);
        caughtUp.retentionShare = 0.95;
        QVERIFY(!LagAlertRules::atRetentionRisk(caughtUp));
    }

    void theMonitorNotifiesWhenOnAndNotMuted()
    {
        LagHistory history;
        RecordingNotifier notifier;
        LagAlertMonitor monitor(&notifier);
        QSignalSpy alerted(&monitor, &LagAlertMonitor::alerted);
        monitor.setLagHistory(&history);
        // Off (the default): the rules follow, nothing is shown.
        QVERIFY(!monitor.isEnabled());
        history.addSnapshot(cluster(kT0, true));
        QVERIFY(history.assessment(QStringLiteral("stuck")));
        QCOMPARE(history.assessment(QStringLiteral("stuck"))->status, Status::Err);
        QVERIFY(notifier.shown.isEmpty());
        // On: what was already so is not news.
        monitor.setEnabled(true);
        history.addSnapshot(cluster(kT0 + 5000, true));
        QVERIFY(notifier.shown.isEmpty());
        // It catches up, then its offset is set back: one notification, with the reason in words.
        history.addSnapshot(cluster(kT0 + 10000, false));
        history.addSnapshot(cluster(kT0 + 15000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(1));
        QCOMPARE(notifier.shown.first().first, QStringLiteral("Consumer group stuck: ERR"));
        QCOMPARE(notifier.shown.first().second, history.assessment(QStringLiteral("stuck"))->statusReason);
        // (Back from 500 to 100: the partition's REWIND makes the group ERR.)
        QVERIFY2(notifier.shown.first().second.startsWith(QLatin1String("orders-0: committed offset went back from 500 to 100")),
                 qPrintable(notifier.shown.first().second));
        QCOMPARE(alerted.count(), 1);
        history.addSnapshot(cluster(kT0 + 20000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(1));   // no repeat while it stays
        // Muted: followed, not shown; unmuted while still stopped: still no repeat.
        monitor.setMuted(QStringLiteral("stuck"), true);
        QCOMPARE(monitor.mutedGroups(), QStringList{QStringLiteral("stuck")});
        history.addSnapshot(cluster(kT0 + 25000, false));
        history.addSnapshot(cluster(kT0 + 30000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(1));
        monitor.setMuted(QStringLiteral("stuck"), false);
        history.addSnapshot(cluster(kT0 + 35000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(1));
        // Deleted (gone from complete snapshots) and made again, stopped: news again.
        for (int i = 0; i < LagHistory::kForgetAfterCompleteSnapshots; ++i)
            history.addSnapshot(cluster(kT0 + 40000 + i * 5000, false, false));
        QVERIFY(!history.assessment(QStringLiteral("stuck")));
        history.addSnapshot(cluster(kT0 + 60000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(2));
        // Off again: nothing.
        monitor.setEnabled(false);
        history.addSnapshot(cluster(kT0 + 65000, false));
        history.addSnapshot(cluster(kT0 + 70000, true));
        QCOMPARE(notifier.shown.size(), qsizetype(2));
    }
};

QTEST_GUILESS_MAIN(TestLagAlerts)
#include "tst_lag_alerts.moc"
