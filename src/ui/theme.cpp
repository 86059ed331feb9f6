#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Theme {

namespace {

ThemeMode g_mode = ThemeMode::Light;

bool dark()
{
    return g_mode == ThemeMode::Dark;
}

QPalette lightPalette()
{
    QPalette p;
    const QColor ink(0x1f, 0x23, 0x28);
    const QColor muted(0x8a, 0x90, 0x96);
    p.setColor(QPalette::Window, QColor(0xdd, 0xdf, 0xe1));
    p.setColor(QPalette::WindowText, ink);
    p.setColor(QPalette::Base, QColor(0xee, 0xef, 0xf0));
    p.setColor(QPalette::AlternateBase, QColor(0xe5, 0xe7, 0xe9));
    p.setColor(QPalette::Text, ink);
    p.setColor(QPalette::Button, QColor(0xd3, 0xd6, 0xd9));
    p.setColor(QPalette::ButtonText, ink);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0xf4, 0xf5, 0xf6));
    p.setColor(QPalette::Midlight, QColor(0xe3, 0xe5, 0xe7));
    p.setColor(QPalette::Mid, QColor(0xa9, 0xae, 0xb3));
    p.setColor(QPalette::Dark, QColor(0x8c, 0x92, 0x98));
    p.setColor(QPalette::Shadow, QColor(0x5a, 0x60, 0x66));
    p.setColor(QPalette::Highlight, QColor(0x5b, 0x6b, 0x7c));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x2e, 0x5a, 0x88));
    p.setColor(QPalette::ToolTipBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::ToolTipText, ink);
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x79));
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return p;
}

// Dark grey surfaces, not black: black behind light text tires the eyes over
// a shift and makes every colour glare. Text is a soft off-white.
QPalette darkPalette()
{
    QPalette p;
    const QColor ink(0xdf, 0xe3, 0xe7);
    const QColor muted(0x7d, 0x84, 0x8b);
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, ink);
    p.setColor(QPalette::Base, QColor(0x33, 0x38, 0x3d));
    p.setColor(QPalette::AlternateBase, QColor(0x38, 0x3d, 0x42));
    p.setColor(QPalette::Text, ink);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3f, 0x44));
    p.setColor(QPalette::ButtonText, ink);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x56));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x47, 0x4d));
    p.setColor(QPalette::Mid, QColor(0x4c, 0x52, 0x58));
    p.setColor(QPalette::Dark, QColor(0x22, 0x25, 0x28));
    p.setColor(QPalette::Shadow, QColor(0x16, 0x18, 0x1a));
    p.setColor(QPalette::Highlight, QColor(0x4f, 0x60, 0x70));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8c, 0xb4, 0xdc));
    p.setColor(QPalette::ToolTipBase, QColor(0x3f, 0x44, 0x4a));
    p.setColor(QPalette::ToolTipText, ink);
    p.setColor(QPalette::PlaceholderText, QColor(0x96, 0x9c, 0xa2));
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return p;
}

} // namespace

void apply()
{
    apply(ThemeMode::Light);
}

void apply(ThemeMode mode)
{
    // Setting a style again would re-polish every widget for nothing.
    if (QApplication::style()->name().compare(u"fusion", Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // The mode first: widgets repainting on the palette change read it.
    g_mode = mode;
    QApplication::setPalette(mode == ThemeMode::Dark ? darkPalette() : lightPalette());
}

ThemeMode mode()
{
    return g_mode;
}

QColor liveColor()
{
    return dark() ? QColor(0x7f, 0xb4, 0x8c) : QColor(0x2f, 0x6b, 0x3d);
}

QColor neutralColor()
{
    return dark() ? QColor(0xb0, 0xb7, 0xbe) : QColor(0x5f, 0x66, 0x6d);
}

QColor warningColor()
{
    return dark() ? QColor(0xd9, 0xa4, 0x41) : QColor(0x8a, 0x61, 0x00);
}

QColor alarmColor()
{
    return dark() ? QColor(0xf0, 0x80, 0x80) : QColor(0xc0, 0x1f, 0x1f);
}

QColor staleText()
{
    return dark() ? QColor(0x9e, 0xa4, 0xaa) : QColor(0x65, 0x6b, 0x71);
}

QColor staleBackground()
{
    // Muted amber in both modes, so the same dark text reads on it.
    return dark() ? QColor(0xc2, 0xa0, 0x50) : QColor(0xf3, 0xd9, 0x8b);
}

QColor staleBannerText()
{
    return {0x3a, 0x2c, 0x00};
}

ChartColors chartColors()
{
    if (dark()) {
        return {
            .background = QColor(0x33, 0x38, 0x3d),
            .frame = QColor(0x4a, 0x50, 0x56),
            .title = QColor(0xdf, 0xe3, 0xe7),
            .legend = QColor(0xc5, 0xcb, 0xd1),
            .grid = QColor(0x44, 0x4a, 0x50),
            .axisLine = QColor(0x5a, 0x60, 0x66),
            .labels = QColor(0xa9, 0xb0, 0xb7),
            .series = {QColor(0xcf, 0xd4, 0xd9), QColor(0x9c, 0xa3, 0xaa), QColor(0x7a, 0x81, 0x88)},
            .limit = QColor(0x6e, 0x74, 0x7a),
        };
    }
    return {
        .background = QColor(0xee, 0xef, 0xf0),
        .frame = QColor(0xc4, 0xc8, 0xcc),
        .title = QColor(0x1f, 0x23, 0x28),
        .legend = QColor(0x3a, 0x40, 0x46),
        .grid = QColor(0xd6, 0xd9, 0xdc),
        .axisLine = QColor(0xb4, 0xb9, 0xbe),
        .labels = QColor(0x5f, 0x66, 0x6d),
        .series = {QColor(0x3f, 0x45, 0x4b), QColor(0x72, 0x79, 0x80), QColor(0x96, 0x9c, 0xa2)},
        .limit = QColor(0xa4, 0xaa, 0xb0),
    };
}

} // namespace Theme
