// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/MissingPart.h"

#include <QDateTime>
#include <QFrame>

#include <functional>

class QLabel;
class QTimer;
class QToolButton;

namespace cohort {

// A warning strip above the content while the snapshot shown is partial: one
// line per thing missing and since when (MissingPartsSummary), the age kept
// current by a timer while it is shown, and every part's own line under
// "Details" and in the tooltip. Hidden when nothing is missing.
class MissingPartsBanner : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissingPartsBanner)

public:
    explicit MissingPartsBanner(QWidget *parent = nullptr);

    // Shows these parts (hides the banner when empty).
    void setMissing(const MissingParts &parts);
    void clear() { setMissing({}); }
    const MissingParts &missing() const { return m_parts; }

    QString text() const;          // the summary lines, as shown
    QString detailsText() const;   // every part's describe(), one a line
    bool detailsShown() const;
    void setDetailsShown(bool shown);
    QToolButton *detailsButton() const { return m_details; }

    // Where "now" comes from (the system clock unless set; tests pin it).
    void setClock(std::function<QDateTime()> clock);
    static constexpr int kAgeUpdateMs = 1000;

private:
    void updateText();

    MissingParts m_parts;
    std::function<QDateTime()> m_clock;
    QLabel *m_summary;
    QLabel *m_detailLines;
    QToolButton *m_details;
    QTimer *m_ageTimer;
};

}   // namespace cohort
