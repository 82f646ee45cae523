// SPDX-License-Identifier: GPL-3.0-or-later
// kafka-consumer-groups.sh --command-config files as people write them for
// Kafka's Java tools, turned into librdkafka properties or refused with why.

#include "core/connection/JavaClientProperties.h"

#include <QTest>

using namespace cohort;

using Props = JavaClientProperties::Properties;

namespace {
QString valueOf(const Props &props, const QString &key)
{
    for (const auto &[k, v] : props)
        if (k == key)
            return v;
    return QStringLiteral("<absent>");
}
}   // namespace

class TestJavaClientProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainLoginModuleBecomesUserAndPassword()
    {
        const Props in{{QStringLiteral("security.protocol"), QStringLiteral("SASL_SSL")},
                       {QStringLiteral("sasl.mechanism"), QStringLiteral("PLAIN")},
                       {QStringLiteral("sasl.jaas.config"),
                        QStringLiteral("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" "
                                       "password=\"al\\\"ice;secret\";")}};
        const auto out = JavaClientProperties::toLibrdkafka(in);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(valueOf(*out, QStringLiteral("security.protocol")), QStringLiteral("SASL_SSL"));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.mechanism")), QStringLiteral("PLAIN"));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.username")), QStringLiteral("alice"));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.password")), QStringLiteral("al\"ice;secret"));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.jaas.config")), QStringLiteral("<absent>"));
    }

    void scramLoginModuleWithBareWords()
    {
        const Props in{
            {QStringLiteral("sasl.jaas.config"),
             QStringLiteral("  org.apache.kafka.common.security.scram.ScramLoginModule required\n username=bob password=b0b ; ")}};
        const auto out = JavaClientProperties::toLibrdkafka(in);
        QVERIFY2(out.ok(), qPrintable(out.error()));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.username")), QStringLiteral("bob"));
        QCOMPARE(valueOf(*out, QStringLiteral("sasl.password")), QStringLiteral("b0b"));
    }

    void otherKeysPassThroughInOrder()
    {
        const Props in{{QStringLiteral("request.timeout.ms"), QStringLiteral("5000")},
                       {QStringLiteral("client.id"), QStringLiteral("ops")}};
        const auto out = JavaClientProperties::toLibrdkafka(in);
        QVERIFY(out.ok());
        QCOMPARE(*out, in);
    }

    void emptyEndpointIdentificationMeansNone()
    {
        const auto out = JavaClientProperties::toLibrdkafka({{QStringLiteral("ssl.endpoint.identification.algorithm"), QString()}});
        QVERIFY(out.ok());
        QCOMPARE(valueOf(*out, QStringLiteral("ssl.endpoint.identification.algorithm")), QStringLiteral("none"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kerberos") << "sasl.jaas.config"
                                  << "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;"
                                  << "Krb5LoginModule";
        QTest::newRow("oauth") << "sasl.jaas.config"
                               << "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;"
                               << "OAuthBearerLoginModule";
        QTest::newRow("no semicolon") << "sasl.jaas.config"
                                      << "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\" password=\"b\""
                                      << "semicolon";
        QTest::newRow("unclosed quote") << "sasl.jaas.config"
                                        << "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a;"
                                        << "quote";
        QTest::newRow("no user") << "sasl.jaas.config"
                                 << "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"b\";"
                                 << "username";
        QTest::newRow("no flag") << "sasl.jaas.config"
                                 << "org.apache.kafka.common.security.plain.PlainLoginModule;"
                                 << "flag";
        QTest::newRow("truststore") << "ssl.truststore.location"
                                    << "/etc/kafka/truststore.jks"
                                    << "ssl.ca.location";
    }

    void refused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const auto out = JavaClientProperties::toLibrdkafka({{key, value}});
        QVERIFY(!out.ok());
        QVERIFY2(out.error().contains(expected), qPrintable(out.error()));
    }

    void jksKeystoreRefusedPkcs12Kept()
    {
        const auto jks = JavaClientProperties::toLibrdkafka({{QStringLiteral("ssl.keystore.type"), QStringLiteral("JKS")},
                                                             {QStringLiteral("ssl.keystore.location"), QStringLiteral("/k.jks")}});
        QVERIFY(!jks.ok());
        QVERIFY2(jks.error().contains(QLatin1String("PKCS#12")), qPrintable(jks.error()));
        const auto p12 = JavaClientProperties::toLibrdkafka({{QStringLiteral("ssl.keystore.type"), QStringLiteral("PKCS12")},
                                                             {QStringLiteral("ssl.keystore.location"), QStringLiteral("/k.p12")},
                                                             {QStringLiteral("ssl.keystore.password"), QStringLiteral("pw")}});
        QVERIFY2(p12.ok(), qPrintable(p12.error()));
        QCOMPARE(*p12, (Props{{QStringLiteral("ssl.keystore.location"), QStringLiteral("/k.p12")},
                              {QStringLiteral("ssl.keystore.password"), QStringLiteral("pw")}}));
    }
};

QTEST_GUILESS_MAIN(TestJavaClientProperties)
#include "tst_java_client_properties.moc"
