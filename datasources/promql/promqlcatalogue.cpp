#include "datasources/promql/promqlcatalogue.h"

#include <QCoreApplication>
#include <QHash>

namespace pharos {

namespace {

using K = PromqlCatalogueEntry::Kind;
#define CTX "pharos::PromqlCatalogue"

// Descriptions written for Pharos (not taken from any other documentation).
const PromqlCatalogueEntry kEntries[] = {
    // Functions
    {K::Function, "abs", "abs(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Absolute value of every sample."), false},
    {K::Function, "absent", "absent(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Returns one series with value 1 when the argument has no series at "
                       "all, and nothing otherwise. Useful to alert on missing series."),
     false},
    {K::Function, "absent_over_time", "absent_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Returns one series with value 1 when the range holds no sample, "
                       "and nothing otherwise."),
     false},
    {K::Function, "acos", "acos(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Arc cosine of every sample, in radians."),
     false},
    {K::Function, "acosh", "acosh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Inverse hyperbolic cosine of every sample."),
     false},
    {K::Function, "asin", "asin(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Arc sine of every sample, in radians."), false},
    {K::Function, "asinh", "asinh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Inverse hyperbolic sine of every sample."),
     false},
    {K::Function, "atan", "atan(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Arc tangent of every sample, in radians."),
     false},
    {K::Function, "atanh", "atanh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Inverse hyperbolic tangent of every sample."),
     false},
    {K::Function, "avg_over_time", "avg_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Mean of all samples of each series within the range."),
     false},
    {K::Function, "ceil", "ceil(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Rounds every sample up to the next integer."),
     false},
    {K::Function, "changes", "changes(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "How many times the value of each series changed within the range."),
     false},
    {K::Function, "clamp", "clamp(v instant-vector, min scalar, max scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Limits every sample to the interval from min to max."),
     false},
    {K::Function, "clamp_max", "clamp_max(v instant-vector, max scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Caps every sample at max."), false},
    {K::Function, "clamp_min", "clamp_min(v instant-vector, min scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Raises every sample below min to min."), false},
    {K::Function, "cos", "cos(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Cosine of every sample (radians)."), false},
    {K::Function, "cosh", "cosh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Hyperbolic cosine of every sample."), false},
    {K::Function, "count_over_time", "count_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Number of samples of each series within the range."),
     false},
    {K::Function, "day_of_month", "day_of_month(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Day of the month (1 to 31, UTC) of each sample read as a Unix "
                       "time; the current time without an argument."),
     false},
    {K::Function, "day_of_week", "day_of_week(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Day of the week (0 for Sunday to 6, UTC) of each sample read as a "
                       "Unix time; the current time without an argument."),
     false},
    {K::Function, "day_of_year", "day_of_year(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Day of the year (1 to 366, UTC) of each sample read as a Unix "
                       "time; the current time without an argument."),
     false},
    {K::Function, "days_in_month",
     "days_in_month(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Number of days (28 to 31) in the month of each sample read as a "
                       "Unix time; the current time without an argument."),
     false},
    {K::Function, "deg", "deg(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Converts radians to degrees."), false},
    {K::Function, "delta", "delta(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Difference between the first and the last value within the range, "
                       "extrapolated to its edges. For gauges."),
     false},
    {K::Function, "deriv", "deriv(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Per-second slope of each series within the range, by simple "
                       "linear regression. For gauges."),
     false},
    {K::Function, "exp", "exp(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "e raised to the power of every sample."), false},
    {K::Function, "floor", "floor(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Rounds every sample down to the previous integer."),
     false},
    {K::Function, "histogram_count", "histogram_count(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Number of observations in each native histogram (experimental)."),
     true},
    {K::Function, "histogram_fraction",
     "histogram_fraction(lower scalar, upper scalar, v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Estimated share of the observations between lower and upper in "
                       "each native histogram (experimental)."),
     true},
    {K::Function, "histogram_quantile",
     "histogram_quantile(φ scalar, b instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Estimates the φ-quantile (0 ≤ φ ≤ 1) from histogram buckets "
                       "(series with an le label, usually a rate() summed by le) or from "
                       "native histograms."),
     false},
    {K::Function, "histogram_sum", "histogram_sum(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Sum of the observed values in each native histogram "
                       "(experimental)."),
     true},
    {K::Function, "holt_winters",
     "holt_winters(v range-vector, sf scalar, tf scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Smoothed value by double exponential smoothing; sf is the "
                       "smoothing factor and tf the trend factor, both between 0 and 1. "
                       "For gauges."),
     false},
    {K::Function, "hour", "hour(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Hour of the day (0 to 23, UTC) of each sample read as a Unix time; "
                       "the current time without an argument."),
     false},
    {K::Function, "idelta", "idelta(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Difference between the last two samples within the range. For "
                       "gauges."),
     false},
    {K::Function, "increase", "increase(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "How much a counter grew within the range, counting resets, "
                       "extrapolated to the edges of the range."),
     false},
    {K::Function, "irate", "irate(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Per-second rate of a counter from the last two samples within the "
                       "range. Follows fast changes; prefer rate() for alerts and slow "
                       "graphs."),
     false},
    {K::Function, "label_join",
     "label_join(v instant-vector, dst_label string, separator string, src_label string, …) → "
     "instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Writes the values of the source labels, joined by the separator, "
                       "into the destination label."),
     false},
    {K::Function, "label_replace",
     "label_replace(v instant-vector, dst_label string, replacement string, src_label string, "
     "regex string) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "When regex matches the whole value of src_label, sets dst_label to "
                       "replacement, where $1, $2… are the capture groups. Other series "
                       "pass unchanged."),
     false},
    {K::Function, "last_over_time", "last_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The most recent sample of each series within the range."),
     false},
    {K::Function, "ln", "ln(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Natural logarithm of every sample."), false},
    {K::Function, "log10", "log10(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Decimal logarithm of every sample."), false},
    {K::Function, "log2", "log2(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Binary logarithm of every sample."), false},
    {K::Function, "max_over_time", "max_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Largest sample of each series within the range."),
     false},
    {K::Function, "min_over_time", "min_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Smallest sample of each series within the range."),
     false},
    {K::Function, "minute", "minute(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Minute of the hour (0 to 59, UTC) of each sample read as a Unix "
                       "time; the current time without an argument."),
     false},
    {K::Function, "month", "month(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Month (1 to 12, UTC) of each sample read as a Unix time; the "
                       "current time without an argument."),
     false},
    {K::Function, "pi", "pi() → scalar",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "The number π."), false},
    {K::Function, "predict_linear", "predict_linear(v range-vector, t scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Value expected t seconds from the evaluation time, by simple linear "
                       "regression over the range. For gauges."),
     false},
    {K::Function, "present_over_time", "present_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Value 1 for every series that has at least one sample within the "
                       "range."),
     false},
    {K::Function, "quantile_over_time",
     "quantile_over_time(φ scalar, v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The φ-quantile (0 ≤ φ ≤ 1) of the samples of each series within "
                       "the range."),
     false},
    {K::Function, "rad", "rad(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Converts degrees to radians."), false},
    {K::Function, "rate", "rate(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Average per-second growth of a counter within the range, counting "
                       "resets. Take the rate first, then aggregate."),
     false},
    {K::Function, "resets", "resets(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "How many times a counter was reset within the range."),
     false},
    {K::Function, "round", "round(v instant-vector, to_nearest=1 scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Rounds every sample to the nearest multiple of to_nearest (1 by "
                       "default); halves round up."),
     false},
    {K::Function, "scalar", "scalar(v instant-vector) → scalar",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The value of a one-series vector as a scalar; NaN when the vector "
                       "has no series or several."),
     false},
    {K::Function, "sgn", "sgn(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Sign of every sample: -1, 0 or 1."), false},
    {K::Function, "sin", "sin(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Sine of every sample (radians)."), false},
    {K::Function, "sinh", "sinh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Hyperbolic sine of every sample."), false},
    {K::Function, "sort", "sort(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Orders the series by value, smallest first (instant queries)."),
     false},
    {K::Function, "sort_desc", "sort_desc(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Orders the series by value, largest first (instant queries)."),
     false},
    {K::Function, "sqrt", "sqrt(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Square root of every sample."), false},
    {K::Function, "stddev_over_time", "stddev_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Population standard deviation of the samples of each series within "
                       "the range."),
     false},
    {K::Function, "stdvar_over_time", "stdvar_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Population variance of the samples of each series within the "
                       "range."),
     false},
    {K::Function, "sum_over_time", "sum_over_time(v range-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Sum of the samples of each series within the range."),
     false},
    {K::Function, "tan", "tan(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Tangent of every sample (radians)."), false},
    {K::Function, "tanh", "tanh(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Hyperbolic tangent of every sample."), false},
    {K::Function, "time", "time() → scalar",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The evaluation time in seconds since the Unix epoch."),
     false},
    {K::Function, "timestamp", "timestamp(v instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The time of each sample in seconds since the Unix epoch."),
     false},
    {K::Function, "vector", "vector(s scalar) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "A vector of one series without labels holding the scalar."),
     false},
    {K::Function, "year", "year(v=vector(time()) instant-vector) → instant-vector",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Year (UTC) of each sample read as a Unix time; the current time "
                       "without an argument."),
     false},

    // Aggregations
    {K::Aggregation, "avg", "avg [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Mean of the series in each group."), false},
    {K::Aggregation, "bottomk", "bottomk [by|without (label, …)] (k scalar, v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The k series with the smallest values in each group, labels kept."),
     false},
    {K::Aggregation, "count", "count [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Number of series in each group."), false},
    {K::Aggregation, "count_values",
     "count_values [by|without (label, …)] (label string, v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Number of series per distinct value; the value goes into the "
                       "given label."),
     false},
    {K::Aggregation, "group", "group [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Value 1 for each group: lists the distinct label combinations."),
     false},
    {K::Aggregation, "max", "max [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Largest value in each group."), false},
    {K::Aggregation, "min", "min [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Smallest value in each group."), false},
    {K::Aggregation, "quantile", "quantile [by|without (label, …)] (φ scalar, v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The φ-quantile (0 ≤ φ ≤ 1) of the values in each group."),
     false},
    {K::Aggregation, "stddev", "stddev [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Population standard deviation of the values in each group."),
     false},
    {K::Aggregation, "stdvar", "stdvar [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Population variance of the values in each group."),
     false},
    {K::Aggregation, "sum", "sum [by|without (label, …)] (v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Sum of the values in each group."), false},
    {K::Aggregation, "topk", "topk [by|without (label, …)] (k scalar, v instant-vector)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "The k series with the largest values in each group, labels kept."),
     false},

    // Keywords
    {K::Keyword, "bool", "a > bool b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Makes a comparison return 0 or 1 instead of filtering."),
     false},
    {K::Keyword, "by", "sum by (label, …) (v)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Aggregates keeping only the listed labels."),
     false},
    {K::Keyword, "group_left", "a * on (label, …) group_left (label, …) b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Many-to-one matching: each series on the left may match one on "
                       "the right; listed labels are copied from the right."),
     false},
    {K::Keyword, "group_right", "a * on (label, …) group_right (label, …) b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "One-to-many matching: each series on the right may match one on "
                       "the left; listed labels are copied from the left."),
     false},
    {K::Keyword, "ignoring", "a + ignoring (label, …) b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Matches the two sides of a binary operation ignoring the listed "
                       "labels."),
     false},
    {K::Keyword, "offset", "v offset 1h",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Shifts the selected data back in time by a duration (forward "
                       "with a negative duration)."),
     false},
    {K::Keyword, "on", "a + on (label, …) b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Matches the two sides of a binary operation on the listed labels "
                       "only."),
     false},
    {K::Keyword, "without", "sum without (label, …) (v)",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "Aggregates dropping the listed labels and keeping all others."),
     false},

    // Word operators
    {K::BinaryOperator, "and", "a and b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Series of a that have a matching series in b."),
     false},
    {K::BinaryOperator, "atan2", "a atan2 b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Arc tangent of a/b by quadrant, in radians."),
     false},
    {K::BinaryOperator, "or", "a or b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue",
                       "All series of a, plus the series of b with no match in a."),
     false},
    {K::BinaryOperator, "unless", "a unless b",
     QT_TRANSLATE_NOOP("pharos::PromqlCatalogue", "Series of a that have no matching series in b."),
     false},
};

