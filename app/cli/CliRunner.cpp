// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliRunner.h"

#include "app/cli/CliTable.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/util/EventLoopWait.h"
#include "core/connection/JavaProperties.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/connection/SecretStore.h"
#include "core/snapshot/SnapshotLoader.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>
#include <optional>

namespace cohort::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cohort-cli", s);
}

struct Options
{
    QString bootstrap;
    QString profile;
    QString commandConfig;
    int timeoutMs = 10000;
    QString output = QStringLiteral("table");
    QString state;
    bool members = false;
    QStringList positional;
};

// Java properties syntax (key=value, # and ! comments), as --command-config takes.
bool readProperties(const QString &path, RdKafkaClusterClient::Properties *props, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    int lineNo = 0;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        ++lineNo;
        const JavaProperties::Line line = JavaProperties::parseLine(QString::fromUtf8(raw));
        if (line.kind == JavaProperties::Line::Malformed) {
            *error = tr("%1:%2: expected key=value").arg(path).arg(lineNo);
            return false;
        }
        if (line.kind == JavaProperties::Line::Entry)
            props->append({line.key, line.value});
    }
    return true;
}


CliTable listTable(const ClusterSnapshot &s, const QString &stateFilter)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("STATE"), QStringLiteral("PROTOCOL-TYPE"), QStringLiteral("ASSIGNOR"),
                 QStringLiteral("MEMBERS"), QStringLiteral("LAG")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("state"), QStringLiteral("protocol_type"), QStringLiteral("assignor"),
                  QStringLiteral("members"), QStringLiteral("lag")};
    for (const GroupSnapshot &g : s.groups) {
        const QString state = groupStateToString(g.description.state);
        if (!stateFilter.isEmpty() && state.compare(stateFilter, Qt::CaseInsensitive) != 0)
            continue;
        t.rows.append({g.groupId(), state,
                       g.description.protocolType.isEmpty() ? QVariant() : QVariant(g.description.protocolType),
                       g.description.protocol.isEmpty() ? QVariant() : QVariant(g.description.protocol),
                       int(g.description.members.size()),
                       g.totalLag ? QVariant(*g.totalLag) : QVariant()});
    }
    return t;
}

QVariant optional(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

QVariant nonEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

CliTable describeTable(const QList<const GroupSnapshot *> &groups)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("CURRENT-OFFSET"),
                 QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"), QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"),
                 QStringLiteral("CLIENT-ID")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("topic"), QStringLiteral("partition"), QStringLiteral("committed_offset"),
                  QStringLiteral("end_offset"), QStringLiteral("lag"), QStringLiteral("member_id"), QStringLiteral("host"),
                  QStringLiteral("client_id"), QStringLiteral("group_instance_id")};
    for (const GroupSnapshot *g : groups)
        for (const PartitionLag &p : g->partitions) {
            const GroupMember none;
            const GroupMember *owner = g->ownerOf(p) ? g->ownerOf(p) : &none;
            t.rows.append({g->groupId(), p.tp.topic, p.tp.partition, optional(p.committedOffset), optional(p.endOffset),
                           optional(p.lag), nonEmpty(owner->memberId), nonEmpty(owner->host), nonEmpty(owner->clientId),
                           nonEmpty(owner->groupInstanceId)});
        }
    return t;
}

CliTable membersTable(const QList<const GroupSnapshot *> &groups)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"), QStringLiteral("CLIENT-ID"),
                 QStringLiteral("#PARTITIONS"), QStringLiteral("GROUP-INSTANCE-ID")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("member_id"), QStringLiteral("host"), QStringLiteral("client_id"),
                  QStringLiteral("partitions"), QStringLiteral("group_instance_id")};
    for (const GroupSnapshot *g : groups)
        for (const GroupMember &m : g->description.members)
            t.rows.append({g->groupId(), m.memberId, m.host, m.clientId,
                           m.assignment ? QVariant(int(m.assignment->partitions.size())) : QVariant(),
                           nonEmpty(m.groupInstanceId)});
    return t;
}


