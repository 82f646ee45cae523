// SPDX-License-Identifier: GPL-3.0-or-later
// Burrow's partition and group status rules on hand-made commit windows.

#include "core/lag/LagStatusRules.h"

#include <QTest>

using namespace cohort;
using namespace cohort::LagStatusRules;

Q_DECLARE_METATYPE(cohort::LagStatusRules::Status)

namespace {

// Commits every 10 s from t = 0 with these offsets and lags.
QList<Commit> window(const QList<qint64> &offsets, const QList<qint64> &lags)
{
    QList<Commit> out;
    for (qsizetype i = 0; i < offsets.size(); ++i)
        out.append(Commit{i * 10000, offsets.at(i), lags.at(i)});
    return out;
}

}   // namespace

class TestLagStatusRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partition_data()
    {
        QTest::addColumn<QList<qint64>>("offsets");
        QTest::addColumn<QList<qint64>>("lags");
        QTest::addColumn<qint64>("currentLag");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<Status>("expected");
        // Five commits at 0..40 s; "now" is 45 s unless the case is about stopping.
        QTest::newRow("caught up now") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 7, 8, 9} << qint64(0) << qint64(45000)
                                       << Status::Ok;
        QTest::newRow("zero lag inside the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 0, 7, 8, 9} << qint64(9) << qint64(45000) << Status::Ok;
        QTest::newRow("lag going down once") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9)
                                             << qint64(45000) << Status::Ok;
        QTest::newRow("lag never decreasing") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 6, 8, 9} << qint64(9)
                                              << qint64(45000) << Status::Warn;
        QTest::newRow("offset never moves") << QList<qint64>{10, 10, 10, 10, 10} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9)
                                            << qint64(45000) << Status::Stall;
        QTest::newRow("offset went back") << QList<qint64>{10, 20, 15, 40, 50} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9) << qint64(45000)
                                          << Status::Rewind;
        QTest::newRow("no commit for longer than the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9) << qint64(81000) << Status::Stop;
        QTest::newRow("quiet for exactly the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9) << qint64(80000) << Status::Ok;
        QTest::newRow("rewind wins over stop") << QList<qint64>{10, 5, 30, 40, 50} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9)
                                               << qint64(500000) << Status::Rewind;
        QTest::newRow("one commit: nothing to judge") << QList<qint64>{10} << QList<qint64>{5} << qint64(9) << qint64(500000) << Status::Ok;
    }

    void partition()
    {
        QFETCH(QList<qint64>, offsets);
        QFETCH(QList<qint64>, lags);
        QFETCH(qint64, currentLag);
        QFETCH(qint64, nowMs);
        QFETCH(Status, expected);
        const Status got = partitionStatus(window(offsets, lags), currentLag, nowMs);
        QCOMPARE(name(got), name(expected));
    }

    void allowedLagCountsAsCaughtUp()
    {
        const auto w = window({10, 20, 30, 40, 50}, {5, 6, 6, 8, 9});
        QCOMPARE(partitionStatus(w, 9, 45000, 0), Status::Warn);
        QCOMPARE(partitionStatus(w, 9, 45000, 5), Status::Ok);   // 5 was within the allowance
        QCOMPARE(partitionStatus(w, 4, 45000, 4), Status::Ok);   // within it now
    }

    void groupTakesTheWorstPartition()
    {
        QCOMPARE(groupStatus({}), Status::Ok);
        QCOMPARE(groupStatus({Status::Ok, Status::Ok}), Status::Ok);
        QCOMPARE(groupStatus({Status::Ok, Status::Warn}), Status::Warn);
        QCOMPARE(groupStatus({Status::Warn, Status::Stall, Status::Ok}), Status::Err);
        QCOMPARE(groupStatus({Status::Stop}), Status::Err);
        QCOMPARE(groupStatus({Status::Ok, Status::Rewind}), Status::Err);
    }

    void namesAreBurrows()
    {
        QCOMPARE(name(Status::Ok), QStringLiteral("OK"));
        QCOMPARE(name(Status::Warn), QStringLiteral("WARN"));
        QCOMPARE(name(Status::Err), QStringLiteral("ERR"));
        QCOMPARE(name(Status::Stop), QStringLiteral("STOP"));
        QCOMPARE(name(Status::Stall), QStringLiteral("STALL"));
        QCOMPARE(name(Status::Rewind), QStringLiteral("REWIND"));
    }
};

QTEST_GUILESS_MAIN(TestLagStatusRules)
#include "tst_lag_status_rules.moc"
