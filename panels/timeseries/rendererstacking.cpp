// TimeSeriesRenderer: stacked (normal and percent, by group) and negated series, computed
// once per change of frames or styles.
#include "panels/timeseries/timeseriesrenderer.h"

#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

// Adds the finite values `vs` (timestamps `ts`) into the running sums (T, V): the union of
// both timelines, summed where the timestamps are equal.
void mergeAdd(std::vector<qint64> &T, std::vector<double> &V, const std::vector<qint64> &ts,
              const std::vector<double> &vs, std::vector<qint64> &tmpT, std::vector<double> &tmpV)
{
    tmpT.clear();
    tmpV.clear();
    tmpT.reserve(T.size() + ts.size());
    tmpV.reserve(T.size() + ts.size());
    size_t a = 0, b = 0;
    const size_t nb = std::min(ts.size(), vs.size());
    while (a < T.size() || b < nb) {
        if (b >= nb || (a < T.size() && T[a] < ts[b])) {
            tmpT.push_back(T[a]);
            tmpV.push_back(V[a]);
            ++a;
        } else {
            const double add = std::isfinite(vs[b]) ? vs[b] : 0.0;
            if (a < T.size() && T[a] == ts[b]) {
                tmpT.push_back(T[a]);
                tmpV.push_back(V[a] + add);
                ++a;
            } else {
                tmpT.push_back(ts[b]);
                tmpV.push_back(add);
            }
            ++b;
        }
    }
    T.swap(tmpT);
    V.swap(tmpV);
}

} // namespace

void TimeSeriesRenderer::prepareDerived()
{
    m_derivedDirty = false;
    const size_t n = m_frames.size();
    m_derived.resize(n);
    for (Derived &d : m_derived)
        d.active = false;
    const auto styleOf = [this](size_t s) -> const SeriesStyle * {
        return s < m_styles.size() ? &m_styles[s] : nullptr;
    };
    // Negated series outside stacks.
    for (size_t s = 0; s < n; ++s) {
        const SeriesStyle *st = styleOf(s);
        if (!st || !m_frames[s] || !st->negativeY || (st->stackGroup >= 0 && st->visible))
            continue;
        Derived &d = m_derived[s];
        d.top.labels = m_frames[s]->labels;
        d.top.timestamps = m_frames[s]->timestamps;
        d.top.values.resize(m_frames[s]->values.size());
        std::transform(m_frames[s]->values.begin(), m_frames[s]->values.end(), d.top.values.begin(),
                       [](double v) { return -v; });
        d.base.clear();
        d.active = true;
    }
    // Stacks: visible members of each group in series order.
    std::vector<int> groups;
    for (size_t s = 0; s < n; ++s) {
        const SeriesStyle *st = styleOf(s);
        if (st && m_frames[s] && st->visible && st->stackGroup >= 0 &&
            std::find(groups.begin(), groups.end(), st->stackGroup) == groups.end())
            groups.push_back(st->stackGroup);
    }
    std::vector<qint64> accT, totT, tmpT;
    std::vector<double> accV, totV, tmpV, vals;
    for (int g : groups) {
        std::vector<size_t> members;
        bool percent = false;
        for (size_t s = 0; s < n; ++s) {
            const SeriesStyle *st = styleOf(s);
            if (st && m_frames[s] && st->visible && st->stackGroup == g) {
                members.push_back(s);
                percent = percent || st->stackPercent;
            }
        }
        const auto signedValues = [&](size_t s) {
            const Frame &f = *m_frames[s];
            vals.assign(f.values.begin(), f.values.end());
            if (styleOf(s)->negativeY)
                for (double &v : vals)
                    v = -v;
        };
        totT.clear();
        totV.clear();
        if (percent) {
            for (size_t s : members) {
                signedValues(s);
                mergeAdd(totT, totV, m_frames[s]->timestamps, vals, tmpT, tmpV);
            }
        }
        accT.clear();
        accV.clear();
        for (size_t s : members) {
            const Frame &f = *m_frames[s];
            signedValues(s);
            Derived &d = m_derived[s];
            d.active = true;
            d.top.labels = f.labels;
            d.top.timestamps = f.timestamps;
            const size_t m = std::min(f.timestamps.size(), vals.size());
            d.top.timestamps.resize(m);
            d.top.values.resize(m);
            d.base.resize(m);
            size_t j = 0, k = 0;
            for (size_t i = 0; i < m; ++i) {
                const qint64 t = f.timestamps[i];
                while (j < accT.size() && accT[j] < t)
                    ++j;
                const double below = (j < accT.size() && accT[j] == t) ? accV[j] : 0.0;
                double v = vals[i];
                if (percent) {
                    while (k < totT.size() && totT[k] < t)
                        ++k;
                    const double total = (k < totT.size() && totT[k] == t) ? totV[k] : 0.0;
                    v = total != 0 ? v / total : (std::isfinite(v) ? 0.0 : v);
                    vals[i] = v;
                }
                d.base[i] = below;
                d.top.values[i] = std::isfinite(v) ? below + v : v;
            }
            mergeAdd(accT, accV, f.timestamps, vals, tmpT, tmpV);
        }
    }
}

} // namespace pharos
