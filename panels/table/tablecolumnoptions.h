#pragma once

// The options of a table panel's columns, resolved from its field config and overrides.

#include "dashboards/fields/fieldconfig.h"
#include "dashboards/fields/valuemappings.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace pharos {

/// The options of one table column: `fieldConfig.defaults` with the overrides that match the
/// column's name (byName, byRegexp, byNames, byType...) applied in order. Table options are
/// Grafana's `custom.width`, `custom.minWidth`, `custom.align`, `custom.cellOptions.type`
/// (older files: `custom.displayMode`) and `custom.hidden`; an override property without a
/// value resets the option to Grafana's default.
struct TableColumnOptions
{
    QString name;        // the field name overrides match ("job", "Value", or its rename)
    QString displayName; // the header; empty = the name
    std::optional<int> width;
    std::optional<int> minWidth;
    QString align = QStringLiteral("auto");    // auto, left, center, right
    QString cellType = QStringLiteral("auto"); // auto, color-text, color-background, ...
    /// color-background: cellOptions.mode "basic" fills the cell with the colour; "gradient"
    /// (Grafana's default) shades it from a darker tone to the colour.
    bool backgroundSolid = false;
    /// color-background: cellOptions.applyToRow colours the whole row with this cell's colour.
    bool applyToRow = false;
    bool hidden = false;
    bool filterable = false; // custom.filterable: a filter icon in the header
    QString unit;
    std::optional<int> decimals;
    std::optional<double> min;
    std::optional<double> max;
    Thresholds thresholds;
    QString colorMode; // thresholds (or empty), fixed, shades, palette-classic...
    QString fixedColor;
    ValueMappings mappings;
    /// The column's place from an "organize" transformation's indexByName; unset = after the
    /// placed ones, in their own order.
    std::optional<int> position;

    /// The options of the column `name` of a panel (`type` is "number" or "string", for
    /// byType matchers; `refId` for byFrameRefID).
    static TableColumnOptions resolve(const QJsonObject &panelJson,
                                      const FieldConfigResolver &resolver, const QString &name,
                                      const QString &type, const QString &refId = {});
    /// True for the cell types that colour the cell or its text.
    bool colorsText() const;
    bool colorsBackground() const;
};

/// The row height in px of Grafana's options.cellHeight: "sm" (and anything else) 36,
/// "md" 42, "lg" 48.
int tableRowHeight(const QString &cellHeight);

} // namespace pharos
