// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the failed-connection diagnosis: SaslHandshake v1 bodies
// as Kafka 4.4 sent them (captured from its PLAINTEXT and SASL_PLAINTEXT
// listeners), the sniffing of what answered a plaintext Kafka request, how
// librdkafka properties become a probe plan, and which finding each set of
// observed facts leads to. The probe itself against Kafka 4.4:
// tests/integration/tst_listener_mismatch.cpp.

#include "core/connection/ConnectionDiagnosis.h"
#include "core/kafka/KafkaErrorHints.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/ResponseFrameSniffer.h"
#include "core/wire/SaslHandshakeCodec.h"

#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;

using Kind = ResponseFrameSniffer::Kind;
using Facts = ListenerProbe::Facts;
using Plan = ListenerProbe::Plan;

Q_DECLARE_METATYPE(cohort::ResponseFrameSniffer::Kind)

namespace {

Plan planAt(bool tls, bool sasl, const QString &mechanism = u"PLAIN"_s)
{
    Plan p;
    p.host = u"127.0.0.1"_s;
    p.port = 9092;
    p.tls = tls;
    p.sasl = sasl;
    p.mechanism = mechanism;
    p.user = u"alice"_s;
    return p;
}

Facts connected()
{
    Facts f;
    f.reach = ListenerProbe::Reach::Connected;
    return f;
}

QString judged(const Plan &plan, const Facts &facts)
{
    const auto finding = ConnectionDiagnosis::judge(plan, facts, 3000);
    return finding ? finding->message + u" | "_s + finding->hint : QString();
}

}   // namespace

class TestConnectionDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saslHandshakeRequest() { QCOMPARE(SaslHandshakeCodec::request(u"PLAIN"_s), QByteArray("\x00\x05PLAIN", 7)); }

    void saslHandshakeResponses()
    {
        // Kafka 4.4's SASL_PLAINTEXT listener (PLAIN and SCRAM-SHA-512) to PLAIN, then to SCRAM-SHA-256.
        const QByteArray offered("\x00\x00\x00\x00\x00\x02\x00\x05PLAIN\x00\x0dSCRAM-SHA-512", 28);
        auto ok = SaslHandshakeCodec::readResponse(offered);
        QVERIFY(ok);
        QCOMPARE(ok->errorCode, qint16(ErrorCode::None));
        QCOMPARE(ok->mechanisms, QStringList({u"PLAIN"_s, u"SCRAM-SHA-512"_s}));
        const QByteArray unsupported("\x00\x21\x00\x00\x00\x02\x00\x05PLAIN\x00\x0dSCRAM-SHA-512", 28);
        auto no = SaslHandshakeCodec::readResponse(unsupported);
        QVERIFY(no);
        QCOMPARE(no->errorCode, qint16(ErrorCode::UnsupportedSaslMechanism));
        QCOMPARE(no->mechanisms.size(), 2);
        // Kafka 4.4's PLAINTEXT listener: ILLEGAL_SASL_STATE and no mechanisms.
        auto none = SaslHandshakeCodec::readResponse(QByteArray("\x00\x22\x00\x00\x00\x00", 6));
        QVERIFY(none);
        QCOMPARE(none->errorCode, qint16(ErrorCode::IllegalSaslState));
        QVERIFY(none->mechanisms.isEmpty());
        QVERIFY(!SaslHandshakeCodec::readResponse(offered.left(20)));
        QVERIFY(!SaslHandshakeCodec::readResponse(offered + 'x'));
    }

    void sniff_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Kind>("kind");
        // The first bytes of Kafka 4.4's ApiVersions v0 answer to correlation id 1.
        QTest::newRow("kafka") << QByteArray("\x00\x00\x01\xd8\x00\x00\x00\x01\x00\x00", 10) << Kind::KafkaFrame;
        QTest::newRow("kafka, size only") << QByteArray("\x00\x00\x01\xd8", 4) << Kind::Incomplete;
        QTest::newRow("other correlation id") << QByteArray("\x00\x00\x01\xd8\x00\x00\x00\x07", 8) << Kind::NotKafka;
        QTest::newRow("nothing") << QByteArray() << Kind::Incomplete;
        QTest::newRow("http") << "HTTP/1.1 400 Bad Request\r\n"_ba << Kind::Http;
        QTest::newRow("http, first bytes") << "HTT"_ba << Kind::Incomplete;
        QTest::newRow("tls alert") << QByteArray("\x15\x03\x03\x00\x02\x02\x46", 7) << Kind::TlsRecord;
        QTest::newRow("tls handshake") << QByteArray("\x16\x03\x01\x00\x7a", 5) << Kind::TlsRecord;
        QTest::newRow("ssh banner") << "SSH-2.0-OpenSSH_9.2\r\n"_ba << Kind::TooLarge;
        QTest::newRow("negative size") << QByteArray("\xff\xff\xff\xff\x00\x00\x00\x01", 8) << Kind::NotKafka;
        QTest::newRow("size below a correlation id") << QByteArray("\x00\x00\x00\x02\x00\x00", 6) << Kind::NotKafka;
    }

    void sniff()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Kind, kind);
        QCOMPARE(ResponseFrameSniffer::classify(bytes, 1, 1024 * 1024), kind);
    }

    void planFromProperties()
    {
        const RdKafkaClusterClient::Properties props{
            {u"bootstrap.servers"_s, u" , SASL_SSL://[::1]:9094,b:9095"_s},
            {u"security.protocol"_s, u"SASL_SSL"_s},
            {u"sasl.mechanisms"_s, u"scram-sha-512"_s},
            {u"sasl.username"_s, u"bob"_s},
            {u"sasl.password"_s, u"pw"_s},
            {u"ssl.ca.location"_s, u"/etc/ca.pem"_s},
            {u"ssl.endpoint.identification.algorithm"_s, u"none"_s},
            {u"ssl.certificate.location"_s, u"/etc/client.pem"_s},
            {u"ssl.key.location"_s, u"/etc/client.key"_s},
            {u"ssl.key.password"_s, u"kp"_s},
        };
        const auto plan = ConnectionDiagnosis::planFor(props);
        QVERIFY(plan);
        QCOMPARE(plan->host, u"::1"_s);
        QCOMPARE(plan->port, quint16(9094));
        QVERIFY(plan->tls);
        QVERIFY(plan->sasl);
        QCOMPARE(plan->mechanism, u"SCRAM-SHA-512"_s);
        QCOMPARE(plan->user, u"bob"_s);
        QCOMPARE(plan->password, u"pw"_s);
        QCOMPARE(plan->tlsSettings.caFile, u"/etc/ca.pem"_s);
        QCOMPARE(plan->tlsSettings.certificateFile, u"/etc/client.pem"_s);
        QCOMPARE(plan->tlsSettings.keyFile, u"/etc/client.key"_s);
        QCOMPARE(plan->tlsSettings.keyPassword, u"kp"_s);
        QVERIFY(plan->tlsSettings.verifyCertificate);
        QVERIFY(!plan->tlsSettings.verifyHostName);

        const auto plain = ConnectionDiagnosis::planFor({{u"bootstrap.servers"_s, u"h:9092"_s}});
        QVERIFY(plain);
        QVERIFY(!plain->tls);
        QVERIFY(!plain->sasl);
        QVERIFY(plain->tlsSettings.verifyHostName);
        QVERIFY(!ConnectionDiagnosis::planFor({{u"bootstrap.servers"_s, u"no-port"_s}}));
    }

    void onlyConnectionFailuresAreDiagnosed()
    {
        QVERIFY(ConnectionDiagnosis::worthDiagnosing(KafkaErrorHints::fromRdKafka(-195)));   // _TRANSPORT
        QVERIFY(ConnectionDiagnosis::worthDiagnosing(KafkaErrorHints::fromRdKafka(-185)));   // _TIMED_OUT
        QVERIFY(!ConnectionDiagnosis::worthDiagnosing(KafkaErrorHints::fromRdKafka(30)));    // GROUP_AUTHORIZATION_FAILED
        const KafkaError notFound = KafkaErrorHints::fromRdKafka(69);                        // GROUP_ID_NOT_FOUND
        QCOMPARE(ConnectionDiagnosis::explain(notFound, {{u"bootstrap.servers"_s, u"127.0.0.1:1"_s}}, 1000).message, notFound.message);
    }

    void judgeReach()
    {
        Facts f;
        f.reach = ListenerProbe::Reach::Refused;
        QVERIFY(judged(planAt(false, true), f).contains(u"127.0.0.1:9092 refused the connection: nothing listens"_s));
        QVERIFY(!judged(planAt(false, true), f).contains(u"Authentication"_s));
        f.reach = ListenerProbe::Reach::HostNotFound;
        QVERIFY(judged(planAt(false, false), f).contains(u"could not be resolved (DNS)"_s));
        f.reach = ListenerProbe::Reach::Unreachable;
        QVERIFY(judged(planAt(false, false), f).contains(u"unreachable"_s));
        f.reach = ListenerProbe::Reach::TimedOut;
        QVERIFY(judged(planAt(false, false), f).contains(u"did not accept a connection in time"_s));
    }

    void judgeTlsMismatch()
    {
        Facts toPlain = connected();
        toPlain.plainAnswer = Kind::KafkaFrame;
        toPlain.tls = ListenerProbe::Tls::NotTls;
        QVERIFY(judged(planAt(true, false), toPlain).contains(u"is not TLS"_s));
        QVERIFY(judged(planAt(true, false), toPlain).contains(u"security.protocol=PLAINTEXT"_s));
        QVERIFY(judged(planAt(true, true), toPlain).contains(u"security.protocol=SASL_PLAINTEXT"_s));

        Facts handshakeRefused = connected();
        handshakeRefused.plainAnswer = Kind::TlsRecord;
        handshakeRefused.tls = ListenerProbe::Tls::NotTls;
        handshakeRefused.tlsError = u"Error during SSL handshake: certificate required"_s;
        QVERIFY(judged(planAt(true, false), handshakeRefused).contains(u"speaks TLS, but the TLS handshake failed"_s));
        QVERIFY(judged(planAt(true, false), handshakeRefused).contains(u"ssl.certificate.location"_s));

        Facts toTls = connected();
        toTls.plainClosed = true;
        toTls.tls = ListenerProbe::Tls::Encrypted;
        QVERIFY(judged(planAt(false, false), toTls).contains(u"expects TLS"_s));
        QVERIFY(judged(planAt(false, true), toTls).contains(u"security.protocol=SASL_SSL"_s));

        Facts badCa = connected();
        badCa.plainClosed = true;
        badCa.tls = ListenerProbe::Tls::CertificateRejected;
        badCa.certificateErrors = {u"The issuer certificate of a locally looked up certificate could not be found"_s};
        Plan withCa = planAt(true, false);
        withCa.tlsSettings.caFile = u"/tmp/other-ca.pem"_s;
        QVERIFY(judged(withCa, badCa).contains(u"certificate of 127.0.0.1:9092 was not accepted"_s));
        QVERIFY(judged(withCa, badCa).contains(u"/tmp/other-ca.pem did not sign"_s));
        badCa.certificateErrors = {u"The host name did not match any of the valid hosts for this certificate"_s};
        badCa.hostNameMismatch = true;
        QVERIFY(judged(withCa, badCa).contains(u"ssl.endpoint.identification.algorithm=none"_s));
    }

    void judgeSasl()
    {
        Facts apiOk = connected();
        apiOk.plainAnswer = Kind::KafkaFrame;
        apiOk.apiVersionsAnswered = true;

        Facts closedAfter = apiOk;
        closedAfter.metadata = ListenerProbe::NextRequest::Closed;
        closedAfter.saslHandshake = SaslHandshakeCodec::Response{0, {u"PLAIN"_s, u"SCRAM-SHA-512"_s}};
        QVERIFY(judged(planAt(false, false), closedAfter).contains(u"requires SASL (it offers PLAIN, SCRAM-SHA-512)"_s));

        Facts noSasl = apiOk;
        noSasl.saslHandshake = SaslHandshakeCodec::Response{ErrorCode::IllegalSaslState, {}};
        QVERIFY(judged(planAt(false, true), noSasl).contains(u"has no SASL"_s));

        Facts otherMechanism = apiOk;
        otherMechanism.saslHandshake = SaslHandshakeCodec::Response{ErrorCode::UnsupportedSaslMechanism, {u"SCRAM-SHA-512"_s}};
        QVERIFY(judged(planAt(false, true), otherMechanism).contains(u"offers SASL SCRAM-SHA-512; the connection uses PLAIN"_s));

        Facts refused = apiOk;
        refused.saslHandshake = SaslHandshakeCodec::Response{0, {u"PLAIN"_s}};
        refused.authenticateFailure = u"SASL authentication failed: Authentication failed: Invalid username or password"_s;
        QVERIFY(judged(planAt(false, true), refused)
                    .contains(u"Invalid username or password (user \"alice\", SASL PLAIN, at 127.0.0.1:9092)"_s));

        Facts fine = refused;
        fine.authenticateFailure = QString();
        QVERIFY(judged(planAt(false, true), fine).isEmpty());
        Facts answered = apiOk;
        answered.metadata = ListenerProbe::NextRequest::Answered;
        QVERIFY(judged(planAt(false, false), answered).isEmpty());
    }

    void judgeNotKafka()
    {
        Facts http = connected();
        http.plainAnswer = Kind::Http;
        QVERIFY(judged(planAt(false, false), http).contains(u"answered, but not as a Kafka broker (it looks like HTTP)"_s));
        Facts garbage = connected();
        garbage.plainAnswer = Kind::TooLarge;
        garbage.tls = ListenerProbe::Tls::NotTls;
        QVERIFY(judged(planAt(true, false), garbage).contains(u"not a Kafka response frame"_s));
    }

    // librdkafka's own words, as 2.0.2 writes them: the broker's name in front
    // must not decide the advice.
    void hintsIgnoreTheBrokerName()
    {
        const QString refused = KafkaErrorHints::hintFor(
            u"_TRANSPORT"_s, u"sasl_plaintext://127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused"_s);
        QVERIFY2(refused.contains(u"Nothing listens"_s), qPrintable(refused));
        const QString closed
            = KafkaErrorHints::hintFor(u"_TRANSPORT"_s, u"ssl://127.0.0.1:9093/1: Disconnected (after 12ms in state UP)"_s);
        QVERIFY2(!closed.contains(u"TLS handshake failed"_s) && closed.contains(u"closed the connection"_s), qPrintable(closed));
        const QString auth = KafkaErrorHints::hintFor(u"_AUTHENTICATION"_s, u"SASL authentication error: Invalid username or password"_s);
        QVERIFY(auth.contains(u"Authentication failed"_s));
    }
};

QTEST_GUILESS_MAIN(TestConnectionDiagnosis)
#include "tst_connection_diagnosis.moc"
