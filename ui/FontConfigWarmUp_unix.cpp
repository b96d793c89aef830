#include "FontConfigWarmUp.h"

#ifdef TENANTRY_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <sched.h>
#endif

namespace tenantry {

#ifdef TENANTRY_HAVE_FONTCONFIG
namespace {

void setPolicy(pthread_t thread, int policy)
{
    const sched_param none{};
    pthread_setschedparam(thread, policy, &none); // best effort: a refusal leaves the thread as it is
}

} // namespace

// The warm-up runs only on a core that would otherwise be idle (SCHED_IDLE). Meanwhile the main thread
// connects to the display, and the X server needs a core to answer it: at the normal priority, on two
// cores, the warm-up made the application object half a millisecond slower to build.
FontConfigWarmUp::FontConfigWarmUp()
    : m_thread([this] {
        setPolicy(pthread_self(), SCHED_IDLE);
        if (m_needed.load()) // wait() came first: it must not find the thread idle
            setPolicy(pthread_self(), SCHED_OTHER);
        FcInit();
    })
{}
#else
FontConfigWarmUp::FontConfigWarmUp() = default;
#endif

FontConfigWarmUp::~FontConfigWarmUp()
{
    wait();
}

void FontConfigWarmUp::wait()
{
    if (!m_thread.joinable())
        return;
#ifdef TENANTRY_HAVE_FONTCONFIG
    // Needed now: at the normal priority again, so that a busy desktop cannot keep the window waiting.
    m_needed.store(true);
    setPolicy(m_thread.native_handle(), SCHED_OTHER);
#endif
    m_thread.join();
}

} // namespace tenantry
