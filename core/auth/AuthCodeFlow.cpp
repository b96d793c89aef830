#include "auth/AuthCodeFlow.h"

#include "auth/AuthorizationResponse.h"
#include "util/Jwt.h"
#include "util/Logging.h"

#include <QUrlQuery>

namespace tenantry {

AuthCodeFlow::AuthCodeFlow(TokenClient* client, AuthorizationBrowser* browser, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_browser(browser)
{
    connect(browser, &AuthorizationBrowser::redirected, this, &AuthCodeFlow::onRedirect);
    connect(browser, &AuthorizationBrowser::failed, this, [this](const QString& message) {
        if (m_running)
            fail(message);
    });
    connect(browser, &AuthorizationBrowser::cancelled, this, [this] {
        if (!m_running)
            return;
        m_running = false;
        ++m_generation;
        m_deadline.stop();
        emit cancelled();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &AuthCodeFlow::timedOut);
}

void AuthCodeFlow::start(const AuthCodeRequest& request)
{
    m_request = request;
    m_running = true;
    m_randoms = AuthorizationRandoms::generate();
    const quint64 generation = ++m_generation;
    m_deadline.stop();
    if (request.timeoutSecs > 0)
        m_deadline.start(std::chrono::seconds(request.timeoutSecs));
    m_client->discovery()->discover(request.tenant, [this, generation](const OpenIdConfiguration* config,
                                                                        const QString& error) {
        if (generation != m_generation)
            return;
        if (!config) {
            fail(error, TokenGrantResult::Kind::Network);
            return;
        }
        QString why;
        if (!m_browser || !m_browser->prepare(&why)) {
            fail(why.isEmpty() ? tr("No browser is available for the sign-in.") : why);
            return;
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), m_client->clientId());
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("redirect_uri"), m_browser->redirectUri());
        query.addQueryItem(QStringLiteral("scope"), TokenClient::decoratedScope(m_request.scopes));
        query.addQueryItem(QStringLiteral("state"), m_randoms.state);
        query.addQueryItem(QStringLiteral("code_challenge"), m_randoms.codeChallenge);
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        query.addQueryItem(QStringLiteral("nonce"), m_randoms.nonceHash);
        query.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
        TokenClient::addClaims(query, m_request.claims);
        if (!m_request.prompt.isEmpty())
            query.addQueryItem(QStringLiteral("prompt"), m_request.prompt);
        if (!m_request.loginHint.isEmpty()) {
            query.addQueryItem(QStringLiteral("login_hint"), m_request.loginHint);
            query.addQueryItem(QStringLiteral("X-AnchorMailbox"), QStringLiteral("UPN:") + m_request.loginHint);
        }
        if (!m_request.domainHint.isEmpty())
            query.addQueryItem(QStringLiteral("domain_hint"), m_request.domainHint);
        // Fully encoded so '+', '&' and '=' inside claims JSON cannot change the query's meaning.
        QString encoded;
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto& [key, value] : items) {
            if (!encoded.isEmpty())
                encoded += QLatin1Char('&');
            encoded += QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
        }
        m_authorizeUrl = config->authorizationEndpoint;
        m_authorizeUrl.setQuery(encoded, QUrl::StrictMode);
        qCInfo(lcAuth).noquote() << "opening the sign-in page of" << m_authorizeUrl.host() << "for tenant"
                                 << m_request.tenant;
        m_browser->open(m_authorizeUrl, m_randoms.state);
    });
}

void AuthCodeFlow::cancel()
{
    if (!m_running)
        return;
    if (m_browser)
        m_browser->cancel(); // emits cancelled(), which ends this flow
    if (m_running) {
        m_running = false;
        ++m_generation;
        m_deadline.stop();
        emit cancelled();
    }
}

void AuthCodeFlow::timedOut()
{
    if (!m_running)
        return;
    const int secs = m_request.timeoutSecs;
    const QString span = secs % 60 == 0 ? (secs == 60 ? tr("a minute") : tr("%1 minutes").arg(secs / 60))
                                        : (secs == 1 ? tr("a second") : tr("%1 seconds").arg(secs));
    // Ended before the browser is told to stop, so its cancelled() does not end this flow a second time.
    fail(tr("The sign-in did not come back from the browser within %1.").arg(span));
    if (m_browser)
        m_browser->cancel();
}

void AuthCodeFlow::onRedirect(const AuthorizationResponse& response)
{
    if (!m_running)
        return;
    if (response.state != m_randoms.state) {
        fail(tr("The sign-in response did not belong to this sign-in (state mismatch)."));
        return;
    }
    switch (response.kind) {
    case AuthorizationResponse::Kind::Error:
        fail(response.problem(), response.error == QLatin1String("access_denied") ? TokenGrantResult::Kind::Declined
                                                                                 : TokenGrantResult::Kind::OtherError);
        return;
    case AuthorizationResponse::Kind::NotAResponse:
    case AuthorizationResponse::Kind::Malformed:
        fail(response.problem());
        return;
    case AuthorizationResponse::Kind::Code:
        break;
    }
    const Secret& code = response.code;
    const QString& clientInfo = response.clientInfo;
    const quint64 generation = m_generation;
    m_client->redeemAuthorizationCode(
        m_request.tenant, code, m_randoms.codeVerifier, m_browser->redirectUri(), m_request.scopes, clientInfo,
        m_request.claims, [this, generation](const TokenGrantResult& result, const QString& realm) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                fail(result.message(), result.kind);
                return;
            }
            const Json claims = jwt::claims(result.idToken.reveal());
            if (json::toQString(claims.value("nonce", Json())) != m_randoms.nonceHash) {
                fail(tr("The identity provider's answer failed the nonce check; the sign-in was not accepted."));
                return;
            }
            m_running = false;
            m_deadline.stop();
            emit succeeded(result, realm);
        });
}

void AuthCodeFlow::fail(const QString& message, TokenGrantResult::Kind kind)
{
    m_running = false;
    ++m_generation;
    m_deadline.stop();
    emit failed(message, kind);
}

} // namespace tenantry
