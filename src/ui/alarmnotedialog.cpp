#include "alarmnotedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AlarmNoteDialog::AlarmNoteDialog(const QStringList &alarmTexts, bool noteRequired, QWidget *parent)
    : QDialog(parent)
    , m_required(noteRequired)
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("alarmNoteDialog"));
    setWindowTitle(tr("Acknowledge alarms"));
    auto *layout = new QVBoxLayout(this);
    // A long selection is summarised: the list is for recognising, not reading.
    QStringList shown = alarmTexts.mid(0, 5);
    if (alarmTexts.size() > shown.size())
        shown.append(tr("… and %1 more").arg(alarmTexts.size() - shown.size()));
    auto *what = new QLabel(tr("Alarms to acknowledge: %1").arg(alarmTexts.size()) + u'\n' + shown.join(u'\n'), this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *noteLabel = new QLabel(m_required ? tr("&Note (required):") : tr("&Note (optional):"), this);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setAccessibleName(tr("Acknowledgement note"));
    m_note->setMaxLength(500);
    layout->addWidget(m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Acknowledge"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QLineEdit::textChanged, this, &AlarmNoteDialog::updateButtons);
    updateButtons();
}

QString AlarmNoteDialog::note() const
{
    return m_note->text().trimmed();
}

void AlarmNoteDialog::setNote(const QString &note)
{
    m_note->setText(note);
}

bool AlarmNoteDialog::canAccept() const
{
    return !m_required || !note().isEmpty();
}

void AlarmNoteDialog::updateButtons()
{
    m_ok->setEnabled(canAccept());
}
