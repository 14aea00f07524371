#include "dashboards/fields/valuemappings.h"
#include "dashboards/model/jsonvalue.h"

#include <QLocale>
#include <algorithm>
#include <climits>
#include <cmath>

namespace pharos {

namespace {

using json::number;

MappingResult parseResult(const QJsonObject &o)
{
    MappingResult r;
    const QJsonValue text = o.value(QLatin1String("text"));
    if (text.isString()) {
        r.text = text.toString();
        r.hasText = true;
    } else if (text.isDouble()) {
        r.text = ValueMappings::numberText(text.toDouble());
        r.hasText = true;
    }
    r.color = o.value(QLatin1String("color")).toString();
    if (const auto i = number(o.value(QLatin1String("index"))))
        r.index = json::saturatedInt(*i);
    return r;
}

/// "/pattern/flags" (JavaScript style) or a plain pattern.
void parseRegex(const QString &source, ValueMapping &m)
{
    QString pattern = source;
    QRegularExpression::PatternOptions options;
    if (source.size() >= 2 && source.startsWith(QLatin1Char('/'))) {
        const qsizetype end = source.lastIndexOf(QLatin1Char('/'));
        if (end > 0) {
            const QString flags = source.mid(end + 1);
            bool flagsOk = true;
            for (QChar c : flags)
                flagsOk = flagsOk && QStringLiteral("gimsuy").contains(c);
            if (flagsOk) {
                pattern = source.mid(1, end - 1);
                if (flags.contains(QLatin1Char('i')))
                    options |= QRegularExpression::CaseInsensitiveOption;
                if (flags.contains(QLatin1Char('m')))
                    options |= QRegularExpression::MultilineOption;
                if (flags.contains(QLatin1Char('s')))
                    options |= QRegularExpression::DotMatchesEverythingOption;
                m.regexGlobal = flags.contains(QLatin1Char('g'));
            }
        }
    }
    m.regex = QRegularExpression(pattern, options);
}

/// Expands $1..$99, $& and $$ in a regex result text (JavaScript's replace() syntax).
QString expandTemplate(const QString &tmpl, const QRegularExpressionMatch &m)
{
    QString out;
    out.reserve(tmpl.size());
    for (qsizetype i = 0; i < tmpl.size(); ++i) {
        const QChar c = tmpl.at(i);
        if (c != QLatin1Char('$') || i + 1 >= tmpl.size()) {
            out += c;
            continue;
        }
        const QChar n = tmpl.at(i + 1);
        if (n == QLatin1Char('$')) {
            out += QLatin1Char('$');
            ++i;
        } else if (n == QLatin1Char('&')) {
            out += m.captured(0);
            ++i;
        } else if (n.isDigit()) {
            int group = n.digitValue();
            qsizetype used = 1;
            if (i + 2 < tmpl.size() && tmpl.at(i + 2).isDigit()) {
                const int two = group * 10 + tmpl.at(i + 2).digitValue();
                if (two <= m.lastCapturedIndex()) {
                    group = two;
                    used = 2;
                }
            }
            if (group == 0 || group > m.lastCapturedIndex()) {
                out += c; // not a group: literal, as JavaScript does
                continue;
            }
            out += m.captured(group);
            i += used;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QString ValueMappings::numberText(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (value == std::floor(value) && std::fabs(value) < 1e21)
        return QString::number(value, 'f', 0);
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

ValueMappings ValueMappings::fromPanel(const QJsonObject &panel)
{
    return fromJson(panel.value(QLatin1String("fieldConfig"))
                        .toObject()
                        .value(QLatin1String("defaults"))
                        .toObject()
                        .value(QLatin1String("mappings"))
                        .toArray());
}

ValueMappings ValueMappings::fromJson(const QJsonArray &mappings)
{
    ValueMappings out;
    for (const QJsonValue &v : mappings) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            continue;
        const QJsonValue typeValue = o.value(QLatin1String("type"));
        const QJsonObject options = o.value(QLatin1String("options")).toObject();
        ValueMapping m;
        // Legacy (Grafana 7): numeric types with value/from/to/text on the object itself.
        if (typeValue.isDouble()) {
            MappingResult r;
            r.text = o.value(QLatin1String("text")).toVariant().toString();
            r.hasText = true;
            if (typeValue.toInt() == 2) {
                m.type = ValueMapping::Type::Range;
                m.from = number(o.value(QLatin1String("from")));
                m.to = number(o.value(QLatin1String("to")));
                m.result = r;
            } else {
                m.type = ValueMapping::Type::Value;
                const QString value = o.value(QLatin1String("value")).toVariant().toString();
                if (value == QLatin1String("null")) {
                    m.type = ValueMapping::Type::Special;
                    m.special = ValueMapping::Special::Null;
                    m.result = r;
                } else {
                    m.values.append({value, r});
                }
            }
            out.m_mappings.append(m);
            continue;
        }
        const QString type = typeValue.toString();
        if (type == QLatin1String("value")) {
            m.type = ValueMapping::Type::Value;
            QList<std::pair<QString, MappingResult>> entries;
            for (auto it = options.begin(); it != options.end(); ++it)
                entries.append({it.key(), parseResult(it.value().toObject())});
            // JSON objects have no order in Qt: keep Grafana's "index" order when given.
            std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
                return a.second.index.value_or(INT_MAX) < b.second.index.value_or(INT_MAX);
            });
            m.values = entries;
        } else if (type == QLatin1String("range")) {
            m.type = ValueMapping::Type::Range;
            m.from = number(options.value(QLatin1String("from")));
            m.to = number(options.value(QLatin1String("to")));
            m.result = parseResult(options.value(QLatin1String("result")).toObject());
        } else if (type == QLatin1String("regex")) {
            m.type = ValueMapping::Type::Regex;
            parseRegex(options.value(QLatin1String("pattern")).toString(), m);
            if (!m.regex.isValid() || m.regex.pattern().isEmpty())
                continue;
            m.result = parseResult(options.value(QLatin1String("result")).toObject());
        } else if (type == QLatin1String("special")) {
            m.type = ValueMapping::Type::Special;
            const QString match = options.value(QLatin1String("match")).toString();
            if (match == QLatin1String("null"))
                m.special = ValueMapping::Special::Null;
            else if (match == QLatin1String("nan"))
                m.special = ValueMapping::Special::NaN;
            else if (match == QLatin1String("null+nan"))
                m.special = ValueMapping::Special::NullNaN;
            else if (match == QLatin1String("true"))
                m.special = ValueMapping::Special::True;
            else if (match == QLatin1String("false"))
                m.special = ValueMapping::Special::False;
            else if (match == QLatin1String("empty"))
                m.special = ValueMapping::Special::Empty;
            else
                continue;
            m.result = parseResult(options.value(QLatin1String("result")).toObject());
        } else {
            continue; // unknown type: ignored, the value shows as is
        }
        out.m_mappings.append(m);
    }
    return out;
}

std::optional<MappingResult> ValueMappings::map(double value) const
{
    if (m_mappings.isEmpty())
        return std::nullopt;
    return match(numberText(value), value, std::isnan(value));
}

std::optional<MappingResult> ValueMappings::mapText(const QString &text) const
{
    if (m_mappings.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    return match(text, ok ? std::optional<double>(d) : std::nullopt, false);
}

std::optional<MappingResult> ValueMappings::match(const QString &text, std::optional<double> num,
                                                  bool missing) const
{
    for (const ValueMapping &m : m_mappings) {
        switch (m.type) {
        case ValueMapping::Type::Value:
            if (missing)
                break;
            for (const auto &[key, result] : m.values) {
                if (key == text)
                    return result;
                // "1.0" in the file matches the number 1 as well.
                bool ok = false;
                const double k = key.trimmed().toDouble(&ok);
                if (ok && num && k == *num)
                    return result;
            }
            break;
        case ValueMapping::Type::Range:
            if (missing || !num || std::isnan(*num) || (!m.from && !m.to))
                break;
            if ((!m.from || *num >= *m.from) && (!m.to || *num <= *m.to))
                return m.result;
            break;
        case ValueMapping::Type::Regex: {
            if (missing)
                break;
            QRegularExpressionMatch first = m.regex.match(text);
            if (!first.hasMatch())
                break;
            MappingResult r = m.result;
            if (r.hasText) {
                // The matched part is replaced (all matches with the "g" flag).
                QString out;
                qsizetype pos = 0;
                QRegularExpressionMatchIterator it = m.regex.globalMatch(text);
                while (it.hasNext()) {
                    const QRegularExpressionMatch mm = it.next();
                    out += text.mid(pos, mm.capturedStart() - pos);
                    out += expandTemplate(r.text, mm);
                    pos = mm.capturedEnd();
                    if (!m.regexGlobal)
                        break;
                    if (mm.capturedLength() == 0)
                        break; // an empty match would repeat forever
                }
                out += text.mid(pos);
                r.text = out;
            }
            return r;
        }
        case ValueMapping::Type::Special:
            switch (m.special) {
            case ValueMapping::Special::Null:
            case ValueMapping::Special::NaN:
            case ValueMapping::Special::NullNaN:
                if (missing || (num && std::isnan(*num)))
                    return m.result;
                break;
            case ValueMapping::Special::True:
                if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                    return m.result;
                break;
            case ValueMapping::Special::False:
                if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                    return m.result;
                break;
            case ValueMapping::Special::Empty:
                if (!missing && text.isEmpty())
                    return m.result;
                break;
            }
            break;
        }
    }
    return std::nullopt;
}

} // namespace pharos
