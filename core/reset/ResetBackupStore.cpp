// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetBackupStore.h"

#include "core/reset/OffsetsCsv.h"
#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace cohort {

QStringList ResetBackup::restorableGroups() const
{
    QStringList out = previous.keys();
    for (auto it = withoutOffset.cbegin(); it != withoutOffset.cend(); ++it)
        if (!it.value().isEmpty() && !out.contains(it.key()))
            out << it.key();
    out.sort();
    return out;
}

ResetRequest ResetBackup::restoreRequest(const QString &groupId) const
{
    ResetRequest request;
    request.groups = groupId.isEmpty() ? restorableGroups() : QStringList{groupId};
    ResetStrategy::OffsetsByGroup offsets;
    ResetStrategy::PartitionsByGroup deletions;
    for (const QString &g : std::as_const(request.groups)) {
        if (previous.contains(g))
            offsets.insert(g, previous.value(g));
        if (!withoutOffset.value(g).isEmpty())
            deletions.insert(g, withoutOffset.value(g));
    }
    request.strategy = ResetStrategy::restoring(offsets, deletions, csvPath);
    return request;
}

ResetBackupStore::ResetBackupStore(const QString &directory)
    : m_directory(directory)
{ }

QString ResetBackupStore::defaultDirectory()
{
    // The window's AppDataLocation (organisation and application "Cohort"),
    // whichever binary asks: cohort-cli undoes what the window reset.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Cohort/Cohort/resets");
}

Result<ResetBackup, QString> ResetBackupStore::save(ResetBackup backup) const
{
    if (!QDir().mkpath(m_directory))
        return tr("cannot make the directory %1 for the reset's backup").arg(m_directory);
    // The time makes names unique and sort in order; the first group's id,
    // made safe for a file name, helps a person find the file.
    QString safe = backup.groups.value(0);
    for (QChar &c : safe)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    QString base
        = m_directory + QLatin1Char('/') + backup.time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'-")) + safe.left(80);
    for (int n = 2; QFile::exists(base + QStringLiteral(".json")); ++n)
        base = base.section(QLatin1Char('~'), 0, 0) + QLatin1Char('~') + QString::number(n);
    backup.csvPath = base + QStringLiteral(".csv");
    backup.jsonPath = base + QStringLiteral(".json");

    QJsonObject o;
    o.insert(QStringLiteral("groups"), QJsonArray::fromStringList(backup.groups));
    o.insert(QStringLiteral("time"), backup.time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("profile"), backup.profile);
    o.insert(QStringLiteral("strategy"), backup.strategy);
    o.insert(QStringLiteral("csv"), QFileInfo(backup.csvPath).fileName());
    o.insert(QStringLiteral("csv_has_group_column"), backup.groups.size() > 1);
    QJsonObject without;
    for (auto it = backup.withoutOffset.cbegin(); it != backup.withoutOffset.cend(); ++it) {
        QJsonArray parts;
        for (const TopicPartition &tp : it.value())
            parts.append(QJsonObject{{QStringLiteral("topic"), tp.topic}, {QStringLiteral("partition"), tp.partition}});
        without.insert(it.key(), parts);
    }
    o.insert(QStringLiteral("without_offset"), without);

    if (auto w = OffsetsCsv::save(backup.csvPath, backup.previous, backup.groups.size() > 1); !w)
        return w.error();
    if (auto w = AtomicFile::write(backup.jsonPath, QJsonDocument(o).toJson()); !w) {
        QFile::remove(backup.csvPath);
        return w.error();
    }
    return backup;
}

std::optional<ResetBackup> ResetBackupStore::read(const QString &jsonPath)
{
    QFile f(jsonPath);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    ResetBackup b;
    b.jsonPath = jsonPath;
    b.csvPath = QFileInfo(jsonPath).dir().filePath(o.value(QStringLiteral("csv")).toString());
    for (const QJsonValue &g : o.value(QStringLiteral("groups")).toArray())
        b.groups << g.toString();
    b.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    b.profile = o.value(QStringLiteral("profile")).toString();
    b.strategy = o.value(QStringLiteral("strategy")).toString();
    const QJsonObject without = o.value(QStringLiteral("without_offset")).toObject();
    for (auto it = without.begin(); it != without.end(); ++it)
        for (const QJsonValue &v : it.value().toArray())
            b.withoutOffset[it.key()] << TopicPartition{v[QStringLiteral("topic")].toString(), v[QStringLiteral("partition")].toInt()};
    if (b.groups.isEmpty() || !b.time.isValid())
        return std::nullopt;
    QFile csv(b.csvPath);
    if (!csv.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QString text = QString::fromUtf8(csv.readAll());
    // A reset of partitions that had no offsets backs up nothing: an empty file.
    if (!text.trimmed().isEmpty()) {
        auto parsed = OffsetsCsv::parse(text, b.groups, nullptr);
        if (!parsed)
            return std::nullopt;
        b.previous = parsed.value();
    }
    return b;
}

QList<ResetBackup> ResetBackupStore::history(const QString &groupId) const
{
    QList<ResetBackup> out;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        auto b = read(dir.filePath(name));
        if (b && (groupId.isEmpty() || b->groups.contains(groupId)))
            out << *b;
    }
    std::sort(out.begin(), out.end(),
              [](const ResetBackup &a, const ResetBackup &b) { return a.time != b.time ? a.time > b.time : a.jsonPath > b.jsonPath; });
    return out;
}

std::optional<ResetBackup> ResetBackupStore::last(const QString &groupId) const
{
    const QList<ResetBackup> all = history(groupId);
    return all.isEmpty() ? std::nullopt : std::optional<ResetBackup>(all.first());
}

}   // namespace cohort
