#include "cache/CacheWindow.h"

#include "ConfirmationBox.h"
#include "cache/CacheTreeModel.h"
#include "store/TokenCacheService.h"
#include "util/Clock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace tenantry {

namespace {

// Where a removal reaches, as TokenCacheService::modify does it.
QString whereRemovedText(const QString& filePath, bool oneToken)
{
    return oneToken ? CacheWindow::tr("It is removed from the shared token cache %1, from Tenantry's keychain copy "
                                      "and from any backup copy that holds it.")
                          .arg(filePath)
                    : CacheWindow::tr("They are removed from the shared token cache %1, from Tenantry's keychain "
                                      "copy and from any backup copy that holds them.")
                          .arg(filePath);
}

} // namespace

CacheWindow::CacheWindow(TokenCacheService& cache, const Clock& clock, const QString& ownClientId, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_cache(cache)
    , m_clock(clock)
    , m_ownClientId(ownClientId)
    , m_model(new CacheTreeModel(this))
    , m_view(new QTreeView(this))
    , m_removeEntry(new QPushButton(tr("Remove &token…"), this))
    , m_removeForAccount(new QPushButton(tr("Remove the app's tokens for this &account…"), this))
    , m_removeForAllAccounts(new QPushButton(tr("Remove the app's tokens for a&ll accounts…"), this))
    , m_status(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("cacheWindow"));
    setWindowTitle(tr("Shared Token Cache"));
    resize(900, 520);

    auto* intro = new QLabel(tr("The tokens that az, Azure PowerShell, Visual Studio Code, Tenantry and other tools "
                                "share in %1, app by app. No token itself is shown.")
                                 .arg(m_cache.filePath()),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("cacheTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CacheTreeModel::EntryColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CacheTreeModel::TenantColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CacheTreeModel::ScopesColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CacheTreeModel::ExpiresColumn, QHeaderView::ResizeToContents);

    m_removeEntry->setObjectName(QStringLiteral("removeCacheEntry"));
    m_removeForAccount->setObjectName(QStringLiteral("removeAppAccountEntries"));
    m_removeForAllAccounts->setObjectName(QStringLiteral("removeAppEntries"));
    m_status->setObjectName(QStringLiteral("cacheStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_removeEntry);
    buttons->addWidget(m_removeForAccount);
    buttons->addWidget(m_removeForAllAccounts);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_removeEntry, &QPushButton::clicked, this, &CacheWindow::confirmRemoveEntry);
    connect(m_removeForAccount, &QPushButton::clicked, this, &CacheWindow::confirmRemoveForAccount);
    connect(m_removeForAllAccounts, &QPushButton::clicked, this, &CacheWindow::confirmRemoveForAllAccounts);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CacheWindow::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CacheWindow::updateButtons);
    connect(&m_cache, &TokenCacheService::cacheChanged, this, &CacheWindow::rebuild);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] { m_model->updateCountdowns(m_clock.nowSecs()); });

    rebuild();
}

void CacheWindow::setTenantNames(const QHash<QString, QString>& names)
{
    if (m_model->setTenantNames(names))
        rebuild();
}

QString CacheWindow::statusText() const
{
    return m_status->text();
}

void CacheWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->updateCountdowns(m_clock.nowSecs());
    m_countdown->start(); // only while shown
    // What az wrote since: the list follows through cacheChanged.
    m_cache.load([](const CacheOutcome&) {});
}

void CacheWindow::hideEvent(QHideEvent* event)
{
    m_countdown->stop();
    QWidget::hideEvent(event);
}

