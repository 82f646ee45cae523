// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliOptionSet.h"

namespace cohort::cli {

void CliOptionSet::addFlag(const QString &name, const QString &help, bool *into)
{
    m_options.append({name, QString(), help, QString(), [into](const QString &) {
                          *into = true;
                          return QString();
                      }});
}

void CliOptionSet::addValue(const QString &name, const QString &valueName, const QString &help, const QString &missing, Apply apply)
{
    m_options.append({name, valueName, help, missing, std::move(apply)});
}

void CliOptionSet::addOptionalValue(const QString &name, const QString &valueName, const QString &help, ApplyOptional apply)
{
    m_options.append({name, valueName, help, QString(), Apply(), std::move(apply)});
}

QString CliOptionSet::Option::spelled() const
{
    if (valueName.isEmpty())
        return QLatin1String("--") + name;
    if (applyOptional)
        return QLatin1String("--") + name + QStringLiteral("[=") + valueName + QLatin1Char(']');
    return QLatin1String("--") + name + QLatin1Char(' ') + valueName;
}

void CliOptionSet::addString(const QString &name, const QString &valueName, const QString &help, const QString &missing, QString *into)
{
    addValue(name, valueName, help, missing, [into](const QString &v) {
        *into = v;
        return QString();
    });
}

void CliOptionSet::addInt(const QString &name, const QString &valueName, const QString &help, const QString &missing, int minimum,
                          int *into)
{
    addValue(name, valueName, help, missing, [into, minimum, missing](const QString &v) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < minimum)
            return missing;
        *into = n;
        return QString();
    });
}

void CliOptionSet::setPositionals(const QString &valueName, const QString &help, int minimum, const QString &tooFew, QStringList *into)
{
    m_positionals = Positionals{valueName, help, minimum, tooFew, into};
}

std::optional<bool> CliOptionSet::takesValue(const QString &arg) const
{
    if (!arg.startsWith(QLatin1String("--")))
        return std::nullopt;
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
    for (const Option &o : m_options)
        if (o.name == name)
            return eq < 0 && !o.valueName.isEmpty() && !o.applyOptional;
    return std::nullopt;
}

Result<CliOptionSet::Take, QString> CliOptionSet::take(const QStringList &args, int &i) const
{
    const QString arg = args.at(i);
    if (!arg.startsWith(QLatin1String("--")))
        return Take::NotMine;
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
    for (const Option &o : m_options) {
        if (o.name != name)
            continue;
        if (o.applyOptional) {
            const QString refused = o.applyOptional(eq >= 0 ? std::optional<QString>(arg.mid(eq + 1)) : std::nullopt);
            if (!refused.isEmpty())
                return refused;
            return Take::Taken;
        }
        if (o.valueName.isEmpty()) {
            if (eq >= 0)
                return tr("%1 takes no value").arg(QLatin1String("--") + name);
            o.apply(QString());
            return Take::Taken;
        }
        QString value;
        if (eq >= 0) {
            value = arg.mid(eq + 1);
        } else {
            if (i + 1 >= args.size())
                return o.missing;
            value = args.at(++i);
        }
        const QString refused = o.apply(value);
        if (!refused.isEmpty())
            return refused;
        return Take::Taken;
    }
    return Take::NotMine;
}

Result<Done, QString> CliOptionSet::takePositionals(const QStringList &values, const QString &commandName) const
{
    if (!m_positionals) {
        if (!values.isEmpty())
            return tr("%1 takes no arguments (got '%2')").arg(commandName, values.first());
        return Done{};
    }
    if (values.size() < m_positionals->minimum)
        return m_positionals->tooFew;
    *m_positionals->into = values;
    return Done{};
}

QString CliOptionSet::synopsis() const
{
    QStringList parts;
    for (const Option &o : m_options)
        parts << QLatin1Char('[') + o.spelled() + QLatin1Char(']');
    if (m_positionals)
        parts << (m_positionals->minimum > 0 ? m_positionals->valueName : QLatin1Char('[') + m_positionals->valueName + QLatin1Char(']'));
    return parts.join(QLatin1Char(' '));
}

QString CliOptionSet::helpText() const
{
    QList<std::pair<QString, QString>> entries;
    if (m_positionals)
        entries.append({m_positionals->valueName, m_positionals->help});
    for (const Option &o : m_options)
        entries.append({o.spelled(), o.help});
    // Names longer than the column get their help on the next line, as --help of GNU tools does.
    constexpr int column = 26;
    const QString indent(column, QLatin1Char(' '));
    QString text;
    for (const auto &[name, help] : entries) {
        const QString head = QStringLiteral("  ") + name;
        const QStringList lines = help.split(QLatin1Char('\n'));
        if (head.size() + 2 > column)
            text += head + QLatin1Char('\n') + indent + lines.first() + QLatin1Char('\n');
        else
            text += head.leftJustified(column) + lines.first() + QLatin1Char('\n');
        for (qsizetype l = 1; l < lines.size(); ++l)
            text += indent + lines.at(l) + QLatin1Char('\n');
    }
    return text;
}

}   // namespace cohort::cli
