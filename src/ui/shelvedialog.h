#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;
class QSpinBox;

// Asks how long to shelve alarms and why: a shelved alarm is silenced, so
// the reason is mandatory and the time bounded (at most a shift, 480 minutes).
class ShelveDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMinMinutes = 1;
    static constexpr int kMaxMinutes = 480;
    static constexpr int kDefaultMinutes = 30;

    explicit ShelveDialog(const QStringList &alarmTexts, QWidget *parent = nullptr);

    int minutes() const;
    void setMinutes(int minutes);
    QString reason() const;
    void setReason(const QString &reason);
    bool canAccept() const;

private:
    void updateButtons();

    QSpinBox *m_minutes;
    QLineEdit *m_reason;
    QPushButton *m_ok;
};
