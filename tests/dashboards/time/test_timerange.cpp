#include "dashboards/time/timerange.h"

#include <QtTest>

using namespace pharos;

namespace {
QDateTime iso(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
}
// Sunday 31 March 2024, 10:30:45.123 UTC = 12:30:45.123 CEST: the night of Berlin's switch
// from CET (+01:00) to CEST (+02:00) lies between now and the start of the day.
const char *const kNow = "2024-03-31T10:30:45.123Z";
} // namespace

class TestTimeRange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("roundUp");
        QTest::addColumn<QDateTime>("expected");
        auto row = [](const char *zone, const char *text, bool up, const char *expected) {
            QTest::addRow("%s %s %s", zone, text, up ? "to" : "from")
                << QString::fromLatin1(zone) << QString::fromLatin1(text) << up << iso(expected);
        };
        row("utc", "now", false, kNow);
        row("utc", "now", true, kNow);
        row("utc", " now ", false, kNow);
        row("utc", "now-6h", false, "2024-03-31T04:30:45.123Z");
        row("utc", "now+1d", false, "2024-04-01T10:30:45.123Z");
        row("utc", "now-90s", false, "2024-03-31T10:29:15.123Z");
        row("utc", "now-15m", false, "2024-03-31T10:15:45.123Z");
        row("utc", "now-2w", false, "2024-03-17T10:30:45.123Z");
        row("utc", "now-1y", false, "2023-03-31T10:30:45.123Z");
        row("utc", "now-1M", false, "2024-02-29T10:30:45.123Z"); // clamped to month end
        row("utc", "now/s", false, "2024-03-31T10:30:45.000Z");
        row("utc", "now/s", true, "2024-03-31T10:30:45.999Z");
        row("utc", "now/m", false, "2024-03-31T10:30:00.000Z");
        row("utc", "now/h", false, "2024-03-31T10:00:00.000Z");
        row("utc", "now/h", true, "2024-03-31T10:59:59.999Z");
        row("utc", "now/d", false, "2024-03-31T00:00:00.000Z");
        row("utc", "now/d", true, "2024-03-31T23:59:59.999Z");
        row("utc", "now-1d/d", false, "2024-03-30T00:00:00.000Z");
        row("utc", "now-1d/d", true, "2024-03-30T23:59:59.999Z");
        row("utc", "now/w", false, "2024-03-25T00:00:00.000Z"); // Monday
        row("utc", "now/w", true, "2024-03-31T23:59:59.999Z");  // Sunday
        row("utc", "now-1M/M", false, "2024-02-01T00:00:00.000Z");
        row("utc", "now-1M/M", true, "2024-02-29T23:59:59.999Z");
        row("utc", "now/M", true, "2024-03-31T23:59:59.999Z");
        row("utc", "now/y", false, "2024-01-01T00:00:00.000Z");
        row("utc", "now/y", true, "2024-12-31T23:59:59.999Z");
        row("utc", "now-1d/d+8h", false, "2024-03-30T08:00:00.000Z");
        row("utc", "now-1d/d+8h", true, "2024-03-31T07:59:59.999Z");
        row("utc", "now-1M/M+8h", false, "2024-02-01T08:00:00.000Z");
        // Europe/Berlin: rounding in the dashboard's zone, across the DST change.
        row("Europe/Berlin", "now", false, kNow);
        row("Europe/Berlin", "now-6h", false, "2024-03-31T04:30:45.123Z");
        row("Europe/Berlin", "now-24h", false, "2024-03-30T10:30:45.123Z");
        row("Europe/Berlin", "now-1d", false, "2024-03-30T12:30:45.123+01:00"); // wall clock
        row("Europe/Berlin", "now/d", false, "2024-03-31T00:00:00.000+01:00");
        row("Europe/Berlin", "now/d", true, "2024-03-31T23:59:59.999+02:00");
        row("Europe/Berlin", "now-1d/d", false, "2024-03-30T00:00:00.000+01:00");
        row("Europe/Berlin", "now-1d/d", true, "2024-03-30T23:59:59.999+01:00");
        row("Europe/Berlin", "now-1d/d+8h", false, "2024-03-30T08:00:00.000+01:00");
        row("Europe/Berlin", "now/d+8h", false, "2024-03-31T09:00:00.000+02:00"); // 8 h elapsed
        row("Europe/Berlin", "now/w", false, "2024-03-25T00:00:00.000+01:00");
        row("Europe/Berlin", "now/h", false, "2024-03-31T12:00:00.000+02:00");
        row("Europe/Berlin", "now/M", false, "2024-03-01T00:00:00.000+01:00");
        row("Europe/Berlin", "now/y", true, "2024-12-31T23:59:59.999+01:00");
        // Absolute times.
        row("utc", "2024-01-02T03:04:05Z", false, "2024-01-02T03:04:05.000Z");
        row("utc", "2024-01-02T03:04:05.678+02:00", false, "2024-01-02T01:04:05.678Z");
        row("Europe/Berlin", "2024-01-02T03:04:05-0130", false, "2024-01-02T04:34:05.000Z");
        row("utc", "2024-01-02 03:04:05", false, "2024-01-02T03:04:05.000Z");
        row("Europe/Berlin", "2024-01-02 03:04:05", false, "2024-01-02T02:04:05.000Z");
        row("Europe/Berlin", "2024-07-02T03:04", false, "2024-07-02T01:04:00.000Z");
        row("utc", "2024-01-02", false, "2024-01-02T00:00:00.000Z");
        row("Europe/Berlin", "2024-01-02", false, "2024-01-01T23:00:00.000Z");
        row("utc", "1704164645000", false, "2024-01-02T03:04:05.000Z");
        row("Europe/Berlin", "1704164645123", true, "2024-01-02T03:04:05.123Z");
    }

    void parse()
    {
        QFETCH(QString, zone);
        QFETCH(QString, text);
        QFETCH(bool, roundUp);
        QFETCH(QDateTime, expected);
        QVERIFY(expected.isValid());
        const QTimeZone tz = dashboardTimeZone(zone);
        QVERIFY(tz.isValid());
        QString error;
        const auto t = parseTimeExpression(text, iso(kNow), tz, roundUp, &error);
        QVERIFY2(t.has_value(), qPrintable(error));
        QCOMPARE(t->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QVERIFY(error.isEmpty());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t :
             {"", "   ", "now-", "now-6x", "now/q", "now/", "now+-1h", "nowx", "now-1.5h", "now 6h",
              "yesterday", "2024-13-01", "2024-02-30", "2024-01-02T25:00:00",
              "2024-01-02T03:04:05+25:00", "12:00", "<html>", "now-6h/"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

    void invalid()
    {
        QFETCH(QString, text);
        QString error;
        const auto t = parseTimeExpression(text, iso(kNow), QTimeZone::utc(), false, &error);
        QVERIFY(!t.has_value());
        QVERIFY(!error.isEmpty());
        if (!text.trimmed().isEmpty())
            QVERIFY2(error.contains(text), qPrintable(error));
    }

    void zones()
    {
        QCOMPARE(dashboardTimeZone(QString()), QTimeZone::systemTimeZone());
        QCOMPARE(dashboardTimeZone(QStringLiteral("browser")), QTimeZone::systemTimeZone());
        QCOMPARE(dashboardTimeZone(QStringLiteral("utc")), QTimeZone::utc());
        QCOMPARE(dashboardTimeZone(QStringLiteral("UTC")), QTimeZone::utc());
        QCOMPARE(dashboardTimeZone(QStringLiteral("Europe/Berlin")).id(),
                 QByteArray("Europe/Berlin"));
        QCOMPARE(dashboardTimeZone(QStringLiteral("Not/AZone")), QTimeZone::systemTimeZone());
    }

    void resolve()
    {
        const QDateTime now = iso(kNow);
        QString error;
        auto r = TimeRange{QStringLiteral("now/d"), QStringLiteral("now/d")}.resolve(
            now, QTimeZone::utc(), &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->fromMs, iso("2024-03-31T00:00:00Z").toMSecsSinceEpoch());
        QCOMPARE(r->toMs, iso("2024-03-31T23:59:59.999Z").toMSecsSinceEpoch());
        QCOMPARE(r->spanMs(), 86400000 - 1);
        // The Berlin DST day is 23 hours long.
        r = TimeRange{QStringLiteral("now/d"), QStringLiteral("now/d")}.resolve(
            now, dashboardTimeZone(QStringLiteral("Europe/Berlin")), &error);
        QVERIFY(r);
        QCOMPARE(r->spanMs(), 23 * 3600000 - 1);
        r = TimeRange{}.resolve(now, QTimeZone::utc(), &error);
        QVERIFY(r);
        QCOMPARE(r->spanMs(), 6 * 3600000);
        QCOMPARE(r->toMs, now.toMSecsSinceEpoch());

        error.clear();
        QVERIFY(!TimeRange({QStringLiteral("now"), QStringLiteral("now-1h")})
                     .resolve(now, QTimeZone::utc(), &error));
        QVERIFY(error.contains(QLatin1String("now-1h")));
        error.clear();
        QVERIFY(!TimeRange({QStringLiteral("now"), QStringLiteral("now")})
                     .resolve(now, QTimeZone::utc(), &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!TimeRange({QStringLiteral("now-1q"), QStringLiteral("now")})
                     .resolve(now, QTimeZone::utc(), &error));
        QVERIFY(error.contains(QLatin1String("now-1q")));
    }

    void displayText_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *f, const char *t, const char *e) {
            QTest::addRow("%s..%s", f, t)
                << QString::fromLatin1(f) << QString::fromLatin1(t) << QString::fromLatin1(e);
        };
        row("now-5m", "now", "Last 5 minutes");
        row("now-15m", "now", "Last 15 minutes");
        row("now-1h", "now", "Last 1 hour");
        row("now-6h", "now", "Last 6 hours");
        row("now-24h", "now", "Last 24 hours");
        row("now-2d", "now", "Last 2 days");
        row("now-7d", "now", "Last 7 days");
        row("now-30s", "now", "Last 30 seconds");
        row("now-1y", "now", "Last 1 year");
        row("now/d", "now/d", "Today");
        row("now/d", "now", "Today so far");
        row("now-1d/d", "now-1d/d", "Yesterday");
        row("now/w", "now/w", "This week");
        row("now-6h", "now-1h", "now-6h to now-1h");
        row("2024-01-01 00:00:00", "2024-01-02 00:00:00",
            "2024-01-01 00:00:00 to 2024-01-02 00:00:00");
    }

    void displayText()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QCOMPARE((TimeRange{from, to}.displayText()), expected);
    }

    void quick()
    {
        const QList<TimeRange> q = quickRanges();
        QStringList texts;
        for (const TimeRange &r : q) {
            texts << r.displayText();
            // Every quick range resolves.
            QVERIFY(r.resolve(iso(kNow), QTimeZone::utc()).has_value());
        }
        for (const char *t :
             {"Last 5 minutes", "Last 15 minutes", "Last 30 minutes", "Last 1 hour", "Last 3 hours",
              "Last 6 hours", "Last 12 hours", "Last 24 hours", "Last 2 days", "Last 7 days",
              "Last 30 days", "Today", "Today so far", "Yesterday", "This week"})
            QVERIFY2(texts.contains(QString::fromLatin1(t)), t);
        QCOMPARE(q.size(), 15);
    }
};

QTEST_GUILESS_MAIN(TestTimeRange)
#include "test_timerange.moc"
