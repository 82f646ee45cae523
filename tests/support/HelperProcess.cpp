// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelperProcess.h"

#include <QTest>

namespace cohort::test {

HelperProcess::HelperProcess(const QString &program, const QStringList &args, Stop stop)
    : m_stop(stop)
{
    m_process.start(program, args);
}

HelperProcess::~HelperProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    if (m_stop == Stop::CloseStdin)
        m_process.closeWriteChannel();
    else
        m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QString HelperProcess::readLine(int timeoutMs)
{
    // With the event loop running: a test reading its helper's lines must not
    // stall what runs on its thread meanwhile (a GroupWatcher's reads).
    // What it waited for is read below (a line, or none when it timed out or ended).
    (void)QTest::qWaitFor([this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; }, timeoutMs);
    return m_process.canReadLine() ? QString::fromUtf8(m_process.readLine()).trimmed() : QString();
}

void HelperProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished();
}

}   // namespace cohort::test
