#pragma once

#include <atomic>
#include <thread>

namespace tenantry {

// Loads the platform's font configuration on a thread of its own while the application object connects to
// the display and the session is read, so that the first widget that measures text (the main window's
// status bar) finds it loaded instead of parsing it then. On Linux that is fontconfig's configuration
// (/etc/fonts and every file it includes, a quarter of the instructions before the window is mapped);
// fontconfig is thread-safe and keeps one configuration per process. The thread yields its core to any other
// work until wait() is called. Elsewhere Qt needs no warm-up: nothing.
class FontConfigWarmUp
{
public:
    FontConfigWarmUp(); // starts the thread
    ~FontConfigWarmUp();
    FontConfigWarmUp(const FontConfigWarmUp&) = delete;
    FontConfigWarmUp& operator=(const FontConfigWarmUp&) = delete;

    // Waits for the configuration: call before the first font is used, or Qt loads a second copy meanwhile.
    void wait();

private:
    std::atomic<bool> m_needed{false}; // wait() has been called
    std::thread m_thread;
};

} // namespace tenantry
