#include "datasourcecommand.h"

#include "credentialstore.h"
#include "datasourcestore.h"
#include "prometheusdatasource.h"
#include "provisioning.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

namespace pharos {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DataSourceCommand", text);
}

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
    switch (s.auth) {
    case DataSourceSettings::Auth::Basic:
        return tr("basic (%1)").arg(s.basicAuthUser);
    case DataSourceSettings::Auth::Bearer:
        return tr("bearer token");
    case DataSourceSettings::Auth::None:
        break;
    }
    return s.headers.isEmpty() ? tr("none") : tr("headers");
}

qint64 parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d+)\s*(ms|s|m|h)?\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("ms"))
        return n;
    if (unit == QLatin1String("m"))
        return n * 60000;
    if (unit == QLatin1String("h"))
        return n * 3600000;
    return n * 1000;
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
        c.out << tr("No data sources are configured. Add one with \"pharos datasource add NAME "
                    "--url URL\".")
              << Qt::endl;
        return 0;
    }
    c.out << QStringLiteral("  %1 %2 %3 %4 %5")
                 .arg(tr("NAME"), -24)
                 .arg(tr("KIND"), -16)
                 .arg(tr("URL"), -40)
                 .arg(tr("AUTH"), -18)
                 .arg(tr("TLS"))
          << '\n';
    for (const DataSourceSettings &s : sources) {
        QStringList tls;
        if (!s.tlsCaFile.isEmpty() || s.secretNames.contains(QLatin1String(SecretName::TlsCaCert)))
            tls << tr("CA");
        if (!s.tlsClientCertFile.isEmpty() ||
            s.secretNames.contains(QLatin1String(SecretName::TlsClientCert)))
            tls << tr("client certificate");
        if (!s.tlsServerName.isEmpty())
            tls << tr("server name %1").arg(s.tlsServerName);
        if (s.tlsSkipVerify)
            tls << tr("WARNING: verification skipped");
        c.out << (s.isDefault ? QStringLiteral("* ") : QStringLiteral("  "))
              << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(s.name, -24)
                     .arg(dataSourceKindName(s.kind), -16)
                     .arg(s.effectiveUrl().toString(), -40)
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
        c.err
            << tr("%1: its secrets are not in the keychain; add the data source again.").arg(s.name)
            << Qt::endl;
        return c.allowNoKeychain;
    }
    c.err << text << Qt::endl;
    if (e == CredentialJob::Error::Unavailable && c.allowNoKeychain)
        return true;
    if (e == CredentialJob::Error::Unavailable)
        c.err << tr("Run again with --allow-no-keychain to go on without stored secrets.")
              << Qt::endl;
    return false;
}

int testCommand(Context &c, const QString &name, const DataSourceSecrets &given)
{
    const QList<DataSourceSettings> sources = DataSourceStore::load();
    const qsizetype i = DataSourceStore::indexOf(sources, name);
    if (i < 0) {
        c.err << tr("No data source is called \"%1\".").arg(name) << Qt::endl;
        return 1;
    }
    const DataSourceSettings s = sources.at(i);
    DataSourceSecrets secrets;
    if (!readSecrets(c, s, &secrets))
        return 1;
    for (auto it = given.values.cbegin(); it != given.values.cend(); ++it)
        secrets.values.insert(it.key(), it.value());
    PrometheusDataSource source(s);
    source.setSecrets(secrets);
    DataSourceReply *reply = source.testConnection();
    waitUntil([reply] { return reply->isFinished(); });
    std::unique_ptr<DataSourceReply> owner(reply);
    if (reply->error().isError()) {
        c.err << tr("%1: %2").arg(s.name, reply->error().message()) << Qt::endl;
        return 1;
    }
    const QJsonObject o = reply->object();
    const QString version = o.value(QLatin1String("version")).toString();
    c.out << tr("%1: working. Version: %2. Flavour: %3.")
                 .arg(s.name, version.isEmpty() ? tr("unknown") : version,
                      o.value(QLatin1String("flavour")).toString())
          << Qt::endl;
    for (const QJsonValue &w : o.value(QLatin1String("warnings")).toArray())
        c.out << tr("Warning: %1").arg(w.toString()) << Qt::endl;
    return 0;
}

