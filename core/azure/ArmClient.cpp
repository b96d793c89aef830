#include "azure/ArmClient.h"

#include "http/HttpClient.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QHash>
#include <QUrlQuery>

namespace tenantry {

namespace {

// A string member of an object; empty for anything else (ARM's fields are all strings).
QString text(const Json& o, const char* key)
{
    const auto it = o.find(key);
    return it == o.end() || !it->is_string() ? QString() : json::toQString(*it);
}

QString armError(const HttpResponse& response)
{
    if (response.status == 0)
        return response.networkError;
    if (const auto body = response.json(); body && body->is_object() && body->contains("error")) {
        const Json& error = (*body)["error"];
        const QString message = error.is_object()   ? text(error, "message")
                                : error.is_string() ? json::toQString(error)
                                                    : QString();
        if (!message.isEmpty())
            return QStringLiteral("%1 (HTTP %2)").arg(message).arg(response.status);
    }
    return QCoreApplication::translate("tenantry::ArmClient", "Azure Resource Manager answered HTTP %1")
        .arg(response.status);
}

// The auth-params of a challenge header (`name="quoted\"value", name=token`), names lowercased. Bounded
// by the header, which HttpClient caps; a malformed rest is ignored.
QHash<QByteArray, QByteArray> challengeParameters(const QByteArray& header)
{
    QHash<QByteArray, QByteArray> parameters;
    qsizetype i = 0;
    const qsizetype n = header.size();
    while (i < n) {
        while (i < n && (header.at(i) == ' ' || header.at(i) == ',' || header.at(i) == '\t'))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && header.at(i) != '=' && header.at(i) != ' ' && header.at(i) != ',')
            ++i;
        const QByteArray name = header.mid(nameStart, i - nameStart).toLower();
        if (i >= n || header.at(i) != '=')
            continue; // a scheme name ("Bearer") or a token68: no value
        ++i;
        QByteArray value;
        if (i < n && header.at(i) == '"') {
            for (++i; i < n && header.at(i) != '"'; ++i) {
                if (header.at(i) == '\\' && i + 1 < n)
                    ++i;
                value += header.at(i);
            }
            ++i; // the closing quote
        } else {
            while (i < n && header.at(i) != ',' && header.at(i) != ' ')
                value += header.at(i++);
        }
        if (!name.isEmpty() && !parameters.contains(name))
            parameters.insert(name, value);
    }
    return parameters;
}

} // namespace

