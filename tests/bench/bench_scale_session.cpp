// SPDX-License-Identifier: GPL-3.0-or-later
// The whole window at scale: a real MainWindow (offscreen, Groups page shown)
// on a real ClusterSession over the sandbox's synthetic groups, its lag
// history kept in a file as the app keeps it. For each size it prints, in one
// JSON line: the first refresh (cold: connections, API versions) and the
// warm ones (wall time from refreshNow to snapshotReady, and the loader's own
// duration), requests per warm refresh by API (counted in this process), the
// resident memory after each refresh once it is applied, and the longest
// turn of the GUI thread's event loop from refreshNow until every consumer
// of the snapshot is done (the carry-forward, the lag history, the Groups
// and Topics models, the proxies, the repaint), with the five longest.
//
// Each size runs in a child process of its own, so that memory figures are
// that size's alone. --compare-kcg N times Kafka's kafka-consumer-groups
// --describe --all-groups (scripts/kafka-tool.sh) N times on the same
// sandbox, and cohort-cli groups describe --all-groups beside it.
//
// Usage: bench_scale_session [--sizes 2000:200:100,10000:1000:100] [--refreshes 5] [--compare-kcg N]
//        (a size is groups:topics:partitions-per-topic; each group reads one topic)

#include "ClientRequestCounter.h"
#include "ProcessStats.h"
#include "SandboxProcess.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"
#include "models/GroupTableModel.h"
#include "ui/MainWindow.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <utility>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

// The GUI thread's busy time, from every event it delivers at the top level
// (timers, posted calls such as a future's continuation, paints, input): a
// turn is one pass of the event loop (one processEvents), the time it spent
// delivering, waiting excluded.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        // notify() delivers every thread's events (the history writer's
        // timer, pool threads' signals): only the GUI thread's are its turns.
        if (QThread::currentThread() != thread() || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const bool r = QApplication::notify(receiver, event);
        const qint64 us = t.nsecsElapsed() / 1000;
        --m_depth;
        m_passUs += us;
        if (us > m_longestEventUs) {
            m_longestEventUs = us;
            // What it was, to find who holds the thread: the receiver's class
            // (a queued call's context object, a timer's owner) and the event.
            // (A timer's owner says whose it is: the parent's class.)
            m_longestEventWhat = QString::fromLatin1(receiver->metaObject()->className()) + u' '
                               + (receiver->objectName().isEmpty() ? QString() : receiver->objectName() + u' ')
                               + (receiver->parent() ? u"of "_s + QString::fromLatin1(receiver->parent()->metaObject()->className()) + u' '
                                                     : QString())
                               + u"event "_s + QString::number(int(event->type()));
        }
        return r;
    }
    qint64 takePassUs() { return std::exchange(m_passUs, 0); }
    qint64 takeLongestEventUs() { return std::exchange(m_longestEventUs, 0); }
    QString takeLongestEventWhat() { return std::exchange(m_longestEventWhat, {}); }

private:
    int m_depth = 0;
    qint64 m_passUs = 0;
    qint64 m_longestEventUs = 0;
    QString m_longestEventWhat;
};

TimedApplication *timedApp()
{
    return static_cast<TimedApplication *>(QCoreApplication::instance());
}

// The turns of a measured stretch: each pass's busy time (µs).
class TurnRecorder
{
public:
    void begin()
    {
        m_turns.clear();
        timedApp()->takePassUs();
        timedApp()->takeLongestEventUs();
        timedApp()->takeLongestEventWhat();
        m_recording = true;
        m_own.start();
    }
    // The caller's own work at the start (the call that starts the refresh) is a turn too.
    void ownTurnDone() { m_turns.append(m_own.nsecsElapsed() / 1000); }
    void pass()
    {
        const qint64 us = timedApp()->takePassUs();
        if (m_recording)
            m_turns.append(us);
    }
    QList<qint64> end(qint64 *longestEventUs, QString *longestEventWhat)
    {
        m_recording = false;
        *longestEventUs = timedApp()->takeLongestEventUs();
        *longestEventWhat = timedApp()->takeLongestEventWhat();
        std::sort(m_turns.begin(), m_turns.end(), std::greater<>());
        return m_turns;
    }

private:
    QElapsedTimer m_own;
    QList<qint64> m_turns;
    bool m_recording = false;
};

TurnRecorder *g_turns = nullptr;

