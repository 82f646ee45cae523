// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/RelayUpstream.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace cohort {

namespace {

// The client's key as librdkafka reads it: PEM, RSA or EC.
QSslKey privateKey(const QString &file, const QString &password)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = f.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec})
        if (QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, password.toUtf8()); !key.isNull())
            return key;
    return {};
}

}   // namespace

void RelayUpstream::configure(QSslSocket &socket) const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(verifyCertificate ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    if (!caFile.isEmpty())
        config.setCaCertificates(QSslCertificate::fromPath(caFile, QSsl::Pem));
    if (!certificateFile.isEmpty() && !keyFile.isEmpty()) {
        config.setLocalCertificate(QSslCertificate::fromPath(certificateFile, QSsl::Pem).value(0));
        config.setPrivateKey(privateKey(keyFile, keyPassword));
    }
    socket.setSslConfiguration(config);
    if (verifyCertificate && !verifyHostName) {
        // ssl.endpoint.identification.algorithm=none: librdkafka checks the
        // chain but not the name, and so does the relay.
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [s = &socket](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                if (e.error() != QSslError::HostNameMismatch)
                    return;
            s->ignoreSslErrors();
        });
    }
}

}   // namespace cohort
