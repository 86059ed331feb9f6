#include "notificationmodel.h"

NotificationModel::NotificationModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

bool NotificationModel::needsAck(const Item &item)
{
    return item.kind == Kind::Alarm && item.alarmState
        && (*item.alarmState == Domain::AlarmState::ActiveUnacked
            || *item.alarmState == Domain::AlarmState::RtnUnacked);
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &i = itemAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return i.title;
    case IdRole:
        return i.id;
    case KindRole:
        return int(i.kind);
    case SeverityRole:
        return int(i.severity);
    case MessageRole:
        return i.message;
    case SourceKindRole:
        return i.sourceKind ? QVariant(int(*i.sourceKind)) : QVariant();
    case SourceIdRole:
        return i.sourceId;
    case TimeRole:
        return i.time;
    case ReadRole:
        return i.read;
    case EarlierSessionRole:
        return i.earlierSession;
    case AlarmIdRole:
        return i.alarmId;
    case AlarmStateRole:
        return i.alarmState ? QVariant(int(*i.alarmState)) : QVariant();
    case AckedByRole:
        return i.ackedBy.isEmpty() ? QVariant() : QVariant(i.ackedBy);
    case AckedAtRole:
        return i.ackedAt.isValid() ? QVariant(i.ackedAt) : QVariant();
    case NoteRole:
        return i.note.isEmpty() ? QVariant() : QVariant(i.note);
    case CountRole:
        return i.count;
    case NeedsAckRole:
        return needsAck(i);
    case NoLongerReportedRole:
        return i.noLongerReported;
    case ActivatedAgainRole:
        return i.activatedAgain;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({
        {IdRole, "id"},
        {KindRole, "kind"},
        {SeverityRole, "severity"},
        {TitleRole, "title"},
        {MessageRole, "message"},
        {SourceKindRole, "sourceKind"},
        {SourceIdRole, "sourceId"},
        {TimeRole, "time"},
        {ReadRole, "read"},
        {EarlierSessionRole, "earlierSession"},
        {AlarmIdRole, "alarmId"},
        {AlarmStateRole, "alarmState"},
        {AckedByRole, "ackedBy"},
        {AckedAtRole, "ackedAt"},
        {NoteRole, "note"},
        {CountRole, "count"},
        {NeedsAckRole, "needsAck"},
        {NoLongerReportedRole, "noLongerReported"},
        {ActivatedAgainRole, "activatedAgain"},
    });
    return names;
}

void NotificationModel::upsert(const Item &item)
{
    int unread = m_unread;
    if (const auto found = m_index.constFind(item.id); found != m_index.cend()) {
        unread += int(m_items.at(*found).read) - int(item.read);
        m_unreadNotices += unreadNotice(item) - unreadNotice(m_items.at(*found));
        m_items[*found] = item;
        const QModelIndex changed = index(rowOf(*found));
        Q_EMIT dataChanged(changed, changed);
    } else {
        unread += item.read ? 0 : 1;
        m_unreadNotices += unreadNotice(item);
        beginInsertRows({}, 0, 0);
        m_index.insert(item.id, m_items.size());
        m_items.append(item);
        endInsertRows();
    }
    setUnread(unread);
}

void NotificationModel::appendOlder(const QList<Item> &itemsNewestFirst)
{
    QList<Item> fresh;
    for (const Item &item : itemsNewestFirst) {
        if (!m_index.contains(item.id))
            fresh.prepend(item); // oldest first, like m_items
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_items.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_items = fresh + m_items;
    rebuildIndex();
    endInsertRows();
    recount();
}

bool NotificationModel::setRead(const QString &id, bool read)
{
    const auto found = m_index.constFind(id);
    if (found == m_index.cend() || m_items.at(*found).read == read)
        return false;
    if (m_items.at(*found).kind == Kind::System)
        m_unreadNotices += read ? -1 : 1;
    m_items[*found].read = read;
    const QModelIndex changed = index(rowOf(*found));
    Q_EMIT dataChanged(changed, changed, {ReadRole});
    setUnread(m_unread + (read ? -1 : 1));
    return true;
}

int NotificationModel::markAllRead()
{
    int changed = 0;
    for (Item &item : m_items) {
        if (!item.read) {
            item.read = true;
            ++changed;
        }
    }
    if (changed > 0) {
        m_unreadNotices = 0;
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ReadRole});
        setUnread(0);
    }
    return changed;
}

const NotificationModel::Item *NotificationModel::item(const QString &id) const
{
    const auto found = m_index.constFind(id);
    return found == m_index.cend() ? nullptr : &m_items.at(*found);
}

void NotificationModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_items.size());
    for (qsizetype i = 0; i < m_items.size(); ++i)
        m_index.insert(m_items.at(i).id, i);
}

void NotificationModel::recount()
{
    m_unreadNotices
        = int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return unreadNotice(i); }));
    setUnread(int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return !i.read; })));
}

void NotificationModel::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    Q_EMIT unreadCountChanged(unread);
}
