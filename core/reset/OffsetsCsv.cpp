// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/OffsetsCsv.h"

#include "core/util/AtomicFile.h"

#include <QSet>

#include <algorithm>
#include <optional>

namespace cohort {

namespace {

// One CSV line's fields (RFC 4180 quoting, as Jackson's CSV writer quotes);
// nullopt for an unterminated quote.
std::optional<QStringList> splitLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    fields << field;
    return fields;
}

// As kafka-consumer-groups.sh writes a field (Jackson's CSV encoder, loose
// check): quoted when longer than 24 characters or holding any character
// below '-' (space, quote, comma, ...), quotes doubled.
QString quoted(const QString &field)
{
    constexpr qsizetype kMaxUnquoted = 24;
    const bool plain
        = field.size() <= kMaxUnquoted && std::none_of(field.cbegin(), field.cend(), [](QChar c) { return c.unicode() < u'-'; });
    if (plain)
        return field;
    QString f = field;
    f.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + f + QLatin1Char('"');
}

}   // namespace

Result<ResetStrategy::OffsetsByGroup, QList<OffsetsCsv::Error>> OffsetsCsv::parse(const QString &text, const QStringList &selectedGroups,
                                                                                  const ClusterMetadata *metadata)
{
    QList<Error> errors;
    ResetStrategy::OffsetsByGroup out;
    QHash<QString, const TopicInfo *> topics;
    if (metadata)
        for (const TopicInfo &t : metadata->topics)
            topics.insert(t.name, &t);
    QHash<QPair<QString, TopicPartition>, int> seenAt;   // (group, partition) -> line
    QSet<QString> unknownTopicsSaid;
    int columns = 0;
    int firstLine = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const auto fields = splitLine(line);
        if (!fields) {
            errors << Error{lineNo, tr("a quote is not closed")};
            continue;
        }
        const int n = int(fields->size());
        if (n != 3 && n != 4) {
            errors << Error{lineNo, tr("expected 3 columns (topic,partition,offset) or 4 (group,topic,partition,offset), found %1").arg(n)};
            continue;
        }
        if (columns == 0) {
            columns = n;
            firstLine = lineNo;
            if (columns == 3 && selectedGroups.size() != 1) {
                errors << Error{lineNo, tr("three columns (topic,partition,offset) belong to one group, but %n group(s) are selected: "
                                           "use four columns (group,topic,partition,offset)",
                                           nullptr, int(selectedGroups.size()))};
                return errors;
            }
        } else if (n != columns) {
            errors << Error{lineNo, tr("expected %1 columns as on line %2, found %3").arg(columns).arg(firstLine).arg(n)};
            continue;
        }
        const int at = columns == 4 ? 1 : 0;
        const QString group = columns == 4 ? fields->at(0) : selectedGroups.value(0);
        const QString topic = fields->at(at).trimmed();
        bool partitionOk = false, offsetOk = false;
        const int partition = fields->at(at + 1).trimmed().toInt(&partitionOk);
        const qint64 offset = fields->at(at + 2).trimmed().toLongLong(&offsetOk);
        bool bad = false;
        if (!selectedGroups.contains(group)) {
            errors << Error{
                lineNo, tr("group '%1' is not one of the groups being reset (%2)").arg(group, selectedGroups.join(QStringLiteral(", ")))};
            bad = true;
        }
        if (topic.isEmpty()) {
            errors << Error{lineNo, tr("the topic is empty")};
            bad = true;
        }
        if (!partitionOk) {
            errors << Error{lineNo, tr("partition '%1' is not a number").arg(fields->at(at + 1))};
            bad = true;
        } else if (partition < 0) {
            errors << Error{lineNo, tr("partition %1 is negative").arg(partition)};
            bad = true;
        }
        if (!offsetOk) {
            errors << Error{lineNo, tr("offset '%1' is not a number").arg(fields->at(at + 2))};
            bad = true;
        } else if (offset < 0) {
            errors << Error{lineNo, tr("offset %1 is negative").arg(offset)};
            bad = true;
        }
        if (metadata && !topic.isEmpty()) {
            const TopicInfo *t = topics.value(topic);
            if (!t) {
                errors << Error{lineNo, tr("topic '%1' does not exist").arg(topic)};
                bad = true;
            } else if (partitionOk && partition >= 0
                       && std::none_of(t->partitions.cbegin(), t->partitions.cend(),
                                       [partition](const PartitionInfo &p) { return p.partition == partition; })) {
                errors << Error{lineNo, tr("topic '%1' has no partition %2 (it has %n partition(s))", nullptr, int(t->partitions.size()))
                                            .arg(topic)
                                            .arg(partition)};
                bad = true;
            }
        }
        if (bad)
            continue;
        const TopicPartition tp{topic, partition};
        const auto key = qMakePair(group, tp);
        if (const auto first = seenAt.constFind(key); first != seenAt.cend()) {
            errors << Error{lineNo, tr("%1-%2 of group '%3' is already on line %4").arg(topic).arg(partition).arg(group).arg(*first)};
            continue;
        }
        seenAt.insert(key, lineNo);
        out[group].insert(tp, offset);
    }
    if (errors.isEmpty() && out.isEmpty())
        errors << Error{0, tr("the file lists no offsets")};
    if (!errors.isEmpty())
        return errors;
    return out;
}

QString OffsetsCsv::describe(const QList<Error> &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines << (e.line > 0 ? tr("line %1: %2").arg(e.line).arg(e.message) : e.message);
    return lines.join(QLatin1Char('\n'));
}

QString OffsetsCsv::write(const ResetStrategy::OffsetsByGroup &offsets, bool withGroup)
{
    QStringList groups = offsets.keys();
    std::sort(groups.begin(), groups.end());
    QString text;
    for (const QString &g : std::as_const(groups)) {
        const QHash<TopicPartition, qint64> &byTp = offsets.value(g);
        QList<TopicPartition> tps = byTp.keys();
        std::sort(tps.begin(), tps.end());
        for (const TopicPartition &tp : std::as_const(tps)) {
            if (withGroup)
                text += quoted(g) + QLatin1Char(',');
            text += quoted(tp.topic) + QLatin1Char(',') + QString::number(tp.partition) + QLatin1Char(',') + QString::number(byTp.value(tp))
                    + QLatin1Char('\n');
        }
    }
    return text;
}

Result<Done, QString> OffsetsCsv::save(const QString &path, const ResetStrategy::OffsetsByGroup &offsets, bool withGroup)
{
    return AtomicFile::write(path, write(offsets, withGroup).toUtf8());
}

}   // namespace cohort
