#pragma once

#include "domain/plant.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

// Contract: which command is pending on which endpoint of the control panel,
// and which commands have finished. Statuses are applied in arrival order;
// one that is not final marks its command pending on its endpoint (the
// latest command to an endpoint wins), a final one clears it and is
// remembered, so that later statuses of the same command are ignored. At
// most `finishedMemory` finished commands are remembered: past that, the
// oldest is forgotten. Statuses for endpoints the panel does not show (as
// told by `isShown`) are ignored. Every change is reported per endpoint, as
// Change bits, so that the model can tell its views exactly what changed.
class TileCommandTracker
{
public:
    // What an endpoint shows of the command pending on it.
    struct Pending
    {
        QString commandId; // empty while none is pending
        Domain::EndpointValue value; // what the command asks for
        std::optional<Domain::CommandState> status; // the server's word; none while still being sent
        bool own = false; // this console's
        bool unconfirmed = false; // handed to a server that confirms nothing
        qint64 heardMs = 0; // when the command was last heard of (monotonic)
    };

    enum Change : unsigned {
        CommandChanged = 1u << 0, // another command (or none) is pending
        ValueChanged = 1u << 1,
        StatusChanged = 1u << 2,
        OwnChanged = 1u << 3,
        UnconfirmedChanged = 1u << 4,
    };
    using Changes = QHash<QString, unsigned>; // endpointId → Change bits; only endpoints that changed

    TileCommandTracker(qsizetype finishedMemory, std::function<bool(const QString &)> isShown);

    // What is pending on the endpoint; an empty Pending while nothing is.
    const Pending &pendingOn(const QString &endpointId) const;
    // The endpoint the command is pending on; empty while it is on none.
    QString endpointOf(const QString &commandId) const { return m_endpointOf.value(commandId); }
    bool isFinished(const QString &commandId) const { return m_finished.contains(commandId); }
    qsizetype finishedMemory() const { return m_finishedMemory; }

    // The command is this console's.
    void markOwn(const QString &commandId) { m_own.insert(commandId); }
    // Applies statuses in order. While `sending`, they come from this
    // console as it sends, with no word of the server's yet: none counts as
    // final and none sets a status. nowMs stamps when each was heard of.
    Changes apply(const QList<Domain::CommandStatus> &updates, bool sending, qint64 nowMs);
    // The command went to a server that confirms nothing.
    Changes noteUnconfirmed(const QString &commandId);
    // The commands stop showing pending, without counting as finished.
    Changes release(const QList<QString> &commandIds);

    // Other consoles' pending commands not in `listed`.
    QList<QString> foreignExcept(const QSet<QString> &listed) const;
    // Other consoles' pending commands not heard of for expiryMs or longer.
    QList<QString> foreignQuietFor(qint64 expiryMs, qint64 nowMs) const;

    // The endpoint is gone from the panel: what was pending on it goes too.
    void forgetEndpoint(const QString &endpointId);
    void clear();

private:
    void rememberFinished(const QString &commandId);

    qsizetype m_finishedMemory;
    std::function<bool(const QString &)> m_isShown;
    QHash<QString, Pending> m_pending; // by endpointId
    QHash<QString, QString> m_endpointOf; // commandId → the endpoint it is pending on
    QSet<QString> m_own; // commands this console is sending or waiting for
    QSet<QString> m_finished;
    QList<QString> m_finishedOrder; // oldest first
};
