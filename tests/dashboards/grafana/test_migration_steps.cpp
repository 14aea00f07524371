// Each migration step on small hand-written Grafana JSON (the cases are in
// test_migration_steps_cases.cpp).
#include "test_migration_steps_cases.h"

#include <QtTest>

class TestMigrationSteps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void legacyRows() { migrationcases::legacyRows(); }
    void legacyRowsWithTitlesAndCollapse() { migrationcases::legacyRowsWithTitlesAndCollapse(); }
    void graphToTimeseries() { migrationcases::graphToTimeseries(); }
    void graphNullAsZeroIsNoted() { migrationcases::graphNullAsZeroIsNoted(); }
    void singlestatToStat() { migrationcases::singlestatToStat(); }
    void singlestatRangesPrefixAndGauge() { migrationcases::singlestatRangesPrefixAndGauge(); }
    void tableOld() { migrationcases::tableOld(); }
    void oldGaugeFieldOptions() { migrationcases::oldGaugeFieldOptions(); }
    void piechartPlugin() { migrationcases::piechartPlugin(); }
    void oldHeatmap() { migrationcases::oldHeatmap(); }
    void dataSourceReferences() { migrationcases::dataSourceReferences(); }
    void refreshAndVariables() { migrationcases::refreshAndVariables(); }
    void legendAndTableCellSteps() { migrationcases::legendAndTableCellSteps(); }
    void unknownTypesAndKeysKept() { migrationcases::unknownTypesAndKeysKept(); }
    void duplicateIdsAreRenumbered() { migrationcases::duplicateIdsAreRenumbered(); }
    void layoutFloatsUpAndResolvesOverlaps()
    {
        migrationcases::layoutFloatsUpAndResolvesOverlaps();
    }
    void inputs() { migrationcases::inputs(); }
    void cloudWatchStatisticsSplit() { migrationcases::cloudWatchStatisticsSplit(); }
    void hiddenAxesKeepTheTimeAxis() { migrationcases::hiddenAxesKeepTheTimeAxis(); }
    void defaultDataSourceAndEmptyQueries() { migrationcases::defaultDataSourceAndEmptyQueries(); }
};

QTEST_GUILESS_MAIN(TestMigrationSteps)
#include "test_migration_steps.moc"
