#pragma once

class QString;

namespace tenantry::test {

class TestIdentityProvider;

// Set to "1" by scripts/fake-azure-hosts.sh inside its namespace, where the real Azure host names
// reach the test identity provider on 127.0.0.1:443.
inline const char* const kFakeAzureHostsVariable = "TENANTRY_FAKE_AZURE_HOSTS";
// Why the namespace could not be made here; the tests skip with it instead of failing.
inline const char* const kFakeAzureHostsSkipVariable = "TENANTRY_AZ_COMPAT_SKIP";

// First in initTestCase() of a test that reexecInsideFakeAzureHosts() started: skips the whole test with the
// reason when the namespace cannot be made here, and fails it when it runs outside the namespace.
#define TENANTRY_REQUIRE_FAKE_AZURE_HOSTS()                                                                            \
    do {                                                                                                               \
        const QString fakeAzureHostsSkip = qEnvironmentVariable(::tenantry::test::kFakeAzureHostsSkipVariable);        \
        if (!fakeAzureHostsSkip.isEmpty())                                                                             \
            QSKIP(qPrintable(fakeAzureHostsSkip));                                                                     \
        QVERIFY2(qEnvironmentVariable(::tenantry::test::kFakeAzureHostsVariable) == QLatin1String("1"),                \
                 "not inside fake-azure-hosts.sh");                                                                    \
    } while (false)

// Called first in a test's main(): re-executes the test inside scripts/fake-azure-hosts.sh (own
// network, no NSS database) unless it is already there. Returns only when it did not re-execute,
// with the skip variable set if the namespace cannot be made on this machine.
void reexecInsideFakeAzureHosts(int argc, char** argv);

// Inside the namespace: `idp` with the sample directory, serving login.microsoftonline.com and
// management.azure.com with TLS (the namespace's throw-away certificate) on 127.0.0.1:443.
bool serveSampleDirectoryAtRealHostNames(TestIdentityProvider& idp, QString* error);

} // namespace tenantry::test
