#pragma once

// PromQL completion: where the cursor is (context analysis over the lexer) and what can be
// typed there (functions, metric names with HELP/TYPE, label names, label values, durations,
// variables). Server lookups go through DataSource: debounced, limited, cached per data
// source and cancelled when superseded. QtCore only.

#include "datasources/datasource.h"
#include "datasources/promql/promqllexer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <vector>

namespace pharos {

/// What the text around the cursor asks for.
struct PromqlCompletionContext
{
    enum class Kind {
        None,             // inside a comment, a number, a string outside a selector, ...
        FunctionOrMetric, // an expression starts here: functions, aggregations, metric names
        Keyword,          // after an expression: operators and modifiers (by, offset, and, ...)
        LabelName,        // inside {...} of a selector, or in by/without/on/ignoring (...)
        LabelValue,       // after label=, label!=, label=~ or label!~ inside {...}
        Duration,         // inside [...]
        Variable,         // after $
    };
    Kind kind = Kind::None;
    QString prefix;               // what is typed of the word being completed (no quotes, no $)
    int replaceStart = 0;         // the text an accepted candidate replaces
    int replaceLength = 0;        //
    QString metric;               // the selector's metric name, if known
    QString label;                // LabelValue: the label whose value is typed
    QStringList matchers;         // the selector's other matchers as written: job="x", ...
    QStringList usedLabels;       // LabelName in {...}: labels already used in these braces
    QChar quote;                  // LabelValue: the opening quote already typed (null when none)
    bool closingQuote = false;    // LabelValue: the string already has its closing quote
    bool grouping = false;        // LabelName inside by/without/on/ignoring/group_x (...)
    bool operatorFollows = false; // LabelName in {...}: "=" or "!" already follows the word

    /// The series selector lookups are restricted to: metric{matchers}, or "" when nothing
    /// restricts them. Matchers holding Grafana variables are left out.
    QString selector() const;
    bool needsServer() const
    {
        return kind == Kind::FunctionOrMetric || kind == Kind::LabelName ||
               kind == Kind::LabelValue;
    }
};

/// Analyses `text` with the cursor at QChar offset `cursor`.
PromqlCompletionContext promqlCompletionContext(const QString &text, int cursor);

/// How a candidate matches what is typed (case-insensitive), best first: the whole name, its
/// start, the start of one of its words (after "_", ":", any other non-alphanumeric character,
/// or a lower-to-upper case change: "dur" in "http_request_duration_seconds"), anywhere, or
/// as a subsequence ("hrds" in "http_request_duration_seconds").
enum class PromqlMatchRank : quint8 { Exact, Prefix, WordStart, Substring, Fuzzy, None };

/// `typedLower` is what is typed, lower-cased (QString::toLower()).
PromqlMatchRank promqlMatchRank(QStringView candidate, QStringView typedLower);

/// The indices of the best `limit` candidates (all when limit <= 0) that match `typed`,
/// ordered as a user expects: by rank, then shorter first, then alphabetically.
QList<int> promqlRankCandidates(const QStringList &candidates, const QString &typed, int limit);

/// The function call around the cursor, for a signature hint: the innermost call of a function
/// or aggregation whose parentheses hold the cursor (also when it is deeper inside a selector
/// or plain parentheses of an argument), or the by/without (...) label list of an aggregation.
struct PromqlCallContext
{
    QString function;      // as in the catalogue ("rate", "sum"); empty when not in a call
    int argument = -1;     // the argument the cursor is in, from 0; -1 in the label list
    bool grouping = false; // in the aggregation's by/without (...) label list
    int openParen = -1;    // offset of the "(" of the arguments or of the label list
    bool isValid() const { return !function.isEmpty(); }
};
PromqlCallContext promqlCallContext(const QString &text, int cursor);

/// A catalogue signature split to show one argument highlighted:
/// head + arguments joined by ", " + tail is the signature.
struct PromqlSignatureParts
{
    QString head;           // "clamp(" or "topk [by|without (label, …)] ("
    QStringList arguments;  // "v instant-vector", "min scalar", ...
    QString tail;           // ") → instant-vector"
    int groupingStart = -1; // aggregations: the "[by|without (label, …)]" part of head
    int groupingLength = 0;
    /// The last argument is "…": any number of further arguments.
    bool variadic() const
    {
        return !arguments.isEmpty() && arguments.last() == QStringLiteral("…");
    }
};
PromqlSignatureParts promqlSignatureParts(const QString &signature);

/// One candidate.
struct PromqlCompletionItem
{
    enum class Kind {
        Function,
        Aggregation,
        Keyword,
        Metric,
        Label,
        LabelValue,
        Duration,
        Variable
    };
    Kind kind = Kind::Metric;
    QString label;         // shown in the list
    QString insertText;    // replaces the context's replace range
    int cursorOffset = -1; // where the cursor goes inside insertText; -1 = at its end
    QString detail;        // signature, or the metric TYPE ("counter")
    QString documentation; // description, or the metric HELP
};

/// HELP/TYPE/UNIT of one metric from /api/v1/metadata.
struct PromqlMetricMetadata
{
    QString type;
    QString help;
    QString unit;
};

/// Lookup results of one data source, shared by every completer using it (a child object of
/// the data source, so it goes away with it). Entries expire after expiryMs().
class PromqlLookupCache : public QObject
{
    Q_OBJECT
public:
    /// The cache of `source`, created on first use.
    static PromqlLookupCache *forDataSource(DataSource *source);
    static qint64 expiryMs() { return 5 * 60 * 1000; }

