// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli offsets delete: kafka-consumer-groups.sh --delete-offsets, a
// group's committed offsets of whole topics (OffsetDelete).
class OffsetsDeleteCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsDeleteCommand)

public:
    QString noun() const override { return QStringLiteral("offsets"); }
    QString verb() const override { return QStringLiteral("delete"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QString m_group;
    QStringList m_topics;
};

}   // namespace cohort::cli
