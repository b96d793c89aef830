#include "DeferredStandardIconsStyle.h"

#include "AppIcons.h"

#include <QPointer>
#include <QStyleOption>

#include <memory>

namespace tenantry {

QIcon DeferredStandardIconsStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption* option,
                                               const QWidget* widget) const
{
    // The option and the widget may be gone by the first paint: keep a copy of the one, a guard on the other.
    std::shared_ptr<QStyleOption> optionCopy = option ? std::make_shared<QStyleOption>(*option) : nullptr;
    const QPointer<const QWidget> widgetGuard(widget);
    const QPointer<const QProxyStyle> self(this);
    return AppIcons::deferred([self, standardIcon, optionCopy, widgetGuard] {
        return self ? self->QProxyStyle::standardIcon(standardIcon, optionCopy.get(), widgetGuard.data()) : QIcon();
    });
}

} // namespace tenantry
