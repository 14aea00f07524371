#pragma once

#include <QJsonArray>
#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QVBoxLayout;

namespace pharos {

class ColorButton;

/// Edits Grafana value mappings (`fieldConfig.defaults.mappings`). Each row is one mapping:
/// its type (value, range, regex or special), its condition (the exact value; from and to,
/// either may be empty for an open end; the pattern; or null / NaN / null+NaN / true / false
/// / empty), the display text and an optional colour. Rows can be added, moved up and down
/// and deleted; the first matching row wins, as in Grafana. Widgets of row i are named
/// "type-i", "value-i", "from-i", "to-i", "pattern-i", "special-i", "text-i", "color-i",
/// "up-i", "down-i" and "delete-i".
///
/// mappings() writes one mapping object per row, in Grafana's current form with each
/// result's "index" the row number: {"type": "value", "options": {"<value>": {"text",
/// "color", "index"}}}, {"type": "range", "options": {"from", "to", "result": {...}}},
/// {"type": "regex", "options": {"pattern", "result"}}, {"type": "special", "options":
/// {"match", "result"}}. A value mapping of several values is shown as one row per value;
/// legacy (Grafana 7) mappings are converted.
class ValueMappingsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ValueMappingsEditor(QWidget *parent = nullptr);

    /// Shows `mappings` without emitting changed().
    void setMappings(const QJsonArray &mappings);
    QJsonArray mappings() const;

    int rowCount() const { return int(m_rows.size()); }
    QToolButton *addButton() const { return m_add; }
    /// The widget named `name` + "-" + `row` (see the class comment), or null.
    template <typename T> T *rowWidget(const char *name, int row) const
    {
        return m_rowsWidget->findChild<T *>(QString::fromLatin1(name) + QLatin1Char('-') +
                                            QString::number(row));
    }
    /// The message about a bad condition (empty when none).
    QString errorText() const;

signals:
    void changed();

private:
    struct Row
    {
        QString type = QStringLiteral("value");
        QString value;
        std::optional<double> from;
        std::optional<double> to;
        QString pattern;
        QString match = QStringLiteral("null");
        QString text;
        QString color;
    };
    void rebuild();
    void lineEdited(int row, const QString &field, QLineEdit *edit);
    void setError(const QString &text);
    void move(int row, int delta);

    QList<Row> m_rows;
    QWidget *m_rowsWidget = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QToolButton *m_add = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace pharos
