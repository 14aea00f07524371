// Grafana data-source provisioning YAML through Provisioning::parse and merge, and Grafana's
// environment expansion. Mode 0 (first byte even): the rest is a provisioning file, parsed and
// merged into two configured data sources. Mode 1: the rest is one value to expand.

#include "datasources/config/datasourcestore.h"
#include "datasources/config/provisioning.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "fuzzcommon.h"

#include <QSet>

using namespace pharos;

const int pharosFuzzModeCount = 2;

namespace {

const QHash<QString, QString> &environment()
{
    static const QHash<QString, QString> env{
        {QStringLiteral("HOME"), QStringLiteral("/home/pharos")},
        {QStringLiteral("PROM_URL"), QStringLiteral("http://127.0.0.1:9090")},
        {QStringLiteral("PASSWORD"), QStringLiteral("s3cret")},
        {QStringLiteral("EMPTY"), QString()},
        {QStringLiteral("DOLLAR"), QStringLiteral("$HOME")},
        {QStringLiteral("TIMEOUT"), QStringLiteral("30s")},
    };
    return env;
}

QList<DataSourceSettings> configured()
{
    DataSourceSettings a;
    a.uid = QStringLiteral("prom");
    a.name = QStringLiteral("Prometheus");
    a.url = QUrl(QStringLiteral("http://127.0.0.1:9090"));
    a.isDefault = true;
    DataSourceSettings b;
    b.uid = QStringLiteral("vm");
    b.name = QStringLiteral("VictoriaMetrics");
    b.jsonData.insert(QStringLiteral("kind"), dataSourceKindName(DataSourceKind::VictoriaMetrics));
    b.url = QUrl(QStringLiteral("http://127.0.0.1:8428"));
    return {a, b};
}

void parse(const QByteArray &yaml)
{
    ProvisioningResult result;
    QString error;
    const bool ok = Provisioning::parse(yaml, &result, &error, &environment());
    PHAROS_FUZZ_CHECK(ok == error.isEmpty(), QLatin1String("ok with an error: ") + error);
    if (!ok)
        return;
    for (const ProvisionedDataSource &p : std::as_const(result.dataSources)) {
        const DataSourceSettings &s = p.settings;
        PHAROS_FUZZ_CHECK(!s.name.isEmpty() && s.provisioned, s.name);
        PHAROS_FUZZ_CHECK(s.url.isValid() && !s.url.host().isEmpty(), s.url.toString());
        PHAROS_FUZZ_CHECK(s.http.timeoutMs > 0 && s.http.timeoutMs <= 3600 * 1000,
                          QString::number(s.http.timeoutMs));
        // What provisioning wrote into jsonData, before PrometheusOptions would clamp it.
        const int scrape = s.jsonData.value(QLatin1String("scrapeIntervalMs")).toInt(-1);
        PHAROS_FUZZ_CHECK(scrape > 0 && scrape <= 24 * 3600 * 1000, QString::number(scrape));
        const int seriesLimit = s.jsonData.value(QLatin1String("seriesLimit")).toInt(-1);
        PHAROS_FUZZ_CHECK(seriesLimit >= 0, QString::number(seriesLimit));
        PHAROS_FUZZ_CHECK(s.secretNames == p.secrets.values.keys(),
                          QStringLiteral("secretNames are not the secrets' names"));
        for (const DataSourceHeader &h : s.http.headers)
            PHAROS_FUZZ_CHECK(h.value.isEmpty(), QStringLiteral("a header value in settings"));
    }
    QList<DataSourceSettings> sources = configured();
    QList<DataSourceSettings> removed;
    Provisioning::merge(result, &sources, &removed);
    int defaults = 0;
    QSet<QString> uids;
    for (const DataSourceSettings &s : std::as_const(sources)) {
        defaults += s.isDefault ? 1 : 0;
        PHAROS_FUZZ_CHECK(!s.uid.isEmpty(), s.name);
        uids.insert(s.uid);
    }
    PHAROS_FUZZ_CHECK(sources.isEmpty() ? defaults == 0 : defaults == 1,
                      QStringLiteral("%1 defaults").arg(defaults));
    PHAROS_FUZZ_CHECK(uids.size() == sources.size(),
                      QStringLiteral("two data sources share a uid"));
    // An entry may be replaced by a later one of the same uid or name; the last one stays.
    if (!result.dataSources.isEmpty())
        PHAROS_FUZZ_CHECK(
            DataSourceStore::indexOf(sources, result.dataSources.last().settings.name) >= 0,
            QLatin1String("not merged: ") + result.dataSources.last().settings.name);
    PHAROS_FUZZ_CHECK(sources.size() + removed.size() <= 2 + result.dataSources.size(),
                      QStringLiteral("%1 data sources from 2 + %2")
                          .arg(sources.size())
                          .arg(result.dataSources.size()));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int mode = data[0] % pharosFuzzModeCount;
    ++data;
    --size;
    if (mode == 0) {
        parse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
        return 0;
    }
    const QString value = pharos::fuzz::text(data, size);
    const QString expanded = Provisioning::expandEnvironment(value, &environment());
    if (!value.contains(QLatin1Char('$')))
        PHAROS_FUZZ_CHECK(expanded == value, expanded);
    return 0;
}
