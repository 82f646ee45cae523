// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetPlan.h"

#include <QCoreApplication>

namespace cohort {
class ResetExecutor;
}

namespace cohort::cli {

class CliCommandContext;

// The tail offsets reset and offsets undo share: a plan printed as a dry run
// (kafka-consumer-groups.sh's default), or guarded, backed up, applied and
// verified with --execute, and printed in the format --output asks for.
class CliResetRun
{
    Q_DECLARE_TR_FUNCTIONS(CliResetRun)

public:
    // The exit code: 0 done (or planned), 1 refused, failed or not as planned (said on stderr; nothing written when refused).
    static int run(CliCommandContext &context, ResetExecutor &executor, const Result<ResetPlan> &plan, bool execute);

private:
    static void write(CliCommandContext &context, const ResetPlan &plan, bool executed, const QString &backupPath);
    static void noteAdjustments(CliCommandContext &context, const ResetPlan &plan);
};

}   // namespace cohort::cli
