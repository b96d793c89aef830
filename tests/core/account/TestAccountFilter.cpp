// The matching rule of "find" in the accounts tree: every word, case-insensitively, in one of the names
// and ids of the row or its ancestors.
#include "account/AccountFilter.h"

#include <QtTest>

using namespace tenantry;

class TestAccountFilter : public QObject
{
    Q_OBJECT

private:
    const QStringList m_production{QStringLiteral("sam@contoso.example"),
                                   QStringLiteral("Contoso"),
                                   QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"),
                                   QStringLiteral("contoso.onmicrosoft.com"),
                                   QStringLiteral("Production"),
                                   QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211")};

private slots:
    void emptyMatchesEverything()
    {
        QVERIFY(AccountFilter().matches(m_production));
        QVERIFY(AccountFilter(QStringLiteral("  \t ")).isEmpty());
        QVERIFY(AccountFilter(QStringLiteral(" ")).matches({}));
    }

    void substringsCaseInsensitive()
    {
        QVERIFY(AccountFilter(QStringLiteral("PROD")).matches(m_production));
        QVERIFY(AccountFilter(QStringLiteral("4697-88")).matches(m_production));
        QVERIFY(AccountFilter(QStringLiteral("6F1E2D3C-4B5A-4697-8877-665544332211")).matches(m_production));
        QVERIFY(!AccountFilter(QStringLiteral("sandbox")).matches(m_production));
    }

    void everyWordSomewhereOnThePath()
    {
        QVERIFY(AccountFilter(QStringLiteral("contoso prod")).matches(m_production));
        QVERIFY(AccountFilter(QStringLiteral(" prod   sam@ ")).matches(m_production));
        QVERIFY(!AccountFilter(QStringLiteral("contoso sandbox")).matches(m_production));
        // A word must be within one field: not across two.
        QVERIFY(!AccountFilter(QStringLiteral("contosoproduction")).matches(m_production));
    }

    void bounded()
    {
        const AccountFilter huge(QString(100000, QLatin1Char('x')));
        QCOMPARE(huge.words().size(), 1);
        QCOMPARE(huge.words().first().size(), AccountFilter::kMaxTextLength);
        QString many;
        for (int i = 0; i < 100; ++i)
            many += QStringLiteral("w ");
        QCOMPARE(AccountFilter(many).words().size(), AccountFilter::kMaxWords);
    }
};

QTEST_GUILESS_MAIN(TestAccountFilter)
#include "TestAccountFilter.moc"
