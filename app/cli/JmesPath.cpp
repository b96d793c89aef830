#include "JmesPath.h"

#include "JmesPathSyntax.h"

namespace tenantry::cli {

using namespace jmespath;

JmesPath::JmesPath(std::shared_ptr<const Node> root)
    : m_root(std::move(root))
{}

JmesPath::~JmesPath() = default;
JmesPath::JmesPath(JmesPath&&) noexcept = default;
JmesPath& JmesPath::operator=(JmesPath&&) noexcept = default;

Result<JmesPath> JmesPath::compile(const QString& expression)
{
    if (expression.size() > kMaxExpressionLength)
        return failure(Error::Code::InvalidArgument,
                       QStringLiteral("expression longer than %1 characters").arg(kMaxExpressionLength));
    try {
        return JmesPath(parse(tokenize(expression.toStdString())));
    } catch (const SyntaxError& e) {
        return failure(Error::Code::InvalidArgument,
                       QStringLiteral("%1 at column %2").arg(QString::fromStdString(e.what())).arg(e.column));
    } catch (const std::bad_alloc&) {
        return failure(Error::Code::InvalidArgument, QStringLiteral("not enough memory to compile the expression"));
    }
}

Result<Json> JmesPath::search(const Json& data) const
{
    if (nestedDeeperThan(data, kMaxDataNesting))
        return failure(Error::Code::InvalidArgument,
                       QStringLiteral("the data is nested more than %1 levels deep").arg(kMaxDataNesting));
    try {
        return evaluate(*m_root, data);
    } catch (const EvalError& e) {
        return failure(Error::Code::InvalidArgument, QString::fromStdString(e.what()));
    } catch (const Json::exception& e) {
        return failure(Error::Code::InvalidArgument, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        return failure(Error::Code::InvalidArgument, QStringLiteral("not enough memory for the result"));
    }
}

} // namespace tenantry::cli
