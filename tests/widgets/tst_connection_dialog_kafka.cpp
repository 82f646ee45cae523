// SPDX-License-Identifier: GPL-3.0-or-later
// The connection dialog against Apache Kafka 4.4 (the suite's cluster,
// tests/kafka, with its SASL_PLAINTEXT, SSL and SASL_SSL listeners and the
// CA made for the run): for SSL with the CA, SASL_PLAINTEXT with PLAIN and
// with SCRAM-SHA-512, and SASL_SSL with SCRAM, the form is filled as a user
// would, "Test connection" must report the cluster's brokers, and a session
// opened from the dialog's profile and password must read a group made by an
// independent client (admin commits over PLAINTEXT) with its exact committed
// offsets and lag. A CA that did not sign the broker's certificate, and no CA
// at all (verification is on by default), are refused with the dialog's
// words for it. The sandbox has no TLS: only a real broker can show this.

#include "FutureWait.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/session/ClusterSession.h"
#include "ui/ConnectionDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPartitions = 3;
constexpr int kMessages[kPartitions] = {6, 0, 4};
constexpr qint64 kCommitted[kPartitions] = {2, 0, 1};

template<typename W>
W *child(const QWidget &parent, const char *name)
{
    W *w = parent.findChild<W *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

void choose(ConnectionDialog &dlg, const char *combo, const QString &text)
{
    auto *c = child<QComboBox>(dlg, combo);
    c->setCurrentIndex(c->findText(text));
    QCOMPARE(c->currentText(), text);
}

void type(ConnectionDialog &dlg, const char *edit, const QString &text)
{
    auto *e = child<QLineEdit>(dlg, edit);
    e->clear();
    QTest::keyClicks(e, text);
}

}   // namespace

class TestConnectionDialogKafka : public QObject
{
    Q_OBJECT

    RealKafkaCluster m_kafka;
    QTemporaryDir m_dir;
    QString m_topic;
    QString m_group;
    int m_files = 0;

    QString freshSettings() { return m_dir.filePath(u"settings-%1.ini"_s.arg(++m_files)); }

    QString bootstrapFor(const QString &protocol) const
    {
        if (protocol == u"SSL"_s)
            return m_kafka.sslBootstrap;
        if (protocol == u"SASL_PLAINTEXT"_s)
            return m_kafka.saslBootstrap;
        return m_kafka.saslSslBootstrap;
    }

    // Fills the form as a user would and presses Test connection; the verdict,
    // nullopt when none came (the caller fails that one test, not the binary).
    std::optional<bool> testInDialog(ConnectionDialog &dlg, const QString &protocol, const QString &mechanism, const QString &user,
                      const QString &password, const QString &ca)
    {
        QSignalSpy finished(&dlg, &ConnectionDialog::testFinished);
        type(dlg, "nameEdit", u"kafka "_s + protocol);
        type(dlg, "bootstrapEdit", bootstrapFor(protocol));
        choose(dlg, "protocolCombo", protocol);
        if (!mechanism.isEmpty()) {
            choose(dlg, "mechanismCombo", mechanism);
            type(dlg, "userEdit", user);
        }
        type(dlg, "passwordEdit", password);
        if (protocol.contains(u"SSL"_s))
            type(dlg, "caEdit", ca);
        QTest::mouseClick(child<QPushButton>(dlg, "testButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return finished.size() == 1; }, 60000))
            return std::nullopt;
        return finished.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        if (kafka->sslBootstrap.isEmpty() || kafka->saslBootstrap.isEmpty() || kafka->saslSslBootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL("the cluster has no SSL, SASL_PLAINTEXT and SASL_SSL listeners (scripts/kafka-cluster.sh --sasl --ssl)");
        m_kafka = kafka.value();
        const QString suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
        m_topic = u"dialog-t-"_s + suffix;
        m_group = u"dialog-g-"_s + suffix;
        // Made over PLAINTEXT with librdkafka alone: independent of the code under test.
        QCOMPARE(makeTopicWithCommittedGroup(m_kafka.bootstrap, m_topic, m_group, QList<int>(std::begin(kMessages), std::end(kMessages)),
                                             QList<qint64>(std::begin(kCommitted), std::end(kCommitted))),
                 QString());
    }

    void cleanupTestCase()
    {
        if (m_topic.isEmpty())
            return;
        RdKafkaTestAdmin admin(m_kafka.bootstrap);
        admin.deleteGroup(m_group);
        admin.deleteTopic(m_topic);
    }

    void profileFromTheDialogReadsTheGroupExactly_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("SSL with the CA") << u"SSL"_s << QString() << QString() << QString();
        QTest::newRow("SASL_PLAINTEXT, PLAIN") << u"SASL_PLAINTEXT"_s << u"PLAIN"_s << u"alice"_s << u"alice-secret"_s;
        QTest::newRow("SASL_PLAINTEXT, SCRAM-SHA-512") << u"SASL_PLAINTEXT"_s << u"SCRAM-SHA-512"_s << u"scram"_s << u"scram-secret"_s;
        QTest::newRow("SASL_SSL, SCRAM-SHA-512") << u"SASL_SSL"_s << u"SCRAM-SHA-512"_s << u"scram"_s << u"scram-secret"_s;
    }

    void profileFromTheDialogReadsTheGroupExactly()
    {
        QFETCH(QString, protocol);
        QFETCH(QString, mechanism);
        QFETCH(QString, user);
        QFETCH(QString, password);
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.setTestTimeoutMs(15000);
        dlg.show();
        const std::optional<bool> ok = testInDialog(dlg, protocol, mechanism, user, password, m_kafka.caLocation);
        const QString text = dlg.testResultText();
        QVERIFY2(ok.has_value(), qPrintable(u"Test connection gave no verdict in 60 s: "_s + text));
        QVERIFY2(*ok, qPrintable(text));
        QVERIFY2(text.startsWith(u"Connected: "_s), qPrintable(text));
        QVERIFY2(text.contains(u"Brokers (3)"_s), qPrintable(text));
        // The brokers as this listener advertises them: the bootstrap address among them.
        QVERIFY2(text.contains(u"  127.0.0.1:"_s + bootstrapFor(protocol).section(u':', 1)), qPrintable(text));

        // A session from what the dialog hands on (as Connect does), and one refresh.
        const ConnectionProfile profile = dlg.profile();
        QCOMPARE(ConnectionProfile::securityProtocolName(profile.securityProtocol), protocol);
        QFuture<Result<std::shared_ptr<ClusterSession>>> opening = ClusterSession::open(profile, dlg.password(), this);
        QTRY_VERIFY_WITH_TIMEOUT(opening.isFinished(), 30000);
        const Result<std::shared_ptr<ClusterSession>> opened = opening.result();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        const std::shared_ptr<ClusterSession> session = opened.value();
        QSignalSpy ready(session.get(), &ClusterSession::snapshotReady);
        QSignalSpy failed(session.get(), &ClusterSession::refreshFailed);
        session->setIntervalMs(3600000);   // one refresh only
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<KafkaError>().toString()));
        const ClusterSnapshot &snap = session->snapshot();
        const GroupSnapshot *g = snap.group(m_group);
        QVERIFY2(g, "the group made by the independent client is not in the refresh");
        QVERIFY(g->describedFreshness.isFresh() && g->offsetsFreshness.isFresh());
        QCOMPARE(g->description.state, GroupState::Empty);
        QCOMPARE(g->partitions.size(), kPartitions);
        qint64 total = 0;
        for (int p = 0; p < kPartitions; ++p) {
            const PartitionLag &pl = g->partitions.at(p);
            QCOMPARE(pl.tp, (TopicPartition{m_topic, p}));
            QCOMPARE(pl.committedOffset, std::optional<qint64>(kCommitted[p]));
            QCOMPARE(pl.endOffset, std::optional<qint64>(kMessages[p]));
            QCOMPARE(pl.lag, std::optional<qint64>(kMessages[p] - kCommitted[p]));
            total += kMessages[p] - kCommitted[p];
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(total));
    }

