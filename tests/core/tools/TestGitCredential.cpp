// Which git credential requests are Azure DevOps's, and the bounds on reading them.
#include "tools/GitCredential.h"
#include "util/AppSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestGitCredential : public QObject
{
    Q_OBJECT

private slots:
    void azureDevOpsHostsOnly_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("answered");
        QTest::addColumn<QString>("organization");
        QTest::newRow("dev.azure.com with path")
            << QByteArray("protocol=https\nhost=dev.azure.com\npath=Contoso/p/_git/r\n") << true
            << QStringLiteral("contoso");
        QTest::newRow("dev.azure.com without path")
            << QByteArray("protocol=https\nhost=dev.azure.com\n") << true << QString();
        QTest::newRow("upper case host") << QByteArray("protocol=https\nhost=DEV.Azure.COM\n") << true << QString();
        QTest::newRow("explicit 443") << QByteArray("protocol=https\nhost=dev.azure.com:443\n") << true << QString();
        QTest::newRow("odd first segment")
            << QByteArray("protocol=https\nhost=dev.azure.com\npath=-x-/p\n") << true << QString();
        QTest::newRow("visualstudio.com")
            << QByteArray("protocol=https\nhost=fabrikam.visualstudio.com\npath=p/_git/r\n") << true
            << QStringLiteral("fabrikam");
        QTest::newRow("CRLF") << QByteArray("protocol=https\r\nhost=dev.azure.com\r\n\r\n") << true << QString();
        QTest::newRow("http") << QByteArray("protocol=http\nhost=dev.azure.com\n") << false << QString();
        QTest::newRow("HTTPS") << QByteArray("protocol=HTTPS\nhost=dev.azure.com\n") << false << QString();
        QTest::newRow("no protocol") << QByteArray("host=dev.azure.com\n") << false << QString();
        QTest::newRow("other port") << QByteArray("protocol=https\nhost=dev.azure.com:8443\n") << false << QString();
        QTest::newRow("look-alike suffix")
            << QByteArray("protocol=https\nhost=dev.azure.com.evil.example\n") << false << QString();
        QTest::newRow("trailing dot") << QByteArray("protocol=https\nhost=dev.azure.com.\n") << false << QString();
        QTest::newRow("look-alike prefix")
            << QByteArray("protocol=https\nhost=evil-dev.azure.com\n") << false << QString();
        QTest::newRow("subdomain") << QByteArray("protocol=https\nhost=x.dev.azure.com\n") << false << QString();
        QTest::newRow("userinfo in host")
            << QByteArray("protocol=https\nhost=dev.azure.com@evil.example\n") << false << QString();
        QTest::newRow("bare visualstudio.com")
            << QByteArray("protocol=https\nhost=visualstudio.com\n") << false << QString();
        QTest::newRow("two labels") << QByteArray("protocol=https\nhost=a.b.visualstudio.com\n") << false << QString();
        QTest::newRow("visualstudio look-alike")
            << QByteArray("protocol=https\nhost=a.visualstudio.com.evil.example\n") << false << QString();
        QTest::newRow("after the end") << QByteArray("protocol=https\n\nhost=dev.azure.com\n") << false << QString();
        QTest::newRow("github") << QByteArray("protocol=https\nhost=github.com\n") << false << QString();
    }

    void azureDevOpsHostsOnly()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, answered);
        QFETCH(QString, organization);
        const auto parsed = parseGitCredentialRequest(request);
        QVERIFY(parsed.has_value());
        const auto remote = azureDevOpsRemote(*parsed);
        QCOMPARE(remote.has_value(), answered);
        if (remote)
            QCOMPARE(remote->organization, organization);
    }

    void boundsAndOddities()
    {
        QVERIFY(!parseGitCredentialRequest(QByteArray(70000, 'a')).has_value());
        QVERIFY(!parseGitCredentialRequest("protocol=https\nprotocol=https\n").has_value());
        QVERIFY(!parseGitCredentialRequest("protocol\n").has_value());
        QVERIFY(!parseGitCredentialRequest("=https\n").has_value());
        QVERIFY(!parseGitCredentialRequest("host=\xff\xfe\n").has_value());
        // Attributes git added later are read past; the empty value is a value.
        const auto parsed =
            parseGitCredentialRequest("capability[]=authtype\nwwwauth[]=Bearer x\nprotocol=https\nhost=\n");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->protocol, QStringLiteral("https"));
        QVERIFY(parsed->host.isEmpty());
    }

    void organisationTenantsComeFromTheSettings()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("t.ini")));
        const QString fallback = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
        const QString fabrikam = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
        settings.setAzureDevOpsTenant(QStringLiteral("Fabrikam"), fabrikam.toUpper());
        QCOMPARE(azureDevOpsTenant(settings, QStringLiteral("fabrikam"), fallback), fabrikam);
        QCOMPARE(azureDevOpsTenant(settings, QStringLiteral("contoso"), fallback), fallback);
        QCOMPARE(azureDevOpsTenant(settings, QString(), fallback), fallback);
        // A hand edit that names no tenant counts as none.
        QSettings raw(dir.filePath(QStringLiteral("t.ini")), QSettings::IniFormat);
        raw.setValue(QStringLiteral("azureDevOps/tenants/contoso"), QStringLiteral("x y; rm -rf"));
        raw.sync();
        AppSettings reread(dir.filePath(QStringLiteral("t.ini")));
        QCOMPARE(azureDevOpsTenant(reread, QStringLiteral("contoso"), fallback), fallback);
        reread.setAzureDevOpsTenant(QStringLiteral("fabrikam"), QString());
        QCOMPARE(azureDevOpsTenant(reread, QStringLiteral("fabrikam"), fallback), fallback);
    }
};

QTEST_GUILESS_MAIN(TestGitCredential)
#include "TestGitCredential.moc"
