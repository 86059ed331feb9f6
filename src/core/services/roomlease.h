#pragma once

#include <QPointer>
#include <QString>

class Session;

// Holds a detail stream (a room) open while a view shows it: the session
// subscribes when the first lease of a room is taken and unsubscribes when
// the last is released or destroyed. Move-only; an empty lease holds nothing.
class RoomLease
{
public:
    RoomLease() = default;
    RoomLease(Session *session, QString channel, QString id);
    RoomLease(RoomLease &&other) noexcept;
    RoomLease &operator=(RoomLease &&other) noexcept;
    RoomLease(const RoomLease &) = delete;
    RoomLease &operator=(const RoomLease &) = delete;
    ~RoomLease();

    bool isHeld() const { return !m_session.isNull(); }
    void release();

private:
    QPointer<Session> m_session;
    QString m_channel;
    QString m_id;
};
