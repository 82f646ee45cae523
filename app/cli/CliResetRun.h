// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetPlan.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QStringList>

#include <optional>

namespace cohort {
class ResetExecutor;
}

namespace cohort::cli {

class CliCommandContext;
class CliOptionSet;

// The tail offsets reset and offsets undo share: a plan printed as a dry run
// (kafka-consumer-groups.sh's default), or guarded, backed up, applied and
// verified with --execute, and printed in the format --output asks for.
class CliResetRun
{
    Q_DECLARE_TR_FUNCTIONS(CliResetRun)

public:
    // --wait[=TIMEOUT]: how long --execute waits for the groups to be Empty.
    struct Wait
    {
        qint64 ms = 0;
        QString asWritten;   // "5m", as given (or the default)
    };
    static constexpr const char *kDefaultWait = "5m";
    // Declares --wait[=TIMEOUT]; the value is checked by parseWait (a bad one is bad input, exit 1).
    static void declareWait(CliOptionSet &options, std::optional<QString> *into);
    // nullopt without --wait; the default for a bare --wait; why a value is no duration.
    static Result<std::optional<Wait>, QString> parseWait(const std::optional<QString> &given);

    // The exit code: 0 done (or planned), 1 refused, failed or not as planned
    // (said on stderr; nothing written when refused). With `wait`, --execute
    // first waits until every group is Empty (saying each state and its
    // members on stderr), and refuses, with nothing written, once it is up.
    static int run(CliCommandContext &context, ResetExecutor &executor, const Result<ResetPlan> &plan, bool execute,
                   const std::optional<Wait> &wait = std::nullopt);

private:
    static Result<Done, QString> waitUntilEmpty(CliCommandContext &context, ResetExecutor &executor, const QStringList &groups,
                                                const Wait &wait, const QDeadlineTimer &deadline);
    static void write(CliCommandContext &context, const ResetPlan &plan, bool executed, const QString &backupPath);
    static void noteAdjustments(CliCommandContext &context, const ResetPlan &plan);
};

}   // namespace cohort::cli
