#include "JmesPathEvaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>

// The specification's built-in functions, with jmespath.py's type errors.

namespace tenantry::cli::jmespath {

// A whole number as an integer where 64 bits hold it (Python prints 3, not 3.0); beyond, the double.
Json Evaluator::integralIfItFits(double whole)
{
    constexpr double kTwoTo63 = 9223372036854775808.0;
    if (whole >= -kTwoTo63 && whole < kTwoTo63)
        return static_cast<long long>(whole);
    return whole;
}

void Evaluator::typeError(const std::string& function, const Json& got, const std::string& expected)
{
    throw EvalError("invalid type for " + function + "(): expected " + expected + ", received \"" + typeName(got) +
                    "\"");
}

void Evaluator::requireArity(const Node& call, size_t count)
{
    if (call.children.size() != count)
        throw EvalError(call.name + "() takes " + std::to_string(count) + " argument(s) but received " +
                        std::to_string(call.children.size()));
}

bool Evaluator::allOf(const Json& array, bool (Json::*test)() const noexcept)
{
    return std::all_of(array.begin(), array.end(), [test](const Json& item) { return (item.*test)(); });
}

// Sortable: all numbers or all strings (the spec's rule for sort, max, min and the *_by keys).
void Evaluator::requireSortable(const std::string& function, const Json& array)
{
    if (!array.is_array())
        typeError(function, array, "array");
    if (!allOf(array, &Json::is_number) && !allOf(array, &Json::is_string))
        throw EvalError(function + "() needs an array of only numbers or only strings");
}

const Node& Evaluator::expressionArgument(const Node& call, size_t i) const
{
    const Node& argument = *call.children[i];
    if (argument.kind != Node::Kind::ExpRef)
        throw EvalError(call.name + "() expects an expression reference (&expr) as argument " + std::to_string(i + 1));
    return *argument.children[0];
}

// The keys expression applied to each element, checked to be all numbers or all strings.
Json Evaluator::keysOf(const Node& call, const Json& array, const Node& keyExpression) const
{
    Json keys = Json::array();
    for (const Json& element : array)
        keys.push_back(eval(keyExpression, element));
    requireSortable(call.name, keys);
    return keys;
}

Json Evaluator::call(const Node& node, const Json& value) const
{
    const std::string& name = node.name;
    const auto arg = [&](size_t i) { return eval(*node.children[i], value); };
    const auto arrayArg = [&](size_t i) {
        Json a = arg(i);
        if (!a.is_array())
            typeError(name, a, "array");
        return a;
    };
    const auto stringArg = [&](size_t i) {
        Json s = arg(i);
        if (!s.is_string())
            typeError(name, s, "string");
        return s.get<std::string>();
    };
    const auto numberArg = [&](size_t i) {
        Json n = arg(i);
        if (!n.is_number())
            typeError(name, n, "number");
        return n;
    };

    if (name == "length") {
        requireArity(node, 1);
        const Json subject = arg(0);
        if (subject.is_string()) {
            const std::string& text = subject.get_ref<const std::string&>();
            return std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
        }
        if (!subject.is_array() && !subject.is_object())
            typeError(name, subject, "string, array or object");
        return subject.size();
    }
    if (name == "contains") {
        requireArity(node, 2);
        const Json subject = arg(0);
        const Json search = arg(1);
        if (subject.is_string())
            return search.is_string() && subject.get_ref<const std::string&>().find(
                                             search.get_ref<const std::string&>()) != std::string::npos;
        if (!subject.is_array())
            typeError(name, subject, "array or string");
        return std::find(subject.begin(), subject.end(), search) != subject.end();
    }
    if (name == "starts_with" || name == "ends_with") {
        requireArity(node, 2);
        const std::string subject = stringArg(0);
        const std::string affix = stringArg(1);
        if (affix.size() > subject.size())
            return false;
        return name == "starts_with" ? subject.compare(0, affix.size(), affix) == 0
                                     : subject.compare(subject.size() - affix.size(), affix.size(), affix) == 0;
    }
    if (name == "keys" || name == "values") {
        requireArity(node, 1);
        const Json object = arg(0);
        if (!object.is_object())
            typeError(name, object, "object");
        Json result = Json::array();
        for (auto it = object.begin(); it != object.end(); ++it)
            result.push_back(name == "keys" ? Json(it.key()) : it.value());
        return result;
    }
    if (name == "join") {
        requireArity(node, 2);
        const std::string glue = stringArg(0);
        const Json parts = arrayArg(1);
        if (!allOf(parts, &Json::is_string))
            throw EvalError("join() needs an array of strings");
        std::string joined;
        for (size_t i = 0; i < parts.size(); ++i)
            joined += (i ? glue : std::string()) + parts[i].get<std::string>();
        return joined;
    }
    if (name == "type") {
        requireArity(node, 1);
        return typeName(arg(0));
    }
    if (name == "not_null") {
        if (node.children.empty())
            throw EvalError("not_null() takes at least 1 argument");
        for (size_t i = 0; i < node.children.size(); ++i) {
            Json candidate = arg(i);
            if (!candidate.is_null())
                return candidate;
        }
        return nullptr;
    }
    if (name == "to_string") {
        requireArity(node, 1);
        const Json subject = arg(0);
        return subject.is_string() ? subject : Json(subject.dump(-1, ' ', true, Json::error_handler_t::replace));
    }
    if (name == "to_number") {
        requireArity(node, 1);
        const Json subject = arg(0);
        if (subject.is_number())
            return subject;
        if (subject.is_string()) {
            const Json parsed = Json::parse(subject.get<std::string>(), nullptr, false);
            if (!parsed.is_discarded() && parsed.is_number())
                return parsed;
        }
        return nullptr;
    }
    if (name == "to_array") {
        requireArity(node, 1);
        const Json subject = arg(0);
        return subject.is_array() ? subject : Json::array({subject});
    }
    if (name == "reverse") {
        requireArity(node, 1);
        const Json subject = arg(0);
        if (subject.is_string()) { // by code point, as Python does: reversed bytes would not be UTF-8
            std::u32string text = QString::fromStdString(subject.get<std::string>()).toStdU32String();
            std::reverse(text.begin(), text.end());
            return QString::fromStdU32String(text).toStdString();
        }
        if (!subject.is_array())
            typeError(name, subject, "array or string");
        return Json(Json::array_t(subject.rbegin(), subject.rend()));
    }
    if (name == "abs" || name == "ceil" || name == "floor") {
        requireArity(node, 1);
        const Json n = numberArg(0);
        if (n.is_number_integer()) {
            if (name != "abs" || n.is_number_unsigned() || n.get<std::int64_t>() >= 0)
                return n;
            // Unsigned, so that abs(-2^63) is 2^63 as in Python rather than an overflow.
            return Json(0ULL - static_cast<std::uint64_t>(n.get<std::int64_t>()));
        }
        const double d = n.get<double>();
        if (name == "abs")
            return std::fabs(d);
        return integralIfItFits(name == "ceil" ? std::ceil(d) : std::floor(d));
    }
    if (name == "sum" || name == "avg") {
        requireArity(node, 1);
        const Json numbers = arrayArg(0);
        if (!allOf(numbers, &Json::is_number))
            throw EvalError(name + "() needs an array of numbers");
        if (name == "avg" && numbers.empty())
            return nullptr;
        double total = 0;
        bool integral = true;
        for (const Json& n : numbers) {
            total += n.get<double>();
            integral = integral && n.is_number_integer();
        }
        if (name == "avg")
            return total / static_cast<double>(numbers.size());
        return integral ? integralIfItFits(total) : Json(total);
    }
    if (name == "sort" || name == "max" || name == "min") {
        requireArity(node, 1);
        Json array = arg(0);
        requireSortable(name, array);
        if (name == "sort") {
            std::stable_sort(array.begin(), array.end());
            return array;
        }
        if (array.empty())
            return nullptr;
        return name == "max" ? *std::max_element(array.begin(), array.end())
                             : *std::min_element(array.begin(), array.end());
    }
    if (name == "sort_by" || name == "max_by" || name == "min_by") {
        requireArity(node, 2);
        const Json array = arrayArg(0);
        const Json keys = keysOf(node, array, expressionArgument(node, 1));
        std::vector<size_t> order(array.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const auto byKey = [&](size_t a, size_t b) { return keys[a] < keys[b]; };
        if (name == "sort_by") {
            std::stable_sort(order.begin(), order.end(), byKey);
            Json sorted = Json::array();
            for (size_t i : order)
                sorted.push_back(array[i]);
            return sorted;
        }
        if (array.empty())
            return nullptr;
        return array[name == "max_by" ? *std::max_element(order.begin(), order.end(), byKey)
                                      : *std::min_element(order.begin(), order.end(), byKey)];
    }
    if (name == "map") {
        requireArity(node, 2);
        const Node& mapped = expressionArgument(node, 0);
        const Json array = arrayArg(1);
        Json result = Json::array();
        for (const Json& element : array)
            result.push_back(eval(mapped, element));
        return result;
    }
    if (name == "merge") {
        Json merged = Json::object();
        for (size_t i = 0; i < node.children.size(); ++i) {
            const Json object = arg(i);
            if (!object.is_object())
                typeError(name, object, "object");
            for (auto it = object.begin(); it != object.end(); ++it)
                merged[it.key()] = it.value();
        }
        return merged;
    }
    throw EvalError("unknown function: " + name + "()");
}

} // namespace tenantry::cli::jmespath
