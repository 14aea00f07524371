#include "app/datasources/datasourcedialog.h"

#include "app/applogging.h"
#include "app/datasources/datasourcemanager.h"
#include "app/datasources/datasourcesettingspage.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourcefactory.h"
#include "datasources/datasourceregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QUrlQuery>
#include <QUuid>
#include <QVBoxLayout>

namespace pharos {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

const QString ErrorStyle = QStringLiteral("QLabel { color: #c4162a; }");
const QString WarningStyle = QStringLiteral(
    "QLabel { color: #8a5300; background: #fff4d6; border: 1px solid #e0b040; padding: 4px; }");

bool isHeaderName(const QString &name)
{
    // RFC 9110 token characters.
    static const QRegularExpression re(QStringLiteral(R"(^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$)"));
    return re.match(name).hasMatch();
}

} // namespace

DataSourceDialog::DataSourceDialog(DataSourceRegistry *registry, CredentialStore *credentials,
                                   QWidget *parent)
    : QDialog(parent), m_registry(registry), m_credentials(credentials),
      m_name(new QLineEdit(this)), m_url(new QLineEdit(this)), m_typePageLayout(new QVBoxLayout),
      m_default(new QCheckBox(tr("Default data source"), this)), m_timeout(new QSpinBox(this)),
      m_responseLimit(new QSpinBox(this)), m_auth(new QComboBox(this)), m_authForm(nullptr),
      m_basicUser(new QLineEdit(this)), m_basicPassword(new QLineEdit(this)),
      m_bearer(new QLineEdit(this)), m_headerLayout(new QVBoxLayout), m_caFile(nullptr),
      m_clientCert(nullptr), m_clientKey(nullptr), m_serverName(new QLineEdit(this)),
      m_skipVerify(new QCheckBox(tr("Skip TLS certificate verification (insecure)"), this)),
      m_skipWarning(new QLabel(this)), m_keychainNote(new QLabel(this)),
      m_saveTest(new QPushButton(tr("Save && Test"), this)), m_result(new QLabel(this))
{
    setWindowTitle(tr("Data source"));
    setObjectName(QStringLiteral("dataSourceDialog"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    // General.
    auto *general = new QGroupBox(tr("General"), content);
    auto *gForm = new QFormLayout(general);
    m_url->setPlaceholderText(QStringLiteral("http://localhost:9090"));
    gForm->addRow(tr("Name:"), m_name);
    gForm->addRow(tr("URL:"), m_url);
    gForm->addRow(QString(), m_default);
    layout->addWidget(general);

    // The type's own settings (DataSourceSettingsPage).
    m_typePageLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_typePageLayout);

    // HTTP.
    auto *http = new QGroupBox(tr("HTTP"), content);
    auto *hForm = new QFormLayout(http);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_responseLimit->setRange(0, 1024 * 1024); // MB, up to 1 TB
    m_responseLimit->setSuffix(tr(" MB"));
    m_responseLimit->setSpecialValueText(tr("No limit"));
    m_responseLimit->setToolTip(tr("Larger responses are refused with an error on the panel."));
    hForm->addRow(tr("Timeout:"), m_timeout);
    hForm->addRow(tr("Response size limit:"), m_responseLimit);
    layout->addWidget(http);

    // Authentication.
    auto *auth = new QGroupBox(tr("Authentication"), content);
    m_authForm = new QFormLayout(auth);
    m_auth->addItem(tr("None"), int(HttpOptions::Auth::None));
    m_auth->addItem(tr("Basic authentication"), int(HttpOptions::Auth::Basic));
    m_auth->addItem(tr("Bearer token"), int(HttpOptions::Auth::Bearer));
    m_basicPassword->setEchoMode(QLineEdit::Password);
    m_bearer->setEchoMode(QLineEdit::Password);
    for (QLineEdit *e : {m_basicPassword, m_bearer}) {
        e->setAttribute(Qt::WA_InputMethodEnabled, false);
        e->setContextMenuPolicy(Qt::NoContextMenu);
    }
    m_authForm->addRow(tr("Authentication:"), m_auth);
    m_authForm->addRow(tr("User:"), m_basicUser);
    m_authForm->addRow(tr("Password:"), m_basicPassword);
    m_authForm->addRow(tr("Token:"), m_bearer);
    auto *headersBox = new QWidget(auth);
    auto *headersOuter = new QVBoxLayout(headersBox);
    headersOuter->setContentsMargins(0, 0, 0, 0);
    headersOuter->addLayout(m_headerLayout);
    auto *addHeaderButton = new QPushButton(tr("Add header"), headersBox);
    addHeaderButton->setObjectName(QStringLiteral("addHeaderButton"));
    headersOuter->addWidget(addHeaderButton, 0, Qt::AlignLeft);
    m_authForm->addRow(tr("Custom headers:"), headersBox);
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setStyleSheet(WarningStyle);
    m_keychainNote->hide();
    m_authForm->addRow(m_keychainNote);
    layout->addWidget(auth);

    // TLS.
    auto *tls = new QGroupBox(tr("TLS"), content);
    auto *tlsForm = new QFormLayout(tls);
    QWidget *caRow = nullptr, *certRow = nullptr, *keyRow = nullptr;
    m_caFile = fileField(tr("CA certificate"), &caRow);
    m_clientCert = fileField(tr("Client certificate"), &certRow);
    m_clientKey = fileField(tr("Client key"), &keyRow);
    m_serverName->setPlaceholderText(tr("as in the URL"));
    tlsForm->addRow(tr("CA certificate file:"), caRow);
    tlsForm->addRow(tr("Client certificate file:"), certRow);
    tlsForm->addRow(tr("Client key file:"), keyRow);
    tlsForm->addRow(tr("Server name:"), m_serverName);
    tlsForm->addRow(QString(), m_skipVerify);
    m_skipWarning->setObjectName(QStringLiteral("skipVerifyWarning"));
    m_skipWarning->setWordWrap(true);
    m_skipWarning->setStyleSheet(WarningStyle);
    m_skipWarning->setText(tr("⚠ Certificate verification is off: anyone between you and the "
                              "server can read and change the data, including your "
                              "credentials."));
    tlsForm->addRow(m_skipWarning);
    layout->addWidget(tls);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_result->setObjectName(QStringLiteral("dataSourceTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_saveTest);
    bottom->addWidget(m_result, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *outer = new QVBoxLayout(this);
    outer->addWidget(scroll, 1);
    outer->addLayout(bottom);
    outer->addWidget(box);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveTest, &QPushButton::clicked, this, [this] { saveAndTest(); });
    connect(addHeaderButton, &QPushButton::clicked, this, [this] {
        const int row = addHeader();
        headerNameEdit(row)->setFocus();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] { updateVisibility(); });
    connect(m_skipVerify, &QCheckBox::toggled, this, [this] { updateVisibility(); });
    if (m_credentials) {
        connect(m_credentials, &CredentialStore::keychainUnavailable, this,
                [this] { updateVisibility(); });
    }
    resize(640, 720);
    setDataSource(DataSourceSettings{}, true);
}

DataSourceDialog::~DataSourceDialog()
{
    if (m_reply)
        m_reply->deleteLater();
}

QLineEdit *DataSourceDialog::fileField(const QString &title, QWidget **row)
{
    auto *w = new QWidget(this);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(w);
    edit->setPlaceholderText(tr("PEM file"));
    auto *browse = new QPushButton(tr("Browse…"), w);
    h->addWidget(edit, 1);
    h->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(
            this, title, edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).path(),
            tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(path);
    });
    *row = w;
    return edit;
}

void DataSourceDialog::setDataSource(const DataSourceSettings &s, bool isNew)
{
    m_settings = s;
    m_isNew = isNew;
    m_name->setText(s.name);
    m_url->setText(s.url.toString());
    m_default->setChecked(s.isDefault);
    delete m_typePage;
    m_typePage = createSettingsPage(s.type).release();
    if (m_typePage) {
        m_typePageLayout->addWidget(m_typePage);
        m_typePage->load(s);
    }
    m_timeout->setValue(std::max(1, s.http.timeoutMs / 1000));
    // Shown in whole MB (rounded up); an unchanged value keeps the exact bytes.
    m_responseLimit->setValue(
        int(std::min<qint64>(m_responseLimit->maximum(),
                             (std::max<qint64>(0, s.http.responseLimitBytes) + kMiB - 1) / kMiB)));
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(s.http.auth))));
    m_basicUser->setText(s.http.basicAuthUser);
    m_basicPassword->clear();
    m_bearer->clear();
    while (!m_headers.empty())
        removeHeader(int(m_headers.size()) - 1);
    for (const DataSourceHeader &h : s.http.headers) {
        const int row = addHeader(h.name, h.secret ? QString() : h.value, h.secret);
        if (h.secret && s.secretNames.contains(SecretName::header(h.name))) {
            m_headers[row].stored = true;
            m_headers[row].storedName = h.name;
        }
    }
    m_caFile->setText(s.http.tlsCaFile);
    m_clientCert->setText(s.http.tlsClientCertFile);
    m_clientKey->setText(s.http.tlsClientKeyFile);
    m_serverName->setText(s.http.tlsServerName);
    m_skipVerify->setChecked(s.http.tlsSkipVerify);
    setWindowTitle(isNew ? tr("New data source") : tr("Data source “%1”").arg(s.name));
    setResult(QString(), false);
    updateVisibility();
}

