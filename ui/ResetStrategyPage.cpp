// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResetStrategyPage.h"

#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetTimeParser.h"
#include "core/session/ClusterSession.h"
#include "models/Theme.h"
#include "ui/OffsetResetWizard.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cstdlib>

namespace cohort {

namespace {

QString utcOffset(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// "2 h 30 min", for saying back what a duration means.
QString spelled(qint64 ms)
{
    ms = std::abs(ms);
    const qint64 days = ms / 86'400'000, hours = ms / 3'600'000 % 24, minutes = ms / 60'000 % 60, seconds = ms / 1000 % 60;
    QStringList parts;
    if (days)
        parts << QCoreApplication::translate("cohort::ResetStrategyPage", "%n day(s)", nullptr, int(days));
    if (hours)
        parts << QCoreApplication::translate("cohort::ResetStrategyPage", "%1 h").arg(hours);
    if (minutes)
        parts << QCoreApplication::translate("cohort::ResetStrategyPage", "%1 min").arg(minutes);
    if (seconds || ms % 1000 || parts.isEmpty())
        parts << QCoreApplication::translate("cohort::ResetStrategyPage", "%1 s").arg(QLocale().toString((ms % 60'000) / 1000.0, 'g', 6));
    return parts.join(QLatin1Char(' '));
}

// A whole number, or nothing.
std::optional<qint64> wholeNumber(const QString &text)
{
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok) {
        const qint64 local = QLocale().toLongLong(text.trimmed(), &ok);   // "1,000" as the tables show numbers
        return ok ? std::optional<qint64>(local) : std::nullopt;
    }
    return n;
}

struct FileRead
{
    Result<ResetStrategy::OffsetsByGroup, QString> offsets = QString();
};

}   // namespace

ResetStrategyPage::ResetStrategyPage(OffsetResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_kind(new QComboBox(this))
    , m_inputs(new QStackedWidget(this))
    , m_dateTime(new QDateTimeEdit(this))
    , m_dateTimeText(new QLineEdit(this))
    , m_zone(new QLabel(this))
    , m_duration(new QLineEdit(this))
    , m_durationMeans(new QLabel(this))
    , m_shift(new QLineEdit(this))
    , m_offset(new QLineEdit(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_fileErrors(new QPlainTextEdit(this))
    , m_sourceGroup(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setTitle(tr("Where to"));
    setSubTitle(tr("Choose where the offsets go; the next page shows every partition's new offset before anything is written."));
    m_kind->setObjectName(QStringLiteral("strategyKind"));
    using Kind = ResetStrategy::Kind;

    addInput(Kind::ToEarliest, tr("To the earliest offset"),
             tr("Each partition's log start: the group reads again everything the topic still holds (--to-earliest)."), nullptr);
    addInput(Kind::ToLatest, tr("To the latest offset"),
             tr("Each partition's log end: the group skips everything not read yet and reads only new messages (--to-latest)."),
             nullptr);

    // A date-time: a calendar, or ISO 8601 typed; the zone is said, since kcg reads a zoneless time as UTC.
    auto *dateBox = new QWidget(this);
    auto *dateForm = new QFormLayout(dateBox);
    m_dateTime->setObjectName(QStringLiteral("resetDateTime"));
    m_dateTime->setCalendarPopup(true);
    m_dateTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    m_dateTime->setTimeSpec(Qt::LocalTime);   // the zone said below
    m_dateTime->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    m_dateTimeText->setObjectName(QStringLiteral("resetDateTimeText"));
    m_dateTimeText->setPlaceholderText(QStringLiteral("2026-03-29T14:30:00.000+02:00"));
    m_dateTimeText->setClearButtonEnabled(true);
    m_zone->setObjectName(QStringLiteral("resetTimeZone"));
    m_zone->setWordWrap(true);   // its text follows the time chosen (update())
    dateForm->addRow(tr("Date and time:"), m_dateTime);
    dateForm->addRow(tr("Or type it (ISO 8601):"), m_dateTimeText);
    dateForm->addRow(m_zone);
    addInput(Kind::ToDateTime, tr("To a date and time"),
             tr("The first offset whose record is at or after the time (ListOffsets by timestamp); the log end where there is none "
                "(--to-datetime)."),
             dateBox);

    auto *durationBox = new QWidget(this);
    auto *durationForm = new QFormLayout(durationBox);
    m_duration->setObjectName(QStringLiteral("resetDuration"));
    m_duration->setPlaceholderText(tr("PT2H30M or 2h 30m"));
    m_duration->setClearButtonEnabled(true);
    m_durationMeans->setWordWrap(true);
    durationForm->addRow(tr("Duration:"), m_duration);
    durationForm->addRow(m_durationMeans);
    addInput(Kind::ByDuration, tr("By a duration ago"),
             tr("The first offset whose record is at or after now minus the duration, counted when the plan is made "
                "(--by-duration: ISO 8601 PnDTnHnMnS, or parts such as \"1d 2h 30m 10s\")."),
             durationBox);

    m_shift->setObjectName(QStringLiteral("resetShift"));
    m_shift->setPlaceholderText(tr("-1000 or 500"));
    addInput(Kind::ShiftBy, tr("Shift by N messages"),
             tr("Each committed offset plus N: negative goes back and reads again, positive skips ahead; clamped into "
                "[log start, log end] (--shift-by)."),
             m_shift);

    m_offset->setObjectName(QStringLiteral("resetOffset"));
    m_offset->setPlaceholderText(tr("0"));
    addInput(Kind::ToOffset, tr("To an offset"),
             tr("The same offset for every partition, clamped into each one's [log start, log end] (--to-offset)."), m_offset);
    addInput(Kind::ToCurrent, tr("To the current offset"),
             tr("Commits the offsets the group has again, so that they do not expire while the group is stopped "
                "(offsets.retention.minutes); the log end where none (--to-current)."),
             nullptr);

    auto *fileBox = new QWidget(this);
    auto *fileLayout = new QVBoxLayout(fileBox);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    auto *fileRow = new QHBoxLayout;
    m_file->setObjectName(QStringLiteral("resetFile"));
    m_file->setPlaceholderText(tr("offsets.csv"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    fileLayout->addLayout(fileRow);
    m_fileErrors->setObjectName(QStringLiteral("resetFileErrors"));
    m_fileErrors->setReadOnly(true);
    m_fileErrors->setPlaceholderText(tr("What the file holds, or every bad line with its number."));
    fileLayout->addWidget(m_fileErrors, 1);
    addInput(Kind::FromFile, tr("From a CSV file"),
             wizard->groups().size() == 1
                 ? tr("kafka-consumer-groups.sh's format, no header: topic,partition,offset per line (--from-file).")
                 : tr("kafka-consumer-groups.sh's format, no header: group,topic,partition,offset per line for several groups "
                      "(--from-file)."),
             fileBox);

    m_sourceGroup->setObjectName(QStringLiteral("resetSourceGroup"));
    m_sourceGroup->setEditable(true);
    m_sourceGroup->setInsertPolicy(QComboBox::NoInsert);
    if (const ClusterSession *session = wizard->session(); session && session->hasSnapshot()) {
        QStringList others;
        for (const GroupSnapshot &g : session->snapshot().groups)
            if (!wizard->groups().contains(g.groupId()))
                others << g.groupId();
        others.sort();
        m_sourceGroup->addItems(others);
    }
    m_sourceGroup->setCurrentIndex(-1);
    m_sourceGroup->setEditText({});
    addInput(Kind::FromGroup, tr("Copy from another group"),
             tr("The committed offsets of another group, for the partitions in scope that it has offsets for; clamped into "
                "[log start, log end]."),
             m_sourceGroup);

    m_problem->setObjectName(QStringLiteral("strategyProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    auto *kindRow = new QFormLayout;
    kindRow->addRow(tr("Strategy:"), m_kind);
    layout->addLayout(kindRow);
    layout->addWidget(m_inputs, 1);
    layout->addWidget(m_problem);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_inputs->setCurrentIndex(i);
        update();
    });
    connect(m_dateTime, &QDateTimeEdit::dateTimeChanged, this, &ResetStrategyPage::update);
    connect(m_dateTimeText, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (const auto parsed = ResetTimeParser::parseDateTime(text.trimmed(), QTimeZone::systemTimeZone()); parsed) {
            const QSignalBlocker block(m_dateTime);
            m_dateTime->setDateTime(parsed->toLocalTime());
        }
        update();
    });
    for (QLineEdit *e : {m_duration, m_shift, m_offset})
        connect(e, &QLineEdit::textChanged, this, &ResetStrategyPage::update);
    connect(m_file, &QLineEdit::editingFinished, this, &ResetStrategyPage::readFile);
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_fileResult.reset();   // read again once the name is complete
        update();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Offsets to reset to"), m_file->text(),
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        m_file->setText(path);
        readFile();
    });
    connect(m_sourceGroup, &QComboBox::editTextChanged, this, &ResetStrategyPage::update);
    update();
}

QWidget *ResetStrategyPage::addInput(ResetStrategy::Kind kind, const QString &name, const QString &explanation, QWidget *input)
{
    m_kind->addItem(name, int(kind));
    auto *page = new QWidget(m_inputs);
    auto *layout = new QVBoxLayout(page);
    auto *words = new QLabel(explanation, page);
    words->setWordWrap(true);
    layout->addWidget(words);
    if (input) {
        input->setParent(page);
        layout->addWidget(input, 1);
    } else {
        layout->addStretch(1);
    }
    m_inputs->addWidget(page);
    return page;
}

void ResetStrategyPage::choose(ResetStrategy::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ResetStrategy::Kind ResetStrategyPage::chosen() const
{
    return ResetStrategy::Kind(m_kind->currentData().toInt());
}

void ResetStrategyPage::readFile()
{
    const QString path = m_file->text().trimmed();
    if (path.isEmpty() || (m_fileResult && path == m_fileReadPath))
        return;
    const quint64 generation = ++m_fileGeneration;
    m_fileErrors->setPlainText(tr("Reading %1…").arg(path));
    std::optional<ClusterMetadata> metadata;
    if (m_wizard->session() && m_wizard->session()->hasSnapshot())
        metadata = m_wizard->session()->snapshot().metadata;
    const QStringList groups = m_wizard->groups();
    QtConcurrent::run([path, groups, metadata]() -> FileRead {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {tr("%1 cannot be read: %2").arg(path, file.errorString())};
        const QString text = QString::fromUtf8(file.readAll());
        const auto parsed = OffsetsCsv::parse(text, groups, metadata ? &*metadata : nullptr);
        if (!parsed)
            return {OffsetsCsv::describe(parsed.error())};
        return {parsed.value()};
    }).then(this, [this, generation, path](const FileRead &read) {
        if (generation != m_fileGeneration)
            return;   // another file was named meanwhile
        m_fileReadPath = path;
        m_fileResult = read.offsets;
        if (read.offsets) {
            int partitions = 0;
            QStringList lines;
            for (auto g = read.offsets->cbegin(); g != read.offsets->cend(); ++g) {
                partitions += int(g->size());
                lines << tr("%1: %n partition(s)", nullptr, int(g->size())).arg(g.key());
            }
            lines.sort();
            m_fileErrors->setPlainText(tr("The file is good: %n partition(s).", nullptr, partitions) + QLatin1Char('\n')
                                       + lines.join(QLatin1Char('\n')));
        } else {
            m_fileErrors->setPlainText(tr("Nothing will be applied from this file until every line is right:") + QLatin1Char('\n')
                                       + read.offsets.error());
        }
        update();
        Q_EMIT fileRead();
    });
}

Result<ResetStrategy, QString> ResetStrategyPage::strategy() const
{
    using Kind = ResetStrategy::Kind;
    switch (chosen()) {
    case Kind::ToEarliest: return ResetStrategy::toEarliest();
    case Kind::ToLatest: return ResetStrategy::toLatest();
    case Kind::ToCurrent: return ResetStrategy::toCurrent();
    case Kind::ToDateTime: {
        const QString typed = m_dateTimeText->text().trimmed();
        if (!typed.isEmpty()) {
            const auto parsed = ResetTimeParser::parseDateTime(typed, QTimeZone::systemTimeZone());
            if (!parsed)
                return tr("%1 Or pick the time in the calendar above and clear the typed one.").arg(parsed.error());
            return ResetStrategy::toDateTime(parsed.value());
        }
        return ResetStrategy::toDateTime(m_dateTime->dateTime());
    }
    case Kind::ByDuration: {
        const QString text = m_duration->text().trimmed();
        if (text.isEmpty())
            return tr("Type how long ago, e.g. PT2H30M or 2h 30m.");
        const auto ms = ResetTimeParser::parseDuration(text);
        if (!ms)
            return ms.error();
        return ResetStrategy::byDuration(ms.value(), text);
    }
    case Kind::ShiftBy: {
        const auto n = wholeNumber(m_shift->text());
        if (!n)
            return tr("Type a whole number of messages: negative goes back (read again), positive forward (skipped).");
        if (*n == 0)
            return tr("A shift by 0 changes nothing; choose \"To the current offset\" to commit the offsets again.");
        return ResetStrategy::shiftBy(*n);
    }
    case Kind::ToOffset: {
        const auto n = wholeNumber(m_offset->text());
        if (!n || *n < 0)
            return tr("Type an offset: a whole number, 0 or more.");
        return ResetStrategy::toOffset(*n);
    }
    case Kind::FromFile: {
        if (m_file->text().trimmed().isEmpty())
            return tr("Name the CSV file (Browse…).");
        if (!m_fileResult)
            return tr("Reading the file… (press Enter in the file name to read it)");
        if (!*m_fileResult)
            return tr("The file has errors (listed above): correct them and name it again.");
        return ResetStrategy::fromOffsets(m_fileResult->value(), m_fileReadPath);
    }
    case Kind::FromGroup: {
        const QString source = m_sourceGroup->currentText().trimmed();
        if (source.isEmpty())
            return tr("Choose or type the group to copy the offsets of.");
        if (m_wizard->groups().contains(source))
            return tr("\"%1\" is being reset: copy from another group.").arg(source);
        return ResetStrategy::fromGroup(source);
    }
    }
    return tr("Choose a strategy.");
}

QString ResetStrategyPage::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool ResetStrategyPage::isComplete() const
{
    return bool(strategy());
}

void ResetStrategyPage::updateZone()
{
    // The zone's offset and name at the time chosen, not now: across a
    // daylight-saving change they differ (CET +01:00 in winter, CEST +02:00 in summer).
    const QDateTime at = m_dateTime->dateTime().toLocalTime();
    m_zone->setText(tr("Time zone: %1 (%2, %3). A typed time without a zone is in this zone; kafka-consumer-groups.sh would read "
                       "it as UTC.")
                        .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId()), at.timeZoneAbbreviation(), utcOffset(at.offsetFromUtc())));
}

void ResetStrategyPage::update()
{
    updateZone();
    if (chosen() == ResetStrategy::Kind::ByDuration) {
        const auto ms = ResetTimeParser::parseDuration(m_duration->text().trimmed());
        m_durationMeans->setText(ms ? (ms.value() >= 0 ? tr("%1 before now: about %2 (local time).")
                                                       : tr("%1 after now: about %2 (local time); every partition would go to its log end."))
                                          .arg(spelled(ms.value()),
                                               QLocale().toString(QDateTime::currentDateTime().addMSecs(-ms.value()), QLocale::ShortFormat))
                                    : QString());
    }
    if (chosen() == ResetStrategy::Kind::FromFile && !m_file->text().trimmed().isEmpty() && !m_fileResult && !m_file->hasFocus())
        readFile();
    const auto s = strategy();
    m_problem->setText(s ? QString() : s.error());
    m_problem->setVisible(!s);
    m_problem->setStyleSheet(
        Theme::current().noticeStyleSheet(Theme::Notice::Warning, QStringLiteral("QLabel"), QStringLiteral("padding: 4px;")));
    Q_EMIT completeChanged();
}

}   // namespace cohort
