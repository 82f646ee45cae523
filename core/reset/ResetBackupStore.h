// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetRequest.h"
#include "core/reset/ResetStrategy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort {

// One reset as it was backed up before it was applied: the groups' previous
// committed offsets (a kafka-consumer-groups.sh CSV, so that kcg --from-file
// can restore it too) and a sidecar JSON saying what was done.
struct ResetBackup
{
    QString csvPath;
    QString jsonPath;
    QStringList groups;
    QDateTime time;                           // UTC
    QString profile;                          // the connection's name, or its bootstrap servers
    QString strategy;                         // ResetStrategy::describe()
    ResetStrategy::OffsetsByGroup previous;   // what was committed before
    // Partitions the reset gave a first committed offset: an undo deletes
    // those offsets again (OffsetDelete names partitions, as kcg
    // --delete-offsets --topic T:P does). Not in the CSV, which has no way
    // to say "none": kcg --from-file restores only the others.
    QHash<QString, QList<TopicPartition>> withoutOffset;

    // The request that puts this backup back: its offsets committed again
    // and the first offsets it recorded deleted, for every group it holds
    // (or only `groupId`).
    ResetRequest restoreRequest(const QString &groupId = {}) const;
    // The groups it holds anything of (offsets or partitions without), sorted.
    QStringList restorableGroups() const;
};

// Where the backups of resets live: one file pair per reset under
// the window's QStandardPaths::AppDataLocation/resets/ (a test passes a
// directory of its own). Both files are written atomically (QSaveFile); the JSON, written
// last, is what makes a backup count.
class ResetBackupStore
{
    Q_DECLARE_TR_FUNCTIONS(ResetBackupStore)

public:
    explicit ResetBackupStore(const QString &directory = defaultDirectory());
    static QString defaultDirectory();
    const QString &directory() const { return m_directory; }

    // Writes the backup; fills in its paths. Nothing is left half-written.
    Result<ResetBackup, QString> save(ResetBackup backup) const;
    // Every backup (of one group when groupId is not empty), newest first.
    QList<ResetBackup> history(const QString &groupId = {}) const;
    std::optional<ResetBackup> last(const QString &groupId) const;

private:
    static std::optional<ResetBackup> read(const QString &jsonPath);

    QString m_directory;
};

}   // namespace cohort
