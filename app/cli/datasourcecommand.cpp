#include "app/cli/datasourcecommand.h"

#include "app/applogging.h"
#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/config/provisioning.h"
#include "datasources/datasourcefactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QPointer>
#include <QSet>
#include <QTextStream>
#include <QTimer>

namespace pharos {

namespace {

// Runs the event loop until `done` is true.
void waitUntil(const std::function<bool()> &done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    if (!done())
        loop.exec();
}

// Waits for a credential job; returns its error and text.
CredentialJob::Error runJob(CredentialJob *job, QString *text, DataSourceSecrets *secrets = nullptr)
{
    bool finished = false;
    CredentialJob::Error error = CredentialJob::Error::None;
    QObject::connect(job, &CredentialJob::finished, job, [&] {
        finished = true;
        error = job->error();
        if (text)
            *text = job->errorString();
        if (secrets)
            *secrets = job->secrets();
    });
    waitUntil([&] { return finished; });
    return error;
}

QString authText(const DataSourceSettings &s)
{
    switch (s.http.auth) {
    case HttpOptions::Auth::Basic:
        return QCoreApplication::translate("DataSourceCommand", "basic (%1)")
            .arg(s.http.basicAuthUser);
    case HttpOptions::Auth::Bearer:
        return QCoreApplication::translate("DataSourceCommand", "bearer token");
    case HttpOptions::Auth::None:
        break;
    }
    return s.http.headers.isEmpty() ? QCoreApplication::translate("DataSourceCommand", "none")
                                    : QCoreApplication::translate("DataSourceCommand", "headers");
}

struct Context
{
    QTextStream &out;
    QTextStream &err;
    QIODevice *in;
    bool allowNoKeychain = false;
    CredentialStore store{nullptr};
};

int listCommand(Context &c)
{
    const QList<DataSourceSettings> sources = DataSourceStore::load();
    if (sources.isEmpty()) {
        c.out << QCoreApplication::translate(
                     "DataSourceCommand",
                     "No data sources are configured. Add one with \"pharos datasource add NAME "
                     "--url URL\".")
              << Qt::endl;
        return 0;
    }
    c.out << QStringLiteral("  %1 %2 %3 %4 %5")
                 .arg(QCoreApplication::translate("DataSourceCommand", "NAME"), -24)
                 .arg(QCoreApplication::translate("DataSourceCommand", "KIND"), -16)
                 .arg(QCoreApplication::translate("DataSourceCommand", "URL"), -40)
                 .arg(QCoreApplication::translate("DataSourceCommand", "AUTH"), -18)
                 .arg(QCoreApplication::translate("DataSourceCommand", "TLS"))
          << '\n';
    for (const DataSourceSettings &s : sources) {
        QStringList tls;
        if (!s.http.tlsCaFile.isEmpty() ||
            s.secretNames.contains(QLatin1String(SecretName::TlsCaCert)))
            tls << QCoreApplication::translate("DataSourceCommand", "CA");
        if (!s.http.tlsClientCertFile.isEmpty() ||
            s.secretNames.contains(QLatin1String(SecretName::TlsClientCert)))
            tls << QCoreApplication::translate("DataSourceCommand", "client certificate");
        if (!s.http.tlsServerName.isEmpty())
            tls << QCoreApplication::translate("DataSourceCommand", "server name %1")
                       .arg(s.http.tlsServerName);
        if (s.http.tlsSkipVerify)
            tls << QCoreApplication::translate("DataSourceCommand",
                                               "WARNING: verification skipped");
        c.out << (s.isDefault ? QStringLiteral("* ") : QStringLiteral("  "))
              << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(s.name, -24)
                     .arg(dataSourceTypeOf(s).describe(s), -16)
                     .arg(dataSourceTypeOf(s).endpoint(s).toString(), -40)
                     .arg(authText(s), -18)
                     .arg(tls.isEmpty() ? QStringLiteral("-") : tls.join(QLatin1String(", ")))
              << '\n';
    }
    c.out.flush();
    return 0;
}

// Reads the secrets of `s` from the keychain. Returns false (message printed) on failure.
bool readSecrets(Context &c, const DataSourceSettings &s, DataSourceSecrets *secrets)
{
    if (!s.hasSecrets())
        return true;
    QString text;
    const CredentialJob::Error e = runJob(c.store.read(s.secretRef()), &text, secrets);
    if (e == CredentialJob::Error::None)
        return true;
    if (e == CredentialJob::Error::NotFound) {
        c.err << QCoreApplication::translate(
                     "DataSourceCommand",
                     "%1: its secrets are not in the keychain; add the data source again.")
                     .arg(s.name)
              << Qt::endl;
        return c.allowNoKeychain;
    }
    c.err << text << Qt::endl;
    if (e == CredentialJob::Error::Unavailable && c.allowNoKeychain)
        return true;
    if (e == CredentialJob::Error::Unavailable)
        c.err << QCoreApplication::translate(
                     "DataSourceCommand",
                     "Run again with --allow-no-keychain to go on without stored secrets.")
              << Qt::endl;
    return false;
}

/// The index of the data source called `name`, or -1 after saying there is none.
qsizetype indexOfNamed(Context &c, const QList<DataSourceSettings> &sources, const QString &name)
{
    const qsizetype i = DataSourceStore::indexOf(sources, name);
    if (i < 0)
        c.err << QCoreApplication::translate("DataSourceCommand",
                                             "No data source is called \"%1\".")
                     .arg(name)
              << Qt::endl;
    return i;
}

int testCommand(Context &c, const QString &name, const DataSourceSecrets &given)
{
    const QList<DataSourceSettings> sources = DataSourceStore::load();
    const qsizetype i = indexOfNamed(c, sources, name);
    if (i < 0)
        return 1;
    const DataSourceSettings s = sources.at(i);
    DataSourceSecrets secrets;
    if (!readSecrets(c, s, &secrets))
        return 1;
    for (auto it = given.values.cbegin(); it != given.values.cend(); ++it)
        secrets.values.insert(it.key(), it.value());
    const std::unique_ptr<DataSource> source = createDataSource(s);
    source->setSecrets(secrets);
    TestReply *reply = source->testConnection();
    waitUntil([reply] { return reply->isFinished(); });
    std::unique_ptr<TestReply> owner(reply);
    if (reply->error().isError()) {
        c.err << QCoreApplication::translate("DataSourceCommand", "%1: %2")
                     .arg(s.name, reply->error().message())
              << Qt::endl;
        return 1;
    }
    const ConnectionTest &test = reply->result();
    const QString &version = test.version;
    c.out << QCoreApplication::translate("DataSourceCommand",
                                         "%1: working. Version: %2. Flavour: %3.")
                 .arg(s.name,
                      version.isEmpty()
                          ? QCoreApplication::translate("DataSourceCommand", "unknown")
                          : version,
                      test.flavour)
          << Qt::endl;
    for (const QString &w : test.warnings)
        c.out << QCoreApplication::translate("DataSourceCommand", "Warning: %1").arg(w) << Qt::endl;
    return 0;
}

int removeCommand(Context &c, const QString &name)
{
    QList<DataSourceSettings> sources = DataSourceStore::load();
    const qsizetype i = indexOfNamed(c, sources, name);
    if (i < 0)
        return 1;
    const DataSourceSettings s = sources.at(i);
    if (s.hasSecrets()) {
        QString text;
        const CredentialJob::Error e = runJob(c.store.remove(s.secretRef()), &text);
        if (e != CredentialJob::Error::None) {
            c.err << text << Qt::endl;
            if (!(e == CredentialJob::Error::Unavailable && c.allowNoKeychain)) {
                if (e == CredentialJob::Error::Unavailable)
                    c.err << QCoreApplication::translate(
                                 "DataSourceCommand",
                                 "The data source was kept. Run again with --allow-no-keychain "
                                 "to remove it anyway.")
                          << Qt::endl;
                return 1;
            }
        }
    }
    sources.removeAt(i);
    QString error;
    if (!DataSourceStore::save(sources, &error)) {
        c.err << error << Qt::endl;
        return 1;
    }
    c.out
        << QCoreApplication::translate("DataSourceCommand", "Removed data source \"%1\".").arg(name)
        << Qt::endl;
    return 0;
}

} // namespace

bool isDataSourceCommand(const QStringList &arguments)
{
    static const QStringList withValue{
        QStringLiteral("--datasource"), QStringLiteral("--from"),     QStringLiteral("--to"),
        QStringLiteral("--refresh"),    QStringLiteral("--lang"),     QStringLiteral("--width"),
        QStringLiteral("-o"),           QStringLiteral("--output"),   QStringLiteral("--input"),
        QStringLiteral("--report"),     QStringLiteral("--provision")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            return arg == QLatin1String("datasource");
        if (withValue.contains(arg))
            ++i;
    }
    return false;
}

int runDataSourceCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                         QIODevice *in)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "DataSourceCommand",
        "Manages Pharos's data sources: list, add, test, remove.\n"
        "Secrets (passwords, tokens, secret headers) are read from stdin only, one per line, "
        "and stored in the system keychain."));
    const QCommandLineOption help = parser.addHelpOption();
    auto opt = [&](const char *name, const char *description, const char *value = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name),
                             QCoreApplication::translate("DataSourceCommand", description));
        if (value)
            o.setValueName(QCoreApplication::translate("DataSourceCommand", value));
        parser.addOption(o);
        return o;
    };
    const auto type =
        opt("type",
            QT_TRANSLATE_NOOP("DataSourceCommand",
                              "The data source type's Grafana id (default prometheus)."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "type"));
    const auto url = opt("url",
                         QT_TRANSLATE_NOOP("DataSourceCommand",
                                           "The server's base URL, e.g. https://prometheus:9090."),
                         QT_TRANSLATE_NOOP("DataSourceCommand", "url"));
    const auto basicUser =
        opt("basic-user", QT_TRANSLATE_NOOP("DataSourceCommand", "Basic auth user name."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "user"));
    const auto passwordStdin =
        opt("password-stdin",
            QT_TRANSLATE_NOOP("DataSourceCommand", "Read the basic auth password from stdin."));
    const auto bearerStdin = opt(
        "bearer-stdin", QT_TRANSLATE_NOOP("DataSourceCommand", "Read a bearer token from stdin."));
    const auto header =
        opt("header", "Send the header NAME with VALUE (not secret).", "NAME=VALUE");
    const auto secretHeader =
        opt("secret-header", "Send the header NAME; its secret value is read from stdin.", "NAME");
    const auto caFile =
        opt("ca-file",
            QT_TRANSLATE_NOOP("DataSourceCommand", "CA certificate (PEM) to verify the server."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "file"));
    const auto clientCert =
        opt("client-cert", QT_TRANSLATE_NOOP("DataSourceCommand", "Client certificate (PEM)."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "file"));
    const auto clientKey =
        opt("client-key", QT_TRANSLATE_NOOP("DataSourceCommand", "Client private key (PEM)."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "file"));
    const auto serverName =
        opt("server-name", "Name to verify the server's certificate against.", "name");
    const auto skipVerify =
        opt("tls-skip-verify", "Do not verify the server's certificate (insecure).");
    const auto timeout =
        opt("timeout",
            QT_TRANSLATE_NOOP("DataSourceCommand", "Request timeout in seconds (default 60)."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "seconds"));
    // Each type's own options (its jsonData); an option several types share is added once.
    QHash<QString, QCommandLineOption> typeOptions;
    for (const DataSourceType &t : dataSourceTypes())
        for (const DataSourceOption &o : t.options())
            if (!typeOptions.contains(QLatin1String(o.name)))
                typeOptions.insert(QLatin1String(o.name), opt(o.name, o.description, o.valueName));
    const auto makeDefault = opt(
        "default", QT_TRANSLATE_NOOP("DataSourceCommand", "Make this the default data source."));
    const auto allowNoKeychain =
        opt("allow-no-keychain",
            "Go on when no keychain is available: secrets are used for this run only.");
    const auto provision =
        opt("provision",
            QT_TRANSLATE_NOOP("DataSourceCommand", "Apply a data-source provisioning file first."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "file"));
    const auto lang =
        opt("lang",
            QT_TRANSLATE_NOOP("DataSourceCommand", "User interface language, e.g. zh_CN or en."),
            QT_TRANSLATE_NOOP("DataSourceCommand", "language"));
    Q_UNUSED(lang);
    const auto verbose =
        opt("verbose", QT_TRANSLATE_NOOP("DataSourceCommand",
                                         "Log every HTTP request (method, URL, status, size, "
                                         "duration; never a secret) and debug messages to "
                                         "stderr."));
    parser.addPositionalArgument(
        QStringLiteral("datasource"),
        QCoreApplication::translate("DataSourceCommand", "Manage data sources."));
    parser.addPositionalArgument(
        QCoreApplication::translate("DataSourceCommand", "action"),
        QCoreApplication::translate("DataSourceCommand", "list, add, test or remove."));
    parser.addPositionalArgument(
        QCoreApplication::translate("DataSourceCommand", "name"),
        QCoreApplication::translate("DataSourceCommand", "The data source's name."),
        QCoreApplication::translate("DataSourceCommand", "[name]"));

    auto usage = [&](const QString &message) {
        err << message << '\n'
            << QCoreApplication::translate("DataSourceCommand",
                                           "Run \"pharos datasource --help\" for the usage.")
            << Qt::endl;
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    if (parser.isSet(verbose))
        enableVerboseLogging();
    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // "datasource"
    if (positional.isEmpty())
        return usage(QCoreApplication::translate(
            "DataSourceCommand", "datasource: missing the action (list, add, test or remove)."));
    const QString action = positional.takeFirst();

    Context c{out, err, in, parser.isSet(allowNoKeychain)};

    // Provisioning files given with --provision are applied first.
    if (parser.isSet(provision)) {
        auto *job = new ProvisioningJob(parser.values(provision), &c.store);
        bool finished = false;
        bool ok = false;
        QString error;
        QObject::connect(job, &ProvisioningJob::finished, job, [&] {
            finished = true;
            ok = job->ok();
            error = job->errorString();
            for (const QString &w : job->warnings())
                err << w << Qt::endl;
        });
        job->start();
        waitUntil([&] { return finished; });
        if (!ok) {
            err << error << Qt::endl;
            return 1;
        }
    }

    // Secrets: stdin only, one per line.
    auto readLine = [&](const QString &what, QString *value) {
        if (!in || (!in->isOpen() && !in->open(QIODevice::ReadOnly))) {
            err << QCoreApplication::translate("DataSourceCommand",
                                               "Cannot read the %1 from stdin.")
                       .arg(what)
                << Qt::endl;
            return false;
        }
        QByteArray line = in->readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            err << QCoreApplication::translate("DataSourceCommand",
                                               "The %1 read from stdin is empty.")
                       .arg(what)
                << Qt::endl;
            return false;
        }
        *value = QString::fromUtf8(line);
        return true;
    };
    DataSourceSecrets given;
    if (parser.isSet(passwordStdin)) {
        QString v;
        if (!readLine(QCoreApplication::translate("DataSourceCommand", "password"), &v))
            return 1;
        given.values.insert(QLatin1String(SecretName::BasicAuthPassword), v);
    }
    if (parser.isSet(bearerStdin)) {
        QString v;
        if (!readLine(QCoreApplication::translate("DataSourceCommand", "bearer token"), &v))
            return 1;
        given.values.insert(QLatin1String(SecretName::BearerToken), v);
    }
    const QStringList secretHeaders = parser.values(secretHeader);
    for (const QString &h : secretHeaders) {
        QString v;
        if (!readLine(QCoreApplication::translate("DataSourceCommand", "value of header %1").arg(h),
                      &v))
            return 1;
        given.values.insert(SecretName::header(h.trimmed()), v);
    }

    if (action == QLatin1String("list")) {
        if (!positional.isEmpty())
            return usage(QCoreApplication::translate("DataSourceCommand",
                                                     "datasource list: unexpected argument \"%1\".")
                             .arg(positional.first()));
        return listCommand(c);
    }
    if (action != QLatin1String("add") && action != QLatin1String("test") &&
        action != QLatin1String("remove"))
        return usage(QCoreApplication::translate(
                         "DataSourceCommand",
                         "datasource: unknown action \"%1\" (use list, add, test or remove).")
                         .arg(action));
    if (positional.isEmpty())
        return usage(QCoreApplication::translate("DataSourceCommand",
                                                 "datasource %1: missing the data source's name.")
                         .arg(action));
    if (positional.size() > 1)
        return usage(QCoreApplication::translate("DataSourceCommand",
                                                 "datasource %1: unexpected argument \"%2\".")
                         .arg(action, positional.at(1)));
    const QString name = positional.first().trimmed();
    if (action == QLatin1String("test"))
        return testCommand(c, name, given);
    if (action == QLatin1String("remove"))
        return removeCommand(c, name);

    // add
    QList<DataSourceSettings> sources = DataSourceStore::load();
    if (name.isEmpty())
        return usage(
            QCoreApplication::translate("DataSourceCommand", "datasource add: the name is empty."));
    if (DataSourceStore::indexOf(sources, name) >= 0) {
        err << QCoreApplication::translate(
                   "DataSourceCommand",
                   "A data source called \"%1\" exists already; remove it first.")
                   .arg(name)
            << Qt::endl;
        return 1;
    }
    DataSourceSettings s;
    s.name = name;
    s.uid = DataSourceStore::makeUid(sources, name);
    const QString urlText = parser.value(url).trimmed();
    s.url = QUrl(urlText);
    if (urlText.isEmpty() || !s.url.isValid() || s.url.host().isEmpty() ||
        (s.url.scheme() != QLatin1String("http") && s.url.scheme() != QLatin1String("https")))
        return usage(QCoreApplication::translate(
                         "DataSourceCommand", "datasource add: --url \"%1\" is not an http(s) URL.")
                         .arg(urlText));
    if (!s.url.userInfo().isEmpty())
        return usage(QCoreApplication::translate(
            "DataSourceCommand",
            "datasource add: do not put credentials in the URL; use --basic-user "
            "and --password-stdin."));
    const QString typeId = parser.isSet(type) ? parser.value(type).trimmed()
                                              : QString::fromLatin1(dataSourceTypes().front().id);
    const DataSourceType *dsType = findDataSourceType(typeId);
    if (!dsType) {
        QStringList ids;
        for (const DataSourceType &t : dataSourceTypes())
            ids << QString::fromLatin1(t.id);
        return usage(QCoreApplication::translate("DataSourceCommand",
                                                 "datasource add: unknown type \"%1\" (use %2).")
                         .arg(typeId, ids.join(QLatin1String(", "))));
    }
    s.type = QString::fromLatin1(dsType->id);
    // The type's own options: those it has, given with their values; another type's is an error.
    QHash<QString, QStringList> typeValues;
    QSet<QString> ownOptions;
    for (const DataSourceOption &o : dsType->options())
        ownOptions.insert(QLatin1String(o.name));
    for (auto it = typeOptions.cbegin(); it != typeOptions.cend(); ++it) {
        if (!parser.isSet(it.value()))
            continue;
        if (!ownOptions.contains(it.key()))
            return usage(QCoreApplication::translate(
                             "DataSourceCommand",
                             "datasource add: --%1 is not an option of %2 data sources.")
                             .arg(it.key(), s.type));
        typeValues.insert(it.key(), parser.values(it.value()));
    }
    if (parser.isSet(basicUser) || parser.isSet(passwordStdin)) {
        s.http.auth = HttpOptions::Auth::Basic;
        s.http.basicAuthUser = parser.value(basicUser);
        if (s.http.basicAuthUser.isEmpty())
            return usage(QCoreApplication::translate(
                "DataSourceCommand", "datasource add: --password-stdin needs --basic-user."));
    }
    if (parser.isSet(bearerStdin)) {
        if (s.http.auth == HttpOptions::Auth::Basic)
            return usage(QCoreApplication::translate(
                "DataSourceCommand", "datasource add: use either basic auth or a bearer token."));
        s.http.auth = HttpOptions::Auth::Bearer;
    }
    for (const QString &h : parser.values(header)) {
        const qsizetype eq = h.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(
                QCoreApplication::translate("DataSourceCommand",
                                            "datasource add: --header \"%1\" is not NAME=VALUE.")
                    .arg(h));
        s.http.headers << DataSourceHeader{h.left(eq).trimmed(), h.mid(eq + 1), false};
    }
    for (const QString &h : secretHeaders)
        s.http.headers << DataSourceHeader{h.trimmed(), QString(), true};
    for (const auto &[option, field] :
         {std::pair{caFile, &s.http.tlsCaFile}, std::pair{clientCert, &s.http.tlsClientCertFile},
          std::pair{clientKey, &s.http.tlsClientKeyFile}}) {
        if (!parser.isSet(option))
            continue;
        const QFileInfo fi(parser.value(option));
        if (!fi.isReadable())
            return usage(QCoreApplication::translate("DataSourceCommand",
                                                     "datasource add: cannot read the file \"%1\".")
                             .arg(fi.filePath()));
        *field = fi.absoluteFilePath();
    }
    if (s.http.tlsClientCertFile.isEmpty() != s.http.tlsClientKeyFile.isEmpty())
        return usage(QCoreApplication::translate(
            "DataSourceCommand", "datasource add: give both --client-cert and --client-key."));
    s.http.tlsServerName = parser.value(serverName).trimmed();
    s.http.tlsSkipVerify = parser.isSet(skipVerify);
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return usage(QCoreApplication::translate(
                "DataSourceCommand", "datasource add: --timeout must be 1 to 3600 seconds."));
        s.http.timeoutMs = seconds * 1000;
    }
    if (const QString refused = dsType->applyOptions(typeValues, &s); !refused.isEmpty())
        return usage(refused);
    s.secretNames = given.values.keys();
    if (!given.isEmpty()) {
        QString text;
        const CredentialJob::Error e = runJob(c.store.write(s.secretRef(), given), &text);
        if (e != CredentialJob::Error::None) {
            err << text << Qt::endl;
            if (e != CredentialJob::Error::Unavailable || !c.allowNoKeychain) {
                if (e == CredentialJob::Error::Unavailable)
                    err << QCoreApplication::translate(
                               "DataSourceCommand",
                               "The data source was not added. Run again with "
                               "--allow-no-keychain to add it without its secrets.")
                        << Qt::endl;
                return 1;
            }
            s.secretNames.clear(); // nothing stored: the settings must not promise secrets
            err << QCoreApplication::translate(
                       "DataSourceCommand",
                       "Warning: the secrets were not stored; give them again when testing.")
                << Qt::endl;
        }
    }
    sources << s;
    if (parser.isSet(makeDefault))
        DataSourceStore::setDefault(&sources, s.name);
    QString error;
    if (!DataSourceStore::save(sources, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("DataSourceCommand", "Added data source \"%1\" (%2, %3).")
               .arg(s.name, dataSourceTypeOf(s).describe(s),
                    dataSourceTypeOf(s).endpoint(s).toString())
        << Qt::endl;
    if (s.http.tlsSkipVerify)
        out << QCoreApplication::translate(
                   "DataSourceCommand",
                   "Warning: TLS certificate verification is disabled for \"%1\".")
                   .arg(s.name)
            << Qt::endl;
    return 0;
}

} // namespace pharos
