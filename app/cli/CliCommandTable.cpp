// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommandTable.h"

namespace cohort::cli {

void CliCommandTable::add(std::unique_ptr<CliCommand> command)
{
    Q_ASSERT(!find(command->noun(), command->verb()));
    m_commands.push_back(std::move(command));
}

CliCommand *CliCommandTable::find(const QString &noun, const QString &verb) const
{
    for (const auto &c : m_commands)
        if (c->noun() == noun && c->verb() == verb)
            return c.get();
    return nullptr;
}

bool CliCommandTable::hasNoun(const QString &noun) const
{
    return !verbs(noun).isEmpty();
}

QStringList CliCommandTable::verbs(const QString &noun) const
{
    QStringList out;
    for (const auto &c : m_commands)
        if (c->noun() == noun)
            out << c->verb();
    return out;
}

QList<const CliCommand *> CliCommandTable::commands() const
{
    QList<const CliCommand *> out;
    for (const auto &c : m_commands)
        out << c.get();
    return out;
}

QString CliCommandTable::listing(const QString &noun) const
{
    qsizetype width = 0;
    for (const auto &c : m_commands)
        width = qMax(width, c->name().size());
    QString text;
    for (const auto &c : m_commands)
        if (noun.isEmpty() || c->noun() == noun)
            text += QStringLiteral("  ") + c->name().leftJustified(width + 2) + c->summary() + QLatin1Char('\n');
    return text;
}

} // namespace cohort::cli
