#include "JmesPath.h"

#include "JmesPathSyntax.h"

namespace tenantry::cli {

using namespace jmespath;

JmesPath::JmesPath() = default;
JmesPath::~JmesPath() = default;
JmesPath::JmesPath(JmesPath&&) noexcept = default;
JmesPath& JmesPath::operator=(JmesPath&&) noexcept = default;

JmesPath JmesPath::compile(const QString& expression, QString* error)
{
    JmesPath compiled;
    if (expression.size() > kMaxExpressionLength) {
        if (error)
            *error = QStringLiteral("expression longer than %1 characters").arg(kMaxExpressionLength);
        return compiled;
    }
    try {
        compiled.m_root = parse(tokenize(expression.toStdString()));
    } catch (const SyntaxError& e) {
        if (error)
            *error = QStringLiteral("%1 at column %2").arg(QString::fromStdString(e.what())).arg(e.column);
    } catch (const std::bad_alloc&) {
        if (error)
            *error = QStringLiteral("not enough memory to compile the expression");
    }
    return compiled;
}

bool JmesPath::search(const Json& data, Json* result, QString* error) const
{
    if (!m_root)
        return false;
    if (nestedDeeperThan(data, kMaxDataNesting)) {
        if (error)
            *error = QStringLiteral("the data is nested more than %1 levels deep").arg(kMaxDataNesting);
        return false;
    }
    try {
        *result = evaluate(*m_root, data);
        return true;
    } catch (const EvalError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
    } catch (const Json::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        if (error)
            *error = QStringLiteral("not enough memory for the result");
    }
    return false;
}

} // namespace tenantry::cli
