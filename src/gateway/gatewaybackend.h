#pragma once

#include "plantevent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Contract: what a front end of the reference server other than its own
// WebSocket (the REST fallback) may ask of the server behind it: the same
// tokens, roles, plant and publish path as the WebSocket, and one
// server-wide journal that numbers every event, so that a `seq` means the
// same from one call to the next. GatewayServer implements it; a front end holds
// a GatewayBackend and never the server itself. New events are announced by
// whoever composes the two (GatewayHost), not through this interface.
class GatewayBackend
{
public:
    struct Outcome
    {
        QJsonObject data; // the result, when error is empty
        QJsonObject error; // code, message and, for interlocks, reason
        PlantEvents events; // what it caused
        QString activity; // the user_activity action to publish; empty: none
        QString target;
        bool repeated = false; // answered from memory: a request id already run
    };

    virtual ~GatewayBackend() = default;

    // The role a token grants; nothing for an unknown token.
    virtual std::optional<QString> roleForToken(const QString &token) const = 0;
    // Whether `role` may do what needs `minimum` (viewer < operator < admin).
    static bool roleAllows(const QString &role, const QString &minimum);
    // What a request type does, for a refusal ("shelve alarms"); "do this" for any other.
    static QString actionWords(const QString &type);
    // {"seq": the journal's, "channels": {channel: snapshot items}}
    virtual QJsonObject snapshotAll() const = 0;
    virtual QJsonObject stats() const = 0;
    virtual quint64 journalSeq() const = 0;
    // The journal's events after `seq`; nothing when they are no longer kept.
    virtual std::optional<QList<QJsonObject>> journalAfter(quint64 seq) const = 0;
    // Runs a `command`, `ack_alarm`, `shelve_alarm` or `unshelve_alarm`
    // request as the WebSocket does, for `operatorName`, and publishes what
    // it caused.
    virtual Outcome perform(const QString &operatorName, const QString &type, const QJsonObject &request) = 0;

protected:
    GatewayBackend() = default;
    GatewayBackend(const GatewayBackend &) = default;
    GatewayBackend &operator=(const GatewayBackend &) = default;
};
