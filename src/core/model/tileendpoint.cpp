#include "tileendpoint.h"

#include "domain/endpointfact.h"

#include "metrichistory.h"
#include "staleness.h"
#include "tilecommandtracker.h"

#include <QVariantMap>

#include <algorithm>

using Domain::EndpointValue;

namespace {

bool sameInterlocks(const QList<Domain::Interlock> &a, const QList<Domain::Interlock> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const auto &x, const auto &y) {
        return x.id == y.id && x.description == y.description && x.target == y.target
            && x.requiredEndpointId == y.requiredEndpointId && x.op == y.op && x.requiredValue == y.requiredValue;
    });
}

QVariantList interlocksToVariant(const QList<Domain::Interlock> &interlocks)
{
    QVariantList out;
    out.reserve(interlocks.size());
    for (const auto &i : interlocks) {
        out.append(QVariantMap {
            {QStringLiteral("id"), i.id},
            {QStringLiteral("description"), i.description},
            {QStringLiteral("requiredEndpointId"), i.requiredEndpointId},
            {QStringLiteral("op"), int(i.op)},
            {QStringLiteral("requiredValue"), EndpointFact::toVariant(i.requiredValue)},
        });
    }
    return out;
}

bool isSet(const EndpointValue &value)
{
    return !std::holds_alternative<std::monostate>(value);
}

bool isLost(Domain::Quality quality)
{
    return quality == Domain::Quality::Stale;
}

// Both times known, and `a` the later.
bool knownLater(const QDateTime &a, const QDateTime &b)
{
    return a.isValid() && b.isValid() && a > b;
}

} // namespace

QList<int> TileEndpoint::rolesOf(RoleMask mask)
{
    QList<int> roles;
    if (mask & kDisplayBit)
        roles.append(Qt::DisplayRole);
    for (int role = TileModel::NodeKindRole; role <= TileModel::TrendRole; ++role) // TrendRole: the last
        if (mask & bit(TileModel::Role(role)))
            roles.append(role);
    return roles;
}

TileEndpoint::RoleMask TileEndpoint::pendingRoles(unsigned commandChanges)
{
    using C = TileCommandTracker::Change;
    RoleMask mask = 0;
    if (commandChanges & C::CommandChanged)
        mask |= bit(TileModel::PendingCommandIdRole) | bit(TileModel::PendingOwnRole);
    if (commandChanges & C::ValueChanged)
        mask |= bit(TileModel::PendingValueRole);
    if (commandChanges & C::StatusChanged)
        mask |= bit(TileModel::PendingStatusRole);
    if (commandChanges & C::OwnChanged)
        mask |= bit(TileModel::PendingOwnRole);
    if (commandChanges & C::UnconfirmedChanged)
        mask |= bit(TileModel::PendingUnconfirmedRole);
    return mask;
}

QVariant TileEndpoint::data(int role, const StalenessPolicy &staleness) const
{
    switch (role) {
    case TileModel::ValueRole:
        return EndpointFact::toVariant(meta.value);
    case TileModel::UnitRole:
        return unit();
    case TileModel::ValueTypeRole:
        return int(meta.valueType);
    case TileModel::WritableRole:
        return meta.writable;
    case TileModel::CriticalRole:
        return meta.critical;
    case TileModel::MinRole:
        return EndpointFact::toVariant(meta.min);
    case TileModel::MaxRole:
        return EndpointFact::toVariant(meta.max);
    case TileModel::StepRole:
        return EndpointFact::toVariant(meta.step);
    case TileModel::OptionsRole:
        return meta.options;
    case TileModel::InterlocksRole:
        return interlocksToVariant(interlocks);
    case TileModel::LastUpdateRole:
        return meta.timestamp.isValid() ? QVariant(meta.timestamp) : QVariant();
    case TileModel::StaleRole:
        return stale;
    case TileModel::AgeRole:
        return staleness.now() - heardMs;
    case TileModel::QualityRole:
        return int(meta.quality);
    case TileModel::QualityReasonRole:
        return meta.qualityReason;
    }
    return {};
}

bool TileEndpoint::judge(const StalenessPolicy &staleness, qint64 now) const
{
    return isLost(meta.quality) || staleness.isStale(heardMs, now);
}

void TileEndpoint::list(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards,
                        const std::optional<OrphanBuffer::Entry> &early, const StalenessPolicy &staleness,
                        MetricHistory &history)
{
    // A new endpoint counts as heard when the snapshot that lists it arrives.
    const qint64 now = staleness.now();
    meta = endpoint;
    meta.value = {};
    meta.timestamp = {};
    meta.quality = Domain::Quality::Good;
    meta.qualityReason.clear();
    heardMs = now;
    stale = staleness.isStale(now, now);
    interlocks = guards;
    const bool snapshotHasValue = isSet(endpoint.value);
    if (isLost(endpoint.quality))
        markLost(endpoint.value, endpoint.timestamp, endpoint.qualityReason);
    else if (snapshotHasValue)
        setValue(endpoint.value, endpoint.timestamp, now, staleness, history);

    // Telemetry that came before the endpoint did: it wins unless the
    // snapshot's own value is known to be newer. Erring on the safe side: a
    // lost source stands unless the snapshot's good value is known newer,
    // and a good reading ends the snapshot's lost source only when it is
    // known newer.
    if (early) {
        const Domain::Telemetry &t = early->telemetry;
        bool wins = false;
        if (isLost(t.quality))
            wins = isLost(endpoint.quality) || !snapshotHasValue || !knownLater(endpoint.timestamp, t.timestamp);
        else if (isLost(endpoint.quality))
            wins = knownLater(t.timestamp, endpoint.timestamp);
        else
            wins = !snapshotHasValue
                || (t.timestamp.isValid() && endpoint.timestamp.isValid() && t.timestamp >= endpoint.timestamp);
        if (wins)
            take(t, early->arrivedUtc, now, staleness, history);
    }
}

