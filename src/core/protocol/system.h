#pragma once

#include <QDateTime>
#include <QString>

// The server itself: its load and the notices it sends every operator.
namespace Protocol {

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

} // namespace Protocol
