// The tanks' behaviour over time: physics, published readings with their
// deadbands and refreshes, interlocks and trips, and each command's life
// cycle from submission to its final status. It runs past 500 lines because
// these all read and write the same per-tile state in one step and must stay
// in one order; the tank's fixed description is in SimTank.
#include "simplant.h"

#include "simtank.h"
#include "wiretime.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

using namespace SimTank;

static_assert(std::size(kEndpoints) == SimPlant::kEndpointsPerTile);

namespace {

const QString kDeviceNoResponse = QStringLiteral("device did not respond");

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QJsonValue orNull(double v)
{
    return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QJsonValue orNull(QStringView s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.toString());
}

double toNumber(const QJsonValue &v)
{
    return v.isBool() ? (v.toBool() ? 1.0 : 0.0) : v.toDouble();
}

} // namespace

SimPlant::SimPlant(int tiles, quint32 seed, double commandFailureRate)
    : m_failureRate(std::isnan(commandFailureRate) ? 0.0 : std::clamp(commandFailureRate, 0.0, 1.0))
    , m_random(seed)
    , m_commandRandom(seed ^ 0x9e3779b9U)
{
    const int count = std::clamp(tiles, 1, kMaxTiles);
    const qint64 endpoints = qint64(count) * kEndpointsPerTile;
    m_tiles.resize(count);
    for (int t = 0; t < count; ++t) {
        Tile &tile = m_tiles[t];
        initTile(tile, t);
        for (int f = 0; f < kEndpointsPerTile; ++f) {
            const EndpointSpec &spec = kEndpoints[f];
            tile.endpointIds[f]
                = tile.tileId + QLatin1Char('.') + kDevices[spec.device].tag + QLatin1Char('.') + spec.key;
            tile.published[f] = stateValue(tile, f);
            tile.reading[f] = tile.published[f];
            // Spread over the period, so quiet endpoints do not all refresh at once.
            tile.refreshDueMs[f] = kRefreshMs * (qint64(t) * kEndpointsPerTile + f + 1) / endpoints;
            m_endpoints.insert(tile.endpointIds[f], {t, f});
        }
    }
}

void SimPlant::initTile(Tile &tile, int index)
{
    tile.tileId = QStringLiteral("T%1").arg(index + 1);
    tile.name = QStringLiteral("Hot liquor tank %1").arg(index + 1);
    tile.mode = QStringLiteral("auto");
    // The first tile starts cold, full and idle, so there is always one to
    // start up, and tests know where they begin.
    if (index == 0)
        return;
    tile.setpoint = 65.0 + 0.5 * m_random.bounded(31);
    if (m_random.generateDouble() < 0.2)
        tile.mode = QStringLiteral("manual");
    if (m_random.generateDouble() < 0.5) {
        tile.open = true;
        tile.running = true;
        tile.heaterOn = true;
        tile.flow = kRatedFlow;
        tile.temperature = tile.setpoint - 10.0 * m_random.generateDouble();
        tile.level = 40.0 + 45.0 * m_random.generateDouble();
    } else {
        tile.temperature = kAmbient + 30.0 * m_random.generateDouble();
        tile.level = 50.0 + 40.0 * m_random.generateDouble();
    }
}

void SimPlant::adoptClock(const QDateTime &wallNow)
{
    if (m_clockKnown || !wallNow.isValid())
        return;
    m_clockKnown = true;
    for (Tile &tile : m_tiles)
        std::fill(tile.publishedAt.begin(), tile.publishedAt.end(), wallNow);
}

SimPlant::Location SimPlant::locate(const QString &endpointId) const
{
    return m_endpoints.value(endpointId);
}

QJsonValue SimPlant::stateValue(const Tile &tile, int field) const
{
    switch (Field(field)) {
    case PumpRunning:
        return tile.running;
    case PumpFlow:
        return round1(tile.flow);
    case ValveOpen:
        return tile.open;
    case HeaterOn:
        return tile.heaterOn;
    case HeaterSetpoint:
        return tile.setpoint;
    case HeaterMode:
        return tile.mode;
    case Temperature:
        return round1(tile.temperature);
    case Level:
        return round1(tile.level);
    }
    return {};
}

