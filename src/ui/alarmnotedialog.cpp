#include "alarmnotedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

AlarmNoteDialog::AlarmNoteDialog(const QStringList &alarmTexts, bool noteRequired, QWidget *parent)
    : QDialog(parent)
    , m_required(noteRequired)
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("alarmNoteDialog"));
    const int count = int(alarmTexts.size());
    const QLocale locale;
    setWindowTitle(count == 1 ? tr("Acknowledge alarm") : tr("Acknowledge %1 alarms").arg(locale.toString(count)));
    auto *layout = new QVBoxLayout(this);
    // The widest the dialog may be: the screen it opens on, less a margin.
    const QScreen *screen = parent ? parent->screen() : this->screen();
    const int widest = screen ? screen->availableGeometry().width() - 48 : 960;
    // A long selection is summarised: the list is for recognising, not reading.
    const QFontMetrics metrics = fontMetrics();
    const int lineRoom = std::min(widest - 40, metrics.averageCharWidth() * 80);
    QStringList shown;
    for (const QString &text : alarmTexts.mid(0, kListed))
        shown.append(metrics.elidedText(text, Qt::ElideRight, lineRoom));
    if (count > shown.size())
        shown.append(tr("… and %1 more").arg(locale.toString(count - shown.size())));
    auto *what = new QLabel(
        count == 1 ? tr("Alarm to acknowledge:") : tr("%1 alarms to acknowledge:").arg(locale.toString(count)), this);
    what->setObjectName(QStringLiteral("ackHeading"));
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    layout->addWidget(what);
    auto *list = new QLabel(shown.join(u'\n'), this);
    list->setObjectName(QStringLiteral("ackAlarms"));
    list->setTextFormat(Qt::PlainText);
    layout->addWidget(list);
    layout->addSpacing(4);
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
    // The whole title beside the title bar's icon and buttons (its font is
    // at most the bold of the dialog's), within the screen.
    QFont titleFont = font();
    titleFont.setBold(true);
    const int titleWidth = QFontMetrics(titleFont).horizontalAdvance(windowTitle()) + kTitleBarRoom;
    setMinimumWidth(std::min(widest, std::max(titleWidth, metrics.averageCharWidth() * 40)));
    setMaximumWidth(std::max(minimumWidth(), widest));
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
