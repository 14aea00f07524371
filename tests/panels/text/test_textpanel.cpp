// Text panel: markdown and HTML rendered, scripts and active content stripped, nothing loaded
// from the network (a local server must see no connection), $var left for interpolation.
#include "faultserver.h"
#include "panelfixture.h"
#include "panels/text/textpanel.h"

#include <QBuffer>
#include <QTest>
#include <QTextBrowser>

using namespace pharos;
using namespace pharos::testing;
using pharos::test::FaultServer;

class TestTextPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markdownRendered();
    void htmlScriptsStripped();
    void noRemoteLoads();
    void inlineDataImageShown();
    void legacyTopLevelContent();
    void interpolationHook();
    void sanitizeHtml_data();
    void sanitizeHtml();
};

static std::unique_ptr<TextPanel> makeText(const QString &mode, const QString &content)
{
    QJsonObject panel{{"id", 9},
                      {"type", "text"},
                      {"title", "T"},
                      {"options", QJsonObject{{"mode", mode}, {"content", content}}}};
    std::unique_ptr<TextPanel> p(
        qobject_cast<TextPanel *>(PanelWidget::create(makeModel(QJsonDocument(panel).toJson()))));
    if (p) {
        p->resize(500, 400);
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
    }
    return p;
}

void TestTextPanel::markdownRendered()
{
    auto p =
        makeText("markdown", "# Title\n\nSome **bold** text and a [link](https://example.org).\n\n"
                             "- one\n- two\n");
    QVERIFY(p);
    QCOMPARE(p->mode(), QStringLiteral("markdown"));
    const QString text = p->renderedText();
    QVERIFY(text.contains("Title"));
    QVERIFY(!text.contains("# Title")); // the heading is a heading, not literal text
    QVERIFY(!text.contains("**"));
    QVERIFY(text.contains("bold"));
    QVERIFY(p->renderedHtml().contains("font-weight:700") ||
            p->renderedHtml().contains("font-weight:600"));
    QVERIFY(p->renderedHtml().contains("https://example.org"));
    QCOMPARE(p->statusText(), QString()); // no "No data" for a panel without queries
    QVERIFY(p->browser()->isVisible());
}

void TestTextPanel::htmlScriptsStripped()
{
    auto p =
        makeText("html", "<h2>Hello</h2><script>document.title='pwned'</script>"
                         "<p onclick=\"alert(1)\">para</p><iframe src=\"https://evil\">x</iframe>"
                         "<a href=\"javascript:alert(2)\">bad link</a><SCRIPT src=x.js></SCRIPT>");
    const QString text = p->renderedText();
    QVERIFY(text.contains("Hello"));
    QVERIFY(text.contains("para"));
    QVERIFY(!text.contains("pwned"));
    QVERIFY(!text.contains("document.title"));
    const QString html = p->renderedHtml();
    QVERIFY(!html.contains("javascript", Qt::CaseInsensitive));
    QVERIFY(!html.contains("alert"));
    QVERIFY(!html.contains("evil"));
    // Markdown may embed HTML: the same stripping applies.
    auto m = makeText("markdown", "Text\n\n<script>alert('md')</script>\n\nmore\n\n"
                                  "<img src=\"a.png\">\n\nlast <br> line");
    QVERIFY(!m->renderedText().contains("alert"));
    QVERIFY(m->renderedText().contains("more"));
    QVERIFY(m->renderedText().contains("last"));
    QVERIFY(m->renderedText().contains("line"));
}

