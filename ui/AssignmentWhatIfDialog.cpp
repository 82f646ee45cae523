// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AssignmentWhatIfDialog.h"

#include "models/AssignmentOutcomeModel.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"
#include "ui/TableMenus.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cohort {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = part.trimmed(); !t.isEmpty())
            out << t;
    return out;
}

QString joined(const QList<TopicPartition> &partitions)
{
    QStringList names;
    for (const TopicPartition &tp : partitions)
        names << tp.name();
    return names.join(QStringLiteral(", "));
}

bool isClientSide(const QString &assignor)
{
    return assignor != QLatin1String("uniform") && assignor != QLatin1String("server-range");
}

}   // namespace

AssignmentWhatIfDialog::AssignmentWhatIfDialog(QWidget *parent)
    : QDialog(parent)
    , m_assignor(new QComboBox(this))
    , m_client(new QComboBox(this))
    , m_topics(new QTableWidget(0, 2, this))
    , m_members(new QTableWidget(0, 3, this))
    , m_summary(new QLabel(this))
    , m_outcomeView(new QTableView(this))
    , m_outcome(new AssignmentOutcomeModel(this))
    , m_rerun(new QTimer(this))
{
    setObjectName(QStringLiteral("assignmentWhatIfDialog"));   // its size and splitters are remembered by this name (MainWindow)
    setWindowTitle(tr("Simulate Assignment"));
    for (const QString &name : AssignmentSimulator::assignorNames())
        m_assignor->addItem(name, name);
    m_assignor->setToolTip(tr("range, roundrobin, sticky and cooperative-sticky are computed by the consumers; uniform and "
                              "server-range by the broker for KIP-848 consumer groups"));
    m_client->addItem(tr("Java client"), int(StickyAssignor::Implementation::Java));
    m_client->addItem(tr("librdkafka"), int(StickyAssignor::Implementation::Librdkafka));
    m_client->addItem(tr("kafka-python"), int(StickyAssignor::Implementation::KafkaPython));
    m_client->setToolTip(tr("Whose implementation of a client-side assignor: they differ for sticky ones and for a mix of "
                            "static and dynamic members"));

    m_topics->setHorizontalHeaderLabels({tr("Topic"), tr("Partitions")});
    m_topics->horizontalHeader()->setStretchLastSection(true);
    m_topics->verticalHeader()->hide();
    m_topics->setColumnWidth(TopicName, 180);
    m_members->setHorizontalHeaderLabels({tr("Member"), tr("Subscribes to"), tr("Owns now")});
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->verticalHeader()->hide();
    m_members->setColumnWidth(MemberId, 220);
    m_members->setColumnWidth(MemberTopics, 160);
    m_members->setToolTip(tr("Subscribes to: topics separated by commas, empty for every topic. Owns now: partitions such as "
                             "orders-0, orders-3, what the moves are counted from."));

    auto *addTopic = new QPushButton(tr("Add Topic"), this);
    auto *removeTopic = new QPushButton(tr("Remove Topic"), this);
    auto *addMemberButton = new QPushButton(tr("Add Member"), this);
    auto *removeMemberButton = new QPushButton(tr("Remove Member"), this);

    auto *sortProxy = new QSortFilterProxyModel(this);
    sortProxy->setSourceModel(m_outcome);
    sortProxy->setSortRole(AssignmentOutcomeModel::SortRole);
    sortProxy->setDynamicSortFilter(true);
    m_outcomeView->setModel(sortProxy);
    m_outcomeView->setSortingEnabled(true);
    m_outcomeView->sortByColumn(AssignmentOutcomeModel::Member, Qt::AscendingOrder);
    m_outcomeView->verticalHeader()->hide();
    m_outcomeView->horizontalHeader()->setStretchLastSection(true);
    m_outcomeView->setColumnWidth(AssignmentOutcomeModel::Member, 220);
    m_outcomeView->setColumnWidth(AssignmentOutcomeModel::Count, 60);
    m_outcomeView->setColumnWidth(AssignmentOutcomeModel::Partitions, 200);
    TableMenus::install(m_outcomeView);
    TableMenus::install(m_topics);
    TableMenus::install(m_members);
    m_outcomeView->setColumnWidth(AssignmentOutcomeModel::Gains, 160);
    m_outcomeView->setWordWrap(false);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *choice = new QFormLayout;
    auto *assignorRow = new QHBoxLayout;
    assignorRow->addWidget(m_assignor);
    assignorRow->addWidget(m_client);
    assignorRow->addStretch();
    choice->addRow(tr("Assignor:"), assignorRow);

    auto *topicBox = new QWidget(this);
    auto *topicLayout = new QVBoxLayout(topicBox);
    topicLayout->setContentsMargins(0, 0, 0, 0);
    topicLayout->addWidget(new QLabel(tr("Topics (raise a count to add partitions)"), topicBox));
    topicLayout->addWidget(m_topics, 1);
    auto *topicButtons = new QHBoxLayout;
    topicButtons->addWidget(addTopic);
    topicButtons->addWidget(removeTopic);
    topicButtons->addStretch();
    topicLayout->addLayout(topicButtons);

    auto *memberBox = new QWidget(this);
    auto *memberLayout = new QVBoxLayout(memberBox);
    memberLayout->setContentsMargins(0, 0, 0, 0);
    memberLayout->addWidget(new QLabel(tr("Members"), memberBox));
    memberLayout->addWidget(m_members, 1);
    auto *memberButtons = new QHBoxLayout;
    memberButtons->addWidget(addMemberButton);
    memberButtons->addWidget(removeMemberButton);
    memberButtons->addStretch();
    memberLayout->addLayout(memberButtons);

    auto *inputs = new QSplitter(Qt::Horizontal, this);
    inputs->setObjectName(QStringLiteral("inputsSplitter"));
    inputs->addWidget(topicBox);
    inputs->addWidget(memberBox);
    inputs->setStretchFactor(0, 1);
    inputs->setStretchFactor(1, 2);
    inputs->setChildrenCollapsible(false);

    auto *resultBox = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(m_outcomeView, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("outcomeSplitter"));
    split->addWidget(inputs);
    split->addWidget(resultBox);
    split->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 640);

    m_rerun->setSingleShot(true);
    m_rerun->setInterval(0);
    connect(m_rerun, &QTimer::timeout, this, &AssignmentWhatIfDialog::simulate);
    const auto rerun = [this] { m_rerun->start(); };
    connect(m_assignor, &QComboBox::currentIndexChanged, this, [this, rerun] {
        m_client->setEnabled(isClientSide(assignor()));
        rerun();
    });
    connect(m_client, &QComboBox::currentIndexChanged, this, rerun);
    connect(m_topics, &QTableWidget::itemChanged, this, rerun);
    connect(m_members, &QTableWidget::itemChanged, this, rerun);
    connect(addTopic, &QPushButton::clicked, this, [this] {
        appendTopicRow({tr("topic-%1").arg(m_topics->rowCount() + 1), 1, {}});
        m_topics->editItem(m_topics->item(m_topics->rowCount() - 1, TopicName));
    });
    connect(removeTopic, &QPushButton::clicked, this, [this, rerun] {
        if (m_topics->currentRow() >= 0)
            m_topics->removeRow(m_topics->currentRow());
        rerun();
    });
    connect(addMemberButton, &QPushButton::clicked, this, [this] { addMember(tr("new-member-%1").arg(++m_newMembers)); });
    connect(removeMemberButton, &QPushButton::clicked, this, [this, rerun] {
        if (m_members->currentRow() >= 0)
            m_members->removeRow(m_members->currentRow());
        rerun();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ThemeNotifier::instance(), &ThemeNotifier::changed, this, [this] { showSummary(m_summary->text(), m_error); });
    showSummary(tr("Add topics and members, or open this from a group to start from its members."), false);
}