void TileEndpoint::carry(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards)
{
    const EndpointValue value = meta.value;
    const QDateTime time = meta.timestamp;
    const Domain::Quality quality = meta.quality;
    const QString reason = meta.qualityReason;
    meta = endpoint;
    meta.value = value;
    meta.timestamp = time;
    meta.quality = quality;
    meta.qualityReason = reason;
    interlocks = guards;
}

TileEndpoint::RoleMask TileEndpoint::update(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards,
                                            const StalenessPolicy &staleness, MetricHistory &history)
{
    RoleMask mask = 0;
    if (meta.name != endpoint.name) {
        meta.name = endpoint.name;
        mask |= kNameBits;
    }
    const QString unitBefore = unit();
    meta.unit = endpoint.unit;
    if (unit() != unitBefore)
        mask |= kUnitBits;
    if (meta.valueType != endpoint.valueType) {
        meta.valueType = endpoint.valueType;
        mask |= bit(TileModel::ValueTypeRole);
    }
    if (meta.writable != endpoint.writable) {
        meta.writable = endpoint.writable;
        mask |= bit(TileModel::WritableRole);
    }
    if (meta.critical != endpoint.critical) {
        meta.critical = endpoint.critical;
        mask |= bit(TileModel::CriticalRole);
    }
    if (meta.min != endpoint.min) {
        meta.min = endpoint.min;
        mask |= bit(TileModel::MinRole);
    }
    if (meta.max != endpoint.max) {
        meta.max = endpoint.max;
        mask |= bit(TileModel::MaxRole);
    }
    if (meta.step != endpoint.step) {
        meta.step = endpoint.step;
        mask |= bit(TileModel::StepRole);
    }
    if (meta.options != endpoint.options) {
        meta.options = endpoint.options;
        mask |= bit(TileModel::OptionsRole);
    }
    if (!sameInterlocks(interlocks, guards)) {
        interlocks = guards;
        mask |= bit(TileModel::InterlocksRole);
    }

    // The value the endpoint has stays; the snapshot's only fills in one it
    // lacks, or replaces one it knows to be older. A snapshot that says the
    // source is lost makes it stale; one that gives a good value while the
    // source is lost ends that, its value replacing the untrusted one.
    const bool newer = isSet(endpoint.value) && (!isSet(meta.value) || knownLater(endpoint.timestamp, meta.timestamp));
    const Seen before = seen();
    if (isLost(endpoint.quality)) {
        markLost(newer ? endpoint.value : EndpointValue(), endpoint.timestamp, endpoint.qualityReason);
        mask |= changedSince(before) & ~bit(TileModel::AgeRole); // no news: it ages on
    } else if (newer || (isSet(endpoint.value) && isLost(meta.quality))) {
        meta.quality = Domain::Quality::Good;
        meta.qualityReason.clear();
        setValue(endpoint.value, endpoint.timestamp, staleness.now(), staleness, history, newer);
        mask |= changedSince(before);
    }
    return mask;
}

void TileEndpoint::apply(const Domain::Telemetry &telemetry, const QDateTime &nowUtc, qint64 nowMs,
                         const StalenessPolicy &staleness, MetricHistory &history)
{
    take(telemetry, nowUtc, nowMs, staleness, history);
}

void TileEndpoint::take(const Domain::Telemetry &telemetry, const QDateTime &fallbackTime, qint64 heard,
                        const StalenessPolicy &staleness, MetricHistory &history)
{
    if (!telemetry.unit.isEmpty())
        telemetryUnit = telemetry.unit;
    if (isLost(telemetry.quality)) {
        markLost(telemetry.value, telemetry.timestamp, telemetry.qualityReason);
        return;
    }
    meta.quality = Domain::Quality::Good;
    meta.qualityReason.clear();
    setValue(telemetry.value, telemetry.timestamp.isValid() ? telemetry.timestamp : fallbackTime, heard, staleness,
             history);
}

TileEndpoint::RoleMask TileEndpoint::changedSince(const Seen &before) const
{
    RoleMask mask = bit(TileModel::AgeRole); // heard from: its age starts over
    if (meta.value != before.value)
        mask |= kValueBits;
    if (meta.timestamp != before.time)
        mask |= kLastUpdateBits;
    if (unit() != before.unit)
        mask |= kUnitBits;
    if (stale != before.stale)
        mask |= bit(TileModel::StaleRole);
    if (meta.quality != before.quality || meta.qualityReason != before.qualityReason)
        mask |= kQualityBits;
    return mask;
}

void TileEndpoint::setValue(const EndpointValue &value, const QDateTime &time, qint64 heard,
                            const StalenessPolicy &staleness, MetricHistory &history, bool record)
{
    const QDateTime at = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    meta.value = value;
    meta.timestamp = at;
    heardMs = heard;
    stale = judge(staleness, heard);
    if (!record)
        return;
    if (const std::optional<double> number = EndpointFact::toNumber(value))
        history.append(meta.endpointId, TileModel::kHistoryMetric, at.toMSecsSinceEpoch(), *number);
}

void TileEndpoint::markLost(const EndpointValue &value, const QDateTime &time, const QString &reason)
{
    meta.quality = Domain::Quality::Stale;
    meta.qualityReason = reason;
    stale = true;
    if (!isSet(value))
        return; // nothing new to show: the last value and its time stay
    // The last known value, with its time; without one, a time that went
    // with another value would be wrong for it.
    if (time.isValid())
        meta.timestamp = time.toUTC();
    else if (value != meta.value)
        meta.timestamp = {};
    meta.value = value;
}
