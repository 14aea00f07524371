#pragma once

#include "datasources/promql/promqlcompletion.h"

#include <QFrame>
#include <QList>
#include <QString>

class QLabel;
class QListView;

namespace pharos {

class PromqlCompletionModel;

/// The completion list shown under the cursor: candidates (virtualised list) and, below
/// them, the signature/description or HELP/TYPE of the current one. It never takes the
/// focus: the editor forwards navigation keys to it.
class PromqlCompletionPopup : public QFrame
{
    Q_OBJECT
public:
    explicit PromqlCompletionPopup(QWidget *parent = nullptr);
    /// Shows `items`. With `keepCurrent`, the current candidate stays current when it is
    /// still offered (more data arrived); otherwise the first (the best match) is current.
    void setItems(const QList<PromqlCompletionItem> &items, bool keepCurrent = true);
    const QList<PromqlCompletionItem> &items() const;
    int currentRow() const;
    void setCurrentRow(int row);
    void moveCurrent(int delta); // clamps
    /// A line under the list: "Loading…", a lookup error; empty hides it.
    void setStatus(const QString &text);
    QString statusText() const;
    QListView *listView() const { return m_list; }
    /// The text of the details area (signature and description, or TYPE and HELP).
    QString detailsText() const;

Q_SIGNALS:
    void activated(int row);

private:
    void updateDetails();
    QListView *m_list;
    PromqlCompletionModel *m_model;
    QLabel *m_details;
    QLabel *m_status;
};

} // namespace pharos
