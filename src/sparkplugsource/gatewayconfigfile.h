#pragma once

#include "gatewayoptions.h"
#include "sparkplugsourceconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// The configuration file of watchfloor-gateway: one INI-style file (syntax in
// IniDocument) that says how the gateway serves consoles (GatewayOptions:
// [gateway], [tokens]) and which Sparkplug B plant it serves
// (SparkplugSourceConfig: [broker], [sparkplug], [tile], [device],
// [endpoint], [alarm], [interlock], [machine], [drone]). docs/gateway.md,
// "Configuration reference", describes every section and key.
//
// The contract:
//   - read() either returns a configuration in which every key given was
//     understood and every rule holds, or nothing: never a half-filled one;
//   - on failure, `errors` receives every mistake found, not only the first,
//     in the order of their lines, each naming the file as given, the line,
//     the section and the key: `gateway.ini:42: [endpoint Tank1.Level] min:
//     "abc" is not a number`. A mistake that belongs to no line (a missing
//     section) names the file only;
//   - unknown sections and keys are mistakes, and so is a key given twice;
//   - files the configuration names (tokens, TLS certificate and key, broker
//     password) are relative to the configuration file's folder, and are read
//     by read() itself;
//   - no error message contains a token or a password.
class GatewayConfigFile
{
public:
    static std::optional<GatewayConfigFile> read(const QString &path, QStringList *errors);
    // The same for text already read; `path` names it in errors and is the
    // base of the relative file names.
    static std::optional<GatewayConfigFile> parse(const QByteArray &text, const QString &path, QStringList *errors);

    const GatewayOptions &options() const { return m_options; }
    const SparkplugSourceConfig &source() const { return m_source; }

private:
    GatewayOptions m_options;
    SparkplugSourceConfig m_source;
};
