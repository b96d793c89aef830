#pragma once

#include "azure/AzureProfile.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace tenantry {

class HttpClient;
struct HttpResponse;

// A tenant as ARM's GET /tenants lists it.
struct ArmTenant
{
    QString tenantId;
    QString displayName;
    QString defaultDomain;
    QString category; // Home, ProjectedBy, ManagedBy
};

// A subscription as ARM's GET /subscriptions lists it, seen through one tenant's token.
struct ArmSubscription
{
    QString subscriptionId;
    QString displayName;
    QString state;
    QString homeTenantId; // ARM's "tenantId": the subscription's home tenant
    QStringList managedByTenants;
};

// What a listing got: the items, or why not. `unauthorized` is a 401/403: the token's tenant
// needs a (new) sign-in; the other tenants are unaffected.
template <typename T> struct ArmListing
{
    QList<T> items;
    QString error;
    int httpStatus = 0;
    QString claims; // a 401's claims challenge (JSON text) for the tenant's next sign-in; empty: none
    bool ok() const { return error.isEmpty(); }
    bool unauthorized() const { return httpStatus == 401 || httpStatus == 403; }
};

// One page of an ARM list as read from its body: the "value" entries that are objects (others are
// skipped and counted), and the next page's address. Never throws; `error` says why a body is no list.
struct ArmListPage
{
    QList<Json> items;
    int skipped = 0;  // "value" entries that were not objects
    QString nextLink; // empty on the last page
    QString error;    // for people; set when the body is not an ARM list at all
    bool ok() const { return error.isEmpty(); }
};

ArmListPage parseArmListPage(const QByteArray& body);
// The claims a 401's `WWW-Authenticate: Bearer ... error="insufficient_claims", claims="<base64>"` asks
// for (continuous access evaluation, Conditional Access), decoded to the JSON object text the authorize
// request carries; empty when the header is no such challenge or its claims are no JSON object.
QString parseClaimsChallenge(const QByteArray& wwwAuthenticate);
// One "value" item; nullopt when it lacks its id (or is not an object).
std::optional<ArmTenant> parseArmTenant(const Json& item);
std::optional<ArmSubscription> parseArmSubscription(const Json& item);

// Azure Resource Manager: tenants and subscriptions, following nextLink pages (SPEC §5). A listing
// ends after kMaxPages pages or kMaxItems items with an error, so a server whose nextLinks never end
// cannot keep it (and what is started for each item) going.
class ArmClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using PageCallback = std::function<void(const QList<T>& pageItems)>;

    ArmClient(HttpClient* http, QUrl resourceManager, QObject* parent = nullptr);

    void listTenants(const QString& armToken, std::function<void(const ArmListing<ArmTenant>&)> done);
    // As above, and `onPage` gets each page's tenants as it arrives (the next page is already asked
    // for), so work per tenant need not wait for the whole list. `done` comes after the last page.
    void listTenants(const QString& armToken, PageCallback<ArmTenant> onPage,
                     std::function<void(const ArmListing<ArmTenant>&)> done);
    void listSubscriptions(const QString& armToken, std::function<void(const ArmListing<ArmSubscription>&)> done);

    static constexpr const char* kApiVersion = "2022-12-01";
    static constexpr int kMaxPages = 1000;
    static constexpr int kMaxItems = 100000; // about what azureProfile.json can hold (json::kMaxDocumentBytes)
    void setMaxPages(int pages) { m_maxPages = std::max(1, pages); } // tests shorten it

private:
    // Fetches a page and the ones after it; `parse` turns one "value" item into T.
    template <typename T>
    void fetchPages(const QUrl& url, const QString& token, std::optional<T> (*parse)(const Json&),
                    std::shared_ptr<ArmListing<T>> listing, int page, PageCallback<T> onPage,
                    std::function<void(const ArmListing<T>&)> done);

    HttpClient* m_http;
    QUrl m_resourceManager;
    int m_maxPages = kMaxPages;
};

} // namespace tenantry
