// SPDX-License-Identifier: GPL-3.0-or-later
// The window in Simplified Chinese (as `cohort --lang zh_CN` starts it) shows
// no English: every page (Groups, Topics, a group page with each of its tabs —
// Partitions, Lag over time, Rebalances, the page `--page rebalances:<id>`
// shows), the menus and the toolbar, and every dialog (About, Keyboard
// Shortcuts, Connections, each page of the offset reset wizard, Delete group,
// Delete offsets, Remove members, Trigger rebalance, Simulate assignment, Reset
// history) is grabbed as a picture and its texts are checked: labels, buttons,
// filters, tabs, the header labels and cells of every view's model, tooltips,
// and what QCustomPlot draws itself (axis labels and tick labels, titles,
// legend items). Allowed are Kafka's own names (states, Broker, group and topic
// names) and technical tokens. A string outside tr(), or one the catalogue
// files under another context, shows up here as English; a button or label too
// narrow for its Chinese text shows up as clipped.
//
// The pictures go to a temporary folder, or to COHORT_SCREENSHOT_DIR when set
// (to look at them: they are what a Chinese user sees).

#include "FakeClusterAdmin.h"
#include "FakeClusterClient.h"
#include "SkipOrFail.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/reset/ResetBackupStore.h"
#include "core/session/ClusterSession.h"
#include "core/util/Translations.h"
#include "models/GroupTableModel.h"
#include "models/RebalanceHistoryModel.h"
#include "ui/AdminOperationDialog.h"
#include "ui/DeleteGroupDialog.h"
#include "ui/DeleteOffsetsDialog.h"
#include "ui/GroupActions.h"
#include "ui/GroupPage.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/OffsetResetWizard.h"
#include "ui/RemoveMembersDialog.h"
#include "ui/ResetHistoryDialog.h"
#include "ui/ResetPreviewPage.h"
#include "ui/TopicsPage.h"
#include "ui/TriggerRebalanceDialog.h"
#include "widgets/LagChart.h"
#include "widgets/LagChartsPanel.h"
#include "widgets/QCustomPlotHeader.h"
#include "widgets/RebalanceTimeline.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRawFont>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QWizard>

using namespace cohort;
using namespace cohort::test;

