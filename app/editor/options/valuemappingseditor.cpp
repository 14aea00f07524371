#include "app/editor/options/valuemappingseditor.h"

#include "app/editor/options/colorbutton.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

namespace pharos {

namespace {

QString numberText(double v)
{
    return QString::number(v, 'g', 15);
}

std::optional<double> jsonNumber(const QJsonValue &v)
{
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = QLocale::c().toDouble(v.toString().trimmed(), &ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

/// A pattern ValueMappings accepts: "/re/flags" or a plain regular expression.
bool validPattern(const QString &pattern)
{
    if (pattern.isEmpty())
        return false;
    QString re = pattern;
    if (pattern.startsWith(QLatin1Char('/'))) {
        const qsizetype end = pattern.lastIndexOf(QLatin1Char('/'));
        if (end > 0)
            re = pattern.mid(1, end - 1);
    }
    return QRegularExpression(re).isValid();
}

} // namespace

ValueMappingsEditor::ValueMappingsEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsWidget = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(m_rowsWidget);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rowsWidget);
    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("addMapping"));
    m_add->setText(tr("+ Add value mapping"));
    layout->addWidget(m_add);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mappingsError"));
    m_error->setStyleSheet(QStringLiteral("color: #e02f44;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    connect(m_add, &QToolButton::clicked, this, [this] {
        m_rows.append(Row());
        rebuild();
        if (auto *edit = rowWidget<QLineEdit>("value", int(m_rows.size()) - 1))
            edit->setFocus();
        emit changed();
    });
    rebuild();
}

void ValueMappingsEditor::setMappings(const QJsonArray &mappings)
{
    m_rows.clear();
    for (const QJsonValue &v : mappings) {
        const QJsonObject o = v.toObject();
        const QJsonValue typeValue = o.value(QLatin1String("type"));
        if (typeValue.isDouble()) { // Grafana 7
            Row r;
            r.text = o.value(QLatin1String("text")).toVariant().toString();
            if (typeValue.toInt() == 2) {
                r.type = QStringLiteral("range");
                r.from = jsonNumber(o.value(QLatin1String("from")));
                r.to = jsonNumber(o.value(QLatin1String("to")));
            } else {
                r.value = o.value(QLatin1String("value")).toVariant().toString();
                if (r.value == QLatin1String("null")) {
                    r.type = QStringLiteral("special");
                    r.match = QStringLiteral("null");
                    r.value.clear();
                }
            }
            m_rows.append(r);
            continue;
        }
        const QString type = typeValue.toString();
        const QJsonObject options = o.value(QLatin1String("options")).toObject();
        const auto applyResult = [](Row &r, const QJsonObject &result) {
            r.text = result.value(QLatin1String("text")).toString();
            r.color = result.value(QLatin1String("color")).toString();
        };
        if (type == QLatin1String("value")) {
            QList<std::pair<int, Row>> entries;
            for (auto it = options.begin(); it != options.end(); ++it) {
                Row r;
                r.value = it.key();
                const QJsonObject result = it.value().toObject();
                applyResult(r, result);
                const QJsonValue index = result.value(QLatin1String("index"));
                entries.append({index.isDouble() ? index.toInt() : INT_MAX, r});
            }
            std::stable_sort(entries.begin(), entries.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &e : entries)
                m_rows.append(e.second);
            continue;
        }
        Row r;
        r.type = type;
        applyResult(r, options.value(QLatin1String("result")).toObject());
        if (type == QLatin1String("range")) {
            r.from = jsonNumber(options.value(QLatin1String("from")));
            r.to = jsonNumber(options.value(QLatin1String("to")));
        } else if (type == QLatin1String("regex")) {
            r.pattern = options.value(QLatin1String("pattern")).toString();
        } else if (type == QLatin1String("special")) {
            r.match = options.value(QLatin1String("match")).toString();
        } else {
            continue; // unknown type: Pharos ignores it too
        }
        m_rows.append(r);
    }
    setError(QString());
    rebuild();
}

