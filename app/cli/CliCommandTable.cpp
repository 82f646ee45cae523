// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommandTable.h"

namespace cohort::cli {

void CliCommandTable::add(std::unique_ptr<CliCommand> command)
{
    Q_ASSERT(!find(command->noun(), command->verb()));
    Entry e{std::move(command), {}};
    e.command->declareOptions(e.options);
    m_commands.push_back(std::move(e));
}

const CliOptionSet &CliCommandTable::options(const CliCommand *command) const
{
    for (const Entry &e : m_commands)
        if (e.command.get() == command)
            return e.options;
    Q_UNREACHABLE();
}

bool CliCommandTable::anyTakesValue(const QString &arg) const
{
    for (const Entry &e : m_commands)
        if (e.options.takesValue(arg).value_or(false))
            return true;
    return false;
}

CliCommand *CliCommandTable::find(const QString &noun, const QString &verb) const
{
    for (const Entry &e : m_commands)
        if (e.command->noun() == noun && e.command->verb() == verb)
            return e.command.get();
    return nullptr;
}

bool CliCommandTable::hasNoun(const QString &noun) const
{
    return !verbs(noun).isEmpty();
}

QStringList CliCommandTable::verbs(const QString &noun) const
{
    QStringList out;
    for (const Entry &e : m_commands)
        if (e.command->noun() == noun)
            out << e.command->verb();
    return out;
}

QList<const CliCommand *> CliCommandTable::commands() const
{
    QList<const CliCommand *> out;
    for (const Entry &e : m_commands)
        out << e.command.get();
    return out;
}

QString CliCommandTable::listing(const QString &noun) const
{
    qsizetype width = 0;
    for (const Entry &e : m_commands)
        width = qMax(width, e.command->name().size());
    QString text;
    for (const Entry &e : m_commands)
        if (noun.isEmpty() || e.command->noun() == noun)
            text += QStringLiteral("  ") + e.command->name().leftJustified(width + 2) + e.command->summary() + QLatin1Char('\n');
    return text;
}

}   // namespace cohort::cli
