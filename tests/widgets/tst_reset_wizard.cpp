// SPDX-License-Identifier: GPL-3.0-or-later
// The offset-reset wizard as a user meets it, offscreen in the window on a
// fake cluster whose log start and end offsets and committed offsets the test
// sets: the preview's rows are checked against those numbers (earliest is the
// log start, a shift past the start is clamped to it, ...), never against the
// planner's own output; Apply writes through ClusterAdmin and the group page
// shows the offsets read back. An active member is listed and nothing is
// written; waiting until Empty applies once it leaves; Undo Last Reset and the
// history put offsets back through the same preview and guard; a production
// connection wants the name typed; a read-only one offers no reset, and says why.
// Once more end to end on the sandbox: records produced, offsets committed and
// a librdkafka member in the group, all through Kafka's protocol.
// Export Offsets… writes kafka-consumer-groups.sh's CSV of what the fake
// holds, and the preview's Export Plan… its --export CSV of the new offsets.

#include "FakeClusterAdmin.h"
#include "FakeClusterClient.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"
#include "SkipOrFail.h"

#include "core/reset/ResetExecutor.h"
#include "core/session/ClusterSession.h"
#include "models/GroupTableModel.h"
#include "models/PartitionTableModel.h"
#include "models/ResetPlanTableModel.h"
#include "ui/GroupActions.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/OffsetResetWizard.h"
#include "ui/ResetApplyPage.h"
#include "ui/ResetHistoryDialog.h"
#include "ui/ResetPreviewPage.h"
#include "ui/ResetScopePage.h"
#include "ui/ResetStrategyPage.h"
#include "ui/ShortcutsDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

const TopicPartition kOrders0{u"orders"_s, 0};
const TopicPartition kOrders1{u"orders"_s, 1};
const TopicPartition kPayments0{u"payments"_s, 0};
// The log of each partition: [log start, log end).
const Watermarks kOrders0Log{0, 100};
const Watermarks kOrders1Log{10, 50};
const Watermarks kPayments0Log{0, 30};

using Offsets = QHash<TopicPartition, qint64>;

// One group of the fake cluster: its state and members (its offsets are the fake's own, as commits leave them).
struct FakeGroupState
{
    GroupState state = GroupState::Empty;
    QList<GroupMember> members;
};

class Cluster
{
public:
    Cluster()
        : client(std::make_shared<FakeClusterClient>())
        , admin(std::make_shared<FakeClusterAdmin>(client))
    {
        m_groups = {{u"wizard-g"_s, {}}, {u"wizard-src"_s, {}}, {u"wizard-busy"_s, {}}};
        m_groups[u"wizard-busy"_s].state = GroupState::Stable;
        m_groups[u"wizard-busy"_s].members = {fakeMember(u"billing-1-4f2a"_s, u"billing-1"_s, {u"orders"_s}, {kOrders0, kOrders1})};
        apply({{u"wizard-g"_s, {{kOrders0, 40}, {kOrders1, 20}}},
               {u"wizard-src"_s, {{kOrders0, 70}, {kOrders1, 45}}},
               {u"wizard-busy"_s, {{kOrders0, 60}, {kOrders1, 30}}}});
    }

    // Moves a group to a state (its members gone when none given), keeping every committed offset.
    void setState(const QString &group, GroupState state, const QList<GroupMember> &members = {})
    {
        m_groups[group] = {state, members};
        QHash<QString, Offsets> now;
        for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
            now.insert(it.key(), committed(it.key()));
        apply(now);
    }

    Offsets committed(const QString &group) const
    {
        Offsets out;
        for (const CommittedOffset &c : client->offsetsOf(group).offsets)
            if (c.offset >= 0)
                out.insert(c.tp, c.offset);
        return out;
    }

    std::shared_ptr<FakeClusterClient> client;
    std::shared_ptr<FakeClusterAdmin> admin;

private:
    void apply(const QHash<QString, Offsets> &offsets)
    {
        ClusterMetadata md;
        md.clusterId = u"fake-cluster"_s;
        md.brokers = {BrokerInfo{1, u"b1"_s, 9092, {}}};
        md.topics = {TopicInfo{u"orders"_s, false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0},
                     TopicInfo{u"payments"_s, false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
        QList<GroupDescription> groups;
        QHash<QString, GroupOffsets> committed;
        for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
            GroupDescription d;
            d.groupId = it.key();
            d.state = it->state;
            d.protocolType = u"consumer"_s;
            d.protocol = it->members.isEmpty() ? QString() : u"range"_s;
            d.coordinatorId = 1;
            d.type = GroupType::Classic;
            d.members = it->members;
            groups << d;
            GroupOffsets o{it.key(), {}};
            const Offsets mine = offsets.value(it.key());
            for (auto c = mine.cbegin(); c != mine.cend(); ++c)
                o.offsets << CommittedOffset{c.key(), c.value(), -1, {}};
            committed.insert(it.key(), o);
        }
        client->setCluster(md, groups, committed, {{kOrders0, kOrders0Log}, {kOrders1, kOrders1Log}, {kPayments0, kPayments0Log}});
    }

    QHash<QString, FakeGroupState> m_groups;
};

struct Shown
{
    std::unique_ptr<Cluster> cluster;
    std::shared_ptr<ClusterSession> session;
    std::unique_ptr<MainWindow> window;
};

// One row of the preview, as the table shows it.
struct PreviewRow
{
    QString current;
    QString newOffset;
    QString change;
    QString newLag;
    bool clamped = false;
};

QString shotsDir()
{
    return qEnvironmentVariable("COHORT_TEST_SHOTS");
}

void shoot(QWidget *w, const QString &name)
{
    if (const QString dir = shotsDir(); !dir.isEmpty())
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name + u".png"_s));
}

}   // namespace

class TestResetWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;

    Shown show(bool readOnly = false, bool production = false)
    {
        Shown s;
        s.cluster = std::make_unique<Cluster>();
        s.session = ClusterSession::share(readOnly ? new ClusterSession(s.cluster->client, u"fake-ro"_s)
                                                   : new ClusterSession(s.cluster->client, s.cluster->admin, u"fake"_s));
        s.session->setProduction(production);
        s.window = std::make_unique<MainWindow>();
        // A fresh folder per test: Undo and the history see this test's resets only.
        s.window->groupActions()->setResetBackupStore(ResetBackupStore(m_backups.filePath(QString::number(++m_shown))));
        s.window->resize(1200, 800);
        s.window->show();
        s.window->setSession(s.session);
        s.session->setPaused(true);   // refreshes only when asked (and after every reset)
        if (!QTest::qWaitForWindowActive(s.window.get()))
            qWarning("the window did not become active: its shortcuts will not fire");
        if (!QTest::qWaitFor([&] { return s.window->groupModel()->rowCount() == 3; }, 10000))
            qFatal("the fake cluster's groups did not appear");
        return s;
    }
    int m_shown = 0;

    static OffsetResetWizard *lastWizard(QSignalSpy &opened)
    {
        return opened.isEmpty() ? nullptr : opened.constLast().at(0).value<OffsetResetWizard *>();
    }

    static bool click(OffsetResetWizard *w, QWizard::WizardButton which)
    {
        QAbstractButton *b = w->button(which);
        if (!b->isEnabled() || !b->isVisible())
            return false;
        b->click();
        return true;
    }

    // The preview's rows by partition (the group column when several groups).
    static QHash<QString, PreviewRow> previewRows(OffsetResetWizard *w)
    {
        QHash<QString, PreviewRow> out;
        const ResetPlanTableModel *m = w->planModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            auto cell = [&](int c) { return m->index(r, c).data().toString(); };
            const QString key = (w->groups().size() > 1 ? cell(ResetPlanTableModel::Group) + u' ' : QString())
                                + cell(ResetPlanTableModel::Topic) + u'-' + cell(ResetPlanTableModel::Partition);
            out.insert(key, PreviewRow{cell(ResetPlanTableModel::Current), cell(ResetPlanTableModel::New),
                                       cell(ResetPlanTableModel::Change), cell(ResetPlanTableModel::NewLag),
                                       m->index(r, 0).data(ResetPlanTableModel::ClampedRole).toBool()});
        }
        return out;
    }

    // From the strategy page to a finished preview.
    static bool toPreview(OffsetResetWizard *w)
    {
        if (w->currentId() == OffsetResetWizard::StrategyPageId && !click(w, QWizard::NextButton))
            return false;
        return w->currentId() == OffsetResetWizard::PreviewPageId
               && QTest::qWaitFor([w] { return !w->previewPage()->isPlanning(); }, 10000);
    }

    static bool applyAndWait(OffsetResetWizard *w, ResetApplyPage::Step until = ResetApplyPage::Step::Done)
    {
        if (!click(w, QWizard::CommitButton))
            return false;
        return QTest::qWaitFor([w, until] { return w->applyPage()->step() == until; }, 10000);
    }

    // The plan's Note (why a target moved) for a row of the preview.
    static QString noteOf(OffsetResetWizard *w, const TopicPartition &tp)
    {
        const ResetPlanTableModel *m = w->planModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, ResetPlanTableModel::Topic).data().toString() == tp.topic
                && m->index(r, ResetPlanTableModel::Partition).data().toString() == QString::number(tp.partition))
                return m->index(r, ResetPlanTableModel::Note).data().toString();
        return {};
    }

    static QString outcomeOf(OffsetResetWizard *w, const QString &group, const TopicPartition &tp)
    {
        const ResetPlanTableModel *m = w->planModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, ResetPlanTableModel::Group).data().toString() == group
                && m->index(r, ResetPlanTableModel::Topic).data().toString() == tp.topic
                && m->index(r, ResetPlanTableModel::Partition).data().toString() == QString::number(tp.partition))
                return m->index(r, ResetPlanTableModel::Outcome).data().toString();
        return {};
    }

    static QString readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    // Opens the wizard on one group's page and goes to the strategy page.
    static OffsetResetWizard *openOn(Shown &s, const QString &group)
    {
        s.window->openGroup(group);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        if (w && !click(w, QWizard::NextButton))
            return nullptr;
        return w;
    }

    static QString committedShown(GroupPage *page, const TopicPartition &tp)
    {
        const PartitionTableModel *m = page->partitionModel();
        const int row = m->rowOf(tp);
        return row < 0 ? QString() : m->index(row, PartitionTableModel::Committed).data(PartitionTableModel::RawValueRole).toString();
    }

