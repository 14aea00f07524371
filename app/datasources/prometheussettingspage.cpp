#include "app/datasources/prometheussettingspage.h"

#include "dashboards/query/interval.h"
#include "datasources/prometheus/prometheusoptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pharos {

PrometheusSettingsPage::PrometheusSettingsPage(QWidget *parent)
    : DataSourceSettingsPage(parent), m_kind(new QComboBox(this)),
      m_thanosGroup(new QGroupBox(tr("Thanos"), this)),
      m_partialResponse(
          new QCheckBox(tr("Partial response (answer even when some stores fail)"), this)),
      m_dedup(new QCheckBox(tr("Deduplicate replicas (dedup)"), this)),
      m_mimirGroup(new QGroupBox(tr("Mimir / Cortex"), this)), m_pathPrefix(new QLineEdit(this)),
      m_tenant(new QLineEdit(this)), m_method(new QComboBox(this)), m_scrape(new QLineEdit(this)),
      m_seriesLimit(new QSpinBox(this)), m_queryParams(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *server = new QGroupBox(tr("Prometheus"), this);
    auto *form = new QFormLayout(server);
    for (DataSourceKind k : {DataSourceKind::Prometheus, DataSourceKind::VictoriaMetrics,
                             DataSourceKind::Thanos, DataSourceKind::Mimir})
        m_kind->addItem(dataSourceKindDisplayName(k), int(k));
    m_method->addItem(QStringLiteral("POST"), int(PrometheusOptions::HttpMethod::Post));
    m_method->addItem(QStringLiteral("GET"), int(PrometheusOptions::HttpMethod::Get));
    m_scrape->setPlaceholderText(QStringLiteral("15s"));
    m_seriesLimit->setRange(0, 10'000'000);
    m_seriesLimit->setSpecialValueText(tr("No limit"));
    m_queryParams->setPlaceholderText(QStringLiteral("max_source_resolution=5m&timeout=10s"));
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("HTTP method:"), m_method);
    form->addRow(tr("Scrape interval:"), m_scrape);
    form->addRow(tr("Series limit:"), m_seriesLimit);
    form->addRow(tr("Custom query parameters:"), m_queryParams);
    layout->addWidget(server);

    auto *tForm = new QVBoxLayout(m_thanosGroup);
    tForm->addWidget(m_partialResponse);
    tForm->addWidget(m_dedup);
    layout->addWidget(m_thanosGroup);
    auto *mForm = new QFormLayout(m_mimirGroup);
    m_pathPrefix->setPlaceholderText(QStringLiteral("/prometheus"));
    m_tenant->setPlaceholderText(tr("tenant id"));
    mForm->addRow(tr("Path prefix:"), m_pathPrefix);
    mForm->addRow(tr("Tenant (X-Scope-OrgID):"), m_tenant);
    layout->addWidget(m_mimirGroup);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        Q_EMIT changed();
    });
    updateVisibility();
}

void PrometheusSettingsPage::load(const DataSourceSettings &settings)
{
    const PrometheusOptions p = PrometheusOptions::of(settings);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(p.kind))));
    m_partialResponse->setChecked(p.thanosPartialResponse);
    m_dedup->setChecked(p.thanosDedup);
    m_pathPrefix->setText(p.pathPrefix);
    m_tenant->setText(p.tenantId);
    m_method->setCurrentIndex(std::max(0, m_method->findData(int(p.httpMethod))));
    m_scrape->setText(formatDurationMs(p.scrapeIntervalMs));
    m_seriesLimit->setValue(std::max(0, p.seriesLimit));
    m_queryParams->setText(p.customQueryParameters);
    updateVisibility();
}

void PrometheusSettingsPage::store(DataSourceSettings *settings, QStringList *problems) const
{
    PrometheusOptions p = PrometheusOptions::of(*settings);
    p.kind = DataSourceKind(m_kind->currentData().toInt());
    p.thanosPartialResponse = m_partialResponse->isChecked();
    p.thanosDedup = m_dedup->isChecked();
    p.pathPrefix = m_pathPrefix->text().trimmed();
    if (!p.pathPrefix.isEmpty() && !p.pathPrefix.startsWith(QLatin1Char('/')))
        p.pathPrefix.prepend(QLatin1Char('/'));
    while (p.pathPrefix.endsWith(QLatin1Char('/')))
        p.pathPrefix.chop(1);
    p.tenantId = m_tenant->text().trimmed();
    p.httpMethod = PrometheusOptions::HttpMethod(m_method->currentData().toInt());
    const QString scrapeText = m_scrape->text().trimmed();
    const auto scrape = scrapeText.isEmpty()
                            ? std::optional<qint64>(PromqlSource::DefaultScrapeIntervalMs)
                            : parseDurationMs(scrapeText);
    if (!scrape || *scrape <= 0)
        *problems << tr("The scrape interval “%1” is not a duration such as 15s.").arg(scrapeText);
    else
        p.scrapeIntervalMs = int(std::min<qint64>(*scrape, 24 * 3600 * 1000));
    p.seriesLimit = m_seriesLimit->value();
    QString params = m_queryParams->text().trimmed();
    if (params.startsWith(QLatin1Char('?')))
        params.remove(0, 1);
    for (const QString &pair : params.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        if (pair.section(QLatin1Char('='), 0, 0).trimmed().isEmpty())
            *problems << tr("The custom query parameter “%1” has no name.").arg(pair);
    }
    p.customQueryParameters = params;
    p.storeIn(settings);
}

void PrometheusSettingsPage::updateVisibility()
{
    const auto kind = DataSourceKind(m_kind->currentData().toInt());
    m_thanosGroup->setVisible(kind == DataSourceKind::Thanos);
    m_mimirGroup->setVisible(kind == DataSourceKind::Mimir);
}

} // namespace pharos
