#include "app/editor/options/thresholdseditor.h"

#include "app/editor/options/colorbutton.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace pharos {

namespace {

QString numberText(double v)
{
    return QString::number(v, 'g', 15);
}

} // namespace

ThresholdsEditor::ThresholdsEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(new QLabel(tr("Thresholds mode:"), this));
    m_absolute = new QRadioButton(tr("Absolute"), this);
    m_absolute->setObjectName(QStringLiteral("modeAbsolute"));
    m_percentage = new QRadioButton(tr("Percentage"), this);
    m_percentage->setObjectName(QStringLiteral("modePercentage"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_absolute);
    group->addButton(m_percentage);
    m_absolute->setChecked(true);
    modeRow->addWidget(m_absolute);
    modeRow->addWidget(m_percentage);
    modeRow->addStretch();
    layout->addLayout(modeRow);

    m_rows = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(m_rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rows);

    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("addThreshold"));
    m_add->setText(tr("+ Add threshold"));
    layout->addWidget(m_add);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("thresholdsError"));
    m_error->setStyleSheet(QStringLiteral("color: #e02f44;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_absolute, &QRadioButton::toggled, this, [this](bool on) {
        const QString mode = on ? QStringLiteral("absolute") : QStringLiteral("percentage");
        if (mode == m_mode)
            return;
        m_mode = mode;
        emit changed();
    });
    connect(m_add, &QToolButton::clicked, this, &ThresholdsEditor::addStep);
    setThresholds(QJsonObject());
}

void ThresholdsEditor::setThresholds(const QJsonObject &thresholds)
{
    m_mode = thresholds.value(QLatin1String("mode")).toString() == QLatin1String("percentage")
                 ? QStringLiteral("percentage")
                 : QStringLiteral("absolute");
    {
        const QSignalBlocker b1(m_absolute);
        const QSignalBlocker b2(m_percentage);
        (m_mode == QLatin1String("absolute") ? m_absolute : m_percentage)->setChecked(true);
    }
    m_steps.clear();
    const QJsonValue stepsValue = thresholds.value(QLatin1String("steps"));
    if (!stepsValue.isArray()) {
        m_steps = {{std::nullopt, QStringLiteral("green")}, {80.0, QStringLiteral("red")}};
    } else {
        for (const QJsonValue &v : stepsValue.toArray()) {
            const QJsonObject o = v.toObject();
            Step s;
            const QJsonValue value = o.value(QLatin1String("value"));
            if (value.isDouble() && std::isfinite(value.toDouble()))
                s.value = value.toDouble();
            s.color = o.value(QLatin1String("color")).toString();
            m_steps.append(s);
        }
    }
    normalize();
    m_error->hide();
    rebuild();
}

QJsonObject ThresholdsEditor::thresholds() const
{
    QJsonArray steps;
    for (const Step &s : m_steps) {
        steps.append(QJsonObject{{QStringLiteral("color"), s.color},
                                 {QStringLiteral("value"),
                                  s.value ? QJsonValue(*s.value) : QJsonValue(QJsonValue::Null)}});
    }
    return QJsonObject{{QStringLiteral("mode"), m_mode}, {QStringLiteral("steps"), steps}};
}

void ThresholdsEditor::normalize()
{
    if (m_steps.isEmpty())
        m_steps.append({std::nullopt, QStringLiteral("green")});
    m_steps[0].value.reset(); // the first step is the base
    // the others ascending; steps without a value stay right after the base
    std::stable_sort(m_steps.begin() + 1, m_steps.end(), [](const Step &a, const Step &b) {
        if (!a.value || !b.value)
            return !a.value && b.value;
        return *a.value < *b.value;
    });
}

void ThresholdsEditor::rebuild()
{
    // old rows may be the sender of the signal that got us here: delete them later
    for (QWidget *w : m_rows->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        w->hide();
        w->setObjectName(QString());
        w->setParent(nullptr);
        w->deleteLater();
    }
    for (int i = 0; i < m_steps.size(); ++i) {
        auto *row = new QWidget(m_rows);
        row->setObjectName(QStringLiteral("row-%1").arg(i));
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *color = new ColorButton(row);
        color->setObjectName(QStringLiteral("color-%1").arg(i));
        color->setColor(m_steps[i].color);
        connect(color, &ColorButton::colorChanged, this, [this, i](const QString &c) {
            if (i >= m_steps.size())
                return;
            m_steps[i].color = c;
            emit changed();
        });
        h->addWidget(color);
        auto *value = new QLineEdit(row);
        value->setObjectName(QStringLiteral("value-%1").arg(i));
        if (i == 0) {
            value->setText(tr("Base"));
            value->setReadOnly(true);
            value->setToolTip(tr("The Base step applies below every other threshold."));
        } else {
            value->setText(m_steps[i].value ? numberText(*m_steps[i].value) : QString());
            connect(value, &QLineEdit::editingFinished, this, [this, i] { valueEdited(i); });
        }
        h->addWidget(value, 1);
        if (i > 0) {
            auto *remove = new QToolButton(row);
            remove->setObjectName(QStringLiteral("remove-%1").arg(i));
            remove->setText(QStringLiteral("✕"));
            remove->setToolTip(tr("Remove this threshold"));
            connect(remove, &QToolButton::clicked, this, [this, i] { removeStep(i); });
            h->addWidget(remove);
        }
        m_rowsLayout->addWidget(row);
        row->show();
    }
}

QLineEdit *ThresholdsEditor::valueEdit(int row) const
{
    return m_rows->findChild<QLineEdit *>(QStringLiteral("value-%1").arg(row));
}

ColorButton *ThresholdsEditor::colorButton(int row) const
{
    return m_rows->findChild<ColorButton *>(QStringLiteral("color-%1").arg(row));
}

QToolButton *ThresholdsEditor::removeButton(int row) const
{
    return m_rows->findChild<QToolButton *>(QStringLiteral("remove-%1").arg(row));
}

QString ThresholdsEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ThresholdsEditor::valueEdited(int row)
{
    QLineEdit *edit = valueEdit(row);
    if (!edit || row <= 0 || row >= m_steps.size())
        return;
    const QString text = edit->text().trimmed();
    bool ok = false;
    const double v = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v)) {
        m_error->setText(tr("A threshold needs a number: \"%1\" is not one.").arg(text));
        m_error->show();
        return;
    }
    m_error->hide();
    if (m_steps[row].value == v)
        return;
    m_steps[row].value = v;
    normalize();
    rebuild();
    emit changed();
}

void ThresholdsEditor::addStep()
{
    double top = 0;
    bool any = false;
    for (const Step &s : m_steps) {
        if (s.value) {
            top = any ? std::max(top, *s.value) : *s.value;
            any = true;
        }
    }
    static const char *const cycle[] = {"red", "orange", "yellow", "blue", "purple", "green"};
    QString color = QStringLiteral("red");
    for (const char *c : cycle) {
        const QString name = QString::fromLatin1(c);
        if (std::none_of(m_steps.begin(), m_steps.end(),
                         [&](const Step &s) { return s.color == name; })) {
            color = name;
            break;
        }
    }
    m_steps.append({top + 10, color});
    normalize();
    rebuild();
    emit changed();
}

void ThresholdsEditor::removeStep(int row)
{
    if (row <= 0 || row >= m_steps.size())
        return;
    m_steps.removeAt(row);
    rebuild();
    emit changed();
}

} // namespace pharos