    /// The values lower-cased in one buffer, for fast matching of large lists (built when
    /// all values are ASCII, as metric names are).
    struct Folded
    {
        QByteArray text;         // each value followed by '\n'
        std::vector<int> starts; // where each value starts in text
    };
    struct Strings
    {
        QStringList values;
        bool truncated = false; // the server had more than the limit
        QElapsedTimer age;
        std::shared_ptr<const Folded> folded; // null when a value is not ASCII
    };
    /// nullptr when not cached or expired.
    const Strings *find(const QString &key) const;
    void insert(const QString &key, QStringList values, bool truncated);

    bool hasMetadata() const { return m_metadataLoaded && m_metadataAge.elapsed() < expiryMs(); }
    const QHash<QString, PromqlMetricMetadata> &metadata() const { return m_metadata; }
    void setMetadata(QHash<QString, PromqlMetricMetadata> metadata);
    void addMetadata(const QString &metric, const PromqlMetricMetadata &meta);
    void clear();

private:
    explicit PromqlLookupCache(QObject *parent);
    QHash<QString, Strings> m_strings;
    QHash<QString, PromqlMetricMetadata> m_metadata;
    bool m_metadataLoaded = false;
    QElapsedTimer m_metadataAge;
};

/// Produces completion candidates for PromQL text. complete() answers at once from the
/// catalogue and the cache; what the server must provide is fetched after a debounce
/// (debounceMs(), default 200 ms), limited, cached, and answered by another
/// candidatesReady(). A newer complete() supersedes older ones: their lookups are aborted
/// unless the newer one needs the same data.
class PromqlCompleter : public QObject
{
    Q_OBJECT
public:
    /// Metric names fetched at most (the server's full list beyond that is cut and narrowed
    /// with a server-side match of the names containing the typed text as the user types).
    static constexpr int MetricNameLimit = 20000;
    static constexpr int MetadataLimit = 20000; // metrics in one /api/v1/metadata answer
    static constexpr int LabelValueLimit = 1000;
    static constexpr int LabelNameLimit = 1000;

    explicit PromqlCompleter(QObject *parent = nullptr);
    ~PromqlCompleter() override;

    void setDataSource(DataSource *source);
    DataSource *dataSource() const { return m_source; }
    /// Dashboard variable names (without "$"), offered after "$".
    void setVariables(const QStringList &names) { m_variables = names; }
    QStringList variables() const { return m_variables; }
    /// Restricts label lookups to a time range (unix ms; 0 = the server's default).
    void setTimeRange(qint64 startMs, qint64 endMs);
    qint64 startMs() const { return m_startMs; }
    qint64 endMs() const { return m_endMs; }
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    int debounceMs() const { return m_debounce.interval(); }
    /// Metric names fetched at most (default MetricNameLimit).
    void setMetricNameLimit(int n) { m_metricNameLimit = n; }
    int metricNameLimit() const { return m_metricNameLimit; }
    /// Candidates returned at most per answer (default 500).
    void setMaxItems(int n) { m_maxItems = n; }

    /// Asks for candidates at `cursor`. candidatesReady() follows (at once when nothing must
    /// be fetched, again when fetched data arrives).
    void complete(const QString &text, int cursor);
    /// Sends the current request's lookups now instead of after the debounce (Ctrl+Space).
    void fetchNow();
    /// Drops the current request and aborts its lookups.
    void cancel();
    /// True while lookups for the current request wait for the debounce or the server.
    bool isFetching() const;
    /// Lookups sent to the data source so far (for tests and diagnostics).
    int requestCount() const { return m_requestCount; }

    /// The candidates for `context` from the catalogue and what is cached now.
    QList<PromqlCompletionItem> candidates(const PromqlCompletionContext &context) const;

Q_SIGNALS:
    void candidatesReady(const pharos::PromqlCompletionContext &context,
                         const QList<pharos::PromqlCompletionItem> &items);
    /// A lookup failed (never for cancelled ones): a translated message.
    void lookupFailed(const QString &message);

private:
    struct Lookup
    {
        QString key;  // cache key
        int type = 0; // what to fetch
        QString arg;  // label or prefix
        QString selector;
    };
    QList<Lookup> lookupsFor(const PromqlCompletionContext &context) const;
    bool isCached(const Lookup &lookup) const;
    void startLookups();
    void onReplyFinished(const QString &key);
    void answer();
    PromqlLookupCache *cache() const;
    const PromqlLookupCache::Strings *metricNames(const QString &prefix, bool *complete) const;

    QPointer<DataSource> m_source;
    QStringList m_variables;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    int m_maxItems = 500;
    int m_metricNameLimit = MetricNameLimit;
    QTimer m_debounce;
    QString m_text;
    int m_cursor = 0;
    bool m_active = false;
    QList<Lookup> m_wanted;
    QHash<QString, QPointer<DataSourceReply>> m_inFlight;
    QHash<QString, Lookup> m_inFlightLookup;
    int m_requestCount = 0;
};

} // namespace pharos
