#include "FontConfigWarmUp.h"

namespace tenantry {

FontConfigWarmUp::FontConfigWarmUp() = default;
FontConfigWarmUp::~FontConfigWarmUp() = default;

void FontConfigWarmUp::wait() {}

} // namespace tenantry
