// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cohort::cli {

namespace {

QString text(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("-") : v.toString();
}

QString csvField(const QVariant &v)
{
    if (v.isNull())
        return {};
    QString s = v.toString();
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

}   // namespace

void CliTable::write(QTextStream &out, Format format) const
{
    switch (format) {
    case Format::Json: {
        QJsonArray array;
        for (const auto &row : rows) {
            QJsonObject o;
            for (int c = 0; c < jsonKeys.size(); ++c) {
                const QVariant &v = row.value(c);
                const bool none = v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty());
                o.insert(jsonKeys.at(c), none ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(v));
            }
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        break;
    }
    case Format::Csv:
        out << jsonKeys.join(QLatin1Char(',')) << '\n';
        for (const auto &row : rows) {
            QStringList fields;
            for (int c = 0; c < jsonKeys.size(); ++c)
                fields << csvField(row.value(c));
            out << fields.join(QLatin1Char(',')) << '\n';
        }
        break;
    case Format::Table: {
        QList<int> widths;
        for (const QString &h : headers)
            widths << int(h.size());
        for (const auto &row : rows)
            for (int c = 0; c < headers.size(); ++c)
                widths[c] = qMax(widths[c], int(text(row.value(c)).size()));
        auto line = [&](const QStringList &cells) {
            QString s;
            for (int c = 0; c < cells.size(); ++c)
                s += c + 1 < cells.size() ? cells.at(c).leftJustified(widths[c] + 1) : cells.at(c);
            out << s << '\n';
        };
        line(headers);
        for (const auto &row : rows) {
            QStringList cells;
            for (int c = 0; c < headers.size(); ++c)
                cells << text(row.value(c));
            line(cells);
        }
        break;
    }
    }
}

}   // namespace cohort::cli
