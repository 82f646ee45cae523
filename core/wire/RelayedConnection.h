// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/RelayFrameRewriter.h"
#include "core/wire/RelayUpstream.h"
#include "core/wire/SaslLogin.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

class QTcpSocket;

namespace cohort {

// One librdkafka connection through BrokerRelay: the local socket librdkafka
// opened and the relay's own connection to the broker it stands for.
// librdkafka logs in locally with SASL PLAIN and the relay's one-time
// password; only then does the relay log in to the broker with SCRAM
// (SaslLogin), and librdkafka's SaslAuthenticate is answered with the
// broker's verdict, so a wrong SCRAM password reaches librdkafka as
// Kafka's refusal. Afterwards every request goes to the broker as it came
// and every answer comes back in order, ApiVersions, Metadata and
// FindCoordinator rewritten (RelayFrameRewriter). Lives on the relay's
// thread; deletes itself when either side closes.
class RelayedConnection : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        RelayUpstream upstream;
        QByteArray localUser;
        QByteArray localPassword;
        RelayFrameRewriter::AddressMap map;            // broker address -> the relay's listener
        // Why an upstream connection or login failed, for error texts; called
        // with an empty text once a login succeeds again.
        std::function<void(const QString &)> problem;
    };

    RelayedConnection(QTcpSocket *downstream, const QString &host, quint16 port, Settings settings, QObject *parent);
    ~RelayedConnection() override;

private:
    enum class Phase { Unauthenticated, LoggingIn, Open, Closing };
    // A request of librdkafka's in the order it came: answered by the broker
    // or by the relay itself, and passed back in this order.
    struct Slot
    {
        qint32 correlationId = 0;
        qint16 apiKey = 0;
        qint16 apiVersion = 0;
        bool ready = false;
        QByteArray answer;   // the whole response frame, size included
    };
    // What an upstream answer belongs to: a forwarded request, or the relay's own login.
    struct Awaited
    {
        Slot *slot = nullptr;   // null: a login step
    };

    void onDownstreamData();
    void onUpstreamData();
    void onUpstreamReady();
    void handleRequest(const QByteArray &frame);
    void answerLocally(Slot &slot, const QByteArray &body);
    void handleHandshake(Slot &slot, const QByteArray &frame);
    void handleAuthenticate(Slot &slot, const QByteArray &frame);
    void sendUpstream(const QByteArray &frame, Slot *slot);
    void sendLoginStep(const SaslLogin::Request &request);
    void loginAnswered(const QByteArray &body);
    void finishLogin(const std::optional<QString> &refusal);
    void answerUpstream(Slot &slot, const QByteArray &frame);
    void flush();
    void close(const QString &why);

    QTcpSocket *m_down = nullptr;
    QTcpSocket *m_up = nullptr;
    QString m_host;
    quint16 m_port = 0;
    Settings m_settings;
    Phase m_phase = Phase::Unauthenticated;
    bool m_handshakeDone = false;
    bool m_upstreamReady = false;
    QByteArray m_downIn;
    QByteArray m_upIn;
    QByteArray m_upOut;   // written once the upstream connection is up
    std::deque<Slot> m_slots;
    std::deque<Awaited> m_awaited;
    Slot *m_loginSlot = nullptr;   // librdkafka's SaslAuthenticate, answered when the SCRAM login ends
    std::optional<SaslLogin> m_login;
    qint32 m_nextLoginCorrelationId = 0x7f000000;   // the relay's own requests, out of librdkafka's range
};

}   // namespace cohort
