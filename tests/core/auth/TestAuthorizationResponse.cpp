// AuthorizationResponse: the one reader of the sign-in redirect's query, as login.microsoftonline.com
// form-encodes it ('+' for a space), for the loopback listener, the embedded browser and the flow.

#include "auth/AuthorizationResponse.h"

#include <QUrl>
#include <QtTest>

using namespace tenantry;

using Kind = AuthorizationResponse::Kind;

class TestAuthorizationResponse : public QObject
{
    Q_OBJECT

private slots:
    // What the real provider sends on a declined consent: the user reads spaces, not '+'.
    void errorDescriptionWithPlusForSpaces()
    {
        const QUrl redirect(QStringLiteral(
            "http://localhost:8400/?error=access_denied&error_description=AADSTS65004%3a+User+declined+to+consent+to+"
            "access+the+app.%0d%0aTrace+ID%3a+1&error_uri=https%3a%2f%2flogin.microsoftonline.com%2ferror%3fcode%"
            "3d65004"
            "&state=st%2Bate"));
        const AuthorizationResponse response = AuthorizationResponse::fromRedirect(redirect);
        QCOMPARE(response.kind, Kind::Error);
        QCOMPARE(response.error, QStringLiteral("access_denied"));
        QCOMPARE(response.errorDescription,
                 QStringLiteral("AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1"));
        QCOMPARE(response.problem(), response.errorDescription);
        QCOMPARE(response.errorUri, QStringLiteral("https://login.microsoftonline.com/error?code=65004"));
        QCOMPARE(response.state, QStringLiteral("st+ate")); // %2B is a '+'
        QVERIFY(response.code.isEmpty());
    }

    void errorWithoutDescriptionShowsTheCode()
    {
        const auto response = AuthorizationResponse::fromQuery("error=server_error&state=s");
        QCOMPARE(response.kind, Kind::Error);
        QCOMPARE(response.problem(), QStringLiteral("server_error"));
    }

    void code()
    {
        const auto response =
            AuthorizationResponse::fromQuery("code=1.AbC-d_e%2Bf&client_info=eyJ1aWQiOiIx&state=s&session_state=x");
        QCOMPARE(response.kind, Kind::Code);
        QCOMPARE(response.code.reveal(), QStringLiteral("1.AbC-d_e+f"));
        QCOMPARE(response.clientInfo, QStringLiteral("eyJ1aWQiOiIx"));
        QCOMPARE(response.state, QStringLiteral("s"));
        QVERIFY(response.problem().isEmpty());
    }

    void notAResponse()
    {
        QCOMPARE(AuthorizationResponse::fromQuery("").kind, Kind::NotAResponse);
        QCOMPARE(AuthorizationResponse::fromQuery("utm_source=x").kind, Kind::NotAResponse);
        QCOMPARE(AuthorizationResponse::fromRedirect(QUrl(QStringLiteral("http://localhost:1/favicon.ico"))).kind,
                 Kind::NotAResponse);
    }

    // Nothing a caller could take for a code or an error when the provider could not have sent it:
    // which of two states or codes is meant cannot be told. The problem never quotes the code or state.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("two-states") << QByteArray("code=c&state=s&state=t");
        QTest::newRow("two-codes") << QByteArray("code=c&code=d&state=s");
        QTest::newRow("two-descriptions") << QByteArray("error=e&error_description=a&error_description=b&state=s");
        QTest::newRow("code-and-error") << QByteArray("code=c&error=e&state=s");
        QTest::newRow("state-only") << QByteArray("state=s");
        QTest::newRow("empty-code") << QByteArray("code=&state=s");
        QTest::newRow("empty-error") << QByteArray("error=&state=s");
        QTest::newRow("too-long") << QByteArray("state=s&code=" +
                                                QByteArray(AuthorizationResponse::kMaxQueryBytes, 'c'));
    }

    void malformed()
    {
        QFETCH(QByteArray, query);
        const auto response = AuthorizationResponse::fromQuery(query);
        QCOMPARE(response.kind, Kind::Malformed);
        QVERIFY(response.code.isEmpty());
        QCOMPARE(response.problem(), QStringLiteral("The identity provider's sign-in response could not be read."));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationResponse)
#include "TestAuthorizationResponse.moc"
