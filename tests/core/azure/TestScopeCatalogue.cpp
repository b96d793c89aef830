#include "azure/AzureConfigDir.h"
#include "azure/CloudConfig.h"
#include "azure/ScopeCatalogue.h"
#include "fakes/TestFiles.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

namespace {

Cloud builtIn(const QString& name)
{
    const QList<Cloud> clouds = CloudConfig::builtInClouds();
    for (const Cloud& cloud : clouds) {
        if (cloud.name == name)
            return cloud;
    }
    qFatal("no built-in cloud %s", qPrintable(name));
    return {};
}

QStringList idsOf(const QList<ScopeEntry>& entries)
{
    QStringList ids;
    for (const ScopeEntry& entry : entries)
        ids.append(entry.id);
    return ids;
}

QStringList scopesOf(const QList<ScopeEntry>& entries)
{
    QStringList scopes;
    for (const ScopeEntry& entry : entries)
        scopes.append(entry.scope);
    return scopes;
}

} // namespace

class TestScopeCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void presetsPerBuiltInCloud_data()
    {
        QTest::addColumn<QString>("cloud");
        QTest::addColumn<QStringList>("scopes");
        // Each as az asks for it: resource + "/.default", the resource's trailing slash kept.
        QTest::newRow("AzureCloud") << QStringLiteral("AzureCloud")
                                    << QStringList{QStringLiteral("https://management.core.windows.net//.default"),
                                                   QStringLiteral("https://graph.microsoft.com//.default"),
                                                   QStringLiteral("https://vault.azure.net/.default"),
                                                   QStringLiteral("https://storage.azure.com/.default"),
                                                   QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")};
        QTest::newRow("AzureChinaCloud") << QStringLiteral("AzureChinaCloud")
                                         << QStringList{
                                                QStringLiteral("https://management.core.chinacloudapi.cn//.default"),
                                                QStringLiteral("https://microsoftgraph.chinacloudapi.cn/.default"),
                                                QStringLiteral("https://vault.azure.cn/.default"),
                                                QStringLiteral("https://storage.azure.com/.default"),
                                                QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")};
        QTest::newRow("AzureUSGovernment")
            << QStringLiteral("AzureUSGovernment")
            << QStringList{QStringLiteral("https://management.core.usgovcloudapi.net//.default"),
                           QStringLiteral("https://graph.microsoft.us//.default"),
                           QStringLiteral("https://vault.usgovcloudapi.net/.default"),
                           QStringLiteral("https://storage.azure.com/.default"),
                           QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")};
    }

    void presetsPerBuiltInCloud()
    {
        QFETCH(QString, cloud);
        QFETCH(QStringList, scopes);
        const ScopeCatalogue catalogue(builtIn(cloud));
        QCOMPARE(scopesOf(catalogue.presets()), scopes);
        QCOMPARE(idsOf(catalogue.presets()),
                 (QStringList{ScopeCatalogue::kArm, ScopeCatalogue::kMicrosoftGraph, ScopeCatalogue::kKeyVault,
                              ScopeCatalogue::kStorage, ScopeCatalogue::kAzureDevOps}));
        // The ARM preset is the very scope sign-in and `az` ask for.
        QCOMPARE(catalogue.entry(ScopeCatalogue::kArm)->scope, builtIn(cloud).armScope());
    }

    void namesAreTheCataloguedEnglish()
    {
        const ScopeCatalogue catalogue(builtIn(QStringLiteral("AzureCloud")));
        QStringList names;
        const QList<ScopeEntry> entries = catalogue.entries();
        for (const ScopeEntry& entry : entries)
            names.append(entry.displayName());
        QCOMPARE(names, (QStringList{QStringLiteral("Azure Resource Manager"), QStringLiteral("Microsoft Graph"),
                                     QStringLiteral("Key Vault"), QStringLiteral("Storage"),
                                     QStringLiteral("Azure DevOps"), QStringLiteral("Custom scope…")}));
        QCOMPARE(QString::fromLatin1(ScopeCatalogue::kTranslationContext), QStringLiteral("tenantry::ScopeCatalogue"));
    }

    void customCloudOffersWhatItDefines()
    {
        // tests/data's custom cloud: its own identity provider, an ARM resource and no Microsoft Graph or
        // Key Vault: only ARM is offered (and the custom scope); no global Microsoft Entra resource.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), tmp.path());
        CloudConfig config{AzureConfigDir(tmp.path())};
        QString error;
        QVERIFY2(config.load(&error), qPrintable(error));
        const Cloud cloud = config.activeCloud();
        QCOMPARE(cloud.name, QStringLiteral("TestCloud"));
        const ScopeCatalogue catalogue(cloud);
        QCOMPARE(scopesOf(catalogue.presets()),
                 QStringList{QStringLiteral("https://management.core.test.example//.default")});
        QCOMPARE(idsOf(catalogue.entries()), (QStringList{ScopeCatalogue::kArm, ScopeCatalogue::kCustom}));
        QVERIFY(catalogue.entry(ScopeCatalogue::kCustom)->isCustom());
        QVERIFY(!catalogue.entry(ScopeCatalogue::kMicrosoftGraph));
    }

    void customCloudWithGraphAndKeyVault()
    {
        // A custom cloud naming them in clouds.config, as `az cloud register --endpoint-microsoft-graph-resource-id
        // ... --suffix-keyvault-dns ...` writes them; signing in at Microsoft Entra's public authority.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        test::writeFile(tmp.filePath(QStringLiteral("clouds.config")),
                        "[Contoso]\n"
                        "endpoint_active_directory = https://login.microsoftonline.com\n"
                        "endpoint_resource_manager = https://arm.contoso.example/\n"
                        "endpoint_active_directory_resource_id = https://management.contoso.example/\n"
                        "endpoint_microsoft_graph_resource_id = https://graph.contoso.example/\n"
                        "suffix_keyvault_dns = .vault.contoso.example\n\n");
        test::writeFile(tmp.filePath(QStringLiteral("config")), "[cloud]\nname = Contoso\n\n");
        CloudConfig config{AzureConfigDir(tmp.path())};
        QString error;
        QVERIFY2(config.load(&error), qPrintable(error));
        const ScopeCatalogue catalogue(config.activeCloud());
        QCOMPARE(scopesOf(catalogue.presets()),
                 (QStringList{QStringLiteral("https://management.contoso.example//.default"),
                              QStringLiteral("https://graph.contoso.example//.default"),
                              QStringLiteral("https://vault.contoso.example/.default"),
                              QStringLiteral("https://storage.azure.com/.default"),
                              QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default")}));
        QCOMPARE(catalogue.presetForScope(QStringLiteral("https://graph.contoso.example//.default"))->id,
                 ScopeCatalogue::kMicrosoftGraph);
        QVERIFY(!catalogue.presetForScope(QStringLiteral("https://graph.microsoft.com//.default")));
    }

    void resourceTypesAreAzs()
    {
        QStringList names;
        const auto types = ScopeCatalogue::resourceTypes();
        for (const auto& type : types)
            names.append(type.name);
        QCOMPARE(names, (QStringList{QStringLiteral("oss-rdbms"), QStringLiteral("arm"), QStringLiteral("aad-graph"),
                                     QStringLiteral("ms-graph"), QStringLiteral("batch"), QStringLiteral("media"),
                                     QStringLiteral("data-lake")}));
        // az's enum matches case-insensitively.
        QCOMPARE(ScopeCatalogue::resourceType(QStringLiteral("MS-Graph"))->endpointAttribute,
                 QStringLiteral("microsoft_graph_resource_id"));
        QVERIFY(!ScopeCatalogue::resourceType(QStringLiteral("key-vault")));
        // China's Graph resource has no trailing slash, so no double slash either.
        const Cloud china = builtIn(QStringLiteral("AzureChinaCloud"));
        QCOMPARE(ScopeCatalogue::defaultScopeOf(
                     china.endpoint(ScopeCatalogue::resourceType(QStringLiteral("ms-graph"))->endpointAttribute)),
                 QStringLiteral("https://microsoftgraph.chinacloudapi.cn/.default"));
        // az 2.45 knows no Data Lake resource in China.
        QVERIFY(china.endpoint(ScopeCatalogue::resourceType(QStringLiteral("data-lake"))->endpointAttribute).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScopeCatalogue)
#include "TestScopeCatalogue.moc"
