// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsLagCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/lag/LagAssessor.h"
#include "core/lag/LagHistory.h"
#include "core/util/DurationText.h"
#include "core/util/EventLoopWait.h"
#include "core/wire/ErrorCode.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>

namespace cohort::cli {

namespace {

QJsonValue json(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

// Rates and shares to a few decimals: more would be noise.
QJsonValue json(const std::optional<double> &v, int decimals = 3)
{
    if (!v)
        return QJsonValue(QJsonValue::Null);
    const double scale = std::pow(10.0, decimals);
    return QJsonValue(std::round(*v * scale) / scale);
}

QVariant cell(const std::optional<double> &v, int decimals = 1)
{
    return v ? QVariant(QString::number(*v, 'f', decimals)) : QVariant();
}

QVariant durationCell(const std::optional<qint64> &ms)
{
    return ms ? QVariant(LagAssessor::duration(*ms)) : QVariant();
}

QVariant etaCell(const std::optional<double> &eta, bool notCatchingUp)
{
    if (eta)
        return LagAssessor::duration(qint64(*eta * 1000));
    if (notCatchingUp)
        return GroupsLagCommand::tr("not catching up");
    return {};
}

QJsonObject partitionJson(const PartitionAssessment &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("topic"), p.tp.topic);
    o.insert(QStringLiteral("partition"), p.tp.partition);
    o.insert(QStringLiteral("committed_offset"), json(p.committedOffset));
    o.insert(QStringLiteral("end_offset"), json(p.endOffset));
    o.insert(QStringLiteral("lag"), json(p.lag));
    o.insert(QStringLiteral("time_lag_ms"), json(p.timeLagMs));
    o.insert(QStringLiteral("produce_rate"), json(p.produceRate));
    o.insert(QStringLiteral("consume_rate"), json(p.consumeRate));
    o.insert(QStringLiteral("eta_s"), json(p.etaSeconds));
    o.insert(QStringLiteral("status"), LagStatusRules::name(p.status));
    o.insert(QStringLiteral("status_reason"), p.statusReason);
    o.insert(QStringLiteral("retention_risk"), json(p.retentionShare, 4));
    return o;
}

QJsonObject groupJson(const GroupAssessment &g)
{
    QJsonObject o;
    o.insert(QStringLiteral("group_id"), g.groupId);
    o.insert(QStringLiteral("status"), LagStatusRules::name(g.status));
    o.insert(QStringLiteral("status_reason"), g.statusReason);
    o.insert(QStringLiteral("lag"), json(g.lag));
    o.insert(QStringLiteral("time_lag_ms"), json(g.timeLagMs));
    o.insert(QStringLiteral("produce_rate"), json(g.produceRate));
    o.insert(QStringLiteral("consume_rate"), json(g.consumeRate));
    o.insert(QStringLiteral("eta_s"), json(g.etaSeconds));
    QJsonArray parts;
    for (const PartitionAssessment &p : g.partitions)
        parts.append(partitionJson(p));
    o.insert(QStringLiteral("partitions"), parts);
    return o;
}

CliTable groupsTable(const QList<const GroupAssessment *> &groups)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"),     QStringLiteral("STATUS"),    QStringLiteral("LAG"), QStringLiteral("TIME-LAG"),
                 QStringLiteral("PRODUCE/S"), QStringLiteral("CONSUME/S"), QStringLiteral("ETA"), QStringLiteral("REASON")};
    t.jsonKeys = {QStringLiteral("group_id"),     QStringLiteral("status"),       QStringLiteral("lag"),   QStringLiteral("time_lag_ms"),
                  QStringLiteral("produce_rate"), QStringLiteral("consume_rate"), QStringLiteral("eta_s"), QStringLiteral("status_reason")};
    for (const GroupAssessment *g : groups)
        t.rows.append({g->groupId, LagStatusRules::name(g->status), CliTable::cell(g->lag), durationCell(g->timeLagMs),
                       cell(g->produceRate), cell(g->consumeRate), etaCell(g->etaSeconds, g->notCatchingUp), g->statusReason});
    return t;
}

