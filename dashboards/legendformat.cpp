#include "legendformat.h"

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

} // namespace pharos