namespace {

// Words Chinese Kafka users read as they are: Kafka's names and units of the trade.
const QSet<QString> &keptWords()
{
    static const QSet<QString> kept{
        QStringLiteral("Kafka"), QStringLiteral("Broker"), QStringLiteral("Cohort"), QStringLiteral("Qt"), QStringLiteral("id"),
        QStringLiteral("ID"), QStringLiteral("PNG"), QStringLiteral("CSV"), QStringLiteral("JSON"), QStringLiteral("TLS"),
        QStringLiteral("SASL"), QStringLiteral("Stable"), QStringLiteral("Empty"), QStringLiteral("PreparingRebalance"),
        QStringLiteral("CompletingRebalance"), QStringLiteral("Dead"), QStringLiteral("classic"), QStringLiteral("consumer"),
        QStringLiteral("range"), QStringLiteral("OK"), QStringLiteral("WARN"), QStringLiteral("ERR"), QStringLiteral("STOP"),
        QStringLiteral("STALL"), QStringLiteral("REWIND"), QStringLiteral("Enter"), QStringLiteral("Esc"), QStringLiteral("Ctrl"),
        QStringLiteral("Alt"), QStringLiteral("Shift"), QStringLiteral("KIP"), QStringLiteral("bootstrap"), QStringLiteral("UTC"),
        // Group states and types as Kafka names them, and the API a tooltip names.
        QStringLiteral("Assigning"), QStringLiteral("Reconciling"), QStringLiteral("NotReady"), QStringLiteral("Classic"),
        QStringLiteral("Consumer"), QStringLiteral("Share"), QStringLiteral("Streams"), QStringLiteral("ListGroups"),
        // Assignor names (the what-if dialog lists them), the security protocols and
        // SASL mechanisms of the connection dialog, the licence and the libraries About names.
        QStringLiteral("roundrobin"), QStringLiteral("sticky"), QStringLiteral("cooperative"), QStringLiteral("uniform"),
        QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"), QStringLiteral("PLAIN"), QStringLiteral("SCRAM"), QStringLiteral("SHA"),
        QStringLiteral("GPL"), QStringLiteral("or"), QStringLiteral("later"), QStringLiteral("librdkafka"), QStringLiteral("QCustomPlot"),
        QStringLiteral("msgs"), QStringLiteral("msg"), QStringLiteral("ms"), QStringLiteral("Java"), QStringLiteral("CA"),
        QStringLiteral("Bootstrap"), QStringLiteral("API"),
        // Kafka's names for the rebalance protocols and the consumer call a member stays alive with.
        QStringLiteral("eager"), QStringLiteral("poll"),
        // The connection dialog's example of a profile name, as a user would type it.
        QStringLiteral("production"),
        // Keys the shortcuts list names as the keyboard shows them.
        QStringLiteral("Tab"), QStringLiteral("Del"), QStringLiteral("Delete"), QStringLiteral("Backspace"), QStringLiteral("Return"),
        QStringLiteral("PgUp"), QStringLiteral("PgDown"), QStringLiteral("Home"), QStringLiteral("End"), QStringLiteral("Ins"),
        QStringLiteral("Space"),
        // View > Language names each language in itself.
        QStringLiteral("English"),
    };
    return kept;
}

// The English words of a text, after the tokens that are names or settings
// (orders-0, group.instance.id, read_committed, host:9092, Ctrl+R) and file
// formats' columns (topic,partition,offset: kafka-consumer-groups' CSV) are taken out.
QStringList englishWords(const QString &text)
{
    static const QRegularExpression technical(QStringLiteral("\\S*[.:=_\\d/+\\-@]\\S*"));
    static const QRegularExpression columns(QStringLiteral("\\b[a-z_]+(?:,[a-z_]+)+\\b"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}(?:'s)?"));
    QString t = text;
    if (Qt::mightBeRichText(t))
        t = QTextDocumentFragment::fromHtml(t).toPlainText();
    t.remove(technical);
    t.remove(columns);
    QStringList words;
    for (auto it = word.globalMatch(t); it.hasNext();) {
        const QString w = it.next().captured();
        if (!keptWords().contains(w))
            words << w;
    }
    return words;
}

class TextCollector
{
public:
    void add(const QString &where, const QString &text)
    {
        if (text.isEmpty())
            return;
        ++m_seen;
        const QStringList words = englishWords(text);
        if (!words.isEmpty())
            m_english << QStringLiteral("%1: \"%2\" (%3)").arg(where, text, words.join(QLatin1Char(' ')));
    }

    void addModel(const QString &where, const QAbstractItemModel *model, const QModelIndex &parent = {})
    {
        if (!parent.isValid())
            for (int c = 0; c < model->columnCount(); ++c) {
                add(where + QStringLiteral(" header"), model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
                add(where + QStringLiteral(" header tooltip"), model->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
            }
        for (int r = 0; r < model->rowCount(parent); ++r)
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex i = model->index(r, c, parent);
                add(where, i.data(Qt::DisplayRole).toString());
                add(where + QStringLiteral(" tooltip"), i.data(Qt::ToolTipRole).toString());
                if (c == 0 && model->hasChildren(i))
                    addModel(where, model, i);
            }
    }

    // What QCustomPlot paints itself, out of reach of the widget texts:
    // titles, axis labels and tick labels, legend items and text items.
    void addPlot(const QString &where, QCustomPlot *plot)
    {
        for (QCPAxisRect *rect : plot->axisRects())
            for (QCPAxis *axis : rect->axes()) {
                if (!axis->visible())
                    continue;
                add(where + QStringLiteral(" axis label"), axis->label());
                if (axis->tickLabels())
                    for (const QString &tick : axis->tickVectorLabels())
                        add(where + QStringLiteral(" tick label"), tick);
            }
        for (QCPLayoutElement *e : plot->plotLayout()->elements(true))
            if (auto *title = qobject_cast<QCPTextElement *>(e))
                add(where + QStringLiteral(" title"), title->text());
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
                add(where + QStringLiteral(" legend"), item->plottable()->name());
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)); text && text->visible())
                add(where + QStringLiteral(" text"), text->text());
    }

    // Every text of `root` a user sees now (visible widgets), and the header
    // labels and cells of every view's model, shown or not.
    void addWidgets(const QString &where, QWidget *root)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets)) {
            if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model() && !qobject_cast<QHeaderView *>(w))
                addModel(where + QLatin1Char('/') + QString::fromLatin1(w->metaObject()->className()), view->model());
            if (w != root && !w->isVisibleTo(root))
                continue;
            const QString name = where + QLatin1Char('/') + QString::fromLatin1(w->metaObject()->className());
            add(name + QStringLiteral(" tooltip"), w->toolTip());
            add(name + QStringLiteral(" placeholder"), w->property("placeholderText").toString());
            if (w->isWindow())
                add(name + QStringLiteral(" title"), w->windowTitle());
            if (auto *label = qobject_cast<QLabel *>(w)) {
                add(name, label->text());
                checkClipped(name, label, label->text());
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                add(name, button->text());
                if (qobject_cast<QPushButton *>(w))
                    checkClipped(name, button, button->text());
            } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
                add(name, box->title());
            } else if (auto *text = qobject_cast<QTextEdit *>(w)) {
                add(name, text->toPlainText());
            } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
                add(name, plain->toPlainText());
            } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    add(name, combo->itemText(i));
            } else if (auto *bar = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < bar->count(); ++i) {
                    add(name, bar->tabText(i));
                    add(name + QStringLiteral(" tooltip"), bar->tabToolTip(i));
                }
            } else if (auto *plot = qobject_cast<QCustomPlot *>(w)) {
                addPlot(name, plot);
            } else if (auto *toolbar = qobject_cast<QToolBar *>(w)) {
                addMenu(name, toolbar->actions());
            }
        }
    }

    void addMenu(const QString &where, const QList<QAction *> &actions)
    {
        for (QAction *a : actions) {
            if (a->isSeparator())
                continue;
            const QString name = where + QStringLiteral(" > ") + a->text();
            add(name, a->text());
            add(name + QStringLiteral(" tooltip"), a->toolTip() == QString(a->text()).remove(QLatin1Char('&')) ? QString() : a->toolTip());
            add(name + QStringLiteral(" status tip"), a->statusTip());
            add(name + QStringLiteral(" what's this"), a->whatsThis());
            if (a->menu())
                addMenu(name, a->menu()->actions());
        }
    }

    int seen() const { return m_seen; }
    const QStringList &english() const { return m_english; }
    const QStringList &clipped() const { return m_clipped; }

