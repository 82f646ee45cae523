// SPDX-License-Identifier: GPL-3.0-or-later
// kafka-consumer-groups.sh's offsets CSV: both forms, quoting, and every
// bad file listed line by line with nothing taken from it.
#include "core/reset/OffsetsCsv.h"

#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

ClusterMetadata metadata()
{
    ClusterMetadata md;
    md.topics = {TopicInfo{u"orders"_s, false, {{0, 1, {1}, 0}, {1, 1, {1}, 0}}, 0}, TopicInfo{u"audit"_s, false, {{0, 1, {1}, 0}}, 0}};
    return md;
}

}   // namespace

class TestOffsetsCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneGroupsForm()
    {
        const ClusterMetadata md = metadata();
        // As kcg --export writes it (and a CRLF file, and a trailing blank line).
        const auto parsed = OffsetsCsv::parse(u"orders,0,5\norders,1,7\r\naudit,0,0\n\n"_s, {u"g"_s}, &md);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->value(u"g"_s),
                 (QHash<TopicPartition, qint64>{{{u"orders"_s, 0}, 5}, {{u"orders"_s, 1}, 7}, {{u"audit"_s, 0}, 0}}));
    }

    void severalGroupsForm()
    {
        const auto parsed = OffsetsCsv::parse(u"a,orders,0,5\nb,orders,0,9\n\"c,d\",audit,0,1\n"_s, {u"a"_s, u"b"_s, u"c,d"_s}, nullptr);
        QVERIFY(parsed);
        QCOMPARE(parsed->value(u"a"_s).value({u"orders"_s, 0}), 5);
        QCOMPARE(parsed->value(u"b"_s).value({u"orders"_s, 0}), 9);
        QCOMPARE(parsed->value(u"c,d"_s).value({u"audit"_s, 0}), 1);
    }

    void writtenAsKcgWritesAndReadBack()
    {
        const ResetStrategy::OffsetsByGroup offsets{{u"b"_s, {{{u"orders"_s, 1}, 3}, {{u"orders"_s, 0}, 2}}},
                                                    {u"a \"x\", y"_s, {{{u"audit"_s, 0}, 11}}}};
        QCOMPARE(OffsetsCsv::write({{u"b"_s, offsets.value(u"b"_s)}}, false), u"orders,0,2\norders,1,3\n"_s);
        // kcg (Jackson) quotes a field of more than 24 characters, seen on Kafka 4.4.
        QCOMPARE(OffsetsCsv::write({{u"g"_s, {{{u"a-topic-of-24-characters"_s, 0}, 1}, {{u"a-topic-of-25-characters_"_s, 0}, 2}}}}, true),
                 u"g,a-topic-of-24-characters,0,1\ng,\"a-topic-of-25-characters_\",0,2\n"_s);
        const QString both = OffsetsCsv::write(offsets, true);
        QCOMPARE(both, u"\"a \"\"x\"\", y\",audit,0,11\nb,orders,0,2\nb,orders,1,3\n"_s);
        const auto back = OffsetsCsv::parse(both, offsets.keys(), nullptr);
        QVERIFY(back);
        QCOMPARE(back.value(), offsets);
    }

    void everyBadLineIsListed()
    {
        const ClusterMetadata md = metadata();
        const QString file = u"orders,0,5\n"         // 1 good
                             "orders,0\n"            // 2 too few columns
                             "orders,x,5\n"          // 3 partition not a number
                             "orders,1,five\n"       // 4 offset not a number
                             "orders,1,-3\n"         // 5 negative offset
                             "orders,-1,3\n"         // 6 negative partition
                             "orders,0,6\n"          // 7 duplicate of line 1
                             "nope,0,1\n"            // 8 unknown topic
                             "audit,4,1\n"           // 9 partition that does not exist
                             "g,orders,1,2\n"        // 10 four columns in a three-column file
                             "orders,1,2,3,4\n"_s;   // 11 too many columns
        const auto parsed = OffsetsCsv::parse(file, {u"g"_s}, &md);
        QVERIFY(!parsed);
        QList<int> lines;
        for (const OffsetsCsv::Error &e : parsed.error())
            lines << e.line;
        QCOMPARE(lines, (QList<int>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
        const QString said = OffsetsCsv::describe(parsed.error());
        QVERIFY(said.contains(u"line 2: expected 3 columns (topic,partition,offset) or 4 (group,topic,partition,offset), found 2"_s));
        QVERIFY(said.contains(u"line 3: partition 'x' is not a number"_s));
        QVERIFY(said.contains(u"line 4: offset 'five' is not a number"_s));
        QVERIFY(said.contains(u"line 5: offset -3 is negative"_s));
        QVERIFY(said.contains(u"line 6: partition -1 is negative"_s));
        QVERIFY(said.contains(u"line 7: orders-0 of group 'g' is already on line 1"_s));
        QVERIFY(said.contains(u"line 8: topic 'nope' does not exist"_s));
        QVERIFY(said.contains(u"line 9: topic 'audit' has no partition 4 (it has 1 partition"_s));
        QVERIFY(said.contains(u"line 10: expected 3 columns as on line 1, found 4"_s));
        QVERIFY(said.contains(u"line 11: expected 3 columns (topic,partition,offset) or 4 (group,topic,partition,offset), found 5"_s));
    }

    void groupsThatAreNotSelected()
    {
        const auto parsed = OffsetsCsv::parse(u"a,orders,0,5\nzzz,orders,0,5\n"_s, {u"a"_s, u"b"_s}, nullptr);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().size(), 1);
        QCOMPARE(parsed.error().first().line, 2);
        QVERIFY(parsed.error().first().message.contains(u"group 'zzz' is not one of the groups being reset (a, b)"_s));
        // Three columns cannot say whose offsets they are when several groups are reset.
        const auto ambiguous = OffsetsCsv::parse(u"orders,0,5\n"_s, {u"a"_s, u"b"_s}, nullptr);
        QVERIFY(!ambiguous);
        QVERIFY(ambiguous.error().first().message.contains(u"use four columns"_s));
    }

    void emptyFilesAndOpenQuotes()
    {
        const auto empty = OffsetsCsv::parse(u"\n\n"_s, {u"g"_s}, nullptr);
        QVERIFY(!empty);
        QCOMPARE(empty.error().first().line, 0);
        const auto open = OffsetsCsv::parse(u"\"orders,0,5\n"_s, {u"g"_s}, nullptr);
        QVERIFY(!open);
        QVERIFY(open.error().first().message.contains(u"quote"_s));
    }
};

QTEST_GUILESS_MAIN(TestOffsetsCsv)
#include "tst_offsets_csv.moc"
