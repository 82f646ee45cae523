// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a sandbox cluster: groups appear with their lag, the
// error banner and stale marking follow an outage, and recovery clears them.

#include "FakeClusterClient.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/GroupFilterProxyModel.h"
#include "models/GroupTableModel.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "widgets/StatusBanner.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // F5 (QKeySequence::Refresh) and Ctrl+R both refresh now.
    void f5AndCtrlRRefresh()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto client = std::make_shared<FakeClusterClient>();
        window.connectTo(client, QStringLiteral("fake"));
        window.monitor()->setPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(window.monitor()->hasSnapshot() && !window.monitor()->isRefreshing(), 10000);
        QSignalSpy started(window.monitor(), &ClusterMonitor::refreshStarted);
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(started.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!window.monitor()->isRefreshing(), 10000);
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(started.size(), 2);
    }

    void showsGroupsAndSurvivesAnOutage()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("orders"), 2));
        const QString bootstrap = cluster->bootstrapServers();
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 40), QString());
        {
            GroupConsumer c(bootstrap, QStringLiteral("ui-group"), {QStringLiteral("orders")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 40), 30000);
            QCOMPARE(c.commitSync(), QString());
        }
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 7), QString());

        MainWindow window;
        window.resize(1200, 700);
        window.show();
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 3000);
        QVERIFY(client.ok());
        window.connectTo(client.value(), QStringLiteral("sandbox"));
        window.monitor()->setIntervalMs(500);

        GroupTableModel *model = window.groupModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        const int row = model->rowOf(QStringLiteral("ui-group"));
        QVERIFY(row >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(row, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 7, 20000);
        QCOMPARE(model->index(row, GroupTableModel::State).data().toString(), QStringLiteral("Empty"));
        QCOMPARE(window.groupsPage()->view()->model()->rowCount(), 1);

        // Select the group; it stays selected across refreshes.
        QTableView *view = window.groupsPage()->view();
        view->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(!window.monitor()->isRefreshing(), 10000);
        window.monitor()->refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.monitor()->isRefreshing(), 10000);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);

        // Outage: the last data stays, marked stale, and the banner says what failed.
        for (int id : cluster->brokerIds())
            cluster->stopBroker(id);
        QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), 30000);
        QVERIFY(window.banner()->text().contains(QLatin1String("Refresh failed")));
        QVERIFY(window.monitor()->isStale());
        QVERIFY(model->isStale());
        QCOMPARE(model->rowCount(), 1);

        for (int id : cluster->brokerIds())
            cluster->startBroker(id);
        QTRY_VERIFY_WITH_TIMEOUT(!window.banner()->isVisible(), 40000);
        QVERIFY(!model->isStale());
        QCOMPARE(model->rowCount(), 1);
    }

    // Switching clusters from the connection selector: the new cluster's groups
    // replace the old ones; a connection librdkafka refuses leaves the current
    // cluster shown with the reason in the banner; closing the window while a
    // refresh is in flight neither blocks nor crashes.
    void switchesClustersThroughSavedConnections()
    {
        auto alpha = startSandbox();
        auto beta = startSandbox();
        for (auto *c : {alpha.get(), beta.get()}) {
            QVERIFY(c->createTopic(QStringLiteral("events"), 1));
            QCOMPARE(produceMessages(c->bootstrapServers(), QStringLiteral("events"), 0, 3), QString());
        }
        for (const auto &[cluster, groupId] :
             {std::pair{alpha.get(), QStringLiteral("alpha-group")}, std::pair{beta.get(), QStringLiteral("beta-group")}}) {
            GroupConsumer c(cluster->bootstrapServers(), groupId, {QStringLiteral("events")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 3), 30000);
            QCOMPARE(c.commitSync(), QString());
        }

        QTemporaryDir dir;
        ConnectionProfileStore profiles(dir.filePath(QStringLiteral("connections.ini")));
        MemorySecretStore secrets;
        ConnectionProfile betaProfile;
        betaProfile.name = QStringLiteral("beta");
        betaProfile.bootstrapServers = beta->bootstrapServers();
        betaProfile.readOnly = true;
        QVERIFY(profiles.save(betaProfile));

        auto window = std::make_unique<MainWindow>();
        window->setConnectionStores(&profiles, &secrets);
        window->show();
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), alpha->bootstrapServers()}}, 3000);
        QVERIFY(client.ok());
        window->connectTo(client.value(), QStringLiteral("alpha"));
        window->monitor()->setIntervalMs(500);
        GroupTableModel *model = window->groupModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(QStringLiteral("alpha-group")) >= 0, 20000);
        QVERIFY(!window->isReadOnly());

        QComboBox *selector = window->connectionSelector();
        QCOMPARE(selector->currentText(), QStringLiteral("alpha"));
        const int betaIndex = selector->findText(QStringLiteral("beta"));
        QVERIFY(betaIndex > 0);
        Q_EMIT selector->activated(betaIndex);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(QStringLiteral("beta-group")) >= 0, 20000);
        QCOMPARE(model->rowOf(QStringLiteral("alpha-group")), -1);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(selector->currentText(), QStringLiteral("beta"));
        QVERIFY(window->isReadOnly());
        QCOMPARE(profiles.lastUsed(), QStringLiteral("beta"));

        ConnectionProfile broken = betaProfile;
        broken.name = QStringLiteral("broken");
        broken.extraProperties = {QStringLiteral("no.such.property=1")};
        // The client is made off the GUI thread: the refusal arrives a moment later.
        const QFuture<bool> refused = window->connectToProfile(broken, {});
        QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 10000);
        QVERIFY(!refused.result());
        QVERIFY(window->banner()->isVisible());
        QVERIFY2(window->banner()->text().contains(QLatin1String("no.such.property")), qPrintable(window->banner()->text()));
        QCOMPARE(selector->currentText(), QStringLiteral("beta"));
        QCOMPARE(model->rowOf(QStringLiteral("beta-group")), 0);

        // Beta answers slowly from here on, so the refresh asked for next is
        // surely still in flight when the window closes (a loopback refresh
        // can otherwise finish before refreshNow returns on a loaded machine).
        for (const int id : beta->brokerIds())
            beta->setLatency(id, 3000);
        window->monitor()->refreshNow();
        QVERIFY(window->monitor()->isRefreshing());
        QElapsedTimer timer;
        timer.start();
        window.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
