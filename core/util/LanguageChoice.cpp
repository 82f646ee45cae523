// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/LanguageChoice.h"

#include <QSettings>

namespace cohort::LanguageChoice {

namespace {

const QString kKey = QStringLiteral("ui/language");

}   // namespace

QStringList codes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString stored(const QSettings &settings)
{
    const QString code = settings.value(kKey).toString();
    return codes().contains(code) ? code : QString();
}

void store(QSettings &settings, const QString &code)
{
    if (code.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, code);
}

std::optional<QString> parse(const QString &value)
{
    const QString v = value.trimmed();
    if (v.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return QString();
    if (v.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0 || v.startsWith(QLatin1String("en_"), Qt::CaseInsensitive)
        || v.startsWith(QLatin1String("en-"), Qt::CaseInsensitive))
        return QStringLiteral("en");
    // Simplified Chinese is the one Chinese offered: zh, zh_CN, zh-Hans.
    if (v.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0 || v.compare(QLatin1String("zh_CN"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1String("zh-CN"), Qt::CaseInsensitive) == 0 || v.compare(QLatin1String("zh-Hans"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("zh_CN");
    return std::nullopt;
}

QLocale locale(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

}   // namespace cohort::LanguageChoice
