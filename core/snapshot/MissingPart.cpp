// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/MissingPart.h"

#include <QCoreApplication>

namespace cohort {

namespace {

QString brokerName(const MissingPart &p)
{
    if (p.brokerId < 0)
        return QCoreApplication::translate("MissingPart", "a broker");
    if (p.brokerAddress.isEmpty())
        return QCoreApplication::translate("MissingPart", "broker %1").arg(p.brokerId);
    return QCoreApplication::translate("MissingPart", "broker %1 (%2)").arg(p.brokerId).arg(p.brokerAddress);
}

}   // namespace

QString MissingPart::describe() const
{
    const QString why = error.toString();
    switch (kind) {
    case Kind::Metadata: return QCoreApplication::translate("MissingPart", "no broker gave the cluster's metadata (brokers and partitions as last read): %1").arg(why);
    case Kind::BrokerListing:
        if (groupsAffected > 0)
            return QCoreApplication::translate("MissingPart", "%1 did not list its groups: %2; %n group(s) shown as last read", nullptr,
                                               groupsAffected)
                .arg(brokerName(*this), why);
        return QCoreApplication::translate("MissingPart", "%1 did not list its groups: %2; the groups it coordinates are missing")
            .arg(brokerName(*this), why);
    case Kind::GroupDescription: return QCoreApplication::translate("MissingPart", "group \"%1\" not described: %2").arg(groupId, why);
    case Kind::GroupOffsets:
        return QCoreApplication::translate("MissingPart", "committed offsets of group \"%1\" not read: %2").arg(groupId, why);
    case Kind::Watermarks:
        if (brokerId < 0)
            return QCoreApplication::translate("MissingPart", "end offsets of %n partition(s) with no known leader not read: %1", nullptr,
                                               partitions)
                .arg(why);
        return QCoreApplication::translate("MissingPart", "end offsets of %n partition(s) led by %1 not read: %2", nullptr, partitions)
            .arg(brokerName(*this), why);
    }
    return why;
}

QString MissingPart::key() const
{
    return QStringLiteral("%1/%2/%3").arg(int(kind)).arg(brokerId).arg(groupId);
}

}   // namespace cohort
