#pragma once

#include <QLabel>

class Session;

// The band across a window whenever what it shows is not live: since when
// the values are as last received and why the link is down, or that live
// updates were paused on purpose. Hidden while the link is live. Every
// window of the console has its own, bound to the one session.
class StaleBanner : public QLabel
{
    Q_OBJECT

public:
    // The session is not owned and must outlive the banner. Give it a parent
    // (the window's layout): it shows and hides itself.
    explicit StaleBanner(Session *session, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void applyColours();

    Session *m_session;
};
