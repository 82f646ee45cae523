// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/KafkaUuid.h"

#include <algorithm>

namespace cohort::KafkaUuid {

namespace {

constexpr qsizetype kSize = 16;

}   // namespace

QString toString(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> fromString(const QString &text)
{
    QByteArray latin = text.trimmed().toLatin1();
    latin.replace('+', '-').replace('/', '_');
    const auto decoded = QByteArray::fromBase64Encoding(latin, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kSize)
        return std::nullopt;
    return decoded.decoded;
}

bool isZero(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c == 0; });
}

}   // namespace cohort::KafkaUuid