AssignmentWhatIfDialog::~AssignmentWhatIfDialog() = default;

void AssignmentWhatIfDialog::setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata)
{
    setWindowTitle(tr("Simulate Assignment — %1").arg(group.groupId()));
    AssignorInput in;
    QStringList topics;
    for (const GroupMember &m : group.description.members) {
        AssignorMember member;
        member.memberId = m.memberId;
        member.groupInstanceId = m.groupInstanceId;
        if (m.subscription) {
            member.topics = m.subscription->topics;
            member.rack = m.subscription->rackId;
        }
        if (m.assignment)
            member.owned = m.assignment->partitions;
        topics << member.topics;
        for (const TopicPartition &tp : std::as_const(member.owned))
            topics << tp.topic;
        in.members.append(member);
    }
    for (const TopicLag &t : group.topics)
        topics << t.topic;
    topics.removeDuplicates();
    topics.sort();
    for (const QString &t : std::as_const(topics)) {
        int partitions = 0;
        for (const TopicInfo &info : metadata.topics)
            if (info.name == t)
                partitions = int(info.partitions.size());
        // The ids ConsumerGroupDescribe gave with the assignments, which the
        // uniform assignor orders topics by; a topic nobody owns or is to own
        // has none here (the metadata librdkafka reads carries no ids).
        in.topics.append({t, partitions, group.description.topicIds.value(t)});
    }
    setInput(in);
    // The group's own assignor where the simulator knows it; a KIP-848
    // consumer group's broker uses uniform unless told otherwise.
    const QString own = group.description.protocol;
    if (AssignmentSimulator::assignorNames().contains(own))
        setAssignor(own);
    else if (group.description.type == GroupType::Consumer)
        setAssignor(QStringLiteral("uniform"));
}

