#include "datasources/config/provisioning.h"

#include "datasources/config/credentialstore.h"
#include "datasources/config/datasourcestore.h"
#include "datasources/datasourcefactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

QHash<QString, QString> processEnvironment()
{
    QHash<QString, QString> env;
    const QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (const QString &k : pe.keys())
        env.insert(k, pe.value(k));
    return env;
}

// A YAML scalar as text (after environment expansion); empty when missing or not a scalar.
QString text(const YAML::Node &node, const QHash<QString, QString> *env)
{
    if (!node || !node.IsScalar())
        return {};
    return Provisioning::expandEnvironment(QString::fromStdString(node.Scalar()), env);
}

bool boolean(const YAML::Node &node, const QHash<QString, QString> *env, bool fallback)
{
    return Provisioning::boolean(text(node, env), fallback);
}

// The mapping's scalars as text (environment expanded): Grafana's jsonData or
// secureJsonData.
QJsonObject textObject(const YAML::Node &map, const QHash<QString, QString> *env)
{
    QJsonObject o;
    if (!map || !map.IsMap())
        return o;
    for (const auto &kv : map) {
        if (kv.first.IsScalar() && kv.second.IsScalar())
            o.insert(QString::fromStdString(kv.first.Scalar()), text(kv.second, env));
    }
    return o;
}

// Grafana's HTTP settings, common to every HTTP data source type: basic auth, the timeout,
// TLS, custom headers (values are secret), and Pharos' response size limit.
void provisionHttp(const YAML::Node &n, const QJsonObject &json, const QJsonObject &secure,
                   const QHash<QString, QString> *env, ProvisionedDataSource *out)
{
    HttpOptions &h = out->settings.http;
    DataSourceSecrets &secrets = out->secrets;
    const auto js = [&](const char *key) { return json.value(QLatin1String(key)).toString(); };
    const auto sec = [&](const QString &key) { return secure.value(key).toString(); };
    if (boolean(n["basicAuth"], env, false)) {
        h.auth = HttpOptions::Auth::Basic;
        h.basicAuthUser = text(n["basicAuthUser"], env);
        const QString password = sec(QStringLiteral("basicAuthPassword"));
        if (!password.isEmpty())
            secrets.values.insert(QLatin1String(SecretName::BasicAuthPassword), password);
    }
    const qint64 timeout = Provisioning::durationMs(js("timeout"));
    if (timeout > 0)
        h.timeoutMs = int(std::min<qint64>(timeout, 3600 * 1000));
    bool ok = false;
    const qint64 responseLimit = js("responseLimitBytes").toLongLong(&ok);
    if (ok && responseLimit >= 0)
        h.responseLimitBytes = responseLimit;
    h.tlsSkipVerify = Provisioning::boolean(js("tlsSkipVerify"), false);
    h.tlsServerName = js("serverName");
    for (int i = 1; i < 100; ++i) {
        const QString header = js(("httpHeaderName" + std::to_string(i)).c_str()).trimmed();
        if (header.isEmpty())
            continue;
        h.headers << DataSourceHeader{header, QString(), true};
        secrets.values.insert(SecretName::header(header),
                              sec(QStringLiteral("httpHeaderValue") + QString::number(i)));
    }
    if (Provisioning::boolean(js("tlsAuthWithCACert"), false)) {
        const QString ca = sec(QStringLiteral("tlsCACert"));
        if (!ca.isEmpty())
            secrets.values.insert(QLatin1String(SecretName::TlsCaCert), ca);
    }
    if (Provisioning::boolean(js("tlsAuth"), false)) {
        const QString cert = sec(QStringLiteral("tlsClientCert"));
        const QString key = sec(QStringLiteral("tlsClientKey"));
        if (!cert.isEmpty())
            secrets.values.insert(QLatin1String(SecretName::TlsClientCert), cert);
        if (!key.isEmpty())
            secrets.values.insert(QLatin1String(SecretName::TlsClientKey), key);
    }
}

bool parseDataSource(const YAML::Node &n, const QHash<QString, QString> *env,
                     ProvisioningResult *result, QString *error)
{
    ProvisionedDataSource out;
    DataSourceSettings &s = out.settings;
    s.provisioned = true;
    s.name = text(n["name"], env).trimmed();
    if (s.name.isEmpty()) {
        *error = QCoreApplication::translate("pharos::Provisioning", "a data source has no name");
        return false;
    }
    const QString type = text(n["type"], env).trimmed().toLower();
    s.type = type.isEmpty() ? QStringLiteral("prometheus") : type;
    const DataSourceType *dataSourceType = findDataSourceType(s.type);
    if (!dataSourceType) {
        result->warnings << QCoreApplication::translate(
                                "pharos::Provisioning",
                                "Data source \"%1\" of type \"%2\" is not supported and was "
                                "skipped.")
                                .arg(s.name, type);
        return true;
    }
    s.uid = text(n["uid"], env).trimmed();
    s.url = QUrl(text(n["url"], env).trimmed());
    if (!s.url.isValid() || s.url.host().isEmpty()) {
        *error = QCoreApplication::translate("pharos::Provisioning",
                                             "data source \"%1\" has no valid url")
                     .arg(s.name);
        return false;
    }
    s.isDefault = boolean(n["isDefault"], env, false);
    const QJsonObject json = textObject(n["jsonData"], env);
    provisionHttp(n, json, textObject(n["secureJsonData"], env), env, &out);
    dataSourceType->provision(json, &s, &out.secrets, &result->warnings);
    s.secretNames = out.secrets.values.keys();
    result->dataSources << out;
    return true;
}

} // namespace

