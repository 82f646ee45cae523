// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LagChartsPanel.h"

#include "widgets/ChartRangeBar.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/LagChart.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace cohort {

LagChartsPanel::LagChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_range(new ChartTimeRange(this))
    , m_rangeBar(new ChartRangeBar(m_range, this))
    , m_total(new LagChart(tr("Total lag"), this))
    , m_topics(new LagChart(tr("Lag per topic"), this))
    , m_partitions(new LagChart(tr("Lag per partition"), this))
    , m_rates(new LagChart(tr("Produce and consume rate"), this))
    , m_timeLag(new LagChart(tr("Time lag"), this))
{
    for (LagChart *chart : charts())
        chart->setTimeRange(m_range);
    m_partitions->setToolTip(tr("The %n partition(s) furthest behind; the others summed", nullptr, m_topPartitions));

    auto *pngButton = new QToolButton(this);
    pngButton->setText(tr("Export PNG"));
    pngButton->setPopupMode(QToolButton::InstantPopup);
    auto *csvButton = new QToolButton(this);
    csvButton->setText(tr("Export CSV"));
    csvButton->setPopupMode(QToolButton::InstantPopup);
    auto *pngMenu = new QMenu(pngButton);
    auto *csvMenu = new QMenu(csvButton);
    for (LagChart *chart : charts()) {
        connect(pngMenu->addAction(chart->title()), &QAction::triggered, this, [this, chart] { exportChart(chart, true); });
        connect(csvMenu->addAction(chart->title()), &QAction::triggered, this, [this, chart] { exportChart(chart, false); });
    }
    pngButton->setMenu(pngMenu);
    csvButton->setMenu(csvMenu);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_rangeBar);
    bar->addStretch();
    bar->addWidget(pngButton);
    bar->addWidget(csvButton);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(m_total, 0, 0);
    grid->addWidget(m_topics, 0, 1);
    grid->addWidget(m_partitions, 0, 2);
    grid->addWidget(m_rates, 1, 0, 1, 2);
    grid->addWidget(m_timeLag, 1, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
}

LagChartsPanel::~LagChartsPanel() = default;

QComboBox *LagChartsPanel::spanChooser() const
{
    return m_rangeBar->spanChooser();
}

QToolButton *LagChartsPanel::followLiveButton() const
{
    return m_rangeBar->followLiveButton();
}

QList<LagChart *> LagChartsPanel::charts() const
{
    return {m_total, m_topics, m_partitions, m_rates, m_timeLag};
}

QString LagChartsPanel::produceRateName()
{
    return tr("Produce rate");
}

QString LagChartsPanel::consumeRateName()
{
    return tr("Consume rate");
}

QString LagChartsPanel::othersName(int partitions)
{
    return tr("Others (%n partition(s))", nullptr, partitions);
}

void LagChartsPanel::setGroupSeries(const QList<LagPoint> &points)
{
    m_total->setSeries(tr("Total lag"), LagSeriesValues::lag(points), LagChart::ValueKind::LagMessages);
    m_rates->setSeries(produceRateName(), LagSeriesValues::produceRate(points), LagChart::ValueKind::RateMessagesPerSecond);
    m_rates->setSeries(consumeRateName(), LagSeriesValues::consumeRate(points), LagChart::ValueKind::RateMessagesPerSecond);
    m_timeLag->setSeries(tr("Time lag"), LagSeriesValues::timeLagMs(points), LagChart::ValueKind::TimeLagMs);
}

void LagChartsPanel::setTopicSeries(const QList<LagSeriesValues::NamedSeries> &topics)
{
    QStringList names;
    for (const LagSeriesValues::NamedSeries &t : topics) {
        m_topics->setSeries(t.name, LagSeriesValues::lag(t.points), LagChart::ValueKind::LagMessages);
        names << t.name;
    }
    m_topics->retainSeries(names);
}

void LagChartsPanel::setPartitionSeries(const QList<LagSeriesValues::NamedSeries> &partitions)
{
    m_partitionSeries = partitions;
    const int rest = std::max<int>(0, int(partitions.size()) - m_topPartitions);
    const QList<LagSeriesValues::NamedSeries> shown = LagSeriesValues::topByLag(partitions, m_topPartitions, othersName(rest));
    QStringList names;
    for (const LagSeriesValues::NamedSeries &p : shown) {
        m_partitions->setSeries(p.name, LagSeriesValues::lag(p.points), LagChart::ValueKind::LagMessages);
        names << p.name;
    }
    m_partitions->retainSeries(names);
}

void LagChartsPanel::setTopPartitions(int count)
{
    m_topPartitions = std::max(1, count);
    m_partitions->setToolTip(tr("The %n partition(s) furthest behind; the others summed", nullptr, m_topPartitions));
    setPartitionSeries(m_partitionSeries);
}

void LagChartsPanel::setEvents(const QList<GroupEvent> &events)
{
    for (LagChart *chart : charts())
        chart->setEvents(events);
}

void LagChartsPanel::exportChart(LagChart *chart, bool png)
{
    const QString filter = png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)");
    const QString suggested = chart->title() + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, png ? tr("Export chart as PNG") : tr("Export chart as CSV"), suggested, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!(png ? chart->exportPng(path, &error) : chart->exportCsv(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
}

}   // namespace cohort
