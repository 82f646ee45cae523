// SPDX-License-Identifier: GPL-3.0-or-later
// The View, Window and File menus doing what they say, offscreen on a fake
// cluster: View → Columns hides and shows the current table's columns (never
// the last one), Pause stops the periodic refresh and says Resume, Full Screen
// toggles; Window → Next/Previous Tab cycle through every tab and wrap; File →
// Recent Connections offers the remembered connections that still exist, the
// current one greyed out; Enter and a double-click open a group; the Topics,
// partitions and assignment tables have context menus with the clicked row's
// actions, the rebalance history Show on Timeline and Copy Details; every
// item view of the window and its dialogs has Copy and a header menu of its
// columns; a settings file Qt cannot read is reported, not a crash.

#include "BusyAndIdleGroups.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/lag/LagHistory.h"
#include "core/reset/ResetBackupStore.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/AssignmentOutcomeModel.h"
#include "models/GroupTableModel.h"
#include "models/RebalanceHistoryModel.h"
#include "models/TopicTableModel.h"
#include "ui/AssignmentWhatIfDialog.h"
#include "ui/GroupActions.h"
#include "ui/GroupPage.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/OffsetResetWizard.h"
#include "ui/ResetHistoryDialog.h"
#include "ui/TableMenus.h"
#include "ui/TopicsPage.h"
#include "widgets/AssignmentView.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/RebalanceTimeline.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace cohort;
using namespace cohort::test;

namespace {

struct Shown
{
    std::unique_ptr<MainWindow> window;
    std::shared_ptr<ClusterSession> session;
};

Shown show()
{
    Shown s;
    s.window = std::make_unique<MainWindow>();
    s.session = ClusterSession::share(new ClusterSession(busyAndIdleGroups(), QStringLiteral("fake")));
    s.window->resize(1200, 800);
    s.window->show();
    s.window->setSession(s.session);
    return s;
}

int rowOf(QAbstractItemView *view, int role, const QString &value)
{
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data(role).toString() == value)
            return r;
    return -1;
}

// The item views a user sees data in: not the lists inside combo boxes and calendars.
QList<QAbstractItemView *> dataViews(const QWidget *root)
{
    QList<QAbstractItemView *> out;
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>()) {
        bool internal = false;
        for (QObject *p = v->parent(); p && !internal; p = p->parent())
            internal = qobject_cast<QComboBox *>(p) || qobject_cast<QCalendarWidget *>(p);
        if (!internal && !qobject_cast<QHeaderView *>(v))   // a header is its view's (its menu is checked with it)
            out << v;
    }
    return out;
}

QString nameOf(const QAbstractItemView *v)
{
    return QStringLiteral("%1 \"%2\" in %3").arg(QLatin1String(v->metaObject()->className()), v->objectName(),
                                                  QLatin1String(v->window()->metaObject()->className()));
}

