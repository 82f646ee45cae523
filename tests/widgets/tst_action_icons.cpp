// SPDX-License-Identifier: GPL-3.0-or-later
// Action icons: every action of the menu bar and the toolbar that should have
// an icon has one; Cohort's own SVGs (the fallback when the desktop's icon
// theme lacks a name, as offscreen) exist for every name, render sharp at
// 1x and 2x, and are drawn in the palette's text colour — dark strokes on the
// light palette, light ones on the dark palette, switched at run time — with
// a fainter colour when disabled.

#include "PaletteImages.h"

#include "ui/ActionIcons.h"
#include "ui/MainWindow.h"
#include "widgets/AppPalette.h"
#include "widgets/PaletteSvgIconEngine.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QTest>
#include <QToolBar>
#include <QWidgetAction>

using namespace cohort;
using namespace cohort::test;

namespace {

// The colour of the fully covered pixels (the strokes' own colour), how many
// there are, and how many pixels are at least half covered (what the eye sees).
struct Strokes
{
    QColor colour;
    int count = 0;
    int visible = 0;
};

Strokes strokes(const QImage &image)
{
    Strokes s;
    long r = 0, g = 0, b = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            s.visible += c.alpha() >= 128 ? 1 : 0;
            if (c.alpha() < 250)
                continue;   // antialiased edges are blended with transparency
            r += c.red();
            g += c.green();
            b += c.blue();
            ++s.count;
        }
    if (s.count > 0)
        s.colour = QColor(int(r / s.count), int(g / s.count), int(b / s.count));
    return s;
}

}   // namespace

class TestActionIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { AppPalette::apply(AppPalette::Kind::Light); }

    void everyMappedActionHasItsIcon()
    {
        MainWindow window;
        QStringList names;
        for (QAction *a : window.findChildren<QAction *>())
            names << a->objectName();
        for (const auto &[action, icon] : ActionIcons::byAction()) {
            QVERIFY2(names.contains(action), qPrintable(action + QStringLiteral(" is no action of the window (renamed?)")));
            QVERIFY2(!ActionIcons::own(icon).isNull(), qPrintable(icon + QStringLiteral(".svg is not in the resources")));
            QAction *a = window.findAction(action);
            QVERIFY2(!a->icon().isNull(), qPrintable(action));
        }
        // What the toolbar shows has an icon, and its text beside it.
        auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("clusterToolbar"));
        QVERIFY(toolbar);
        QCOMPARE(toolbar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        int buttons = 0;
        for (QAction *a : toolbar->actions())
            if (!a->isSeparator() && !a->text().isEmpty() && !qobject_cast<QWidgetAction *>(a)) {
                QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
                ++buttons;
            }
        QVERIFY(buttons >= 4);   // Connections…, Refresh Now, Cancel Refresh, Pause
    }

    void ownIconsRenderSharpAtEveryScale_data()
    {
        QTest::addColumn<QString>("icon");
        for (const auto &[action, icon] : ActionIcons::byAction())
            QTest::newRow(qPrintable(icon)) << icon;
    }

    void ownIconsRenderSharpAtEveryScale()
    {
        QFETCH(QString, icon);
        const QIcon i = ActionIcons::own(icon);
        const QPixmap one = i.pixmap(QSize(16, 16), 1.0);
        const QPixmap two = i.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(one.size(), QSize(16, 16));
        QCOMPARE(two.size(), QSize(32, 32));   // rendered at the device pixels, not scaled up
        QCOMPARE(two.devicePixelRatio(), 2.0);
        const Strokes s1 = strokes(one.toImage()), s2 = strokes(two.toImage());
        QVERIFY2(s1.visible >= 10, qPrintable(QStringLiteral("%1 visible pixels at 16 px").arg(s1.visible)));
        // Twice the size, about four times the pixels drawn: the vector drawn again, not 16 px scaled.
        QVERIFY2(s2.visible > 2 * s1.visible, qPrintable(QStringLiteral("%1 at 32 px, %2 at 16 px").arg(s2.visible).arg(s1.visible)));
        QVERIFY2(s2.count > 0, "some pixels fully covered at 32 px: the strokes' colour is measurable");
    }

    void drawnInThePalettesTextColour()
    {
        const QIcon icon = ActionIcons::own(QStringLiteral("view-refresh"));
        for (const AppPalette::Kind kind : {AppPalette::Kind::Light, AppPalette::Kind::Dark, AppPalette::Kind::Light}) {
            AppPalette::apply(kind);
            const QPalette palette = QGuiApplication::palette();
            const Strokes normal = strokes(icon.pixmap(QSize(32, 32), 1.0).toImage());
            QVERIFY(normal.count > 0);
            QVERIFY2(near(normal.colour, palette.color(QPalette::WindowText), 3),
                     qPrintable(normal.colour.name() + QStringLiteral(" for ") + palette.color(QPalette::WindowText).name()));
            QVERIFY(Theme::contrast(normal.colour, palette.color(QPalette::Window)) >= Theme::kTextContrast);
            const Strokes disabled = strokes(icon.pixmap(QSize(32, 32), 1.0, QIcon::Disabled).toImage());
            QVERIFY(near(disabled.colour, PaletteSvgIconEngine::colourFor(QIcon::Disabled), 3));
            QVERIFY2(Theme::contrast(disabled.colour, palette.color(QPalette::Window))
                         < Theme::contrast(normal.colour, palette.color(QPalette::Window)),
                     "a disabled icon is fainter");
        }
    }

    void menusShowThemInTheDarkToo()
    {
        AppPalette::apply(AppPalette::Kind::Dark);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMenu *view = nullptr;
        for (QAction *top : window.menuBar()->actions())
            if (top->menu() && top->text().remove(QLatin1Char('&')) == QLatin1String("View"))
                view = top->menu();
        QVERIFY(view);
        view->popup(window.mapToGlobal(QPoint(10, 10)));
        QVERIFY(QTest::qWaitForWindowExposed(view));
        const QImage image = view->grab().toImage();
        QAction *refresh = window.findAction(QStringLiteral("refreshNow"));
        QRect row = view->actionGeometry(refresh);
        row.setWidth(row.height() + 8);   // the icon's place at the row's start
        const QColor bg = background(image, row);
        const QColor fg = textPixel(image, row, bg);
        QVERIFY2(Theme::contrast(fg, bg) >= Theme::kTextContrast,
                 qPrintable(QStringLiteral("icon %1 on %2").arg(fg.name(), bg.name())));
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/view-menu-dark.png")));
        view->hide();
    }

    void contactSheet()
    {
        // Every own icon at 16, 24 and 48 px on both palettes, saved for
        // looking at when COHORT_TEST_SHOTS names a directory.
        const auto &icons = ActionIcons::byAction();
        QImage sheet(QSize(int(icons.size()) * 56 + 8, 2 * 100), QImage::Format_ARGB32);
        QPainter p(&sheet);
        int y = 0;
        for (const AppPalette::Kind kind : {AppPalette::Kind::Light, AppPalette::Kind::Dark}) {
            AppPalette::apply(kind);
            p.fillRect(QRect(0, y, sheet.width(), 100), QGuiApplication::palette().color(QPalette::Window));
            int x = 8;
            for (const auto &[action, name] : icons) {
                const QIcon icon = ActionIcons::own(name);
                p.drawPixmap(x, y + 8, icon.pixmap(QSize(16, 16), 1.0));
                p.drawPixmap(x + 20, y + 8, icon.pixmap(QSize(24, 24), 1.0));
                p.drawPixmap(x, y + 40, icon.pixmap(QSize(48, 48), 1.0));
                x += 56;
            }
            y += 100;
        }
        p.end();
        // Each icon drew something on both rows: the sheet is not plain window colour.
        QVERIFY(countPixels(sheet, sheet.pixelColor(2, 2), QRect(0, 0, sheet.width(), 100)) < sheet.width() * 100 * 0.95);
        QVERIFY(countPixels(sheet, sheet.pixelColor(2, 102), QRect(0, 100, sheet.width(), 100)) < sheet.width() * 100 * 0.95);
        if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(sheet.save(dir + QStringLiteral("/action-icons.png")));
    }
};

QTEST_MAIN(TestActionIcons)
#include "tst_action_icons.moc"
