#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace Theme {

void apply()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xdd, 0xdf, 0xe1));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, QColor(0xee, 0xef, 0xf0));
    p.setColor(QPalette::AlternateBase, QColor(0xe5, 0xe7, 0xe9));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Button, QColor(0xd3, 0xd6, 0xd9));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x5b, 0x6b, 0x7c));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x79));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x90, 0x96));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x90, 0x96));
    QApplication::setPalette(p);
}

QColor liveColor()
{
    return {0x3b, 0x7a, 0x4a};
}

QColor neutralColor()
{
    return {0x5f, 0x66, 0x6d};
}

QColor warningColor()
{
    return {0xc7, 0x8a, 0x00};
}

QColor alarmColor()
{
    return {0xc0, 0x1f, 0x1f};
}

QColor staleText()
{
    return {0x86, 0x8c, 0x92};
}

QColor staleBackground()
{
    return {0xf3, 0xd9, 0x8b};
}

} // namespace Theme
