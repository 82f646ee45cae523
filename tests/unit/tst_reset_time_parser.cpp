// SPDX-License-Identifier: GPL-3.0-or-later
// --to-datetime and --by-duration as kafka-consumer-groups.sh reads them
// (Utils.getDateTime: a time without a zone is UTC; java.time.Duration.parse),
// plus "2h 30m"; time zones and the days the clocks change.
#include "core/reset/ResetTimeParser.h"

#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {
qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}
}   // namespace

class TestResetTimeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zoneless");
        QTest::addColumn<qint64>("expectedMs");
        // kcg's own form: without a zone it appends "Z" (checked on Kafka 4.4: TZ does not change its answer).
        QTest::newRow("kcg, no zone, UTC") << u"2026-03-29T14:30:00.000"_s << u"UTC"_s << utcMs("2026-03-29T14:30:00.000Z");
        QTest::newRow("Z") << u"2026-03-29T14:30:00.000Z"_s << u"Asia/Tokyo"_s << utcMs("2026-03-29T14:30:00.000Z");
        QTest::newRow("+02:00") << u"2026-03-29T14:30:00.000+02:00"_s << u"UTC"_s << utcMs("2026-03-29T12:30:00.000Z");
        QTest::newRow("-0530") << u"2026-03-29T14:30:00.000-0530"_s << u"UTC"_s << utcMs("2026-03-29T20:00:00.000Z");
        QTest::newRow("+05") << u"2026-03-29T14:30:00.000+05"_s << u"UTC"_s << utcMs("2026-03-29T09:30:00.000Z");
        QTest::newRow("no millis") << u"2026-03-29T14:30:05"_s << u"UTC"_s << utcMs("2026-03-29T14:30:05.000Z");
        QTest::newRow("no seconds") << u"2026-03-29T14:30"_s << u"UTC"_s << utcMs("2026-03-29T14:30:00.000Z");
        QTest::newRow("one fraction digit") << u"2026-03-29T14:30:00.5Z"_s << u"UTC"_s << utcMs("2026-03-29T14:30:00.500Z");
        // A zone given for times without one (the window's local zone), around
        // Europe/Berlin's spring change (02:00 CET -> 03:00 CEST, 2026-03-29).
        QTest::newRow("Berlin before the change")
            << u"2026-03-29T01:30:00.000"_s << u"Europe/Berlin"_s << utcMs("2026-03-29T00:30:00.000Z");
        QTest::newRow("Berlin after the change") << u"2026-03-29T03:30:00.000"_s << u"Europe/Berlin"_s << utcMs("2026-03-29T01:30:00.000Z");
        QTest::newRow("Berlin in summer") << u"2026-07-01T12:00:00.000"_s << u"Europe/Berlin"_s << utcMs("2026-07-01T10:00:00.000Z");
        QTest::newRow("New York in winter") << u"2026-12-01T12:00:00.000"_s << u"America/New_York"_s << utcMs("2026-12-01T17:00:00.000Z");
    }
    void dateTimes()
    {
        QFETCH(QString, text);
        QFETCH(QString, zoneless);
        QFETCH(qint64, expectedMs);
        const QTimeZone zone(zoneless.toLatin1());
        QVERIFY(zone.isValid());
        const auto t = ResetTimeParser::parseDateTime(text, zone);
        QVERIFY2(t, qPrintable(t ? QString() : t.error()));
        QCOMPARE(t->toMSecsSinceEpoch(), expectedMs);
    }

    void badDateTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no T") << u"2026-03-29 14:30:00.000"_s;
        QTest::newRow("month 13") << u"2026-13-01T00:00:00.000"_s;
        QTest::newRow("Feb 30") << u"2026-02-30T00:00:00.000"_s;
        QTest::newRow("hour 25") << u"2026-03-01T25:00:00.000"_s;
        QTest::newRow("zone +25") << u"2026-03-01T10:00:00.000+25:00"_s;
        QTest::newRow("words") << u"yesterday"_s;
        QTest::newRow("empty") << QString();
    }
    void badDateTimes()
    {
        QFETCH(QString, text);
        const auto t = ResetTimeParser::parseDateTime(text, QTimeZone::utc());
        QVERIFY(!t);
        QVERIFY(t.error().contains(u"2026-03-29T14:30:00.000"_s));   // says what it takes
    }

    void aLocalTimeTheClocksSkipIsRefused()
    {
        // 02:30 never happened in Berlin on 2026-03-29.
        const auto t = ResetTimeParser::parseDateTime(u"2026-03-29T02:30:00.000"_s, QTimeZone("Europe/Berlin"));
        QVERIFY(!t);
        QVERIFY(t.error().contains(u"does not exist in Europe/Berlin"_s));
        // With its offset it is a time like any other.
        QVERIFY(ResetTimeParser::parseDateTime(u"2026-03-29T02:30:00.000+01:00"_s, QTimeZone("Europe/Berlin")));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        // java.time.Duration.parse's examples and kcg's usage line.
        QTest::newRow("PT1H") << u"PT1H"_s << qint64(3'600'000);
        QTest::newRow("P1DT2H30M") << u"P1DT2H30M"_s << qint64(95'400'000);
        QTest::newRow("PT20.345S") << u"PT20.345S"_s << qint64(20'345);
        QTest::newRow("P2D") << u"P2D"_s << qint64(172'800'000);
        QTest::newRow("lower case") << u"pt15m"_s << qint64(900'000);
        QTest::newRow("-PT6H3M") << u"-PT6H3M"_s << qint64(-21'780'000);
        QTest::newRow("PT-6H+3M") << u"PT-6H+3M"_s << qint64(-21'420'000);
        QTest::newRow("PT0S") << u"PT0S"_s << qint64(0);
        QTest::newRow("2h 30m") << u"2h 30m"_s << qint64(9'000'000);
        QTest::newRow("1d2h") << u"1d2h"_s << qint64(93'600'000);
        QTest::newRow("90s") << u"90s"_s << qint64(90'000);
        QTest::newRow("500ms") << u"500ms"_s << qint64(500);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto d = ResetTimeParser::parseDuration(text);
        QVERIFY2(d, qPrintable(d ? QString() : d.error()));
        QCOMPARE(d.value(), ms);
    }

    void badDurations_data()
    {
        QTest::addColumn<QString>("text");
        // Duration.parse refuses these too.
        QTest::newRow("P") << u"P"_s;
        QTest::newRow("PT") << u"PT"_s;
        QTest::newRow("P1DT") << u"P1DT"_s;
        QTest::newRow("P1H") << u"P1H"_s;
        QTest::newRow("2x") << u"2x"_s;
        QTest::newRow("plain number") << u"2"_s;
        QTest::newRow("empty") << QString();
    }
    void badDurations()
    {
        QFETCH(QString, text);
        const auto d = ResetTimeParser::parseDuration(text);
        QVERIFY(!d);
        QVERIFY(d.error().contains(u"PT2H30M"_s));
    }
};

QTEST_GUILESS_MAIN(TestResetTimeParser)
#include "tst_reset_time_parser.moc"
