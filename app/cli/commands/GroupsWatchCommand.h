// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QString>

namespace cohort {
struct GroupEvent;
}

namespace cohort::cli {

// cohort-cli groups watch: reads one group about every second (every 250 ms
// while it rebalances, GroupWatcher) and prints each event as it is seen,
// until --for has passed or the command is interrupted: one line of text, or
// with --output json one JSON object per line (GroupEventJson).
class GroupsWatchCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsWatchCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("watch"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

    // One event as a line of the table output (no newline).
    static QString textLine(const GroupEvent &event);

private:
    QStringList m_groupIds;
    qint64 m_forMs = -1;   // -1: until interrupted
};

}   // namespace cohort::cli
