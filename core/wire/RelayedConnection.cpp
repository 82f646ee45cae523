// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/RelayedConnection.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcRelay, "cohort.relay")

namespace cohort {

namespace {

// Kafka's requests are far smaller; a bigger frame is not a Kafka client.
constexpr qint32 kMaxRequestBytes = 100 * 1024 * 1024;
// Answers can be large (a Fetch, the Metadata of a big cluster).
constexpr qint32 kMaxResponseBytes = 512 * 1024 * 1024;

// Takes one whole frame (without its size) off the front of `buffer`; an
// empty array while incomplete; nullopt for an impossible size.
std::optional<QByteArray> takeFrame(QByteArray &buffer, qint32 maxBytes)
{
    if (buffer.size() < 4)
        return QByteArray();
    ByteReader r(buffer.constData(), 4);
    const qint32 size = r.int32();
    if (size < 4 || size > maxBytes)
        return std::nullopt;
    if (buffer.size() < 4 + size)
        return QByteArray();
    QByteArray frame = buffer.mid(4, size);
    buffer.remove(0, 4 + size);
    return frame;
}

QByteArray sized(const QByteArray &frame)
{
    ByteWriter w(frame.size() + 4);
    w.int32(qint32(frame.size()));
    w.raw(frame);
    return w.take();
}

QByteArray responseFrame(qint32 correlationId, const QByteArray &body)
{
    ByteWriter w(body.size() + 8);
    w.int32(qint32(body.size() + 4));
    w.int32(correlationId);
    w.raw(body);
    return w.take();
}

// A request's body: after the header (v1, or v2 with tagged fields).
QByteArray requestBody(const QByteArray &frame, qint16 apiKey, qint16 apiVersion)
{
    ByteReader r(frame);
    r.skip(8);
    r.nullableString();
    if (ApiKey::hasFlexibleRequestHeader(apiKey, apiVersion))
        r.skipTaggedFields();
    return r.ok() ? frame.mid(r.position()) : QByteArray();
}

QByteArray authenticateAnswer(qint16 version, qint16 error, const std::optional<QString> &message)
{
    ByteWriter w;
    w.int16(error);
    w.nullableString(message);
    w.bytes({});
    if (version >= 1)
        w.int64(0);   // no session lifetime: librdkafka never re-authenticates with the relay
    return w.take();
}

}   // namespace

RelayedConnection::RelayedConnection(QTcpSocket *downstream, const QString &host, quint16 port, Settings settings, QObject *parent)
    : QObject(parent)
    , m_down(downstream)
    , m_host(host)
    , m_port(port)
    , m_settings(std::move(settings))
{
    m_down->setParent(this);
    m_down->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_down, &QTcpSocket::readyRead, this, &RelayedConnection::onDownstreamData);
    connect(m_down, &QTcpSocket::disconnected, this, [this] { close({}); });

    if (m_settings.upstream.tls) {
        auto *tls = new QSslSocket(this);
        m_settings.upstream.tls->configure(*tls);
        connect(tls, &QSslSocket::encrypted, this, &RelayedConnection::onUpstreamReady);
        m_up = tls;
    } else {
        m_up = new QTcpSocket(this);
        connect(m_up, &QTcpSocket::connected, this, &RelayedConnection::onUpstreamReady);
    }
    connect(m_up, &QTcpSocket::readyRead, this, &RelayedConnection::onUpstreamData);
    connect(m_up, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        const QString why = tr("%1:%2: %3").arg(m_host).arg(m_port).arg(m_up->errorString());
        if (m_phase != Phase::Open && m_phase != Phase::Closing && m_settings.problem)
            m_settings.problem(why);
        close(why);
    });
    if (auto *tls = qobject_cast<QSslSocket *>(m_up))
        tls->connectToHostEncrypted(m_host, m_port);
    else
        m_up->connectToHost(m_host, m_port);
    onDownstreamData();   // what arrived before this object existed
}

RelayedConnection::~RelayedConnection() = default;

void RelayedConnection::onUpstreamReady()
{
    m_up->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_upstreamReady = true;
    if (!m_upOut.isEmpty()) {
        m_up->write(m_upOut);
        m_upOut.clear();
    }
}

void RelayedConnection::onDownstreamData()
{
    m_downIn.append(m_down->readAll());
    // During the SCRAM login what librdkafka pipelined waits here.
    while (m_phase == Phase::Unauthenticated || m_phase == Phase::Open) {
        const std::optional<QByteArray> frame = takeFrame(m_downIn, kMaxRequestBytes);
        if (!frame)
            return close(tr("librdkafka sent a frame of impossible size"));
        if (frame->isEmpty())
            return;
        handleRequest(*frame);
    }
}

