#include "app/view/dashboarddocument.h"

#include "dashboards/model/dashboardedit.h"

#include <QJsonArray>
#include <QUndoStack>

namespace pharos {

namespace {

/// The panels array without grid positions (to tell a layout change from the rest).
QJsonArray withoutGridPos(const QJsonArray &panels)
{
    QJsonArray out;
    for (const QJsonValue &v : panels) {
        if (!v.isObject()) {
            out.append(v);
            continue;
        }
        QJsonObject p = v.toObject();
        p.remove(QLatin1String("gridPos"));
        if (p.value(QLatin1String("panels")).isArray())
            p.insert(QLatin1String("panels"),
                     withoutGridPos(p.value(QLatin1String("panels")).toArray()));
        out.append(p);
    }
    return out;
}

bool onlyLayoutDiffers(const QJsonObject &a, const QJsonObject &b)
{
    QJsonObject ra = a;
    QJsonObject rb = b;
    ra.remove(QLatin1String("panels"));
    rb.remove(QLatin1String("panels"));
    if (ra != rb)
        return false;
    // Same panels in the same order, apart from gridPos (the order follows the positions, so
    // compare them as sets by id).
    const QJsonArray pa = withoutGridPos(a.value(QLatin1String("panels")).toArray());
    const QJsonArray pb = withoutGridPos(b.value(QLatin1String("panels")).toArray());
    if (pa.size() != pb.size())
        return false;
    QHash<int, QJsonObject> byId;
    for (const QJsonValue &v : pa)
        byId.insert(v.toObject().value(QLatin1String("id")).toInt(), v.toObject());
    if (byId.size() != pa.size())
        return false;
    for (const QJsonValue &v : pb) {
        const int id = v.toObject().value(QLatin1String("id")).toInt();
        if (byId.value(id) != v.toObject())
            return false;
    }
    return true;
}

} // namespace

DashboardDocument::DashboardDocument(QObject *parent)
    : QObject(parent), m_stack(new QUndoStack(this))
{
    connect(m_stack, &QUndoStack::cleanChanged, this, &DashboardDocument::emitModified);
}

DashboardDocument::~DashboardDocument() = default;

bool DashboardDocument::isModified() const
{
    return m_dashboard && (m_unsavedOrigin || !m_stack->isClean());
}

void DashboardDocument::emitModified()
{
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void DashboardDocument::reset(const Dashboard &dashboard, const QString &path, bool modified)
{
    m_previewBase.reset();
    m_stack->clear();
    m_stack->setClean();
    m_dashboard = dashboard;
    m_path = path;
    m_unsavedOrigin = modified;
    ++m_revision;
    Q_EMIT changed(Change::Reset);
    emitModified();
}

void DashboardDocument::clear()
{
    m_previewBase.reset();
    m_stack->clear();
    m_dashboard.reset();
    m_path.clear();
    m_unsavedOrigin = false;
    ++m_revision;
    Q_EMIT changed(Change::Reset);
    emitModified();
}

bool DashboardDocument::replaceDashboardJson(const QJsonObject &json, const QString &text,
                                             QString *error, int mergeKey)
{
    if (!m_dashboard) {
        if (error)
            *error = tr("No dashboard is open.");
        return false;
    }
    QString parseError;
    if (!Dashboard::fromObject(json, &parseError)) {
        if (error)
            *error = parseError;
        return false;
    }
    const QJsonObject before = m_dashboard->toJson();
    if (before == json)
        return true;
    m_stack->push(new ReplaceDashboardCommand(this, before, json, text, mergeKey));
    return true;
}

bool DashboardDocument::replacePanelJson(int panelId, const QJsonObject &panel, const QString &text,
                                         QString *error, int mergeKey)
{
    if (!m_dashboard || dashboardedit::findPanel(m_dashboard->toJson(), panelId).isEmpty()) {
        if (error)
            *error = tr("The panel is no longer on the dashboard.");
        return false;
    }
    return replaceDashboardJson(dashboardedit::replacePanel(m_dashboard->toJson(), panelId, panel),
                                text, error, mergeKey);
}

void DashboardDocument::beginPreview()
{
    if (m_dashboard)
        m_previewBase = m_dashboard->toJson();
}

void DashboardDocument::preview(const QJsonObject &json)
{
    if (!m_previewBase)
        return;
    setJson(json);
}

void DashboardDocument::commitPreview(const QString &text)
{
    if (!m_previewBase || !m_dashboard)
        return;
    const QJsonObject before = *m_previewBase;
    m_previewBase.reset();
    const QJsonObject after = m_dashboard->toJson();
    if (before != after)
        m_stack->push(new ReplaceDashboardCommand(this, before, after, text));
}

void DashboardDocument::cancelPreview()
{
    if (!m_previewBase)
        return;
    const QJsonObject before = *m_previewBase;
    m_previewBase.reset();
    setJson(before);
}

void DashboardDocument::setJson(const QJsonObject &json)
{
    auto next = Dashboard::fromObject(json);
    if (!next)
        return; // the commands only carry validated JSON
    const QJsonObject before = m_dashboard ? m_dashboard->toJson() : QJsonObject();
    const bool layoutOnly = m_dashboard && onlyLayoutDiffers(before, json);
    m_dashboard = std::move(next);
    ++m_revision;
    Q_EMIT changed(layoutOnly ? Change::Layout : Change::Content);
    emitModified();
}

void DashboardDocument::markSaved(const QString &path)
{
    m_path = path;
    m_unsavedOrigin = false;
    m_stack->setClean();
    emitModified();
}

void DashboardDocument::markModified()
{
    m_unsavedOrigin = true;
    ++m_revision;
    emitModified();
}

ReplaceDashboardCommand::ReplaceDashboardCommand(DashboardDocument *document, QJsonObject before,
                                                 QJsonObject after, const QString &text,
                                                 int mergeKey, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeKey(mergeKey)
{
}

void ReplaceDashboardCommand::undo()
{
    m_document->setJson(m_before);
}

void ReplaceDashboardCommand::redo()
{
    if (m_document->json() != m_after) // a committed preview is already there
        m_document->setJson(m_after);
}

int ReplaceDashboardCommand::id() const
{
    return m_mergeKey >= 0 ? 0x50484152 : -1;
}

bool ReplaceDashboardCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const ReplaceDashboardCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || o->m_document != m_document)
        return false;
    m_after = o->m_after;
    return true;
}

} // namespace pharos
