// The variable picker with 100,000 values (a label with many values, a big custom list):
// building the model, one keystroke in the filter (a first character scanning every value,
// a further character narrowing the matches, clearing back to all), and opening the popup
// (load, show, lay out and paint the visible rows).
#include "app/view/variablepicker.h"
#include "dashboards/variables/variables.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <benchmark/benchmark.h>
#include <chrono>

using namespace pharos;

namespace {

constexpr int kValues = 100000;

Variable bigVariable(bool multi)
{
    Variable v;
    v.name = QStringLiteral("host");
    v.type = VariableType::Query;
    v.multi = multi;
    v.includeAll = multi;
    if (multi)
        v.options.append({QStringLiteral("All"), QString(kAllValue)});
    for (int i = 0; i < kValues; ++i) {
        const QString s = QStringLiteral("node-%1.cluster-%2.example.com:9100")
                              .arg(i, 6, 10, QLatin1Char('0'))
                              .arg(i % 37);
        v.options.append({s, s});
    }
    v.currentValues = {multi ? QString(kAllValue) : v.options.first().value};
    return v;
}

void BM_ModelBuild(benchmark::State &state)
{
    const Variable v = bigVariable(state.range(0) != 0);
    VariableOptionsModel model;
    for (auto _ : state) {
        model.setOptions(v.options, v.multi, v.currentValues);
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["values"] = kValues;
}

/// Arg 0: first keystroke ("" -> "7", scans every value); 1: narrowing ("node-01234" ->
/// "node-012345"); 2: clearing ("7" -> "", every value back).
void BM_FilterKeystroke(benchmark::State &state)
{
    const Variable v = bigVariable(false);
    VariableOptionsModel model;
    model.setOptions(v.options, v.multi, v.currentValues);
    const int mode = int(state.range(0));
    const QString before = mode == 0   ? QString()
                           : mode == 1 ? QStringLiteral("node-01234")
                                       : QStringLiteral("7");
    const QString after = mode == 0   ? QStringLiteral("7")
                          : mode == 1 ? QStringLiteral("node-012345")
                                      : QString();
    for (auto _ : state) {
        model.setFilter(before);
        const auto start = std::chrono::steady_clock::now();
        model.setFilter(after);
        benchmark::DoNotOptimize(model.visibleCount());
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    state.counters["visible"] = model.visibleCount();
}

/// Through the line edit as the user types (the list view follows the model reset).
void BM_FilterKeystrokeInPicker(benchmark::State &state)
{
    const Variable v = bigVariable(true);
    VariablePicker picker;
    picker.setVariable(v);
    picker.popup(nullptr);
    QCoreApplication::processEvents();
    for (auto _ : state) {
        picker.filterEdit()->clear();
        QCoreApplication::processEvents();
        const auto start = std::chrono::steady_clock::now();
        picker.filterEdit()->setText(QStringLiteral("7"));
        QCoreApplication::processEvents(); // layout and paint of the visible rows
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    state.counters["visible"] = picker.model()->visibleCount();
    picker.hide();
}

void BM_OpenPopup(benchmark::State &state)
{
    const Variable v = bigVariable(state.range(0) != 0);
    VariablePicker picker;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        picker.setVariable(v);
        picker.popup(nullptr);
        QCoreApplication::processEvents(); // shown, laid out, painted
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        picker.hide();
        QCoreApplication::processEvents();
    }
    state.counters["values"] = kValues;
}

} // namespace

BENCHMARK(BM_ModelBuild)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
// Manual time: only the measured step counts (the reset between iterations does not).
BENCHMARK(BM_FilterKeystroke)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->UseManualTime()
    ->Iterations(50)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterKeystrokeInPicker)
    ->UseManualTime()
    ->Iterations(30)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenPopup)
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Iterations(20)
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
