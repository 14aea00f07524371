#include "panelfixture.h"
#include "panels/colors.h"
#include "panels/table/tablepanel.h"

#include <QApplication>
#include <QBrush>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace pharos;
using namespace pharos::testing;

class TestTablePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsFromInstantVector();
    void sortsValueNumerically();
    void rangeResultShowsLastValue();
    void copyAsTsv();
    void refreshKeepsSortAndSelection();
    void valueMappings();
    void severalQueriesShareRows();
};

static QByteArray tableJson(const char *sortBy = "[]")
{
    return QByteArray(R"({"id": 14, "type": "table", "title": "Busiest handlers",
      "fieldConfig": {"defaults": {"unit": "reqps", "decimals": 1}},
      "options": {"showHeader": true, "sortBy": )") +
           sortBy + R"(},
      "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})";
}

static PanelDataPtr instantVector()
{
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"handler", "/a"}, {"code", "200"}}, kT0, 0, {5}));
    frames.push_back(makeFrame({{"handler", "/b"}, {"code", "200"}}, kT0, 0, {100}));
    frames.push_back(makeFrame({{"handler", "/c"}}, kT0, 0, {20}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    t.back().result.type = ResultType::Vector;
    return makeData(std::move(t), kT0 - 60'000, kT0, 0);
}

static QStringList column(const QAbstractItemModel *m, int c)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, c).data().toString();
    return out;
}

void TestTablePanel::rowsFromInstantVector()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(tableJson())));
    auto *p = qobject_cast<TablePanel *>(w.get());
    QVERIFY(p);
    p->setData(instantVector());
    const QAbstractItemModel *m = p->view()->model();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->columnCount(), 3);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("code"));
    QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QStringLiteral("handler"));
    QCOMPARE(m->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(column(p->tableModel(), 1), (QStringList{"/a", "/b", "/c"}));
    QCOMPARE(column(p->tableModel(), 2), (QStringList{"5.0 req/s", "100.0 req/s", "20.0 req/s"}));
    QCOMPARE(column(p->tableModel(), 0), (QStringList{"200", "200", ""}));
}

void TestTablePanel::sortsValueNumerically()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(tableJson(R"([{"displayName": "Value", "desc": true}])"))));
    auto *p = qobject_cast<TablePanel *>(w.get());
    p->setData(instantVector());
    const QAbstractItemModel *m = p->view()->model();
    // sortBy from the options: Value descending, by number not by text
    QCOMPARE(column(m, 1), (QStringList{"/b", "/c", "/a"}));
    p->view()->sortByColumn(2, Qt::AscendingOrder);
    QCOMPARE(column(m, 1), (QStringList{"/a", "/c", "/b"}));
    p->view()->sortByColumn(1, Qt::DescendingOrder);
    QCOMPARE(column(m, 1), (QStringList{"/c", "/b", "/a"}));
}

void TestTablePanel::rangeResultShowsLastValue()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(tableJson())));
    auto *p = qobject_cast<TablePanel *>(w.get());
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"__name__", "up"}, {"job", "x"}}, kT0, 10'000, {1, 2, 3.5}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    p->setData(makeData(std::move(t), kT0, kT0 + 20'000, 10'000));
    const QAbstractItemModel *m = p->view()->model();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("__name__"));
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("up"));
    QCOMPARE(m->index(0, 2).data().toString(), QStringLiteral("3.5 req/s"));
}

void TestTablePanel::copyAsTsv()
{
    std::unique_ptr<PanelWidget> w(
        PanelWidget::create(makeModel(tableJson(R"([{"displayName": "Value", "desc": true}])"))));
    auto *p = qobject_cast<TablePanel *>(w.get());
    p->resize(600, 300);
    p->show();
    QVERIFY(QTest::qWaitForWindowExposed(p));
    p->setData(instantVector());
    QTableView *v = p->view();
    // select the first two rows (by view order), columns handler and Value
    QItemSelection sel;
    sel.select(v->model()->index(0, 1), v->model()->index(1, 2));
    v->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
    QApplication::clipboard()->clear();
    v->setFocus();
    QTest::keyClick(v, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("handler\tValue\n/b\t100.0 req/s\n/c\t20.0 req/s\n"));
    // the context menu offers the same action
    QCOMPARE(v->actions().size(), 1);
    QApplication::clipboard()->clear();
    v->actions().first()->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("handler\tValue\n/b\t100.0 req/s\n/c\t20.0 req/s\n"));
}

