// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"
#include "core/kafka/KafkaErrorHints.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QElapsedTimer;
class QTimer;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace cohort {

class ClusterSession;

// The frame every Group-menu write shares: what will happen, in words, the
// choices of the action (a subclass's), a confirmation (typing the group's
// name on a production connection where the action destroys), then the call to
// ClusterAdmin off the GUI thread with a busy bar, and the outcome. Nothing is
// sent before the confirming button is pressed. The call cannot be taken back
// once sent (Kafka has no cancel for it): closing the dialog meanwhile hides it,
// and the outcome still arrives through completed().
class AdminOperationDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminOperationDialog)

public:
    ~AdminOperationDialog() override;

    QString groupId() const { return m_groupId; }
    // The confirming button ("Delete group", "Trigger rebalance"...).
    QPushButton *confirmButton() const { return m_confirm; }
    // On a production connection for a destructive action: where the group's name is typed.
    QLineEdit *typedNameEdit() const { return m_typedName; }
    bool isRunning() const { return m_running; }
    bool isDone() const { return m_done; }
    QString explanationText() const;
    QString outcomeText() const;
    // While the request is in flight: what it waits for and for how long.
    QString progressText() const;

    void reject() override;

Q_SIGNALS:
    // The call answered: `ok` when everything asked was done; `summary` in one line for the status bar.
    void completed(bool ok, const QString &summary);

protected:
    AdminOperationDialog(std::shared_ptr<ClusterSession> session, const QString &groupId, const QString &title, QWidget *parent);

    // Where the subclass puts its choices, between the explanation and the confirmation.
    QVBoxLayout *choices() const { return m_choices; }
    void setExplanation(const QString &text);
    void setConfirmText(const QString &text);
    // Asks to type the group's name before the confirming button is enabled.
    void requireTypedName();
    // The subclass's choices allow the action (e.g. something is ticked); `why` when not.
    void setChoicesValid(bool valid, const QString &why = {});
    // Sends the request; answer with finish(). Called once, after confirmation.
    virtual void run() = 0;
    // Shows the outcome; `detail` may be several lines (per-partition errors).
    void finish(bool ok, const QString &summary, const QString &detail = {});
    // An error as people read it: the message and what to do (the admin's
    // hint, else KafkaErrorHints' for `action`).
    static QString explain(const KafkaError &error, KafkaErrorHints::Action action);

    std::shared_ptr<ClusterSession> session() const { return m_session; }

private:
    void updateConfirm();
    void start();
    void updateProgress();

    std::shared_ptr<ClusterSession> m_session;
    QString m_groupId;
    QLabel *m_explanation;
    QVBoxLayout *m_choices;
    QLabel *m_typedNameLabel;
    QLineEdit *m_typedName;
    QLabel *m_invalid;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QTimer *m_progressTimer;
    std::unique_ptr<QElapsedTimer> m_elapsed;
    QLabel *m_outcome;
    QDialogButtonBox *m_buttons;
    QPushButton *m_confirm;
    bool m_typedNameRequired = false;
    bool m_choicesValid = true;
    bool m_running = false;
    bool m_done = false;
};

}   // namespace cohort
