// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cohort::test {

// A helper program a test talks to in lines (a Python client in
// tests/python, Kafka's console share consumer, a Streams application):
// stopped when the test ends however it ends, by closing its stdin (the
// Python and Java helpers then close their clients) or by SIGTERM; or
// killed on purpose (SIGKILL: a consumer that crashes without leaving).
class HelperProcess
{
public:
    enum class Stop { CloseStdin, Terminate };

    HelperProcess(const QString &program, const QStringList &args, Stop stop = Stop::CloseStdin);
    ~HelperProcess();
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;

    // The next line on stdout, or empty when none came within the timeout.
    QString readLine(int timeoutMs = 120000);
    void writeLine(const QByteArray &line) { m_process.write(line + '\n'); }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }
    // SIGKILL, and waits until it is gone.
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }

private:
    QProcess m_process;
    Stop m_stop;
};

}   // namespace cohort::test
