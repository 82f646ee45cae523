// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cohort::KafkaUuid {

// Kafka's Uuid (topic ids) as text: the 16 bytes in URL-safe base64 without
// padding, as Uuid#toString writes it and kafka-topics --describe prints it
// ("TopicId: ..."); the wire type uuid is the 16 bytes.
QString toString(const QByteArray &bytes);
// The 16 bytes of an id written as Kafka does, or with librdkafka's + and /
// (rd_kafka_Uuid_base64str), padding optional; nullopt for anything that is
// not 16 bytes in base64.
std::optional<QByteArray> fromString(const QString &text);
// The all-zero id Kafka sends where a topic's id is not known (Uuid.ZERO).
bool isZero(const QByteArray &bytes);

}   // namespace cohort::KafkaUuid