public:
    static void initMain()
    {
        // A zone with daylight saving, so that the zone shown for a chosen date-time can be checked.
        qputenv("TZ", "Europe/Berlin");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_backups.isValid());
        qRegisterMetaType<OffsetResetWizard *>();
        qRegisterMetaType<ResetHistoryDialog *>();
        // Numbers are asserted as the table writes them.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void toEarliestFromTheGroupPagePreviewsAppliesAndShowsTheNewOffsets()
    {
        Shown s = show();
        GroupPage *page = s.window->openGroup(u"wizard-g"_s);
        QVERIFY(page);
        QTRY_COMPARE(committedShown(page, kOrders0), u"40"_s);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        // The shortcut, from the group page.
        QTest::keyClick(page, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(opened.size(), 1);
        OffsetResetWizard *w = lastWizard(opened);
        QCOMPARE(w->groups(), QStringList{u"wizard-g"_s});
        QCOMPARE(w->currentId(), int(OffsetResetWizard::ScopePageId));
        QVERIFY(w->scopePage()->allTopicsButton()->isChecked());
        shoot(w, u"wizard-1-scope"_s);
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToEarliest);
        shoot(w, u"wizard-2-strategy"_s);
        QVERIFY(toPreview(w));
        QVERIFY2(w->previewPage()->problemText().isEmpty(), qPrintable(w->previewPage()->problemText()));
        // Earliest is each log's start: orders-0 from 40 to 0 (40 read again, lag 100), orders-1 from 20 to 10.
        const auto rows = previewRows(w);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.value(u"orders-0"_s).current, u"40"_s);
        QCOMPARE(rows.value(u"orders-0"_s).newOffset, QString::number(kOrders0Log.low));
        QCOMPARE(rows.value(u"orders-0"_s).change, u"-40"_s);
        QCOMPARE(rows.value(u"orders-0"_s).newLag, QString::number(kOrders0Log.high - kOrders0Log.low));
        QCOMPARE(rows.value(u"orders-1"_s).newOffset, QString::number(kOrders1Log.low));
        QCOMPARE(rows.value(u"orders-1"_s).change, u"-10"_s);
        QVERIFY2(w->previewPage()->summaryText().contains(u"50 message(s) to read again, 0 to skip"_s)
                     || w->previewPage()->summaryText().contains(u"50 messages to read again, 0 to skip"_s),
                 qPrintable(w->previewPage()->summaryText()));
        QCOMPARE(s.cluster->admin->commitCalls(), 0);   // a preview writes nothing
        QCOMPARE(w->button(QWizard::CommitButton)->text().remove(u'&'), u"Apply"_s);
        shoot(w, u"wizard-3-preview"_s);
        QSignalSpy done(w, &OffsetResetWizard::completed);
        QVERIFY(applyAndWait(w));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().at(0).toBool(), true);
        QVERIFY2(w->applyPage()->verificationText().contains(u"Verified"_s), qPrintable(w->applyPage()->verificationText()));
        shoot(w, u"wizard-5-applied"_s);
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 0}, {kOrders1, 10}}));
        // Each row's outcome, and the group page after the refresh the reset asks for.
        const ResetPlanTableModel *m = w->planModel();
        for (int r = 0; r < m->rowCount(); ++r)
            QVERIFY2(m->index(r, ResetPlanTableModel::Outcome).data().toString().startsWith(u"committed"_s),
                     qPrintable(m->index(r, ResetPlanTableModel::Outcome).data().toString()));
        QTRY_COMPARE(committedShown(page, kOrders0), u"0"_s);
        QCOMPARE(committedShown(page, kOrders1), u"10"_s);
        QVERIFY(click(w, QWizard::FinishButton));
    }

    void aPartitionsSelectionCarriesOverAndAShiftPastTheStartIsClamped()
    {
        Shown s = show();
        GroupPage *page = s.window->openGroup(u"wizard-g"_s);
        QTRY_COMPARE(committedShown(page, kOrders1), u"20"_s);
        QTableView *view = page->partitionView();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, PartitionTableModel::Partition);
            if (i.data(PartitionTableModel::TopicRole).toString() == u"orders"_s && i.data(PartitionTableModel::RawValueRole).toInt() == 1)
                view->selectionModel()->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(w);
        QVERIFY(w->scopePage()->chosenButton()->isChecked());
        const ResetScope scope = w->scopePage()->scope();
        QCOMPARE(scope.chosenTopics().size(), 1);
        QCOMPARE(scope.chosenTopics().first().name, u"orders"_s);
        QCOMPARE(scope.chosenTopics().first().partitions, QList<int>{1});
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ShiftBy);
        w->strategyPage()->shiftEdit()->setText(u"abc"_s);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(w->strategyPage()->problemText().contains(u"whole number"_s));
        w->strategyPage()->shiftEdit()->setText(u"-15"_s);
        QVERIFY(w->strategyPage()->problemText().isEmpty());
        QVERIFY(toPreview(w));
        // 20 - 15 = 5 is before orders-1's log start (10): clamped to it, marked.
        const auto rows = previewRows(w);
        QCOMPARE(rows.keys(), QStringList{u"orders-1"_s});
        QCOMPARE(rows.value(u"orders-1"_s).newOffset, QString::number(kOrders1Log.low));
        QVERIFY(rows.value(u"orders-1"_s).clamped);
        QVERIFY(w->planModel()->index(0, ResetPlanTableModel::Note).data().toString().contains(u"clamped to the log start"_s));
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 40}, {kOrders1, 10}}));
    }

    void anActiveMemberIsListedAndNothingIsWrittenUntilItLeaves()
    {
        Shown s = show();
        s.window->openGroup(u"wizard-busy"_s);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        // An active group is offered: the guard says what to do about it.
        QVERIFY(s.window->groupActions()->action(GroupAction::ResetOffsets)->isEnabled());
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(w);
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToLatest);
        QVERIFY(toPreview(w));
        QVERIFY2(w->previewPage()->summaryText().contains(u"wizard-busy is Stable"_s), qPrintable(w->previewPage()->summaryText()));
        w->applyPage()->setWaitPollMs(20);
        QVERIFY(applyAndWait(w, ResetApplyPage::Step::Active));
        QTableWidget *members = w->applyPage()->membersTable();
        QCOMPARE(members->rowCount(), 1);
        QCOMPARE(members->item(0, 2)->text(), u"billing-1"_s);
        QCOMPARE(members->item(0, 3)->text(), u"/10.0.0.1"_s);
        QVERIFY(w->applyPage()->statusText().contains(u"nothing has been written"_s));
        QVERIFY(w->applyPage()->waitButton()->isVisible());
        QVERIFY(!w->button(QWizard::FinishButton)->isEnabled());
        shoot(w, u"wizard-4-guard"_s);
        QCOMPARE(s.cluster->admin->commitCalls(), 0);
        QCOMPARE(s.cluster->committed(u"wizard-busy"_s), (Offsets{{kOrders0, 60}, {kOrders1, 30}}));

        // Waiting: the live state is shown; Stop gives up with nothing written.
        w->applyPage()->waitButton()->click();
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Waiting);
        QTRY_VERIFY(w->applyPage()->statusText().contains(u"Stable with 1 member"_s));
        shoot(w, u"wizard-4b-waiting"_s);
        w->applyPage()->stopWaitingButton()->click();
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Refused);
        QVERIFY(w->applyPage()->statusText().contains(u"nothing was written"_s));
        QCOMPARE(s.cluster->admin->commitCalls(), 0);

        // Check again, wait again; the member leaves (a rebalance first), and the reset is applied.
        w->applyPage()->checkAgainButton()->click();
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Active);
        w->applyPage()->waitButton()->click();
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Waiting);
        s.cluster->setState(u"wizard-busy"_s, GroupState::PreparingRebalance,
                            {fakeMember(u"billing-1-4f2a"_s, u"billing-1"_s, {u"orders"_s}, {})});
        QTRY_VERIFY(w->applyPage()->statusText().contains(u"PreparingRebalance"_s));
        QCOMPARE(s.cluster->admin->commitCalls(), 0);
        s.cluster->setState(u"wizard-busy"_s, GroupState::Empty);
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Done);
        QCOMPARE(s.cluster->committed(u"wizard-busy"_s), (Offsets{{kOrders0, kOrders0Log.high}, {kOrders1, kOrders1Log.high}}));
    }

    void undoPutsThePreviousOffsetsBackThroughThePreview()
    {
        Shown s = show();
        s.window->openGroup(u"wizard-g"_s);
        QAction *undo = s.window->groupActions()->action(GroupAction::UndoLastReset);
        QTRY_VERIFY(!undo->isEnabled());
        QVERIFY2(undo->toolTip().contains(u"nothing to undo"_s), qPrintable(undo->toolTip()));
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToOffset);
        w->strategyPage()->offsetEdit()->setText(u"-1"_s);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        w->strategyPage()->offsetEdit()->setText(u"30"_s);
        QVERIFY(toPreview(w));
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 30}, {kOrders1, 30}}));
        QVERIFY(click(w, QWizard::FinishButton));

        QTRY_VERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(opened.size(), 2);
        OffsetResetWizard *u = lastWizard(opened);
        QVERIFY(u);
        QCOMPARE(u->mode(), OffsetResetWizard::Mode::Undo);
        QCOMPARE(u->currentId(), int(OffsetResetWizard::PreviewPageId));
        QVERIFY(toPreview(u));
        // Back to what was committed before the reset: 40 and 20.
        const auto rows = previewRows(u);
        QCOMPARE(rows.value(u"orders-0"_s).current, u"30"_s);
        QCOMPARE(rows.value(u"orders-0"_s).newOffset, u"40"_s);
        QCOMPARE(rows.value(u"orders-1"_s).newOffset, u"20"_s);
        QVERIFY(applyAndWait(u));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 40}, {kOrders1, 20}}));
    }

    void theHistoryListsResetsAndReappliesOneThroughTheWizard()
    {
        Shown s = show();
        ResetExecutor executor(s.session, s.window->groupActions()->resetBackupStore());
        executor.setTimeoutMs(5000);
        // Two resets made elsewhere (the CLI shares the folder): to 5, then to the end.
        for (const ResetStrategy &strategy : {ResetStrategy::toOffset(15), ResetStrategy::toLatest()}) {
            auto planned = executor.plan(ResetRequest{{u"wizard-g"_s}, ResetScope::allTopics(), strategy});
            QTRY_VERIFY(planned.isFinished());
            QVERIFY(planned.result());
            auto applied = executor.apply(planned.result().value());
            QTRY_VERIFY(applied.isFinished());
            QVERIFY(applied.result());
        }
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 100}, {kOrders1, 50}}));
        s.window->openGroup(u"wizard-g"_s);
        QSignalSpy dialogs(s.window->groupActions(), &GroupActions::historyDialogOpened);
        s.window->groupActions()->historyAction()->trigger();
        QCOMPARE(dialogs.size(), 1);
        auto *history = dialogs.first().at(0).value<ResetHistoryDialog *>();
        QTRY_VERIFY(history->isLoaded());
        QCOMPARE(history->table()->rowCount(), 2);
        QCOMPARE(history->table()->item(0, 3)->text(), u"--to-latest"_s);   // newest first
        QCOMPARE(history->table()->item(1, 3)->text(), u"--to-offset 15"_s);
        QCOMPARE(history->table()->item(1, 1)->text(), u"wizard-g"_s);
        QCOMPARE(history->table()->item(1, 4)->text(), u"2"_s);
        shoot(history, u"wizard-6-history"_s);
        // The older backup holds what was there before the first reset: 40 and 20.
        history->table()->selectRow(1);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        QVERIFY(history->reapplyButton()->isEnabled());
        history->reapplyButton()->click();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(w);
        QCOMPARE(w->mode(), OffsetResetWizard::Mode::Reapply);
        QVERIFY(toPreview(w));
        QCOMPARE(previewRows(w).value(u"orders-0"_s).newOffset, u"40"_s);
        QCOMPARE(previewRows(w).value(u"orders-1"_s).newOffset, u"20"_s);
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 40}, {kOrders1, 20}}));
    }

    void severalSelectedGroupsAreResetTogetherAndATopicWithoutOffsetsCanBeAdded()
    {
        Shown s = show();
        s.window->showGroups();
        QTableView *view = s.window->groupsPage()->view();
        auto rowOf = [view](const QString &id) {
            for (int r = 0; r < view->model()->rowCount(); ++r)
                if (view->model()->index(r, 0).data(GroupTableModel::GroupIdRole).toString() == id)
                    return view->model()->index(r, 0);
            return QModelIndex();
        };
        view->setCurrentIndex(rowOf(u"wizard-g"_s));   // the target
        view->selectionModel()->select(rowOf(u"wizard-src"_s), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(w);
        QCOMPARE(w->groups(), (QStringList{u"wizard-g"_s, u"wizard-src"_s}));
        // payments has no offsets in either group: added, so both get a first commit there.
        QVERIFY(w->scopePage()->addTopic(u"payments"_s));
        QVERIFY(w->scopePage()->chosenButton()->isChecked());
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToEarliest);
        QVERIFY(toPreview(w));
        const auto rows = previewRows(w);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.value(u"wizard-g payments-0"_s).current, u"none"_s);
        QCOMPARE(rows.value(u"wizard-src payments-0"_s).newOffset, QString::number(kPayments0Log.low));
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s).value(kPayments0, -1), kPayments0Log.low);
        QCOMPARE(s.cluster->committed(u"wizard-src"_s).value(kPayments0, -1), kPayments0Log.low);
        QCOMPARE(s.cluster->committed(u"wizard-g"_s).value(kOrders0), qint64(40));   // out of scope: untouched
    }

    void everyStrategyInputIsCheckedAndCopyAndFileAreTakenAsGiven()
    {
        Shown s = show();
        s.window->openGroup(u"wizard-g"_s);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(click(w, QWizard::NextButton));
        ResetStrategyPage *p = w->strategyPage();

        p->choose(ResetStrategy::Kind::ByDuration);
        p->durationEdit()->setText(u"banana"_s);
        QVERIFY(!p->isComplete());
        QVERIFY(!p->problemText().isEmpty());
        p->durationEdit()->setText(u"2h 30m"_s);
        QVERIFY(p->isComplete());
        QCOMPARE(p->strategy()->value(), qint64(9'000'000));
        p->durationEdit()->setText(u"PT1H"_s);
        QCOMPARE(p->strategy()->value(), qint64(3'600'000));

        p->choose(ResetStrategy::Kind::ToDateTime);
        QVERIFY(p->dateTimeEdit()->calendarPopup());
        QVERIFY(p->timeZoneLabel()->text().contains(QString::fromUtf8(QTimeZone::systemTimeZoneId())));
        p->dateTimeText()->setText(u"2026-03-29T14:30:00.000Z"_s);
        QVERIFY(p->isComplete());
        QCOMPARE(p->strategy()->value(), QDateTime(QDate(2026, 3, 29), QTime(14, 30), QTimeZone::utc()).toMSecsSinceEpoch());
        QCOMPARE(p->dateTimeEdit()->dateTime().toMSecsSinceEpoch(), p->strategy()->value());   // the picker follows
        p->dateTimeText()->setText(u"29/03/2026"_s);
        QVERIFY(!p->isComplete());
        p->dateTimeText()->clear();
        QVERIFY(p->isComplete());   // the picker's time
        shoot(w, u"wizard-2b-datetime"_s);

        // A kcg CSV with bad lines: each listed by its number, nothing applicable.
        QTemporaryDir dir;
        const QString bad = dir.filePath(u"bad.csv"_s);
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("orders,0,5\norders,x,1\nnope,0,1\n");
        }
        p->choose(ResetStrategy::Kind::FromFile);
        QSignalSpy read(p, &ResetStrategyPage::fileRead);
        p->fileEdit()->setText(bad);   // read at once (off the GUI thread) when the field has no focus
        p->readFile();                 // as Enter in the field does: no second read of the same file
        QTRY_COMPARE(read.size(), 1);
        const QString errors = p->fileErrors()->toPlainText();
        QVERIFY2(errors.contains(u"line 2"_s) && errors.contains(u"line 3"_s), qPrintable(errors));
        QVERIFY(!errors.contains(u"line 1:"_s));
        QVERIFY(!p->isComplete());
        shoot(w, u"wizard-2c-csv-errors"_s);
        const QString good = dir.filePath(u"good.csv"_s);
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("orders,0,5\norders,1,200\n");
        }
        read.clear();
        p->fileEdit()->setText(good);
        p->readFile();
        QTRY_COMPARE(read.size(), 1);
        QVERIFY2(p->isComplete(), qPrintable(p->problemText()));
        QVERIFY(toPreview(w));
        QCOMPARE(previewRows(w).value(u"orders-0"_s).newOffset, u"5"_s);
        QCOMPARE(previewRows(w).value(u"orders-1"_s).newOffset, QString::number(kOrders1Log.high));   // 200: clamped to the end
        QVERIFY(previewRows(w).value(u"orders-1"_s).clamped);

        // Back, and copy another group's offsets instead.
        QVERIFY(click(w, QWizard::BackButton));
        p->choose(ResetStrategy::Kind::FromGroup);
        p->sourceGroupBox()->setEditText(u"wizard-g"_s);
        QVERIFY(!p->isComplete());   // itself
        p->sourceGroupBox()->setEditText(u"wizard-src"_s);
        QVERIFY(p->isComplete());
        QVERIFY(toPreview(w));
        QCOMPARE(previewRows(w).value(u"orders-0"_s).newOffset, u"70"_s);
        QCOMPARE(previewRows(w).value(u"orders-1"_s).newOffset, u"45"_s);
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), s.cluster->committed(u"wizard-src"_s));
    }

    void toAnOffsetRejectsANegativeOneAndClampsPastTheEnd()
    {
        Shown s = show();
        OffsetResetWizard *w = openOn(s, u"wizard-g"_s);
        QVERIFY(w);
        ResetStrategyPage *p = w->strategyPage();
        p->choose(ResetStrategy::Kind::ToOffset);
        p->offsetEdit()->setText(u"-5"_s);
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY2(p->problemText().contains(u"0 or more"_s), qPrintable(p->problemText()));
        p->offsetEdit()->setText(u"60"_s);
        QVERIFY2(p->problemText().isEmpty(), qPrintable(p->problemText()));
        QVERIFY(toPreview(w));
        // orders-0 holds [0, 100): 60 as asked, from 40; orders-1 holds [10, 50): 60 is past its end, so 50, marked.
        const auto rows = previewRows(w);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.value(u"orders-0"_s).current, u"40"_s);
        QCOMPARE(rows.value(u"orders-0"_s).newOffset, u"60"_s);
        QCOMPARE(rows.value(u"orders-0"_s).change, u"+20"_s);
        QCOMPARE(rows.value(u"orders-0"_s).newLag, QString::number(kOrders0Log.high - 60));
        QVERIFY(!rows.value(u"orders-0"_s).clamped);
        QCOMPARE(rows.value(u"orders-1"_s).current, u"20"_s);
        QCOMPARE(rows.value(u"orders-1"_s).newOffset, QString::number(kOrders1Log.high));
        QCOMPARE(rows.value(u"orders-1"_s).change, u"+30"_s);
        QCOMPARE(rows.value(u"orders-1"_s).newLag, u"0"_s);
        QVERIFY(rows.value(u"orders-1"_s).clamped);
        QVERIFY2(noteOf(w, kOrders1).contains(u"clamped to the log end"_s), qPrintable(noteOf(w, kOrders1)));
        QVERIFY(noteOf(w, kOrders0).isEmpty());
        QVERIFY2(w->previewPage()->summaryText().contains(u"1 target(s) outside"_s)
                     || w->previewPage()->summaryText().contains(u"1 target outside"_s),
                 qPrintable(w->previewPage()->summaryText()));

        // Export Plan…: kafka-consumer-groups.sh --export's CSV of the new offsets, nothing written to the cluster.
        QVERIFY(w->previewPage()->exportButton()->isEnabled());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"plan.csv"_s);
        auto exported = w->previewPage()->exportPlan(path);
        QTRY_VERIFY(exported.isFinished());
        QVERIFY2(exported.result(), qPrintable(exported.result().error()));
        QCOMPARE(readAll(path), u"orders,0,60\norders,1,50\n"_s);
        QVERIFY(w->previewPage()->exportText().contains(path));
        const QString bad = dir.filePath(u"no-such-folder/plan.csv"_s);
        auto failed = w->previewPage()->exportPlan(bad);
        QTRY_VERIFY(failed.isFinished());
        QVERIFY(!failed.result());
        QVERIFY2(w->previewPage()->exportText().contains(u"Choose a folder you can write to"_s), qPrintable(w->previewPage()->exportText()));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(s.cluster->admin->commitCalls(), 0);

        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 60}, {kOrders1, kOrders1Log.high}}));
    }

    void toTheCurrentOffsetCommitsTheSameOffsetsAgain()
    {
        Shown s = show();
        OffsetResetWizard *w = openOn(s, u"wizard-g"_s);
        QVERIFY(w);
        w->strategyPage()->choose(ResetStrategy::Kind::ToCurrent);
        QVERIFY(w->strategyPage()->isComplete());
        QVERIFY(toPreview(w));
        const auto rows = previewRows(w);
        QCOMPARE(rows.size(), 2);
        for (const QString &key : {u"orders-0"_s, u"orders-1"_s}) {
            QCOMPARE(rows.value(key).newOffset, rows.value(key).current);
            QCOMPARE(rows.value(key).change, u"0"_s);
            QVERIFY(!rows.value(key).clamped);
        }
        QCOMPARE(rows.value(u"orders-0"_s).newOffset, u"40"_s);
        QCOMPARE(rows.value(u"orders-1"_s).newOffset, u"20"_s);
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->admin->commitCalls(), 1);   // committed again, so that they do not expire
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 40}, {kOrders1, 20}}));
    }

    void aCsvOfSeveralGroupsResetsEachGroupToItsRows()
    {
        Shown s = show();
        s.window->showGroups();
        QTableView *view = s.window->groupsPage()->view();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, 0);
            const QString id = i.data(GroupTableModel::GroupIdRole).toString();
            if (id == u"wizard-g"_s)
                view->setCurrentIndex(i);
            if (id == u"wizard-src"_s)
                view->selectionModel()->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(w);
        QCOMPARE(w->groups(), (QStringList{u"wizard-g"_s, u"wizard-src"_s}));
        QVERIFY(click(w, QWizard::NextButton));
        ResetStrategyPage *p = w->strategyPage();
        p->choose(ResetStrategy::Kind::FromFile);
        QTemporaryDir dir;
        // kcg's four columns for several groups: a three-column line, and a group not being reset, are errors.
        const QString bad = dir.filePath(u"bad.csv"_s);
        write(bad, "wizard-g,orders,0,5\norders,1,7\nwizard-busy,orders,0,1\n");
        QSignalSpy read(p, &ResetStrategyPage::fileRead);
        p->fileEdit()->setText(bad);
        p->readFile();
        QTRY_COMPARE(read.size(), 1);
        const QString errors = p->fileErrors()->toPlainText();
        QVERIFY2(errors.contains(u"line 2"_s) && errors.contains(u"line 3"_s) && !errors.contains(u"line 1:"_s), qPrintable(errors));
        QVERIFY(!p->isComplete());
        const QString good = dir.filePath(u"good.csv"_s);
        write(good, "wizard-g,orders,0,5\nwizard-src,orders,1,30\nwizard-src,payments,0,7\n");
        read.clear();
        p->fileEdit()->setText(good);
        p->readFile();
        QTRY_COMPARE(read.size(), 1);
        QVERIFY2(p->isComplete(), qPrintable(p->problemText()));
        QVERIFY(toPreview(w));
        // Each group gets the rows the file has for it, and only those.
        const auto rows = previewRows(w);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.value(u"wizard-g orders-0"_s).current, u"40"_s);
        QCOMPARE(rows.value(u"wizard-g orders-0"_s).newOffset, u"5"_s);
        QCOMPARE(rows.value(u"wizard-src orders-1"_s).current, u"45"_s);
        QCOMPARE(rows.value(u"wizard-src orders-1"_s).newOffset, u"30"_s);
        QCOMPARE(rows.value(u"wizard-src payments-0"_s).current, u"none"_s);
        QCOMPARE(rows.value(u"wizard-src payments-0"_s).newOffset, u"7"_s);
        QVERIFY(applyAndWait(w));
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 5}, {kOrders1, 20}}));
        QCOMPARE(s.cluster->committed(u"wizard-src"_s), (Offsets{{kOrders0, 70}, {kOrders1, 30}, {kPayments0, 7}}));
    }

    void theApplyPageShowsEachRefusalAndWhatDoesNotMatch()
    {
        Shown s = show();
        // The broker refuses payments-0 (no ACL for it) and commits the rest; another tool then moves orders-0.
        s.cluster->admin->refusePartition(kPayments0, KafkaError::make(29, u"TOPIC_AUTHORIZATION_FAILED"_s,
                                                                       u"Topic authorization failed"_s));
        s.cluster->admin->setAfterCommit([&s] {
            GroupOffsets o = s.cluster->client->offsetsOf(u"wizard-g"_s);
            for (CommittedOffset &c : o.offsets)
                if (c.tp == kOrders0)
                    c.offset = 77;
            s.cluster->client->setOffsets(u"wizard-g"_s, o);
        });
        OffsetResetWizard *w = openOn(s, u"wizard-g"_s);
        QVERIFY(w);
        QVERIFY(click(w, QWizard::BackButton));
        QVERIFY(w->scopePage()->addTopic(u"payments"_s));
        QVERIFY(w->scopePage()->setPartitionChecked(kOrders0, true));
        QVERIFY(w->scopePage()->setPartitionChecked(kOrders1, true));
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToEarliest);
        QVERIFY(toPreview(w));
        QCOMPARE(previewRows(w).size(), 3);
        QSignalSpy done(w, &OffsetResetWizard::completed);
        QVERIFY(applyAndWait(w));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY2(done.first().at(1).toString().contains(u"not every partition"_s), qPrintable(done.first().at(1).toString()));
        const QString text = w->applyPage()->verificationText();
        QVERIFY2(text.contains(u"do NOT all match"_s), qPrintable(text));
        QVERIFY2(text.contains(u"wizard-g payments-0: refused, Topic authorization failed"_s), qPrintable(text));
        QVERIFY2(text.contains(u"wizard-g orders-0: planned 0, read back 77"_s), qPrintable(text));
        QVERIFY(!text.contains(u"orders-1"_s));
        QVERIFY(!text.contains(u"Verified"_s));
        // Each row's outcome in the table: the refusal by name, the offset read back, the one that holds.
        QVERIFY(!w->applyPage()->table()->isColumnHidden(ResetPlanTableModel::Outcome));
        QVERIFY2(outcomeOf(w, u"wizard-g"_s, kPayments0).startsWith(u"TOPIC_AUTHORIZATION_FAILED"_s),
                 qPrintable(outcomeOf(w, u"wizard-g"_s, kPayments0)));
        QVERIFY2(outcomeOf(w, u"wizard-g"_s, kOrders0).contains(u"read back 77, not 0"_s), qPrintable(outcomeOf(w, u"wizard-g"_s, kOrders0)));
        QVERIFY2(outcomeOf(w, u"wizard-g"_s, kOrders1).startsWith(u"committed, read back 10"_s),
                 qPrintable(outcomeOf(w, u"wizard-g"_s, kOrders1)));
        QCOMPARE(w->applyPage()->step(), ResetApplyPage::Step::Done);
        QVERIFY(w->applyPage()->statusText().contains(u"with differences"_s));
        shoot(w, u"wizard-5b-differences"_s);
        QCOMPARE(s.cluster->committed(u"wizard-g"_s), (Offsets{{kOrders0, 77}, {kOrders1, kOrders1Log.low}}));
    }

    void theTimeZoneShownFollowsTheChosenDateTime()
    {
        if (QTimeZone::systemTimeZoneId() != "Europe/Berlin")
            COHORT_SKIP_OR_FAIL("the zone Europe/Berlin is not installed (package tzdata): TZ did not take");
        Shown s = show();
        OffsetResetWizard *w = openOn(s, u"wizard-g"_s);
        QVERIFY(w);
        ResetStrategyPage *p = w->strategyPage();
        p->choose(ResetStrategy::Kind::ToDateTime);
        // Picked in winter, then in summer: the offset of that day, whatever today's is.
        p->dateTimeEdit()->setDateTime(QDateTime(QDate(2026, 1, 15), QTime(12, 0)));
        QVERIFY2(p->timeZoneLabel()->text().contains(u"(CET, UTC+01:00)"_s), qPrintable(p->timeZoneLabel()->text()));
        p->dateTimeEdit()->setDateTime(QDateTime(QDate(2026, 7, 15), QTime(12, 0)));
        QVERIFY2(p->timeZoneLabel()->text().contains(u"(CEST, UTC+02:00)"_s), qPrintable(p->timeZoneLabel()->text()));
        // Typed, either side of the change on 2026-03-29 at 01:00 UTC.
        p->dateTimeText()->setText(u"2026-03-29T00:30:00Z"_s);
        QVERIFY2(p->timeZoneLabel()->text().contains(u"UTC+01:00"_s), qPrintable(p->timeZoneLabel()->text()));
        QCOMPARE(p->dateTimeEdit()->time(), QTime(1, 30));
        p->dateTimeText()->setText(u"2026-03-29T01:30:00Z"_s);
        QVERIFY2(p->timeZoneLabel()->text().contains(u"UTC+02:00"_s), qPrintable(p->timeZoneLabel()->text()));
        QCOMPARE(p->dateTimeEdit()->time(), QTime(3, 30));
        QCOMPARE(p->strategy()->value(), QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::utc()).toMSecsSinceEpoch());
    }

    void exportOffsetsWritesTheCommittedOffsetsInKcgsFormat()
    {
        Shown s = show(true);   // a read: offered on a read-only connection too
        QTemporaryDir dir;
        QString answer;
        QStringList suggested;
        s.window->groupActions()->setSaveFileChooser([&](const QString &name) {
            suggested << name;
            return answer;
        });
        GroupPage *page = s.window->openGroup(u"wizard-g"_s);
        QTRY_COMPARE(committedShown(page, kOrders0), u"40"_s);
        QAction *exportAction = s.window->groupActions()->action(GroupAction::ExportOffsets);
        QVERIFY2(exportAction->isEnabled(), qPrintable(exportAction->toolTip()));
        // On the group page beside the reset buttons.
        bool onThePage = false;
        for (QToolButton *b : page->findChildren<QToolButton *>())
            onThePage = onThePage || b->defaultAction() == exportAction;
        QVERIFY(onThePage);
        QSignalSpy exported(s.window->groupActions(), &GroupActions::offsetsExported);

        // One group: topic,partition,offset, no header, what the cluster holds (40 and 20, set above).
        answer = dir.filePath(u"one.csv"_s);
        exportAction->trigger();
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QCOMPARE(suggested.constLast(), u"wizard-g-offsets.csv"_s);
        QCOMPARE(readAll(answer), u"orders,0,40\norders,1,20\n"_s);
        QVERIFY(exported.first().at(1).toString().contains(answer));

        // Cancelled in the file dialog: nothing.
        answer.clear();
        exportAction->trigger();
        QCOMPARE(suggested.size(), 2);
        QVERIFY(!exported.wait(200));   // no export started

        // Several groups selected on the Groups page: group,topic,partition,offset.
        s.window->showGroups();
        QTableView *view = s.window->groupsPage()->view();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, 0);
            const QString id = i.data(GroupTableModel::GroupIdRole).toString();
            if (id == u"wizard-g"_s)
                view->setCurrentIndex(i);
            if (id == u"wizard-src"_s)
                view->selectionModel()->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        answer = dir.filePath(u"two.csv"_s);
        exportAction->trigger();
        QTRY_COMPARE(exported.size(), 2);
        QVERIFY(exported.last().at(0).toBool());
        QCOMPARE(readAll(answer), u"wizard-g,orders,0,40\nwizard-g,orders,1,20\nwizard-src,orders,0,70\nwizard-src,orders,1,45\n"_s);

        // A folder that is not there: said, in a message box too, and no file.
        answer = dir.filePath(u"missing/three.csv"_s);
        exportAction->trigger();
        QTRY_COMPARE(exported.size(), 3);
        QVERIFY(!exported.last().at(0).toBool());
        QVERIFY2(exported.last().at(1).toString().contains(u"Choose a folder you can write to"_s), qPrintable(exported.last().at(1).toString()));
        QVERIFY(!QFile::exists(answer));
        QTRY_VERIFY(s.window->findChild<QWidget *>(u"exportOffsetsFailed"_s));
        s.window->findChild<QWidget *>(u"exportOffsetsFailed"_s)->close();

        // The file reads back in the wizard as kcg's --from-file: the same offsets, nothing to change.
        auto again = s.window->groupActions()->exportOffsets({u"wizard-src"_s}, dir.filePath(u"src.csv"_s));
        QTRY_VERIFY(again.isFinished());
        QCOMPARE(again.result().value(), 2);
        QCOMPARE(readAll(dir.filePath(u"src.csv"_s)), u"orders,0,70\norders,1,45\n"_s);
    }

    void aProductionConnectionWantsTheGroupsNameTyped()
    {
        Shown s = show(false, true);
        s.window->openGroup(u"wizard-g"_s);
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        s.window->groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened);
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ToLatest);
        QVERIFY(toPreview(w));
        QVERIFY(w->previewPage()->typedNameEdit()->isVisible());
        QVERIFY(!w->button(QWizard::CommitButton)->isEnabled());
        w->previewPage()->typedNameEdit()->setText(u"wizard"_s);
        QVERIFY(!w->button(QWizard::CommitButton)->isEnabled());
        shoot(w, u"wizard-3b-production"_s);
        w->previewPage()->typedNameEdit()->setText(u"wizard-g"_s);
        QVERIFY(w->button(QWizard::CommitButton)->isEnabled());
        QCOMPARE(s.cluster->admin->commitCalls(), 0);
    }

    void aReadOnlyConnectionOffersNoResetAndSaysWhy()
    {
        Shown s = show(true);
        s.window->openGroup(u"wizard-g"_s);
        for (GroupAction a : {GroupAction::ResetOffsets, GroupAction::UndoLastReset}) {
            QAction *action = s.window->groupActions()->action(a);
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
            QVERIFY2(action->toolTip().contains(u"read-only"_s), qPrintable(action->toolTip()));
            QCOMPARE(action->statusTip(), action->toolTip());
        }
        QSignalSpy opened(s.window->groupActions(), &GroupActions::resetWizardOpened);
        QTest::keyClick(s.window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!s.window->groupActions()->openResetOffsets({u"wizard-g"_s}));
        QCOMPARE(opened.size(), 0);
        // The history is a read: it opens, and says why nothing can be put back.
        QSignalSpy dialogs(s.window->groupActions(), &GroupActions::historyDialogOpened);
        s.window->groupActions()->historyAction()->trigger();
        auto *history = dialogs.first().at(0).value<ResetHistoryDialog *>();
        QTRY_VERIFY(history->isLoaded());
        QVERIFY(!history->reapplyButton()->isEnabled());
        QVERIFY(history->reapplyButton()->toolTip().contains(u"read-only"_s));
        QCOMPARE(s.cluster->admin->commitCalls(), 0);
    }

    void onTheSandboxAMemberIsListedAndTheShiftIsAppliedOnceItLeaves()
    {
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        const QString bootstrap = sandbox->bootstrapServers();
        const QString topic = u"wizard-sbx-orders"_s, group = u"wizard-sbx"_s;
        QVERIFY(sandbox->createTopic(topic, 2));
        QCOMPARE(produceMessages(bootstrap, topic, 0, 30), QString());
        QCOMPARE(produceMessages(bootstrap, topic, 1, 20), QString());
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 25}, {1, 12}}), QString());

        ClusterSession::OpenRequest request;
        request.properties = {{u"bootstrap.servers"_s, bootstrap}};
        request.displayName = u"sandbox"_s;
        request.timeoutMs = 5000;
        auto opened = ClusterSession::open(request, this);
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 15000);
        QVERIFY(opened.result());
        std::shared_ptr<ClusterSession> session = opened.result().value();
        MainWindow window;
        window.groupActions()->setResetBackupStore(ResetBackupStore(m_backups.filePath(u"sandbox"_s)));
        window.resize(1200, 800);
        window.show();
        window.setSession(session);
        session->setIntervalMs(500);

        // A live member: the group is Stable, and the wizard's guard must name it.
        GroupConsumer member(bootstrap, group, {topic}, {{u"client.id"_s, u"wizard-member"_s}, {u"enable.auto.commit"_s, u"false"_s}});
        QVERIFY2(member.valid(), qPrintable(member.error()));
        QTRY_VERIFY_WITH_TIMEOUT((member.poll(50), !member.assignment().isEmpty()), 20000);
        GroupPage *page = window.openGroup(group);
        QTRY_VERIFY_WITH_TIMEOUT((member.poll(10), page->headerValue(u"state"_s) == u"Stable"_s), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(committedShown(page, {topic, 0}), u"25"_s, 10000);

        QSignalSpy opened2(window.groupActions(), &GroupActions::resetWizardOpened);
        window.groupActions()->action(GroupAction::ResetOffsets)->trigger();
        OffsetResetWizard *w = lastWizard(opened2);
        QVERIFY(w);
        QVERIFY(click(w, QWizard::NextButton));
        w->strategyPage()->choose(ResetStrategy::Kind::ShiftBy);
        w->strategyPage()->shiftEdit()->setText(u"-10"_s);
        QVERIFY(toPreview(w));
        // From what was committed: 25 - 10 and 12 - 10; 30 and 20 produced, so lags 15 and 18.
        const auto rows = previewRows(w);
        QCOMPARE(rows.value(topic + u"-0"_s).newOffset, u"15"_s);
        QCOMPARE(rows.value(topic + u"-0"_s).newLag, u"15"_s);
        QCOMPARE(rows.value(topic + u"-1"_s).newOffset, u"2"_s);
        QCOMPARE(rows.value(topic + u"-1"_s).newLag, u"18"_s);
        w->applyPage()->setWaitPollMs(100);
        QVERIFY(applyAndWait(w, ResetApplyPage::Step::Active));
        QTableWidget *members = w->applyPage()->membersTable();
        QCOMPARE(members->rowCount(), 1);
        QCOMPARE(members->item(0, 2)->text(), u"wizard-member"_s);
        QVERIFY2(members->item(0, 3)->text().contains(u"127.0.0.1"_s), qPrintable(members->item(0, 3)->text()));
        // Nothing written: the brokers still hold 25 and 12, asked directly.
        auto held = session->client()->fetchCommittedOffsets({{group, {}}});
        QTRY_VERIFY(held.isFinished());
        QVERIFY(held.result());
        Offsets brokers;
        for (const CommittedOffset &c : held.result()->offsets.value(group).offsets)
            brokers.insert(c.tp, c.offset);
        QCOMPARE(brokers, (Offsets{{{topic, 0}, 25}, {{topic, 1}, 12}}));

        w->applyPage()->waitButton()->click();
        QTRY_COMPARE(w->applyPage()->step(), ResetApplyPage::Step::Waiting);
        member.close();   // LeaveGroup: the group goes Empty
        QTRY_COMPARE_WITH_TIMEOUT(w->applyPage()->step(), ResetApplyPage::Step::Done, 20000);
        QVERIFY2(w->applyPage()->verificationText().contains(u"Verified"_s), qPrintable(w->applyPage()->verificationText()));
        QTRY_COMPARE_WITH_TIMEOUT(committedShown(page, {topic, 0}), u"15"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(committedShown(page, {topic, 1}), u"2"_s, 10000);
        // And a consumer that starts now reads from there.
        GroupConsumer next(bootstrap, group, {topic}, {{u"enable.auto.commit"_s, u"false"_s}});
        QTRY_VERIFY_WITH_TIMEOUT((next.poll(100), next.received() >= 15 + 18), 30000);
        QCOMPARE(next.received(), 15 + 18);
    }

    void theMenuAndTheShortcutsListHaveTheResetActions()
    {
        Shown s = show();
        QMenu *menu = s.window->groupMenu();
        QList<QAction *> actions = menu->actions();
        const int reset = int(actions.indexOf(s.window->groupActions()->action(GroupAction::ResetOffsets)));
        const int insertion = int(actions.indexOf(s.window->groupActions()->resetOffsetsInsertionPoint()));
        QVERIFY(reset >= 0 && reset < insertion);
        QVERIFY(actions.contains(s.window->groupActions()->action(GroupAction::UndoLastReset)));
        QVERIFY(actions.contains(s.window->groupActions()->historyAction()));
        ShortcutsDialog dialog(s.window->menuBar());
        bool listed = false;
        for (int r = 0; r < dialog.table()->rowCount(); ++r)
            if (dialog.table()->item(r, 1)->text() == u"Reset Offsets…"_s)
                listed = dialog.table()->item(r, 2)->text()
                         == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R).toString(QKeySequence::NativeText);
        QVERIFY(listed);
    }
};

QTEST_MAIN(TestResetWizard)
#include "tst_reset_wizard.moc"
