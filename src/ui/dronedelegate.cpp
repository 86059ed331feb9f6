#include "dronedelegate.h"

#include "cellpainter.h"
#include "model/dronemodel.h"
#include "theme.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace {

void drawStateSymbol(QPainter *p, Domain::DroneState state, const QRectF &r)
{
    using S = Domain::DroneState;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QColor ink = Theme::neutralColor();
    switch (state) {
    case S::Flying: { // an arrowhead: moving
        QPainterPath path;
        path.moveTo(r.left(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.left(), r.bottom());
        path.lineTo(r.left() + r.width() * 0.3, r.center().y());
        path.closeSubpath();
        p->setPen(Qt::NoPen);
        p->setBrush(ink);
        p->drawPath(path);
        break;
    }
    case S::Idle: // a ring: ready, doing nothing
        p->setPen(QPen(ink, 1.6));
        p->drawEllipse(r.adjusted(1, 1, -1, -1));
        break;
    case S::Charging: { // a plug-like bar with a cap
        p->setPen(QPen(ink, 1.6));
        p->setBrush(Qt::NoBrush);
        p->drawRect(r.adjusted(1, 3, -3, -3));
        p->fillRect(QRectF(r.right() - 2.5, r.center().y() - 2, 2, 4), ink);
        p->fillRect(r.adjusted(3, 5, -r.width() / 2.0, -5), ink);
        break;
    }
    case S::Maintenance: // a square outline: out of service on purpose
        p->setPen(QPen(ink, 1.6));
        p->drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        p->drawLine(r.topLeft() + QPointF(1.5, 1.5), r.bottomRight() - QPointF(1.5, 1.5));
        break;
    case S::Offline: // a dashed ring: not heard from
        p->setPen(QPen(ink, 1.6, Qt::DashLine));
        p->drawEllipse(r.adjusted(1, 1, -1, -1));
        break;
    case S::Error: { // a red diamond with a bar: act
        CellPainter::fillDiamond(p, r, Theme::alarmColor());
        p->setPen(QPen(Qt::white, 1.8));
        p->drawLine(QPointF(r.center().x(), r.top() + 3.5), QPointF(r.center().x(), r.center().y() + 1));
        p->drawPoint(QPointF(r.center().x(), r.bottom() - 3.5));
        break;
    }
    }
    p->restore();
}

} // namespace

QString DroneDelegate::stateText(Domain::DroneState state)
{
    using S = Domain::DroneState;
    switch (state) {
    case S::Idle:
        return tr("Idle");
    case S::Flying:
        return tr("Flying");
    case S::Charging:
        return tr("Charging");
    case S::Maintenance:
        return tr("Maintenance");
    case S::Offline:
        return tr("Offline");
    case S::Error:
        return tr("Error");
    }
    return {};
}

QString DroneDelegate::locationText(double latitude, double longitude, double altitude)
{
    const QLocale locale;
    return tr("%1°, %2° · %3 m")
        .arg(locale.toString(latitude, 'f', 5), locale.toString(longitude, 'f', 5), locale.toString(qRound(altitude)));
}

void DroneDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool stale = index.data(DroneModel::StaleRole).toBool();
    switch (index.column()) {
    case DroneModel::StateColumn:
        option->text = stateText(Domain::DroneState(index.data(DroneModel::StateRole).toInt()));
        break;
    case DroneModel::BatteryColumn:
        option->text = tr("%1 %").arg(qRound(index.data(DroneModel::BatteryRole).toDouble()));
        break;
    case DroneModel::LocationColumn:
        option->text = locationText(index.data(DroneModel::LatitudeRole).toDouble(),
                                    index.data(DroneModel::LongitudeRole).toDouble(),
                                    index.data(DroneModel::AltitudeRole).toDouble());
        break;
    case DroneModel::BuildColumn: {
        const QVariant percent = index.data(DroneModel::BuildPercentRole);
        option->text = !percent.isValid() ? QString()
            : percent.toInt() >= 100
            ? tr("built")
            : tr("%1 % · %2").arg(percent.toInt()).arg(index.data(DroneModel::BuildStageRole).toString());
        break;
    }
    case DroneModel::OperationColumn: {
        const QVariant mission = index.data(DroneModel::MissionRole);
        option->text = mission.isValid() ? tr("%1 · %2 %")
                                               .arg(mission.toString())
                                               .arg(qRound(index.data(DroneModel::MissionProgressRole).toDouble()))
                                         : QString();
        break;
    }
    case DroneModel::LastUpdateColumn: {
        option->text = lastSeenText(stale, index.data(DroneModel::AgeRole).toLongLong(),
                                    index.data(DroneModel::LastUpdateRole).toDateTime());
        break;
    }
    default:
        break;
    }
}

DroneDelegate::DroneDelegate(QObject *parent)
    : StatusTableDelegate({DroneModel::StaleRole, DroneModel::AgeRole, DroneModel::StateColumn,
                           DroneModel::BatteryColumn, QStringLiteral("100 % LOW")},
                          parent)
{ }

void DroneDelegate::drawSymbol(QPainter *painter, const QModelIndex &index, const QRectF &rect) const
{
    drawStateSymbol(painter, Domain::DroneState(index.data(DroneModel::StateRole).toInt()), rect);
}

QStringList DroneDelegate::statusWords() const
{
    using S = Domain::DroneState;
    QStringList words;
    for (S state : {S::Idle, S::Flying, S::Charging, S::Maintenance, S::Offline, S::Error})
        words.append(stateText(state));
    return words;
}

bool DroneDelegate::needsAction(const QModelIndex &index) const
{
    return Domain::DroneState(index.data(DroneModel::StateRole).toInt()) == Domain::DroneState::Error;
}

StatusTableDelegate::Bar DroneDelegate::bar(const QModelIndex &index, const QString &text, bool) const
{
    // A low battery keeps its colour and word on a stale row, faded with the
    // row: the last known level is still the one to act on, but not news.
    const double battery = index.data(DroneModel::BatteryRole).toDouble();
    const bool low = battery < kLowBattery;
    const QColor fill = battery < kCriticalBattery ? Theme::alarmColor()
        : low                                      ? Theme::warningColor()
                                                   : Theme::neutralColor();
    return {battery, fill, low ? tr("%1 LOW").arg(text) : text, low ? fill.darker(115) : QColor(), low};
}
