#include "JmesPathSyntax.h"

#include <limits>

namespace tenantry::cli::jmespath {

namespace {

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

} // namespace

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

} // namespace tenantry::cli::jmespath