void SimPlant::setState(Tile &tile, int field, const QJsonValue &value)
{
    switch (Field(field)) {
    case PumpRunning:
        tile.running = value.toBool();
        break;
    case ValveOpen:
        tile.open = value.toBool();
        break;
    case HeaterOn:
        tile.heaterOn = value.toBool();
        break;
    case HeaterSetpoint:
        tile.setpoint = value.toDouble();
        break;
    case HeaterMode:
        tile.mode = value.toString();
        break;
    case PumpFlow:
    case Temperature:
    case Level:
        return;
    }
    // Switching on again is the operator's answer to a trip.
    if (value.isBool() && value.toBool())
        tile.trippedBy[field].clear();
}

void SimPlant::publish(int tile, int field, const QJsonValue &value, const QDateTime &at, qint64 atMs,
                       PlantEvents &events)
{
    Tile &t = m_tiles[tile];
    t.published[field] = value;
    t.publishedAt[field] = at;
    t.refreshDueMs[field] = atMs + kRefreshMs;
    events.append({QStringLiteral("telemetry"), t.endpointIds[field], telemetryBody(tile, field)});
}

QJsonObject SimPlant::telemetryBody(int tile, int field) const
{
    const Tile &t = m_tiles.at(tile);
    return {
        {QLatin1StringView("type"), QStringLiteral("telemetry")},
        {QLatin1StringView("endpointId"), t.endpointIds[field]},
        {QLatin1StringView("value"), t.published[field]},
        {QLatin1StringView("unit"), orNull(kEndpoints[field].unit)},
        {QLatin1StringView("timestamp"), wireTimestampOrNull(t.publishedAt[field])},
    };
}

QString SimPlant::violatedInterlock(const Tile &tile, int field, const QJsonValue &value) const
{
    // Switching off is always allowed: it is how an operator makes things safe.
    if (!value.isBool() || !value.toBool())
        return {};
    for (const InterlockSpec &interlock : kInterlocks) {
        if (interlock.target == field
            && !compare(toNumber(tile.published[interlock.required]), interlock.op, interlock.value))
            return interlock.description.toString();
    }
    return {};
}

void SimPlant::enforceInterlocks(int tile, const QDateTime &at, qint64 atMs, PlantEvents &events)
{
    Tile &t = m_tiles[tile];
    // One trip can break another interlock (valve shut, pump off, heater
    // off), so repeat until nothing changes; each pass switches one thing off.
    bool changed = true;
    while (changed) {
        changed = false;
        for (const InterlockSpec &interlock : kInterlocks) {
            if (!t.published[interlock.target].toBool()
                || compare(toNumber(t.published[interlock.required]), interlock.op, interlock.value))
                continue;
            setState(t, interlock.target, false);
            t.trippedBy[interlock.target] = interlock.description.toString();
            publish(tile, interlock.target, false, at, atMs, events);
            changed = true;
        }
    }
}

void SimPlant::advancePhysics(Tile &tile, double seconds)
{
    const bool pumping = tile.running && tile.open && tile.level > kDryLevel;
    const double targetFlow = pumping ? kRatedFlow : 0.0;
    tile.flow = targetFlow + (tile.flow - targetFlow) * std::exp(-seconds / kFlowTau);

    // Auto and manual heat alike here: the simulation has nobody who would
    // adjust the setpoint in auto. Off disables the element.
    const bool heating = tile.heaterOn && tile.mode != u"off" && tile.flow > kMinHeatingFlow;
    if (heating && tile.temperature < tile.setpoint)
        tile.temperature = std::min(tile.setpoint, tile.temperature + kHeatRate * seconds);
    else
        tile.temperature = kAmbient + (tile.temperature - kAmbient) * std::exp(-seconds / kCoolingTau);

    const double inflow = kRefillLitresPerSecond * std::clamp((kRefillClosed - tile.level) / kRefillBand, 0.0, 1.0);
    const double outflow = tile.flow / 60.0;
    tile.level = std::clamp(tile.level + (inflow - outflow) * seconds * 100.0 / kTankLitres, 0.0, 100.0);
}