private:
    // Text in one line that needs more room than the layout gave it: Chinese
    // is wider per word than the English the layout was made for.
    void checkClipped(const QString &where, QWidget *w, const QString &text)
    {
        if (text.isEmpty() || text.contains(QLatin1Char('\n')) || Qt::mightBeRichText(text))
            return;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->wordWrap())
            return;
        if (w->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
            return;   // elides or scrolls on purpose
        const int needed = w->minimumSizeHint().width();
        if (w->width() + 1 < needed)
            m_clipped << QStringLiteral("%1: \"%2\" is %3 px wide, needs %4").arg(where, text).arg(w->width()).arg(needed);
    }

    int m_seen = 0;
    QStringList m_english;
    QStringList m_clipped;
};

const QString kTopic = QStringLiteral("orders-events");
const QString kAudit = QStringLiteral("audit-log");
const QString kBusy = QStringLiteral("orders-group");
const QString kIdle = QStringLiteral("idle-group");

GroupDescription groupOf(const QString &id, GroupState state, const QList<GroupMember> &members)
{
    GroupDescription g;
    g.groupId = id;
    g.state = state;
    g.type = GroupType::Classic;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = members.isEmpty() ? QString() : QStringLiteral("range");
    g.coordinatorId = 1;
    g.members = members;
    return g;
}

