#include "shelvedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ShelveDialog::ShelveDialog(const QStringList &alarmTexts, QWidget *parent)
    : QDialog(parent)
    , m_minutes(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
{
    setObjectName(QStringLiteral("shelveDialog"));
    setWindowTitle(tr("Shelve alarms"));
    auto *layout = new QVBoxLayout(this);
    QStringList shown = alarmTexts.mid(0, 5);
    if (alarmTexts.size() > shown.size())
        shown.append(tr("… and %1 more").arg(alarmTexts.size() - shown.size()));
    auto *what = new QLabel(tr("Alarms to shelve: %1").arg(alarmTexts.size()) + u'\n' + shown.join(u'\n'), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_minutes->setObjectName(QStringLiteral("minutesSpin"));
    m_minutes->setRange(kMinMinutes, kMaxMinutes);
    m_minutes->setValue(kDefaultMinutes);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setAccessibleName(tr("Shelve for minutes"));
    form->addRow(tr("&Duration:"), m_minutes);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Why, for the next shift (required)"));
    m_reason->setAccessibleName(tr("Shelve reason"));
    m_reason->setMaxLength(500);
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Shelve"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &ShelveDialog::updateButtons);
    m_reason->setFocus();
    updateButtons();
}

int ShelveDialog::minutes() const
{
    return m_minutes->value();
}

void ShelveDialog::setMinutes(int minutes)
{
    m_minutes->setValue(minutes);
}

QString ShelveDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ShelveDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

bool ShelveDialog::canAccept() const
{
    return !reason().isEmpty();
}

void ShelveDialog::updateButtons()
{
    m_ok->setEnabled(canAccept());
}
