// az's --query: what a user types against `account list` output gives what az would print.

#include "JmesPath.h"
#include "fakes/TestFiles.h"

#include <QTest>

using namespace tenantry;
using namespace tenantry::cli;

namespace {

Json query(const Json& data, const char* expression)
{
    const Result<JmesPath> path = JmesPath::compile(QString::fromUtf8(expression));
    if (!path)
        return Json("compile error: " + path.error().detail.toStdString());
    const Result<Json> result = path->search(data);
    if (!result)
        return Json("search error: " + result.error().detail.toStdString());
    return *result;
}

// Compared as text: Qt Test cannot print a Json, and the text is what az would show.
QString text(const Json& value)
{
    return QString::fromStdString(value.dump());
}

QString compileError(const QString& expression)
{
    const Result<JmesPath> path = JmesPath::compile(expression);
    return path ? QStringLiteral("compiled") : path.error().detail;
}

Json accounts()
{
    return json::parse(test::readFile(test::dataPath(QStringLiteral("azure-cli-2.45/account-list.json"))))
        .value.value();
}

} // namespace

class TestJmesPath : public QObject
{
    Q_OBJECT

private slots:
    void fieldsOfTheActiveSubscription()
    {
        const Json list = accounts();
        QCOMPARE(text(query(list, "[?isDefault].name | [0]")), text(Json("Northwind Sandbox")));
        QCOMPARE(text(query(list, "[?isDefault] | [0].user.name")), text(list[1]["user"]["name"]));
        QCOMPARE(text(query(list[0], "id")), text(list[0]["id"]));
        QCOMPARE(text(query(list[0], "missing")), text(Json()));
    }

    void projectionsAndMultiSelect()
    {
        const Json list = accounts();
        Json names = Json::array();
        for (const Json& subscription : list)
            names.push_back(subscription["name"]);
        QCOMPARE(text(query(list, "[].name")), text(names));
        QCOMPARE(text(query(list, "[*].name")), text(names));
        QCOMPARE(text(query(list, "length(@)")), text(Json(list.size())));
        const Json hash = query(list, "[0].{Name:name, Tenant:tenantId}");
        QCOMPARE(text(hash["Name"]), text(list[0]["name"]));
        QCOMPARE(hash.begin().key(), std::string("Name")); // the order the user wrote
        QCOMPARE(text(query(list, "[0].[name, state]")), text(Json::array({list[0]["name"], list[0]["state"]})));
    }

    void filtersComparisonsAndFunctions()
    {
        const Json data = Json::parse("{\"a\": [{\"n\": 1, \"s\": \"x\"}, {\"n\": 5, \"s\": \"yz\"}, {\"n\": 3}]}");
        QCOMPARE(text(query(data, "a[?n > `2`].n")), text(Json::array({5, 3})));
        QCOMPARE(text(query(data, "a[?s == 'x' || n == `3`].n")), text(Json::array({1, 3})));
        QCOMPARE(text(query(data, "a[?!s].n")), text(Json::array({3})));
        QCOMPARE(text(query(data, "sort_by(a, &n)[-1].n")), text(Json(5)));
        QCOMPARE(text(query(data, "max_by(a, &n).s")), text(Json("yz")));
        QCOMPARE(text(query(data, "a[].s | join(', ', @)")), text(Json("x, yz")));
        QCOMPARE(text(query(data, "a[?contains(s || '', 'y')].n")), text(Json::array({5})));
        QCOMPARE(text(query(data, "a[1:].n")), text(Json::array({5, 3})));
        QCOMPARE(text(query(data, "a[::-1].n")), text(Json::array({3, 5, 1})));
        QCOMPARE(text(query(data, "a[?s < 'y'].s")), text(Json::array({"x"}))); // strings order too, as in az
        QCOMPARE(text(query(data, "a[?n < 'x']")), text(Json("search error: cannot compare a number with a string")));
    }

    void errorsSayWhereAndWhat()
    {
        QCOMPARE(compileError(QStringLiteral("[?name=='x'")), QStringLiteral("incomplete expression at column 12"));
        QCOMPARE(compileError(QStringLiteral("a.]")), QStringLiteral("unexpected token at column 3"));
        QVERIFY(compileError(QStringLiteral("a = b")).contains(QLatin1String("'=='")));
        QCOMPARE(
            text(query(Json::array(), "length(`1`)")),
            text(Json(
                "search error: invalid type for length(): expected string, array or object, received \"number\"")));
        QCOMPARE(text(query(Json::array(), "nope(@)")), text(Json("search error: unknown function: nope()")));
    }

