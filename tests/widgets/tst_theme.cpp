// SPDX-License-Identifier: GPL-3.0-or-later
// Theme: every state and status colour reads at WCAG AA contrast (4.5:1) on
// the palette's backgrounds, light and dark; rendered offscreen, the state
// cells of the groups table, a group page's header and notice, and the error
// banner keep that contrast in pixels, and follow a palette switch at run time.

#include "FakeCluster.h"
#include "PaletteImages.h"

#include "models/GroupTableModel.h"
#include "models/Theme.h"
#include "ui/GroupPage.h"
#include "widgets/MissingPartsBanner.h"
#include "widgets/StatusBanner.h"

#include <QApplication>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

QString describe(const QColor &text, const QColor &bg)
{
    return QStringLiteral("%1 on %2: %3:1").arg(text.name(), bg.name()).arg(Theme::contrast(text, bg), 0, 'f', 2);
}

// A widget's background and text colours as it draws them, read from its
// grab INSET pixels inside its edges (clear of any frame).
struct DrawnColours
{
    QColor background;
    QColor text;
};

DrawnColours drawnColours(QWidget &widget, int inset)
{
    const QImage image = widget.grab().toImage();
    const QRect inner = widget.rect().adjusted(inset, inset, -inset, -inset);
    const QColor bg = background(image, inner);
    return {bg, textPixel(image, inner, bg)};
}

FakeCluster fourStates()
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 2}};
    c.endOffsets = {{tp("orders", 0), 100}, {tp("orders", 1), 100}};
    const QList<std::pair<const char *, GroupState>> groups{{"a-stable", GroupState::Stable},
                                                            {"b-rebalancing", GroupState::PreparingRebalance},
                                                            {"c-dead", GroupState::Dead},
                                                            {"d-empty", GroupState::Empty}};
    for (const auto &[id, state] : groups) {
        FakeGroup g;
        g.groupId = QString::fromLatin1(id);
        g.state = state;
        if (state == GroupState::Stable)
            g.members = {FakeMember{QStringLiteral("m1"), QStringLiteral("c1"), {}, {tp("orders", 0), tp("orders", 1)}}};
        g.committed = {{tp("orders", 0), 90}};
        c.groups.append(g);
    }
    return c;
}

}   // namespace

class TestTheme : public QObject
{
    Q_OBJECT

