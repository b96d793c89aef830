#pragma once

#include "util/Json.h"
#include "util/Result.h"

#include <QString>

#include <memory>

namespace tenantry::cli {

// A JMESPath expression (https://jmespath.org/specification.html), as az's --query takes it:
// fields, sub-expressions, indexes and slices, projections ([*], *, []), filters ([?a=='x']),
// comparisons, && || !, multi-select lists and hashes, pipes, literals and the spec's built-in
// functions. Compiled once, applied to any JSON value.
class JmesPath
{
public:
    struct Node;

    // Bounds that keep an absurd or hostile expression, or data, from exhausting the stack: az's
    // jmespath (Python) gives up at about 330 nested parentheses; real queries stay far below these.
    static constexpr int kMaxExpressionLength = 10000; // characters
    static constexpr int kMaxExpressionNesting = 256;  // nested parentheses, brackets, calls, a.b.c... chains
    static constexpr int kMaxDataNesting = 512;        // arrays and objects in the data and in `literals`

    // Parses `expression`; a syntax error is an InvalidArgument error whose detail names the
    // position (e.g. "unexpected token at column 3"). Integers beyond 64 bits saturate, as an index
    // or slice bound that large means the same to an array either way.
    static Result<JmesPath> compile(const QString& expression);

    ~JmesPath();
    JmesPath(JmesPath&&) noexcept;
    JmesPath& operator=(JmesPath&&) noexcept;

    // Applies the expression. A type error in a function call (e.g. length(`1`)) is an
    // InvalidArgument error, as in jmespath.py; everything else evaluates to a value (null where
    // nothing matches). Data nested deeper than kMaxDataNesting is an error.
    Result<Json> search(const Json& data) const;

private:
    explicit JmesPath(std::shared_ptr<const Node> root);

    std::shared_ptr<const Node> m_root; // never null
};

} // namespace tenantry::cli