void SimPlant::publishReadings(int tile, const QDateTime &wallNow, qint64 nowMs, PlantEvents &events)
{
    Tile &t = m_tiles[tile];
    for (const int field : kMeasured) {
        const EndpointSpec &spec = kEndpoints[field];
        const double truth = field == PumpFlow ? t.flow : field == Temperature ? t.temperature : t.level;
        double reading = truth + (m_random.generateDouble() - 0.5) * 2.0 * spec.noise;
        if (!std::isnan(spec.min))
            reading = std::max(spec.min, reading);
        if (!std::isnan(spec.max))
            reading = std::min(spec.max, reading);
        // A stopped pump moves nothing, and the meter says so exactly.
        if (field == PumpFlow && truth < 0.5)
            reading = 0.0;
        reading = round1(reading);
        t.reading[field] = reading;
        const double last = t.published[field].toDouble();
        // A reading that comes to rest at a bound must reach the clients even
        // inside the deadband, or a stopped pump would show 0.8 L/min forever.
        const bool restsAtBound = reading != last && (reading == spec.min || reading == spec.max);
        if (std::abs(reading - last) > spec.deadband + 1e-9 || restsAtBound)
            publish(tile, field, reading, wallNow, nowMs, events);
    }
}

void SimPlant::refreshQuiet(int tile, const QDateTime &wallNow, qint64 nowMs, PlantEvents &events)
{
    // The value stays what it was (the deadband still decides that); only
    // its timestamp says the endpoint is alive.
    Tile &t = m_tiles[tile];
    for (int field = 0; field < kEndpointsPerTile; ++field) {
        const qint64 due = t.refreshDueMs[field];
        if (nowMs < due)
            continue;
        const QJsonValue value = t.published[field];
        publish(tile, field, value, wallNow, nowMs, events);
        // Keep to the endpoint's beat rather than to the step that served
        // it, so a late step does not push every later refresh back.
        t.refreshDueMs[field] = due + kRefreshMs * ((nowMs - due) / kRefreshMs + 1);
    }
}

PlantEvents SimPlant::streamSample(const QDateTime &wallNow) const
{
    PlantEvents events;
    events.reserve(m_tiles.size() * kEndpointsPerTile);
    const QString channel = QStringLiteral("endpoint_stream");
    const QString timestamp = wireTimestamp(wallNow);
    for (const Tile &t : m_tiles) {
        for (int f = 0; f < kEndpointsPerTile; ++f) {
            events.append({channel,
                           t.endpointIds[f],
                           {{QLatin1StringView("type"), QStringLiteral("telemetry")},
                            {QLatin1StringView("endpointId"), t.endpointIds[f]},
                            {QLatin1StringView("value"), isMeasured(f) ? t.reading[f] : t.published[f]},
                            {QLatin1StringView("unit"), orNull(kEndpoints[f].unit)},
                            {QLatin1StringView("timestamp"), timestamp}}});
        }
    }
    return events;
}

