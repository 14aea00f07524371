#include "panels/placeholderpanel.h"

#include <QLabel>

namespace pharos {

PlaceholderPanel::PlaceholderPanel(const PanelModel &model, QWidget *parent)
    : PanelWidget(model, parent)
{
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("placeholderText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_label->setText(tr("Panel type “%1” is not supported yet; it is kept unchanged when saving.")
                         .arg(model.type.isEmpty() ? tr("(none)") : model.type));
    setContentWidget(m_label);
}

QString PlaceholderPanel::placeholderText() const
{
    return m_label->text();
}

bool PlaceholderPanel::updateContent(const PanelDataPtr &)
{
    return true; // nothing to draw, but "No data" would be misleading
}

} // namespace pharos
