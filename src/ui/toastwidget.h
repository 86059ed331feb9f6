#pragma once

#include "toastlevel.h"

#include <QColor>
#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

// One toast card: a coloured left edge, a symbol and the level word (colour is
// never alone), title, message, source and time, and the buttons Acknowledge
// (alarms only), Show and close. A timed toast expires after its duration,
// paused while the mouse is over it; a duration of 0 keeps it until acted on.
class ToastWidget : public QFrame
{
    Q_OBJECT

public:
    explicit ToastWidget(const ToastSpec &spec, QWidget *parent = nullptr);

    const ToastSpec &spec() const { return m_spec; }
    QString toastId() const { return m_spec.id; }
    void setSpec(const ToastSpec &spec);

    // Starts (or restarts) the countdown; 0 ms never expires.
    void setDuration(int ms);
    int duration() const { return m_duration; }
    bool isCountingDown() const { return m_timer.isActive(); }

    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *showButton() const { return m_show; }
    QPushButton *closeButton() const { return m_close; }

    // A notice's colour and word for a level (NoticeCode).
    static QColor levelColor(ToastLevel level);
    static QString levelWord(ToastLevel level);
    // What the card shows: the alarm's priority code, or the level's notice code.
    QString codeWord() const;
    QColor codeColor() const;
    // Where the code's mark is painted, left of the word.
    QRectF markRect() const;
    QLabel *levelLabel() const { return m_level; }

Q_SIGNALS:
    void acknowledgeClicked();
    void showClicked();
    void closeClicked();
    void expired();

protected:
    void paintEvent(QPaintEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    ToastSpec m_spec;
    int m_duration = 0;
    int m_remaining = 0; // left of the countdown while paused
    bool m_hovered = false;
    QTimer m_timer;
    QLabel *m_level;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_context;
    QPushButton *m_acknowledge;
    QPushButton *m_show;
    QPushButton *m_close;
};
