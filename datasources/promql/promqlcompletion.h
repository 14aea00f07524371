#pragma once

// PromQL completion: what can be typed at the cursor (functions, metric names with HELP/TYPE,
// label names, label values, durations, variables). Server lookups go through DataSource:
// debounced, limited, cached per data source and cancelled when superseded. QtCore only.
// The cursor context, the ranking, the signature hints and the lookup cache have their own
// headers, included here.

#include "datasources/datasource.h"
#include "datasources/promql/promqlcompletioncache.h"
#include "datasources/promql/promqlcontext.h"
#include "datasources/promql/promqllexer.h"
#include "datasources/promql/promqlranker.h"
#include "datasources/promql/promqlsignatures.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace pharos {

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