void CacheWindow::rebuild()
{
    // The row the user is on stays current through a rebuild (a token renewed, az wrote); when it is gone,
    // its account or app is.
    const QModelIndex before = current();
    const QString clientId = before.data(CacheTreeModel::ClientIdRole).toString();
    const QString homeAccountId = before.data(CacheTreeModel::HomeAccountIdRole).toString();
    const QString key = before.data(CacheTreeModel::EntryKeyRole).toString();
    const int level = before.isValid() ? before.data(CacheTreeModel::LevelRole).toInt() : -1;

    m_model->setRows(CacheInventory::rows(m_cache.cache()), m_clock.nowSecs());
    m_view->expandAll();

    const auto childWith = [this](const QModelIndex& parent, int role, const QString& value) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (child.data(role).toString() == value)
                return child;
        }
        return QModelIndex();
    };
    QModelIndex again =
        level >= CacheTreeModel::AppLevel ? childWith({}, CacheTreeModel::ClientIdRole, clientId) : QModelIndex();
    if (again.isValid() && level >= CacheTreeModel::AccountLevel) {
        const QModelIndex account = childWith(again, CacheTreeModel::HomeAccountIdRole, homeAccountId);
        again = account.isValid() ? account : again;
        if (account.isValid() && level == CacheTreeModel::EntryLevel) {
            const QModelIndex entry = childWith(account, CacheTreeModel::EntryKeyRole, key);
            again = entry.isValid() ? entry : again;
        }
    }
    if (again.isValid())
        m_view->setCurrentIndex(again);
    updateButtons();
}

QModelIndex CacheWindow::current() const
{
    // The row the user selected, not merely the one keyboard focus landed on: nothing is removed unpicked.
    const QModelIndexList selected = m_view->selectionModel()->selectedRows(CacheTreeModel::EntryColumn);
    return selected.isEmpty() ? QModelIndex() : selected.first();
}

void CacheWindow::updateButtons()
{
    const QModelIndex index = current();
    const int level = index.isValid() ? index.data(CacheTreeModel::LevelRole).toInt() : -1;
    m_removeEntry->setEnabled(level == CacheTreeModel::EntryLevel);
    // App-only tokens have no account to choose: they go one by one or with all of the app's tokens.
    m_removeForAccount->setEnabled(level >= CacheTreeModel::AccountLevel &&
                                   !index.data(CacheTreeModel::HomeAccountIdRole).toString().isEmpty());
    m_removeForAllAccounts->setEnabled(level >= CacheTreeModel::AppLevel);
}

QString CacheWindow::signInAgainText(const QString& appName, const QString& clientId, bool accessOrIdToken) const
{
    QString text = accessOrIdToken ? tr("%1 gets a new one with its refresh token where it still holds one; where it "
                                        "does not, %1 will have to sign in again.")
                                         .arg(appName)
                                   : tr("%1 will have to sign in again.").arg(appName);
    if (clientId.compare(m_ownClientId, Qt::CaseInsensitive) == 0)
        text += QLatin1Char(' ') + tr("Tenantry signs in as %1 too, so this applies to Tenantry as well.").arg(appName);
    return text;
}

void CacheWindow::confirmRemoveEntry()
{
    const QModelIndex index = current();
    if (index.data(CacheTreeModel::LevelRole).toInt() != CacheTreeModel::EntryLevel)
        return;
    const auto kind = static_cast<CacheRow::Kind>(index.data(CacheTreeModel::EntryKindRole).toInt());
    const QString key = index.data(CacheTreeModel::EntryKeyRole).toString();
    const QString app = index.data(CacheTreeModel::AppNameRole).toString();
    const QString clientId = index.data(CacheTreeModel::ClientIdRole).toString();
    const QString account = index.data(CacheTreeModel::AccountNameRole).toString();
    const QString tenant = index.siblingAtColumn(CacheTreeModel::TenantColumn).data().toString();
    const QString scopes = index.siblingAtColumn(CacheTreeModel::ScopesColumn).data().toString();
    QString what = tr("%1's %2 for %3").arg(app, CacheTreeModel::kindText(kind).toLower(), account);
    if (kind != CacheRow::Kind::RefreshToken)
        what += QLatin1Char(' ') + tr("in the tenant %1").arg(tenant);
    if (!scopes.isEmpty())
        what += QLatin1Char(' ') + tr("(scopes: %1)").arg(scopes);
    const QString text = tr("Remove %1?").arg(what) + QStringLiteral("\n\n") +
                         whereRemovedText(m_cache.filePath(), true) + QStringLiteral("\n\n") +
                         signInAgainText(app, clientId, kind != CacheRow::Kind::RefreshToken);
    askToConfirm(this, tr("Remove this token?"), text, tr("Remove"), [this, kind, key] {
        remove([kind, key](MsalCache& cache) { return CacheInventory::removeEntry(cache, kind, key); });
    });
}

