#pragma once

#include <QProxyStyle>

namespace tenantry {

// The platform's style with its standard icons built when first painted. Every QMenuBar and QToolBar
// asks for its overflow button's icon when it is constructed; Qt's common style loads it from PNG files,
// and the first PNG it reads makes Qt load every image format plugin (WebP, TIFF, JPEG, ... and their
// libraries) before the window can be shown. That button rarely shows at all.
class DeferredStandardIconsStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;
};

} // namespace tenantry
