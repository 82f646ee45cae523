// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort::cli {

// Why a cohort-cli run stopped short: bad usage (exit 2, the usage follows the
// message), a Kafka or connection error (exit 1, the message alone), or part
// of what was asked could not be read by the deadline (exit 3).
struct CliFailure
{
    enum class Kind { Usage, Kafka, Partial };

    // The exit codes, as README and --help document them.
    static constexpr int kOk = 0;
    static constexpr int kError = 1;
    static constexpr int kUsage = 2;
    static constexpr int kPartial = 3;

    Kind kind = Kind::Usage;
    QString message;

    static CliFailure usage(const QString &why) { return {Kind::Usage, why}; }
    static CliFailure kafka(const QString &why) { return {Kind::Kafka, why}; }
    static CliFailure partial(const QString &why) { return {Kind::Partial, why}; }
    int exitCode() const { return kind == Kind::Usage ? kUsage : kind == Kind::Partial ? kPartial : kError; }
};

}   // namespace cohort::cli
