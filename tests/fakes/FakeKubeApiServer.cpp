#include "fakes/FakeKubeApiServer.h"

namespace tenantry::test {

FakeKubeApiServer::FakeKubeApiServer(QObject* parent)
    : QObject(parent)
{
    m_server.setHandler([this](const HttpRequest& request, const HttpServer::Responder& responder) {
        m_requests.append(QString::fromLatin1(request.method + ' ' + request.target));
        const QByteArray authorization = request.header("authorization");
        if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
            responder.send(HttpResponse::json(
                401, R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized",)"
                     R"("reason":"Unauthorized","code":401})"));
            return;
        }
        m_tokens.append(QString::fromLatin1(authorization.mid(7)));
        if (request.method == "GET" && request.target == "/api") {
            const QByteArray address = "127.0.0.1:" + QByteArray::number(m_server.serverPort());
            responder.send(HttpResponse::json(200, R"({"kind":"APIVersions","versions":["v1"],)"
                                                   R"("serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0",)"
                                                   R"("serverAddress":")" +
                                                       address + R"("}]})"));
            return;
        }
        if (request.method == "GET" && request.target.startsWith("/version")) {
            responder.send(HttpResponse::json(200, R"({"major":"1","minor":"30","gitVersion":"v1.30.5",)"
                                                   R"("platform":"linux/amd64"})"));
            return;
        }
        responder.send(HttpResponse::json(
            404, R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server )"
                 R"(could not find the requested resource","reason":"NotFound","code":404})"));
    });
}

bool FakeKubeApiServer::listen(const QString& certificatePath, const QString& keyPath, QString* error)
{
    if (!m_server.loadTlsCertificate(certificatePath, keyPath, error))
        return false;
    if (!m_server.listen()) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

QString FakeKubeApiServer::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort());
}

void FakeKubeApiServer::clear()
{
    m_tokens.clear();
    m_requests.clear();
}

} // namespace tenantry::test
