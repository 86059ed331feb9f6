#pragma once

#include <QLabel>
#include <QTimer>

#include <functional>

class QAbstractItemModel;
class QAbstractItemView;
class QAbstractScrollArea;

// A centred line over an empty list or chart saying what it waits for or
// why it shows nothing ("No alarms", "Waiting for the server's first
// drones", "No rows match the filters"), so that an empty area never reads
// as a broken or a quiet one. The one place every list and chart of the
// console gets its empty look from.
//
// It covers the scroll area's viewport, lets the mouse through to it, and
// shows only while its text is not empty. The text is asked again whenever
// a followed model gains, loses or resets rows, on refresh(), and once a
// second while shown (for what no model tells, such as the link coming
// back).
class EmptyNotice : public QLabel
{
    Q_OBJECT

public:
    using Text = std::function<QString()>;

    // Parented to `area`'s viewport.
    EmptyNotice(QAbstractScrollArea *area, Text text);

    // Whether a list's own filters are narrowing it (not what it lists by design).
    using Filtered = std::function<bool()>;

    // For a list or table: nothing while its model has rows; "No rows match
    // the filters" when it is a filter proxy whose source has rows and whose
    // filters narrow it (`filtered`; unset: whenever the source has rows);
    // else what `nothingYet` says (what the list waits for, or why it is empty).
    static EmptyNotice *forList(QAbstractItemView *view, Text nothingYet, Filtered filtered = {});
    // The text a list shows for `model` (see forList).
    static QString listText(const QAbstractItemModel *model, const Text &nothingYet, const Filtered &filtered = {});

    void follow(const QAbstractItemModel *model);
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_viewport;
    Text m_text;
    QTimer m_clock;
};