// The librdkafka properties of saved connection `name`, with `bootstrap` (when
// given) replacing its servers. Returns 0, or the exit code with `why`.
int profileProperties(const QString &name, const QString &bootstrap, const CliContext &context,
                      RdKafkaClusterClient::Properties *props, QString *why)
{
    std::unique_ptr<ConnectionProfileStore> ownStore;
    ConnectionProfileStore *store = context.profiles;
    if (!store) {
        ownStore = std::make_unique<ConnectionProfileStore>();
        store = ownStore.get();
    }
    const std::optional<ConnectionProfile> profile = store->loadForConnecting(name, bootstrap, why);
    if (!profile)
        return 2;

    // The environment first: it is what a script sets on purpose, and it keeps
    // a headless machine from talking to a secret service at all.
    QString password = qEnvironmentVariable("COHORT_PASSWORD");
    QString keychainNote;
    if (password.isEmpty() && (profile->usesSasl() || profile->usesSsl())) {
        std::unique_ptr<SecretStore> ownSecrets;
        SecretStore *secrets = context.secrets;
        if (!secrets) {
            ownSecrets = SecretStore::createDefault();
            secrets = ownSecrets.get();
        }
        const QFuture<SecretReply> read = secrets->readPassword(name);
        const SecretReply reply = waitWithEventLoop(read) ? read.result() : SecretReply{};
        if (reply.found)
            password = reply.password;
        keychainNote = reply.error;
    }
    if (password.isEmpty() && profile->usesSasl()) {
        *why = tr("connection '%1' uses %2 and has no password: set the environment variable COHORT_PASSWORD, "
                  "or save the password with Cohort's connection dialog (Remember)")
                   .arg(name, ConnectionProfile::securityProtocolName(profile->securityProtocol));
        if (!keychainNote.isEmpty())
            *why += QStringLiteral(" (") + tr("the keychain said: %1").arg(keychainNote) + QLatin1Char(')');
        return 2;
    }
    *props = profile->librdkafkaProperties(password);
    return 0;
}

} // namespace

QString usage()
{
    return tr("usage: cohort-cli (--bootstrap-server HOST:PORT[,...] | --profile NAME) [--command-config FILE] [--timeout MS]\n"
              "         groups list [--state STATE] [--output table|json|csv]\n"
              "         groups describe GROUP... [--members] [--output table|json|csv]\n"
              "\n"
              "  --profile NAME          a connection saved in Cohort's connection dialog; a SASL password\n"
              "                          comes from $COHORT_PASSWORD, else from the system keychain;\n"
              "                          --bootstrap-server replaces its servers, --command-config adds\n"
              "                          properties that override it\n");
}

