#pragma once

#include "app/datasources/datasourcesettingspage.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace pharos {

/// The settings of the `prometheus` type (PrometheusOptions): the server's kind, the HTTP
/// method of queries, the scrape interval, the lookup series limit, custom query parameters,
/// and Thanos' and Mimir's own settings, shown for those kinds only.
class PrometheusSettingsPage : public DataSourceSettingsPage
{
    Q_OBJECT
public:
    explicit PrometheusSettingsPage(QWidget *parent = nullptr);

    void load(const DataSourceSettings &settings) override;
    void store(DataSourceSettings *settings, QStringList *problems) const override;

    // For tests and the dialog.
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *methodCombo() const { return m_method; }
    QLineEdit *scrapeIntervalEdit() const { return m_scrape; }
    QSpinBox *seriesLimitEdit() const { return m_seriesLimit; }
    QLineEdit *queryParametersEdit() const { return m_queryParams; }
    QGroupBox *thanosGroup() const { return m_thanosGroup; }
    QCheckBox *thanosPartialResponseCheck() const { return m_partialResponse; }
    QCheckBox *thanosDedupCheck() const { return m_dedup; }
    QGroupBox *mimirGroup() const { return m_mimirGroup; }
    QLineEdit *pathPrefixEdit() const { return m_pathPrefix; }
    QLineEdit *tenantEdit() const { return m_tenant; }

private:
    void updateVisibility();

    QComboBox *m_kind;
    QGroupBox *m_thanosGroup;
    QCheckBox *m_partialResponse;
    QCheckBox *m_dedup;
    QGroupBox *m_mimirGroup;
    QLineEdit *m_pathPrefix;
    QLineEdit *m_tenant;
    QComboBox *m_method;
    QLineEdit *m_scrape;
    QSpinBox *m_seriesLimit;
    QLineEdit *m_queryParams;
};

} // namespace pharos
