// tenantry-cli behind a corporate proxy, as az reaches the network: `login --use-device-code` against the
// test identity provider (TLS on 127.0.0.1:443 under the real host names, inside scripts/fake-azure-hosts.sh)
// goes through the CONNECT proxy https_proxy / HTTPS_PROXY names, and straight to the hosts
// no_proxy / NO_PROXY cover, with the names and suffix rules of Python requests (which Qt's own lookup
// does not follow: it sends https through http_proxy and ignores bare suffixes). A proxy that refuses is
// an error naming it, never its password. The proxy records every CONNECT it is asked for.

#include "fakes/ConnectProxy.h"
#include "fakes/FakeAzureHosts.h"
#include "fakes/ProcessRunner.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestIdentityProvider.h"

#include <QFileInfo>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const char* const kProxyVariables[] = {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                       "all_proxy",  "ALL_PROXY",   "no_proxy",   "NO_PROXY"};
const QString kLogin = QStringLiteral("login.microsoftonline.com:443");
const QString kArm = QStringLiteral("management.azure.com:443");
const QString kPassword = QStringLiteral("pr0xy-Passw0rd");

} // namespace

class TestCliThroughProxy : public QObject
{
    Q_OBJECT

    TestIdentityProvider m_idp;
    ConnectProxy m_proxy;
    CliSandbox m_sandbox;

    ProcessResult login()
    {
        return runProcessServing(tenantryCli(), {QStringLiteral("login"), QStringLiteral("--use-device-code")},
                                 m_sandbox.environment(), 120000);
    }

private slots:
    void initTestCase()
    {
        TENANTRY_REQUIRE_FAKE_AZURE_HOSTS();
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        QString error;
        QVERIFY2(m_idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
        m_idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
        m_idp.setTenantRequiresMfa(sample::kContoso, false);
        m_idp.setDeviceCodeInterval(1);
        m_idp.setDeviceCodeAutoApprove(sample::kSam);
        QVERIFY2(m_idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"),
                                 qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"), &error),
                 qPrintable(error));
        QVERIFY2(m_idp.listen(QHostAddress::LocalHost, 443), qPrintable(m_idp.server()->errorString()));
        QVERIFY(m_proxy.listen());
    }

    void init()
    {
        QVERIFY(!m_sandbox.renew().isEmpty());
        for (const char* name : kProxyVariables)
            m_sandbox.environment().remove(QString::fromLatin1(name));
        m_proxy.setMode(ConnectProxy::Mode::Tunnel);
        m_proxy.clear();
        m_idp.clearRequests();
    }

    void loginGoesThroughTheProxyAzWouldUse_data()
    {
        QTest::addColumn<QStringList>("environment"); // NAME=value; PROXY stands for the proxy's URL
        QTest::addColumn<bool>("proxied");
        QTest::newRow("HTTPS_PROXY") << QStringList{"HTTPS_PROXY=PROXY"} << true;
        QTest::newRow("https_proxy") << QStringList{"https_proxy=PROXY"} << true;
        QTest::newRow("ALL_PROXY") << QStringList{"ALL_PROXY=PROXY"} << true;
        QTest::newRow("NO_PROXY names the hosts")
            << QStringList{"HTTPS_PROXY=PROXY", "NO_PROXY=login.microsoftonline.com,management.azure.com"} << false;
        QTest::newRow("no_proxy names the hosts")
            << QStringList{"https_proxy=PROXY", "no_proxy=login.microsoftonline.com,management.azure.com"} << false;
        QTest::newRow("no_proxy suffixes")
            << QStringList{"https_proxy=PROXY", "no_proxy=microsoftonline.com,azure.com"} << false;
        QTest::newRow("NO_PROXY star") << QStringList{"HTTPS_PROXY=PROXY", "NO_PROXY=*"} << false;
        QTest::newRow("http_proxy is not for https") << QStringList{"http_proxy=PROXY"} << false;
    }

    void loginGoesThroughTheProxyAzWouldUse()
    {
        QFETCH(QStringList, environment);
        QFETCH(bool, proxied);
        for (const QString& assignment : environment)
            m_sandbox.environment().insert(
                assignment.section(QLatin1Char('='), 0, 0),
                assignment.section(QLatin1Char('='), 1).replace(QLatin1String("PROXY"), m_proxy.url()));
        const ProcessResult result = login();
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains(sample::kNorthwindProduction.toUtf8()), result.out.constData());
        if (proxied) {
            QVERIFY2(m_proxy.targets().contains(kLogin), qPrintable(m_proxy.targets().join(u' ')));
            QVERIFY2(m_proxy.targets().contains(kArm), qPrintable(m_proxy.targets().join(u' ')));
        } else {
            QCOMPARE(m_proxy.targets(), QStringList());
        }
    }

    void refusingProxyIsAnErrorNamingIt_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("403") << int(ConnectProxy::Mode::Forbid);
        QTest::newRow("407") << int(ConnectProxy::Mode::RequireCredentials);
    }

    void refusingProxyIsAnErrorNamingIt()
    {
        QFETCH(int, mode);
        m_proxy.setMode(ConnectProxy::Mode(mode));
        m_sandbox.environment().insert(
            QStringLiteral("HTTPS_PROXY"),
            QStringLiteral("http://corp-user:%1@127.0.0.1:%2").arg(kPassword).arg(m_proxy.port()));
        const ProcessResult result = login();
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(QStringLiteral("through the proxy %1").arg(m_proxy.url()).toUtf8()),
                 result.err.constData());
        QVERIFY2(!result.err.contains(kPassword.toUtf8()) && !result.out.contains(kPassword.toUtf8()),
                 result.err.constData());
        QVERIFY(m_proxy.targets().contains(kLogin));
        QCOMPARE(m_idp.requestCount(), 0);
    }
};

int main(int argc, char** argv)
{
    reexecInsideFakeAzureHosts(argc, argv);
    QCoreApplication app(argc, argv);
    TestCliThroughProxy test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCliThroughProxy.moc"
