#pragma once

#include "gatewayjournal.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

// What the server remembers of one console between reconnects: who it is,
// what it subscribed to, its event numbering and where the events it was
// sent are, so that `resume` can replay what a dropped link missed.
// Contract: seq numbers are consecutive per session. An event every session
// may get is kept once, in the server's GatewayJournal; the session keeps its
// position there (8 bytes). A message for this session alone (a snapshot,
// an error) is kept here as its JSON text, within Limits::ownBytes; one that
// does not fit is not kept. A replay that needs anything no longer kept is refused and the
// console resyncs: a replay never has a hole.
class GatewaySession
{
public:
    struct Limits
    {
        qsizetype replayEvents = 10000; // seq numbers reachable by `resume`
        qint64 replayAgeMs = 5 * 60 * 1000;
        qsizetype ownBytes = 64 * 1024; // this session's own messages kept for replay, as JSON text
    };

    // `owner` names the credential that opened the session (a digest of its
    // token, never the token): only the same credential may resume it.
    GatewaySession(QString id, QByteArray owner, QString operatorName, QString role, Limits limits);

    const QString &id() const { return m_id; }
    const QByteArray &owner() const { return m_owner; }
    const QString &operatorName() const { return m_operatorName; }
    const QString &role() const { return m_role; }
    quint64 lastSeq() const { return m_seq; }

    // One subscribe request: a channel, and the entities it is limited to
    // (none: everything on the channel).
    struct Subscription
    {
        QString channel;
        QSet<QString> keys;
        bool operator==(const Subscription &) const = default;
    };

    // Adds a subscription; false if the very same one exists already.
    bool subscribe(const Subscription &subscription);
    // Removes the same subscription, or with no keys every one on the channel.
    bool unsubscribe(const Subscription &subscription);
    const QList<Subscription> &subscriptions() const { return m_subscriptions; }
    bool wants(const PlantEvent &event) const;

    // Numbers a journal entry for this session, keeps its position and
    // returns the message to send.
    QJsonObject stamp(const GatewayJournal::Entry &entry);
    // Numbers a message for this session alone, keeps it if it fits and
    // returns the message to send.
    QJsonObject stampOwn(QJsonObject body, qint64 wallMs);
    // Numbers `count` events that are sent but not kept (the load mode's,
    // GatewayLoadGen) and returns the first number. No replay can bridge them,
    // so the buffer starts over after them: resuming from before them is
    // `resync_required`, from after them works as usual.
    quint64 skip(quint64 count);

    // Every message after `lastSeq`, in order, or nothing when they are not
    // all kept any more (the console must resync).
    std::optional<QList<QJsonObject>> eventsAfter(quint64 lastSeq, const GatewayJournal &journal) const;
    // How many seq numbers a replay can reach back; bytes kept of own messages.
    qsizetype replayDepth() const { return qsizetype(m_kept.size()); }
    qsizetype ownBytes() const { return m_ownBytes; }
    // Forgets what is older than the age limit or gone from the journal.
    void prune(const GatewayJournal &journal, qint64 wallMs);

    // When the last console using this session went away; -1 while in use.
    qint64 detachedAtMs = -1;

private:
    static QJsonObject numbered(QJsonObject body, quint64 seq, qint64 wallMs);
    void keep(quint64 reference);
    void dropFront();

    QString m_id;
    QByteArray m_owner;
    QString m_operatorName;
    QString m_role;
    Limits m_limits;
    quint64 m_seq = 0;
    QList<Subscription> m_subscriptions;
    // m_kept[i] is seq m_firstKept + i: a journal position, or kOwn | the
    // seq of an own message, or kLost for an own message that was not kept.
    static constexpr quint64 kOwn = quint64(1) << 63;
    static constexpr quint64 kLost = ~quint64(0);
    QList<quint64> m_kept; // one contiguous block, not a chain of small ones
    quint64 m_firstKept = 1;
    struct Own
    {
        quint64 seq;
        qint64 wallMs;
        QByteArray json; // compact
    };
    QList<Own> m_own;
    qsizetype m_ownBytes = 0;
};
