#pragma once

#include <QObject>

class QSocketNotifier;

namespace tenantry::cli {

// Turns Ctrl+C and SIGTERM (Ctrl+C, Ctrl+Break and closing the console on Windows) into the
// interrupted() signal on the event loop, for as long as it exists; then the previous handling
// is back. The signal handler only writes a byte to a pipe, all that is safe there; the loop
// reads it through a QSocketNotifier. One at a time. InterruptWatcher_unix.cpp / InterruptWatcher_win.cpp.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;

signals:
    void interrupted();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace tenantry::cli
