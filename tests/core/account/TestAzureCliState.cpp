// What `tenantry-cli account list/show/set` see of az's files when another program filled azureProfile.json
// with entries az never writes (null, numbers, fields of the wrong type): the readable ones, nothing aborts,
// and a change keeps the others exactly as they were.
#include "account/AzureCliState.h"
#include "fakes/TestFiles.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using tenantry::test::dataPath;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

} // namespace

class TestAzureCliState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;

private slots:
    void initTestCase() { qunsetenv(CloudConfig::kCloudNameVariable); }

    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_dir = m_tmp.path() + QStringLiteral("/azure-") + QString::number(QRandomGenerator::global()->generate());
        QVERIFY(QDir().mkpath(m_dir));
        writeFile(m_dir + QStringLiteral("/azureProfile.json"),
                  readFile(dataPath(QStringLiteral("hostile/azureProfile-junk-entries.json"))));
    }

    void listAndShowSeeOnlyReadableEntries()
    {
        AzureCliState state{AzureConfigDir(m_dir)};
        QString error;
        QVERIFY2(state.load(&error), qPrintable(error));
        const QList<Subscription> subs = state.subscriptions();
        QCOMPARE(subs.size(), 2);
        QCOMPARE(subs.at(0).name, QStringLiteral("Northwind Production"));
        QCOMPARE(subs.at(1).name, QStringLiteral("Northwind Sandbox"));
        QCOMPARE(state.subscriptions(/*allClouds=*/true).size(), 2);

        QCOMPARE(state.subscription(QString())->id, kSandbox);
        const Result<Subscription> missing = state.subscription(QStringLiteral("Tenant Is A Number"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::InvalidArgument);
        QCOMPARE(missing.error().detail,
                 QStringLiteral("Subscription 'Tenant Is A Number' not found. Check the spelling and casing "
                                "and try again."));
        QCOMPARE(state.profile().storedEntry(kSandbox)["name"], Json("Northwind Sandbox"));
    }

    void setKeepsTheOtherEntriesAsTheyWere()
    {
        const QString profilePath = m_dir + QStringLiteral("/azureProfile.json");
        const QByteArray before = readFile(profilePath);
        AzureCliState state{AzureConfigDir(m_dir)};
        QString error;
        QVERIFY(state.load(&error));
        QVERIFY(!state.setActive(QStringLiteral("IsDefault Is A String"), &error));
        QCOMPARE(readFile(profilePath), before);

        QVERIFY2(state.setActive(QStringLiteral("northwind production"), &error), qPrintable(error));
        const Json oldList = (*json::parse(before).value)["subscriptions"];
        const Json newList = (*json::parse(readFile(profilePath)).value)["subscriptions"];
        QCOMPARE(newList.size(), oldList.size());
        for (size_t i = 0; i < oldList.size(); ++i) {
            if (i == 10 || i == 11)
                continue;
            QCOMPARE(newList[i], oldList[i]);
        }
        QCOMPARE(newList[10]["isDefault"], Json(true));
        QCOMPARE(newList[11]["isDefault"], Json(false));
        QCOMPARE(readFile(m_dir + QStringLiteral("/clouds.config")),
                 QByteArray("[AzureCloud]\nsubscription = 6f1e2d3c-4b5a-4697-8877-665544332211\n\n"));

        AzureCliState again{AzureConfigDir(m_dir)};
        QVERIFY(again.load(&error));
        QCOMPARE(again.subscription(QString())->id, kProduction);
    }

    void aProfileThatIsNoProfileIsAClearError()
    {
        const QString profilePath = m_dir + QStringLiteral("/azureProfile.json");
        for (const QByteArray& bytes :
             {QByteArray("[null, 42]"), QByteArray(R"({"subscriptions": 7})"),
              QByteArray("{\"subscriptions\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + "}")}) {
            writeFile(profilePath, bytes);
            AzureCliState state{AzureConfigDir(m_dir)};
            QString error;
            QVERIFY(!state.load(&error));
            QVERIFY2(error.startsWith(QStringLiteral("The Azure CLI profile %1 cannot be read: ").arg(profilePath)),
                     qPrintable(error));
            QCOMPARE(readFile(profilePath), bytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestAzureCliState)
#include "TestAzureCliState.moc"
