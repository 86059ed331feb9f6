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
    }
    return {};
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
    heardMs = now;
    stale = staleness.isStale(now, now);
    interlocks = guards;
    const bool snapshotHasValue = isSet(endpoint.value);
    if (snapshotHasValue)
        setValue(endpoint.value, endpoint.timestamp, now, staleness, history);

    // Telemetry that came before the endpoint did: it wins unless the
    // snapshot's own value is known to be newer.
    if (early) {
        const Domain::Telemetry &t = early->telemetry;
        if (!snapshotHasValue
            || (t.timestamp.isValid() && endpoint.timestamp.isValid() && t.timestamp >= endpoint.timestamp)) {
            setValue(t.value, t.timestamp.isValid() ? t.timestamp : early->arrivedUtc, now, staleness, history);
            if (!t.unit.isEmpty())
                telemetryUnit = t.unit;
        }
    }
}

void TileEndpoint::carry(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards)
{
    const EndpointValue value = meta.value;
    const QDateTime time = meta.timestamp;
    meta = endpoint;
    meta.value = value;
    meta.timestamp = time;
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
    // lacks, or replaces one it knows to be older.
    if (isSet(endpoint.value)
        && (!isSet(meta.value)
            || (endpoint.timestamp.isValid() && meta.timestamp.isValid() && endpoint.timestamp > meta.timestamp))) {
        const EndpointValue valueBefore = meta.value;
        const QDateTime timeBefore = meta.timestamp;
        const bool staleBefore = stale;
        setValue(endpoint.value, endpoint.timestamp, staleness.now(), staleness, history);
        mask |= bit(TileModel::AgeRole);
        if (meta.value != valueBefore)
            mask |= kValueBits;
        if (meta.timestamp != timeBefore)
            mask |= kLastUpdateBits;
        if (stale != staleBefore)
            mask |= bit(TileModel::StaleRole);
    }
    return mask;
}

void TileEndpoint::apply(const Domain::Telemetry &telemetry, const QDateTime &nowUtc, qint64 nowMs,
                         const StalenessPolicy &staleness, MetricHistory &history)
{
    if (!telemetry.unit.isEmpty())
        telemetryUnit = telemetry.unit;
    setValue(telemetry.value, telemetry.timestamp.isValid() ? telemetry.timestamp : nowUtc, nowMs, staleness, history);
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
    return mask;
}

void TileEndpoint::setValue(const EndpointValue &value, const QDateTime &time, qint64 heard,
                            const StalenessPolicy &staleness, MetricHistory &history)
{
    const QDateTime at = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    meta.value = value;
    meta.timestamp = at;
    heardMs = heard;
    stale = staleness.isStale(heard, heard);
    if (const std::optional<double> number = EndpointFact::toNumber(value))
        history.append(meta.endpointId, TileModel::kHistoryMetric, at.toMSecsSinceEpoch(), *number);
}
