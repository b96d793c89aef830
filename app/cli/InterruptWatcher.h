#pragma once

#include <QObject>

namespace tenantry::cli {

class SignalPipe;

// Turns Ctrl+C and SIGTERM (Ctrl+C, Ctrl+Break and closing the console on Windows) into the
// interrupted() signal on the event loop, for as long as it exists; then the previous handling
// is back (SignalPipe.h on Unix). One at a time. InterruptWatcher_unix.cpp / InterruptWatcher_win.cpp.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;

signals:
    void interrupted();

private:
    SignalPipe* m_pipe = nullptr; // Unix
};

} // namespace tenantry::cli