    void hugeNumbersSelectWhatPythonsUnboundedIntegersWould()
    {
        const Json data = Json::array({1, 2, 3});
        QCOMPARE(text(query(data, "[99999999999999999999]")), text(Json()));
        QCOMPARE(text(query(data, "[-99999999999999999999]")), text(Json()));
        QCOMPARE(text(query(data, "[-9223372036854775808]")), text(Json()));
        QCOMPARE(text(query(data, "[-99999999999999999999:99999999999999999999]")), text(data));
        QCOMPARE(text(query(data, "[::-9223372036854775808]")), text(Json::array({3})));
        QCOMPARE(text(query(data, "[::-99999999999999999999]")), text(Json::array({3})));
        QCOMPARE(text(query(data, "[1::9223372036854775807]")), text(Json::array({2})));
        QCOMPARE(text(query(data, "[-1:-99999999999999999999:-2]")), text(Json::array({3, 1})));
        QCOMPARE(text(query(data, "[::0]")), text(Json("search error: slice step cannot be zero")));
        QCOMPARE(text(query(data, "abs(`-9223372036854775808`)")), QStringLiteral("9223372036854775808"));
        QCOMPARE(text(query(data, "ceil(`1e300`)")), text(Json(1e300)));
        QCOMPARE(text(query(data, "sum(`[9223372036854775807, 9223372036854775807]`)")),
                 text(Json(18446744073709551614.0)));
        QCOMPARE(text(query(data, "reverse('Gr\u00fc\u00dfe')")), text(Json("e\u00df\u00fcrG")));
    }

    void deepOrHugeExpressionsAreRefused()
    {
        const auto repeated = [](const char* part, int times) {
            QString out;
            for (int i = 0; i < times; ++i)
                out += QLatin1String(part);
            return out;
        };
        QCOMPARE(compileError(repeated("(", 100000) + QLatin1Char('a') + repeated(")", 100000)),
                 QStringLiteral("expression longer than 10000 characters"));
        QCOMPARE(compileError(repeated("(", 300) + QLatin1Char('a') + repeated(")", 300)),
                 QStringLiteral("expression nested too deeply at column 257"));
        QCOMPARE(compileError(QLatin1Char('a') + repeated(".a", 4999)),
                 QStringLiteral("expression nested too deeply at column 512"));
        QCOMPARE(compileError(QLatin1Char('a') + repeated("|a", 4999)).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(QLatin1Char('a') + repeated("[0]", 3000)).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(repeated("!", 5000) + QLatin1Char('a')).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(repeated("abs(", 1000) + QLatin1Char('a') + repeated(")", 1000)).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(repeated("[?", 1000) + QLatin1Char('a') + repeated("]", 1000)).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(repeated("{a: ", 1000) + QLatin1Char('a') + repeated("}", 1000)).left(28),
                 QStringLiteral("expression nested too deeply"));
        QCOMPARE(compileError(QLatin1Char('`') + repeated("[", 600) + repeated("]", 600) + QLatin1Char('`')),
                 QStringLiteral("JSON literal nested too deeply at column 1"));
        // What real queries look like still compiles, 100 levels deep.
        QCOMPARE(compileError(repeated("(", 100) + QLatin1Char('a') + repeated(")", 100)), QStringLiteral("compiled"));
        QCOMPARE(compileError(QLatin1Char('a') + repeated(".a", 99)), QStringLiteral("compiled"));
    }

    void deepDataIsAnErrorNotACrash()
    {
        Json deep = Json::array();
        Json* innermost = &deep;
        for (int i = 0; i < 100000; ++i)
            innermost = &innermost->emplace_back(Json::array());
        QCOMPARE(text(query(deep, "@")), text(Json("search error: the data is nested more than 512 levels deep")));
        QCOMPARE(text(query(deep, "[0][0][0]")),
                 text(Json("search error: the data is nested more than 512 levels deep")));

        Json allowed = Json::array();
        innermost = &allowed;
        for (int i = 1; i < 512; ++i)
            innermost = &innermost->emplace_back(Json::array());
        QCOMPARE(text(query(allowed, "length(@)")), text(Json(1)));
    }
};

QTEST_GUILESS_MAIN(TestJmesPath)
#include "TestJmesPath.moc"
