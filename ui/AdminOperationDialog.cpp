// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AdminOperationDialog.h"

#include "core/session/ClusterSession.h"
#include "models/Theme.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace cohort {

AdminOperationDialog::AdminOperationDialog(std::shared_ptr<ClusterSession> session, const QString &groupId, const QString &title,
                                           QWidget *parent)
    : QDialog(parent)
    , m_session(std::move(session))
    , m_groupId(groupId)
    , m_explanation(new QLabel(this))
    , m_choices(new QVBoxLayout)
    , m_typedNameLabel(new QLabel(this))
    , m_typedName(new QLineEdit(this))
    , m_invalid(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_progressTimer(new QTimer(this))
    , m_elapsed(std::make_unique<QElapsedTimer>())
    , m_outcome(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_confirm(m_buttons->addButton(title, QDialogButtonBox::AcceptRole))
{
    setWindowTitle(title);
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    m_typedNameLabel->setText(tr("This is a production connection. Type the group's name, %1, to confirm:").arg(groupId));
    m_typedNameLabel->setWordWrap(true);
    m_typedNameLabel->setTextFormat(Qt::PlainText);
    m_typedNameLabel->hide();
    m_typedName->hide();
    m_typedName->setPlaceholderText(groupId);
    m_invalid->setWordWrap(true);
    m_invalid->hide();
    m_progress->setRange(0, 0);   // Kafka says nothing about progress until it answers
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_progressLabel->hide();
    m_progressTimer->setInterval(500);
    connect(m_progressTimer, &QTimer::timeout, this, &AdminOperationDialog::updateProgress);
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->hide();
    m_confirm->setAutoDefault(false);   // Enter in a list or the name field never confirms by surprise
    m_confirm->setDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addLayout(m_choices, 1);
    layout->addWidget(m_typedNameLabel);
    layout->addWidget(m_typedName);
    layout->addWidget(m_invalid);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_outcome);
    layout->addWidget(m_buttons);

    connect(m_typedName, &QLineEdit::textChanged, this, &AdminOperationDialog::updateConfirm);
    connect(m_confirm, &QPushButton::clicked, this, &AdminOperationDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AdminOperationDialog::reject);
    // Wide enough for the words; the height follows what is shown (adjustSize, with the wrapped labels' heightForWidth).
    setMinimumWidth(520);
    updateConfirm();
}

AdminOperationDialog::~AdminOperationDialog() = default;

QString AdminOperationDialog::explanationText() const
{
    return m_explanation->text();
}

QString AdminOperationDialog::progressText() const
{
    return m_progressLabel->isHidden() ? QString() : m_progressLabel->text();
}

void AdminOperationDialog::updateProgress()
{
    m_progressLabel->setText(
        tr("Sent to the cluster; waiting for its answer (%1 s)…").arg(QLocale().toString(m_elapsed->elapsed() / 1000.0, 'f', 1)));
}

QString AdminOperationDialog::outcomeText() const
{
    return m_outcome->isHidden() ? QString() : m_outcome->text();
}

void AdminOperationDialog::setExplanation(const QString &text)
{
    m_explanation->setText(text);
    adjustSize();
}

void AdminOperationDialog::setConfirmText(const QString &text)
{
    m_confirm->setText(text);
}

void AdminOperationDialog::requireTypedName()
{
    m_typedNameRequired = true;
    m_typedNameLabel->show();
    m_typedName->show();
    updateConfirm();
}

void AdminOperationDialog::setChoicesValid(bool valid, const QString &why)
{
    m_choicesValid = valid;
    m_invalid->setText(why);
    m_invalid->setVisible(!valid && !why.isEmpty());
    updateConfirm();
}

void AdminOperationDialog::updateConfirm()
{
    const bool named = !m_typedNameRequired || m_typedName->text() == m_groupId;
    m_confirm->setEnabled(!m_running && !m_done && m_choicesValid && named);
    m_confirm->setToolTip(named ? QString() : tr("Type the group's name, %1, first").arg(m_groupId));
}

void AdminOperationDialog::start()
{
    if (!m_confirm->isEnabled() || m_running || m_done)
        return;
    m_running = true;
    updateConfirm();
    for (QWidget *w : findChildren<QWidget *>())
        if (w != m_progress && w != m_progressLabel && w != m_buttons && !m_buttons->isAncestorOf(w) && w != m_outcome
            && w != m_explanation)
            w->setEnabled(false);
    m_progress->show();
    m_elapsed->start();
    updateProgress();
    m_progressLabel->show();
    m_progressTimer->start();
    adjustSize();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Hide"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setToolTip(tr("The request is sent and cannot be taken back; its outcome will be shown in the status bar."));
    run();
}

void AdminOperationDialog::finish(bool ok, const QString &summary, const QString &detail)
{
    m_running = false;
    m_done = true;
    m_progress->hide();
    m_progressTimer->stop();
    m_progressLabel->hide();
    m_outcome->setText(detail.isEmpty() ? summary : summary + QLatin1Char('\n') + detail);
    m_outcome->setStyleSheet(Theme::current().noticeStyleSheet(ok ? Theme::Notice::Info : Theme::Notice::Error, QStringLiteral("QLabel"),
                                                               QStringLiteral("padding: 6px;")));
    m_outcome->show();
    adjustSize();
    m_confirm->hide();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(QString());
    Q_EMIT completed(ok, summary);
    // A write changes what the window shows: refresh now rather than at the next tick.
    if (m_session)
        m_session->refreshNow();
    if (isHidden())
        deleteLater();
}

void AdminOperationDialog::reject()
{
    if (m_running) {
        hide();   // the answer still comes, to completed() and the status bar
        return;
    }
    QDialog::reject();
}

QString AdminOperationDialog::explain(const KafkaError &error, KafkaErrorHints::Action action)
{
    const QString hint = error.hint.isEmpty() ? KafkaErrorHints::hintFor(error.name, error.message, action) : error.hint;
    const QString what = error.name.isEmpty() ? error.message : error.name + QStringLiteral(": ") + error.message;
    return hint.isEmpty() ? what : what + QLatin1Char('\n') + hint;
}

}   // namespace cohort