bool Provisioning::boolean(const QString &textIn, bool fallback)
{
    const QString t = textIn.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0"))
        return false;
    return fallback;
}

// "15s", "1m", "500ms", "1h30m", or a plain number of seconds. -1 when invalid.
qint64 Provisioning::durationMs(const QString &textIn)
{
    const QString t = textIn.trimmed();
    if (t.isEmpty())
        return -1;
    // Durations beyond ~31,700 years are capped (callers cap them far lower anyway); the
    // cap keeps the conversions to qint64 defined.
    constexpr double maxMs = 1e15;
    bool ok = false;
    const double plain = t.toDouble(&ok);
    if (ok)
        return plain >= 0 ? qint64(std::min(plain * 1000.0, maxMs)) : -1;
    static const QRegularExpression part(QStringLiteral(R"((\d+(?:\.\d+)?)(ms|s|m|h|d|w|y))"));
    double total = 0;
    qsizetype at = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return -1;
        at = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double factor = 1000;
        if (unit == QLatin1String("ms"))
            factor = 1;
        else if (unit == QLatin1String("m"))
            factor = 60e3;
        else if (unit == QLatin1String("h"))
            factor = 3600e3;
        else if (unit == QLatin1String("d"))
            factor = 86400e3;
        else if (unit == QLatin1String("w"))
            factor = 7 * 86400e3;
        else if (unit == QLatin1String("y"))
            factor = 365 * 86400e3;
        total = std::min(total + std::floor(n * factor), maxMs);
    }
    return at == t.size() ? qint64(total) : -1;
}

