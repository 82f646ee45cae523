// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QHeaderView;
class QMainWindow;
class QSize;
class QSettings;
class QSplitter;

namespace cohort {

// What the window remembers between runs, in QSettings: its geometry and
// dock/toolbar state, splitter positions, each table's header (column order,
// widths, visibility, sort), the group page's lower tab, dialog sizes, the
// refresh interval, the recent connections
// and, per connection, the open group tabs and the page shown. Every restore
// checks what it read: a value of the wrong type or one Qt's restoreState
// refuses (another version's, or damaged) is skipped and named in problems(),
// never trusted.
class WindowStateStore
{
public:
    // `settings` must outlive the store.
    explicit WindowStateStore(QSettings *settings);

    void saveWindow(const QMainWindow *window);
    bool restoreWindow(QMainWindow *window);
    // `table` names the table ("groups", "topics", "members", ...).
    void saveHeader(const QString &table, const QHeaderView *header);
    bool restoreHeader(const QString &table, QHeaderView *header);
    void saveSplitter(const QString &name, const QSplitter *splitter);
    bool restoreSplitter(const QString &name, QSplitter *splitter);

    // A dialog's size by its name (KDE's dialogs keep their size, not their place: they open over the window).
    void saveDialogSize(const QString &dialog, const QSize &size);
    // The remembered size, or an invalid one when none (or an unusable one) is kept.
    QSize dialogSize(const QString &dialog);

    // The group page's lower tab shown last (Partitions, Lag over time, Rebalances), one for every group's page.
    void saveGroupPageTab(int index);
    // The remembered tab if it is one of `count`; -1 when none is kept.
    int groupPageTab(int count);

    void saveIntervalMs(int ms);
    // The remembered interval if it is one of `offered`; 0 when none is kept.
    int intervalMs(const QList<int> &offered);

    // The open group tabs of a connection, in tab order, and the page shown:
    // "groups", "topics" or "group:<id>".
    struct Tabs
    {
        QStringList groups;
        QString current;
    };
    void saveTabs(const QString &connection, const Tabs &tabs);
    Tabs tabs(const QString &connection);

    // The connections used last, most recent first, at most kRecentConnections.
    static constexpr int kRecentConnections = 5;
    QStringList recentConnections();
    void addRecentConnection(const QString &name);
    void removeRecentConnection(const QString &name);

    // What the restores since the last call skipped (one sentence each), then forgotten.
    QStringList takeProblems();

private:
    QByteArray bytes(const QString &key);
    void skipped(const QString &key, const QString &what);

    QSettings *m_settings;
    QStringList m_problems;
};

}   // namespace cohort
