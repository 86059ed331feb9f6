#pragma once

#include "model/dronemodel.h"

#include <QStyledItemDelegate>

// Draws the drones table's state and battery columns: a shape and words for
// every state, colour only where something is wrong (error, low battery).
class DroneDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr double kLowBattery = DroneModel::kLowBatteryPercent;
    static constexpr double kCriticalBattery = 10.0;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The words for a state, as the drones table shows them.
    static QString stateText(Domain::DroneState state);

protected:
    // The model gives raw values; this turns them into the column's text.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintState(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBattery(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};
