// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cohort::test {

// A built binary of the project, by path: "app/cohort", "app/cohort-cli",
// "sandbox/cohort-sandbox" below COHORT_BINARY_DIR (set by ctest), else below
// the build directory this test or benchmark runs from (build/tests/..).
QString builtBinary(const QString &relativePath);

// cohort-sandbox as a process of its own, driven as README describes it: the
// bootstrap list from its first stdout line, control commands on its stdin,
// each answered by one line.
class SandboxProcess
{
public:
    SandboxProcess();
    ~SandboxProcess();   // quits it (or kills it when it does not quit)
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts it with `args` and reads its first line (a large synthetic load
    // can take a while); false (with the reason in *error) when it does not
    // start or that line is not bootstrap.servers=... Its stderr is forwarded.
    bool start(const QStringList &args, QString *error);
    QString firstLine() const { return m_firstLine; }
    QString bootstrapServers() const;

    // Writes one command line and returns the one line it answers, or an empty
    // string when none came within timeoutMs.
    QString command(const QString &line, int timeoutMs = 10000);
    // The "requests" command's answer ("ok total=N Metadata=M ...") as a map.
    QHash<QString, qint64> requestCounts();

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_firstLine;
};

}   // namespace cohort::test
