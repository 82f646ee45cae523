// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli groups watch / rebalance / remove-members without a cluster:
// usage errors (exit 2, saying what to write), the refusal of a read-only
// connection (exit 1, before anything is sent), and the text line of an event.

#include "support/CliRun.h"

#include "app/cli/commands/GroupsWatchCommand.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/rebalance/GroupEvent.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// Nothing listens there: a command that tried to connect would time out, not refuse.
const QString kNowhere = QStringLiteral("127.0.0.1:1");

}   // namespace

class TestCliRebalanceCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listedInHelp()
    {
        const CliRun r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *command : {"groups watch", "groups rebalance", "groups remove-members"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        const CliRun watchHelp = runCli({QStringLiteral("groups"), QStringLiteral("watch"), QStringLiteral("--help")});
        QVERIFY(watchHelp.out.contains(QStringLiteral("--for DURATION")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        const QStringList server{QStringLiteral("--bootstrap-server"), kNowhere};
        QTest::newRow("watch without group") << server + QStringList{QStringLiteral("groups"), QStringLiteral("watch")}
                                             << QStringLiteral("needs a group id");
        QTest::newRow("watch bare number") << server
                                                  + QStringList{QStringLiteral("groups"), QStringLiteral("watch"), QStringLiteral("g"),
                                                                QStringLiteral("--for"), QStringLiteral("30")}
                                           << QStringLiteral("not a duration");
        QTest::newRow("watch csv") << server
                                          + QStringList{QStringLiteral("groups"), QStringLiteral("watch"), QStringLiteral("g"),
                                                        QStringLiteral("--output"), QStringLiteral("csv")}
                                   << QStringLiteral("--output table or --output json");
        QTest::newRow("watch two groups") << server
                                                 + QStringList{QStringLiteral("groups"), QStringLiteral("watch"), QStringLiteral("g"),
                                                               QStringLiteral("h")}
                                          << QStringLiteral("one group");
        QTest::newRow("rebalance without group")
            << server + QStringList{QStringLiteral("groups"), QStringLiteral("rebalance")} << QStringLiteral("needs a group id");
        QTest::newRow("remove nobody") << server
                                              + QStringList{QStringLiteral("groups"), QStringLiteral("remove-members"), QStringLiteral("g")}
                                       << QStringLiteral("--member-id ID or --instance-id ID");
        QTest::newRow("remove without value") << server
                                                     + QStringList{QStringLiteral("groups"), QStringLiteral("remove-members"),
                                                                   QStringLiteral("g"), QStringLiteral("--member-id")}
                                              << QStringLiteral("--member-id needs a member id");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const CliRun r = runCli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void readOnlyConnectionRefusesWrites_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("rebalance") << QStringList{QStringLiteral("groups"), QStringLiteral("rebalance"), QStringLiteral("g")};
        QTest::newRow("remove-members") << QStringList{QStringLiteral("groups"), QStringLiteral("remove-members"), QStringLiteral("g"),
                                                       QStringLiteral("--instance-id"), QStringLiteral("i")};
    }
    void readOnlyConnectionRefusesWrites()
    {
        QFETCH(QStringList, command);
        QTemporaryDir dir;
        ConnectionProfileStore store(dir.filePath(QStringLiteral("cohort.ini")));
        MemorySecretStore secrets;
        ConnectionProfile profile;
        profile.name = QStringLiteral("watch-only");
        profile.bootstrapServers = kNowhere;
        profile.readOnly = true;
        QVERIFY(store.save(profile));
        QElapsedTimer clock;
        clock.start();
        const CliRun r
            = runCli(QStringList{QStringLiteral("--profile"), profile.name, QStringLiteral("--timeout"), QStringLiteral("20000")} + command,
                     cli::CliContext{&store, &secrets});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("read-only")) && r.err.contains(QStringLiteral("Read-only")), qPrintable(r.err));
        QVERIFY2(clock.elapsed() < 10000, "refused only after trying the cluster");
        QVERIFY(r.out.isEmpty());
    }

    void eventTextLine()
    {
        GroupEvent e;
        e.timeMs = 1764590400123;
        e.groupId = QStringLiteral("g");
        e.kind = GroupEventKind::RebalanceCompleted;
        e.state = GroupState::Stable;
        e.generation = 7;
        e.durationMs = 812;
        e.partitionsMoved = 1;
        e.unownedMs = 540;
        const QString line = cli::GroupsWatchCommand::textLine(e);
        QVERIFY2(line.startsWith(QStringLiteral("2025-12-01T12:00:00.123Z  rebalance_completed")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("gen 7")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("took 812 ms; partitions moved: 1; longest without owner 540 ms")), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestCliRebalanceCommands)
#include "tst_cli_rebalance_commands.moc"
