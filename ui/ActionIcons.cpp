// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ActionIcons.h"

#include "widgets/PaletteSvgIconEngine.h"

#include <QAction>
#include <QFile>

namespace cohort::ActionIcons {

const QList<std::pair<QString, QString>> &byAction()
{
    // freedesktop icon names where the spec or the Breeze and Adwaita themes
    // have one; cohort-rebalance is Cohort's own (no theme draws a rebalance).
    static const QList<std::pair<QString, QString>> table = {
        {QStringLiteral("connectTo"), QStringLiteral("network-connect")},
        {QStringLiteral("connections"), QStringLiteral("network-server")},
        {QStringLiteral("quit"), QStringLiteral("application-exit")},
        {QStringLiteral("refreshNow"), QStringLiteral("view-refresh")},
        {QStringLiteral("cancelRefresh"), QStringLiteral("process-stop")},
        {QStringLiteral("pauseRefresh"), QStringLiteral("media-playback-pause")},
        {QStringLiteral("find"), QStringLiteral("edit-find")},
        {QStringLiteral("fullScreen"), QStringLiteral("view-fullscreen")},
        {QStringLiteral("groupOpen"), QStringLiteral("document-open")},
        {QStringLiteral("groupCopyId"), QStringLiteral("edit-copy")},
        {QStringLiteral("groupTriggerRebalance"), QStringLiteral("cohort-rebalance")},
        {QStringLiteral("groupRemoveMembers"), QStringLiteral("list-remove-user")},
        {QStringLiteral("groupDeleteOffsets"), QStringLiteral("edit-clear")},
        {QStringLiteral("groupDelete"), QStringLiteral("edit-delete")},
        {QStringLiteral("closeTab"), QStringLiteral("window-close")},
        {QStringLiteral("nextTab"), QStringLiteral("go-next")},
        {QStringLiteral("previousTab"), QStringLiteral("go-previous")},
        {QStringLiteral("showGroups"), QStringLiteral("system-users")},
        {QStringLiteral("showTopics"), QStringLiteral("view-list-details")},
        {QStringLiteral("keyboardShortcuts"), QStringLiteral("help-keyboard-shortcuts")},
        {QStringLiteral("about"), QStringLiteral("help-about")},
    };
    return table;
}

QIcon own(const QString &iconName)
{
    const QString file = QStringLiteral(":/cohort/icons/actions/") + iconName + QStringLiteral(".svg");
    if (!QFile::exists(file))
        return {};
    return QIcon(new PaletteSvgIconEngine(file));
}

QIcon themed(const QString &iconName)
{
    return QIcon::fromTheme(iconName, own(iconName));
}

void assign(QObject *root)
{
    for (const auto &[actionName, iconName] : byAction()) {
        const QIcon icon = themed(iconName);
        for (QAction *a : root->findChildren<QAction *>(actionName))
            a->setIcon(icon);
    }
}

}   // namespace cohort::ActionIcons
