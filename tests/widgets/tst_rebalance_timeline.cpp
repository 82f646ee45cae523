// SPDX-License-Identifier: GPL-3.0-or-later
// The rebalance timeline offscreen, on a crafted eager rebalance (what
// GroupEventDetector reports when a second member joins a one-member group):
// the lanes and state bands rebuilt from the events (OwnershipTimeline), a
// lane per member with bars of its partitions, a band per state with the
// member lanes shaded while the group rebalances, a marker per event whose
// hover text says the event in words, zoom that leaves "follow live" on the
// shared range, and a dark palette that gives a dark timeline.

#include "PaletteImages.h"

#include "core/rebalance/OwnershipTimeline.h"
#include "models/Theme.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/RebalanceTimeline.h"

#include <QTest>
#include <QTimeZone>
#include <QWheelEvent>

#include <cmath>

#include "widgets/QCustomPlotHeader.h"

using namespace cohort;
using namespace cohort::test;

namespace {

const qint64 kT0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kStart = kT0 + 20'000;      // b joins: PreparingRebalance, a revokes everything (eager)
const qint64 kSync = kT0 + 24'000;       // CompletingRebalance
const qint64 kComplete = kT0 + 28'000;   // Stable: a gets t-0, t-1 back, b gets t-2
const qint64 kNow = kT0 + 60'000;

TopicPartition tp(int p)
{
    return {QStringLiteral("t"), p};
}

GroupEvent makeEvent(GroupEventKind kind, qint64 at, GroupState state, const QString &member = {})
{
    GroupEvent e;
    e.timeMs = at;
    e.groupId = QStringLiteral("g");
    e.kind = kind;
    e.state = state;
    e.generation = kind == GroupEventKind::RebalanceCompleted || at >= kComplete ? 5 : 4;
    e.memberId = member;
    e.clientId = member.isEmpty() ? QString() : QStringLiteral("c");
    return e;
}

const QString kA = QStringLiteral("c-aaaa1111");
const QString kB = QStringLiteral("c-bbbb2222");

QList<GroupEvent> eagerJoin()
{
    QList<GroupEvent> events;
    GroupEvent toPreparing = makeEvent(GroupEventKind::StateChanged, kStart, GroupState::PreparingRebalance);
    toPreparing.previousState = GroupState::Stable;
    GroupEvent started = makeEvent(GroupEventKind::RebalanceStarted, kStart, GroupState::PreparingRebalance);
    started.reason = QStringLiteral("c (c-bbbb2222) joined");
    GroupEvent revoked = makeEvent(GroupEventKind::AssignmentChanged, kStart, GroupState::PreparingRebalance, kA);
    revoked.partitionsRemoved = {tp(0), tp(1), tp(2)};
    events << toPreparing << started << makeEvent(GroupEventKind::MemberJoined, kStart, GroupState::PreparingRebalance, kB) << revoked;
    GroupEvent toCompleting = makeEvent(GroupEventKind::StateChanged, kSync, GroupState::CompletingRebalance);
    toCompleting.previousState = GroupState::PreparingRebalance;
    events << toCompleting;
    GroupEvent toStable = makeEvent(GroupEventKind::StateChanged, kComplete, GroupState::Stable);
    toStable.previousState = GroupState::CompletingRebalance;
    GroupEvent aGets = makeEvent(GroupEventKind::AssignmentChanged, kComplete, GroupState::Stable, kA);
    aGets.partitionsAdded = {tp(0), tp(1)};
    GroupEvent bGets = makeEvent(GroupEventKind::AssignmentChanged, kComplete, GroupState::Stable, kB);
    bGets.partitionsAdded = {tp(2)};
    GroupEvent completed = makeEvent(GroupEventKind::RebalanceCompleted, kComplete, GroupState::Stable);
    completed.durationMs = kComplete - kStart;
    completed.partitionsMoved = 1;
    completed.unownedMs = kComplete - kStart;
    events << toStable << aGets << bGets << completed;
    return events;
}

QList<OwnershipTimeline::Member> membersNow()
{
    return {{kA, QStringLiteral("c"), {}, {tp(0), tp(1)}}, {kB, QStringLiteral("c"), {}, {tp(2)}}};
}

QColor blend(const QColor &over, int alpha, const QColor &base)
{
    const double a = alpha / 255.0;
    return QColor(int(std::lround(over.red() * a + base.red() * (1 - a))), int(std::lround(over.green() * a + base.green() * (1 - a))),
                  int(std::lround(over.blue() * a + base.blue() * (1 - a))));
}

void keepImage(const QImage &image, const QString &suffix = {})
{
    if (const QByteArray dir = qgetenv("COHORT_TEST_IMAGES"); !dir.isEmpty())
        image.save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QString::fromLatin1(QTest::currentTestFunction()) + suffix
                   + QStringLiteral(".png"));
}

