#include "querieseditor.h"

// Placeholder until the queries tab lands: keeps the panel's queries unchanged.

namespace pharos {

QueriesEditor::QueriesEditor(DataSourceRegistry *registry, QWidget *parent) : QWidget(parent)
{
    Q_UNUSED(registry);
}

void QueriesEditor::setPanel(const QJsonObject &panel)
{
    Q_UNUSED(panel);
}

QJsonObject QueriesEditor::applyTo(const QJsonObject &panel) const
{
    return panel;
}

void QueriesEditor::setVariableSet(VariableSet *variables)
{
    Q_UNUSED(variables);
}

void QueriesEditor::setTimeRange(qint64 fromMs, qint64 toMs)
{
    Q_UNUSED(fromMs);
    Q_UNUSED(toMs);
}

void QueriesEditor::setResults(const PanelData &data)
{
    Q_UNUSED(data);
}

int QueriesEditor::queryCount() const
{
    return 0;
}

PromqlEditor *QueriesEditor::exprEditor(int row) const
{
    Q_UNUSED(row);
    return nullptr;
}

} // namespace pharos
