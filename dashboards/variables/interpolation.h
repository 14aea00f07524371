#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pharos {

/// The value of one template variable as interpolation sees it (a snapshot).
struct VariableValue
{
    QStringList values; // selected values; for All: empty and isAll = true
    QStringList texts;  // display texts, parallel to `values`
    bool isAll = false;
    QStringList allValues;  // every option value except All (what All stands for)
    QStringList allTexts;   // their texts
    QString customAllValue; // Grafana's `allValue`; used as is when set
    bool hasCustomAllValue = false;
    bool multi = false; // multi-value or include-All: PromQL gets a regex group

    /// The values All or the selection stands for (All -> allValues).
    QStringList effectiveValues() const;
    QStringList effectiveTexts() const;
    static VariableValue single(const QString &value, const QString &text = {});
};

/// Ad hoc filter: one label matcher added to every selector of a data source's queries.
struct AdhocFilter
{
    QString key;
    QString op = QStringLiteral("="); // =, !=, =~, !~
    QString value;
    bool operator==(const AdhocFilter &) const = default;
};

/// Everything `$name` can resolve to: the dashboard's variables, repeat-scoped values and
/// the built-ins ($__interval, $__range, $__from, $__dashboard, ...).
struct InterpolationContext
{
    QHash<QString, VariableValue> variables;
    /// Repeat clones: the repeat variable's single value; wins over `variables`.
    QHash<QString, VariableValue> scoped;

    // Built-ins. Unset ones are left as written ($__interval outside a query, ...).
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
    std::optional<qint64> intervalMs;
    std::optional<qint64> rateIntervalMs;
    QString dashboardTitle; // $__dashboard
    QString dashboardUid;
    QString timezone; // $__timezone

    /// Ad hoc filters by data-source name ("" = the default data source), from every ad hoc
    /// variable.
    struct Adhoc
    {
        QString datasourceRef; // the variable's datasource as written (name/uid or "")
        QList<AdhocFilter> filters;
    };
    QList<Adhoc> adhoc;

    const VariableValue *find(const QString &name) const;
};

/// Where the text goes: decides how a variable without an explicit `:format` is written.
enum class InterpolationMode {
    Plain,  // Grafana's default: single values raw; multi-values as glob {a,b}
    Text,   // titles: display texts, multi-values joined by " + "
    PromQL, // queries: string/regex-aware escaping, multi-values as (a|b)
    Regex,  // a variable's regex option: multi-values as (a|b), values regex-escaped
};

/// Replaces $var, ${var}, ${var:format}, [[var]], [[var:format]] and the built-ins.
/// Unknown variables stay as written. Formats: raw, regex, pipe, csv, json, doublequote,
/// singlequote, text, queryparam, glob, percentencode, lucene-free subset; ${__from:date:iso},
/// ${__from:date:seconds}, ${__to:date}.
QString interpolate(const QString &text, const InterpolationContext &context,
                    InterpolationMode mode = InterpolationMode::Plain);

/// Names of the variables `text` references ($a, ${a}, [[a]]; built-ins excluded).
QStringList referencedVariables(const QString &text);

/// Formats values the way `${name:format}` does. Unknown formats fall back to glob.
QString formatVariable(const QString &name, const VariableValue &value, const QString &format,
                       const QString &argument = {});

/// Escapes every regex metacharacter (RE2 syntax) of `value`.
QString regexEscape(const QString &value);
/// Escapes `value` for a PromQL string literal quoted with `quote` (", ' or `).
QString promqlStringEscape(const QString &value, QChar quote = QLatin1Char('"'));

} // namespace pharos
