// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/StatusBanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace cohort {

StatusBanner::StatusBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBanner"));
    setStyleSheet(QStringLiteral("#statusBanner { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; }"
                                 "#statusBanner QLabel { color: #8a1c13; }"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
    hide();
}

void StatusBanner::showError(const QString &what, const QString &hint)
{
    m_label->setText(hint.isEmpty() ? what : what + QLatin1Char('\n') + hint);
    show();
}

void StatusBanner::clear()
{
    m_label->clear();
    hide();
}

QString StatusBanner::text() const
{
    return m_label->text();
}

} // namespace cohort
