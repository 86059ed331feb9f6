#pragma once

#include <QFrame>
#include <QList>
#include <QString>

class EndpointControl;
class QLabel;
class QVBoxLayout;

// One tile of the control panel as a card: the tile's name, then each of
// its devices (name and kind) with the controls of its endpoints. The card
// lays out controls it is handed; the control panel view creates them, keeps
// them across structure changes and updates them row by row.
class TileCard : public QFrame
{
    Q_OBJECT

public:
    struct Device
    {
        QString deviceId;
        QString name;
        QString kind;
        QList<EndpointControl *> endpoints;
    };

    explicit TileCard(const QString &tileId, QWidget *parent = nullptr);

    QString tileId() const { return m_tileId; }
    void setTitle(const QString &title);
    QString title() const;

    // Lays the devices out in this order; the controls become the card's
    // children. Controls laid out before and not listed now are handed back
    // to the caller's care (they stay children until it moves or deletes them).
    void setDevices(const QList<Device> &devices);
    const QList<Device> &devices() const { return m_devices; }
    QList<EndpointControl *> endpointControls() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshTitleFont();

    QString m_tileId;
    QLabel *m_title = nullptr;
    QVBoxLayout *m_body = nullptr;
    QList<QWidget *> m_headers; // device headers and separators, the card's own
    QList<Device> m_devices;
};
