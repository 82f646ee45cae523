// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/TlsSettings.h"

#include <QCoreApplication>
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

// librdkafka's booleans: true/t/1 and false/f/0, any case.
bool isFalse(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("false") || v == QLatin1String("f") || v == QLatin1String("0");
}

}   // namespace

TlsSettings TlsSettings::fromProperties(const QList<QPair<QString, QString>> &properties)
{
    TlsSettings out;
    for (const auto &[key, value] : properties) {
        if (key == QLatin1String("ssl.ca.location"))
            out.caFile = value.trimmed();
        else if (key == QLatin1String("ssl.certificate.location"))
            out.certificateFile = value.trimmed();
        else if (key == QLatin1String("ssl.key.location"))
            out.keyFile = value.trimmed();
        else if (key == QLatin1String("ssl.key.password"))
            out.keyPassword = value;
        else if (key == QLatin1String("enable.ssl.certificate.verification"))
            out.verifyCertificate = !isFalse(value);
        else if (key == QLatin1String("ssl.endpoint.identification.algorithm"))
            out.verifyHostName = value.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) != 0;
    }
    return out;
}

void TlsSettings::configure(QSslSocket &socket) const
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
        // chain but not the name, and so does Cohort.
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [s = &socket](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                if (e.error() != QSslError::HostNameMismatch)
                    return;
            s->ignoreSslErrors();
        });
    }
}

QString TlsSettings::handshakeFailure(const QSslSocket &socket, const QString &where)
{
    // The texts of ConnectionDiagnosis (core/connection), which judges the
    // same refusals after a librdkafka failure: one wording, one translation.
    QStringList why;
    bool hostNameMismatch = false;
    const QList<QSslError> errors = socket.sslHandshakeErrors();
    for (const QSslError &e : errors) {
        why << e.errorString();
        hostNameMismatch = hostNameMismatch || e.error() == QSslError::HostNameMismatch;
    }
    if (hostNameMismatch && errors.size() == 1)
        return QCoreApplication::translate("ConnectionDiagnosis", "The TLS certificate of %1 does not name \"%2\": %3.")
            .arg(where, socket.peerVerifyName().isEmpty() ? socket.peerName() : socket.peerVerifyName(), why.join(QLatin1String("; ")));
    if (!errors.isEmpty())
        return QCoreApplication::translate("ConnectionDiagnosis", "The TLS certificate of %1 was not accepted: %2.")
            .arg(where, why.join(QLatin1String("; ")));
    return QCoreApplication::translate("TlsSettings", "The TLS handshake with %1 failed: %2.").arg(where, socket.errorString());
}

}   // namespace cohort
