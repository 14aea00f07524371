// The factory builds a working client for each data-source type a dashboard or provisioning
// file can name: Prometheus, VictoriaMetrics's plugin ids, and (as before the factory) any
// other type. Each is checked with "Test connection" against a real server.
#include "datasources/datasourcefactory.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"
#include "victoriametricsfixture.h"

#include <QSignalSpy>
#include <QtTest>
#include <memory>

using namespace pharos;

class TestDataSourceFactory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_prom.start(&error), qPrintable(error));
        QVERIFY2(m_vm.start(&error), qPrintable(error));
    }

    void eachTypeConnects_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("victoria");
        QTest::addColumn<QString>("flavour");
        QTest::newRow("prometheus") << "prometheus" << false << "Prometheus";
        QTest::newRow("victoriametrics-metrics-datasource")
            << "victoriametrics-metrics-datasource" << true << "VictoriaMetrics";
        QTest::newRow("victoriametrics-datasource")
            << "victoriametrics-datasource" << true << "VictoriaMetrics";
        QTest::newRow("an unknown type") << "acme-tsdb" << false << "Prometheus";
    }

    void eachTypeConnects()
    {
        QFETCH(QString, type);
        QFETCH(bool, victoria);
        QFETCH(QString, flavour);
        DataSourceSettings s;
        s.name = QStringLiteral("made by the factory");
        s.type = type;
        if (victoria)
            s.jsonData.insert(QStringLiteral("kind"),
                              dataSourceKindName(DataSourceKind::VictoriaMetrics));
        s.url = victoria ? m_vm.url() : m_prom.url();
        const std::unique_ptr<DataSource> source = createDataSource(s);
        QVERIFY(source);
        QCOMPARE(source->settings().name, s.name);
        QCOMPARE(source->settings().type, type);
        std::unique_ptr<TestReply> reply(source->testConnection());
        QSignalSpy done(reply.get(), &DataSourceReply::finished);
        QVERIFY(reply->isFinished() || done.wait(30000));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message()));
        QCOMPARE(reply->result().flavour, flavour);
    }

private:
    test::PrometheusFixture m_prom;
    test::VictoriaMetricsFixture m_vm;
};

QTEST_MAIN(TestDataSourceFactory)
#include "test_datasourcefactory.moc"
