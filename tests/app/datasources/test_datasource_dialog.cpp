// The data-source dialog and the "Data sources" manager with real widgets: the flavour fields
// shown per kind, every setting stored, secrets in the keychain (gnome-keyring inside
// dbus-run-session) and never in $XDG_CONFIG_HOME, placeholders instead of stored secrets,
// Save & Test with the server's version or the exact failure (auth, path prefix), the
// skip-verification warning in the dialog and in the manager, and health in the manager.
#include "app/datasources/datasourcedialog.h"
#include "app/datasources/datasourcemanager.h"
#include "app/datasources/prometheussettingspage.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "datasources/prometheus/prometheusoptions.h"
#include "prometheusfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace pharos;

namespace {

PrometheusSettingsPage *promPage(const DataSourceDialog &dialog)
{
    auto *page = qobject_cast<PrometheusSettingsPage *>(dialog.typePage());
    if (!page)
        qFatal("the data source dialog shows no Prometheus settings page");
    return page;
}

} // namespace

class TestDataSourceDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void flavourFieldsPerKind();
    void everySettingStoredSecretsInKeychain();
    void managerShowsHealthAndWarnings();
    void removeDeletesSecrets();
    void cleanupTestCase();

private:
    /// Runs Save & Test and waits for its end; returns ok.
    bool saveAndWait(DataSourceDialog *dialog);
    /// Reads one keychain entry (waits for the job).
    DataSourceSecrets readSecrets(const QString &ref, CredentialJob::Error *error = nullptr);
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
    CredentialStore m_credentials;
    QStringList m_secretsUsed; // every secret value typed into a dialog
};

void TestDataSourceDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_credentials.setService(QStringLiteral("pharos-test-dsui"));
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
    // The keychain must answer (the test runs inside dbus-run-session with gnome-keyring).
    CredentialJob *probe = m_credentials.probe();
    QSignalSpy done(probe, &CredentialJob::finished);
    QVERIFY(done.wait(20000));
    QVERIFY2(!m_credentials.isKeychainUnavailable(),
             qPrintable(QStringLiteral("No keychain: ") + m_credentials.unavailableMessage()));
}

bool TestDataSourceDialog::saveAndWait(DataSourceDialog *dialog)
{
    QSignalSpy finished(dialog, &DataSourceDialog::testFinished);
    if (!dialog->saveAndTest())
        return false;
    if (!finished.wait(30000))
        return false;
    return finished.first().at(0).toBool();
}

DataSourceSecrets TestDataSourceDialog::readSecrets(const QString &ref, CredentialJob::Error *error)
{
    CredentialJob *job = m_credentials.read(ref);
    DataSourceSecrets secrets;
    CredentialJob::Error e = CredentialJob::Error::Other;
    connect(job, &CredentialJob::finished, this, [&] {
        secrets = job->secrets();
        e = job->error();
    });
    QSignalSpy done(job, &CredentialJob::finished);
    done.wait(20000);
    if (error)
        *error = e;
    return secrets;
}