SimPlant::Submission SimPlant::submitCommand(const QString &commandId, const QString &endpointId,
                                             const QJsonValue &value, const QString &operatorName, qint64 nowMs,
                                             const QDateTime &wallNow, const QDateTime &expiresAt)
{
    adoptClock(wallNow);
    Submission result;
    if (const auto known = m_commands.constFind(commandId); known != m_commands.cend()) {
        result.ok = true;
        result.status = statusBody(*known);
        return result;
    }
    const auto reject = [&result](const QString &code, const QString &message) {
        result.errorCode = code;
        result.message = message;
        return result;
    };
    const QString badRequest = QStringLiteral("bad_request");
    const QString outOfRange = QStringLiteral("out_of_range");
    if (commandId.isEmpty())
        return reject(badRequest, QStringLiteral("a command needs a commandId"));
    if (expiresAt.isValid() && wallNow > expiresAt)
        return reject(QStringLiteral("expired"),
                      QStringLiteral("the command was valid until %1 and arrived at %2: not carried out")
                          .arg(expiresAt.toString(Qt::ISODateWithMs), wallNow.toString(Qt::ISODateWithMs)));
    const Location where = locate(endpointId);
    if (where.tile < 0)
        return reject(QStringLiteral("not_found"), QStringLiteral("no endpoint %1").arg(endpointId));
    const EndpointSpec &spec = kEndpoints[where.field];
    if (!spec.writable)
        return reject(QStringLiteral("not_writable"), QStringLiteral("%1 is read-only").arg(endpointId));

    switch (spec.type) {
    case ValueType::Bool:
        if (!value.isBool())
            return reject(badRequest, QStringLiteral("%1 takes true or false").arg(endpointId));
        break;
    case ValueType::Number: {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return reject(badRequest, QStringLiteral("%1 takes a number").arg(endpointId));
        const double v = value.toDouble();
        if (v < spec.min || v > spec.max)
            return reject(outOfRange,
                          QStringLiteral("%1 must be between %2 and %3").arg(endpointId).arg(spec.min).arg(spec.max));
        const double steps = (v - spec.min) / spec.step;
        if (std::abs(steps - std::round(steps)) > 1e-6)
            return reject(outOfRange, QStringLiteral("%1 moves in steps of %2").arg(endpointId).arg(spec.step));
        break;
    }
    case ValueType::Enum:
        if (!value.isString())
            return reject(badRequest, QStringLiteral("%1 takes one of %2").arg(endpointId, modeList()));
        if (std::find(std::begin(kModes), std::end(kModes), value.toString()) == std::end(kModes))
            return reject(outOfRange, QStringLiteral("%1 takes one of %2").arg(endpointId, modeList()));
        break;
    }

    const QString reason = violatedInterlock(m_tiles.at(where.tile), where.field, value);
    if (!reason.isEmpty()) {
        result.reason = reason;
        return reject(QStringLiteral("interlock"), QStringLiteral("interlock: %1").arg(reason));
    }

    Command command;
    command.commandId = commandId;
    command.endpointId = endpointId;
    command.operatorName = operatorName;
    command.tile = where.tile;
    command.field = where.field;
    command.requested = value;
    command.dueMs[0] = nowMs + m_commandRandom.bounded(100, 301);
    command.dueMs[1] = command.dueMs[0] + m_commandRandom.bounded(200, 501);
    command.dueMs[2] = command.dueMs[1] + m_commandRandom.bounded(300, 1501);
    command.willFail = m_commandRandom.generateDouble() < m_failureRate;
    m_commands.insert(commandId, command);
    m_active.append(commandId);

    result.ok = true;
    result.status = statusBody(command);
    result.events.append(statusEvent(command));
    return result;
}

PlantEvents SimPlant::step(qint64 nowMs, const QDateTime &wallNow)
{
    adoptClock(wallNow);
    PlantEvents events;
    const qint64 gapMs = m_stepped ? std::clamp<qint64>(nowMs - m_lastStepMs, 0, kMaxStepGapMs) : 0;
    if (!m_stepped) {
        // The refresh periods start with the clock, wherever it starts.
        for (Tile &tile : m_tiles) {
            for (qint64 &due : tile.refreshDueMs)
                due += nowMs;
        }
    }
    m_lastStepMs = m_stepped ? std::max(m_lastStepMs, nowMs) : nowMs;
    m_stepped = true;

    if (gapMs > 0) {
        const double seconds = double(gapMs) / 1000.0;
        const int substeps = int(std::ceil(seconds / kMaxSubstepSeconds));
        for (int t = 0; t < m_tiles.size(); ++t) {
            for (int s = 0; s < substeps; ++s)
                advancePhysics(m_tiles[t], seconds / substeps);
            publishReadings(t, wallNow, m_lastStepMs, events);
            enforceInterlocks(t, wallNow, m_lastStepMs, events);
            refreshQuiet(t, wallNow, m_lastStepMs, events);
        }
    }
    advanceCommands(nowMs, wallNow, events);
    return events;
}

void SimPlant::advanceCommands(qint64 nowMs, const QDateTime &wallNow, PlantEvents &events)
{
    // Take transitions in the order they fall due, so that a coarse step
    // executes commands in the same order a fine one would.
    for (;;) {
        qsizetype next = -1;
        qint64 nextDue = 0;
        for (qsizetype i = 0; i < m_active.size(); ++i) {
            const Command &c = *m_commands.constFind(m_active.at(i));
            const qint64 due = c.dueMs[c.stage];
            if (due <= nowMs && (next < 0 || due < nextDue)) {
                next = i;
                nextDue = due;
            }
        }
        if (next < 0)
            return;

        Command &command = *m_commands.find(m_active.at(next));
        ++command.stage;
        if (command.stage < 3) {
            events.append(statusEvent(command));
            continue;
        }
        execute(command, wallNow.addMSecs(nextDue - nowMs), nextDue, events);
        events.append(statusEvent(command));
        m_finished.enqueue(command.commandId);
        m_active.removeAt(next);
        while (m_finished.size() > kCommandHistory)
            m_commands.remove(m_finished.dequeue());
    }
}

