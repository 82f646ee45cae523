// SPDX-License-Identifier: GPL-3.0-or-later
#include "KafkaTool.h"

#include <QDir>
#include <QProcess>

#include <algorithm>

namespace cohort::test {

QString KafkaTool::script()
{
    return qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/scripts/kafka-tool.sh");
}

QString KafkaTool::jarDirectory()
{
    // The cache scripts/kafka-cluster.sh and kafka-tool.sh use (COHORT_KAFKA_CACHE there too).
    const QString cache = qEnvironmentVariableIsSet("COHORT_KAFKA_CACHE") ? qEnvironmentVariable("COHORT_KAFKA_CACHE")
                                                                          : QDir::homePath() + QStringLiteral("/.cache/cohort/kafka-4.4.0");
    return cache + QStringLiteral("/jars");
}

KafkaTool KafkaTool::run(const QString &name, const QStringList &args, int timeoutMs, const QByteArray &input)
{
    KafkaTool out;
    QProcess p;
    p.start(script(), QStringList{name} + args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished();
        out.err = QStringLiteral("%1 did not finish within %2 ms: %3")
                      .arg(name)
                      .arg(timeoutMs)
                      .arg(QString::fromUtf8(p.readAllStandardError()));
        return out;
    }
    out.code = p.exitCode();
    out.out = QString::fromUtf8(p.readAllStandardOutput());
    out.err = QString::fromUtf8(p.readAllStandardError());
    return out;
}

QList<QStringList> tableColumns(const QString &table, const QStringList &columns, const QStringList &groups)
{
    QList<qsizetype> at;
    QList<QStringList> rows;
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (at.isEmpty() && !fields.isEmpty() && fields.first() == QLatin1String("GROUP")) {
            for (const QString &c : columns) {
                const qsizetype i = fields.indexOf(c);
                if (i < 0)
                    return {};
                at.append(i);
            }
            continue;
        }
        if (at.isEmpty() || fields.isEmpty() || !groups.contains(fields.first()))
            continue;
        QStringList row;
        for (const qsizetype i : std::as_const(at))
            row << fields.value(i);
        rows << row;
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

}   // namespace cohort::test
