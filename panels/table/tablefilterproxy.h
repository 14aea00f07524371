#pragma once

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace pharos {

/// Sorts by the raw values and keeps the rows whose cells show one of a column's chosen
/// values. Filters are kept by column name, so a refresh with new columns keeps them.
class TableFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QHash<QString, QSet<QString>> filters;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;
};

} // namespace pharos
