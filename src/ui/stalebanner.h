#pragma once

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

class LinkStatus;

// The band across a window whenever what it shows is not live: for how long
// ("NOT LIVE for 1 min 16 s", the age of the last message on this console's
// monotonic clock, ticking each second while shown), the time of day that
// message came ("last received 08:26:12") and why the link is down, or that
// live updates were paused on purpose. Hidden while the link is live. Every window of the console has
// its own, bound to the one link.
//
// While paused it carries a "Resume live updates" button at its right end:
// a console that starts paused (the profile's preferences turn live updates
// off) says so across the window and offers the way back where it says it.
class StaleBanner : public QLabel
{
    Q_OBJECT

public:
    // The link status is not owned and must outlive the banner. Give it a parent
    // (the window's layout): it shows and hides itself.
    explicit StaleBanner(LinkStatus *link, QWidget *parent = nullptr);

    // The kiosk's style, for a plant-floor screen read from across the room:
    // the same texts in large type across the whole top of the window, at
    // least kKioskHeightShare of its height, dark on amber in either theme.
    void setKioskStyle(bool kiosk);
    bool kioskStyle() const { return m_kiosk; }
    static constexpr double kKioskHeightShare = 0.12;
    // Shown while the link is paused; resumes it.
    QPushButton *resumeButton() const { return m_resume; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    // ms since the last message from the server; -1 if none came yet.
    qint64 sinceLastMessageMs() const;
    void applyColours();
    void applyKioskSize();
    // Shows the resume button while paused, keeping the text clear of it.
    void placeResume(bool paused);

    LinkStatus *m_link;
    QPushButton *m_resume;
    QFont m_normalFont;
    bool m_kiosk = false;
    QElapsedTimer m_sinceMessage; // restarted by every message while this banner exists
    QTimer m_tick; // the age, once a second while shown
};
