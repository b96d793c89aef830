#pragma once

#include <QHeaderView>

namespace tenantry {

// The accounts tree's column header. It measures each section in the font it draws it in. QHeaderView measures
// in bold, so that a section highlighted in bold still fits. This header never highlights: the bold font
// would only be loaded (a second font engine, before the window is first shown) to make the sections a
// little wider than their texts need.
class AccountsHeader : public QHeaderView
{
    Q_OBJECT

public:
    explicit AccountsHeader(QWidget* parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace tenantry
