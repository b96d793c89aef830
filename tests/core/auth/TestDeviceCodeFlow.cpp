// The device authorization grant (core/auth/DeviceCodeFlow) against the test identity provider: the
// prompt the user reads, polling at the server's interval, slow_down, expiry, decline and cancel.

#include "auth/DeviceCodeFlow.h"
#include "fakes/IdentityRig.h"
#include "util/Jwt.h"

#include <QElapsedTimer>
#include <QtTest>

#include <chrono>

using namespace tenantry;
using namespace tenantry::test;

namespace {

// A second of the server's polling interval where a test waits for polls (DeviceCodeFlow::setSecondLength).
constexpr std::chrono::milliseconds kSecond(200);
constexpr qint64 kSecondMs = kSecond.count();

// What a flow said, signal by signal.
struct DeviceFlowEvents
{
    QList<DeviceCodePrompt> prompts;
    int ends = 0;
    bool succeeded = false;
    bool cancelled = false;
    Grant grant;
    QString message;
    TokenGrantResult::Kind kind = TokenGrantResult::Kind::Ok;
};

void watch(DeviceCodeFlow& flow, DeviceFlowEvents& events)
{
    QObject::connect(&flow, &DeviceCodeFlow::promptReady,
                     [&events](const DeviceCodePrompt& prompt) { events.prompts.append(prompt); });
    QObject::connect(&flow, &DeviceCodeFlow::succeeded,
                     [&events](const TokenGrantResult& result, const QString& realm) {
                         ++events.ends;
                         events.succeeded = true;
                         events.grant = Grant{result, realm};
                     });
    QObject::connect(&flow, &DeviceCodeFlow::failed, [&events](const QString& message, TokenGrantResult::Kind kind) {
        ++events.ends;
        events.message = message;
        events.kind = kind;
    });
    QObject::connect(&flow, &DeviceCodeFlow::cancelled, [&events] {
        ++events.ends;
        events.cancelled = true;
    });
}

// When the identity provider received each device code poll (ms since it started).
QList<qint64> pollTimes(const TestIdentityProvider& idp)
{
    QList<qint64> times;
    for (const IdpRequestRecord& record : idp.requests()) {
        if (record.endpoint == IdpEndpoint::Token && record.grantType == kDeviceCodeGrant)
            times.append(record.receivedMs);
    }
    return times;
}

} // namespace

class TestDeviceCodeFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;
    std::unique_ptr<LogCapture> m_log;

    bool waitForPrompt(const DeviceFlowEvents& events)
    {
        return QTest::qWaitFor([&events] { return !events.prompts.isEmpty() || events.ends > 0; }, 30000) &&
               !events.prompts.isEmpty();
    }

    bool waitForEnd(const DeviceFlowEvents& events, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&events] { return events.ends > 0; }, timeoutMs);
    }

    // Runs a device code sign-in that must stop before any prompt; returns why it stopped.
    static QString refusedSignIn(IdentityRig& rig)
    {
        DeviceCodeFlow flow(rig.client.get(), rig.clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        if (!QTest::qWaitFor([&events] { return events.ends > 0; }, 30000))
            return QStringLiteral("(still running)");
        return events.prompts.isEmpty() ? events.message : QStringLiteral("(the code was shown)");
    }

private slots:
    void init()
    {
        m_log = std::make_unique<LogCapture>();
        m_rig = std::make_unique<IdentityRig>();
        m_rig->idp.setDeviceCodeInterval(1);
    }

    void cleanup()
    {
        m_rig.reset();
        m_log.reset();
    }

    // The prompt is data (the UI and the CLI word it), and the sign-in completes once the user approves.
    void promptThenApproval()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        const qint64 startedAt = m_rig->clock.nowSecs();
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(flow.isRunning());
        QVERIFY(waitForPrompt(events));

        QCOMPARE(events.prompts.size(), 1);
        const DeviceCodePrompt prompt = events.prompts.first();
        QCOMPARE(m_rig->idp.pendingUserCodes(), QStringList{prompt.userCode});
        QCOMPARE(prompt.verificationUri.toString(), m_rig->idp.url().toString() + QStringLiteral("/devicelogin"));
        QCOMPARE(prompt.verificationHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(prompt.expiresAt, startedAt + 900);
        QVERIFY(prompt.message.contains(prompt.userCode));
        QVERIFY(prompt.message.contains(prompt.verificationUri.toString()));
        QVERIFY(prompt.message.startsWith(QLatin1String("To sign in, use a web browser")));

        QVERIFY(m_rig->idp.approveDeviceCode(prompt.userCode, sample::kSam));
        QVERIFY(waitForEnd(events));
        QVERIFY2(events.succeeded, qPrintable(events.message));
        QCOMPARE(events.ends, 1);
        QVERIFY(!flow.isRunning());
        QCOMPARE(events.grant.realm, QStringLiteral("organizations"));
        const Json claims = jwt::claims(events.grant.result.idToken.reveal());
        QCOMPARE(json::toQString(claims.value("preferred_username", Json())), sample::kSam);
        QVERIFY(m_rig->idp.isRefreshTokenValid(events.grant.result.refreshToken.reveal()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::DeviceCode), 1);

        const QStringList leaks = leakedSecrets(
            LogCapture::messages() << events.message,
            {events.grant.result.accessToken, events.grant.result.refreshToken, events.grant.result.idToken});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // Polls come `interval` seconds apart while the user has not approved yet.
    void pollsAtTheServersInterval()
    {
        m_rig->idp.setDeviceCodeAutoApprove(sample::kSam, 2); // pending twice, then approved
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        flow.setSecondLength(kSecond);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForEnd(events));
        QVERIFY2(events.succeeded, qPrintable(events.message));

        const QList<qint64> polls = pollTimes(m_rig->idp);
        QCOMPARE(polls.size(), 3);
        for (int i = 1; i < polls.size(); ++i)
            QVERIFY2(polls.at(i) - polls.at(i - 1) >= kSecondMs * 9 / 10,
                     qPrintable(QString::number(polls.at(i) - polls.at(i - 1))));
    }

    // slow_down: the next poll waits 5 s longer (RFC 8628 §3.5).
    void slowDownAddsFiveSeconds()
    {
        m_rig->idp.setDeviceCodeSlowDown(1);
        m_rig->idp.setDeviceCodeAutoApprove(sample::kSam, 0);
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        flow.setSecondLength(kSecond);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForEnd(events, 60000));
        QVERIFY2(events.succeeded, qPrintable(events.message));

        const QList<qint64> polls = pollTimes(m_rig->idp);
        QCOMPARE(polls.size(), 2);
        const qint64 gap = polls.at(1) - polls.at(0);
        QVERIFY2(gap >= kSecondMs * 55 / 10 && gap < kSecondMs * 20, qPrintable(QString::number(gap)));
    }

    // The code's lifetime ran out on our clock: the flow stops without asking the server again.
    void expiresByTheClock()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        m_rig->clock.advance(901);
        QVERIFY(waitForEnd(events));
        QVERIFY(!events.succeeded);
        QCOMPARE(events.kind, TokenGrantResult::Kind::Expired);
        QCOMPARE(events.message, QStringLiteral("The code %1 expired before the sign-in was completed.")
                                     .arg(events.prompts.first().userCode));
        QCOMPARE(pollTimes(m_rig->idp).size(), 0);
    }

    // The server says expired_token (its clock, or the code was withdrawn).
    void expiredTokenFromTheServer()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        QVERIFY(m_rig->idp.expireDeviceCode(events.prompts.first().userCode));
        QVERIFY(waitForEnd(events));
        QCOMPARE(events.kind, TokenGrantResult::Kind::Expired);
        QVERIFY(events.message.contains(events.prompts.first().userCode));
        QCOMPARE(events.ends, 1);
        QVERIFY(!flow.isRunning());
    }

    void declinedByTheUser()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        QVERIFY(m_rig->idp.declineDeviceCode(events.prompts.first().userCode));
        QVERIFY(waitForEnd(events));
        QCOMPARE(events.kind, TokenGrantResult::Kind::Declined);
        QCOMPARE(events.message, QStringLiteral("The sign-in was declined."));
        QCOMPARE(events.ends, 1);
    }

    // Cancel stops the polling for good: an approval afterwards signs nobody in.
    void cancelStopsPolling()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        flow.setSecondLength(kSecond);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        QTest::qWait(int(kSecondMs * 3 / 2)); // at least one poll
        flow.cancel();
        QCOMPARE(events.ends, 1);
        QVERIFY(events.cancelled);
        QVERIFY(!flow.isRunning());

        QVERIFY(m_rig->idp.approveDeviceCode(events.prompts.first().userCode, sample::kSam));
        const int polls = pollTimes(m_rig->idp).size();
        QTest::qWait(int(kSecondMs * 5 / 2));
        QCOMPARE(pollTimes(m_rig->idp).size(), polls);
        QCOMPARE(events.ends, 1);
        QVERIFY(!events.succeeded);
        flow.cancel(); // no second cancelled()
        QCOMPARE(events.ends, 1);
    }

    // Cancelled while the device code is still being requested: no prompt ever shows.
    void cancelBeforeThePrompt()
    {
        m_rig->idp.setLatency(IdpEndpoint::DeviceCode, 500);
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        flow.cancel();
        QTest::qWait(1500);
        QVERIFY(events.prompts.isEmpty());
        QCOMPARE(events.ends, 1);
        QVERIFY(events.cancelled);
    }

    // start() again replaces the running sign-in (the user asked for a new code).
    void restartReplacesTheRunningFlow()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(events.cancelled);
        QVERIFY(QTest::qWaitFor([&] { return events.prompts.size() == 2; }, 10000));
        QVERIFY(events.prompts.at(0).userCode != events.prompts.at(1).userCode);
        QVERIFY(m_rig->idp.approveDeviceCode(events.prompts.first().userCode, sample::kSam)); // the old one
        QTest::qWait(1500);
        QVERIFY(!events.succeeded);
        QVERIFY(m_rig->idp.approveDeviceCode(events.prompts.last().userCode, sample::kSam));
        QVERIFY(QTest::qWaitFor([&] { return events.succeeded; }, 10000));
        QCOMPARE(events.ends, 2); // cancelled, then succeeded
    }

    // The device code endpoint fails: a clear error, no prompt.
    void deviceCodeEndpointFailures()
    {
        m_rig->idp.addFault(IdpFault::garbageJson(IdpEndpoint::DeviceCode));
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForEnd(events));
        QVERIFY(events.prompts.isEmpty());
        QVERIFY2(events.message.startsWith(QLatin1String("Could not start the device code sign-in:")),
                 qPrintable(events.message));
        QVERIFY2(events.message.endsWith(QLatin1String("The identity provider's answer was not a device code.")),
                 qPrintable(events.message));

        DeviceFlowEvents unknown;
        DeviceCodeFlow second(m_rig->client.get(), m_rig->clock);
        watch(second, unknown);
        second.start(QStringLiteral("no-such-tenant.example"), {kArmScope});
        QVERIFY(waitForEnd(unknown));
        QVERIFY2(unknown.message.contains(QLatin1String("no-such-tenant.example")), qPrintable(unknown.message));
        QVERIFY(unknown.prompts.isEmpty());
    }

    // interval: 0 would poll as fast as the server answers; never more than once a second.
    void intervalZeroIsFloored()
    {
        m_rig->idp.setDeviceCodeInterval(0);
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        flow.setSecondLength(kSecond);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        QTest::qWait(int(kSecondMs * 35 / 10));
        const int polls = pollTimes(m_rig->idp).size();
        QVERIFY2(polls >= 2 && polls <= 4, qPrintable(QString::number(polls)));
        flow.cancel();
    }

    // What a device authorization answer may say, read without a server: interval and lifetime bounded
    // (5 s when absent, RFC 8628), wrong types never thrown on, the page checked.
    void deviceCodeAnswersAreBounded()
    {
        const QUrl authority(QStringLiteral("https://login.microsoftonline.com"));
        const qint64 now = 1700000000;
        const auto parse = [&](const QByteArray& fields) {
            tenantry::HttpResponse response;
            response.status = 200;
            response.body = "{\"user_code\": \"ABCD1234\", \"device_code\": \"dc\", "
                            "\"verification_uri\": \"https://microsoft.com/devicelogin\"" +
                            fields + "}";
            return parseDeviceCodeResponse(response, authority, now);
        };
        const DeviceCodeAnswer plain = parse("");
        QVERIFY2(plain.code, qPrintable(plain.error));
        QCOMPARE(plain.code->intervalSecs, 5);
        QCOMPARE(plain.code->expiresAt, now + 900);
        QCOMPARE(plain.code->verificationHost, QStringLiteral("microsoft.com"));
        QCOMPARE(plain.code->message, QStringLiteral("To sign in, use a web browser to open the page "
                                                     "https://microsoft.com/devicelogin and enter the code ABCD1234 "
                                                     "to authenticate."));
        QCOMPARE(parse(", \"interval\": 0").code->intervalSecs, 1);
        QCOMPARE(parse(", \"interval\": -3").code->intervalSecs, 5);
        QCOMPARE(parse(", \"interval\": 2147483647").code->intervalSecs, 60);
        QCOMPARE(parse(", \"interval\": 1e300").code->intervalSecs, 60);
        QCOMPARE(parse(", \"interval\": \"7\"").code->intervalSecs, 7);
        QCOMPARE(parse(", \"interval\": {\"s\": 1}").code->intervalSecs, 5);
        QCOMPARE(parse(", \"expires_in\": 99999999999").code->expiresAt, now + 1800);
        QCOMPARE(parse(", \"expires_in\": [1]").code->expiresAt, now + 900);
        QCOMPARE(parse(", \"expires_in\": 0").code->expiresAt, now + 1);
        // A message that points elsewhere is replaced by one naming the checked page.
        QVERIFY(parse(", \"message\": \"Open https://evil.example and enter ABCD1234\"")
                    .code->message.contains(QLatin1String("https://microsoft.com/devicelogin")));
        QCOMPARE(parse(", \"message\": \"Open https://microsoft.com/devicelogin, code ABCD1234.\"").code->message,
                 QStringLiteral("Open https://microsoft.com/devicelogin, code ABCD1234."));

        tenantry::HttpResponse mistyped;
        mistyped.status = 200;
        for (const QByteArray& body :
             {QByteArray("{\"user_code\": 5, \"device_code\": \"dc\", \"verification_uri\": "
                         "\"https://microsoft.com/devicelogin\"}"),
              QByteArray("{\"user_code\": \"A\", \"device_code\": [], \"verification_uri\": "
                         "\"https://microsoft.com/devicelogin\"}"),
              QByteArray("[]"), QByteArray("null"), QByteArray("\"x\""), QByteArray("{\"user_code\": {}}")}) {
            mistyped.body = body;
            const DeviceCodeAnswer answer = parseDeviceCodeResponse(mistyped, authority, now);
            QVERIFY2(!answer.code, body.constData());
            QVERIFY2(!answer.error.isEmpty(), body.constData());
        }
        mistyped.body = "{\"user_code\": \"A\", \"device_code\": \"dc\", \"verification_uri\": 7}";
        QVERIFY(!parseDeviceCodeResponse(mistyped, authority, now).code);
    }

    // Where the code may be typed in: Microsoft's device-login pages and the cloud's own authority, over
    // https; loopback http for tests. Anything else is where a phisher would want the code typed.
    void verificationPages()
    {
        const QUrl global(QStringLiteral("https://login.microsoftonline.com"));
        for (const char* allowed :
             {"https://microsoft.com/devicelogin", "https://microsoft.com/deviceloginchina",
              "https://microsoft.com/deviceloginus", "https://www.microsoft.com/link",
              "https://login.microsoft.com/device", "https://login.microsoftonline.com/common/oauth2/deviceauth"})
            QVERIFY2(isAllowedVerificationUri(QUrl(QLatin1String(allowed)), global), allowed);
        QVERIFY(
            isAllowedVerificationUri(QUrl(QStringLiteral("https://login.chinacloudapi.cn/common/oauth2/deviceauth")),
                                     QUrl(QStringLiteral("https://login.chinacloudapi.cn"))));
        QVERIFY(isAllowedVerificationUri(QUrl(QStringLiteral("http://127.0.0.1:8400/devicelogin")),
                                         QUrl(QStringLiteral("http://127.0.0.1:8400"))));
        for (const char* refused :
             {"http://microsoft.com/devicelogin", "https://microsoft.com.evil.example/devicelogin",
              "https://evil.example/devicelogin", "https://login.chinacloudapi.cn/common/oauth2/deviceauth",
              "javascript:alert(1)", "", "https://user@evil.example/"})
            QVERIFY2(!isAllowedVerificationUri(QUrl(QLatin1String(refused)), global), refused);
    }

    // A device code whose page is on a stranger's host is never shown: the flow stops and says why.
    void verificationPageOnAnotherHostStopsTheFlow()
    {
        m_rig->idp.setDeviceCodeVerificationUri(QUrl(QStringLiteral("https://devicelogin.evil.example/enter")));
        QCOMPARE(refusedSignIn(*m_rig),
                 QStringLiteral("Could not start the device code sign-in: the page to enter the code on "
                                "is on devicelogin.evil.example, which is neither 127.0.0.1 nor a "
                                "Microsoft device login page; the code was not shown"));
        QCOMPARE(pollTimes(m_rig->idp).size(), 0);
    }

    // A discovery document naming a device authorization endpoint on another server: refused before any
    // request goes there. And the device authorization endpoint redirecting: refused, not followed.
    void deviceAuthorizationElsewhereIsRefused()
    {
        RecordingServer stranger;
        QVERIFY(stranger.listen());
        QUrl elsewhere = stranger.url();
        elsewhere.setPath(QStringLiteral("/organizations/oauth2/v2.0/devicecode"));
        m_rig->idp.setDeviceAuthorizationEndpoint(elsewhere);
        QCOMPARE(refusedSignIn(*m_rig),
                 QStringLiteral("The sign-in configuration of 'organizations' is unusable: its device "
                                "authorization endpoint is on %1, not on %2")
                     .arg(stranger.url().toString(), m_rig->idp.url().toString()));

        IdentityRig fresh;
        fresh.idp.addFault(IdpFault::redirect(IdpEndpoint::DeviceCode, elsewhere, 307));
        const QString redirected = refusedSignIn(fresh);
        QVERIFY2(redirected.contains(QLatin1String("sign-in requests are never redirected")), qPrintable(redirected));
        QTest::qWait(100);
        QVERIFY2(stranger.received().isEmpty(), stranger.everything().constData());
    }

    // Any other error while polling ends the flow with the server's description.
    void otherPollingErrorStops()
    {
        DeviceCodeFlow flow(m_rig->client.get(), m_rig->clock);
        DeviceFlowEvents events;
        watch(flow, events);
        flow.start(QStringLiteral("organizations"), {kArmScope});
        QVERIFY(waitForPrompt(events));
        m_rig->idp.addFault(IdpFault::oauthError(QStringLiteral("invalid_client"), 7000215,
                                                 QStringLiteral("Invalid client secret provided."))
                                .onlyGrant(kDeviceCodeGrant));
        QVERIFY(waitForEnd(events));
        QCOMPARE(events.kind, TokenGrantResult::Kind::OtherError);
        QVERIFY2(events.message.contains(QLatin1String("AADSTS7000215")), qPrintable(events.message));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCodeFlow)
#include "TestDeviceCodeFlow.moc"
