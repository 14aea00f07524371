// Time navigation arithmetic: zoom to a selection, zoom out, shift, the per-panel timeFrom /
// timeShift overrides, and absolute times shown and typed in the dashboard's zone.
#include "dashboards/time/timenavigation.h"

#include <QJsonDocument>
#include <QTest>

using namespace pharos;

class TestTimeNavigation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void absoluteTextRoundTrips();
    void zoomToSelection();
    void zoomOutKeepsLiveRanges();
    void zoomOutInThePast();
    void shift();
    void relativeSpan_data();
    void relativeSpan();
    void panelTimeFrom();
    void panelTimeShift();
    void panelOverrideInvalid();
    void displayAndTypeInZone();
};

static const QDateTime kNow = QDateTime(QDate(2024, 3, 10), QTime(12, 0), QTimeZone::utc());
static qint64 nowMs()
{
    return kNow.toMSecsSinceEpoch();
}
static qint64 ms(const QString &expr, bool roundUp = false)
{
    const auto t = parseTimeExpression(expr, kNow, QTimeZone::utc(), roundUp);
    if (!t)
        qFatal("bad expression");
    return t->toMSecsSinceEpoch();
}

void TestTimeNavigation::absoluteTextRoundTrips()
{
    const qint64 t = 1'700'000'123'456;
    QCOMPARE(absoluteTimeText(t), QStringLiteral("2023-11-14T22:15:23.456Z"));
    QCOMPARE(ms(absoluteTimeText(t)), t);
    QVERIFY(isRelativeTime(QStringLiteral(" now-6h")));
    QVERIFY(!isRelativeTime(absoluteTimeText(t)));
}

