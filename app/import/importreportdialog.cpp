#include "app/import/importreportdialog.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pharos {

QString ImportReportDialog::statusText(ImportReportEntry::Status status)
{
    switch (status) {
    case ImportReportEntry::Status::Converted:
        return tr("Converted");
    case ImportReportEntry::Status::Unsupported:
        return tr("Unsupported");
    case ImportReportEntry::Status::Unchanged:
        break;
    }
    return tr("Unchanged");
}

ImportReportDialog::ImportReportDialog(const QString &dashboardTitle, const ImportReport &report,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importReportDialog"));
    setWindowTitle(tr("Import report — %1").arg(dashboardTitle));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(
        tr("Schema %1 → %2. %n panel(s): ", nullptr, int(report.panels.size()))
                .arg(report.fromSchemaVersion)
                .arg(report.toSchemaVersion) +
            tr("%1 converted, %2 unchanged, %3 unsupported (shown as placeholders, kept on "
               "save).")
                .arg(report.count(ImportReportEntry::Status::Converted))
                .arg(report.count(ImportReportEntry::Status::Unchanged))
                .arg(report.count(ImportReportEntry::Status::Unsupported)),
        this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    if (!report.notes.isEmpty()) {
        auto *notes = new QLabel(report.notes.join(QLatin1Char('\n')), this);
        notes->setObjectName(QStringLiteral("importNotes"));
        notes->setTextFormat(Qt::PlainText);
        notes->setWordWrap(true);
        layout->addWidget(notes);
    }

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("importReportTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->setHeaderLabels(
        {tr("Panel"), tr("Original type"), tr("New type"), tr("Status"), tr("Notes")});
    for (const ImportReportEntry &e : report.panels) {
        const QString id = e.id.isDouble() ? QString::number(e.id.toDouble()) : QString();
        QString title = e.title.isEmpty() ? tr("(untitled)") : e.title;
        if (!id.isEmpty())
            title = tr("%1 (id %2)").arg(title, id);
        auto *item = new QTreeWidgetItem(
            m_tree, {title, e.fromType, e.toType.isEmpty() ? tr("(layout only)") : e.toType,
                     statusText(e.status), e.notes.join(QLatin1Char('\n'))});
        item->setToolTip(4, e.notes.join(QLatin1Char('\n')));
        if (e.status == ImportReportEntry::Status::Unsupported)
            item->setForeground(3, QColor(0xc4, 0x16, 0x2a));
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);
}

QString ImportReportDialog::summary() const
{
    return m_summary->text();
}

} // namespace pharos
