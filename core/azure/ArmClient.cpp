#include "azure/ArmClient.h"

#include "http/HttpClient.h"
#include "util/Logging.h"

#include <QUrlQuery>

namespace tenantry {

namespace {

QString text(const Json& o, const char* key)
{
    const auto it = o.find(key);
    return it == o.end() ? QString() : json::toQString(*it);
}

QString armError(const HttpResponse& response)
{
    if (response.status == 0)
        return response.networkError;
    if (const auto body = response.json(); body && body->is_object() && body->contains("error")) {
        const Json& error = (*body)["error"];
        const QString message = error.is_object() ? text(error, "message") : json::toQString(error);
        if (!message.isEmpty())
            return QStringLiteral("%1 (HTTP %2)").arg(message).arg(response.status);
    }
    return QStringLiteral("Azure Resource Manager answered HTTP %1").arg(response.status);
}

} // namespace

ArmClient::ArmClient(HttpClient* http, QUrl resourceManager, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_resourceManager(std::move(resourceManager))
{}

template <typename T>
void ArmClient::fetchPages(const QUrl& url, const QString& token, std::function<std::optional<T>(const Json&)> parse,
                           std::shared_ptr<ArmListing<T>> listing, std::function<void(const ArmListing<T>&)> done)
{
    m_http->get(url, HttpClient::bearer(token), [=](const HttpResponse& response) {
        const auto body = response.json();
        if (!response.ok() || !body || !body->is_object()) {
            listing->httpStatus = response.status;
            listing->error = response.ok() ? QStringLiteral("Azure Resource Manager sent an unreadable answer.")
                                           : armError(response);
            done(*listing);
            return;
        }
        for (const Json& item : body->value("value", Json::array())) {
            if (auto parsed = parse(item))
                listing->items.append(std::move(*parsed));
        }
        const QString next = text(*body, "nextLink");
        if (next.isEmpty()) {
            listing->httpStatus = response.status;
            done(*listing);
            return;
        }
        const QUrl nextUrl(next);
        // Follow pages only on the same ARM host: a token is never sent elsewhere.
        if (nextUrl.scheme() != m_resourceManager.scheme() || nextUrl.host() != m_resourceManager.host() ||
            nextUrl.port() != m_resourceManager.port()) {
            listing->error = QStringLiteral("Azure Resource Manager pointed the next page to another host.");
            done(*listing);
            return;
        }
        fetchPages<T>(nextUrl, token, parse, listing, done);
    });
}

void ArmClient::listTenants(const QString& armToken, std::function<void(const ArmListing<ArmTenant>&)> done)
{
    QUrl url = m_resourceManager.resolved(QUrl(QStringLiteral("tenants")));
    url.setQuery(QStringLiteral("api-version=%1").arg(QLatin1String(kApiVersion)));
    fetchPages<ArmTenant>(
        url, armToken,
        [](const Json& item) -> std::optional<ArmTenant> {
            ArmTenant t{text(item, "tenantId"), text(item, "displayName"), text(item, "defaultDomain"),
                        text(item, "tenantCategory")};
            if (t.tenantId.isEmpty())
                return std::nullopt;
            return t;
        },
        std::make_shared<ArmListing<ArmTenant>>(), std::move(done));
}

void ArmClient::listSubscriptions(const QString& armToken, std::function<void(const ArmListing<ArmSubscription>&)> done)
{
    QUrl url = m_resourceManager.resolved(QUrl(QStringLiteral("subscriptions")));
    url.setQuery(QStringLiteral("api-version=%1").arg(QLatin1String(kApiVersion)));
    fetchPages<ArmSubscription>(
        url, armToken,
        [](const Json& item) -> std::optional<ArmSubscription> {
            ArmSubscription s;
            s.subscriptionId = text(item, "subscriptionId");
            if (s.subscriptionId.isEmpty())
                s.subscriptionId = text(item, "id").section(QLatin1Char('/'), -1);
            s.displayName = text(item, "displayName");
            s.state = text(item, "state");
            s.homeTenantId = text(item, "tenantId");
            for (const Json& managed : item.value("managedByTenants", Json::array())) {
                if (managed.is_object())
                    s.managedByTenants.append(text(managed, "tenantId"));
            }
            if (s.subscriptionId.isEmpty())
                return std::nullopt;
            return s;
        },
        std::make_shared<ArmListing<ArmSubscription>>(), std::move(done));
}

} // namespace tenantry
