#pragma once

#include <QtGlobal>
#include <utility>
#include <vector>

namespace pharos::ResponseParser {

// Where the elements of data.result are in an answer, found by a light scan of the JSON
// structure (strings, nesting, keys) that builds no index.
struct ResultLayout
{
    qsizetype arrayBegin = -1;                             // the '['
    qsizetype arrayEnd = -1;                               // one past the ']'
    std::vector<std::pair<qsizetype, qsizetype>> elements; // [begin, end) of each element
};

/// Scans the `n` bytes at `p` (a Prometheus query answer) for root.data.result. False when
/// it is not there or the JSON is unusual (the caller then parses the whole body).
bool scanResultLayout(const char *p, qsizetype n, ResultLayout *out);

} // namespace pharos::ResponseParser