void SimPlant::execute(Command &command, const QDateTime &at, qint64 atMs, PlantEvents &events)
{
    Tile &tile = m_tiles[command.tile];
    command.completedAt = at;
    // The world may have moved since the command was accepted.
    const QString reason = violatedInterlock(tile, command.field, command.requested);
    if (!reason.isEmpty() || command.willFail) {
        command.failed = true;
        command.error = reason.isEmpty() ? kDeviceNoResponse : reason;
        return;
    }
    setState(tile, command.field, command.requested);
    const QJsonValue actual = stateValue(tile, command.field);
    if (actual != tile.published[command.field])
        publish(command.tile, command.field, actual, at, atMs, events);
    enforceInterlocks(command.tile, at, atMs, events);
}

QJsonObject SimPlant::statusBody(const Command &command) const
{
    static const QString stageNames[] = {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("acked")};
    const QString status = command.stage < 3 ? stageNames[command.stage]
        : command.failed                     ? QStringLiteral("failed")
                                             : QStringLiteral("succeeded");
    return {
        {QLatin1StringView("type"), QStringLiteral("command_status")},
        {QLatin1StringView("commandId"), command.commandId},
        {QLatin1StringView("endpointId"), command.endpointId},
        {QLatin1StringView("status"), status},
        {QLatin1StringView("requestedValue"), command.requested},
        {QLatin1StringView("actualValue"), m_tiles.at(command.tile).published[command.field]},
        {QLatin1StringView("operator"), command.operatorName},
        {QLatin1StringView("error"), command.failed ? QJsonValue(command.error) : QJsonValue(QJsonValue::Null)},
        {QLatin1StringView("completedAt"), wireTimestampOrNull(command.completedAt)},
    };
}

PlantEvent SimPlant::statusEvent(const Command &command) const
{
    return {QStringLiteral("commands"), command.commandId, statusBody(command)};
}

QJsonArray SimPlant::tilesSnapshot() const
{
    QJsonArray tiles;
    for (const Tile &tile : m_tiles) {
        QJsonArray devices;
        for (int d = 0; d < int(std::size(kDevices)); ++d) {
            QJsonArray endpoints;
            for (int f = 0; f < kEndpointsPerTile; ++f) {
                const EndpointSpec &spec = kEndpoints[f];
                if (spec.device != d)
                    continue;
                QJsonValue options(QJsonValue::Null);
                if (spec.type == ValueType::Enum) {
                    QJsonArray names;
                    for (QStringView mode : kModes)
                        names.append(mode.toString());
                    options = names;
                }
                endpoints.append(QJsonObject {
                    {QLatin1StringView("endpointId"), tile.endpointIds[f]},
                    {QLatin1StringView("name"), spec.name.toString()},
                    {QLatin1StringView("unit"), orNull(spec.unit)},
                    {QLatin1StringView("valueType"), typeName(spec.type)},
                    {QLatin1StringView("writable"), spec.writable},
                    // Switching the pump or the heater on moves the process: confirmed first.
                    {QLatin1StringView("critical"), f == PumpRunning || f == HeaterOn},
                    {QLatin1StringView("min"), orNull(spec.min)},
                    {QLatin1StringView("max"), orNull(spec.max)},
                    {QLatin1StringView("step"), orNull(spec.step)},
                    {QLatin1StringView("options"), options},
                    {QLatin1StringView("value"), tile.published[f]},
                    {QLatin1StringView("timestamp"), wireTimestampOrNull(tile.publishedAt[f])},
                });
            }
            const DeviceSpec &device = kDevices[d];
            devices.append(QJsonObject {
                {QLatin1StringView("deviceId"), QString(tile.tileId + QLatin1Char('.') + device.tag)},
                {QLatin1StringView("kind"), device.kind.toString()},
                {QLatin1StringView("name"), device.name.toString()},
                {QLatin1StringView("endpoints"), endpoints},
            });
        }
        QJsonArray interlocks;
        for (const InterlockSpec &interlock : kInterlocks) {
            interlocks.append(QJsonObject {
                {QLatin1StringView("id"), QString(tile.tileId + QLatin1Char('.') + interlock.id)},
                {QLatin1StringView("description"), interlock.description.toString()},
                {QLatin1StringView("target"), tile.endpointIds[interlock.target]},
                {QLatin1StringView("requires"),
                 QJsonObject {{QLatin1StringView("endpointId"), tile.endpointIds[interlock.required]},
                              {QLatin1StringView("op"), opName(interlock.op)},
                              {QLatin1StringView("value"), requiredValue(interlock)}}},
            });
        }
        tiles.append(QJsonObject {
            {QLatin1StringView("tileId"), tile.tileId},
            {QLatin1StringView("name"), tile.name},
            {QLatin1StringView("devices"), devices},
            {QLatin1StringView("interlocks"), interlocks},
        });
    }
    return tiles;
}

