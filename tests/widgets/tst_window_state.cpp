// SPDX-License-Identifier: GPL-3.0-or-later
// What the window remembers, across two MainWindow instances on one
// temporary settings file: geometry, a table's column order, width,
// visibility and sort, a group page's columns and splitters (the Rebalances
// tab's history and splitter too), the lower tab shown, the dialogs' sizes
// and the what-if dialog's splitters, the refresh interval, and per
// connection the open group tabs and the page shown. A
// damaged or foreign settings file is ignored with a message, never a crash.

#include "BusyAndIdleGroups.h"

#include "core/reset/ResetBackupStore.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/GroupTableModel.h"
#include "models/RebalanceHistoryModel.h"
#include "ui/AssignmentWhatIfDialog.h"
#include "ui/GroupPage.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/ResetHistoryDialog.h"
#include "ui/WindowStateStore.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace cohort;
using namespace cohort::test;

namespace {

std::shared_ptr<ClusterSession> fakeSession(const QString &name)
{
    auto session = ClusterSession::share(new ClusterSession(busyAndIdleGroups(), name));
    return session;
}

QStringList groupTabs(const MainWindow &window)
{
    QStringList ids;
    for (int i = 0; i < window.tabs()->count(); ++i)
        if (auto *page = qobject_cast<GroupPage *>(window.tabs()->widget(i)))
            ids << page->groupId();
    return ids;
}

QString connectionKey(const QString &name)
{
    return QStringLiteral("connections/") + QString::fromLatin1(name.toUtf8().toHex()) + QStringLiteral("/");
}

}   // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAcrossTwoWindows()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cohort.ini"));
        QList<int> splitterSizes;
        QList<int> rebalancesSizes;
        QSize closedSize;
        QList<int> whatIfSizes;
        const ResetBackupStore backups(dir.filePath(QStringLiteral("backups")));
        {
            QSettings settings(file, QSettings::IniFormat);
            MainWindow window;
            window.setSettings(&settings);
            window.restoreRememberedState();
            QVERIFY(window.statusBar()->currentMessage().isEmpty());   // nothing yet, nothing wrong
            window.resize(1000, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setSession(fakeSession(QStringLiteral("fake")));
            QTRY_COMPARE(window.groupModel()->rowCount(), 2);
            // Dialogs keep their size: the what-if (and its splitters) and the reset history.
            {
                auto *whatIf = new AssignmentWhatIfDialog(&window);
                whatIf->show();
                QVERIFY(QTest::qWaitForWindowExposed(whatIf));
                whatIf->resize(777, 555);
                auto *inputs = whatIf->findChild<QSplitter *>(QStringLiteral("inputsSplitter"));
                QVERIFY(inputs);
                inputs->setSizes({500, 200});
                whatIfSizes = inputs->sizes();
                whatIf->close();
                delete whatIf;
                auto *history = new ResetHistoryDialog(backups, QString(), QString(), &window);
                history->show();
                QVERIFY(QTest::qWaitForWindowExposed(history));
                history->resize(654, 321);
                history->close();
                delete history;
            }

            QHeaderView *header = window.groupsPage()->view()->horizontalHeader();
            header->resizeSection(GroupTableModel::GroupId, 333);
            header->setSectionHidden(GroupTableModel::Coordinator, true);
            header->moveSection(header->visualIndex(GroupTableModel::Lag), 1);
            window.groupsPage()->view()->sortByColumn(GroupTableModel::Lag, Qt::DescendingOrder);
            window.intervalSelector()->setCurrentIndex(window.intervalSelector()->findData(30000));

            window.openGroup(QStringLiteral("idle"));
            GroupPage *busy = window.openGroup(QStringLiteral("busy"));
            busy->partitionView()->horizontalHeader()->resizeSection(0, 211);
            auto *split = busy->findChild<QSplitter *>(QStringLiteral("groupPageSplitter"));
            QVERIFY(split);
            split->setSizes({100, 400});
            splitterSizes = split->sizes();
            Q_EMIT split->splitterMoved(splitterSizes.first(), 1);   // as the end of a drag does
            // The Rebalances tab: its history's columns and its splitter, and the tab itself stays chosen.
            busy->lowerTabs()->setCurrentWidget(busy->rebalancesTab());
            QHeaderView *history = busy->rebalancesTab()->historyView()->horizontalHeader();
            history->resizeSection(RebalanceHistoryModel::Duration, 137);
            history->setSectionHidden(RebalanceHistoryModel::Generation, true);
            auto *rebalancesSplit = busy->findChild<QSplitter *>(QStringLiteral("rebalancesSplitter"));
            QVERIFY(rebalancesSplit);
            rebalancesSplit->setSizes({90, 210});
            rebalancesSizes = rebalancesSplit->sizes();
            Q_EMIT rebalancesSplit->splitterMoved(rebalancesSizes.first(), 1);
            // Showing another group page changes nothing of the arrangement.
            window.tabs()->setCurrentWidget(window.groupPage(QStringLiteral("idle")));
            // The Rebalances tab's bar can widen the window past what was asked: the size it closes at is what counts.
            closedSize = window.size();
            window.close();   // saves
        }
        {
            QSettings settings(file, QSettings::IniFormat);
            MainWindow window;
            window.setSettings(&settings);
            window.restoreRememberedState();
            QVERIFY2(window.statusBar()->currentMessage().isEmpty(), qPrintable(window.statusBar()->currentMessage()));
            QCOMPARE(window.size(), closedSize);
            QVERIFY(closedSize != QSize(1400, 900));
            QHeaderView *header = window.groupsPage()->view()->horizontalHeader();
            QCOMPARE(header->sectionSize(GroupTableModel::GroupId), 333);
            QVERIFY(header->isSectionHidden(GroupTableModel::Coordinator));
            QCOMPARE(header->visualIndex(GroupTableModel::Lag), 1);
            QCOMPARE(header->sortIndicatorSection(), int(GroupTableModel::Lag));
            QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
            QCOMPARE(window.intervalSelector()->currentData().toInt(), 30000);

            window.show();
            auto session = fakeSession(QStringLiteral("fake"));
            window.setSession(session);
            QCOMPARE(session->monitor()->intervalMs(), 30000);
            QCOMPARE(groupTabs(window), (QStringList{QStringLiteral("idle"), QStringLiteral("busy")}));
            QCOMPARE(window.tabs()->currentWidget(), window.groupPage(QStringLiteral("idle")));
            GroupPage *busy = window.groupPage(QStringLiteral("busy"));
            QCOMPARE(busy->partitionView()->horizontalHeader()->sectionSize(0), 211);
            // Within 2 px: the restored sizes are laid out again when the page gets
            // its final height, and QSplitter's proportional share rounds.
            const QList<int> restored = busy->findChild<QSplitter *>(QStringLiteral("groupPageSplitter"))->sizes();
            QCOMPARE(restored.size(), splitterSizes.size());
            for (qsizetype i = 0; i < restored.size(); ++i)
                QVERIFY2(std::abs(restored.at(i) - splitterSizes.at(i)) <= 2,
                         qPrintable(QStringLiteral("pane %1: %2 restored, %3 saved").arg(i).arg(restored.at(i)).arg(splitterSizes.at(i))));
            // The lower tab chosen last, the Rebalances history's columns and splitter.
            QCOMPARE(busy->lowerTabs()->currentWidget(), static_cast<QWidget *>(busy->rebalancesTab()));
            QCOMPARE(window.groupPage(QStringLiteral("idle"))->lowerTabs()->currentWidget(),
                     static_cast<QWidget *>(window.groupPage(QStringLiteral("idle"))->rebalancesTab()));
            QHeaderView *history = busy->rebalancesTab()->historyView()->horizontalHeader();
            QCOMPARE(history->sectionSize(RebalanceHistoryModel::Duration), 137);
            QVERIFY(history->isSectionHidden(RebalanceHistoryModel::Generation));
            const QList<int> rebalancesRestored = busy->findChild<QSplitter *>(QStringLiteral("rebalancesSplitter"))->sizes();
            QCOMPARE(rebalancesRestored.size(), rebalancesSizes.size());
            // The same share: the hidden tab gets its final height only when shown, and QSplitter shares by proportion.
            const auto share = [](const QList<int> &sizes) { return double(sizes.first()) / std::max(1, sizes.first() + sizes.last()); };
            for (qsizetype i = 0; i < 1; ++i)
                QVERIFY2(std::abs(share(rebalancesRestored) - share(rebalancesSizes)) < 0.05,
                         qPrintable(QStringLiteral("pane %1: %2 restored, %3 saved").arg(i).arg(rebalancesRestored.at(i)).arg(rebalancesSizes.at(i))));
            // The dialogs open at the size they were left at, the what-if's splitter as it was.
            {
                auto *whatIf = new AssignmentWhatIfDialog(&window);
                whatIf->show();
                QVERIFY(QTest::qWaitForWindowExposed(whatIf));
                QCOMPARE(whatIf->size(), QSize(777, 555));
                const QList<int> inputs = whatIf->findChild<QSplitter *>(QStringLiteral("inputsSplitter"))->sizes();
                QCOMPARE(inputs.size(), whatIfSizes.size());
                for (qsizetype i = 0; i < inputs.size(); ++i)
                    QVERIFY2(std::abs(inputs.at(i) - whatIfSizes.at(i)) <= 2, qPrintable(QString::number(inputs.at(i))));
                delete whatIf;
                auto *history = new ResetHistoryDialog(backups, QString(), QString(), &window);
                history->show();
                QVERIFY(QTest::qWaitForWindowExposed(history));
                QCOMPARE(history->size(), QSize(654, 321));
                delete history;
            }

            // Another connection has tabs of its own (none yet); coming back restores these.
            window.setSession(fakeSession(QStringLiteral("other")));
            QVERIFY(groupTabs(window).isEmpty());
            QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.groupsPage()));
            window.setSession(fakeSession(QStringLiteral("fake")));
            QCOMPARE(groupTabs(window), (QStringList{QStringLiteral("idle"), QStringLiteral("busy")}));
        }
    }

    void recentConnectionsKeepTheLastFive()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("cohort.ini")), QSettings::IniFormat);
        WindowStateStore store(&settings);
        for (const char *name : {"a", "b", "c", "d", "e", "f", "b"})
            store.addRecentConnection(QString::fromLatin1(name));
        QCOMPARE(store.recentConnections(),
                 (QStringList{QStringLiteral("b"), QStringLiteral("f"), QStringLiteral("e"), QStringLiteral("d"), QStringLiteral("c")}));
    }

    void corruptSettingsAreIgnoredWithAMessage()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cohort.ini"));
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/geometry"), QStringLiteral("not a geometry"));
            settings.setValue(QStringLiteral("window/state"), QByteArray("\x01\x02garbage", 9));
            // A header saved from a table of another shape (an older Cohort's 3 columns).
            QStandardItemModel threeColumns(1, 3);
            QTableView other;
            other.setModel(&threeColumns);
            other.horizontalHeader()->setSectionHidden(0, true);
            settings.setValue(QStringLiteral("tables/groups"), other.horizontalHeader()->saveState());
            settings.setValue(QStringLiteral("tables/topics"), QByteArray("junk"));
            settings.setValue(QStringLiteral("splitters/groupPageSplitter"), QByteArray("junk"));
            settings.setValue(QStringLiteral("refresh/intervalMs"), 1234);
            // A point where a list of group ids belongs (an INI file cannot tell a one-id list from a string).
            settings.setValue(connectionKey(QStringLiteral("fake")) + QStringLiteral("groupTabs"), QPoint(1, 2));
            settings.setValue(connectionKey(QStringLiteral("fake")) + QStringLiteral("currentPage"), QStringLiteral("group:nowhere"));
        }
        QSettings settings(file, QSettings::IniFormat);
        MainWindow window;
        window.setSettings(&settings);
        window.restoreRememberedState();
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("could not be used")), qPrintable(message));
        for (const char *key : {"window/geometry", "window/state", "tables/groups", "tables/topics", "refresh/intervalMs"})
            QVERIFY2(message.contains(QLatin1String(key)), qPrintable(message));
        QHeaderView *header = window.groupsPage()->view()->horizontalHeader();
        QCOMPARE(header->count(), int(GroupTableModel::ColumnCount));
        QCOMPARE(header->hiddenSectionCount(), 0);
        QCOMPARE(window.intervalSelector()->currentData().toInt(), 5000);   // the default

        window.show();
        window.setSession(fakeSession(QStringLiteral("fake")));
        QVERIFY(groupTabs(window).isEmpty());
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.groupsPage()));
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("groupTabs")));
        GroupPage *page = window.openGroup(QStringLiteral("busy"));   // the damaged splitter state is skipped
        QVERIFY(page);
        QVERIFY(page->isVisible());
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_window_state.moc"