void TestTextPanel::noRemoteLoads()
{
    FaultServer server(FaultServer::Mode::Http500);
    QVERIFY(server.start());
    const QString base = server.url().toString();
    const QString md = QStringLiteral("Remote image: ![img](%1/img.png)\n\n"
                                      "<img src=\"%1/raw.png\">\n\n"
                                      "<link rel=\"stylesheet\" href=\"%1/style.css\">\n\n"
                                      "<div style=\"background: url(%1/bg.png)\">bg</div>\n")
                           .arg(base);
    auto p = makeText("markdown", md);
    auto h = makeText("html",
                      QStringLiteral("<p>x</p><img src=\"%1/html.png\">"
                                     "<table background=\"%1/t.png\"><tr><td>c</td></tr></table>")
                          .arg(base));
    // Paint both, then give any request time to arrive.
    p->grab();
    h->grab();
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(25);
    }
    QCOMPARE(server.connectionCount(), 0);
    QCOMPARE(server.requests(), QStringList());
    // The documents asked for the images and were refused.
    QVERIFY(p->document()->refusedResources().contains(QUrl(base + "/img.png")));
    QVERIFY(p->document()->refusedResources().contains(QUrl(base + "/raw.png")));
    // The HTML blocks do not swallow the text after them.
    QVERIFY(p->renderedText().contains("bg"));
    QVERIFY(!p->renderedHtml().contains("bg.png"));
    QVERIFY(h->document()->refusedResources().contains(QUrl(base + "/html.png")));
    // Local files are refused too.
    auto f = makeText("html", "<img src=\"file:///etc/hostname\"><img src=\"/etc/hostname\">");
    f->grab();
    QCOMPARE(f->document()->refusedResources().size() >= 2, true);
}

void TestTextPanel::inlineDataImageShown()
{
    QImage red(20, 20, QImage::Format_RGB32);
    red.fill(QColor(255, 0, 0));
    QByteArray png;
    QBuffer buf(&png);
    buf.open(QIODevice::WriteOnly);
    red.save(&buf, "PNG");
    auto p = makeText("html", QStringLiteral("<img src=\"data:image/png;base64,%1\">")
                                  .arg(QString::fromLatin1(png.toBase64())));
    const QImage img = p->browser()->viewport()->grab().toImage();
    QVERIFY(countColor(img, QColor(255, 0, 0), 0, img.width(), 0, img.height(), 10) >= 300);
    QVERIFY(p->document()->refusedResources().isEmpty());
}

void TestTextPanel::legacyTopLevelContent()
{
    std::unique_ptr<TextPanel> p(qobject_cast<TextPanel *>(PanelWidget::create(
        makeModel(R"({"id": 2, "type": "text", "mode": "html", "content": "<b>old</b> panel"})"))));
    QVERIFY(p);
    QCOMPARE(p->mode(), QStringLiteral("html"));
    QCOMPARE(p->renderedText(), QStringLiteral("old panel"));
    std::unique_ptr<TextPanel> code(qobject_cast<TextPanel *>(PanelWidget::create(makeModel(
        R"({"id": 3, "type": "text", "options": {"mode": "code", "content": "<b>x</b> **y**"}})"))));
    QCOMPARE(code->renderedText(), QStringLiteral("<b>x</b> **y**"));
}

void TestTextPanel::interpolationHook()
{
    auto p = makeText("markdown", "Cluster: $cluster and ${env}");
    QCOMPARE(p->renderedText().trimmed(), QStringLiteral("Cluster: $cluster and ${env}"));
    p->setInterpolator([](const QString &s) {
        return QString(s).replace("$cluster", "prod-eu").replace("${env}", "live");
    });
    QCOMPARE(p->renderedText().trimmed(), QStringLiteral("Cluster: prod-eu and live"));
    // Interpolated values cannot smuggle scripts in.
    p->setInterpolator([](const QString &s) {
        return QString(s).replace("$cluster", "<script>alert(3)</script>");
    });
    QVERIFY(!p->renderedText().contains("alert"));
}

void TestTextPanel::sanitizeHtml_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("script") << "a<script>x()</script>b"
                            << "ab";
    QTest::newRow("unclosed script") << "a<script>x()"
                                     << "a";
    QTest::newRow("nested") << "<scr<script>x</script>ipt>y()</script>z"
                            << "z";
    QTest::newRow("handler") << "<p onmouseover='x()' class=c>t</p>"
                             << "<p class=c>t</p>";
    QTest::newRow("js url") << "<a href=\"javascript:x()\">t</a>"
                            << "<a href=\"#\">t</a>";
    QTest::newRow("css url") << "<div style=\"background:url(http://x/y.png)\">t</div>"
                             << "<div style=\"background:\">t</div>";
    QTest::newRow("text kept") << "Set only = 5 and call url(x)"
                               << "Set only = 5 and call url(x)";
    QTest::newRow("embed") << "<embed src=a.swf>ok"
                           << "ok";
}

void TestTextPanel::sanitizeHtml()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(TextPanel::sanitizeHtml(in), out);
}

QTEST_MAIN(TestTextPanel)
#include "test_textpanel.moc"
