// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace cohort::cli {

// The options and positional arguments one cohort-cli command (or the global
// set) takes, each bound to a typed field of its owner, and the --help text
// generated from them. Options are "--name value", "--name=value" or flags.
class CliOptionSet
{
    Q_DECLARE_TR_FUNCTIONS(CliOptionSet)

public:
    // Stores a value into its field, or returns why it refuses it (empty = taken).
    using Apply = std::function<QString(const QString &value)>;

    void addFlag(const QString &name, const QString &help, bool *into);
    // `missing` is the message for an option given without its value.
    void addValue(const QString &name, const QString &valueName, const QString &help, const QString &missing, Apply apply);
    void addString(const QString &name, const QString &valueName, const QString &help, const QString &missing, QString *into);
    // "--name" alone or "--name=value" (never the next argument: "--wait
    // --execute" is two options); `apply` gets nullopt for the bare form.
    using ApplyOptional = std::function<QString(const std::optional<QString> &value)>;
    void addOptionalValue(const QString &name, const QString &valueName, const QString &help, ApplyOptional apply);
    // A whole number of at least `minimum`; `missing` also answers a bad one.
    void addInt(const QString &name, const QString &valueName, const QString &help, const QString &missing, int minimum, int *into);

    // One of named values (matched without regard to case); `refuse` words an unknown one.
    template<typename T>
    void addChoice(const QString &name, const QString &valueName, const QString &help, const QString &missing,
                   const QList<std::pair<QString, T>> &choices, T *into, std::function<QString(const QString &)> refuse)
    {
        addValue(name, valueName, help, missing, [choices, into, refuse](const QString &v) -> QString {
            for (const auto &[text, value] : choices)
                if (text.compare(v, Qt::CaseInsensitive) == 0) {
                    *into = value;
                    return {};
                }
            return refuse(v);
        });
    }

    // Positional arguments: at least `minimum`; `tooFew` is the message when fewer.
    // Without this call the command takes none.
    void setPositionals(const QString &valueName, const QString &help, int minimum, const QString &tooFew, QStringList *into);

    // For an argument "--name" or "--name=value": nothing when it is not one of
    // these options, else whether the argument after it is its value.
    std::optional<bool> takesValue(const QString &arg) const;

    enum class Take { NotMine, Taken };
    // If args[i] is one of these options, applies it (and its value, advancing i).
    Result<Take, QString> take(const QStringList &args, int &i) const;
    // The positional arguments after all options were taken; an error on too few or unexpected ones.
    Result<Done, QString> takePositionals(const QStringList &values, const QString &commandName) const;

    QString synopsis() const;   // "[--members] GROUP..."
    QString helpText() const;   // one aligned entry per option and positional
    bool hasPositionals() const { return m_positionals.has_value(); }

private:
    struct Option
    {
        QString name;
        QString valueName;   // empty for a flag
        QString help;
        QString missing;
        Apply apply;
        ApplyOptional applyOptional;   // set for an optional value (valueName then names it)
        QString spelled() const;       // "--name VALUE", "--name[=VALUE]" or "--name"
    };
    struct Positionals
    {
        QString valueName;
        QString help;
        int minimum = 0;
        QString tooFew;
        QStringList *into = nullptr;
    };
    QList<Option> m_options;
    std::optional<Positionals> m_positionals;
};

}   // namespace cohort::cli
