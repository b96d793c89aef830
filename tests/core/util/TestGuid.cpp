#include "util/Guid.h"

#include <QTest>

using namespace tenantry;

class TestGuid : public QObject
{
    Q_OBJECT

private slots:
    void shape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("guid");
        QTest::newRow("lower") << QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f") << true;
        QTest::newRow("upper") << QStringLiteral("9C1D0F7E-2B3A-4C5D-8E6F-7A8B9C0D1E2F") << true;
        QTest::newRow("nil: shape only") << QStringLiteral("00000000-0000-0000-0000-000000000000") << true;
        QTest::newRow("braces, as QUuid takes them")
            << QStringLiteral("{9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f}") << false;
        QTest::newRow("no dashes") << QStringLiteral("9c1d0f7e2b3a4c5d8e6f7a8b9c0d1e2f") << false;
        QTest::newRow("dash moved") << QStringLiteral("9c1d0f7-e2b3a-4c5d-8e6f-7a8b9c0d1e2f") << false;
        QTest::newRow("not hex") << QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2g") << false;
        QTest::newRow("path") << QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1/../") << false;
        QTest::newRow("trailing newline") << QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f\n") << false;
        QTest::newRow("full-width digit")
            << QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2") + QChar(0xFF11) << false;
        QTest::newRow("domain") << QStringLiteral("contoso.onmicrosoft.com") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void shape()
    {
        QFETCH(QString, text);
        QFETCH(bool, guid);
        QCOMPARE(isGuid(text), guid);
    }
};

QTEST_APPLESS_MAIN(TestGuid)
#include "TestGuid.moc"
