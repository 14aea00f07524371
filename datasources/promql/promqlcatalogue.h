#pragma once

// The PromQL vocabulary of Prometheus 2.42: every function, aggregation and keyword with a
// signature and a short description (translated). QtCore only.

#include <QList>
#include <QString>
#include <QStringView>

namespace pharos {

struct PromqlCatalogueEntry
{
    enum class Kind { Function, Aggregation, Keyword, BinaryOperator };
    Kind kind = Kind::Function;
    const char *name = nullptr;
    /// E.g. "rate(v range-vector) → instant-vector" (not translated: PromQL syntax).
    const char *signature = nullptr;
    /// English source text of the description; use description() for the translated text.
    const char *doc = nullptr;
    /// True for the experimental native-histogram functions.
    bool experimental = false;

    QString nameString() const { return QString::fromLatin1(name); }
    QString signatureString() const { return QString::fromUtf8(signature); }
    /// The description in the user's language.
    QString description() const;
    /// Functions and aggregations take arguments: completion inserts "name()".
    bool takesArguments() const { return kind == Kind::Function || kind == Kind::Aggregation; }
};

class PromqlCatalogue
{
public:
    /// Every entry, functions and aggregations first, in alphabetical order per kind.
    static const QList<PromqlCatalogueEntry> &entries();
    /// The entry of that exact name, or nullptr.
    static const PromqlCatalogueEntry *find(QStringView name);
    static bool isFunction(QStringView name);
    static bool isAggregation(QStringView name);
    /// by, without, on, ignoring, group_left, group_right, offset, bool.
    static bool isKeyword(QStringView name);
    /// and, or, unless, atan2 (case-insensitive like Prometheus).
    static bool isWordOperator(QStringView name);
    /// by, without, on, ignoring, group_left, group_right: followed by a label list.
    static bool takesLabelList(QStringView name);
};

} // namespace pharos
