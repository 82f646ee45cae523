// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionProfile: validation problems and the librdkafka properties it makes.

#include "core/connection/ConnectionProfile.h"
#include "core/kafka/RdKafkaClusterClient.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cohort;
using Protocol = ConnectionProfile::SecurityProtocol;
using Mechanism = ConnectionProfile::SaslMechanism;
using Properties = RdKafkaClusterClient::Properties;

namespace {

ConnectionProfile plain()
{
    ConnectionProfile p;
    p.name = QStringLiteral("dev");
    p.bootstrapServers = QStringLiteral("kafka-1:9092, kafka-2:9092");
    return p;
}

QString valueOf(const Properties &props, const QString &key)
{
    QString v;
    for (const auto &[k, value] : props)
        if (k == key)
            v = value;   // the last one wins, as in librdkafka
    return v;
}

bool hasKey(const Properties &props, const QString &key)
{
    for (const auto &p : props)
        if (p.first == key)
            return true;
    return false;
}

bool anyContains(const QStringList &problems, const QString &needle)
{
    for (const QString &p : problems)
        if (p.contains(needle))
            return true;
    return false;
}

}   // namespace

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPlainProfileIsValid()
    {
        QCOMPARE(plain().validate(), QStringList());
        QCOMPARE(plain().bootstrapList(), (QStringList{QStringLiteral("kafka-1:9092"), QStringLiteral("kafka-2:9092")}));
    }

    void validationProblems_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");   // a fragment of the problem text

        QTest::newRow("empty name") << "name"
                                    << ""
                                    << "name";
        QTest::newRow("blank name") << "name"
                                    << "   "
                                    << "name";
        QTest::newRow("slash in name") << "name"
                                       << "a/b"
                                       << "/";
        QTest::newRow("no servers") << "bootstrap"
                                    << ""
                                    << "bootstrap server";
        QTest::newRow("only commas") << "bootstrap"
                                     << " , ,"
                                     << "bootstrap server";
        QTest::newRow("no port") << "bootstrap"
                                 << "kafka-1"
                                 << "\"kafka-1\"";
        QTest::newRow("port 0") << "bootstrap"
                                << "kafka-1:0"
                                << "\"kafka-1:0\"";
        QTest::newRow("port too big") << "bootstrap"
                                      << "kafka-1:90921"
                                      << "\"kafka-1:90921\"";
        QTest::newRow("letters in port") << "bootstrap"
                                         << "kafka-1:http"
                                         << "\"kafka-1:http\"";
        QTest::newRow("space in host") << "bootstrap"
                                       << "kafka 1:9092"
                                       << "\"kafka 1:9092\"";
        QTest::newRow("one bad of two") << "bootstrap"
                                        << "ok:9092,:9092"
                                        << "\":9092\"";
        QTest::newRow("not key=value") << "extra"
                                       << "acks"
                                       << "line 1";
        QTest::newRow("no key") << "extra"
                                << "=1"
                                << "\"=1\"";
        QTest::newRow("secret in extras") << "extra"
                                          << "sasl.password=hunter2"
                                          << "sasl.password";
    }

    void validationProblems()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        ConnectionProfile p = plain();
        if (field == QLatin1String("name"))
            p.name = value;
        else if (field == QLatin1String("bootstrap"))
            p.bootstrapServers = value;
        else
            p.extraProperties = QStringList{value};
        const QStringList problems = p.validate();
        QVERIFY2(anyContains(problems, expected), qPrintable(problems.join(QLatin1Char('|'))));
    }

    void acceptedBootstrapForms()
    {
        ConnectionProfile p = plain();
        p.bootstrapServers = QStringLiteral("localhost:9092,10.0.0.1:1,[::1]:9093,SASL_SSL://broker.example.com:65535,my_host:9092");
        QCOMPARE(p.validate(), QStringList());
    }

    void saslNeedsAUser()
    {
        ConnectionProfile p = plain();
        p.securityProtocol = Protocol::SaslPlaintext;
        QVERIFY(anyContains(p.validate(), QStringLiteral("user name")));
        p.userName = QStringLiteral("alice");
        QCOMPARE(p.validate(), QStringList());
        // The user is not asked for without SASL.
        p.userName.clear();
        p.securityProtocol = Protocol::Ssl;
        QCOMPARE(p.validate(), QStringList());
    }

    void sslFilesMustExist()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        const QString cert = dir.filePath(QStringLiteral("client.pem"));
        const QString key = dir.filePath(QStringLiteral("client.key"));
        for (const QString &f : {ca, cert}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("-----BEGIN CERTIFICATE-----\n");
        }
        ConnectionProfile p = plain();
        p.securityProtocol = Protocol::Ssl;
        p.sslCaFile = ca;
        p.sslCertificateFile = cert;
        p.sslKeyFile = key;   // missing
        QStringList problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(key), qPrintable(problems.first()));

        // Paths are not looked at when SSL is not used.
        p.securityProtocol = Protocol::SaslPlaintext;
        p.userName = QStringLiteral("u");
        QCOMPARE(p.validate(), QStringList());

        p.securityProtocol = Protocol::SaslSsl;
        p.sslKeyFile.clear();
        problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("key file")), qPrintable(problems.first()));
    }

    void plaintextProperties()
    {
        const Properties props = plain().librdkafkaProperties(QStringLiteral("ignored"));
        QCOMPARE(props, (Properties{{QStringLiteral("bootstrap.servers"), QStringLiteral("kafka-1:9092,kafka-2:9092")},
                                    {QStringLiteral("security.protocol"), QStringLiteral("PLAINTEXT")}}));
    }

    void saslMapping_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("mechanism");
        QTest::addColumn<QString>("protocolName");
        QTest::addColumn<QString>("mechanismName");
        QTest::newRow("SASL_PLAINTEXT PLAIN") << int(Protocol::SaslPlaintext) << int(Mechanism::Plain) << "SASL_PLAINTEXT"
                                              << "PLAIN";
        QTest::newRow("SASL_SSL SCRAM-256") << int(Protocol::SaslSsl) << int(Mechanism::ScramSha256) << "SASL_SSL"
                                            << "SCRAM-SHA-256";
        QTest::newRow("SASL_SSL SCRAM-512") << int(Protocol::SaslSsl) << int(Mechanism::ScramSha512) << "SASL_SSL"
                                            << "SCRAM-SHA-512";
    }

    void saslMapping()
    {
        QFETCH(int, protocol);
        QFETCH(int, mechanism);
        QFETCH(QString, protocolName);
        QFETCH(QString, mechanismName);
        ConnectionProfile p = plain();
        p.securityProtocol = Protocol(protocol);
        p.saslMechanism = Mechanism(mechanism);
        p.userName = QStringLiteral(" alice ");
        const Properties props = p.librdkafkaProperties(QStringLiteral("s3cret"));
        QCOMPARE(valueOf(props, QStringLiteral("security.protocol")), protocolName);
        QCOMPARE(valueOf(props, QStringLiteral("sasl.mechanisms")), mechanismName);
        QCOMPARE(valueOf(props, QStringLiteral("sasl.username")), QStringLiteral("alice"));
        QCOMPARE(valueOf(props, QStringLiteral("sasl.password")), QStringLiteral("s3cret"));
        QVERIFY(!hasKey(props, QStringLiteral("ssl.key.password")));
        // No password: left out, so that librdkafka says what is missing.
        QVERIFY(!hasKey(p.librdkafkaProperties({}), QStringLiteral("sasl.password")));
        // Names round-trip.
        QCOMPARE(ConnectionProfile::securityProtocolFromName(protocolName.toLower()), std::optional(Protocol(protocol)));
        QCOMPARE(ConnectionProfile::saslMechanismFromName(mechanismName), std::optional(Mechanism(mechanism)));
    }

    void sslMapping()
    {
        ConnectionProfile p = plain();
        p.securityProtocol = Protocol::Ssl;
        p.sslCaFile = QStringLiteral("/etc/ca.pem");
        p.sslCertificateFile = QStringLiteral("/etc/client.pem");
        p.sslKeyFile = QStringLiteral("/etc/client.key");
        p.userName = QStringLiteral("not-used");
        const Properties props = p.librdkafkaProperties(QStringLiteral("passphrase"));
        QCOMPARE(valueOf(props, QStringLiteral("security.protocol")), QStringLiteral("SSL"));
        QCOMPARE(valueOf(props, QStringLiteral("ssl.ca.location")), QStringLiteral("/etc/ca.pem"));
        QCOMPARE(valueOf(props, QStringLiteral("ssl.certificate.location")), QStringLiteral("/etc/client.pem"));
        QCOMPARE(valueOf(props, QStringLiteral("ssl.key.location")), QStringLiteral("/etc/client.key"));
        QCOMPARE(valueOf(props, QStringLiteral("ssl.key.password")), QStringLiteral("passphrase"));
        QVERIFY(!hasKey(props, QStringLiteral("sasl.username")));
        QVERIFY(!hasKey(props, QStringLiteral("sasl.password")));

        // Without SSL the paths are not passed on.
        p.securityProtocol = Protocol::Plaintext;
        QVERIFY(!hasKey(p.librdkafkaProperties({}), QStringLiteral("ssl.ca.location")));
        QCOMPARE(ConnectionProfile::securityProtocolFromName(QStringLiteral("TLS")), std::nullopt);
        QCOMPARE(ConnectionProfile::saslMechanismFromName(QStringLiteral("GSSAPI")), std::nullopt);
    }

    void extraPropertiesComeLastAndOverride()
    {
        ConnectionProfile p = plain();
        p.extraProperties = QStringList{QStringLiteral("# tuned for the VPN"), QString(), QStringLiteral("socket.timeout.ms = 30000"),
                                        QStringLiteral("security.protocol=SSL"), QStringLiteral("client.id=a=b")};
        QCOMPARE(p.validate(), QStringList());
        const Properties props = p.librdkafkaProperties({});
        QCOMPARE(props.size(), 5);
        QCOMPARE(props.at(2), qMakePair(QStringLiteral("socket.timeout.ms"), QStringLiteral("30000")));
        QCOMPARE(props.at(3), qMakePair(QStringLiteral("security.protocol"), QStringLiteral("SSL")));
        QCOMPARE(props.at(4), qMakePair(QStringLiteral("client.id"), QStringLiteral("a=b")));
        QCOMPARE(valueOf(props, QStringLiteral("security.protocol")), QStringLiteral("SSL"));
    }

    // One pass gives both halves: what parsed goes to librdkafka, what did not
    // is what validate() reports; a bad line never stops the good ones.
    void parsedExtraPropertiesKeepsTheGoodLinesAndNamesTheBadOnes()
    {
        ConnectionProfile p = plain();
        p.extraProperties
            = QStringList{QStringLiteral("socket.timeout.ms=30000"), QStringLiteral("=orphan"), QStringLiteral("ssl.key.password=hunter2"),
                          QStringLiteral("# a comment"), QStringLiteral("client.id = cohort-ops")};
        const ConnectionProfile::ExtraProperties extra = p.parsedExtraProperties();
        QCOMPARE(extra.parsed, (Properties{{QStringLiteral("socket.timeout.ms"), QStringLiteral("30000")},
                                           {QStringLiteral("client.id"), QStringLiteral("cohort-ops")}}));
        QCOMPARE(extra.problems.size(), qsizetype(2));
        QVERIFY2(extra.problems.at(0).contains(QLatin1String("line 2")), qPrintable(extra.problems.at(0)));
        QVERIFY2(extra.problems.at(1).contains(QLatin1String("ssl.key.password")), qPrintable(extra.problems.at(1)));
        QCOMPARE(p.validate(), extra.problems);   // the profile is otherwise fine
        QVERIFY(!hasKey(p.librdkafkaProperties({}), QStringLiteral("ssl.key.password")));
        QCOMPARE(valueOf(p.librdkafkaProperties({}), QStringLiteral("client.id")), QStringLiteral("cohort-ops"));
    }

    void librdkafkaJudgesUnknownExtraProperties()
    {
        // Cohort does not keep a list of librdkafka's keys: librdkafka's own
        // error text reaches the user.
        ConnectionProfile p = plain();
        p.extraProperties = QStringList{QStringLiteral("no.such.property=1")};
        QCOMPARE(p.validate(), QStringList());
        const auto made = RdKafkaClusterClient::create(p.librdkafkaProperties({}));
        QVERIFY(!made.ok());
        QVERIFY2(made.error().message.contains(QLatin1String("no.such.property")), qPrintable(made.error().toString()));
        QVERIFY(!made.error().hint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connection_profile.moc"
