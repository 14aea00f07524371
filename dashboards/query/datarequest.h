#pragma once

#include "datasources/datasource.h"

namespace pharos {

struct TargetResult;

/// What one target of a panel asks its data source for. The scheduler sends every kind the
/// same way, so refresh, cancellation, visibility, back-off and the error banner work alike
/// for any panel type; only sendDataRequest() and takeDataResult() know the kinds. A new kind
/// (alerts, rules, targets, silences) is a value here, a case in each of the two, and the
/// capability that answers it (datasources/capabilities/).
struct DataRequest
{
    enum class Kind {
        PromqlRange,   // PromqlSource::query() over a range (`promql`)
        PromqlInstant, // PromqlSource::query() at one time (`promql`)
    };
    Kind kind = Kind::PromqlRange;
    QueryRequest promql;

    static DataRequest promqlQuery(QueryRequest request);
    /// The text a user reads for it: the PromQL after interpolation.
    QString text() const;
};

/// Sends `request` to the capability of `source` that answers it. A source without that
/// capability gets a finished reply with a Kind::Unsupported error naming what is missing.
/// The caller owns the reply.
DataSourceReply *sendDataRequest(DataSource *source, const DataRequest &request);

/// Moves the answer of `reply` (finished, made by sendDataRequest(request)) into `target`.
void takeDataResult(DataSourceReply *reply, const DataRequest &request, TargetResult *target);

} // namespace pharos
