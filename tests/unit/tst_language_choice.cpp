// SPDX-License-Identifier: GPL-3.0-or-later
// LanguageChoice: the --lang values people type map to the languages offered
// (and nothing else does), the choice kept in the settings survives a round
// trip, and a value this version does not offer reads as the system's.

#include "core/util/LanguageChoice.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cohort;

class TestLanguageChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesLangValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");   // "-" : refused
        QTest::newRow("system") << QStringLiteral("system") << QString();
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh-CN") << QStringLiteral("zh-CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("zh_CN");
        QTest::newRow("zh_TW refused") << QStringLiteral("zh_TW") << QStringLiteral("-");
        QTest::newRow("fr refused") << QStringLiteral("fr") << QStringLiteral("-");
        QTest::newRow("empty refused") << QString() << QStringLiteral("-");
    }

    void parsesLangValues()
    {
        QFETCH(QString, value);
        QFETCH(QString, code);
        const std::optional<QString> parsed = LanguageChoice::parse(value);
        if (code == QLatin1String("-")) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(*parsed, code);
        QVERIFY(LanguageChoice::codes().contains(code));
    }

    void storedChoiceRoundTrips()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(LanguageChoice::stored(settings), QString());
        LanguageChoice::store(settings, QStringLiteral("zh_CN"));
        QCOMPARE(LanguageChoice::stored(settings), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageChoice::locale(QStringLiteral("zh_CN")).language(), QLocale::Chinese);
        LanguageChoice::store(settings, QString());
        QVERIFY(!settings.contains(QStringLiteral("ui/language")));
        settings.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        QCOMPARE(LanguageChoice::stored(settings), QString());   // not offered: the system's
    }
};

QTEST_GUILESS_MAIN(TestLanguageChoice)
#include "tst_language_choice.moc"
