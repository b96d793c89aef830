#include "fakes/TestCertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace tenantry::test {

namespace {

const QStringList kNewP256Key{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                              QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

} // namespace

TestCertificates::TestCertificates(const QString& folder)
    : m_folder(folder)
{}

QString TestCertificates::path(const QString& file) const
{
    return QDir(m_folder).filePath(file);
}

bool TestCertificates::openssl(const QStringList& arguments, QString* error) const
{
    QProcess process;
    process.setWorkingDirectory(m_folder);
    process.start(QStringLiteral("openssl"), arguments);
    if (process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    *error =
        QStringLiteral("openssl %1 failed: %2 %3")
            .arg(arguments.value(0), process.errorString(), QString::fromLocal8Bit(process.readAllStandardError()));
    return false;
}

bool TestCertificates::makeCa(const QString& commonName, QString* error)
{
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + kNewP256Key +
                       QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                   QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("1"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName},
                   error);
}

bool TestCertificates::makeServer(const QString& name, const QStringList& subjectAltNames, QString* error)
{
    QFile extensions(path(name + QStringLiteral(".ext")));
    if (!extensions.open(QIODevice::WriteOnly)) {
        *error = extensions.errorString();
        return false;
    }
    extensions.write("basicConstraints=CA:FALSE\nsubjectAltName=" + subjectAltNames.join(QLatin1Char(',')).toLatin1() +
                     "\n");
    extensions.close();
    const QString commonName = subjectAltNames.value(0).section(QLatin1Char(':'), 1);
    return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + kNewP256Key +
                       QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                   name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                                   QStringLiteral("/CN=") + commonName},
                   error) &&
           openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                    QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("1"),
                    QStringLiteral("-extfile"), name + QStringLiteral(".ext")},
                   error);
}

} // namespace tenantry::test
