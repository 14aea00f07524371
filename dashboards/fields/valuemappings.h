#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <optional>

namespace pharos {

/// What a matching value mapping shows instead of the value.
struct MappingResult
{
    bool hasText = false; // the text replaces the displayed one; else the formatted value stays
    QString text;
    QString color;            // Grafana colour name or CSS; empty = keep the usual colour
    std::optional<int> index; // the mapping's order hint (Grafana "index")
};

/// One entry of `fieldConfig.defaults.mappings`.
struct ValueMapping
{
    enum class Type { Value, Range, Regex, Special };
    enum class Special { Null, NaN, NullNaN, True, False, Empty };
    Type type = Type::Value;
    // Value: the exact texts that map, each with its result (in file order).
    QList<std::pair<QString, MappingResult>> values;
    // Range: [from, to], inclusive; an unset end is open.
    std::optional<double> from;
    std::optional<double> to;
    // Regex: the pattern (Grafana also accepts "/pattern/flags").
    QRegularExpression regex;
    bool regexGlobal = false;
    // Special: what it matches.
    Special special = Special::Null;
    // Range, Regex and Special: the result.
    MappingResult result;
};

/// Grafana value mappings: the first mapping (in file order) that matches a value decides its
/// text and colour. Types: "value" (exact text of the value), "range" (from <= v <= to),
/// "regex" (the pattern matches the value's text; the result text may use $1.. and replaces
/// the matched part) and "special" ("null", "nan", "null+nan", "true", "false", "empty").
/// Prometheus has no null samples: a missing value (NaN, e.g. the reduction of an empty
/// series) matches both "null" and "nan". Legacy forms are read too: `{"type": 1, "value",
/// "text"}` (value) and `{"type": 2, "from", "to", "text"}` (range).
class ValueMappings
{
public:
    ValueMappings() = default;
    static ValueMappings fromJson(const QJsonArray &mappings);
    /// `fieldConfig.defaults.mappings` of a panel object.
    static ValueMappings fromPanel(const QJsonObject &panel);

    bool isEmpty() const { return m_mappings.isEmpty(); }
    qsizetype size() const { return m_mappings.size(); }
    const QList<ValueMapping> &mappings() const { return m_mappings; }

    /// The mapping of a number (NaN = missing), or nullopt when none matches.
    std::optional<MappingResult> map(double value) const;
    /// The mapping of a text value (e.g. a label in a table cell). A text that is a number
    /// also matches ranges.
    std::optional<MappingResult> mapText(const QString &text) const;

    /// The text JavaScript shows for a number ("1", "0.5", "1e+21", "NaN"), which value and
    /// regex mappings compare against.
    static QString numberText(double value);

private:
    std::optional<MappingResult> match(const QString &text, std::optional<double> number,
                                       bool missing) const;
    QList<ValueMapping> m_mappings;
};

} // namespace pharos
