#include "dashboards/fields/reducers.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace pharos {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

QStringList knownReducers()
{
    return {QStringLiteral("last"),         QStringLiteral("lastNotNull"), QStringLiteral("first"),
            QStringLiteral("firstNotNull"), QStringLiteral("mean"),        QStringLiteral("min"),
            QStringLiteral("max"),          QStringLiteral("sum"),         QStringLiteral("count"),
            QStringLiteral("range"),        QStringLiteral("delta"),       QStringLiteral("diff"),
            QStringLiteral("median")};
}

bool isKnownReducer(const QString &calc)
{
    return knownReducers().contains(calc);
}

QString reducerDisplayName(const QString &calc)
{
    if (calc == QLatin1String("last"))
        return QCoreApplication::translate("pharos::Reducers", "Last");
    if (calc == QLatin1String("lastNotNull"))
        return QCoreApplication::translate("pharos::Reducers", "Last *");
    if (calc == QLatin1String("first"))
        return QCoreApplication::translate("pharos::Reducers", "First");
    if (calc == QLatin1String("firstNotNull"))
        return QCoreApplication::translate("pharos::Reducers", "First *");
    if (calc == QLatin1String("mean"))
        return QCoreApplication::translate("pharos::Reducers", "Mean");
    if (calc == QLatin1String("min"))
        return QCoreApplication::translate("pharos::Reducers", "Min");
    if (calc == QLatin1String("max"))
        return QCoreApplication::translate("pharos::Reducers", "Max");
    if (calc == QLatin1String("sum"))
        return QCoreApplication::translate("pharos::Reducers", "Total");
    if (calc == QLatin1String("count"))
        return QCoreApplication::translate("pharos::Reducers", "Count");
    if (calc == QLatin1String("range"))
        return QCoreApplication::translate("pharos::Reducers", "Range");
    if (calc == QLatin1String("delta"))
        return QCoreApplication::translate("pharos::Reducers", "Delta");
    if (calc == QLatin1String("diff"))
        return QCoreApplication::translate("pharos::Reducers", "Difference");
    if (calc == QLatin1String("median"))
        return QCoreApplication::translate("pharos::Reducers", "Median");
    return calc;
}

double reduceValues(const double *v, qsizetype n, const QString &calc)
{
    if (calc == QLatin1String("last"))
        return n > 0 ? v[n - 1] : kNaN;
    if (calc == QLatin1String("first"))
        return n > 0 ? v[0] : kNaN;
    if (calc == QLatin1String("firstNotNull")) {
        for (qsizetype i = 0; i < n; ++i)
            if (!std::isnan(v[i]))
                return v[i];
        return kNaN;
    }
    if (calc == QLatin1String("count"))
        return double(n);
    if (calc == QLatin1String("mean") || calc == QLatin1String("sum")) {
        double sum = 0;
        qsizetype c = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (!std::isnan(v[i])) {
                sum += v[i];
                ++c;
            }
        }
        if (calc == QLatin1String("sum"))
            return sum;
        return c > 0 ? sum / double(c) : kNaN;
    }
    if (calc == QLatin1String("min") || calc == QLatin1String("max") ||
        calc == QLatin1String("range")) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        bool any = false;
        for (qsizetype i = 0; i < n; ++i) {
            if (std::isnan(v[i]))
                continue;
            any = true;
            lo = std::min(lo, v[i]);
            hi = std::max(hi, v[i]);
        }
        if (!any)
            return kNaN;
        if (calc == QLatin1String("min"))
            return lo;
        if (calc == QLatin1String("max"))
            return hi;
        return hi - lo;
    }
    if (calc == QLatin1String("delta")) {
        // Sum of increments between consecutive non-null values; a decrease is a counter
        // reset, after which the counter counted up from zero to the new value.
        double delta = 0;
        bool havePrev = false;
        double prev = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (std::isnan(v[i]))
                continue;
            if (havePrev)
                delta += v[i] >= prev ? v[i] - prev : v[i];
            prev = v[i];
            havePrev = true;
        }
        return havePrev ? delta : kNaN;
    }
    if (calc == QLatin1String("diff")) {
        const double first = reduceValues(v, n, QStringLiteral("firstNotNull"));
        const double last = reduceValues(v, n, QStringLiteral("lastNotNull"));
        return last - first;
    }
    if (calc == QLatin1String("median")) {
        std::vector<double> s;
        s.reserve(size_t(n));
        for (qsizetype i = 0; i < n; ++i)
            if (!std::isnan(v[i]))
                s.push_back(v[i]);
        if (s.empty())
            return kNaN;
        std::sort(s.begin(), s.end());
        const size_t m = s.size() / 2;
        return s.size() % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
    // lastNotNull and unknown ids
    for (qsizetype i = n - 1; i >= 0; --i)
        if (!std::isnan(v[i]))
            return v[i];
    return kNaN;
}

double reduce(const Frame &frame, const QString &calc)
{
    return reduceValues(frame.values.data(), qsizetype(frame.values.size()), calc);
}

} // namespace pharos
