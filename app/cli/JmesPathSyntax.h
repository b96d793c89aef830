#pragma once

#include "JmesPath.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// What lies between JmesPath::compile() and search(): the tokens, the tree, and the errors the stages
// throw (JmesPath.cpp catches them; none leaves it). A Pratt parser with jmespath.py's binding powers,
// so that precedence and projection rules (where a projection stops, how `a[*].b | c` groups) come out
// the same as in az's own --query.

namespace tenantry::cli {

namespace jmespath {

enum class Tok {
    End,
    Identifier,
    QuotedIdentifier,
    Number,
    Literal,
    Dot,
    Star,
    Flatten,
    Filter,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Current,
    ExpRef,
    Pipe,
    Or,
    And,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
};

struct Token
{
    Tok type = Tok::End;
    std::string text; // identifiers
    Json value;       // literals
    long long number = 0;
    int column = 0;
};

struct SyntaxError : std::runtime_error
{
    SyntaxError(const std::string& what, int at)
        : std::runtime_error(what)
        , column(at)
    {}
    int column;
};

struct EvalError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

} // namespace jmespath

struct JmesPath::Node
{
    enum class Kind {
        Identity,
        Field,
        Literal,
        Subexpression,
        IndexExpression,
        Index,
        Slice,
        Projection,
        ValueProjection,
        FilterProjection,
        Flatten,
        Comparator,
        Or,
        And,
        Not,
        MultiSelectList,
        MultiSelectHash,
        Pipe,
        Function,
        ExpRef,
    };
    Kind kind = Kind::Identity;
    std::string name; // field, function
    Json value;       // literal
    jmespath::Tok op = jmespath::Tok::End;
    long long index = 0;
    std::optional<long long> slice[3];
    std::vector<std::shared_ptr<Node>> children;
    std::vector<std::string> keys; // multi-select hash
    int depth = 1;                 // of the tree below and including this node: evaluation recurses that deep
};

namespace jmespath {

using Node = JmesPath::Node;
using NodePtr = std::shared_ptr<Node>;

// Whether `root` holds arrays or objects more than `limit` deep. Iterative, so that measuring
// hostile data cannot itself exhaust the stack.
bool nestedDeeperThan(const Json& root, int limit);

// The expression's tokens, ending with Tok::End; throws SyntaxError.
std::vector<Token> tokenize(const std::string& in);

// The tree, its depth bounded by JmesPath::kMaxExpressionNesting; throws SyntaxError.
NodePtr parse(std::vector<Token> tokens);

// The expression applied to `data`; throws EvalError (and nlohmann's exceptions, std::bad_alloc).
Json evaluate(const Node& root, const Json& data);

} // namespace jmespath

} // namespace tenantry::cli
