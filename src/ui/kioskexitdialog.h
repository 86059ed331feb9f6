#pragma once

#include <QDialog>
#include <QTimer>

#include <chrono>

class QLabel;
class QLineEdit;
class QPushButton;

// Asks for the kiosk's exit PIN. Accepted only with the PIN the profile's
// hash was made from (PinHash::verify); a wrong one says so and clears the
// field; after kMaxAttempts wrong ones in a row it takes no PIN at all for
// the lock-out time (30 s), so a PIN cannot be found by trying them at the
// screen. Cancel is the default button: Enter or Escape leave the kiosk as
// it was. Keep one dialog for the kiosk's life: closing and reopening it
// does not reset the count or the lock-out.
class KioskExitDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMaxAttempts = 3;
    static constexpr std::chrono::milliseconds kDefaultLockout {30000};

    explicit KioskExitDialog(const QString &pinHash, QWidget *parent = nullptr);

    // How long it refuses PINs after kMaxAttempts wrong ones (for tests).
    void setLockoutDuration(std::chrono::milliseconds duration) { m_lockoutDuration = duration; }
    std::chrono::milliseconds lockoutDuration() const { return m_lockoutDuration; }

    // Empties the field and the message and puts the focus in the field;
    // a lock-out still running stays.
    void reset();

    int failedAttempts() const { return m_failed; }
    bool isLockedOut() const { return m_lockout.isActive(); }

    QLineEdit *pinField() const { return m_pin; }
    QPushButton *unlockButton() const { return m_unlock; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    // A wrong PIN was given; `lockedOut` when it was the last allowed.
    void wrongPin(int failedAttempts, bool lockedOut);

private:
    void tryPin();
    void endLockout();
    void updateButtons();

    QString m_hash;
    QLineEdit *m_pin = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer m_lockout;
    std::chrono::milliseconds m_lockoutDuration = kDefaultLockout;
    int m_failed = 0;
};
