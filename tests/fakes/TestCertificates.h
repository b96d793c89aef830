#pragma once

#include <QString>
#include <QStringList>

namespace tenantry::test {

// A throw-away certificate authority (in no system store) and server certificates it signs, made with
// the openssl command in a folder the caller owns: what a TLS-inspecting proxy's CA looks like to a
// client. P-256 keys, valid one day.
class TestCertificates
{
public:
    explicit TestCertificates(const QString& folder);

    // The CA, once: ca.pem / ca.key. False (with `error`) when openssl is missing or fails.
    bool makeCa(const QString& commonName, QString* error);
    // A server certificate `name`.pem / `name`.key for `subjectAltNames` ("DNS:localhost", "IP:127.0.0.1").
    bool makeServer(const QString& name, const QStringList& subjectAltNames, QString* error);

    QString caPath() const { return path(QStringLiteral("ca.pem")); }
    QString certificatePath(const QString& name) const { return path(name + QStringLiteral(".pem")); }
    QString keyPath(const QString& name) const { return path(name + QStringLiteral(".key")); }

private:
    QString path(const QString& file) const;
    bool openssl(const QStringList& arguments, QString* error) const;

    QString m_folder;
};

} // namespace tenantry::test