int DataSourceDialog::addHeader(const QString &name, const QString &value, bool secret)
{
    HeaderRow r;
    r.row = new QWidget(this);
    auto *h = new QHBoxLayout(r.row);
    h->setContentsMargins(0, 0, 0, 0);
    r.name = new QLineEdit(name, r.row);
    r.name->setPlaceholderText(tr("Header name"));
    r.value = new QLineEdit(value, r.row);
    r.value->setPlaceholderText(tr("Value"));
    r.secret = new QCheckBox(tr("Secret"), r.row);
    r.secret->setToolTip(tr("Keep the value in the keychain and never show it again."));
    r.secret->setChecked(secret);
    auto *remove = new QToolButton(r.row);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this header"));
    h->addWidget(r.name, 2);
    h->addWidget(r.value, 3);
    h->addWidget(r.secret);
    h->addWidget(remove);
    m_headerLayout->addWidget(r.row);
    QWidget *rowWidget = r.row;
    connect(remove, &QToolButton::clicked, this, [this, rowWidget] {
        for (size_t i = 0; i < m_headers.size(); ++i) {
            if (m_headers[i].row == rowWidget) {
                removeHeader(int(i));
                return;
            }
        }
    });
    connect(r.secret, &QCheckBox::toggled, this, [this] { updateVisibility(); });
    m_headers.push_back(r);
    updateVisibility();
    return int(m_headers.size()) - 1;
}

