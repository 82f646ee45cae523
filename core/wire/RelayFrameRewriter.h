// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace cohort {

// What BrokerRelay changes in the answers it passes from a broker to
// librdkafka (docs/kafka-protocol.md §7): broker addresses become the relay's
// own listeners, so that every connection librdkafka opens goes through it,
// and ApiVersions offers only versions whose answers the relay can rewrite.
// Pure functions over response bodies (after the response header), tested
// with crafted frames.
class RelayFrameRewriter
{
public:
    struct Address
    {
        QString host;
        qint32 port = 0;
    };
    // The relay's listener for a broker's advertised address.
    using AddressMap = std::function<Address(const Address &upstream)>;

    // The highest version of an API the relay lets librdkafka use: below the
    // first flexible Metadata (9) and FindCoordinator (3), whose compact
    // encodings the rewriting does not speak, and below the Produce (10) and
    // Fetch (16) versions that carry leader endpoints in tagged fields, and
    // SaslAuthenticate below its flexible v2 (the relay answers it itself).
    // -1 for APIs it removes from ApiVersions altogether because their
    // answers name brokers (DescribeCluster, DescribeQuorum, ShareFetch,
    // ShareAcknowledge); kUncapped for the rest.
    static constexpr qint16 kUncapped = 0x7fff;
    static qint16 maxVersion(qint16 apiKey);

    // An ApiVersions answer (any version; v3+ is flexible in its body but has
    // response header v0) with each API capped by maxVersion; an answer with
    // an error (the v0-shaped UNSUPPORTED_VERSION) is returned unchanged.
    // nullopt when malformed.
    static std::optional<QByteArray> capApiVersions(const QByteArray &body, qint16 version);

    // A Metadata answer (v0-v8) with every broker's host and port mapped.
    static std::optional<QByteArray> rewriteMetadata(const QByteArray &body, qint16 version, const AddressMap &map);

    // A FindCoordinator answer (v0-v2) with the coordinator's host and port
    // mapped; left as it is when it carries an error.
    static std::optional<QByteArray> rewriteFindCoordinator(const QByteArray &body, qint16 version, const AddressMap &map);

    // Whether the relay must rewrite answers to this request, and can.
    enum class Treatment { PassThrough, CapVersions, RewriteMetadata, RewriteCoordinator, Refuse };
    static Treatment treatmentOf(qint16 apiKey, qint16 apiVersion);
};

}   // namespace cohort