void AssignmentWhatIfDialog::setInput(const AssignorInput &input)
{
    m_startOwners.clear();
    for (const AssignorMember &m : input.members)
        for (const TopicPartition &tp : m.owned)
            m_startOwners.insert(tp, m.memberId);
    {
        const QSignalBlocker blockTopics(m_topics);
        const QSignalBlocker blockMembers(m_members);
        m_topics->setRowCount(0);
        m_members->setRowCount(0);
        for (const AssignorTopic &t : input.topics)
            appendTopicRow(t);
        for (const AssignorMember &m : input.members)
            appendMemberRow(m);
    }
    m_rerun->start();
}

void AssignmentWhatIfDialog::setAssignor(const QString &name)
{
    const int i = m_assignor->findData(name);
    if (i >= 0)
        m_assignor->setCurrentIndex(i);
}

QString AssignmentWhatIfDialog::assignor() const
{
    return m_assignor->currentData().toString();
}

void AssignmentWhatIfDialog::appendTopicRow(const AssignorTopic &topic)
{
    const QSignalBlocker block(m_topics);
    const int row = m_topics->rowCount();
    m_topics->insertRow(row);
    auto *name = new QTableWidgetItem(topic.name);
    // The id and the name it belongs to: a row renamed to another topic has no id.
    name->setData(Qt::UserRole, topic.topicId);
    name->setData(Qt::UserRole + 1, topic.name);
    m_topics->setItem(row, TopicName, name);
    auto *count = new QTableWidgetItem;
    count->setData(Qt::EditRole, topic.partitions);
    m_topics->setItem(row, TopicPartitions, count);
    m_rerun->start();
}

void AssignmentWhatIfDialog::appendMemberRow(const AssignorMember &member)
{
    const QSignalBlocker block(m_members);
    const int row = m_members->rowCount();
    m_members->insertRow(row);
    auto *id = new QTableWidgetItem(member.memberId);
    id->setData(Qt::UserRole, member.groupInstanceId);
    id->setData(Qt::UserRole + 1, member.rack);
    m_members->setItem(row, MemberId, id);
    m_members->setItem(row, MemberTopics, new QTableWidgetItem(member.topics.join(QStringLiteral(", "))));
    m_members->setItem(row, MemberOwns, new QTableWidgetItem(joined(member.owned)));
    m_rerun->start();
}

void AssignmentWhatIfDialog::addMember(const QString &memberId, const QStringList &topics)
{
    AssignorMember m;
    m.memberId = memberId;
    m.topics = topics;
    appendMemberRow(m);
}

void AssignmentWhatIfDialog::removeMember(const QString &memberId)
{
    for (int row = m_members->rowCount() - 1; row >= 0; --row)
        if (m_members->item(row, MemberId)->text().trimmed() == memberId)
            m_members->removeRow(row);
    m_rerun->start();
}

void AssignmentWhatIfDialog::setPartitions(const QString &topic, int partitions)
{
    for (int row = 0; row < m_topics->rowCount(); ++row)
        if (m_topics->item(row, TopicName)->text().trimmed() == topic) {
            m_topics->item(row, TopicPartitions)->setData(Qt::EditRole, partitions);
            return;
        }
    appendTopicRow({topic, partitions, {}});
}

Result<AssignorInput, QString> AssignmentWhatIfDialog::input() const
{
    AssignorInput in;
    QStringList allTopics;
    for (int row = 0; row < m_topics->rowCount(); ++row) {
        const QString name = m_topics->item(row, TopicName)->text().trimmed();
        bool ok = false;
        const int partitions = m_topics->item(row, TopicPartitions)->data(Qt::EditRole).toString().toInt(&ok);
        if (name.isEmpty())
            return tr("Topic row %1 has no name: type one, or remove the row.").arg(row + 1);
        if (!ok || partitions < 1)
            return tr("Topic '%1' needs a partition count of 1 or more.").arg(name);
        const QTableWidgetItem *nameItem = m_topics->item(row, TopicName);
        const bool renamed = nameItem->data(Qt::UserRole + 1).toString() != name;
        in.topics.append({name, partitions, renamed ? QString() : nameItem->data(Qt::UserRole).toString()});
        allTopics << name;
    }
    for (int row = 0; row < m_members->rowCount(); ++row) {
        AssignorMember m;
        m.memberId = m_members->item(row, MemberId)->text().trimmed();
        m.groupInstanceId = m_members->item(row, MemberId)->data(Qt::UserRole).toString();
        m.rack = m_members->item(row, MemberId)->data(Qt::UserRole + 1).toString();
        m.topics = splitList(m_members->item(row, MemberTopics)->text());
        // Empty: every topic, as cohort-cli's `--member ID` without topics.
        if (m.topics.isEmpty())
            m.topics = allTopics;
        for (const QString &p : splitList(m_members->item(row, MemberOwns)->text())) {
            const qsizetype dash = p.lastIndexOf(QLatin1Char('-'));
            bool ok = false;
            const int partition = dash > 0 ? p.mid(dash + 1).toInt(&ok) : -1;
            if (!ok)
                return tr("Member '%1' owns '%2', which is not a partition: write it as topic-partition, e.g. orders-3.")
                    .arg(m.memberId, p);
            m.owned.append({p.left(dash), partition});
        }
        in.members.append(m);
    }
    return in;
}

