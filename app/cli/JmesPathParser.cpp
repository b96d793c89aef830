#include "JmesPathSyntax.h"

#include <algorithm>

namespace tenantry::cli::jmespath {

namespace {

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

} // namespace

NodePtr parse(std::vector<Token> tokens)
{
    return Parser(std::move(tokens)).parse();
}

} // namespace tenantry::cli::jmespath