QJsonArray SimPlant::telemetrySnapshot(const QStringList &endpointIds) const
{
    QJsonArray items;
    if (endpointIds.isEmpty()) {
        for (int t = 0; t < m_tiles.size(); ++t) {
            for (int f = 0; f < kEndpointsPerTile; ++f)
                items.append(telemetryBody(t, f));
        }
        return items;
    }
    for (const QString &id : endpointIds) {
        const Location where = locate(id);
        if (where.tile >= 0)
            items.append(telemetryBody(where.tile, where.field));
    }
    return items;
}

PlantConditions SimPlant::conditions() const
{
    PlantConditions out;
    const QString endpointKind = QStringLiteral("endpoint");
    const auto condition = [&](const Tile &tile, int field, QLatin1StringView suffix, bool active,
                               const QString &severity, const QString &message) {
        const QString &id = tile.endpointIds[field];
        out.append({QStringLiteral("endpoint:%1:%2").arg(id, suffix), active, severity, message, endpointKind, id});
    };
    for (const Tile &tile : m_tiles) {
        condition(tile, Temperature, QLatin1StringView("high"),
                  tile.published[Temperature].toDouble() > kTemperatureHigh, QStringLiteral("high"),
                  QStringLiteral("%1: temperature TT-101 above %2 °C").arg(tile.name).arg(kTemperatureHigh));
        condition(tile, Level, QLatin1StringView("low"), tile.published[Level].toDouble() < kLevelLow,
                  QStringLiteral("medium"),
                  QStringLiteral("%1: level LT-101 below %2 %").arg(tile.name).arg(kLevelLow));
        for (const int field : kTripTargets) {
            const QString &reason = tile.trippedBy[field];
            QString message = QStringLiteral("%1: %2 tripped by interlock")
                                  .arg(tile.name, kDevices[kEndpoints[field].device].name.toString());
            if (!reason.isEmpty())
                message += QStringLiteral(" (%1)").arg(reason);
            condition(tile, field, QLatin1StringView("tripped"), !reason.isEmpty(), QStringLiteral("high"), message);
        }
    }
    return out;
}

QJsonValue SimPlant::value(const QString &endpointId) const
{
    const Location where = locate(endpointId);
    if (where.tile < 0)
        return {QJsonValue::Undefined};
    return m_tiles.at(where.tile).published[where.field];
}

QJsonArray SimPlant::commandsSnapshot() const
{
    QJsonArray items;
    for (const QString &id : m_active)
        items.append(statusBody(*m_commands.constFind(id)));
    for (qsizetype i = std::max<qsizetype>(0, m_finished.size() - kSnapshotFinished); i < m_finished.size(); ++i)
        items.append(statusBody(*m_commands.constFind(m_finished.at(i))));
    return items;
}

QJsonObject SimPlant::commandStatus(const QString &commandId) const
{
    const auto it = m_commands.constFind(commandId);
    return it == m_commands.cend() ? QJsonObject() : statusBody(*it);
}
