// The PromQL editor offscreen, driven with QTest key events: highlighting formats at
// positions (also across lines), bracket matching, typing a query with completions fetched
// from a real Prometheus (function, metric with HELP/TYPE, label name, label value, duration),
// variables, Shift+Enter, and the error marker at the position a real Prometheus reports.
#include "app/editor/promqleditor.h"
#include "dashboards/variables/variables.h"
#include "datasources/prometheus/prometheusdatasource.h"
#include "prometheusfixture.h"

#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtTest>
#include <cmath>
#include <memory>

using namespace pharos;
using pharos::test::PrometheusFixture;

namespace {

// The format the highlighter gave the character at `pos`.
QTextCharFormat formatAt(QTextDocument *doc, int pos)
{
    const QTextBlock b = doc->findBlock(pos);
    const int rel = pos - b.position();
    for (const QTextLayout::FormatRange &r : b.layout()->formats())
        if (r.start <= rel && rel < r.start + r.length)
            return r.format;
    return {};
}

// WCAG 2 contrast ratio.
double contrastRatio(const QColor &a, const QColor &b)
{
    auto lum = [](const QColor &c) {
        auto ch = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double x = lum(a.toRgb());
    const double y = lum(b.toRgb());
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

QStringList popupLabels(PromqlEditor &e)
{
    QStringList out;
    for (const PromqlCompletionItem &i : e.completionPopup()->items())
        out << i.label;
    return out;
}

int rowOf(PromqlEditor &e, const QString &label)
{
    return int(popupLabels(e).indexOf(label));
}

} // namespace

class TestPromqlEditor : public QObject
{
    Q_OBJECT
private:
    PrometheusFixture m_prom;
    std::unique_ptr<PrometheusDataSource> m_source;

    // Types `text` and waits until the list offers `label`, then selects it.
    bool waitForCandidate(PromqlEditor &e, const QString &label)
    {
        const bool ok = PrometheusFixture::waitFor(
            [&] { return e.isCompletionVisible() && rowOf(e, label) >= 0; }, 20000);
        if (ok)
            e.completionPopup()->setCurrentRow(rowOf(e, label));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        if (!m_prom.start(&error))
            QFAIL(qPrintable(error));
        DataSourceSettings s;
        s.name = QStringLiteral("prom");
        s.uid = QStringLiteral("prom");
        s.url = m_prom.url();
        m_source = std::make_unique<PrometheusDataSource>(s);
        QVERIFY(m_prom.waitForSeries(
            QStringLiteral("prometheus_http_requests_total{handler=\"/api/v1/query\"}")));
    }

    void highlighting()
    {
        PromqlEditor e;
        e.resize(600, 200);
        e.show();
        const QString q = QStringLiteral("sum by (job) (rate(http_requests_total{code=~\"5..\"}"
                                         "[5m] offset 1h)) > bool 0.5 # note\n"
                                         "+ up{\n  instance=\"$host\"}");
        e.setQuery(q);
        QTextDocument *doc = e.document();
        auto check = [&](const QString &needle, int from, PromqlTokenKind kind) {
            const int pos = int(q.indexOf(needle, from));
            QVERIFY2(pos >= 0, qPrintable(needle));
            const QTextCharFormat want = PromqlHighlighter::formatFor(kind);
            const QTextCharFormat got = formatAt(doc, pos);
            QVERIFY2(got.foreground() == want.foreground(),
                     qPrintable(needle + QStringLiteral(": ") + got.foreground().color().name()));
            QCOMPARE(got.fontWeight(), want.fontWeight());
        };
        check(QStringLiteral("sum"), 0, PromqlTokenKind::Aggregation);
        check(QStringLiteral("by"), 0, PromqlTokenKind::Keyword);
        check(QStringLiteral("job"), 0, PromqlTokenKind::LabelName);
        check(QStringLiteral("rate"), 0, PromqlTokenKind::Function);
        check(QStringLiteral("http_requests_total"), 0, PromqlTokenKind::MetricName);
        check(QStringLiteral("code"), 0, PromqlTokenKind::LabelName);
        check(QStringLiteral("\"5..\""), 0, PromqlTokenKind::String);
        check(QStringLiteral("5m"), 0, PromqlTokenKind::Duration);
        check(QStringLiteral("offset"), 0, PromqlTokenKind::Keyword);
        check(QStringLiteral("0.5"), 0, PromqlTokenKind::Number);
        check(QStringLiteral("# note"), 0, PromqlTokenKind::Comment);
        check(QStringLiteral("up"), int(q.indexOf(u'\n')), PromqlTokenKind::MetricName);
        // The brace opened on line 2 makes "instance" on line 3 a label name.
        check(QStringLiteral("instance"), 0, PromqlTokenKind::LabelName);
        // Editing line 2 recolours line 3: without the brace "instance" is a metric name.
        QTextCursor c(doc);
        c.setPosition(int(q.indexOf(QStringLiteral("up{"))) + 2);
        c.deleteChar();
        const QString q2 = e.query();
        const int pos = int(q2.indexOf(QStringLiteral("instance")));
        QCOMPARE(formatAt(doc, pos).foreground(),
                 PromqlHighlighter::formatFor(PromqlTokenKind::MetricName).foreground());
        QVERIFY(formatAt(doc, pos).foreground() !=
                PromqlHighlighter::formatFor(PromqlTokenKind::LabelName).foreground());
    }

    void coloursFollowThePalette()
    {
        // A dark palette: every token is drawn in a colour readable on the dark Base
        // (WCAG contrast >= 4.5), the brackets' backgrounds keep the text readable, and
        // changing the palette of a live editor recolours its text.
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xd4, 0xd4, 0xd4));
        dark.setColor(QPalette::Window, QColor(0x25, 0x25, 0x26));
        dark.setColor(QPalette::WindowText, QColor(0xd4, 0xd4, 0xd4));
        dark.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        QPalette grey; // a mid-grey base: neither theme's colours fit as they are
        grey.setColor(QPalette::Base, QColor(0x9e, 0x9e, 0x9e));
        grey.setColor(QPalette::Text, Qt::black);
        grey.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));

        const QString q = QStringLiteral("sum by (job) (rate(http_requests_total{code=~\"5..\"}"
                                         "[5m] offset 1h)) > bool 0.5 # note\n"
                                         "+ up{instance=\"$host\"} * $scale");
        const QList<std::pair<QString, PromqlTokenKind>> tokens = {
            {QStringLiteral("sum"), PromqlTokenKind::Aggregation},
            {QStringLiteral("by"), PromqlTokenKind::Keyword},
            {QStringLiteral("job"), PromqlTokenKind::LabelName},
            {QStringLiteral("rate"), PromqlTokenKind::Function},
            {QStringLiteral("http_requests_total"), PromqlTokenKind::MetricName},
            {QStringLiteral("=~"), PromqlTokenKind::Operator},
            {QStringLiteral("\"5..\""), PromqlTokenKind::String},
            {QStringLiteral("5m"), PromqlTokenKind::Duration},
            {QStringLiteral("0.5"), PromqlTokenKind::Number},
            {QStringLiteral("# note"), PromqlTokenKind::Comment},
            {QStringLiteral("$scale"), PromqlTokenKind::Variable},
        };
        PromqlEditor e;
        e.resize(600, 200);
        e.show();
        e.setQuery(q);
        int lightFails = 0;
        for (const QPalette &palette : {dark, light, grey, dark}) {
            e.setPalette(palette);
            const QColor base = palette.color(QPalette::Base);
            QCOMPARE(e.palette().color(QPalette::Base), base);
            QSet<QRgb> seen;
            for (const auto &[needle, kind] : tokens) {
                const int pos = int(q.indexOf(needle));
                const QColor got = formatAt(e.document(), pos).foreground().color();
                QCOMPARE(got, PromqlHighlighter::formatFor(kind, palette).foreground().color());
                const double c = contrastRatio(got, base);
                QVERIFY2(c >= 4.5, qPrintable(needle + QStringLiteral(": ") + got.name() +
                                              QStringLiteral(" on ") + base.name() +
                                              QStringLiteral(" = ") + QString::number(c)));
                seen.insert(got.rgb());
                // The light theme's colours would not do on the dark base.
                if (palette == dark &&
                    contrastRatio(PromqlHighlighter::formatFor(kind, light).foreground().color(),
                                  base) < 4.5)
                    ++lightFails;
            }
            // The kinds stay told apart (operator and keyword share a hue, as do function
            // and aggregation; the rest differ).
            QVERIFY2(seen.size() >= 8, qPrintable(QString::number(seen.size())));
            // Brackets: the text stays readable on both backgrounds, which stand out.
            QTextCursor c = e.textCursor();
            c.setPosition(4);
            e.setTextCursor(c);
            c.setPosition(int(q.indexOf(u'(')) + 1);
            e.setTextCursor(c);
            QCOMPARE(e.extraSelections().size(), 2);
            const QColor match = e.extraSelections().first().format.background().color();
            QCOMPARE(match, PromqlEditor::bracketMatchColor(palette));
            const QColor mismatch = PromqlEditor::bracketMismatchColor(palette);
            for (const QColor &bg : {match, mismatch}) {
                QVERIFY2(contrastRatio(palette.color(QPalette::Text), bg) >= 4.5,
                         qPrintable(bg.name()));
                QVERIFY2(bg != base, qPrintable(bg.name()));
            }
            QVERIFY(match != mismatch);
            // The completion list and the signature hint follow the editor's palette.
            QCOMPARE(e.completionPopup()->palette().color(QPalette::Base), base);
            QCOMPARE(e.signatureHint()->palette().color(QPalette::Base), base);
        }
        QVERIFY2(lightFails >= 5, qPrintable(QString::number(lightFails)));
    }

    void bracketMatching()
    {
        PromqlEditor e;
        e.show();
        e.setQuery(QStringLiteral("sum(rate(x{a=\"(\"}[5m]))"));
        QTextCursor c = e.textCursor();
        c.setPosition(4); // just after "sum("
        e.setTextCursor(c);
        QCOMPARE(e.highlightedBrackets(), std::make_pair(3, 22));
        int matched = 0;
        for (const QTextEdit::ExtraSelection &s : e.extraSelections())
            if (s.format.background().color() == PromqlEditor::bracketMatchColor())
                ++matched;
        QCOMPARE(matched, 2);
        c.setPosition(17); // before "[" (after "}" wins)
        e.setTextCursor(c);
        QCOMPARE(e.highlightedBrackets(), std::make_pair(16, 10));
        // Unmatched bracket: shown in the mismatch colour.
        e.setQuery(QStringLiteral("sum(rate(x)"));
        c = e.textCursor();
        c.setPosition(4);
        e.setTextCursor(c);
        QCOMPARE(e.highlightedBrackets(), std::make_pair(3, -1));
        QCOMPARE(e.extraSelections().size(), 1);
        QCOMPARE(e.extraSelections().first().format.background().color(),
                 PromqlEditor::bracketMismatchColor());
        // The bracket inside the string is not a bracket.
        e.setQuery(QStringLiteral("x{a=\"(\"}"));
        c.setPosition(6);
        e.setTextCursor(c);
        QCOMPARE(e.highlightedBrackets(), std::make_pair(-1, -1));
    }

    void typeQueryWithCompletionFromPrometheus()
    {
        PromqlEditor e;
        e.setDataSource(m_source.get());
        e.resize(700, 160);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        QSignalSpy run(&e, &PromqlEditor::runRequested);

        // A function: "ra" offers rad and rate with their signatures.
        QTest::keyClicks(&e, QStringLiteral("ra"));
        QVERIFY(waitForCandidate(e, QStringLiteral("rate")));
        QVERIFY(e.completionPopup()->detailsText().contains(QStringLiteral("range-vector")));
        QTest::keyClick(&e, Qt::Key_Return);
        QCOMPARE(e.query(), QStringLiteral("rate()"));
        QCOMPARE(e.textCursor().position(), 5);

        // A metric name, with TYPE and HELP from the server.
        QTest::keyClicks(&e, QStringLiteral("prometheus_http_requests_t"));
        QVERIFY(waitForCandidate(e, QStringLiteral("prometheus_http_requests_total")));
        QVERIFY(PrometheusFixture::waitFor(
            [&] { return e.completionPopup()->detailsText().contains(QStringLiteral("counter")); },
            20000));
        const QString help =
            m_prom
                .queryJson(QStringLiteral("/api/v1/metadata"),
                           QUrlQuery{{QStringLiteral("metric"),
                                      QStringLiteral("prometheus_http_requests_total")}})
                .value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("prometheus_http_requests_total"))
                .toArray()
                .first()
                .toObject()
                .value(QLatin1String("help"))
                .toString();
        QVERIFY(!help.isEmpty());
        QVERIFY(e.completionPopup()->detailsText().contains(help.toHtmlEscaped()));
        QTest::keyClick(&e, Qt::Key_Tab);
        QCOMPARE(e.query(), QStringLiteral("rate(prometheus_http_requests_total)"));

        // A label name of that metric: accepting it opens its values.
        QTest::keyClicks(&e, QStringLiteral("{han"));
        QVERIFY(waitForCandidate(e, QStringLiteral("handler")));
        QTest::keyClick(&e, Qt::Key_Return);
        QCOMPARE(e.query(), QStringLiteral("rate(prometheus_http_requests_total{handler=\"\")"));
        QTest::keyClicks(&e, QStringLiteral("/api/v1/qu"));
        QVERIFY(waitForCandidate(e, QStringLiteral("/api/v1/query")));
        QTest::keyClick(&e, Qt::Key_Return);
        QCOMPARE(e.query(),
                 QStringLiteral("rate(prometheus_http_requests_total{handler=\"/api/v1/query\")"));

        // Move past the closing quote, close the selector, then a duration.
        QTest::keyClick(&e, Qt::Key_Right);
        QTest::keyClicks(&e, QStringLiteral("}[$__ra"));
        QVERIFY(waitForCandidate(e, QStringLiteral("$__rate_interval")));
        QTest::keyClick(&e, Qt::Key_Escape);
        QVERIFY(!e.isCompletionVisible());
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(&e, Qt::Key_Backspace);
        QTest::keyClicks(&e, QStringLiteral("5m]"));
        const QString expected =
            QStringLiteral("rate(prometheus_http_requests_total{handler=\"/api/v1/query\"}[5m])");
        QCOMPARE(e.query(), expected);

        // Hovering the metric shows its TYPE and HELP (metadata cached by the completion).
        const QString tip = e.toolTipAt(int(expected.indexOf(QStringLiteral("prometheus_"))) + 3);
        QVERIFY2(tip.contains(QStringLiteral("counter")) && tip.contains(help.toHtmlEscaped()),
                 qPrintable(tip));
        // Shift+Enter runs and inserts nothing.
        QTest::keyClick(&e, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(run.count(), 1);
        QCOMPARE(e.query(), expected);
        // The query is valid: the server evaluates it.
        const QJsonObject r = m_prom.queryJson(QStringLiteral("/api/v1/query"),
                                               QUrlQuery{{QStringLiteral("query"), expected}});
        QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("success"));
    }

    void rankedCompletionList()
    {
        // Typing "dur" after "(" lists the real server's names ranked: a name with a word
        // starting "dur" first and current; Enter inserts it.
        PromqlEditor e;
        e.setDataSource(m_source.get());
        e.resize(700, 160);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        QTest::keyClicks(&e, QStringLiteral("sum(dur"));
        QVERIFY(PrometheusFixture::waitFor(
            [&] {
                return e.isCompletionVisible() &&
                       rowOf(e, QStringLiteral("prometheus_http_request_duration_seconds_count")) >=
                           0;
            },
            20000));
        const QStringList labels = popupLabels(e);
        QCOMPARE(promqlMatchRank(labels.first(), u"dur"), PromqlMatchRank::WordStart);
        QCOMPARE(e.completionPopup()->currentRow(), 0);
        for (int i = 1; i < labels.size(); ++i)
            QVERIFY2(promqlMatchRank(labels.at(i - 1), u"dur") <=
                         promqlMatchRank(labels.at(i), u"dur"),
                     qPrintable(labels.at(i - 1) + QStringLiteral(" before ") + labels.at(i)));
        // Moving down, then typing more: the best match of the new text is current again.
        QTest::keyClick(&e, Qt::Key_Down);
        QCOMPARE(e.completionPopup()->currentRow(), 1);
        QTest::keyClick(&e, Qt::Key_A);
        QTRY_COMPARE(e.completionPopup()->currentRow(), 0);
        const QString best = popupLabels(e).first();
        QVERIFY2(best.contains(QStringLiteral("dura")), qPrintable(best));
        QTest::keyClick(&e, Qt::Key_Return);
        QCOMPARE(e.query(), QStringLiteral("sum(") + best);
    }

    void signatureHint()
    {
        // Typing a nested query: the hint under the cursor follows the innermost call and
        // its current argument, the label list of an aggregation, and hides outside calls.
        QWidget window;
        auto *e = new PromqlEditor(&window);
        auto *other = new QLineEdit(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(e);
        layout->addWidget(other);
        window.resize(700, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        e->setFocus();
        QTRY_VERIFY(e->hasFocus());
        auto hint = [&] { return e->signatureHint()->text(); };
        QVERIFY(!e->isSignatureHintVisible());
        QTest::keyClicks(e, QStringLiteral("histogram_quantile("));
        QVERIFY(e->isSignatureHintVisible());
        QCOMPARE(e->signatureContext().function, QStringLiteral("histogram_quantile"));
        QVERIFY2(hint().contains(QStringLiteral("<b>φ scalar</b>")), qPrintable(hint()));
        QVERIFY(hint().contains(QStringLiteral("b instant-vector")));
        QVERIFY(!hint().contains(QStringLiteral("<b>b instant-vector</b>")));
        // Under the cursor (while no completion list is open).
        QTest::keyClick(e, Qt::Key_Escape); // closes the completion list "(" opened
        QVERIFY(!e->isCompletionVisible());
        QVERIFY(e->isSignatureHintVisible());
        const QRect cursor = e->cursorRect();
        const QPoint below = e->viewport()->mapToGlobal(cursor.bottomLeft());
        QVERIFY(e->signatureHint()->geometry().top() >= below.y());
        QVERIFY(std::abs(e->signatureHint()->geometry().left() - below.x()) < 4);
        QTest::keyClicks(e, QStringLiteral("0.9, "));
        QVERIFY2(hint().contains(QStringLiteral("<b>b instant-vector</b>")), qPrintable(hint()));
        QCOMPARE(e->signatureContext().argument, 1);
        // The aggregation's label list, then its argument.
        QTest::keyClicks(e, QStringLiteral("sum by ("));
        QCOMPARE(e->signatureContext().function, QStringLiteral("sum"));
        QVERIFY2(hint().contains(QStringLiteral("<b>[by|without (label, …)]</b>")),
                 qPrintable(hint()));
        QTest::keyClicks(e, QStringLiteral("le) ("));
        QCOMPARE(e->signatureContext().function, QStringLiteral("sum"));
        QVERIFY2(hint().contains(QStringLiteral("<b>v instant-vector</b>")), qPrintable(hint()));
        // A nested call, inside its selector and range.
        QTest::keyClicks(e, QStringLiteral("rate(x{a=\"b\""));
        QCOMPARE(e->signatureContext().function, QStringLiteral("rate"));
        QVERIFY2(hint().contains(QStringLiteral("<b>v range-vector</b>")), qPrintable(hint()));
        QVERIFY(!e->isCompletionVisible()); // no data source: no values to offer
        QTest::keyClicks(e, QStringLiteral("}[5m]"));
        QCOMPARE(e->signatureContext().function, QStringLiteral("rate"));
        QVERIFY(e->isSignatureHintVisible());
        // Closing the calls goes back out, one at a time.
        QTest::keyClicks(e, QStringLiteral(")"));
        QCOMPARE(e->signatureContext().function, QStringLiteral("sum"));
        QTest::keyClicks(e, QStringLiteral(")"));
        QCOMPARE(e->signatureContext().function, QStringLiteral("histogram_quantile"));
        QVERIFY(hint().contains(QStringLiteral("<b>b instant-vector</b>")));
        QTest::keyClicks(e, QStringLiteral(")"));
        QVERIFY(!e->signatureContext().isValid());
        QVERIFY(!e->isSignatureHintVisible());
        QCOMPARE(e->query(), QStringLiteral("histogram_quantile(0.9, sum by (le) "
                                            "(rate(x{a=\"b\"}[5m])))"));
        // Moving the cursor back into a call shows it again; Esc hides it until the cursor
        // leaves that call; leaving the editor hides it.
        QTest::keyClick(e, Qt::Key_Left);
        QTRY_VERIFY(e->isSignatureHintVisible());
        QCOMPARE(e->signatureContext().function, QStringLiteral("histogram_quantile"));
        QTest::keyClick(e, Qt::Key_Escape);
        QVERIFY(!e->isSignatureHintVisible());
        QTextCursor c = e->textCursor();
        c.setPosition(int(e->query().indexOf(QStringLiteral(", sum"))));
        e->setTextCursor(c); // still in histogram_quantile, its first argument
        QCOMPARE(e->signatureContext().function, QStringLiteral("histogram_quantile"));
        QCOMPARE(e->signatureContext().argument, 0);
        QVERIFY(!e->isSignatureHintVisible());
        c.setPosition(int(e->query().size()) - 2);
        e->setTextCursor(c); // before sum's ")"
        QCOMPARE(e->signatureContext().function, QStringLiteral("sum"));
        QVERIFY(e->isSignatureHintVisible());
        other->setFocus();
        QTRY_VERIFY(!e->hasFocus());
        QVERIFY(!e->isSignatureHintVisible());
    }

    void ctrlSpaceAndVariables()
    {
        PromqlEditor e;
        e.setVariableNames({QStringLiteral("job"), QStringLiteral("instance")});
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        // Ctrl+Space in an empty editor offers the functions at once (no data source).
        QTest::keyClick(&e, Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(e.isCompletionVisible());
        QVERIFY(popupLabels(e).contains(QStringLiteral("histogram_quantile")));
        QTest::keyClick(&e, Qt::Key_Escape);
        QTest::keyClicks(&e, QStringLiteral("up{job=~\"x\"} * $j"));
        QTRY_VERIFY(e.isCompletionVisible());
        QCOMPARE(popupLabels(e), QStringList{QStringLiteral("$job")});
        // Down/Up stay within the list; Enter accepts.
        QTest::keyClick(&e, Qt::Key_Down);
        QTest::keyClick(&e, Qt::Key_Up);
        QTest::keyClick(&e, Qt::Key_Enter);
        QCOMPARE(e.query(), QStringLiteral("up{job=~\"x\"} * $job"));
        QVERIFY(!e.isCompletionVisible());

        // The dashboard's variables, also inside a label value.
        VariableSet vars(nullptr);
        vars.setDefinitions(
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("cluster")},
                                   {QStringLiteral("type"), QStringLiteral("custom")},
                                   {QStringLiteral("query"), QStringLiteral("a,b")}}});
        e.setVariableSet(&vars);
        e.setQuery(QString());
        QTest::keyClicks(&e, QStringLiteral("up{cluster=\"$c"));
        QTRY_VERIFY(e.isCompletionVisible());
        // The variable starting with the text first, then the one containing it.
        QCOMPARE(popupLabels(e),
                 (QStringList{QStringLiteral("$cluster"), QStringLiteral("$instance")}));
        QCOMPARE(e.completionPopup()->currentRow(), 0);
        QTest::keyClick(&e, Qt::Key_Tab);
        QCOMPARE(e.query(), QStringLiteral("up{cluster=\"$cluster\""));
    }

    void errorMarkerFromServer()
    {
        PromqlEditor e;
        e.show();
        const QString bad = QStringLiteral("sum(rate(up[5m])) + * 2");
        e.setQuery(bad);
        QueryRequest req;
        req.expr = bad;
        req.instant = true;
        std::unique_ptr<QueryReply> reply(m_source->query(req));
        QVERIFY(PrometheusFixture::waitFor([&] { return reply->isFinished(); }, 20000));
        QCOMPARE(reply->error().kind, DataSourceError::Kind::QueryError);
        const QString message = reply->error().message();
        e.setServerError(message);
        // Prometheus points at the unexpected "*".
        QCOMPARE(e.errorOffset(), int(bad.indexOf(u'*')));
        QCOMPARE(e.errorMessage(), message);
        bool marked = false;
        for (const QTextEdit::ExtraSelection &s : e.extraSelections())
            if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
                QCOMPARE(s.cursor.selectionStart(), int(bad.indexOf(u'*')));
                QCOMPARE(s.cursor.selectedText(), QStringLiteral("*"));
                marked = true;
            }
        QVERIFY(marked);
        // Hovering the marker shows the message; hovering a function its signature.
        QCOMPARE(e.toolTipAt(int(bad.indexOf(u'*'))), message.toHtmlEscaped());
        QVERIFY(e.toolTipAt(5).contains(QStringLiteral("rate(v range-vector)")));
        QVERIFY(e.toolTipAt(1).contains(QStringLiteral("sum [by|without")));
        // A real hover over "rate" (a tool-tip event on the viewport) shows it too.
        const QRect r = e.cursorRect([&] {
            QTextCursor c(e.document());
            c.setPosition(5);
            return c;
        }());
        QHelpEvent hover(QEvent::ToolTip, r.center(), e.viewport()->mapToGlobal(r.center()));
        QApplication::sendEvent(e.viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("range-vector")),
                 qPrintable(QToolTip::text()));
        // Editing clears the marker.
        QTest::keyClick(&e, Qt::Key_Backspace);
        QCOMPARE(e.errorOffset(), -1);
    }
};

QTEST_MAIN(TestPromqlEditor)
#include "test_promqleditor.moc"
