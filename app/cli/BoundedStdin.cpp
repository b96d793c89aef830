#include "BoundedStdin.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#ifdef _WIN32
#include <io.h>
#define TENANTRY_READ _read
#else
#include <unistd.h>
#define TENANTRY_READ ::read
#endif

namespace tenantry::cli {

namespace {

struct SharedRead
{
    std::mutex mutex;
    std::condition_variable changed;
    QByteArray bytes;
    bool ended = false; // end of input, an empty line, a read error or the limit
};

bool requestEnded(const QByteArray& bytes)
{
    return bytes.startsWith('\n') || bytes.startsWith("\r\n") || bytes.contains("\n\n") || bytes.contains("\n\r\n");
}

} // namespace

StdinRequest readStdinRequest(qsizetype maxBytes, int timeoutMs)
{
    auto shared = std::make_shared<SharedRead>();
    std::thread([shared, maxBytes] {
        char buffer[4096];
        for (;;) {
            const auto got = TENANTRY_READ(0, buffer, sizeof buffer);
            std::lock_guard<std::mutex> lock(shared->mutex);
            if (got > 0)
                shared->bytes.append(buffer, static_cast<qsizetype>(got));
            if (got <= 0 || shared->bytes.size() > maxBytes || requestEnded(shared->bytes)) {
                shared->ended = true;
                shared->changed.notify_all();
                return;
            }
        }
    }).detach();
    std::unique_lock<std::mutex> lock(shared->mutex);
    StdinRequest request;
    request.timedOut =
        !shared->changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&shared] { return shared->ended; });
    request.bytes = shared->bytes;
    request.tooLarge = request.bytes.size() > maxBytes;
    return request;
}

} // namespace tenantry::cli
