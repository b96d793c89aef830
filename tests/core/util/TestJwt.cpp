// JWT and client_info decoding on hostile input: an empty result, never a throw, never unbounded work.
#include "cache/TokenResponseWriter.h"
#include "fakes/FakeJwt.h"
#include "util/Jwt.h"

#include <QtTest>

using namespace tenantry;
using tenantry::test::clientInfo;
using tenantry::test::makeJwt;

namespace {

QString tokenWithPayload(const QByteArray& payload)
{
    return QStringLiteral("eyJhbGciOiJub25lIn0.") + QString::fromLatin1(jwt::base64UrlEncode(payload)) +
           QStringLiteral(".");
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void claimsOfAWellFormedToken()
    {
        const Json claims = jwt::claims(makeJwt({{"tid", "t1"}, {"exp", 1795425640}}));
        QCOMPARE(jwt::stringClaim(claims, "tid"), QStringLiteral("t1"));
        QCOMPARE(json::toSeconds(claims["exp"]).value_or(0), qint64(1795425640));
    }

    void junkTokensHaveNoClaims_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("one part") << QStringLiteral("abc");
        // Qt's lenient decoder skips '*' and '!' and decodes what is left: these must not decode at all.
        QTest::newRow("bad base64") << QStringLiteral("a.eyJ0aWQiOi*JhIn0!.");
        QTest::newRow("padding mid-way") << QStringLiteral("a.eyJ0aWQi=OiJhIn0.c");
        QTest::newRow("not latin-1") << QStringLiteral("a.eyJ0aWQiOiJhIn0\u20ac.c");
        QTest::newRow("payload is an array") << tokenWithPayload("[1, 2]");
        QTest::newRow("payload is a string") << tokenWithPayload("\"tid\"");
        QTest::newRow("payload is a number") << tokenWithPayload("42");
        QTest::newRow("payload is null") << tokenWithPayload("null");
        QTest::newRow("payload is not JSON") << tokenWithPayload("{\"tid\": ");
        QTest::newRow("payload nests too deep")
            << tokenWithPayload("{\"a\": " + QByteArray(100000, '[') + QByteArray(100000, ']') + "}");
        // A token larger than any Entra ID issues is not decoded, however valid its payload.
        QTest::newRow("huge") << tokenWithPayload("{\"tid\": \"" + QByteArray(jwt::kMaxTokenChars, 'x') + "\"}");
    }

    void junkTokensHaveNoClaims()
    {
        QFETCH(QString, token);
        const Json claims = jwt::claims(token);
        QVERIFY(claims.is_object());
        QVERIFY(claims.empty());
    }

    void mistypedClaimsAreNotText()
    {
        const QByteArray payload = "{\"tid\": 42, \"oid\": {\"a\": 1}, \"name\": [\"x\"], \"upn\": null, "
                                   "\"exp\": \"soon\", \"nbf\": 1e300, \"iat\": -5, \"ok\": \"yes\"}";
        const Json claims = jwt::claims(makeJwt(*json::parse(payload).value));
        QCOMPARE(jwt::stringClaim(claims, "tid"), QString());
        QCOMPARE(jwt::stringClaim(claims, "oid"), QString());
        QCOMPARE(jwt::stringClaim(claims, "name"), QString());
        QCOMPARE(jwt::stringClaim(claims, "upn"), QString());
        QCOMPARE(jwt::stringClaim(claims, "absent"), QString());
        QCOMPARE(jwt::stringClaim(claims, "ok"), QStringLiteral("yes"));
        QVERIFY(!json::toSeconds(claims["exp"]));
        QVERIFY(!json::toSeconds(claims["nbf"]));
        QVERIFY(!json::toSeconds(claims["iat"]));
    }

    void clientInfoNamesTheAccountOnlyWithStrings_data()
    {
        QTest::addColumn<QString>("info");
        QTest::addColumn<QString>("homeAccountId");
        QTest::newRow("good") << clientInfo(QStringLiteral("u"), QStringLiteral("t")) << QStringLiteral("u.t");
        QTest::newRow("uid a number") << QString::fromLatin1(jwt::base64UrlEncode("{\"uid\": 7, \"utid\": \"t\"}"))
                                      << QString();
        QTest::newRow("utid an object") << QString::fromLatin1(
                                               jwt::base64UrlEncode("{\"uid\": \"u\", \"utid\": {\"t\": 1}}"))
                                        << QString();
        QTest::newRow("not an object") << QString::fromLatin1(jwt::base64UrlEncode("[\"u\", \"t\"]")) << QString();
        QTest::newRow("bad base64") << QStringLiteral("eyJ1aWQiOiJ1Iiw*idXRpZCI6InQifQ") << QString();
        QTest::newRow("huge") << QString::fromLatin1(
                                     jwt::base64UrlEncode("{\"uid\": \"u\", \"utid\": \"t\", \"x\": \"" +
                                                          QByteArray(jwt::kMaxTokenChars, 'x') + "\"}"))
                              << QString();
    }

    void clientInfoNamesTheAccountOnlyWithStrings()
    {
        QFETCH(QString, info);
        QFETCH(QString, homeAccountId);
        QCOMPARE(homeAccountIdFromClientInfo(info), homeAccountId);
    }

    void aNumericSubjectIsNoHomeAccount()
    {
        // Without client_info the ID token's sub names the account; a number there names nothing.
        TokenGrantResult response;
        response.idToken = Secret(makeJwt({{"sub", 12345}, {"preferred_username", 6}}));
        response.accessToken = Secret(QStringLiteral("at"));
        response.expiresIn = 3600;
        MsalCache cache;
        TokenResponseContext context;
        context.environment = QStringLiteral("login.microsoftonline.com");
        context.clientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        context.realm = QStringLiteral("organizations");
        context.now = 1795422040;
        QCOMPARE(writeTokenResponse(cache, response, context), QString());
        QCOMPARE(cache.accessTokens().size(), 1);
        QCOMPARE(cache.accessTokens().first().homeAccountId, QString());
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "TestJwt.moc"
