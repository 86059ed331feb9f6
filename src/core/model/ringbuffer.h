#pragma once

#include <QList>

#include <algorithm>

// A fixed-capacity ring: appending to a full buffer overwrites the oldest
// element, so memory never grows past the capacity however long the console
// runs. Storage is allocated on the first append, not before.
template<typename T> class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 0)
        : m_capacity(std::max<qsizetype>(0, capacity))
    { }

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    void append(const T &value)
    {
        if (m_capacity == 0)
            return;
        if (m_items.size() < m_capacity) {
            m_items.append(value); // still filling: the oldest is at 0
            m_size = m_items.size();
            return;
        }
        m_items[m_head] = value;
        m_head = (m_head + 1) % m_capacity;
    }

    // Element i counted from the oldest (0) to the newest (size() - 1).
    const T &at(qsizetype i) const { return m_items.at((m_head + i) % m_items.size()); }
    const T &newest() const { return at(m_size - 1); }

    // Oldest first.
    QList<T> toList() const
    {
        QList<T> out;
        out.reserve(m_size);
        for (qsizetype i = 0; i < m_size; ++i)
            out.append(at(i));
        return out;
    }

    void clear()
    {
        m_items.clear();
        m_items.squeeze();
        m_head = 0;
        m_size = 0;
    }

private:
    QList<T> m_items;
    qsizetype m_capacity;
    qsizetype m_head = 0; // index of the oldest element once full
    qsizetype m_size = 0;
};
