// The one HTTP request parser (core/http/HttpRequestParser) with the loopback listener's limits and
// with the test identity provider's, and the form decoding both read queries and bodies with.

#include "auth/LoopbackRedirectListener.h"
#include "http/FormFields.h"
#include "http/HttpRequestParser.h"

#include <QtTest>

using namespace tenantry;

namespace {

using Status = HttpRequestParser::Status;

// What the test identity provider's server takes: bodies of token requests, big browser headers.
constexpr HttpRequestParser::Limits kServerLimits{64 * 1024, 64 * 1024, 128, 8 * 1024 * 1024};

HttpRequestParser::Result parse(const QByteArray& bytes)
{
    return HttpRequestParser::parse(bytes, kServerLimits);
}

HttpRequestParser::Result parseAsListener(const QByteArray& bytes)
{
    return HttpRequestParser::parse(bytes, LoopbackRedirectListener::kRequestLimits);
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void readsRequestWithBody()
    {
        const QByteArray bytes = "POST /org/oauth2/v2.0/token?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: "
                                 "application/x-www-form-urlencoded\r\nContent-Length: 27\r\n\r\n"
                                 "a=b+c&scope=x%2F%2F.default&next";
        const auto result = parse(bytes);
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.consumed, bytes.size() - 5);
        QCOMPARE(result.request.method, QByteArray("POST"));
        QCOMPARE(result.request.path, QStringLiteral("/org/oauth2/v2.0/token"));
        QCOMPARE(result.request.rawQuery, QByteArray("x=1"));
        QCOMPARE(result.request.header("CONTENT-length"), QByteArray("27"));
        const FormFields fields = result.request.form();
        QCOMPARE(fields.value(QStringLiteral("a")), QStringLiteral("b c"));
        QCOMPARE(fields.value(QStringLiteral("scope")), QStringLiteral("x//.default"));
    }

    void waitsForMoreBytes()
    {
        const QByteArray bytes = "GET /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
        for (int i = 0; i < bytes.size(); ++i)
            QCOMPARE(parse(bytes.left(i)).status, Status::Incomplete);
        QCOMPARE(parse(bytes).status, Status::Complete);
        const QByteArray expecting = "POST /a HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
        QVERIFY(parse(expecting).expectsContinue);
    }

    void refusesGarbage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("tls-client-hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02garbage", 10) << 400;
        QTest::newRow("no-version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("http-2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505;
        QTest::newRow("missing-host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two-hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 501;
        QTest::newRow("bad-length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two-lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n  2\r\n\r\n") << 400;
        QTest::newRow("space-before-colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("control-char") << QByteArray("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n") << 400;
        QTest::newRow("relative-target") << QByteArray("GET foo HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("blank-lines") << QByteArray("\r\n\r\n") << 400;
        QTest::newRow("huge-body") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999\r\n\r\n")
                                   << 413;
        QTest::newRow("huge-headers") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(70000, 'x')) << 431;
    }

    void refusesGarbage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const auto result = parse(bytes);
        QCOMPARE(result.status, Status::BadRequest);
        QCOMPARE(result.errorStatus, status);
    }

    // With the loopback listener's limits (16 KiB, 8 KiB lines, 64 headers, no body): junk and binary
    // refused as soon as seen, before any end of headers arrives.
    void listenerLimits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status"); // 0: incomplete
        QTest::newRow("partial") << QByteArray("GET /?code=c HTTP/1.1\r\nHost: local") << 0;
        QTest::newRow("nothing") << QByteArray() << 0;
        QTest::newRow("tls") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
        QTest::newRow("nul-in-line") << QByteArray("GET /\0 HTTP/1.1", 15) << 400;
        QTest::newRow("escape-in-target") << QByteArray("GET /\x1b]52;c;AAAA\x07 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("control-in-header")
            << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\nX-Bad: \x01\r\nX-More: still coming") << 400;
        QTest::newRow("no-colon") << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n") << 400;
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\n folded: line\r\n") << 400;
        QTest::newRow("double-space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("body") << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx") << 413;
        QTest::newRow("long-line") << QByteArray("GET /" + QByteArray(9000, 'a')) << 431;
        QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 70; ++i)
            manyHeaders += "X-H: v\r\n";
        QTest::newRow("many-headers") << manyHeaders << 431;
        QByteArray long_ = "GET / HTTP/1.1\r\n";
        while (long_.size() <= LoopbackRedirectListener::kRequestLimits.maxHeaderBytes)
            long_ += "X-Header: " + QByteArray(4000, 'v') + "\r\n";
        QTest::newRow("many-bytes") << long_ << 431;
        QByteArray longPartialHeader = "GET / HTTP/1.1\r\nX-Header: " + QByteArray(8200, 'v');
        QTest::newRow("long-partial-header") << longPartialHeader << 431;
    }

    void listenerLimits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const auto result = parseAsListener(bytes);
        QCOMPARE(result.status, status == 0 ? Status::Incomplete : Status::BadRequest);
        QCOMPARE(result.errorStatus, status);
    }

    void listenerTakesABrowsersRedirect()
    {
        const auto result = parseAsListener("GET /?code=c&state=s HTTP/1.1\r\nHost: localhost\r\n"
                                            "User-Agent: Mozilla/5.0\t(X11)\r\n\r\n");
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.request.path, QStringLiteral("/"));
        QCOMPARE(result.request.rawQuery, QByteArray("code=c&state=s"));
        QVERIFY(result.request.hasOriginFormTarget());
        QCOMPARE(result.request.header("user-agent"), QByteArray("Mozilla/5.0\t(X11)"));
        // Parsed, but not origin-form: the listener refuses these.
        QVERIFY(!parseAsListener("GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n").request.hasOriginFormTarget());
        QVERIFY(
            !parseAsListener("GET //evil.example/?code=c HTTP/1.1\r\nHost: a\r\n\r\n").request.hasOriginFormTarget());
    }

    void formFieldsDecodePlusAsSpace()
    {
        const FormFields fields = FormFields::parse("error_description=AADSTS65004%3A+User+declined&plus=a%2Bb&"
                                                    "pct=a%20b&utf8=%C3%BC&empty=&bare&x=1&x=2");
        QCOMPARE(fields.value(QStringLiteral("error_description")), QStringLiteral("AADSTS65004: User declined"));
        QCOMPARE(fields.value(QStringLiteral("plus")), QStringLiteral("a+b"));
        QCOMPARE(fields.value(QStringLiteral("pct")), QStringLiteral("a b"));
        QCOMPARE(fields.value(QStringLiteral("utf8")), QStringLiteral("ü"));
        QVERIFY(fields.contains(QStringLiteral("empty")) && fields.contains(QStringLiteral("bare")));
        QCOMPARE(fields.values(QStringLiteral("x")), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(fields.count(QStringLiteral("x")), 2);
    }

    void formFieldsRoundTrip()
    {
        FormFields fields;
        fields.add(QStringLiteral("state"), QStringLiteral("a&b=c+d e/ü"));
        QCOMPARE(fields.toEncoded(), QByteArray("state=a%26b%3Dc%2Bd+e%2F%C3%BC"));
        QCOMPARE(fields.toEncoded(FormFields::Spaces::Percent20), QByteArray("state=a%26b%3Dc%2Bd%20e%2F%C3%BC"));
        for (const auto spaces : {FormFields::Spaces::Plus, FormFields::Spaces::Percent20})
            QCOMPARE(FormFields::parse(fields.toEncoded(spaces)).value(QStringLiteral("state")),
                     QStringLiteral("a&b=c+d e/ü"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "TestHttpRequestParser.moc"
