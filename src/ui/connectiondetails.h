#pragma once

#include "services/linkstatus.h"

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

// Everything the console knows about its link, for the operator who asks
// "why is it not live?" or "how good is the link?": opened from the
// connection indicator as a popup, refreshed every second while open, with
// the two things the operator can do about it (retry now, pause/resume).
// While the link is down it says since when and for how long ("down since
// 08:26:12 (for 1 min 16 s)") and the last error, and shows no figure of the
// lost link (round trip, events) as if it were current. The token is never
// shown.
class ConnectionDetails : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionDetails(LinkStatus *link, QWidget *parent = nullptr);

    // Shows the popup with its top left corner at `globalPos`, kept on screen.
    void popup(const QPoint &globalPos);

    QPushButton *retryButton() const { return m_retry; }
    QPushButton *pauseButton() const { return m_pause; }
    // The shown value of a row, by its object name (e.g. "detailServer"),
    // and its title.
    QString value(const QString &objectName) const;
    QString title(const QString &objectName) const;

    // Compact durations for the operator: "850 ms", "4.2 s", "3 min 12 s",
    // "2 h 5 min"; for a wait counted down. Ages read as AgeText words them.
    static QString formatDuration(qint64 ms);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    void togglePause();
    QLabel *addRow(const QString &objectName, const QString &title);

    LinkStatus *m_link;
    QTimer m_clock;
    QWidget *m_rows = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_dialect = nullptr;
    QLabel *m_serverName = nullptr;
    QLabel *m_session = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_lastConnected = nullptr;
    QLabel *m_lastOutage = nullptr;
    QLabel *m_lastOutageTitle = nullptr; // "Outage" while one runs
    QLabel *m_recovery = nullptr;
    QLabel *m_eventRate = nullptr;
    QLabel *m_roundTrip = nullptr;
    QLabel *m_protocolErrors = nullptr;
    QLabel *m_lastError = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_pause = nullptr;
};
