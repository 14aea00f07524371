#include "app/datasources/datasourcemanager.h"

#include "app/datasources/datasourcedialog.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourcefactory.h"
#include "datasources/datasourceregistry.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace pharos {

namespace {

const QColor HealthyColor(0x56, 0xa6, 0x4b);
const QColor FailingColor(0xe0, 0x2f, 0x44);
const QColor UnknownColor(0x9e, 0x9e, 0x9e);
const QColor WarningColor(0xc4, 0x7f, 0x00);

QIcon dot(const QColor &color)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}

} // namespace

void applyDataSourcesToRegistry(DataSourceRegistry *registry,
                                const QList<DataSourceSettings> &sources)
{
    if (!registry)
        return;
    DataSource *override = registry->overrideSource();
    auto find = [&](const DataSourceSettings &s) -> DataSource * {
        DataSource *d = registry->byUid(s.uid);
        if (!d)
            d = registry->byName(s.name);
        return d == override ? nullptr : d;
    };
    QSet<DataSource *> keep;
    for (const DataSourceSettings &s : sources) {
        if (override && override->settings().name == s.name)
            continue;
        if (DataSource *d = find(s)) {
            d->setSettings(s);
            keep.insert(d);
        }
    }
    for (DataSource *d : registry->dataSources()) {
        if (d != override && !keep.contains(d))
            registry->remove(d->settings().name);
    }
    for (const DataSourceSettings &s : sources) {
        if (override && override->settings().name == s.name)
            continue;
        if (!find(s))
            registry->add(s);
    }
    Q_EMIT registry->changed();
}

DataSourceManager::DataSourceManager(DataSourceRegistry *registry, CredentialStore *credentials,
                                     QWidget *parent)
    : QDialog(parent), m_registry(registry), m_credentials(credentials),
      m_table(new QTreeWidget(this)), m_edit(new QPushButton(tr("Edit…"), this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_setDefault(new QPushButton(tr("Set as default"), this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Data sources"));
    setObjectName(QStringLiteral("dataSourceManager"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Name"), tr("Kind"), tr("URL"), tr("Default"), tr("Health")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->setStretchLastSection(true);
    m_table->setColumnWidth(NameColumn, 180);
    m_table->setColumnWidth(KindColumn, 120);
    m_table->setColumnWidth(UrlColumn, 260);
    m_table->setColumnWidth(DefaultColumn, 70);

    auto *add = new QPushButton(tr("Add…"), this);
    auto *check = new QPushButton(tr("Check health"), this);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {add, m_edit, m_remove, m_setDefault, check})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_table, 1);
    top->addLayout(buttons);

    m_status->setObjectName(QStringLiteral("dataSourceManagerStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top, 1);
    outer->addWidget(m_status);
    outer->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] { addDataSource(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editCurrent(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeCurrent(); });
    connect(m_setDefault, &QPushButton::clicked, this, [this] { setCurrentDefault(); });
    connect(check, &QPushButton::clicked, this, &DataSourceManager::checkHealth);
    connect(m_table, &QTreeWidget::itemDoubleClicked, this, [this] { editCurrent(); });
    connect(m_table, &QTreeWidget::currentItemChanged, this, [this] { updateButtons(); });
    if (m_registry) {
        connect(m_registry, &DataSourceRegistry::changed, this, [this] { connectHealth(); });
        connect(m_registry, &DataSourceRegistry::healthChanged, this, [this](DataSource *d) {
            for (int i = 0; i < m_sources.size(); ++i) {
                if (sourceOf(i) == d)
                    updateHealth(i);
            }
        });
    }
    resize(860, 420);
    reload();
}

DataSourceManager::~DataSourceManager()
{
    for (const QPointer<DataSourceReply> &r : std::as_const(m_checks)) {
        if (r)
            r->deleteLater();
    }
}

void DataSourceManager::reload()
{
    m_sources = DataSourceStore::load();
    refreshTable();
    connectHealth();
    setStatus(QString(), false);
}

int DataSourceManager::currentRow() const
{
    QTreeWidgetItem *item = m_table->currentItem();
    return item ? m_table->indexOfTopLevelItem(item) : -1;
}

void DataSourceManager::setCurrentRow(int row)
{
    m_table->setCurrentItem(m_table->topLevelItem(row));
}

int DataSourceManager::rowOf(const QString &name) const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources[i].name == name)
            return i;
    }
    return -1;
}

void DataSourceManager::refreshTable()
{
    const int previous = currentRow();
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    for (const DataSourceSettings &s : std::as_const(m_sources)) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(NameColumn, s.name);
        const DataSourceType &type = dataSourceTypeOf(s);
        const QString endpoint = type.endpoint(s).toString();
        item->setText(KindColumn, type.describe(s));
        item->setText(UrlColumn, endpoint);
        item->setText(DefaultColumn, s.isDefault ? tr("Default") : QString());
        if (s.isDefault) {
            QFont f = item->font(NameColumn);
            f.setBold(true);
            item->setFont(NameColumn, f);
        }
        if (s.http.tlsSkipVerify) {
            const QString warning =
                tr("TLS certificate verification is off: the connection is not protected "
                   "against impersonation.");
            item->setText(UrlColumn, tr("%1 — TLS verification off").arg(endpoint));
            item->setForeground(UrlColumn, WarningColor);
            item->setToolTip(UrlColumn, warning);
            item->setData(UrlColumn, Qt::UserRole, warning);
        }
    }
    const int n = m_table->topLevelItemCount();
    if (n > 0)
        m_table->setCurrentItem(m_table->topLevelItem(std::clamp(previous, 0, n - 1)));
    for (int i = 0; i < n; ++i)
        updateHealth(i);
    updateButtons();
}

void DataSourceManager::updateButtons()
{
    const bool has = currentRow() >= 0;
    m_edit->setEnabled(has);
    m_remove->setEnabled(has);
    m_setDefault->setEnabled(has && !m_sources[currentRow()].isDefault);
}

DataSource *DataSourceManager::sourceOf(int row) const
{
    if (!m_registry || row < 0 || row >= m_sources.size())
        return nullptr;
    DataSource *d = m_registry->byUid(m_sources[row].uid);
    return d ? d : m_registry->byName(m_sources[row].name);
}

void DataSourceManager::connectHealth()
{
    if (!m_registry)
        return;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i)
        updateHealth(i);
}

