// Alertmanager API v2 answers through AlertmanagerParser (datasources/alertmanager). The first
// byte selects the answer: 0 status, 1 alerts, 2 alert groups, 3 silences, 4 one silence,
// 5 {"silenceID"}, 6 an error body (its upper bits pick the HTTP status). A parse either
// succeeds or fails with Kind::MalformedResponse and a detail; a parsed silence with an id
// comes back unchanged through silenceJson(); an error body keeps the server's text.

#include "datasources/alertmanager/alertmanagerparser.h"
#include "fuzzcommon.h"

#include <QJsonDocument>

using namespace pharos;
using Kind = DataSourceError::Kind;

const int pharosFuzzModeCount = 7;

namespace {

void checkFailure(bool ok, const DataSourceError &error)
{
    if (ok) {
        PHAROS_FUZZ_CHECK(!error.isError(), error.message());
        return;
    }
    PHAROS_FUZZ_CHECK(error.kind == Kind::MalformedResponse, error.message());
    PHAROS_FUZZ_CHECK(!error.detail.isEmpty(), error.message());
    PHAROS_FUZZ_CHECK(!error.message().isEmpty(), error.detail);
}

void checkSilenceRoundTrip(const Silence &s)
{
    if (s.id.isEmpty())
        return;
    Silence back;
    DataSourceError error;
    const QByteArray json = AlertmanagerParser::silenceJson(s);
    PHAROS_FUZZ_CHECK(AlertmanagerParser::parseSilence(json, &back, &error),
                      QString::fromUtf8(json) + QLatin1Char(' ') + error.message());
    PHAROS_FUZZ_CHECK(back.id == s.id, back.id);
    PHAROS_FUZZ_CHECK(back.matchers == s.matchers, QString::fromUtf8(json));
    PHAROS_FUZZ_CHECK(back.comment == s.comment && back.createdBy == s.createdBy,
                      QString::fromUtf8(json));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    pharos::fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const int mode = data[0] % pharosFuzzModeCount;
    const int parameter = data[0] / pharosFuzzModeCount;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    DataSourceError error;
    switch (mode) {
    case 0: {
        AlertmanagerStatus status;
        checkFailure(AlertmanagerParser::parseStatus(body, &status, &error), error);
        break;
    }
    case 1: {
        std::vector<AmAlert> alerts;
        checkFailure(AlertmanagerParser::parseAlerts(body, &alerts, &error), error);
        break;
    }
    case 2: {
        std::vector<AlertGroup> groups;
        const bool ok = AlertmanagerParser::parseAlertGroups(body, &groups, &error);
        checkFailure(ok, error);
        break;
    }
    case 3: {
        std::vector<Silence> silences;
        const bool ok = AlertmanagerParser::parseSilences(body, &silences, &error);
        checkFailure(ok, error);
        for (const Silence &s : silences)
            checkSilenceRoundTrip(s);
        break;
    }
    case 4: {
        Silence silence;
        const bool ok = AlertmanagerParser::parseSilence(body, &silence, &error);
        checkFailure(ok, error);
        if (ok)
            checkSilenceRoundTrip(silence);
        break;
    }
    case 5: {
        QString id;
        const bool ok = AlertmanagerParser::parseSilenceId(body, &id, &error);
        checkFailure(ok, error);
        PHAROS_FUZZ_CHECK(!ok || !id.isEmpty(), QString::fromUtf8(body));
        break;
    }
    default: {
        static const int statuses[] = {400, 422, 500, 502, 409, 503, 400, 410};
        const int status = statuses[parameter % 8];
        const DataSourceError e =
            AlertmanagerParser::classifyHttpError(status, body, "application/json");
        PHAROS_FUZZ_CHECK(e.kind == Kind::Rejected || e.kind == Kind::HttpStatus, e.message());
        PHAROS_FUZZ_CHECK(e.kind != Kind::Rejected || !e.detail.isEmpty(), e.message());
        PHAROS_FUZZ_CHECK(e.httpStatus == status, e.message());
        PHAROS_FUZZ_CHECK(e.message().contains(QString::number(status)), e.message());
        break;
    }
    }
    return 0;
}
