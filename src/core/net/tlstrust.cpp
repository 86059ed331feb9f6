#include "tlstrust.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QStringList>

std::optional<QSslConfiguration> TlsTrust::configuration(const QString &caFile, QString *error)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (caFile.isEmpty())
        return tls;
    const QList<QSslCertificate> trusted = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (trusted.isEmpty()) {
        *error = QCoreApplication::translate("ConnectionService", "the CA file %1 holds no readable PEM certificate")
                     .arg(caFile);
        return std::nullopt;
    }
    tls.setCaCertificates(tls.caCertificates() + trusted);
    return tls;
}

QString TlsTrust::refusal(const QList<QSslError> &errors)
{
    QStringList why;
    for (const QSslError &e : errors)
        why << e.errorString();
    QString text = QCoreApplication::translate("ConnectionService", "the server's certificate was refused: %1")
                       .arg(why.join(QStringLiteral("; ")));
    const QSslCertificate cert = errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
    if (!cert.isNull()) {
        text += u' '
            + QCoreApplication::translate("ConnectionService", "(subject %1, issued by %2, valid %3 to %4, SHA-256 %5)")
                  .arg(cert.subjectDisplayName(), cert.issuerDisplayName(), cert.effectiveDate().toString(Qt::ISODate),
                       cert.expiryDate().toString(Qt::ISODate),
                       QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')));
    }
    return text;
}
