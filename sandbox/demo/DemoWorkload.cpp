// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/demo/DemoWorkload.h"

#include "core/wire/WireGroupMember.h"
#include "sandbox/SandboxCluster.h"

#include <QThread>

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace cohort::sandbox {

namespace {

using Props = std::vector<std::pair<std::string, std::string>>;

// A consumer that commits automatically every 2 s, with its own properties after.
Props autoCommitting(const Props &own)
{
    Props props{{"enable.auto.commit", "true"}, {"auto.commit.interval.ms", "2000"}};
    props.insert(props.end(), own.begin(), own.end());
    return props;
}

// Lean settings so that a dozen clients idle cheaply and hold little memory
// for days (the defaults would let each consumer queue 64 MiB).
rd_kafka_t *makeClient(rd_kafka_type_t type, const std::string &bootstrap, const Props &props)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    Props all{{"bootstrap.servers", bootstrap}, {"log_level", "0"}, {"statistics.interval.ms", "0"}};
    if (type == RD_KAFKA_CONSUMER) {
        all.insert(all.end(), {{"queued.max.messages.kbytes", "1024"},
                               {"fetch.max.bytes", "1048576"},
                               {"max.partition.fetch.bytes", "262144"},
                               {"auto.offset.reset", "earliest"},
                               {"session.timeout.ms", "10000"},
                               {"heartbeat.interval.ms", "3000"}});
    } else {
        all.insert(all.end(), {{"linger.ms", "50"}, {"queue.buffering.max.kbytes", "4096"}});
    }
    all.insert(all.end(), props.begin(), props.end());
    for (const auto &[k, v] : all)
        rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err);
    rd_kafka_t *rk = rd_kafka_new(type, conf, err, sizeof err);
    if (!rk)
        return nullptr;
    if (type == RD_KAFKA_CONSUMER)
        rd_kafka_poll_set_consumer(rk);
    return rk;
}

struct TopicSpec
{
    const char *name;
    int partitions;
    double ratePerSecond;
};
constexpr TopicSpec kTopics[] = {
    {"orders", 6, 40},   {"payments", 3, 20},  {"clickstream", 12, 150},
    {"inventory", 4, 5}, {"audit-log", 2, 10}, {"metrics", 8, 0 /* bursty */},
};

}   // namespace

class DemoWorkload::Private
{
public:
    SandboxCluster &cluster;
    Options options;
    std::string bootstrap;
    std::atomic<bool> running{false};
    std::vector<std::thread> threads;
    QThread wireThread;   // the connect group's raw-protocol members
    std::vector<WireGroupMember *> wireMembers;

    Private(SandboxCluster &c, Options o)
        : cluster(c)
        , options(o)
    { }

    void sleepMs(int ms) const
    {
        // Sleep in slices so that stop() is prompt.
        for (int slept = 0; slept < ms && running; slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(qMin(50, ms - slept)));
    }

    void spawn(std::function<void()> f) { threads.emplace_back(std::move(f)); }

    void producerLoop()
    {
        rd_kafka_t *rk = makeClient(RD_KAFKA_PRODUCER, bootstrap, {});
        if (!rk)
            return;
        std::vector<double> credit(std::size(kTopics), 0.0);
        auto last = std::chrono::steady_clock::now();
        auto nextBurst = last + std::chrono::milliseconds(options.burstPeriodMs / 2);
        quint64 seq = 0;
        while (running) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const auto now = std::chrono::steady_clock::now();
            const double dt = std::chrono::duration<double>(now - last).count();
            last = now;
            for (size_t i = 0; i < std::size(kTopics); ++i) {
                credit[i] += kTopics[i].ratePerSecond * options.rateScale * dt;
                if (kTopics[i].ratePerSecond == 0 && now >= nextBurst)
                    credit[i] += 400 * options.rateScale;   // the bursty one
                while (credit[i] >= 1.0) {
                    credit[i] -= 1.0;
                    char value[160];
                    const int n
                        = std::snprintf(value, sizeof value, "{\"seq\":%llu,\"topic\":\"%s\",\"payload\":\"demo event for Cohort\"}",
                                        static_cast<unsigned long long>(++seq), kTopics[i].name);
                    char key[32];
                    const int kn = std::snprintf(key, sizeof key, "key-%llu", static_cast<unsigned long long>(seq % 97));
                    rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(kTopics[i].name), RD_KAFKA_V_KEY(key, size_t(kn)),
                                      RD_KAFKA_V_VALUE(value, size_t(n)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
                }
            }
            if (now >= nextBurst)
                nextBurst = now + std::chrono::milliseconds(options.burstPeriodMs);
            rd_kafka_poll(rk, 0);
        }
        rd_kafka_flush(rk, 2000);
        rd_kafka_destroy(rk);
    }

