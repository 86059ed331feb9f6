#pragma once

#include <QElapsedTimer>
#include <QLocale>
#include <QModelIndex>
#include <QPersistentModelIndex>
#include <QStringList>
#include <QTimer>
#include <QVariant>
#include <QWidget>

#include "actionwords.h"
#include "domain/endpointfact.h"
#include "model/metrichistory.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class Sparkline;

// One endpoint of a control-panel tile: its name, the actual value with its
// unit, a trend of numeric values, whether the value is stale, and, when the
// endpoint is writable, the control that matches it: two action buttons for
// a bool (Start and Stop, Open and Close, On and Off: ActionWords), beside
// the value that shows its state, so no button is ever labelled with the
// state the endpoint is in; a setpoint (spin box and Apply) for a number; a
// selector (combo and Apply) for an enum. The action button of the state
// already shown is disabled. Nothing here changes the plant: a deliberate
// action (a click or Space on an action button, Apply or Enter on a
// setpoint, Apply on a selector) emits commandRequested once; the mouse
// wheel never changes a value. While
// a command is pending the control is disabled and the requested value and
// the command's progress show beside the actual value, never instead of it.
// It is a view over its endpoint's row of the TileModel: it keeps no copy of
// the row, reads it when it draws, and redraws only the parts that the roles
// of a change touch (refresh()).
class EndpointControl : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { None, Toggle, Setpoint, Selector };
    Q_ENUM(Kind)

    // A second request for the same endpoint within this time is ignored (a double click).
    static constexpr int kRepeatGuardMs = 500;
    // The busy indicator's step: 4 Hz, calm enough not to draw the eye.
    static constexpr int kBusyStepMs = 250;

    explicit EndpointControl(const QString &endpointId, QWidget *parent = nullptr);

    QString endpointId() const { return m_endpointId; }

    // The device the endpoint belongs to, for accessible names ("Pump P-101 Running: On").
    void setDeviceName(const QString &deviceName);
    // Shows the endpoint's row of the TileModel (any column), followed
    // through moves; the owner deletes the control when the row goes.
    void setRow(const QModelIndex &index);
    // The row changed in `roles` (empty: in any role): redraws what they touch.
    void refresh(const QList<int> &roles = {});
    // The endpoint's recent values, oldest first; only numbers draw a trend.
    void setSamples(const QList<MetricHistory::Sample> &samples);
    bool hasTrend() const;

    // Set by whoever knows whether commands may go out (role, link, profile):
    // when not allowed every control is disabled and shows the reason word.
    void setCommandsAllowed(bool allowed, const QString &reason);
    // A screen that never commands (a kiosk without commands): the action
    // buttons, editors and the reason word are hidden; the name, the value,
    // its trend and any command under way stay.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }
    // This endpoint alone is blocked (empty reason: not blocked).
    void setBlocked(const QString &reason);
    // The last command's outcome, kept until the next command on the endpoint.
    void setOutcome(const QString &text, bool failure);

    Kind kind() const { return m_kind; }
    bool isPending() const;
    bool isStale() const;
    // Whether the operator can act on the control now. While another
    // console's command is pending, or the value is stale, only switching
    // off is possible, and only when the value shown is not off already.
    bool isActionable() const;
    // Whether asking for `value` is possible now (for a toggle: whether
    // that action's button is enabled).
    bool canRequest(const QVariant &value) const;
    // The action words of a toggle: ActionWords::forEndpoint() over its
    // device's kind and the profile's mapping.
    ActionWords actionWords() const;
    void setActionWordMapping(const QHash<QString, ActionWords> &mapping);
    QVariant value() const;

    // What the operator sees, for tests and the glue.
    QString nameText() const;
    QString valueText() const;
    QString requestedText() const;
    QString statusText() const;
    QString reasonText() const;
    QString outcomeText() const;
    bool outcomeIsFailure() const { return m_outcomeFailure; }
    QString hintText() const;
    bool staleShown() const;
    // What the stale word's tooltip says: why the value is not live.
    QString staleToolTip() const;
    bool busyShown() const;

    // A toggle's action buttons: the one that asks for true, and for false.
    QPushButton *actionButton(bool on) const { return on ? m_onButton : m_offButton; }
    // The state a toggle shows beside its buttons ("On", "Off", "—").
    QString stateText() const;
    QDoubleSpinBox *spinBox() const { return m_spin; }
    QComboBox *comboBox() const { return m_combo; }
    QPushButton *applyButton() const { return m_apply; }
    Sparkline *sparkline() const { return m_trend; }
    // The focusable parts in Tab order (empty for a read-only endpoint).
    QList<QWidget *> focusChain() const;

    // A value of this endpoint with its metadata (type, limits, step,
    // options, unit); the control shows fact(value).displayText().
    EndpointFact fact(const QVariant &value) const;

Q_SIGNALS:
    void commandRequested(const QString &endpointId, const QVariant &value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QVariant field(int role) const { return m_row.data(role); }
    bool pendingOwn() const;
    bool onlySwitchingOff() const;
    void setKind(Kind kind);
    // Sets the editors up from the row; true when that changed them, which
    // drops the operator's unapplied edit.
    bool configureEditors();
    void syncEditors();
    void refreshState();
    void refreshLook();
    void refreshAccessibleNames();
    void applySetpoint();
    void applySelector();
    void request(const QVariant &value);
    void setHint(const QString &text);
    QString format(const QVariant &value) const;

    QString m_endpointId;
    QString m_deviceName;
    QHash<QString, ActionWords> m_wordMapping;
    QPersistentModelIndex m_row; // column 0 of the endpoint's row
    bool m_allowed = true;
    bool m_watchOnly = false;
    QString m_allowReason;
    QString m_blockReason;
    QString m_outcome;
    bool m_outcomeFailure = false;
    // The operator changed the editor and has not applied it: telemetry must not overwrite it.
    bool m_edited = false;
    bool m_syncing = false;
    Kind m_kind = Kind::None;
    QElapsedTimer m_lastRequest;
    QTimer m_busyTimer;
    int m_busyPhase = 0;

    QLabel *m_nameLabel = nullptr;
    Sparkline *m_trend = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLabel *m_staleLabel = nullptr;
    QPushButton *m_onButton = nullptr;
    QPushButton *m_offButton = nullptr;
    QDoubleSpinBox *m_spin = nullptr;
    QComboBox *m_combo = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_busy = nullptr;
    QLabel *m_requested = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_outcomeRow = nullptr;
    QLabel *m_outcomeSymbol = nullptr;
    QLabel *m_outcomeLabel = nullptr;
};
