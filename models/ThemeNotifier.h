// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QAbstractItemModel;

namespace cohort {

// Says when the application palette (or, Qt 6.5 and later, the platform's
// colour scheme) changed, so that models whose colours come from Theme can
// tell their views to repaint them. One per application.
class ThemeNotifier : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeNotifier)

public:
    static ThemeNotifier *instance();

    // Makes `model` emit dataChanged(ForegroundRole) over all its rows, at every
    // level, whenever the theme changes.
    static void repaintOnChange(QAbstractItemModel *model);
    // Calls `restyle` now and whenever the theme changes, for as long as `context` lives.
    static void restyleOnChange(QObject *context, const std::function<void()> &restyle);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ThemeNotifier(QObject *parent);
};

}   // namespace cohort