int runCli(const QStringList &args, QTextStream &out, QTextStream &err, const CliContext &context)
{
    Options o;
    auto bad = [&](const QString &why) {
        err << "cohort-cli: " << why << '\n' << usage();
        err.flush();
        return 2;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto value = [&](QString *into) {
            if (i + 1 >= args.size())
                return false;
            *into = args.at(++i);
            return true;
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << usage();
            return 0;
        }
        if (a == QLatin1String("--version")) {
            out << "cohort-cli " << COHORT_VERSION << '\n';
            return 0;
        }
        if (a == QLatin1String("--bootstrap-server")) {
            if (!value(&o.bootstrap)) return bad(tr("--bootstrap-server needs HOST:PORT"));
        } else if (a == QLatin1String("--profile")) {
            if (!value(&o.profile) || o.profile.isEmpty()) return bad(tr("--profile needs the name of a saved connection"));
        } else if (a == QLatin1String("--command-config")) {
            if (!value(&o.commandConfig)) return bad(tr("--command-config needs a file"));
        } else if (a == QLatin1String("--timeout")) {
            QString v;
            bool ok = false;
            if (!value(&v) || (o.timeoutMs = v.toInt(&ok), !ok) || o.timeoutMs < 100)
                return bad(tr("--timeout needs milliseconds (at least 100)"));
        } else if (a == QLatin1String("--output")) {
            if (!value(&o.output) || !QStringList{QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv")}.contains(o.output))
                return bad(tr("--output takes table, json or csv"));
        } else if (a == QLatin1String("--state")) {
            if (!value(&o.state)) return bad(tr("--state needs a state (Stable, Empty, PreparingRebalance, CompletingRebalance, Dead)"));
            bool known = false;
            for (const auto st : {GroupState::Empty, GroupState::PreparingRebalance, GroupState::CompletingRebalance, GroupState::Stable, GroupState::Dead})
                known = known || groupStateToString(st).compare(o.state, Qt::CaseInsensitive) == 0;
            if (!known)
                return bad(tr("unknown state '%1'").arg(o.state));
        } else if (a == QLatin1String("--members")) {
            o.members = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return bad(tr("unknown option %1").arg(a));
        } else {
            o.positional << a;
        }
    }
    if (o.positional.size() < 2 || o.positional.at(0) != QLatin1String("groups")
        || (o.positional.at(1) != QLatin1String("list") && o.positional.at(1) != QLatin1String("describe")))
        return bad(tr("expected 'groups list' or 'groups describe GROUP...'"));
    const bool describe = o.positional.at(1) == QLatin1String("describe");
    const QStringList groupArgs = o.positional.mid(2);
    if (describe && groupArgs.isEmpty())
        return bad(tr("groups describe needs at least one group id"));
    if (!describe && !groupArgs.isEmpty())
        return bad(tr("groups list takes no group id"));

    RdKafkaClusterClient::Properties props;
    if (!o.profile.isEmpty()) {
        QString why;
        const int code = profileProperties(o.profile, o.bootstrap, context, &props, &why);
        if (code == 2)
            return bad(why);
        if (code != 0) {
            err << "cohort-cli: " << why << '\n';
            return code;
        }
    }
    if (!o.commandConfig.isEmpty()) {
        QString error;
        if (!readProperties(o.commandConfig, &props, &error))
            return bad(error);
    }
    if (!o.bootstrap.isEmpty() && o.profile.isEmpty())
        props.append({QStringLiteral("bootstrap.servers"), o.bootstrap});
    bool haveBootstrap = false;
    for (const auto &p : std::as_const(props))
        haveBootstrap = haveBootstrap || p.first == QLatin1String("bootstrap.servers");
    if (!haveBootstrap)
        return bad(tr("no cluster given: use --bootstrap-server, --profile or bootstrap.servers in --command-config"));

    auto made = RdKafkaClusterClient::create(props, o.timeoutMs);
    if (!made) {
        err << "cohort-cli: " << made.error().toString() << '\n';
        return 1;
    }
    const QFuture<Result<ClusterSnapshot>> load = SnapshotLoader::load(made.value());
    waitWithEventLoop(load);   // the loader never cancels: it always ends with a value or an error
    const Result<ClusterSnapshot> snap = load.result();
    if (!snap) {
        err << "cohort-cli: " << snap.error().toString() << '\n';
        return 1;
    }
    for (const KafkaError &e : snap->partialErrors)
        err << "cohort-cli: warning: " << e.toString() << '\n';

    const auto format = o.output == QLatin1String("json") ? CliTable::Format::Json
                      : o.output == QLatin1String("csv") ? CliTable::Format::Csv : CliTable::Format::Table;
    if (!describe) {
        listTable(snap.value(), o.state).write(out, format);
        return 0;
    }
    QList<const GroupSnapshot *> groups;
    int missing = 0;
    for (const QString &id : groupArgs) {
        if (const GroupSnapshot *g = snap->group(id)) {
            groups.append(g);
        } else {
            err << "cohort-cli: " << tr("Consumer group '%1' does not exist.").arg(id) << '\n';
            ++missing;
        }
    }
    (o.members ? membersTable(groups) : describeTable(groups)).write(out, format);
    if (snap->readCommitted && format == CliTable::Format::Table && !o.members)
        err << "cohort-cli: " << tr("LOG-END-OFFSET is the last stable offset (isolation.level=read_committed).") << '\n';
    return missing ? 1 : 0;
}

} // namespace cohort::cli
