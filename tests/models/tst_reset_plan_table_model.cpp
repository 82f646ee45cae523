// SPDX-License-Identifier: GPL-3.0-or-later
// ResetPlanTableModel under QAbstractItemModelTester while plans replace one
// another (rows kept, added, removed, changed: never a reset) and an outcome
// arrives: the numbers as planned, the clamped rows marked, each row's outcome.

#include "models/ResetPlanTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

PartitionResetPlan partition(const QString &topic, int p, std::optional<qint64> current, qint64 requested, qint64 logStart, qint64 logEnd)
{
    PartitionResetPlan plan;
    plan.tp = {topic, p};
    plan.current = current;
    plan.requested = requested;
    plan.logStart = logStart;
    plan.logEnd = logEnd;
    plan.newOffset = std::clamp(requested, logStart, logEnd);
    plan.clamp = requested < logStart ? PartitionResetPlan::Clamp::ToLogStart
                 : requested > logEnd ? PartitionResetPlan::Clamp::ToLogEnd
                                      : PartitionResetPlan::Clamp::None;
    return plan;
}

ResetPlan plan(const QList<PartitionResetPlan> &partitions)
{
    ResetPlan p;
    p.strategy = ResetStrategy::shiftBy(-10);
    p.groups = {GroupResetPlan{u"g"_s, GroupState::Empty, partitions}};
    return p;
}

QString cell(const QAbstractItemModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

}   // namespace

class TestResetPlanTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void plansAreMergedAndOutcomesShown()
    {
        ResetPlanTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setPlan(plan({partition(u"orders"_s, 0, 40, 30, 0, 100), partition(u"orders"_s, 1, 12, 2, 10, 50)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::Current), u"40"_s);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::New), u"30"_s);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::Change), u"-10"_s);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::NewLag), u"70"_s);
        QVERIFY(!model.index(0, 0).data(ResetPlanTableModel::ClampedRole).toBool());
        // 12 - 10 = 2 is before the log start 10: clamped there, and said.
        QCOMPARE(cell(model, 1, ResetPlanTableModel::New), u"10"_s);
        QCOMPARE(cell(model, 1, ResetPlanTableModel::Change), u"-2"_s);
        QVERIFY(model.index(1, 0).data(ResetPlanTableModel::ClampedRole).toBool());
        QVERIFY(cell(model, 1, ResetPlanTableModel::Note).contains(u"clamped to the log start"_s));
        QCOMPARE(model.index(0, ResetPlanTableModel::Change).data(ResetPlanTableModel::SortRole).toLongLong(), -10);

        // A new plan: orders-0 changes, orders-1 goes, payments-0 (no offset yet) comes; orders-0's index survives.
        const QPersistentModelIndex kept = model.index(0, ResetPlanTableModel::New);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPlan(plan({partition(u"orders"_s, 0, 40, 90, 0, 100), partition(u"payments"_s, 0, std::nullopt, 0, 0, 30)}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), u"90"_s);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::Change), u"+50"_s);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(cell(model, 1, ResetPlanTableModel::Topic), u"payments"_s);
        QCOMPARE(cell(model, 1, ResetPlanTableModel::Current), u"none"_s);
        QCOMPARE(cell(model, 1, ResetPlanTableModel::Change), u"–"_s);
        QVERIFY(cell(model, 1, ResetPlanTableModel::Note).contains(u"first offset"_s));

        // The outcome: payments-0 refused, orders-0 read back as planned.
        ResetOutcome outcome;
        GroupResetOutcome g;
        g.groupId = u"g"_s;
        g.failed = {PartitionWriteOutcome{{u"payments"_s, 0}, 0, KafkaError::make(25, u"UNKNOWN_MEMBER_ID"_s, u"the group has active members"_s)}};
        outcome.groups = {g};
        model.setOutcome(outcome);
        QCOMPARE(cell(model, 0, ResetPlanTableModel::Outcome), u"committed, read back 90"_s);
        QVERIFY(!model.index(0, 0).data(ResetPlanTableModel::FailedRole).toBool());
        QVERIFY(cell(model, 1, ResetPlanTableModel::Outcome).contains(u"UNKNOWN_MEMBER_ID"_s));
        QVERIFY(model.index(1, 0).data(ResetPlanTableModel::FailedRole).toBool());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(TestResetPlanTableModel)
#include "tst_reset_plan_table_model.moc"
