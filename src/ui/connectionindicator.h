#pragma once

#include "net/connectionservice.h"

#include <QTimer>
#include <QToolButton>

// The top bar's answer to "is what I see live?": a shape, a colour and words
// for the link state, refreshed every second while a retry counts down.
class ConnectionIndicator : public QToolButton
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(ConnectionService *connection, QWidget *parent = nullptr);

    static QPixmap symbol(ConnectionService::State state, int size, qreal devicePixelRatio);

private:
    void refresh();

    ConnectionService *m_connection;
    QTimer m_clock;
    ConnectionService::State m_shownState = ConnectionService::State::Disconnected;
};
