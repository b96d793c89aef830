// The embedded (QtWebEngine) sign-in: catching the redirect, checking state, pop-ups, cancel.
// Drives the dialog with local pages (setHtml) that navigate to the redirect URI: no server.

#include "UiTestSupport.h"
#include "signin/webengine/EmbeddedSignInDialog.h"
#include "signin/webengine/SignInWebPage.h"
#include "signin/webengine/WebEngineAuthorizationBrowser.h"

#include <QApplication>
#include <QDesktopServices>
#include <QPointer>
#include <QSignalSpy>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>
#include <QtTest>

using namespace tenantry;

class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl& url) { urls.append(url); }
};

class TestEmbeddedSignIn : public QObject
{
    Q_OBJECT

private:
    // The identity provider's page stand-in: served "from" an https origin, it navigates on load.
    static void showPage(EmbeddedSignInDialog* dialog, const QString& script)
    {
        const QString html = QStringLiteral("<!DOCTYPE html><html><body><h1>Sign in</h1><script>%1</script>"
                                            "</body></html>")
                                 .arg(script);
        dialog->page()->setHtml(html, QUrl(QStringLiteral("https://login.microsoftonline.com/organizations/")));
    }

    static QString navigateTo(const QString& url)
    {
        return QStringLiteral("setTimeout(function(){ window.location.href = '%1'; }, 50);").arg(url);
    }

    // Runs a sign-in in a WebEngineAuthorizationBrowser whose dialog shows `script`'s page.
    struct Run
    {
        WebEngineAuthorizationBrowser browser;
        QSignalSpy redirected{&browser, &AuthorizationBrowser::redirected};
        QSignalSpy failed{&browser, &AuthorizationBrowser::failed};
        QSignalSpy cancelled{&browser, &AuthorizationBrowser::cancelled};
        QPointer<EmbeddedSignInDialog> dialog;

        void open(const QString& state)
        {
            QString error;
            QVERIFY2(browser.prepare(&error), qPrintable(error));
            browser.open(QUrl(QStringLiteral("about:blank")), state);
            dialog = browser.dialog();
            QVERIFY(dialog);
        }
    };

private slots:
    void init()
    {
        // A page outliving its profile makes QtWebEngine warn "Release of profile requested but
        // WebEnginePage still not deleted"; the dialog must delete them in the right order.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Release of profile requested")));
    }

    void redirectUriIsLoopbackWithAFreePort()
    {
        WebEngineAuthorizationBrowser browser;
        QString error;
        QVERIFY(browser.prepare(&error));
        QVERIFY(browser.port() > 0);
        QCOMPARE(browser.redirectUri(), QStringLiteral("http://localhost:%1").arg(browser.port()));
        QVERIFY(!browser.dialog()); // no QtWebEngine until a sign-in opens
    }

