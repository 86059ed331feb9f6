#include "shelvedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ShelveDialog::ShelveDialog(const QStringList &alarmTexts, const QString &operatorName, const QString &role,
                           QWidget *parent)
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
    m_who = new QLabel(role.isEmpty() ? operatorName : tr("%1 (%2)").arg(operatorName, role), this);
    m_who->setObjectName(QStringLiteral("shelveRecordedAs"));
    m_who->setTextInteractionFlags(Qt::NoTextInteraction);
    form->addRow(tr("Recorded as:"), m_who);
    layout->addLayout(form);
    // Why Shelve is disabled, in words, not only a greyed button.
    m_why = new QLabel(this);
    m_why->setObjectName(QStringLiteral("shelveRefusal"));
    m_why->setWordWrap(true);
    m_why->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_why);
    // Wide enough that the reason's placeholder and the refusal read whole.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

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
    return refusal().isEmpty();
}

QString ShelveDialog::refusal() const
{
    if (reason().isEmpty())
        return tr("A reason is required: a shelved alarm is silenced for every console, and the operators who find "
                  "it shelved, this shift or the next, read why.");
    return {};
}

QString ShelveDialog::recordedAs() const
{
    return m_who->text();
}

void ShelveDialog::updateButtons()
{
    const QString why = refusal();
    m_ok->setEnabled(why.isEmpty());
    m_ok->setToolTip(why);
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
}
