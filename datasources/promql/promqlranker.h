#pragma once

// Ranking completion candidates against what is typed: the match rank of one name, and a
// ranker that merges several candidate lists (the catalogue, metric names, ...) and keeps the
// best. Large ASCII lists are matched through one lower-cased buffer. QtCore only.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <algorithm>
#include <memory>
#include <vector>

namespace pharos {

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

/// Values lower-cased in one buffer, for fast matching of large lists (metric names).
struct PromqlFoldedNames
{
    QByteArray text;         // each value followed by '\n'
    std::vector<int> starts; // where each value starts in text
};
/// `values` folded, or nullptr when one of them is not ASCII (or holds a newline).
std::shared_ptr<const PromqlFoldedNames> promqlFoldNames(const QStringList &values);

/// One match of PromqlMatchRanker: entry `index` of candidate list `list`.
struct PromqlRankedMatch
{
    PromqlMatchRank rank;
    int length;
    int list;
    int index;
};

/// Candidates from several lists (catalogue, metric names, ...) ranked together.
class PromqlMatchRanker
{
public:
    explicit PromqlMatchRanker(const QString &typed) : m_typed(typed.toLower()) {}
    void add(QStringView name, int list, int index)
    {
        const PromqlMatchRank r = promqlMatchRank(name, m_typed);
        if (r != PromqlMatchRank::None)
            m_matches.push_back(PromqlRankedMatch{r, int(name.size()), list, index});
    }
    /// Adds the matches among `names` (the values of `folded`). The subsequence (fuzzy)
    /// search, the slowest, only runs when fewer than `wanted` better matches exist.
    void addFolded(const QStringList &names, const PromqlFoldedNames &folded, int list, int wanted);
    int count() const { return int(m_matches.size()); }

    /// The best `limit` (all when <= 0), best first. nameOf(list, index) gives the name back.
    template <typename NameOf> std::vector<PromqlRankedMatch> take(int limit, NameOf nameOf)
    {
        if (m_typed.isEmpty()) {
            // Nothing typed: everything in the order given (catalogue, then names A to Z).
            if (limit > 0 && size_t(limit) < m_matches.size())
                m_matches.resize(size_t(limit));
            return std::move(m_matches);
        }
        auto less = [&](const PromqlRankedMatch &a, const PromqlRankedMatch &b) {
            if (a.rank != b.rank)
                return a.rank < b.rank;
            if (a.length != b.length)
                return a.length < b.length;
            const int c = QStringView(nameOf(a.list, a.index))
                              .compare(QStringView(nameOf(b.list, b.index)), Qt::CaseSensitive);
            if (c != 0)
                return c < 0;
            return a.list != b.list ? a.list < b.list : a.index < b.index;
        };
        if (limit > 0 && size_t(limit) < m_matches.size()) {
            std::partial_sort(m_matches.begin(), m_matches.begin() + limit, m_matches.end(), less);
            m_matches.resize(size_t(limit));
        } else {
            std::sort(m_matches.begin(), m_matches.end(), less);
        }
        return std::move(m_matches);
    }

private:
    QString m_typed;
    std::vector<PromqlRankedMatch> m_matches;
};

} // namespace pharos
