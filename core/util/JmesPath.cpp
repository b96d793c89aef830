#include "util/JmesPath.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

// A Pratt parser with jmespath.py's binding powers, so that precedence and projection rules (where
// a projection stops, how `a[*].b | c` groups) come out the same as in az's own --query.

namespace tenantry {

namespace {

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

int bindingPower(Tok type)
{
    switch (type) {
    case Tok::Pipe:
        return 1;
    case Tok::Or:
        return 2;
    case Tok::And:
        return 3;
    case Tok::Eq:
    case Tok::Ne:
    case Tok::Lt:
    case Tok::Le:
    case Tok::Gt:
    case Tok::Ge:
        return 5;
    case Tok::Flatten:
        return 9;
    case Tok::Star:
        return 20;
    case Tok::Filter:
        return 21;
    case Tok::Dot:
        return 40;
    case Tok::Not:
        return 45;
    case Tok::LBrace:
        return 50;
    case Tok::LBracket:
        return 55;
    case Tok::LParen:
        return 60;
    default:
        return 0;
    }
}

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

// Python's integers have no bound; an index or slice bound beyond 64 bits selects what the largest
// 64-bit one does (nothing, or everything up to the array's end), so saturating keeps az's results.
long long saturatingInteger(const std::string& in, size_t begin, size_t end)
{
    const bool negative = in[begin] == '-';
    const unsigned long long limit = negative
                                         ? 0ULL - static_cast<unsigned long long>(std::numeric_limits<long long>::min())
                                         : static_cast<unsigned long long>(std::numeric_limits<long long>::max());
    unsigned long long magnitude = 0;
    for (size_t i = negative ? begin + 1 : begin; i < end; ++i) {
        const auto digit = static_cast<unsigned long long>(in[i] - '0');
        if (magnitude > (limit - digit) / 10) {
            magnitude = limit;
            break;
        }
        magnitude = magnitude * 10 + digit;
    }
    if (!negative)
        return static_cast<long long>(magnitude);
    return magnitude == limit ? std::numeric_limits<long long>::min() : -static_cast<long long>(magnitude);
}

// Whether `root` holds arrays or objects more than `limit` deep. Iterative, so that measuring
// hostile data cannot itself exhaust the stack.
bool nestedDeeperThan(const Json& root, int limit)
{
    std::vector<std::pair<const Json*, int>> pending{{&root, 1}};
    while (!pending.empty()) {
        const auto [value, depth] = pending.back();
        pending.pop_back();
        if (!value->is_structured())
            continue;
        if (depth > limit)
            return true;
        for (const Json& child : *value)
            pending.emplace_back(&child, depth + 1);
    }
    return false;
}

// Reads a delimited run ('raw', `literal`, "quoted"), unescaping only the delimiter where the
// grammar says so; returns the text between the delimiters.
std::string readDelimited(const std::string& in, size_t& i, char delimiter, bool unescapeDelimiter, int column)
{
    std::string out;
    ++i; // opening delimiter
    while (i < in.size() && in[i] != delimiter) {
        if (in[i] == '\\' && i + 1 < in.size()) {
            if (unescapeDelimiter && in[i + 1] == delimiter) {
                out += delimiter;
                i += 2;
                continue;
            }
            out += in[i++]; // kept: a JSON string or literal unescapes it later
        }
        out += in[i++];
    }
    if (i >= in.size())
        throw SyntaxError(std::string("unterminated ") + delimiter, column);
    ++i; // closing delimiter
    return out;
}

std::vector<Token> tokenize(const std::string& in)
{
    std::vector<Token> tokens;
    size_t i = 0;
    const auto add = [&](Tok type, size_t length) {
        Token token;
        token.type = type;
        token.column = static_cast<int>(i) + 1;
        tokens.push_back(token);
        i += length;
    };
    const auto next = [&](char c) { return i + 1 < in.size() && in[i + 1] == c; };
    while (i < in.size()) {
        const char c = in[i];
        const int column = static_cast<int>(i) + 1;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (c == '.') {
            add(Tok::Dot, 1);
        } else if (c == '*') {
            add(Tok::Star, 1);
        } else if (c == ']') {
            add(Tok::RBracket, 1);
        } else if (c == '{') {
            add(Tok::LBrace, 1);
        } else if (c == '}') {
            add(Tok::RBrace, 1);
        } else if (c == '(') {
            add(Tok::LParen, 1);
        } else if (c == ')') {
            add(Tok::RParen, 1);
        } else if (c == ',') {
            add(Tok::Comma, 1);
        } else if (c == ':') {
            add(Tok::Colon, 1);
        } else if (c == '@') {
            add(Tok::Current, 1);
        } else if (c == '[') {
            if (next(']'))
                add(Tok::Flatten, 2);
            else if (next('?'))
                add(Tok::Filter, 2);
            else
                add(Tok::LBracket, 1);
        } else if (c == '|') {
            next('|') ? add(Tok::Or, 2) : add(Tok::Pipe, 1);
        } else if (c == '&') {
            next('&') ? add(Tok::And, 2) : add(Tok::ExpRef, 1);
        } else if (c == '!') {
            next('=') ? add(Tok::Ne, 2) : add(Tok::Not, 1);
        } else if (c == '=') {
            if (!next('='))
                throw SyntaxError("'=' is not an operator, use '=='", column);
            add(Tok::Eq, 2);
        } else if (c == '<') {
            next('=') ? add(Tok::Le, 2) : add(Tok::Lt, 1);
        } else if (c == '>') {
            next('=') ? add(Tok::Ge, 2) : add(Tok::Gt, 1);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t end = i + 1;
            while (end < in.size() && in[end] >= '0' && in[end] <= '9')
                ++end;
            if (c == '-' && end == i + 1)
                throw SyntaxError("'-' must be followed by a number", column);
            Token token;
            token.type = Tok::Number;
            token.column = column;
            token.number = saturatingInteger(in, i, end);
            tokens.push_back(token);
            i = end;
        } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            size_t end = i + 1;
            while (end < in.size() && (in[end] == '_' || (in[end] >= 'a' && in[end] <= 'z') ||
                                       (in[end] >= 'A' && in[end] <= 'Z') || (in[end] >= '0' && in[end] <= '9')))
                ++end;
            Token token;
            token.type = Tok::Identifier;
            token.column = column;
            token.text = in.substr(i, end - i);
            tokens.push_back(token);
            i = end;
        } else if (c == '"') {
            const std::string body = readDelimited(in, i, '"', false, column);
            Token token;
            token.type = Tok::QuotedIdentifier;
            token.column = column;
            const Json parsed = Json::parse("\"" + body + "\"", nullptr, false);
            if (parsed.is_discarded())
                throw SyntaxError("invalid quoted identifier", column);
            token.text = parsed.get<std::string>();
            tokens.push_back(token);
        } else if (c == '\'') {
            Token token;
            token.type = Tok::Literal;
            token.column = column;
            token.value = readDelimited(in, i, '\'', true, column);
            tokens.push_back(token);
        } else if (c == '`') {
            const std::string body = readDelimited(in, i, '`', true, column);
            Token token;
            token.type = Tok::Literal;
            token.column = column;
            token.value = Json::parse(body, nullptr, false);
            if (token.value.is_discarded())
                throw SyntaxError("invalid JSON literal `" + body + "`", column);
            if (nestedDeeperThan(token.value, JmesPath::kMaxDataNesting))
                throw SyntaxError("JSON literal nested too deeply", column);
            tokens.push_back(token);
        } else {
            throw SyntaxError(std::string("unknown character '") + c + "'", column);
        }
    }
    Token end;
    end.column = static_cast<int>(in.size()) + 1;
    tokens.push_back(end);
    return tokens;
}

} // namespace

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
    Tok op = Tok::End;
    long long index = 0;
    std::optional<long long> slice[3];
    std::vector<std::shared_ptr<Node>> children;
    std::vector<std::string> keys; // multi-select hash
    int depth = 1;                 // of the tree below and including this node: evaluation recurses that deep
};