    void usePalette(const QPalette &palette)
    {
        QApplication::setPalette(palette);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void cleanup() { usePalette(lightPalette()); }

    void contrastFormula()
    {
        // WCAG 2.x's own reference points.
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrast(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
        QVERIFY(qAbs(Theme::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);   // the lightest AA grey on white
        QVERIFY(qAbs(Theme::contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);   // just fails
    }

    void everyColourMeetsContrast_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << lightPalette() << false;
        QTest::newRow("dark") << darkPalette() << true;
        QPalette grey = lightPalette();   // a hostile middle: neither black nor white text is comfortable
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
            grey.setColor(role, QColor(0x8a, 0x8a, 0x8a));
        QTest::newRow("mid-grey") << grey << false;
    }

    void everyColourMeetsContrast()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        const Theme theme(palette);
        QCOMPARE(theme.isDark(), dark);

        QList<std::pair<QString, QColor>> colours;
        for (const auto s : {GroupState::Stable, GroupState::PreparingRebalance, GroupState::CompletingRebalance, GroupState::Empty,
                             GroupState::Dead, GroupState::Unknown})
            colours.append({groupStateToString(s), theme.groupState(s)});
        for (const auto s : {Theme::Status::Ok, Theme::Status::Warning, Theme::Status::Error, Theme::Status::Stopped})
            colours.append({QStringLiteral("status %1").arg(int(s)), theme.status(s)});
        for (const auto s : {LagStatusRules::Status::Ok, LagStatusRules::Status::Warn, LagStatusRules::Status::Err,
                             LagStatusRules::Status::Stop, LagStatusRules::Status::Stall, LagStatusRules::Status::Rewind})
            colours.append({LagStatusRules::name(s), theme.lagStatus(s)});
        colours.append({QStringLiteral("muted"), theme.muted()});
        colours.append({QStringLiteral("accent"), theme.accent()});
        for (const auto &[what, colour] : colours)
            for (const auto role : {QPalette::Base, QPalette::AlternateBase, QPalette::Window}) {
                const QColor bg = palette.color(role);
                QVERIFY2(Theme::contrast(colour, bg) >= Theme::kTextContrast, qPrintable(what + QLatin1Char(' ') + describe(colour, bg)));
            }
        // Bars (graphics: 3:1) against the track they fill.
        for (const auto s : {Theme::Status::Ok, Theme::Status::Warning, Theme::Status::Error})
            QVERIFY2(Theme::contrast(theme.status(s), theme.track()) >= 3.0, qPrintable(describe(theme.status(s), theme.track())));
        QVERIFY(Theme::contrast(theme.accent(), theme.track()) >= 3.0);
        // Chart lines (graphics) on Base, where charts are drawn, each its own hue.
        QSet<QRgb> seriesColours;
        for (int i = 0; i < Theme::seriesCount(); ++i) {
            const QColor c = theme.series(i);
            QVERIFY2(Theme::contrast(c, palette.color(QPalette::Base)) >= Theme::kGraphicsContrast,
                     qPrintable(QStringLiteral("series %1 ").arg(i) + describe(c, palette.color(QPalette::Base))));
            seriesColours.insert(c.rgb());
        }
        QCOMPARE(seriesColours.size(), Theme::seriesCount());
        QCOMPARE(theme.series(Theme::seriesCount()), theme.series(0));

        for (const auto n : {Theme::Notice::Error, Theme::Notice::Warning, Theme::Notice::Info}) {
            const Theme::NoticeColours c = theme.notice(n);
            QVERIFY2(Theme::contrast(c.text, c.background) >= Theme::kTextContrast, qPrintable(describe(c.text, c.background)));
            // A tint of the window, not a light strip on a dark window (#fdecea on #2b2b2b is 12:1).
            QVERIFY2(Theme::contrast(c.background, palette.color(QPalette::Window)) < 2.0,
                     qPrintable(describe(c.background, palette.color(QPalette::Window))));
        }
    }

    void huesKeepTheirMeaning_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }

    void huesKeepTheirMeaning()
    {
        QFETCH(QPalette, palette);
        const Theme theme(palette);
        const QColor stable = theme.groupState(GroupState::Stable);
        const QColor dead = theme.groupState(GroupState::Dead);
        const QColor rebalancing = theme.groupState(GroupState::PreparingRebalance);
        QVERIFY2(stable.green() > stable.red() && stable.green() > stable.blue(), qPrintable(stable.name()));
        QVERIFY2(dead.red() > dead.green() && dead.red() > dead.blue(), qPrintable(dead.name()));
        QVERIFY2(rebalancing.red() > rebalancing.blue() && rebalancing.green() > rebalancing.blue(), qPrintable(rebalancing.name()));
        QCOMPARE(theme.groupState(GroupState::CompletingRebalance), rebalancing);
        QCOMPARE(theme.status(Theme::Status::Error), dead);
        QVERIFY(theme.status(Theme::Status::Stopped) != dead);
    }

    void stateCellsAreReadable()
    {
        GroupTableModel model;
        model.setSnapshot(fourStates().build());
        QCOMPARE(model.rowCount(), 4);
        QTableView view;
        view.setModel(&model);
        view.setAlternatingRowColors(true);   // as the Groups page has it
        view.verticalHeader()->hide();
        view.resize(900, 300);

        // Light first, then switched at run time to dark and back: each switch repaints.
        usePalette(lightPalette());
        QSignalSpy repaint(&model, &QAbstractItemModel::dataChanged);
        for (const QPalette &palette : {darkPalette(), lightPalette()}) {
            repaint.clear();
            usePalette(palette);
            QVERIFY2(!repaint.isEmpty(), "the model tells its views to repaint the colours");
            QVERIFY(repaint.first().at(2).value<QList<int>>().contains(Qt::ForegroundRole));

            const Theme theme(palette);
            const QImage image = view.viewport()->grab().toImage();
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex cell = model.index(row, GroupTableModel::State);
                const QRect rect = view.visualRect(cell).adjusted(1, 1, -1, -1);
                const QColor bg = background(image, rect);
                const QColor fg = textPixel(image, rect, bg);
                const QString what = cell.data().toString() + QLatin1Char(' ') + describe(fg, bg);
                QVERIFY2(Theme::contrast(fg, bg) >= Theme::kTextContrast, qPrintable(what));
                const auto state = GroupState(cell.data(GroupTableModel::StateRole).toInt());
                QVERIFY2(near(fg, theme.groupState(state)),
                         qPrintable(what + QStringLiteral(" expected ") + theme.groupState(state).name()));
            }
        }
    }

