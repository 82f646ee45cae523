// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace cohort {

class OffsetResetWizard;

// The reset wizard's dry run: the plan ResetExecutor makes off the GUI
// thread (a busy bar, the time it has taken, a Stop button), shown per
// partition with the clamped rows marked and the totals to read again and
// to skip. Apply (the wizard's commit button) is enabled only with a plan,
// and on a production connection only once the group's name is typed.
// Export Plan… saves the new offsets as kafka-consumer-groups.sh --export
// does, for kcg --from-file or a later reset from a file.
class ResetPreviewPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetPreviewPage)

public:
    explicit ResetPreviewPage(OffsetResetWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    bool isPlanning() const { return m_planning; }
    QTableView *table() const { return m_table; }
    QLineEdit *typedNameEdit() const { return m_typedName; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *planAgainButton() const { return m_again; }
    QPushButton *exportButton() const { return m_export; }
    // What the last Export Plan… did, as shown under the table.
    QString exportText() const;
    // Writes the plan's new offsets to `path` in kafka-consumer-groups.sh's
    // CSV (the group column for several groups), whole or not at all, off the
    // GUI thread; completes when written, or with why not.
    QFuture<Result<Done, QString>> exportPlan(const QString &path);
    // What the page says about the plan (totals, clamps, the group's state) or why there is none.
    QString summaryText() const;
    QString problemText() const;
    // What must be typed on a production connection; empty when nothing.
    QString requiredName() const;
    // Plans again (the cluster moves on: a plan is for now).
    void plan();

Q_SIGNALS:
    void planned(bool ok);

private:
    void stop();
    void updateProgress();

    OffsetResetWizard *m_wizard;
    QLabel *m_what;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QPushButton *m_stop;
    QPushButton *m_again;
    QPushButton *m_export;
    QLabel *m_exported;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_problem;
    QLabel *m_typedNameLabel;
    QLineEdit *m_typedName;
    QTimer *m_progressTimer;
    QElapsedTimer m_elapsed;
    bool m_planning = false;
    quint64 m_generation = 0;   // an answer to a plan stopped or replaced is dropped
};

}   // namespace cohort