struct Index
{
    QHash<QString, int> byName;
    QList<PromqlCatalogueEntry> list;
    Index()
    {
        for (const PromqlCatalogueEntry &e : kEntries) {
            byName.insert(e.nameString(), int(list.size()));
            list.append(e);
        }
    }
};

const Index &index()
{
    static const Index i;
    return i;
}

} // namespace

QString PromqlCatalogueEntry::description() const
{
    return QCoreApplication::translate(CTX, doc);
}

const QList<PromqlCatalogueEntry> &PromqlCatalogue::entries()
{
    return index().list;
}

const PromqlCatalogueEntry *PromqlCatalogue::find(QStringView name)
{
    const Index &i = index();
    auto it = i.byName.constFind(name.toString());
    if (it == i.byName.cend())
        return nullptr;
    return &i.list.at(*it);
}

static bool isKind(QStringView name, PromqlCatalogueEntry::Kind kind, bool caseInsensitive)
{
    const QString key = caseInsensitive ? name.toString().toLower() : name.toString();
    const PromqlCatalogueEntry *e = PromqlCatalogue::find(key);
    return e && e->kind == kind;
}

bool PromqlCatalogue::isFunction(QStringView name)
{
    return isKind(name, K::Function, false);
}

bool PromqlCatalogue::isAggregation(QStringView name)
{
    return isKind(name, K::Aggregation, true);
}

bool PromqlCatalogue::isKeyword(QStringView name)
{
    return isKind(name, K::Keyword, true);
}

bool PromqlCatalogue::isWordOperator(QStringView name)
{
    return isKind(name, K::BinaryOperator, true);
}

bool PromqlCatalogue::takesLabelList(QStringView name)
{
    static const QStringList words = {QStringLiteral("by"),         QStringLiteral("without"),
                                      QStringLiteral("on"),         QStringLiteral("ignoring"),
                                      QStringLiteral("group_left"), QStringLiteral("group_right")};
    return words.contains(name.toString().toLower());
}

} // namespace pharos
