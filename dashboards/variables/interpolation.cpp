#include "dashboards/variables/interpolation.h"

#include "dashboards/query/interval.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimeZone>
#include <QUrl>
#include <vector>

namespace pharos {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

/// Where a character of a PromQL expression sits.
struct PromContext
{
    enum Kind : quint8 { Code, String, RegexString, Comment };
    Kind kind = Code;
    QChar quote;
};

/// Classifies every position of a PromQL text: code, inside a string literal (and whether
/// that literal is the right side of =~ or !~), or inside a # comment.
std::vector<PromContext> classifyPromQL(const QString &text)
{
    const int n = int(text.size());
    std::vector<PromContext> out(size_t(n) + 1);
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                out[size_t(i++)].kind = PromContext::Comment;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            int j = i - 1;
            while (j >= 0 && text.at(j).isSpace())
                --j;
            const bool regex =
                j >= 1 && text.at(j) == QLatin1Char('~') &&
                (text.at(j - 1) == QLatin1Char('=') || text.at(j - 1) == QLatin1Char('!'));
            const PromContext ctx{regex ? PromContext::RegexString : PromContext::String, c};
            int k = i + 1;
            while (k < n && text.at(k) != c) {
                if (c != QLatin1Char('`') && text.at(k) == QLatin1Char('\\') && k + 1 < n) {
                    out[size_t(k)] = ctx;
                    ++k;
                }
                out[size_t(k)] = ctx;
                ++k;
            }
            i = k + 1; // past the closing quote (or the end)
            continue;
        }
        ++i;
    }
    return out;
}

QString joinGroup(const QStringList &escaped)
{
    if (escaped.size() == 1)
        return escaped.first();
    return QLatin1Char('(') + escaped.join(QLatin1Char('|')) + QLatin1Char(')');
}

QString formatDate(qint64 ms, const QString &argument)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toUTC();
    if (argument.isEmpty() || argument == QLatin1String("iso"))
        return t.toString(Qt::ISODateWithMs);
    if (argument == QLatin1String("seconds"))
        return QString::number(ms / 1000);
    // A moment.js-style pattern: the common tokens, everything else literal.
    static const std::pair<const char *, const char *> tokens[] = {
        {"YYYY", "yyyy"}, {"YY", "yy"}, {"MM", "MM"}, {"DD", "dd"},
        {"HH", "HH"},     {"mm", "mm"}, {"ss", "ss"}, {"SSS", "zzz"}};
    QString qt;
    int i = 0;
    while (i < argument.size()) {
        bool matched = false;
        for (const auto &[from, to] : tokens) {
            const QLatin1String f(from);
            if (QStringView(argument).mid(i).startsWith(f)) {
                qt += QLatin1String(to);
                i += int(f.size());
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        const QChar c = argument.at(i++);
        if (c.isLetter())
            qt += QLatin1Char('\'') + c + QLatin1Char('\'');
        else if (c == QLatin1Char('\''))
            qt += QLatin1String("''");
        else
            qt += c;
    }
    return t.toString(qt);
}

} // namespace

QStringList VariableValue::effectiveValues() const
{
    if (!isAll)
        return values;
    if (hasCustomAllValue)
        return {customAllValue};
    return allValues;
}

QStringList VariableValue::effectiveTexts() const
{
    if (isAll)
        return {QStringLiteral("All")};
    return texts.size() == values.size() ? texts : values;
}

VariableValue VariableValue::single(const QString &value, const QString &text)
{
    VariableValue v;
    v.values = {value};
    v.texts = {text.isNull() ? value : text};
    return v;
}

const VariableValue *InterpolationContext::find(const QString &name) const
{
    auto s = scoped.constFind(name);
    if (s != scoped.constEnd())
        return &s.value();
    auto v = variables.constFind(name);
    if (v != variables.constEnd())
        return &v.value();
    return nullptr;
}

QString regexEscape(const QString &value)
{
    static const QString special = QStringLiteral("\\^$.|?*+()[]{}");
    QString out;
    out.reserve(value.size() + 4);
    for (const QChar c : value) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString promqlStringEscape(const QString &value, QChar quote)
{
    if (quote == QLatin1Char('`'))
        return value; // raw string: nothing can be escaped
    QString out;
    out.reserve(value.size() + 4);
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == quote)
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QLatin1String("\\n");
            continue;
        }
        out += c;
    }
    return out;
}

