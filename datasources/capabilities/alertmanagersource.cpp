#include "datasources/capabilities/alertmanagersource.h"

namespace pharos {

QString amAlertStateName(AmAlert::State state)
{
    switch (state) {
    case AmAlert::State::Unprocessed:
        return QStringLiteral("unprocessed");
    case AmAlert::State::Active:
        return QStringLiteral("active");
    case AmAlert::State::Suppressed:
        return QStringLiteral("suppressed");
    }
    return QStringLiteral("unprocessed");
}

bool amAlertStateFromName(const QString &name, AmAlert::State *state)
{
    AmAlert::State s;
    if (name == QLatin1String("active"))
        s = AmAlert::State::Active;
    else if (name == QLatin1String("suppressed"))
        s = AmAlert::State::Suppressed;
    else if (name == QLatin1String("unprocessed"))
        s = AmAlert::State::Unprocessed;
    else
        return false;
    if (state)
        *state = s;
    return true;
}

QString silenceStateName(Silence::State state)
{
    switch (state) {
    case Silence::State::Unknown:
        return {};
    case Silence::State::Active:
        return QStringLiteral("active");
    case Silence::State::Pending:
        return QStringLiteral("pending");
    case Silence::State::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

} // namespace pharos
