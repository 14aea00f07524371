// Without a keychain (no D-Bus session bus, so no Secret Service): the data-source dialog
// tells the user and asks whether to keep the secrets for this session only. "No" stores
// nothing; "Yes" keeps them in memory, the data source works with them, and they never reach
// $XDG_CONFIG_HOME.
#include "app/datasources/datasourcedialog.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourceregistry.h"
#include "prometheusfixture.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace pharos;

class TestDataSourceDialogNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void askedToKeepSecretsForTheSession();

private:
    QTemporaryDir m_dir;
    test::PrometheusFixture m_prom;
};

void TestDataSourceDialogNoKeychain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    // No session bus (and none to autolaunch): QtKeychain finds no Secret Service.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    const QString runtime = m_dir.filePath(QStringLiteral("runtime")); // no "bus" socket in it
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
    QString error;
    if (!m_prom.start(&error))
        QFAIL(qPrintable(error));
}

void TestDataSourceDialogNoKeychain::askedToKeepSecretsForTheSession()
{
    const QString password = QStringLiteral("pw-SESSION-ONLY-c0ffee");
    DataSourceRegistry registry;
    CredentialStore credentials;
    DataSourceDialog dialog(&registry, &credentials);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QStringList questions;
    bool answer = false;
    dialog.setSessionOnlyHandler([&](const QString &question) {
        questions << question;
        return answer;
    });
    dialog.nameEdit()->setText(QStringLiteral("secured"));
    dialog.urlEdit()->setText(m_prom.url().toString());
    dialog.authCombo()->setCurrentIndex(
        dialog.authCombo()->findData(int(HttpOptions::Auth::Basic)));
    dialog.basicUserEdit()->setText(QStringLiteral("admin"));
    QTest::keyClicks(dialog.basicPasswordEdit(), password);

    // "No": nothing is stored, and the dialog says why.
    QSignalSpy finished(&dialog, &DataSourceDialog::testFinished);
    QVERIFY(dialog.saveAndTest());
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY2(questions.size() == 1, qPrintable(dialog.resultText()));
    QVERIFY2(questions.first().contains(QStringLiteral("No keychain")),
             qPrintable(questions.first()));
    QVERIFY2(questions.first().contains(QStringLiteral("this session only")),
             qPrintable(questions.first()));
    QVERIFY2(dialog.resultText().contains(QStringLiteral("Not saved")),
             qPrintable(dialog.resultText()));
    QVERIFY(DataSourceStore::load().isEmpty());
    QVERIFY(!credentials.isSessionOnly());
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("keychainNote"));
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("No keychain")), qPrintable(note->text()));

    // "Yes": kept in memory, the data source is saved and works.
    answer = true;
    QVERIFY(dialog.saveAndTest());
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(dialog.resultText()));
    QCOMPARE(questions.size(), 2);
    QVERIFY(credentials.isSessionOnly());
    QVERIFY(note->text().contains(QStringLiteral("session")));
    QCOMPARE(DataSourceStore::load().size(), 1);
    QVERIFY(DataSourceStore::load().first().secretNames.contains(
        QString::fromLatin1(SecretName::BasicAuthPassword)));
    DataSource *ds = registry.byName(QStringLiteral("secured"));
    QVERIFY(ds);
    QCOMPARE(ds->secrets().value(QString::fromLatin1(SecretName::BasicAuthPassword)), password);
    QVERIFY(dialog.basicPasswordEdit()->text().isEmpty());
    QCOMPARE(dialog.basicPasswordEdit()->placeholderText(),
             QStringLiteral("kept for this session only"));

    // Never in a file.
    int files = 0;
    QDirIterator it(m_dir.filePath(QStringLiteral("config")), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        ++files;
        QVERIFY2(!f.readAll().contains(password.toUtf8()), qPrintable(f.fileName()));
    }
    QVERIFY(files > 0);
}

QTEST_MAIN(TestDataSourceDialogNoKeychain)
#include "test_datasource_dialog_nokeychain.moc"
