// json::parse and the dump functions on hostile input: nothing throws, nothing recurses without bound.
#include "util/Json.h"

#include <QElapsedTimer>

#include <QtTest>
#include <functional>

using namespace tenantry;

namespace {

QByteArray nested(int depth, const QByteArray& inner = QByteArray())
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void deepNestingIsRefusedAtTheFirstExcess()
    {
        // A million levels: nlohmann builds it, then its recursive copy, compare or dump overflow the stack.
        const QByteArray deep = "{\"AccessToken\": {}, \"x\": " + nested(1000000) + "}";
        QElapsedTimer timer;
        timer.start();
        const json::ParseResult result = json::parse(deep);
        QVERIFY(!result.value);
        QCOMPARE(result.error, QStringLiteral("it nests arrays or objects more than 64 levels deep"));
        QVERIFY2(timer.elapsed() < 2000, "the parse stops at the first excess");

        // Objects count as arrays do; a BOM changes nothing.
        QByteArray objects;
        for (int i = 0; i < 65; ++i)
            objects += "{\"a\":";
        objects += "1" + QByteArray(65, '}');
        QVERIFY(!json::parse("\xEF\xBB\xBF" + objects).value);
    }

    void nestingUpToTheLimitIsFine()
    {
        const json::ParseResult result = json::parse(nested(json::kMaxNestingDepth, "1"));
        QVERIFY2(result.value, qPrintable(result.error));
        QVERIFY(!json::parse(nested(json::kMaxNestingDepth + 1, "1")).value);
    }

    void bracketsInStringsDoNotCount()
    {
        // Brackets, escaped quotes and backslashes inside strings are text, not nesting.
        const QByteArray text =
            "{\"a\": \"" + QByteArray(5000, '[') + "\\\"\\\\\", \"b\": [\"" + QByteArray(5000, '{') + "\"]}";
        const json::ParseResult result = json::parse(text);
        QVERIFY2(result.value, qPrintable(result.error));
        QCOMPARE((*result.value)["b"][0].get<std::string>().size(), size_t(5000));
        // An escaped quote does not end the string: what follows is still inside it.
        const QByteArray quoted = "[\"\\\"" + QByteArray(100, '[') + "\"]";
        QVERIFY(json::parse(quoted).value);
    }

    // The document is nlohmann's own: key order kept, a repeated key in its first place with its last
    // value, in small objects and in large ones (a cache section with thousands of entries) alike.
    void documentsAreNlohmannsIncludingRepeatedKeys()
    {
        QByteArray large = "{";
        for (int i = 0; i < 100; ++i)
            large += "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
        large += "\"k7\": \"again\", \"last\": [1, {\"b\": 2, \"a\": 1, \"b\": 3}, \"s\", 1.5, -2, null, true]}";
        for (const QByteArray& text : {QByteArray("{\"b\": 1, \"a\": {\"x\": []}, \"b\": 2}"), large}) {
            const json::ParseResult result = json::parse(text);
            QVERIFY2(result.value, qPrintable(result.error));
            const Json expected = Json::parse(text.constData(), text.constData() + text.size());
            QCOMPARE(result.value->dump(), expected.dump());
        }
        const Json parsed = *json::parse(large).value;
        QCOMPARE(parsed.size(), size_t(101));
        QCOMPARE(parsed["k7"], Json("again"));
        QCOMPARE(std::next(parsed.begin(), 7).key(), std::string("k7"));
    }

    void oversizedInputIsRefusedWithoutQuotingIt()
    {
        const QByteArray big = "[\"" + QByteArray(2000, 's') + "\"]";
        const json::ParseResult refused = json::parse(big, 1024);
        QVERIFY(!refused.value);
        QCOMPARE(refused.error, QStringLiteral("it is larger than 1 KiB"));
        QVERIFY(json::parse(big, big.size()).value);
        QCOMPARE(json::kMaxDocumentBytes, qsizetype(64) * 1024 * 1024);
    }

    void errorsNeverQuoteTheContent()
    {
        for (const QByteArray& bytes : {QByteArray("{\"secret\": \"sekrit-token"), nested(100, "\"sekrit-token\"")}) {
            const json::ParseResult result = json::parse(bytes);
            QVERIFY(!result.value);
            QVERIFY(!result.error.isEmpty());
            QVERIFY(!result.error.contains(QStringLiteral("sekrit")));
        }
    }