void RelayedConnection::handleRequest(const QByteArray &frame)
{
    ByteReader r(frame);
    Slot slot;
    slot.apiKey = r.int16();
    slot.apiVersion = r.int16();
    slot.correlationId = r.int32();
    if (!r.ok())
        return close(tr("librdkafka sent a malformed request header"));
    const auto treatment = RelayFrameRewriter::treatmentOf(slot.apiKey, slot.apiVersion);
    if (treatment == RelayFrameRewriter::Treatment::Refuse)
        return close(tr("librdkafka asked for %1 v%2, which the relay does not offer").arg(QLatin1String(ApiKey::name(slot.apiKey))).arg(slot.apiVersion));
    m_slots.push_back(slot);
    Slot &s = m_slots.back();
    if (m_phase == Phase::Open || slot.apiKey == ApiKey::ApiVersions)
        return sendUpstream(sized(frame), &s);
    // Before the login Kafka answers only ApiVersions, SaslHandshake and
    // SaslAuthenticate, and closes the connection on anything else: so does the relay.
    if (m_phase == Phase::Unauthenticated && slot.apiKey == ApiKey::SaslHandshake)
        return handleHandshake(s, frame);
    if (m_phase == Phase::Unauthenticated && slot.apiKey == ApiKey::SaslAuthenticate && m_handshakeDone)
        return handleAuthenticate(s, frame);
    close(tr("librdkafka sent %1 before logging in").arg(QLatin1String(ApiKey::name(slot.apiKey))));
}

void RelayedConnection::handleHandshake(Slot &slot, const QByteArray &frame)
{
    const QByteArray body = requestBody(frame, slot.apiKey, slot.apiVersion);
    ByteReader r(body);
    const QString mechanism = r.string();
    // v0 would send the token as raw frames; librdkafka uses v1 where offered.
    const bool plain = r.ok() && slot.apiVersion >= 1 && mechanism == QLatin1String("PLAIN");
    ByteWriter w;
    w.int16(plain ? ErrorCode::None : ErrorCode::UnsupportedSaslMechanism);
    w.arrayLength(1);
    w.string(QStringLiteral("PLAIN"));
    m_handshakeDone = plain;
    if (!plain)
        m_phase = Phase::Closing;   // after this answer
    answerLocally(slot, w.take());
}

void RelayedConnection::handleAuthenticate(Slot &slot, const QByteArray &frame)
{
    const QByteArray body = requestBody(frame, slot.apiKey, slot.apiVersion);
    ByteReader r(body);
    const QByteArray token = r.bytes();
    // RFC 4616: [authorization id] NUL user NUL password.
    const QList<QByteArray> parts = token.split('\0');
    bool accepted = r.ok() && parts.size() == 3 && parts.at(1) == m_settings.localUser;
    if (accepted) {
        // Compared without leaking where the first difference is.
        const QByteArray &given = parts.at(2);
        const QByteArray &expected = m_settings.localPassword;
        char diff = given.size() == expected.size() ? 0 : 1;
        for (qsizetype i = 0; i < qMin(given.size(), expected.size()); ++i)
            diff |= char(given.at(i) ^ expected.at(i));
        accepted = diff == 0;
    }
    if (!accepted) {
        qCWarning(lcRelay) << "a local client failed to log in to the relay";
        answerLocally(slot, authenticateAnswer(slot.apiVersion, ErrorCode::SaslAuthenticationFailed,
                                               QStringLiteral("Authentication failed: Invalid username or password")));
        m_phase = Phase::Closing;
        return flush();
    }
    m_phase = Phase::LoggingIn;
    m_loginSlot = &slot;
    m_login.emplace(m_settings.upstream.login);
    sendLoginStep(m_login->first());
}

void RelayedConnection::sendLoginStep(const SaslLogin::Request &request)
{
    ByteWriter w(request.body.size() + 32);
    w.int32(0);
    w.int16(request.apiKey);
    w.int16(request.apiVersion);
    w.int32(m_nextLoginCorrelationId++);
    w.string(QByteArrayLiteral("cohort-relay"));
    w.raw(request.body);
    w.patchInt32(0, qint32(w.size() - 4));
    sendUpstream(w.take(), nullptr);
}

void RelayedConnection::sendUpstream(const QByteArray &frame, Slot *slot)
{
    m_awaited.push_back(Awaited{slot});
    if (m_upstreamReady)
        m_up->write(frame);
    else
        m_upOut.append(frame);
}

