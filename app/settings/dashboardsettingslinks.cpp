#include "app/settings/dashboardsettingslinks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>

namespace pharos {

LinksEditor::LinksEditor(QWidget *parent) : JsonListEditor(QStringLiteral("link"), parent)
{
    setObjectName(QStringLiteral("linksEditor"));
    m_formLayout = new QFormLayout(formHost());
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("linkType"));
    m_type->addItem(tr("Link (URL)"), QStringLiteral("link"));
    m_type->addItem(tr("Dashboards (by tags)"), QStringLiteral("dashboards"));
    m_formLayout->addRow(tr("Type"), m_type);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("linkTitle"));
    m_formLayout->addRow(tr("Title"), m_title);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("linkUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://…"));
    m_formLayout->addRow(tr("URL"), m_url);
    m_tags = new TagsEdit(this);
    m_tags->setObjectName(QStringLiteral("linkTags"));
    m_formLayout->addRow(tr("With tags"), m_tags);
    m_asDropdown = new QCheckBox(tr("Show as a dropdown"), this);
    m_asDropdown->setObjectName(QStringLiteral("linkAsDropdown"));
    m_formLayout->addRow(QString(), m_asDropdown);
    m_tooltip = new QLineEdit(this);
    m_tooltip->setObjectName(QStringLiteral("linkTooltip"));
    m_formLayout->addRow(tr("Tooltip"), m_tooltip);
    m_icon = new QComboBox(this);
    m_icon->setObjectName(QStringLiteral("linkIcon"));
    m_icon->addItems(iconNames());
    m_formLayout->addRow(tr("Icon"), m_icon);
    m_includeVars = new QCheckBox(tr("Include current template variable values"), this);
    m_includeVars->setObjectName(QStringLiteral("linkIncludeVars"));
    m_formLayout->addRow(QString(), m_includeVars);
    m_keepTime = new QCheckBox(tr("Include current time range"), this);
    m_keepTime->setObjectName(QStringLiteral("linkKeepTime"));
    m_formLayout->addRow(QString(), m_keepTime);
    m_targetBlank = new QCheckBox(tr("Open in a new tab"), this);
    m_targetBlank->setObjectName(QStringLiteral("linkTargetBlank"));
    m_formLayout->addRow(QString(), m_targetBlank);

    connect(m_type, &QComboBox::activated, this, [this](int i) {
        const QString type = m_type->itemData(i).toString();
        edit([&](QJsonObject &o) { o.insert(QLatin1String("type"), type); });
        updateVisibility(type == QLatin1String("dashboards"));
    });
    auto text = [this](QLineEdit *e, const char *key) {
        connect(e, &QLineEdit::textEdited, this, [this, key](const QString &t) {
            edit([&](QJsonObject &o) { o.insert(QLatin1String(key), t); });
        });
    };
    text(m_title, "title");
    text(m_url, "url");
    text(m_tooltip, "tooltip");
    connect(m_icon, &QComboBox::activated, this, [this](int i) {
        edit([&](QJsonObject &o) { o.insert(QLatin1String("icon"), m_icon->itemText(i)); });
    });
    connect(m_tags, &TagsEdit::tagsChanged, this, [this] {
        edit([&](QJsonObject &o) {
            o.insert(QLatin1String("tags"), QJsonArray::fromStringList(m_tags->tags()));
        });
    });
    auto check = [this](QCheckBox *c, const char *key) {
        connect(c, &QCheckBox::toggled, this, [this, key](bool on) {
            edit([&](QJsonObject &o) { o.insert(QLatin1String(key), on); });
        });
    };
    check(m_asDropdown, "asDropdown");
    check(m_includeVars, "includeVars");
    check(m_keepTime, "keepTime");
    check(m_targetBlank, "targetBlank");
    selectionChanged();
}

QStringList LinksEditor::iconNames()
{
    // Grafana's choices (the icon ids written to the file).
    return {QStringLiteral("external link"), QStringLiteral("dashboard"),
            QStringLiteral("question"),      QStringLiteral("info"),
            QStringLiteral("bolt"),          QStringLiteral("doc"),
            QStringLiteral("cloud")};
}

QJsonObject LinksEditor::newEntry() const
{
    return QJsonObject{{QStringLiteral("title"), tr("New link")},
                       {QStringLiteral("type"), QStringLiteral("link")},
                       {QStringLiteral("url"), QString()},
                       {QStringLiteral("tooltip"), QString()},
                       {QStringLiteral("icon"), QStringLiteral("external link")},
                       {QStringLiteral("tags"), QJsonArray()},
                       {QStringLiteral("asDropdown"), false},
                       {QStringLiteral("includeVars"), false},
                       {QStringLiteral("keepTime"), false},
                       {QStringLiteral("targetBlank"), false}};
}

QString LinksEditor::itemText(const QJsonObject &entry) const
{
    const QString title = entry.value(QLatin1String("title")).toString();
    if (entry.value(QLatin1String("type")).toString() == QLatin1String("dashboards")) {
        QStringList tags;
        for (const QJsonValue &t : entry.value(QLatin1String("tags")).toArray())
            tags << t.toString();
        return tr("%1 — dashboards tagged %2")
            .arg(title, tags.isEmpty() ? tr("(any)") : tags.join(QLatin1String(", ")));
    }
    return tr("%1 — %2").arg(title, entry.value(QLatin1String("url")).toString());
}

void LinksEditor::edit(const std::function<void(QJsonObject &)> &change)
{
    if (isLoadingForm() || currentRow() < 0)
        return;
    QJsonObject o = currentEntry();
    change(o);
    updateCurrent(o);
}

void LinksEditor::updateVisibility(bool dashboards)
{
    m_formLayout->setRowVisible(m_url, !dashboards);
    m_formLayout->setRowVisible(m_tags, dashboards);
    m_formLayout->setRowVisible(m_asDropdown, dashboards);
}

void LinksEditor::loadForm(const QJsonObject &entry)
{
    const bool dashboards =
        entry.value(QLatin1String("type")).toString() == QLatin1String("dashboards");
    m_type->setCurrentIndex(dashboards ? 1 : 0);
    m_title->setText(entry.value(QLatin1String("title")).toString());
    m_url->setText(entry.value(QLatin1String("url")).toString());
    QStringList tags;
    for (const QJsonValue &t : entry.value(QLatin1String("tags")).toArray())
        tags << t.toString();
    m_tags->setTags(tags);
    m_asDropdown->setChecked(entry.value(QLatin1String("asDropdown")).toBool(false));
    m_tooltip->setText(entry.value(QLatin1String("tooltip")).toString());
    const QString icon = entry.value(QLatin1String("icon")).toString();
    int index = m_icon->findText(icon);
    if (index < 0 && !icon.isEmpty()) {
        m_icon->addItem(icon);
        index = m_icon->count() - 1;
    }
    m_icon->setCurrentIndex(std::max(0, index));
    m_includeVars->setChecked(entry.value(QLatin1String("includeVars")).toBool(false));
    m_keepTime->setChecked(entry.value(QLatin1String("keepTime")).toBool(false));
    m_targetBlank->setChecked(entry.value(QLatin1String("targetBlank")).toBool(false));
    updateVisibility(dashboards);
}

} // namespace pharos