QImage render(RebalanceTimeline &timeline, const QString &suffix = {})
{
    QCoreApplication::processEvents();
    timeline.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = timeline.plot()->grab().toImage();
    keepImage(image, suffix);
    return image;
}

QPoint at(RebalanceTimeline &timeline, qint64 ms, double y)
{
    return QPoint(int(timeline.plot()->xAxis->coordToPixel(double(ms) / 1000.0)), int(timeline.plot()->yAxis->coordToPixel(y)));
}

void usePalette(const QPalette &palette)
{
    QApplication::setPalette(palette);
    QCoreApplication::processEvents();
}

}   // namespace

class TestRebalanceTimeline : public QObject
{
    Q_OBJECT

public:
    static void initMain() { qputenv("TZ", "Europe/Berlin"); }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        usePalette(lightPalette());
    }

    void cleanup() { usePalette(lightPalette()); }

    void rebuildsLanesAndBandsFromTheEvents()
    {
        const OwnershipTimeline t = OwnershipTimeline::build(eagerJoin(), membersNow(), GroupState::Stable, kT0, kNow);
        QCOMPARE(t.lanes.size(), 2);
        // a was there from the start: its partitions until it revoked them all, then the two it got back.
        QCOMPARE(t.lanes.at(0).key, kA);
        QCOMPARE(t.lanes.at(0).spans,
                 (QList<OwnershipTimeline::Span>{{kT0, kStart, {tp(0), tp(1), tp(2)}}, {kComplete, kNow, {tp(0), tp(1)}}}));
        // b owned nothing before the assignment came.
        QCOMPARE(t.lanes.at(1).key, kB);
        QCOMPARE(t.lanes.at(1).spans, (QList<OwnershipTimeline::Span>{{kComplete, kNow, {tp(2)}}}));
        QCOMPARE(t.bands, (QList<OwnershipTimeline::StateBand>{{kT0, kStart, GroupState::Stable},
                                                               {kStart, kSync, GroupState::PreparingRebalance},
                                                               {kSync, kComplete, GroupState::CompletingRebalance},
                                                               {kComplete, kNow, GroupState::Stable}}));
        // Read first at kT0 + 10 s: nothing is drawn before (not the first state stretched back).
        const OwnershipTimeline late = OwnershipTimeline::build(eagerJoin(), membersNow(), GroupState::Stable, kT0, kNow, kT0 + 10'000);
        QCOMPARE(late.bands.first(), (OwnershipTimeline::StateBand{kT0 + 10'000, kStart, GroupState::Stable}));
        QCOMPARE(late.lanes.at(0).spans.first(), (OwnershipTimeline::Span{kT0 + 10'000, kStart, {tp(0), tp(1), tp(2)}}));
        // Cut to a window that starts inside the rebalance.
        const OwnershipTimeline cut = OwnershipTimeline::build(eagerJoin(), membersNow(), GroupState::Stable, kSync, kNow);
        QCOMPARE(cut.lanes.at(0).spans, (QList<OwnershipTimeline::Span>{{kComplete, kNow, {tp(0), tp(1)}}}));
        QCOMPARE(cut.bands.first(), (OwnershipTimeline::StateBand{kSync, kComplete, GroupState::CompletingRebalance}));
    }

    void staticRestartKeepsOneLane()
    {
        // A static member restarted within its session timeout: left and
        // joined under a new member id, same partitions, no rebalance.
        GroupEvent left = makeEvent(GroupEventKind::MemberLeft, kStart, GroupState::Stable, QStringLiteral("old-id"));
        left.groupInstanceId = QStringLiteral("worker-1");
        left.partitionsRemoved = {tp(0), tp(1)};
        GroupEvent joined = makeEvent(GroupEventKind::MemberJoined, kStart, GroupState::Stable, QStringLiteral("new-id"));
        joined.groupInstanceId = QStringLiteral("worker-1");
        const OwnershipTimeline t = OwnershipTimeline::build({left, joined}, {{QStringLiteral("new-id"), QStringLiteral("c"), QStringLiteral("worker-1"), {tp(0), tp(1)}}},
                                                             GroupState::Stable, kT0, kNow);
        QCOMPARE(t.lanes.size(), 1);
        QCOMPARE(t.lanes.at(0).spans, (QList<OwnershipTimeline::Span>{{kT0, kNow, {tp(0), tp(1)}}}));
        QCOMPARE(RebalanceTimeline::laneLabel(t.lanes.at(0)), QStringLiteral("worker-1"));
    }

    void partitionLabelsAreCompact()
    {
        QCOMPARE(OwnershipTimeline::partitionsText({tp(0), tp(1), tp(2), tp(5)}), QStringLiteral("t 0–2, 5"));
        QCOMPARE(OwnershipTimeline::partitionsText({tp(3), tp(4), {QStringLiteral("a"), 1}}), QStringLiteral("a 1 · t 3, 4"));
    }

    void drawsLanesBandsAndMarkers()
    {
        RebalanceTimeline timeline;
        timeline.resize(900, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QCOMPARE(timeline.laneCount(), 0);
        const QColor base = QApplication::palette().color(QPalette::Base);
        // Empty: the plot says so, and draws nothing but that.
        QCOMPARE(timeline.markerCount(), 0);

        timeline.timeRange()->setUserWindow(kT0, kNow);
        const QList<GroupEvent> events = eagerJoin();
        timeline.setTimeline(OwnershipTimeline::build(events, membersNow(), GroupState::Stable, kT0, kNow));
        timeline.setEvents(events);
        QCOMPARE(timeline.laneCount(), 2);
        QCOMPARE(timeline.laneLabels(), (QStringList{QStringLiteral("c (aaaa11…)"), QStringLiteral("c (bbbb22…)")}));
        QCOMPARE(timeline.barCount(), 3);
        QCOMPARE(timeline.bandCount(), 4);
        QCOMPARE(timeline.markerCount(), int(events.size()));
        QCOMPARE(timeline.markerCount(), 9);
        QCOMPARE(timeline.markerKeys().last(), kComplete / 1000.0);

        const QImage image = render(timeline);
        const Theme &theme = Theme::current();
        // Bars: the lane's hue tinted over Base, where a owned partitions and b did.
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 15'000, 1))), blend(theme.series(0), 70, base), 8));
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 45'000, 1))), blend(theme.series(0), 70, base), 8));
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 45'000, 2))), blend(theme.series(1), 70, base), 8));
        // No bar of b before it joined: Base.
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 15'000, 2))), base, 4));
        // During the rebalance a owns nothing (eager): the lane is shaded in the rebalancing colour.
        const QColor shade = blend(theme.groupState(GroupState::PreparingRebalance), 40, base);
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 22'000, 1))), shade, 8));
        // The state lane: Stable's band before, the rebalancing band during.
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 15'000, 0))), blend(theme.groupState(GroupState::Stable), 90, base), 8));
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 22'000, 0))),
                     blend(theme.groupState(GroupState::PreparingRebalance), 90, base), 8));
        // A marker's dashes in the rebalance colour down the column of its time, below the lanes.
        const int markerX = at(timeline, kComplete, 0).x();
        // (between the two lanes: y 1.34 to 1.66 has no bar)
        // (a pixel either side: the line is drawn on the pixel its time rounds to)
        const QRect column(markerX - 1, at(timeline, 0, 1.38).y(), 3, at(timeline, 0, 1.62).y() - at(timeline, 0, 1.38).y());
        QVERIFY(countPixels(image, theme.status(Theme::Status::Warning), column, 20) > 0);

        // Hover: the events at the marker in words, a bar's partitions and times.
        const QString markerTip = timeline.toolTipAt(at(timeline, kComplete, 2.5));
        QVERIFY2(markerTip.contains(QStringLiteral("Rebalance completed (generation 5)")), qPrintable(markerTip));
        QVERIFY2(markerTip.contains(QStringLiteral("Longest without an owner: 8.0 s")), qPrintable(markerTip));
        QVERIFY2(markerTip.contains(QStringLiteral("Gained: t-2")), qPrintable(markerTip));
        const QString barTip = timeline.toolTipAt(at(timeline, kT0 + 45'000, 1));
        QVERIFY2(barTip.contains(QStringLiteral("t 0, 1")), qPrintable(barTip));
        QVERIFY2(barTip.contains(QStringLiteral("1:00:28 PM")), qPrintable(barTip));   // from the completion, local time (CET)
        const QString bandTip = timeline.toolTipAt(at(timeline, kT0 + 22'000, 0));
        QVERIFY2(bandTip.contains(QStringLiteral("PreparingRebalance")), qPrintable(bandTip));
    }

    void zoomLeavesLiveOnTheSharedRange()
    {
        ChartTimeRange range;
        RebalanceTimeline timeline;
        timeline.setTimeRange(&range);
        timeline.resize(900, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        range.noteSample(kNow);
        QVERIFY(range.followsLive());
        QCOMPARE(timeline.plot()->xAxis->range().upper, kNow / 1000.0);
        const QPoint centre = timeline.plot()->axisRect()->rect().center();
        QWheelEvent wheel(QPointF(centre), QPointF(timeline.plot()->mapToGlobal(centre)), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(timeline.plot(), &wheel);
        QTRY_VERIFY(!range.followsLive());
        QVERIFY(range.toMs() - range.fromMs() < ChartTimeRange::spanMs(ChartTimeRange::Span::OneHour));
        // Another chart on the range moved the window: the timeline follows.
        range.setUserWindow(kT0, kNow);
        QCOMPARE(timeline.plot()->xAxis->range().lower, kT0 / 1000.0);
    }

    void followsADarkPalette()
    {
        usePalette(darkPalette());
        RebalanceTimeline timeline;
        timeline.resize(900, 300);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.timeRange()->setUserWindow(kT0, kNow);
        const QList<GroupEvent> events = eagerJoin();
        timeline.setTimeline(OwnershipTimeline::build(events, membersNow(), GroupState::Stable, kT0, kNow));
        timeline.setEvents(events);
        const QImage image = render(timeline, QStringLiteral("-dark"));
        const QColor base = darkPalette().color(QPalette::Base);
        QVERIFY(near(QColor::fromRgb(image.pixel(at(timeline, kT0 + 15'000, 2))), base, 4));
        QVERIFY(Theme::relativeLuminance(QColor::fromRgb(image.pixel(at(timeline, kT0 + 15'000, 2)))) < 0.05);
        // The bar labels are the palette's (light) text on the dark tint (y grows downwards: lane 1 spans 0.66 to 1.34).
        const QRect label(at(timeline, kComplete, 1).x() + 2, at(timeline, 0, 0.75).y(), 40, at(timeline, 0, 1.25).y() - at(timeline, 0, 0.75).y());
        const QColor fill = blend(Theme::current().series(0), 70, base);
        QVERIFY(Theme::contrast(textPixel(image, label, fill), fill) >= Theme::kTextContrast);
    }
};

QTEST_MAIN(TestRebalanceTimeline)
#include "tst_rebalance_timeline.moc"
