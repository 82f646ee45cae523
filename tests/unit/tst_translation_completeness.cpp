// SPDX-License-Identifier: GPL-3.0-or-later
// The translations are complete and are the ones the executables use:
// - every message of resources/translations/cohort_zh_CN.ts is translated (none
//   unfinished, empty or vanished), with the placeholders (%1, %n) and the
//   mnemonic (&) of its source, and none is left in English except the
//   kafka-consumer-groups.sh sentences scripts read;
// - cohort_en.ts gives both English forms of every plural message;
// - lupdate run on the current sources (scripts/update-translations.sh --into a
//   temporary directory) finds exactly the messages the .ts files hold, and
//   does not warn: its warnings ("lacks Q_OBJECT macro") mean a tr() whose
//   context lupdate guessed, a string the running program looks up elsewhere;
// - the compiled catalogues embedded in the executable (:/i18n) return those
//   translations through QCoreApplication::translate, as the program asks.

#include "core/util/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#ifndef COHORT_LUPDATE
#define COHORT_LUPDATE ""
#endif
#ifndef COHORT_SOURCE_TREE
#define COHORT_SOURCE_TREE ""
#endif

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;          // "", "unfinished", "vanished", "obsolete"
    QStringList forms;     // one entry for a message without plural forms

    QString key() const { return context + QLatin1String(" | ") + source + QLatin1String(" | ") + comment; }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;   // context comments (an empty source) left out
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1").arg(path);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS"))
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            else if (name == QLatin1String("name") && !inMessage)
                context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                inMessage = true;
                message = TsMessage{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source"))
                message.source = xml.readElementText();
            else if (name == QLatin1String("comment"))
                message.comment = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText();
            } else if (name == QLatin1String("numerusform"))
                message.forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            if (!message.source.isEmpty())
                ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return ts;
}

// %1…%99, %n and their %L forms, sorted: the same multiset in source and translation.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:n|\\d{1,2})"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

// A mnemonic is one '&' ("&&" is a literal ampersand).
int mnemonics(const QString &text)
{
    QString t = text;
    t.remove(QStringLiteral("&&"));
    return int(t.count(QLatin1Char('&')));
}

// Prose: a lowercase word outside technical tokens (host1:9092, socket.timeout.ms=30000, group.instance.id).
bool hasEnglishProse(const QString &text)
{
    static const QRegularExpression technical(QStringLiteral("\\S*[.:=_\\d/-]\\S*"));
    static const QRegularExpression word(QStringLiteral("\\b[a-z]{2,}\\b"));
    QString t = text;
    t.remove(technical);
    return word.match(t).hasMatch();
}

// The sentences kafka-consumer-groups.sh prints word for word; cohort-cli prints
// them the same in every language, for the scripts that read them (see the
// glossary in core/util/Translations.cpp).
const QSet<QString> &keptEnglish()
{
    static const QSet<QString> kept{
        QStringLiteral("Consumer group '%1' does not exist."),
        QStringLiteral("* Group '%1' could not be deleted due to: %2"),
        QStringLiteral("Deletion of requested consumer groups (%1) was successful."),
        QStringLiteral("Deletion of some consumer groups failed:"),
        QStringLiteral("Request failed for deleting offsets from group %1."),
        QStringLiteral("Request succeeded for deleting offsets from group %1."),
    };
    return kept;
}

QString listed(const QStringList &problems)
{
    QStringList shown = problems.mid(0, 40);
    if (problems.size() > shown.size())
        shown << QStringLiteral("… and %1 more").arg(problems.size() - shown.size());
    return QStringLiteral("%1 message(s):\n  ").arg(problems.size()) + shown.join(QStringLiteral("\n  "));
}

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("COHORT_SOURCE_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(COHORT_SOURCE_TREE) : fromEnv;
}

void removeTranslators()
{
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

}   // namespace

