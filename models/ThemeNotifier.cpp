// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ThemeNotifier.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QStyleHints>

namespace cohort {

namespace {

void foregroundChanged(QAbstractItemModel *model, const QModelIndex &parent)
{
    const int rows = model->rowCount(parent);
    const int columns = model->columnCount(parent);
    if (rows == 0 || columns == 0)
        return;
    Q_EMIT model->dataChanged(model->index(0, 0, parent), model->index(rows - 1, columns - 1, parent), {Qt::ForegroundRole});
    for (int r = 0; r < rows; ++r) {
        const QModelIndex child = model->index(r, 0, parent);
        if (model->hasChildren(child))
            foregroundChanged(model, child);
    }
}

}   // namespace

ThemeNotifier::ThemeNotifier(QObject *parent)
    : QObject(parent)
{
    parent->installEventFilter(this);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (auto *hints = QGuiApplication::styleHints())
        connect(hints, &QStyleHints::colorSchemeChanged, this, &ThemeNotifier::changed);
#endif
}

ThemeNotifier *ThemeNotifier::instance()
{
    // Owned by the application object, so it goes with it (tests make one per process).
    static QPointer<ThemeNotifier> notifier;
    if (!notifier) {
        Q_ASSERT(QCoreApplication::instance());
        notifier = new ThemeNotifier(QCoreApplication::instance());
    }
    return notifier;
}

void ThemeNotifier::repaintOnChange(QAbstractItemModel *model)
{
    connect(instance(), &ThemeNotifier::changed, model, [model] { foregroundChanged(model, {}); });
}

void ThemeNotifier::restyleOnChange(QObject *context, const std::function<void()> &restyle)
{
    restyle();
    connect(instance(), &ThemeNotifier::changed, context, restyle);
}

bool ThemeNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::ApplicationPaletteChange)
        Q_EMIT changed();
    return QObject::eventFilter(watched, event);
}

}   // namespace cohort