    void bannerIsReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }

    void bannerIsReadable()
    {
        QFETCH(QPalette, palette);
        StatusBanner banner;
        banner.resize(600, 60);
        usePalette(darkPalette() == palette ? lightPalette() : darkPalette());   // built in the other palette: it must follow
        banner.showError(QStringLiteral("Cannot reach the cluster"), QStringLiteral("Check the bootstrap servers"));
        usePalette(palette);
        const auto [bg, fg] = drawnColours(banner, 3);
        QVERIFY2(Theme::contrast(fg, bg) >= Theme::kTextContrast, qPrintable(describe(fg, bg)));
        QVERIFY2(Theme::contrast(bg, palette.color(QPalette::Window)) < 2.0, qPrintable(describe(bg, palette.color(QPalette::Window))));
        QVERIFY(near(bg, Theme(palette).notice(Theme::Notice::Error).background, 2));
    }

    void missingPartsBannerIsReadable_data() { bannerIsReadable_data(); }

    void missingPartsBannerIsReadable()
    {
        QFETCH(QPalette, palette);
        MissingPartsBanner banner;
        banner.resize(600, 80);
        usePalette(darkPalette() == palette ? lightPalette() : darkPalette());   // built in the other palette: it must follow
        MissingPart part;
        part.kind = MissingPart::Kind::BrokerListing;
        part.brokerId = 1;
        part.groupsAffected = 5;
        part.error = KafkaError::make(-185, QStringLiteral("_TIMED_OUT"), QStringLiteral("Local: Timed out"));
        part.since = QDateTime::currentDateTimeUtc().addSecs(-40);
        banner.setMissing({part});
        usePalette(palette);
        const auto [bg, fg] = drawnColours(banner, 3);
        QVERIFY2(Theme::contrast(fg, bg) >= Theme::kTextContrast, qPrintable(describe(fg, bg)));
        QVERIFY(near(bg, Theme(palette).notice(Theme::Notice::Warning).background, 2));
    }

    void groupPageHeaderAndNotice_data() { bannerIsReadable_data(); }

    void groupPageHeaderAndNotice()
    {
        QFETCH(QPalette, palette);
        usePalette(palette);
        GroupPage page(QStringLiteral("a-stable"));
        page.resize(1200, 700);
        FakeCluster c = fourStates();
        page.setSnapshot(c.build());
        c.groups.removeFirst();
        page.setSnapshot(c.build());   // the group left: the error notice
        QVERIFY(page.isGone());

        const Theme theme(palette);
        int checked = 0;
        for (QLabel *label : page.findChildren<QLabel *>()) {
            const bool isState = label->text() == QLatin1String("Stable");
            const bool isNotice = !page.noticeText().isEmpty() && label->text() == page.noticeText();
            if (!isState && !isNotice)
                continue;
            ++checked;
            const auto [bg, fg] = drawnColours(*label, 2);
            QVERIFY2(Theme::contrast(fg, bg) >= Theme::kTextContrast, qPrintable(label->text() + QLatin1Char(' ') + describe(fg, bg)));
            if (isState)
                QVERIFY2(near(fg, theme.groupState(GroupState::Stable)), qPrintable(describe(fg, bg)));
            else
                QVERIFY2(near(bg, theme.notice(Theme::Notice::Error).background, 2), qPrintable(describe(fg, bg)));
        }
        QCOMPARE(checked, 2);   // the state and the notice
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
