// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MissingPartsBanner.h"

#include "core/snapshot/MissingPartsSummary.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QGridLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace cohort {

MissingPartsBanner::MissingPartsBanner(QWidget *parent)
    : QFrame(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_summary(new QLabel(this))
    , m_detailLines(new QLabel(this))
    , m_details(new QToolButton(this))
    , m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("missingPartsBanner"));
    ThemeNotifier::restyleOnChange(this, [this] {
        const Theme &theme = Theme::current();
        setStyleSheet(theme.noticeStyleSheet(Theme::Notice::Warning, QStringLiteral("#missingPartsBanner"))
                      + Theme::textStyleSheet(theme.notice(Theme::Notice::Warning).text,
                                              QStringLiteral("#missingPartsBanner QLabel, #missingPartsBanner QToolButton")));
    });
    for (QLabel *l : {m_summary, m_detailLines}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_detailLines->hide();
    m_details->setObjectName(QStringLiteral("missingPartsDetails"));
    m_details->setCheckable(true);
    m_details->setAutoRaise(true);
    m_details->setText(tr("Details"));
    m_details->setToolTip(tr("Show every part the last refresh could not read, with the error"));
    connect(m_details, &QToolButton::toggled, this, &MissingPartsBanner::setDetailsShown);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_summary, 0, 0);
    layout->addWidget(m_details, 0, 1, Qt::AlignTop);
    layout->addWidget(m_detailLines, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);

    // The ages grow while nothing is refreshed: re-worded every second, not re-read.
    m_ageTimer->setInterval(kAgeUpdateMs);
    connect(m_ageTimer, &QTimer::timeout, this, &MissingPartsBanner::updateText);
    hide();
}

void MissingPartsBanner::setMissing(const MissingParts &parts)
{
    m_parts = parts;
    if (m_parts.isEmpty()) {
        m_ageTimer->stop();
        m_summary->clear();
        m_detailLines->clear();
        setToolTip(QString());
        hide();
        return;
    }
    const QString details = MissingPartsSummary::details(m_parts).join(QLatin1Char('\n'));
    m_detailLines->setText(details);
    setToolTip(details);
    updateText();
    m_ageTimer->start();
    show();
}

void MissingPartsBanner::updateText()
{
    if (m_parts.isEmpty())
        return;
    const QStringList lines = MissingPartsSummary::headlines(m_parts, m_clock());
    m_summary->setText(tr("Part of the cluster is not shown as it is now:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

QString MissingPartsBanner::text() const
{
    return m_summary->text();
}

QString MissingPartsBanner::detailsText() const
{
    return m_detailLines->text();
}

bool MissingPartsBanner::detailsShown() const
{
    return !m_detailLines->isHidden();
}

void MissingPartsBanner::setDetailsShown(bool shown)
{
    m_detailLines->setVisible(shown);
    const QSignalBlocker block(m_details);
    m_details->setChecked(shown);
    m_details->setText(shown ? tr("Hide details") : tr("Details"));
}

void MissingPartsBanner::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateText();
}

}   // namespace cohort
