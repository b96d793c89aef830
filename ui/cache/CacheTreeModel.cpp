#include "cache/CacheTreeModel.h"

#include "account/AccountTreeModel.h"

#include <QDateTime>
#include <QMap>

namespace tenantry {

namespace {

// A row of the tree: the item in the first column carries the roles, the others show text.
QList<QStandardItem*> makeRow(const QString& text)
{
    QList<QStandardItem*> row;
    for (int column = 0; column < CacheTreeModel::ColumnCount; ++column) {
        auto* item = new QStandardItem(column == 0 ? text : QString());
        item->setEditable(false);
        row << item;
    }
    return row;
}

void setRowData(const QList<QStandardItem*>& row, int role, const QVariant& value)
{
    for (QStandardItem* item : row)
        item->setData(value, role);
}

} // namespace

CacheTreeModel::CacheTreeModel(QObject* parent)
    : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("App / account / token"), tr("Tenant"), tr("Scopes"), tr("Expires")});
}

QString CacheTreeModel::kindText(CacheRow::Kind kind)
{
    switch (kind) {
    case CacheRow::Kind::AccessToken:
        return tr("Access token");
    case CacheRow::Kind::RefreshToken:
        return tr("Refresh token");
    case CacheRow::Kind::IdToken:
        return tr("ID token");
    case CacheRow::Kind::Account:
        return tr("Account");
    case CacheRow::Kind::AppMetadata:
        return tr("App metadata");
    }
    return {};
}

QString CacheTreeModel::expiresText(qint64 expiresOn, qint64 now)
{
    const qint64 left = expiresOn - now;
    return left <= 0 ? tr("expired") : AccountTreeModel::formatCountdown(left);
}

QString CacheTreeModel::tenantText(const QString& realm) const
{
    const QString name = m_tenantNames.value(realm.toLower());
    return name.isEmpty() ? realm : name;
}

void CacheTreeModel::setRows(const QList<CacheRow>& rows, qint64 now)
{
    // App (by name, then id) -> account (by name) -> that app's tokens of the account, in the cache's order.
    QMap<QString, QMap<QString, QList<CacheRow>>> tree;
    for (const CacheRow& r : rows) {
        if (!r.isToken())
            continue;
        const QString app = r.appName().toLower() + QLatin1Char('\n') + r.clientId.toLower();
        const QString account = r.username.toLower() + QLatin1Char('\n') + r.homeAccountId;
        tree[app][account].append(r);
    }

    removeRows(0, rowCount());
    for (const QMap<QString, QList<CacheRow>>& accounts : std::as_const(tree)) {
        const CacheRow& first = accounts.first().first();
        const QList<QStandardItem*> appRow = makeRow(first.appName());
        setRowData(appRow, LevelRole, AppLevel);
        setRowData(appRow, ClientIdRole, first.clientId);
        setRowData(appRow, AppNameRole, first.appName());
        appRow[EntryColumn]->setToolTip(tr("Client id %1").arg(first.clientId));
        int appTokens = 0;
        for (const QList<CacheRow>& entries : accounts) {
            const CacheRow& owner = entries.first();
            const QString accountName = !owner.username.isEmpty()        ? owner.username
                                        : !owner.homeAccountId.isEmpty() ? owner.homeAccountId
                                                                         : tr("No account (the app's own tokens)");
            const QList<QStandardItem*> accountRow = makeRow(accountName);
            setRowData(accountRow, LevelRole, AccountLevel);
            setRowData(accountRow, ClientIdRole, owner.clientId);
            setRowData(accountRow, AppNameRole, owner.appName());
            setRowData(accountRow, HomeAccountIdRole, owner.homeAccountId);
            setRowData(accountRow, AccountNameRole, accountName);
            accountRow[EntryColumn]->setToolTip(owner.homeAccountId);
            accountRow[ScopesColumn]->setText(tr("%n token(s)", nullptr, static_cast<int>(entries.size())));
            for (const CacheRow& r : entries) {
                const QList<QStandardItem*> entryRow = makeRow(kindText(r.kind));
                setRowData(entryRow, LevelRole, EntryLevel);
                setRowData(entryRow, ClientIdRole, r.clientId);
                setRowData(entryRow, AppNameRole, r.appName());
                setRowData(entryRow, HomeAccountIdRole, r.homeAccountId);
                setRowData(entryRow, AccountNameRole, accountName);
                setRowData(entryRow, EntryKindRole, static_cast<int>(r.kind));
                setRowData(entryRow, EntryKeyRole, r.key);
                entryRow[TenantColumn]->setText(r.realm.isEmpty() ? tr("every tenant") : tenantText(r.realm));
                entryRow[TenantColumn]->setToolTip(r.realm);
                entryRow[ScopesColumn]->setText(r.scopes);
                entryRow[ScopesColumn]->setToolTip(r.scopes.split(QLatin1Char(' ')).join(QLatin1Char('\n')));
                if (r.kind == CacheRow::Kind::AccessToken) {
                    setRowData(entryRow, ExpiresOnRole, r.expiresOn);
                    entryRow[ExpiresColumn]->setText(expiresText(r.expiresOn, now));
                    entryRow[ExpiresColumn]->setToolTip(
                        QDateTime::fromSecsSinceEpoch(r.expiresOn).toString(Qt::TextDate));
                } else if (r.kind == CacheRow::Kind::RefreshToken) {
                    entryRow[ExpiresColumn]->setText(tr("until revoked"));
                    entryRow[ExpiresColumn]->setToolTip(tr("Renews the access tokens until it is revoked or "
                                                           "unused for 90 days"));
                }
                accountRow[EntryColumn]->appendRow(entryRow);
                ++appTokens;
            }
            appRow[EntryColumn]->appendRow(accountRow);
        }
        appRow[ScopesColumn]->setText(tr("%n token(s)", nullptr, appTokens));
        appendRow(appRow);
    }
}

void CacheTreeModel::updateCountdowns(qint64 now)
{
    updateCountdowns(invisibleRootItem(), now);
}

void CacheTreeModel::updateCountdowns(QStandardItem* parent, qint64 now)
{
    for (int row = 0; row < parent->rowCount(); ++row) {
        QStandardItem* item = parent->child(row, EntryColumn);
        if (item->hasChildren()) {
            updateCountdowns(item, now);
            continue;
        }
        const QVariant expiresOn = item->data(ExpiresOnRole);
        if (!expiresOn.isValid())
            continue;
        QStandardItem* expires = parent->child(row, ExpiresColumn);
        const QString text = expiresText(expiresOn.toLongLong(), now);
        if (expires->text() != text)
            expires->setText(text);
    }
}

} // namespace tenantry
