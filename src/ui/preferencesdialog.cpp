#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using Domain::AlarmSeverity;

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_initial(preferences)
    , m_mutedUntil(preferences.mutedUntil)
    , m_threshold(new QComboBox(this))
    , m_sound(new QCheckBox(tr("Play a &sound for critical alarms"), this))
    , m_soundRepeat(new QSpinBox(this))
    , m_desktop(new QCheckBox(tr("&Desktop notifications while the window is not active"), this))
    , m_theme(new QComboBox(this))
    , m_liveUpdates(new QCheckBox(tr("&Live updates from the server"), this))
    , m_muteMinutes(new QSpinBox(this))
    , m_mute(new QPushButton(tr("&Mute"), this))
    , m_unmute(new QPushButton(tr("U&nmute"), this))
    , m_muteState(new QLabel(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_threshold->setObjectName(QStringLiteral("toastThresholdCombo"));
    m_threshold->setAccessibleName(tr("Toasts from severity"));
    // Highest first, as in the alarm lists.
    const std::array<std::pair<AlarmSeverity, QString>, 5> severities = {{
        {AlarmSeverity::Critical, tr("Critical only")},
        {AlarmSeverity::High, tr("High and above")},
        {AlarmSeverity::Medium, tr("Medium and above")},
        {AlarmSeverity::Low, tr("Low and above")},
        {AlarmSeverity::Info, tr("All, including info")},
    }};
    for (const auto &[severity, text] : severities)
        m_threshold->addItem(text, int(severity));
    m_threshold->setCurrentIndex(m_threshold->findData(int(preferences.toastThreshold)));
    form->addRow(tr("&Toasts for:"), m_threshold);

    m_sound->setObjectName(QStringLiteral("soundCheck"));
    m_sound->setChecked(preferences.sound);
    form->addRow(m_sound);
    m_soundRepeat->setObjectName(QStringLiteral("soundRepeatSpin"));
    m_soundRepeat->setRange(Preferences::kMinSoundRepeatSeconds, Preferences::kMaxSoundRepeatSeconds);
    m_soundRepeat->setValue(preferences.soundRepeatSeconds);
    m_soundRepeat->setSuffix(tr(" s"));
    m_soundRepeat->setAccessibleName(tr("Repeat the sound of one alarm at most every, in seconds"));
    form->addRow(tr("&Repeat at most every:"), m_soundRepeat);

    // Mute: for a while only, so a muted console cannot be forgotten for a shift.
    auto *muteRow = new QHBoxLayout;
    m_muteMinutes->setObjectName(QStringLiteral("muteMinutesSpin"));
    m_muteMinutes->setRange(kMinMuteMinutes, kMaxMuteMinutes);
    m_muteMinutes->setValue(kDefaultMuteMinutes);
    m_muteMinutes->setSuffix(tr(" min"));
    m_muteMinutes->setAccessibleName(tr("Mute sound for minutes"));
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setAccessibleName(tr("Mute sound"));
    m_mute->setAutoDefault(false);
    m_unmute->setObjectName(QStringLiteral("unmuteButton"));
    m_unmute->setAccessibleName(tr("Unmute sound"));
    m_unmute->setAutoDefault(false);
    muteRow->addWidget(m_muteMinutes);
    muteRow->addWidget(m_mute);
    muteRow->addWidget(m_unmute);
    muteRow->addStretch(1);
    auto *muteLabel = new QLabel(tr("Mute sound &for:"), this);
    muteLabel->setBuddy(m_muteMinutes);
    form->addRow(muteLabel, muteRow);
    m_muteState->setObjectName(QStringLiteral("muteStateLabel"));
    form->addRow(QString(), m_muteState);

    m_desktop->setObjectName(QStringLiteral("desktopCheck"));
    m_desktop->setChecked(preferences.desktopNotifications);
    form->addRow(m_desktop);

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Light"), int(ThemeMode::Light));
    m_theme->addItem(tr("Dark"), int(ThemeMode::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(preferences.theme)));
    form->addRow(tr("T&heme:"), m_theme);

    m_liveUpdates->setObjectName(QStringLiteral("liveUpdatesCheck"));
    m_liveUpdates->setChecked(preferences.liveUpdates);
    form->addRow(m_liveUpdates);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sound, &QCheckBox::toggled, this, &PreferencesDialog::updateEnabled);
    connect(m_mute, &QPushButton::clicked, this, &PreferencesDialog::mute);
    connect(m_unmute, &QPushButton::clicked, this, &PreferencesDialog::unmute);

    // Top to bottom, as read (Qt 6.4 has no list form of setTabOrder).
    const std::array<QWidget *, 10> order = {m_threshold, m_sound,   m_soundRepeat, m_muteMinutes, m_mute,
                                             m_unmute,    m_desktop, m_theme,       m_liveUpdates, buttons};
    for (std::size_t i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    m_threshold->setFocus();
    updateMuteState();
    updateEnabled();
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_initial;
    p.toastThreshold = AlarmSeverity(m_threshold->currentData().toInt());
    p.sound = m_features.sound ? m_sound->isChecked() : m_initial.sound;
    p.soundRepeatSeconds = m_soundRepeat->value();
    p.desktopNotifications = m_features.desktopNotifications ? m_desktop->isChecked() : m_initial.desktopNotifications;
    p.mutedUntil = m_mutedUntil;
    p.theme = ThemeMode(m_theme->currentData().toInt());
    p.liveUpdates = m_liveUpdates->isChecked();
    return p;
}

void PreferencesDialog::mute()
{
    m_mutedUntil = QDateTime::currentDateTimeUtc().addSecs(qint64(m_muteMinutes->value()) * 60);
    updateMuteState();
}

void PreferencesDialog::unmute()
{
    m_mutedUntil = {};
    updateMuteState();
}

void PreferencesDialog::updateMuteState()
{
    const bool muted = m_mutedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_mutedUntil;
    m_muteState->setText(muted ? tr("Sound muted until %1")
                                     .arg(QLocale().toString(m_mutedUntil.toLocalTime().time(), QLocale::ShortFormat))
                               : tr("Sound not muted"));
    m_unmute->setEnabled(muted);
}

void PreferencesDialog::setFeatureSwitches(const FeatureSwitches &features)
{
    m_features = features;
    const QString why = tr("Switched off for this workstation by its profile.");
    if (!features.sound) {
        m_sound->setChecked(false);
        m_sound->setEnabled(false);
        m_sound->setToolTip(why);
    }
    if (!features.desktopNotifications) {
        m_desktop->setChecked(false);
        m_desktop->setEnabled(false);
        m_desktop->setToolTip(why);
    }
    updateEnabled();
}

void PreferencesDialog::updateEnabled()
{
    m_soundRepeat->setEnabled(m_sound->isChecked());
}
