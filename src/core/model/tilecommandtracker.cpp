#include "tilecommandtracker.h"

#include "domain/commandstate.h"

#include <utility>

namespace {

bool isSet(const Domain::EndpointValue &value)
{
    return !std::holds_alternative<std::monostate>(value);
}

} // namespace

TileCommandTracker::TileCommandTracker(qsizetype finishedMemory, std::function<bool(const QString &)> isShown)
    : m_finishedMemory(finishedMemory)
    , m_isShown(std::move(isShown))
{ }

const TileCommandTracker::Pending &TileCommandTracker::pendingOn(const QString &endpointId) const
{
    static const Pending none;
    const auto it = m_pending.constFind(endpointId);
    return it == m_pending.cend() ? none : *it;
}

TileCommandTracker::Changes TileCommandTracker::apply(const QList<Domain::CommandStatus> &updates, bool sending,
                                                      qint64 nowMs)
{
    QHash<QString, Pending> before; // by endpointId, as each was before the batch
    const auto touch = [&](const QString &endpointId) -> Pending & {
        Pending &state = m_pending[endpointId];
        if (!before.contains(endpointId))
            before.insert(endpointId, state);
        return state;
    };
    // Clears the command from its endpoint if it is still the one pending there.
    const auto clearPending = [&](const QString &commandId) {
        const QString endpointId = m_endpointOf.take(commandId);
        m_own.remove(commandId);
        if (!m_isShown(endpointId) || pendingOn(endpointId).commandId != commandId)
            return;
        Pending &state = touch(endpointId);
        const qint64 heardMs = state.heardMs;
        state = {};
        state.heardMs = heardMs;
    };

    for (const auto &update : updates) {
        if (isFinished(update.commandId))
            continue; // a late duplicate
        if (!sending && Domain::isFinal(update.status)) {
            clearPending(update.commandId);
            rememberFinished(update.commandId);
            continue;
        }
        const QString endpointId = update.endpointId.isEmpty() ? endpointOf(update.commandId) : update.endpointId;
        if (!m_isShown(endpointId))
            continue;
        if (m_endpointOf.value(update.commandId, endpointId) != endpointId) {
            const bool own = m_own.contains(update.commandId);
            clearPending(update.commandId); // the command names another endpoint now
            if (own)
                m_own.insert(update.commandId);
        }
        Pending &state = touch(endpointId);
        if (state.commandId != update.commandId) {
            // The latest command to the endpoint is the one it shows.
            if (!state.commandId.isEmpty())
                m_endpointOf.remove(state.commandId);
            state.commandId = update.commandId;
            state.value = update.requestedValue;
            state.status.reset();
            state.unconfirmed = false;
        } else if (isSet(update.requestedValue)) {
            state.value = update.requestedValue;
        }
        if (!sending)
            state.status = update.status;
        state.own = m_own.contains(update.commandId);
        state.heardMs = nowMs;
        m_endpointOf.insert(update.commandId, endpointId);
    }

    Changes changes;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const Pending &now = m_pending.value(it.key());
        const Pending &was = it.value();
        unsigned change = 0;
        if (now.commandId != was.commandId)
            change |= CommandChanged;
        if (now.value != was.value)
            change |= ValueChanged;
        if (now.status != was.status)
            change |= StatusChanged;
        if (now.own != was.own)
            change |= OwnChanged;
        if (now.unconfirmed != was.unconfirmed)
            change |= UnconfirmedChanged;
        if (change)
            changes.insert(it.key(), change);
    }
    return changes;
}

TileCommandTracker::Changes TileCommandTracker::noteUnconfirmed(const QString &commandId)
{
    const QString endpointId = endpointOf(commandId);
    if (!m_isShown(endpointId))
        return {};
    const Pending &state = pendingOn(endpointId);
    if (state.commandId != commandId || state.unconfirmed)
        return {};
    m_pending[endpointId].unconfirmed = true;
    return {{endpointId, UnconfirmedChanged}};
}

TileCommandTracker::Changes TileCommandTracker::release(const QList<QString> &commandIds)
{
    Changes changes;
    for (const QString &commandId : commandIds) {
        const QString endpointId = m_endpointOf.take(commandId);
        m_own.remove(commandId);
        if (!m_isShown(endpointId) || pendingOn(endpointId).commandId != commandId)
            continue;
        Pending &state = m_pending[endpointId];
        unsigned change = CommandChanged | OwnChanged;
        if (isSet(state.value))
            change |= ValueChanged;
        if (state.status)
            change |= StatusChanged;
        if (state.unconfirmed)
            change |= UnconfirmedChanged;
        const qint64 heardMs = state.heardMs;
        state = {};
        state.heardMs = heardMs;
        changes.insert(endpointId, change);
    }
    return changes;
}

QList<QString> TileCommandTracker::foreignExcept(const QSet<QString> &listed) const
{
    QList<QString> foreign;
    for (auto it = m_endpointOf.cbegin(); it != m_endpointOf.cend(); ++it) {
        if (!m_own.contains(it.key()) && !listed.contains(it.key()))
            foreign.append(it.key());
    }
    return foreign;
}

QList<QString> TileCommandTracker::foreignQuietFor(qint64 expiryMs, qint64 nowMs) const
{
    QList<QString> quiet;
    for (const Pending &state : m_pending) {
        if (!state.commandId.isEmpty() && !state.own && nowMs - state.heardMs >= expiryMs)
            quiet.append(state.commandId);
    }
    return quiet;
}

void TileCommandTracker::forgetEndpoint(const QString &endpointId)
{
    const Pending state = m_pending.take(endpointId);
    if (!state.commandId.isEmpty() && m_endpointOf.value(state.commandId) == endpointId) {
        m_endpointOf.remove(state.commandId);
        m_own.remove(state.commandId);
    }
}

void TileCommandTracker::clear()
{
    m_pending.clear();
    m_endpointOf.clear();
    m_own.clear();
    m_finished.clear();
    m_finishedOrder.clear();
}

void TileCommandTracker::rememberFinished(const QString &commandId)
{
    if (m_finished.contains(commandId))
        return;
    m_finished.insert(commandId);
    m_finishedOrder.append(commandId);
    if (m_finishedOrder.size() > m_finishedMemory)
        m_finished.remove(m_finishedOrder.takeFirst());
}
