#pragma once

#include <QFrame>
#include <QJsonObject>
#include <QJsonValue>
#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace pharos {

class PromqlEditor;

/// True when `text` is a min interval / min step the query plan applies: "30s", ">1m",
/// "1m30s", one holding a variable ("$__rate_interval"), or empty.
bool isValidQueryInterval(const QString &text);

/// One target's card in the Queries tab (QueriesEditor): a header (collapse, refId, the
/// expr while collapsed, hide, duplicate, remove, up, down) and a body (data source, the
/// PromqlEditor with the metrics browser, legend, query type, min step, format, messages).
/// The card edits its target's JSON and emits edited(); what involves the other cards
/// (duplicate, remove, move, the data source list) is asked of the QueriesEditor through
/// signals. Its strings are translated in the context of the Queries tab
/// ("pharos::QueriesEditor"). Object names: see QueriesEditor (setIndex() sets them).
class QueryCard : public QFrame
{
    Q_OBJECT
public:
    explicit QueryCard(QWidget *parent = nullptr);
    ~QueryCard() override;

    /// Shows `target` (no edited()): the JSON written from now on starts from it.
    void load(const QJsonObject &target);
    /// The value the file had for this target, kept when the target is not edited (it may
    /// not be an object). load() sets it to the target.
    void setRaw(const QJsonValue &raw) { m_raw = raw; }
    /// The target to write: the raw value while unedited, otherwise the edited JSON.
    QJsonValue target() const;
    /// The target as it will be written (the keys the card edits changed).
    const QJsonObject &json() const { return m_json; }
    QJsonObject &json() { return m_json; }
    /// The refId as typed (trimmed), also while it is invalid.
    QString typedRefId() const;
    /// Whether another query already has the refId `id` (set by the QueriesEditor).
    void setRefIdTaken(std::function<bool(const QString &id)> taken)
    {
        m_refIdTaken = std::move(taken);
    }

    PromqlEditor *expr() const { return m_expr; }
    QComboBox *datasourceCombo() const { return m_datasource; }
    /// The data source row shows only when the panel is Mixed.
    void setDatasourceVisible(bool visible);
    /// The last run's error of this query ("" clears it).
    void setServerError(const QString &message);
    /// The card's place (0-based) among `count`: the object names and which moves are enabled.
    void setIndex(int index, int count);

Q_SIGNALS:
    /// The user changed the target.
    void edited();
    void duplicateRequested();
    void removeRequested();
    /// Up (-1) or down (+1).
    void moveRequested(int delta);
    void datasourceActivated(int index);
    /// Shift+Enter in the query.
    void runRequested();

private:
    QHBoxLayout *buildHeader();
    QWidget *buildBody();
    void connectEdits();
    void onRefIdEdited();
    void onMinStepEdited();
    void updateHideButton();
    void updateErrors();

    QJsonObject m_json;     // the target as it will be written
    QJsonObject m_original; // the target as loaded (or created)
    QJsonValue m_raw;       // as the file had it (kept when unedited, even if not an object)
    bool m_loading = false;
    bool m_refIdError = false;
    bool m_minStepError = false;
    QString m_minStepMessage;
    std::function<bool(const QString &)> m_refIdTaken;

    QToolButton *m_collapse = nullptr;
    QLineEdit *m_refId = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_hide = nullptr;
    QToolButton *m_duplicate = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_datasourceLabel = nullptr;
    QComboBox *m_datasource = nullptr;
    PromqlEditor *m_expr = nullptr;
    QPushButton *m_browse = nullptr;
    QComboBox *m_legendMode = nullptr;
    QLineEdit *m_legend = nullptr;
    QComboBox *m_queryType = nullptr;
    QLineEdit *m_minStep = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_serverError = nullptr;
};

} // namespace pharos
