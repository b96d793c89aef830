#include "fakes/HttpRequestParser.h"

#include <QUrl>

namespace tenantry::test {

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

// Could these bytes (a request line not yet terminated) still become a request line? Lets garbage,
// such as a TLS ClientHello sent to a plain-text port, be refused without waiting for more.
bool canBeRequestLinePrefix(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    for (const char c : line) {
        if (c != ' ' && !isTargetChar(c))
            return false;
    }
    const qsizetype space = line.indexOf(' ');
    return isToken(space < 0 ? line : line.first(space)) || line.isEmpty();
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

QString decodeComponent(QByteArrayView encoded, bool plusIsSpace)
{
    QByteArray bytes = encoded.toByteArray();
    if (plusIsSpace)
        bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

bool splitTarget(const QByteArray& target, const QByteArray& method, HttpRequest* request)
{
    if (target.contains('#'))
        return false;
    QByteArray pathAndQuery;
    if (target.startsWith('/')) {
        pathAndQuery = target;
    } else if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: skip scheme and authority
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
    request->path = decodeComponent(rawPath, false);
    return !request->path.contains(QChar(u'\0'));
}

} // namespace

FormFields FormFields::parse(QByteArrayView encoded)
{
    FormFields fields;
    qsizetype start = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();
        const QByteArrayView pair = encoded.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype equals = pair.indexOf('=');
            const QByteArrayView key = equals < 0 ? pair : pair.first(equals);
            const QByteArrayView value = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
            fields.m_items.append({decodeComponent(key, true), decodeComponent(value, true)});
        }
        start = end + 1;
    }
    return fields;
}

bool FormFields::contains(const QString& key) const
{
    for (const auto& item : m_items) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString FormFields::value(const QString& key) const
{
    for (const auto& item : m_items) {
        if (item.first == key)
            return item.second;
    }
    return {};
}

QStringList FormFields::values(const QString& key) const
{
    QStringList result;
    for (const auto& item : m_items) {
        if (item.first == key)
            result.append(item.second);
    }
    return result;
}

QByteArray FormFields::toEncoded() const
{
    QByteArray out;
    for (const auto& item : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    return out;
}

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
    // Empty lines before a request line are ignored (RFC 9112 §2.2).
    qsizetype start = 0;
    while (data.sliced(start).startsWith(kCrlf))
        start += kCrlf.size();

    const qsizetype lineEnd = data.indexOf(kCrlf, start);
    if (lineEnd < 0) {
        const QByteArrayView partial = data.sliced(start);
        if (partial.size() > limits.maxHeaderBytes)
            return bad(431, QStringLiteral("request line too long"));
        if (!canBeRequestLinePrefix(partial))
            return bad(400, QStringLiteral("not an HTTP request line"));
        return {};
    }

    const QByteArrayView requestLine = data.sliced(start, lineEnd - start);
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
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

    const qsizetype headerEnd = data.indexOf(kHeaderEnd, lineEnd);
    const qsizetype headerBlockEnd = headerEnd < 0 ? -1 : headerEnd + kHeaderEnd.size();
    if (headerEnd < 0 && data.sliced(start).size() > limits.maxHeaderBytes)
        return bad(431, QStringLiteral("request headers too large"));
    if (headerEnd >= 0 && headerBlockEnd - start > limits.maxHeaderBytes)
        return bad(431, QStringLiteral("request headers too large"));

    // Check the complete header lines received so far, so garbage is refused early.
    HttpRequest request;
    request.method = parts.at(0);
    request.target = parts.at(1);
    request.version = version;
    if (!splitTarget(request.target, request.method, &request))
        return bad(400, QStringLiteral("malformed request target"));

    const qsizetype linesEnd = headerEnd < 0 ? data.lastIndexOf(kCrlf) : headerEnd;
    qsizetype pos = lineEnd + kCrlf.size();
    while (pos < linesEnd) {
        qsizetype end = data.indexOf(kCrlf, pos);
        if (end < 0 || end > linesEnd)
            end = linesEnd;
        const QByteArrayView line = data.sliced(pos, end - pos);
        pos = end + kCrlf.size();
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
    if (headerEnd < 0)
        return {};

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

    if (data.size() - headerBlockEnd < contentLength) {
        Result incomplete;
        incomplete.expectsContinue = request.header("expect").toLower() == "100-continue";
        return incomplete;
    }
    request.body = data.sliced(headerBlockEnd, contentLength).toByteArray();

    Result result;
    result.status = Status::Ok;
    result.request = std::move(request);
    result.consumed = headerBlockEnd + contentLength;
    return result;
}

} // namespace tenantry::test
