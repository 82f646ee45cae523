// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetOutcome.h"

#include <QElapsedTimer>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace cohort {

class OffsetResetWizard;

// The reset wizard's last page: the guard, the apply and the read-back.
// Brokers take an admin commit only while a group is Empty: when one is not,
// its members are listed (client id, host) and nothing is written; "Wait
// until Empty" watches it (its state and members as they change, Stop to
// give up) and applies once every group is Empty. The apply itself
// (ResetExecutor: guard again, backup, one commit per group, read-back)
// cannot be taken back once sent; its per-partition outcome fills the plan's
// table and the verification is said in plain words.
class ResetApplyPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetApplyPage)

public:
    enum class Step { Checking, Active, Waiting, Applying, Done, Refused };

    explicit ResetApplyPage(OffsetResetWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    Step step() const { return m_step; }
    bool isApplying() const { return m_step == Step::Applying; }
    QString statusText() const;
    QString verificationText() const;
    QTableWidget *membersTable() const { return m_members; }
    QPushButton *waitButton() const { return m_wait; }
    QPushButton *stopWaitingButton() const { return m_stopWaiting; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }
    QTableView *table() const { return m_table; }
    // How often a wait until Empty looks at the group (ResetExecutor::waitUntilEmpty).
    void setWaitPollMs(int ms) { m_pollMs = ms; }
    // The outcome of the apply, once done.
    const std::optional<ResetOutcome> &outcome() const { return m_outcome; }

Q_SIGNALS:
    void applied(bool ok, const QString &summary);
    void stepChanged(cohort::ResetApplyPage::Step step);

private:
    void check();
    void waitForNext();
    void apply();
    void showActive(const QList<GroupDescription> &active);
    void showMembers(const QString &groupId, GroupState state, const QList<GroupMember> &members);
    void setStep(Step step, const QString &status, bool error = false);
    void updateProgress();

    OffsetResetWizard *m_wizard;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QTableWidget *m_members;
    QPushButton *m_wait;
    QPushButton *m_stopWaiting;
    QPushButton *m_checkAgain;
    QTableView *m_table;
    QLabel *m_verification;
    QTimer *m_progressTimer;
    QElapsedTimer m_elapsed;
    Step m_step = Step::Checking;
    QStringList m_activeGroups;   // what the last guard check found, in order
    QString m_waitingFor;
    std::optional<ResetOutcome> m_outcome;
    quint64 m_generation = 0;
    int m_pollMs = 1000;
};

}   // namespace cohort

Q_DECLARE_METATYPE(cohort::ResetApplyPage::Step)