// The fake cluster at `round`: the logs grow by 10 records a round (the lag charts
// get samples), and from round 3 a second member has joined orders-group (a rebalance).
void setRound(FakeClusterClient &client, int round)
{
    const TopicPartition p0{kTopic, 0};
    const TopicPartition p1{kTopic, 1};
    const TopicPartition a0{kAudit, 0};
    ClusterMetadata md;
    md.clusterId = QStringLiteral("zh-cluster");
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}, BrokerInfo{2, QStringLiteral("b2"), 9092, {}}};
    md.topics = {TopicInfo{kTopic, false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 2, {2}, 0}}, 0},
                 TopicInfo{kAudit, false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
    const QList<GroupMember> members = round < 3
                                           ? QList<GroupMember>{fakeMember(QStringLiteral("m-1"), QStringLiteral("orders-1"), {kTopic}, {p0, p1})}
                                           : QList<GroupMember>{fakeMember(QStringLiteral("m-1"), QStringLiteral("orders-1"), {kTopic}, {p0}),
                                                                fakeMember(QStringLiteral("m-2"), QStringLiteral("orders-2"), {kTopic}, {p1})};
    const qint64 end = 100 + 10 * round;
    client.setCluster(md, {groupOf(kBusy, GroupState::Stable, members), groupOf(kIdle, GroupState::Empty, {})},
                      {{kBusy, GroupOffsets{kBusy, {CommittedOffset{p0, 90 + 5 * round, -1, {}}, CommittedOffset{p1, 40, -1, {}}}}},
                       {kIdle, GroupOffsets{kIdle, {CommittedOffset{p0, 20, -1, {}}, CommittedOffset{a0, 3, -1, {}}}}}},
                      {{p0, Watermarks{0, end}}, {p1, Watermarks{0, 40 + round}}, {a0, Watermarks{0, 8}}});
}

// The dialog a window action just opened (they open window-modal, never exec).
QDialog *openDialog()
{
    return qobject_cast<QDialog *>(QApplication::activeModalWidget());
}

}   // namespace

class TestChineseWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_shots;
    std::shared_ptr<FakeClusterClient> m_client;
    std::shared_ptr<FakeClusterAdmin> m_admin;
    std::shared_ptr<ClusterSession> m_session;
    std::unique_ptr<ConnectionProfileStore> m_profiles;
    MemorySecretStore m_secrets;
    std::unique_ptr<MainWindow> m_window;
    int m_round = 0;

    // The picture of `w` under `name`.png; a picture that came out blank (one colour) fails.
    bool shoot(QWidget *w, const QString &name)
    {
        QCoreApplication::processEvents();
        const QImage image = w->grab().toImage();
        if (image.isNull() || image.size() != w->size() * w->devicePixelRatioF())
            return false;
        const QRgb first = image.pixel(0, 0);
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; y += 3)
            for (int x = 0; x < image.width() && !drawn; x += 3)
                drawn = image.pixel(x, y) != first;
        return drawn && image.save(m_shots + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

    bool nextRound()
    {
        setRound(*m_client, ++m_round);
        // The round's total lag (10 + 5r on partition 0, r on 1) says its snapshot is in;
        // a refresh asked for while one runs is dropped, so ask until it is.
        const qint64 lag = 10 + 6 * m_round;
        return QTest::qWaitFor(
            [this, lag] {
                const GroupSnapshot *g = m_session->hasSnapshot() ? m_session->snapshot().group(kBusy) : nullptr;
                if (g && g->totalLag == lag)
                    return true;
                m_session->refreshNow();
                return false;
            },
            10000);
    }

    static void verdict(const TextCollector &texts, int atLeast)
    {
        QVERIFY2(texts.seen() >= atLeast, qPrintable(QStringLiteral("only %1 texts looked at").arg(texts.seen())));
        QVERIFY2(texts.english().isEmpty(), qPrintable(QStringLiteral("English in the zh_CN window:\n  ")
                                                       + texts.english().join(QStringLiteral("\n  "))));
        QVERIFY2(texts.clipped().isEmpty(),
                 qPrintable(QStringLiteral("Clipped in zh_CN:\n  ") + texts.clipped().join(QStringLiteral("\n  "))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(cohort::installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))),
                 "cohort_zh_CN.qm is not embedded in the test (qt_add_translations)");
        QVERIFY(m_tmp.isValid());
        m_shots = qEnvironmentVariable("COHORT_SCREENSHOT_DIR");
        if (m_shots.isEmpty())
            m_shots = m_tmp.filePath(QStringLiteral("shots"));
        QVERIFY(QDir().mkpath(m_shots));
        qInfo("pictures in %s", qPrintable(m_shots));

        m_client = std::make_shared<FakeClusterClient>();
        m_admin = std::make_shared<FakeClusterAdmin>(m_client);
        setRound(*m_client, m_round);
        m_profiles = std::make_unique<ConnectionProfileStore>(m_tmp.filePath(QStringLiteral("connections.ini")));
        m_window = std::make_unique<MainWindow>();
        m_window->setConnectionStores(m_profiles.get(), &m_secrets);
        m_window->groupActions()->setResetBackupStore(ResetBackupStore(m_tmp.filePath(QStringLiteral("backups"))));
        m_window->resize(1300, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_session = ClusterSession::share(new ClusterSession(m_client, m_admin, QStringLiteral("demo-cluster")));
        m_window->setSession(m_session);
        m_session->setPaused(true);   // refreshed by the test, one round at a time
        QTRY_VERIFY_WITH_TIMEOUT(m_window->groupModel()->rowOf(kBusy) >= 0, 10000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale::c());
    }

    // Chinese is drawn as Chinese, not as empty boxes: a font with CJK glyphs is there.
    void chineseGlyphsAreDrawn()
    {
        const QRawFont raw = QRawFont::fromFont(QApplication::font(), QFontDatabase::SimplifiedChinese);
        if (!raw.isValid() || !raw.supportsCharacter(QChar(0x6D88)))   // 消
            COHORT_SKIP_OR_FAIL("no font with Chinese glyphs (install fonts-noto-cjk): the pictures would show boxes");
    }

    void everyPageAndTabIsChinese()
    {
        TextCollector texts;
        m_window->showGroups();
        QVERIFY(shoot(m_window.get(), QStringLiteral("groups")));
        texts.addWidgets(QStringLiteral("groups"), m_window->groupsPage());
        m_window->showTopics();
        if (auto *tree = qobject_cast<QTreeView *>(m_window->topicsPage()->view()))
            tree->expandAll();
        QVERIFY(shoot(m_window.get(), QStringLiteral("topics")));
        texts.addWidgets(QStringLiteral("topics"), m_window->topicsPage());

        GroupPage *page = m_window->openGroup(kBusy);
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->memberView()->model()->rowCount() == 1, 10000);
        GroupWatcher *watcher = m_session->groupWatcher(kBusy);
        watcher->setIntervals(20, 20);
        QTRY_VERIFY_WITH_TIMEOUT(watcher->hasObserved(), 10000);
        // Samples for the charts, and a rebalance (round 3) for the Rebalances tab.
        for (int i = 0; i < 4; ++i)
            QVERIFY(nextRound());
        QTRY_VERIFY_WITH_TIMEOUT(page->rebalancesTab()->historyModel()->rowCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->lagCharts()->totalLagChart()->pointCount(page->lagCharts()->totalLagChart()->seriesNames().value(0)) >= 3,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->rebalancesTab()->timeline()->markerCount() > 0, 10000);

        QTabWidget *tabs = page->lowerTabs();
        QCOMPARE(tabs->count(), 3);
        const QStringList names{QStringLiteral("group-partitions"), QStringLiteral("group-lag"), QStringLiteral("rebalances")};
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            // Charts replot on a timer; the picture is taken once they drew their ticks.
            QTest::qWait(0);
            QVERIFY(shoot(m_window.get(), names.at(i)));
            texts.addWidgets(QStringLiteral("group tab ") + QString::number(i), page);
        }
        // The window's own bars: the tabs, the toolbar, the status bar.
        texts.addWidgets(QStringLiteral("window"), m_window->tabs()->tabBar());
        for (QWidget *w : m_window->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            if (w != m_window->centralWidget() && !qobject_cast<QMenuBar *>(w) && !w->isWindow())
                texts.addWidgets(QStringLiteral("window"), w);
        verdict(texts, 300);
    }

    void menusAndToolbarAreChinese()
    {
        TextCollector texts;
        texts.addMenu(QStringLiteral("menu"), m_window->menuBar()->actions());
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            texts.addMenu(QStringLiteral("toolbar"), bar->actions());
        // The Group menu of a group with members: every action enabled or saying why not.
        m_window->groupActions()->setTarget(kBusy);
        texts.addMenu(QStringLiteral("group menu"), m_window->groupActions()->actions());
        m_window->groupActions()->setTarget(kIdle);
        texts.addMenu(QStringLiteral("group menu (Empty)"), m_window->groupActions()->actions());
        verdict(texts, 60);
    }

    void everyDialogIsChinese_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"about", "shortcuts", "connections", "reset-wizard", "delete-group", "delete-offsets",
                                 "remove-members", "trigger-rebalance", "simulate-assignment", "reset-history"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyDialogIsChinese()
    {
        QFETCH(QString, name);
        TextCollector texts;
        auto check = [&](QWidget *dialog, const QString &picture) {
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QVERIFY2(shoot(dialog, QStringLiteral("dialog-") + picture), qPrintable(picture));
            texts.addWidgets(picture, dialog);
        };
        auto action = [this](const char *objectName) {
            auto *a = m_window->findChild<QAction *>(QString::fromLatin1(objectName));
            if (a)
                a->trigger();
            return a != nullptr;
        };
        const GroupSnapshot *busy = m_session->snapshot().group(kBusy);
        const GroupSnapshot *idle = m_session->snapshot().group(kIdle);
        QVERIFY(busy && idle);
        QPointer<QWidget> dialog;

        if (name == QLatin1String("about")) {
            QVERIFY(action("about"));
            check(dialog = openDialog(), name);
        } else if (name == QLatin1String("shortcuts")) {
            QVERIFY(action("keyboardShortcuts"));
            check(dialog = openDialog(), name);
        } else if (name == QLatin1String("connections")) {
            ConnectionProfile p;
            p.name = QStringLiteral("prod-east");
            p.bootstrapServers = QStringLiteral("kafka-1:9093");
            QVERIFY(bool(m_profiles->save(p)));
            QVERIFY(action("connections"));
            check(dialog = openDialog(), name);
        } else if (name == QLatin1String("reset-wizard")) {
            m_window->groupActions()->setTarget(kIdle);
            OffsetResetWizard *w = m_window->groupActions()->openResetOffsets({kIdle}, {});
            dialog = w;
            check(w, QStringLiteral("reset-1-scope"));
            w->next();
            check(w, QStringLiteral("reset-2-strategy"));
            w->next();
            QCOMPARE(w->currentId(), int(OffsetResetWizard::PreviewPageId));
            QVERIFY(QTest::qWaitFor([w] { return !w->previewPage()->isPlanning(); }, 10000));
            check(w, QStringLiteral("reset-3-preview"));
            w->button(QWizard::CommitButton)->click();
            QTRY_COMPARE(w->currentId(), int(OffsetResetWizard::ApplyPageId));
            QTRY_VERIFY_WITH_TIMEOUT(w->button(QWizard::FinishButton)->isEnabled(), 10000);
            check(w, QStringLiteral("reset-4-apply"));
        } else if (name == QLatin1String("delete-group")) {
            dialog = new DeleteGroupDialog(m_session, *idle, m_window.get());
            static_cast<QDialog *>(dialog.data())->open();
            check(dialog, name);
        } else if (name == QLatin1String("delete-offsets")) {
            dialog = new DeleteOffsetsDialog(m_session, *idle, {kAudit}, m_window.get());
            static_cast<QDialog *>(dialog.data())->open();
            check(dialog, name);
        } else if (name == QLatin1String("remove-members")) {
            dialog = new RemoveMembersDialog(m_session, *busy, {}, m_window.get());
            static_cast<QDialog *>(dialog.data())->open();
            check(dialog, name);
        } else if (name == QLatin1String("trigger-rebalance")) {
            auto *d = new TriggerRebalanceDialog(m_session, *busy, m_window.get());
            dialog = d;
            d->open();
            check(d, name);
        } else if (name == QLatin1String("simulate-assignment")) {
            m_window->groupActions()->setTarget(kBusy);
            QVERIFY(action("simulateAssignment"));
            check(dialog = openDialog(), name);
        } else if (name == QLatin1String("reset-history")) {
            // After the wizard's reset of idle-group: one backup to list.
            m_window->groupActions()->setTarget(kIdle);
            ResetHistoryDialog *d = m_window->groupActions()->openResetHistory();
            dialog = d;
            QTRY_VERIFY_WITH_TIMEOUT(d->isLoaded(), 10000);
            check(d, name);
        }
        if (dialog) {
            dialog->close();
            delete dialog.data();
        }
        verdict(texts, 2);
    }
};

QTEST_MAIN(TestChineseWindow)
#include "tst_chinese_window.moc"
