#include "dashboards/variables/variableoptions.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace pharos {

namespace {

/// Grafana's numerical sort key: the first integer in the text, else -1.
qint64 numericKey(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(\\d+)"));
    const QRegularExpressionMatch m = re.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return -1;
    bool ok = false;
    const qint64 v = m.captured(1).left(18).toLongLong(&ok);
    return ok ? v : -1;
}

/// Natural order: digit runs compare as numbers, other runs case-insensitively.
int naturalCompare(const QString &a, const QString &b)
{
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            int ie = i, je = j;
            while (ie < a.size() && a.at(ie).isDigit())
                ++ie;
            while (je < b.size() && b.at(je).isDigit())
                ++je;
            QStringView da = QStringView(a).mid(i, ie - i);
            QStringView db = QStringView(b).mid(j, je - j);
            while (da.size() > 1 && da.front() == QLatin1Char('0'))
                da = da.mid(1);
            while (db.size() > 1 && db.front() == QLatin1Char('0'))
                db = db.mid(1);
            if (da.size() != db.size())
                return da.size() < db.size() ? -1 : 1;
            if (const int c = da.compare(db); c != 0)
                return c < 0 ? -1 : 1;
            i = ie;
            j = je;
            continue;
        }
        const QChar ca = a.at(i).toLower();
        const QChar cb = b.at(j).toLower();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    // Equal ignoring case: lower case first, as ICU orders them.
    const int c = QString::compare(a, b, Qt::CaseSensitive);
    return c == 0 ? 0 : (c < 0 ? 1 : -1);
}

} // namespace

void sortOptions(QList<VariableOption> &options, int sortMode)
{
    if (sortMode <= 0 || sortMode > 8)
        return;
    const int kind = (sortMode + 1) / 2; // 1 alpha, 2 numeric, 3 alpha ci, 4 natural
    const bool reverse = sortMode % 2 == 0;
    switch (kind) {
    case 1:
        std::stable_sort(
            options.begin(), options.end(),
            [](const VariableOption &a, const VariableOption &b) { return a.text < b.text; });
        break;
    case 2:
        std::stable_sort(options.begin(), options.end(),
                         [](const VariableOption &a, const VariableOption &b) {
                             return numericKey(a.text) < numericKey(b.text);
                         });
        break;
    case 3:
        std::stable_sort(options.begin(), options.end(),
                         [](const VariableOption &a, const VariableOption &b) {
                             return a.text.toLower() < b.text.toLower();
                         });
        break;
    default:
        std::stable_sort(options.begin(), options.end(),
                         [](const VariableOption &a, const VariableOption &b) {
                             if (a.text.isEmpty() || b.text.isEmpty())
                                 return a.text.isEmpty() && !b.text.isEmpty();
                             return naturalCompare(a.text, b.text) < 0;
                         });
        break;
    }
    if (reverse)
        std::reverse(options.begin(), options.end());
}

QList<VariableOption> applyVariableRegex(const QList<VariableOption> &options, const QString &regex,
                                         QString *error)
{
    if (regex.isEmpty())
        return options;
    QString pattern = regex;
    QString flags;
    if (regex.startsWith(QLatin1Char('/'))) {
        const int last = int(regex.lastIndexOf(QLatin1Char('/')));
        if (last > 0) {
            pattern = regex.mid(1, last - 1);
            flags = regex.mid(last + 1);
        }
    }
    QRegularExpression::PatternOptions po = QRegularExpression::NoPatternOption;
    if (flags.contains(QLatin1Char('i')))
        po |= QRegularExpression::CaseInsensitiveOption;
    if (flags.contains(QLatin1Char('m')))
        po |= QRegularExpression::MultilineOption;
    if (flags.contains(QLatin1Char('s')))
        po |= QRegularExpression::DotMatchesEverythingOption;
    const bool global = flags.contains(QLatin1Char('g'));
    const QRegularExpression re(pattern, po);
    if (!re.isValid()) {
        if (error)
            *error = QCoreApplication::translate("pharos::VariableSet", "Invalid regex \"%1\": %2")
                         .arg(regex, re.errorString());
        return options;
    }
    const QStringList groups = re.namedCaptureGroups();
    const int textGroup = int(groups.indexOf(QStringLiteral("text")));
    const int valueGroup = int(groups.indexOf(QStringLiteral("value")));
    QList<VariableOption> out;
    QSet<QString> seen;
    auto add = [&](const VariableOption &o) {
        if (seen.contains(o.value))
            return;
        seen.insert(o.value);
        out.append(o);
    };
    for (const VariableOption &o : options) {
        QList<QRegularExpressionMatch> matches;
        if (global) {
            auto it = re.globalMatch(o.value);
            while (it.hasNext())
                matches << it.next();
        } else if (const auto m = re.match(o.value); m.hasMatch()) {
            matches << m;
        }
        if (matches.isEmpty())
            continue;
        const QRegularExpressionMatch *named = nullptr;
        for (const auto &m : matches) {
            if ((valueGroup > 0 && m.hasCaptured(valueGroup) &&
                 !m.captured(valueGroup).isEmpty()) ||
                (textGroup > 0 && m.hasCaptured(textGroup) && !m.captured(textGroup).isEmpty())) {
                named = &m;
                break;
            }
        }
        if (named) {
            const QString value = valueGroup > 0 && !named->captured(valueGroup).isEmpty()
                                      ? named->captured(valueGroup)
                                      : named->captured(textGroup);
            const QString text = textGroup > 0 && !named->captured(textGroup).isEmpty()
                                     ? named->captured(textGroup)
                                     : named->captured(valueGroup);
            add({text, value});
        } else if (re.captureCount() >= 1) {
            for (const auto &m : matches) {
                add({m.captured(1), m.captured(1)});
                if (!global)
                    break;
            }
        } else {
            add(o);
        }
    }
    return out;
}

QList<VariableOption> parseCustomOptions(const QString &query)
{
    static const QRegularExpression item(QStringLiteral("(?:\\\\,|[^,])+"));
    static const QRegularExpression keyValue(QStringLiteral("^\\s*(.+)\\s:\\s(.+)$"));
    QList<VariableOption> out;
    auto it = item.globalMatch(query);
    while (it.hasNext()) {
        QString text = it.next().captured(0);
        text.replace(QLatin1String("\\,"), QLatin1String(","));
        const QRegularExpressionMatch kv = keyValue.match(text);
        if (kv.hasMatch())
            out.append({kv.captured(1).trimmed(), kv.captured(2).trimmed()});
        else
            out.append({text.trimmed(), text.trimmed()});
    }
    return out;
}

} // namespace pharos