void TestTimeNavigation::zoomToSelection()
{
    const TimeRange r = zoomedTimeRange(ms("now-2h"), ms("now-3h")); // reversed on purpose
    QCOMPARE(r.from, QStringLiteral("2024-03-10T09:00:00.000Z"));
    QCOMPARE(r.to, QStringLiteral("2024-03-10T10:00:00.000Z"));
    const auto res = r.resolve(kNow, QTimeZone::utc());
    QVERIFY(res);
    QCOMPARE(res->fromMs, ms("now-3h"));
    QCOMPARE(res->toMs, ms("now-2h"));
    // A tiny selection is widened to one second around its centre.
    const TimeRange tiny = zoomedTimeRange(nowMs() - 10'000, nowMs() - 9'800);
    const auto t = tiny.resolve(kNow, QTimeZone::utc());
    QVERIFY(t);
    QCOMPARE(t->spanMs(), qint64(1000));
    QCOMPARE(t->fromMs, nowMs() - 9'900 - 500);
}

void TestTimeNavigation::zoomOutKeepsLiveRanges()
{
    // Last 6 hours: twice the span around its centre ends 3 h after now, so it is moved
    // back to end now and stays live.
    const TimeRange r = zoomOutTimeRange({ms("now-6h"), nowMs()}, nowMs());
    QCOMPARE(r, (TimeRange{"now-12h", "now"}));
    QCOMPARE(r.displayText(), QStringLiteral("Last 12 hours"));
    QCOMPARE(zoomOutTimeRange({ms("now-12h"), nowMs()}, nowMs()), (TimeRange{"now-1d", "now"}));
    QCOMPARE(zoomOutTimeRange({ms("now-5m"), nowMs()}, nowMs()), (TimeRange{"now-10m", "now"}));
}

void TestTimeNavigation::zoomOutInThePast()
{
    // 09:00-10:00 -> 08:30-10:30, centre kept.
    const TimeRange r = zoomOutTimeRange({ms("now-3h"), ms("now-2h")}, nowMs());
    QCOMPARE(r.from, QStringLiteral("2024-03-10T08:30:00.000Z"));
    QCOMPARE(r.to, QStringLiteral("2024-03-10T10:30:00.000Z"));
    // Factor 4.
    const TimeRange f = zoomOutTimeRange({ms("now-3h"), ms("now-2h")}, nowMs(), 4);
    QCOMPARE(f.from, QStringLiteral("2024-03-10T07:30:00.000Z"));
    QCOMPARE(f.to, QStringLiteral("2024-03-10T11:30:00.000Z"));
}

void TestTimeNavigation::shift()
{
    // Last 6 hours back: 03:00-09:00.
    const TimeRange back = shiftTimeRange({ms("now-6h"), nowMs()}, nowMs(), -1);
    QCOMPARE(back.from, QStringLiteral("2024-03-10T03:00:00.000Z"));
    QCOMPARE(back.to, QStringLiteral("2024-03-10T09:00:00.000Z"));
    // Forward again: 06:00-12:00 ends now: the live range again.
    const auto resolved = back.resolve(kNow, QTimeZone::utc());
    QVERIFY(resolved);
    QCOMPARE(shiftTimeRange(*resolved, nowMs(), 1), (TimeRange{"now-6h", "now"}));
    // Forward in the past stays absolute.
    const TimeRange fwd = shiftTimeRange({ms("now-10h"), ms("now-8h")}, nowMs(), 1);
    QCOMPARE(fwd.from, QStringLiteral("2024-03-10T03:00:00.000Z"));
    QCOMPARE(fwd.to, QStringLiteral("2024-03-10T05:00:00.000Z"));
    // Forward past now never goes beyond now.
    QCOMPARE(shiftTimeRange({ms("now-1h"), nowMs()}, nowMs(), 1), (TimeRange{"now-1h", "now"}));
}

void TestTimeNavigation::relativeSpan_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<QString>("from");
    QTest::newRow("2w") << qint64(14) * 86'400'000 << "now-2w";
    QTest::newRow("3d") << qint64(3) * 86'400'000 << "now-3d";
    QTest::newRow("36h") << qint64(36) * 3'600'000 << "now-36h";
    QTest::newRow("90m") << qint64(90) * 60'000 << "now-90m";
    QTest::newRow("61s") << qint64(61'000) << "now-61s";
    QTest::newRow("rounded") << qint64(60'400) << "now-1m";
}

void TestTimeNavigation::relativeSpan()
{
    QFETCH(qint64, span);
    QFETCH(QString, from);
    QCOMPARE(relativeRangeOfSpan(span), (TimeRange{from, "now"}));
}

static PanelModel panelWith(const char *json)
{
    PanelModel p;
    p.json = QJsonDocument::fromJson(json).object();
    return p;
}

void TestTimeNavigation::panelTimeFrom()
{
    const PanelTimeOverride o = panelTimeOverride(panelWith(R"({"timeFrom": "2h"})"));
    QCOMPARE(o.timeFrom, QStringLiteral("2h"));
    QVERIFY(!o.isEmpty());
    const TimeRange dash{"now-6h", "now"};
    const ResolvedTimeRange resolved{ms("now-6h"), nowMs()};
    PanelTimeResult r = applyPanelTimeOverride(o, dash, resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now-2h"));
    QCOMPARE(r.range.toMs, nowMs());
    QCOMPARE(r.info, QStringLiteral("Last 2 hours"));
    QVERIFY(r.error.isEmpty());
    // "now/d" as timeFrom: today so far.
    r = applyPanelTimeOverride(panelTimeOverride(panelWith(R"({"timeFrom": "now/d"})")), dash,
                               resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now/d"));
    QCOMPARE(r.info, QStringLiteral("Today so far"));
    // An absolute dashboard range is kept (as Grafana does).
    const TimeRange abs{absoluteTimeText(ms("now-5h")), absoluteTimeText(ms("now-4h"))};
    r = applyPanelTimeOverride(o, abs, {ms("now-5h"), ms("now-4h")}, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now-5h"));
    QCOMPARE(r.range.toMs, ms("now-4h"));
    QCOMPARE(r.info, QString());
}

void TestTimeNavigation::panelTimeShift()
{
    const TimeRange dash{"now-6h", "now"};
    const ResolvedTimeRange resolved{ms("now-6h"), nowMs()};
    PanelTimeResult r =
        applyPanelTimeOverride(panelTimeOverride(panelWith(R"({"timeShift": "1h"})")), dash,
                               resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now-7h"));
    QCOMPARE(r.range.toMs, ms("now-1h"));
    QCOMPARE(r.info, QStringLiteral("timeshift -1h"));
    // Both, as Grafana shows them together.
    r = applyPanelTimeOverride(
        panelTimeOverride(panelWith(R"({"timeFrom": "2h", "timeShift": "1d"})")), dash, resolved,
        kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now-1d-2h"));
    QCOMPARE(r.range.toMs, ms("now-1d"));
    QCOMPARE(r.info, QStringLiteral("Last 2 hours timeshift -1d"));
    // A rounding shift: "1d/d" moves each end back a day and rounds it to the day.
    r = applyPanelTimeOverride(panelTimeOverride(panelWith(R"({"timeShift": "1d/d"})")), dash,
                               resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, ms("now-1d/d"));
    QCOMPARE(r.range.toMs, ms("now-1d/d", true));
    // hideTimeOverride: applied, not shown.
    r = applyPanelTimeOverride(
        panelTimeOverride(panelWith(R"({"timeShift": "1h", "hideTimeOverride": true})")), dash,
        resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.toMs, ms("now-1h"));
    QCOMPARE(r.info, QString());
}

void TestTimeNavigation::panelOverrideInvalid()
{
    const TimeRange dash{"now-6h", "now"};
    const ResolvedTimeRange resolved{ms("now-6h"), nowMs()};
    const PanelTimeResult r = applyPanelTimeOverride(
        panelTimeOverride(panelWith(R"({"timeFrom": "2 hours", "timeShift": "x"})")), dash,
        resolved, kNow, QTimeZone::utc());
    QCOMPARE(r.range.fromMs, resolved.fromMs);
    QCOMPARE(r.range.toMs, resolved.toMs);
    QVERIFY2(r.error.contains(QStringLiteral("2 hours")), qPrintable(r.error));
    QVERIFY(r.error.contains(QStringLiteral("“x”")));
    QVERIFY(panelTimeOverride(panelWith(R"({"timeFrom": null, "timeShift": ""})")).isEmpty());
}

void TestTimeNavigation::displayAndTypeInZone()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin")); // UTC+1 in January
    QVERIFY(berlin.isValid());
    const TimeRange r{QStringLiteral("2024-01-31T07:00:00.000Z"),
                      QStringLiteral("2024-01-31T11:00:00.000Z")};
    QCOMPARE(timeRangeDisplayText(r, QTimeZone::utc()),
             QStringLiteral("2024-01-31 07:00:00 to 2024-01-31 11:00:00"));
    QCOMPARE(timeRangeDisplayText(r, berlin),
             QStringLiteral("2024-01-31 08:00:00 to 2024-01-31 12:00:00"));
    QCOMPARE(timeRangeDisplayText(TimeRange{"now-6h", "now"}, berlin),
             QStringLiteral("Last 6 hours"));
    QCOMPARE(displayTimeExpression(QStringLiteral("now-1d/d"), berlin), QStringLiteral("now-1d/d"));
    // Typed in Berlin: 08:00 there is 07:00 UTC.
    QString error;
    QCOMPARE(canonicalTimeExpression(QStringLiteral("2024-01-31 08:00"), berlin, false, &error),
             std::optional<QString>(QStringLiteral("2024-01-31T07:00:00.000Z")));
    QCOMPARE(canonicalTimeExpression(QStringLiteral("2024-01-31 08:00"), QTimeZone::utc(), false),
             std::optional<QString>(QStringLiteral("2024-01-31T08:00:00.000Z")));
    // An explicit offset wins over the zone.
    QCOMPARE(canonicalTimeExpression(QStringLiteral("2024-01-31T08:00:00+02:00"), berlin, false),
             std::optional<QString>(QStringLiteral("2024-01-31T06:00:00.000Z")));
    QCOMPARE(canonicalTimeExpression(QStringLiteral(" now-2h "), berlin, false),
             std::optional<QString>(QStringLiteral("now-2h")));
    QVERIFY(!canonicalTimeExpression(QStringLiteral("yesterday"), berlin, false, &error));
    QVERIFY(error.contains(QStringLiteral("yesterday")));
}

QTEST_MAIN(TestTimeNavigation)
#include "test_timenavigation.moc"
