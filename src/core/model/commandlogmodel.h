#pragma once

#include "domain/commandrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <optional>

class CommandModel;

// The command log as the operator reads it: the commands of earlier runs,
// as the local store gave them at start (the newest page of them), together with
// every command of this run from the live CommandModel, one row per command.
// A live update of a command that is also in the loaded history updates its
// row, so a command never shows twice. Rows of this run keep coming while
// the live model drops its oldest finished ones.
class CommandLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        OperatorColumn,
        EndpointColumn,
        RequestedColumn,
        ActualColumn,
        StatusColumn,
        ResultColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int {
        CommandIdRole = Qt::UserRole + 1,
        EndpointIdRole,
        OperatorNameRole,
        RequestedValueRole, // bool, double or QString; invalid when unknown
        ActualValueRole, // bool, double or QString; invalid when unknown
        StatusRole, // Domain::CommandState as int
        FinalRole, // bool: the status will not change any more
        ErrorRole, // QString; invalid when there is none
        IssuedAtRole, // QDateTime, UTC
        LastChangeRole, // QDateTime, UTC
        HistoryRole, // QVariantList of QVariantMap {status, at[, actualValue][, error]}, oldest first
        EarlierRunRole, // bool: read from the store, issued before this run
        SortRole, // a value per column that sorts naturally
    };
    Q_ENUM(Role)

    static constexpr int DefaultHistoryLimit = 1000;

    // What the local store held at start: no store (live commands only), the
    // stored commands newest first (their ids as the store keys them, see
    // storeId()), or why they could not be read.
    struct History
    {
        bool hasStore = false;
        std::optional<QList<Domain::CommandRecord>> entries;
        QString error;
    };

    // `live` may be null (the stored commands only); it is not owned and
    // must outlive the model. The services read `earlier` from the store
    // (CommandRecorder::readHistory).
    CommandLogModel(CommandModel *live, const History &earlier, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &commandId) const { return m_rowByKey.value(keyOf(commandId), -1); }
    int earlierRunCount() const { return m_earlierRunCount; }
    bool hasStore() const { return m_hasStore; }
    // Why the earlier commands could not be read; empty when they were.
    QString loadError() const { return m_loadError; }

    // How commands are keyed in the store. Command ids are client-made UUIDs;
    // an id that is not one (a `plain` server's number) gets a name-based UUID.
    static QUuid storeId(const QString &commandId);

    // How the Endpoint column names an endpoint for the operator (the
    // plant's tile › device › endpoint, TileModel::endpointPath); unset, or
    // an endpoint the plant no longer lists, by its id. Asked when drawn,
    // so a name that arrives later shows at the next repaint.
    void setEndpointPaths(std::function<QString(const QString &endpointId)> path) { m_path = std::move(path); }

private:
    struct Row : Domain::CommandRecord
    {
        bool earlierRun = false;
        int liveChangesSeen = 0; // entries of the live model's history merged so far
    };

    static QString keyOf(const QString &commandId) { return storeId(commandId).toString(QUuid::WithoutBraces); }
    static QVariant columnValue(const Row &row, int column);
    static QVariant sortValue(const Row &row, int column);
    void load(const History &earlier);
    void onLiveRowsInserted(int first, int last);
    void onLiveRowsChanged(int first, int last, const QList<int> &roles);
    void onLiveRowsAboutToBeRemoved(int first, int last);
    // Folds live row `liveRow` into `row`; true if anything shown changed.
    bool merge(Row &row, int liveRow) const;

    QString endpointText(const Row &row) const { return m_path ? m_path(row.endpointId) : row.endpointId; }

    std::function<QString(const QString &)> m_path;
    QPointer<CommandModel> m_live;
    QList<Row> m_rows;
    QHash<QString, int> m_rowByKey; // store key → row
    int m_earlierRunCount = 0;
    bool m_hasStore = false;
    QString m_loadError;
};
