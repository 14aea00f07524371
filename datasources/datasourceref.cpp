#include "datasources/datasourceref.h"

#include <QRegularExpression>

namespace pharos::datasourceref {

QString text(const QJsonValue &ref)
{
    if (ref.isString())
        return ref.toString().trimmed();
    if (ref.isObject())
        return ref.toObject().value(QLatin1String("uid")).toString().trimmed();
    return {};
}

bool isSet(const QJsonValue &ref)
{
    if (ref.isString() || ref.isObject())
        return !text(ref).isEmpty();
    return !(ref.isNull() || ref.isUndefined());
}

bool isVariable(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(\$\w+|\$\{[^}]+\}|\[\[[^\]]+\]\])\s*$)"));
    return re.match(text).hasMatch();
}

bool hasVariable(const QString &text)
{
    return text.contains(QLatin1Char('$')) || text.contains(QLatin1String("[["));
}

bool isMixed(const QString &text)
{
    return text == QLatin1String(MixedUid);
}

bool isMixed(const QJsonValue &ref)
{
    return isMixed(text(ref));
}

QJsonObject mixed()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")},
                       {QStringLiteral("uid"), QLatin1String(MixedUid)}};
}

} // namespace pharos::datasourceref
