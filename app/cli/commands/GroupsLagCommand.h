// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli groups lag: samples the named groups for a while (LagHistory,
// as the window does) and prints per group and partition the lag, time lag,
// produce and consume rates, catch-up ETA, retention risk and Burrow's status
// with its reason; --watch prints after every interval until interrupted.
class GroupsLagCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsLagCommand)

public:
    static constexpr qint64 kDefaultSampleForMs = 30000;
    static constexpr qint64 kDefaultIntervalMs = 5000;
    static constexpr qint64 kMinIntervalMs = 100;

    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("lag"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groupIds;
    qint64 m_sampleForMs = kDefaultSampleForMs;
    qint64 m_intervalMs = kDefaultIntervalMs;
    bool m_watch = false;
};

}   // namespace cohort::cli
