// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort::cli {

// Why a cohort-cli run stopped short: bad usage (exit 2, the usage follows the
// message) or a Kafka or connection error (exit 1, the message alone).
struct CliFailure
{
    enum class Kind { Usage, Kafka };

    Kind kind = Kind::Usage;
    QString message;

    static CliFailure usage(const QString &why) { return {Kind::Usage, why}; }
    static CliFailure kafka(const QString &why) { return {Kind::Kafka, why}; }
    int exitCode() const { return kind == Kind::Usage ? 2 : 1; }
};

}   // namespace cohort::cli