// One pass of the event loop, asleep until something happens: the
// processEvents overload with a time runs passes without waiting until the
// time is up (WaitForMoreEvents does not apply to it), which would spin the
// GUI thread and take a core from the loader and the sandbox. A timer wakes
// the pass up at least every 20 ms so that deadlines are seen.
void onePass()
{
    static QTimer *wake = [] {
        auto *t = new QTimer(QCoreApplication::instance());
        t->start(20);
        return t;
    }();
    Q_UNUSED(wake);
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (g_turns)
        g_turns->pass();
}

// Runs the event loop until `done` or the deadline, one pass at a time.
template<typename Done>
bool waitUntil(Done done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        onePass();
    }
    return true;
}

void settle(int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        onePass();
}

QJsonObject spread(QList<qint64> v)
{
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    QJsonArray all;
    for (qint64 x : std::as_const(v))
        all.append(x);
    return {{u"median"_s, v.at(v.size() / 2)}, {u"min"_s, v.first()}, {u"max"_s, v.last()}, {u"all"_s, all}};
}

QJsonArray ms(const QList<qint64> &us, int n)
{
    QJsonArray out;
    for (int i = 0; i < qMin<qsizetype>(n, us.size()); ++i)
        out.append(qRound(us.at(i) / 100.0) / 10.0);
    return out;
}

struct Size
{
    int groups = 0, topics = 0, partitionsPerTopic = 0;
    static std::optional<Size> parse(const QString &s)
    {
        const QStringList p = s.split(QLatin1Char(':'));
        if (p.size() != 3)
            return std::nullopt;
        Size out{p.at(0).toInt(), p.at(1).toInt(), p.at(2).toInt()};
        if (out.groups <= 0 || out.topics <= 0 || out.partitionsPerTopic <= 0)
            return std::nullopt;
        return out;
    }
    QString text() const { return u"%1:%2:%3"_s.arg(groups).arg(topics).arg(partitionsPerTopic); }
};

int fail(const QString &why)
{
    std::fprintf(stderr, "bench_scale_session: %s\n", qPrintable(why));
    return 1;
}