QJsonArray ValueMappingsEditor::mappings() const
{
    QJsonArray out;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        QJsonObject result;
        if (!r.text.isEmpty())
            result.insert(QStringLiteral("text"), r.text);
        if (!r.color.isEmpty())
            result.insert(QStringLiteral("color"), r.color);
        result.insert(QStringLiteral("index"), i);
        QJsonObject options;
        if (r.type == QLatin1String("value")) {
            options.insert(r.value, result);
        } else if (r.type == QLatin1String("range")) {
            options.insert(QStringLiteral("from"),
                           r.from ? QJsonValue(*r.from) : QJsonValue(QJsonValue::Null));
            options.insert(QStringLiteral("to"),
                           r.to ? QJsonValue(*r.to) : QJsonValue(QJsonValue::Null));
            options.insert(QStringLiteral("result"), result);
        } else if (r.type == QLatin1String("regex")) {
            options.insert(QStringLiteral("pattern"), r.pattern);
            options.insert(QStringLiteral("result"), result);
        } else {
            options.insert(QStringLiteral("match"), r.match);
            options.insert(QStringLiteral("result"), result);
        }
        out.append(
            QJsonObject{{QStringLiteral("type"), r.type}, {QStringLiteral("options"), options}});
    }
    return out;
}

QString ValueMappingsEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ValueMappingsEditor::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ValueMappingsEditor::rebuild()
{
    for (QWidget *w :
         m_rowsWidget->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        w->hide();
        // keep the old widgets out of findChild() until they are deleted
        const auto children = w->findChildren<QObject *>();
        for (QObject *c : children)
            c->setObjectName(QString());
        w->setObjectName(QString());
        w->deleteLater();
    }
    static const struct
    {
        const char *id;
        const char *label;
    } types[] = {{"value", QT_TR_NOOP("Value")},
                 {"range", QT_TR_NOOP("Range")},
                 {"regex", QT_TR_NOOP("Regex")},
                 {"special", QT_TR_NOOP("Special")}};
    static const struct
    {
        const char *id;
        const char *label;
    } specials[] = {{"null", QT_TR_NOOP("Null")},           {"nan", QT_TR_NOOP("NaN")},
                    {"null+nan", QT_TR_NOOP("Null + NaN")}, {"true", QT_TR_NOOP("True")},
                    {"false", QT_TR_NOOP("False")},         {"empty", QT_TR_NOOP("Empty")}};

    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        const QString n = QString::number(i);
        auto *row = new QWidget(m_rowsWidget);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);

        auto *type = new QComboBox(row);
        type->setObjectName(QStringLiteral("type-") + n);
        for (const auto &t : types)
            type->addItem(tr(t.label), QString::fromLatin1(t.id));
        type->setCurrentIndex(std::max(0, type->findData(r.type)));
        connect(type, &QComboBox::activated, this, [this, i, type](int index) {
            const QString t = type->itemData(index).toString();
            if (i >= m_rows.size() || m_rows[i].type == t)
                return;
            m_rows[i].type = t;
            rebuild();
            emit changed();
        });
        h->addWidget(type);

        const auto lineEdit = [&](const char *name, const QString &text, const QString &hint) {
            auto *e = new QLineEdit(text, row);
            e->setObjectName(QString::fromLatin1(name) + QLatin1Char('-') + n);
            e->setPlaceholderText(hint);
            const QString field = QString::fromLatin1(name);
            connect(e, &QLineEdit::editingFinished, this,
                    [this, i, field, e] { lineEdited(i, field, e); });
            h->addWidget(e, 1);
            return e;
        };
        if (r.type == QLatin1String("value")) {
            lineEdit("value", r.value, tr("Value"));
        } else if (r.type == QLatin1String("range")) {
            lineEdit("from", r.from ? numberText(*r.from) : QString(), tr("From (open)"));
            lineEdit("to", r.to ? numberText(*r.to) : QString(), tr("To (open)"));
        } else if (r.type == QLatin1String("regex")) {
            lineEdit("pattern", r.pattern, tr("Regular expression"));
        } else {
            auto *special = new QComboBox(row);
            special->setObjectName(QStringLiteral("special-") + n);
            for (const auto &s : specials)
                special->addItem(tr(s.label), QString::fromLatin1(s.id));
            const int at = special->findData(r.match);
            if (at < 0) // a match Pharos does not know: kept, shown as is
                special->addItem(r.match, r.match);
            special->setCurrentIndex(std::max(0, special->findData(r.match)));
            connect(special, &QComboBox::activated, this, [this, i, special](int index) {
                const QString m = special->itemData(index).toString();
                if (i >= m_rows.size() || m_rows[i].match == m)
                    return;
                m_rows[i].match = m;
                emit changed();
            });
            h->addWidget(special, 1);
        }
        lineEdit("text", r.text, tr("Display text"));

        auto *color = new ColorButton(row);
        color->setObjectName(QStringLiteral("color-") + n);
        color->setAllowNone(true);
        color->setColor(r.color);
        connect(color, &ColorButton::colorChanged, this, [this, i](const QString &c) {
            if (i >= m_rows.size())
                return;
            m_rows[i].color = c;
            emit changed();
        });
        h->addWidget(color);

        const auto button = [&](const char *name, const QString &text, const QString &tip) {
            auto *b = new QToolButton(row);
            b->setObjectName(QString::fromLatin1(name) + QLatin1Char('-') + n);
            b->setText(text);
            b->setToolTip(tip);
            h->addWidget(b);
            return b;
        };
        QToolButton *up = button("up", QStringLiteral("↑"), tr("Move up"));
        up->setEnabled(i > 0);
        connect(up, &QToolButton::clicked, this, [this, i] { move(i, -1); });
        QToolButton *down = button("down", QStringLiteral("↓"), tr("Move down"));
        down->setEnabled(i + 1 < m_rows.size());
        connect(down, &QToolButton::clicked, this, [this, i] { move(i, 1); });
        QToolButton *del = button("delete", QStringLiteral("✕"), tr("Delete this mapping"));
        connect(del, &QToolButton::clicked, this, [this, i] {
            if (i >= m_rows.size())
                return;
            m_rows.removeAt(i);
            rebuild();
            emit changed();
        });
        m_rowsLayout->addWidget(row);
        row->show();
    }
}

