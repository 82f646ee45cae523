// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a sandbox cluster: groups appear with their lag, the
// error banner and stale marking follow an outage, and recovery clears them.

#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/ClusterMonitor.h"
#include "core/RdKafkaClusterClient.h"
#include "models/GroupFilterProxyModel.h"
#include "models/GroupTableModel.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "widgets/StatusBanner.h"

#include <QTableView>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
