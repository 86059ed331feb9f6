#pragma once

#include "simevent.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

// What the server remembers of one console between reconnects: who it is,
// what it subscribed to, its event numbering and the recent events it was
// sent, so that `resume` can replay what a dropped link missed.
class SimSession
{
public:
    struct Limits
    {
        qsizetype replayEvents = 10000;
        qint64 replayAgeMs = 5 * 60 * 1000;
    };

    // `owner` names the credential that opened the session (a digest of its
    // token, never the token): only the same credential may resume it.
    SimSession(QString id, QByteArray owner, QString operatorName, QString role, Limits limits);

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
    bool wants(const SimEvent &event) const;

    // Numbers the event, keeps it for replay and returns the message to send.
    QJsonObject stamp(QJsonObject body, qint64 wallMs);
    // Numbers `count` events that are sent but not kept (the load mode's,
    // SimLoadGen) and returns the first number. No replay can bridge them,
    // so the buffer starts over after them: resuming from before them is
    // `resync_required`, from after them works as usual.
    quint64 skip(quint64 count);

    // Every kept event after `lastSeq`, in order, or nothing when the buffer
    // no longer reaches back that far (the console must resync).
    std::optional<QList<QJsonObject>> eventsAfter(quint64 lastSeq) const;
    qsizetype replayDepth() const { return qsizetype(m_replay.size()); }
    void prune(qint64 wallMs);

    // When the last console using this session went away; -1 while in use.
    qint64 detachedAtMs = -1;

private:
    QString m_id;
    QByteArray m_owner;
    QString m_operatorName;
    QString m_role;
    Limits m_limits;
    quint64 m_seq = 0;
    QList<Subscription> m_subscriptions;
    struct Kept
    {
        quint64 seq;
        qint64 wallMs;
        QJsonObject message;
    };
    std::deque<Kept> m_replay;
};
