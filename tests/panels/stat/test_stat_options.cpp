// Stat panel options: per-field overrides, colour modes on pixels, text mode, orientation,
// prefix/suffix units.
#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/stat/statpanel.h"

#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestStatOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overridesPerField();
    void colorModes();
    void textModeAndOrientation();
    void prefixSuffixUnits();
};

namespace {

QByteArray statJson(const QByteArray &defaults, const QByteArray &overrides,
                    const QByteArray &options)
{
    return R"({"id": 1, "type": "stat", "title": "S",
      "fieldConfig": {"defaults": )" +
           defaults + R"(, "overrides": )" + overrides + R"(},
      "options": )" +
           options + R"(,
      "targets": [{"refId": "A", "expr": "x", "legendFormat": "{{s}}"}]})";
}

PanelDataPtr series(const std::vector<std::pair<QString, double>> &values)
{
    std::vector<Frame> frames;
    for (const auto &[name, v] : values)
        frames.push_back(makeFrame({{"s", name}}, kT0, 10'000, {v / 2, v}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames), "{{s}}"));
    return makeData(std::move(t), kT0, kT0 + 10'000, 10'000);
}

struct Stat
{
    std::unique_ptr<PanelWidget> w;
    StatPanel *p = nullptr;
    bool make(const QByteArray &json, const PanelDataPtr &data, QSize size = QSize(400, 200))
    {
        w.reset(PanelWidget::create(makeModel(json)));
        p = qobject_cast<StatPanel *>(w.get());
        if (!p)
            return false;
        p->resize(size);
        p->show();
        if (!QTest::qWaitForWindowExposed(p))
            return false;
        p->setData(data);
        return true;
    }
    QImage image() const { return p->statView()->grab().toImage(); }
};

const char *kSteps = R"({"mode": "absolute", "steps": [{"color": "green", "value": null},
                                                       {"color": "red", "value": 80}]})";

} // namespace

void TestStatOptions::overridesPerField()
{
    Stat s;
    const QByteArray defaults = QByteArray(R"({"unit": "bytes", "color": {"mode": "thresholds"},
        "thresholds": )") + kSteps +
                                "}";
    const QByteArray overrides = R"([{"matcher": {"id": "byName", "options": "b"}, "properties": [
        {"id": "unit", "value": "percent"}, {"id": "decimals", "value": 1},
        {"id": "color", "value": {"mode": "fixed", "fixedColor": "#00c000"}},
        {"id": "displayName", "value": "Bee"}]}])";
    QVERIFY(s.make(statJson(defaults, overrides, R"({"reduceOptions": {"calcs": ["lastNotNull"]},
        "colorMode": "value", "graphMode": "none"})"),
                   series({{"a", 2048}, {"b", 45}})));
    QCOMPARE(s.p->statTexts(), (QStringList{"2 KiB", "45.0%"}));
    QCOMPARE(s.p->stats()[1].name, QStringLiteral("Bee"));
    QCOMPARE(s.p->stats()[0].name, QStringLiteral("a"));
    QCOMPARE(s.p->statColors()[0], grafanaColor("red")); // 2048 >= 80
    QCOMPARE(s.p->statColors()[1], QColor(0, 0xc0, 0));
    const QImage img = s.image();
    // Two stats one above the other: b's value is drawn in green in the lower cell.
    QCOMPARE(s.p->layoutGrid(s.p->statView()->size()), QSize(1, 2));
    QVERIFY(countColor(img, QColor(0, 0xc0, 0), 0, img.width(), img.height() / 2, img.height()) >
            20);
    QCOMPARE(countColor(img, QColor(0, 0xc0, 0), 0, img.width(), 0, img.height() / 2), 0);
}

void TestStatOptions::colorModes()
{
    const QByteArray defaults =
        QByteArray(R"({"unit": "none", "color": {"mode": "thresholds"}, "thresholds": )") + kSteps +
        "}";
    const QColor red = grafanaColor("red");
    for (const char *mode : {"background", "background_solid", "value", "none"}) {
        Stat s;
        QVERIFY(s.make(
            statJson(
                defaults, "[]",
                QByteArray(R"({"reduceOptions": {"calcs": ["lastNotNull"]}, "graphMode": "none",
                                               "colorMode": ")") +
                    mode + "\"}"),
            series({{"a", 90}})));
        const QImage img = s.image();
        // A corner of the cell: coloured only with a background mode.
        const int corner = countColor(img, red, 3, 13, img.height() - 13, img.height() - 3, 30);
        const int all = countColor(img, red, 0, img.width(), 0, img.height(), 30);
        if (QByteArray(mode).startsWith("background"))
            QVERIFY2(corner == 100, mode);
        else
            QVERIFY2(corner == 0, mode);
        if (QByteArray(mode) == "value")
            QVERIFY2(all > 50, mode); // the digits
        if (QByteArray(mode) == "none")
            QCOMPARE(all, 0);
    }
}

void TestStatOptions::textModeAndOrientation()
{
    const QByteArray defaults =
        R"({"unit": "none", "color": {"mode": "fixed", "fixedColor": "#2040e0"}})";
    const auto ink = [](const QImage &img) {
        return countColor(img, QColor(0x20, 0x40, 0xe0), 0, img.width(), 0, img.height(), 30);
    };
    int inkValue = 0, inkNone = 0, inkName = 0;
    for (const char *tm : {"value", "none", "name"}) {
        Stat s;
        QVERIFY(s.make(
            statJson(
                defaults, "[]",
                QByteArray(R"({"reduceOptions": {"calcs": ["lastNotNull"]}, "graphMode": "none",
                                               "colorMode": "value", "textMode": ")") +
                    tm + "\"}"),
            series({{"a", 5}})));
        QCOMPARE(s.p->textMode(), QString::fromLatin1(tm));
        (QByteArray(tm) == "value"  ? inkValue
         : QByteArray(tm) == "none" ? inkNone
                                    : inkName) = ink(s.image());
    }
    QVERIFY(inkValue > 50);
    QCOMPARE(inkNone, 0);
    QVERIFY(inkName > 20); // "a" in the value's place

    for (const char *o : {"horizontal", "vertical", "auto"}) {
        Stat s;
        QVERIFY(s.make(
            statJson(
                defaults, "[]",
                QByteArray(R"({"reduceOptions": {"calcs": ["lastNotNull"]}, "graphMode": "none",
                                               "orientation": ")") +
                    o + "\"}"),
            series({{"a", 1}, {"b", 2}, {"c", 3}}), QSize(600, 600)));
        const QSize grid = s.p->layoutGrid(QSize(600, 600));
        if (QByteArray(o) == "horizontal")
            QCOMPARE(grid, QSize(3, 1));
        else if (QByteArray(o) == "vertical")
            QCOMPARE(grid, QSize(1, 3));
        else
            QVERIFY(grid.width() * grid.height() >= 3);
    }
}

void TestStatOptions::prefixSuffixUnits()
{
    Stat s;
    QVERIFY(s.make(statJson(R"({"unit": "suffix: rps"})",
                            R"([{"matcher": {"id": "byName", "options": "b"}, "properties": [
                                {"id": "unit", "value": "prefix:$"}]}])",
                            R"({"reduceOptions": {"calcs": ["lastNotNull"]}})"),
                   series({{"a", 12}, {"b", 7}})));
    QCOMPARE(s.p->statTexts(), (QStringList{"12 rps", "$7"}));
}

QTEST_MAIN(TestStatOptions)
#include "test_stat_options.moc"