namespace {

using Node = JmesPath::Node;
using NodePtr = std::shared_ptr<Node>;

NodePtr makeNode(Node::Kind kind, std::vector<NodePtr> children = {})
{
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->children = std::move(children);
    for (const NodePtr& child : node->children)
        node->depth = std::max(node->depth, child->depth + 1);
    return node;
}

void addChild(Node& parent, NodePtr child)
{
    parent.depth = std::max(parent.depth, child->depth + 1);
    parent.children.push_back(std::move(child));
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    NodePtr parse()
    {
        NodePtr root = expression(0);
        if (current().type != Tok::End)
            unexpected();
        return root;
    }

private:
    const Token& current() const { return m_tokens[m_pos]; }
    const Token& peek(size_t n) const { return m_tokens[std::min(m_pos + n, m_tokens.size() - 1)]; }
    void advance()
    {
        if (m_pos + 1 < m_tokens.size())
            ++m_pos;
    }
    void match(Tok type)
    {
        if (current().type != type)
            unexpected();
        advance();
    }
    [[noreturn]] void unexpected() const
    {
        if (current().type == Tok::End)
            throw SyntaxError("incomplete expression", current().column);
        throw SyntaxError("unexpected token", current().column);
    }

    // Every nesting of the grammar passes through here, so this is where the parser's recursion and
    // the tree's depth (the evaluator's recursion) are bounded.
    NodePtr expression(int power)
    {
        const Token left = current();
        if (++m_nesting > JmesPath::kMaxExpressionNesting)
            throw SyntaxError("expression nested too deeply", left.column);
        advance();
        NodePtr node = boundedDepth(nud(left), left);
        while (power < bindingPower(current().type)) {
            const Token token = current();
            advance();
            node = boundedDepth(led(token, node), token);
        }
        --m_nesting;
        return node;
    }

    static NodePtr boundedDepth(NodePtr node, const Token& at)
    {
        if (node->depth > JmesPath::kMaxExpressionNesting)
            throw SyntaxError("expression nested too deeply", at.column);
        return node;
    }

    NodePtr nud(const Token& token)
    {
        switch (token.type) {
        case Tok::Literal: {
            NodePtr node = makeNode(Node::Kind::Literal);
            node->value = token.value;
            return node;
        }
        case Tok::Identifier:
        case Tok::QuotedIdentifier: {
            NodePtr node = makeNode(Node::Kind::Field);
            node->name = token.text;
            return node;
        }
        case Tok::Star:
            return makeNode(Node::Kind::ValueProjection,
                            {makeNode(Node::Kind::Identity), projectionRhs(bindingPower(Tok::Star))});
        case Tok::Filter:
            return filter(makeNode(Node::Kind::Identity));
        case Tok::LBrace:
            return multiSelectHash();
        case Tok::LParen: {
            NodePtr inner = expression(0);
            match(Tok::RParen);
            return inner;
        }
        case Tok::Flatten:
            return makeNode(Node::Kind::Projection, {makeNode(Node::Kind::Flatten, {makeNode(Node::Kind::Identity)}),
                                                     projectionRhs(bindingPower(Tok::Flatten))});
        case Tok::Not:
            return makeNode(Node::Kind::Not, {expression(bindingPower(Tok::Not))});
        case Tok::LBracket:
            if (current().type == Tok::Number || current().type == Tok::Colon)
                return projectIfSlice(makeNode(Node::Kind::Identity), indexExpression());
            if (current().type == Tok::Star && peek(1).type == Tok::RBracket) {
                advance();
                advance();
                return makeNode(Node::Kind::Projection,
                                {makeNode(Node::Kind::Identity), projectionRhs(bindingPower(Tok::Star))});
            }
            return multiSelectList();
        case Tok::Current:
            return makeNode(Node::Kind::Identity);
        case Tok::ExpRef:
            return makeNode(Node::Kind::ExpRef, {expression(bindingPower(Tok::ExpRef))});
        case Tok::End:
            throw SyntaxError("incomplete expression", token.column);
        default:
            throw SyntaxError("unexpected token", token.column);
        }
    }

    NodePtr led(const Token& token, const NodePtr& left)
    {
        switch (token.type) {
        case Tok::Dot:
            if (current().type != Tok::Star)
                return makeNode(Node::Kind::Subexpression, {left, dotRhs(bindingPower(Tok::Dot))});
            advance();
            return makeNode(Node::Kind::ValueProjection, {left, projectionRhs(bindingPower(Tok::Dot))});
        case Tok::Pipe:
            return makeNode(Node::Kind::Pipe, {left, expression(bindingPower(Tok::Pipe))});
        case Tok::Or:
            return makeNode(Node::Kind::Or, {left, expression(bindingPower(Tok::Or))});
        case Tok::And:
            return makeNode(Node::Kind::And, {left, expression(bindingPower(Tok::And))});
        case Tok::LParen: {
            if (left->kind != Node::Kind::Field)
                throw SyntaxError("only a function name can be called", token.column);
            NodePtr call = makeNode(Node::Kind::Function);
            call->name = left->name;
            while (current().type != Tok::RParen) {
                addChild(*call, expression(0));
                if (current().type == Tok::Comma)
                    match(Tok::Comma);
            }
            match(Tok::RParen);
            return call;
        }
        case Tok::Filter:
            return filter(left);
        case Tok::Eq:
        case Tok::Ne:
        case Tok::Lt:
        case Tok::Le:
        case Tok::Gt:
        case Tok::Ge: {
            NodePtr node = makeNode(Node::Kind::Comparator, {left, expression(bindingPower(token.type))});
            node->op = token.type;
            return node;
        }
        case Tok::Flatten:
            return makeNode(Node::Kind::Projection,
                            {makeNode(Node::Kind::Flatten, {left}), projectionRhs(bindingPower(Tok::Flatten))});
        case Tok::LBracket:
            if (current().type == Tok::Number || current().type == Tok::Colon)
                return projectIfSlice(left, indexExpression());
            match(Tok::Star);
            match(Tok::RBracket);
            return makeNode(Node::Kind::Projection, {left, projectionRhs(bindingPower(Tok::Star))});
        default:
            throw SyntaxError("unexpected token", token.column);
        }
    }

    // After "[?": condition, "]", then what the filtered projection applies to each match.
    NodePtr filter(const NodePtr& left)
    {
        NodePtr condition = expression(0);
        match(Tok::RBracket);
        NodePtr right =
            current().type == Tok::Flatten ? makeNode(Node::Kind::Identity) : projectionRhs(bindingPower(Tok::Filter));
        return makeNode(Node::Kind::FilterProjection, {left, right, condition});
    }

    NodePtr indexExpression()
    {
        if (current().type == Tok::Colon || peek(1).type == Tok::Colon)
            return sliceExpression();
        NodePtr node = makeNode(Node::Kind::Index);
        node->index = current().number;
        advance();
        match(Tok::RBracket);
        return node;
    }

    NodePtr sliceExpression()
    {
        NodePtr node = makeNode(Node::Kind::Slice);
        int part = 0;
        while (current().type != Tok::RBracket && part < 3) {
            if (current().type == Tok::Colon) {
                if (++part == 3)
                    unexpected();
                advance();
            } else if (current().type == Tok::Number) {
                node->slice[part] = current().number;
                advance();
            } else {
                unexpected();
            }
        }
        match(Tok::RBracket);
        return node;
    }

    NodePtr projectIfSlice(const NodePtr& left, const NodePtr& index)
    {
        NodePtr expression = makeNode(Node::Kind::IndexExpression, {left, index});
        if (index->kind != Node::Kind::Slice)
            return expression;
        return makeNode(Node::Kind::Projection, {expression, projectionRhs(bindingPower(Tok::Star))});
    }

    // What follows a projection: nothing (it ends there), [..], [?..] or .rhs.
    NodePtr projectionRhs(int power)
    {
        if (bindingPower(current().type) < 10)
            return makeNode(Node::Kind::Identity);
        if (current().type == Tok::LBracket || current().type == Tok::Filter)
            return expression(power);
        if (current().type == Tok::Dot) {
            advance();
            return dotRhs(power);
        }
        unexpected();
    }

    NodePtr dotRhs(int power)
    {
        switch (current().type) {
        case Tok::Identifier:
        case Tok::QuotedIdentifier:
        case Tok::Star:
            return expression(power);
        case Tok::LBracket:
            advance();
            return multiSelectList();
        case Tok::LBrace:
            advance();
            return multiSelectHash();
        default:
            unexpected();
        }
    }

    NodePtr multiSelectList()
    {
        NodePtr node = makeNode(Node::Kind::MultiSelectList);
        for (;;) {
            addChild(*node, expression(0));
            if (current().type == Tok::RBracket)
                break;
            match(Tok::Comma);
        }
        match(Tok::RBracket);
        return node;
    }

    NodePtr multiSelectHash()
    {
        NodePtr node = makeNode(Node::Kind::MultiSelectHash);
        for (;;) {
            if (current().type != Tok::Identifier && current().type != Tok::QuotedIdentifier)
                unexpected();
            node->keys.push_back(current().text);
            advance();
            match(Tok::Colon);
            addChild(*node, expression(0));
            if (current().type == Tok::RBrace) {
                advance();
                break;
            }
            match(Tok::Comma);
        }
        return node;
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_nesting = 0;
};

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

class Evaluator
{
public:
    Json eval(const Node& node, const Json& value) const
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

private:
    // A whole number as an integer where 64 bits hold it (Python prints 3, not 3.0); beyond, the double.
    static Json integralIfItFits(double whole)
    {
        constexpr double kTwoTo63 = 9223372036854775808.0;
        if (whole >= -kTwoTo63 && whole < kTwoTo63)
            return static_cast<long long>(whole);
        return whole;
    }

    static Json compare(Tok op, const Json& left, const Json& right)
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

    static bool ordered(Tok op, int comparison)
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

    [[noreturn]] static void typeError(const std::string& function, const Json& got, const std::string& expected)
    {
        throw EvalError("invalid type for " + function + "(): expected " + expected + ", received \"" + typeName(got) +
                        "\"");
    }

    static void requireArity(const Node& call, size_t count)
    {
        if (call.children.size() != count)
            throw EvalError(call.name + "() takes " + std::to_string(count) + " argument(s) but received " +
                            std::to_string(call.children.size()));
    }

    static bool allOf(const Json& array, bool (Json::*test)() const noexcept)
    {
        return std::all_of(array.begin(), array.end(), [test](const Json& item) { return (item.*test)(); });
    }

    // Sortable: all numbers or all strings (the spec's rule for sort, max, min and the *_by keys).
    static void requireSortable(const std::string& function, const Json& array)
    {
        if (!array.is_array())
            typeError(function, array, "array");
        if (!allOf(array, &Json::is_number) && !allOf(array, &Json::is_string))
            throw EvalError(function + "() needs an array of only numbers or only strings");
    }

    const Node& expressionArgument(const Node& call, size_t i) const
    {
        const Node& argument = *call.children[i];
        if (argument.kind != Node::Kind::ExpRef)
            throw EvalError(call.name + "() expects an expression reference (&expr) as argument " +
                            std::to_string(i + 1));
        return *argument.children[0];
    }

    // The keys expression applied to each element, checked to be all numbers or all strings.
    Json keysOf(const Node& call, const Json& array, const Node& keyExpression) const
    {
        Json keys = Json::array();
        for (const Json& element : array)
            keys.push_back(eval(keyExpression, element));
        requireSortable(call.name, keys);
        return keys;
    }

    Json call(const Node& node, const Json& value) const
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
};

} // namespace

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
        Parser parser(tokenize(expression.toStdString()));
        compiled.m_root = parser.parse();
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
        *result = Evaluator().eval(*m_root, data);
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

} // namespace tenantry
