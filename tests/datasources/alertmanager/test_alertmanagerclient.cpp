// AlertmanagerDataSource against the real Alertmanager 0.25 (Debian's prometheus-alertmanager,
// tests/support/alertmanagerfixture.h): status, alerts and groups with their labels,
// receivers and states, the filters, the silence life cycle (create, get, update, list,
// expire), Alertmanager's own error text, a closed port, "Save & Test" and the factory.
#include "alertmanagerfixture.h"
#include "datasources/alertmanager/alertmanagerdatasource.h"
#include "datasources/alertmanager/alertmanagerparser.h"
#include "datasources/datasourcefactory.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace pharos;
using Kind = DataSourceError::Kind;

namespace {

// Waits for a reply and hands it over (owned by the caller).
template <typename R> std::unique_ptr<R> await(R *reply)
{
    std::unique_ptr<R> owned(reply);
    if (!owned->isFinished()) {
        QSignalSpy done(owned.get(), &DataSourceReply::finished);
        if (!done.wait(20000))
            qWarning("reply did not finish within 20 s");
    }
    return owned;
}

const AmAlert *find(const std::vector<AmAlert> &alerts, const QString &alertname)
{
    for (const AmAlert &a : alerts) {
        if (a.labels.value(QStringLiteral("alertname")) == alertname)
            return &a;
    }
    return nullptr;
}

QStringList alertnames(const std::vector<AmAlert> &alerts)
{
    QStringList out;
    for (const AmAlert &a : alerts)
        out << a.labels.value(QStringLiteral("alertname"));
    out.sort();
    return out;
}

QJsonObject alertJson(const QJsonObject &labels, const QJsonObject &annotations,
                      const QDateTime &startsAt, const QDateTime &endsAt)
{
    return QJsonObject{{QStringLiteral("labels"), labels},
                       {QStringLiteral("annotations"), annotations},
                       {QStringLiteral("startsAt"), AlertmanagerParser::formatTime(startsAt)},
                       {QStringLiteral("endsAt"), AlertmanagerParser::formatTime(endsAt)},
                       {QStringLiteral("generatorURL"),
                        QStringLiteral("http://prometheus.example/graph?g0.expr=up")}};
}

} // namespace

class TestAlertmanagerClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_am.start(&error), qPrintable(error));
        m_startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        m_startsAt = m_startsAt.addMSecs(-m_startsAt.time().msec()).addMSecs(250);
        const QDateTime endsAt = m_startsAt.addSecs(3600);
        const QJsonArray alerts{
            alertJson({{"alertname", "AlwaysFiring"}, {"job", "demo"}, {"severity", "critical"}},
                      {{"summary", "Always firing demo alert"}, {"description", "value is 1"}},
                      m_startsAt, endsAt),
            alertJson(
                {{"alertname", "AlwaysFiringWarning"}, {"job", "demo"}, {"severity", "warning"}},
                {{"summary", "Inhibited by AlwaysFiring"}}, m_startsAt, endsAt),
            alertJson({{"alertname", "DiskFull"},
                       {"job", "node"},
                       {"severity", "warning"},
                       {"instance", "db1:9100"}},
                      {{"summary", "Disk almost full"}}, m_startsAt, endsAt)};
        QVERIFY2(m_am.postAlerts(QJsonDocument(alerts).toJson(QJsonDocument::Compact), &error),
                 qPrintable(error));
        // The alerts are processed (inhibition included) once their groups went through the
        // pipeline (group_wait 1 s).
        const bool processed = test::PrometheusFixture::waitFor(
            [this] {
                const QJsonArray a =
                    QJsonDocument::fromJson(m_am.request("GET", QStringLiteral("/api/v2/alerts")))
                        .array();
                int settled = 0;
                for (const QJsonValue &v : a) {
                    const QString state = v.toObject()
                                              .value(QLatin1String("status"))
                                              .toObject()
                                              .value(QLatin1String("state"))
                                              .toString();
                    const QString name = v.toObject()
                                             .value(QLatin1String("labels"))
                                             .toObject()
                                             .value(QLatin1String("alertname"))
                                             .toString();
                    if (state == (name == QLatin1String("AlwaysFiringWarning")
                                      ? QLatin1String("suppressed")
                                      : QLatin1String("active")))
                        ++settled;
                }
                return settled == 3;
            },
            20000);
        QVERIFY2(processed, m_am.log().constData());
    }

    void status()
    {
        auto source = make();
        auto reply = await(source->status());
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const AlertmanagerStatus &s = reply->result();
        QVERIFY2(s.version.startsWith(QLatin1String("0.25.")), qPrintable(s.version));
        QCOMPARE(s.clusterStatus, QStringLiteral("disabled"));
        QVERIFY(s.peers.isEmpty());
        QVERIFY(s.uptime.isValid());
        QVERIFY(s.uptime <= QDateTime::currentDateTimeUtc());
        QVERIFY(s.uptime > QDateTime::currentDateTimeUtc().addSecs(-600));
        QVERIFY(s.configOriginal.contains(QLatin1String("receiver: devnull")));
        QVERIFY(s.configOriginal.contains(QLatin1String("inhibit_rules")));
    }

    void testConnection()
    {
        auto source = make();
        auto reply = await(source->testConnection());
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QVERIFY(reply->result().version.startsWith(QLatin1String("0.25.")));
        QCOMPARE(reply->result().flavour, QStringLiteral("Alertmanager"));
        const QString &message = reply->result().message;
        QVERIFY2(message.contains(QLatin1String("Alertmanager ") + reply->result().version),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("disabled")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("0 peer")), qPrintable(message));
        QCOMPARE(source->health().state, DataSourceHealth::State::Ok);
        QCOMPARE(source->health().flavour, QStringLiteral("Alertmanager"));
    }

    void alerts()
    {
        auto source = make();
        auto reply = await(source->alerts());
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const std::vector<AmAlert> &alerts = reply->result();
        QCOMPARE(alertnames(alerts),
                 (QStringList{QStringLiteral("AlwaysFiring"), QStringLiteral("AlwaysFiringWarning"),
                              QStringLiteral("DiskFull")}));
        const AmAlert *critical = find(alerts, QStringLiteral("AlwaysFiring"));
        const AmAlert *inhibited = find(alerts, QStringLiteral("AlwaysFiringWarning"));
        const AmAlert *disk = find(alerts, QStringLiteral("DiskFull"));
        QCOMPARE(critical->labels,
                 (AmLabels{{QStringLiteral("alertname"), QStringLiteral("AlwaysFiring")},
                           {QStringLiteral("job"), QStringLiteral("demo")},
                           {QStringLiteral("severity"), QStringLiteral("critical")}}));
        QCOMPARE(critical->annotations.value(QStringLiteral("description")),
                 QStringLiteral("value is 1"));
        QCOMPARE(critical->receivers, QStringList{QStringLiteral("devnull")});
        QCOMPARE(critical->state, AmAlert::State::Active);
        QCOMPARE(critical->startsAt, m_startsAt);
        QCOMPARE(critical->startsAt.timeSpec(), Qt::UTC);
        QCOMPARE(critical->endsAt, m_startsAt.addSecs(3600));
        QVERIFY(critical->updatedAt.isValid());
        QCOMPARE(critical->generatorUrl,
                 QStringLiteral("http://prometheus.example/graph?g0.expr=up"));
        QCOMPARE(critical->fingerprint.size(), 16);
        // severity="critical" inhibits severity="warning" of the same job.
        QCOMPARE(inhibited->state, AmAlert::State::Suppressed);
        QCOMPARE(inhibited->inhibitedBy, QStringList{critical->fingerprint});
        QVERIFY(inhibited->silencedBy.isEmpty());
        // Another job: not inhibited.
        QCOMPARE(disk->state, AmAlert::State::Active);
        QVERIFY(disk->inhibitedBy.isEmpty());
        QCOMPARE(disk->labels.value(QStringLiteral("instance")), QStringLiteral("db1:9100"));
    }

    void alertGroups()
    {
        auto source = make();
        auto reply = await(source->alertGroups());
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        const std::vector<AlertGroup> &groups = reply->result();
        QCOMPARE(groups.size(), size_t(3)); // group_by: [alertname]
        QStringList names;
        for (const AlertGroup &g : groups) {
            QCOMPARE(g.receiver, QStringLiteral("devnull"));
            QCOMPARE(g.labels.size(), 1);
            QCOMPARE(g.alerts.size(), size_t(1));
            QCOMPARE(g.alerts.front().labels.value(QStringLiteral("alertname")),
                     g.labels.value(QStringLiteral("alertname")));
            names << g.labels.value(QStringLiteral("alertname"));
        }
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("AlwaysFiring"), QStringLiteral("AlwaysFiringWarning"),
                              QStringLiteral("DiskFull")}));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("matchers");
        QTest::addColumn<QString>("receiver");
        QTest::addColumn<bool>("inhibited");
        QTest::addColumn<bool>("active");
        QTest::addColumn<QStringList>("expected");
        const QString af = QStringLiteral("AlwaysFiring");
        const QString afw = QStringLiteral("AlwaysFiringWarning");
        const QString df = QStringLiteral("DiskFull");
        QTest::newRow("severity=critical") << QStringList{QStringLiteral("severity=\"critical\"")}
                                           << QString() << true << true << QStringList{af};
        QTest::newRow("severity=warning") << QStringList{QStringLiteral("severity=\"warning\"")}
                                          << QString() << true << true << QStringList{afw, df};
        QTest::newRow("two matchers")
            << QStringList{QStringLiteral("severity=\"warning\""), QStringLiteral("job=~\"no.*\"")}
            << QString() << true << true << QStringList{df};
        QTest::newRow("not equal") << QStringList{QStringLiteral("job!=\"demo\"")} << QString()
                                   << true << true << QStringList{df};
        QTest::newRow("receiver regex")
            << QStringList() << QStringLiteral("dev.*") << true << true << QStringList{af, afw, df};
        QTest::newRow("other receiver")
            << QStringList() << QStringLiteral("pager") << true << true << QStringList();
        QTest::newRow("without inhibited")
            << QStringList() << QString() << false << true << QStringList{af, df};
        QTest::newRow("only suppressed")
            << QStringList() << QString() << true << false << QStringList{afw};
    }

    void filters()
    {
        QFETCH(QStringList, matchers);
        QFETCH(QString, receiver);
        QFETCH(bool, inhibited);
        QFETCH(bool, active);
        QFETCH(QStringList, expected);
        AlertFilter filter;
        filter.matchers = matchers;
        filter.receiver = receiver;
        filter.inhibited = inhibited;
        filter.active = active;
        auto source = make();
        auto reply = await(source->alerts(filter));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(alertnames(reply->result()), expected);
        // The groups answer the same filter.
        auto groups = await(source->alertGroups(filter));
        QVERIFY2(!groups->error().isError(), qPrintable(groups->error().message()));
        std::vector<AmAlert> grouped;
        for (const AlertGroup &g : groups->result())
            grouped.insert(grouped.end(), g.alerts.begin(), g.alerts.end());
        QCOMPARE(alertnames(grouped), expected);
    }

    void badMatcher()
    {
        auto source = make();
        AlertFilter filter;
        filter.matchers << QStringLiteral("severity");
        auto reply = await(source->alerts(filter));
        QCOMPARE(reply->error().kind, Kind::Rejected);
        QCOMPARE(reply->error().httpStatus, 400);
        QCOMPARE(reply->error().detail, QStringLiteral("bad matcher format: severity"));
        QVERIFY2(reply->error().message().contains(QLatin1String("bad matcher format: severity")),
                 qPrintable(reply->error().message()));
        // The server answered: the data source stays healthy.
        QVERIFY(source->health().state != DataSourceHealth::State::Failing);
    }

    void silenceLifeCycle()
    {
        auto source = make();
        Silence s;
        s.matchers << SilenceMatcher{QStringLiteral("alertname"), QStringLiteral("DiskFull"), false,
                                     true}
                   << SilenceMatcher{QStringLiteral("instance"), QStringLiteral("db.*"), true,
                                     true};
        s.startsAt = QDateTime::currentDateTimeUtc();
        s.endsAt = s.startsAt.addSecs(2 * 3600);
        s.createdBy = QStringLiteral("pharos test");
        s.comment = QStringLiteral("disk replacement");

        // Create.
        auto created = await(source->createSilence(s));
        QVERIFY2(!created->error().isError(), qPrintable(created->error().message()));
        const QString id = created->result();
        QCOMPARE(id.size(), 36); // a UUID
        QCOMPARE(id.count(QLatin1Char('-')), 4);

        // The alert is suppressed by it.
        std::unique_ptr<AlertsReply> alerts;
        const bool silenced = test::PrometheusFixture::waitFor(
            [&] {
                alerts = await(source->alerts());
                const AmAlert *disk = find(alerts->result(), QStringLiteral("DiskFull"));
                return disk && disk->state == AmAlert::State::Suppressed;
            },
            10000);
        QVERIFY(silenced);
        const AmAlert *disk = find(alerts->result(), QStringLiteral("DiskFull"));
        QCOMPARE(disk->silencedBy, QStringList{id});
        QVERIFY(disk->inhibitedBy.isEmpty());
        QCOMPARE(find(alerts->result(), QStringLiteral("AlwaysFiring"))->state,
                 AmAlert::State::Active);
        AlertFilter notSilenced;
        notSilenced.silenced = false;
        auto visible = await(source->alerts(notSilenced));
        QCOMPARE(
            alertnames(visible->result()),
            (QStringList{QStringLiteral("AlwaysFiring"), QStringLiteral("AlwaysFiringWarning")}));

        // Get.
        auto got = await(source->silence(id));
        QVERIFY2(!got->error().isError(), qPrintable(got->error().message()));
        QCOMPARE(got->result().id, id);
        QCOMPARE(got->result().matchers, s.matchers);
        QCOMPARE(got->result().createdBy, s.createdBy);
        QCOMPARE(got->result().comment, s.comment);
        QCOMPARE(got->result().state, Silence::State::Active);
        QVERIFY(qAbs(got->result().startsAt.msecsTo(s.startsAt)) < 5000);
        QCOMPARE(got->result().endsAt.toMSecsSinceEpoch(), s.endsAt.toMSecsSinceEpoch());
        QVERIFY(got->result().updatedAt.isValid());

        // Update (same matchers: Alertmanager keeps the id).
        Silence update = got->result();
        update.comment = QStringLiteral("disk replacement, extended");
        update.endsAt = s.endsAt.addSecs(3600);
        auto updated = await(source->createSilence(update));
        QVERIFY2(!updated->error().isError(), qPrintable(updated->error().message()));
        QCOMPARE(updated->result(), id);
        auto again = await(source->silence(id));
        QCOMPARE(again->result().comment, update.comment);
        QCOMPARE(again->result().endsAt.toMSecsSinceEpoch(), update.endsAt.toMSecsSinceEpoch());

        // List, all and filtered.
        auto all = await(source->silences());
        QVERIFY2(!all->error().isError(), qPrintable(all->error().message()));
        QCOMPARE(all->result().size(), size_t(1));
        QCOMPARE(all->result().front().id, id);
        QCOMPARE(all->result().front().comment, update.comment);
        auto matching = await(source->silences({QStringLiteral("alertname=\"DiskFull\"")}));
        QCOMPARE(matching->result().size(), size_t(1));
        auto other = await(source->silences({QStringLiteral("alertname=\"Other\"")}));
        QVERIFY2(!other->error().isError(), qPrintable(other->error().message()));
        QCOMPARE(other->result().size(), size_t(0));

        // Expire.
        auto expired = await(source->expireSilence(id));
        QVERIFY2(!expired->error().isError(), qPrintable(expired->error().message()));
        QVERIFY(expired->result());
        auto after = await(source->silence(id));
        QCOMPARE(after->result().state, Silence::State::Expired);
        QVERIFY(after->result().endsAt <= QDateTime::currentDateTimeUtc());
        const bool active = test::PrometheusFixture::waitFor(
            [&] {
                alerts = await(source->alerts());
                const AmAlert *d = find(alerts->result(), QStringLiteral("DiskFull"));
                return d && d->state == AmAlert::State::Active && d->silencedBy.isEmpty();
            },
            10000);
        QVERIFY(active);

        // Expiring an unknown silence: the server's answer, as it gave it.
        auto twice =
            await(source->expireSilence(QStringLiteral("0f0f0f0f-0000-4000-8000-000000000000")));
        QCOMPARE(twice->error().kind, Kind::HttpStatus);
        QCOMPARE(twice->error().httpStatus, 500);
        QCOMPARE(twice->error().detail, QStringLiteral("silence not found"));
        // An unknown id.
        auto unknown =
            await(source->silence(QStringLiteral("0f0f0f0f-0000-4000-8000-000000000000")));
        QCOMPARE(unknown->error().kind, Kind::NotFound);
    }

    void badSilences_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("isRegex");
        QTest::addColumn<int>("endOffsetS");
        QTest::addColumn<QString>("text");
        QTest::newRow("end before start")
            << "alertname"
            << "DiskFull" << false << -3600
            << "Failed to create silence: start time must be before end time";
        QTest::newRow("bad regex") << "alertname"
                                   << "(" << true << 3600 << "invalid regular expression \"(\"";
        QTest::newRow("bad label name")
            << "a b"
            << "x" << false << 3600
            << "silence invalid: invalid label matcher 0: invalid label name \"a b\"";
    }

    void badSilences()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, isRegex);
        QFETCH(int, endOffsetS);
        QFETCH(QString, text);
        auto source = make();
        Silence s;
        s.matchers << SilenceMatcher{name, value, isRegex, true};
        s.startsAt = QDateTime::currentDateTimeUtc().addSecs(60);
        s.endsAt = s.startsAt.addSecs(endOffsetS);
        s.createdBy = QStringLiteral("pharos test");
        s.comment = QStringLiteral("bad");
        auto reply = await(source->createSilence(s));
        QCOMPARE(reply->error().kind, Kind::Rejected);
        QCOMPARE(reply->error().httpStatus, 400);
        QVERIFY2(reply->error().detail.contains(text), qPrintable(reply->error().detail));
        QVERIFY2(reply->error().message().contains(text), qPrintable(reply->error().message()));
        QVERIFY(reply->result().isEmpty());
        auto none = await(source->silences());
        for (const Silence &existing : none->result())
            QVERIFY(existing.comment != QLatin1String("bad"));
    }

    void closedPort()
    {
        DataSourceSettings settings = m_settings();
        settings.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::PrometheusFixture::freePort()));
        AlertmanagerDataSource source(settings);
        auto reply = await(source.status());
        QCOMPARE(reply->error().kind, Kind::ConnectionRefused);
        auto test = await(source.testConnection());
        QCOMPARE(test->error().kind, Kind::ConnectionRefused);
        QVERIFY2(test->error().message().contains(QLatin1String("/api/v2/status")),
                 qPrintable(test->error().message()));
        QCOMPARE(source.health().state, DataSourceHealth::State::Failing);
    }

    void factoryCreatesTheType()
    {
        DataSourceSettings settings = m_settings();
        const std::unique_ptr<DataSource> source = createDataSource(settings);
        QVERIFY(source);
        QVERIFY(dynamic_cast<AlertmanagerDataSource *>(source.get()));
        QVERIFY(source->alertmanager());
        QVERIFY(!source->promql());
        QCOMPARE(source->settings().type, QStringLiteral("alertmanager"));
        auto test = await(source->testConnection());
        QVERIFY2(!test->error().isError(), qPrintable(test->error().message()));
        QCOMPARE(test->result().flavour, QStringLiteral("Alertmanager"));
        auto alerts = await(source->alertmanager()->alerts());
        QCOMPARE(alerts->result().size(), size_t(3));

        // Mimir's layout (/alertmanager/api/v2) is not there on a plain Alertmanager.
        AlertmanagerOptions{AlertmanagerOptions::Implementation::Mimir}.storeIn(&settings);
        const std::unique_ptr<DataSource> mimir = createDataSource(settings);
        auto wrong = await(mimir->testConnection());
        QCOMPARE(wrong->error().kind, Kind::NotFound);
        QVERIFY2(wrong->error().detail.contains(QLatin1String("/alertmanager/api/v2/status")),
                 qPrintable(wrong->error().detail));
    }

private:
    DataSourceSettings m_settings() const
    {
        DataSourceSettings s;
        s.uid = QStringLiteral("am");
        s.name = QStringLiteral("Alertmanager");
        s.type = QStringLiteral("alertmanager");
        s.url = m_am.url();
        AlertmanagerOptions{AlertmanagerOptions::Implementation::Prometheus}.storeIn(&s);
        return s;
    }
    std::unique_ptr<AlertmanagerDataSource> make() const
    {
        return std::make_unique<AlertmanagerDataSource>(m_settings());
    }

    test::AlertmanagerFixture m_am;
    QDateTime m_startsAt;
};

QTEST_GUILESS_MAIN(TestAlertmanagerClient)
#include "test_alertmanagerclient.moc"
