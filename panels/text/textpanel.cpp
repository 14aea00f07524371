#include "panels/text/textpanel.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QImage>
#include <QRegularExpression>
#include <QTextBrowser>

namespace pharos {

QVariant SafeTextDocument::loadResource(int type, const QUrl &name)
{
    // Inline images only: data:image/...;base64,...
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data")) {
        const QString path = name.path();
        const qsizetype comma = path.indexOf(QLatin1Char(','));
        if (comma > 0 && path.left(comma).endsWith(QLatin1String(";base64"))) {
            const QByteArray bytes =
                QByteArray::fromBase64(path.mid(comma + 1).toLatin1(), QByteArray::Base64Encoding);
            QImage image;
            if (bytes.size() < 4 * 1024 * 1024 && image.loadFromData(bytes))
                return image;
        }
    }
    if (!m_refused.contains(name))
        m_refused.append(name);
    // A transparent pixel: the document caches it and does not ask again.
    if (type == QTextDocument::ImageResource) {
        QImage none(1, 1, QImage::Format_ARGB32);
        none.fill(Qt::transparent);
        return none;
    }
    return QString();
}

QString TextPanel::sanitizeHtml(const QString &htmlIn)
{
    QString html = htmlIn;
    const auto opts =
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption;
    // Elements removed with their content.
    static const QRegularExpression withContent(
        QStringLiteral(R"(<\s*(script|iframe|frame|frameset|object|applet|noscript|template|)"
                       R"(style|svg|math)\b.*?(<\s*/\s*\1\s*>|$))"),
        opts);
    // Elements removed, content kept (or void elements).
    static const QRegularExpression tagOnly(
        QStringLiteral(
            R"(<\s*/?\s*(script|iframe|frame|frameset|object|embed|applet|form|input|)"
            R"(button|textarea|select|link|meta|base|noscript|template|style|svg|math)\b[^>]*>)"),
        opts);
    // on* event handlers, quoted or not.
    static const QRegularExpression handlers(
        QStringLiteral(R"(\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))"), opts);
    // javascript:, vbscript: and non-image data: URLs in attributes.
    static const QRegularExpression badUrls(
        QStringLiteral(R"(\b(href|src|action|background|xlink:href|formaction)\s*=\s*)"
                       R"((["']?)\s*(javascript|vbscript|data(?!:image/))\s*:[^"'\s>]*\2)"),
        opts);
    // CSS that loads: url(...) and @import.
    static const QRegularExpression cssUrl(QStringLiteral(R"(url\s*\([^)]*\)|@import)"), opts);
    static const QRegularExpression tag(QStringLiteral(R"(<\s*[a-zA-Z][^>]*>)"));
    QString prev;
    // Repeat until stable, so nested tricks (<scr<script>ipt>) do not survive.
    for (int i = 0; i < 8 && prev != html; ++i) {
        prev = html;
        for (QString before; before != html;) {
            before = html;
            html.replace(withContent, QString());
        }
        html.replace(tagOnly, QString());
        // Attributes are cleaned inside tags only; text outside tags is left as written.
        QString out;
        qsizetype pos = 0;
        QRegularExpressionMatchIterator it = tag.globalMatch(html);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += html.mid(pos, m.capturedStart() - pos);
            QString t = m.captured(0);
            t.replace(handlers, QString());
            t.replace(badUrls, QStringLiteral(R"(\1="#")"));
            t.replace(cssUrl, QString());
            out += t;
            pos = m.capturedEnd();
        }
        out += html.mid(pos);
        html = out;
    }
    return html;
}

TextPanel::TextPanel(const PanelModel &model, QWidget *parent) : PanelWidget(model, parent)
{
    const QJsonObject options = model.options();
    // Grafana 7+: options.mode/options.content; older files: mode/content on the panel.
    m_mode = options.value(QLatin1String("mode"))
                 .toString(model.json.value(QLatin1String("mode")).toString());
    if (m_mode.isEmpty())
        m_mode = QStringLiteral("markdown");
    m_content = options.contains(QLatin1String("content"))
                    ? options.value(QLatin1String("content")).toString()
                    : model.json.value(QLatin1String("content")).toString();

    m_lineNumbers = options.value(QLatin1String("code"))
                        .toObject()
                        .value(QLatin1String("showLineNumbers"))
                        .toBool(false);

    m_browser = new QTextBrowser;
    m_browser->setObjectName(QStringLiteral("textPanelBrowser"));
    m_document = new SafeTextDocument(m_browser);
    m_browser->setDocument(m_document);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->viewport()->setAutoFillBackground(false);
    m_browser->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            QDesktopServices::openUrl(url);
        else if (!scheme.isEmpty()) // mailto:, javascript:, file:...: only after asking
            Q_EMIT urlActivated(url);
    });
    setContentWidget(m_browser);
    render();
}

void TextPanel::setInterpolator(Interpolator interpolate)
{
    m_interpolate = std::move(interpolate);
    render();
}

void TextPanel::rerender()
{
    render();
}

void TextPanel::render()
{
    const QString text = m_interpolate ? m_interpolate(m_content) : m_content;
    m_document->clear();
    if (m_mode == QLatin1String("html")) {
        m_document->setHtml(sanitizeHtml(text));
    } else if (m_mode == QLatin1String("code")) {
        m_document->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        if (m_lineNumbers) {
            // options.code.showLineNumbers: each line after its number, right-aligned.
            const QStringList lines = text.split(QLatin1Char('\n'));
            const int width = int(QString::number(lines.size()).size());
            QStringList numbered;
            for (int i = 0; i < lines.size(); ++i)
                numbered << QStringLiteral("%1  %2").arg(i + 1, width).arg(lines[i]);
            m_document->setPlainText(numbered.join(QLatin1Char('\n')));
        } else {
            m_document->setPlainText(text);
        }
    } else {
        // Markdown may embed HTML: the same sanitising applies to it. Qt's markdown reader
        // loses the rest of the document after an HTML block with an unclosed void element
        // (<img ...>, <br>): they are written self-closing first.
        static const QRegularExpression voidTag(
            QStringLiteral(
                R"(<\s*(img|br|hr|input|source|area|col|wbr|track|param)\b([^>]*?)\s*/?\s*>)"),
            QRegularExpression::CaseInsensitiveOption);
        QString md = sanitizeHtml(text);
        md.replace(voidTag, QStringLiteral("<\\1\\2/>"));
        m_document->setMarkdown(md, QTextDocument::MarkdownDialectGitHub);
    }
}

QString TextPanel::renderedText() const
{
    return m_document->toPlainText();
}

QString TextPanel::renderedHtml() const
{
    return m_document->toHtml();
}

bool TextPanel::updateContent(const PanelDataPtr &)
{
    return true; // a text panel has no queries: its content is always shown
}

} // namespace pharos
