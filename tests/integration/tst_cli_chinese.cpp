// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli in Simplified Chinese, as a user whose LANG is zh_CN.UTF-8 runs
// it (the built binary, against the sandbox): --help and the usage errors come
// out in Chinese, while what scripts written for kafka-consumer-groups.sh read
// stays as Kafka's tool prints it — the table's column headers (GROUP, TOPIC,
// PARTITION, CURRENT-OFFSET, LOG-END-OFFSET, LAG, …), the JSON keys, the
// CSV header and Kafka's own sentences ("Consumer group 'x' does not exist.").
// LANG=C gives the same commands in English, so the Chinese is the language's
// doing and not the catalogue's default.

#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// cohort-cli with `lang` as the only locale variable (LC_ALL, LC_MESSAGES and
// LANGUAGE would win over LANG).
Run cli(const QString &lang, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), lang);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COHORT_BINARY_DIR") + QStringLiteral("/app/cohort-cli"), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("cohort-cli did not finish: ") + p.errorString();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

const QString kZh = QStringLiteral("zh_CN.UTF-8");
const QString kC = QStringLiteral("C");

}   // namespace

class TestCliChinese : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> m_cluster;
    QString m_bootstrap;

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = startSandbox();
        QVERIFY(m_cluster->createTopic(QStringLiteral("zh-events"), 2));
        m_bootstrap = m_cluster->bootstrapServers();
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("zh-events"), 0, 12), QString());
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("zh-events"), 1, 4), QString());
        GroupConsumer c(m_bootstrap, QStringLiteral("zh-group"), {QStringLiteral("zh-events")});
        QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 16), 30000);
        QCOMPARE(c.commitSync(), QString());
        c.close();
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("zh-events"), 0, 3), QString());   // lag 3 on zh-events-0
    }

    void helpIsChinese()
    {
        const Run zh = cli(kZh, {QStringLiteral("--help")});
        QCOMPARE(zh.code, 0);
        QVERIFY2(zh.out.startsWith(QStringLiteral("用法：cohort-cli [全局选项] <名词> <动词> [选项] [参数]")), qPrintable(zh.out));
        QVERIFY2(zh.out.contains(QStringLiteral("命令：")), qPrintable(zh.out));
        QVERIFY2(zh.out.contains(QStringLiteral("全局选项：")), qPrintable(zh.out));
        // Options and command names are what the user types: they stay as they are.
        QVERIFY(zh.out.contains(QLatin1String("--bootstrap-server")));
        QVERIFY(zh.out.contains(QLatin1String("groups describe")));

        const Run en = cli(kC, {QStringLiteral("--help")});
        QCOMPARE(en.code, 0);
        QVERIFY2(en.out.startsWith(QLatin1String("usage: cohort-cli [GLOBAL OPTIONS] <noun> <verb>")), qPrintable(en.out));
        QVERIFY2(!hasChinese(en.out), qPrintable(en.out));

        // A command's own help too.
        const Run command = cli(kZh, {QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("--help")});
        QCOMPARE(command.code, 0);
        QVERIFY2(hasChinese(command.out), qPrintable(command.out));
    }

    void usageErrorsAreChinese()
    {
        const Run unknown = cli(kZh, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("frobnicate")});
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("未知命令 'frobnicate'")), qPrintable(unknown.err));
        const Run verb = cli(kZh, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups")});
        QCOMPARE(verb.code, 2);
        QVERIFY2(verb.err.contains(QStringLiteral("'groups' 需要以下之一：")), qPrintable(verb.err));
        const Run missing = cli(kZh, {QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--bootstrap-server")});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("--bootstrap-server 需要 HOST:PORT")), qPrintable(missing.err));

        const Run en = cli(kC, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("frobnicate")});
        QCOMPARE(en.code, 2);
        QVERIFY2(en.err.contains(QLatin1String("unknown command 'frobnicate'")), qPrintable(en.err));
    }

    // What kafka-consumer-groups.sh --describe prints, column for column, whatever the language.
    void tablesJsonAndKafkaSentencesStayEnglish()
    {
        const QStringList describe{QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                                   QStringLiteral("zh-group")};
        const Run zh = cli(kZh, describe);
        QCOMPARE(zh.code, 0);
        const QStringList lines = zh.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, qPrintable(zh.out));
        const QStringList header = lines.at(0).simplified().split(QLatin1Char(' '));
        QCOMPARE(header.mid(0, 6), (QStringList{QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                                                QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG")}));
        QVERIFY(header.contains(QStringLiteral("CONSUMER-ID")));
        QVERIFY(header.contains(QStringLiteral("CLIENT-ID")));
        // The rows: the offsets the consumer committed and the log ends the producer left.
        QVERIFY2(lines.at(1).simplified().startsWith(QLatin1String("zh-group zh-events 0 12 15 3")), qPrintable(zh.out));
        QVERIFY2(lines.at(2).simplified().startsWith(QLatin1String("zh-group zh-events 1 4 4 0")), qPrintable(zh.out));
        QVERIFY2(!hasChinese(zh.out), qPrintable(zh.out));
        // The same bytes as in English: nothing in a table depends on the language.
        QCOMPARE(zh.out, cli(kC, describe).out);

        const Run json = cli(kZh, describe + QStringList{QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        const QJsonArray rows = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("partitions")).toArray();
        QVERIFY2(!rows.isEmpty(), qPrintable(json.out));
        const QJsonObject row = rows.first().toObject();
        for (const char *key : {"group_id", "topic", "partition", "committed_offset", "end_offset", "lag"})
            QVERIFY2(row.contains(QLatin1String(key)), qPrintable(QString::fromLatin1(key) + QStringLiteral(" in ") + json.out));

        const Run csv = cli(kZh, describe + QStringList{QStringLiteral("--output"), QStringLiteral("csv")});
        QCOMPARE(csv.code, 0);
        QVERIFY2(csv.out.startsWith(QLatin1String("group_id,topic,partition,committed_offset,end_offset,lag,")), qPrintable(csv.out));

        const Run list = cli(kZh, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.startsWith(QLatin1String("GROUP")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QLatin1String("zh-group")), qPrintable(list.out));
        QVERIFY2(!hasChinese(list.out), qPrintable(list.out));

        // Kafka's own sentence, word for word as kafka-consumer-groups.sh prints it.
        const Run nope = cli(kZh, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                                   QStringLiteral("nope")});
        QCOMPARE(nope.code, 1);
        QVERIFY2(nope.err.contains(QLatin1String("Consumer group 'nope' does not exist.")), qPrintable(nope.err));
    }
};

QTEST_GUILESS_MAIN(TestCliChinese)
#include "tst_cli_chinese.moc"
