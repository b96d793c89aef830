// An azureProfile.json as az 2.61 and later write it (tests/data/msal-newer-shapes/azureProfile.json):
// every subscription carries tenantDisplayName and tenantDefaultDomain after homeTenantId. tenantry-cli
// shows them as az does (`account list`), and a rewrite (`account set`) keeps them on every entry, with
// nothing else changed but the default.
#include "TestConfig.h"
#include "fakes/ProcessRunner.h"
#include "util/Json.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

const QString kFabrikamShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");

Json parsedJson(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    auto parsed = json::parse(bytes);
    return parsed.value ? *parsed.value : Json();
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliNewerAzProfile : public QObject
{
    Q_OBJECT

    CliSandbox m_sandbox;
    QString m_config;
    Json m_fixture;

    QString profilePath() const { return m_config + QStringLiteral("/azureProfile.json"); }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(tenantryCli()).isExecutable(), "tenantry-cli is built with this test");
        m_config = m_sandbox.renew();
        QVERIFY(!m_config.isEmpty());
        const QString fixture = QStringLiteral(TENANTRY_TEST_DATA_DIR "/msal-newer-shapes/azureProfile.json");
        QVERIFY(QFile::copy(fixture, profilePath()));
        QVERIFY(QFile::setPermissions(profilePath(), QFile::ReadOwner | QFile::WriteOwner));
        m_fixture = parsedJson(fileBytes(fixture));
        QVERIFY(m_fixture.is_object() && m_fixture["subscriptions"].size() == 3);
    }

    void accountListShowsTheTenantNames()
    {
        const ProcessResult list = m_sandbox.cli(
            {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const Json shown = parsedJson(list.out);
        QVERIFY2(shown.is_array() && shown.size() == 3, list.out.constData());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const Json& expected = m_fixture["subscriptions"][i];
            QCOMPARE(shown[i].value("id", Json()), expected["id"]);
            QCOMPARE(shown[i].value("tenantDisplayName", Json()), expected["tenantDisplayName"]);
            QCOMPARE(shown[i].value("tenantDefaultDomain", Json()), expected["tenantDefaultDomain"]);
        }
    }

    void accountSetKeepsTheTenantNames()
    {
        const ProcessResult set = m_sandbox.cli(
            {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("--subscription"), kFabrikamShared});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const Json written = parsedJson(fileBytes(profilePath()));
        Json expected = m_fixture;
        for (Json& subscription : expected["subscriptions"])
            subscription["isDefault"] = json::toQString(subscription["id"]) == kFabrikamShared;
        QCOMPARE(QString::fromStdString(written.dump(1)), QString::fromStdString(expected.dump(1)));
        // In az's order too: the names follow homeTenantId.
        const QByteArray bytes = fileBytes(profilePath());
        QVERIFY(bytes.indexOf("\"homeTenantId\"") < bytes.indexOf("\"tenantDisplayName\""));
        QVERIFY(bytes.indexOf("\"tenantDisplayName\"") < bytes.indexOf("\"tenantDefaultDomain\""));
    }
};

QTEST_GUILESS_MAIN(TestCliNewerAzProfile)
#include "TestCliNewerAzProfile.moc"
