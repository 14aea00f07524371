#include "datasources/promql/promqlranker.h"

#include <cstring>

namespace pharos {

namespace {

inline char16_t foldChar(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return char16_t(c + 32);
    if (c < 128)
        return c;
    return char16_t(QChar::toLower(char32_t(c)));
}

inline bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           (c >= 128 && QChar::isLetterOrNumber(char32_t(c)));
}

inline bool isWordStart(const char16_t *s, qsizetype i)
{
    if (i == 0)
        return true;
    const char16_t prev = s[i - 1];
    if (!isAsciiAlnum(prev))
        return true;
    return prev >= u'a' && prev <= u'z' && s[i] >= u'A' && s[i] <= u'Z';
}

} // namespace

PromqlMatchRank promqlMatchRank(QStringView candidate, QStringView typed)
{
    const qsizetype n = candidate.size();
    const qsizetype m = typed.size();
    if (m == 0)
        return PromqlMatchRank::Prefix;
    if (m > n)
        return PromqlMatchRank::None;
    const char16_t *c = reinterpret_cast<const char16_t *>(candidate.utf16());
    const char16_t *t = reinterpret_cast<const char16_t *>(typed.utf16());
    const char16_t first = t[0];
    bool substring = false;
    for (qsizetype i = 0; i + m <= n; ++i) {
        if (foldChar(c[i]) != first)
            continue;
        qsizetype j = 1;
        while (j < m && foldChar(c[i + j]) == t[j])
            ++j;
        if (j < m)
            continue;
        if (i == 0)
            return n == m ? PromqlMatchRank::Exact : PromqlMatchRank::Prefix;
        if (isWordStart(c, i))
            return PromqlMatchRank::WordStart;
        substring = true;
    }
    if (substring)
        return PromqlMatchRank::Substring;
    qsizetype j = 0;
    for (qsizetype i = 0; i < n && n - i >= m - j; ++i)
        if (foldChar(c[i]) == t[j] && ++j == m)
            return PromqlMatchRank::Fuzzy;
    return PromqlMatchRank::None;
}

QList<int> promqlRankCandidates(const QStringList &candidates, const QString &typed, int limit)
{
    PromqlMatchRanker ranker(typed);
    for (int i = 0; i < candidates.size(); ++i)
        ranker.add(candidates.at(i), 0, i);
    QList<int> out;
    for (const PromqlRankedMatch &m :
         ranker.take(limit, [&](int, int i) -> const QString & { return candidates.at(i); }))
        out << m.index;
    return out;
}

std::shared_ptr<const PromqlFoldedNames> promqlFoldNames(const QStringList &values)
{
    auto folded = std::make_shared<PromqlFoldedNames>();
    folded->starts.reserve(size_t(values.size()));
    qsizetype total = 0;
    for (const QString &v : values)
        total += v.size() + 1;
    folded->text.reserve(total);
    for (const QString &v : values) {
        folded->starts.push_back(int(folded->text.size()));
        for (const QChar ch : v) {
            const char16_t u = ch.unicode();
            if (u >= 128 || u == u'\n')
                return nullptr;
            folded->text.append(char(foldChar(u)));
        }
        folded->text.append('\n');
    }
    return folded;
}

void PromqlMatchRanker::addFolded(const QStringList &names, const PromqlFoldedNames &folded,
                                  int list, int wanted)
{
    const int n = int(names.size());
    const qsizetype m = m_typed.size();
    if (m == 0) {
        for (int i = 0; i < n && (wanted <= 0 || i < wanted); ++i)
            m_matches.push_back(
                PromqlRankedMatch{PromqlMatchRank::Prefix, int(names.at(i).size()), list, i});
        return;
    }
    QByteArray typed;
    typed.reserve(m);
    for (const QChar ch : m_typed) {
        if (ch.unicode() >= 128 || ch == u'\n') { // cannot occur in ASCII names
            return;
        }
        typed.append(char(ch.unicode()));
    }
    const char *buf = folded.text.constData();
    const size_t len = size_t(folded.text.size());
    std::vector<PromqlMatchRank> best(size_t(n), PromqlMatchRank::None);
    size_t pos = 0;
    int idx = 0;
    int found = 0;
    while (pos < len) {
        const void *hit = memmem(buf + pos, len - pos, typed.constData(), size_t(m));
        if (!hit)
            break;
        const int off = int(static_cast<const char *>(hit) - buf);
        while (idx + 1 < n && folded.starts[size_t(idx) + 1] <= off)
            ++idx;
        const int local = off - folded.starts[size_t(idx)];
        const QString &name = names.at(idx);
        PromqlMatchRank r;
        if (local == 0)
            r = name.size() == m ? PromqlMatchRank::Exact : PromqlMatchRank::Prefix;
        else if (isWordStart(reinterpret_cast<const char16_t *>(name.utf16()), local))
            r = PromqlMatchRank::WordStart;
        else
            r = PromqlMatchRank::Substring;
        PromqlMatchRank &b = best[size_t(idx)];
        if (b == PromqlMatchRank::None)
            ++found;
        if (r < b)
            b = r;
        pos = size_t(off) + 1;
    }
    const bool fuzzy = m > 1 && found < wanted;
    for (int i = 0; i < n; ++i) {
        PromqlMatchRank r = best[size_t(i)];
        if (r == PromqlMatchRank::None && fuzzy) {
            const char *p = buf + folded.starts[size_t(i)];
            const char *end = buf + (i + 1 < n ? folded.starts[size_t(i) + 1] - 1 : int(len) - 1);
            qsizetype j = 0;
            while (j < m && p < end) {
                const void *q = memchr(p, typed[j], size_t(end - p));
                if (!q)
                    break;
                p = static_cast<const char *>(q) + 1;
                ++j;
            }
            if (j == m)
                r = PromqlMatchRank::Fuzzy;
        }
        if (r != PromqlMatchRank::None)
            m_matches.push_back(PromqlRankedMatch{r, int(names.at(i).size()), list, i});
    }
}

} // namespace pharos
