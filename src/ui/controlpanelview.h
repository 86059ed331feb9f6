#pragma once

#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QSet>
#include <QTimer>
#include <QVariant>
#include <QWidget>

#include "actionwords.h"

class EndpointControl;
class QGridLayout;
class QLabel;
class QScrollArea;
class TileCard;
class TileModel;

// The control panel: one card per tile of the session's TileModel, in a
// grid that re-flows with the width and scrolls. Cards follow the model's
// inserts, removes, moves and resets; a change of values updates only the
// controls of the rows it names. Trends are redrawn at most once a second.
// The view sends nothing itself: a deliberate action on a control becomes
// commandRequested(), which the command service acts on; the service reports
// back with setOutcome(), and says when commands are not possible at all
// (setCommandsAllowed) or not on one endpoint (setEndpointBlocked).
class ControlPanelView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kTrendRedrawMs = 1000;

    explicit ControlPanelView(TileModel *tiles, QWidget *parent = nullptr);
    ~ControlPanelView() override;

    // The last outcome of a command on the endpoint ("Failed: valve stuck —
    // back to Off"); a failure shows in the alarm colour with a symbol. Kept
    // until the next command on that endpoint; an empty text clears it.
    void setOutcome(const QString &endpointId, const QString &text, bool failure);
    // When not allowed every control is disabled and shows the reason word
    // ("read-only", "offline", "commands off"), with the reason as tooltip.
    void setCommandsAllowed(bool allowed, const QString &reason = {});
    bool commandsAllowed() const { return m_allowed; }
    // A screen that never commands (a kiosk without commands): every
    // control's buttons and editors hidden (EndpointControl::setWatchOnly),
    // so the cards show names, values and trends only.
    void setWatchOnly(bool watchOnly);
    bool isWatchOnly() const { return m_watchOnly; }
    // One endpoint blocked for a reason of its own; an empty reason unblocks it.
    void setEndpointBlocked(const QString &endpointId, const QString &reason);
    // The profile's words for on/off actions (ActionWords::forEndpoint).
    void setActionWordMapping(const QHash<QString, ActionWords> &mapping);
    const QHash<QString, ActionWords> &actionWordMapping() const { return m_wordMapping; }
    // The words of an on/off endpoint's actions, as its buttons show them.
    ActionWords actionWords(const QString &endpointId) const;

    // In the model's order.
    QList<TileCard *> cards() const { return m_cards; }
    TileCard *card(const QString &tileId) const { return m_cardById.value(tileId); }
    EndpointControl *endpointControl(const QString &endpointId) const { return m_controls.value(endpointId); }
    int columnCount() const { return m_columns; }
    // The least width of a card in the view's type; wider columns share the room left.
    int minimumCardWidth() const;
    // How much larger than the view's type the cards draw theirs (1 to 1.5):
    // on a wide screen with few tiles the cards grow to be read from afar.
    qreal cardScale() const { return m_cardScale; }
    QScrollArea *scrollArea() const { return m_scroll; }

Q_SIGNALS:
    // Once per deliberate action of the operator on a control.
    void commandRequested(const QString &endpointId, const QVariant &value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleStructure();
    void syncStructure();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    EndpointControl *createControl(const QString &endpointId);
    int columnsFor(int available) const;
    void reflow(bool force = false);
    void setCardScale(qreal scale, bool force);
    void updateTabOrder();
    void redrawTrends();

    TileModel *m_model;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_canvas = nullptr;
    QGridLayout *m_grid = nullptr;
    QLabel *m_empty = nullptr;
    QList<TileCard *> m_cards;
    QHash<QString, TileCard *> m_cardById;
    QHash<QString, EndpointControl *> m_controls;
    QHash<QString, QString> m_blocked;
    QHash<QString, ActionWords> m_wordMapping;
    QSet<QString> m_dirtyTrends;
    QTimer m_structureTimer;
    QTimer m_trendTimer;
    bool m_allowed = true;
    bool m_watchOnly = false;
    QString m_reason;
    int m_columns = 0;
    qreal m_cardScale = 1.0;
};
