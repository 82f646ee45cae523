// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResetHistoryDialog.h"

#include "core/util/DateTimeText.h"
#include "ui/TableMenus.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cohort {

ResetHistoryDialog::ResetHistoryDialog(const ResetBackupStore &store, const QString &groupId, const QString &writeRefusal,
                                       QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_groupId(groupId)
    , m_writeRefusal(writeRefusal)
    , m_onlyGroup(new QCheckBox(this))
    , m_table(new QTableWidget(0, 5, this))
    , m_status(new QLabel(this))
    , m_reapply(new QPushButton(tr("Re-Apply…"), this))
{
    setObjectName(QStringLiteral("resetHistoryDialog"));
    setWindowTitle(tr("Reset History"));
    m_onlyGroup->setText(tr("Only resets of %1").arg(groupId));
    m_onlyGroup->setVisible(!groupId.isEmpty());
    m_onlyGroup->setChecked(!groupId.isEmpty());
    m_table->setObjectName(QStringLiteral("resetHistoryTable"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Groups"), tr("Connection"), tr("Strategy"), tr("Partitions")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 190);
    m_table->setColumnWidth(1, 180);
    m_table->setColumnWidth(2, 140);
    m_table->setColumnWidth(3, 260);
    TableMenus::install(m_table);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reapply->setObjectName(QStringLiteral("resetHistoryReapply"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_reapply, QDialogButtonBox::ActionRole);
    m_reapply->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_onlyGroup);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_onlyGroup, &QCheckBox::toggled, this, &ResetHistoryDialog::fill);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ResetHistoryDialog::updateButtons);
    connect(m_reapply, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_shown.size() && m_reapply->isEnabled())
            Q_EMIT reapplyRequested(m_shown.at(row));
    });
    resize(920, 420);
    reload();
}

void ResetHistoryDialog::reload()
{
    const quint64 generation = ++m_generation;
    m_loaded = false;
    m_status->setText(tr("Reading the backups in %1…").arg(m_store.directory()));
    updateButtons();
    // A folder of small files, but on a network home it can be slow: never on the GUI thread.
    QtConcurrent::run([store = m_store] { return store.history(); }).then(this, [this, generation](const QList<ResetBackup> &all) {
        if (generation != m_generation)
            return;
        m_all = all;
        m_loaded = true;
        fill();
        Q_EMIT loaded();
    });
}

void ResetHistoryDialog::fill()
{
    m_shown.clear();
    for (const ResetBackup &b : std::as_const(m_all))
        if (!m_onlyGroup->isChecked() || b.groups.contains(m_groupId))
            m_shown << b;
    m_table->setRowCount(0);
    for (const ResetBackup &b : std::as_const(m_shown)) {
        int partitions = 0;
        for (const auto &offsets : b.previous)
            partitions += int(offsets.size());
        for (const auto &first : b.withoutOffset)
            partitions += int(first.size());
        const QDateTime local = b.time.toLocalTime();
        const QStringList cells = {DateTimeText::dateTime(local) + QLatin1Char(' ') + local.timeZoneAbbreviation(),
                                   b.groups.join(QStringLiteral(", ")), b.profile, b.strategy, QLocale().toString(partitions)};
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(tr("Previous offsets: %1").arg(b.csvPath));
            m_table->setItem(r, c, item);
        }
    }
    if (m_loaded)
        m_status->setText(m_shown.isEmpty() ? tr("No reset has been backed up in %1 yet.").arg(m_store.directory())
                                            : tr("%n reset(s) backed up in %1.", nullptr, int(m_shown.size())).arg(m_store.directory()));
    if (!m_shown.isEmpty())
        m_table->selectRow(0);
    updateButtons();
}

void ResetHistoryDialog::updateButtons()
{
    const int row = m_table->currentRow();
    QString why = m_writeRefusal;
    if (why.isEmpty() && (row < 0 || row >= m_shown.size()))
        why = tr("Choose a reset first.");
    else if (why.isEmpty() && m_shown.at(row).restorableGroups().isEmpty())
        why = tr("That backup holds no partition to put back.");
    m_reapply->setEnabled(why.isEmpty());
    m_reapply->setToolTip(why.isEmpty() ? tr("Put the offsets this backup holds back (and delete the ones that reset gave first), through the same preview and guard") : why);
}

}   // namespace cohort
