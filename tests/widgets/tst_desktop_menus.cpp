// SPDX-License-Identifier: GPL-3.0-or-later
// The menu bar as a user meets it, offscreen on a fake cluster: every action
// is there with a shortcut (or is on the list of those meant to have none), no
// two share a key; the Group actions follow the connection (read-only offers
// no write) and the group (an active one cannot be deleted, an Empty one has
// nobody to remove), with the reason in the tooltip; the dialogs call
// ClusterAdmin only after confirmation (a production connection wants the
// group's name typed) and explain Kafka's refusals; About names the library
// versions; context menus carry the clicked row's actions.

#include "BusyAndIdleGroups.h"
#include "FakeClusterClient.h"
#include "RecordingClusterAdmin.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/GroupTableModel.h"
#include "models/PartitionTableModel.h"
#include "ui/AboutDialog.h"
#include "ui/AdminOperationDialog.h"
#include "ui/DeleteOffsetsDialog.h"
#include "ui/GroupActions.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/OffsetResetWizard.h"
#include "ui/RemoveMembersDialog.h"
#include "ui/ResetScopePage.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TriggerRebalanceDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <librdkafka/rdkafka.h>
// qcustomplot.h is written with Qt's keywords, which QT_NO_KEYWORDS turns off.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

using namespace cohort;
using namespace cohort::test;

namespace {

// Menu bar actions that have no shortcut on purpose, and why.
const QHash<QString, QString> kWithoutShortcut = {
    {QStringLiteral("connections"), QStringLiteral("File → Connect to… (Ctrl+O) opens the same dialog")},
    {QStringLiteral("pauseRefresh"), QStringLiteral("rarely used; in the toolbar")},
    {QStringLiteral("groupOpen"), QStringLiteral("Enter and double-click in the tables")},
    {QStringLiteral("groupRemoveMembers"), QStringLiteral("needs members chosen: the members table's context menu")},
    {QStringLiteral("groupDeleteOffsets"), QStringLiteral("needs topics chosen: the partitions table's context menu")},
    {QStringLiteral("groupUndoLastReset"), QStringLiteral("a write worth a deliberate click: the Group menu and the group page's button")},
    {QStringLiteral("groupResetHistory"), QStringLiteral("rarely used; Group menu")},
    {QStringLiteral("desktopNotifications"), QStringLiteral("a setting, turned on once")},
    {QStringLiteral("muteNotifications"), QStringLiteral("per group: in every group's context menu")},
    {QStringLiteral("about"), QStringLiteral("Help menu convention")},
    {QStringLiteral("aboutQt"), QStringLiteral("Help menu convention")},
};
// Choices inside submenus (an interval, a language): picked, not pressed.
bool isChoice(const QString &objectName)
{
    return objectName.startsWith(QLatin1String("interval")) || objectName.startsWith(QLatin1String("language_"));
}

void collect(const QMenu *menu, QList<QAction *> &out)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        if (a->menu())
            collect(a->menu(), out);
        else
            out << a;
    }
}

QList<QAction *> menuActions(const MainWindow &window)
{
    QList<QAction *> out;
    for (QAction *top : window.menuBar()->actions())
        if (top->menu())
            collect(top->menu(), out);
    return out;
}

struct Shown
{
    std::unique_ptr<MainWindow> window;
    std::shared_ptr<RecordingClusterAdmin> admin;
    std::shared_ptr<ClusterSession> session;
};

// A window on the fake cluster, its first snapshot shown. Read-only: no admin at all.
Shown show(bool readOnly, bool production = false)
{
    Shown s;
    s.window = std::make_unique<MainWindow>();
    s.admin = std::make_shared<RecordingClusterAdmin>();
    auto client = busyAndIdleGroups();
    s.session = ClusterSession::share(readOnly ? new ClusterSession(client, QStringLiteral("fake"))
                                               : new ClusterSession(client, s.admin, QStringLiteral("fake")));
    s.session->setProduction(production);
    s.window->resize(1200, 800);
    s.window->show();
    s.window->setSession(s.session);
    s.session->setPaused(true);
    if (!QTest::qWaitForWindowActive(s.window.get()))
        qWarning("the window did not become active: its shortcuts will not fire");
    return s;
}

