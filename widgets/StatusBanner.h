// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace cohort {

// A coloured strip above the content that says what failed and what to check
// (or that the data shown is stale); hidden when all is well.
class StatusBanner : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBanner)

public:
    explicit StatusBanner(QWidget *parent = nullptr);
    void showError(const QString &what, const QString &hint);
    void clear();
    QString text() const;

private:
    QLabel *m_label;
};

}   // namespace cohort
