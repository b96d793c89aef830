#pragma once

#include "util/Json.h"

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

    // Parses `expression`; on failure returns an invalid JmesPath and sets *error (names the
    // position, e.g. "unexpected ']' at column 4"). Integers beyond 64 bits saturate, as an index or
    // slice bound that large means the same to an array either way.
    static JmesPath compile(const QString& expression, QString* error);

    JmesPath();
    ~JmesPath();
    JmesPath(JmesPath&&) noexcept;
    JmesPath& operator=(JmesPath&&) noexcept;

    bool isValid() const { return m_root != nullptr; }

    // Applies the expression. A type error in a function call (e.g. length(`1`)) is an error, as in
    // jmespath.py; everything else evaluates to a value (null where nothing matches). Data nested
    // deeper than kMaxDataNesting is an error.
    bool search(const Json& data, Json* result, QString* error) const;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace tenantry::cli
