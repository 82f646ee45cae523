// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetStrategy.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace cohort {

class OffsetResetWizard;

// The reset wizard's second page: where the offsets go, one of
// kafka-consumer-groups.sh's scenarios or a copy from another group, each
// with its own input checked as it is typed: a date-time from a calendar
// (or typed in ISO 8601) with the time zone shown (its offset at that
// date-time, so right across a daylight-saving change), a duration ago
// (PnDTnHnMnS or "2h 30m"), a shift, an offset, a kcg CSV file (read off the
// GUI thread, every bad line listed by number) or the group to copy.
class ResetStrategyPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetStrategyPage)

public:
    explicit ResetStrategyPage(OffsetResetWizard *wizard);

    // The strategy chosen, or what is wrong with its input (what to do included).
    Result<ResetStrategy, QString> strategy() const;
    bool isComplete() const override;

    void choose(ResetStrategy::Kind kind);
    ResetStrategy::Kind chosen() const;
    QComboBox *kindBox() const { return m_kind; }
    QDateTimeEdit *dateTimeEdit() const { return m_dateTime; }
    QLineEdit *dateTimeText() const { return m_dateTimeText; }
    QLabel *timeZoneLabel() const { return m_zone; }
    QLineEdit *durationEdit() const { return m_duration; }
    QLineEdit *shiftEdit() const { return m_shift; }
    QLineEdit *offsetEdit() const { return m_offset; }
    QLineEdit *fileEdit() const { return m_file; }
    QPlainTextEdit *fileErrors() const { return m_fileErrors; }
    QComboBox *sourceGroupBox() const { return m_sourceGroup; }
    // What is wrong with the input, as shown under it; empty when it is good.
    QString problemText() const;
    // Reads the CSV file named in the file field (off the GUI thread); fileRead() follows.
    void readFile();

Q_SIGNALS:
    void fileRead();

private:
    QWidget *addInput(ResetStrategy::Kind kind, const QString &name, const QString &explanation, QWidget *input);
    void update();
    void updateZone();

    OffsetResetWizard *m_wizard;
    QComboBox *m_kind;
    QStackedWidget *m_inputs;
    QDateTimeEdit *m_dateTime;
    QLineEdit *m_dateTimeText;
    QLabel *m_zone;
    QLineEdit *m_duration;
    QLabel *m_durationMeans;
    QLineEdit *m_shift;
    QLineEdit *m_offset;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QPlainTextEdit *m_fileErrors;
    QComboBox *m_sourceGroup;
    QLabel *m_problem;
    // The file as last read: its offsets, or every error with its line.
    QString m_fileReadPath;
    std::optional<Result<ResetStrategy::OffsetsByGroup, QString>> m_fileResult;
    quint64 m_fileGeneration = 0;
};

}   // namespace cohort
