#include "kioskexitdialog.h"

#include "config/pinhash.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

KioskExitDialog::KioskExitDialog(const QString &pinHash, QWidget *parent)
    : QDialog(parent)
    , m_hash(pinHash)
{
    setObjectName(QStringLiteral("kioskExitDialog"));
    setWindowTitle(tr("Stop the kiosk"));
    setModal(true);

    auto *layout = new QVBoxLayout(this);
    auto *prompt = new QLabel(tr("Enter the exit PIN to close this screen's console."), this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);

    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("kioskPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(PinHash::kMaximumDigits);
    m_pin->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(PinHash::kMaximumDigits)), m_pin));
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pin->setAccessibleName(tr("Exit PIN"));
    prompt->setBuddy(m_pin);
    layout->addWidget(m_pin);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("kioskPinMessage"));
    m_message->setWordWrap(true);
    QPalette warning = m_message->palette();
    warning.setColor(QPalette::WindowText, Theme::alarmColor());
    m_message->setPalette(warning);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_unlock = buttons->addButton(tr("Close the console"), QDialogButtonBox::AcceptRole);
    m_unlock->setObjectName(QStringLiteral("kioskUnlock"));
    m_unlock->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter must not close a plant's screen by accident.
    m_cancel->setDefault(true);
    m_cancel->setAutoDefault(true);
    layout->addWidget(buttons);
    connect(m_unlock, &QPushButton::clicked, this, &KioskExitDialog::tryPin);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_pin, &QLineEdit::textChanged, this, &KioskExitDialog::updateButtons);

    m_lockout.setSingleShot(true);
    connect(&m_lockout, &QTimer::timeout, this, &KioskExitDialog::endLockout);
    updateButtons();
}

void KioskExitDialog::reset()
{
    m_pin->clear();
    if (!isLockedOut())
        m_message->hide();
    m_pin->setFocus(Qt::OtherFocusReason);
    updateButtons();
}

void KioskExitDialog::updateButtons()
{
    m_pin->setEnabled(!isLockedOut());
    m_unlock->setEnabled(!isLockedOut() && PinHash::isAcceptablePin(m_pin->text()));
}

void KioskExitDialog::tryPin()
{
    if (isLockedOut() || !PinHash::isAcceptablePin(m_pin->text()))
        return;
    if (PinHash::verify(m_pin->text(), m_hash)) {
        m_failed = 0;
        m_pin->clear();
        accept();
        return;
    }
    ++m_failed;
    m_pin->clear();
    const bool lockedOut = m_failed >= kMaxAttempts;
    if (lockedOut) {
        m_lockout.start(m_lockoutDuration);
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(m_lockoutDuration).count();
        m_message->setText(
            tr("Wrong PIN, %n time(s) in a row. No PIN is taken for %1 seconds.", nullptr, m_failed).arg(seconds));
        m_cancel->setFocus(Qt::OtherFocusReason);
    } else {
        m_message->setText(tr("Wrong PIN. %n attempt(s) left before a pause.", nullptr, kMaxAttempts - m_failed));
        m_pin->setFocus(Qt::OtherFocusReason);
    }
    m_message->setAccessibleName(m_message->text());
    m_message->show();
    updateButtons();
    Q_EMIT wrongPin(m_failed, lockedOut);
}

void KioskExitDialog::endLockout()
{
    m_failed = 0;
    m_message->setText(tr("You can enter the PIN again."));
    m_message->setAccessibleName(m_message->text());
    updateButtons();
    if (isVisible())
        m_pin->setFocus(Qt::OtherFocusReason);
}
