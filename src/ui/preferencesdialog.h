#pragma once

#include "config/featureswitches.h"
#include "config/preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

// Edits an operator's preferences for one profile. It neither saves nor
// applies them: whoever opened it reads preferences() after OK and does both.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMinMuteMinutes = 1;
    static constexpr int kMaxMuteMinutes = 720; // a shift, at most
    static constexpr int kDefaultMuteMinutes = 15;

    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    Preferences preferences() const;

    // What the profile switched off for this workstation shows unchecked and
    // disabled, saying why; the operator's stored choice is kept as it was.
    void setFeatureSwitches(const FeatureSwitches &features);

private:
    void mute();
    void unmute();
    void updateMuteState();
    void updateEnabled();

    FeatureSwitches m_features;
    Preferences m_initial; // what the dialog does not edit passes through
    QDateTime m_mutedUntil;
    QComboBox *m_threshold;
    QCheckBox *m_sound;
    QSpinBox *m_soundRepeat;
    QCheckBox *m_desktop;
    QComboBox *m_theme;
    QCheckBox *m_liveUpdates;
    QSpinBox *m_muteMinutes;
    QPushButton *m_mute;
    QPushButton *m_unmute;
    QLabel *m_muteState;
};
