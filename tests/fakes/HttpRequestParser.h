#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tenantry::test {

// Fields of a query string or an application/x-www-form-urlencoded body, in order, decoded
// ('+' is a space, %XX escapes), duplicates kept.
class FormFields
{
public:
    static FormFields parse(QByteArrayView encoded);

    bool contains(const QString& key) const;
    QString value(const QString& key) const; // the first value; empty if absent
    QStringList values(const QString& key) const;
    const QList<QPair<QString, QString>>& items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }

    void add(const QString& key, const QString& value) { m_items.append({key, value}); }
    QByteArray toEncoded() const; // every reserved character percent-encoded, spaces as %20

private:
    QList<QPair<QString, QString>> m_items;
};

// One parsed HTTP/1.x request.
struct HttpRequest
{
    QByteArray method;   // as sent (methods are case-sensitive)
    QByteArray target;   // the request-target as sent: "/path?query" or "http://host/path?query"
    QByteArray version;  // "HTTP/1.1" or "HTTP/1.0"
    QString path;        // percent-decoded path of the target, always starting with '/'
    QByteArray rawQuery; // the part after '?', still encoded
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed, in order
    QByteArray body;

    // Set by the server, not by the parser.
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    bool secure = false; // arrived over TLS

    QByteArray header(QByteArrayView name) const; // case-insensitive; repeated headers joined with ", "
    bool hasHeader(QByteArrayView name) const;
    FormFields query() const { return FormFields::parse(rawQuery); }
    FormFields form() const; // the body, if it is application/x-www-form-urlencoded
    bool keepAlive() const;  // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive"
};

// A stateless HTTP/1.x request parser in the shape of qBittorrent's: it looks at the bytes received
// so far and says whether they hold a complete request (OK, with how many bytes it used), need more
// (Incomplete) or can never become a valid request (BadRequest). Bodies are read by Content-Length;
// Transfer-Encoding is refused (no client of ours sends chunked requests).
class HttpRequestParser
{
public:
    enum class Status { Ok, Incomplete, BadRequest };

    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024; // request line + headers
        qsizetype maxBodyBytes = 8 * 1024 * 1024;
    };

    struct Result
    {
        Status status = Status::Incomplete;
        HttpRequest request;          // valid when status == Ok
        qsizetype consumed = 0;       // bytes of the input that made up the request (Ok only)
        int errorStatus = 400;        // the HTTP status to answer a BadRequest with (400, 413, 431, 501, 505)
        QString error;                // why it is bad, for logs; never quotes the input
        bool expectsContinue = false; // Incomplete: headers are complete and ask for "100 Continue"
    };

    static Result parse(QByteArrayView data, const Limits& limits);
    static Result parse(QByteArrayView data) { return parse(data, Limits()); }
};

} // namespace tenantry::test
