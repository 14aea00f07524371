#include "datasourcedialog.h"

#include "datasourceregistry.h"
#include "datasourcestore.h"
#include "interval.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUuid>
#include <QVBoxLayout>

namespace pharos {

DataSourceDialog::DataSourceDialog(DataSourceRegistry *registry, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_list(new QListWidget(this)),
      m_name(new QLineEdit(this)), m_url(new QLineEdit(this)), m_timeout(new QSpinBox(this)),
      m_scrape(new QLineEdit(this)), m_default(new QCheckBox(tr("Default data source"), this)),
      m_saveTest(new QPushButton(tr("Save && Test"), this)), m_result(new QLabel(this))
{
    setWindowTitle(tr("Data sources"));
    setObjectName(QStringLiteral("dataSourceDialog"));
    auto *top = new QHBoxLayout;

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    top->addLayout(left);

    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_url->setPlaceholderText(QStringLiteral("http://localhost:9090"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_scrape->setPlaceholderText(QStringLiteral("15s"));
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Scrape interval:"), m_scrape);
    form->addRow(QString(), m_default);
    right->addLayout(form);
    right->addWidget(m_saveTest);
    m_result->setObjectName(QStringLiteral("dataSourceTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_result);
    right->addStretch(1);
    top->addLayout(right, 1);

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    outer->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &DataSourceDialog::addDataSource);
    connect(remove, &QPushButton::clicked, this, &DataSourceDialog::removeCurrent);
    connect(m_saveTest, &QPushButton::clicked, this, [this] { saveAndTest(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        QString error;
        if (m_current >= 0 && m_current < m_sources.size())
            commitForm(&error); // keep edits of the entry left; validated on save
        m_current = row;
        showCurrent();
    });
    resize(720, 380);
    reload();
}

DataSourceDialog::~DataSourceDialog()
{
    if (m_reply)
        m_reply->deleteLater();
}

void DataSourceDialog::reload()
{
    m_sources = DataSourceStore::load();
    m_current = m_sources.isEmpty() ? -1 : 0;
    refreshList();
    showCurrent();
    setResult(QString(), false);
}

void DataSourceDialog::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const DataSourceSettings &s : std::as_const(m_sources))
        m_list->addItem(s.isDefault ? tr("%1 (default)").arg(s.name) : s.name);
    m_list->setCurrentRow(m_current);
}

void DataSourceDialog::showCurrent()
{
    const bool valid = m_current >= 0 && m_current < m_sources.size();
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url),
                       static_cast<QWidget *>(m_timeout), static_cast<QWidget *>(m_scrape),
                       static_cast<QWidget *>(m_default), static_cast<QWidget *>(m_saveTest)})
        w->setEnabled(valid);
    if (!valid) {
        m_name->clear();
        m_url->clear();
        m_scrape->clear();
        m_default->setChecked(false);
        return;
    }
    const DataSourceSettings &s = m_sources[m_current];
    m_name->setText(s.name);
    m_url->setText(s.url.toString());
    m_timeout->setValue(std::max(1, s.timeoutMs / 1000));
    m_scrape->setText(formatDurationMs(s.scrapeIntervalMs));
    m_default->setChecked(s.isDefault);
}

bool DataSourceDialog::commitForm(QString *error)
{
    if (m_current < 0 || m_current >= m_sources.size())
        return false;
    DataSourceSettings &s = m_sources[m_current];
    QStringList problems;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        problems << tr("Enter a name.");
    for (int i = 0; i < m_sources.size(); ++i) {
        if (i != m_current && m_sources[i].name == name)
            problems << tr("Another data source is already called “%1”.").arg(name);
    }
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        problems << tr("Enter an http:// or https:// URL, e.g. http://localhost:9090.");
    const QString scrapeText = m_scrape->text().trimmed();
    const auto scrape =
        scrapeText.isEmpty() ? std::optional<qint64>(15000) : parseDurationMs(scrapeText);
    if (!scrape || *scrape <= 0)
        problems << tr("The scrape interval “%1” is not a duration such as 15s.").arg(scrapeText);

    s.name = name;
    if (url.isValid())
        s.url = url;
    s.timeoutMs = m_timeout->value() * 1000;
    if (scrape && *scrape > 0)
        s.scrapeIntervalMs = int(std::min<qint64>(*scrape, 24 * 3600 * 1000));
    if (m_default->isChecked()) {
        for (DataSourceSettings &other : m_sources)
            other.isDefault = false;
    }
    s.isDefault = m_default->isChecked();
    if (s.uid.isEmpty())
        s.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    return true;
}

void DataSourceDialog::addDataSource()
{
    QString error;
    if (m_current >= 0)
        commitForm(&error);
    DataSourceSettings s;
    int n = m_sources.size() + 1;
    s.name = tr("Prometheus");
    auto taken = [this](const QString &name) {
        return std::any_of(m_sources.cbegin(), m_sources.cend(),
                           [&](const DataSourceSettings &x) { return x.name == name; });
    };
    while (taken(s.name))
        s.name = tr("Prometheus %1").arg(n++);
    s.url = QUrl(QStringLiteral("http://localhost:9090"));
    s.isDefault = m_sources.isEmpty();
    s.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sources.append(s);
    m_current = m_sources.size() - 1;
    refreshList();
    showCurrent();
    m_name->setFocus();
    m_name->selectAll();
}

void DataSourceDialog::removeCurrent()
{
    if (m_current < 0 || m_current >= m_sources.size())
        return;
    m_sources.removeAt(m_current);
    m_current = std::min(m_current, int(m_sources.size()) - 1);
    refreshList();
    showCurrent();
    QString error;
    if (!DataSourceStore::save(m_sources, &error)) {
        setResult(error, true);
        return;
    }
    syncRegistry();
    setResult(tr("Removed."), false);
}

void DataSourceDialog::syncRegistry()
{
    if (m_registry) {
        DataSource *override = m_registry->overrideSource();
        for (DataSource *ds : m_registry->dataSources()) {
            if (ds != override)
                m_registry->remove(ds->settings().name);
        }
        for (const DataSourceSettings &s : std::as_const(m_sources)) {
            if (!override || override->settings().name != s.name)
                m_registry->add(s);
        }
    }
    Q_EMIT dataSourcesChanged();
}

bool DataSourceDialog::saveAndTest()
{
    QString error;
    if (!commitForm(&error)) {
        setResult(error, true);
        return false;
    }
    refreshList();
    if (!DataSourceStore::save(m_sources, &error)) {
        setResult(tr("Could not save: %1").arg(error), true);
        return false;
    }
    syncRegistry();

    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    const QString name = m_sources[m_current].name;
    DataSource *ds = m_registry ? m_registry->byName(name) : nullptr;
    if (!ds) {
        setResult(tr("Saved, but “%1” could not be tested.").arg(name), true);
        return false;
    }
    setResult(tr("Saved. Testing “%1”…").arg(name), false);
    m_reply = ds->testConnection();
    DataSourceReply *reply = m_reply;
    connect(reply, &DataSourceReply::finished, this, [this, reply, name] {
        QString text;
        bool ok = !reply->error().isError();
        if (ok) {
            const QJsonObject o = reply->object();
            const QString version = o.value(QLatin1String("version")).toString();
            const QString message = o.value(QLatin1String("message")).toString();
            text = tr("“%1” works: Prometheus %2.").arg(name, version);
            if (!message.isEmpty())
                text += QLatin1Char(' ') + message;
        } else {
            text = tr("Testing “%1” failed: %2").arg(name, reply->error().message());
        }
        setResult(text, !ok);
        reply->deleteLater();
        m_reply.clear();
        Q_EMIT testFinished(ok, text);
    });
    return true;
}

QString DataSourceDialog::resultText() const
{
    return m_result->text();
}

void DataSourceDialog::setResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? QStringLiteral("QLabel { color: #c4162a; }") : QString());
}

} // namespace pharos
