#include "datasources/frame.h"

namespace pharos {

QString labelValue(const Labels &labels, const QString &name)
{
    for (const auto &[key, value] : labels) {
        if (key == name)
            return value;
    }
    return {};
}

QString Frame::displayName() const
{
    QString metric;
    QStringList parts;
    for (const auto &[key, value] : labels) {
        if (key == QLatin1String("__name__"))
            metric = value;
        else
            parts << key + QLatin1String("=\"") + value + QLatin1Char('"');
    }
    if (parts.isEmpty())
        return metric.isEmpty() ? QStringLiteral("{}") : metric;
    return metric + QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
}

qsizetype QueryResult::sampleCount() const
{
    qsizetype n = 0;
    for (const Frame &f : frames)
        n += f.size();
    return n;
}

} // namespace pharos
