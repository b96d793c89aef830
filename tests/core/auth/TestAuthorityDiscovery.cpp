// Authority discovery (core/auth/AuthorityDiscovery) and the cloud rule it enforces (SPEC §3): https
// authorities, http only on loopback; a discovery document that points elsewhere over http is refused.

#include "auth/AuthorityDiscovery.h"
#include "fakes/IdentityRig.h"

#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

struct Discovered
{
    bool called = false;
    std::optional<OpenIdConfiguration> configuration;
    QString error;
};

void discover(AuthorityDiscovery& discovery, const QString& tenant, Discovered& out)
{
    discovery.discover(tenant, [&out](const OpenIdConfiguration* configuration, const QString& error) {
        out.called = true;
        if (configuration)
            out.configuration = *configuration;
        out.error = error;
    });
}

} // namespace

class TestAuthorityDiscovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IdentityRig> m_rig;

private slots:
    void init() { m_rig = std::make_unique<IdentityRig>(); }
    void cleanup() { m_rig.reset(); }

    // Plain http on loopback is allowed (the test identity provider, local sandboxes).
    void loopbackHttpAuthority()
    {
        Discovered organizations;
        discover(*m_rig->authority, QStringLiteral("organizations"), organizations);
        QVERIFY(QTest::qWaitFor([&] { return organizations.called; }, 10000));
        QVERIFY2(organizations.configuration, qPrintable(organizations.error));
        const QString base = m_rig->idp.url().toString();
        QCOMPARE(organizations.configuration->tokenEndpoint.toString(),
                 QString(base + QStringLiteral("/organizations/oauth2/v2.0/token")));
        QCOMPARE(organizations.configuration->authorizationEndpoint.toString(),
                 QString(base + QStringLiteral("/organizations/oauth2/v2.0/authorize")));
        QCOMPARE(organizations.configuration->deviceAuthorizationEndpoint.toString(),
                 QString(base + QStringLiteral("/organizations/oauth2/v2.0/devicecode")));
        QCOMPARE(organizations.configuration->realm(), QStringLiteral("organizations"));
        QCOMPARE(m_rig->authority->environment(), QStringLiteral("127.0.0.1"));

        // A domain resolves to its tenant id: the realm MSAL stores.
        Discovered byDomain;
        discover(*m_rig->authority, QStringLiteral("Fabrikam.example"), byDomain);
        QVERIFY(QTest::qWaitFor([&] { return byDomain.called; }, 10000));
        QVERIFY2(byDomain.configuration, qPrintable(byDomain.error));
        QCOMPARE(byDomain.configuration->realm(), sample::kFabrikam);
    }

    // Concurrent asks share one request; later asks are answered from memory.
    void oneRequestPerTenant()
    {
        m_rig->idp.setLatency(IdpEndpoint::OpenIdConfiguration, 200);
        QList<Discovered> asks(5);
        for (Discovered& ask : asks)
            discover(*m_rig->authority, sample::kNorthwind, ask);
        QVERIFY(QTest::qWaitFor(
            [&] { return std::all_of(asks.begin(), asks.end(), [](const Discovered& d) { return d.called; }); },
            10000));
        for (const Discovered& ask : asks)
            QVERIFY(ask.configuration);
        Discovered again;
        discover(*m_rig->authority, sample::kNorthwind.toUpper(), again);
        QVERIFY(again.called); // at once, from memory
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::OpenIdConfiguration), 1);
    }

    // After one document, a tenant GUID's endpoints are derived without a round trip (a sign-in that
    // lists twenty tenants refreshes them at once); the derived endpoints are what the IdP would serve.
    void tenantIdsAfterTheFirstDocumentNeedNoRequest()
    {
        Discovered organizations;
        discover(*m_rig->authority, QStringLiteral("organizations"), organizations);
        QVERIFY(QTest::qWaitFor([&] { return organizations.called; }, 10000));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::OpenIdConfiguration), 1);

        Discovered derived;
        discover(*m_rig->authority, sample::kFabrikam, derived);
        QVERIFY(derived.called); // at once
        QVERIFY(derived.configuration);
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::OpenIdConfiguration), 1);
        QCOMPARE(derived.configuration->realm(), sample::kFabrikam);

        AuthorityDiscovery fresh(m_rig->http.get(), m_rig->idp.url());
        Discovered served;
        discover(fresh, sample::kFabrikam, served);
        QVERIFY(QTest::qWaitFor([&] { return served.called; }, 10000));
        QVERIFY(served.configuration);
        QCOMPARE(derived.configuration->tokenEndpoint, served.configuration->tokenEndpoint);
        QCOMPARE(derived.configuration->authorizationEndpoint, served.configuration->authorizationEndpoint);
        QCOMPARE(derived.configuration->deviceAuthorizationEndpoint, served.configuration->deviceAuthorizationEndpoint);

        // A domain is still asked for: only the IdP knows which tenant it names.
        Discovered domain;
        discover(*m_rig->authority, QStringLiteral("northwind.example"), domain);
        QVERIFY(QTest::qWaitFor([&] { return domain.called; }, 10000));
        QCOMPARE(m_rig->idp.requestCount(IdpEndpoint::OpenIdConfiguration), 3);
    }

    // On the public clouds' sign-in hosts a tenant GUID's or an audience's endpoints are known without a
    // document, laid out as the identity platform (and MSAL .NET) lays them out: a sign-in's first
    // request is its device code request. Elsewhere (the loopback IdP above, a custom cloud) the
    // document is asked for, and a domain always needs it.
    void publicCloudEndpointsNeedNoRequest()
    {
        for (const QString& host :
             {QStringLiteral("https://login.microsoftonline.com"), QStringLiteral("https://login.microsoftonline.us"),
              QStringLiteral("https://login.chinacloudapi.cn/")}) {
            AuthorityDiscovery discovery(m_rig->http.get(), QUrl(host));
            for (const QString& tenant : {QStringLiteral("organizations"), sample::kFabrikam.toUpper()}) {
                Discovered result;
                discover(discovery, tenant, result);
                QVERIFY2(result.called, qPrintable(host + tenant)); // at once
                QVERIFY(result.configuration);
                const QString origin = host.endsWith(QLatin1Char('/')) ? host.chopped(1) : host;
                const QString base = origin + QLatin1Char('/') + tenant.toLower() + QStringLiteral("/oauth2/v2.0/");
                QCOMPARE(result.configuration->tokenEndpoint.toString(), QString(base + QStringLiteral("token")));
                QCOMPARE(result.configuration->authorizationEndpoint.toString(),
                         QString(base + QStringLiteral("authorize")));
                QCOMPARE(result.configuration->deviceAuthorizationEndpoint.toString(),
                         QString(base + QStringLiteral("devicecode")));
                QCOMPARE(result.configuration->realm(), tenant.toLower());
            }
        }
        QCOMPARE(m_rig->idp.requestCount(), 0);
    }

    void unknownTenantAndServerErrors()
    {
        Discovered unknown;
        discover(*m_rig->authority, QStringLiteral("nowhere.example"), unknown);
        QVERIFY(QTest::qWaitFor([&] { return unknown.called; }, 10000));
        QVERIFY(!unknown.configuration);
        QCOMPARE(unknown.error, QStringLiteral("'nowhere.example' is not a tenant 127.0.0.1 knows."));

        m_rig->idp.addFault(IdpFault::httpError(IdpEndpoint::OpenIdConfiguration, 500).repeat(-1));
        Discovered failing;
        discover(*m_rig->authority, sample::kFabrikam, failing);
        QVERIFY(QTest::qWaitFor([&] { return failing.called; }, 30000));
        QVERIFY(!failing.configuration);
        QCOMPARE(failing.error, QStringLiteral("Could not read the sign-in configuration of tenant '%1' from 127.0.0.1 "
                                               "(HTTP 500).")
                                    .arg(sample::kFabrikam));

        // Nothing failed is remembered: once the server is back, the tenant is found.
        m_rig->idp.clearFaults();
        Discovered retried;
        discover(*m_rig->authority, sample::kFabrikam, retried);
        QVERIFY(QTest::qWaitFor([&] { return retried.called; }, 10000));
        QVERIFY(retried.configuration);
    }

    // http to anything but loopback is refused before any request leaves.
    void remoteHttpAuthorityRefused()
    {
        for (const QString& host :
             {QStringLiteral("http://login.microsoftonline.com"), QStringLiteral("http://localhost.evil.example"),
              QStringLiteral("ftp://127.0.0.1")}) {
            AuthorityDiscovery discovery(m_rig->http.get(), QUrl(host));
            Discovered result;
            discover(discovery, QStringLiteral("organizations"), result);
            QVERIFY2(result.called, qPrintable(host)); // refused at once
            QVERIFY(!result.configuration);
            QVERIFY2(result.error.contains(QLatin1String("https")), qPrintable(result.error));
        }
    }

    // A loopback authority whose discovery document sends the tokens to a remote host over http.
    void discoveryDocumentPointingToRemoteHttpRefused()
    {
        m_rig->idp.setAuthorityUrl(QUrl(QStringLiteral("http://login.example.com")));
        Discovered result;
        discover(*m_rig->authority, QStringLiteral("organizations"), result);
        QVERIFY(QTest::qWaitFor([&] { return result.called; }, 10000));
        QVERIFY(!result.configuration);
        QVERIFY2(result.error.startsWith(QLatin1String("The sign-in configuration of 'organizations' is unusable")),
                 qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestAuthorityDiscovery)
#include "TestAuthorityDiscovery.moc"