int removeCommand(Context &c, const QString &name)
{
    QList<DataSourceSettings> sources = DataSourceStore::load();
    const qsizetype i = DataSourceStore::indexOf(sources, name);
    if (i < 0) {
        c.err << tr("No data source is called \"%1\".").arg(name) << Qt::endl;
        return 1;
    }
    const DataSourceSettings s = sources.at(i);
    if (s.hasSecrets()) {
        QString text;
        const CredentialJob::Error e = runJob(c.store.remove(s.secretRef()), &text);
        if (e != CredentialJob::Error::None) {
            c.err << text << Qt::endl;
            if (!(e == CredentialJob::Error::Unavailable && c.allowNoKeychain)) {
                if (e == CredentialJob::Error::Unavailable)
                    c.err << tr("The data source was kept. Run again with --allow-no-keychain "
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
    c.out << tr("Removed data source \"%1\".").arg(name) << Qt::endl;
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
    parser.setApplicationDescription(
        tr("Manages Pharos's data sources: list, add, test, remove.\n"
           "Secrets (passwords, tokens, secret headers) are read from stdin only, one per line, "
           "and stored in the system keychain."));
    const QCommandLineOption help = parser.addHelpOption();
    auto opt = [&](const char *name, const char *description, const char *value = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), tr(description));
        if (value)
            o.setValueName(tr(value));
        parser.addOption(o);
        return o;
    };
    const auto url = opt("url", "The server's base URL, e.g. https://prometheus:9090.", "url");
    const auto kind = opt("kind", "prometheus, victoriametrics, thanos or mimir.", "kind");
    const auto basicUser = opt("basic-user", "Basic auth user name.", "user");
    const auto passwordStdin = opt("password-stdin", "Read the basic auth password from stdin.");
    const auto bearerStdin = opt("bearer-stdin", "Read a bearer token from stdin.");
    const auto header =
        opt("header", "Send the header NAME with VALUE (not secret).", "NAME=VALUE");
    const auto secretHeader =
        opt("secret-header", "Send the header NAME; its secret value is read from stdin.", "NAME");
    const auto caFile = opt("ca-file", "CA certificate (PEM) to verify the server.", "file");
    const auto clientCert = opt("client-cert", "Client certificate (PEM).", "file");
    const auto clientKey = opt("client-key", "Client private key (PEM).", "file");
    const auto serverName =
        opt("server-name", "Name to verify the server's certificate against.", "name");
    const auto skipVerify =
        opt("tls-skip-verify", "Do not verify the server's certificate (insecure).");
    const auto pathPrefix = opt("path-prefix", "Path before /api/v1, e.g. /prometheus.", "path");
    const auto tenant = opt("tenant", "X-Scope-OrgID tenant (Mimir, Cortex).", "id");
    const auto param = opt("param", "Extra query parameter for every request.", "KEY=VALUE");
    const auto method = opt("method", "HTTP method for queries: POST (default) or GET.", "method");
    const auto timeout = opt("timeout", "Request timeout in seconds (default 60).", "seconds");
    const auto scrape =
        opt("scrape-interval", "The server's scrape interval, e.g. 15s (for $__rate_interval).",
            "duration");
    const auto seriesLimit = opt("series-limit", "Cap for lookups (default 40000).", "count");
    const auto makeDefault = opt("default", "Make this the default data source.");
    const auto allowNoKeychain =
        opt("allow-no-keychain",
            "Go on when no keychain is available: secrets are used for this run only.");
    const auto provision = opt("provision", "Apply a data-source provisioning file first.", "file");
    const auto lang = opt("lang", "User interface language, e.g. zh_CN or en.", "language");
    Q_UNUSED(lang);
    parser.addPositionalArgument(QStringLiteral("datasource"), tr("Manage data sources."));
    parser.addPositionalArgument(tr("action"), tr("list, add, test or remove."));
    parser.addPositionalArgument(tr("name"), tr("The data source's name."), tr("[name]"));

    auto usage = [&](const QString &message) {
        err << message << '\n' << tr("Run \"pharos datasource --help\" for the usage.") << Qt::endl;
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // "datasource"
    if (positional.isEmpty())
        return usage(tr("datasource: missing the action (list, add, test or remove)."));
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
            err << tr("Cannot read the %1 from stdin.").arg(what) << Qt::endl;
            return false;
        }
        QByteArray line = in->readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            err << tr("The %1 read from stdin is empty.").arg(what) << Qt::endl;
            return false;
        }
        *value = QString::fromUtf8(line);
        return true;
    };
    DataSourceSecrets given;
    if (parser.isSet(passwordStdin)) {
        QString v;
        if (!readLine(tr("password"), &v))
            return 1;
        given.values.insert(QLatin1String(SecretName::BasicAuthPassword), v);
    }
    if (parser.isSet(bearerStdin)) {
        QString v;
        if (!readLine(tr("bearer token"), &v))
            return 1;
        given.values.insert(QLatin1String(SecretName::BearerToken), v);
    }
    const QStringList secretHeaders = parser.values(secretHeader);
    for (const QString &h : secretHeaders) {
        QString v;
        if (!readLine(tr("value of header %1").arg(h), &v))
            return 1;
        given.values.insert(SecretName::header(h.trimmed()), v);
    }

    if (action == QLatin1String("list")) {
        if (!positional.isEmpty())
            return usage(
                tr("datasource list: unexpected argument \"%1\".").arg(positional.first()));
        return listCommand(c);
    }
    if (action != QLatin1String("add") && action != QLatin1String("test") &&
        action != QLatin1String("remove"))
        return usage(
            tr("datasource: unknown action \"%1\" (use list, add, test or remove).").arg(action));
    if (positional.isEmpty())
        return usage(tr("datasource %1: missing the data source's name.").arg(action));
    if (positional.size() > 1)
        return usage(
            tr("datasource %1: unexpected argument \"%2\".").arg(action, positional.at(1)));
    const QString name = positional.first().trimmed();
    if (action == QLatin1String("test"))
        return testCommand(c, name, given);
    if (action == QLatin1String("remove"))
        return removeCommand(c, name);

    // add
    QList<DataSourceSettings> sources = DataSourceStore::load();
    if (name.isEmpty())
        return usage(tr("datasource add: the name is empty."));
    if (DataSourceStore::indexOf(sources, name) >= 0) {
        err << tr("A data source called \"%1\" exists already; remove it first.").arg(name)
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
        return usage(tr("datasource add: --url \"%1\" is not an http(s) URL.").arg(urlText));
    if (!s.url.userInfo().isEmpty())
        return usage(tr("datasource add: do not put credentials in the URL; use --basic-user "
                        "and --password-stdin."));
    if (parser.isSet(kind) && !dataSourceKindFromName(parser.value(kind), &s.kind))
        return usage(tr("datasource add: unknown kind \"%1\" (use prometheus, victoriametrics, "
                        "thanos or mimir).")
                         .arg(parser.value(kind)));
    if (parser.isSet(basicUser) || parser.isSet(passwordStdin)) {
        s.auth = DataSourceSettings::Auth::Basic;
        s.basicAuthUser = parser.value(basicUser);
        if (s.basicAuthUser.isEmpty())
            return usage(tr("datasource add: --password-stdin needs --basic-user."));
    }
    if (parser.isSet(bearerStdin)) {
        if (s.auth == DataSourceSettings::Auth::Basic)
            return usage(tr("datasource add: use either basic auth or a bearer token."));
        s.auth = DataSourceSettings::Auth::Bearer;
    }
    for (const QString &h : parser.values(header)) {
        const qsizetype eq = h.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(tr("datasource add: --header \"%1\" is not NAME=VALUE.").arg(h));
        s.headers << DataSourceHeader{h.left(eq).trimmed(), h.mid(eq + 1), false};
    }
    for (const QString &h : secretHeaders)
        s.headers << DataSourceHeader{h.trimmed(), QString(), true};
    for (const auto &[option, field] :
         {std::pair{caFile, &s.tlsCaFile}, std::pair{clientCert, &s.tlsClientCertFile},
          std::pair{clientKey, &s.tlsClientKeyFile}}) {
        if (!parser.isSet(option))
            continue;
        const QFileInfo fi(parser.value(option));
        if (!fi.isReadable())
            return usage(tr("datasource add: cannot read the file \"%1\".").arg(fi.filePath()));
        *field = fi.absoluteFilePath();
    }
    if (s.tlsClientCertFile.isEmpty() != s.tlsClientKeyFile.isEmpty())
        return usage(tr("datasource add: give both --client-cert and --client-key."));
    s.tlsServerName = parser.value(serverName).trimmed();
    s.tlsSkipVerify = parser.isSet(skipVerify);
    s.pathPrefix = parser.value(pathPrefix).trimmed();
    s.tenantId = parser.value(tenant).trimmed();
    s.customQueryParameters = parser.values(param).join(QLatin1Char('&'));
    if (parser.isSet(method)) {
        const QString m = parser.value(method).trimmed().toUpper();
        if (m == QLatin1String("GET"))
            s.httpMethod = DataSourceSettings::HttpMethod::Get;
        else if (m != QLatin1String("POST"))
            return usage(tr("datasource add: --method must be GET or POST."));
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return usage(tr("datasource add: --timeout must be 1 to 3600 seconds."));
        s.timeoutMs = seconds * 1000;
    }
    if (parser.isSet(scrape)) {
        const qint64 ms = parseDuration(parser.value(scrape));
        if (ms <= 0 || ms > 24 * 3600 * 1000)
            return usage(tr("datasource add: --scrape-interval \"%1\" is not a duration such as "
                            "15s.")
                             .arg(parser.value(scrape)));
        s.scrapeIntervalMs = int(ms);
    }
    if (parser.isSet(seriesLimit)) {
        bool ok = false;
        const int n = parser.value(seriesLimit).toInt(&ok);
        if (!ok || n < 0)
            return usage(tr("datasource add: --series-limit must be a number."));
        s.seriesLimit = n;
    }
    s.secretNames = given.values.keys();
    if (!given.isEmpty()) {
        QString text;
        const CredentialJob::Error e = runJob(c.store.write(s.secretRef(), given), &text);
        if (e != CredentialJob::Error::None) {
            err << text << Qt::endl;
            if (e != CredentialJob::Error::Unavailable || !c.allowNoKeychain) {
                if (e == CredentialJob::Error::Unavailable)
                    err << tr("The data source was not added. Run again with "
                              "--allow-no-keychain to add it without its secrets.")
                        << Qt::endl;
                return 1;
            }
            s.secretNames.clear(); // nothing stored: the settings must not promise secrets
            err << tr("Warning: the secrets were not stored; give them again when testing.")
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
    out << tr("Added data source \"%1\" (%2, %3).")
               .arg(s.name, dataSourceKindDisplayName(s.kind), s.effectiveUrl().toString())
        << Qt::endl;
    if (s.tlsSkipVerify)
        out << tr("Warning: TLS certificate verification is disabled for \"%1\".").arg(s.name)
            << Qt::endl;
    return 0;
}

} // namespace pharos
