// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResetApplyPage.h"

#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetGuard.h"
#include "models/ResetPlanTableModel.h"
#include "models/Theme.h"
#include "ui/OffsetResetWizard.h"
#include "ui/TableMenus.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cohort {

ResetApplyPage::ResetApplyPage(OffsetResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_members(new QTableWidget(0, 5, this))
    , m_wait(new QPushButton(tr("Wait Until Empty, Then Apply"), this))
    , m_stopWaiting(new QPushButton(tr("Stop Waiting"), this))
    , m_checkAgain(new QPushButton(tr("Check Again"), this))
    , m_table(new QTableView(this))
    , m_verification(new QLabel(this))
    , m_progressTimer(new QTimer(this))
{
    qRegisterMetaType<cohort::ResetApplyPage::Step>();
    setTitle(tr("Apply"));
    setSubTitle(tr("The groups must be Empty: brokers take a reset only while no consumer holds the group."));
    setFinalPage(true);
    m_status->setObjectName(QStringLiteral("applyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progressTimer->setInterval(250);
    connect(m_progressTimer, &QTimer::timeout, this, &ResetApplyPage::updateProgress);
    m_members->setObjectName(QStringLiteral("applyMembers"));
    m_members->setHorizontalHeaderLabels({tr("Group"), tr("State"), tr("Client ID"), tr("Host"), tr("Member ID")});
    m_members->verticalHeader()->hide();
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->setMaximumHeight(160);
    m_wait->setObjectName(QStringLiteral("applyWait"));
    m_wait->setToolTip(tr("Look at the groups every second and apply the reset as soon as every one is Empty"));
    m_stopWaiting->setObjectName(QStringLiteral("applyStopWaiting"));
    m_stopWaiting->setToolTip(tr("Give up waiting; nothing has been written"));
    m_checkAgain->setObjectName(QStringLiteral("applyCheckAgain"));
    m_checkAgain->setToolTip(tr("Look at the groups again now, and apply if every one is Empty"));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(wizard->planModel());
    proxy->setSortRole(ResetPlanTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("applyTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ResetPlanTableModel::Topic, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    TableMenus::install(m_table);
    TableMenus::install(m_members);
    m_table->setColumnHidden(ResetPlanTableModel::Group, wizard->groups().size() == 1);
    m_table->setColumnHidden(ResetPlanTableModel::Note, true);   // the preview said it; the outcome matters here
    m_table->setColumnWidth(ResetPlanTableModel::Topic, 160);
    m_table->setColumnWidth(ResetPlanTableModel::Partition, 70);
    for (int c : {ResetPlanTableModel::Current, ResetPlanTableModel::New, ResetPlanTableModel::Change, ResetPlanTableModel::NewLag})
        m_table->setColumnWidth(c, 105);
    m_verification->setObjectName(QStringLiteral("applyVerification"));
    m_verification->setWordWrap(true);
    m_verification->setTextFormat(Qt::PlainText);
    m_verification->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification->hide();

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_progress, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_wait);
    buttons->addWidget(m_stopWaiting);
    buttons->addWidget(m_checkAgain);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_members);
    layout->addLayout(buttons);
    layout->addWidget(m_verification);
    layout->addWidget(m_table, 1);

    connect(m_wait, &QPushButton::clicked, this, &ResetApplyPage::waitForNext);
    connect(m_stopWaiting, &QPushButton::clicked, wizard->executor(), &ResetExecutor::cancelWait);
    connect(m_checkAgain, &QPushButton::clicked, this, &ResetApplyPage::check);
    connect(wizard->executor(), &ResetExecutor::waiting, this, [this](const GroupWaitState &seen) {
        if (m_step != Step::Waiting || seen.groupId != m_waitingFor)
            return;
        showMembers(seen.groupId, seen.state, seen.members);
        m_status->setText(seen.members.isEmpty() && !ResetGuard::mayReset(seen.state)
                              ? tr("Waiting for %1 to be Empty: it is %2.").arg(seen.groupId, groupStateToString(seen.state))
                              : ResetGuard::mayReset(seen.state)
                                    ? tr("%1 is %2 now.").arg(seen.groupId, groupStateToString(seen.state))
                                    : tr("Waiting for %1 to be Empty: it is %2 with %n member(s). Nothing has been written.", nullptr,
                                         int(seen.members.size()))
                                          .arg(seen.groupId, groupStateToString(seen.state)));
    });
    setStep(Step::Checking, {});
}

QString ResetApplyPage::statusText() const
{
    return m_status->text();
}

QString ResetApplyPage::verificationText() const
{
    return m_verification->isHidden() ? QString() : m_verification->text();
}

void ResetApplyPage::initializePage()
{
    m_outcome.reset();
    m_verification->hide();
    m_table->setColumnHidden(ResetPlanTableModel::Outcome, true);
    check();
}

bool ResetApplyPage::isComplete() const
{
    return m_step == Step::Done;
}

void ResetApplyPage::setStep(Step step, const QString &status, bool error)
{
    m_step = step;
    m_status->setText(status);
    m_status->setStyleSheet(error ? Theme::current().noticeStyleSheet(Theme::Notice::Error, QStringLiteral("QLabel"),
                                                                        QStringLiteral("padding: 6px;"))
                        : step == Step::Active || step == Step::Waiting
                            ? Theme::current().noticeStyleSheet(Theme::Notice::Warning, QStringLiteral("QLabel"),
                                                                QStringLiteral("padding: 6px;"))
                            : QString());
    const bool busy = step == Step::Checking || step == Step::Waiting || step == Step::Applying;
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    if (busy) {
        m_elapsed.start();
        updateProgress();
        m_progressTimer->start();
    } else {
        m_progressTimer->stop();
    }
    m_members->setVisible(step == Step::Active || step == Step::Waiting);
    m_wait->setVisible(step == Step::Active);
    m_stopWaiting->setVisible(step == Step::Waiting);
    m_checkAgain->setVisible(step == Step::Active || step == Step::Refused);
    Q_EMIT completeChanged();
    Q_EMIT stepChanged(step);
}

void ResetApplyPage::updateProgress()
{
    const QString seconds = QLocale().toString(m_elapsed.elapsed() / 1000.0, 'f', 1);
    switch (m_step) {
    case Step::Checking: m_progressLabel->setText(tr("Reading the groups' state (%1 s)…").arg(seconds)); break;
    case Step::Waiting: m_progressLabel->setText(tr("Waiting (%1 s); Stop Waiting gives up, nothing written.").arg(seconds)); break;
    case Step::Applying:
        m_progressLabel->setText(tr("Sent: backing up, committing and reading back (%1 s). This cannot be taken back now; closing the "
                                    "window hides it and the outcome goes to the status bar.")
                                     .arg(seconds));
        break;
    default: break;
    }
}

void ResetApplyPage::check()
{
    const quint64 generation = ++m_generation;
    setStep(Step::Checking, tr("Checking that every group is Empty…"));
    m_wizard->executor()->activeGroups(m_wizard->groups()).then(this, [this, generation](const Result<QList<GroupDescription>> &active) {
        if (generation != m_generation)
            return;
        if (!active) {
            setStep(Step::Refused,
                    tr("The groups' state could not be read, so nothing was written: %1").arg(active.error().message)
                        + (active.error().hint.isEmpty() ? QString() : QLatin1Char('\n') + active.error().hint),
                    true);
            return;
        }
        if (active->isEmpty()) {
            apply();
            return;
        }
        showActive(active.value());
    });
}

void ResetApplyPage::showActive(const QList<GroupDescription> &active)
{
    m_activeGroups.clear();
    m_members->setRowCount(0);
    QStringList said;
    for (const GroupDescription &g : active) {
        m_activeGroups << g.groupId;
        said << tr("%1 is %2 with %n member(s)", nullptr, int(g.members.size())).arg(g.groupId, groupStateToString(g.state));
        showMembers(g.groupId, g.state, g.members);
    }
    setStep(Step::Active,
            tr("%1. Brokers take a reset only while a group is Empty, so nothing has been written. Stop the consumers listed, or wait "
               "until they have left.")
                .arg(said.join(QStringLiteral("; "))));
}

void ResetApplyPage::showMembers(const QString &groupId, GroupState state, const QList<GroupMember> &members)
{
    // This group's rows are replaced; other groups' stay.
    for (int r = m_members->rowCount() - 1; r >= 0; --r)
        if (m_members->item(r, 0)->text() == groupId)
            m_members->removeRow(r);
    auto add = [&](const QString &clientId, const QString &host, const QString &memberId) {
        const int r = m_members->rowCount();
        m_members->insertRow(r);
        const QStringList cells = {groupId, groupStateToString(state), clientId, host, memberId};
        for (int c = 0; c < cells.size(); ++c)
            m_members->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    };
    for (const GroupMember &m : members)
        add(m.clientId, m.host, m.memberId);
    if (members.isEmpty() && !ResetGuard::mayReset(state))
        add(tr("(members not known)"), {}, {});
}

void ResetApplyPage::waitForNext()
{
    if (m_activeGroups.isEmpty()) {
        check();   // every group was Empty at its turn: the guard looks at all of them again, then applies
        return;
    }
    const quint64 generation = ++m_generation;
    m_waitingFor = m_activeGroups.constFirst();
    setStep(Step::Waiting, tr("Waiting for %1 to be Empty. Nothing has been written.").arg(m_waitingFor));
    m_wizard->executor()->waitUntilEmpty(m_waitingFor, m_pollMs).then(this, [this, generation](const Result<GroupState> &state) {
        if (generation != m_generation)
            return;
        if (!state) {
            const bool cancelled = state.error().name == QLatin1String("_CANCELLED");
            setStep(Step::Refused,
                    cancelled ? tr("Stopped waiting for %1 to be Empty; nothing was written.").arg(m_waitingFor)
                              : tr("Waiting for %1 failed; nothing was written: %2").arg(m_waitingFor, state.error().message),
                    !cancelled);
            return;
        }
        m_activeGroups.removeFirst();
        waitForNext();
    });
}

void ResetApplyPage::apply()
{
    const std::optional<ResetPlan> &plan = m_wizard->plan();
    if (!plan) {
        setStep(Step::Refused, tr("There is no plan to apply: go back and plan again."), true);
        return;
    }
    const quint64 generation = ++m_generation;
    setStep(Step::Applying, tr("Every group is Empty: applying the reset."));
    m_wizard->executor()->apply(*plan).then(this, [this, generation](const Result<ResetOutcome> &outcome) {
        if (generation != m_generation)
            return;
        if (!outcome) {
            if (outcome.error().name == QLatin1String("_GROUP_ACTIVE")) {
                check();   // a member joined after the check: list it again, still nothing written
                return;
            }
            const QString words = outcome.error().message
                                  + (outcome.error().hint.isEmpty() ? QString() : QLatin1Char('\n') + outcome.error().hint);
            setStep(Step::Refused, tr("The reset was not applied: %1").arg(words), true);
            Q_EMIT applied(false, tr("The reset of %1 was not applied: %2").arg(m_wizard->groups().join(QStringLiteral(", ")),
                                                                                 outcome.error().message));
            return;
        }
        m_outcome = outcome.value();
        m_wizard->planModel()->setOutcome(outcome.value());
        m_table->setColumnHidden(ResetPlanTableModel::Outcome, false);
        int partitions = 0;
        for (const GroupResetPlan &g : m_wizard->plan()->groups)
            partitions += int(g.partitions.size());
        QStringList lines;
        QString summary;
        if (outcome->ok()) {
            lines << tr("Verified: the committed offsets read back match the plan for all %n partition(s).", nullptr, partitions);
            summary = tr("Offsets of %1 reset and verified (%n partition(s)).", nullptr, partitions)
                          .arg(m_wizard->groups().join(QStringLiteral(", ")));
        } else {
            lines << tr("The committed offsets read back do NOT all match the plan:");
            for (const GroupResetOutcome &g : outcome->groups) {
                for (const PartitionWriteOutcome &f : g.failed)
                    lines << tr("%1 %2: refused, %3").arg(g.groupId, f.tp.name(), f.error.message);
                for (const OffsetDifference &d : g.differences)
                    lines << (d.deletePlanned() ? tr("%1 %2: planned none (deleted), read back %3")
                                                      .arg(g.groupId, d.tp.name(), QLocale().toString(d.readBack.value_or(-1)))
                              : d.readBack ? tr("%1 %2: planned %3, read back %4")
                                               .arg(g.groupId, d.tp.name(), QLocale().toString(d.planned), QLocale().toString(*d.readBack))
                                         : tr("%1 %2: planned %3, nothing committed")
                                               .arg(g.groupId, d.tp.name(), QLocale().toString(d.planned)));
                if (g.verifyError)
                    lines << tr("%1: the offsets could not be read back (%2); look at the group page after the next refresh.")
                                 .arg(g.groupId, g.verifyError->message);
            }
            summary = tr("The reset of %1 was applied, but not every partition holds the planned offset: see the wizard.")
                          .arg(m_wizard->groups().join(QStringLiteral(", ")));
        }
        lines << tr("The previous offsets are backed up in %1 (Undo Last Reset restores them).").arg(outcome->backup.csvPath);
        m_verification->setText(lines.join(QLatin1Char('\n')));
        m_verification->setStyleSheet(Theme::current().noticeStyleSheet(outcome->ok() ? Theme::Notice::Info : Theme::Notice::Error,
                                                                         QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
        m_verification->show();
        setStep(Step::Done, outcome->ok() ? tr("Applied.") : tr("Applied, with differences."), !outcome->ok());
        Q_EMIT applied(outcome->ok(), summary);
    });
}

}   // namespace cohort
