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

// The colours of one theme's palette: text is `ink` on every surface
// (window, base, button, tool tip), white on the highlight and where bright,
// and `muted` when disabled; every other role takes its colour from here.
struct PaletteColours
{
    QColor ink; // text on every surface
    QColor muted; // disabled text
    QColor window;
    QColor base;
    QColor alternateBase;
    QColor button;
    QColor light;
    QColor midlight;
    QColor mid;
    QColor dark;
    QColor shadow;
    QColor highlight;
    QColor link;
    QColor toolTipBase;
    QColor placeholderText;
};

QPalette paletteOf(const PaletteColours &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.ink);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.ink);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.ink);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.midlight);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.ink);
    p.setColor(QPalette::PlaceholderText, c.placeholderText);
    p.setColor(QPalette::Disabled, QPalette::Text, c.muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, c.muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, c.muted);
    return p;
}

QPalette lightPalette()
{
    return paletteOf({
        .ink = QColor(0x1f, 0x23, 0x28),
        .muted = QColor(0x8a, 0x90, 0x96),
        .window = QColor(0xdd, 0xdf, 0xe1),
        .base = QColor(0xee, 0xef, 0xf0),
        .alternateBase = QColor(0xe5, 0xe7, 0xe9),
        .button = QColor(0xd3, 0xd6, 0xd9),
        .light = QColor(0xf4, 0xf5, 0xf6),
        .midlight = QColor(0xe3, 0xe5, 0xe7),
        .mid = QColor(0xa9, 0xae, 0xb3),
        .dark = QColor(0x8c, 0x92, 0x98),
        .shadow = QColor(0x5a, 0x60, 0x66),
        .highlight = QColor(0x5b, 0x6b, 0x7c),
        .link = QColor(0x2e, 0x5a, 0x88),
        .toolTipBase = QColor(0xf7, 0xf7, 0xf7),
        .placeholderText = QColor(0x6b, 0x72, 0x79),
    });
}

// Dark grey surfaces, not black: black behind light text tires the eyes over
// a shift and makes every colour glare. Text is a soft off-white.
QPalette darkPalette()
{
    return paletteOf({
        .ink = QColor(0xdf, 0xe3, 0xe7),
        .muted = QColor(0x7d, 0x84, 0x8b),
        .window = QColor(0x2a, 0x2e, 0x32),
        .base = QColor(0x33, 0x38, 0x3d),
        .alternateBase = QColor(0x38, 0x3d, 0x42),
        .button = QColor(0x3a, 0x3f, 0x44),
        .light = QColor(0x4a, 0x50, 0x56),
        .midlight = QColor(0x42, 0x47, 0x4d),
        .mid = QColor(0x4c, 0x52, 0x58),
        .dark = QColor(0x22, 0x25, 0x28),
        .shadow = QColor(0x16, 0x18, 0x1a),
        .highlight = QColor(0x4f, 0x60, 0x70),
        .link = QColor(0x8c, 0xb4, 0xdc),
        .toolTipBase = QColor(0x3f, 0x44, 0x4a),
        .placeholderText = QColor(0x96, 0x9c, 0xa2),
    });
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
