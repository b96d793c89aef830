#pragma once

#include "http/FormFields.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace tenantry {

// One HTTP/1.x request as a server received it.
struct HttpRequest
{
    QByteArray method;   // as sent (methods are case-sensitive)
    QByteArray target;   // as sent: "/path?query" (origin-form) or "http://host/path?query" (absolute-form)
    QByteArray version;  // "HTTP/1.1" or "HTTP/1.0"
    QString path;        // percent-decoded path of the target, starting with '/' ("*" for OPTIONS *)
    QByteArray rawQuery; // the part after '?', still encoded
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed, in order
    QByteArray body;

    // "/path?query" and not "//host/...", which a URL parser would read as another origin.
    bool hasOriginFormTarget() const { return target.startsWith('/') && !target.startsWith("//"); }
    QByteArray header(QByteArrayView name) const; // case-insensitive; repeated headers joined with ", "
    bool hasHeader(QByteArrayView name) const;
    FormFields query() const { return FormFields::parse(rawQuery); }
    FormFields form() const; // the body, if it is application/x-www-form-urlencoded
    bool keepAlive() const;  // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive"
};

// A stateless HTTP/1.x request parser in the shape of qBittorrent's: it looks at the bytes a
// connection received so far and says whether they hold a complete request (with how many bytes it
// used), need more, or can never become a valid request (with the status to answer). Junk (binary, a
// TLS ClientHello, control characters) is refused as soon as it is seen, not when a blank line comes.
// Every size is bounded by Limits; bodies are read by Content-Length, Transfer-Encoding is refused.
// Fuzzed (fuzz/loopback-request.cpp); never throws.
class HttpRequestParser
{
public:
    enum class Status { Complete, Incomplete, BadRequest };

    struct Limits
    {
        qsizetype maxHeaderBytes; // the request line and the headers, with their line ends
        qsizetype maxLineBytes;   // any one of those lines
        int maxHeaderLines;
        qsizetype maxBodyBytes;
    };

    struct Result
    {
        Status status = Status::Incomplete;
        HttpRequest request;          // Complete only
        qsizetype consumed = 0;       // bytes of the input that made up the request (Complete only)
        int errorStatus = 0;          // BadRequest: the status to answer with (400, 413, 431, 501, 505)
        QString error;                // BadRequest: why, for logs; never quotes the input
        bool expectsContinue = false; // Incomplete: headers are complete and ask for "100 Continue"
    };

    static Result parse(QByteArrayView data, const Limits& limits);
};

} // namespace tenantry