QString formatVariable(const QString &name, const VariableValue &value, const QString &format,
                       const QString &argument)
{
    Q_UNUSED(argument);
    const QStringList values = value.effectiveValues();
    const bool customAll = value.isAll && value.hasCustomAllValue;
    const bool many = values.size() != 1 || value.multi;
    const QString f = format.trimmed().toLower();
    if (f == QLatin1String("raw"))
        return values.join(QLatin1Char(','));
    if (f == QLatin1String("regex")) {
        if (customAll)
            return value.customAllValue;
        QStringList escaped;
        for (const QString &v : values)
            escaped << regexEscape(v);
        return escaped.isEmpty() ? QString() : joinGroup(escaped);
    }
    if (f == QLatin1String("pipe"))
        return values.join(QLatin1Char('|'));
    if (f == QLatin1String("csv"))
        return values.join(QLatin1Char(','));
    if (f == QLatin1String("json")) {
        if (!many && values.size() == 1)
            return QString::fromUtf8(
                       QJsonDocument(QJsonArray{values.first()}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1);
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
    }
    if (f == QLatin1String("doublequote") || f == QLatin1String("singlequote")) {
        const QChar q = f == QLatin1String("doublequote") ? QLatin1Char('"') : QLatin1Char('\'');
        QStringList quoted;
        for (QString v : values) {
            v.replace(q, QString(QLatin1Char('\\')) + q);
            quoted << q + v + q;
        }
        return quoted.join(QLatin1Char(','));
    }
    if (f == QLatin1String("text"))
        return value.effectiveTexts().join(QLatin1String(" + "));
    if (f == QLatin1String("queryparam")) {
        const QString key =
            QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("var-") + name));
        const QStringList list = value.isAll && !value.hasCustomAllValue
                                     ? QStringList{QStringLiteral("$__all")}
                                     : values;
        QStringList parts;
        for (const QString &v : list)
            parts << key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(v));
        return parts.join(QLatin1Char('&'));
    }
    if (f == QLatin1String("percentencode")) {
        const QString joined =
            many && values.size() != 1
                ? QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}')
                : values.join(QLatin1Char(','));
        return QString::fromLatin1(QUrl::toPercentEncoding(joined));
    }
    // glob, and the fallback for unknown formats
    if (values.size() > 1)
        return QLatin1Char('{') + values.join(QLatin1Char(',')) + QLatin1Char('}');
    return values.join(QLatin1Char(','));
}

namespace {

/// A built-in's value, or nullopt when it is unknown or unset.
std::optional<QString> builtin(const QString &name, const QString &format, const QString &arg,
                               const InterpolationContext &c)
{
    if (!name.startsWith(QLatin1String("__")))
        return std::nullopt;
    const bool haveRange = c.fromMs && c.toMs;
    const qint64 rangeMs = haveRange ? *c.toMs - *c.fromMs : 0;
    if (name == QLatin1String("__interval") && c.intervalMs)
        return formatDurationMs(*c.intervalMs);
    if (name == QLatin1String("__interval_ms") && c.intervalMs)
        return QString::number(*c.intervalMs);
    if (name == QLatin1String("__rate_interval") && c.rateIntervalMs)
        return formatDurationMs(*c.rateIntervalMs);
    if (name == QLatin1String("__rate_interval_ms") && c.rateIntervalMs)
        return QString::number(*c.rateIntervalMs);
    if (haveRange) {
        const qint64 rangeS = (rangeMs + 500) / 1000;
        if (name == QLatin1String("__range"))
            return QString::number(rangeS) + QLatin1Char('s');
        if (name == QLatin1String("__range_s"))
            return QString::number(rangeS);
        if (name == QLatin1String("__range_ms"))
            return QString::number(rangeMs);
        if (name == QLatin1String("__from") || name == QLatin1String("__to")) {
            const qint64 ms = name == QLatin1String("__from") ? *c.fromMs : *c.toMs;
            if (format == QLatin1String("date"))
                return formatDate(ms, arg);
            return QString::number(ms);
        }
        if (name == QLatin1String("__url_time_range"))
            return QStringLiteral("from=%1&to=%2").arg(*c.fromMs).arg(*c.toMs);
    }
    if (name == QLatin1String("__dashboard"))
        return c.dashboardTitle;
    if (name == QLatin1String("__timezone"))
        return c.timezone.isEmpty() ? QStringLiteral("browser") : c.timezone;
    if (name == QLatin1String("__all_variables")) {
        QStringList keys = c.variables.keys();
        keys.sort();
        QStringList parts;
        for (const QString &k : keys) {
            if (const VariableValue *v = c.find(k))
                parts << formatVariable(k, *v, QStringLiteral("queryparam"));
        }
        return parts.join(QLatin1Char('&'));
    }
    return std::nullopt;
}

struct Reference
{
    int start = 0;
    int end = 0; // one past
    QString name;
    QString format;
    QString argument;
    bool valid = false;
};

/// Parses a variable reference at `i` ('$' or '['), if any.
Reference parseReference(const QString &text, int i)
{
    Reference r;
    const int n = int(text.size());
    r.start = i;
    auto splitFormat = [&r](const QString &inner) {
        QString spec = inner;
        const int colon = int(spec.indexOf(QLatin1Char(':')));
        QString namePart = colon >= 0 ? spec.left(colon) : spec;
        if (colon >= 0) {
            const QString fmt = spec.mid(colon + 1);
            const int colon2 = int(fmt.indexOf(QLatin1Char(':')));
            r.format = colon2 >= 0 ? fmt.left(colon2) : fmt;
            r.argument = colon2 >= 0 ? fmt.mid(colon2 + 1) : QString();
        }
        const int dot = int(namePart.indexOf(QLatin1Char('.')));
        if (dot >= 0)
            namePart = namePart.left(dot); // field paths (${var.field}) are not supported
        if (namePart.isEmpty())
            return false;
        for (const QChar c : namePart) {
            if (!isWordChar(c))
                return false;
        }
        r.name = namePart;
        return true;
    };
    if (text.at(i) == QLatin1Char('$')) {
        if (i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            const int close = int(text.indexOf(QLatin1Char('}'), i + 2));
            if (close < 0)
                return r;
            if (!splitFormat(text.mid(i + 2, close - i - 2)))
                return r;
            r.end = close + 1;
            r.valid = true;
            return r;
        }
        int j = i + 1;
        while (j < n && isWordChar(text.at(j)))
            ++j;
        if (j == i + 1)
            return r;
        r.name = text.mid(i + 1, j - i - 1);
        r.end = j;
        r.valid = true;
        return r;
    }
    if (text.at(i) == QLatin1Char('[') && i + 1 < n && text.at(i + 1) == QLatin1Char('[')) {
        const int close = int(text.indexOf(QLatin1String("]]"), i + 2));
        if (close < 0)
            return r;
        if (!splitFormat(text.mid(i + 2, close - i - 2)))
            return r;
        r.end = close + 2;
        r.valid = true;
    }
    return r;
}

} // namespace