CliTable partitionsTable(const QList<const GroupAssessment *> &groups, bool human)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"),          QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("CURRENT-OFFSET"),
                 QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),   QStringLiteral("TIME-LAG"),  QStringLiteral("PRODUCE/S"),
                 QStringLiteral("CONSUME/S"),      QStringLiteral("ETA"),   QStringLiteral("STATUS"),    QStringLiteral("REASON"),
                 QStringLiteral("RETENTION-RISK")};
    t.jsonKeys
        = {QStringLiteral("group_id"),      QStringLiteral("topic"), QStringLiteral("partition"),   QStringLiteral("committed_offset"),
           QStringLiteral("end_offset"),    QStringLiteral("lag"),   QStringLiteral("time_lag_ms"), QStringLiteral("produce_rate"),
           QStringLiteral("consume_rate"),  QStringLiteral("eta_s"), QStringLiteral("status"),      QStringLiteral("status_reason"),
           QStringLiteral("retention_risk")};
    for (const GroupAssessment *g : groups)
        for (const PartitionAssessment &p : g->partitions) {
            QVariant timeLag = human ? durationCell(p.timeLagMs) : CliTable::cell(p.timeLagMs);
            QVariant eta = human ? etaCell(p.etaSeconds, p.notCatchingUp) : cell(p.etaSeconds, 0);
            QVariant risk = p.retentionShare ? QVariant(human ? QString::number(*p.retentionShare * 100, 'f', 1) + QLatin1Char('%')
                                                              : QString::number(*p.retentionShare, 'f', 4))
                                             : QVariant();
            t.rows.append({g->groupId, p.tp.topic, p.tp.partition, CliTable::cell(p.committedOffset), CliTable::cell(p.endOffset),
                           CliTable::cell(p.lag), timeLag, cell(p.produceRate), cell(p.consumeRate), eta, LagStatusRules::name(p.status),
                           p.statusReason, risk});
        }
    return t;
}

