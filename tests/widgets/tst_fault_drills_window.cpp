// SPDX-License-Identifier: GPL-3.0-or-later
// The fault drill as the window shows it (issue 9): a real session on a
// sandbox cluster, one broker made slower than the refresh's deadline. The
// window must keep every group (none vanishes), mark exactly the groups that
// broker coordinates as not refreshed, name the broker in its banner, keep
// the others fresh, and be complete again once the broker answers.

#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"
#include "models/GroupTableModel.h"
#include "ui/MainWindow.h"
#include "widgets/MissingPartsBanner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

const QString kTopic = QStringLiteral("drill");
constexpr int kGroups = 9;
constexpr int kRequestTimeoutMs = 1500;   // the session's refresh deadline is a few times this

QString group(int i)
{
    return QStringLiteral("window-drill-%1").arg(i);
}

}   // namespace

class TestFaultDrillsWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slowBrokerMarksItsGroupsAndNamesItself()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(kTopic, 3));
        const QString bootstrap = cluster->bootstrapServers();
        for (int i = 0; i < kGroups; ++i) {
            GroupConsumer c(bootstrap, group(i), {kTopic});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == 3), 30000);
            QCOMPARE(c.commit(kTopic, {{0, 0}, {1, 0}, {2, 0}}), RD_KAFKA_RESP_ERR_NO_ERROR);
            c.close();
        }
        // The broker coordinating the most groups is the one slowed down.
        QHash<int, QStringList> byCoordinator;
        for (int i = 0; i < kGroups; ++i)
            byCoordinator[cluster->coordinatorOf(group(i))] << group(i);
        int slow = byCoordinator.cbegin().key();
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it)
            if (it.value().size() > byCoordinator.value(slow).size())
                slow = it.key();
        QVERIFY2(byCoordinator.value(slow).size() < kGroups, "every group on one coordinator: rename the groups");

        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, kRequestTimeoutMs);
        QVERIFY2(client, qPrintable(client.error().toString()));
        std::shared_ptr<ClusterSession> session = ClusterSession::share(new ClusterSession(client.value(), QStringLiteral("drill")));
        session->setRequestTimeoutMs(kRequestTimeoutMs);
        MainWindow window;
        window.resize(1200, 700);
        window.show();
        window.setSession(session);
        window.monitor()->setPaused(true);   // refreshes when the test says
        GroupTableModel *model = window.groupModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kGroups, 30000);
        QVERIFY(!window.missingBanner()->isVisible());

        // A refresh still running (the first one, started before the pause) would swallow refreshNow().
        QTRY_VERIFY_WITH_TIMEOUT(!window.monitor()->isRefreshing(), 30000);
        cluster->setLatency(slow, 60000);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        window.monitor()->refreshNow();
        QVERIFY(shown.wait(60000));
        QTRY_VERIFY(window.missingBanner()->isVisible());
        QVERIFY2(window.missingBanner()->text().contains(QStringLiteral("Broker %1 (").arg(slow)),
                 qPrintable(window.missingBanner()->text()));
        QCOMPARE(model->rowCount(), kGroups);   // nothing vanished
        for (int i = 0; i < kGroups; ++i) {
            const int row = model->rowOf(group(i));
            QVERIFY2(row >= 0, qPrintable(group(i)));
            const bool onSlow = byCoordinator.value(slow).contains(group(i));
            QCOMPARE(model->index(row, GroupTableModel::GroupId).data(GroupTableModel::StaleRole).toBool(), onSlow);
            if (onSlow)   // its last values, as they were read
                QCOMPARE(model->index(row, GroupTableModel::State).data().toString(), QStringLiteral("Empty"));
        }

        cluster->clearFaults();
        window.monitor()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.missingBanner()->isVisible(), 60000);
        for (int i = 0; i < kGroups; ++i)
            QVERIFY(!model->index(model->rowOf(group(i)), GroupTableModel::GroupId).data(GroupTableModel::StaleRole).toBool());
    }
};

QTEST_MAIN(TestFaultDrillsWindow)
#include "tst_fault_drills_window.moc"