    // A CA of its own, which did not sign the broker's certificate; and no CA
    // at all, so the system's CAs, which do not trust it either.
    void untrustedCertificateIsRefusedWithTheDialogsWords_data()
    {
        QTest::addColumn<bool>("wrongCa");   // false: no CA file
        QTest::addColumn<QString>("protocol");
        QTest::newRow("SSL, a CA that did not sign it") << true << u"SSL"_s;
        QTest::newRow("SSL, no CA file (verification on by default)") << false << u"SSL"_s;
        QTest::newRow("SASL_SSL, a CA that did not sign it") << true << u"SASL_SSL"_s;
    }

    void untrustedCertificateIsRefusedWithTheDialogsWords()
    {
        QFETCH(bool, wrongCa);
        QFETCH(QString, protocol);
        QString ca;
        if (wrongCa) {
            ca = m_dir.filePath(u"other-ca.pem"_s);
            if (!QFileInfo::exists(ca)) {
                if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
                    COHORT_SKIP_OR_FAIL("openssl is not installed: no CA of the test's own can be made");
                QProcess openssl;
                openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                                             u"/CN=Not the broker's CA"_s, u"-keyout"_s, m_dir.filePath(u"other-ca.key"_s), u"-out"_s, ca});
                QVERIFY(openssl.waitForFinished(60000));
                QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
            }
        }
        const bool sasl = protocol == u"SASL_SSL"_s;
        ConnectionProfileStore store(freshSettings());
        MemorySecretStore secrets;
        ConnectionDialog dlg(store, secrets);
        dlg.setTestTimeoutMs(8000);
        dlg.show();
        const std::optional<bool> ok = testInDialog(dlg, protocol, sasl ? u"SCRAM-SHA-512"_s : QString(),
                                                    sasl ? u"scram"_s : QString(), sasl ? u"scram-secret"_s : QString(), ca);
        const QString text = dlg.testResultText();
        QVERIFY2(ok.has_value(), qPrintable(u"Test connection gave no verdict in 60 s: "_s + text));
        QVERIFY2(!*ok, qPrintable(text));
        QVERIFY2(text.startsWith(u"Connection failed: "_s), qPrintable(text));
        const QString at = bootstrapFor(protocol);
        QVERIFY2(text.contains(u"The TLS certificate of %1 was not accepted: "_s.arg(at)), qPrintable(text));
        if (wrongCa)
            QVERIFY2(text.contains(u"What to do: The CA file %1 did not sign the broker's certificate"_s.arg(ca)), qPrintable(text));
        else
            QVERIFY2(text.contains(u"What to do: Set the CA file (ssl.ca.location) to the CA that signed the broker's certificate"_s),
                     qPrintable(text));
    }
};

QTEST_MAIN(TestConnectionDialogKafka)
#include "tst_connection_dialog_kafka.moc"
