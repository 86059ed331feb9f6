#include "gatewayoptions.h"

#include <QFile>
#include <QSslKey>

std::optional<QString> GatewayOptions::loadTokensFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine());
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        if (words.size() < 2)
            return QStringLiteral("%1:%2: expected \"token role\"").arg(path).arg(lineNumber);
        const QString &role = words.at(1);
        if (role != u"viewer" && role != u"operator" && role != u"admin")
            return QStringLiteral("%1:%2: role must be viewer, operator or admin, not \"%3\"")
                .arg(path)
                .arg(lineNumber)
                .arg(role);
        tokens.insert(words.at(0), role);
    }
    if (tokens.isEmpty())
        return QStringLiteral("%1: no tokens").arg(path);
    return std::nullopt;
}

std::optional<QString> GatewayOptions::loadTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read: %2").arg(certificatePath, certificateFile.errorString());
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    if (certificate.isNull())
        return QStringLiteral("%1: not a PEM certificate").arg(certificatePath);

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read: %2").arg(keyPath, keyFile.errorString());
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return QStringLiteral("%1: not an unencrypted PEM private key (RSA or EC)").arg(keyPath);
    tlsCertificate = certificate;
    tlsKey = key;
    return std::nullopt;
}
