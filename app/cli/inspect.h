#pragma once

#include "app/cli/commandline.h"

#include <QTextStream>

namespace pharos {

class DataSourceRegistry;

/// `pharos inspect FILE [--datasource URL] [--var NAME=V1,V2 ...] [--from EXPR] [--to EXPR]
/// [--width N]`: prints every panel's queries after interpolation as JSON on `out`:
///
///   {"variables": {"job": ["a"], ...},
///    "panels": [{"id": 1, "title": "...", "type": "timeseries",
///                "queries": [{"refId": "A", "datasource": "NAME", "expr": "...",
///                             "instant": false, "start": 1700000000, "end": 1700003600,
///                             "step": 15}]}]}
///
/// Variables are queried from the server where needed (the same VariableSet the window
/// uses), repeated panels appear once per repetition (expandRepeats) and the queries come
/// from planPanelQueries(), the scheduler's own request building. A panel's width is its
/// grid share of --width. Returns 0 on success; 1 when a variable or a data source failed
/// (the JSON is still printed, each failure named on `err`); 2 when the file, a --var or
/// the time range is invalid.
int runInspectCommand(const CommandLineOptions &options, DataSourceRegistry *registry,
                      QTextStream &out, QTextStream &err, int timeoutMs = 60000);

} // namespace pharos
