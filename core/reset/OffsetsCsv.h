// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetStrategy.h"
#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace cohort {

// kafka-consumer-groups.sh's offsets CSV (--export, --from-file): no header,
// "topic,partition,offset" for one group, "group,topic,partition,offset" for
// several, one partition a line, fields quoted as its writer quotes them.
class OffsetsCsv
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsCsv)

public:
    struct Error
    {
        int line = 0;   // 1-based; 0 for the file as a whole
        QString message;
    };

    // Reads a whole file. The three-column form belongs to the one selected
    // group (several selected groups need the group column); a group column
    // naming a group that is not selected is an error. With metadata, topics
    // and partitions that do not exist are errors too. Every error is
    // reported, with its line; none means the whole file is good.
    static Result<ResetStrategy::OffsetsByGroup, QList<Error>> parse(const QString &text, const QStringList &selectedGroups,
                                                                     const ClusterMetadata *metadata);
    // "line 3: ..." lines, as a message.
    static QString describe(const QList<Error> &errors);

    // Rows per group, sorted by group, topic and partition; with the group
    // column when withGroup (kafka-consumer-groups.sh: when more than one
    // group was asked for).
    static QString write(const ResetStrategy::OffsetsByGroup &offsets, bool withGroup);
    // write() into a file, whole or not at all (AtomicFile): done, or
    // "cannot write PATH: why".
    static Result<Done, QString> save(const QString &path, const ResetStrategy::OffsetsByGroup &offsets, bool withGroup);
};

}   // namespace cohort
