#pragma once

#include "domain/alarm.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// What the notification center lists, one row per notification, newest
// first. A notification is something the operator was told: an alarm's
// activation, a server notice, the link going down or coming back. Whether
// it was read is this console's own business; whether an alarm was
// acknowledged is the server's, kept current from the alarm model.
class NotificationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind { Alarm, System, Connection, Command };
    Q_ENUM(Kind)

    struct Item
    {
        QString id; // unique; an alarm's is "alarm:<alarmId>:<activation ms>"
        Kind kind = Kind::System;
        Domain::AlarmSeverity severity = Domain::AlarmSeverity::Info;
        QString title;
        QString message;
        std::optional<Domain::AlarmSourceKind> sourceKind;
        QString sourceId;
        QDateTime time; // UTC
        bool read = false;
        bool earlierSession = false; // from the local history, not seen live this run
        bool fromSnapshot = false; // already present when the console (re)connected
        // Alarms only: the alarm's latest state as the server reported it.
        QString alarmId;
        std::optional<Domain::AlarmState> alarmState;
        QString ackedBy;
        QDateTime ackedAt;
        QString note;
        qint64 count = 1;
        // With alarmState Cleared: the alarm left because the server no
        // longer reported it (a snapshot without it, a restarted server),
        // not because the server said it cleared.
        bool noLongerReported = false;
        // A later activation of the same alarm has a notification of its
        // own: this occurrence is over, whatever its last state said.
        bool activatedAgain = false;
    };

    enum Role : int {
        IdRole = Qt::UserRole + 1,
        KindRole, // Kind as int
        SeverityRole, // Domain::AlarmSeverity as int
        TitleRole,
        MessageRole,
        SourceKindRole, // Domain::AlarmSourceKind as int; invalid when none
        SourceIdRole,
        TimeRole, // QDateTime, UTC
        ReadRole,
        EarlierSessionRole,
        AlarmIdRole, // empty for other kinds
        AlarmStateRole, // Domain::AlarmState as int; invalid when unknown
        AckedByRole,
        AckedAtRole,
        NoteRole,
        CountRole,
        NeedsAckRole, // bool: an alarm still waiting for an acknowledgement
        NoLongerReportedRole, // bool: see Item::noLongerReported
        ActivatedAgainRole, // bool: see Item::activatedAgain
    };
    Q_ENUM(Role)

    explicit NotificationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A new notification goes on top; one whose id is listed replaces it in place.
    void upsert(const Item &item);
    // Older ones (already listed or not) go below the newest of their time.
    void appendOlder(const QList<Item> &itemsNewestFirst);
    bool setRead(const QString &id, bool read = true);
    int markAllRead(); // how many changed
    // Keeps only the items the predicate accepts.
    template<typename Keep> void retain(Keep keep);

    const Item *item(const QString &id) const;
    const Item &itemAt(int row) const { return m_items.at(m_items.size() - 1 - row); }
    int unreadCount() const { return m_unread; }
    // Unread server notices (kind System) alone: kept with unreadCount(),
    // never counted by scanning.
    int unreadNoticeCount() const { return m_unreadNotices; }
    bool contains(const QString &id) const { return m_index.contains(id); }

    static bool needsAck(const Item &item);

Q_SIGNALS:
    void unreadCountChanged(int count);

private:
    void rebuildIndex();
    // Only where rows come or go in bulk; single changes adjust the count.
    void recount();
    void setUnread(int unread);
    static int unreadNotice(const Item &item) { return int(item.kind == Kind::System && !item.read); }
    int rowOf(qsizetype index) const { return int(m_items.size() - 1 - index); }

    QList<Item> m_items; // oldest first: appending keeps the index valid
    QHash<QString, qsizetype> m_index; // id -> position in m_items
    int m_unread = 0;
    int m_unreadNotices = 0;
};

template<typename Keep> void NotificationModel::retain(Keep keep)
{
    beginResetModel();
    m_items.removeIf([&keep](const Item &i) { return !keep(i); });
    rebuildIndex();
    endResetModel();
    recount();
}