    // A consumer that processes at most maxRate messages per second (0: no cap)
    // and runs until `until` says stop (or the demo stops).
    void consumerLoop(std::string group, std::vector<std::string> topics, Props props, double maxRate,
                      std::function<bool(int consumed)> until = {})
    {
        props.insert(props.begin(), {"group.id", group});
        rd_kafka_t *rk = makeClient(RD_KAFKA_CONSUMER, bootstrap, props);
        if (!rk)
            return;
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(topics.size()));
        for (const auto &t : topics)
            rd_kafka_topic_partition_list_add(list, t.c_str(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(rk, list);
        rd_kafka_topic_partition_list_destroy(list);
        int consumed = 0;
        while (running && (!until || !until(consumed))) {
            rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
            if (!m)
                continue;
            if (!m->err) {
                ++consumed;
                if (maxRate > 0)
                    std::this_thread::sleep_for(std::chrono::microseconds(qint64(1e6 / maxRate)));
            }
            rd_kafka_message_destroy(m);
        }
        rd_kafka_commit(rk, nullptr, 0);
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    }
};

DemoWorkload::DemoWorkload(SandboxCluster &cluster, QObject *parent)
    : DemoWorkload(cluster, Options{}, parent)
{ }

DemoWorkload::DemoWorkload(SandboxCluster &cluster, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(cluster, options))
{ }

DemoWorkload::~DemoWorkload()
{
    stop();
}

QStringList DemoWorkload::groupIds()
{
    return {QStringLiteral("orders-processor"),       QStringLiteral("payments-reconciler"), QStringLiteral("analytics-batch"),
            QStringLiteral("clickstream-enricher"),   QStringLiteral("inventory-sync"),      QStringLiteral("audit-cooperative"),
            QStringLiteral("multi-topic-aggregator"), QStringLiteral("connect-cluster")};
}

bool DemoWorkload::isRunning() const
{
    return d->running;
}

bool DemoWorkload::start(QString *error)
{
    if (d->running)
        return true;
    if (!d->cluster.isRunning()) {
        if (error)
            *error = tr("the sandbox cluster is not running");
        return false;
    }
    for (const auto &t : kTopics)
        if (d->cluster.partitionCount(QString::fromLatin1(t.name)) == 0)
            d->cluster.createTopic(QString::fromLatin1(t.name), t.partitions);
    d->bootstrap = d->cluster.bootstrapServers().toStdString();
    d->running = true;
    Private *p = d.get();

    p->spawn([p] { p->producerLoop(); });
    // Healthy and caught up: two members.
    for (int i = 0; i < 2; ++i)
        p->spawn([p, i] {
            const Props props = autoCommitting({{"client.id", "orders-processor-" + std::to_string(i + 1)}});
            p->consumerLoop("orders-processor", {"orders"}, props, 0);
        });
    // Steadily lagging: consumes 15 msg/s of the 20 produced.
    p->spawn([p] {
        const Props props = autoCommitting({{"client.id", "payments-reconciler"}});
        p->consumerLoop("payments-reconciler", {"payments"}, props, 15 * p->options.rateScale);
    });
    // Stopped with lag: reads a while, commits, leaves (Empty, resettable).
    p->spawn([p] {
        p->consumerLoop("analytics-batch", {"clickstream"}, {{"enable.auto.commit", "false"}, {"client.id", "analytics-batch"}}, 0,
                        [](int consumed) { return consumed >= 300; });
    });
    // Rebalances about every rebalancePeriod: a third member comes and goes.
    for (int i = 0; i < 2; ++i)
        p->spawn([p, i] {
            const Props props = autoCommitting({{"client.id", "enricher-" + std::to_string(i + 1)}});
            p->consumerLoop("clickstream-enricher", {"clickstream"}, props, 0);
        });
    p->spawn([p] {
        while (p->running) {
            p->sleepMs(p->options.rebalancePeriodMs / 2);
            if (!p->running)
                break;
            const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(p->options.rebalancePeriodMs / 2);
            const Props props = autoCommitting({{"client.id", "enricher-autoscaled"}});
            p->consumerLoop("clickstream-enricher", {"clickstream"}, props, 0,
                            [until](int) { return std::chrono::steady_clock::now() >= until; });
        }
    });
    // Static members.
    for (int i = 0; i < 2; ++i)
        p->spawn([p, i] {
            const Props props
                = autoCommitting({{"group.instance.id", "inventory-sync-" + std::to_string(i + 1)}, {"client.id", "inventory-sync"}});
            p->consumerLoop("inventory-sync", {"inventory"}, props, 0);
        });
    // Cooperative-sticky.
    for (int i = 0; i < 2; ++i)
        p->spawn([p, i] {
            const Props props = autoCommitting(
                {{"partition.assignment.strategy", "cooperative-sticky"}, {"client.id", "auditor-" + std::to_string(i + 1)}});
            p->consumerLoop("audit-cooperative", {"audit-log"}, props, 0);
        });
    // Several topics.
    p->spawn([p] {
        const Props props = autoCommitting({{"client.id", "aggregator"}, {"partition.assignment.strategy", "roundrobin"}});
        p->consumerLoop("multi-topic-aggregator", {"orders", "payments", "inventory"}, props, 0);
    });

    // A Kafka Connect-style group: protocol type "connect", raw protocol members.
    const QString first = d->cluster.bootstrapServers().section(QLatin1Char(','), 0, 0);
    const QString host = first.section(QLatin1Char(':'), 0, 0);
    const quint16 port = quint16(first.section(QLatin1Char(':'), 1, 1).toUInt());
    d->wireThread.setObjectName(QStringLiteral("demo-connect"));
    d->wireThread.start();
    for (int i = 0; i < 2; ++i) {
        WireGroupMember::Options o;
        o.groupId = QStringLiteral("connect-cluster");
        o.clientId = QStringLiteral("connect-worker-%1").arg(i + 1);
        o.protocolType = QStringLiteral("connect");
        o.protocols = {{QStringLiteral("sessioned"),
                        QByteArrayLiteral("{\"url\":\"http://worker-%1:8083\"}").replace("%1", QByteArray::number(i + 1))}};
        o.heartbeatIntervalMs = 3000;
        auto *m = new WireGroupMember(o);
        m->moveToThread(&d->wireThread);
        QMetaObject::invokeMethod(
            m, [m, host, port] { m->start(host, port); }, Qt::QueuedConnection);
        d->wireMembers.push_back(m);
    }
    return true;
}

void DemoWorkload::stop()
{
    if (!d->running)
        return;
    d->running = false;
    for (auto &t : d->threads)
        if (t.joinable())
            t.join();
    d->threads.clear();
    for (WireGroupMember *m : d->wireMembers)
        QMetaObject::invokeMethod(
            m,
            [m] {
                m->leave();
                delete m;
            },
            Qt::BlockingQueuedConnection);
    d->wireMembers.clear();
    d->wireThread.quit();
    d->wireThread.wait();
}

}   // namespace cohort::sandbox
