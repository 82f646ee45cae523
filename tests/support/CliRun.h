// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliRunner.h"

#include <QTextStream>

namespace cohort::test {

// One cohort-cli invocation in process: exit code and what it printed.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args, const cli::CliContext &context = {})
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::runCli(args, out, err, context);
    out.flush();
    err.flush();
    return r;
}

}   // namespace cohort::test
