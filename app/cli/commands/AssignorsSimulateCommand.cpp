// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/AssignorsSimulateCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/rebalance/AssignmentSimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace cohort::cli {

namespace {

// "orders-3": the topic is everything before the last '-' (topic names may hold '-').
std::optional<TopicPartition> parsePartition(const QString &text)
{
    const qsizetype dash = text.lastIndexOf(QLatin1Char('-'));
    if (dash <= 0)
        return std::nullopt;
    bool ok = false;
    const int p = text.mid(dash + 1).toInt(&ok);
    if (!ok || p < 0)
        return std::nullopt;
    return TopicPartition{text.left(dash), p};
}

QString jsonString(const QString &s)
{
    // QJsonDocument escapes; the array's brackets are cut off.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

}   // namespace

QString AssignorsSimulateCommand::summary() const
{
    return tr("what an assignor would give a set of members: partitions, counts, skew, moves");
}

QString AssignorsSimulateCommand::description() const
{
    return tr("Computes an assignment as Kafka's own assignors do, without a cluster. Client side: range, roundrobin, "
              "sticky, cooperative-sticky (where the group settles after its two rebalances); KIP-848 server side: uniform, "
              "server-range. Range and roundrobin order members by id (static members first): give the real member ids to "
              "get what a real group gets. Uniform also takes the members in the order given, as the coordinator does: "
              "give them as groups describe lists them, joining members last. With two or more topics uniform walks them in the "
              "order of their topic ids: give each as --topic TOPIC:PARTITIONS:TOPIC_ID (the TopicId kafka-topics --describe "
              "prints) to get Kafka's result; without them it takes the topics by name and says so on stderr. Owned topics whose "
              "ids share a bucket Kafka walks in the order they reached the member, which is not known here: stderr says "
              "so too.");
}

void AssignorsSimulateCommand::declareOptions(CliOptionSet &options)
{
    options.addChoice(
        QStringLiteral("assignor"), QStringLiteral("NAME"), tr("range, roundrobin, sticky, cooperative-sticky, uniform or server-range"),
        tr("--assignor needs a name: range, roundrobin, sticky, cooperative-sticky, uniform or server-range"),
        [] {
            QList<std::pair<QString, QString>> names;
            for (const QString &n : AssignmentSimulator::assignorNames())
                names.append({n, n});
            return names;
        }(),
        &m_assignor,
        [](const QString &v) {
            return tr("unknown assignor '%1': one of %2").arg(v, AssignmentSimulator::assignorNames().join(QStringLiteral(", ")));
        });
    options.addChoice(QStringLiteral("client"), QStringLiteral("java|librdkafka|kafka-python"),
                      tr("whose client-side assignors (the group leader's client): Kafka's Java client (default), librdkafka's "
                         "or kafka-python's, which differ in the sticky ones once members own partitions and in ordering "
                         "static and dynamic members"),
                      tr("--client needs java, librdkafka or kafka-python"),
                      QList<std::pair<QString, StickyAssignor::Implementation>>{
                          {QStringLiteral("java"), StickyAssignor::Implementation::Java},
                          {QStringLiteral("librdkafka"), StickyAssignor::Implementation::Librdkafka},
                          {QStringLiteral("kafka-python"), StickyAssignor::Implementation::KafkaPython}},
                      &m_client, [](const QString &v) { return tr("unknown client '%1': java, librdkafka or kafka-python").arg(v); });
    options.addValue(QStringLiteral("topic"), QStringLiteral("TOPIC:PARTITIONS[:TOPIC_ID]"),
                     tr("a topic, its partition count and optionally its topic id as kafka-topics --describe prints it, "
                        "which uniform orders topics by (repeat for more)"),
                     tr("--topic needs TOPIC:PARTITIONS[:TOPIC_ID], e.g. --topic orders:6"), [this](const QString &v) -> QString {
                         // Kafka's topic names and ids hold no ':'.
                         const QStringList parts = v.split(QLatin1Char(':'));
                         bool ok = false;
                         const int n = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
                         if (parts.size() > 3 || parts.first().isEmpty() || !ok || n < 1)
                             return tr("--topic %1: give TOPIC:PARTITIONS[:TOPIC_ID] with at least one partition, e.g. orders:6")
                                 .arg(v);
                         const QString &name = parts.first();
                         for (const AssignorTopic &t : std::as_const(m_topics))
                             if (t.name == name)
                                 return tr("--topic %1: topic '%2' is given twice").arg(v, name);
                         m_topics.append({name, n, parts.value(2)});
                         return {};
                     });
    options.addValue(QStringLiteral("member"), QStringLiteral("ID[=TOPIC,...]"),
                     tr("a member and the topics it subscribes to; without =TOPICS, every --topic (repeat for more)"),
                     tr("--member needs an id, e.g. --member c1 or --member c1=orders,payments"), [this](const QString &v) -> QString {
                         const qsizetype eq = v.indexOf(QLatin1Char('='));
                         AssignorMember m;
                         m.memberId = eq < 0 ? v : v.left(eq);
                         if (m.memberId.isEmpty())
                             return tr("--member %1: the member id is missing").arg(v);
                         if (eq >= 0) {
                             for (const QString &t : v.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                                 m.topics << t.trimmed();
                             if (m.topics.isEmpty())
                                 return tr("--member %1: no topics after '=' (leave out '=' to subscribe to every topic)").arg(v);
                         } else {
                             m.topics << QString();   // every topic, filled in once all --topic are known
                         }
                         m_members.append(m);
                         return {};
                     });
    options.addValue(QStringLiteral("current"), QStringLiteral("ID=TOPIC-PARTITION,..."),
                     tr("what a member owns now, e.g. c1=orders-0,orders-1 (repeat per member)"),
                     tr("--current needs ID=TOPIC-PARTITION,..., e.g. --current c1=orders-0,orders-1"),
                     [this](const QString &v) -> QString {
                         const qsizetype eq = v.indexOf(QLatin1Char('='));
                         if (eq <= 0)
                             return tr("--current %1: give ID=TOPIC-PARTITION,..., e.g. c1=orders-0,orders-1").arg(v);
                         const QString id = v.left(eq);
                         QList<TopicPartition> &owned = m_current[id];
                         if (!m_currentOrder.contains(id))
                             m_currentOrder.append(id);
                         for (const QString &p : v.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                             const std::optional<TopicPartition> tp = parsePartition(p.trimmed());
                             if (!tp)
                                 return tr("--current %1: '%2' is not TOPIC-PARTITION, e.g. orders-3").arg(v, p);
                             owned.append(*tp);
                         }
                         return {};
                     });
}

int AssignorsSimulateCommand::run(CliCommandContext &context)
{
    if (m_assignor.isEmpty())
        return context.fail(CliFailure::usage(tr("--assignor is required")));
    if (m_topics.isEmpty())
        return context.fail(CliFailure::usage(tr("give at least one --topic TOPIC:PARTITIONS")));
    if (m_members.isEmpty())
        return context.fail(CliFailure::usage(tr("give at least one --member ID[=TOPIC,...]")));
    AssignorInput input;
    input.topics = m_topics;
    for (AssignorMember m : std::as_const(m_members)) {
        if (m.topics == QStringList{QString()}) {
            m.topics.clear();
            for (const AssignorTopic &t : std::as_const(m_topics))
                m.topics << t.name;
        }
        m.owned = m_current.value(m.memberId);
        input.members.append(m);
    }
    for (const QString &id : std::as_const(m_currentOrder)) {
        const bool known = std::any_of(m_members.cbegin(), m_members.cend(), [&](const AssignorMember &m) { return m.memberId == id; });
        if (!known)
            return context.fail(CliFailure::usage(tr("--current names member '%1', which no --member gives").arg(id)));
    }
    const auto outcome = AssignmentSimulator::simulate(m_assignor, input, m_client);
    if (!outcome)
        return context.fail(CliFailure::usage(outcome.error()));
    if (!outcome->topicsWithoutIds.isEmpty())
        context.note(tr("uniform orders topics by their ids; without the id of %1 (--topic TOPIC:PARTITIONS:TOPIC_ID) this takes them "
                        "by name, so Kafka may assign otherwise")
                         .arg(outcome->topicsWithoutIds.join(QStringLiteral(", "))));
    if (outcome->pythonSetOrder)
        context.note(tr("kafka-python: where several moves could be undone its sticky assignor picks from a Python set, "
                        "whose order changes with every process, so a real group may get otherwise"));
    if (!outcome->topicsInOneBucket.isEmpty())
        context.note(tr("uniform: the ids of %1 share one place in a member's assignment map, where Kafka keeps them in the "
                        "order they first reached the member, which is not known here; what a member over its quota keeps "
                        "may differ from Kafka's")
                         .arg(outcome->topicsInOneBucket.join(QStringLiteral(", "))));

    if (context.options().output == CliTable::Format::Json) {
        // The object, keys in its order: {"assignor","assignment","per_member","skew","moved"}.
        QString json = QStringLiteral("{\"assignor\":") + jsonString(outcome->assignor) + QStringLiteral(",\"assignment\":{");
        bool first = true;
        for (auto it = outcome->assignment.cbegin(); it != outcome->assignment.cend(); ++it) {
            json += (first ? QString() : QStringLiteral(",")) + jsonString(it.key()) + QStringLiteral(":[");
            QStringList parts;
            for (const TopicPartition &tp : it.value())
                parts << jsonString(tp.name());
            json += parts.join(QLatin1Char(',')) + QLatin1Char(']');
            first = false;
        }
        json += QStringLiteral("},\"per_member\":{");
        first = true;
        for (auto it = outcome->perMember.cbegin(); it != outcome->perMember.cend(); ++it) {
            json += (first ? QString() : QStringLiteral(",")) + jsonString(it.key()) + QLatin1Char(':') + QString::number(it.value());
            first = false;
        }
        json += QStringLiteral("},\"skew\":") + QString::number(outcome->skew) + QStringLiteral(",\"moved\":")
                + QString::number(outcome->moved) + QLatin1Char('}');
        context.out() << json << '\n';
        return context.finish(CliFailure::kOk);
    }
    CliTable t;
    t.headers = {QStringLiteral("MEMBER"), QStringLiteral("PARTITIONS"), QStringLiteral("COUNT")};
    t.jsonKeys = {QStringLiteral("member_id"), QStringLiteral("partitions"), QStringLiteral("count")};
    for (auto it = outcome->assignment.cbegin(); it != outcome->assignment.cend(); ++it) {
        QStringList parts;
        for (const TopicPartition &tp : it.value())
            parts << tp.name();
        t.rows.append({it.key(), parts.join(QLatin1Char(',')), outcome->perMember.value(it.key())});
    }
    context.write(t);
    if (context.options().output == CliTable::Format::Table)
        context.out() << '\n' << tr("assignor %1: skew %2, moved %3").arg(outcome->assignor).arg(outcome->skew).arg(outcome->moved) << '\n';
    return context.finish(CliFailure::kOk);
}

}   // namespace cohort::cli
