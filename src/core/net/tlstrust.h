#pragma once

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

#include <optional>

// What a link trusts on TLS (wss://, and https:// for the REST fallback and
// the primary probe): the system's CAs plus the profile's CA file. A CA file
// that holds no readable certificate is an error, never ignored. It also
// words a refused certificate for the operator: why, and which certificate.
// Stateless; any thread.
class TlsTrust
{
public:
    // Nothing, with `error` set, when `caFile` is given but unusable.
    static std::optional<QSslConfiguration> configuration(const QString &caFile, QString *error);
    // The operator's explanation of a certificate refused with `errors`.
    static QString refusal(const QList<QSslError> &errors);
};