bool waitForGroups(MainWindow &window)
{
    return QTest::qWaitFor([&] { return window.groupModel()->rowCount() == 2; }, 10000);
}

void selectGroup(MainWindow &window, const QString &groupId)
{
    window.showGroups();
    QTableView *view = window.groupsPage()->view();
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data(GroupTableModel::GroupIdRole).toString() == groupId)
            view->setCurrentIndex(view->model()->index(r, 0));
}

QAction *groupAction(MainWindow &window, GroupAction a)
{
    return window.groupActions()->action(a);
}

template<typename D>
D *lastDialog(QSignalSpy &opened)
{
    return opened.isEmpty() ? nullptr : qobject_cast<D *>(opened.constLast().at(0).value<AdminOperationDialog *>());
}

}   // namespace

class TestDesktopMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<AdminOperationDialog *>();
        qRegisterMetaType<OffsetResetWizard *>();
        // The language choice is written to the settings given to the window only.
        QStandardPaths::setTestModeEnabled(true);
    }

    void everyMenuActionHasAShortcutOrAReason()
    {
        MainWindow window;
        const QStringList expected = {QStringLiteral("connectTo"),
                                      QStringLiteral("connections"),
                                      QStringLiteral("quit"),
                                      QStringLiteral("refreshNow"),
                                      QStringLiteral("cancelRefresh"),
                                      QStringLiteral("pauseRefresh"),
                                      QStringLiteral("find"),
                                      QStringLiteral("fullScreen"),
                                      QStringLiteral("groupOpen"),
                                      QStringLiteral("groupCopyId"),
                                      QStringLiteral("groupExportOffsets"),
                                      QStringLiteral("groupTriggerRebalance"),
                                      QStringLiteral("groupResetOffsets"),
                                      QStringLiteral("groupUndoLastReset"),
                                      QStringLiteral("groupResetHistory"),
                                      QStringLiteral("groupRemoveMembers"),
                                      QStringLiteral("groupDeleteOffsets"),
                                      QStringLiteral("groupDelete"),
                                      QStringLiteral("closeTab"),
                                      QStringLiteral("nextTab"),
                                      QStringLiteral("previousTab"),
                                      QStringLiteral("showGroups"),
                                      QStringLiteral("showTopics"),
                                      QStringLiteral("keyboardShortcuts"),
                                      QStringLiteral("about"),
                                      QStringLiteral("aboutQt"),
                                      QStringLiteral("language_system"),
                                      QStringLiteral("language_en"),
                                      QStringLiteral("language_zh_CN"),
                                      QStringLiteral("interval5000")};
        const QList<QAction *> actions = menuActions(window);
        QStringList names;
        for (QAction *a : actions)
            names << a->objectName();
        for (const QString &name : expected)
            QVERIFY2(names.contains(name), qPrintable(name + QStringLiteral(" is not in the menus")));

        QHash<QKeySequence, QString> owner;
        for (QAction *a : actions) {
            const QString name = a->objectName();
            QVERIFY2(!name.isEmpty(), qPrintable(a->text() + QStringLiteral(" has no object name")));
            if (isChoice(name))
                continue;
            if (a->shortcuts().isEmpty()) {
                QVERIFY2(kWithoutShortcut.contains(name), qPrintable(name + QStringLiteral(" has no shortcut and no reason for none")));
                continue;
            }
            QVERIFY2(!kWithoutShortcut.contains(name), qPrintable(name + QStringLiteral(" has a shortcut after all: update the list")));
            for (const QKeySequence &k : a->shortcuts()) {
                QVERIFY2(!owner.contains(k),
                         qPrintable(k.toString() + QStringLiteral(": ") + owner.value(k) + QStringLiteral(" and ") + name));
                owner.insert(k, name);
            }
        }
        // The platform's standard keys where there is one.
        auto keys = [&](const char *name) { return window.findAction(QString::fromLatin1(name))->shortcuts(); };
        QVERIFY(keys("refreshNow").contains(QKeySequence(Qt::Key_F5)));
        QVERIFY(keys("refreshNow").contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
        for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Refresh))
            QVERIFY(keys("refreshNow").contains(k));
        QCOMPARE(keys("closeTab"), QKeySequence::keyBindings(QKeySequence::Close));
        QCOMPARE(keys("find"), QKeySequence::keyBindings(QKeySequence::Find));
        if (QKeySequence::keyBindings(QKeySequence::Quit).isEmpty())
            QCOMPARE(keys("quit"), QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)});
        else
            QCOMPARE(keys("quit"), QKeySequence::keyBindings(QKeySequence::Quit));
        QCOMPARE(keys("nextTab"), QKeySequence::keyBindings(QKeySequence::NextChild));
        QCOMPARE(keys("previousTab"), QKeySequence::keyBindings(QKeySequence::PreviousChild));
        if (!QKeySequence::keyBindings(QKeySequence::FullScreen).isEmpty())
            QCOMPARE(keys("fullScreen"), QKeySequence::keyBindings(QKeySequence::FullScreen));
        // The toolbar shows the very same refresh action as the menu.
        QAction *refresh = window.findAction(QStringLiteral("refreshNow"));
        QVERIFY(!refresh->associatedObjects().isEmpty());
        bool inToolbar = false;
        for (QObject *o : refresh->associatedObjects())
            inToolbar = inToolbar || qobject_cast<QToolBar *>(o);
        QVERIFY(inToolbar);
    }

    void shortcutsDialogListsTheActions()
    {
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        QTableWidget *t = dialog.table();
        QString refreshKeys;
        int rows = 0;
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 1)->text() == QLatin1String("Refresh Now"))
                refreshKeys = t->item(r, 2)->text();
            ++rows;
        }
        QVERIFY2(refreshKeys.contains(QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText)), qPrintable(refreshKeys));
        QStringList listed;
        for (int r = 0; r < t->rowCount(); ++r)
            listed << t->item(r, 1)->text();
        for (QAction *a : menuActions(window))
            if (!isChoice(a->objectName()))
                QVERIFY2(listed.contains(QString(a->text()).remove(QLatin1Char('&'))), qPrintable(a->text()));
        QVERIFY(rows > 20);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/shortcuts.png")));
    }

    void readOnlyConnectionOffersNoWrite()
    {
        Shown s = show(true);
        QVERIFY(waitForGroups(*s.window));
        for (const QString &group : {QStringLiteral("busy"), QStringLiteral("idle")}) {
            selectGroup(*s.window, group);
            QCOMPARE(s.window->groupActions()->target(), group);
            QVERIFY(groupAction(*s.window, GroupAction::Open)->isEnabled());
            QVERIFY(groupAction(*s.window, GroupAction::CopyId)->isEnabled());
            // Exporting the offsets is a read.
            QVERIFY2(groupAction(*s.window, GroupAction::ExportOffsets)->isEnabled(),
                     qPrintable(groupAction(*s.window, GroupAction::ExportOffsets)->toolTip()));
            for (GroupAction a :
                 {GroupAction::DeleteGroup, GroupAction::DeleteOffsets, GroupAction::RemoveMembers, GroupAction::TriggerRebalance}) {
                QAction *action = groupAction(*s.window, a);
                QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
                QVERIFY2(action->toolTip().contains(QLatin1String("read-only")), qPrintable(action->toolTip()));
                QCOMPARE(action->statusTip(), action->toolTip());
            }
        }
        // Nothing selected: nothing to act on.
        s.window->groupsPage()->view()->setCurrentIndex({});
        QVERIFY(!groupAction(*s.window, GroupAction::Open)->isEnabled());
        QVERIFY(groupAction(*s.window, GroupAction::Open)->toolTip().contains(QLatin1String("Select a group")));
    }

    void activeGroupCannotBeDeleted()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("busy"));
        QAction *del = groupAction(*s.window, GroupAction::DeleteGroup);
        QVERIFY(!del->isEnabled());
        QVERIFY2(del->toolTip().contains(QLatin1String("Stable")) && del->toolTip().contains(QLatin1String("2 member")),
                 qPrintable(del->toolTip()));
        QVERIFY(groupAction(*s.window, GroupAction::RemoveMembers)->isEnabled());
        QVERIFY(groupAction(*s.window, GroupAction::TriggerRebalance)->isEnabled());
        QVERIFY(groupAction(*s.window, GroupAction::DeleteOffsets)->isEnabled());
        // Shift+Del on a disabled action does nothing: no dialog, no call.
        QTest::keyClick(s.window->groupsPage()->view(), Qt::Key_Delete, Qt::ShiftModifier);
        QVERIFY(s.admin->calls().isEmpty());

        selectGroup(*s.window, QStringLiteral("idle"));
        QVERIFY(del->isEnabled());
        QVERIFY(!groupAction(*s.window, GroupAction::RemoveMembers)->isEnabled());
        QVERIFY(groupAction(*s.window, GroupAction::RemoveMembers)->toolTip().contains(QLatin1String("no members")));
        QVERIFY(!groupAction(*s.window, GroupAction::TriggerRebalance)->isEnabled());

        // On a connection without Cohort's own group protocol (GSSAPI), removal and the trigger say so.
        s.admin->setGroupProtocolRefusal(KafkaError::make(-170, QStringLiteral("_NOT_IMPLEMENTED"),
                                                          QStringLiteral("needs a PLAINTEXT or SASL_PLAINTEXT listener")));
        s.window->groupActions()->setTarget({});
        selectGroup(*s.window, QStringLiteral("busy"));
        s.window->groupActions()->setTarget(QStringLiteral("busy"));
        for (GroupAction a : {GroupAction::RemoveMembers, GroupAction::TriggerRebalance}) {
            QVERIFY(!groupAction(*s.window, a)->isEnabled());
            QVERIFY(groupAction(*s.window, a)->toolTip().contains(QLatin1String("PLAINTEXT")));
        }
        s.admin->setGroupProtocolRefusal({});
        s.window->groupActions()->setTarget({});
        selectGroup(*s.window, QStringLiteral("idle"));
        s.window->groupActions()->setTarget(QStringLiteral("idle"));

        // A group tab is the target while it is shown.
        s.window->openGroup(QStringLiteral("busy"));
        QCOMPARE(s.window->groupActions()->target(), QStringLiteral("busy"));
        QVERIFY(!del->isEnabled());
        s.window->showGroups();
        QCOMPARE(s.window->groupActions()->target(), QStringLiteral("idle"));
    }

    // The Group menu as it pops up over an active group: the greyed-out Delete
    // says why in its tooltip. COHORT_TEST_SHOTS=DIR keeps the picture.
    void groupMenuPopsUp()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("busy"));
        QMenu *group = s.window->groupMenu();
        QVERIFY(group);
        // Reset offsets… (another feature) has its place: after Open and Copy, before Trigger rebalance.
        const int at = int(group->actions().indexOf(s.window->groupActions()->resetOffsetsInsertionPoint()));
        QVERIFY(at > group->actions().indexOf(groupAction(*s.window, GroupAction::CopyId)));
        QVERIFY(group->toolTipsVisible());
        group->popup(s.window->mapToGlobal(QPoint(200, 30)));
        QVERIFY(QTest::qWaitForWindowExposed(group));
        const QImage shot = group->grab().toImage();
        QVERIFY(!shot.isNull() && shot.width() > 100 && shot.height() > 100);
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(shot.save(dir + QStringLiteral("/group-menu.png")));
        group->hide();
    }

    void copyGroupId()
    {
        Shown s = show(true);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("idle"));
        QTest::keyClick(s.window->groupsPage()->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("idle"));
    }

    void deleteGroupOnlyAfterConfirmation()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("idle"));
        QSignalSpy opened(s.window->groupActions(), &GroupActions::dialogOpened);
        groupAction(*s.window, GroupAction::DeleteGroup)->trigger();
        auto *dialog = lastDialog<AdminOperationDialog>(opened);
        QVERIFY(dialog);
        QVERIFY(dialog->explanationText().contains(QLatin1String("\"idle\"")));
        QVERIFY(dialog->explanationText().contains(QLatin1String("2 partition")));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QVERIFY(s.admin->calls().isEmpty());
        dialog->reject();   // Cancel: nothing sent
        QVERIFY(s.admin->calls().isEmpty());

        // Kafka's refusal comes back explained (KafkaErrorHints' advice for a delete).
        s.admin->setDeleteGroupError(KafkaError::make(68, QStringLiteral("NON_EMPTY_GROUP"), QStringLiteral("The group is not empty.")));
        groupAction(*s.window, GroupAction::DeleteGroup)->trigger();
        dialog = lastDialog<AdminOperationDialog>(opened);
        QSignalSpy completed(dialog, &AdminOperationDialog::completed);
        dialog->confirmButton()->click();
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(completed.first().at(0).toBool(), false);
        QCOMPARE(s.admin->calls().size(), 1);
        QCOMPARE(s.admin->calls().first().method, QStringLiteral("deleteGroup"));
        QCOMPARE(s.admin->calls().first().groupId, QStringLiteral("idle"));
        const QString hint = KafkaErrorHints::hintFor(QStringLiteral("NON_EMPTY_GROUP"), {}, KafkaErrorHints::Action::DeleteGroup);
        QVERIFY(!hint.isEmpty());
        QVERIFY2(dialog->outcomeText().contains(hint), qPrintable(dialog->outcomeText()));
        QVERIFY(s.window->statusBar()->currentMessage().contains(QLatin1String("not deleted")));
    }

    void productionAsksToTypeTheName()
    {
        Shown s = show(false, true);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("idle"));
        QSignalSpy opened(s.window->groupActions(), &GroupActions::dialogOpened);
        groupAction(*s.window, GroupAction::DeleteGroup)->trigger();
        auto *dialog = lastDialog<AdminOperationDialog>(opened);
        QVERIFY(dialog);
        QVERIFY(dialog->typedNameEdit()->isVisible());
        QVERIFY(!dialog->confirmButton()->isEnabled());
        dialog->confirmButton()->click();
        QTest::keyClicks(dialog->typedNameEdit(), QStringLiteral("idl"));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QVERIFY(s.admin->calls().isEmpty());
        QTest::keyClicks(dialog->typedNameEdit(), QStringLiteral("e"));
        QVERIFY(dialog->confirmButton()->isEnabled());
        dialog->confirmButton()->click();
        QTRY_VERIFY(dialog->isDone());
        QCOMPARE(s.admin->calls().size(), 1);
        QVERIFY(dialog->outcomeText().contains(QLatin1String("was deleted")));
    }

    void deleteOffsetsOfChosenTopics()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("busy"));
        s.admin->setDeleteOffsetsRefusal(QStringLiteral("orders"), 2,
                                         KafkaError::make(86, QStringLiteral("GROUP_SUBSCRIBED_TO_TOPIC"),
                                                          QStringLiteral("The consumer group is actively subscribed to the topic")));
        auto *dialog = qobject_cast<DeleteOffsetsDialog *>(s.window->groupActions()->openDeleteOffsets({QStringLiteral("orders")}));
        QVERIFY(dialog);
        QCOMPARE(dialog->topicList()->count(), 1);   // busy committed on orders only
        QVERIFY(dialog->topicList()->item(0)->text().contains(QLatin1String("subscribed")));
        QCOMPARE(dialog->chosenTopics(), QStringList{QStringLiteral("orders")});
        dialog->topicList()->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!dialog->confirmButton()->isEnabled());   // nothing ticked
        dialog->topicList()->item(0)->setCheckState(Qt::Checked);
        QVERIFY(s.admin->calls().isEmpty());
        dialog->confirmButton()->click();
        QTRY_VERIFY(dialog->isDone());
        QCOMPARE(s.admin->calls().size(), 1);
        QCOMPARE(s.admin->calls().first().topics, QStringList{QStringLiteral("orders")});
        const QString hint
            = KafkaErrorHints::hintFor(QStringLiteral("GROUP_SUBSCRIBED_TO_TOPIC"), {}, KafkaErrorHints::Action::DeleteOffsets);
        QVERIFY(!hint.isEmpty());
        QVERIFY2(dialog->outcomeText().contains(hint), qPrintable(dialog->outcomeText()));
        QVERIFY(dialog->outcomeText().contains(QLatin1String("2 partition(s) refused")));
    }

    void removeStaticByInstanceIdDynamicByMemberId()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("busy"));
        auto *dialog = qobject_cast<RemoveMembersDialog *>(s.window->groupActions()->openRemoveMembers({QStringLiteral("m-2")}));
        QVERIFY(dialog);
        QCOMPARE(dialog->memberList()->count(), 2);
        for (int i = 0; i < dialog->memberList()->count(); ++i)
            dialog->memberList()->item(i)->setCheckState(Qt::Checked);
        QVERIFY(s.admin->calls().isEmpty());
        dialog->confirmButton()->click();
        QTRY_VERIFY(dialog->isDone());
        QCOMPARE(s.admin->calls().size(), 1);
        const QList<MemberRef> members = s.admin->calls().first().members;
        QCOMPARE(members.size(), 2);
        QCOMPARE(members.at(0).memberId, QStringLiteral("m-1"));
        QVERIFY(members.at(0).groupInstanceId.isEmpty());
        QVERIFY(members.at(1).memberId.isEmpty());
        QCOMPARE(members.at(1).groupInstanceId, QStringLiteral("inst-2"));
        QVERIFY(dialog->outcomeText().contains(QLatin1String("Removed 2 member")));
    }

    void triggerRebalanceSaysWhatHappensThenReports()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        selectGroup(*s.window, QStringLiteral("busy"));
        RebalanceTriggerReport report;
        report.stateBefore = GroupState::Stable;
        report.membersBefore = 2;
        report.generationBefore = 4;
        report.generationJoined = 5;
        report.joinedAfterMs = 120;
        report.totalMs = 340;
        s.admin->setTriggerReport(report);
        s.admin->setHold(true);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::dialogOpened);
        QTest::keyClick(s.window->groupsPage()->view(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = lastDialog<AdminOperationDialog>(opened);
        QVERIFY(dialog);
        const QString words = dialog->explanationText();
        for (const char *part : {"temporary member", "(consumer)", "(range)", "no partitions", "never commits", "twice", "2 member"})
            QVERIFY2(words.contains(QLatin1String(part)),
                     qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(QLatin1String(part), words)));
        QVERIFY(s.admin->calls().isEmpty());
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/trigger-rebalance.png")));
        dialog->confirmButton()->click();
        QCOMPARE(s.admin->calls().size(), 1);
        QCOMPARE(s.admin->calls().first().protocolType, QStringLiteral("consumer"));
        QCOMPARE(s.admin->calls().first().assignor, QStringLiteral("range"));
        QVERIFY(dialog->isRunning());   // in flight: the busy bar, the confirm button disabled
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QVERIFY(dialog->progressText().contains(QLatin1String("waiting for its answer")));
        s.admin->release();
        QTRY_VERIFY(dialog->isDone());
        const QString outcome = dialog->outcomeText();
        QVERIFY2(outcome.contains(QLatin1String("4 before, 5 with the temporary member, 6 after")), qPrintable(outcome));
        QVERIFY(outcome.contains(QLatin1String("340 ms")));
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/trigger-rebalance-done.png")));
        QVERIFY(dialog->progressText().isEmpty());
        QVERIFY(s.window->statusBar()->currentMessage().contains(QLatin1String("rebalanced twice")));
        dialog->reject();

        // Hidden while in flight: the answer still reaches the status bar, and the dialog goes.
        s.window->statusBar()->clearMessage();
        QPointer<AdminOperationDialog> hidden = s.window->groupActions()->openTriggerRebalance();
        QVERIFY(hidden);
        hidden->confirmButton()->click();
        QCOMPARE(s.admin->calls().size(), 2);
        hidden->reject();
        QVERIFY(hidden->isHidden());
        s.admin->release();
        QTRY_VERIFY(s.window->statusBar()->currentMessage().contains(QLatin1String("rebalanced twice")));
        QTRY_VERIFY(hidden.isNull());
    }

    void aboutNamesTheLibraryVersions()
    {
        Shown s = show(true);
        QVERIFY(waitForGroups(*s.window));
        AboutDialog about(s.session.get());
        const QString text = about.plainText();
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(rd_kafka_version_str())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(QCUSTOMPLOT_VERSION_STR)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(COHORT_VERSION)));
        QVERIFY(text.contains(QLatin1String("GPL-3.0-or-later")));
        QVERIFY(text.contains(QLatin1String("fake-cluster")));
        // The fake asks no broker for its API versions: not known, not a guess.
        QVERIFY2(text.contains(QLatin1String("Kafka version")) && text.contains(QLatin1String("not known yet")), qPrintable(text));
        // Brokers offering Kafka 4.4's ApiVersions v5 and DeleteGroups v3 (and all
        // that came before: Kafka 4.4's own table, its broker listener's stable versions).
        auto *fake = static_cast<FakeClusterClient *>(s.session->client().get());
        const QHash<qint16, qint16> kafka44 = {{0, 13},  {1, 18}, {2, 11}, {3, 13}, {8, 10}, {9, 10}, {10, 6}, {11, 9}, {12, 4},
                                               {13, 5},  {14, 5}, {15, 6}, {16, 5}, {17, 1}, {18, 5}, {19, 7}, {20, 6}, {21, 2},
                                               {22, 5},  {23, 4}, {24, 5}, {25, 4}, {26, 5}, {27, 2}, {28, 6}, {29, 3}, {30, 3},
                                               {31, 3},  {32, 4}, {33, 2}, {34, 2}, {35, 5}, {36, 2}, {37, 3}, {38, 3}, {39, 2},
                                               {40, 2},  {41, 3}, {42, 3}, {43, 2}, {44, 1}, {45, 1}, {46, 0}, {47, 0}, {48, 1},
                                               {49, 1},  {50, 0}, {51, 0}, {55, 2}, {57, 2}, {60, 2}, {61, 0}, {64, 0}, {65, 0},
                                               {66, 2},  {68, 1}, {69, 1}, {71, 0}, {72, 0}, {74, 1}, {75, 0}, {76, 1}, {77, 1},
                                               {78, 2},  {79, 2}, {80, 1}, {81, 0}, {83, 0}, {84, 0}, {85, 1}, {86, 0}, {87, 1},
                                               {88, 1},  {89, 1}, {90, 1}, {91, 0}, {92, 0}, {93, 0}, {94, 0}};
        fake->setBrokerApiVersions({{1, kafka44}, {2, kafka44}});
        const QString withVersions = AboutDialog(s.session.get()).plainText();
        QVERIFY2(withVersions.contains(QLatin1String("4.4 or later")), qPrintable(withVersions));
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(about.grab().save(dir + QStringLiteral("/about.png")));
    }

    void contextMenusCarryTheRowsActions()
    {
        Shown s = show(false);
        QVERIFY(waitForGroups(*s.window));
        QTableView *groups = s.window->groupsPage()->view();
        int busyRow = -1;
        for (int r = 0; r < groups->model()->rowCount(); ++r)
            if (groups->model()->index(r, 0).data(GroupTableModel::GroupIdRole).toString() == QLatin1String("busy"))
                busyRow = r;
        QVERIFY(busyRow >= 0);
        std::unique_ptr<QMenu> menu(s.window->contextMenuFor(groups, groups->visualRect(groups->model()->index(busyRow, 1)).center()));
        QVERIFY(menu);
        QCOMPARE(s.window->groupActions()->target(), QStringLiteral("busy"));
        QVERIFY(menu->actions().contains(groupAction(*s.window, GroupAction::TriggerRebalance)));
        QVERIFY(menu->actions().contains(groupAction(*s.window, GroupAction::DeleteGroup)));
        // The reset and the export, for the clicked group (an active one may be reset: the wizard's guard waits).
        QVERIFY(menu->actions().contains(groupAction(*s.window, GroupAction::ResetOffsets)));
        QVERIFY(groupAction(*s.window, GroupAction::ResetOffsets)->isEnabled());
        QVERIFY(menu->actions().contains(groupAction(*s.window, GroupAction::ExportOffsets)));
        QVERIFY(groupAction(*s.window, GroupAction::ExportOffsets)->isEnabled());
        QVERIFY(!groupAction(*s.window, GroupAction::DeleteGroup)->isEnabled());
        QVERIFY(!s.window->contextMenuFor(groups, QPoint(5, groups->viewport()->height() - 2)));   // below the rows

        // The members table of a group page: remove the clicked member.
        GroupPage *page = s.window->openGroup(QStringLiteral("busy"));
        QTRY_COMPARE(page->memberView()->model()->rowCount(), 2);
        QTableView *members = page->memberView();
        const QModelIndex first = members->model()->index(0, 0);
        menu.reset(s.window->contextMenuFor(members, members->visualRect(first).center()));
        QVERIFY(menu);
        QAction *remove = nullptr;
        for (QAction *a : menu->actions())
            if (a->text().startsWith(QLatin1String("Remove 1 Member")))
                remove = a;
        QVERIFY(remove);
        QVERIFY(remove->isEnabled());
        QSignalSpy opened(s.window->groupActions(), &GroupActions::dialogOpened);
        remove->trigger();
        auto *dialog = lastDialog<RemoveMembersDialog>(opened);
        QVERIFY(dialog);
        QCOMPARE(dialog->chosenMembers().size(), 1);
        QVERIFY(s.admin->calls().isEmpty());
        dialog->reject();

        // The partitions table: the rows selected there become the wizard's chosen partitions.
        QTableView *partitions = page->partitionView();
        QTRY_VERIFY(partitions->model()->rowCount() >= 2);
        QModelIndex orders1;
        for (int r = 0; r < partitions->model()->rowCount(); ++r) {
            const QModelIndex i = partitions->model()->index(r, PartitionTableModel::Partition);
            if (i.data(PartitionTableModel::TopicRole).toString() == QLatin1String("orders") && i.data(PartitionTableModel::RawValueRole).toInt() == 1)
                orders1 = i;
        }
        QVERIFY(orders1.isValid());
        partitions->selectionModel()->select(orders1, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        menu.reset(s.window->contextMenuFor(partitions, partitions->visualRect(orders1).center()));
        QVERIFY(menu);
        QAction *reset = groupAction(*s.window, GroupAction::ResetOffsets);
        QVERIFY(menu->actions().contains(reset));
        QVERIFY(reset->isEnabled());
        QSignalSpy wizards(s.window->groupActions(), &GroupActions::resetWizardOpened);
        reset->trigger();
        QCOMPARE(wizards.size(), 1);
        auto *wizard = wizards.first().at(0).value<OffsetResetWizard *>();
        QVERIFY(wizard);
        QCOMPARE(wizard->groups(), QStringList{QStringLiteral("busy")});
        QCOMPARE(wizard->selectedPartitions(), (QList<TopicPartition>{{QStringLiteral("orders"), 1}}));
        QVERIFY(wizard->scopePage()->chosenButton()->isChecked());
        const ResetScope scope = wizard->scopePage()->scope();
        QCOMPARE(scope.chosenTopics().size(), 1);
        QCOMPARE(scope.chosenTopics().first().name, QStringLiteral("orders"));
        QCOMPARE(scope.chosenTopics().first().partitions, QList<int>{1});
        QVERIFY(s.admin->calls().isEmpty());
        wizard->reject();
    }

    void findFocusesTheFilter()
    {
        Shown s = show(true);
        QVERIFY(QTest::qWaitForWindowActive(s.window.get()));
        s.window->groupsPage()->view()->setFocus();
        QTest::keyClick(s.window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(s.window->groupsPage()->filter()));
    }

    void languageChoiceIsKeptForTheNextStart()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("cohort.ini")), QSettings::IniFormat);
        MainWindow window;
        window.setSettings(&settings);
        window.findAction(QStringLiteral("language_zh_CN"))->trigger();
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("started again")));
        window.findAction(QStringLiteral("language_system"))->trigger();
        QVERIFY(!settings.contains(QStringLiteral("ui/language")));
    }
};

QTEST_MAIN(TestDesktopMenus)
#include "tst_desktop_menus.moc"
