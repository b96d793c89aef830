#pragma once

#include "auth/AuthorizationBrowser.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace tenantry::test {

class TestIdentityProvider;

// The embedded-browser seam without a screen: open() signs in at the test identity provider as if the
// user had picked `user` on its page, and reports the redirect a moment later, as a web view would.
// (No Q_OBJECT in these two: they only emit their bases' signals.)
class InProcessAuthorizationBrowser final : public AuthorizationBrowser
{
public:
    explicit InProcessAuthorizationBrowser(TestIdentityProvider* idp, QObject* parent = nullptr);

    bool prepare(QString* error) override;
    QString redirectUri() const override { return QStringLiteral("http://localhost:53117"); }
    void open(const QUrl& authorizeUrl, const QString& expectedState) override;
    void cancel() override;

    QString user;        // who signs in; empty: the user presses Cancel on the page
    QString forgedState; // non-empty: the redirect carries this state (a browser that breaks its contract)
    bool failPrepare = false;
    bool stayOpen = false; // the user never finishes: only cancel() ends it
    QList<QUrl> opened;    // every authorize URL it was given

private:
    TestIdentityProvider* m_idp;
    quint64 m_generation = 0;
};

// A system browser for LoopbackRedirectListener: fetches the URL it is launched with, following each
// 302 by its Location as a browser does (the listener's start URL to the authorize URL), submits the
// identity provider's sign-in form (or takes the redirect an auto sign-in gives at once) and follows the
// redirect to the loopback listener, keeping what the listener's page said. Each request carries a
// browser's usual headers.
class FormSubmittingBrowser final : public QObject, public BrowserLauncher
{
public:
    explicit FormSubmittingBrowser(QObject* parent = nullptr);

    bool canOpen() const override { return true; }
    bool open(const QUrl& url) override;

    QString user; // the account picked on the sign-in page; empty: Cancel
    bool refuseToOpen = false;
    QList<QUrl> opened;  // every URL it was launched with
    QList<QUrl> visited; // every URL it requested, in order, redirects followed included

    // The last page shown: the listener's answer once the walk is over.
    bool finished = false;
    int status = 0;
    QByteArray page;
    QUrl pageUrl;
    QString problem; // why the walk stopped somewhere unexpected

private:
    void get(const QUrl& url);
    QNetworkRequest browserRequest(const QUrl& url) const;
    void onReply(QNetworkReply* reply);
    void stop(const QString& problem = {});

    QNetworkAccessManager m_network;
    int m_steps = 0;
};

} // namespace tenantry::test
