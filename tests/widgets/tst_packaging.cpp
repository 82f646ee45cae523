// SPDX-License-Identifier: GPL-3.0-or-later
// What a desktop sees of Cohort: the icon compiled into the app renders, and the
// .desktop entry and AppStream metainfo are valid and name the same application.

#include "SkipOrFail.h"

#include <QFile>
#include <QIcon>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TestPackaging : public QObject
{
    Q_OBJECT

private:
    static QString source(const QString &relative) { return qEnvironmentVariable("COHORT_SOURCE_DIR") + QLatin1Char('/') + relative; }

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
