#pragma once

#include "JmesPathSyntax.h"

namespace tenantry::cli::jmespath {

std::string typeName(const Json& value); // as jmespath.py names it in errors

// Walks the tree over the data; the built-in functions (call()) are in JmesPathFunctions.cpp.
class Evaluator
{
public:
    Json eval(const Node& node, const Json& value) const;

private:
    // A whole number as an integer where 64 bits hold it (Python prints 3, not 3.0); beyond, the double.
    static Json integralIfItFits(double whole);
    static Json compare(Tok op, const Json& left, const Json& right);
    static bool ordered(Tok op, int comparison);
    [[noreturn]] static void typeError(const std::string& function, const Json& got, const std::string& expected);
    static void requireArity(const Node& call, size_t count);
    static bool allOf(const Json& array, bool (Json::*test)() const noexcept);
    // Sortable: all numbers or all strings (the spec's rule for sort, max, min and the *_by keys).
    static void requireSortable(const std::string& function, const Json& array);
    const Node& expressionArgument(const Node& call, size_t i) const;
    // The keys expression applied to each element, checked to be all numbers or all strings.
    Json keysOf(const Node& call, const Json& array, const Node& keyExpression) const;
    Json call(const Node& node, const Json& value) const;
};

} // namespace tenantry::cli::jmespath
