// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResetPreviewPage.h"

#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetGuard.h"
#include "core/session/ClusterSession.h"
#include "models/ResetPlanTableModel.h"
#include "models/Theme.h"
#include "ui/OffsetResetWizard.h"
#include "ui/TableMenus.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cohort {

ResetPreviewPage::ResetPreviewPage(OffsetResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_what(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_again(new QPushButton(tr("Plan Again"), this))
    , m_export(new QPushButton(tr("Export Plan…"), this))
    , m_exported(new QLabel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_typedNameLabel(new QLabel(this))
    , m_typedName(new QLineEdit(this))
    , m_progressTimer(new QTimer(this))
{
    setTitle(tr("Preview"));
    setSubTitle(tr("A dry run: what each partition's committed offset would become. Nothing has been written yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Apply"));
    m_what->setWordWrap(true);
    m_what->setTextFormat(Qt::PlainText);
    m_progress->setRange(0, 0);   // the cluster says nothing of progress until it answers
    m_progress->setTextVisible(false);
    m_progressTimer->setInterval(250);
    connect(m_progressTimer, &QTimer::timeout, this, &ResetPreviewPage::updateProgress);
    m_stop->setObjectName(QStringLiteral("previewStop"));
    m_stop->setToolTip(tr("Stop waiting for the plan; nothing has been written"));
    m_again->setObjectName(QStringLiteral("previewPlanAgain"));
    m_again->setToolTip(tr("Read the cluster again and plan from what it holds now"));
    // Alone in their row once the plan is there: a button's width, not the row's.
    m_export->setObjectName(QStringLiteral("previewExportPlan"));
    m_export->setToolTip(tr("Save the new offsets as kafka-consumer-groups.sh --export does (topic,partition,offset; the group "
                            "first for several groups), for --from-file later; nothing is written to the cluster"));
    m_export->setEnabled(false);
    m_exported->setObjectName(QStringLiteral("previewExported"));
    m_exported->setWordWrap(true);
    m_exported->setTextFormat(Qt::PlainText);
    m_exported->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exported->hide();
    m_stop->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_again->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_export->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(wizard->planModel());
    proxy->setSortRole(ResetPlanTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    TableMenus::install(m_table);
    m_table->sortByColumn(ResetPlanTableModel::Topic, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(ResetPlanTableModel::Group, wizard->groups().size() == 1);
    m_table->setColumnHidden(ResetPlanTableModel::Outcome, true);   // the apply page shows it
    m_table->setColumnWidth(ResetPlanTableModel::Topic, 160);
    m_table->setColumnWidth(ResetPlanTableModel::Partition, 70);
    for (int c : {ResetPlanTableModel::Current, ResetPlanTableModel::New, ResetPlanTableModel::Change, ResetPlanTableModel::NewLag})
        m_table->setColumnWidth(c, 110);

    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_problem->setObjectName(QStringLiteral("previewProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    const QString required = requiredName();
    m_typedNameLabel->setText(wizard->groups().size() == 1
                                  ? tr("This is a production connection. Type the group's name, %1, to enable Apply:").arg(required)
                                  : tr("This is a production connection. Type the groups' names, %1, to enable Apply:").arg(required));
    m_typedNameLabel->setWordWrap(true);
    m_typedNameLabel->setTextFormat(Qt::PlainText);
    m_typedName->setObjectName(QStringLiteral("previewTypedName"));
    m_typedName->setPlaceholderText(required);
    m_typedNameLabel->setVisible(!required.isEmpty());
    m_typedName->setVisible(!required.isEmpty());

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);
    progressRow->addWidget(m_again);
    progressRow->addWidget(m_export);
    progressRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addLayout(progressRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_exported);
    layout->addWidget(m_typedNameLabel);
    layout->addWidget(m_typedName);

    connect(m_stop, &QPushButton::clicked, this, &ResetPreviewPage::stop);
    connect(m_again, &QPushButton::clicked, this, &ResetPreviewPage::plan);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the planned offsets"), QStringLiteral("reset-plan.csv"),
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            exportPlan(path);
    });
    connect(m_typedName, &QLineEdit::textChanged, this, &ResetPreviewPage::completeChanged);
}

QString ResetPreviewPage::requiredName() const
{
    return m_wizard->session() && m_wizard->session()->isProduction() ? m_wizard->groups().join(QStringLiteral(", ")) : QString();
}

QString ResetPreviewPage::summaryText() const
{
    return m_summary->text();
}

QString ResetPreviewPage::exportText() const
{
    return m_exported->isHidden() ? QString() : m_exported->text();
}

QFuture<Result<Done, QString>> ResetPreviewPage::exportPlan(const QString &path)
{
    auto say = [this](const QString &text, Theme::Notice notice) {
        m_exported->setText(text);
        m_exported->setStyleSheet(Theme::current().noticeStyleSheet(notice, QStringLiteral("QLabel"), QStringLiteral("padding: 4px;")));
        m_exported->show();
    };
    if (!m_wizard->plan()) {
        const QString why = tr("There is no plan to export yet.");
        say(why, Theme::Notice::Error);
        return QtFuture::makeReadyFuture(Result<Done, QString>(why));
    }
    const ResetPlan &plan = *m_wizard->plan();
    return QtConcurrent::run([path, offsets = plan.newOffsets(), withGroup = plan.groups.size() > 1] {
               return OffsetsCsv::save(path, offsets, withGroup);
           })
        .then(this, [say, path](const Result<Done, QString> &saved) {
            if (saved)
                say(tr("The planned offsets are in %1 (kafka-consumer-groups.sh's CSV); nothing has been applied.").arg(path),
                    Theme::Notice::Info);
            else
                say(tr("The plan was not exported: %1. Choose a folder you can write to.").arg(saved.error()), Theme::Notice::Error);
            return saved;
        });
}

QString ResetPreviewPage::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ResetPreviewPage::initializePage()
{
    plan();
}

void ResetPreviewPage::cleanupPage()
{
    stop();   // Back: the plan was for what the pages said before
    m_wizard->setPlan(std::nullopt);
    m_export->setEnabled(false);
    m_exported->hide();
}

bool ResetPreviewPage::isComplete() const
{
    return !m_planning && m_wizard->plan().has_value() && m_typedName->text() == requiredName();
}

void ResetPreviewPage::plan()
{
    const quint64 generation = ++m_generation;
    m_planning = true;
    m_wizard->setPlan(std::nullopt);
    m_problem->hide();
    m_summary->clear();
    m_exported->hide();
    m_export->setEnabled(false);
    m_what->setText(m_wizard->what() + QLatin1Char('.'));
    m_elapsed.start();
    updateProgress();
    m_progress->show();
    m_progressLabel->show();
    m_stop->show();
    m_again->hide();
    m_progressTimer->start();
    Q_EMIT completeChanged();
    m_wizard->startPlan().then(this, [this, generation](const Result<ResetPlan> &plan) {
        if (generation != m_generation)
            return;
        m_planning = false;
        m_progressTimer->stop();
        m_progress->hide();
        m_progressLabel->hide();
        m_stop->hide();
        m_again->show();
        if (!plan) {
            m_problem->setText(tr("No plan: %1").arg(plan.error().message)
                               + (plan.error().hint.isEmpty() ? QString() : QLatin1Char('\n') + plan.error().hint));
            m_problem->setStyleSheet(
                Theme::current().noticeStyleSheet(Theme::Notice::Error, QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
            m_problem->show();
            Q_EMIT completeChanged();
            Q_EMIT planned(false);
            return;
        }
        m_wizard->setPlan(plan.value());
        m_export->setEnabled(true);
        m_what->setText(m_wizard->what() + QStringLiteral(": ") + plan->strategy.describe());
        int partitions = 0, clamped = 0, noRecord = 0, first = 0, deleted = 0;
        qint64 reRead = 0, skip = 0;
        QStringList active;
        for (const GroupResetPlan &g : plan->groups) {
            partitions += int(g.partitions.size());
            reRead += g.toReRead();
            skip += g.toSkip();
            first += g.partitionsWithoutOffset();
            deleted += int(g.deletions().size());
            for (const PartitionResetPlan &p : g.partitions) {
                clamped += p.clamped() ? 1 : 0;
                noRecord += p.noRecordAtTime ? 1 : 0;
            }
            if (!ResetGuard::mayReset(g.state))
                active << tr("%1 is %2").arg(g.groupId, groupStateToString(g.state));
        }
        QStringList lines;
        lines << tr("%n partition(s): ", nullptr, partitions)
                     + tr("%1 message(s) to read again, %2 to skip.").arg(QLocale().toString(reRead), QLocale().toString(skip));
        if (clamped)
            lines << tr("%n target(s) outside [log start, log end] moved to the nearer end (marked).", nullptr, clamped);
        if (noRecord)
            lines << tr("%n partition(s) have no record at or after the time: the log end.", nullptr, noRecord);
        if (first)
            lines << tr("%n partition(s) get their first committed offset (an undo deletes it again).", nullptr, first);
        if (deleted)
            lines << tr("%n partition(s) had no committed offset before that reset: their offsets are deleted (new offset none).", nullptr,
                        deleted);
        if (!active.isEmpty())
            lines << tr("%1: brokers take a reset only while a group is Empty. Apply will name its members and can wait until they "
                        "have left.")
                         .arg(active.join(QStringLiteral(", ")));
        m_summary->setText(lines.join(QLatin1Char('\n')));
        Q_EMIT completeChanged();
        Q_EMIT planned(true);
    });
}

void ResetPreviewPage::stop()
{
    if (!m_planning)
        return;
    ++m_generation;   // the reads run to their deadline on the executor's pool; their answer is dropped
    m_planning = false;
    m_progressTimer->stop();
    m_progress->hide();
    m_progressLabel->hide();
    m_stop->hide();
    m_again->show();
    m_problem->setText(tr("Planning stopped; nothing was written. Plan Again reads the cluster again."));
    m_problem->setStyleSheet(
        Theme::current().noticeStyleSheet(Theme::Notice::Info, QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
    m_problem->show();
    Q_EMIT completeChanged();
}

void ResetPreviewPage::updateProgress()
{
    m_progressLabel->setText(tr("Reading the offsets, log start and end of every partition in scope (%1 s)…")
                                 .arg(QLocale().toString(m_elapsed.elapsed() / 1000.0, 'f', 1)));
}

}   // namespace cohort
