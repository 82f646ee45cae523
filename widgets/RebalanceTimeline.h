// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"
#include "core/rebalance/OwnershipTimeline.h"
#include "widgets/ChartTimeRange.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace cohort {

// A group's rebalances over time (a QCustomPlot): a lane per member with a
// bar for each stretch it owned the same partitions (labelled with them where
// the bar is wide enough), a top lane of the group's states (every state but
// Stable and Empty also shades the member lanes, so a stop-the-world window
// shows as a gap under a band), and a dashed marker per event. The time axis
// follows a ChartTimeRange shared with the lag charts; wheel zoom and drag
// pan write the user's window into it. Hovering says what is there in words
// (GroupEventText for a marker). Colours come from Theme and follow the palette.
class RebalanceTimeline : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RebalanceTimeline)

public:
    explicit RebalanceTimeline(QWidget *parent = nullptr);
    ~RebalanceTimeline() override;

    // Follows `range` (not owned; null: a range of the timeline's own).
    void setTimeRange(ChartTimeRange *range);
    ChartTimeRange *timeRange() const { return m_range; }

    // The lanes and state bands to draw (OwnershipTimeline::build); replaces
    // what was drawn only when it differs.
    void setTimeline(const OwnershipTimeline &timeline);
    // One marker per event.
    void setEvents(const QList<GroupEvent> &events);

    int laneCount() const { return int(m_timeline.lanes.size()); }
    QStringList laneLabels() const;
    int barCount() const { return int(m_bars.size()); }
    int bandCount() const { return int(m_bands.size()); }
    int markerCount() const { return int(m_markers.size()); }
    // The key (seconds since the epoch) of each marker, for tests.
    QList<double> markerKeys() const;

    // What the hover tooltip says at `pos` (plot coordinates): the events
    // marked there, else the bar or the state band under the mouse.
    QString toolTipAt(const QPoint &pos) const;

    QCustomPlot *plot() const { return m_plot; }

    // A lane's name: its group.instance.id, else its client id and the end of its member id.
    static QString laneLabel(const OwnershipTimeline::Lane &lane);

private:
    struct Bar
    {
        int lane = 0;
        OwnershipTimeline::Span span;
        QCPItemRect *rect = nullptr;
        QCPItemText *text = nullptr;
    };
    struct Band
    {
        OwnershipTimeline::StateBand band;
        QCPItemRect *rect = nullptr;
        QCPItemRect *shade = nullptr;   // over the member lanes; null for Stable and Empty
        QCPItemText *text = nullptr;
    };
    struct Marker
    {
        GroupEvent event;
        QCPItemStraightLine *line = nullptr;
    };

    void rebuild();
    void applyWindow(qint64 fromMs, qint64 toMs);
    void applyTheme();
    void styleAll();
    void placeLabels();
    void showToolTip(const QPoint &pos, const QPoint &globalPos);
    QString spanText(qint64 fromMs, qint64 toMs) const;

    QCustomPlot *m_plot;
    QCPItemText *m_emptyText;
    QPointer<ChartTimeRange> m_range;
    ChartTimeRange *m_ownRange;
    OwnershipTimeline m_timeline;
    QList<Bar> m_bars;
    QList<Band> m_bands;
    QList<Marker> m_markers;
    bool m_applyingWindow = false;
};

}   // namespace cohort
