#include "accounts/AccountsHeader.h"

#include <QFont>
#include <QIcon>
#include <QPixmap>
#include <QStyleOptionHeader>

namespace tenantry {

AccountsHeader::AccountsHeader(QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setHighlightSections(false);                           // what measuring in the regular weight relies on
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter); // as QTreeView's own header
}

QSize AccountsHeader::sectionSizeFromContents(int logicalIndex) const
{
    if (!model())
        return {};
    const QVariant hint = model()->headerData(logicalIndex, orientation(), Qt::SizeHintRole);
    if (hint.isValid())
        return hint.toSize();
    ensurePolished();
    // The style's size for the section, as QHeaderView asks for it, with the font in its regular weight.
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.section = logicalIndex;
    const QVariant font = model()->headerData(logicalIndex, orientation(), Qt::FontRole);
    option.fontMetrics = QFontMetrics(font.canConvert<QFont>() ? font.value<QFont>() : this->font());
    option.text = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QVariant decoration = model()->headerData(logicalIndex, orientation(), Qt::DecorationRole);
    option.icon = decoration.value<QIcon>();
    if (option.icon.isNull())
        option.icon = decoration.value<QPixmap>();
    if (isSortIndicatorShown())
        option.sortIndicator = QStyleOptionHeader::SortDown;
    return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
}

} // namespace tenantry
