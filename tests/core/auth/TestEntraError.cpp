// describeEntraError: the identity provider's error_description in plain words, the code and the
// provider's words on demand.

#include "auth/EntraError.h"

#include <QtTest>

using namespace tenantry;

namespace {

// As login.microsoftonline.com words it (the test identity provider writes the same shape).
QString described(int code, const QString& message)
{
    return QStringLiteral("AADSTS%1: %2\r\nTrace ID: 0c4e1f7a-0000-4000-8000-000000000001\r\n"
                          "Correlation ID: 5d2b9c10-0000-4000-8000-000000000002\r\nTimestamp: 2026-11-29 20:00:00Z")
        .arg(code)
        .arg(message);
}

} // namespace

class TestEntraError : public QObject
{
    Q_OBJECT

private slots:
    void commonCodesGetTheirOwnSentence_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("sentence");
        const QString mfa = QStringLiteral("This tenant asks for multi-factor authentication: sign in to it again.");
        const QString expired = QStringLiteral("The sign-in has expired or was revoked: sign in again.");
        const QString notMember = QStringLiteral("This account is not a user of this tenant, nor a guest in it.");
        const QString device = QStringLiteral("This tenant allows access only from a device it manages and finds "
                                              "compliant.");
        QTest::newRow("50076") << 50076 << mfa;
        QTest::newRow("50079") << 50079
                               << QStringLiteral("This tenant asks you to set up multi-factor authentication: sign "
                                                 "in to it again.");
        QTest::newRow("50078") << 50078
                               << QStringLiteral("The multi-factor authentication for this tenant has expired: sign "
                                                 "in to it again.");
        QTest::newRow("53003") << 53003
                               << QStringLiteral("A Conditional Access policy of this tenant blocked the sign-in; its "
                                                 "administrator can say why.");
        QTest::newRow("50173") << 50173 << expired;
        QTest::newRow("50133") << 50133 << expired;
        QTest::newRow("700082") << 700082 << expired;
        QTest::newRow("65001") << 65001
                               << QStringLiteral("The app has no consent in this tenant: sign in and accept, or ask "
                                                 "its administrator to consent.");
        QTest::newRow("65004") << 65004
                               << QStringLiteral("The consent the app asked for was declined; nothing was signed "
                                                 "in.");
        QTest::newRow("50020") << 50020 << notMember;
        QTest::newRow("90072") << 90072 << notMember;
        QTest::newRow("700016") << 700016
                                << QStringLiteral("This tenant does not know the app that signs in; its administrator "
                                                  "may have removed it.");
        QTest::newRow("50058") << 50058
                               << QStringLiteral("The browser had no sign-in for this account: sign in again.");
        QTest::newRow("50126") << 50126 << QStringLiteral("The user name or password is not right.");
        QTest::newRow("53000") << 53000 << device;
        QTest::newRow("530003") << 530003 << device;
        QTest::newRow("unknown") << 9002313 << QStringLiteral("The identity provider refused.");
    }

    void commonCodesGetTheirOwnSentence()
    {
        QFETCH(int, code);
        QFETCH(QString, sentence);
        const QString words = QStringLiteral("Due to a configuration change made by your administrator, you must "
                                             "use multi-factor authentication to access '797f4846'.");
        const EntraErrorText text = describeEntraError(described(code, words));
        QCOMPARE(text.code, code);
        QCOMPARE(text.summary, sentence);
        QCOMPARE(text.codeName(), QStringLiteral("AADSTS%1").arg(code));
        QCOMPARE(text.line(), QStringLiteral("%1 (AADSTS%2)").arg(sentence).arg(code));
        // The provider's words, ids included, are the details: what its support asks for.
        QVERIFY(text.details.startsWith(QStringLiteral("AADSTS%1: Due to a configuration change").arg(code)));
        QVERIFY(text.details.contains(QStringLiteral("Correlation ID: 5d2b9c10-0000-4000-8000-000000000002")));
        QVERIFY(!text.summary.contains(QStringLiteral("AADSTS")));
        QCOMPARE(text.isPending(), false);
    }

    void authorizationPendingIsNoError()
    {
        const EntraErrorText text = describeEntraError(
            described(70016, QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue "
                                            "polling.")));
        QVERIFY(text.isPending());
        QCOMPARE(text.summary, QStringLiteral("Waiting for the sign-in to be finished."));
    }

    void aCodeLessPrefixBeforeTheCodeIsDropped()
    {
        const EntraErrorText text = describeEntraError(
            QStringLiteral("AADSTS0: AADSTS70016: OAuth 2.0 device flow error. Authorization is pending."));
        QCOMPARE(text.code, 70016);
        QVERIFY(!text.details.contains(QStringLiteral("AADSTS0")));
        QCOMPARE(text.details, QStringLiteral("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending."));
        QCOMPARE(describeEntraError(QStringLiteral("AADSTS0: Something odd.")).line(),
                 QStringLiteral("Something odd."));
    }

    void ourWordsBeforeTheCodeStay()
    {
        const EntraErrorText text = describeEntraError(
            QStringLiteral("Could not list the tenants of ada@example.com: AADSTS53003: Access has been blocked by "
                           "Conditional Access policies."));
        QCOMPARE(text.code, 53003);
        QCOMPARE(text.summary, QStringLiteral("Could not list the tenants of ada@example.com: A Conditional Access "
                                              "policy of this tenant blocked the sign-in; its administrator can say "
                                              "why."));
    }

    void textWithoutACodeIsItsFirstLine()
    {
        const EntraErrorText oneLine = describeEntraError(QStringLiteral("The server could not be reached."));
        QCOMPARE(oneLine.code, 0);
        QCOMPARE(oneLine.line(), QStringLiteral("The server could not be reached."));
        QVERIFY(oneLine.details.isEmpty());
        const EntraErrorText twoLines = describeEntraError(QStringLiteral("First line.\nSecond line."));
        QCOMPARE(twoLines.summary, QStringLiteral("First line."));
        QCOMPARE(twoLines.details, QStringLiteral("First line.\nSecond line."));
        QCOMPARE(describeEntraError(QString()).line(), QString());
    }

    void hostileTextIsBounded()
    {
        const QString huge = QStringLiteral("AADSTS50076: ") + QString(1'000'000, QLatin1Char('x'));
        const EntraErrorText text = describeEntraError(huge);
        QCOMPARE(text.code, 50076);
        QVERIFY(text.details.size() <= 8000);
        QCOMPARE(describeEntraError(QStringLiteral("AADSTS99999999999999: x")).code, 0); // not a number we read
    }
};

QTEST_GUILESS_MAIN(TestEntraError)
#include "TestEntraError.moc"