// Waits for `ms` with the event loop running (librdkafka's answers are futures).
void waitFor(qint64 ms)
{
    if (ms <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

}   // namespace

QString GroupsLagCommand::summary() const
{
    return tr("samples the groups for a while: lag, time lag, rates, catch-up ETA, retention risk, status");
}

QString GroupsLagCommand::description() const
{
    return tr("Samples each group every --interval for --sample-for (durations like 500ms, 30s,\n"
              "2m, 1h; defaults 30s and 5s), then prints per group and partition: the lag\n"
              "(records), the time lag (how long ago the first unconsumed record was produced),\n"
              "produce and consume rates (records/s), the catch-up ETA, the retention risk\n"
              "(the share of the topic's retention the lag spans) and Burrow's status with its\n"
              "reason. In JSON, eta_s is 0 when caught up and null when not catching up, and\n"
              "unknown values are null. --watch prints after every interval until interrupted\n"
              "(one JSON document per line with --output json).");
}

void GroupsLagCommand::declareOptions(CliOptionSet &options)
{
    auto duration = [](const QString &option, qint64 *into, qint64 minimumMs) {
        return [option, into, minimumMs](const QString &v) -> QString {
            const Result<qint64, QString> ms = DurationText::parseMs(v);
            if (!ms)
                return ms.error();
            if (*ms < minimumMs)
                return tr("--%1 must be at least %2 ms").arg(option).arg(minimumMs);
            *into = *ms;
            return {};
        };
    };
    options.addValue(QStringLiteral("sample-for"), QStringLiteral("DURATION"), tr("how long to sample before printing (default 30s)"),
                     tr("--sample-for needs a duration, like 30s or 2m"), duration(QStringLiteral("sample-for"), &m_sampleForMs, 0));
    options.addValue(QStringLiteral("interval"), QStringLiteral("DURATION"), tr("time between samples (default 5s)"),
                     tr("--interval needs a duration, like 5s"), duration(QStringLiteral("interval"), &m_intervalMs, kMinIntervalMs));
    options.addFlag(QStringLiteral("watch"), tr("print after every interval until interrupted"), &m_watch);
    options.setPositionals(QStringLiteral("GROUP..."), tr("the group ids"), 1, tr("groups lag needs at least one group id"), &m_groupIds);
}

int GroupsLagCommand::run(CliCommandContext &context)
{
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    LagHistory history;
    for (const QString &id : std::as_const(m_groupIds))
        history.setFocused(id, true);
    int missing = 0;
    QStringList sampled;
    // The first sample: the snapshot's groups, or each asked of its coordinator.
    for (const QString &id : std::as_const(m_groupIds)) {
        std::optional<GroupSnapshot> g;
        if (const GroupSnapshot *listed = snap->group(id))
            g = *listed;
        else {
            const Result<GroupSnapshot> one = context.loadGroup(id, snap->metadata);
            if (!one && one.error().code == ErrorCode::GroupIdNotFound) {
                context.note(tr("Consumer group '%1' does not exist.").arg(id));
                ++missing;
                continue;
            }
            if (!one) {
                context.note(tr("warning: group '%1' not read: %2").arg(id, one.error().toString()));
                context.markPartial();
                continue;
            }
            g = one.value();
        }
        history.addGroup(*g, snap->takenAt);
        sampled.append(id);
    }

    const std::shared_ptr<ClusterClient> client = context.client();
    auto readInputs = [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (const QStringList topics = history.retentionWanted(now); !topics.isEmpty()) {
            const auto r = client->fetchTopicRetention(topics, context.freshDeadline());
            waitWithEventLoop(r);
            if (r.result())
                history.setTopicRetention(r.result().value());
        }
        const QHash<TopicPartition, qint64> asked = history.recordTimestampsWanted(now);
        if (!asked.isEmpty()) {
            const auto r = client->fetchRecordTimestamps(asked, context.freshDeadline());
            waitWithEventLoop(r);
            RecordTimestampsAnswer read;
            if (r.result())
                read = r.result().value();
            else
                for (auto it = asked.cbegin(); it != asked.cend(); ++it)
                    read.failed.insert(it.key(), r.result().error());
            history.addRecordTimestamps(asked, read);
        }
    };
    auto print = [&](bool oneLine) {
        QList<const GroupAssessment *> groups;
        for (const QString &id : std::as_const(sampled))
            if (const GroupAssessment *a = history.assessment(id))
                groups.append(a);
        switch (context.options().output) {
        case CliTable::Format::Json: {
            QJsonArray array;
            for (const GroupAssessment *g : std::as_const(groups))
                array.append(groupJson(*g));
            const QJsonObject doc{{QStringLiteral("groups"), array}};
            context.out() << QJsonDocument(doc).toJson(oneLine ? QJsonDocument::Compact : QJsonDocument::Indented);
            if (oneLine)
                context.out() << '\n';
            break;
        }
        case CliTable::Format::Csv: context.write(partitionsTable(groups, false)); break;
        case CliTable::Format::Table:
            context.write(groupsTable(groups));
            context.out() << '\n';
            context.write(partitionsTable(groups, true));
            break;
        }
        context.out().flush();
    };

    readInputs();
    QElapsedTimer clock;
    clock.start();
    for (qint64 next = m_intervalMs; m_watch || next - m_intervalMs < m_sampleForMs; next += m_intervalMs) {
        // The last sample falls at --sample-for exactly.
        const qint64 at = m_watch ? next : qMin(next, m_sampleForMs);
        waitFor(at - clock.elapsed());
        for (const QString &id : std::as_const(sampled)) {
            const Result<GroupSnapshot> g = context.sampleGroup(id, snap->metadata);
            if (!g) {
                context.note(tr("warning: group '%1' not sampled: %2").arg(id, g.error().toString()));
                context.markPartial();
                continue;
            }
            history.addGroup(g.value(), QDateTime::currentDateTimeUtc());
        }
        readInputs();
        if (m_watch) {
            if (context.options().output == CliTable::Format::Table)
                context.out() << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << '\n';
            print(true);
        }
        if (at >= m_sampleForMs && !m_watch)
            break;
    }
    if (!m_watch)
        print(false);
    return context.finish(missing ? CliFailure::kError : CliFailure::kOk);
}

}   // namespace cohort::cli
