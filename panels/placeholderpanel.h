#pragma once

#include "panels/panelwidget.h"

namespace pharos {

/// Stands in for a panel type Pharos does not draw yet; the panel's JSON is kept unchanged.
class PlaceholderPanel : public PanelWidget
{
    Q_OBJECT
public:
    explicit PlaceholderPanel(const PanelModel &model, QWidget *parent = nullptr);
    QString placeholderText() const;

protected:
    bool updateContent(const PanelDataPtr &data) override;

private:
    QLabel *m_label = nullptr;
};

} // namespace pharos
