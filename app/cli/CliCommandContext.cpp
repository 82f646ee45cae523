// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommandContext.h"

#include "app/cli/CliCluster.h"
#include "app/cli/CliTable.h"
#include "core/connection/ConnectionDiagnosis.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

CliCommandContext::CliCommandContext(const GlobalOptions &options, QTextStream &out, QTextStream &err, const CliCluster &cluster,
                                     const QString &usage)
    : m_options(options)
    , m_out(out)
    , m_err(err)
    , m_cluster(cluster)
    , m_usage(usage)
    , m_progress(std::make_shared<RefreshProgress>(QDeadlineTimer(options.timeoutMs)))
{ }

Result<ClusterSnapshot, CliFailure> CliCommandContext::loadSnapshot()
{
    const auto props = m_cluster.properties();
    if (!props)
        return props.error();
    const auto client = m_cluster.connect(props.value());
    if (!client)
        return client.error();
    m_client = client.value();
    const QFuture<Result<ClusterSnapshot>> load = SnapshotLoader::load(m_client, m_progress);
    waitWithEventLoop(load);   // the loader never cancels: it always ends with a value or an error
    Result<ClusterSnapshot> snap = load.result();
    if (!snap) {
        // librdkafka often says only "timed out" or "transport failure": a
        // look at the first bootstrap listener tells why it failed.
        const int budgetMs = qMin(m_options.timeoutMs, ConnectionDiagnosis::kMaxBudgetMs);
        return CliFailure::kafka(ConnectionDiagnosis::explain(snap.error(), props.value(), budgetMs).toString());
    }
    for (const MissingPart &part : snap->missing)
        note(QStringLiteral("warning: ") + part.describe());
    if (snap->isPartial())
        markPartial();
    return std::move(snap).value();
}

Result<GroupSnapshot> CliCommandContext::loadGroup(const QString &groupId, const ClusterMetadata &metadata)
{
    const QFuture<Result<GroupSnapshot>> load = SnapshotLoader::loadGroup(m_client, groupId, metadata, m_progress);
    waitWithEventLoop(load);
    return load.result();
}

Result<GroupSnapshot> CliCommandContext::sampleGroup(const QString &groupId, const ClusterMetadata &metadata)
{
    const QFuture<Result<GroupSnapshot>> load = SnapshotLoader::loadGroup(m_client, groupId, metadata, freshDeadline());
    waitWithEventLoop(load);
    return load.result();
}

std::shared_ptr<RefreshProgress> CliCommandContext::freshDeadline() const
{
    return std::make_shared<RefreshProgress>(QDeadlineTimer(m_options.timeoutMs));
}

Result<std::shared_ptr<ClusterSession>, CliFailure> CliCommandContext::openSession()
{
    const auto props = m_cluster.properties();
    if (!props)
        return props.error();
    const auto readOnly = m_cluster.isReadOnly();
    if (!readOnly)
        return readOnly.error();
    ClusterSession::OpenRequest request;
    request.properties = props.value();
    request.displayName = m_cluster.displayName();
    request.access = readOnly.value() ? ClusterSession::Access::ReadOnly : ClusterSession::Access::ReadWrite;
    request.timeoutMs = m_options.timeoutMs;
    const QFuture<Result<std::shared_ptr<ClusterSession>>> opening = ClusterSession::open(request, &m_sessionContext);
    if (!waitWithEventLoop(opening))
        return CliFailure::kafka(
            QCoreApplication::translate("cohort::cli::CliCommandContext", "could not open a session on %1").arg(request.displayName));
    const Result<std::shared_ptr<ClusterSession>> session = opening.result();
    if (!session)
        return CliFailure::kafka(session.error().toString());
    return session.value();
}

Result<GroupSnapshot> CliCommandContext::readGroup(ClusterSession &session, const QString &groupId)
{
    const QFuture<Result<GroupSnapshot>> read = session.refreshGroup(groupId);
    waitWithEventLoop(read);   // the session's refresh always ends with a value or an error
    Result<GroupSnapshot> group = read.result();
    if (!group && ConnectionDiagnosis::worthDiagnosing(group.error())) {
        const auto props = m_cluster.properties();
        if (props)
            return ConnectionDiagnosis::explain(group.error(), props.value(), qMin(m_options.timeoutMs, ConnectionDiagnosis::kMaxBudgetMs));
    }
    return group;
}

void CliCommandContext::waitForReadToEnd(GroupWatcher &watcher)
{
    if (!watcher.isReading())
        return;
    // Each read ends in one of these, also after stop().
    QEventLoop loop;
    QObject::connect(&watcher, &GroupWatcher::groupRead, &loop, &QEventLoop::quit);
    QObject::connect(&watcher, &GroupWatcher::readFailed, &loop, &QEventLoop::quit);
    loop.exec();
}

int CliCommandContext::refuse(const QString &message)
{
    note(message);
    m_err.flush();
    return CliFailure::kError;
}

int CliCommandContext::finish(int code) const
{
    return code == CliFailure::kOk && m_partial ? CliFailure::kPartial : code;
}

void CliCommandContext::write(const CliTable &table)
{
    table.write(m_out, m_options.output);
}

void CliCommandContext::note(const QString &message)
{
    m_err << "cohort-cli: " << message << '\n';
}

int CliCommandContext::fail(const CliFailure &failure)
{
    note(failure.message);
    if (failure.kind == CliFailure::Kind::Usage)
        m_err << m_usage;
    m_err.flush();
    return failure.exitCode();
}

}   // namespace cohort::cli