void TestDataSourceDialog::flavourFieldsPerKind()
{
    DataSourceRegistry registry;
    DataSourceDialog dialog(&registry, &m_credentials);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto chooseKind = [&](DataSourceKind kind) {
        promPage(dialog)->kindCombo()->setCurrentIndex(
            promPage(dialog)->kindCombo()->findData(int(kind)));
    };
    chooseKind(DataSourceKind::Prometheus);
    QVERIFY(!promPage(dialog)->thanosGroup()->isVisible());
    QVERIFY(!promPage(dialog)->mimirGroup()->isVisible());
    chooseKind(DataSourceKind::Thanos);
    QVERIFY(promPage(dialog)->thanosGroup()->isVisible());
    QVERIFY(promPage(dialog)->thanosPartialResponseCheck()->isVisible());
    QVERIFY(promPage(dialog)->thanosDedupCheck()->isVisible());
    QVERIFY(!promPage(dialog)->mimirGroup()->isVisible());
    chooseKind(DataSourceKind::Mimir);
    QVERIFY(!promPage(dialog)->thanosGroup()->isVisible());
    QVERIFY(promPage(dialog)->mimirGroup()->isVisible());
    QVERIFY(promPage(dialog)->pathPrefixEdit()->isVisible());
    QVERIFY(promPage(dialog)->tenantEdit()->isVisible());
    chooseKind(DataSourceKind::VictoriaMetrics);
    QVERIFY(!promPage(dialog)->thanosGroup()->isVisible());
    QVERIFY(!promPage(dialog)->mimirGroup()->isVisible());

    auto chooseAuth = [&](HttpOptions::Auth auth) {
        dialog.authCombo()->setCurrentIndex(dialog.authCombo()->findData(int(auth)));
    };
    chooseAuth(HttpOptions::Auth::None);
    QVERIFY(!dialog.basicUserEdit()->isVisible());
    QVERIFY(!dialog.basicPasswordEdit()->isVisible());
    QVERIFY(!dialog.bearerTokenEdit()->isVisible());
    chooseAuth(HttpOptions::Auth::Basic);
    QVERIFY(dialog.basicUserEdit()->isVisible());
    QVERIFY(dialog.basicPasswordEdit()->isVisible());
    QCOMPARE(dialog.basicPasswordEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.bearerTokenEdit()->isVisible());
    chooseAuth(HttpOptions::Auth::Bearer);
    QVERIFY(dialog.bearerTokenEdit()->isVisible());
    QCOMPARE(dialog.bearerTokenEdit()->echoMode(), QLineEdit::Password);

    // Secret headers are typed blind; plain ones are shown.
    const int row = dialog.addHeader(QStringLiteral("X-Plain"), QStringLiteral("visible"));
    QCOMPARE(dialog.headerValueEdit(row)->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(dialog.headerSecretCheck(row), Qt::LeftButton, {},
                      QPoint(4, dialog.headerSecretCheck(row)->height() / 2));
    QVERIFY(dialog.headerSecretCheck(row)->isChecked());
    QCOMPARE(dialog.headerValueEdit(row)->echoMode(), QLineEdit::Password);

    // Skip verification: a visible warning.
    QVERIFY(!dialog.skipVerifyWarning()->isVisible());
    QTest::mouseClick(dialog.skipVerifyCheck(), Qt::LeftButton, {},
                      QPoint(4, dialog.skipVerifyCheck()->height() / 2));
    QVERIFY(dialog.skipVerifyCheck()->isChecked());
    QVERIFY(dialog.skipVerifyWarning()->isVisible());
    QVERIFY(dialog.skipVerifyWarning()->text().contains(QStringLiteral("verification is off")));

    // Invalid input is refused with every reason.
    dialog.nameEdit()->clear();
    dialog.urlEdit()->setText(QStringLiteral("ftp://x"));
    promPage(dialog)->scrapeIntervalEdit()->setText(QStringLiteral("often"));
    dialog.caFileEdit()->setText(m_dir.filePath(QStringLiteral("no-such-ca.pem")));
    dialog.clientCertEdit()->setText(m_dir.filePath(QStringLiteral("no-such-cert.pem")));
    QVERIFY(!dialog.saveAndTest());
    const QString result = dialog.resultText();
    for (const char *needle : {"Enter a name", "http:// or https://", "often", "no-such-ca.pem",
                               "both the certificate and the key", "bearer token"})
        QVERIFY2(result.contains(QLatin1String(needle)), qPrintable(result));
    QVERIFY(DataSourceStore::load().isEmpty());
}

void TestDataSourceDialog::everySettingStoredSecretsInKeychain()
{
    QFile::remove(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
    const QString caPath = m_dir.filePath(QStringLiteral("ca.pem"));
    {
        QFile ca(caPath);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }
    const QString token = QStringLiteral("tok-SECRET-7f3a");
    const QString apiKey = QStringLiteral("key-SECRET-91bc");
    m_secretsUsed << token << apiKey;

    DataSourceRegistry registry;
    DataSourceManager manager(&registry, &m_credentials);
    manager.show();
    DataSourceDialog *dialog = manager.addDataSource();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("mimir"));
    promPage(*dialog)->kindCombo()->setCurrentIndex(
        promPage(*dialog)->kindCombo()->findData(int(DataSourceKind::Mimir)));
    dialog->urlEdit()->setText(m_prom.url().toString());
    promPage(*dialog)->pathPrefixEdit()->setText(QStringLiteral("prometheus"));
    promPage(*dialog)->tenantEdit()->setText(QStringLiteral("team-a"));
    promPage(*dialog)->methodCombo()->setCurrentIndex(
        promPage(*dialog)->methodCombo()->findData(int(PrometheusOptions::HttpMethod::Get)));
    dialog->timeoutEdit()->setValue(7);
    promPage(*dialog)->scrapeIntervalEdit()->setText(QStringLiteral("2s"));
    promPage(*dialog)->seriesLimitEdit()->setValue(500);
    QCOMPARE(dialog->responseLimitEdit()->value(), 256); // the default, in MB
    dialog->responseLimitEdit()->setValue(64);
    promPage(*dialog)->queryParametersEdit()->setText(QStringLiteral("a=1&b=2"));
    dialog->authCombo()->setCurrentIndex(
        dialog->authCombo()->findData(int(HttpOptions::Auth::Bearer)));
    QTest::keyClicks(dialog->bearerTokenEdit(), token);
    dialog->addHeader(QStringLiteral("X-Plain"), QStringLiteral("plain-value"), false);
    const int secretRow = dialog->addHeader(QStringLiteral("X-Api-Key"), QString(), true);
    QTest::keyClicks(dialog->headerValueEdit(secretRow), apiKey);
    dialog->caFileEdit()->setText(caPath);
    dialog->serverNameEdit()->setText(QStringLiteral("prom.example"));

    // The prefix does not exist on a plain Prometheus: the 404 diagnosis names the path.
    QVERIFY(!saveAndWait(dialog));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("404")),
             qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("prefix")),
             qPrintable(dialog->resultText()));

    // Everything but the secrets is in the settings.
    const QList<DataSourceSettings> stored = DataSourceStore::load();
    QCOMPARE(stored.size(), 1);
    const DataSourceSettings s = stored.first();
    QCOMPARE(s.name, QStringLiteral("mimir"));
    QCOMPARE(PrometheusOptions::of(s).kind, DataSourceKind::Mimir);
    QCOMPARE(s.url, m_prom.url());
    QCOMPARE(PrometheusOptions::of(s).pathPrefix, QStringLiteral("/prometheus"));
    QCOMPARE(PrometheusOptions::of(s).tenantId, QStringLiteral("team-a"));
    QCOMPARE(PrometheusOptions::of(s).httpMethod, PrometheusOptions::HttpMethod::Get);
    QCOMPARE(s.http.timeoutMs, 7000);
    QCOMPARE(PrometheusOptions::of(s).scrapeIntervalMs, 2000);
    QCOMPARE(PrometheusOptions::of(s).seriesLimit, 500);
    QCOMPARE(s.http.responseLimitBytes, qint64(64) * 1024 * 1024);
    QCOMPARE(PrometheusOptions::of(s).customQueryParameters, QStringLiteral("a=1&b=2"));
    QCOMPARE(s.http.auth, HttpOptions::Auth::Bearer);
    QCOMPARE(s.http.headers.size(), 2);
    QCOMPARE(s.http.headers.at(0).name, QStringLiteral("X-Plain"));
    QCOMPARE(s.http.headers.at(0).value, QStringLiteral("plain-value"));
    QCOMPARE(s.http.headers.at(1).name, QStringLiteral("X-Api-Key"));
    QVERIFY(s.http.headers.at(1).secret);
    QVERIFY(s.http.headers.at(1).value.isEmpty());
    QCOMPARE(s.http.tlsCaFile, caPath);
    QCOMPARE(s.http.tlsServerName, QStringLiteral("prom.example"));
    QVERIFY(!s.http.tlsSkipVerify);
    QVERIFY(s.isDefault);

    // The secrets are in the keychain.
    CredentialJob::Error error;
    const DataSourceSecrets secrets = readSecrets(s.secretRef(), &error);
    QCOMPARE(error, CredentialJob::Error::None);
    QCOMPARE(secrets.value(QString::fromLatin1(SecretName::BearerToken)), token);
    QCOMPARE(secrets.value(SecretName::header(QStringLiteral("X-Api-Key"))), apiKey);

    // Edited again: stored secrets are never shown, only a placeholder; they stay as they are.
    manager.setCurrentRow(manager.rowOf(QStringLiteral("mimir")));
    dialog = manager.editCurrent();
    QVERIFY(dialog);
    QVERIFY(dialog->bearerTokenEdit()->text().isEmpty());
    QCOMPARE(dialog->bearerTokenEdit()->placeholderText(), QStringLiteral("stored in keychain"));
    QCOMPARE(dialog->headerCount(), 2);
    QVERIFY(dialog->headerValueEdit(1)->text().isEmpty());
    QCOMPARE(dialog->headerValueEdit(1)->placeholderText(), QStringLiteral("stored in keychain"));
    QCOMPARE(dialog->headerValueEdit(0)->text(), QStringLiteral("plain-value"));
    // Back to a plain Prometheus: the test succeeds and the version shows.
    promPage(*dialog)->kindCombo()->setCurrentIndex(
        promPage(*dialog)->kindCombo()->findData(int(DataSourceKind::Prometheus)));
    promPage(*dialog)->pathPrefixEdit()->clear();
    QVERIFY2(saveAndWait(dialog), qPrintable(dialog->resultText()));
    const QString version = m_prom.queryJson(QStringLiteral("/api/v1/status/buildinfo"))
                                .value("data")
                                .toObject()
                                .value("version")
                                .toString();
    QVERIFY(!version.isEmpty());
    QVERIFY2(dialog->resultText().contains(version), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Prometheus")),
             qPrintable(dialog->resultText()));
    QCOMPARE(readSecrets(s.secretRef()).value(QString::fromLatin1(SecretName::BearerToken)), token);
    // The registry's data source has the secrets without a restart.
    DataSource *ds = registry.byName(QStringLiteral("mimir"));
    QVERIFY(ds);
    QCOMPARE(ds->secrets().value(QString::fromLatin1(SecretName::BearerToken)), token);

    // Dropping the secret header removes it from the keychain entry.
    dialog->removeHeader(1);
    QVERIFY2(saveAndWait(dialog), qPrintable(dialog->resultText()));
    const DataSourceSecrets after = readSecrets(s.secretRef());
    QCOMPARE(after.value(QString::fromLatin1(SecretName::BearerToken)), token);
    QVERIFY(!after.values.contains(SecretName::header(QStringLiteral("X-Api-Key"))));
}

