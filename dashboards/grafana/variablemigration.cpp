#include "dashboards/grafana/grafanamigrator.h"
#include "dashboards/grafana/migrationhelpers.h"

#include <QJsonArray>
#include <algorithm>

namespace pharos {

using namespace migration;

void GrafanaMigrator::migrateVariables()
{
    QJsonObject templating = m_doc.value(L("templating")).toObject();
    if (!templating.value(L("list")).isArray())
        return;
    QJsonArray list = templating.value(L("list")).toArray();
    bool changed = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            continue;
        QJsonObject v = list.at(i).toObject();
        const QJsonObject before = v;
        const QString type = v.value(L("type")).toString();
        const QString name = v.value(L("name")).toString();
        // Schema 12: boolean refresh and hide flags become codes.
        if (v.value(L("refresh")).isBool())
            v.insert(L("refresh"), v.value(L("refresh")).toBool() ? 1 : 0);
        if (v.value(L("hideVariable")).toBool())
            v.insert(L("hide"), 2);
        else if (v.value(L("hideLabel")).toBool())
            v.insert(L("hide"), 1);
        v.remove(L("hideVariable"));
        v.remove(L("hideLabel"));
        if (v.value(L("hide")).isBool())
            v.insert(L("hide"), v.value(L("hide")).toBool() ? 2 : 0);
        // Schema 23: a multi-value variable's current value is a list.
        if (m_from < 23 && v.value(L("multi")).toBool() && v.value(L("current")).isObject()) {
            QJsonObject cur = v.value(L("current")).toObject();
            for (const char *k : {"text", "value"}) {
                const QJsonValue x = cur.value(L(k));
                if (x.isString())
                    cur.insert(L(k), QJsonArray{x});
            }
            v.insert(L("current"), cur);
        }
        // Schema 27: a visible constant is a text box.
        if (m_from < 27 && type == QLatin1String("constant") && v.value(L("hide")).toInt() != 2) {
            v.insert(L("type"), QStringLiteral("textbox"));
            m_notes << tr("Variable \"%1\": a visible constant became a text box, as in "
                          "Grafana.")
                           .arg(name);
        }
        // Schema 28: tag filters are gone.
        if (m_from < 28) {
            for (const char *k : {"tags", "tagsQuery", "tagValuesQuery", "useTags"})
                v.remove(L(k));
        }
        // Schema 29: a query variable refreshes on load or on time range change.
        if (m_from < 29 && type == QLatin1String("query")) {
            const int r = v.value(L("refresh")).toInt(0);
            if (r != 1 && r != 2)
                v.insert(L("refresh"), 1);
            if (v.value(L("options")).isArray() && !v.value(L("options")).toArray().isEmpty())
                v.insert(L("options"), QJsonArray());
        }
        // Schema 33/36: data-source names become references.
        if (m_from < 36 && v.contains(L("datasource")) && type != QLatin1String("datasource"))
            v.insert(L("datasource"), dataSourceRef(v.value(L("datasource")), true));
        // Schema 36: a query variable on the default data source names it.
        if (m_from < 36 && type == QLatin1String("query") &&
            !m_options.defaultDataSource.isEmpty() &&
            (v.value(L("datasource")).isNull() || v.value(L("datasource")).isUndefined()))
            v.insert(L("datasource"), m_options.defaultDataSource);
        if (v != before) {
            list[i] = v;
            changed = true;
        }
    }
    if (changed) {
        templating.insert(L("list"), list);
        m_doc.insert(L("templating"), templating);
    }
}

void GrafanaMigrator::migrateAnnotations()
{
    if (m_from >= 36)
        return;
    QJsonObject ann = m_doc.value(L("annotations")).toObject();
    if (!ann.value(L("list")).isArray())
        return;
    QJsonArray list = ann.value(L("list")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject a = list.at(i).toObject();
        if (!a.contains(L("datasource")))
            continue;
        a.insert(L("datasource"), dataSourceRef(a.value(L("datasource")), false));
        list[i] = a;
    }
    // Schema 34: a CloudWatch annotation with several statistics becomes one per statistic.
    if (m_from < 34) {
        QJsonArray split;
        for (const QJsonValue &v : std::as_const(list)) {
            const QJsonObject a = v.toObject();
            const QJsonArray stats = a.value(L("statistics")).toArray();
            if (!a.value(L("statistics")).isArray()) {
                split.append(v);
                continue;
            }
            for (qsizetype s = 0; s < std::max<qsizetype>(stats.size(), 1); ++s) {
                QJsonObject one = a;
                one.remove(L("statistics"));
                if (s < stats.size())
                    one.insert(L("statistic"), stats.at(s));
                if (s > 0)
                    one.insert(L("name"), QString(a.value(L("name")).toString() +
                                                  QLatin1String(" - ") + stats.at(s).toString()));
                split.append(one);
            }
        }
        list = split;
    }
    ann.insert(L("list"), list);
    m_doc.insert(L("annotations"), ann);
}

} // namespace pharos
