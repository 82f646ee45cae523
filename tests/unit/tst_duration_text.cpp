// SPDX-License-Identifier: GPL-3.0-or-later
// DurationText: the durations cohort-cli takes (--for 30s).

#include "core/util/DurationText.h"

#include <QTest>

using namespace cohort;

class TestDurationText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << QStringLiteral("500ms") << qint64(500);
        QTest::newRow("s") << QStringLiteral("30s") << qint64(30000);
        QTest::newRow("m") << QStringLiteral("2m") << qint64(120000);
        QTest::newRow("h") << QStringLiteral("1h") << qint64(3600000);
        QTest::newRow("combined") << QStringLiteral("1m30s") << qint64(90000);
        QTest::newRow("all") << QStringLiteral("1h2m3s4ms") << qint64(3723004);
        QTest::newRow("zero") << QStringLiteral("0s") << qint64(0);
        QTest::newRow("spaces around") << QStringLiteral(" 10s ") << qint64(10000);
    }
    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = DurationText::parseMs(text);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed.value(), ms);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("bare number") << QStringLiteral("30");
        QTest::newRow("unknown unit") << QStringLiteral("3d");
        QTest::newRow("negative") << QStringLiteral("-5s");
        QTest::newRow("fraction") << QStringLiteral("1.5s");
        QTest::newRow("rising order") << QStringLiteral("30s1m");
        QTest::newRow("unit twice") << QStringLiteral("1s1s");
        QTest::newRow("trailing junk") << QStringLiteral("10sx");
        QTest::newRow("huge") << QStringLiteral("9999999999999h");
    }
    void refused()
    {
        QFETCH(QString, text);
        const auto parsed = DurationText::parseMs(text);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(QStringLiteral("duration")), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestDurationText)
#include "tst_duration_text.moc"
