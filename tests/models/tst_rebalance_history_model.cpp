// SPDX-License-Identifier: GPL-3.0-or-later
// RebalanceHistoryModel under QAbstractItemModelTester: a row per rebalance
// (began, trigger, duration, partitions moved, time without owner), one still
// under way shown as such and replaced by its completion, a rebalance whose
// start was missed shown by its end, and refreshes merged without a reset;
// dates and numbers in the locale's format (en_US, de_DE, zh_CN).

#include "models/RebalanceHistoryModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace cohort;

namespace {

const qint64 kT0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();

GroupEvent started(qint64 at, const QString &reason, int generation)
{
    GroupEvent e;
    e.timeMs = at;
    e.groupId = QStringLiteral("g");
    e.kind = GroupEventKind::RebalanceStarted;
    e.reason = reason;
    e.generation = generation;
    return e;
}

GroupEvent completed(qint64 at, qint64 durationMs, int moved, qint64 unownedMs, int generation)
{
    GroupEvent e;
    e.timeMs = at;
    e.groupId = QStringLiteral("g");
    e.kind = GroupEventKind::RebalanceCompleted;
    e.durationMs = durationMs;
    e.partitionsMoved = moved;
    e.unownedMs = unownedMs;
    e.generation = generation;
    return e;
}

GroupEvent joined(qint64 at)
{
    GroupEvent e;
    e.timeMs = at;
    e.groupId = QStringLiteral("g");
    e.kind = GroupEventKind::MemberJoined;
    return e;
}

QString cell(const RebalanceHistoryModel &m, int row, int column)
{
    return m.index(row, column).data().toString();
}

}   // namespace

class TestRebalanceHistoryModel : public QObject
{
    Q_OBJECT

public:
    static void initMain() { qputenv("TZ", "UTC"); }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aRowPerRebalance()
    {
        RebalanceHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        QList<GroupEvent> events{started(kT0, QStringLiteral("c-2 joined"), 4), joined(kT0),
                                 completed(kT0 + 2400, 2400, 3, 2400, 5)};
        // Begun between two reads: no duration, no start.
        GroupEvent missed = completed(kT0 + 60'000, -1, 1, -1, 6);
        missed.reason = QStringLiteral("began between two reads of the group");
        events << started(kT0 + 60'000, QStringLiteral("a member rejoined"), 6) << missed;
        model.setEvents(events);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Started), QStringLiteral("12/1/26 12:00:00 PM"));
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Trigger), QStringLiteral("c-2 joined"));
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Duration), QStringLiteral("2.4 s"));
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::PartitionsMoved), QStringLiteral("3"));
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::WithoutOwner), QStringLiteral("2.4 s"));
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Generation), QStringLiteral("5"));
        QCOMPARE(model.index(0, RebalanceHistoryModel::Duration).data(RebalanceHistoryModel::SortRole).toLongLong(), 2400);
        QCOMPARE(cell(model, 1, RebalanceHistoryModel::Started), QStringLiteral("by 12/1/26 12:01:00 PM"));
        QCOMPARE(cell(model, 1, RebalanceHistoryModel::Duration), QStringLiteral("unknown"));
        QCOMPARE(cell(model, 1, RebalanceHistoryModel::WithoutOwner), QStringLiteral("unknown"));
        QVERIFY(model.index(1, RebalanceHistoryModel::Trigger).data(Qt::ToolTipRole).toString().contains(
            QStringLiteral("Completed: began between two reads")));

        // A third one begins: a row under way.
        events << started(kT0 + 120'000, QStringLiteral("c-3 joined"), 6);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setEvents(events);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 0);
        QVERIFY(model.index(2, 0).data(RebalanceHistoryModel::InProgressRole).toBool());
        QCOMPARE(cell(model, 2, RebalanceHistoryModel::Duration), QStringLiteral("under way"));
        QCOMPARE(cell(model, 2, RebalanceHistoryModel::PartitionsMoved), QStringLiteral("–"));

        // It completes: the row under way is replaced by the completed one.
        events << completed(kT0 + 125'000, 5000, 2, 1200, 7);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setEvents(events);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.count(), 1);
        QVERIFY(!model.index(2, 0).data(RebalanceHistoryModel::InProgressRole).toBool());
        QCOMPARE(cell(model, 2, RebalanceHistoryModel::Trigger), QStringLiteral("c-3 joined"));
        QCOMPARE(cell(model, 2, RebalanceHistoryModel::Duration), QStringLiteral("5.0 s"));
        QCOMPARE(cell(model, 2, RebalanceHistoryModel::WithoutOwner), QStringLiteral("1.2 s"));

        // The same again: nothing signalled.
        QSignalSpy any(&model, &QAbstractItemModel::dataChanged);
        model.setEvents(events);
        QCOMPARE(any.count(), 0);
        QCOMPARE(resets.count(), 0);
    }

    // Numbers with the locale's grouping, dates in its order and separators,
    // with seconds (the locale's short time has none): CLDR's short formats,
    // as Qt ships them.
    void followsTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("began");
        QTest::addColumn<QString>("moved");
        QTest::addColumn<QString>("duration");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("12/1/26 12:00:05 PM")
                               << QStringLiteral("1,234,567") << QStringLiteral("2.4 s");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("01.12.26 12:00:05")
                               << QStringLiteral("1.234.567") << QStringLiteral("2,4 s");
        QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << QStringLiteral("2026/12/1 12:00:05")
                               << QStringLiteral("1,234,567") << QStringLiteral("2.4 s");
    }

    void followsTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, began);
        QFETCH(QString, moved);
        QFETCH(QString, duration);
        QLocale::setDefault(locale);
        const auto english = qScopeGuard([] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); });
        RebalanceHistoryModel model;
        model.setEvents({started(kT0 + 5000, QStringLiteral("c-2 joined"), 4), completed(kT0 + 7400, 2400, 1234567, 2400, 5)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Started), began);
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::PartitionsMoved), moved);
        QCOMPARE(cell(model, 0, RebalanceHistoryModel::Duration), duration);
    }
};

QTEST_MAIN(TestRebalanceHistoryModel)
#include "tst_rebalance_history_model.moc"
