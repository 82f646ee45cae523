// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPython.h"

#include <QFileInfo>
#include <QProcess>

namespace cohort::test {

TestPython TestPython::find(const QStringList &modules)
{
    const QString python = qEnvironmentVariable("COHORT_TEST_PYTHON");
    const QString remedy = QStringLiteral("run scripts/setup.sh build, which makes <build dir>/venv from tests/python/requirements.txt");
    if (python.isEmpty())
        return {{}, QStringLiteral("COHORT_TEST_PYTHON is not set (run the test through ctest); ") + remedy};
    if (!QFileInfo(python).isExecutable())
        return {{}, QStringLiteral("%1 does not exist; %2").arg(python, remedy)};
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import ") + modules.join(QLatin1Char(','))});
    if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        return {{},
                QStringLiteral("%1 cannot import %2 (%3); %4")
                    .arg(python, modules.join(QStringLiteral(", ")), QString::fromUtf8(probe.readAllStandardError().trimmed()), remedy)};
    return {python, {}};
}

QString TestPython::script(const QString &name)
{
    return qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/tests/python/") + name;
}

}   // namespace cohort::test
