// SPDX-License-Identifier: GPL-3.0-or-later
// OptionalInt64 stands in for std::optional<qint64> in the snapshot's million
// partitions: it must read, compare and convert exactly as the optional it
// replaces, for every value Kafka gives (offsets and lags from -1 up to the
// largest qint64), in half the bytes.

#include "core/util/OptionalInt64.h"

#include <QTest>

using namespace cohort;

class TestOptionalInt64 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void halfTheSizeOfStdOptional()
    {
        QCOMPARE(sizeof(OptionalInt64), size_t(8));
        QCOMPARE(sizeof(std::optional<qint64>), size_t(16));
    }

    void readsAsTheOptionalItReplaces_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::newRow("-1 (no offset, as OffsetFetch says)") << qint64(-1);
        QTest::newRow("0") << qint64(0);
        QTest::newRow("a trillion") << qint64(1'000'000'000'000);
        QTest::newRow("largest") << std::numeric_limits<qint64>::max();
        QTest::newRow("one above the none value") << std::numeric_limits<qint64>::min() + 1;
    }
    void readsAsTheOptionalItReplaces()
    {
        QFETCH(qint64, value);
        const OptionalInt64 v = value;
        QVERIFY(v.has_value());
        QVERIFY(bool(v));
        QCOMPARE(*v, value);
        QCOMPARE(v.value_or(7), value);
        QVERIFY(v == value);
        QVERIFY(v == std::optional<qint64>(value));
        QVERIFY(std::optional<qint64>(value) == v);
        QVERIFY(!(v == std::nullopt));
        QCOMPARE(std::optional<qint64>(v), std::optional<qint64>(value));
        const OptionalInt64 back = std::optional<qint64>(value);
        QVERIFY(back == v);
    }

    void noneIsNone()
    {
        const OptionalInt64 none;
        QVERIFY(!none.has_value());
        QVERIFY(!none);
        QCOMPARE(none.value_or(42), qint64(42));
        QVERIFY(none == std::nullopt);
        QVERIFY(none == std::optional<qint64>());
        QVERIFY(!(none == qint64(0)));
        QVERIFY(!(none == OptionalInt64(0)));
        QCOMPARE(std::optional<qint64>(none), std::nullopt);
        OptionalInt64 set = 5;
        set = std::nullopt;
        QVERIFY(!set);
        set = 9;
        set.reset();
        QVERIFY(set == OptionalInt64());
        const int small = 3;   // other integer types as qint64 would
        QVERIFY(OptionalInt64(small) == 3);
    }
};

QTEST_GUILESS_MAIN(TestOptionalInt64)
#include "tst_optional_int64.moc"
