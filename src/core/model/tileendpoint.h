#pragma once

#include "domain/plant.h"
#include "orphanbuffer.h"
#include "tilemodel.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class MetricHistory;
class StalenessPolicy;

// Contract: the live part of one control-panel endpoint, and every change
// to it reporting exactly which of TileModel's roles it changed (a
// RoleMask). `meta` is its metadata from the latest `tiles` snapshot, with
// the current value and its time in meta.value and meta.timestamp; the unit
// the latest telemetry named stands in while the snapshot names none. A
// value made current takes its own time (UTC; now when it has none), makes
// the endpoint heard of, and, when numeric (bools as 0 and 1), goes to the
// history as TileModel::kHistoryMetric. Commands pending on the endpoint are
// kept by TileCommandTracker, not here.
//
// A report of quality stale (telemetry, or the snapshot's endpoint) makes the
// endpoint stale at once, whatever its age, until a good report with a value
// comes (meta.quality and meta.qualityReason say so meanwhile). It is no new
// reading: it adds nothing to the history and the endpoint's age goes on; a
// value it carries is shown as the last known one, with the report's time,
// and one it lacks leaves the value and time as they were. The age rule
// applies besides, as ever.
class TileEndpoint
{
public:
    using RoleMask = quint32; // one bit per TileModel::Role, and the top bit for Qt::DisplayRole
    static constexpr RoleMask kDisplayBit = 1u << 31;
    static constexpr RoleMask bit(TileModel::Role role) { return 1u << (role - TileModel::NodeKindRole); }
    static_assert(TileModel::TrendRole - TileModel::NodeKindRole < 31, "one bit per role, below the display bit");
    // A role shown in a column counts for Qt::DisplayRole too. A new value or
    // time is a new sample of a numeric endpoint's trend.
    static constexpr RoleMask kTrendBit = 1u << (TileModel::TrendRole - TileModel::NodeKindRole);
    static constexpr RoleMask kValueBits
        = 1u << (TileModel::ValueRole - TileModel::NodeKindRole) | kDisplayBit | kTrendBit;
    static constexpr RoleMask kLastUpdateBits
        = 1u << (TileModel::LastUpdateRole - TileModel::NodeKindRole) | kDisplayBit | kTrendBit;
    static constexpr RoleMask kUnitBits = 1u << (TileModel::UnitRole - TileModel::NodeKindRole) | kDisplayBit;
    static constexpr RoleMask kNameBits = 1u << (TileModel::NameRole - TileModel::NodeKindRole) | kDisplayBit;
    static constexpr RoleMask kQualityBits = 1u << (TileModel::QualityRole - TileModel::NodeKindRole)
        | 1u << (TileModel::QualityReasonRole - TileModel::NodeKindRole);
    // The roles of a mask: Qt::DisplayRole first, then TileModel's in order.
    static QList<int> rolesOf(RoleMask mask);
    // The roles a change of the pending command touches (TileCommandTracker::Change bits).
    static RoleMask pendingRoles(unsigned commandChanges);

    // What telemetry may change, as it was before a batch.
    struct Seen
    {
        Domain::EndpointValue value;
        QDateTime time;
        QString unit;
        bool stale = false;
        Domain::Quality quality = Domain::Quality::Good;
        QString qualityReason;
    };

    Domain::Endpoint meta;
    QString telemetryUnit; // the unit the latest telemetry named, for endpoints the snapshot gives none
    qint64 heardMs = 0;
    bool stale = false;
    QList<Domain::Interlock> interlocks;

    QString unit() const { return meta.unit.isEmpty() ? telemetryUnit : meta.unit; }
    // Whether the endpoint is stale at `now`: its source lost, or the age rule.
    bool judge(const StalenessPolicy &staleness, qint64 now) const;
    // ValueRole to AgeRole, but for the pending ones; invalid for any other.
    QVariant data(int role, const StalenessPolicy &staleness) const;

    // An endpoint a snapshot lists for the first time: heard of now, with
    // the snapshot's value, or with telemetry that came before it did
    // unless the snapshot's value is known to be newer.
    void list(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards,
              const std::optional<OrphanBuffer::Entry> &early, const StalenessPolicy &staleness,
              MetricHistory &history);
    // An endpoint a snapshot moved elsewhere: new metadata, the same value.
    void carry(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards);
    // A snapshot lists the endpoint again: its metadata follow, its value
    // only when it has none or the snapshot's is known to be newer.
    RoleMask update(const Domain::Endpoint &endpoint, const QList<Domain::Interlock> &guards,
                    const StalenessPolicy &staleness, MetricHistory &history);
    // One telemetry report; `nowUtc` stands in for a time it does not give.
    void apply(const Domain::Telemetry &telemetry, const QDateTime &nowUtc, qint64 nowMs,
               const StalenessPolicy &staleness, MetricHistory &history);
    Seen seen() const { return {meta.value, meta.timestamp, unit(), stale, meta.quality, meta.qualityReason}; }
    // What telemetry changed since `before`; AgeRole always, as it was heard of.
    RoleMask changedSince(const Seen &before) const;

private:
    // A telemetry report, good or stale; `fallbackTime` for a good one without a time.
    void take(const Domain::Telemetry &telemetry, const QDateTime &fallbackTime, qint64 heard,
              const StalenessPolicy &staleness, MetricHistory &history);
    // A good value: heard of at `heard`, and a sample of the history when `record`.
    void setValue(const Domain::EndpointValue &value, const QDateTime &time, qint64 heard,
                  const StalenessPolicy &staleness, MetricHistory &history, bool record = true);
    // The server lost the value's source: stale now; `value`, when set, is the last known one.
    void markLost(const Domain::EndpointValue &value, const QDateTime &time, const QString &reason);
};