void TestTablePanel::refreshKeepsSortAndSelection()
{
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(tableJson())));
    auto *p = qobject_cast<TablePanel *>(w.get());
    p->resize(600, 300);
    p->setData(instantVector());
    QTableView *v = p->view();
    v->sortByColumn(2, Qt::DescendingOrder);
    const QAbstractItemModel *m = v->model();
    QCOMPARE(column(m, 1), (QStringList{"/b", "/c", "/a"}));
    // select the row of "/c"
    v->selectionModel()->select(m->index(1, 1), QItemSelectionModel::ClearAndSelect);

    // The same series with new values: sorted by the new values, "/c" still selected.
    std::vector<Frame> frames;
    frames.push_back(makeFrame({{"handler", "/a"}, {"code", "200"}}, kT0, 0, {500}));
    frames.push_back(makeFrame({{"handler", "/b"}, {"code", "200"}}, kT0, 0, {100}));
    frames.push_back(makeFrame({{"handler", "/c"}}, kT0, 0, {20}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(frames)));
    t.back().result.type = ResultType::Vector;
    p->setData(makeData(std::move(t), kT0 - 60'000, kT0, 0));
    QCOMPARE(column(m, 1), (QStringList{"/a", "/b", "/c"}));
    QCOMPARE(column(m, 2), (QStringList{"500.0 req/s", "100.0 req/s", "20.0 req/s"}));
    const QModelIndexList sel = v->selectionModel()->selectedIndexes();
    QCOMPARE(sel.size(), 1);
    QCOMPARE(sel.first().data().toString(), QStringLiteral("/c"));
}
void TestTablePanel::valueMappings()
{
    for (const char *cellType : {"color-text", "color-background"}) {
        const QByteArray json = QByteArray(R"({"id": 15, "type": "table", "title": "Mapped",
          "fieldConfig": {"defaults": {"unit": "reqps", "decimals": 1,
            "custom": {"cellOptions": {"type": ")") +
                                cellType + R"("}},
            "mappings": [
              {"type": "value", "options": {"200": {"text": "OK", "color": "green"}}},
              {"type": "range", "options": {"from": 50, "to": null, "result": {"text": "hot", "color": "red"}}},
              {"type": "regex", "options": {"pattern": "^/(.*)$", "result": {"text": "path $1"}}}]}},
          "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"}]})";
        std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(json)));
        auto *p = qobject_cast<TablePanel *>(w.get());
        QVERIFY(p);
        p->setData(instantVector());
        const QAbstractItemModel *m = p->tableModel();
        const int value = p->tableModel()->valueColumn();
        // Values: 5 and 20 keep their formatting, 100 maps to "hot".
        QCOMPARE(column(m, value), (QStringList{"5.0 req/s", "hot", "20.0 req/s"}));
        // Label cells map too: code 200 -> OK, handler via the regex.
        QCOMPARE(column(m, 0), (QStringList{"OK", "OK", ""}));
        QCOMPARE(column(m, 1), (QStringList{"path a", "path b", "path c"}));
        const bool background = QByteArray(cellType) == "color-background";
        const QModelIndex hot = m->index(1, value);
        if (background) {
            // Grafana's default background is a gradient ending in the colour
            const QBrush bg = hot.data(Qt::BackgroundRole).value<QBrush>();
            QVERIFY(bg.gradient());
            QCOMPARE(bg.gradient()->stops().last().second, grafanaColor("red"));
        } else {
            QCOMPARE(hot.data(Qt::ForegroundRole).value<QColor>(), grafanaColor("red"));
            QVERIFY(!hot.data(Qt::BackgroundRole).isValid());
        }
        QVERIFY(!m->index(0, value).data(Qt::ForegroundRole).isValid() || background);
        // The sort role stays the raw number.
        QCOMPARE(hot.data(Qt::UserRole).toDouble(), 100.0);
    }
}