QLineEdit *DataSourceDialog::headerNameEdit(int row) const
{
    return row >= 0 && row < int(m_headers.size()) ? m_headers[row].name : nullptr;
}

QLineEdit *DataSourceDialog::headerValueEdit(int row) const
{
    return row >= 0 && row < int(m_headers.size()) ? m_headers[row].value : nullptr;
}

QCheckBox *DataSourceDialog::headerSecretCheck(int row) const
{
    return row >= 0 && row < int(m_headers.size()) ? m_headers[row].secret : nullptr;
}

void DataSourceDialog::removeHeader(int row)
{
    if (row < 0 || row >= int(m_headers.size()))
        return;
    m_headers[row].row->hide();
    m_headers[row].row->deleteLater();
    m_headers.erase(m_headers.begin() + row);
}

void DataSourceDialog::updateVisibility()
{
    const auto auth = HttpOptions::Auth(m_auth->currentData().toInt());
    m_authForm->setRowVisible(m_basicUser, auth == HttpOptions::Auth::Basic);
    m_authForm->setRowVisible(m_basicPassword, auth == HttpOptions::Auth::Basic);
    m_authForm->setRowVisible(m_bearer, auth == HttpOptions::Auth::Bearer);
    m_skipWarning->setVisible(m_skipVerify->isChecked());

    const bool sessionOnly = m_credentials && m_credentials->isSessionOnly();
    const QString stored =
        sessionOnly ? tr("kept for this session only") : tr("stored in keychain");
    const bool hasPassword = m_settings.secretNames.contains(SecretName::BasicAuthPassword) &&
                             m_settings.http.basicAuthUser == m_basicUser->text().trimmed();
    m_basicPassword->setPlaceholderText(hasPassword ? stored : QString());
    m_bearer->setPlaceholderText(
        m_settings.secretNames.contains(SecretName::BearerToken) ? stored : QString());
    for (HeaderRow &r : m_headers) {
        const bool secret = r.secret->isChecked();
        r.value->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
        r.value->setPlaceholderText(secret && r.stored ? stored : tr("Value"));
    }
    if (m_credentials && m_credentials->isKeychainUnavailable() && !sessionOnly) {
        m_keychainNote->setText(tr("No keychain is available: %1 Secrets can be kept for this "
                                   "session only.")
                                    .arg(m_credentials->unavailableMessage()));
        m_keychainNote->show();
    } else if (sessionOnly) {
        m_keychainNote->setText(tr("No keychain is available: secrets are kept for this session "
                                   "only and are lost when Pharos quits."));
        m_keychainNote->show();
    } else {
        m_keychainNote->hide();
    }
}