void AssignmentWhatIfDialog::simulate()
{
    m_rerun->stop();
    const Result<AssignorInput, QString> in = input();
    if (!in) {
        m_outcome->clear();
        showSummary(in.error(), true);
        return;
    }
    const auto client = StickyAssignor::Implementation(m_client->currentData().toInt());
    const Result<AssignmentOutcome, QString> out = AssignmentSimulator::simulate(assignor(), in.value(), client);
    if (!out) {
        m_outcome->clear();
        // The simulator's words start in lower case, to follow a name.
        QString why = out.error();
        if (!why.isEmpty())
            why[0] = why.at(0).toUpper();
        showSummary(why + QLatin1Char('.'), true);
        return;
    }
    m_outcome->setOutcome(in.value(), out.value());
    const QLocale locale;
    int min = -1, max = 0;
    for (const int n : out->perMember) {
        min = min < 0 ? n : std::min(min, n);
        max = std::max(max, n);
    }
    const bool anyOwned = std::any_of(in->members.cbegin(), in->members.cend(), [](const AssignorMember &m) { return !m.owned.isEmpty(); });
    QString text = tr("%1 gives %n member(s) between %2 and %3 partitions: skew %4 (max − min).", nullptr, int(in->members.size()))
                       .arg(out->assignor)
                       .arg(locale.toString(std::max(0, min)))
                       .arg(locale.toString(max))
                       .arg(locale.toString(out->skew));
    // The simulator counts the moves of the members it is given; a member
    // removed here gives up what it owned too.
    QSet<QString> present;
    for (const AssignorMember &m : in->members)
        present.insert(m.memberId);
    int fromRemoved = 0;
    for (auto it = m_startOwners.cbegin(); it != m_startOwners.cend(); ++it)
        fromRemoved += present.contains(it.value()) ? 0 : 1;
    if (anyOwned || fromRemoved > 0)
        // Whole sentences, so that each language ends them with its own full stop.
        text += QLatin1Char(' ')
                + (fromRemoved > 0 ? tr("%n partition(s) would move from their current owner (%1 of them from removed members).", nullptr,
                                        out->moved + fromRemoved)
                                         .arg(locale.toString(fromRemoved))
                                   : tr("%n partition(s) would move from their current owner.", nullptr, out->moved + fromRemoved));
    else
        text += QLatin1Char(' ') + tr("Nothing is owned now, so nothing moves.");
    if (!out->topicsWithoutIds.isEmpty())
        text += QLatin1Char('\n')
                + tr("The topic ids of %1 are not known (no member owns or is to own their partitions yet): Kafka's uniform "
                     "assignor walks topics in the order of their ids, so this takes them by name and Kafka may assign otherwise.")
                      .arg(out->topicsWithoutIds.join(QStringLiteral(", ")));
    if (out->pythonSetOrder)
        text += QLatin1Char('\n')
                + tr("kafka-python's sticky assignor picks from a Python set where several moves could be undone, and that "
                     "order changes with every process: a real group may get otherwise.");
    if (!out->topicsInOneBucket.isEmpty())
        text += QLatin1Char('\n')
                + tr("The topic ids of %1 share one place in a member's assignment map, where Kafka keeps them in the order "
                     "they first reached the member, which is not known here: what a member over its quota keeps may differ "
                     "from Kafka's.")
                      .arg(out->topicsInOneBucket.join(QStringLiteral(", ")));
    showSummary(text, false);
}

QString AssignmentWhatIfDialog::summaryText() const
{
    return m_summary->text();
}

void AssignmentWhatIfDialog::showSummary(const QString &text, bool error)
{
    m_error = error;
    m_summary->setText(text);
    m_summary->setStyleSheet(error ? Theme::current().noticeStyleSheet(Theme::Notice::Error, QStringLiteral("QLabel"),
                                                                       QStringLiteral("padding: 6px;"))
                                   : QString());
}

}   // namespace cohort
