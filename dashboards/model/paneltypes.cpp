#include "dashboards/model/paneltypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace pharos {

namespace {

QJsonObject reduceOptions()
{
    return QJsonObject{{QStringLiteral("values"), false},
                       {QStringLiteral("calcs"), QJsonArray{QStringLiteral("lastNotNull")}},
                       {QStringLiteral("fields"), QString()}};
}

QJsonObject legend(const QString &placement)
{
    return QJsonObject{{QStringLiteral("displayMode"), QStringLiteral("list")},
                       {QStringLiteral("placement"), placement},
                       {QStringLiteral("showLegend"), true},
                       {QStringLiteral("calcs"), QJsonArray{}}};
}

QJsonObject colorMode(const QString &mode)
{
    return QJsonObject{{QStringLiteral("mode"), mode}};
}

QJsonObject fieldDefaults(const QJsonObject &defaults)
{
    return QJsonObject{{QStringLiteral("defaults"), defaults}};
}

/// The one table of native panel types (names in the panel gallery's translation context).
QList<PanelTypeInfo> builtinTypes()
{
    QList<PanelTypeInfo> types;
    PanelTypeInfo t;

    t = {};
    t.id = QLatin1String(paneltype::TimeSeries);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Time series");
    t.newPanel = QJsonObject{
        {QStringLiteral("fieldConfig"),
         fieldDefaults(QJsonObject{
             {QStringLiteral("color"), colorMode(QStringLiteral("palette-classic"))},
             {QStringLiteral("custom"),
              QJsonObject{{QStringLiteral("drawStyle"), QStringLiteral("line")},
                          {QStringLiteral("lineWidth"), 1},
                          {QStringLiteral("fillOpacity"), 0},
                          {QStringLiteral("showPoints"), QStringLiteral("auto")},
                          {QStringLiteral("axisPlacement"), QStringLiteral("auto")},
                          {QStringLiteral("stacking"),
                           QJsonObject{{QStringLiteral("mode"), QStringLiteral("none")},
                                       {QStringLiteral("group"), QStringLiteral("A")}}}}}})},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("legend"), legend(QStringLiteral("bottom"))},
                     {QStringLiteral("tooltip"),
                      QJsonObject{{QStringLiteral("mode"), QStringLiteral("single")},
                                  {QStringLiteral("sort"), QStringLiteral("none")}}}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::Stat);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Stat");
    t.newPanel =
        QJsonObject{{QStringLiteral("options"),
                     QJsonObject{{QStringLiteral("reduceOptions"), reduceOptions()},
                                 {QStringLiteral("orientation"), QStringLiteral("auto")},
                                 {QStringLiteral("textMode"), QStringLiteral("auto")},
                                 {QStringLiteral("colorMode"), QStringLiteral("value")},
                                 {QStringLiteral("graphMode"), QStringLiteral("area")},
                                 {QStringLiteral("justifyMode"), QStringLiteral("auto")}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::Gauge);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Gauge");
    t.newPanel = QJsonObject{{QStringLiteral("options"),
                              QJsonObject{{QStringLiteral("reduceOptions"), reduceOptions()},
                                          {QStringLiteral("orientation"), QStringLiteral("auto")},
                                          {QStringLiteral("showThresholdLabels"), false},
                                          {QStringLiteral("showThresholdMarkers"), true}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::BarGauge);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Bar gauge");
    t.newPanel =
        QJsonObject{{QStringLiteral("options"),
                     QJsonObject{{QStringLiteral("reduceOptions"), reduceOptions()},
                                 {QStringLiteral("orientation"), QStringLiteral("auto")},
                                 {QStringLiteral("displayMode"), QStringLiteral("gradient")},
                                 {QStringLiteral("showUnfilled"), true}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::Table);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Table");
    t.newPanel =
        QJsonObject{{QStringLiteral("fieldConfig"),
                     fieldDefaults(QJsonObject{
                         {QStringLiteral("custom"),
                          QJsonObject{{QStringLiteral("align"), QStringLiteral("auto")}}}})},
                    {QStringLiteral("options"), QJsonObject{{QStringLiteral("showHeader"), true}}},
                    {QStringLiteral("targets"),
                     QJsonArray{QJsonObject{{QStringLiteral("format"), QStringLiteral("table")},
                                            {QStringLiteral("instant"), true},
                                            {QStringLiteral("range"), false}}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::Heatmap);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Heatmap");
    t.newPanel = QJsonObject{
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("calculate"), false},
                     {QStringLiteral("legend"), QJsonObject{{QStringLiteral("show"), true}}}}},
        {QStringLiteral("targets"),
         QJsonArray{QJsonObject{{QStringLiteral("format"), QStringLiteral("heatmap")}}}}};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::Text);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Text");
    t.hasQueries = false;
    t.data = PanelDataKind::None;
    t.newPanel =
        QJsonObject{{QStringLiteral("options"),
                     QJsonObject{{QStringLiteral("mode"), QStringLiteral("markdown")},
                                 {QStringLiteral("content"), QStringLiteral("# Title\n\nText")}}}};
    // A top-level "content" is where old text panels kept it.
    t.interpolatedPaths = {QStringLiteral("options.content"), QStringLiteral("content")};
    types << t;

    t = {};
    t.id = QLatin1String(paneltype::PieChart);
    t.name = QT_TRANSLATE_NOOP("pharos::PanelGallery", "Pie chart");
    t.newPanel =
        QJsonObject{{QStringLiteral("fieldConfig"),
                     fieldDefaults(QJsonObject{
                         {QStringLiteral("color"), colorMode(QStringLiteral("palette-classic"))}})},
                    {QStringLiteral("options"),
                     QJsonObject{{QStringLiteral("reduceOptions"), reduceOptions()},
                                 {QStringLiteral("pieType"), QStringLiteral("pie")},
                                 {QStringLiteral("legend"), legend(QStringLiteral("right"))}}}};
    types << t;

    return types;
}

} // namespace

QString PanelTypeInfo::displayName() const
{
    return name ? QCoreApplication::translate("pharos::PanelGallery", name) : id;
}

namespace paneltypes {

const QList<PanelTypeInfo> &all()
{
    static const QList<PanelTypeInfo> types = builtinTypes();
    return types;
}

const PanelTypeInfo *find(const QString &id)
{
    for (const PanelTypeInfo &t : all()) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QString displayName(const QString &id)
{
    const PanelTypeInfo *t = find(id);
    return t ? t->displayName() : id;
}

bool hasQueries(const QString &id)
{
    if (const PanelTypeInfo *t = find(id))
        return t->hasQueries;
    // Grafana's own panels that show no query editor, and rows.
    static const QSet<QString> queryless{
        QStringLiteral("row"),       QStringLiteral("news"),           QStringLiteral("dashlist"),
        QStringLiteral("welcome"),   QStringLiteral("gettingstarted"), QStringLiteral("annolist"),
        QStringLiteral("alertlist"),
    };
    return !queryless.contains(id);
}

bool isNative(const QString &id)
{
    return find(id) != nullptr || id == QLatin1String("row");
}

} // namespace paneltypes
} // namespace pharos