bool DataSourceDialog::collect(DataSourceSettings *out, QMap<QString, QString> *entered,
                               QStringList *dropped, QString *error)
{
    DataSourceSettings s = m_settings;
    QStringList problems;
    s.name = m_name->text().trimmed();
    if (s.name.isEmpty())
        problems << tr("Enter a name.");
    const QList<DataSourceSettings> stored = DataSourceStore::load();
    for (const DataSourceSettings &other : stored) {
        if (other.uid != s.uid && other.name == s.name)
            problems << tr("Another data source is already called “%1”.").arg(s.name);
    }
    const QString urlText = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(urlText);
    if (urlText.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        problems << tr("Enter an http:// or https:// URL, e.g. http://localhost:9090.");
    else if (!url.userInfo().isEmpty())
        problems << tr("Do not put a user or password in the URL: use basic authentication.");
    else
        s.url = url;
    s.isDefault = m_default->isChecked();
    if (m_typePage)
        m_typePage->store(&s, &problems);
    s.http.timeoutMs = m_timeout->value() * 1000;
    const int shownLimit =
        int(std::min<qint64>(m_responseLimit->maximum(),
                             (std::max<qint64>(0, s.http.responseLimitBytes) + kMiB - 1) / kMiB));
    if (m_responseLimit->value() != shownLimit)
        s.http.responseLimitBytes = qint64(m_responseLimit->value()) * kMiB;

    // Secrets: what will exist after saving, what was typed, what goes away.
    QStringList names;
    const QStringList before = m_settings.secretNames;
    auto keepOrEnter = [&](const QString &name, QLineEdit *edit, const QString &missing,
                           bool canKeep) {
        const QString typed = edit->text();
        if (!typed.isEmpty()) {
            entered->insert(name, typed);
            names << name;
        } else if (canKeep && before.contains(name)) {
            names << name;
        } else if (!missing.isEmpty()) {
            problems << missing;
        }
    };
    s.http.auth = HttpOptions::Auth(m_auth->currentData().toInt());
    s.http.basicAuthUser = m_basicUser->text().trimmed();
    if (s.http.auth == HttpOptions::Auth::Basic) {
        if (s.http.basicAuthUser.isEmpty())
            problems << tr("Enter the user for basic authentication.");
        keepOrEnter(QString::fromLatin1(SecretName::BasicAuthPassword), m_basicPassword,
                    tr("Enter the password for basic authentication."),
                    s.http.basicAuthUser == m_settings.http.basicAuthUser);
    } else {
        s.http.basicAuthUser.clear();
    }
    if (s.http.auth == HttpOptions::Auth::Bearer)
        keepOrEnter(QString::fromLatin1(SecretName::BearerToken), m_bearer,
                    tr("Enter the bearer token."), true);
    s.http.headers.clear();
    QSet<QString> seen;
    for (const HeaderRow &r : m_headers) {
        DataSourceHeader h;
        h.name = r.name->text().trimmed();
        h.secret = r.secret->isChecked();
        if (h.name.isEmpty() && r.value->text().isEmpty())
            continue; // an empty row
        if (!isHeaderName(h.name)) {
            problems << tr("“%1” is not a valid HTTP header name.").arg(h.name);
            continue;
        }
        if (seen.contains(h.name.toLower())) {
            problems << tr("The header “%1” is set twice.").arg(h.name);
            continue;
        }
        seen.insert(h.name.toLower());
        if (h.secret) {
            keepOrEnter(SecretName::header(h.name), r.value,
                        tr("Enter a value for the secret header “%1”.").arg(h.name),
                        r.stored && r.storedName == h.name);
        } else {
            h.value = r.value->text();
        }
        s.http.headers << h;
    }
    // PEM contents from provisioning stay as they are.
    for (const char *pem :
         {SecretName::TlsCaCert, SecretName::TlsClientCert, SecretName::TlsClientKey}) {
        if (before.contains(QLatin1String(pem)))
            names << QString::fromLatin1(pem);
    }

    s.http.tlsCaFile = m_caFile->text().trimmed();
    s.http.tlsClientCertFile = m_clientCert->text().trimmed();
    s.http.tlsClientKeyFile = m_clientKey->text().trimmed();
    for (const auto &[path, what] : {std::pair{s.http.tlsCaFile, tr("CA certificate")},
                                     std::pair{s.http.tlsClientCertFile, tr("client certificate")},
                                     std::pair{s.http.tlsClientKeyFile, tr("client key")}}) {
        if (!path.isEmpty() && !QFileInfo(path).isFile())
            problems << tr("The %1 file “%2” does not exist.").arg(what, path);
    }
    if (s.http.tlsClientCertFile.isEmpty() != s.http.tlsClientKeyFile.isEmpty())
        problems << tr("A client certificate needs both the certificate and the key file.");
    s.http.tlsServerName = m_serverName->text().trimmed();
    s.http.tlsSkipVerify = m_skipVerify->isChecked();
    if (s.uid.isEmpty())
        s.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);

    names.removeDuplicates();
    for (const QString &n : before) {
        if (!names.contains(n))
            *dropped << n;
    }
    s.secretNames = names;
    if (!problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    *out = s;
    return true;
}

bool DataSourceDialog::saveAndTest()
{
    if (m_busy)
        return false;
    DataSourceSettings s;
    QMap<QString, QString> entered;
    QStringList dropped;
    QString error;
    if (!collect(&s, &entered, &dropped, &error)) {
        setResult(error, true);
        return false;
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    setBusy(true);
    setResult(tr("Saving…"), false);
    if (entered.isEmpty() && dropped.isEmpty()) {
        finishSave(s, nullptr);
    } else {
        storeSecrets(s, entered, dropped, false);
    }
    return true;
}

void DataSourceDialog::storeSecrets(const DataSourceSettings &s,
                                    const QMap<QString, QString> &entered,
                                    const QStringList &dropped, bool retried)
{
    if (!m_credentials) {
        fail(tr("Not saved: there is no place to store secrets."));
        return;
    }
    auto unavailable = [this, s, entered, dropped, retried](const QString &reason) {
        if (retried) {
            fail(tr("Not saved: the secrets could not be stored: %1").arg(reason));
            return;
        }
        const QString question =
            tr("No keychain is available to store the secrets of “%1”:\n%2\n\nKeep them for "
               "this session only? They are lost when Pharos quits.")
                .arg(s.name, reason);
        const bool keep =
            m_askSessionOnly
                ? m_askSessionOnly(question)
                : QMessageBox::question(this, tr("No keychain"), question,
                                        QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
        if (!keep) {
            fail(tr("Not saved: no keychain is available and the secrets were not kept for "
                    "this session."));
            return;
        }
        m_credentials->setSessionOnly(true);
        updateVisibility();
        storeSecrets(s, entered, dropped, true);
    };

    QPointer<DataSourceDialog> self(this);
    CredentialJob *read = m_credentials->read(s.secretRef());
    connect(read, &CredentialJob::finished, this, [=, this] {
        if (read->error() == CredentialJob::Error::Unavailable) {
            unavailable(read->errorString());
            return;
        }
        if (read->error() != CredentialJob::Error::None &&
            read->error() != CredentialJob::Error::NotFound) {
            fail(tr("Not saved: the keychain could not be read: %1").arg(read->errorString()));
            return;
        }
        DataSourceSecrets merged = read->secrets();
        for (const QString &n : dropped)
            merged.values.remove(n);
        for (auto it = entered.cbegin(); it != entered.cend(); ++it)
            merged.values.insert(it.key(), it.value());
        // Only what the settings name (a stale entry of another header goes away).
        for (auto it = merged.values.begin(); it != merged.values.end();) {
            if (!s.secretNames.contains(it.key()))
                it = merged.values.erase(it);
            else
                ++it;
        }
        CredentialJob *write = m_credentials->write(s.secretRef(), merged);
        connect(write, &CredentialJob::finished, this, [=, this] {
            if (write->error() == CredentialJob::Error::Unavailable) {
                unavailable(write->errorString());
                return;
            }
            if (write->error() != CredentialJob::Error::None) {
                fail(tr("Not saved: the secrets could not be stored in the keychain: %1")
                         .arg(write->errorString()));
                return;
            }
            finishSave(s, &merged);
        });
    });
}

void DataSourceDialog::finishSave(const DataSourceSettings &s, const DataSourceSecrets *secrets)
{
    QList<DataSourceSettings> list = DataSourceStore::load();
    qsizetype index = -1;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].uid == s.uid) {
            index = i;
            break;
        }
    }
    if (index < 0 && !m_isNew)
        index = DataSourceStore::indexOf(list, m_settings.name);
    if (index >= 0)
        list[index] = s;
    else
        list << s;
    if (s.isDefault)
        DataSourceStore::setDefault(&list, s.name);
    DataSourceStore::normaliseDefaults(&list);
    QString error;
    if (!DataSourceStore::save(list, &error)) {
        fail(tr("Could not save: %1").arg(error));
        return;
    }
    m_settings = s;
    m_isNew = false;
    for (const DataSourceSettings &x : std::as_const(list)) {
        if (x.uid == s.uid)
            m_settings.isDefault = x.isDefault;
    }
    applyDataSourcesToRegistry(m_registry, list);
    if (m_registry && secrets) {
        if (DataSource *ds = m_registry->byUid(s.uid))
            ds->setSecrets(*secrets);
    }
    // What was typed is stored now: clear the fields, they show "stored in keychain".
    m_basicPassword->clear();
    m_bearer->clear();
    for (HeaderRow &r : m_headers) {
        if (r.secret->isChecked()) {
            r.value->clear();
            r.stored = true;
            r.storedName = r.name->text().trimmed();
        }
    }
    setWindowTitle(tr("Data source “%1”").arg(s.name));
    updateVisibility();
    Q_EMIT dataSourcesChanged();
    startTest();
}

