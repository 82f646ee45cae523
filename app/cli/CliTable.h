// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <QVariant>

#include <optional>

namespace cohort::cli {

// Rows the CLI prints, in one of three formats: an aligned table like
// kafka-consumer-groups.sh (unknown values as "-"), CSV with a header row, or
// a JSON array of objects with snake_case keys (unknown values as null).
struct CliTable
{
    QStringList headers;           // "CURRENT-OFFSET"
    QStringList jsonKeys;          // "committed_offset"
    QList<QList<QVariant>> rows;   // a null QVariant is "unknown"

    enum class Format { Table, Json, Csv };
    void write(QTextStream &out, Format format) const;

    // Cells for values that may be unknown: no value, or an empty text.
    static QVariant cell(const std::optional<qint64> &value) { return value ? QVariant(*value) : QVariant(); }
    static QVariant nonEmpty(const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); }
    // Left blank in a table where empty, as kafka-consumer-groups.sh leaves
    // some columns (GROUP-INSTANCE-ID of a dynamic member); null in JSON.
    static QVariant blankWhenEmpty(const QString &text) { return QVariant(text.isEmpty() ? QStringLiteral("") : text); }
};

}   // namespace cohort::cli
