// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/StatusBanner.h"

#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QHBoxLayout>
#include <QLabel>

namespace cohort {

StatusBanner::StatusBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBanner"));
    ThemeNotifier::restyleOnChange(this, [this] {
        const Theme &theme = Theme::current();
        setStyleSheet(theme.noticeStyleSheet(Theme::Notice::Error, QStringLiteral("#statusBanner"))
                      + Theme::textStyleSheet(theme.notice(Theme::Notice::Error).text, QStringLiteral("#statusBanner QLabel")));
    });
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

}   // namespace cohort
