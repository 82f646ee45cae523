// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/CoordinatorLocator.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"

#include <QCoreApplication>

#include <librdkafka/rdkafka.h>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CoordinatorLocator)
};

}   // namespace

Result<std::shared_ptr<KafkaWireConnection>> CoordinatorLocator::open(const QString &bootstrap, const QString &groupId,
                                                                      const std::optional<KafkaWireConnection::Sasl> &sasl,
                                                                      int timeoutMs, const std::optional<TlsSettings> &tls)
{
    QString lastError = Text::tr("no bootstrap server given");
    const QStringList entries = bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const auto address = KafkaWireConnection::splitHostPort(entry);
        if (!address) {
            lastError = Text::tr("%1 is not a host:port").arg(entry.trimmed());
            continue;
        }
        KafkaWireConnection bootstrapConnection(timeoutMs, tls);
        if (const Result<Done, QString> opened = bootstrapConnection.open(address->host, address->port, sasl); !opened) {
            lastError = opened.error();
            continue;
        }
        const FindCoordinatorRequest request{groupId, 0};
        const auto body = bootstrapConnection.roundTrip(ApiKey::FindCoordinator, kFindCoordinatorVersion,
                                                        GroupApiCodec::encode(request, kFindCoordinatorVersion));
        if (!body) {
            lastError = body.error();
            continue;
        }
        ByteReader r(*body);
        const auto response = GroupApiCodec::decodeFindCoordinatorResponse(r, kFindCoordinatorVersion);
        if (!response)
            return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG, Text::tr("malformed FindCoordinator response from %1").arg(entry));
        if (response->errorCode != ErrorCode::None)
            return KafkaErrorHints::fromRdKafka(
                response->errorCode,
                Text::tr("FindCoordinator for group %1: %2")
                    .arg(groupId, response->errorMessage.value_or(QString::fromLatin1(ErrorCode::name(response->errorCode)))));
        auto coordinator = std::make_shared<KafkaWireConnection>(timeoutMs, tls);
        if (const Result<Done, QString> opened = coordinator->open(response->host, quint16(response->port), sasl); !opened)
            return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT,
                                                Text::tr("cannot reach the coordinator of group %1: %2").arg(groupId, opened.error()));
        return coordinator;
    }
    return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT, lastError);
}

}   // namespace cohort
