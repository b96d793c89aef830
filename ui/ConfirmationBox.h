#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace tenantry {

// Asks before something is removed: a window-modal box (objectName "confirmBox") with Cancel as the
// default and `acceptText` on the button that runs `then`. Asynchronous: no nested event loop. The text is
// plain (it names tenants and accounts: their admins' words, not markup). `warning`: the question is about
// removing more than one thing (a warning icon, not a question mark).
void askToConfirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptText,
                  std::function<void()> then, bool warning = false);

} // namespace tenantry
