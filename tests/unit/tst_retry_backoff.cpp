// SPDX-License-Identifier: GPL-3.0-or-later
// RetryBackoff: which errors are retried (the ones Kafka's own clients
// retry), the delays (100 ms doubling, capped), and that a wait never runs
// past the deadline nor after a cancel.

#include "core/kafka/KafkaErrorHints.h"
#include "core/kafka/RetryBackoff.h"
#include "core/snapshot/RefreshProgress.h"
#include "core/wire/ErrorCode.h"

#include <QElapsedTimer>
#include <QTest>

#include <librdkafka/rdkafka.h>

using namespace cohort;

class TestRetryBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriableAreTheCoordinatorTimeoutAndTransportErrors()
    {
        for (const int code : {int(ErrorCode::NotCoordinator), int(ErrorCode::CoordinatorLoadInProgress),
                               int(ErrorCode::CoordinatorNotAvailable), int(ErrorCode::RequestTimedOut), int(RD_KAFKA_RESP_ERR__TRANSPORT)})
            QVERIFY2(RetryBackoff::isRetriable(KafkaErrorHints::fromRdKafka(code)), qPrintable(QString::number(code)));
        // Kafka said so for good, or the deadline itself is what ended the wait.
        for (const int code : {int(ErrorCode::GroupIdNotFound), int(ErrorCode::GroupAuthorizationFailed), int(RD_KAFKA_RESP_ERR__TIMED_OUT),
                               int(RD_KAFKA_RESP_ERR__BAD_MSG), 0})
            QVERIFY2(!RetryBackoff::isRetriable(KafkaErrorHints::fromRdKafka(code)), qPrintable(QString::number(code)));
        QVERIFY(RetryBackoff::needsNewCoordinator(KafkaErrorHints::fromRdKafka(ErrorCode::NotCoordinator)));
        QVERIFY(!RetryBackoff::needsNewCoordinator(KafkaErrorHints::fromRdKafka(ErrorCode::CoordinatorLoadInProgress)));
    }

    void delaysDoubleFrom100MsUpToTheCap()
    {
        RefreshProgress progress{QDeadlineTimer(60000)};
        RetryBackoff backoff;
        QList<int> delays;
        QElapsedTimer waited;
        waited.start();
        for (int i = 0; i < 3; ++i) {
            delays << backoff.nextDelayMs();
            QVERIFY(backoff.waitBeforeRetry(progress));
        }
        QVERIFY2(waited.elapsed() >= 100 + 200 + 400, qPrintable(QString::number(waited.elapsed())));
        QCOMPARE(backoff.attempts(), 3);
        QCOMPARE(delays, (QList<int>{100, 200, 400}));
        QCOMPARE(backoff.nextDelayMs(), 800);
    }

    void theCapHolds()
    {
        // Computed without sleeping: the delay only depends on the count.
        RetryBackoff backoff;
        RefreshProgress none{QDeadlineTimer(0)};
        QCOMPARE(backoff.nextDelayMs(), RetryBackoff::kFirstDelayMs);
        QVERIFY(!backoff.waitBeforeRetry(none));   // no time left: no wait, no attempt counted
        QCOMPARE(backoff.attempts(), 0);
        QCOMPARE(RetryBackoff::kMaxDelayMs, 1600);
    }

    void neverWaitsPastTheDeadlineOrAfterACancel()
    {
        RefreshProgress shortDeadline{QDeadlineTimer(250)};
        RetryBackoff backoff;
        QVERIFY(backoff.waitBeforeRetry(shortDeadline));    // 100 ms fit in 250
        QVERIFY(!backoff.waitBeforeRetry(shortDeadline));   // 200 ms do not fit in the 150 left

        RefreshProgress cancelled{QDeadlineTimer(60000)};
        cancelled.cancel();
        QElapsedTimer t;
        t.start();
        QVERIFY(!RetryBackoff().waitBeforeRetry(cancelled));
        QVERIFY(t.elapsed() < 100);
    }

    void aTransportFailureIsRetriedAFewTimesOnly()
    {
        RefreshProgress progress{QDeadlineTimer(60000)};
        RetryBackoff backoff;
        const KafkaError transport = KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT);
        const KafkaError moved = KafkaErrorHints::fromRdKafka(ErrorCode::NotCoordinator);
        for (int i = 0; i < RetryBackoff::kMaxTransportRetries; ++i) {
            QVERIFY(backoff.mayRetry(transport));
            QVERIFY(backoff.waitBeforeRetry(progress));
        }
        QVERIFY(!backoff.mayRetry(transport));   // a stopped broker stays stopped
        QVERIFY(backoff.mayRetry(moved));        // a moved coordinator is found again
    }
};

QTEST_GUILESS_MAIN(TestRetryBackoff)
#include "tst_retry_backoff.moc"
