#include "tilecard.h"

#include "endpointcontrol.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

TileCard::TileCard(const QString &tileId, QWidget *parent)
    : QFrame(parent)
    , m_tileId(tileId)
{
    setObjectName(QString(QStringLiteral("tile:") + tileId));
    // The card stands out from the window as a surface, in the palette's greys.
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("tileTitle"));
    refreshTitleFont();
    layout->addWidget(m_title);
    m_body = new QVBoxLayout;
    m_body->setSpacing(4);
    layout->addLayout(m_body);
}

void TileCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The title is larger than the card's font, and grows with it (1.5x for the far end of the room).
    if (event->type() == QEvent::FontChange)
        refreshTitleFont();
}

void TileCard::refreshTitleFont()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
}

void TileCard::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(tr("Tile %1").arg(title));
}

QString TileCard::title() const
{
    return m_title->text();
}

void TileCard::setDevices(const QList<Device> &devices)
{
    while (QLayoutItem *item = m_body->takeAt(0))
        delete item; // the widgets stay: headers are deleted below, controls are the caller's
    qDeleteAll(m_headers);
    m_headers.clear();
    m_devices = devices;

    for (qsizetype d = 0; d < devices.size(); ++d) {
        const Device &device = devices.at(d);
        if (d > 0) {
            auto *line = new QFrame(this);
            line->setFrameShape(QFrame::HLine);
            line->setFrameShadow(QFrame::Plain);
            line->setForegroundRole(QPalette::Mid);
            m_body->addWidget(line);
            m_headers.append(line);
            line->show(); // made while the card may be visible: it would start hidden
        }
        auto *header = new QWidget(this);
        header->setObjectName(QString(QStringLiteral("device:") + device.deviceId));
        auto *row = new QHBoxLayout(header);
        row->setContentsMargins(0, 4, 0, 0);
        row->setSpacing(8);
        auto *name = new QLabel(device.name, header);
        name->setObjectName(QStringLiteral("deviceName"));
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        auto *kind = new QLabel(device.kind, header);
        kind->setObjectName(QStringLiteral("deviceKind"));
        kind->setForegroundRole(QPalette::PlaceholderText);
        row->addWidget(name);
        row->addWidget(kind);
        row->addStretch(1);
        header->setAccessibleName(tr("%1 (%2)").arg(device.name, device.kind));
        m_body->addWidget(header);
        m_headers.append(header);
        header->show();

        for (EndpointControl *control : device.endpoints) {
            if (control->parentWidget() != this)
                control->setParent(this);
            control->setDeviceName(device.name);
            m_body->addWidget(control);
            control->show(); // reparenting hides a widget
        }
    }
}

QList<EndpointControl *> TileCard::endpointControls() const
{
    QList<EndpointControl *> out;
    for (const Device &device : m_devices)
        out += device.endpoints;
    return out;
}
