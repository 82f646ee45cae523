// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/BootstrapServer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BootstrapServer)
};

}   // namespace

QString BootstrapServer::toString() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return (scheme.isEmpty() ? QString() : scheme + QLatin1String("://")) + h + QLatin1Char(':') + QString::number(port);
}

Result<BootstrapServer, QString> BootstrapServer::parse(const QString &entry)
{
    // Host names and IPv4 addresses as labels of letters, digits, '-', '_'
    // and dots; IPv6 only in brackets (a bare "::1:9092" has no port one can
    // tell apart). The port is checked as a number below, so that 99999 or
    // -31073 are named as out of range rather than as not a port.
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:([A-Za-z_]+)://)?(?:([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)|\[([0-9A-Fa-f:.]+)\]):(-?[0-9]+)$)"));
    const QString e = entry.trimmed();
    const QRegularExpressionMatch m = re.match(e);
    if (!m.hasMatch()) {
        if (e.isEmpty())
            return Text::tr("an empty entry is not a bootstrap server: write HOST:PORT");
        return Text::tr("\"%1\" is not a bootstrap server: write HOST:PORT (an IPv6 address in brackets, [::1]:9092)").arg(e);
    }
    bool ok = false;
    const qlonglong port = m.captured(4).toLongLong(&ok);
    if (!ok || port < 1 || port > 65535)
        return Text::tr("\"%1\" has port %2: a port is a number from 1 to 65535").arg(e, m.captured(4));
    BootstrapServer out;
    out.scheme = m.captured(1);
    out.host = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
    out.port = quint16(port);
    return out;
}

Result<QList<BootstrapServer>, QString> BootstrapServer::parseList(const QString &servers)
{
    QList<BootstrapServer> out;
    QStringList problems;
    for (const QString &part : servers.split(QLatin1Char(','))) {
        if (part.trimmed().isEmpty())
            continue;   // "a:1,,b:2" and a trailing comma are harmless
        Result<BootstrapServer, QString> one = parse(part);
        if (one)
            out.append(one.value());
        else
            problems << one.error();
    }
    if (!problems.isEmpty())
        return problems.join(QLatin1String("; "));
    if (out.isEmpty())
        return Text::tr("no bootstrap server given: write HOST:PORT[,HOST:PORT...]");
    return out;
}

}   // namespace cohort
