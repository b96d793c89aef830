#pragma once

#include "fakes/HttpServer.h"

#include <QStringList>

namespace tenantry::test {

// An AKS API server as kubectl sees it for `kubectl get --raw /api`: HTTPS on 127.0.0.1 with the test
// certificate, a bearer token required (401 with a Kubernetes Status without one, as the real one answers),
// and the APIVersions document for /api (the version for /version). It records the bearer token of every request; tests
// compare them and never print them.
class FakeKubeApiServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeKubeApiServer(QObject* parent = nullptr);

    bool listen(const QString& certificatePath, const QString& keyPath, QString* error);
    QString url() const; // https://127.0.0.1:PORT
    const QStringList& bearerTokens() const { return m_tokens; }
    const QStringList& requests() const { return m_requests; } // "GET /api", in order
    void clear();

private:
    HttpServer m_server;
    QStringList m_tokens;
    QStringList m_requests;
};

} // namespace tenantry::test
