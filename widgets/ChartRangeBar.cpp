// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ChartRangeBar.h"

#include "widgets/ChartTimeRange.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace cohort {

ChartRangeBar::ChartRangeBar(ChartTimeRange *range, QWidget *parent)
    : QWidget(parent)
    , m_range(range)
    , m_span(new QComboBox(this))
    , m_live(new QToolButton(this))
{
    for (const ChartTimeRange::Span span : ChartTimeRange::spans())
        m_span->addItem(ChartTimeRange::spanName(span), int(span));
    m_span->setCurrentIndex(m_span->findData(int(m_range->span())));
    m_span->setToolTip(tr("How much history the charts show, up to the latest sample"));
    m_live->setText(tr("Follow live"));
    m_live->setCheckable(true);
    m_live->setChecked(m_range->followsLive());
    m_live->setToolTip(tr("Keep the latest sample in view. Zooming (mouse wheel) or dragging a chart stops following."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Range:"), this));
    layout->addWidget(m_span);
    layout->addWidget(m_live);

    connect(m_span, &QComboBox::activated, this,
            [this](int index) { m_range->setSpan(ChartTimeRange::Span(m_span->itemData(index).toInt())); });
    connect(m_range, &ChartTimeRange::spanChanged, this,
            [this](ChartTimeRange::Span span) { m_span->setCurrentIndex(m_span->findData(int(span))); });
    connect(m_live, &QToolButton::toggled, m_range, &ChartTimeRange::setFollowLive);
    connect(m_range, &ChartTimeRange::followLiveChanged, m_live, &QToolButton::setChecked);
}

}   // namespace cohort
