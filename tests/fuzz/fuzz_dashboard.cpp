// Dashboard files: load (parse + migrate) -> save -> load again must give the same document
// and the same typed view. The input is the file's bytes (no mode byte).

#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardio.h"
#include "fuzzcommon.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace pharos;

const int pharosFuzzModeCount = 0;

namespace {

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

/// Where two JSON values first differ, as "path: a != b".
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    if (a.type() == b.type() && a.isObject()) {
        const QJsonObject oa = a.toObject(), ob = b.toObject();
        for (auto it = oa.begin(); it != oa.end(); ++it) {
            if (!ob.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QLatin1String(": missing the 2nd time");
            if (it.value() != ob.value(it.key()))
                return firstDifference(it.value(), ob.value(it.key()),
                                       path + QLatin1Char('.') + it.key());
        }
        for (auto it = ob.begin(); it != ob.end(); ++it) {
            if (!oa.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QLatin1String(": new the 2nd time");
        }
    } else if (a.type() == b.type() && a.isArray()) {
        const QJsonArray xa = a.toArray(), xb = b.toArray();
        for (qsizetype i = 0; i < std::min(xa.size(), xb.size()); ++i) {
            if (xa.at(i) != xb.at(i))
                return firstDifference(xa.at(i), xb.at(i),
                                       path + QLatin1Char('[') + QString::number(i) +
                                           QLatin1Char(']'));
        }
        return path + QStringLiteral(": length %1 != %2").arg(xa.size()).arg(xb.size());
    }
    return path + QLatin1String(": ") + compact(a).left(300) + QLatin1String(" != ") +
           compact(b).left(300);
}

void checkSameView(const QList<PanelModel> &a, const QList<PanelModel> &b, const QString &where)
{
    PHAROS_FUZZ_CHECK(a.size() == b.size(), where + QLatin1String(": panel count"));
    for (qsizetype i = 0; i < a.size(); ++i) {
        const PanelModel &p = a.at(i), &q = b.at(i);
        const QString at = where + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        PHAROS_FUZZ_CHECK(p.id == q.id && p.type == q.type && p.gridPos == q.gridPos &&
                              p.targets.size() == q.targets.size() && p.collapsed == q.collapsed,
                          at);
        checkSameView(p.children, q.children, at + QLatin1String(".children"));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    ImportReport report;
    const std::optional<Dashboard> first = loadDashboardJson(bytes, &error, &report);
    if (!first) {
        PHAROS_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("a failed load names no reason"));
        return 0;
    }
    (void)report.toJson();
    (void)first->title();
    (void)first->timeFrom();
    (void)first->timeTo();
    (void)first->refresh();
    (void)first->allPanels();

    const QByteArray saved = dashboardFileBytes(*first);
    const std::optional<Dashboard> second = loadDashboardJson(saved, &error);
    PHAROS_FUZZ_CHECK(second.has_value(), QLatin1String("the saved file does not load: ") + error);
    const QJsonObject a = first->toJson(), b = second->toJson();
    PHAROS_FUZZ_CHECK(a == b, QLatin1String("the 2nd load differs at ") +
                                  firstDifference(a, b, QStringLiteral("$")));
    checkSameView(first->panels(), second->panels(), QStringLiteral("panels"));
    PHAROS_FUZZ_CHECK(first->allPanels().size() == second->allPanels().size(),
                      QStringLiteral("allPanels count"));
    PHAROS_FUZZ_CHECK(dashboardFileBytes(*second) == saved,
                      QStringLiteral("saving the 2nd load writes other bytes"));
    return 0;
}
