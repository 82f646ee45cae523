// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WindowStateStore.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSize>
#include <QSplitter>

#include <utility>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(WindowStateStore)
};

// Connection names may hold '/', which QSettings takes for a group separator.
QString connectionKey(const QString &connection)
{
    return QStringLiteral("connections/") + QString::fromLatin1(connection.toUtf8().toHex()) + QStringLiteral("/");
}

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kInterval = QStringLiteral("refresh/intervalMs");
const QString kGroupPageTab = QStringLiteral("groupPage/lowerTab");
const QString kRecent = QStringLiteral("recent/connections");

}   // namespace

WindowStateStore::WindowStateStore(QSettings *settings)
    : m_settings(settings)
{ }

QByteArray WindowStateStore::bytes(const QString &key)
{
    const QVariant v = m_settings->value(key);
    if (!v.isValid())
        return {};
    if (v.typeId() != QMetaType::QByteArray) {
        skipped(key, Text::tr("not a saved state"));
        return {};
    }
    return v.toByteArray();
}

void WindowStateStore::skipped(const QString &key, const QString &what)
{
    m_problems << Text::tr("%1 (%2)").arg(key, what);
}

void WindowStateStore::saveWindow(const QMainWindow *window)
{
    m_settings->setValue(kGeometry, window->saveGeometry());
    m_settings->setValue(kState, window->saveState());
}

bool WindowStateStore::restoreWindow(QMainWindow *window)
{
    bool ok = true;
    // A settings file Qt cannot open (a directory in its place, no permission)
    // reads as empty and is never written: said once, with what to do.
    if (m_settings->status() == QSettings::AccessError)
        skipped(m_settings->fileName(), Text::tr("cannot be read or written; check that it is a file you may write, or remove it"));
    else if (m_settings->status() == QSettings::FormatError)
        skipped(m_settings->fileName(), Text::tr("is not a settings file Qt can read; move it away to start afresh"));
    if (const QByteArray g = bytes(kGeometry); !g.isEmpty() && !window->restoreGeometry(g)) {
        skipped(kGeometry, Text::tr("refused by Qt"));
        ok = false;
    }
    if (const QByteArray s = bytes(kState); !s.isEmpty() && !window->restoreState(s)) {
        skipped(kState, Text::tr("refused by Qt"));
        ok = false;
    }
    return ok;
}

void WindowStateStore::saveHeader(const QString &table, const QHeaderView *header)
{
    m_settings->setValue(QStringLiteral("tables/") + table, header->saveState());
    m_settings->setValue(QStringLiteral("tables/") + table + QStringLiteral("Columns"), header->count());
}

bool WindowStateStore::restoreHeader(const QString &table, QHeaderView *header)
{
    const QString key = QStringLiteral("tables/") + table;
    const QByteArray s = bytes(key);
    if (s.isEmpty())
        return true;
    // A header saved from a table of other columns (another version's) would
    // hide or misplace these: kept only when it was saved for as many columns.
    bool ok = false;
    const int columns = m_settings->value(key + QStringLiteral("Columns")).toInt(&ok);
    if (!ok || columns != header->count()) {
        skipped(key, Text::tr("saved for other columns"));
        return false;
    }
    const QByteArray before = header->saveState();
    if (!header->restoreState(s)) {
        header->restoreState(before);
        skipped(key, Text::tr("refused by Qt"));
        return false;
    }
    return true;
}

void WindowStateStore::saveSplitter(const QString &name, const QSplitter *splitter)
{
    m_settings->setValue(QStringLiteral("splitters/") + name, splitter->saveState());
}

bool WindowStateStore::restoreSplitter(const QString &name, QSplitter *splitter)
{
    const QString key = QStringLiteral("splitters/") + name;
    const QByteArray s = bytes(key);
    if (s.isEmpty())
        return true;
    if (!splitter->restoreState(s)) {
        skipped(key, Text::tr("refused by Qt"));
        return false;
    }
    return true;
}

void WindowStateStore::saveDialogSize(const QString &dialog, const QSize &size)
{
    m_settings->setValue(QStringLiteral("dialogs/") + dialog + QStringLiteral("/size"), size);
}

QSize WindowStateStore::dialogSize(const QString &dialog)
{
    const QString key = QStringLiteral("dialogs/") + dialog + QStringLiteral("/size");
    const QVariant v = m_settings->value(key);
    if (!v.isValid())
        return {};
    // Bigger than any screen or too small to use: a damaged value, not a choice.
    const QSize size = v.typeId() == QMetaType::QSize ? v.toSize() : QSize();
    if (size.width() < 100 || size.height() < 100 || size.width() > 16384 || size.height() > 16384) {
        skipped(key, Text::tr("not a dialog size"));
        return {};
    }
    return size;
}

void WindowStateStore::saveGroupPageTab(int index)
{
    m_settings->setValue(kGroupPageTab, index);
}

int WindowStateStore::groupPageTab(int count)
{
    const QVariant v = m_settings->value(kGroupPageTab);
    if (!v.isValid())
        return -1;
    bool ok = false;
    const int index = v.toInt(&ok);
    if (!ok || index < 0 || index >= count) {
        skipped(kGroupPageTab, Text::tr("not one of the group page's tabs"));
        return -1;
    }
    return index;
}

void WindowStateStore::saveIntervalMs(int ms)
{
    m_settings->setValue(kInterval, ms);
}

int WindowStateStore::intervalMs(const QList<int> &offered)
{
    const QVariant v = m_settings->value(kInterval);
    if (!v.isValid())
        return 0;
    bool ok = false;
    const int ms = v.toInt(&ok);
    if (!ok || !offered.contains(ms)) {
        skipped(kInterval, Text::tr("not one of the intervals offered"));
        return 0;
    }
    return ms;
}

void WindowStateStore::saveTabs(const QString &connection, const Tabs &tabs)
{
    if (connection.isEmpty())
        return;
    m_settings->setValue(connectionKey(connection) + QStringLiteral("groupTabs"), tabs.groups);
    m_settings->setValue(connectionKey(connection) + QStringLiteral("currentPage"), tabs.current);
}

WindowStateStore::Tabs WindowStateStore::tabs(const QString &connection)
{
    Tabs t;
    if (connection.isEmpty())
        return t;
    const QString groupsKey = connectionKey(connection) + QStringLiteral("groupTabs");
    const QVariant groups = m_settings->value(groupsKey);
    if (groups.isValid()) {
        if (groups.typeId() == QMetaType::QStringList || groups.typeId() == QMetaType::QString)
            t.groups = groups.toStringList();
        else
            skipped(groupsKey, Text::tr("not a list of groups"));
    }
    t.groups.removeAll(QString());
    t.groups.removeDuplicates();
    t.current = m_settings->value(connectionKey(connection) + QStringLiteral("currentPage")).toString();
    return t;
}

QStringList WindowStateStore::recentConnections()
{
    QStringList names = m_settings->value(kRecent).toStringList();
    names.removeAll(QString());
    names.removeDuplicates();
    return names.mid(0, kRecentConnections);
}

void WindowStateStore::addRecentConnection(const QString &name)
{
    if (name.isEmpty())
        return;
    QStringList names = recentConnections();
    names.removeAll(name);
    names.prepend(name);
    m_settings->setValue(kRecent, names.mid(0, kRecentConnections));
}

void WindowStateStore::removeRecentConnection(const QString &name)
{
    QStringList names = recentConnections();
    names.removeAll(name);
    m_settings->setValue(kRecent, names);
}

QStringList WindowStateStore::takeProblems()
{
    return std::exchange(m_problems, {});
}

}   // namespace cohort