QString parseClaimsChallenge(const QByteArray& wwwAuthenticate)
{
    const QHash<QByteArray, QByteArray> parameters = challengeParameters(wwwAuthenticate);
    if (parameters.value("error") != "insufficient_claims")
        return {};
    const auto decoded =
        QByteArray::fromBase64Encoding(parameters.value("claims"), QByteArray::AbortOnBase64DecodingErrors);
    const auto urlDecoded = QByteArray::fromBase64Encoding(
        parameters.value("claims"), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray text = decoded ? *decoded : urlDecoded ? *urlDecoded : QByteArray();
    const auto parsed = json::parse(text);
    if (!parsed.value || !parsed.value->is_object())
        return {};
    return QString::fromUtf8(text);
}

ArmListPage parseArmListPage(const QByteArray& body)
{
    ArmListPage page;
    auto parsed = json::parse(body);
    if (!parsed.value || !parsed.value->is_object()) {
        page.error =
            QCoreApplication::translate("tenantry::ArmClient", "Azure Resource Manager sent an unreadable answer.");
        return page;
    }
    const Json& object = *parsed.value;
    if (const auto value = object.find("value"); value != object.end() && !value->is_null()) {
        if (!value->is_array()) {
            page.error = QCoreApplication::translate("tenantry::ArmClient",
                                                     "Azure Resource Manager sent a list that is not a list.");
            return page;
        }
        for (const Json& item : *value) {
            if (item.is_object())
                page.items.append(item);
            else
                ++page.skipped;
        }
    }
    if (const auto next = object.find("nextLink"); next != object.end() && !next->is_null()) {
        if (!next->is_string()) {
            page.error = QCoreApplication::translate("tenantry::ArmClient",
                                                     "Azure Resource Manager sent an unreadable next page link.");
            return page;
        }
        page.nextLink = json::toQString(*next);
    }
    return page;
}

std::optional<ArmTenant> parseArmTenant(const Json& item)
{
    ArmTenant t{text(item, "tenantId"), text(item, "displayName"), text(item, "defaultDomain"),
                text(item, "tenantCategory")};
    if (t.tenantId.isEmpty())
        return std::nullopt;
    return t;
}

std::optional<ArmSubscription> parseArmSubscription(const Json& item)
{
    ArmSubscription s;
    s.subscriptionId = text(item, "subscriptionId");
    if (s.subscriptionId.isEmpty())
        s.subscriptionId = text(item, "id").section(QLatin1Char('/'), -1);
    s.displayName = text(item, "displayName");
    s.state = text(item, "state");
    s.homeTenantId = text(item, "tenantId");
    if (const auto managed = item.find("managedByTenants"); managed != item.end() && managed->is_array()) {
        for (const Json& tenant : *managed) {
            if (const QString id = text(tenant, "tenantId"); !id.isEmpty())
                s.managedByTenants.append(id);
        }
    }
    if (s.subscriptionId.isEmpty())
        return std::nullopt;
    return s;
}

ArmClient::ArmClient(HttpClient* http, QUrl resourceManager, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_resourceManager(std::move(resourceManager))
{}

template <typename T>
void ArmClient::fetchPages(const QUrl& url, const QString& token, std::optional<T> (*parse)(const Json&),
                           std::shared_ptr<ArmListing<T>> listing, int page, PageCallback<T> onPage,
                           std::function<void(const ArmListing<T>&)> done)
{
    // A listing handed on page by page has work waiting on its next page: it goes first.
    const auto priority = onPage ? HttpClient::Priority::AheadOfQueue : HttpClient::Priority::Normal;
    m_http->get(
        url, HttpClient::bearer(token),
        [=](const HttpResponse& response) {
            listing->httpStatus = response.status;
            if (!response.ok()) {
                listing->error = armError(response);
                listing->claims = parseClaimsChallenge(response.wwwAuthenticate);
                done(*listing);
                return;
            }
            const ArmListPage body = parseArmListPage(response.body);
            if (!body.ok()) {
                listing->error = body.error;
                done(*listing);
                return;
            }
            if (body.skipped > 0)
                qCDebug(lcArm).noquote() << url.path() << "listed" << body.skipped
                                         << "entries that are not objects; they were skipped";
            QList<T> pageItems;
            for (const Json& item : body.items) {
                if (listing->items.size() + pageItems.size() >= kMaxItems) {
                    listing->error =
                        tr("Azure Resource Manager listed more than %1 entries; the rest was not read.").arg(kMaxItems);
                    break;
                }
                if (auto parsed = parse(item))
                    pageItems.append(std::move(*parsed));
            }
            listing->items.append(pageItems);
            const QUrl nextUrl(body.nextLink);
            const bool more = listing->ok() && !body.nextLink.isEmpty();
            if (more && page + 1 >= m_maxPages)
                listing->error =
                    tr("Azure Resource Manager listed more than %1 pages; the rest was not read.").arg(m_maxPages);
            // Follow pages only on the same ARM host: a token is never sent elsewhere.
            else if (more && (nextUrl.scheme() != m_resourceManager.scheme() ||
                              nextUrl.host() != m_resourceManager.host() || nextUrl.port() != m_resourceManager.port()))
                listing->error = tr("Azure Resource Manager pointed the next page to another host.");
            // The next page is asked for before this one is handed on: it is on its way while the caller works.
            const bool fetchNext = more && listing->ok();
            if (fetchNext)
                fetchPages<T>(nextUrl, token, parse, listing, page + 1, onPage, done);
            if (onPage && !pageItems.isEmpty())
                onPage(pageItems);
            if (!fetchNext)
                done(*listing);
        },
        RetryPolicy(), priority);
}

void ArmClient::listTenants(const QString& armToken, std::function<void(const ArmListing<ArmTenant>&)> done)
{
    listTenants(armToken, {}, std::move(done));
}

void ArmClient::listTenants(const QString& armToken, PageCallback<ArmTenant> onPage,
                            std::function<void(const ArmListing<ArmTenant>&)> done)
{
    QUrl url = m_resourceManager.resolved(QUrl(QStringLiteral("tenants")));
    url.setQuery(QStringLiteral("api-version=%1").arg(QLatin1String(kApiVersion)));
    fetchPages<ArmTenant>(url, armToken, &parseArmTenant, std::make_shared<ArmListing<ArmTenant>>(), 0,
                          std::move(onPage), std::move(done));
}

void ArmClient::listSubscriptions(const QString& armToken, std::function<void(const ArmListing<ArmSubscription>&)> done)
{
    QUrl url = m_resourceManager.resolved(QUrl(QStringLiteral("subscriptions")));
    url.setQuery(QStringLiteral("api-version=%1").arg(QLatin1String(kApiVersion)));
    fetchPages<ArmSubscription>(url, armToken, &parseArmSubscription, std::make_shared<ArmListing<ArmSubscription>>(),
                                0, {}, std::move(done));
}

} // namespace tenantry
