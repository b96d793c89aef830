#include "fakes/FakeJwt.h"

#include "util/Jwt.h"

namespace tenantry::test {

QString makeJwt(const Json& claims)
{
    const QByteArray header = jwt::base64UrlEncode(QByteArrayLiteral(R"({"typ":"JWT","alg":"none"})"));
    const std::string body = claims.dump();
    const QByteArray payload = jwt::base64UrlEncode(QByteArray::fromStdString(body));
    return QString::fromLatin1(header + '.' + payload + '.');
}

QString clientInfo(const QString& uid, const QString& utid)
{
    const std::string body = Json{{"uid", uid.toStdString()}, {"utid", utid.toStdString()}}.dump();
    return QString::fromLatin1(jwt::base64UrlEncode(QByteArray::fromStdString(body)));
}

} // namespace tenantry::test
