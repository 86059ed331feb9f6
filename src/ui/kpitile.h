#pragma once

#include "domain/alarm.h"

#include <QWidget>

#include <optional>

// One figure of the overview: a big number, what it counts, and, only when
// the figure is abnormal, an accent with a shape and a word (never colour
// alone). A stale tile is greyed and says so: it never passes for live.
class KpiTile : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(bool abnormal READ isAbnormal NOTIFY appearanceChanged)
    Q_PROPERTY(bool stale READ isStale WRITE setStale NOTIFY appearanceChanged)

public:
    enum class Level { Normal, Warning, Alarm };
    Q_ENUM(Level)

    KpiTile(const QString &group, const QString &label, QWidget *parent = nullptr);

    QString group() const { return m_group; }
    QString label() const { return m_label; }

    // Already formatted for the operator's locale.
    void setValue(const QString &text);
    QString valueText() const { return m_value; }

    // The word says what is wrong ("Down", "Low"); ignored for Normal.
    void setLevel(Level level, const QString &word = {});
    Level level() const { return m_level; }
    QString levelText() const { return m_level == Level::Normal ? QString() : m_word; }
    bool isAbnormal() const { return m_level != Level::Normal; }

    // A tile that counts the alarms of one priority wears that priority's
    // code (PriorityCode) when its figure is abnormal: its colour for the
    // accent, its shape for the symbol; the label is its word.
    void setPriority(Domain::AlarmSeverity priority);
    // The accent and symbol only, the label kept: the count of waiting
    // alarms wears its most urgent priority's code. None: the level's own.
    void setAccentPriority(std::optional<Domain::AlarmSeverity> priority);
    std::optional<Domain::AlarmSeverity> priority() const { return m_priority; }
    // The accent's colour and where the symbol is painted, as last painted
    // (empty while normal).
    QColor accentColor() const;
    QRectF symbolRect() const { return m_symbolRect; }

    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // How old a stale tile's value is, shown as "stale · 2 min" beside a
    // normal figure; -1 (unknown) shows "stale" alone.
    void setStaleAge(qint64 ms);
    // The word right of the number: what is wrong, or that it is stale.
    QString markText() const;
    // The width in which the group, the label, the figure and the word
    // beside it all show whole, none cut short; and whether the tile has it.
    int wholeTextWidth() const;
    bool textFits() const { return width() >= wholeTextWidth(); }

    // The tile's type and padding, as a multiple of its font (1 by default):
    // a wide screen's Overview draws its tiles larger to be read across the
    // room. Values below 1 are taken as 1.
    void setScale(qreal scale);
    qreal scale() const { return m_scale; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The shape of a level, drawn in `rect`: nothing for Normal, a triangle
    // for Warning, an octagon with a bar for Alarm.
    static void paintSymbol(QPainter &painter, const QRectF &rect, Level level, const QColor &color);

Q_SIGNALS:
    void appearanceChanged();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QSize sizeAt(qreal scale) const;
    void refreshAccessibleText();

    QString m_group;
    QString m_label;
    QString m_value;
    QString m_word;
    Level m_level = Level::Normal;
    bool m_stale = false;
    qint64 m_staleAgeMs = -1;
    qreal m_scale = 1.0;
    std::optional<Domain::AlarmSeverity> m_priority;
    mutable QRectF m_symbolRect;
};
