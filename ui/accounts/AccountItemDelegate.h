#pragma once

#include <QStyledItemDelegate>

namespace tenantry {

// How the accounts tree looks: an icon per kind of row, a coloured mark per tenant state, the
// active subscription in bold with a check, and the token countdown in warning colours under
// 5 minutes. The model (tenantry-core, no QtGui) gives the facts in its roles; this turns them
// into icons and colours that suit the palette (light or dark).
class AccountItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The colours it uses, for a palette (exposed for tests and the legend).
    static QColor warningColor(const QPalette& palette);
    static QColor errorColor(const QPalette& palette);
    static QColor expiringColor(const QPalette& palette);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Tooltips (tenant IDs, domains, the reason a tenant needs a sign-in) shown as the plain text they are.
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace tenantry
