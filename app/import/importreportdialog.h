#pragma once

#include "dashboards/grafana/grafanamigration.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace pharos {

/// Lists every panel of an imported dashboard: its original and new type, its status
/// (converted, unchanged, unsupported) and the notes on what was converted or lost and why.
class ImportReportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportReportDialog(const QString &dashboardTitle, const ImportReport &report,
                       QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QString summary() const;

    /// The translated name of a status, as shown in the list.
    static QString statusText(ImportReportEntry::Status status);

private:
    QLabel *m_summary;
    QTreeWidget *m_tree;
};

} // namespace pharos
