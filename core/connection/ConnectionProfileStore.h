// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/kafka/Result.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace cohort {

// Saved connection profiles in QSettings, one group "connections/<name>" each,
// shared by cohort and cohort-cli. Never stores a password (see SecretStore).
class ConnectionProfileStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionProfileStore)

public:
    // The user's Cohort settings (organisation and application "Cohort"),
    // whatever the calling binary's own application name is.
    explicit ConnectionProfileStore(QObject *parent = nullptr);
    // An INI file of its own: for tests and portable setups.
    explicit ConnectionProfileStore(const QString &iniFile, QObject *parent = nullptr);
    ~ConnectionProfileStore() override;

    // Saved profile names, sorted case-insensitively.
    QStringList names() const;
    bool contains(const QString &name) const;
    std::optional<ConnectionProfile> load(const QString &name) const;
    // The saved profile `name` ready to connect with: `bootstrapOverride`, when
    // not empty, replaces its servers, and the result must validate. Otherwise
    // the reason, for people (an unknown name lists the saved ones).
    Result<ConnectionProfile, QString> loadForConnecting(const QString &name, const QString &bootstrapOverride) const;

    // Creates or replaces the profile called profile.name. Refuses (saying
    // why) a profile whose validate() reports a problem with its name, since
    // the name is the settings key.
    Result<Done, QString> save(const ConnectionProfile &profile);
    bool remove(const QString &name);
    // Fails, saying why, when `from` does not exist or `to` is taken or not a valid name.
    Result<Done, QString> rename(const QString &from, const QString &to);

    // The profile connected to last; empty when none (or it was removed).
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // Where the settings live, for messages and tests.
    QString fileName() const;
    // Writes pending changes to disk now (QSettings otherwise does it later).
    void sync();

Q_SIGNALS:
    // A profile was saved, removed or renamed.
    void changed();

private:
    void write(const ConnectionProfile &profile);

    std::unique_ptr<QSettings> m_settings;
};

}   // namespace cohort