void TestDataSourceDialog::managerShowsHealthAndWarnings()
{
    QFile::remove(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
    DataSourceRegistry registry;
    DataSourceManager manager(&registry, &m_credentials);
    manager.show();
    QVERIFY(QTest::qWaitForWindowExposed(&manager));

    DataSourceDialog *dialog = manager.addDataSource();
    dialog->nameEdit()->setText(QStringLiteral("good"));
    dialog->urlEdit()->setText(m_prom.url().toString());
    QVERIFY2(saveAndWait(dialog), qPrintable(dialog->resultText()));
    dialog = manager.addDataSource();
    dialog->nameEdit()->setText(QStringLiteral("down"));
    dialog->urlEdit()->setText(
        QStringLiteral("http://127.0.0.1:%1").arg(test::PrometheusFixture::freePort()));
    dialog->skipVerifyCheck()->setChecked(true);
    QVERIFY(!saveAndWait(dialog));
    QCOMPARE(manager.table()->topLevelItemCount(), 2);

    const int good = manager.rowOf(QStringLiteral("good"));
    const int down = manager.rowOf(QStringLiteral("down"));
    QVERIFY(good >= 0 && down >= 0);
    // Kind, URL and default marker.
    QTreeWidgetItem *goodItem = manager.table()->topLevelItem(good);
    QCOMPARE(goodItem->text(DataSourceManager::KindColumn), QStringLiteral("Prometheus"));
    QCOMPARE(goodItem->text(DataSourceManager::UrlColumn), m_prom.url().toString());
    QCOMPARE(goodItem->text(DataSourceManager::DefaultColumn), QStringLiteral("Default"));
    QVERIFY(manager.table()->topLevelItem(down)->text(DataSourceManager::DefaultColumn).isEmpty());

    // Health follows the data sources' requests: the tests above already ran.
    QTRY_COMPARE(manager.healthColor(good), QColor(0x56, 0xa6, 0x4b));
    QVERIFY2(manager.healthText(good).startsWith(QStringLiteral("OK")),
             qPrintable(manager.healthText(good)));
    QTRY_COMPARE(manager.healthColor(down), QColor(0xe0, 0x2f, 0x44));
    QVERIFY2(manager.healthToolTip(down).contains(QStringLiteral("Connection refused")),
             qPrintable(manager.healthToolTip(down)));
    // Check health again: still the same, updated by the new answers.
    manager.checkHealth();
    QTRY_VERIFY(!manager.healthText(good).contains(QStringLiteral("Checking")));
    QTRY_VERIFY(!manager.healthText(down).contains(QStringLiteral("Checking")));
    QCOMPARE(manager.healthColor(good), QColor(0x56, 0xa6, 0x4b));
    QCOMPARE(manager.healthColor(down), QColor(0xe0, 0x2f, 0x44));

    // TLS verification off is a visible warning in the list.
    QVERIFY(manager.warningText(good).isEmpty());
    QVERIFY2(manager.warningText(down).contains(QStringLiteral("verification is off")),
             qPrintable(manager.warningText(down)));
    QVERIFY(manager.table()
                ->topLevelItem(down)
                ->text(DataSourceManager::UrlColumn)
                .contains(QStringLiteral("TLS verification off")));

    // Set default moves the marker.
    manager.setCurrentRow(down);
    QVERIFY(manager.setCurrentDefault());
    QCOMPARE(manager.table()
                 ->topLevelItem(manager.rowOf(QStringLiteral("down")))
                 ->text(DataSourceManager::DefaultColumn),
             QStringLiteral("Default"));
    QVERIFY(manager.table()
                ->topLevelItem(manager.rowOf(QStringLiteral("good")))
                ->text(DataSourceManager::DefaultColumn)
                .isEmpty());
    QCOMPARE(registry.defaultSource(), registry.byName(QStringLiteral("down")));
}

void TestDataSourceDialog::removeDeletesSecrets()
{
    QFile::remove(DataSourceStore::configDir() + QStringLiteral("/datasources.json"));
    const QString password = QStringLiteral("pw-SECRET-55d1");
    m_secretsUsed << password;
    DataSourceRegistry registry;
    DataSourceManager manager(&registry, &m_credentials);
    DataSourceDialog *dialog = manager.addDataSource();
    dialog->nameEdit()->setText(QStringLiteral("with-secret"));
    dialog->urlEdit()->setText(m_prom.url().toString());
    dialog->authCombo()->setCurrentIndex(
        dialog->authCombo()->findData(int(HttpOptions::Auth::Basic)));
    dialog->basicUserEdit()->setText(QStringLiteral("admin"));
    QTest::keyClicks(dialog->basicPasswordEdit(), password);
    // Prometheus without a web config ignores credentials: the test succeeds.
    QVERIFY2(saveAndWait(dialog), qPrintable(dialog->resultText()));
    const DataSourceSettings s = dialog->dataSource();
    QCOMPARE(readSecrets(s.secretRef()).value(QString::fromLatin1(SecretName::BasicAuthPassword)),
             password);

    manager.setConfirmHandler(
        [](const QString &question) { return question.contains(QStringLiteral("secrets")); });
    manager.setCurrentRow(manager.rowOf(QStringLiteral("with-secret")));
    QVERIFY(manager.removeCurrent());
    QVERIFY(DataSourceStore::load().isEmpty());
    CredentialJob::Error error = CredentialJob::Error::None;
    QTRY_VERIFY_WITH_TIMEOUT(
        (readSecrets(s.secretRef(), &error), error == CredentialJob::Error::NotFound), 20000);
}

void TestDataSourceDialog::cleanupTestCase()
{
    // No secret typed into a dialog reached a file under $XDG_CONFIG_HOME.
    QVERIFY(!m_secretsUsed.isEmpty());
    int files = 0;
    QDirIterator it(m_dir.filePath(QStringLiteral("config")), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        for (const QString &secret : std::as_const(m_secretsUsed))
            QVERIFY2(!content.contains(secret.toUtf8()),
                     qPrintable(secret + QStringLiteral(" found in ") + f.fileName()));
    }
    QVERIFY(files > 0);
}

QTEST_MAIN(TestDataSourceDialog)
#include "test_datasource_dialog.moc"
