// tenantry-cli and the tenant choice, against the test identity provider (a custom cloud on 127.0.0.1):
// `account tenant hide|unhide` set it, `account list` leaves hidden tenants' subscriptions out and `--all`
// shows them, as az does for disabled subscriptions; `account list --refresh` neither asks for a hidden
// tenant's token nor reports it as needing a sign-in; the choice is in Tenantry's settings file.

#include "fakes/ProcessRunner.h"
#include "fakes/SampleDirectory.h"
#include "fakes/TestFiles.h"
#include "fakes/TestIdentityProvider.h"
#include "util/Json.h"

#include <QFileInfo>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

QStringList ids(const QByteArray& out)
{
    QStringList list;
    const auto parsed = json::parse(out);
    if (!parsed.value || !parsed.value->is_array())
        return {QStringLiteral("(not a JSON array)")};
    for (const Json& s : *parsed.value)
        list.append(json::toQString(s.value("id", Json())));
    list.sort();
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestCliTenantChoice : public QObject
{
    Q_OBJECT

private:
    CliSandbox m_sandbox;
    TestIdentityProvider m_idp;
    QString m_config;

    ProcessResult cli(const QStringList& args)
    {
        return runProcessServing(tenantryCli(), args, m_sandbox.environment(), 60000);
    }
    QString settingsFile() const { return m_config + QStringLiteral("-xdg/Tenantry/Tenantry.ini"); }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        QString error;
        QVERIFY2(m_idp.loadConfig(TestIdentityProvider::sampleConfig(), &error), qPrintable(error));
        m_idp.setDeviceCodeInterval(1);
        m_idp.setDeviceCodeAutoApprove(sample::kSam);
        QVERIFY(m_idp.listen());
    }

    void init()
    {
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        writeTestIdpCloud(m_config, m_idp.url());
        // Tenantry's own settings (the choice) next to the config dir, not the user's.
        m_sandbox.environment().insert(QStringLiteral("XDG_CONFIG_HOME"), m_config + QStringLiteral("-xdg"));
    }

    void cleanup()
    {
        cli({QStringLiteral("account"), QStringLiteral("clear")}); // the keychain item goes with the test
    }

    void hideAndUnhideATenant()
    {
        const ProcessResult login = cli({QStringLiteral("login"), QStringLiteral("--use-device-code")});
        QVERIFY2(login.exitCode == 0 || login.exitCode == 3, login.err.constData()); // 3: Contoso wants MFA
        const QStringList everything =
            sorted({sample::kNorthwindProduction, sample::kNorthwindDev, sample::kFabrikamShared});
        QCOMPARE(ids(cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")}).out),
                 everything);

        const ProcessResult hide = cli({QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide"),
                                        QStringLiteral("--tenant"), sample::kFabrikam});
        QVERIFY2(hide.exitCode == 0, hide.err.constData());
        QVERIFY(readFile(settingsFile()).contains(sample::kFabrikam.toUtf8()));

        // Without --all: only Enabled subscriptions (az) of active tenants; with it, everything.
        QCOMPARE(ids(cli({QStringLiteral("account"), QStringLiteral("list")}).out),
                 QStringList{sample::kNorthwindProduction});
        QCOMPARE(ids(cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")}).out),
                 everything);

        // Contoso (MFA) hidden too: a refresh asks for neither tenant and reports none as needing a sign-in.
        QCOMPARE(cli({QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide"), QStringLiteral("-t"),
                      sample::kContoso})
                     .exitCode,
                 0);
        m_idp.clearRequests();
        const ProcessResult refresh =
            cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--refresh")});
        QVERIFY2(refresh.exitCode == 0, refresh.err.constData());
        QVERIFY2(!refresh.err.contains("Contoso") && !refresh.err.contains(sample::kContoso.toUtf8()),
                 refresh.err.constData());
        QCOMPARE(ids(refresh.out), QStringList{sample::kNorthwindProduction});
        for (const IdpRequestRecord& r : m_idp.requests()) {
            QVERIFY2(r.tenant.compare(sample::kFabrikam, Qt::CaseInsensitive) != 0, qPrintable(r.path));
            QVERIFY2(r.tenant.compare(sample::kContoso, Qt::CaseInsensitive) != 0, qPrintable(r.path));
        }

        const ProcessResult unhide = cli({QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("unhide"),
                                          QStringLiteral("--tenant"), sample::kFabrikam});
        QVERIFY2(unhide.exitCode == 0, unhide.err.constData());
        QCOMPARE(ids(cli({QStringLiteral("account"), QStringLiteral("list")}).out),
                 sorted({sample::kNorthwindProduction, sample::kFabrikamShared}));
    }

    void refusesWhatIsNoTenantId()
    {
        const ProcessResult missing =
            cli({QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide")});
        QCOMPARE(missing.exitCode, 2);
        const ProcessResult path = cli({QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("hide"),
                                        QStringLiteral("--tenant"), QStringLiteral("../../x")});
        QCOMPARE(path.exitCode, 2);
        QVERIFY(!QFileInfo::exists(settingsFile()));
    }
};

QTEST_GUILESS_MAIN(TestCliTenantChoice)
#include "TestCliTenantChoice.moc"