void RelayedConnection::onUpstreamData()
{
    m_upIn.append(m_up->readAll());
    while (m_phase != Phase::Closing || !m_awaited.empty()) {
        const std::optional<QByteArray> frame = takeFrame(m_upIn, kMaxResponseBytes);
        if (!frame)
            return close(tr("%1:%2 sent a frame of impossible size").arg(m_host).arg(m_port));
        if (frame->isEmpty())
            return;
        if (m_awaited.empty())
            return close(tr("%1:%2 answered a request nobody sent").arg(m_host).arg(m_port));
        const Awaited awaited = m_awaited.front();
        m_awaited.pop_front();
        if (!awaited.slot)
            loginAnswered(frame->mid(4));   // SaslHandshake v1, SaslAuthenticate v0: response header v0
        else
            answerUpstream(*awaited.slot, *frame);
        if (m_phase == Phase::Closing && m_awaited.empty())
            return;
    }
}

void RelayedConnection::loginAnswered(const QByteArray &body)
{
    auto next = m_login->next(body);
    if (!next)
        return finishLogin(next.error());
    if (next.value())
        return sendLoginStep(*next.value());
    finishLogin(std::nullopt);
}

void RelayedConnection::finishLogin(const std::optional<QString> &refusal)
{
    m_login.reset();
    Slot &slot = *m_loginSlot;
    m_loginSlot = nullptr;
    if (refusal) {
        // The broker's verdict goes to librdkafka as its own login's
        // answer, so its error names the real cause.
        qCWarning(lcRelay).noquote() << "SCRAM login to" << m_host << m_port << "failed:" << *refusal;
        if (m_settings.problem)
            m_settings.problem(*refusal);
        answerLocally(slot, authenticateAnswer(slot.apiVersion, ErrorCode::SaslAuthenticationFailed, *refusal));
        m_phase = Phase::Closing;
        return flush();
    }
    m_phase = Phase::Open;
    if (m_settings.problem)
        m_settings.problem({});   // the broker is reachable and takes the login again
    answerLocally(slot, authenticateAnswer(slot.apiVersion, ErrorCode::None, std::nullopt));
    // Anything librdkafka pipelined behind its login waited in m_downIn.
    onDownstreamData();
}

void RelayedConnection::answerUpstream(Slot &slot, const QByteArray &frame)
{
    ByteReader r(frame);
    if (r.int32() != slot.correlationId)
        return close(tr("%1:%2 answered out of order").arg(m_host).arg(m_port));
    std::optional<QByteArray> body;
    switch (RelayFrameRewriter::treatmentOf(slot.apiKey, slot.apiVersion)) {
    case RelayFrameRewriter::Treatment::CapVersions: body = RelayFrameRewriter::capApiVersions(frame.mid(4), slot.apiVersion); break;
    case RelayFrameRewriter::Treatment::RewriteMetadata:
        body = RelayFrameRewriter::rewriteMetadata(frame.mid(4), slot.apiVersion, m_settings.map);
        break;
    case RelayFrameRewriter::Treatment::RewriteCoordinator:
        body = RelayFrameRewriter::rewriteFindCoordinator(frame.mid(4), slot.apiVersion, m_settings.map);
        break;
    case RelayFrameRewriter::Treatment::PassThrough:
    case RelayFrameRewriter::Treatment::Refuse:
        slot.answer = sized(frame);
        slot.ready = true;
        return flush();
    }
    if (!body)
        return close(tr("%1:%2 sent a malformed %3 answer").arg(m_host).arg(m_port).arg(QLatin1String(ApiKey::name(slot.apiKey))));
    answerLocally(slot, *body);
}

void RelayedConnection::answerLocally(Slot &slot, const QByteArray &body)
{
    slot.answer = responseFrame(slot.correlationId, body);
    slot.ready = true;
    flush();
}

void RelayedConnection::flush()
{
    while (!m_slots.empty() && m_slots.front().ready) {
        m_down->write(m_slots.front().answer);
        m_slots.pop_front();
    }
    if (m_phase == Phase::Closing && m_slots.empty() && m_down->state() == QAbstractSocket::ConnectedState)
        m_down->disconnectFromHost();   // after the last answer is written
}

void RelayedConnection::close(const QString &why)
{
    if (!why.isEmpty())
        qCInfo(lcRelay).noquote() << "relayed connection closed:" << why;
    m_phase = Phase::Closing;
    m_awaited.clear();
    m_slots.clear();
    m_loginSlot = nullptr;
    m_up->disconnect(this);
    m_down->disconnect(this);
    m_up->abort();
    if (m_down->state() == QAbstractSocket::ConnectedState)
        m_down->disconnectFromHost();
    deleteLater();
}

}   // namespace cohort
