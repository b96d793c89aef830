// --query must mean what it means to az: every expression here is run through Tenantry's JmesPath
// and through the jmespath Python package az itself uses (Debian's python3-jmespath), on the same data.

#include "JmesPath.h"
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"

#include <QFileInfo>
#include <QTest>

using namespace tenantry;
using namespace tenantry::cli;
using namespace tenantry::test;

namespace {

const char* const kExpressions[] = {
    // What az users type.
    "[?isDefault].id | [0]",
    "[?isDefault] | [0].name",
    "[].name",
    "[*].{Name:name, Id:id, Tenant:tenantId}",
    "[?state=='Enabled'].name",
    "[?tenantId=='00000000-0000-0000-0000-000000000000']",
    "[0].user.name",
    "[].user.type",
    "length(@)",
    "[?contains(name, 'Sandbox')].id",
    "sort_by(@, &name)[].name",
    "[?starts_with(name, 'North')] | length(@)",
    "[-1].name",
    "[0:2].name",
    "[::2].name",
    "[::-1].id",
    "[].[name, isDefault]",
    "[?!isDefault].name",
    "[?isDefault && state=='Enabled'].name",
    "[?isDefault || name=='AW Shared Services'].name",
    "max_by(@, &name).name",
    "min_by(@, &name).name",
    "[].tenantId | sort(@)",
    "[].tenantId | sort(@) | [0]",
    "join(', ', [].name)",
    "[].name | reverse(@)",
    "[0] | keys(@)",
    "[0].user | values(@)",
    "[0].homeTenantId",
    "[0].\"homeTenantId\"",
    "[0].managedByTenants",
    "[].managedByTenants[]",
    "[].managedByTenants[].tenantId",
    "[0].tenantDefaultDomain || 'none'",
    "map(&name, @)",
    "[].name | [?length(@) > `15`]",
    "to_string([0].isDefault)",
    "type([0])",
    "type([0].id)",
    "not_null([0].missing, [0].id)",
    "[0].{a: id, b: missing}",
    "[0].[id, missing]",
    "[?missing]",
    "[?missing == null].name",
    "[?isDefault == `true`].name",
    "[?isDefault != `true`].name",
    "*",
    "[*]",
    "[]",
    "[][]",
    "[0].*",
    "[0].user.*",
    "@",
    "`[1, 2, 3]`[1]",
    "'raw'",
    "`\"json\"`",
    "[0].id == [0].id",
    "`1` < `2`",
    "`\"a\"` < `\"b\"`",
    "sum(`[1, 2.5, 3]`)",
    "avg(`[1, 2, 3]`)",
    "abs(`-3`)",
    "ceil(`1.2`)",
    "floor(`1.8`)",
    "to_number('42')",
    "to_number('x')",
    "to_array(`1`)",
    "merge(`{\"a\": 1}`, `{\"b\": 2}`)",
    "ends_with('account', 'count')",
    "contains(`[1, 2]`, `2`)",
    "length('Grüße')",
    "`{\"a\": {\"b\": [1, [2, 3]]}}`.a.b[]",
    "`[[1, 2], 3, [4]]`[]",
    "`[{\"a\": 1}, {\"b\": 2}]`[*].a",
    "`{\"x\": {\"y\": 1}, \"z\": {\"y\": 2}}`.*.y",
    "`[0, 1, 2, 3, 4, 5]`[1:5:2]",
    "`[0, 1, 2, 3, 4, 5]`[-2:]",
    "`[0, 1, 2, 3, 4, 5]`[5:0:-2]",
    "`[0, 1, 2]`[10:]",
    "a.b.c",
    "[0].user.name.first",
    "[0][0]",
    "`null`",
    "`false` || `0`",
    "`[]` && 'x'",
    "!`[]`",
    "(`1`)",
    "[?isDefault].name | [0] | length(@)",
    // Numbers beyond 64 bits (Python's integers have no bound).
    "[99999999999999999999]",
    "[-99999999999999999999]",
    "[::-9223372036854775808]",
    "[::-99999999999999999999].name",
    "[1::9223372036854775807].name",
    "[-99999999999999999999:99999999999999999999].name",
    "abs(`-9223372036854775808`)",
    "reverse('Grüße')",
    // Errors: both must refuse these.
    "[?name=='x'",
    "a.]",
    "a = b",
    "length(`1`)",
    "nope(@)",
    "sort(`[1, \"a\"]`)",
    "[0:1:0]",
    "foo[",
    "{a: b",
    "length()",
    "&name",
    "`1` < 'a'",
    "[::0]",
};

const char* const kPython = "import json, sys, jmespath\n"
                            "request = json.load(sys.stdin)\n"
                            "answers = []\n"
                            "for expression in request['expressions']:\n"
                            "    try:\n"
                            "        result = jmespath.search(expression, request['data'])\n"
                            "        json.dumps(result)  # an expression reference (&x) is no value\n"
                            "        answers.append({'ok': result})\n"
                            "    except Exception as e:\n"
                            "        answers.append({'error': type(e).__name__})\n"
                            "json.dump(answers, sys.stdout)\n";

} // namespace

class TestJmesPathMatchesAz : public QObject
{
    Q_OBJECT

private slots:
    void sameResultsAsAzsJmespath()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/lib/python3/dist-packages/jmespath/__init__.py")))
            QSKIP("python3-jmespath (a dependency of Debian's azure-cli) is not installed");
        const Json data =
            json::parse(readFile(dataPath(QStringLiteral("azure-cli-2.45/account-list.json")))).value.value();
        Json request = {{"data", data}, {"expressions", Json::array()}};
        for (const char* expression : kExpressions)
            request["expressions"].push_back(expression);

        const ProcessResult python =
            runProcess(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(kPython)},
                       QProcessEnvironment::systemEnvironment(), 60000, QByteArray::fromStdString(request.dump()));
        QVERIFY2(python.exitCode == 0, python.err.constData());
        const Json answers = json::parse(python.out).value.value();
        QCOMPARE(answers.size(), std::size(kExpressions));

        int errors = 0;
        for (size_t i = 0; i < answers.size(); ++i) {
            const QString expression = QString::fromUtf8(kExpressions[i]);
            const Result<JmesPath> path = JmesPath::compile(expression);
            const Result<Json> searched = path.and_then([&data](const JmesPath& p) { return p.search(data); });
            const bool ok = searched.has_value();
            const Json ours = searched.value_or(Json());
            const QString error = ok ? QString() : searched.error().detail;
            const Json& theirs = answers[i];
            if (theirs.contains("error")) {
                ++errors;
                QVERIFY2(!ok,
                         qPrintable(expression + QStringLiteral(": az refuses it (") +
                                    QString::fromStdString(theirs["error"].get<std::string>()) +
                                    QStringLiteral(") but Tenantry gives ") + QString::fromStdString(ours.dump())));
                QVERIFY2(!error.isEmpty(), qPrintable(expression));
            } else {
                QVERIFY2(ok, qPrintable(expression + QStringLiteral(": ") + error));
                QVERIFY2(ours == theirs["ok"],
                         qPrintable(expression + QStringLiteral(": Tenantry ") + QString::fromStdString(ours.dump()) +
                                    QStringLiteral(", az ") + QString::fromStdString(theirs["ok"].dump())));
            }
        }
        QCOMPARE(errors, 13);
    }
};

QTEST_GUILESS_MAIN(TestJmesPathMatchesAz)
#include "TestJmesPathMatchesAz.moc"
