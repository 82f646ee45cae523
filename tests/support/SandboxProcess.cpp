// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxProcess.h"

#include <QCoreApplication>
#include <QTest>

namespace cohort::test {

namespace {

// Reads one line, running the event loop meanwhile.
QString readLine(QProcess &p, int timeoutMs)
{
    if (!QTest::qWaitFor([&p] { return p.canReadLine() || p.state() == QProcess::NotRunning; }, timeoutMs) || !p.canReadLine())
        return {};
    return QString::fromUtf8(p.readLine()).trimmed();
}

}   // namespace

QString builtBinary(const QString &relativePath)
{
    const QString root = qEnvironmentVariableIsEmpty("COHORT_BINARY_DIR") ? QCoreApplication::applicationDirPath() + QStringLiteral("/..")
                                                                          : qEnvironmentVariable("COHORT_BINARY_DIR");
    return root + QLatin1Char('/') + relativePath;
}

SandboxProcess::SandboxProcess()
{
    // Forwarded: a sandbox that logs would otherwise fill a pipe nobody reads and stall.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.write("quit\n");
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SandboxProcess::start(const QStringList &args, QString *error)
{
    m_process.start(builtBinary(QStringLiteral("sandbox/cohort-sandbox")), args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cohort-sandbox did not start: ") + m_process.errorString();
        return false;
    }
    m_firstLine = readLine(m_process, 120000);
    if (!m_firstLine.startsWith(QLatin1String("bootstrap.servers="))) {
        *error = QStringLiteral("cohort-sandbox's first line is not bootstrap.servers=...: '%1'").arg(m_firstLine);
        return false;
    }
    return true;
}

QString SandboxProcess::bootstrapServers() const
{
    return m_firstLine.mid(int(qstrlen("bootstrap.servers=")));
}

QString SandboxProcess::command(const QString &line, int timeoutMs)
{
    m_process.write(line.toUtf8() + '\n');
    return readLine(m_process, timeoutMs);
}

QHash<QString, qint64> SandboxProcess::requestCounts()
{
    QHash<QString, qint64> out;
    const QStringList words = command(QStringLiteral("requests")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words.mid(1))
        out.insert(w.section(QLatin1Char('='), 0, 0), w.section(QLatin1Char('='), 1).toLongLong());
    return out;
}

}   // namespace cohort::test
