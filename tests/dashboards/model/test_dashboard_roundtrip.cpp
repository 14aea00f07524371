#include "dashboards/grafana/grafanamigration.h"
#include "dashboards/model/dashboard.h"
#include "dashboards/model/dashboardio.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestDashboardRoundtrip : public QObject
{
    Q_OBJECT
private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    static QStringList files()
    {
        QStringList out;
        const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            out << dir.filePath(name);
        out << QStringLiteral(PHAROS_SOURCE_DIR
                              "/resources/dashboards/go-service-golden-signals.json");
        return out;
    }

private Q_SLOTS:
    void corpusPresent()
    {
        const QDir dir(QStringLiteral(PHAROS_CORPUS_DIR));
        const QStringList json = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        if (json.size() < 17)
            QFAIL(qPrintable(QStringLiteral("expected 17 corpus files in %1, found %2")
                                 .arg(dir.absolutePath())
                                 .arg(json.size())));
    }

    void roundtrip_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &p : files())
            QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
    }

    void roundtrip()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        QVERIFY2(!original.isEmpty(), qPrintable(path));
        QJsonParseError pe;
        const QJsonDocument asWritten = QJsonDocument::fromJson(original, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        // Loading migrates to the current schema; everything else is kept as written.
        const QJsonDocument expected(migrateDashboard(asWritten.object()).dashboard);

        QString error;
        auto d = loadDashboardFile(path, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        QVERIFY(!d->panels().isEmpty());

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("saved.json"));
        QVERIFY2(saveDashboardFile(out, *d, &error), qPrintable(error));
        const QByteArray saved = readAll(out);
        const QJsonDocument actual = QJsonDocument::fromJson(saved, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QVERIFY(actual.isObject());
        QVERIFY2(actual.object() == expected.object(), qPrintable(path));
        // Indented output.
        QVERIFY(saved.contains("\n    \""));

        // And the saved file loads again to the same typed view.
        auto again = loadDashboardFile(out, &error);
        QVERIFY2(again.has_value(), qPrintable(error));
        QCOMPARE(again->panels().size(), d->panels().size());
        QCOMPARE(again->allPanels().size(), d->allPanels().size());
    }

    // The model itself is lossless: without migration, every field of every corpus file comes
    // back exactly as written, through the model and through an atomic save.
    void modelIsLossless_data() { roundtrip_data(); }

    void modelIsLossless()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        const QJsonObject asWritten = QJsonDocument::fromJson(original).object();
        QVERIFY(!asWritten.isEmpty());
        QString error;
        auto d = Dashboard::fromJson(original, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        QVERIFY(!d->allPanels().isEmpty());
        QVERIFY2(d->toJson() == asWritten, qPrintable(path));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("raw.json"));
        QVERIFY2(saveDashboardFile(out, *d, &error), qPrintable(error));
        QVERIFY2(QJsonDocument::fromJson(readAll(out)).object() == asWritten, qPrintable(path));
    }

    void editsChangeOnlyThoseFields_data() { roundtrip_data(); }

    void editsChangeOnlyThoseFields()
    {
        QFETCH(QString, path);
        // Loading migrates to the current schema: the edits apply to the migrated document.
        const QJsonObject original =
            migrateDashboard(QJsonDocument::fromJson(readAll(path)).object()).dashboard;
        QString error;
        auto d = loadDashboardFile(path, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        d->setTime(QStringLiteral("now-2d"), QStringLiteral("now-1d/d"));
        d->setRefresh(QStringLiteral("30s"));
        QCOMPARE(d->timeFrom(), QStringLiteral("now-2d"));
        QCOMPARE(d->timeTo(), QStringLiteral("now-1d/d"));
        QCOMPARE(d->refresh(), QStringLiteral("30s"));

        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("edited.json"));
        QVERIFY2(saveDashboardFile(out, *d, &error), qPrintable(error));
        QJsonObject saved = QJsonDocument::fromJson(readAll(out)).object();

        QJsonObject expected = original;
        QJsonObject time = expected.value(QLatin1String("time")).toObject();
        time.insert(QLatin1String("from"), QStringLiteral("now-2d"));
        time.insert(QLatin1String("to"), QStringLiteral("now-1d/d"));
        expected.insert(QLatin1String("time"), time);
        expected.insert(QLatin1String("refresh"), QStringLiteral("30s"));
        QVERIFY(saved != original);
        QVERIFY(saved == expected);
        // Other keys of "time" (if any) stay as they were.
        const QJsonObject origTime = original.value(QLatin1String("time")).toObject();
        for (auto it = origTime.begin(); it != origTime.end(); ++it) {
            if (it.key() != QLatin1String("from") && it.key() != QLatin1String("to"))
                QCOMPARE(saved.value(QLatin1String("time")).toObject().value(it.key()), it.value());
        }
    }

    void saveErrorsNameThePath()
    {
        auto d = Dashboard::fromJson(R"({"panels":[]})");
        QVERIFY(d.has_value());
        QString error;
        const QString bad = QStringLiteral("/nonexistent-dir-pharos/x/y.json");
        QVERIFY(!saveDashboardFile(bad, *d, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
        QVERIFY(!loadDashboardFile(bad, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
    }

    void saveIsAtomic()
    {
        // A failed save leaves the previous file untouched: QSaveFile writes a temp file.
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("d.json"));
        auto d = Dashboard::fromJson(R"({"title":"one","panels":[]})");
        QVERIFY(d);
        QString error;
        QVERIFY(saveDashboardFile(out, *d, &error));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        auto again = loadDashboardFile(out, &error);
        QVERIFY(again);
        QCOMPARE(again->title(), QStringLiteral("one"));
    }
};

QTEST_GUILESS_MAIN(TestDashboardRoundtrip)
#include "test_dashboard_roundtrip.moc"