void DataSourceManager::updateHealth(int row)
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    if (!item)
        return;
    const DataSource *d = sourceOf(row);
    QString text;
    QString tip;
    QColor color = UnknownColor;
    if (!d) {
        text = tr("Not loaded");
        tip = tr("This data source is not in use in this session.");
    } else {
        const DataSourceHealth &h = d->health();
        switch (h.state) {
        case DataSourceHealth::State::Unknown:
            text = tr("Unknown");
            tip = tr("No request has been made yet. Use “Check health” to test it now.");
            break;
        case DataSourceHealth::State::Ok:
            color = HealthyColor;
            text = h.version.isEmpty() ? tr("OK")
                                       : tr("OK — %1 %2").arg(h.flavour, h.version).trimmed();
            tip = tr("The last request succeeded.");
            break;
        case DataSourceHealth::State::Failing:
            color = FailingColor;
            text = tr("Failing");
            tip = h.lastError.message();
            if (h.backoffUntil.isValid()) {
                const qint64 s = QDateTime::currentDateTimeUtc().secsTo(h.backoffUntil);
                if (s > 0)
                    text = tr("Failing — retrying in %1 s").arg(s);
            }
            break;
        }
    }
    item->setText(HealthColumn, text);
    item->setIcon(HealthColumn, dot(color));
    item->setToolTip(HealthColumn, tip);
    item->setData(HealthColumn, Qt::UserRole, color);
}

QString DataSourceManager::healthText(int row) const
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? item->text(HealthColumn) : QString();
}

QString DataSourceManager::healthToolTip(int row) const
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? item->toolTip(HealthColumn) : QString();
}

QColor DataSourceManager::healthColor(int row) const
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? item->data(HealthColumn, Qt::UserRole).value<QColor>() : QColor();
}

