// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaReleaseEstimate on the ApiVersions tables of real Apache Kafka
// releases (the broker listener's stable versions of every API, as each
// release's clients/src/main/resources/common/message/*Request.json lists
// them; not the estimate's own marker table), on brokers that differ, on a
// table no release has, and against the sandbox: what it advertises
// (sandbox/protocol/SupportedApis.h) is no Kafka release's, and the client
// hands out what its refresh read of every broker.

#include "FutureWait.h"
#include "SandboxFixture.h"

#include "core/kafka/KafkaReleaseEstimate.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "sandbox/protocol/SupportedApis.h"

#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// Kafka 3.0.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka3_0 = {{0, 9}, {1, 12}, {2, 7}, {3, 11}, {4, 5}, {5, 3}, {6, 7}, {7, 3}, {8, 8}, {9, 8}, {10, 4}, {11, 7}, {12, 4}, {13, 4}, {14, 5}, {15, 5}, {16, 4}, {17, 1}, {18, 3}, {19, 7}, {20, 6}, {21, 2}, {22, 4}, {23, 4}, {24, 3}, {25, 3}, {26, 3}, {27, 1}, {28, 3}, {29, 2}, {30, 2}, {31, 2}, {32, 4}, {33, 2}, {34, 2}, {35, 2}, {36, 2}, {37, 3}, {38, 2}, {39, 2}, {40, 2}, {41, 2}, {42, 2}, {43, 2}, {44, 1}, {45, 0}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 0}, {56, 0}, {57, 0}, {60, 0}, {61, 0}, {65, 0}, {66, 0}, {67, 0}};
// Kafka 3.4.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka3_4 = {{0, 9}, {1, 13}, {2, 7}, {3, 12}, {4, 7}, {5, 4}, {6, 8}, {7, 3}, {8, 8}, {9, 8}, {10, 4}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 5}, {16, 4}, {17, 1}, {18, 3}, {19, 7}, {20, 6}, {21, 2}, {22, 4}, {23, 4}, {24, 3}, {25, 3}, {26, 3}, {27, 1}, {28, 3}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 4}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 2}, {43, 2}, {44, 1}, {45, 0}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 1}, {56, 2}, {57, 1}, {58, 0}, {60, 0}, {61, 0}, {64, 0}, {65, 0}, {66, 0}, {67, 0}};
// Kafka 3.7.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka3_7 = {{0, 10}, {1, 16}, {2, 8}, {3, 12}, {4, 7}, {5, 4}, {6, 8}, {7, 3}, {8, 9}, {9, 9}, {10, 4}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 5}, {16, 4}, {17, 1}, {18, 3}, {19, 7}, {20, 6}, {21, 2}, {22, 4}, {23, 4}, {24, 4}, {25, 3}, {26, 3}, {27, 1}, {28, 3}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 4}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 2}, {43, 2}, {44, 1}, {45, 0}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 1}, {56, 3}, {57, 1}, {58, 0}, {60, 1}, {61, 0}, {64, 0}, {65, 0}, {66, 0}, {67, 0}, {68, 0}, {71, 0}, {72, 0}, {74, 0}};
// Kafka 3.9.0-rc3: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka3_9 = {{0, 11}, {1, 17}, {2, 9}, {3, 12}, {4, 7}, {5, 4}, {6, 8}, {7, 3}, {8, 9}, {9, 9}, {10, 6}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 5}, {16, 5}, {17, 1}, {18, 4}, {19, 7}, {20, 6}, {21, 2}, {22, 5}, {23, 4}, {24, 5}, {25, 4}, {26, 4}, {27, 1}, {28, 4}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 4}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 2}, {43, 2}, {44, 1}, {45, 0}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 2}, {56, 3}, {57, 1}, {58, 0}, {60, 1}, {61, 0}, {64, 0}, {65, 0}, {66, 1}, {67, 0}, {68, 0}, {69, 0}, {71, 0}, {72, 0}, {74, 0}, {75, 0}, {80, 0}, {81, 0}};
// Kafka 4.0.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka4_0 = {{0, 12}, {1, 17}, {2, 10}, {3, 13}, {8, 9}, {9, 9}, {10, 6}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 6}, {16, 5}, {17, 1}, {18, 4}, {19, 7}, {20, 6}, {21, 2}, {22, 5}, {23, 4}, {24, 5}, {25, 4}, {26, 5}, {27, 1}, {28, 5}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 4}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 2}, {43, 2}, {44, 1}, {45, 0}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 2}, {57, 2}, {60, 2}, {61, 0}, {64, 0}, {65, 0}, {66, 1}, {68, 1}, {69, 1}, {71, 0}, {72, 0}, {74, 0}, {75, 0}, {80, 0}, {81, 0}};
// Kafka 4.3.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka4_3 = {{0, 13}, {1, 18}, {2, 11}, {3, 13}, {8, 10}, {9, 10}, {10, 6}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 6}, {16, 5}, {17, 1}, {18, 4}, {19, 7}, {20, 6}, {21, 2}, {22, 5}, {23, 4}, {24, 5}, {25, 4}, {26, 5}, {27, 2}, {28, 5}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 5}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 2}, {43, 2}, {44, 1}, {45, 1}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 2}, {57, 2}, {60, 2}, {61, 0}, {64, 0}, {65, 0}, {66, 2}, {68, 1}, {69, 1}, {71, 0}, {72, 0}, {74, 1}, {75, 0}, {76, 1}, {77, 1}, {78, 2}, {79, 2}, {80, 1}, {81, 0}, {83, 0}, {84, 0}, {85, 1}, {86, 0}, {87, 1}, {88, 0}, {89, 0}, {90, 1}, {91, 0}, {92, 0}};
// Kafka 4.4.0: clients/src/main/resources/common/message/*Request.json, broker listener, stable versions
const QHash<qint16, qint16> kKafka4_4 = {{0, 13}, {1, 18}, {2, 11}, {3, 13}, {8, 10}, {9, 10}, {10, 6}, {11, 9}, {12, 4}, {13, 5}, {14, 5}, {15, 6}, {16, 5}, {17, 1}, {18, 5}, {19, 7}, {20, 6}, {21, 2}, {22, 5}, {23, 4}, {24, 5}, {25, 4}, {26, 5}, {27, 2}, {28, 6}, {29, 3}, {30, 3}, {31, 3}, {32, 4}, {33, 2}, {34, 2}, {35, 5}, {36, 2}, {37, 3}, {38, 3}, {39, 2}, {40, 2}, {41, 3}, {42, 3}, {43, 2}, {44, 1}, {45, 1}, {46, 0}, {47, 0}, {48, 1}, {49, 1}, {50, 0}, {51, 0}, {55, 2}, {57, 2}, {60, 2}, {61, 0}, {64, 0}, {65, 0}, {66, 2}, {68, 1}, {69, 1}, {71, 0}, {72, 0}, {74, 1}, {75, 0}, {76, 1}, {77, 1}, {78, 2}, {79, 2}, {80, 1}, {81, 0}, {83, 0}, {84, 0}, {85, 1}, {86, 0}, {87, 1}, {88, 1}, {89, 1}, {90, 1}, {91, 0}, {92, 0}, {93, 0}, {94, 0}};

