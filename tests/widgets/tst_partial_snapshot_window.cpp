// SPDX-License-Identifier: GPL-3.0-or-later
// The window on partial snapshots, through a real ClusterSession and
// ClusterMonitor whose refreshes the test answers by hand: the banner names
// what is missing and since when (its age kept current), with every part's
// line on demand, and goes when the snapshot is complete again; stale and
// never-described groups are marked per row and on the group page; a refresh
// held open shows what it waits for and is cancelled with Esc, keeping the
// last snapshot.

#include "FakeClusterClient.h"
#include "ManualSnapshotLoader.h"

#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/GroupFilterProxyModel.h"
#include "models/GroupTableModel.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "widgets/MissingPartsBanner.h"
#include "widgets/StatusBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace cohort;
using namespace cohort::test;

namespace {

const KafkaError kTimedOut = KafkaError::make(-185, QStringLiteral("_TIMED_OUT"), QStringLiteral("Local: Timed out"));
const KafkaError kUnavailable
    = KafkaError::make(15, QStringLiteral("COORDINATOR_NOT_AVAILABLE"), QStringLiteral("The coordinator is not available."));

GroupSnapshot group(const QString &id, int members)
{
    GroupSnapshot g;
    g.description.groupId = id;
    g.description.state = members > 0 ? GroupState::Stable : GroupState::Empty;
    g.description.protocolType = QStringLiteral("consumer");
    g.description.protocol = QStringLiteral("range");
    g.description.coordinatorId = 1;
    for (int i = 0; i < members; ++i)
        g.description.members.append(GroupMember{QStringLiteral("m-%1").arg(i)});
    g.totalLag = 3;
    return g;
}

ClusterSnapshot complete(const QDateTime &takenAt)
{
    ClusterSnapshot s;
    s.takenAt = takenAt;
    s.metadata.brokers = {BrokerInfo{1, QStringLiteral("127.0.0.1"), 9093, {}}, BrokerInfo{2, QStringLiteral("127.0.0.1"), 9094, {}}};
    for (const char *id : {"alpha", "beta", "gamma"}) {
        GroupSnapshot g = group(QString::fromLatin1(id), 2);
        g.describedFreshness = Freshness::freshAt(takenAt);
        g.offsetsFreshness = Freshness::freshAt(takenAt);
        s.groups.append(g);
    }
    return s;
}

// Broker 1 timed out listing its groups 40 s before `now` (beta kept from
// then); gamma's coordinator was never available (never described).
ClusterSnapshot partial(const QDateTime &now)
{
    ClusterSnapshot s = complete(now);
    GroupSnapshot &beta = s.groups[1];
    beta.describedFreshness = Freshness::failed(kTimedOut, now.addSecs(-40));
    beta.offsetsFreshness = Freshness::failed(kTimedOut, now.addSecs(-40));
    GroupSnapshot &gamma = s.groups[2];
    gamma.description.members.clear();
    gamma.description.state = GroupState::Unknown;
    gamma.description.protocol.clear();
    gamma.totalLag.reset();
    gamma.describedFreshness = Freshness::failed(kUnavailable);
    gamma.offsetsFreshness = Freshness::failed(kUnavailable);

    MissingPart listing;
    listing.kind = MissingPart::Kind::BrokerListing;
    listing.brokerId = 1;
    listing.brokerAddress = QStringLiteral("127.0.0.1:9093");
    listing.groupsAffected = 1;
    listing.error = kTimedOut;
    listing.since = now.addSecs(-40);
    MissingPart described;
    described.kind = MissingPart::Kind::GroupDescription;
    described.brokerId = 2;
    described.groupId = QStringLiteral("gamma");
    described.error = kUnavailable;
    described.since = now.addSecs(-12);
    s.missing = {listing, described};
    return s;
}

struct Window
{
    ManualSnapshotLoader loader;
    MainWindow window;
    std::shared_ptr<ClusterSession> session;

    Window()
    {
        window.resize(1200, 700);
        window.show();
        session = ClusterSession::withLoader(std::make_shared<FakeClusterClient>(), loader.loader(), QStringLiteral("fake"));
        window.setSession(session);
        window.monitor()->setPaused(true);   // the test says when the next refresh starts
    }
};

}   // namespace

class TestPartialSnapshotWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bannerSaysWhatIsMissingAndSinceWhen()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        MissingPartsBanner *banner = w.window.missingBanner();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime clock = now;
        banner->setClock([&clock] { return clock; });
        QCOMPARE(w.loader.promises.size(), size_t(1));
        const ClusterSnapshot snapshot = partial(now);
        w.loader.succeed(0, snapshot);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Part of the cluster is not shown as it is now:\n"
                                                "Broker 1 (127.0.0.1:9093) slow: 1 group not refreshed for 40 s\n"
                                                "Group \"gamma\" not described for 12 s: COORDINATOR_NOT_AVAILABLE"));
        QVERIFY(!w.window.banner()->isVisible());   // the error banner is for a refresh that failed as a whole

        // Details on demand: every part's own line, also in the tooltip.
        const QString details = snapshot.missing.at(0).describe() + QLatin1Char('\n') + snapshot.missing.at(1).describe();
        QCOMPARE(banner->toolTip(), details);
        QVERIFY(!banner->detailsShown());
        QTest::mouseClick(banner->detailsButton(), Qt::LeftButton);
        QVERIFY(banner->detailsShown());
        QCOMPARE(banner->detailsText(), details);
        QTest::mouseClick(banner->detailsButton(), Qt::LeftButton);
        QVERIFY(!banner->detailsShown());

        // Time passes without a refresh: the ages grow, by the banner's own timer.
        clock = now.addSecs(20);
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QLatin1String("1 group not refreshed for 60 s")), 3000);
        QVERIFY(banner->text().contains(QLatin1String("not described for 32 s")));
        QCOMPARE(w.loader.promises.size(), size_t(1));   // no refresh did that

        // Complete again: the banner goes.
        w.session->refreshNow();
        QCOMPARE(w.loader.promises.size(), size_t(2));
        w.loader.succeed(1, complete(QDateTime::currentDateTimeUtc()));
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(banner->text().isEmpty());

        // A refresh that fails as a whole still gets the error banner (the all-brokers-stale case).
        w.session->refreshNow();
        w.loader.fail(2);
        QTRY_VERIFY(w.window.banner()->isVisible());
        QVERIFY(w.window.banner()->text().startsWith(QLatin1String("Refresh failed: _TRANSPORT: broker down")));
        QVERIFY(w.window.groupModel()->isStale());
        QCOMPARE(w.window.groupModel()->rowCount(), 3);
    }

    void staleRowsMarkedInTheTableAndOnTheGroupPage()
    {
        Window w;
        GroupTableModel *model = w.window.groupModel();
        QAbstractItemModelTester tester(w.window.groupsPage()->proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        w.loader.succeed(0, partial(now));
        QTRY_COMPARE(model->rowCount(), 3);   // nothing vanished

        const int alpha = model->rowOf(QStringLiteral("alpha"));
        const int beta = model->rowOf(QStringLiteral("beta"));
        const int gamma = model->rowOf(QStringLiteral("gamma"));
        QVERIFY(!model->index(alpha, 0).data(GroupTableModel::StaleRole).toBool());
        // beta: its last values, marked, with the age and the error.
        QCOMPARE(model->index(beta, GroupTableModel::State).data().toString(), QStringLiteral("Stable"));
        QCOMPARE(model->index(beta, GroupTableModel::Members).data().toString(), QStringLiteral("2"));
        QVERIFY(model->index(beta, GroupTableModel::GroupId).data(Qt::DecorationRole).isValid());
        QVERIFY2(model->index(beta, GroupTableModel::GroupId)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QRegularExpression(QStringLiteral("^Not refreshed for 4[01] s: _TIMED_OUT: Local: Timed out\\n"))),
                 qPrintable(model->index(beta, GroupTableModel::GroupId).data(Qt::ToolTipRole).toString()));
        // gamma: not described, nothing made up.
        QCOMPARE(model->index(gamma, GroupTableModel::State).data().toString(), QStringLiteral("not described"));
        QCOMPARE(model->index(gamma, GroupTableModel::Members).data().toString(), QStringLiteral("–"));
        QCOMPARE(model->index(gamma, GroupTableModel::Lag).data().toString(), QStringLiteral("–"));
        QVERIFY(model->index(gamma, GroupTableModel::State)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QLatin1String("Not described: COORDINATOR_NOT_AVAILABLE: The coordinator is not available.")));

        // The page's "Only not refreshed" filter, and sorting on the view.
        GroupsPage *page = w.window.groupsPage();
        QTableView *view = page->view();
        page->onlyStaleFilter()->setChecked(true);
        QCOMPARE(view->model()->rowCount(), 2);
        view->sortByColumn(GroupTableModel::Members, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("gamma"));   // unknown sorts past every count
        page->onlyStaleFilter()->setChecked(false);
        QCOMPARE(view->model()->rowCount(), 3);

        // The group pages' headers.
        GroupPage *betaPage = w.window.openGroup(QStringLiteral("beta"));
        betaPage->setClock([now] { return now; });
        QCOMPARE(betaPage->headerValue(QStringLiteral("state")), QStringLiteral("Stable"));
        QVERIFY2(betaPage->noticeText().startsWith(QStringLiteral("Last read 40 s ago — _TIMED_OUT: Local: Timed out\n"
                                                                  "Committed offsets not refreshed for 40 s")),
                 qPrintable(betaPage->noticeText()));
        betaPage->setClock([now] { return now.addSecs(25); });
        QVERIFY2(betaPage->noticeText().startsWith(QLatin1String("Last read 65 s ago")), qPrintable(betaPage->noticeText()));
        GroupPage *gammaPage = w.window.openGroup(QStringLiteral("gamma"));
        QCOMPARE(gammaPage->headerValue(QStringLiteral("state")), QStringLiteral("not described"));
        QCOMPARE(gammaPage->headerValue(QStringLiteral("members")), QStringLiteral("–"));
        QVERIFY2(gammaPage->noticeText().startsWith(QLatin1String("Not described: COORDINATOR_NOT_AVAILABLE")),
                 qPrintable(gammaPage->noticeText()));

        // Read again: unmarked, in place.
        w.session->refreshNow();
        w.loader.succeed(1, complete(QDateTime::currentDateTimeUtc()));
        QTRY_VERIFY(!model->index(beta, 0).data(GroupTableModel::StaleRole).toBool());
        QVERIFY(!model->index(gamma, 0).data(GroupTableModel::StaleRole).toBool());
        QCOMPARE(model->index(gamma, GroupTableModel::Members).data().toString(), QStringLiteral("2"));
        QCOMPARE(betaPage->noticeText(), QString());
        QCOMPARE(gammaPage->headerValue(QStringLiteral("state")), QStringLiteral("Stable"));
        QCOMPARE(resets.count(), 0);
    }

    void slowRefreshShowsProgressAndEscCancelsIt()
    {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.window.activateWindow();
        w.loader.succeed(0, complete(QDateTime::currentDateTimeUtc()));
        QTRY_COMPARE(w.window.groupModel()->rowCount(), 3);
        QAction *cancel = w.window.cancelRefreshAction();
        QCOMPARE(cancel->objectName(), QStringLiteral("cancelRefresh"));
        QVERIFY(!cancel->isEnabled());   // nothing to cancel
        QVERIFY(!cancel->toolTip().isEmpty());

        QSignalSpy cancelled(w.window.monitor(), &ClusterMonitor::refreshCancelled);
        QTest::keyClick(&w.window, Qt::Key_F5);
        QCOMPARE(w.loader.promises.size(), size_t(2));
        QVERIFY(cancel->isEnabled());
        QCOMPARE(w.window.refreshProgressText(), QString());   // a refresh under a second says nothing
        const std::shared_ptr<RefreshProgress> progress = w.loader.progress.at(1);
        progress->setStep(QStringLiteral("Describing 1,200 groups"));
        progress->setWaitingFor({QStringLiteral("broker 2 (127.0.0.1:9094)")});
        QTRY_VERIFY_WITH_TIMEOUT(
            w.window.refreshProgressText().startsWith(QStringLiteral("Describing 1,200 groups — waiting for broker 2 (127.0.0.1:9094), ")),
            5000);
        QVERIFY2(w.window.refreshProgressText().contains(QLatin1String("; gives up in")), qPrintable(w.window.refreshProgressText()));
        // The wait goes on: the seconds count up by the window's timer.
        const QString first = w.window.refreshProgressText();
        QTRY_VERIFY_WITH_TIMEOUT(w.window.refreshProgressText() != first, 3000);

        QTest::keyClick(&w.window, Qt::Key_Escape);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(progress->isCancelled());
        QVERIFY(!cancel->isEnabled());
        QVERIFY2(w.window.refreshProgressText().startsWith(QLatin1String("Refresh cancelled")), qPrintable(w.window.refreshProgressText()));
        // What the cancelled refresh still returns is dropped; the last snapshot stays.
        ClusterSnapshot late = complete(QDateTime::currentDateTimeUtc());
        late.groups.removeLast();
        w.loader.succeed(1, late);
        QCoreApplication::processEvents();
        QCOMPARE(w.window.groupModel()->rowCount(), 3);
        QCOMPARE(w.session->snapshot().groups.size(), 3);
        QVERIFY(!w.window.monitor()->isStale());

        // Refresh works again (Ctrl+R), and its quick answer clears the cancel note.
        QTest::keyClick(&w.window, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(w.loader.promises.size(), size_t(3));
        QCOMPARE(w.window.refreshProgressText(), QString());
        w.loader.succeed(2, late);
        QTRY_COMPARE(w.window.groupModel()->rowCount(), 2);
        QVERIFY(!cancel->isEnabled());
    }
};

QTEST_MAIN(TestPartialSnapshotWindow)
#include "tst_partial_snapshot_window.moc"
