#include "signin/webengine/SignInWebPage.h"

#include "UiLogging.h"

#include <QDesktopServices>
#include <QWebEngineCertificateError>
#include <QWebEngineNewWindowRequest>

namespace tenantry {

namespace {

bool isWebScheme(const QString& scheme)
{
    return scheme == QLatin1String("https") || scheme == QLatin1String("http");
}

bool isInertScheme(const QString& scheme)
{
    // about:blank, inline data and blobs the sign-in page itself makes
    return scheme == QLatin1String("about") || scheme == QLatin1String("data") || scheme == QLatin1String("blob");
}

} // namespace

SignInWebPage::SignInWebPage(QWebEngineProfile* profile, const QUrl& redirectUri, QObject* parent)
    : QWebEnginePage(profile, parent)
    , m_redirectUri(redirectUri)
    , m_trustRoots(TrustRoots::fromEnvironment())
{
    connect(this, &QWebEnginePage::newWindowRequested, this,
            [this](QWebEngineNewWindowRequest& request) { openExternally(request.requestedUrl()); });
    connect(this, &QWebEnginePage::certificateError, this, &SignInWebPage::onCertificateError);
}

void SignInWebPage::onCertificateError(QWebEngineCertificateError error)
{
    const QString host = error.url().host();
    if (error.type() == QWebEngineCertificateError::CertificateAuthorityInvalid &&
        m_trustRoots.verifiesChain(error.certificateChain(), host)) {
        qCInfo(lcSignIn).noquote() << "trusted the certificate of" << host << "through the CA bundle";
        error.acceptCertificate();
        return;
    }
    error.rejectCertificate();
    qCWarning(lcSignIn).noquote() << "refused the certificate of" << host << "-" << error.description();
    QString message = tr("The sign-in page of %1 was not loaded: its certificate is not trusted (%2).")
                          .arg(host, error.description());
    if (!m_trustRoots.errors().isEmpty())
        message += QLatin1Char(' ') + m_trustRoots.errors().join(QLatin1Char(' '));
    emit certificateRefused(message);
}

bool SignInWebPage::isRedirect(const QUrl& url, const QUrl& redirectUri)
{
    return url.scheme().compare(redirectUri.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(redirectUri.host(), Qt::CaseInsensitive) == 0 && url.port(80) == redirectUri.port(80);
}

bool SignInWebPage::isDowngrade(const QUrl& from, const QUrl& to)
{
    return from.scheme() == QLatin1String("https") && to.scheme() == QLatin1String("http");
}

bool SignInWebPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame)
{
    Q_UNUSED(type)
    if (isRedirect(url, m_redirectUri)) {
        // Never loaded: nothing may reach whatever listens on that port. Reported after this
        // call returns, so the receiver may close the dialog safely.
        QMetaObject::invokeMethod(
            this, [this, url] { emit redirectRequested(url); }, Qt::QueuedConnection);
        return false;
    }
    const QString scheme = url.scheme().toLower();
    if (isInertScheme(scheme))
        return true;
    const QUrl from = m_current.isEmpty() ? this->url() : m_current;
    if (!isWebScheme(scheme) || isDowngrade(from, url)) {
        qCWarning(lcSignIn).noquote() << "refused a navigation to" << url.scheme() + QStringLiteral("://") + url.host()
                                      << "from" << from.scheme() + QStringLiteral("://") + from.host();
        emit navigationRefused(url);
        return false;
    }
    if (isMainFrame)
        m_current = url;
    return true;
}

QWebEnginePage* SignInWebPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    return nullptr; // newWindowRequested already sent it to the system browser
}

void SignInWebPage::openExternally(const QUrl& url)
{
    // Links such as "Terms of use" or "Can't access your account?" belong in the user's browser.
    if (!isWebScheme(url.scheme().toLower()) || isRedirect(url, m_redirectUri))
        return;
    qCInfo(lcSignIn).noquote() << "opening a pop-up in the system browser:" << url.host();
    if (QDesktopServices::openUrl(url))
        emit openedExternally(url);
}

} // namespace tenantry
