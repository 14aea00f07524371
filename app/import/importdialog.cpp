#include "app/import/importdialog.h"

#include "datasources/datasourceregistry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pharos {

ImportDialog::ImportDialog(const QString &dashboardTitle, const QList<ImportInput> &inputs,
                           const DataSourceRegistry *registry, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import dashboard"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("“%1” was shared with inputs. Choose the data source or value for each one.")
                       .arg(dashboardTitle),
                   this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    QStringList names;
    QString defaultName;
    if (registry) {
        const DataSource *override = registry->overrideSource();
        for (const DataSource *d : registry->dataSources()) {
            if (d == override)
                continue;
            names << d->settings().name;
            if (d->settings().isDefault && defaultName.isEmpty())
                defaultName = d->settings().name;
        }
    }
    if (defaultName.isEmpty() && !names.isEmpty())
        defaultName = names.first();

    for (const ImportInput &in : inputs) {
        QString label = in.label == in.name ? in.name : tr("%1 (%2)").arg(in.label, in.name);
        if (in.kind == ImportInput::Kind::DataSource) {
            auto *box = new QComboBox(this);
            box->setObjectName(QStringLiteral("input-") + in.name);
            for (const QString &n : std::as_const(names))
                box->addItem(n == defaultName ? tr("%1 (default)").arg(n) : n, n);
            if (names.isEmpty())
                box->addItem(tr("Default data source (none configured yet)"), QString());
            box->setCurrentIndex(std::max(0, box->findData(defaultName)));
            if (!in.pluginId.isEmpty() && in.pluginId != QLatin1String("prometheus"))
                box->setToolTip(tr("This input expects a “%1” data source; Pharos uses "
                                   "Prometheus-compatible ones.")
                                    .arg(in.pluginId));
            form->addRow(label, box);
            m_boxes.insert(in.name, box);
        } else {
            auto *edit = new QLineEdit(in.defaultValue, this);
            edit->setObjectName(QStringLiteral("input-") + in.name);
            if (!in.description.isEmpty())
                edit->setToolTip(in.description);
            form->addRow(label, edit);
            m_edits.insert(in.name, edit);
        }
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QHash<QString, QString> ImportDialog::values() const
{
    QHash<QString, QString> out;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const QString v = it.value()->currentData().toString();
        if (!v.isEmpty())
            out.insert(it.key(), v);
    }
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        out.insert(it.key(), it.value()->text());
    return out;
}

} // namespace pharos