QString Provisioning::expandEnvironment(const QString &in, const QHash<QString, QString> *env)
{
    if (!in.contains(QLatin1Char('$')))
        return in;
    QHash<QString, QString> own;
    if (!env) {
        own = processEnvironment();
        env = &own;
    }
    QString out;
    out.reserve(in.size());
    auto isNameChar = [](QChar c, bool first) {
        return c == QLatin1Char('_') || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (!first && c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('$') || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        const QChar next = in.at(i + 1);
        if (next == QLatin1Char('$')) {
            out += QLatin1Char('$');
            ++i;
        } else if (next == QLatin1Char('{')) {
            const qsizetype close = in.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0) {
                out += c;
                continue;
            }
            out += env->value(in.mid(i + 2, close - i - 2));
            i = close;
        } else if (isNameChar(next, true)) {
            qsizetype j = i + 1;
            while (j < in.size() && isNameChar(in.at(j), j == i + 1))
                ++j;
            out += env->value(in.mid(i + 1, j - i - 1));
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

bool Provisioning::parse(const QByteArray &yaml, ProvisioningResult *result, QString *error,
                         const QHash<QString, QString> *envIn)
{
    QHash<QString, QString> own;
    const QHash<QString, QString> *env = envIn;
    if (!env) {
        own = processEnvironment();
        env = &own;
    }
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull()) {
            *error = QCoreApplication::translate("pharos::Provisioning", "the file is empty");
            return false;
        }
        if (!root.IsMap()) {
            *error = QCoreApplication::translate(
                "pharos::Provisioning",
                "the file is not a provisioning file (expected apiVersion and "
                "datasources)");
            return false;
        }
        const QString version = text(root["apiVersion"], env).trimmed();
        if (version != QLatin1String("1")) {
            *error =
                version.isEmpty()
                    ? QCoreApplication::translate("pharos::Provisioning",
                                                  "apiVersion is missing (expected apiVersion: 1)")
                    : QCoreApplication::translate("pharos::Provisioning",
                                                  "apiVersion %1 is not supported (expected 1)")
                          .arg(version);
            return false;
        }
        if (const YAML::Node del = root["deleteDatasources"]; del && del.IsSequence()) {
            for (const YAML::Node &d : del) {
                const QString name = text(d["name"], env).trimmed();
                if (!name.isEmpty())
                    result->deleteNames << name;
            }
        }
        const YAML::Node list = root["datasources"];
        if (list && !list.IsSequence()) {
            *error =
                QCoreApplication::translate("pharos::Provisioning", "datasources must be a list");
            return false;
        }
        if (list) {
            for (const YAML::Node &n : list) {
                if (!n.IsMap()) {
                    *error = QCoreApplication::translate(
                        "pharos::Provisioning", "every entry of datasources must be a mapping");
                    return false;
                }
                if (!parseDataSource(n, env, result, error))
                    return false;
            }
        }
    } catch (const YAML::Exception &e) {
        *error = QCoreApplication::translate("pharos::Provisioning",
                                             "YAML error at line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    return true;
}

bool Provisioning::parseFile(const QString &path, ProvisioningResult *result, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("pharos::Provisioning", "%1: %2")
                     .arg(path, f.errorString());
        return false;
    }
    QString why;
    if (!parse(f.readAll(), result, &why)) {
        *error = QCoreApplication::translate("pharos::Provisioning", "%1: %2").arg(path, why);
        return false;
    }
    return true;
}

QString Provisioning::directory()
{
    return DataSourceStore::configDir() + QLatin1String("/provisioning");
}

QStringList Provisioning::defaultFiles()
{
    QStringList files;
    const QDir dir(directory());
    if (!dir.exists())
        return files;
    const QFileInfoList infos =
        dir.entryInfoList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                          QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &fi : infos)
        files << fi.absoluteFilePath();
    return files;
}

void Provisioning::merge(const ProvisioningResult &result, QList<DataSourceSettings> *sources,
                         QList<DataSourceSettings> *removed)
{
    for (const QString &name : result.deleteNames) {
        const qsizetype i = DataSourceStore::indexOf(*sources, name);
        if (i >= 0) {
            if (removed)
                removed->append(sources->at(i));
            sources->removeAt(i);
        }
    }
    QString newDefault;
    for (const ProvisionedDataSource &p : result.dataSources) {
        DataSourceSettings s = p.settings;
        qsizetype at = -1;
        if (!s.uid.isEmpty()) {
            for (qsizetype i = 0; i < sources->size(); ++i) {
                if (sources->at(i).uid == s.uid)
                    at = i;
            }
        }
        if (at < 0)
            at = DataSourceStore::indexOf(*sources, s.name);
        if (at >= 0) {
            if (s.uid.isEmpty())
                s.uid = sources->at(at).uid;
            (*sources)[at] = s;
        } else {
            if (s.uid.isEmpty())
                s.uid = DataSourceStore::makeUid(*sources, s.name);
            sources->append(s);
        }
        if (s.isDefault)
            newDefault = s.name;
    }
    if (!newDefault.isEmpty())
        DataSourceStore::setDefault(sources, newDefault);
    else
        DataSourceStore::normaliseDefaults(sources);
}

ProvisioningJob::ProvisioningJob(QStringList files, CredentialStore *store, QObject *parent)
    : QObject(parent), m_files(std::move(files)), m_store(store)
{
}

void ProvisioningJob::start()
{
    ProvisioningResult all;
    for (const QString &file : std::as_const(m_files)) {
        QString error;
        if (!Provisioning::parseFile(file, &all, &error)) {
            finish(QCoreApplication::translate("pharos::Provisioning", "Provisioning failed: %1")
                       .arg(error));
            return;
        }
    }
    m_warnings = all.warnings;
    m_sources = DataSourceStore::load();
    Provisioning::merge(all, &m_sources, &m_removed);
    QList<qsizetype> written;
    for (qsizetype k = all.dataSources.size() - 1; k >= 0; --k) {
        const ProvisionedDataSource &p = all.dataSources.at(k);
        // The merged entry carries the uid the secrets are stored under. An entry replaced by
        // a later one of the same uid or name is gone: its secrets must not end up with it.
        const qsizetype i = DataSourceStore::indexOf(m_sources, p.settings.name);
        if (i < 0 || written.contains(i))
            continue;
        written << i;
        m_names.prepend(p.settings.name);
        ProvisionedDataSource withUid = p;
        withUid.settings = m_sources.at(i);
        m_pending.prepend(withUid);
    }
    // Removed data sources lose their secrets too.
    for (const DataSourceSettings &r : std::as_const(m_removed)) {
        ProvisionedDataSource gone;
        gone.settings = r;
        m_pending << gone;
    }
    writeNext();
}

void ProvisioningJob::writeNext()
{
    while (!m_pending.isEmpty()) {
        const ProvisionedDataSource p = m_pending.takeFirst();
        if (p.secrets.isEmpty() && !p.settings.hasSecrets())
            continue;
        if (!m_store) {
            finish(QCoreApplication::translate(
                       "pharos::Provisioning",
                       "Provisioning failed: no keychain for the secrets of \"%1\".")
                       .arg(p.settings.name));
            return;
        }
        CredentialJob *job = m_store->write(p.settings.secretRef(), p.secrets);
        const QString name = p.settings.name;
        connect(job, &CredentialJob::finished, this, [this, job, name] {
            if (job->error() != CredentialJob::Error::None) {
                m_keychainUnavailable = job->error() == CredentialJob::Error::Unavailable;
                finish(QCoreApplication::translate("pharos::Provisioning",
                                                   "Provisioning \"%1\" failed: %2")
                           .arg(name, job->errorString()));
                return;
            }
            writeNext();
        });
        return;
    }
    QString error;
    if (!DataSourceStore::save(m_sources, &error)) {
        finish(QCoreApplication::translate("pharos::Provisioning", "Provisioning failed: %1")
                   .arg(error));
        return;
    }
    finish({});
}

void ProvisioningJob::finish(const QString &error)
{
    m_error = error;
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace pharos
