#include "FontConfigWarmUp.h"

#ifdef TENANTRY_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace tenantry {

#ifdef TENANTRY_HAVE_FONTCONFIG
FontConfigWarmUp::FontConfigWarmUp()
    : m_thread([] { FcInit(); })
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
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace tenantry
