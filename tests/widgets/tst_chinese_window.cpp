// SPDX-License-Identifier: GPL-3.0-or-later
// The window in Simplified Chinese (as `cohort --lang zh_CN` starts it) shows
// no English: every text of the Groups, Topics and group pages (labels,
// buttons, filters, tabs, table headers, cells and tooltips) and of the menus
// is Chinese, but for Kafka's own names (states, Broker, group and topic
// names) and technical tokens. A string outside tr(), or one the catalogue
// files under another context, shows up here as English.

#include "FakeClusterClient.h"

#include "core/util/Translations.h"
#include "models/GroupTableModel.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/TopicsPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTranslator>

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
        // View > Language names each language in itself.
        QStringLiteral("English"),
    };
    return kept;
}

// The English words of a text, after the tokens that are names or settings
// (orders-0, group.instance.id, read_committed, host:9092, Ctrl+R) are taken out.
QStringList englishWords(const QString &text)
{
    static const QRegularExpression technical(QStringLiteral("\\S*[.:=_\\d/+\\-@]\\S*"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}(?:'s)?"));
    QString t = text;
    if (Qt::mightBeRichText(t))
        t = QTextDocumentFragment::fromHtml(t).toPlainText();
    t.remove(technical);
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

    void addWidgets(const QString &where, QWidget *root)
    {
        const QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisibleTo(root->window()))
                continue;
            const QString name = where + QLatin1Char('/') + QString::fromLatin1(w->metaObject()->className());
            add(name + QStringLiteral(" tooltip"), w->toolTip());
            if (auto *label = qobject_cast<QLabel *>(w))
                add(name, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(name, button->text());
            else if (auto *edit = qobject_cast<QLineEdit *>(w))
                add(name, edit->placeholderText());
            else if (auto *combo = qobject_cast<QComboBox *>(w)) {
                for (int i = 0; i < combo->count(); ++i)
                    add(name, combo->itemText(i));
            } else if (auto *bar = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < bar->count(); ++i)
                    add(name, bar->tabText(i));
            } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
                if (view->model() && !qobject_cast<QHeaderView *>(w))
                    addModel(name, view->model());
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
            if (a->menu())
                addMenu(name, a->menu()->actions());
        }
    }

    int seen() const { return m_seen; }
    const QStringList &english() const { return m_english; }

private:
    int m_seen = 0;
    QStringList m_english;
};

std::shared_ptr<FakeClusterClient> demoCluster()
{
    auto client = std::make_shared<FakeClusterClient>();
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}, BrokerInfo{2, QStringLiteral("b2"), 9092, {}}};
    md.topics = {TopicInfo{QStringLiteral("orders-events"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 2, {2}, 0}}, 0}};
    GroupDescription g;
    g.groupId = QStringLiteral("orders-group");
    g.state = GroupState::Stable;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = QStringLiteral("range");
    g.coordinatorId = 1;
    g.members = {fakeMember(QStringLiteral("m-1"), QStringLiteral("orders-1"), {QStringLiteral("orders-events")},
                            {TopicPartition{QStringLiteral("orders-events"), 0}, TopicPartition{QStringLiteral("orders-events"), 1}})};
    const TopicPartition p0{QStringLiteral("orders-events"), 0};
    const TopicPartition p1{QStringLiteral("orders-events"), 1};
    client->setCluster(md, {g},
                       {{g.groupId, GroupOffsets{g.groupId, {CommittedOffset{p0, 90, -1, {}}, CommittedOffset{p1, 40, -1, {}}}}}},
                       {{p0, Watermarks{0, 100}}, {p1, Watermarks{0, 40}}});
    return client;
}

}   // namespace

class TestChineseWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(cohort::installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))),
                 "cohort_zh_CN.qm is not embedded in the test (qt_add_translations)");
    }

    void cleanupTestCase()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale::c());
    }

    void everyPageAndMenuIsChinese()
    {
        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectTo(demoCluster(), QStringLiteral("demo-cluster"));
        QTRY_VERIFY_WITH_TIMEOUT(window.groupModel()->rowOf(QStringLiteral("orders-group")) >= 0, 10000);

        TextCollector texts;
        texts.addMenu(QStringLiteral("menu"), window.menuBar()->actions());
        window.showGroups();
        texts.addWidgets(QStringLiteral("groups"), window.groupsPage());
        window.showTopics();
        texts.addWidgets(QStringLiteral("topics"), window.topicsPage());
        QVERIFY(window.openGroup(QStringLiteral("orders-group")));
        GroupPage *page = window.groupPage(QStringLiteral("orders-group"));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->memberView()->model()->rowCount() == 1, 10000);
        texts.addWidgets(QStringLiteral("group"), page);
        // The window's own bars: the tabs, the toolbar, the status bar.
        texts.addWidgets(QStringLiteral("window"), window.tabs()->tabBar());
        for (QWidget *w : window.findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            if (w != window.centralWidget() && !qobject_cast<QMenuBar *>(w))
                texts.addWidgets(QStringLiteral("window"), w);

        // Enough texts were looked at for the check to mean something.
        QVERIFY2(texts.seen() > 100, qPrintable(QString::number(texts.seen())));
        QVERIFY2(texts.english().isEmpty(), qPrintable(QStringLiteral("English in the zh_CN window:\n  ")
                                                       + texts.english().join(QStringLiteral("\n  "))));
    }
};

QTEST_MAIN(TestChineseWindow)
#include "tst_chinese_window.moc"
