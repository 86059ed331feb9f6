#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

// Asks for the note that goes with an acknowledgement; optional unless the
// profile requires one. The title bar says only what is asked ("Acknowledge
// 3 alarms"); the body lists the alarms, each on one line cut to fit the
// screen. The dialog is wide enough for its whole title beside the title
// bar's icon and buttons, and never wider than the screen.
class AlarmNoteDialog : public QDialog
{
    Q_OBJECT

public:
    // Room the title bar takes beside the title: its icon and buttons.
    static constexpr int kTitleBarRoom = 140;
    // Alarms listed by name; more are counted.
    static constexpr int kListed = 5;

    AlarmNoteDialog(const QStringList &alarmTexts, bool noteRequired, QWidget *parent = nullptr);

    QString note() const;
    void setNote(const QString &note);
    bool noteRequired() const { return m_required; }
    bool canAccept() const;

private:
    void updateButtons();

    bool m_required;
    QLineEdit *m_note;
    QPushButton *m_ok;
};