QString interpolate(const QString &text, const InterpolationContext &context,
                    InterpolationMode mode)
{
    if (!text.contains(QLatin1Char('$')) && !text.contains(QLatin1String("[[")))
        return text;
    std::vector<PromContext> prom;
    if (mode == InterpolationMode::PromQL)
        prom = classifyPromQL(text);
    QString out;
    out.reserve(text.size() + 16);
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') && c != QLatin1Char('[')) {
            out += c;
            ++i;
            continue;
        }
        const Reference ref = parseReference(text, i);
        if (!ref.valid) {
            out += c;
            ++i;
            continue;
        }
        if (const auto b = builtin(ref.name, ref.format, ref.argument, context)) {
            out += *b;
            i = ref.end;
            continue;
        }
        const VariableValue *value = context.find(ref.name);
        if (!value) {
            out += text.mid(ref.start, ref.end - ref.start);
            i = ref.end;
            continue;
        }
        i = ref.end;
        if (!ref.format.isEmpty()) {
            out += formatVariable(ref.name, *value, ref.format, ref.argument);
            continue;
        }
        const QStringList values = value->effectiveValues();
        switch (mode) {
        case InterpolationMode::Text:
            out += value->effectiveTexts().join(QLatin1String(" + "));
            break;
        case InterpolationMode::Plain:
            out += formatVariable(ref.name, *value, QStringLiteral("glob"));
            break;
        case InterpolationMode::Regex:
            out += formatVariable(ref.name, *value, QStringLiteral("regex"));
            break;
        case InterpolationMode::PromQL: {
            if (value->isAll && value->hasCustomAllValue) {
                out += value->customAllValue; // never escaped, as Grafana does
                break;
            }
            const PromContext where = prom[size_t(ref.start)];
            const bool many = values.size() != 1;
            if (where.kind == PromContext::RegexString ||
                (many && where.kind == PromContext::String)) {
                QStringList escaped;
                for (const QString &v : values)
                    escaped << promqlStringEscape(regexEscape(v), where.quote);
                out += escaped.isEmpty() ? QString() : joinGroup(escaped);
            } else if (where.kind == PromContext::String) {
                out += promqlStringEscape(values.first(), where.quote);
            } else if (many && where.kind == PromContext::Code) {
                QStringList escaped;
                for (const QString &v : values)
                    escaped << regexEscape(v);
                out += escaped.isEmpty() ? QString() : joinGroup(escaped);
            } else {
                out += values.join(QLatin1Char(','));
            }
            break;
        }
        }
    }
    return out;
}

QStringList referencedVariables(const QString &text)
{
    QStringList names;
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('$') && c != QLatin1Char('['))
            continue;
        const Reference ref = parseReference(text, i);
        if (!ref.valid)
            continue;
        if (!ref.name.startsWith(QLatin1String("__")) && !names.contains(ref.name))
            names << ref.name;
        i = ref.end - 1;
    }
    return names;
}

} // namespace pharos
