#include "fakes/FakeBrowser.h"

#include "fakes/TestIdentityProvider.h"

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace tenantry::test {

namespace {

constexpr int kMaxSteps = 8; // start URL, authorize page, form post, redirect, listener: more means a loop

QString firstMatch(const QString& pattern, const QString& text)
{
    return QRegularExpression(pattern).match(text).captured(1);
}

} // namespace

InProcessAuthorizationBrowser::InProcessAuthorizationBrowser(TestIdentityProvider* idp, QObject* parent)
    : AuthorizationBrowser(parent)
    , m_idp(idp)
{}

bool InProcessAuthorizationBrowser::prepare(QString* error)
{
    if (failPrepare) {
        *error = QStringLiteral("The test browser could not start.");
        return false;
    }
    return true;
}

void InProcessAuthorizationBrowser::open(const QUrl& authorizeUrl, const QString& expectedState)
{
    opened.append(authorizeUrl);
    if (stayOpen)
        return;
    const quint64 generation = ++m_generation;
    QTimer::singleShot(0, this, [this, authorizeUrl, expectedState, generation] {
        if (generation != m_generation)
            return;
        QString error;
        const QUrl redirect = m_idp->completeAuthorization(authorizeUrl, user, &error);
        if (redirect.isEmpty()) {
            emit failed(error);
            return;
        }
        // Read as the embedded browser reads it, '+' for spaces and all.
        AuthorizationResponse response = AuthorizationResponse::fromRedirect(redirect);
        if (!forgedState.isEmpty())
            response.state = forgedState;
        Q_UNUSED(expectedState)
        emit redirected(response);
    });
}

void InProcessAuthorizationBrowser::cancel()
{
    ++m_generation;
    emit cancelled();
}

FormSubmittingBrowser::FormSubmittingBrowser(QObject* parent)
    : QObject(parent)
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

bool FormSubmittingBrowser::open(const QUrl& url)
{
    if (refuseToOpen)
        return false;
    opened.append(url);
    finished = false;
    status = 0;
    page.clear();
    problem.clear();
    m_steps = 0;
    // A real browser starts after the launcher returned.
    QTimer::singleShot(0, this, [this, url] { get(url); });
    return true;
}

QNetworkRequest FormSubmittingBrowser::browserRequest(const QUrl& url) const
{
    QNetworkRequest request(url);
    // Redirects are followed by onReply(), one visit at a time, as the steps of a browser's navigation.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"));
    request.setRawHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    request.setRawHeader("Accept-Language", "en-US,en;q=0.5");
    request.setRawHeader("Upgrade-Insecure-Requests", "1");
    return request;
}

void FormSubmittingBrowser::get(const QUrl& url)
{
    visited.append(url);
    QNetworkReply* reply = m_network.get(browserRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void FormSubmittingBrowser::onReply(QNetworkReply* reply)
{
    reply->deleteLater();
    status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    page = reply->readAll();
    pageUrl = reply->url();
    if (++m_steps > kMaxSteps) {
        stop(QStringLiteral("too many steps"));
        return;
    }
    if (status == 0) {
        stop(reply->errorString());
        return;
    }
    if (status >= 300 && status < 400) {
        const QUrl location = reply->url().resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
        get(location);
        return;
    }
    const QString html = QString::fromUtf8(page);
    if (status == 200 && html.contains(QLatin1String("<form id=\"signin\""))) {
        const QString flow = firstMatch(QStringLiteral("name=\"flow\" value=\"([^\"]*)\""), html);
        const QString action =
            firstMatch(QStringLiteral("<form id=\"signin\" method=\"post\" action=\"([^\"]*)\""), html);
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("flow"), flow);
        if (user.isEmpty()) {
            form.addQueryItem(QStringLiteral("action"), QStringLiteral("cancel"));
        } else {
            form.addQueryItem(QStringLiteral("account"), user);
            form.addQueryItem(QStringLiteral("action"), QStringLiteral("signin"));
        }
        QNetworkRequest request = browserRequest(reply->url().resolved(QUrl(action)));
        request.setRawHeader("Referer", reply->url().toEncoded());
        request.setRawHeader("Origin", reply->url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toEncoded());
        visited.append(request.url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply* next = m_network.post(request, form.toString(QUrl::FullyEncoded).toUtf8());
        connect(next, &QNetworkReply::finished, this, [this, next] { onReply(next); });
        return;
    }
    stop();
}

void FormSubmittingBrowser::stop(const QString& why)
{
    problem = why;
    finished = true;
}

} // namespace tenantry::test
