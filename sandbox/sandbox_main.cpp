// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-sandbox: a Kafka-compatible cluster in one process, for tests, demos
// and fault drills. See --help for flags and the control commands on stdin.

#include "sandbox/SandboxCluster.h"
#include "sandbox/demo/DemoWorkload.h"
#include "sandbox/protocol/SupportedApis.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace cohort::ApiKey;

using namespace cohort::sandbox;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

const char kControlHelp[] = "Control commands (one per line on stdin; each answers one line 'ok ...' or 'error ...'):\n"
                            "  status                                   brokers, topics, groups\n"
                            "  requests                                 requests served so far, per API\n"
                            "  stop-broker K | start-broker K           close / reopen broker K's listener\n"
                            "  latency K MS                             add MS to every response of broker K (0 clears)\n"
                            "  inject-error API_KEY ERROR_CODE COUNT [K]  answer the next COUNT requests of an API with an error\n"
                            "  move-coordinator GROUP K                 make broker K coordinate GROUP\n"
                            "  clear-faults                             end every fault, restart stopped brokers\n"
                            "  create-topic NAME PARTITIONS\n"
                            "  quit\n";

QString handleCommand(SandboxCluster &cluster, const QString &line, bool *quit)
{
    const QStringList w = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (w.isEmpty())
        return {};
    const QString cmd = w.first();
    auto intArg = [&](int i, bool *ok) { return i < w.size() ? w.at(i).toInt(ok) : (*ok = false, 0); };
    bool ok1 = false, ok2 = false, ok3 = false;
    if (cmd == QLatin1String("quit")) {
        *quit = true;
        return QStringLiteral("ok bye");
    }
    if (cmd == QLatin1String("status")) {
        QStringList brokers;
        for (int id : cluster.brokerIds())
            brokers << QStringLiteral("%1:%2:%3")
                           .arg(id)
                           .arg(cluster.brokerPort(id))
                           .arg(cluster.isBrokerUp(id) ? QStringLiteral("up") : QStringLiteral("down"));
        return QStringLiteral("ok brokers=%1 controller=%2 topics=%3 groups=%4 connections=%5")
            .arg(brokers.join(QLatin1Char(',')))
            .arg(cluster.controllerId())
            .arg(cluster.topics().size())
            .arg(cluster.groupIds().size())
            .arg(cluster.connectionCount());
    }
    if (cmd == QLatin1String("requests")) {
        QStringList counts{QStringLiteral("total=%1").arg(cluster.requestCount())};
        for (const ApiVersionRange &api : kSupportedApis)
            if (const qint64 n = cluster.requestCount(api.key); n > 0)
                counts << QStringLiteral("%1=%2").arg(QLatin1String(api.name)).arg(n);
        return QStringLiteral("ok ") + counts.join(QLatin1Char(' '));
    }
    if (cmd == QLatin1String("stop-broker") || cmd == QLatin1String("start-broker")) {
        const int k = intArg(1, &ok1);
        if (!ok1 || !cluster.brokerIds().contains(k))
            return QStringLiteral("error unknown broker; brokers are %1").arg(cluster.brokerIds().size());
        cmd == QLatin1String("stop-broker") ? cluster.stopBroker(k) : cluster.startBroker(k);
        return QStringLiteral("ok broker %1 %2").arg(k).arg(cluster.isBrokerUp(k) ? QStringLiteral("up") : QStringLiteral("down"));
    }
    if (cmd == QLatin1String("latency")) {
        const int k = intArg(1, &ok1), ms = intArg(2, &ok2);
        if (!ok1 || !ok2 || ms < 0)
            return QStringLiteral("error usage: latency K MS");
        cluster.setLatency(k, ms);
        return QStringLiteral("ok latency %1 ms on broker %2").arg(ms).arg(k);
    }
    if (cmd == QLatin1String("inject-error")) {
        const int api = intArg(1, &ok1), code = intArg(2, &ok2), count = intArg(3, &ok3);
        bool ok4 = true;
        const int broker = w.size() > 4 ? w.at(4).toInt(&ok4) : -1;
        if (!ok1 || !ok2 || !ok3 || !ok4 || count <= 0 || !findApi(qint16(api)))
            return QStringLiteral("error usage: inject-error API_KEY ERROR_CODE COUNT [BROKER] (API_KEY must be served)");
        cluster.injectError(qint16(api), qint16(code), count, broker);
        return QStringLiteral("ok next %1 requests of API %2 fail with %3").arg(count).arg(api).arg(code);
    }
    if (cmd == QLatin1String("move-coordinator")) {
        const int k = intArg(2, &ok1);
        if (w.size() != 3 || !ok1 || !cluster.brokerIds().contains(k))
            return QStringLiteral("error usage: move-coordinator GROUP K");
        cluster.moveCoordinator(w.at(1), k);
        return QStringLiteral("ok %1 coordinated by broker %2").arg(w.at(1)).arg(k);
    }
    if (cmd == QLatin1String("clear-faults")) {
        cluster.clearFaults();
        return QStringLiteral("ok faults cleared");
    }
    if (cmd == QLatin1String("create-topic")) {
        const int n = intArg(2, &ok1);
        QString error;
        if (w.size() != 3 || !ok1)
            return QStringLiteral("error usage: create-topic NAME PARTITIONS");
        if (!cluster.createTopic(w.at(1), n, &error))
            return QStringLiteral("error ") + error;
        return QStringLiteral("ok topic %1 with %2 partitions").arg(w.at(1)).arg(n);
    }
    return QStringLiteral("error unknown command '%1' (see --help)").arg(cmd);
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cohort-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COHORT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A Kafka-compatible cluster in one process, for tests and demos.\n\n")
        + QString::fromLatin1(kControlHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption brokersOpt(QStringLiteral("brokers"), QCoreApplication::translate("main", "Number of brokers (default 3)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption portBaseOpt(QStringLiteral("port-base"),
                                         QCoreApplication::translate("main", "Broker k listens on P+k-1 (default: ephemeral ports)."),
                                         QStringLiteral("P"));
    const QCommandLineOption topicOpt(QStringLiteral("topic"), QCoreApplication::translate("main", "Create a topic (repeatable)."),
                                      QStringLiteral("NAME:PARTITIONS"));
    const QCommandLineOption noAutoOpt(QStringLiteral("no-auto-create"),
                                       QCoreApplication::translate("main", "Do not create topics on Metadata requests."));
    const QCommandLineOption delayOpt(QStringLiteral("initial-rebalance-delay-ms"),
                                      QCoreApplication::translate("main", "group.initial.rebalance.delay.ms (default 3000)."),
                                      QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption retentionOpt(QStringLiteral("retention-bytes"),
                                          QCoreApplication::translate("main", "Per-partition byte cap (default 64 MiB)."),
                                          QStringLiteral("BYTES"));
    const QCommandLineOption saslOpt(QStringLiteral("sasl-user"),
                                     QCoreApplication::translate("main", "Require SASL/PLAIN and accept this user (repeatable)."),
                                     QStringLiteral("USER:PASSWORD"));
    const QCommandLineOption syntheticOpt(QStringLiteral("synthetic-groups"),
                                          QCoreApplication::translate("main", "Pre-populate N synthetic groups (scale fixture)."),
                                          QStringLiteral("N"));
    const QCommandLineOption syntheticTopicsOpt(QStringLiteral("synthetic-topics"),
                                                QCoreApplication::translate("main", "Topics the synthetic groups read (default 200)."),
                                                QStringLiteral("T"), QStringLiteral("200"));
    const QCommandLineOption syntheticPartitionsOpt(QStringLiteral("synthetic-partitions"),
                                                    QCoreApplication::translate("main", "Partitions per synthetic topic (default 100)."),
                                                    QStringLiteral("P"), QStringLiteral("100"));
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"), QCoreApplication::translate("main", "Run the demo workload: producers and consumer groups of every kind."));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"), QCoreApplication::translate("main", "Do not log connections to stderr."));
    parser.addOptions({brokersOpt, portBaseOpt, topicOpt, noAutoOpt, delayOpt, retentionOpt, saslOpt, syntheticOpt, syntheticTopicsOpt,
                       syntheticPartitionsOpt, demoOpt, quietOpt});
    parser.process(app);

    auto fail = [](const QString &message) {
        QTextStream(stderr) << "cohort-sandbox: " << message << '\n';
        return 2;
    };
    SandboxConfig config;
    bool ok = false;
    config.brokers = parser.value(brokersOpt).toInt(&ok);
    if (!ok || config.brokers < 1 || config.brokers > 64)
        return fail(QCoreApplication::translate("main", "--brokers takes a number from 1 to 64"));
    if (parser.isSet(portBaseOpt)) {
        const int p = parser.value(portBaseOpt).toInt(&ok);
        if (!ok || p < 1 || p + config.brokers > 65535)
            return fail(QCoreApplication::translate("main", "--port-base takes a port from 1 to %1").arg(65535 - config.brokers));
        config.portBase = quint16(p);
    }
    for (const QString &t : parser.values(topicOpt)) {
        const int colon = t.lastIndexOf(QLatin1Char(':'));
        const int n = colon > 0 ? t.mid(colon + 1).toInt(&ok) : 0;
        if (colon <= 0 || !ok || n < 1)
            return fail(QCoreApplication::translate("main", "--topic takes NAME:PARTITIONS, e.g. orders:6 (got '%1')").arg(t));
        config.topics.append({t.left(colon), n});
    }
    config.autoCreateTopics = !parser.isSet(noAutoOpt);
    config.initialRebalanceDelayMs = parser.value(delayOpt).toInt(&ok);
    if (!ok || config.initialRebalanceDelayMs < 0)
        return fail(QCoreApplication::translate("main", "--initial-rebalance-delay-ms takes a number of milliseconds"));
    if (parser.isSet(demoOpt))
        config.retentionBytesPerPartition = DemoWorkload::kRetentionBytesPerPartition;
    if (parser.isSet(retentionOpt)) {
        config.retentionBytesPerPartition = parser.value(retentionOpt).toLongLong(&ok);
        if (!ok || config.retentionBytesPerPartition < 1024)
            return fail(QCoreApplication::translate("main", "--retention-bytes takes a number of bytes (at least 1024)"));
    }
    for (const QString &u : parser.values(saslOpt)) {
        const int colon = u.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QCoreApplication::translate("main", "--sasl-user takes USER:PASSWORD"));
        config.saslPlainUsers.insert(u.left(colon), u.mid(colon + 1));
    }
    config.logToStderr = !parser.isSet(quietOpt);

    SandboxCluster cluster(config);
    if (config.logToStderr)
        QObject::connect(&cluster, &SandboxCluster::logLine, &app, [](const QString &line) { QTextStream(stderr) << line << '\n'; });
    QString error;
    if (!cluster.start(&error)) {
        QTextStream(stderr) << "cohort-sandbox: " << error << '\n';
        return 1;
    }
    if (parser.isSet(syntheticOpt)) {
        SyntheticGroupSpec spec;
        spec.groups = parser.value(syntheticOpt).toInt(&ok);
        if (!ok || spec.groups < 1)
            return fail(QCoreApplication::translate("main", "--synthetic-groups takes a positive number"));
        spec.topics = parser.value(syntheticTopicsOpt).toInt(&ok);
        if (!ok || spec.topics < 1)
            return fail(QCoreApplication::translate("main", "--synthetic-topics takes a positive number"));
        spec.partitionsPerTopic = parser.value(syntheticPartitionsOpt).toInt(&ok);
        if (!ok || spec.partitionsPerTopic < 1 || spec.partitionsPerTopic > 10000)
            return fail(QCoreApplication::translate("main", "--synthetic-partitions takes a number from 1 to 10000"));
        cluster.addSyntheticGroups(spec);
    }
    std::unique_ptr<DemoWorkload> demo;
    if (parser.isSet(demoOpt)) {
        demo = std::make_unique<DemoWorkload>(cluster);
        if (!demo->start(&error)) {
            QTextStream(stderr) << "cohort-sandbox: demo: " << error << '\n';
            return 1;
        }
    }

    {
        QTextStream out(stdout);
        out << "bootstrap.servers=" << cluster.bootstrapServers() << Qt::endl;
    }

    // SIGINT/SIGTERM end the event loop through a self-pipe (async-signal-safe).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *sn = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(sn, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    // Control commands on stdin; EOF (CI, a closed pipe) leaves the broker running.
    auto *stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
    QObject::connect(stdinNotifier, &QSocketNotifier::activated, &app, [&cluster, stdinNotifier] {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf - 1);
        if (n <= 0) {
            stdinNotifier->setEnabled(false);
            return;
        }
        static QByteArray pending;
        pending.append(buf, n);
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl)).trimmed();
            pending.remove(0, nl + 1);
            bool quit = false;
            const QString answer = handleCommand(cluster, line, &quit);
            if (!answer.isEmpty())
                QTextStream(stdout) << answer << Qt::endl;
            if (quit)
                QCoreApplication::quit();
        }
    });

    const int rc = app.exec();
    if (demo)
        demo->stop();
    cluster.stop();
    return rc;
}
