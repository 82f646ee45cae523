// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/RdKafkaHandle.h"

#include "core/kafka/KafkaErrorHints.h"

#include <QThreadPool>

namespace cohort {

RdKafkaClusterClient::Handle::~Handle()
{
    if (recordReader)
        rd_kafka_destroy(recordReader);
    if (rk)
        rd_kafka_destroy(rk);
}

QString RdKafkaClusterClient::Handle::takeLastError()
{
    QMutexLocker lock(&mutex);
    return lastError;
}

KafkaError RdKafkaClusterClient::Handle::withDetail(rd_kafka_resp_err_t err)
{
    // Broker errors (a refused connection, a failed SASL authentication) reach
    // error_cb only through the handle's event queue, which nothing else polls:
    // serve it now so the detail and hint say what really went wrong.
    rd_kafka_poll(rk, 0);
    QString last = takeLastError();
    // Through the relay librdkafka sees only a closed local connection when
    // the broker could not be reached: the relay knows why.
    if (relay && !relay->lastProblem().isEmpty() && !last.contains(relay->lastProblem()))
        last = last.isEmpty() ? relay->lastProblem() : last + QStringLiteral("; ") + relay->lastProblem();
    const QString base = QString::fromUtf8(rd_kafka_err2str(err));
    return KafkaErrorHints::fromRdKafka(err, last.isEmpty() ? base : base + QStringLiteral(" (") + last + QLatin1Char(')'));
}

rd_kafka_AdminOptions_t *RdKafkaClusterClient::Handle::adminOptions(rd_kafka_admin_op_t op, int timeoutMs) const
{
    rd_kafka_AdminOptions_t *o = rd_kafka_AdminOptions_new(rk, op);
    char err[256];
    rd_kafka_AdminOptions_set_request_timeout(o, timeoutMs, err, sizeof err);
    return o;
}

rd_kafka_event_t *RdKafkaClusterClient::Handle::awaitEvent(rd_kafka_queue_t *q, int timeoutMs)
{
    return rd_kafka_queue_poll(q, timeoutMs + 1000);
}

QThreadPool *RdKafkaClusterClient::Handle::pool()
{
    static QThreadPool *p = [] {
        auto *tp = new QThreadPool;
        tp->setMaxThreadCount(8);
        tp->setExpiryTimeout(30000);
        return tp;
    }();
    return p;
}

}   // namespace cohort
