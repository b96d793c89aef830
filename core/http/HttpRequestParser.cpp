#include "http/HttpRequestParser.h"

namespace tenantry {

namespace {

constexpr QByteArrayView kCrlf = "\r\n";
constexpr QByteArrayView kHeaderEnd = "\r\n\r\n";

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").indexOf(c) >= 0;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values: visible ASCII, obs-text (bytes >= 0x80), space and tab; no other control characters.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

// Could these bytes (a request line not yet terminated) still become a request line?
bool canBeRequestLinePrefix(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    for (const char c : line) {
        if (c != ' ' && !isTargetChar(c))
            return false;
    }
    const qsizetype space = line.indexOf(' ');
    return line.isEmpty() || isToken(space < 0 ? line : line.first(space));
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text.at(begin) == ' ' || text.at(begin) == '\t'))
        ++begin;
    while (end > begin && (text.at(end - 1) == ' ' || text.at(end - 1) == '\t'))
        --end;
    return text.sliced(begin, end - begin);
}

HttpRequestParser::Result bad(int status, const QString& why)
{
    HttpRequestParser::Result result;
    result.status = HttpRequestParser::Status::BadRequest;
    result.errorStatus = status;
    result.error = why;
    return result;
}

bool splitTarget(const QByteArray& target, const QByteArray& method, HttpRequest* request)
{
    if (target.contains('#'))
        return false;
    QByteArray pathAndQuery;
    if (target.startsWith('/')) {
        pathAndQuery = target;
    } else if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form (a client talking to a proxy): skip scheme and authority
        const qsizetype authority = target.indexOf("//") + 2;
        const qsizetype slash = target.indexOf('/', authority);
        const qsizetype question = target.indexOf('?', authority);
        if (slash < 0 || (question >= 0 && question < slash))
            pathAndQuery = '/' + (question >= 0 ? target.mid(question) : QByteArray());
        else
            pathAndQuery = target.mid(slash);
    } else if (target == "*" && method == "OPTIONS") {
        request->path = QStringLiteral("*");
        return true;
    } else {
        return false;
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    const QByteArray rawPath = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    request->rawQuery = question < 0 ? QByteArray() : pathAndQuery.mid(question + 1);
    // A path is not form-encoded: '+' stays.
    request->path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    return !request->path.contains(QChar(u'\0'));
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    QByteArray joined;
    bool found = false;
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            joined += ", ";
        joined += header.second;
        found = true;
    }
    return joined;
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

FormFields HttpRequest::form() const
{
    const QByteArray type = header("content-type").toLower();
    if (!type.startsWith("application/x-www-form-urlencoded"))
        return {};
    return FormFields::parse(body);
}

bool HttpRequest::keepAlive() const
{
    const QList<QByteArray> tokens = header("connection").toLower().split(',');
    auto has = [&tokens](QByteArrayView token) {
        for (const QByteArray& t : tokens) {
            if (t.trimmed() == token)
                return true;
        }
        return false;
    };
    if (version == "HTTP/1.0")
        return has("keep-alive");
    return !has("close");
}

HttpRequestParser::Result HttpRequestParser::parse(QByteArrayView data, const Limits& limits)
{
    // One empty line before a request line is ignored (RFC 9112 §2.2); more is junk.
    const qsizetype start = data.startsWith(kCrlf) ? kCrlf.size() : 0;
    const QByteArrayView head = data.sliced(start);

    const qsizetype lineEnd = head.indexOf(kCrlf);
    if (lineEnd < 0) {
        if (head.size() > limits.maxLineBytes)
            return bad(431, QStringLiteral("request line too long"));
        if (!canBeRequestLinePrefix(head))
            return bad(400, QStringLiteral("not an HTTP request line"));
        return {};
    }
    if (lineEnd > limits.maxLineBytes)
        return bad(431, QStringLiteral("request line too long"));

    const QList<QByteArray> parts = head.first(lineEnd).toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty())
        return bad(400, QStringLiteral("malformed request line"));
    for (const char c : parts.at(1)) {
        if (!isTargetChar(c))
            return bad(400, QStringLiteral("invalid character in request target"));
    }
    const QByteArray& version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.';
        return bad(looksLikeHttp ? 505 : 400, QStringLiteral("unsupported HTTP version"));
    }

    HttpRequest request;
    request.method = parts.at(0);
    request.target = parts.at(1);
    request.version = version;
    if (!splitTarget(request.target, request.method, &request))
        return bad(400, QStringLiteral("malformed request target"));

    const qsizetype headerEnd = head.indexOf(kHeaderEnd, lineEnd);
    const qsizetype headerBlockEnd = headerEnd < 0 ? head.size() : headerEnd + kHeaderEnd.size();
    if (headerBlockEnd > limits.maxHeaderBytes)
        return bad(431, QStringLiteral("request headers too large"));

    // The header lines complete so far, so junk is refused before the end of the headers.
    const qsizetype linesEnd = headerEnd < 0 ? head.lastIndexOf(kCrlf) : headerEnd;
    qsizetype pos = lineEnd + kCrlf.size();
    while (pos < linesEnd) {
        qsizetype end = head.indexOf(kCrlf, pos);
        if (end < 0 || end > linesEnd)
            end = linesEnd;
        const QByteArrayView line = head.sliced(pos, end - pos);
        pos = end + kCrlf.size();
        if (line.size() > limits.maxLineBytes || request.headers.size() >= limits.maxHeaderLines)
            return bad(431, QStringLiteral("request headers too large"));
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(400, QStringLiteral("obsolete header line folding"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return bad(400, QStringLiteral("malformed header line"));
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return bad(400, QStringLiteral("invalid character in header value"));
        request.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    }
    if (headerEnd < 0) {
        if (head.size() - (linesEnd + kCrlf.size()) > limits.maxLineBytes)
            return bad(431, QStringLiteral("request headers too large"));
        return {};
    }

    if (request.hasHeader("transfer-encoding"))
        return bad(501, QStringLiteral("Transfer-Encoding is not supported"));
    int hosts = 0;
    for (const auto& header : request.headers)
        hosts += header.first == "host" ? 1 : 0;
    if (hosts > 1 || (hosts == 0 && request.version == "HTTP/1.1"))
        return bad(400, QStringLiteral("missing or repeated Host header"));

    qint64 contentLength = 0;
    bool haveLength = false;
    for (const auto& header : request.headers) {
        if (header.first != "content-length")
            continue;
        const QByteArray& text = header.second;
        if (text.isEmpty() || text.size() > 18)
            return bad(400, QStringLiteral("invalid Content-Length"));
        for (const char c : text) {
            if (c < '0' || c > '9')
                return bad(400, QStringLiteral("invalid Content-Length"));
        }
        const qint64 length = text.toLongLong();
        if (haveLength && length != contentLength)
            return bad(400, QStringLiteral("conflicting Content-Length headers"));
        contentLength = length;
        haveLength = true;
    }
    if (contentLength > limits.maxBodyBytes)
        return bad(413, QStringLiteral("request body too large"));

    if (head.size() - headerBlockEnd < contentLength) {
        Result incomplete;
        incomplete.expectsContinue = request.header("expect").toLower() == "100-continue";
        return incomplete;
    }
    request.body = head.sliced(headerBlockEnd, contentLength).toByteArray();

    Result result;
    result.status = Status::Complete;
    result.request = std::move(request);
    result.consumed = start + headerBlockEnd + contentLength;
    return result;
}

} // namespace tenantry