    void dumpsNeverThrowOnInvalidUtf8()
    {
        // nlohmann's dump throws type_error 316 on a string that is not UTF-8 unless told to replace it.
        Json value = Json::object();
        value[std::string("k\xFF")] = std::string("caf\xC3\x28 \xED\xA0\x80");
        value["list"] = Json::array({std::string("\xC0\xAF")});
        QCOMPARE(json::dumpIndented4(value),
                 QByteArray("{\n    \"k\\ufffd\": \"caf\\ufffd( \\ufffd\\ufffd\\ufffd\",\n    \"list\": [\n"
                            "        \"\\ufffd\\ufffd\"\n    ]\n}"));
        const QByteArray compact =
            "{\"k\\ufffd\": \"caf\\ufffd( \\ufffd\\ufffd\\ufffd\", \"list\": [\"\\ufffd\\ufffd\"]}";
        QCOMPARE(json::dumpPythonCompact(value), compact);
        QCOMPARE(json::dumpAzOutput(value), QByteArray("{\n  \"k\xEF\xBF\xBD\": \"caf\xEF\xBF\xBD( "
                                                       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\",\n  \"list\": [\n"
                                                       "    \"\xEF\xBF\xBD\xEF\xBF\xBD\"\n  ]\n}\n"));
    }

    void secondsAreBoundedAndNeverOverflow_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: nullopt
        QTest::newRow("integer") << QByteArray("1795425640") << qint64(1795425640);
        QTest::newRow("string") << QByteArray("\" 1795425640 \"") << qint64(1795425640);
        QTest::newRow("float") << QByteArray("3599.9") << qint64(3599);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("year 9999") << QByteArray("253402300799") << json::kMaxSeconds;
        QTest::newRow("past year 9999") << QByteArray("253402300800") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("negative string") << QByteArray("\"-9223372036854775808\"") << qint64(-1);
        QTest::newRow("huge unsigned") << QByteArray("18446744073709551615") << qint64(-1);
        QTest::newRow("huge string") << QByteArray("\"99999999999999999999\"") << qint64(-1);
        QTest::newRow("huge float") << QByteArray("1e300") << qint64(-1);
        QTest::newRow("negative float") << QByteArray("-1e300") << qint64(-1);
        QTest::newRow("float string") << QByteArray("\"12.5\"") << qint64(-1);
        QTest::newRow("object") << QByteArray("{\"s\": 1}") << qint64(-1);
        QTest::newRow("list") << QByteArray("[1]") << qint64(-1);
        QTest::newRow("bool") << QByteArray("true") << qint64(-1);
        QTest::newRow("null") << QByteArray("null") << qint64(-1);
    }

    void secondsAreBoundedAndNeverOverflow()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        const json::ParseResult parsed = json::parse(value);
        QVERIFY(parsed.value);
        const std::optional<qint64> secs = json::toSeconds(*parsed.value);
        QCOMPARE(secs.value_or(-1), expected);
    }

    void textOfNumbers()
    {
        QCOMPARE(json::toQString(Json(18446744073709551615ULL)), QStringLiteral("18446744073709551615"));
        QCOMPARE(json::toQString(Json(-42)), QStringLiteral("-42"));
        QCOMPARE(json::toQString(Json(1.5)), QString());
        QCOMPARE(json::toQString(Json::object()), QString());
    }

    void objectReaderMarksWrongTypes()
    {
        const Json entry =
            *json::parse("{\"s\": \"text\", \"n\": null, \"i\": 5, \"t\": \"17\", \"b\": true, \"o\": {}, \"a\": []}")
                 .value;
        json::ObjectReader good(entry);
        QCOMPARE(good.text("s"), QStringLiteral("text"));
        QCOMPARE(good.text("n", /*nullable=*/true), QString());
        QCOMPARE(good.text("absent"), QString());
        QCOMPARE(good.seconds("t"), qint64(17));
        QCOMPARE(good.seconds("i"), qint64(5));
        QVERIFY(good.flag("b"));
        QVERIFY(!good.flag("n"));
        QVERIFY(good.object("o"));
        QVERIFY(good.array("a"));
        QVERIFY(!good.object("n"));
        QVERIFY(good.ok());

        for (auto read : std::initializer_list<std::function<void(json::ObjectReader&)>>{
                 [](json::ObjectReader& r) { r.text("i"); }, [](json::ObjectReader& r) { r.text("n"); },
                 [](json::ObjectReader& r) { r.seconds("o"); }, [](json::ObjectReader& r) { r.flag("s"); },
                 [](json::ObjectReader& r) { r.object("a"); }, [](json::ObjectReader& r) { r.array("o"); }}) {
            json::ObjectReader reader(entry);
            read(reader);
            QVERIFY(!reader.ok());
        }
        for (const Json& notAnObject : {Json(), Json(42), Json("text"), Json::array()}) {
            json::ObjectReader reader(notAnObject);
            QCOMPARE(reader.text("s"), QString());
            QVERIFY(!reader.ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
