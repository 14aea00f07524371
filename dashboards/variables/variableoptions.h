#pragma once

// The pure functions behind a variable's options: sorting, the regex filter and custom
// variable lists (no data source, no state). The engine that computes options is
// VariableSet (variables.h).

#include <QLatin1String>
#include <QList>
#include <QString>

namespace pharos {

/// One choice of a variable: what is shown and what is interpolated.
struct VariableOption
{
    QString text;
    QString value;
    bool operator==(const VariableOption &) const = default;
};

/// The value Grafana stores for "All".
inline constexpr QLatin1String kAllValue("$__all");

/// Grafana's sort modes (the `sort` field).
enum class VariableSort {
    Disabled = 0,
    AlphabeticalAsc = 1,
    AlphabeticalDesc = 2,
    NumericalAsc = 3,
    NumericalDesc = 4,
    AlphabeticalCaseInsensitiveAsc = 5,
    AlphabeticalCaseInsensitiveDesc = 6,
    NaturalAsc = 7,
    NaturalDesc = 8,
};

/// Sorts options by Grafana's sort mode (0 leaves the order).
void sortOptions(QList<VariableOption> &options, int sortMode);
/// Applies a variable's regex option: keeps matching values; a capture group (or the named
/// groups `text` and `value`) picks the text and value. Duplicated values are dropped.
/// An invalid regex sets *error and returns the input unchanged.
QList<VariableOption> applyVariableRegex(const QList<VariableOption> &options, const QString &regex,
                                         QString *error = nullptr);
/// Parses a custom variable's query: comma-separated (`\,` escapes a comma), `key : value`.
QList<VariableOption> parseCustomOptions(const QString &query);

} // namespace pharos