void ValueMappingsEditor::lineEdited(int row, const QString &field, QLineEdit *edit)
{
    if (row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    const QString text = edit->text();
    if (field == QLatin1String("value")) {
        if (r.value == text)
            return;
        r.value = text;
    } else if (field == QLatin1String("text")) {
        if (r.text == text)
            return;
        r.text = text;
    } else if (field == QLatin1String("pattern")) {
        if (!validPattern(text)) {
            setError(tr("\"%1\" is not a valid regular expression.").arg(text));
            return;
        }
        setError(QString());
        if (r.pattern == text)
            return;
        r.pattern = text;
    } else { // from / to
        std::optional<double> v;
        if (!text.trimmed().isEmpty()) {
            bool ok = false;
            const double d = QLocale::c().toDouble(text.trimmed(), &ok);
            if (!ok || !std::isfinite(d)) {
                setError(
                    tr("A range end must be a number or empty (open): \"%1\" is not.").arg(text));
                return;
            }
            v = d;
        }
        setError(QString());
        std::optional<double> &target = field == QLatin1String("from") ? r.from : r.to;
        if (target == v)
            return;
        target = v;
    }
    emit changed();
}

void ValueMappingsEditor::move(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || row >= m_rows.size() || to < 0 || to >= m_rows.size())
        return;
    m_rows.swapItemsAt(row, to);
    rebuild();
    emit changed();
}

} // namespace pharos