using Kind = KafkaReleaseEstimate::Kind;
using ApiMaxVersions = QHash<qint16, qint16>;   // a name QFETCH can take (no comma)

}   // namespace

class TestKafkaReleaseEstimate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasesAreToldFromTheirVersions_data()
    {
        QTest::addColumn<ApiMaxVersions>("versions");
        QTest::addColumn<QString>("text");
        QTest::newRow("4.4") << kKafka4_4 << QStringLiteral("4.4 or later");
        QTest::newRow("4.3") << kKafka4_3 << QStringLiteral("4.3");
        QTest::newRow("4.0") << kKafka4_0 << QStringLiteral("4.0");
        QTest::newRow("3.9") << kKafka3_9 << QStringLiteral("3.9");
        QTest::newRow("3.7") << kKafka3_7 << QStringLiteral("3.7");
        // 3.4 raised only the inter-broker and controller APIs: not told from 3.3.
        QTest::newRow("3.4") << kKafka3_4 << QStringLiteral("3.3 or 3.4");
        QTest::newRow("3.0") << kKafka3_0 << QStringLiteral("2.8 or 3.0");
    }

    void releasesAreToldFromTheirVersions()
    {
        QFETCH(ApiMaxVersions, versions);
        QFETCH(QString, text);
        const KafkaReleaseEstimate e = KafkaReleaseEstimate::fromMaxVersions(versions);
        QCOMPARE(e.kind, Kind::Release);
        QCOMPARE(e.text(), text);
    }

    void olderThanTheTableAndNothingYet()
    {
        QHash<qint16, qint16> old = kKafka3_0;
        old.insert(3, 9);   // Metadata v9: Kafka 2.4 to 2.7
        const KafkaReleaseEstimate e = KafkaReleaseEstimate::fromMaxVersions(old);
        QCOMPARE(e.kind, Kind::Release);
        QCOMPARE(e.text(), QStringLiteral("before 2.8"));
        QCOMPARE(KafkaReleaseEstimate::fromMaxVersions({}).kind, Kind::Unknown);
        QCOMPARE(KafkaReleaseEstimate::ofCluster({}).kind, Kind::Unknown);
    }

    void aMixtureNoReleaseHasIsUnrecognised()
    {
        // 4.4's DeleteGroups v3 on an otherwise 3.9 broker: no release offers both.
        QHash<qint16, qint16> mixed = kKafka3_9;
        mixed.insert(42, 3);
        QCOMPARE(KafkaReleaseEstimate::fromMaxVersions(mixed).kind, Kind::Unrecognised);
        // Half of a release's new versions: not that release, not the one before.
        QHash<qint16, qint16> half = kKafka3_9;
        half.insert(3, 13);   // 4.0's Metadata without its ListOffsets v10 and DescribeGroups v6
        QCOMPARE(KafkaReleaseEstimate::fromMaxVersions(half).kind, Kind::Unrecognised);
    }

    void brokersThatDifferGiveTheSpan()
    {
        // A rolling upgrade from 3.9 to 4.4.
        const KafkaReleaseEstimate e = KafkaReleaseEstimate::ofCluster({{1, kKafka3_9}, {2, kKafka4_4}, {3, kKafka4_4}});
        QCOMPARE(e.kind, Kind::Release);
        QVERIFY(e.brokersDiffer);
        QCOMPARE(e.text(), QStringLiteral("3.9 or later (the brokers differ)"));
        const KafkaReleaseEstimate same = KafkaReleaseEstimate::ofCluster({{1, kKafka4_0}, {2, kKafka4_0}});
        QVERIFY(!same.brokersDiffer);
        QCOMPARE(same.text(), QStringLiteral("4.0"));
        const KafkaReleaseEstimate closed = KafkaReleaseEstimate::ofCluster({{1, kKafka3_7}, {2, kKafka4_0}});
        QCOMPARE(closed.text(), QStringLiteral("3.7 to 4.0 (the brokers differ)"));
    }

    void theSandboxIsNoKafkaRelease()
    {
        QHash<qint16, qint16> advertised;
        for (const sandbox::ApiVersionRange &a : sandbox::kSupportedApis)
            advertised.insert(a.key, a.maxVersion);
        // ListGroups v5 (Kafka 3.8's) beside Fetch v11 (older than 2.8's).
        QCOMPARE(KafkaReleaseEstimate::fromMaxVersions(advertised).kind, Kind::Unrecognised);

        // What a refresh reads of the running sandbox: every broker's table, as advertised.
        auto cluster = startSandbox();
        QVERIFY(cluster);
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), cluster->bootstrapServers()}});
        QVERIFY2(client, qPrintable(client ? QString() : client.error().message));
        QVERIFY((*client)->brokerApiVersions().isEmpty());   // nothing asked yet
        QVERIFY(waitPolling((*client)->fetchMetadata()));
        const auto listed = waitPolling((*client)->listGroups());
        QVERIFY(listed);
        const QHash<int, QHash<qint16, qint16>> read = (*client)->brokerApiVersions();
        QCOMPARE(read.size(), 3);
        for (auto it = read.cbegin(); it != read.cend(); ++it)
            QCOMPARE(it.value(), advertised);
        const KafkaReleaseEstimate e = KafkaReleaseEstimate::ofCluster(read);
        QCOMPARE(e.kind, Kind::Unrecognised);
        QVERIFY(!e.brokersDiffer);
        QVERIFY2(e.text().contains(QLatin1String("match no Apache Kafka release")), qPrintable(e.text()));
    }
};

QTEST_MAIN(TestKafkaReleaseEstimate)
#include "tst_kafka_release_estimate.moc"