QString DataSourceManager::warningText(int row) const
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    return item ? item->data(UrlColumn, Qt::UserRole).toString() : QString();
}

DataSourceDialog *DataSourceManager::openEditor(const DataSourceSettings &settings, bool isNew)
{
    if (m_editor) {
        m_editor->close();
        m_editor->deleteLater();
    }
    m_editor = new DataSourceDialog(m_registry, m_credentials, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->setDataSource(settings, isNew);
    connect(m_editor, &DataSourceDialog::dataSourcesChanged, this, [this] {
        const int row = currentRow();
        const QString name = m_editor ? m_editor->dataSource().name : QString();
        m_sources = DataSourceStore::load();
        refreshTable();
        connectHealth();
        setCurrentRow(rowOf(name) >= 0 ? rowOf(name) : row);
        Q_EMIT dataSourcesChanged();
    });
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    return m_editor;
}

DataSourceDialog *DataSourceManager::editor() const
{
    return m_editor;
}

DataSourceDialog *DataSourceManager::addDataSource()
{
    DataSourceSettings s;
    s.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString name = tr("Prometheus");
    int n = 2;
    while (rowOf(name) >= 0)
        name = tr("Prometheus %1").arg(n++);
    s.name = name;
    s.url = QUrl(QStringLiteral("http://localhost:9090"));
    s.isDefault = m_sources.isEmpty();
    return openEditor(s, true);
}

DataSourceDialog *DataSourceManager::editCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return nullptr;
    return openEditor(m_sources[row], false);
}

bool DataSourceManager::store(const QString &doneText)
{
    QString error;
    if (!DataSourceStore::save(m_sources, &error)) {
        setStatus(tr("Could not save: %1").arg(error), true);
        return false;
    }
    applyDataSourcesToRegistry(m_registry, m_sources);
    refreshTable();
    connectHealth();
    setStatus(doneText, false);
    Q_EMIT dataSourcesChanged();
    return true;
}

bool DataSourceManager::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return false;
    const QString name = m_sources[row].name;
    const QString question = tr("Remove the data source “%1”? Its stored secrets are deleted "
                                "too. Dashboards that use it will show an error.")
                                 .arg(name);
    const bool ok = m_confirm ? m_confirm(question)
                              : QMessageBox::question(this, tr("Remove data source"), question) ==
                                    QMessageBox::Yes;
    if (!ok)
        return false;
    const DataSourceSettings removed = m_sources.takeAt(row);
    if (removed.isDefault && !m_sources.isEmpty())
        m_sources.first().isDefault = true;
    if (!store(tr("Removed “%1”.").arg(name))) {
        m_sources.insert(row, removed);
        return false;
    }
    DataSourceDialog::forgetSecrets(m_credentials, removed);
    return true;
}

bool DataSourceManager::setCurrentDefault()
{
    const int row = currentRow();
    if (row < 0)
        return false;
    for (int i = 0; i < m_sources.size(); ++i)
        m_sources[i].isDefault = i == row;
    return store(tr("“%1” is now the default data source.").arg(m_sources[row].name));
}

void DataSourceManager::checkHealth()
{
    for (const QPointer<DataSourceReply> &r : std::as_const(m_checks)) {
        if (r) {
            r->abort();
            r->deleteLater();
        }
    }
    m_checks.clear();
    for (int i = 0; i < m_sources.size(); ++i) {
        DataSource *d = sourceOf(i);
        if (!d)
            continue;
        if (QTreeWidgetItem *item = m_table->topLevelItem(i))
            item->setText(HealthColumn, tr("Checking…"));
        DataSourceReply *reply = d->testConnection();
        if (!reply)
            continue;
        m_checks << reply;
        connect(reply, &DataSourceReply::finished, this, [this, reply, d] {
            reply->deleteLater();
            for (int j = 0; j < m_sources.size(); ++j) {
                if (sourceOf(j) == d)
                    updateHealth(j);
            }
        });
    }
}

QString DataSourceManager::statusText() const
{
    return m_status->text();
}

void DataSourceManager::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #c4162a; }") : QString());
}

} // namespace pharos
