#pragma once

#include "panels/panelwidget.h"

#include <QTextDocument>
#include <QUrl>
#include <functional>

class QTextBrowser;

namespace pharos {

/// A QTextDocument that loads nothing from outside: no remote or local files, no style
/// sheets. Only inline `data:` images are decoded. Every refused resource is recorded.
class SafeTextDocument : public QTextDocument
{
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;
    QList<QUrl> refusedResources() const { return m_refused; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QList<QUrl> m_refused;
};

/// Grafana "text": markdown (default) or HTML content, sanitised (scripts, frames, objects,
/// forms, event handlers and javascript: links removed) and shown without loading anything
/// remote; "code" mode shows the content as plain monospace text (with line numbers when
/// options.code.showLineNumbers). Links open in the user's
/// browser only when clicked, and only http(s) and mailto.
class TextPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit TextPanel(const PanelModel &model, QWidget *parent = nullptr);

    /// The hook for dashboard variables: called on the content before it is rendered (the
    /// default leaves `$var` as is). Setting it re-renders.
    using Interpolator = std::function<QString(const QString &)>;
    void setInterpolator(Interpolator interpolate);
    /// Renders the content again (e.g. after the variables changed).
    void rerender();

    QString mode() const { return m_mode; }
    QString content() const { return m_content; }
    /// Code mode: options.code.showLineNumbers numbers the lines.
    bool showsLineNumbers() const { return m_lineNumbers; }
    /// What is shown, as plain text.
    QString renderedText() const;
    /// The HTML of the shown document (after sanitising and rendering).
    QString renderedHtml() const;
    QTextBrowser *browser() const { return m_browser; }
    SafeTextDocument *document() const { return m_document; }

    /// Removes from HTML what must never run or load: script/style-less active content
    /// (script, iframe, frame, object, embed, applet, form, link, meta, base), on* event
    /// attributes and javascript:/vbscript: URLs.
    static QString sanitizeHtml(const QString &html);

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    void render();
    QTextBrowser *m_browser = nullptr;
    SafeTextDocument *m_document = nullptr;
    Interpolator m_interpolate;
    QString m_mode;
    QString m_content;
    bool m_lineNumbers = false;
};

} // namespace pharos
