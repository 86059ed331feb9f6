#pragma once

#include "sparkplugmetric.h"
#include "sparkplugpayload.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

// Contract: what a Sparkplug host application knows of one edge node, after
// the rules of Sparkplug 3.0: whether it is online, the bdSeq of its current
// birth (an NDEATH counts only when its bdSeq matches, so a late will of an
// earlier session cannot kill a node that has been born again), the seq of
// the last message (every NBIRTH, DBIRTH, NDATA, DDATA and DDEATH carries the
// next seq, 0 to 255 and round again), the aliases its births declared, the
// datatype of each metric, and which of its devices are online.
//
// A message that breaks the sequence is refused as a gap: the node's values
// can no longer be trusted and the host asks for a rebirth. So are data and
// device messages from a node that is not online (the host missed its birth).
class SparkplugEdgeNode
{
public:
    enum class Verdict {
        Accepted,
        SequenceGap, // seq is not the previous one + 1: ask for a rebirth
        NotBorn, // no current birth: ask for a rebirth
    };

    // NBIRTH: a new session. Takes its bdSeq, seq, aliases and datatypes;
    // every device is offline until its own DBIRTH.
    Verdict birth(const SparkplugPayload &payload);
    // DBIRTH, NDATA, DDATA, DDEATH: checks the node is online and the seq
    // follows on. Births add their aliases and datatypes.
    Verdict deviceBirth(const QString &device, const SparkplugPayload &payload);
    Verdict data(const SparkplugPayload &payload);
    Verdict deviceDeath(const QString &device, const SparkplugPayload &payload);
    // NDEATH: true (and the node and its devices go offline) when its bdSeq
    // is the current birth's, or either has none; false for a stale will.
    bool death(const SparkplugPayload &payload);
    // The host lost its broker, or gave up on the node after a gap: nothing
    // is known until the next NBIRTH.
    void forget();

    bool isOnline() const { return m_online; }
    bool isDeviceOnline(const QString &device) const { return m_online && m_devices.contains(device); }
    std::optional<quint64> bdSeq() const { return m_bdSeq; }

    // The metric's name: its own, or the one its alias stands for; empty
    // when neither is known.
    QString metricName(const SparkplugMetric &metric) const;
    // The alias and datatype a birth declared for a metric of the node
    // (`device` empty) or of one of its devices.
    std::optional<quint64> aliasOf(const QString &device, const QString &metric) const;
    SparkplugDataType dataTypeOf(const QString &device, const QString &metric) const;

    // The bdSeq a payload carries in its "bdSeq" metric.
    static std::optional<quint64> bdSeqOf(const SparkplugPayload &payload);

private:
    Verdict follow(const SparkplugPayload &payload);
    void learn(const QString &device, const SparkplugPayload &payload);

    bool m_online = false;
    std::optional<quint64> m_bdSeq;
    quint64 m_seq = 0;
    QSet<QString> m_devices; // online ones
    QHash<quint64, QString> m_names; // alias -> metric name
    QHash<QString, quint64> m_aliases; // "device/metric" -> alias
    QHash<QString, SparkplugDataType> m_dataTypes; // "device/metric" -> datatype
};