class TestTranslationCompleteness : public QObject
{
    Q_OBJECT

private:
    TsFile m_zh;
    TsFile m_en;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = sourceDir();
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/resources/translations/cohort_zh_CN.ts")),
                 qPrintable(QStringLiteral("no resources/translations/cohort_zh_CN.ts under '%1': set COHORT_SOURCE_DIR").arg(dir)));
        m_zh = readTs(dir + QStringLiteral("/resources/translations/cohort_zh_CN.ts"));
        m_en = readTs(dir + QStringLiteral("/resources/translations/cohort_en.ts"));
        QVERIFY2(m_zh.error.isEmpty(), qPrintable(m_zh.error));
        QVERIFY2(m_en.error.isEmpty(), qPrintable(m_en.error));
        QCOMPARE(m_zh.language, QStringLiteral("zh_CN"));
        // The GUI alone has hundreds: a file that parsed to a handful is not the real one.
        QVERIFY2(m_zh.messages.size() > 500, qPrintable(QString::number(m_zh.messages.size())));
    }

    void zhEveryMessageTranslated()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_zh.messages)) {
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1 (%2)").arg(m.key(), m.type);
            else if (m.forms.size() != 1)   // Chinese has one plural form
                problems << QStringLiteral("%1 (%2 forms, Chinese has one)").arg(m.key()).arg(m.forms.size());
            else if (m.forms.first().trimmed().isEmpty())
                problems << QStringLiteral("%1 (empty)").arg(m.key());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("untranslated in zh_CN: ") + listed(problems)));
    }

    void zhPlaceholdersAndMnemonicsMatch()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_zh.messages)) {
            for (const QString &form : m.forms) {
                if (placeholders(form) != placeholders(m.source))
                    problems << QStringLiteral("%1 => %2 (placeholders %3, source has %4)")
                                    .arg(m.key(), form, placeholders(form).join(QLatin1Char(' ')),
                                         placeholders(m.source).join(QLatin1Char(' ')));
                if (mnemonics(form) != mnemonics(m.source))
                    problems << QStringLiteral("%1 => %2 (mnemonic & differs)").arg(m.key(), form);
                if (m.source.endsWith(QLatin1Char('\n')) != form.endsWith(QLatin1Char('\n')))
                    problems << QStringLiteral("%1 (a final line break differs)").arg(m.key());
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
    }

    void zhNothingLeftInEnglish()
    {
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_zh.messages))
            for (const QString &form : m.forms)
                if (form == m.source && hasEnglishProse(m.source) && !keptEnglish().contains(m.source))
                    problems << m.key();
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("still English in zh_CN: ") + listed(problems)));
        // The sentences kept English are kept English, not translated by accident.
        for (const TsMessage &m : std::as_const(m_zh.messages))
            if (keptEnglish().contains(m.source))
                QCOMPARE(m.forms.value(0), m.source);
    }

    void enGivesBothPluralForms()
    {
        QSet<QString> enKeys;
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_en.messages)) {
            enKeys.insert(m.key());
            if (!m.numerus)
                problems << QStringLiteral("%1 (not a plural: cohort_en.ts holds plurals only)").arg(m.key());
            else if (!m.type.isEmpty() || m.forms.size() != 2 || m.forms.contains(QString()))
                problems << QStringLiteral("%1 (needs its singular and plural)").arg(m.key());
            else if (m.forms.join(QString()).contains(QLatin1String("(s)")))
                problems << QStringLiteral("%1 => %2 / %3").arg(m.key(), m.forms.first(), m.forms.last());
        }
        for (const TsMessage &m : std::as_const(m_zh.messages))
            if (m.numerus && !enKeys.contains(m.key()))
                problems << QStringLiteral("%1 (plural missing from cohort_en.ts)").arg(m.key());
        QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
    }

    void lupdateFindsTheSameMessages()
    {
        QString lupdate = QStringLiteral(COHORT_LUPDATE);
        if (lupdate.isEmpty() || !QFileInfo(lupdate).isExecutable())
            QFAIL(qPrintable(QStringLiteral("Qt's lupdate not found ('%1'): install qt6-l10n-tools").arg(lupdate)));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), lupdate);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("bash"), {sourceDir() + QStringLiteral("/scripts/update-translations.sh"), QStringLiteral("--into"), tmp.path()});
        QVERIFY2(p.waitForFinished(180000), "scripts/update-translations.sh did not finish within 3 minutes");
        const QString output = QString::fromLocal8Bit(p.readAll());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));

        // lupdate's own warnings name a source file and line: "core/x.cpp:12: Class 'cohort::X' lacks Q_OBJECT macro".
        static const QRegularExpression sourceWarning(QStringLiteral("^\\S+\\.(cpp|h|ui):\\d+: .*$"), QRegularExpression::MultilineOption);
        QStringList warnings;
        for (auto it = sourceWarning.globalMatch(output); it.hasNext();)
            warnings << it.next().captured();
        QVERIFY2(warnings.isEmpty(),
                 qPrintable(QStringLiteral("lupdate warns (a tr() whose context it guesses is never found at run time: use Q_OBJECT, "
                                           "Q_DECLARE_TR_FUNCTIONS or QCoreApplication::translate):\n  ")
                            + warnings.join(QStringLiteral("\n  "))));

        for (const QString &name : {QStringLiteral("cohort_zh_CN.ts"), QStringLiteral("cohort_en.ts")}) {
            const TsFile fresh = readTs(tmp.filePath(name));
            QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
            const TsFile &kept = name.startsWith(QLatin1String("cohort_zh")) ? m_zh : m_en;
            QSet<QString> keptKeys;
            for (const TsMessage &m : kept.messages)
                keptKeys.insert(m.key());
            QSet<QString> freshKeys;
            for (const TsMessage &m : fresh.messages)
                freshKeys.insert(m.key());
            QStringList added = (freshKeys - keptKeys).values();
            QStringList gone = (keptKeys - freshKeys).values();
            added.sort();
            gone.sort();
            QVERIFY2(added.isEmpty(), qPrintable(QStringLiteral("the sources have strings resources/translations/%1 lacks (run scripts/update-translations.sh "
                                                                "and translate them): ")
                                                     .arg(name)
                                                 + listed(added)));
            QVERIFY2(gone.isEmpty(), qPrintable(QStringLiteral("resources/translations/%1 holds strings no source has any more (run "
                                                               "scripts/update-translations.sh): ")
                                                    .arg(name)
                                                + listed(gone)));
        }
    }

    void compiledCatalogueAnswersAsTheTsSays()
    {
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/cohort_zh_CN.qm")), "cohort_zh_CN.qm is not embedded (qt_add_translations)");
        removeTranslators();
        QVERIFY(cohort::installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        QStringList problems;
        for (const TsMessage &m : std::as_const(m_zh.messages)) {
            const int n = m.numerus ? 3 : -1;
            QString expected = m.forms.value(0);
            if (m.numerus) {   // %Ln is the count in the locale's digits: 3 in Chinese too
                expected.replace(QStringLiteral("%Ln"), QLocale().toString(3));
                expected.replace(QStringLiteral("%n"), QStringLiteral("3"));
            }
            const QString got = QCoreApplication::translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                                            m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData(), n);
            if (got != expected)
                problems << QStringLiteral("%1 => %2").arg(m.key(), got);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("the compiled zh_CN catalogue differs: ") + listed(problems)));
        QCOMPARE(QCoreApplication::translate("GroupEventText", "%n partition(s) moved", nullptr, 4), QStringLiteral("移动了 4 个分区"));

        // Qt's own strings (the buttons of the standard dialogs) come from qt6-translations-l10n.
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
        if (QFileInfo::exists(qtbase))
            QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        else if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(QStringLiteral("%1 is missing: install qt6-translations-l10n (scripts/setup.sh does)").arg(qtbase)));

        // English: the numerus forms, for one and for several.
        removeTranslators();
        cohort::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
        QCOMPARE(QCoreApplication::translate("GroupEventText", "%n partition(s) moved", nullptr, 1), QStringLiteral("1 partition moved"));
        QCOMPARE(QCoreApplication::translate("GroupEventText", "%n partition(s) moved", nullptr, 2), QStringLiteral("2 partitions moved"));
        QCOMPARE(QCoreApplication::translate("SnapshotLoader", "Listing groups on %n broker(s)", nullptr, 1),
                 QStringLiteral("Listing groups on 1 broker"));
        removeTranslators();
    }
};

QTEST_GUILESS_MAIN(TestTranslationCompleteness)
#include "tst_translation_completeness.moc"
