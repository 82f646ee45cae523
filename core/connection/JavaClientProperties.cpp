// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/JavaClientProperties.h"

#include <QCoreApplication>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JavaClientProperties)
};

const QLatin1String kPlainModule("org.apache.kafka.common.security.plain.PlainLoginModule");
const QLatin1String kScramModule("org.apache.kafka.common.security.scram.ScramLoginModule");

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('$');
}

}   // namespace

QString JavaClientProperties::JaasEntry::option(const QString &name) const
{
    for (const auto &[key, value] : options)
        if (key == name)
            return value;
    return {};
}

Result<JavaClientProperties::JaasEntry, QString> JavaClientProperties::parseJaas(const QString &value)
{
    // The grammar of one entry of Java's JAAS configuration as Kafka reads
    // sasl.jaas.config (org.apache.kafka.common.security.JaasConfig): a class
    // name, a control flag, name=value options (values quoted with "..." and
    // backslash escapes, or bare words), and a closing semicolon.
    const QString s = value.trimmed();
    qsizetype i = 0;
    auto skipSpaces = [&] {
        while (i < s.size() && s.at(i).isSpace())
            ++i;
    };
    auto word = [&] {
        const qsizetype from = i;
        while (i < s.size() && isNameChar(s.at(i)))
            ++i;
        return s.mid(from, i - from);
    };
    JaasEntry entry;
    skipSpaces();
    entry.module = word();
    skipSpaces();
    entry.flag = word();
    if (entry.module.isEmpty() || entry.flag.isEmpty())
        return Text::tr("sasl.jaas.config must start with a login module and a flag, e.g. "
                  "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"...\" password=\"...\";");
    for (;;) {
        skipSpaces();
        if (i >= s.size())
            return Text::tr("sasl.jaas.config must end with a semicolon");
        if (s.at(i) == QLatin1Char(';')) {
            ++i;
            skipSpaces();
            if (i != s.size())
                return Text::tr("sasl.jaas.config may hold one login module only: Kafka clients use the first one");
            return entry;
        }
        const QString name = word();
        skipSpaces();
        if (name.isEmpty() || i >= s.size() || s.at(i) != QLatin1Char('='))
            return Text::tr("sasl.jaas.config: expected name=value at \"%1\"").arg(s.mid(i, 20));
        ++i;
        skipSpaces();
        QString optionValue;
        if (i < s.size() && s.at(i) == QLatin1Char('"')) {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                const QChar c = s.at(i++);
                if (c == QLatin1Char('\\') && i < s.size()) {
                    optionValue += s.at(i++);
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    optionValue += c;
                }
            }
            if (!closed)
                return Text::tr("sasl.jaas.config: the value of %1 has no closing quote").arg(name);
        } else {
            optionValue = word();
        }
        entry.options.append({name, optionValue});
    }
}

Result<JavaClientProperties::Properties, QString> JavaClientProperties::toLibrdkafka(const Properties &javaProperties)
{
    Properties out;
    QString keystoreType;
    for (const auto &[key, value] : javaProperties)
        if (key == QLatin1String("ssl.keystore.type"))
            keystoreType = value.toUpper();
    for (const auto &[key, value] : javaProperties) {
        if (key == QLatin1String("sasl.jaas.config")) {
            const Result<JaasEntry, QString> jaas = parseJaas(value);
            if (!jaas)
                return jaas.error();
            if (jaas->module != kPlainModule && jaas->module != kScramModule)
                return Text::tr("sasl.jaas.config uses %1, which Cohort cannot translate: librdkafka takes PLAIN and SCRAM credentials as "
                          "sasl.username and sasl.password (Kerberos: sasl.kerberos.*, OAUTHBEARER: sasl.oauthbearer.*)")
                    .arg(jaas->module);
            if (jaas->option(QStringLiteral("username")).isEmpty())
                return Text::tr("sasl.jaas.config has no username=\"...\" option");
            out.append({QStringLiteral("sasl.username"), jaas->option(QStringLiteral("username"))});
            out.append({QStringLiteral("sasl.password"), jaas->option(QStringLiteral("password"))});
        } else if (key.startsWith(QLatin1String("ssl.truststore."))) {
            return Text::tr("%1: librdkafka has no Java truststore; export the CA certificate as PEM "
                      "(keytool -exportcert -rfc -keystore FILE -alias ALIAS) and give it as ssl.ca.location")
                .arg(key);
        } else if (key.startsWith(QLatin1String("ssl.keystore.")) && keystoreType == QLatin1String("JKS")) {
            return Text::tr("%1: librdkafka reads PKCS#12 keystores only; convert the JKS keystore with "
                      "keytool -importkeystore -deststoretype PKCS12")
                .arg(key);
        } else if (key == QLatin1String("ssl.keystore.type")) {
            continue;   // librdkafka's ssl.keystore.location is always PKCS#12
        } else if (key == QLatin1String("ssl.endpoint.identification.algorithm") && value.isEmpty()) {
            out.append({key, QStringLiteral("none")});   // Java's "" turns host name checks off; librdkafka spells it "none"
        } else {
            out.append({key, value});
        }
    }
    return out;
}

}   // namespace cohort
