#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

// Asks for the note that goes with an acknowledgement; optional unless the
// profile requires one.
class AlarmNoteDialog : public QDialog
{
    Q_OBJECT

public:
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
