#pragma once

// Test cases of test_migration_steps, one function per slot.
namespace migrationcases {
void legacyRows();
void legacyRowsWithTitlesAndCollapse();
void graphToTimeseries();
void graphNullAsZeroIsNoted();
void singlestatToStat();
void singlestatRangesPrefixAndGauge();
void tableOld();
void oldGaugeFieldOptions();
void piechartPlugin();
void oldHeatmap();
void dataSourceReferences();
void refreshAndVariables();
void legendAndTableCellSteps();
void unknownTypesAndKeysKept();
void duplicateIdsAreRenumbered();
void layoutFloatsUpAndResolvesOverlaps();
void inputs();
void cloudWatchStatisticsSplit();
void hiddenAxesKeepTheTimeAxis();
void defaultDataSourceAndEmptyQueries();
} // namespace migrationcases
