#include "panels/table/tablefilterproxy.h"

#include "panels/table/seriestablemodel.h"

namespace pharos {

bool TableFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (filters.isEmpty())
        return true;
    const auto *m = static_cast<const SeriesTableModel *>(sourceModel());
    for (int c = 0; c < m->columnCount(); ++c) {
        const auto it = filters.constFind(m->columnName(c));
        if (it == filters.constEnd() || it->isEmpty())
            continue;
        if (!it->contains(m->index(row, c, parent).data().toString()))
            return false;
    }
    return true;
}

} // namespace pharos