    void catchesTheRedirectWithTheRightState()
    {
        Run run;
        run.open(QStringLiteral("state-123"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        QVERIFY(run.dialog->profile()->isOffTheRecord());
        const QString redirect =
            run.browser.redirectUri() + QStringLiteral("/?code=the-code&state=state-123&client_info=e30");
        showPage(run.dialog, navigateTo(redirect));

        QTRY_COMPARE_WITH_TIMEOUT(run.redirected.count(), 1, 20000);
        const auto response = run.redirected.first().first().value<AuthorizationResponse>();
        QCOMPARE(response.kind, AuthorizationResponse::Kind::Code);
        QCOMPARE(response.code.reveal(), QStringLiteral("the-code"));
        QCOMPARE(response.state, QStringLiteral("state-123"));
        QCOMPARE(response.clientInfo, QStringLiteral("e30"));
        // The dialog closed itself and goes away (page, then profile).
        QTRY_VERIFY_WITH_TIMEOUT(run.dialog.isNull(), 5000);
        QCOMPARE(run.cancelled.count(), 0);
        QCOMPARE(run.failed.count(), 0);
    }

    void ignoresARedirectWithAnotherState()
    {
        Run run;
        run.open(QStringLiteral("state-good"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        const QString forged = run.browser.redirectUri() + QStringLiteral("/?code=forged&state=state-evil");
        showPage(run.dialog, navigateTo(forged));
        // Give the navigation every chance to happen; it must be swallowed.
        QTest::qWait(2500);
        QCOMPARE(run.redirected.count(), 0);
        QVERIFY(run.dialog && run.dialog->isVisible());
        QVERIFY(!SignInWebPage::isRedirect(run.dialog->page()->url(), QUrl(run.browser.redirectUri())));

        // The real one still gets through afterwards.
        const QString real = run.browser.redirectUri() + QStringLiteral("/?code=real&state=state-good");
        showPage(run.dialog, navigateTo(real));
        QTRY_COMPARE_WITH_TIMEOUT(run.redirected.count(), 1, 20000);
        QCOMPARE(run.redirected.first().first().value<AuthorizationResponse>().code.reveal(), QStringLiteral("real"));
    }

    void showsTheProvidersErrorDescription()
    {
        Run run;
        run.open(QStringLiteral("s-err"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        const QString redirect = run.browser.redirectUri() +
                                 QStringLiteral("/?error=access_denied&error_description=AADSTS65004%3A+User+declined+"
                                                "to+consent+to+access+the+app.&state=s-err");
        showPage(run.dialog, navigateTo(redirect));
        QTRY_COMPARE_WITH_TIMEOUT(run.redirected.count(), 1, 20000);
        // Reported (so the flow fails with it), read once with '+' as a space, and shown; the dialog stays
        // for the user to read it.
        const auto response = run.redirected.first().first().value<AuthorizationResponse>();
        QCOMPARE(response.kind, AuthorizationResponse::Kind::Error);
        QCOMPARE(response.problem(), QStringLiteral("AADSTS65004: User declined to consent to access the app."));
        QVERIFY(run.dialog && run.dialog->isVisible());
        QCOMPARE(run.dialog->failureText(), QStringLiteral("AADSTS65004: User declined to consent to access the app."));
        test::saveScreenshot(run.dialog, QStringLiteral("embedded-sign-in-failed"));
        run.dialog->reject();
        QCOMPARE(run.cancelled.count(), 0); // nothing left to cancel
    }

    void refusesHttpsToHttp()
    {
        QVERIFY(SignInWebPage::isDowngrade(QUrl(QStringLiteral("https://login.microsoftonline.com/x")),
                                           QUrl(QStringLiteral("http://evil.example/"))));
        QVERIFY(!SignInWebPage::isDowngrade(QUrl(QStringLiteral("http://127.0.0.1:8400/x")),
                                            QUrl(QStringLiteral("http://127.0.0.1:8400/y"))));
        const QUrl redirect(QStringLiteral("http://localhost:5123"));
        QVERIFY(SignInWebPage::isRedirect(QUrl(QStringLiteral("http://localhost:5123/?code=1")), redirect));
        QVERIFY(SignInWebPage::isRedirect(QUrl(QStringLiteral("http://LOCALHOST:5123")), redirect));
        QVERIFY(!SignInWebPage::isRedirect(QUrl(QStringLiteral("http://localhost:5124/?code=1")), redirect));
        QVERIFY(!SignInWebPage::isRedirect(QUrl(QStringLiteral("https://localhost:5123/?code=1")), redirect));

        Run run;
        run.open(QStringLiteral("s-http"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        auto* page = qobject_cast<SignInWebPage*>(run.dialog->page());
        QVERIFY(page);
        QSignalSpy refused(page, &SignInWebPage::navigationRefused);
        // A real https page first, then a script sends it to plain http elsewhere.
        page->load(QUrl(QStringLiteral("https://127.0.0.1:1/unreachable")));
        QTest::qWait(500);
        page->runJavaScript(QStringLiteral("window.location.href = 'http://127.0.0.1:2/downgrade';"));
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
        QCOMPARE(refused.first().first().toUrl(), QUrl(QStringLiteral("http://127.0.0.1:2/downgrade")));
        QCOMPARE(run.redirected.count(), 0);
    }

    void popUpsOpenInTheSystemBrowser()
    {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        Run run;
        run.open(QStringLiteral("s-pop"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        run.dialog->page()->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true);
        showPage(run.dialog, QStringLiteral("window.open('https://example.com/terms');"));
        QTRY_COMPARE_WITH_TIMEOUT(catcher.urls.size(), 1, 20000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(catcher.urls.first(), QUrl(QStringLiteral("https://example.com/terms")));
        QVERIFY(run.dialog->isVisible());
        QCOMPARE(run.redirected.count(), 0);
    }

    void escapeCancelsAndChangesNothing()
    {
        Run run;
        run.open(QStringLiteral("s-esc"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        QSignalSpy loaded(run.dialog->page(), &QWebEnginePage::loadFinished);
        showPage(run.dialog, QString());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        test::saveScreenshot(run.dialog, QStringLiteral("embedded-sign-in"));
        QTest::keyClick(run.dialog, Qt::Key_Escape);
        QCOMPARE(run.cancelled.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(run.dialog.isNull(), 5000);
        QCOMPARE(run.redirected.count(), 0);
        run.browser.cancel(); // after the fact: no second cancelled()
        QCOMPARE(run.cancelled.count(), 1);
    }

    void escapeInsideThePageCancelsToo()
    {
        Run run;
        run.open(QStringLiteral("s-esc-page"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        QSignalSpy loaded(run.dialog->page(), &QWebEnginePage::loadFinished);
        showPage(run.dialog, QStringLiteral("document.body.insertAdjacentHTML('beforeend', '<input id=u autofocus>');"
                                            "document.getElementById('u').focus();"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        auto* view = run.dialog->findChild<QWebEngineView*>();
        QVERIFY(view);
        QTRY_VERIFY(view->focusProxy());
        view->setFocus();
        QTest::keyClick(view->focusProxy(), Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(run.cancelled.count(), 1, 5000);
    }

    void cancelFromTheFlowClosesTheDialog()
    {
        Run run;
        run.open(QStringLiteral("s-cancel"));
        run.browser.cancel();
        QCOMPARE(run.cancelled.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(run.dialog.isNull(), 5000);
    }

    void showsAFailureFromTheFlow()
    {
        Run run;
        run.open(QStringLiteral("s-flow"));
        QVERIFY(QTest::qWaitForWindowExposed(run.dialog));
        run.browser.showFailure(QStringLiteral("The identity provider's answer failed the nonce check."));
        QCOMPARE(run.dialog->failureText(), QStringLiteral("The identity provider's answer failed the nonce check."));
    }
};

int main(int argc, char* argv[])
{
    // Chromium refuses its sandbox as root (tests and CI only); no GPU under Xvfb or offscreen.
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestEmbeddedSignIn test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestEmbeddedSignIn.moc"
