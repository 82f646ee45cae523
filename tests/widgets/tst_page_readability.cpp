// SPDX-License-Identifier: GPL-3.0-or-later
// Every page of the window reads, in the dark palette (`cohort --palette
// dark`) and in the light one: the window is rendered offscreen on a fake
// cluster with groups in every state, and in the grabbed image each piece of
// text — labels, the menu bar, tab names, table headers and cells (the state
// and lag colours, a selected row), combo boxes and line edits — is checked for
// WCAG contrast between its glyphs and the background it is drawn on: 4.5:1,
// or 3:1 for large text (18 pt, or 14 pt bold). Pages: Groups, Topics, a group
// page with each of its tabs.

#include "FakeClusterClient.h"
#include "PaletteImages.h"

#include "core/session/ClusterSession.h"
#include "models/GroupTableModel.h"
#include "models/Theme.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/TopicsPage.h"
#include "widgets/AppPalette.h"
#include "widgets/AssignmentView.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace cohort;
using namespace cohort::test;

namespace {

// Groups in every state the tables colour: Stable with lag, rebalancing, Empty
// with lag, Dead, and one whose committed offset is past the log end (negative lag).
std::shared_ptr<FakeClusterClient> everyState()
{
    auto client = std::make_shared<FakeClusterClient>();
    const TopicPartition orders0{QStringLiteral("orders"), 0};
    const TopicPartition orders1{QStringLiteral("orders"), 1};
    const TopicPartition audit0{QStringLiteral("audit"), 0};
    ClusterMetadata md;
    md.clusterId = QStringLiteral("fake-cluster");
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}};
    md.topics = {TopicInfo{QStringLiteral("orders"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0},
                 TopicInfo{QStringLiteral("audit"), false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
    auto group = [](const char *id, GroupState state) {
        GroupDescription g;
        g.groupId = QString::fromLatin1(id);
        g.state = state;
        g.protocolType = QStringLiteral("consumer");
        g.protocol = state == GroupState::Stable ? QStringLiteral("range") : QString();
        g.coordinatorId = 1;
        g.type = GroupType::Classic;
        return g;
    };
    GroupDescription busy = group("busy", GroupState::Stable);
    busy.members = {fakeMember(QStringLiteral("m-1"), QStringLiteral("shipper-1"), {QStringLiteral("orders")}, {orders0}),
                    fakeMember(QStringLiteral("m-2"), QStringLiteral("shipper-2"), {QStringLiteral("orders")}, {orders1})};
    busy.members[1].groupInstanceId = QStringLiteral("inst-2");
    const GroupDescription moving = group("moving", GroupState::PreparingRebalance);
    const GroupDescription idle = group("idle", GroupState::Empty);
    const GroupDescription gone = group("gone", GroupState::Dead);
    const GroupDescription ahead = group("ahead", GroupState::Empty);
    auto offsets = [](const char *id, QList<CommittedOffset> committed) { return GroupOffsets{QString::fromLatin1(id), committed}; };
    client->setCluster(md, {busy, moving, idle, gone, ahead},
                       {{QStringLiteral("busy"), offsets("busy", {{orders0, 40, -1, {}}, {orders1, 7, -1, {}}})},
                        {QStringLiteral("moving"), offsets("moving", {{orders0, 45, -1, {}}})},
                        {QStringLiteral("idle"), offsets("idle", {{orders0, 10, -1, {}}, {audit0, 1, -1, {}}})},
                        {QStringLiteral("ahead"), offsets("ahead", {{audit0, 9, -1, {}}})}},
                       {{orders0, Watermarks{0, 50}}, {orders1, Watermarks{0, 50}}, {audit0, Watermarks{0, 3}}});
    return client;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

// Collects what failed, so that one run names every unreadable piece.
class Readability
{
public:
    Readability(QWidget *window, QString page)
        : m_window(window)
        , m_page(std::move(page))
        , m_image(window->grab().toImage())
    { }

    // The text drawn in `rect` (in `widget`'s coordinates) against its background.
    void check(const QString &what, const QWidget *widget, const QRect &rect, double minimum = Theme::kTextContrast)
    {
        const QRect inWindow = QRect(widget->mapTo(m_window, rect.topLeft()), rect.size()).intersected(m_image.rect());
        if (inWindow.width() < 4 || inWindow.height() < 6)
            return;   // scrolled or squeezed out of sight
        const QColor bg = background(m_image, inWindow);
        const QColor fg = textPixel(m_image, inWindow, bg);
        const double ratio = Theme::contrast(fg, bg);
        ++m_checked;
        if (ratio < minimum)
            m_failures << QStringLiteral("%1: %2 \"%3\": %4 on %5 is %6:1 (wanted %7)")
                              .arg(m_page, QString::fromLatin1(widget->metaObject()->className()), what, fg.name(), bg.name())
                              .arg(ratio, 0, 'f', 2)
                              .arg(minimum);
    }

    void labels(QWidget *root)
    {
        for (QLabel *label : root->findChildren<QLabel *>()) {
            const QString text = plain(label->text()).trimmed();
            if (text.isEmpty() || !label->isVisible() || !label->isEnabled() || !isOnScreen(label))
                continue;
            const QFont f = label->font();
            const bool large = f.pointSizeF() >= 18 || (f.bold() && f.pointSizeF() >= 14);
            check(text.left(40), label, label->contentsRect(), large ? Theme::kGraphicsContrast : Theme::kTextContrast);
        }
    }

    void views(QWidget *root)
    {
        for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
            if (!view->isVisible() || !view->model() || !isOnScreen(view) || qobject_cast<QHeaderView *>(view))
                continue;
            if (auto *table = qobject_cast<QTableView *>(view))
                header(table->horizontalHeader());
            else if (auto *tree = qobject_cast<QTreeView *>(view))
                header(tree->header());
            cells(view, QModelIndex());
        }
    }

    void tabs(QTabBar *bar)
    {
        for (int i = 0; i < bar->count(); ++i)
            check(bar->tabText(i), bar, bar->tabRect(i).adjusted(2, 2, -2, -2));
    }

    void editors(QWidget *root)
    {
        for (QComboBox *combo : root->findChildren<QComboBox *>())
            if (combo->isVisible() && combo->isEnabled() && !combo->currentText().isEmpty() && isOnScreen(combo))
                check(combo->currentText(), combo, combo->rect().adjusted(4, 4, -combo->height(), -4));
        for (QLineEdit *edit : root->findChildren<QLineEdit *>())
            if (edit->isVisible() && edit->isEnabled() && !qobject_cast<QComboBox *>(edit->parentWidget()) && isOnScreen(edit)
                && !(edit->text().isEmpty() && edit->placeholderText().isEmpty()))
                check(edit->text().isEmpty() ? edit->placeholderText() : edit->text(), edit, edit->rect().adjusted(4, 4, -4, -4));
    }

    void menuBar(QMenuBar *bar)
    {
        for (QAction *a : bar->actions())
            check(a->text(), bar, bar->actionGeometry(a).adjusted(1, 1, -1, -1));
    }

    int checked() const { return m_checked; }
    const QStringList &failures() const { return m_failures; }

private:
    // Visible in the window, not only "visible" in a hidden tab or scrolled away.
    bool isOnScreen(const QWidget *w) const
    {
        return w->isVisibleTo(m_window) && w->visibleRegion().boundingRect().height() >= 6;
    }

    void header(QHeaderView *header)
    {
        if (!header->isVisible())
            return;
        for (int s = 0; s < header->count(); ++s) {
            if (header->isSectionHidden(s))
                continue;
            const QString text = header->model()->headerData(s, header->orientation()).toString();
            const QRect rect(header->sectionViewportPosition(s) + 3, 3, header->sectionSize(s) - 6, header->height() - 6);
            // Only sections in full view: a sliver at the edge shows no glyph to measure.
            if (!text.isEmpty() && header->viewport()->rect().contains(rect))
                check(text, header->viewport(), rect);
        }
    }

    void cells(QAbstractItemView *view, const QModelIndex &parent)
    {
        const QAbstractItemModel *model = view->model();
        const QRect visible = view->viewport()->rect();
        for (int r = 0; r < qMin(model->rowCount(parent), 12); ++r)
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex index = model->index(r, c, parent);
                const QString text = index.data().toString();
                const QRect rect = view->visualRect(index).adjusted(1, 1, -1, -1);
                if (!text.isEmpty() && visible.contains(rect))   // cells in full view only, as for headers
                    check(text, view->viewport(), rect);
                if (c == 0 && model->hasChildren(index))
                    if (auto *tree = qobject_cast<QTreeView *>(view); tree && tree->isExpanded(index))
                        cells(view, index);
            }
    }

    QWidget *m_window;
    QString m_page;
    QImage m_image;
    int m_checked = 0;
    QStringList m_failures;
};

// The first row of every table chosen, as after a click: its cells are drawn on the highlight.
void selectFirstRows(QWidget *root)
{
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>())
        if (view->model() && view->model()->rowCount() > 0 && view->selectionModel() && !qobject_cast<QHeaderView *>(view))
            view->selectionModel()->select(view->model()->index(0, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

}   // namespace

class TestPageReadability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPageReads_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::newRow("dark") << QStringLiteral("dark");
        QTest::newRow("light") << QStringLiteral("light");
    }

    void everyPageReads()
    {
        QFETCH(QString, palette);
        AppPalette::apply(*AppPalette::parse(palette));
        QCOMPARE(Theme::current().isDark(), palette == QLatin1String("dark"));

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto session = ClusterSession::share(new ClusterSession(everyState(), QStringLiteral("fake")));
        window.setSession(session);
        session->setPaused(true);
        QTRY_COMPARE(window.groupModel()->rowCount(), 5);

        QStringList failures;
        int checked = 0;
        auto checkPage = [&](const QString &name, QWidget *page) {
            selectFirstRows(page);
            QCoreApplication::processEvents();
            Readability r(&window, name);
            r.menuBar(window.menuBar());
            r.tabs(window.tabs()->tabBar());
            r.labels(&window);
            r.views(page);
            r.editors(&window);
            for (QTabWidget *inner : page->findChildren<QTabWidget *>())
                if (inner->isVisible())
                    r.tabs(inner->tabBar());
            QVERIFY2(r.checked() > 20, qPrintable(QStringLiteral("%1: only %2 pieces of text found").arg(name).arg(r.checked())));
            failures << r.failures();
            checked += r.checked();
            if (const QString dir = qEnvironmentVariable("COHORT_TEST_SHOTS"); !dir.isEmpty())
                window.grab().save(QStringLiteral("%1/readability-%2-%3.png").arg(dir, palette, QString(name).replace(QLatin1Char(' '), QLatin1Char('-'))));
        };

        window.showGroups();
        checkPage(QStringLiteral("Groups"), window.groupsPage());
        window.showTopics();
        window.topicsPage()->view()->expandAll();
        checkPage(QStringLiteral("Topics"), window.topicsPage());
        GroupPage *page = window.openGroup(QStringLiteral("busy"));
        QVERIFY(page);
        QTRY_COMPARE(page->memberView()->model()->rowCount(), 2);
        if (auto *tree = qobject_cast<QTreeView *>(page->assignmentView()))
            tree->expandAll();
        for (int i = 0; i < page->lowerTabs()->count(); ++i) {
            page->lowerTabs()->setCurrentIndex(i);
            checkPage(QStringLiteral("group busy, ") + page->lowerTabs()->tabText(i), page);
        }
        GroupPage *ahead = window.openGroup(QStringLiteral("ahead"));   // negative lag, marked
        QTRY_VERIFY(ahead->partitionView()->model()->rowCount() > 0);
        checkPage(QStringLiteral("group ahead"), ahead);

        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 unreadable:\n").arg(failures.size()).arg(checked)
                                                + failures.join(QLatin1Char('\n'))));
        qInfo("%d pieces of text checked", checked);
    }
};

QTEST_MAIN(TestPageReadability)
#include "tst_page_readability.moc"