void CacheWindow::confirmRemoveForAccount()
{
    const QModelIndex index = current();
    if (index.data(CacheTreeModel::LevelRole).toInt() < CacheTreeModel::AccountLevel)
        return;
    const QString app = index.data(CacheTreeModel::AppNameRole).toString();
    const QString clientId = index.data(CacheTreeModel::ClientIdRole).toString();
    const QString homeAccountId = index.data(CacheTreeModel::HomeAccountIdRole).toString();
    if (homeAccountId.isEmpty())
        return;
    const QString account = index.data(CacheTreeModel::AccountNameRole).toString();
    const QModelIndex accountIndex =
        index.data(CacheTreeModel::LevelRole).toInt() == CacheTreeModel::EntryLevel ? index.parent() : index;
    const QString text =
        tr("Remove every token %1 holds for %2 (%n token(s))?", nullptr, m_model->rowCount(accountIndex))
            .arg(app, account) +
        QStringLiteral("\n\n") + whereRemovedText(m_cache.filePath(), false) + QLatin1Char(' ') +
        tr("The account stays for the other apps.") + QStringLiteral("\n\n") + signInAgainText(app, clientId, false);
    askToConfirm(
        this, tr("Remove %1's tokens for %2?").arg(app, account), text, tr("Remove"),
        [this, clientId, homeAccountId] {
            remove([clientId, homeAccountId](MsalCache& cache) {
                return CacheInventory::removeAppEntries(cache, clientId, homeAccountId);
            });
        },
        /*warning=*/true);
}

void CacheWindow::confirmRemoveForAllAccounts()
{
    QModelIndex appIndex = current();
    while (appIndex.isValid() && appIndex.data(CacheTreeModel::LevelRole).toInt() != CacheTreeModel::AppLevel)
        appIndex = appIndex.parent();
    if (!appIndex.isValid())
        return;
    const QString app = appIndex.data(CacheTreeModel::AppNameRole).toString();
    const QString clientId = appIndex.data(CacheTreeModel::ClientIdRole).toString();
    const QString text =
        tr("Remove every token %1 holds, for all of its %n account(s)?", nullptr, m_model->rowCount(appIndex))
            .arg(app) +
        QStringLiteral("\n\n") + whereRemovedText(m_cache.filePath(), false) + QLatin1Char(' ') +
        tr("The accounts stay for the other apps.") + QStringLiteral("\n\n") + signInAgainText(app, clientId, false);
    askToConfirm(
        this, tr("Remove all of %1's tokens?").arg(app), text, tr("Remove all"),
        [this, clientId] {
            remove(
                [clientId](MsalCache& cache) { return CacheInventory::removeAppEntries(cache, clientId, QString()); });
        },
        /*warning=*/true);
}

void CacheWindow::remove(const std::function<CacheRemoval(MsalCache&)>& removal)
{
    // The change may run again on a fresh copy (another program wrote in between): the last run counts.
    auto removed = std::make_shared<int>(0);
    QPointer<CacheWindow> self(this);
    m_cache.modify([removal, removed](MsalCache& cache) { *removed = removal(cache).total(); },
                   [self, removed](const CacheOutcome& outcome) {
                       if (self)
                           self->finishRemoval(outcome, *removed);
                   });
}

void CacheWindow::finishRemoval(const CacheOutcome& outcome, int removed)
{
    QString text;
    if (!outcome.ok)
        text = tr("Nothing was removed: %1").arg(outcome.error);
    else if (removed == 0)
        text = tr("Nothing to remove: another program removed it already.");
    else
        text = tr("Removed %n token(s).", nullptr, removed);
    for (const QString& warning : outcome.warnings)
        text += QLatin1Char(' ') + warning;
    m_status->setText(text);
    rebuild();
}

} // namespace tenantry
