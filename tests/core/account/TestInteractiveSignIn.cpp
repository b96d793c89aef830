// The interactive sign-in both front ends drive (core/account/InteractiveSignIn), against the test
// identity provider: in a browser (the embedded-style one, and the system browser behind the loopback
// listener, as tenantry-cli runs it) and with a device code; the tenant's claims challenge reaching the
// provider; one sign-in at a time; cancel and the provider's refusal leaving nothing on disk.

#include "account/InteractiveSignIn.h"
#include "auth/LoopbackRedirectListener.h"
#include "fakes/FakeBrowser.h"
#include "fakes/IdentityRig.h"

#include <QUrlQuery>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

// Everything one sign-in reported, in order.
struct SignInEvents
{
    QStringList order; // "prompt", "tokens", "completed", "failed", "cancelled"
    QList<DeviceCodePrompt> prompts;
    std::optional<SignInResult> result;
    std::optional<Error> error;

    int ends() const
    {
        return static_cast<int>(order.count(QStringLiteral("completed")) + order.count(QStringLiteral("failed")) +
                                order.count(QStringLiteral("cancelled")));
    }
};

void watch(InteractiveSignIn& signIn, SignInEvents& events)
{
    QObject::connect(&signIn, &InteractiveSignIn::deviceCodeReady, [&events](const DeviceCodePrompt& prompt) {
        events.order << QStringLiteral("prompt");
        events.prompts << prompt;
    });
    QObject::connect(&signIn, &InteractiveSignIn::tokensReceived,
                     [&events] { events.order << QStringLiteral("tokens"); });
    QObject::connect(&signIn, &InteractiveSignIn::completed, [&events](const SignInResult& result) {
        events.order << QStringLiteral("completed");
        events.result = result;
    });
    QObject::connect(&signIn, &InteractiveSignIn::failed, [&events](const Error& error) {
        events.order << QStringLiteral("failed");
        events.error = error;
    });
    QObject::connect(&signIn, &InteractiveSignIn::cancelled,
                     [&events] { events.order << QStringLiteral("cancelled"); });
}

bool waitForEnd(const SignInEvents& events)
{
    return QTest::qWaitFor([&events] { return events.ends() > 0; }, 60000);
}

QString param(const QUrl& url, const QString& name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

QStringList subscriptionIds(const Json& profile)
{
    QStringList out;
    for (const Json& entry : profile.value("subscriptions", Json::array()))
        out.append(json::toQString(entry.value("id", Json())));
    return out;
}

// The "Account" section of msal_token_cache.json as the file holds it (fields Tenantry does not read too).
Json accountSectionOf(const QString& cacheFile)
{
    QFile file(cacheFile);
    if (!file.open(QIODevice::ReadOnly))
        return Json::object();
    const auto parsed = json::parse(file.readAll());
    if (!parsed.value || !parsed.value->is_object())
        return Json::object();
    return parsed.value->value("Account", Json::object());
}

// account_source of the Account entries of one home account, as written on disk.
QStringList accountSources(const Json& accounts, const QString& homeAccountId)
{
    QStringList out;
    for (const auto& [key, entry] : accounts.items()) {
        if (entry.is_object() && json::toQString(entry.value("home_account_id", Json())) == homeAccountId)
            out.append(json::toQString(entry.value("account_source", Json())));
    }
    return out;
}

} // namespace

class TestInteractiveSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<IdentityRig> m_rig;

    std::unique_ptr<InteractiveSignIn> makeSignIn()
    {
        return std::make_unique<InteractiveSignIn>(m_rig->client.get(), m_rig->signIn.get(), m_rig->clock, kArmScope);
    }

    // Nothing of a sign-in reached the disk or the token endpoint.
    void verifyNothingSaved()
    {
        QVERIFY(!QFile::exists(m_rig->cacheFilePath()));
        QVERIFY(!QFile::exists(m_rig->profilePath()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token), 0);
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

    // The GUI's way: the browser catches the redirect; then the tokens are stored and the account's
    // tenants and subscriptions written to azureProfile.json. No tenant: every tenant ("organizations");
    // no scopes: the cloud's ARM scope.
    void browserSignIn()
    {
        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        auto signIn = makeSignIn();
        SignInEvents events;
        watch(*signIn, events);
        QVERIFY(signIn->startWithBrowser({}, &browser));
        QVERIFY(signIn->isRunning());
        QVERIFY(waitForEnd(events));
        QVERIFY2(events.result, qPrintable(events.error ? events.error->message() : QString()));
        QCOMPARE(events.order, (QStringList{QStringLiteral("tokens"), QStringLiteral("completed")}));
        QVERIFY(!signIn->isRunning());

        QCOMPARE(browser.opened.size(), 1);
        const QUrl authorize = browser.opened.first();
        QVERIFY2(authorize.path().startsWith(QLatin1String("/organizations/")), qPrintable(authorize.path()));
        QVERIFY(param(authorize, QStringLiteral("scope")).split(QLatin1Char(' ')).contains(kArmScope));

        QCOMPARE(events.result->username, sample::kSam);
        QCOMPARE(events.result->homeAccountId, sample::kSamHomeAccountId);
        QCOMPARE(subscriptionIds(m_rig->profileOnDisk()).size(), events.result->subscriptions.size());
        QVERIFY(!events.result->subscriptions.isEmpty());
        const MsalCache cache = m_rig->cacheOnDisk();
        QCOMPARE(cache.accountsByUsername(sample::kSam, m_rig->environment()).size(), 1);
        // As MSAL Python >= 1.25 marks an account from the auth code flow.
        QCOMPARE(accountSources(accountSectionOf(m_rig->cacheFilePath()), sample::kSamHomeAccountId),
                 QStringList{QStringLiteral("authorization_code")});

        QList<Secret> secrets;
        for (const RefreshToken& t : cache.refreshTokens())
            secrets.append(t.secret);
        for (const AccessToken& t : cache.accessTokens())
            secrets.append(t.secret);
        const QStringList leaks = leakedSecrets(LogCapture::messages(), secrets);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    // The CLI's way: a device code, approved on another device.
    void deviceCodeSignIn()
    {
        auto signIn = makeSignIn();
        SignInEvents events;
        watch(*signIn, events);
        QVERIFY(signIn->startWithDeviceCode({}));
        QVERIFY(QTest::qWaitFor([&events] { return !events.prompts.isEmpty() || events.ends() > 0; }, 30000));
        QCOMPARE(events.prompts.size(), 1);
        QCOMPARE(m_rig->idp.pendingUserCodes(), QStringList{events.prompts.first().userCode});
        QVERIFY(m_rig->idp.approveDeviceCode(events.prompts.first().userCode, sample::kSam));
        QVERIFY(waitForEnd(events));
        QVERIFY2(events.result, qPrintable(events.error ? events.error->message() : QString()));
        QCOMPARE(events.order,
                 (QStringList{QStringLiteral("prompt"), QStringLiteral("tokens"), QStringLiteral("completed")}));
        QCOMPARE(events.result->username, sample::kSam);
        QVERIFY(!subscriptionIds(m_rig->profileOnDisk()).isEmpty());
        QCOMPARE(accountSources(accountSectionOf(m_rig->cacheFilePath()), sample::kSamHomeAccountId),
                 QStringList{kDeviceCodeGrant});
    }

    // An Account entry another client wrote (a broker's, with a field Tenantry does not know) stays as it
    // was when Tenantry stores another account's sign-in in the same file.
    void othersAccountEntryIsKept()
    {
        const Json brokered = {
            {"home_account_id", "0b1c2d3e-0000-4000-8000-00000000b0b0.72f988bf-0000-4000-8000-000000000001"},
            {"environment", m_rig->environment().toStdString()},
            {"realm", "organizations"},
            {"local_account_id", "0b1c2d3e-0000-4000-8000-00000000b0b0"},
            {"username", "bob@broker.example"},
            {"authority_type", "MSSTS"},
            {"account_source", "broker"},
            {"client_info", "eyJ1aWQiOiJ4In0"}};
        const std::string brokeredKey = "0b1c2d3e-0000-4000-8000-00000000b0b0.72f988bf-0000-4000-8000-000000000001-" +
                                        m_rig->environment().toStdString() + "-organizations";
        const Json seeded = {{"Account", {{brokeredKey, brokered}}}};
        QFile file(m_rig->cacheFilePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(seeded.dump(4)));
        file.close();

        m_rig->signInToCache();

        const Json accounts = accountSectionOf(m_rig->cacheFilePath());
        QCOMPARE(accounts.value(brokeredKey, Json()), brokered);
        QCOMPARE(accountSources(accounts, sample::kSamHomeAccountId),
                 QStringList{QStringLiteral("authorization_code")});
    }

    // A tenant behind MFA names a claims challenge; the sign-in to it, at that tenant, hands the challenge
    // to the provider's sign-in page and then reaches the tenant.
    void claimsChallengeReachesTheProvider()
    {
        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.user = sample::kSam;
        auto signIn = makeSignIn();
        SignInEvents first;
        watch(*signIn, first);
        QVERIFY(signIn->startWithBrowser({}, &browser));
        QVERIFY(waitForEnd(first));
        QVERIFY(first.result);
        QCOMPARE(first.result->tenantsNeedingSignIn().size(), 1);
        const TenantStatus contoso = first.result->tenantsNeedingSignIn().first();
        QCOMPARE(contoso.tenant.tenantId, sample::kContoso);
        QVERIFY(!contoso.claims.isEmpty());
        QVERIFY(!subscriptionIds(m_rig->profileOnDisk()).contains(sample::kContosoGuarded));

        signIn.reset();
        signIn = makeSignIn();
        SignInEvents second;
        watch(*signIn, second);
        SignInRequest request;
        request.tenant = contoso.tenant.tenantId;
        request.loginHint = sample::kSam;
        request.claims = contoso.claims;
        QVERIFY(signIn->startWithBrowser(request, &browser));
        QVERIFY(waitForEnd(second));
        QVERIFY2(second.result, qPrintable(second.error ? second.error->message() : QString()));
        const QUrl authorize = browser.opened.last();
        QVERIFY2(authorize.path().startsWith(QLatin1Char('/') + sample::kContoso), qPrintable(authorize.path()));
        QCOMPARE(param(authorize, QStringLiteral("claims")), TokenClient::claimsParameter(contoso.claims));
        QCOMPARE(param(authorize, QStringLiteral("login_hint")), sample::kSam);
        QVERIFY(second.result->tenantsNeedingSignIn().isEmpty());
        QVERIFY(subscriptionIds(m_rig->profileOnDisk()).contains(sample::kContosoGuarded));
    }

    // One sign-in at a time: a second start while one waits for the user is refused and changes
    // nothing about the running one.
    void secondStartWhileOneRunsIsRefused()
    {
        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.stayOpen = true;
        InProcessAuthorizationBrowser other(&m_rig->idp);
        other.user = sample::kSam;
        auto signIn = makeSignIn();
        SignInEvents events;
        watch(*signIn, events);
        QVERIFY(signIn->startWithBrowser({}, &browser));
        QVERIFY(QTest::qWaitFor([&browser] { return !browser.opened.isEmpty(); }, 30000));

        QVERIFY(!signIn->startWithBrowser({}, &other));
        QVERIFY(!signIn->startWithDeviceCode({}));
        QTest::qWait(200);
        QVERIFY(other.opened.isEmpty());
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::DeviceCode), 0);
        QVERIFY(events.order.isEmpty());
        QVERIFY(signIn->isRunning());

        // The running one still ends as it would have; then a new one may start.
        signIn->cancel();
        QCOMPARE(events.order, QStringList{QStringLiteral("cancelled")});
        QVERIFY(!signIn->isRunning());
        QVERIFY(signIn->startWithBrowser({}, &other));
        QVERIFY(QTest::qWaitFor([&events] { return events.ends() > 1; }, 60000));
        QCOMPARE(events.order.last(), QStringLiteral("completed"));
    }

    // Cancel while the browser is open, or while the device code waits: nothing reaches the disk, and
    // approving the device code afterwards signs nobody in.
    void cancelSavesNothing()
    {
        InProcessAuthorizationBrowser browser(&m_rig->idp);
        browser.stayOpen = true;
        auto signIn = makeSignIn();
        SignInEvents events;
        watch(*signIn, events);
        QVERIFY(signIn->startWithBrowser({}, &browser));
        QVERIFY(QTest::qWaitFor([&browser] { return !browser.opened.isEmpty(); }, 30000));
        signIn->cancel();
        QCOMPARE(events.order, QStringList{QStringLiteral("cancelled")});
        QVERIFY(!signIn->isRunning());

        SignInEvents device;
        auto codeSignIn = makeSignIn();
        watch(*codeSignIn, device);
        QVERIFY(codeSignIn->startWithDeviceCode({}));
        QVERIFY(QTest::qWaitFor([&device] { return !device.prompts.isEmpty(); }, 30000));
        codeSignIn->cancel();
        QCOMPARE(device.order, (QStringList{QStringLiteral("prompt"), QStringLiteral("cancelled")}));
        m_rig->idp.approveDeviceCode(device.prompts.first().userCode, sample::kSam);
        QTest::qWait(2500); // more than a polling interval
        QCOMPARE(device.ends(), 1);
        QVERIFY(!QFile::exists(m_rig->cacheFilePath()));
        QVERIFY(!QFile::exists(m_rig->profilePath()));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::Token, kDeviceCodeGrant), 0);
    }

    // login.microsoftonline.com form-encodes the error redirect ('+' for spaces): the sign-in fails with
    // the provider's description in plain words, through the loopback listener (tenantry-cli) and the
    // embedded-style browser (the app), and nothing is saved.
    void providersErrorIsDecoded()
    {
        const QString description = QStringLiteral("AADSTS65004: User declined to consent to access the app.");
        m_rig->idp.setAuthorizeError(QStringLiteral("access_denied"), description);

        FormSubmittingBrowser system;
        system.user = sample::kSam;
        LoopbackRedirectListener listener(&system);
        auto signIn = makeSignIn();
        SignInEvents events;
        watch(*signIn, events);
        QVERIFY(signIn->startWithBrowser({}, &listener));
        QVERIFY(waitForEnd(events));
        QVERIFY(QTest::qWaitFor([&system] { return system.finished; }, 10000));
        // The provider did send '+' (as the real one does): the redirect the browser followed has it.
        QVERIFY(std::any_of(system.visited.begin(), system.visited.end(), [](const QUrl& url) {
            return url.query(QUrl::FullyEncoded).contains(QLatin1String("+User+declined+to+consent"));
        }));
        QCOMPARE(events.order, QStringList{QStringLiteral("failed")});
        QCOMPARE(events.error->code, Error::Code::ProviderRefused);
        QCOMPARE(events.error->detail, description);
        QVERIFY(!signIn->isRunning());

        InProcessAuthorizationBrowser embedded(&m_rig->idp);
        embedded.user = sample::kSam;
        SignInEvents again;
        auto second = makeSignIn();
        watch(*second, again);
        QVERIFY(second->startWithBrowser({}, &embedded));
        QVERIFY(waitForEnd(again));
        QCOMPARE(again.order, QStringList{QStringLiteral("failed")});
        QCOMPARE(again.error->detail, description);
        verifyNothingSaved();
    }
};

QTEST_GUILESS_MAIN(TestInteractiveSignIn)
#include "TestInteractiveSignIn.moc"
