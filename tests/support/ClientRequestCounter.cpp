// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientRequestCounter.h"

#include "core/wire/ApiKey.h"
#include "core/wire/KafkaWireConnection.h"

#include <QByteArray>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace cohort::test {

namespace {

// Written to stderr by counts() and recognised by the reader: every line
// before it has been read once the reader has seen it.
constexpr char kSyncMarker[] = "\x1f"
                               "cohort-request-counter-sync ";

void writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        data += n;
        size -= n;
    }
}

}   // namespace

struct ClientRequestCounter::State
{
    int realStderr = -1;
    int pipeRead = -1;
    std::array<std::atomic<qint64>, 256> own{};   // by API key
    std::mutex mutex;
    std::condition_variable seen;
    QHash<QString, qint64> librdkafka;   // by librdkafka's name
    quint64 syncsRequested = 0;
    quint64 syncsSeen = 0;
    std::thread reader;

    void line(const QByteArray &l)
    {
        if (l.startsWith(kSyncMarker)) {
            const quint64 id = l.mid(qsizetype(sizeof kSyncMarker) - 1).toULongLong();
            std::lock_guard lock(mutex);
            syncsSeen = qMax(syncsSeen, id);
            seen.notify_all();
            return;
        }
        // librdkafka's own format: "%7|<time>|<facility>|<name>| <text>";
        // level 7 is debug, which only the clients asked to count print.
        if (l.startsWith("%7|")) {
            static const QByteArray sent = QByteArrayLiteral(": Sent ");
            static const QByteArray request = QByteArrayLiteral("Request (v");
            const qsizetype at = l.indexOf(sent);
            const qsizetype end = at < 0 ? -1 : l.indexOf(request, at + sent.size());
            if (end > at) {
                const QString api = QString::fromLatin1(l.mid(at + sent.size(), end - at - sent.size()));
                std::lock_guard lock(mutex);
                ++librdkafka[api];
            }
            return;
        }
        writeAll(realStderr, l.constData(), l.size());
        writeAll(realStderr, "\n", 1);
    }

    void read()
    {
        QByteArray pending;
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(pipeRead, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            pending.append(chunk, n);
            qsizetype from = 0;
            for (qsizetype nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', from)) {
                line(pending.mid(from, nl - from));
                from = nl + 1;
            }
            pending.remove(0, from);
        }
    }
};

ClientRequestCounter &ClientRequestCounter::instance()
{
    static ClientRequestCounter counter;
    return counter;
}

bool ClientRequestCounter::start(QString *error)
{
    if (m_state)
        return true;
    auto *s = new State;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0 || (s->realStderr = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)) < 0) {
        *error = QStringLiteral("cannot redirect stderr to count librdkafka's requests: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        delete s;
        return false;
    }
    std::fflush(stderr);
    ::dup2(fds[1], STDERR_FILENO);   // without O_CLOEXEC: child processes keep writing their stderr here
    ::close(fds[1]);
    s->pipeRead = fds[0];
    s->reader = std::thread([s] { s->read(); });
    m_state = s;   // before the observer: it reads it from any thread
    KafkaWireConnection::setSentRequestObserver([](qint16 apiKey) {
        State *st = instance().m_state;
        if (apiKey >= 0 && apiKey < qint16(st->own.size()))
            st->own[size_t(apiKey)].fetch_add(1, std::memory_order_relaxed);
    });
    return true;
}

QList<QPair<QString, QString>> ClientRequestCounter::librdkafkaProperties()
{
    return {{QStringLiteral("debug"), QStringLiteral("protocol")}, {QStringLiteral("log_level"), QStringLiteral("7")}};
}

QString ClientRequestCounter::kafkaApiName(const QString &librdkafkaName)
{
    static const QHash<QString, QString> renamed{{QStringLiteral("Offset"), QStringLiteral("ListOffsets")},
                                                 {QStringLiteral("GroupCoordinator"), QStringLiteral("FindCoordinator")},
                                                 {QStringLiteral("ApiVersion"), QStringLiteral("ApiVersions")}};
    return renamed.value(librdkafkaName, librdkafkaName);
}

QHash<QString, qint64> ClientRequestCounter::counts()
{
    QHash<QString, qint64> out;
    if (!m_state)
        return out;
    State &s = *m_state;
    quint64 id = 0;
    {
        std::lock_guard lock(s.mutex);
        id = ++s.syncsRequested;
    }
    std::fflush(stderr);
    const QByteArray marker = QByteArray(kSyncMarker) + QByteArray::number(id) + '\n';
    writeAll(STDERR_FILENO, marker.constData(), marker.size());
    std::unique_lock lock(s.mutex);
    s.seen.wait_for(lock, std::chrono::seconds(30), [&] { return s.syncsSeen >= id; });
    qint64 total = 0;
    for (auto it = s.librdkafka.cbegin(); it != s.librdkafka.cend(); ++it) {
        out[kafkaApiName(it.key())] += it.value();
        total += it.value();
    }
    for (size_t key = 0; key < s.own.size(); ++key)
        if (const qint64 n = s.own[key].load(std::memory_order_relaxed); n > 0) {
            out[QString::fromLatin1(ApiKey::name(qint16(key)))] += n;
            total += n;
        }
    out.insert(QStringLiteral("total"), total);
    return out;
}

}   // namespace cohort::test
