#include "JmesPathEvaluator.h"

#include <algorithm>

namespace tenantry::cli::jmespath {

std::string typeName(const Json& value)
{
    if (value.is_number())
        return "number";
    if (value.is_string())
        return "string";
    if (value.is_boolean())
        return "boolean";
    if (value.is_array())
        return "array";
    if (value.is_object())
        return "object";
    return "null";
}

namespace {

bool isTruthy(const Json& value)
{
    if (value.is_null())
        return false;
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_string() || value.is_array() || value.is_object())
        return !value.empty();
    return true;
}

Json sliceOf(const Json& array, const Node& node)
{
    const auto length = static_cast<long long>(array.size());
    const long long step = node.slice[2].value_or(1);
    if (step == 0)
        throw EvalError("slice step cannot be zero"); // as Python's ValueError says
    // A step longer than the array takes one element whatever its size; clamped, i + stride cannot overflow.
    const long long stride = std::clamp(step, -(length + 1), length + 1);
    // Python's slice.indices(): clamp into the array, counting negative positions from its end.
    const auto bound = [&](const std::optional<long long>& given, long long fallback) {
        if (!given)
            return fallback;
        long long at = *given < 0 ? *given + length : *given;
        if (step > 0)
            return std::clamp(at, 0LL, length);
        return std::clamp(at, -1LL, length - 1);
    };
    const long long start = bound(node.slice[0], step > 0 ? 0 : length - 1);
    const long long stop = bound(node.slice[1], step > 0 ? length : -1);
    Json result = Json::array();
    for (long long i = start; step > 0 ? i < stop : i > stop; i += stride)
        result.push_back(array[static_cast<size_t>(i)]);
    return result;
}

} // namespace

Json Evaluator::eval(const Node& node, const Json& value) const
{
    const auto child = [&](size_t i, const Json& on) { return eval(*node.children[i], on); };
    switch (node.kind) {
    case Node::Kind::Identity:
        return value;
    case Node::Kind::Field:
        if (value.is_object()) {
            const auto it = value.find(node.name);
            if (it != value.end())
                return *it;
        }
        return nullptr;
    case Node::Kind::Literal:
        return node.value;
    case Node::Kind::Subexpression:
    case Node::Kind::IndexExpression:
    case Node::Kind::Pipe:
        return child(1, child(0, value));
    case Node::Kind::Index: {
        if (!value.is_array())
            return nullptr;
        const auto length = static_cast<long long>(value.size());
        const long long at = node.index < 0 ? node.index + length : node.index;
        return at >= 0 && at < length ? value[static_cast<size_t>(at)] : Json();
    }
    case Node::Kind::Slice:
        return value.is_array() ? sliceOf(value, node) : Json();
    case Node::Kind::Projection:
    case Node::Kind::ValueProjection:
    case Node::Kind::FilterProjection: {
        const Json base = child(0, value);
        const bool overValues = node.kind == Node::Kind::ValueProjection;
        if (overValues ? !base.is_object() : !base.is_array())
            return nullptr;
        Json result = Json::array();
        for (const Json& element : base) {
            if (node.kind == Node::Kind::FilterProjection && !isTruthy(child(2, element)))
                continue;
            Json projected = child(1, element);
            if (!projected.is_null())
                result.push_back(std::move(projected));
        }
        return result;
    }
    case Node::Kind::Flatten: {
        const Json base = child(0, value);
        if (!base.is_array())
            return nullptr;
        Json result = Json::array();
        for (const Json& element : base) {
            if (element.is_array())
                result.insert(result.end(), element.begin(), element.end());
            else
                result.push_back(element);
        }
        return result;
    }
    case Node::Kind::Comparator:
        return compare(node.op, child(0, value), child(1, value));
    case Node::Kind::Or: {
        Json left = child(0, value);
        return isTruthy(left) ? left : child(1, value);
    }
    case Node::Kind::And: {
        Json left = child(0, value);
        return isTruthy(left) ? child(1, value) : left;
    }
    case Node::Kind::Not:
        return !isTruthy(child(0, value));
    case Node::Kind::MultiSelectList: {
        if (value.is_null())
            return nullptr;
        Json result = Json::array();
        for (size_t i = 0; i < node.children.size(); ++i)
            result.push_back(child(i, value));
        return result;
    }
    case Node::Kind::MultiSelectHash: {
        if (value.is_null())
            return nullptr;
        Json result = Json::object();
        for (size_t i = 0; i < node.children.size(); ++i)
            result[node.keys[i]] = child(i, value);
        return result;
    }
    case Node::Kind::Function:
        return call(node, value);
    case Node::Kind::ExpRef:
        throw EvalError("an expression reference (&) is only allowed as a function argument");
    }
    return nullptr;
}

Json Evaluator::compare(Tok op, const Json& left, const Json& right)
{
    if (op == Tok::Eq)
        return left == right;
    if (op == Tok::Ne)
        return left != right;
    // Ordering: numbers with numbers, strings with strings (jmespath.py, as az runs it); a number
    // against a string is an error there too; anything else is null.
    if (left.is_string() && right.is_string())
        return ordered(op, left.get_ref<const std::string&>().compare(right.get_ref<const std::string&>()));
    const bool leftNumber = left.is_number();
    const bool rightNumber = right.is_number();
    if (leftNumber && rightNumber) {
        const double a = left.get<double>();
        const double b = right.get<double>();
        return ordered(op, a < b ? -1 : (a > b ? 1 : 0));
    }
    if ((leftNumber && right.is_string()) || (left.is_string() && rightNumber))
        throw EvalError("cannot compare a number with a string");
    return nullptr;
}

bool Evaluator::ordered(Tok op, int comparison)
{
    switch (op) {
    case Tok::Lt:
        return comparison < 0;
    case Tok::Le:
        return comparison <= 0;
    case Tok::Gt:
        return comparison > 0;
    default:
        return comparison >= 0;
    }
}

Json evaluate(const Node& root, const Json& data)
{
    return Evaluator().eval(root, data);
}

} // namespace tenantry::cli::jmespath
