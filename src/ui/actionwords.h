#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

// The two action words of an on/off endpoint, for its buttons and its
// confirmation ("Start?"): what a click does, never the state it is in,
// which the control shows apart. From the device's kind as the server names
// it: a pump, motor, fan, compressor, agitator, mixer or conveyor is
// started and stopped; a valve, damper or gate is opened and closed;
// anything else is switched on and off. A profile's mapping (the
// [commands] action-words key) overrides them, by endpoint id or by kind.
class ActionWords
{
    Q_DECLARE_TR_FUNCTIONS(ActionWords)

public:
    QString on; // the action that sets the endpoint true ("Start")
    QString off; // the action that sets it false ("Stop")

    // The words for a device of this kind (case and surrounding space ignored).
    static ActionWords forDeviceKind(const QString &kind);
    // The words for one endpoint: the mapping's for its id, else the
    // mapping's for its device's kind (case ignored), else forDeviceKind().
    static ActionWords forEndpoint(const QString &endpointId, const QString &kind,
                                   const QHash<QString, ActionWords> &mapping);
    // The action that asks for `value` (true: on, false: off).
    QString forValue(bool value) const { return value ? on : off; }
};
