#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Asks how long to shelve alarms and why: a shelved alarm is silenced for
// every console, so the reason is mandatory (the dialog says so while it is
// empty, and Shelve stays disabled) and the time bounded (at most a shift,
// 480 minutes). It names the person the server will record the shelving
// under: the operator this console signed in as, with their role.
class ShelveDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMinMinutes = 1;
    static constexpr int kMaxMinutes = 480;
    static constexpr int kDefaultMinutes = 30;

    // `operatorName` and `role` are the session's (the role empty while not known).
    ShelveDialog(const QStringList &alarmTexts, const QString &operatorName, const QString &role,
                 QWidget *parent = nullptr);

    int minutes() const;
    void setMinutes(int minutes);
    QString reason() const;
    void setReason(const QString &reason);
    bool canAccept() const;
    // Why Shelve is not possible yet; empty when it is.
    QString refusal() const;
    // Who the shelving is recorded under, as the dialog says it.
    QString recordedAs() const;

private:
    void updateButtons();

    QSpinBox *m_minutes;
    QLineEdit *m_reason;
    QLabel *m_who = nullptr;
    QLabel *m_why = nullptr;
    QPushButton *m_ok;
};
