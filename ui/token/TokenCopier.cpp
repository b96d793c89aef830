#include "token/TokenCopier.h"

#include "UiLogging.h"
#include "account/TokenProvider.h"

#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

namespace tenantry {

TokenCopier::TokenCopier(TokenProvider* tokens, ClipboardGuard* clipboard, QObject* parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_clipboard(clipboard)
{}

QString TokenCopier::normalizedScope(const QString& scopeOrResource)
{
    static const QRegularExpression kGuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    QStringList scopes;
    const QStringList parts = scopeOrResource.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        // An application id alone, or a URL naming a resource (no path, or a path ending in '/'),
        // is a resource: az's --resource R asks for R + "/.default".
        const QUrl url(part);
        const bool resourceUrl = url.isValid() && !url.scheme().isEmpty() && !url.host().isEmpty() &&
                                 (url.path().isEmpty() || url.path().endsWith(QLatin1Char('/')));
        scopes.append(resourceUrl || kGuid.match(part).hasMatch() ? part + QStringLiteral("/.default") : part);
    }
    return scopes.join(QLatin1Char(' '));
}

void TokenCopier::copy(const TokenCopyRequest& request)
{
    ++m_pending;
    TokenRequest tokenRequest;
    tokenRequest.scopes = normalizedScope(request.scope).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    tokenRequest.tenantId = request.tenantId;
    tokenRequest.username = request.username;
    QPointer<TokenCopier> self(this);
    m_tokens->getToken(tokenRequest, [self, request](const TokenResponse& response) {
        if (!self)
            return;
        --self->m_pending;
        if (!response.ok()) {
            qCInfo(lcClipboard).noquote()
                << "no token to copy for tenant" << request.tenantId << ":" << response.message;
            emit self->failed(request, response.message, response.needsInteractiveSignIn());
            return;
        }
        self->m_clipboard->copyToken(response.accessToken, request.format);
        emit self->copied(request, response.expiresOn, self->m_clipboard->clearAfterSeconds());
    });
}

} // namespace tenantry
