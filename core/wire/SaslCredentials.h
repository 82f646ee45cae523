// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort {

// A SASL login for Cohort's own connections: the mechanism and the user's
// name and password. PLAIN sends the password (RFC 4616); SCRAM proves it
// without sending it (RFC 5802, core/wire/SaslScramAuth).
struct SaslCredentials
{
    enum class Mechanism { Plain, ScramSha256, ScramSha512 };

    QString user;
    QString password;
    Mechanism mechanism = Mechanism::Plain;

    // As Kafka spells it in SaslHandshake: "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512".
    QString mechanismName() const
    {
        switch (mechanism) {
        case Mechanism::Plain: break;
        case Mechanism::ScramSha256: return QStringLiteral("SCRAM-SHA-256");
        case Mechanism::ScramSha512: return QStringLiteral("SCRAM-SHA-512");
        }
        return QStringLiteral("PLAIN");
    }
    bool isScram() const { return mechanism != Mechanism::Plain; }
};

}   // namespace cohort
