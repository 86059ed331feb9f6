#pragma once

#include "domain/alarm.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>

class AlarmModel;
class AlarmRateMeter;
class LinkStatus;

// The alarm banner, always in view: a strip in every window's fixed frame
// (never inside a scrolling view) that says, whatever view is shown, what
// waits for the operator:
// - the waiting alarms per priority, each with its priority's mark, colour
//   and word (PriorityCode); Unknown only while there are any;
// - their total, the one count of waiting alarms
//   (AlarmModel::unacknowledgedCount(): active or returned, not
//   acknowledged, not shelved), the same number as the bell, the Overview's
//   tile and the notification center;
// - the alarm rate and its judgement from the session's one AlarmRateMeter
//   ("FLOOD · 27 in 10 min" in a flood);
// - how long the oldest waiting alarm has waited ("oldest 4 min"), updated
//   every second.
// While the link is not live the figures are the last known: greyed, with
// "last known" after them.
// A click, or Enter or Space while it has the focus, is activated(): the
// window shows the Alarms view.
class AlarmBanner : public QWidget
{
    Q_OBJECT

public:
    // None is owned; all must outlive the banner. Without `link` the
    // figures always count as live.
    AlarmBanner(AlarmModel *alarms, AlarmRateMeter *rate, LinkStatus *link = nullptr, QWidget *parent = nullptr);

    // For tests: the wall clock (UTC) the oldest alarm's age is measured on.
    void setClock(std::function<QDateTime()> clock);

    // What the banner shows now, as it writes it.
    int count(Domain::AlarmSeverity priority) const;
    int waitingCount() const { return m_waiting; }
    // "3 High"; the word is PriorityCode::word().
    QString countText(Domain::AlarmSeverity priority) const;
    // "27 waiting".
    QString waitingText() const;
    // "FLOOD · 27 in 10 min", or "3 in 10 min · acceptable".
    QString rateText() const;
    bool isFlood() const;
    // The link is not live: what the banner says is the last known.
    bool isStale() const { return m_stale; }
    // "oldest 4 min", empty while nothing waits.
    QString oldestText() const;
    // Whether the priority's count is shown (Unknown only while it counts any).
    bool shows(Domain::AlarmSeverity priority) const;
    // Where a priority's mark is painted.
    QRectF markRect(Domain::AlarmSeverity priority) const;
    // Where each part (counts, total, rate, oldest, the way to the Alarms
    // view) is laid out, left to right and, when one line is not enough,
    // top to bottom.
    QList<QRectF> partRects() const;
    // Everything the banner says, in one line (its accessible description).
    QString summaryText() const;

    // One line when the width allows; narrower, the parts go on as many
    // lines as they need, each part whole (a kiosk's large type on a small
    // screen), and the banner is as tall as they are.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

Q_SIGNALS:
    // The operator asked for the Alarms view.
    void activated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // One piece of the strip, left to right.
    struct Part
    {
        QString text;
        int priority = -1; // a Domain::AlarmSeverity with a mark before the text, or -1
        bool bold = false;
        bool reversed = false; // the flood: light text on the ink
        bool note = false; // "last known": slanted, greyed
        QRectF rect; // laid out
    };

    void recount();
    QString ageText() const;
    void refreshAge();
    void refreshText();
    QList<Part> parts() const;
    void layOut();
    int lineCount(int width) const;
    int markSide() const;
    qreal partWidth(const Part &part) const;

    AlarmModel *m_alarms;
    AlarmRateMeter *m_rate;
    LinkStatus *m_link;
    bool m_stale = false;
    std::function<QDateTime()> m_clock;
    std::array<int, 6> m_counts {};
    int m_waiting = 0;
    QDateTime m_oldestRaised; // UTC; invalid while nothing waits
    QString m_oldestText;
    QList<Part> m_parts;
    int m_lines = 1; // as last laid out
    QTimer m_ageTimer;
};