void TestTablePanel::severalQueriesShareRows()
{
    // Two instant queries: each gets a "Value #<refId>" column, series with the same labels
    // share a row, and a query without such a series leaves its cell empty.
    std::unique_ptr<PanelWidget> w(PanelWidget::create(makeModel(R"({"id": 16, "type": "table",
      "title": "Two queries",
      "fieldConfig": {"defaults": {"unit": "short"},
        "overrides": [{"matcher": {"id": "byName", "options": "Value #B"},
                       "properties": [{"id": "displayName", "value": "Errors"},
                                      {"id": "unit", "value": "percent"}]}]},
      "options": {"sortBy": [{"displayName": "Errors", "desc": true}]},
      "targets": [{"refId": "A", "expr": "x", "instant": true, "format": "table"},
                  {"refId": "B", "expr": "y", "instant": true, "format": "table"}]})")));
    auto *p = qobject_cast<TablePanel *>(w.get());
    QVERIFY(p);
    std::vector<Frame> a, b;
    a.push_back(makeFrame({{"handler", "/a"}}, kT0, 0, {5}));
    a.push_back(makeFrame({{"handler", "/b"}}, kT0, 0, {100}));
    b.push_back(makeFrame({{"handler", "/a"}}, kT0, 0, {7}));
    b.push_back(makeFrame({{"handler", "/c"}}, kT0, 0, {3}));
    std::vector<TargetResult> t;
    t.push_back(makeTarget("A", std::move(a)));
    t.push_back(makeTarget("B", std::move(b)));
    p->setData(makeData(std::move(t), kT0 - 60'000, kT0, 0));
    const QAbstractItemModel *m = p->view()->model();
    QCOMPARE(p->columnNames(), (QStringList{"handler", "Value #A", "Value #B"}));
    QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value #A"));
    QCOMPARE(m->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Errors"));
    // sorted by Errors, descending; /b has no B series: empty, sorted last
    QCOMPARE(column(m, 0), (QStringList{"/a", "/c", "/b"}));
    QCOMPARE(column(m, 1), (QStringList{"5", "", "100"}));
    QCOMPARE(column(m, 2), (QStringList{"7%", "3%", ""}));
    // a refresh with new values keeps the rows and updates the cells in place
    std::vector<Frame> a2, b2;
    a2.push_back(makeFrame({{"handler", "/a"}}, kT0, 0, {6}));
    a2.push_back(makeFrame({{"handler", "/b"}}, kT0, 0, {100}));
    b2.push_back(makeFrame({{"handler", "/a"}}, kT0, 0, {1}));
    b2.push_back(makeFrame({{"handler", "/c"}}, kT0, 0, {3}));
    std::vector<TargetResult> t2;
    t2.push_back(makeTarget("A", std::move(a2)));
    t2.push_back(makeTarget("B", std::move(b2)));
    QSignalSpy reset(p->tableModel(), &QAbstractItemModel::modelReset);
    p->setData(makeData(std::move(t2), kT0 - 60'000, kT0, 0));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(column(m, 0), (QStringList{"/c", "/a", "/b"}));
    QCOMPARE(column(m, 1), (QStringList{"", "6", "100"}));
    // B returns nothing: one value column, still named after its query as Grafana does
    std::vector<Frame> a3;
    a3.push_back(makeFrame({{"handler", "/a"}}, kT0, 0, {6}));
    std::vector<TargetResult> t3;
    t3.push_back(makeTarget("A", std::move(a3)));
    t3.push_back(makeTarget("B", {}));
    p->setData(makeData(std::move(t3), kT0 - 60'000, kT0, 0));
    QCOMPARE(p->columnNames(), (QStringList{"handler", "Value #A"}));
}

QTEST_MAIN(TestTablePanel)
#include "test_tablepanel.moc"