void DataSourceDialog::startTest()
{
    DataSource *ds = m_registry ? m_registry->byUid(m_settings.uid) : nullptr;
    const QString name = m_settings.name;
    if (!ds) {
        fail(tr("Saved, but “%1” could not be tested.").arg(name));
        return;
    }
    setResult(tr("Saved. Testing “%1”…").arg(name), false);
    m_reply = ds->testConnection();
    TestReply *reply = m_reply;
    if (!reply) {
        fail(tr("Saved, but “%1” could not be tested.").arg(name));
        return;
    }
    connect(reply, &DataSourceReply::finished, this, [this, reply, name] {
        QString text;
        const bool ok = !reply->error().isError();
        if (ok) {
            const ConnectionTest &test = reply->result();
            const QString &version = test.version;
            QString flavour = test.flavour;
            if (flavour.isEmpty())
                flavour = dataSourceTypeOf(m_settings).describe(m_settings);
            const QString &message = test.message;
            text = version.isEmpty() ? tr("“%1” works: %2.").arg(name, flavour)
                                     : tr("“%1” works: %2 %3.").arg(name, flavour, version);
            if (!message.isEmpty())
                text += QLatin1Char(' ') + message;
        } else {
            text = tr("Testing “%1” failed: %2").arg(name, reply->error().message());
        }
        setResult(text, !ok);
        reply->deleteLater();
        m_reply.clear();
        setBusy(false);
        Q_EMIT testFinished(ok, text);
    });
}

void DataSourceDialog::fail(const QString &text)
{
    setResult(text, true);
    setBusy(false);
    Q_EMIT testFinished(false, text);
}

void DataSourceDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_saveTest->setEnabled(!busy);
}

QString DataSourceDialog::resultText() const
{
    return m_result->text();
}

void DataSourceDialog::setResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? ErrorStyle : QString());
}

void DataSourceDialog::forgetSecrets(CredentialStore *credentials,
                                     const DataSourceSettings &settings)
{
    if (!credentials || !settings.hasSecrets())
        return;
    CredentialJob *job = credentials->remove(settings.secretRef());
    QObject::connect(job, &CredentialJob::finished, job, [job] {
        if (job->error() != CredentialJob::Error::None)
            qCWarning(lcApp, "could not delete the secrets of a removed data source: %s",
                      qPrintable(job->errorString()));
    });
}

} // namespace pharos
