// SPDX-License-Identifier: GPL-3.0-or-later
// What a desktop sees of Cohort: the icon compiled into the app renders, and the
// .desktop entry and AppStream metainfo are valid and name the same application,
// in English and in Simplified Chinese (the glossary's words: 消费者组, 积压, 位移).

#include "SkipOrFail.h"

#include <QFile>
#include <QHash>
#include <QIcon>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

class TestPackaging : public QObject
{
    Q_OBJECT

private:
    static QString source(const QString &relative) { return qEnvironmentVariable("COHORT_SOURCE_DIR") + QLatin1Char('/') + relative; }

    // The [Desktop Entry] group's keys as the desktop reads them (UTF-8, no escapes used here).
    static QHash<QString, QString> desktopEntry()
    {
        QFile f(source(QStringLiteral("packaging/io.github.cohort.Cohort.desktop")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QHash<QString, QString> keys;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n')))
            if (const qsizetype eq = line.indexOf(QLatin1Char('=')); eq > 0 && !line.startsWith(QLatin1Char('#')))
                keys.insert(line.left(eq), line.mid(eq + 1));
        return keys;
    }

    static bool hasHan(const QString &text)
    {
        for (const QChar c : text)
            if (c.script() == QChar::Script_Han)
                return true;
        return false;
    }

private Q_SLOTS:
    void iconRenders()
    {
        const QIcon icon(QStringLiteral(":/cohort/icons/cohort.svg"));
        QVERIFY2(!icon.isNull(), "the resource is missing or no SVG icon engine is installed (libqt6svg6)");
        const QImage image = icon.pixmap(64, 64).toImage();
        QCOMPARE(image.size(), QSize(64, 64));
        // The background square is dark blue; a transparent or blank pixmap would not be.
        const QColor centre = image.pixelColor(10, 32);
        QVERIFY2(centre.alpha() == 255 && centre.blue() > centre.red(), qPrintable(centre.name(QColor::HexArgb)));
    }

    void desktopEntryNamesTheBinaryAndIcon()
    {
        QFile f(source(QStringLiteral("packaging/io.github.cohort.Cohort.desktop")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("[Desktop Entry]\n"));
        QVERIFY(text.contains("\nExec=cohort\n"));
        QVERIFY(text.contains("\nIcon=io.github.cohort.Cohort\n"));
        QVERIFY(text.contains("\nType=Application\n"));
    }

    void desktopEntryIsInChineseToo()
    {
        const QHash<QString, QString> keys = desktopEntry();
        QVERIFY(!keys.isEmpty());
        for (const char *key : {"Name", "GenericName", "Comment", "Keywords"}) {
            const QString english = keys.value(QString::fromLatin1(key));
            const QString chinese = keys.value(QString::fromLatin1(key) + QStringLiteral("[zh_CN]"));
            QVERIFY2(!english.isEmpty(), key);
            QVERIFY2(!chinese.isEmpty(), qPrintable(QStringLiteral("%1[zh_CN] is missing").arg(QLatin1String(key))));
        }
        QCOMPARE(keys.value(QStringLiteral("Name[zh_CN]")), QStringLiteral("Cohort"));   // a name, not translated
        // The glossary's terms, as the GUI's translation writes them.
        const QString comment = keys.value(QStringLiteral("Comment[zh_CN]"));
        for (const QString &term : {QStringLiteral("消费者组"), QStringLiteral("积压"), QStringLiteral("位移")})
            QVERIFY2(comment.contains(term), qPrintable(comment));
        QVERIFY(keys.value(QStringLiteral("GenericName[zh_CN]")).contains(QStringLiteral("消费者组")));
        QVERIFY(keys.value(QStringLiteral("Keywords[zh_CN]")).endsWith(QLatin1Char(';')));
        // The desktop's own checker, where installed (Debian package desktop-file-utils).
        const QString validate = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (validate.isEmpty())
            COHORT_SKIP_OR_FAIL("desktop-file-validate is not installed (Debian package desktop-file-utils); the entry was not validated");
        QProcess p;
        p.start(validate, {source(QStringLiteral("packaging/io.github.cohort.Cohort.desktop"))});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0 && !out.contains(QLatin1String("error")), qPrintable(out));
    }

    void metainfoSummaryIsInChineseToo()
    {
        QFile f(source(QStringLiteral("packaging/io.github.cohort.Cohort.metainfo.xml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QHash<QString, QString> summaries;   // xml:lang ("" for the untranslated) -> text
        bool chineseParagraph = false;   // the description's too, so that a Chinese software centre shows no English
        QXmlStreamReader xml(&f);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QString lang = xml.attributes().value(QStringLiteral("xml:lang")).toString();
            if (xml.name() == QLatin1String("summary"))
                summaries.insert(lang, xml.readElementText());
            else if (xml.name() == QLatin1String("p") && lang == QLatin1String("zh_CN"))
                chineseParagraph = hasHan(xml.readElementText());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(summaries.value(QString()).contains(QLatin1String("consumer groups")));
        const QString chinese = summaries.value(QStringLiteral("zh_CN"));
        QVERIFY2(hasHan(chinese) && chinese.contains(QStringLiteral("消费者组")), qPrintable(chinese));
        QVERIFY(chineseParagraph);
    }

    void metainfoIsValid()
    {
        const QString appstream = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
        if (appstream.isEmpty())
            COHORT_SKIP_OR_FAIL("appstreamcli is not installed (Debian package appstream); the metainfo file was not validated");
        QProcess p;
        p.start(appstream, {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
                            source(QStringLiteral("packaging/io.github.cohort.Cohort.metainfo.xml"))});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
    }
};

QTEST_MAIN(TestPackaging)
#include "tst_packaging.moc"
