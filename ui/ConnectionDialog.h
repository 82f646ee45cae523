// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QDialog>

#include <memory>

class QLineEdit;

namespace Ui {
class ConnectionDialog;
}

namespace cohort {

class ConnectionProfileStore;
class SecretStore;
struct ConnectionReport;
template<typename T, typename E>
class Result;

// Saved connections on the left, the chosen one's settings on the right: create,
// edit, delete and test a connection, then pick one to connect to.
//
//     ConnectionDialog dlg(store, secrets, parent);
//     if (dlg.exec() == QDialog::Accepted)
//         connectTo(dlg.profile(), dlg.password());
//
// Connect saves the profile (and, when "Remember" is ticked, its password in
// `secrets`) and makes it the last used one. The store and the secret store
// must outlive the dialog.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(ConnectionProfileStore &store, SecretStore &secrets, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // The form as a profile, and its password: what to connect to after Accepted.
    ConnectionProfile profile() const;
    QString password() const;

    // Shows a saved profile (its password arrives from the secret store later);
    // false when there is no such profile.
    bool selectProfile(const QString &name);

    // Fills the form with a profile that need not be saved (e.g. from --bootstrap-server).
    void setProfile(const ConnectionProfile &profile, const QString &password = {});

    // How long "Test connection" waits for the cluster (default 10 s).
    void setTestTimeoutMs(int ms) { m_testTimeoutMs = ms; }
    bool isTesting() const;
    // What the last finished test showed, as on screen.
    QString testResultText() const;
    // The validation problems on screen (empty when none are shown).
    QStringList shownProblems() const { return m_shownProblems; }

Q_SIGNALS:
    // A "Test connection" finished (and was not superseded by a newer one).
    void testFinished(bool ok);

public Q_SLOTS:
    void newProfile();
    bool saveProfile();
    void deleteProfile();
    void testConnection();
    void accept() override;

private:
    void reloadList(const QString &select);
    void onSelectionChanged();
    void loadIntoForm(const ConnectionProfile &profile);
    void readStoredPassword(const QString &name);
    void updateEnabledFields();
    bool checkProblems(const ConnectionProfile &profile);
    void showProblems(const QStringList &problems);
    void onFormEdited();
    void showTestResult(const Result<ConnectionReport> &result, qint64 elapsedMs);
    void finishTestUi();
    void updateSecretStatus(const QString &note = {});
    void browse(QLineEdit *edit, const QString &title);

    std::unique_ptr<Ui::ConnectionDialog> ui;
    ConnectionProfileStore &m_store;
    SecretStore &m_secrets;
    QString m_loadedName;   // the saved profile being edited; empty for a new one
    QStringList m_shownProblems;
    int m_testTimeoutMs = 10000;
    quint64 m_testGeneration = 0;   // a newer test drops an older one's answer
    quint64 m_passwordGeneration = 0;
    bool m_testing = false;   // the newest test has not answered yet
    bool m_filling = false;   // the form is being filled by code, not edited
};

}   // namespace cohort
