// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/SaslScramAuth.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SaslScramAuth)
};

QCryptographicHash::Algorithm hashOf(SaslCredentials::Mechanism mechanism)
{
    return mechanism == SaslCredentials::Mechanism::ScramSha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha512;
}

QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, algorithm);
}

// RFC 5802 §5.1: ',' and '=' in a user name are written =2C and =3D.
QByteArray escapedUser(const QString &user)
{
    QByteArray out = user.toUtf8();
    out.replace("=", "=3D");
    out.replace(",", "=2C");
    return out;
}

// The value of attribute `name` ("r", "s", "i", "v", "e") in a
// comma-separated SCRAM message; null when absent.
QByteArray attribute(const QByteArray &message, char name)
{
    for (const QByteArray &part : message.split(','))
        if (part.size() >= 2 && part.at(0) == name && part.at(1) == '=')
            return part.mid(2);
    return {};
}

// Compares without leaking where the first difference is.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= char(a.at(i) ^ b.at(i));
    return diff == 0;
}

}   // namespace

SaslScramAuth::SaslScramAuth(const SaslCredentials &credentials, const QByteArray &clientNonce)
    : m_credentials(credentials)
    , m_clientNonce(clientNonce)
{
    if (m_clientNonce.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        m_clientNonce = random.toBase64();
    }
}

QByteArray SaslScramAuth::clientFirstBare() const
{
    return "n=" + escapedUser(m_credentials.user) + ",r=" + m_clientNonce;
}

QByteArray SaslScramAuth::clientFirstMessage() const
{
    return "n,," + clientFirstBare();
}

Result<QByteArray, QString> SaslScramAuth::clientFinalMessage(const QByteArray &serverFirst)
{
    const QByteArray error = attribute(serverFirst, 'e');
    if (!error.isEmpty())
        return Text::tr("the broker refused the SCRAM exchange: %1").arg(QString::fromUtf8(error));
    const QByteArray nonce = attribute(serverFirst, 'r');
    // The server's nonce must extend ours: this is what librdkafka before
    // 2.6.1 got wrong in the other direction.
    if (nonce.size() <= m_clientNonce.size() || !nonce.startsWith(m_clientNonce))
        return Text::tr("the broker's SCRAM nonce does not extend Cohort's");
    const QByteArray salt = QByteArray::fromBase64(attribute(serverFirst, 's'));
    if (salt.isEmpty())
        return Text::tr("the broker's SCRAM message has no salt");
    bool ok = false;
    const int iterations = attribute(serverFirst, 'i').toInt(&ok);
    if (!ok || iterations < kMinIterations || iterations > kMaxIterations)
        return Text::tr("the broker asks for %1 SCRAM iterations (Cohort takes %2 to %3)")
            .arg(QString::fromUtf8(attribute(serverFirst, 'i')))
            .arg(kMinIterations)
            .arg(kMaxIterations);

    const QCryptographicHash::Algorithm algorithm = hashOf(m_credentials.mechanism);
    const int digestSize = QCryptographicHash::hashLength(algorithm);
    const QByteArray saltedPassword
        = QPasswordDigestor::deriveKeyPbkdf2(algorithm, m_credentials.password.toUtf8(), salt, iterations, quint64(digestSize));
    const QByteArray clientKey = hmac(algorithm, saltedPassword, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, algorithm);
    // "biws" is base64 of "n,,": no channel binding, no authorization id.
    const QByteArray withoutProof = "c=biws,r=" + nonce;
    const QByteArray authMessage = clientFirstBare() + ',' + serverFirst + ',' + withoutProof;
    const QByteArray clientSignature = hmac(algorithm, storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof.at(i) ^ clientSignature.at(i));
    const QByteArray serverKey = hmac(algorithm, saltedPassword, QByteArrayLiteral("Server Key"));
    m_expectedServerSignature = hmac(algorithm, serverKey, authMessage);
    return QByteArray(withoutProof + ",p=" + proof.toBase64());
}

Result<Done, QString> SaslScramAuth::verifyServerFinal(const QByteArray &serverFinal) const
{
    const QByteArray error = attribute(serverFinal, 'e');
    if (!error.isEmpty())
        return Text::tr("the broker refused the SCRAM proof: %1").arg(QString::fromUtf8(error));
    if (m_expectedServerSignature.isEmpty())
        return Text::tr("the SCRAM exchange ended before Cohort sent its proof");
    if (!sameBytes(QByteArray::fromBase64(attribute(serverFinal, 'v')), m_expectedServerSignature))
        return Text::tr("the broker's SCRAM signature is wrong: it does not know this user's password");
    return Done{};
}

}   // namespace cohort
