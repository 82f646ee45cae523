// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

// lupdate copies this comment into every .ts file (context "Glossary"), so it
// survives each regeneration of resources/translations/cohort_zh_CN.ts.
/* TRANSLATOR Glossary

   Simplified Chinese glossary: Kafka terms as Kafka users in China write them.
   Keep one word per term.
     consumer group 消费者组 · group 组 · member 成员 · offset 位移
     committed offset 已提交位移 · end offset / log end 末端位移 / 日志末端
     log start offset 日志起始位移 · lag 积压 · time lag 时间延迟
     rebalance 重平衡 · generation 代 · partition 分区 · topic 主题
     broker Broker (kept) · coordinator 协调者 · assignor 分配器
     throughput 吞吐 · rate 速率 · caught up 已追平 · dry run 演练
     bootstrap server bootstrap 服务器 · listener 监听器 · keychain 密钥环
   Kept as Kafka spells them: group states (Stable, Empty, PreparingRebalance…),
   group types (classic, consumer, share, streams), assignor names, error codes
   (NON_EMPTY_GROUP…), configuration keys, command-line options and values.
   Punctuation: full-width ，。：；（） in Chinese sentences; a mnemonic goes
   after the text as (&X).

   cohort-cli output that scripts written for kafka-consumer-groups.sh read is
   never translated: the table column headers (GROUP, TOPIC, PARTITION,
   CURRENT-OFFSET, LOG-END-OFFSET, LAG, CONSUMER-ID…), JSON keys and CSV headers
   are not tr() strings at all; the sentences kafka-consumer-groups.sh prints
   word for word ("Consumer group '%1' does not exist.", "Deletion of requested
   consumer groups (%1) was successful.", "* Group '%1' could not be deleted due
   to: %2", "Request succeeded for deleting offsets from group %1." …) keep
   their English text as translation, and the "warning:", "error:" and "note:"
   prefixes of stderr lines stay English.
*/

namespace cohort {

namespace {

bool installFile(QCoreApplication &app, const QString &file)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(file)) {
        app.installTranslator(translator);
        return true;
    }
    delete translator;   // an executable built without them shows the source strings
    return false;
}

}   // namespace

void installTranslations(QCoreApplication &app)
{
    installFile(app, QStringLiteral(":/i18n/cohort_en.qm"));
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        installTranslations(app);
        return true;
    }
    auto *cohort = new QTranslator(&app);
    // cohort_zh_CN.qm, then cohort_zh.qm; the English numerus forms when neither exists.
    const bool found = cohort->load(locale, QStringLiteral("cohort"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        app.installTranslator(cohort);
    else {
        delete cohort;
        installTranslations(app);
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return found;
}

}   // namespace cohort
