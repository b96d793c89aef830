#include "LaunchOptions.h"
#include "SingleInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void aSecondLaunchHandsItsArgumentsToTheFirst()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("tenantry.socket"));
        SingleInstance first(key);
        QSignalSpy primary(&first, &SingleInstance::becamePrimary);
        QSignalSpy activation(&first, &SingleInstance::activationRequested);
        first.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(primary.count(), 1);
        QVERIFY(first.isPrimary());

        SingleInstance second(key);
        QSignalSpy forwarded(&second, &SingleInstance::forwarded);
        QSignalSpy secondPrimary(&second, &SingleInstance::becamePrimary);
        const QStringList arguments{QStringLiteral("tenantry"), QStringLiteral("--sign-in"), QStringLiteral("--tenant"),
                                    QStringLiteral("contoso.onmicrosoft.com")};
        second.start(arguments);
        QTRY_COMPARE(forwarded.count(), 1);
        QTRY_COMPARE(activation.count(), 1);
        QCOMPARE(activation.first().first().toStringList(), arguments);
        QCOMPARE(secondPrimary.count(), 0);
        QVERIFY(!second.isPrimary());
    }

    void takesOverAStaleSocket()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("stale.socket"));
        QFile stale(key); // what a crashed instance leaves behind
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance instance(key);
        QSignalSpy primary(&instance, &SingleInstance::becamePrimary);
        instance.start({QStringLiteral("tenantry")});
        QTRY_COMPARE(primary.count(), 1);
    }

    void defaultKeyIsPerUser()
    {
        const QString key = SingleInstance::defaultKey();
        QVERIFY(key.contains(QStringLiteral("org.tenantry.Tenantry")));
    }

    void parsesTheCommandLine()
    {
        LaunchOptions options;
        QVERIFY(LaunchOptions::parse({QStringLiteral("tenantry"), QStringLiteral("--sign-in"),
                                      QStringLiteral("--tenant"), QStringLiteral("contoso.example")},
                                     &options));
        QVERIFY(options.signIn);
        QCOMPARE(options.tenant, QStringLiteral("contoso.example"));
        QVERIFY(!options.deviceCode && !options.minimized);

        QVERIFY(LaunchOptions::parse(
            {QStringLiteral("tenantry"), QStringLiteral("--device-code"), QStringLiteral("--minimized")}, &options));
        QVERIFY(options.deviceCode && options.minimized && !options.signIn);

        QString error;
        QVERIFY(
            !LaunchOptions::parse({QStringLiteral("tenantry"), QStringLiteral("--no-such-option")}, &options, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
