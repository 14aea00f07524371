#include "dashboards/query/datarequest.h"

#include "dashboards/query/paneldata.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace pharos {

DataRequest DataRequest::promqlQuery(QueryRequest request)
{
    DataRequest r;
    r.kind = request.instant ? Kind::PromqlInstant : Kind::PromqlRange;
    r.promql = std::move(request);
    return r;
}

QString DataRequest::text() const
{
    return promql.expr;
}

namespace {

/// A finished reply of the kind's type, failed with Kind::Unsupported.
template <typename Reply> Reply *unsupported(const DataSource *source, const QString &what)
{
    auto *reply = new Reply;
    DataSourceError e;
    e.kind = DataSourceError::Kind::Unsupported;
    e.detail = QCoreApplication::translate("pharos::DataRequest", "%1 does not answer %2")
                   .arg(source->settings().name, what);
    reply->setError(e);
    reply->finish(); // nothing is connected yet: the caller sees isFinished()
    return reply;
}

} // namespace

DataSourceReply *sendDataRequest(DataSource *source, const DataRequest &request)
{
    switch (request.kind) {
    case DataRequest::Kind::PromqlRange:
    case DataRequest::Kind::PromqlInstant:
        if (PromqlSource *promql = source->promql())
            return promql->query(request.promql);
        return unsupported<QueryReply>(
            source, QCoreApplication::translate("pharos::DataRequest", "PromQL queries"));
    }
    return unsupported<DataSourceReply>(
        source, QCoreApplication::translate("pharos::DataRequest", "this request"));
}

void takeDataResult(DataSourceReply *reply, const DataRequest &request, TargetResult *target)
{
    target->error = reply->error();
    switch (request.kind) {
    case DataRequest::Kind::PromqlRange:
    case DataRequest::Kind::PromqlInstant:
        // The reply is discarded right after: take its frames instead of copying them.
        target->result =
            std::move(const_cast<QueryResult &>(static_cast<QueryReply *>(reply)->result()));
        break;
    }
}

} // namespace pharos