// The menu the user gets: the view's own signal, the popup it opens.
QMenu *popupFrom(QWidget *w, const QPoint &pos)
{
    Q_EMIT w->customContextMenuRequested(pos);
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

// Makes the pages the view is on current (tabs, stacks), so that it is laid out and its rows have places.
void reveal(QWidget *w)
{
    for (QWidget *c = w; c && c->parentWidget(); c = c->parentWidget())
        if (auto *stack = qobject_cast<QStackedWidget *>(c->parentWidget()))
            stack->setCurrentWidget(c);
}

bool hasCopyKey(const QWidget *w)
{
    for (const QAction *a : w->actions())
        if (a->shortcut() == QKeySequence(QKeySequence::Copy))
            return true;
    return false;
}

QAction *byName(const QMenu &menu, const QString &name)
{
    for (QAction *a : menu.actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QStringList texts(const QMenu &menu)
{
    QStringList out;
    for (QAction *a : menu.actions())
        if (!a->isSeparator())
            out << a->text();
    return out;
}

}   // namespace

class TestViewWindowMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsMenuHidesAndShowsTheCurrentTablesColumns()
    {
        Shown s = show();
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);
        auto *columns = s.window->findChild<QMenu *>(QStringLiteral("columns"));
        QVERIFY(columns);
        QMetaObject::invokeMethod(columns, "aboutToShow");
        QHeaderView *header = s.window->groupsPage()->view()->horizontalHeader();
        QCOMPARE(columns->actions().size(), header->count());
        QAction *lag = nullptr;
        for (QAction *a : columns->actions()) {
            QVERIFY(a->isCheckable() && a->isChecked());
            if (a->text() == s.window->groupModel()->headerData(GroupTableModel::Lag, Qt::Horizontal).toString())
                lag = a;
        }
        QVERIFY(lag);
        lag->toggle();
        QVERIFY(header->isSectionHidden(GroupTableModel::Lag));
        lag->toggle();
        QVERIFY(!header->isSectionHidden(GroupTableModel::Lag));

        // Every column but one hidden: the last stays, with a word why.
        for (int c = 1; c < header->count(); ++c)
            header->setSectionHidden(c, true);
        QMetaObject::invokeMethod(columns, "aboutToShow");
        columns->actions().at(0)->toggle();
        QVERIFY(!header->isSectionHidden(0));
        QVERIFY(s.window->statusBar()->currentMessage().contains(QLatin1String("last column")));

        // On the Topics page the menu lists the topics table's columns.
        s.window->showTopics();
        QMetaObject::invokeMethod(columns, "aboutToShow");
        QCOMPARE(columns->actions().size(), s.window->topicsPage()->view()->header()->count());
    }

    void pauseStopsThePeriodicRefresh()
    {
        Shown s = show();
        QAction *pause = s.window->findAction(QStringLiteral("pauseRefresh"));
        QVERIFY(pause && pause->isCheckable());
        QVERIFY(!s.session->monitor()->isPaused());
        pause->trigger();
        QVERIFY(s.session->monitor()->isPaused());
        QVERIFY2(pause->text().contains(QLatin1String("Resume")), qPrintable(pause->text()));
        pause->trigger();
        QVERIFY(!s.session->monitor()->isPaused());
        QVERIFY2(pause->text().contains(QLatin1String("Pause")), qPrintable(pause->text()));
    }

    void fullScreenToggles()
    {
        Shown s = show();
        QAction *full = s.window->findAction(QStringLiteral("fullScreen"));
        QVERIFY(full && full->isCheckable());
        full->trigger();
        QTRY_VERIFY(s.window->isFullScreen());
        full->trigger();
        QTRY_VERIFY(!s.window->isFullScreen());
        // Its key works while the menu bar is not in reach (the window holds the shortcut too).
        QVERIFY(s.window->actions().contains(full));
    }

    void nextAndPreviousTabWrapAround()
    {
        Shown s = show();
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);
        s.window->openGroup(QStringLiteral("busy"));
        QTabWidget *tabs = s.window->tabs();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->currentIndex(), 2);
        QAction *next = s.window->findAction(QStringLiteral("nextTab"));
        QAction *previous = s.window->findAction(QStringLiteral("previousTab"));
        next->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(s.window->groupsPage()));
        next->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(s.window->topicsPage()));
        previous->trigger();
        previous->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(s.window->groupPage(QStringLiteral("busy"))));
        // Close Tab is for group tabs only.
        QAction *close = s.window->findAction(QStringLiteral("closeTab"));
        QVERIFY(close->isEnabled());
        close->trigger();
        QCOMPARE(tabs->count(), 2);
        QVERIFY(!close->isEnabled());
        QVERIFY(!close->toolTip().isEmpty());
    }

    void enterAndDoubleClickOpenAGroup()
    {
        Shown s = show();
        QVERIFY(QTest::qWaitForWindowActive(s.window.get()));
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);
        QTableView *view = s.window->groupsPage()->view();
        const int idle = rowOf(view, GroupTableModel::GroupIdRole, QStringLiteral("idle"));
        QVERIFY(idle >= 0);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(idle, 1));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(s.window->groupPage(QStringLiteral("idle")));
        QCOMPARE(s.window->tabs()->currentWidget(), static_cast<QWidget *>(s.window->groupPage(QStringLiteral("idle"))));

        s.window->showGroups();
        const int busy = rowOf(view, GroupTableModel::GroupIdRole, QStringLiteral("busy"));
        const QPoint at = view->visualRect(view->model()->index(busy, 1)).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(s.window->groupPage(QStringLiteral("busy")));
        QCOMPARE(s.window->tabs()->currentWidget(), static_cast<QWidget *>(s.window->groupPage(QStringLiteral("busy"))));
    }

    void everyTableHasAContextMenu()
    {
        Shown s = show();
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);

        // Topics: a group row under its topic offers the topic's name and the group's actions.
        s.window->showTopics();
        QTreeView *topics = s.window->topicsPage()->view();
        topics->expandAll();
        QModelIndex groupRow;
        for (int t = 0; t < topics->model()->rowCount() && !groupRow.isValid(); ++t) {
            const QModelIndex topic = topics->model()->index(t, 0);
            for (int g = 0; g < topics->model()->rowCount(topic); ++g)
                if (topics->model()->index(g, 0, topic).data(TopicTableModel::GroupIdRole).toString() == QLatin1String("busy"))
                    groupRow = topics->model()->index(g, 0, topic);
        }
        QVERIFY(groupRow.isValid());
        std::unique_ptr<QMenu> menu(s.window->contextMenuFor(topics, topics->visualRect(groupRow).center()));
        QVERIFY(menu);
        QVERIFY2(texts(*menu).contains(QStringLiteral("Copy Topic Name")), qPrintable(texts(*menu).join(QLatin1Char('|'))));
        QVERIFY(menu->actions().contains(s.window->groupActions()->action(GroupAction::Open)));
        QCOMPARE(s.window->groupActions()->target(), QStringLiteral("busy"));

        // The partitions table: delete that topic's offsets (greyed out: busy has members).
        GroupPage *page = s.window->openGroup(QStringLiteral("busy"));
        QTRY_VERIFY(page->partitionView()->model()->rowCount() > 0);
        QTableView *partitions = page->partitionView();
        menu.reset(s.window->contextMenuFor(partitions, partitions->visualRect(partitions->model()->index(0, 0)).center()));
        QVERIFY(menu);
        QAction *deleteOffsets = nullptr;
        for (QAction *a : menu->actions())
            if (a->text().startsWith(QLatin1String("Delete Offsets of orders")))
                deleteOffsets = a;
        QVERIFY2(deleteOffsets, qPrintable(texts(*menu).join(QLatin1Char('|'))));
        QVERIFY(!deleteOffsets->isEnabled());
        QVERIFY(!deleteOffsets->toolTip().isEmpty());
        QVERIFY(!deleteOffsets->icon().isNull());

        // The assignment tree: a member row offers removing that member.
        page->lowerTabs()->setCurrentIndex(0);
        AssignmentView *assignment = page->assignmentView();
        QTRY_VERIFY(assignment->model()->rowCount() > 0);
        menu.reset(s.window->contextMenuFor(assignment, assignment->visualRect(assignment->model()->index(0, 0)).center()));
        QVERIFY(menu);
        bool removeOffered = false;
        for (const QString &t : texts(*menu))
            removeOffered = removeOffered || t.startsWith(QLatin1String("Remove 1 Member"));
        QVERIFY2(removeOffered, qPrintable(texts(*menu).join(QLatin1Char('|'))));
    }

    void rebalanceHistoryHasItsRowsActions()
    {
        Shown s = show();
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);
        GroupPage *page = s.window->openGroup(QStringLiteral("busy"));
        page->lowerTabs()->setCurrentWidget(page->rebalancesTab());
        // A rebalance of 4 s, two minutes ago, as the watcher records it.
        const qint64 began = QDateTime::currentMSecsSinceEpoch() - 120'000;
        GroupEvent start;
        start.timeMs = began;
        start.groupId = QStringLiteral("busy");
        start.kind = GroupEventKind::RebalanceStarted;
        start.reason = QStringLiteral("m-3 joined");
        start.generation = 4;
        GroupEvent done = start;
        done.timeMs = began + 4000;
        done.kind = GroupEventKind::RebalanceCompleted;
        done.reason.clear();
        done.durationMs = 4000;
        done.partitionsMoved = 2;
        done.generation = 5;
        s.session->lagHistory()->addEvents({start, done});
        QTableView *history = page->rebalancesTab()->historyView();
        QTRY_COMPARE(history->model()->rowCount(), 1);
        const QPoint at = history->visualRect(history->model()->index(0, RebalanceHistoryModel::Trigger)).center();
        std::unique_ptr<QMenu> menu(s.window->contextMenuFor(history, at));
        QVERIFY(menu);
        QVERIFY2(byName(*menu, QStringLiteral("copyRows")), qPrintable(texts(*menu).join(QLatin1Char('|'))));
        QVERIFY(menu->actions().contains(s.window->groupActions()->action(GroupAction::TriggerRebalance)));
        QCOMPARE(s.window->groupActions()->target(), QStringLiteral("busy"));
        // Copy: the row's cells as shown, tab-separated.
        byName(*menu, QStringLiteral("copyRows"))->trigger();
        const QStringList cells = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), int(RebalanceHistoryModel::ColumnCount));
        QCOMPARE(cells.at(RebalanceHistoryModel::Trigger), QStringLiteral("m-3 joined"));
        QCOMPARE(cells.at(RebalanceHistoryModel::PartitionsMoved), QStringLiteral("2"));
        // Copy Details: the row in sentences.
        QAction *details = byName(*menu, QStringLiteral("copyRebalanceDetails"));
        QVERIFY(details);
        details->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().contains(QLatin1String("Triggered: m-3 joined")), qPrintable(QGuiApplication::clipboard()->text()));
        // Show on Timeline: the shared chart range leaves live for a window around the 4 s.
        QAction *onTimeline = byName(*menu, QStringLiteral("showRebalanceOnTimeline"));
        QVERIFY(onTimeline);
        ChartTimeRange *range = page->rebalancesTab()->timeline()->timeRange();
        QVERIFY(range->followsLive());
        onTimeline->trigger();
        QVERIFY(!range->followsLive());
        QVERIFY(range->fromMs() < began && range->fromMs() > began - 120'000);
        QVERIFY(range->toMs() > began + 4000 && range->toMs() < began + 4000 + 120'000);
    }

    void everyItemViewHasCopyAndAColumnsMenu()
    {
        Shown s = show();
        QTRY_COMPARE(s.window->groupModel()->rowCount(), 2);
        GroupPage *page = s.window->openGroup(QStringLiteral("busy"));
        QTRY_VERIFY(page->partitionView()->model()->rowCount() > 0);
        const ResetBackupStore backups(QDir::tempPath() + QStringLiteral("/cohort-view-menus-backups"));
        auto *whatIf = new AssignmentWhatIfDialog(s.window.get());
        whatIf->setGroup(*s.session->snapshot().group(QStringLiteral("busy")), s.session->snapshot().metadata);
        auto *resetHistory = new ResetHistoryDialog(backups, QStringLiteral("busy"), QString(), s.window.get());
        auto *wizard = new OffsetResetWizard(s.session, backups, {QStringLiteral("busy")}, {}, s.window.get());
        QTRY_VERIFY(whatIf->outcomeModel()->rowCount() > 0);
        for (QWidget *dialog : {static_cast<QWidget *>(whatIf), static_cast<QWidget *>(resetHistory), static_cast<QWidget *>(wizard)}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
        }

        int withRows = 0;
        QStringList seen;
        for (QWidget *root : {static_cast<QWidget *>(s.window.get()), static_cast<QWidget *>(whatIf), static_cast<QWidget *>(resetHistory),
                              static_cast<QWidget *>(wizard)})
            for (QAbstractItemView *view : dataViews(root)) {
                const QString name = nameOf(view);
                seen << name;
                QVERIFY2(view->contextMenuPolicy() == Qt::CustomContextMenu, qPrintable(name + QStringLiteral(" has no context menu")));
                QVERIFY2(hasCopyKey(view), qPrintable(name + QStringLiteral(" has no Ctrl+C")));
                if (QHeaderView *header = TableMenus::headerOf(view); header && header->count() > 1) {
                    QVERIFY2(header->contextMenuPolicy() == Qt::CustomContextMenu, qPrintable(name + QStringLiteral("'s header has no menu")));
                    QMenu *columns = popupFrom(header, QPoint(5, 5));
                    QVERIFY2(columns, qPrintable(name));
                    QCOMPARE(columns->actions().size(), header->count());
                    QAction *second = columns->actions().at(1);
                    QVERIFY(second->isCheckable());
                    QCOMPARE(second->isChecked(), !header->isSectionHidden(header->logicalIndex(1)));
                    const int section = header->logicalIndex(1);
                    const bool hiddenBefore = header->isSectionHidden(section);
                    second->trigger();
                    QCOMPARE(header->isSectionHidden(section), !hiddenBefore);
                    header->setSectionHidden(section, hiddenBefore);
                    columns->close();
                }
                if (!view->model() || view->model()->rowCount() == 0)
                    continue;
                reveal(view);
                if (!view->isVisible())
                    continue;   // a wizard page not reached: its (empty) tables have no rows yet anyway
                ++withRows;
                QTest::qWait(0);   // laid out
                const QModelIndex first = view->model()->index(0, 0);
                view->scrollTo(first);
                QMenu *menu = popupFrom(view, view->visualRect(first).center());
                QVERIFY2(menu, qPrintable(name + QStringLiteral(": no menu on its first row")));
                QAction *copy = byName(*menu, QStringLiteral("copyRows"));
                QVERIFY2(copy, qPrintable(name + QStringLiteral(": ") + texts(*menu).join(QLatin1Char('|'))));
                QGuiApplication::clipboard()->clear();
                copy->trigger();
                QVERIFY2(QGuiApplication::clipboard()->text().contains(first.data().toString()), qPrintable(name));
                menu->close();
            }
        // The window's five tables and the history, the what-if's three, the history's, the wizard's three.
        QVERIFY2(seen.size() >= 13, qPrintable(seen.join(QLatin1Char('\n'))));
        QVERIFY2(withRows >= 6, qPrintable(seen.join(QLatin1Char('\n'))));
        delete wizard;
        delete resetHistory;
        delete whatIf;
    }

    void recentConnectionsOfferWhatStillExists()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        ConnectionProfileStore profiles(dir.filePath(QStringLiteral("profiles.ini")));
        MemorySecretStore secrets;
        for (const char *name : {"staging", "production"}) {
            ConnectionProfile p;
            p.name = QString::fromLatin1(name);
            p.bootstrapServers = QStringLiteral("127.0.0.1:1");
            QVERIFY(profiles.save(p));
        }
        MainWindow window;
        window.setSettings(&settings);
        window.setConnectionStores(&profiles, &secrets);
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentConnections"));
        QVERIFY(recent);
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QCOMPARE(texts(*recent), QStringList{QStringLiteral("(none yet)")});
        QVERIFY(!recent->actions().constFirst()->isEnabled());

        window.rememberConnection(QStringLiteral("staging"));
        window.rememberConnection(QStringLiteral("deleted-since"));
        window.rememberConnection(QStringLiteral("production"));
        window.setSession(ClusterSession::share(new ClusterSession(busyAndIdleGroups(), QStringLiteral("production"))));
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QCOMPARE(texts(*recent), (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
        QVERIFY2(!recent->actions().at(0)->isEnabled(), "the connection shown is not offered again");
        QVERIFY(recent->actions().at(1)->isEnabled());
    }

    void unreadableSettingsFileIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Cohort.conf"));
        QVERIFY(QDir().mkpath(path));   // a directory where the file belongs: Qt can neither read nor write it
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(settings.status(), QSettings::AccessError);
        MainWindow window;
        window.setSettings(&settings);
        window.restoreRememberedState();
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(path) && message.contains(QLatin1String("cannot be read or written")), qPrintable(message));
        window.show();
        window.setSession(ClusterSession::share(new ClusterSession(busyAndIdleGroups(), QStringLiteral("fake"))));
        QTRY_COMPARE(window.groupModel()->rowCount(), 2);
        window.close();   // saving into it fails quietly, as Qt does: no crash, no hang
    }
};

QTEST_MAIN(TestViewWindowMenus)
#include "tst_view_window_menus.moc"
