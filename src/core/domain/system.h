#pragma once

#include "words.h"

#include <QDateTime>
#include <QString>

// The server itself: its load and the notices it sends every operator.
namespace Domain {

// Server infrastructure load: a system_health event and the one item of a
// `health` snapshot.
struct ServerHealth
{
    double cpu = 0.0; // percent
    double memory = 0.0; // percent
    double storage = 0.0; // percent
    QDateTime timestamp; // invalid when the server gives none
};

enum class SystemAlertLevel { Info, Warning, Error };

// A notification for every operator; not an alarm, nothing to acknowledge.
struct SystemAlert
{
    QString message;
    SystemAlertLevel level = SystemAlertLevel::Info;
    QDateTime timestamp; // invalid when the server gives none
};

// The words of its enumerations, as the wire and the store spell them.
inline constexpr auto kAlertLevels = std::to_array<std::pair<SystemAlertLevel, QStringView>>({
    {SystemAlertLevel::Info, u"info"},
    {SystemAlertLevel::Warning, u"warning"},
    {SystemAlertLevel::Error, u"error"},
});

} // namespace Domain