// One size, in this process.
int runOne(const Size &size, int refreshes, int kcgRuns, const QString &kafkaTool)
{
    test::ClientRequestCounter &counter = test::ClientRequestCounter::instance();
    QElapsedTimer step;
    step.start();
    test::SandboxProcess sandbox;
    QString error;
    if (!sandbox.start({u"--quiet"_s, u"--synthetic-groups"_s, QString::number(size.groups), u"--synthetic-topics"_s,
                        QString::number(size.topics), u"--synthetic-partitions"_s, QString::number(size.partitionsPerTopic)},
                       &error))
        return fail(error);
    const qint64 sandboxStartMs = step.restart();
    if (!counter.start(&error))
        return fail(error);
    const double rssStart = test::residentMiB();

    auto made = RdKafkaClusterClient::create(
        RdKafkaClusterClient::Properties{{u"bootstrap.servers"_s, sandbox.bootstrapServers()}} + test::ClientRequestCounter::librdkafkaProperties(),
        30000);
    if (!made)
        return fail(made.error().toString());
    std::shared_ptr<ClusterSession> session = ClusterSession::share(new ClusterSession(made.value(), u"scale"_s));
    session->setRequestTimeoutMs(30000);
    QTemporaryDir dir;
    session->attachHistory(dir.filePath(u"history.sqlite"_s));

    TurnRecorder turns;
    g_turns = &turns;
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.showGroups();
    QCoreApplication::processEvents();
    GroupTableModel *model = window.groupModel();
    LagHistory *history = session->lagHistory();
    ClusterMonitor *monitor = session->monitor();

    bool ready = false;
    QElapsedTimer wall;
    QObject::connect(monitor, &ClusterMonitor::snapshotReady, &window, [&] { ready = true; });
    auto applied = [&] { return ready && !model->isApplying() && !history->isApplying() && !monitor->isRefreshing(); };

    struct Refresh
    {
        qint64 wallMs = 0, loaderMs = 0;
        QList<qint64> turnsUs;
        qint64 longestEventUs = 0;
        QString longestEventWhat;
        double rss = 0;
        double heap = 0;
    };
    auto refresh = [&](bool first) -> std::optional<Refresh> {
        Refresh r;
        ready = false;
        turns.begin();
        wall.start();
        if (first) {
            window.setSession(session);   // starts the session: its first refresh
            monitor->setPaused(true);     // the rest when this bench says
        } else {
            monitor->refreshNow();
        }
        turns.ownTurnDone();
        if (!waitUntil([&] { return ready; }, 300000))
            return std::nullopt;
        r.wallMs = wall.elapsed();
        r.loaderMs = session->snapshot().durationMs;
        if (!waitUntil(applied, 120000))
            return std::nullopt;
        settle(300);   // what the consumers left for later turns (lag columns, repaint)
        r.turnsUs = turns.end(&r.longestEventUs, &r.longestEventWhat);
        r.rss = test::residentMiB();
        r.heap = test::heapInUseMiB();
        return r;
    };

    const std::optional<Refresh> cold = refresh(true);
    if (!cold)
        return fail(u"the first refresh did not end within 5 min"_s);
    QList<qint64> warmWall, warmLoader, longestTurnUs, longestEventUs;
    QJsonArray rssAfter{cold->rss}, heapAfter{cold->heap}, turnsTop, longestEventWhat;
    QHash<QString, qint64> requests;
    for (int i = 0; i < refreshes; ++i) {
        const QHash<QString, qint64> before = counter.counts();
        const std::optional<Refresh> r = refresh(false);
        if (!r)
            return fail(u"refresh %1 did not end in time"_s.arg(i + 2));
        const QHash<QString, qint64> after = counter.counts();
        if (i == refreshes - 1) {
            for (const QString &api : {u"Metadata"_s, u"ListGroups"_s, u"DescribeGroups"_s, u"FindCoordinator"_s, u"OffsetFetch"_s,
                                       u"ListOffsets"_s, u"total"_s})
                requests.insert(api, 0);
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                if (const qint64 n = it.value() - before.value(it.key()); n > 0)
                    requests.insert(it.key(), n);
        }
        warmWall.append(r->wallMs);
        warmLoader.append(r->loaderMs);
        longestTurnUs.append(r->turnsUs.value(0));
        longestEventUs.append(r->longestEventUs);
        longestEventWhat.append(r->longestEventWhat);
        turnsTop.append(ms(r->turnsUs, 5));
        rssAfter.append(r->rss);
        heapAfter.append(r->heap);
    }

    const ClusterSnapshot &last = session->snapshot();
    qint64 rows = 0;
    for (const GroupSnapshot &g : last.groups)
        rows += g.partitions.size();

    QJsonObject out{
        {u"bench"_s, u"scale_session"_s},
        {u"size"_s, size.text()},
        {u"groups"_s, qint64(last.groups.size())},
        {u"partitions"_s, qint64(size.topics) * size.partitionsPerTopic},
        {u"group_partition_rows"_s, rows},
        {u"model_rows"_s, model->rowCount()},
        {u"sandbox_start_ms"_s, sandboxStartMs},
        {u"cold_refresh_wall_ms"_s, cold->wallMs},
        {u"cold_refresh_loader_ms"_s, cold->loaderMs},
        {u"cold_longest_turn_ms"_s, ms(cold->turnsUs, 5)},
        {u"warm_refresh_wall_ms"_s, spread(warmWall)},
        {u"warm_refresh_loader_ms"_s, spread(warmLoader)},
        {u"warm_longest_turn_us"_s, spread(longestTurnUs)},
        {u"warm_longest_turns_ms"_s, turnsTop},
        {u"warm_longest_event_us"_s, spread(longestEventUs)},
        {u"warm_longest_event_what"_s, longestEventWhat},
        {u"cold_longest_event_what"_s, cold->longestEventWhat},
        {u"requests_per_refresh"_s, [&] {
             QJsonObject o;
             for (auto it = requests.cbegin(); it != requests.cend(); ++it)
                 o.insert(it.key(), it.value());
             return o;
         }()},
        {u"rss_mib_start"_s, rssStart},
        {u"rss_mib_after_each_refresh"_s, rssAfter},
        {u"heap_mib_after_each_refresh"_s, heapAfter},
        {u"rss_mib_peak"_s, test::peakResidentMiB()},
        {u"history_groups"_s, qint64(history->groups().size())},
    };

    if (kcgRuns > 0) {
        const QString cohortCli = test::builtBinary(u"app/cohort-cli"_s);
        const QStringList server{u"--bootstrap-server"_s, sandbox.bootstrapServers()};
        struct Tool
        {
            QString key, program;
            QStringList args;
            QList<qint64> ms;
            int exit = -1;
            qint64 lines = 0;
        };
        QList<Tool> tools{
            {u"kafka_describe_all"_s, kafkaTool,
             QStringList{u"kafka-consumer-groups"_s} + server + QStringList{u"--describe"_s, u"--all-groups"_s}, {}, -1, 0},
            {u"cohort_groups_describe_all"_s, cohortCli, server + QStringList{u"groups"_s, u"describe"_s, u"--all-groups"_s}, {}, -1, 0},
        };
        for (int run = 0; run < kcgRuns; ++run)
            for (Tool &t : tools) {
                QProcess p;
                QElapsedTimer timer;
                timer.start();
                p.start(t.program, t.args);
                if (!p.waitForStarted(30000))
                    return fail(t.program + u": "_s + p.errorString());
                p.waitForFinished(900000);
                t.ms.append(timer.elapsed());
                t.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
                t.lines = p.readAllStandardOutput().count('\n');
                if (t.exit != 0)
                    std::fprintf(stderr, "bench_scale_session: %s exited %d: %s\n", qPrintable(t.key), t.exit,
                                 p.readAllStandardError().right(400).constData());
            }
        QJsonObject cli;
        for (const Tool &t : std::as_const(tools)) {
            QJsonObject o = spread(t.ms);
            o.insert(u"exit"_s, t.exit);
            o.insert(u"output_lines"_s, t.lines);
            cli.insert(t.key, o);
        }
        out.insert(u"cli"_s, cli);
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    counter.counts();
    return 0;
}

}   // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption sizesOpt(u"sizes"_s, u"groups:topics:partitions-per-topic, comma-separated."_s, u"LIST"_s,
                                u"2000:200:100,10000:1000:100"_s);
    QCommandLineOption refreshesOpt(u"refreshes"_s, u"Warm refreshes after the first."_s, u"N"_s, u"5"_s);
    QCommandLineOption kcgOpt(u"compare-kcg"_s, u"Runs of kafka-consumer-groups --describe --all-groups per size."_s, u"N"_s, u"0"_s);
    QCommandLineOption kafkaToolOpt(u"kafka-tool"_s, u"scripts/kafka-tool.sh."_s, u"PATH"_s,
                                    qEnvironmentVariableIsEmpty("COHORT_SOURCE_DIR")
                                        ? QStringLiteral(COHORT_SOURCE_TREE "/scripts/kafka-tool.sh")
                                        : qEnvironmentVariable("COHORT_SOURCE_DIR") + u"/scripts/kafka-tool.sh"_s);
    QCommandLineOption oneOpt(u"one"_s, u"(internal) Run this one size in this process."_s, u"SIZE"_s);
    parser.addOptions({sizesOpt, refreshesOpt, kcgOpt, kafkaToolOpt, oneOpt});
    parser.process(app);
    const int refreshes = qMax(1, parser.value(refreshesOpt).toInt());
    const int kcgRuns = qMax(0, parser.value(kcgOpt).toInt());

    if (parser.isSet(oneOpt)) {
        const std::optional<Size> size = Size::parse(parser.value(oneOpt));
        if (!size)
            return fail(u"bad size: "_s + parser.value(oneOpt));
        return runOne(*size, refreshes, kcgRuns, parser.value(kafkaToolOpt));
    }

    QJsonArray results;
    for (const QString &s : parser.value(sizesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!Size::parse(s))
            return fail(u"bad size (groups:topics:partitions-per-topic): "_s + s);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--one"_s, s, u"--refreshes"_s, QString::number(refreshes), u"--compare-kcg"_s, QString::number(kcgRuns),
                     u"--kafka-tool"_s, parser.value(kafkaToolOpt)});
        if (!child.waitForStarted(30000) || !child.waitForFinished(3600000))
            return fail(u"the run of %1 did not finish"_s.arg(s));
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            return fail(u"the run of %1 failed (see above)"_s.arg(s));
        const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
        results.append(QJsonDocument::fromJson(lines.last()).object());
    }
    QJsonObject out{{u"bench"_s, u"scale_session"_s},
                    {u"refreshes"_s, refreshes},
                    {u"goal_refresh_ms"_s, 2000},
                    {u"goal_rss_mib"_s, 400},
                    {u"goal_gui_turn_ms"_s, 16},
                    {u"sizes"_s, results}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
