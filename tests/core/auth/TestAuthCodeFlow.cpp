// The authorization code flow with PKCE (core/auth/AuthCodeFlow) through both browser seams against the
// test identity provider: the system browser behind LoopbackRedirectListener (a browser that fetches the
// sign-in page and submits its form) and an embedded-style browser that reports the redirect itself.

#include "auth/AuthCodeFlow.h"
#include "auth/LoopbackRedirectListener.h"
#include "fakes/FakeBrowser.h"
#include "fakes/IdentityRig.h"
#include "util/Jwt.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

// How a flow ended, as its signals said.
struct FlowEnd
{
    int ends = 0; // exactly one signal must end a flow
    bool succeeded = false;
    bool cancelled = false;
    Grant grant;
    QString message;
    TokenGrantResult::Kind kind = TokenGrantResult::Kind::Ok;
};

void watch(AuthCodeFlow& flow, FlowEnd& end)
{
    QObject::connect(&flow, &AuthCodeFlow::succeeded, [&end](const TokenGrantResult& result, const QString& realm) {
        ++end.ends;
        end.succeeded = true;
        end.grant = Grant{result, realm};
    });
    QObject::connect(&flow, &AuthCodeFlow::failed, [&end](const QString& message, TokenGrantResult::Kind kind) {
        ++end.ends;
        end.message = message;
        end.kind = kind;
    });
    QObject::connect(&flow, &AuthCodeFlow::cancelled, [&end] {
        ++end.ends;
        end.cancelled = true;
    });
}

bool waitForEnd(const FlowEnd& end)
{
    return QTest::qWaitFor([&end] { return end.ends > 0; }, 30000);
}

QString param(const QUrl& url, const QString& name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

AuthCodeRequest armSignIn(const QString& tenant = QStringLiteral("organizations"))
{
    AuthCodeRequest request;
    request.tenant = tenant;
    request.scopes = {kArmScope};
    return request;
}

// A system browser that is told where to go and then waits for the test.
class RecordingLauncher final : public BrowserLauncher
{
public:
    bool canOpen() const override { return true; }
    bool open(const QUrl& url) override
    {
        opened = url;
        return true;
    }
    QUrl opened;
};

// One raw HTTP exchange with the loopback listener: what a stray or hostile client would send.
QByteArray rawExchange(quint16 port, const QByteArray& request,
                       const QHostAddress& address = QHostAddress(QHostAddress::LocalHost))
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(address, port);
    if (!socket.waitForConnected(5000))
        return QByteArrayLiteral("(no connection)");
    socket.write(request);
    QByteArray answer;
    // The listener closes the connection after its answer.
    const bool closed = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    answer += socket.readAll();
    return closed ? answer : answer + QByteArrayLiteral("(left open)");
}

bool portAcceptsConnections(quint16 port, const QHostAddress& address = QHostAddress(QHostAddress::LocalHost))
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

QByteArray get(const QString& pathAndQuery)
{
    return "GET " + pathAndQuery.toLatin1() + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: Mozilla/5.0\r\n\r\n";
}

// Whether this machine has an IPv6 loopback the listener must also hold (a container may have none).
bool hasIpv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

// A sign-in through the loopback listener with `Launcher` as the system browser.
template <class Launcher> struct LoopbackSignIn
{
    explicit LoopbackSignIn(TokenClient* client)
        : flow(client, &listener)
    {
        watch(flow, end);
    }

    Launcher launcher;
    LoopbackRedirectListener listener{&launcher};
    AuthCodeFlow flow;
    FlowEnd end;
};

// A sign-in whose browser is told where to go and then waits for the test, which plays the browser (and
// anyone else on the machine) with raw requests.
struct WaitingSignIn : LoopbackSignIn<RecordingLauncher>
{
    using LoopbackSignIn::LoopbackSignIn;
    // Starts the flow; true once the browser was launched.
    bool start()
    {
        flow.start(armSignIn());
        return QTest::qWaitFor([this] { return !launcher.opened.isEmpty(); }, 10000);
    }
    QByteArray request(const QString& pathAndQuery) { return rawExchange(listener.port(), get(pathAndQuery)); }
    QString startPath() const { return launcher.opened.path(QUrl::FullyEncoded); }
};

