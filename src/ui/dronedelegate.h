#pragma once

#include "model/dronemodel.h"

#include "statustabledelegate.h"

// Draws the drones table's state and battery columns: a shape and words for
// every state, colour only where something is wrong (error, low battery).
class DroneDelegate : public StatusTableDelegate
{
    Q_OBJECT

public:
    static constexpr double kLowBattery = DroneModel::kLowBatteryPercent;
    static constexpr double kCriticalBattery = 10.0;

    explicit DroneDelegate(QObject *parent = nullptr);

    // The words for a state, as the drones table shows them.
    static QString stateText(Domain::DroneState state);
    // A position as the Location column writes it ("48.13922°, 11.57002° · 59 m").
    static QString locationText(double latitude, double longitude, double altitude);

protected:
    // The model gives raw values; this turns them into the column's text.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    void drawSymbol(QPainter *painter, const QModelIndex &index, const QRectF &rect) const override;
    bool needsAction(const QModelIndex &index) const override;
    QStringList statusWords() const override;
    Bar bar(const QModelIndex &index, const QString &text, bool stale) const override;
};
