#include "accounts/AccountItemDelegate.h"

#include "AppIcons.h"
#include "UntrustedText.h"
#include "account/AccountTreeModel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace tenantry {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

const QIcon& cachedAction(const QString& name)
{
    // Rendering an SVG per paint would be wasteful: a tree repaints its countdowns every second.
    static QHash<QString, QIcon> icons;
    auto it = icons.find(name);
    if (it == icons.end())
        it = icons.insert(name, AppIcons::action(name));
    return *it;
}

const QIcon& cachedStatus(const QString& name)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(name);
    if (it == icons.end())
        it = icons.insert(name, AppIcons::status(name));
    return *it;
}

QString statusIconName(TenantState state)
{
    switch (state) {
    case TenantState::SignedIn:
        return QStringLiteral("signed-in");
    case TenantState::NeedsInteraction:
    case TenantState::SignInExpired:
    case TenantState::NotSignedIn:
        return QStringLiteral("needs-sign-in");
    case TenantState::Refreshing:
        return QStringLiteral("refreshing");
    case TenantState::Unreachable:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace

QColor AccountItemDelegate::warningColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb8, 0x4a) : QColor(0x9a, 0x5b, 0x00);
}

QColor AccountItemDelegate::errorColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor AccountItemDelegate::expiringColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x9e, 0x64) : QColor(0xd8, 0x43, 0x15);
}

QSize AccountItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // A little air between rows: the tree is read at a glance, not scanned line by line.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height() + 6, option.fontMetrics.height() + 8));
    return size;
}

bool AccountItemDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                                    const QModelIndex& index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QToolTip::showText(event->globalPos(), plainTextToolTip(tip), view->viewport(), option.rect); // empty: hides
    event->setAccepted(!tip.isEmpty());
    return event->isAccepted();
}

void AccountItemDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QModelIndex row = index.siblingAtColumn(AccountTreeModel::NameColumn);
    const int kind = row.data(AccountTreeModel::KindRole).toInt();
    const bool active = row.data(AccountTreeModel::IsActiveRole).toBool();
    const auto setText = [option](const QColor& colour) {
        option->palette.setColor(QPalette::Text, colour);
        option->palette.setColor(QPalette::WindowText, colour);
    };

    switch (index.column()) {
    case AccountTreeModel::NameColumn:
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = cachedAction(kind == AccountTreeModel::AccountKind  ? QStringLiteral("account")
                                    : kind == AccountTreeModel::TenantKind ? QStringLiteral("tenant")
                                                                           : QStringLiteral("subscription"));
        if (kind == AccountTreeModel::AccountKind || active)
            option->font.setBold(true);
        break;
    case AccountTreeModel::StatusColumn:
        if (kind == AccountTreeModel::TenantKind) {
            const auto state = static_cast<TenantState>(row.data(AccountTreeModel::TenantStateRole).toInt());
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = cachedStatus(statusIconName(state));
            if (needsSignIn(state))
                setText(warningColor(option->palette));
            else if (state == TenantState::Unreachable)
                setText(errorColor(option->palette));
            else if (state == TenantState::Refreshing)
                setText(option->palette.color(QPalette::PlaceholderText));
        } else if (kind == AccountTreeModel::SubscriptionKind && active) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = cachedStatus(QStringLiteral("active"));
            option->font.setBold(true);
        } else if (kind == AccountTreeModel::AccountKind) {
            if (row.data(AccountTreeModel::RefreshTokenDeadRole).toBool() ||
                !row.data(AccountTreeModel::SignedInRole).toBool()) {
                option->features |= QStyleOptionViewItem::HasDecoration;
                option->icon = cachedStatus(QStringLiteral("needs-sign-in"));
                setText(warningColor(option->palette));
            } else {
                setText(option->palette.color(QPalette::PlaceholderText));
            }
        } else {
            setText(option->palette.color(QPalette::PlaceholderText));
        }
        break;
    case AccountTreeModel::ExpiresColumn:
        if (kind == AccountTreeModel::TenantKind) {
            const QVariant left = row.data(AccountTreeModel::SecondsLeftRole);
            if (!left.isValid() || left.toLongLong() <= 0) {
                setText(option->palette.color(QPalette::PlaceholderText));
            } else if (row.data(AccountTreeModel::ExpiringSoonRole).toBool()) {
                setText(expiringColor(option->palette));
                option->font.setBold(true);
            }
        }
        break;
    default:
        break;
    }
}

} // namespace tenantry