// The sign-in ended as a possible hijack: the user is told why, nothing was redeemed, nothing listens.
void verifyStoppedAsHijack(WaitingSignIn& signIn, const QString& why, TestIdentityProvider& idp)
{
    QVERIFY(waitForEnd(signIn.end));
    QVERIFY(!signIn.end.succeeded);
    QVERIFY(!signIn.end.cancelled);
    QVERIFY2(signIn.end.message.startsWith(QStringLiteral("The sign-in was stopped: ") + why),
             qPrintable(signIn.end.message));
    QVERIFY2(signIn.end.message.endsWith(QLatin1String(
                 "Another program on this computer may be trying to take over the sign-in. Sign in again.")),
             qPrintable(signIn.end.message));
    const QUrl authorize = signIn.flow.authorizeUrl();
    for (const QString& secret : {param(authorize, QStringLiteral("state")), param(authorize, QStringLiteral("nonce")),
                                  param(authorize, QStringLiteral("code_challenge")), signIn.startPath()}) {
        QVERIFY(!signIn.end.message.contains(secret));
        for (const QString& line : LogCapture::messages())
            QVERIFY2(!line.contains(secret), qPrintable(line));
    }
    QVERIFY(!signIn.flow.isRunning());
    QCOMPARE(idp.requestCount(IdpEndpoint::Token), 0);
    QVERIFY(!portAcceptsConnections(signIn.listener.port()));
    QVERIFY(!portAcceptsConnections(signIn.listener.port(), QHostAddress(QHostAddress::LocalHostIPv6)));
    QTest::qWait(50);
    QCOMPARE(signIn.end.ends, 1);
}

} // namespace

class TestAuthCodeFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    // The whole system-browser path: the listener takes the redirect, the browser is told it can close
    // the window, the code is redeemed with the PKCE verifier and the nonce checked.
    void systemBrowserSubmitsTheSignInForm()
    {
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);

        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY2(end.succeeded, qPrintable(end.message));
        QVERIFY(QTest::qWaitFor([&] { return browser.finished; }, 10000));

        // What the user saw last: the listener's page.
        QCOMPARE(browser.status, 200);
        QVERIFY2(browser.problem.isEmpty(), qPrintable(browser.problem));
        QVERIFY(QString::fromUtf8(browser.page).contains(QLatin1String("You can close this window")));
        QCOMPARE(browser.pageUrl.port(), int(listener.port()));

        // The browser was launched with the listener's start URL, which sent it on to the authorize URL.
        QCOMPARE(browser.opened.size(), 1);
        QVERIFY(browser.visited.size() >= 3);
        QCOMPARE(browser.visited.at(0), browser.opened.first());
        QCOMPARE(browser.opened.first().port(), int(listener.port()));
        QVERIFY(browser.opened.first().path().startsWith(QLatin1String("/start/")));
        // The authorize request as SPEC §4 lists it.
        const QUrl authorize = browser.visited.at(1);
        QCOMPARE(authorize, flow.authorizeUrl());
        QCOMPARE(authorize.path(), QStringLiteral("/organizations/oauth2/v2.0/authorize"));
        QCOMPARE(param(authorize, QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(param(authorize, QStringLiteral("client_id")), kAzureCliClientId);
        QCOMPARE(param(authorize, QStringLiteral("redirect_uri")),
                 QStringLiteral("http://localhost:%1").arg(listener.port()));
        QCOMPARE(param(authorize, QStringLiteral("scope")),
                 QStringLiteral("https://management.core.windows.net//.default offline_access openid profile"));
        QCOMPARE(param(authorize, QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(param(authorize, QStringLiteral("code_challenge")).size(), 43);
        QCOMPARE(param(authorize, QStringLiteral("prompt")), QStringLiteral("select_account"));
        QVERIFY(param(authorize, QStringLiteral("state")).size() >= 16);
        QVERIFY(!param(authorize, QStringLiteral("nonce")).isEmpty());

        // The identity provider checked the verifier against the challenge and issued the tokens.
        const TokenGrantResult& result = end.grant.result;
        QCOMPARE(end.grant.realm, QStringLiteral("organizations"));
        QVERIFY(!result.accessToken.isEmpty());
        QVERIFY(!result.refreshToken.isEmpty());
        QVERIFY(!result.clientInfo.isEmpty());
        const Json idClaims = jwt::claims(result.idToken.reveal());
        QCOMPARE(json::toQString(idClaims.value("preferred_username", Json())), sample::kSam);
        QCOMPARE(json::toQString(idClaims.value("nonce", Json())), param(authorize, QStringLiteral("nonce")));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("authorization_code")), 1);
        QVERIFY(m_rig->idp.isRefreshTokenValid(result.refreshToken.reveal()));
        QVERIFY(!flow.isRunning());
        QCOMPARE(end.ends, 1);

        // The listener has closed: nothing on that port takes a second code.
        QVERIFY(!portAcceptsConnections(listener.port()));

        // No token or code in any log line.
        const Secret code(param(browser.pageUrl, QStringLiteral("code")));
        QVERIFY(!code.isEmpty());
        const QStringList leaks =
            leakedSecrets(LogCapture::messages(), {code, result.accessToken, result.refreshToken, result.idToken});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // A browser with a session at the identity provider: no form, the redirect comes at once.
    void systemBrowserWithAutoSignIn()
    {
        m_rig->idp.setAutoSignInUser(sample::kSam);
        FormSubmittingBrowser browser; // would press Cancel if it saw the form
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);

        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY2(end.succeeded, qPrintable(end.message));
        QVERIFY(QTest::qWaitFor([&] { return browser.finished; }, 10000));
        QVERIFY(QString::fromUtf8(browser.page).contains(QLatin1String("You can close this window")));
        int posts = 0;
        for (const IdpRequestRecord& record : m_rig->idp.requests()) {
            if (record.endpoint == IdpEndpoint::Authorize && record.method == QLatin1String("POST"))
                ++posts;
        }
        QCOMPARE(posts, 0);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Authorize), 1);
    }

    // One listener for two sign-ins in a row (sign in, then another tenant): each gets a working port.
    void listenerServesASecondSignIn()
    {
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        for (const QString& tenant : {QStringLiteral("organizations"), sample::kFabrikam}) {
            FlowEnd end;
            watch(flow, end);
            flow.start(armSignIn(tenant));
            QVERIFY(waitForEnd(end));
            QVERIFY2(end.succeeded, qPrintable(end.message));
            QCOMPARE(end.grant.realm, tenant);
            QObject::disconnect(&flow, nullptr, nullptr, nullptr);
        }
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("authorization_code")), 2);
    }

    // The browser's command line, which every local user can read in /proc, carries no state, PKCE
    // challenge or nonce: only the listener's start URL, which answers once with a 302 to the authorize URL.
    void launchedUrlCarriesNoSecret()
    {
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        const QUrl launched = signIn.launcher.opened;
        const QUrl authorize = signIn.flow.authorizeUrl();
        QCOMPARE(launched.scheme(), QStringLiteral("http"));
        QCOMPARE(launched.host(), QStringLiteral("localhost"));
        QCOMPARE(launched.port(), int(signIn.listener.port()));
        QVERIFY(!launched.hasQuery());
        QVERIFY(!launched.hasFragment());
        // 128 random bits, base64url.
        QVERIFY2(QRegularExpression(QStringLiteral("^/start/[A-Za-z0-9_-]{22}$")).match(signIn.startPath()).hasMatch(),
                 qPrintable(signIn.startPath()));
        const QString launchedText = launched.toString(QUrl::FullyEncoded);
        for (const QString& name :
             {QStringLiteral("state"), QStringLiteral("code_challenge"), QStringLiteral("nonce")}) {
            const QString value = param(authorize, name);
            QVERIFY(value.size() >= 16);
            QVERIFY2(!launchedText.contains(value), qPrintable(name));
        }

        const QByteArray start = signIn.request(signIn.startPath());
        QVERIFY2(start.startsWith("HTTP/1.1 302 Found\r\n"), start.constData());
        QVERIFY(start.contains(QByteArray("\r\nLocation: " + authorize.toEncoded() + "\r\n")));
        QVERIFY(start.contains("\r\nCache-Control: no-store\r\n"));
        QVERIFY(start.contains("\r\nReferrer-Policy: no-referrer\r\n"));
        QTest::qWait(50);
        QCOMPARE(signIn.end.ends, 0);
        QVERIFY(signIn.flow.isRunning());

        // Each sign-in gets a start URL of its own.
        signIn.flow.cancel();
        signIn.launcher.opened.clear();
        QVERIFY(signIn.start());
        QVERIFY(signIn.startPath().startsWith(QLatin1String("/start/")));
        QVERIFY(launched.path() != signIn.startPath());
    }

    // Whoever asks for the start URL second (the user's browser after another local user raced it, or
    // the other user after the browser) means someone else has it: the sign-in stops either way.
    void secondRequestToTheStartUrlStopsTheSignIn()
    {
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        QVERIFY(signIn.request(signIn.startPath()).startsWith("HTTP/1.1 302 Found\r\n")); // the racer
        FormSubmittingBrowser browser; // then the user's browser, as launched
        browser.user = sample::kSam;
        QVERIFY(browser.open(signIn.launcher.opened));
        QVERIFY(QTest::qWaitFor([&] { return browser.finished; }, 10000));
        QCOMPARE(browser.status, 400);
        QCOMPARE(browser.visited.size(), 1); // never sent on to the identity provider
        QVERIFY(QString::fromUtf8(browser.page).contains(QLatin1String("Tenantry stopped this sign-in")));
        verifyStoppedAsHijack(signIn, QStringLiteral("its start page was requested a second time."), m_rig->idp);
    }

    // The same from the browser itself (Back, reload): the listener cannot tell it from an intruder.
    void startUrlServesOnlyOnce()
    {
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        QVERIFY(signIn.request(signIn.startPath()).startsWith("HTTP/1.1 302 Found\r\n"));
        const QByteArray again = signIn.request(signIn.startPath());
        QVERIFY2(again.startsWith("HTTP/1.1 400 Bad Request\r\n"), again.constData());
        QVERIFY(!again.contains("Location:"));
        QVERIFY(!again.contains(param(signIn.flow.authorizeUrl(), QStringLiteral("state")).toLatin1()));
        verifyStoppedAsHijack(signIn, QStringLiteral("its start page was requested a second time."), m_rig->idp);
    }

    // Someone guessing at start URLs: the sign-in stops before they can guess again.
    void unknownStartUrlStopsTheSignIn()
    {
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        const QByteArray guess = signIn.request(QStringLiteral("/start/AAAAAAAAAAAAAAAAAAAAAA"));
        QVERIFY2(guess.startsWith("HTTP/1.1 400 Bad Request\r\n"), guess.constData());
        QVERIFY(!guess.contains("Location:"));
        verifyStoppedAsHijack(
            signIn, QStringLiteral("a request for a sign-in start page Tenantry never opened reached it."), m_rig->idp);
    }

    // A sign-in response with another state (or none) is someone else's code or a forged one: with it
    // the user could end up signed in as someone else, so the sign-in stops and the real one is refused.
    void wrongStateStopsTheSignIn_data()
    {
        QTest::addColumn<QString>("response");
        QTest::newRow("another state") << QStringLiteral("/?code=stolen-code-123456&state=not-the-state");
        QTest::newRow("no state") << QStringLiteral("/?code=stolen-code-123456&client_info=e30");
        QTest::newRow("error, another state") << QStringLiteral("/?error=access_denied&state=not-the-state");
        QTest::newRow("empty state") << QStringLiteral("/?state=&code=stolen-code-123456");
    }

    void wrongStateStopsTheSignIn()
    {
        QFETCH(QString, response);
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        QVERIFY(signIn.request(signIn.startPath()).startsWith("HTTP/1.1 302 Found\r\n")); // the user's browser
        const QByteArray forged = signIn.request(response);
        QVERIFY2(forged.startsWith("HTTP/1.1 400 Bad Request\r\n"), forged.constData());
        QVERIFY(forged.contains("Tenantry stopped this sign-in"));
        QVERIFY(!forged.contains("stolen-code"));
        verifyStoppedAsHijack(
            signIn,
            QStringLiteral(
                "a sign-in response that does not belong to this sign-in (state mismatch) reached Tenantry."),
            m_rig->idp);
    }

    // Junk, other paths and other methods are turned away without ending the sign-in; the real one
    // still completes.
    void listenerTurnsAwayJunkAndCarriesOn()
    {
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        const QByteArray garbage = rawExchange(signIn.listener.port(), QByteArray("\x01\x02 nonsense\r\n\r\n"));
        QVERIFY2(garbage.startsWith("HTTP/1.1 400"), garbage.constData());
        for (const QString& path : {QStringLiteral("/favicon.ico"), QStringLiteral("/"), QStringLiteral("/start"),
                                    QStringLiteral("/?foo=bar"), QStringLiteral("/other?code=x&state=y")}) {
            const QByteArray answer = signIn.request(path);
            QVERIFY2(answer.startsWith("HTTP/1.1 404"), qPrintable(path + u'\n' + QString::fromLatin1(answer)));
        }
        const QByteArray post =
            rawExchange(signIn.listener.port(), "POST /?code=x&state=y HTTP/1.1\r\nHost: localhost\r\n"
                                                "Content-Length: 0\r\n\r\n");
        QVERIFY2(post.startsWith("HTTP/1.1 405"), post.constData());
        QTest::qWait(50);
        QCOMPARE(signIn.end.ends, 0);
        QVERIFY(signIn.flow.isRunning());
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);

        // Now the user signs in in the real tab.
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        QVERIFY(browser.open(signIn.launcher.opened));
        QVERIFY(waitForEnd(signIn.end));
        QVERIFY2(signIn.end.succeeded, qPrintable(signIn.end.message));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, QStringLiteral("authorization_code")), 1);
    }

    // Browsers resolve `localhost` to 127.0.0.1 or ::1: the listener holds the port on both, so nobody
    // else can take the other one and receive the code.
    void listenerHoldsBothLoopbacks()
    {
        if (!hasIpv6Loopback())
            QSKIP("this machine has no IPv6 loopback");
        WaitingSignIn signIn(m_rig->client.get());
        QVERIFY(signIn.start());
        const quint16 port = signIn.listener.port();
        const QHostAddress ipv6(QHostAddress::LocalHostIPv6);
        QVERIFY(rawExchange(port, get(QStringLiteral("/favicon.ico"))).startsWith("HTTP/1.1 404"));
        const QByteArray overIpv6 = rawExchange(port, get(QStringLiteral("/favicon.ico")), ipv6);
        QVERIFY2(overIpv6.startsWith("HTTP/1.1 404"), overIpv6.constData());
        QVERIFY(signIn.listener.listensOnIpv6());

        // A browser that reached localhost over ::1 gets the sign-in page and completes the sign-in.
        const QByteArray start = rawExchange(port, get(signIn.startPath()), ipv6);
        QVERIFY2(start.startsWith("HTTP/1.1 302 Found\r\n"), start.constData());
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        QVERIFY(browser.open(signIn.flow.authorizeUrl()));
        QVERIFY(waitForEnd(signIn.end));
        QVERIFY2(signIn.end.succeeded, qPrintable(signIn.end.message));
        QVERIFY(!portAcceptsConnections(port, ipv6));
    }

    // Another program holding the port on one family: the listener passes that port over and takes one
    // that is free on both, so the code never reaches the other program.
    void portTakenOnOneFamilyIsPassedOver_data()
    {
        QTest::addColumn<bool>("squatOnIpv6");
        QTest::newRow("::1 taken") << true;
        QTest::newRow("127.0.0.1 taken") << false;
    }

    void portTakenOnOneFamilyIsPassedOver()
    {
        QFETCH(bool, squatOnIpv6);
        if (!hasIpv6Loopback())
            QSKIP("this machine has no IPv6 loopback");
        const QHostAddress squatted(squatOnIpv6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
        QTcpServer squatter;
        QVERIFY(squatter.listen(squatted, 0));
        const quint16 taken = squatter.serverPort();

        LoopbackSignIn<FormSubmittingBrowser> signIn(m_rig->client.get());
        signIn.launcher.user = sample::kSam;
        signIn.listener.setFirstPortToTry(taken);
        signIn.flow.start(armSignIn());
        QVERIFY(waitForEnd(signIn.end));
        QVERIFY2(signIn.end.succeeded, qPrintable(signIn.end.message));
        const quint16 port = signIn.listener.port();
        QVERIFY(port != taken);
        QVERIFY(signIn.listener.listensOnIpv6());
        QCOMPARE(signIn.launcher.opened.first().port(), int(port));
        QCOMPARE(param(signIn.flow.authorizeUrl(), QStringLiteral("redirect_uri")),
                 QStringLiteral("http://localhost:%1").arg(port));
        QVERIFY(!squatter.hasPendingConnections());
        const QString said = QStringLiteral("port %1 is taken on %2").arg(taken).arg(squatted.toString());
        QVERIFY2(LogCapture::messages().join(u'\n').contains(said), qPrintable(LogCapture::messages().join(u'\n')));
    }

    // Hostile local clients: binary bytes get a 400 at once, a client that never finishes its request
    // (slowloris) a 408 after the connection's deadline; the real redirect still gets through after them.
    void listenerSurvivesHostileClients()
    {
        RecordingLauncher launcher;
        LoopbackRedirectListener listener(&launcher);
        listener.setConnectionDeadlineMs(500);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(QTest::qWaitFor([&] { return !launcher.opened.isEmpty(); }, 10000));

        const QByteArray binary = rawExchange(listener.port(), QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00", 8));
        QVERIFY2(binary.startsWith("HTTP/1.1 400"), binary.constData());
        QElapsedTimer timer;
        timer.start();
        const QByteArray slow = rawExchange(listener.port(), "GET /?code=x&state=y HTTP/1.1\r\nHost: loc");
        QVERIFY2(slow.startsWith("HTTP/1.1 408"), slow.constData());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        const QByteArray huge = rawExchange(listener.port(), "GET /" + QByteArray(9000, 'a'));
        QVERIFY2(huge.startsWith("HTTP/1.1 431"), huge.constData());

        QCOMPARE(end.ends, 0);
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        QVERIFY(browser.open(launcher.opened));
        QVERIFY(waitForEnd(end));
        QVERIFY2(end.succeeded, qPrintable(end.message));
    }

    // A browser that never comes back: with a timeout, the flow fails and says so, and the listener closes.
    void browserThatNeverComesBackTimesOut()
    {
        RecordingLauncher launcher;
        LoopbackRedirectListener listener(&launcher);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        AuthCodeRequest request = armSignIn();
        request.timeoutSecs = 1;
        QElapsedTimer timer;
        timer.start();
        flow.start(request);
        QVERIFY(QTest::qWaitFor([&] { return !launcher.opened.isEmpty(); }, 10000));
        const quint16 port = listener.port();
        QVERIFY(waitForEnd(end));
        QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!end.succeeded);
        QVERIFY(!end.cancelled);
        QCOMPARE(end.message, QStringLiteral("The sign-in did not come back from the browser within a second."));
        QVERIFY(!flow.isRunning());
        QVERIFY(!portAcceptsConnections(port));
        QTest::qWait(50);
        QCOMPARE(end.ends, 1);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
    }

    // Defence in depth: a browser that reports a redirect of another sign-in does not get it redeemed.
    void wrongStateFromTheBrowserIsRejected()
    {
        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        browser.forgedState = QStringLiteral("AAAAAAAAAAAAAAAA");
        AuthCodeFlow flow(m_rig->client.get(), &browser);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY(!end.succeeded);
        QVERIFY2(end.message.contains(QLatin1String("state mismatch")), qPrintable(end.message));
        QCOMPARE(end.kind, TokenGrantResult::Kind::OtherError);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
        QVERIFY(!flow.isRunning());
    }

    // The identity provider redirects with error= and error_description: the user reads its description,
    // in the browser tab and in Tenantry.
    void identityProviderErrorRedirect()
    {
        const QString description = QStringLiteral("AADSTS50105: Your administrator has configured the application "
                                                   "to block users unless they are specifically granted access.");
        m_rig->idp.setAuthorizeError(QStringLiteral("unauthorized_client"), description);
        FormSubmittingBrowser browser;
        browser.user = sample::kSam;
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY(!end.succeeded);
        QCOMPARE(end.message, description);
        QCOMPARE(end.kind, TokenGrantResult::Kind::OtherError);
        QVERIFY(QTest::qWaitFor([&] { return browser.finished; }, 10000));
        const QString page = QString::fromUtf8(browser.page);
        QVERIFY(page.contains(QLatin1String("Sign-in failed")));
        QVERIFY2(page.contains(description + QLatin1String(" You can close this window.")), qPrintable(page));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
    }

    // Cancel on the identity provider's page: access_denied, reported as declined.
    void userCancelsOnTheSignInPage()
    {
        FormSubmittingBrowser browser; // no user: presses Cancel
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY(!end.succeeded);
        QCOMPARE(end.kind, TokenGrantResult::Kind::Declined);
        QCOMPARE(end.message, QStringLiteral("AADSTS65004: User declined to consent to access the app."));
    }

    void cancelWhileTheBrowserIsOpen()
    {
        RecordingLauncher launcher;
        LoopbackRedirectListener listener(&launcher);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(QTest::qWaitFor([&] { return !launcher.opened.isEmpty(); }, 10000));
        const quint16 port = listener.port();
        QVERIFY(portAcceptsConnections(port));

        flow.cancel();
        QCOMPARE(end.ends, 1);
        QVERIFY(end.cancelled);
        QVERIFY(!flow.isRunning());
        QVERIFY(!portAcceptsConnections(port));
        flow.cancel(); // twice is harmless
        QCOMPARE(end.ends, 1);

        // The embedded seam the same way.
        InProcessAuthorizationBrowser embedded(&m_rig->idp);
        embedded.stayOpen = true;
        AuthCodeFlow second(m_rig->client.get(), &embedded);
        FlowEnd secondEnd;
        watch(second, secondEnd);
        second.start(armSignIn());
        QVERIFY(QTest::qWaitFor([&] { return !embedded.opened.isEmpty(); }, 10000));
        second.cancel();
        QCOMPARE(secondEnd.ends, 1);
        QVERIFY(secondEnd.cancelled);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
    }

    void noBrowserCanOpen()
    {
        FormSubmittingBrowser browser;
        browser.refuseToOpen = true;
        LoopbackRedirectListener listener(&browser);
        AuthCodeFlow flow(m_rig->client.get(), &listener);
        FlowEnd end;
        watch(flow, end);
        flow.start(armSignIn());
        QVERIFY(waitForEnd(end));
        QVERIFY(!end.succeeded);
        QCOMPARE(end.message, QStringLiteral("Could not open a web browser."));

        InProcessAuthorizationBrowser broken(&m_rig->idp);
        broken.failPrepare = true;
        AuthCodeFlow second(m_rig->client.get(), &broken);
        FlowEnd secondEnd;
        watch(second, secondEnd);
        second.start(armSignIn());
        QVERIFY(waitForEnd(secondEnd));
        QCOMPARE(secondEnd.message, QStringLiteral("The test browser could not start."));
    }

    // An MFA tenant's claims challenge rides on the authorize request; the interactive sign-in there then
    // lets refreshes to that tenant through.
    void claimsChallengeToAnMfaTenant()
    {
        const Grant home = m_rig->interactiveSignIn();
        QVERIFY(home.result.ok());
        const Grant refused = awaitGrant([&](TokenClient::Done done) {
            m_rig->client->refresh(sample::kContoso, home.result.refreshToken, {kArmScope}, sample::kSamHomeAccountId,
                                   QString(), done);
        });
        QCOMPARE(refused.result.kind, TokenGrantResult::Kind::InteractionRequired);
        QVERIFY(!refused.result.claims.isEmpty());

        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        AuthCodeFlow flow(m_rig->client.get(), &browser);
        FlowEnd end;
        watch(flow, end);
        AuthCodeRequest request = armSignIn(sample::kContoso);
        request.claims = refused.result.claims;
        request.loginHint = sample::kSam;
        flow.start(request);
        QVERIFY(waitForEnd(end));
        QVERIFY2(end.succeeded, qPrintable(end.message));
        QCOMPARE(end.grant.realm, sample::kContoso);

        const QUrl authorize = browser.opened.first();
        QCOMPARE(authorize.path(), QStringLiteral("/%1/oauth2/v2.0/authorize").arg(sample::kContoso));
        QCOMPARE(param(authorize, QStringLiteral("login_hint")), sample::kSam);
        const auto claims = json::parse(param(authorize, QStringLiteral("claims")).toUtf8());
        QVERIFY(claims.value);
        QVERIFY((*claims.value)["access_token"].contains("capolids"));
        QCOMPARE((*claims.value)["access_token"]["xms_cc"]["values"][0].get<std::string>(), std::string("CP1"));

        const Grant allowed = awaitGrant([&](TokenClient::Done done) {
            m_rig->client->refresh(sample::kContoso, end.grant.result.refreshToken, {kArmScope},
                                   sample::kSamHomeAccountId, QString(), done);
        });
        QVERIFY2(allowed.result.ok(), qPrintable(allowed.result.message()));
        QCOMPARE(allowed.realm, sample::kContoso);
    }

    // AZURE_IDENTITY_DISABLE_CP1 (az's switch, any value): the authorize request announces no CP1; a
    // tenant's claims challenge still goes, alone.
    void cp1DisabledByEnvironment()
    {
        const auto restore = qScopeGuard([] { qunsetenv("AZURE_IDENTITY_DISABLE_CP1"); });
        qputenv("AZURE_IDENTITY_DISABLE_CP1", "true");
        const QString challenge = QStringLiteral("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}");
        for (const QString& claims : {QString(), challenge}) {
            InProcessAuthorizationBrowser browser(&m_rig->idp);
            browser.user = sample::kSam;
            AuthCodeFlow flow(m_rig->client.get(), &browser);
            FlowEnd end;
            watch(flow, end);
            AuthCodeRequest request = armSignIn();
            request.claims = claims;
            flow.start(request);
            QVERIFY(waitForEnd(end));
            QVERIFY2(end.succeeded, qPrintable(end.message));
            const QUrl authorize = browser.opened.first();
            QCOMPARE(QUrlQuery(authorize).hasQueryItem(QStringLiteral("claims")), !claims.isEmpty());
            QCOMPARE(param(authorize, QStringLiteral("claims")), claims);
            QVERIFY(!jwt::claims(end.grant.result.accessToken.reveal()).contains("xms_cc"));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthCodeFlow)
#include "TestAuthCodeFlow.moc"
