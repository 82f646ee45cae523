// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

#include <optional>

namespace cohort::cli {

// cohort-cli offsets reset: kafka-consumer-groups.sh --reset-offsets, a dry
// run unless --execute; with --execute guarded (the groups must be Empty),
// backed up, applied and read back.
class OffsetsResetCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsResetCommand)

public:
    QString noun() const override { return QStringLiteral("offsets"); }
    QString verb() const override { return QStringLiteral("reset"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groups;
    QStringList m_topics;
    bool m_allTopics = false;
    bool m_toEarliest = false;
    bool m_toLatest = false;
    bool m_toCurrent = false;
    QStringList m_valued;   // the scenarios given with a value, as "--name=value", in order
    bool m_execute = false;
    bool m_dryRun = false;
    std::optional<QString> m_wait;   // --wait's value as given ("5m" for a bare --wait)
};

}   // namespace cohort::cli
