#include "dashboards/fields/legendformat.h"

#include <QStringList>

namespace pharos {

QString formatLegend(const QString &legendFormat, const Labels &labels)
{
    if (legendFormat.trimmed().isEmpty() || legendFormat == QLatin1String("__auto")) {
        Frame f;
        f.labels = labels;
        return f.displayName();
    }
    QString out;
    out.reserve(legendFormat.size());
    qsizetype i = 0;
    const qsizetype n = legendFormat.size();
    while (i < n) {
        if (legendFormat.at(i) == QLatin1Char('{') && i + 1 < n &&
            legendFormat.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = legendFormat.indexOf(QLatin1String("}}"), i + 2);
            if (close < 0) {
                out += legendFormat.mid(i);
                break;
            }
            const QString name = legendFormat.mid(i + 2, close - i - 2).trimmed();
            out += labelValue(labels, name);
            i = close + 2;
            continue;
        }
        out += legendFormat.at(i);
        ++i;
    }
    return out;
}

QStringList autoLegendNames(const QList<Labels> &series)
{
    QStringList names;
    names.reserve(series.size());
    auto fullName = [](const Labels &labels) {
        Frame f;
        f.labels = labels;
        return f.displayName();
    };
    if (series.size() < 2) {
        for (const Labels &l : series)
            names << fullName(l);
        return names;
    }
    // A pair is common when every series has it.
    auto isCommon = [&](const std::pair<QString, QString> &pair) {
        for (const Labels &l : series)
            if (!l.contains(pair))
                return false;
        return true;
    };
    QList<Labels> unique;
    unique.reserve(series.size());
    QString singleKey;
    bool single = true;
    for (const Labels &l : series) {
        Labels u;
        for (const auto &pair : l)
            if (!isCommon(pair))
                u.append(pair);
        if (u.size() != 1 || (!singleKey.isEmpty() && u.first().first != singleKey))
            single = false;
        else
            singleKey = u.first().first;
        unique.append(u);
    }
    for (int i = 0; i < series.size(); ++i) {
        const Labels &u = unique[i];
        if (u.isEmpty())
            names << fullName(series[i]);
        else if (single && u.first().first != QLatin1String("__name__"))
            names << u.first().second;
        else
            names << fullName(u);
    }
    return names;
}

} // namespace pharos
