#include "CliApp.h"

#include <QCoreApplication>
#include <QTimer>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args == QStringList{QStringLiteral("--version")}) {
        printf("tenantry-cli %s\n", TENANTRY_VERSION);
        return 0;
    }
    tenantry::cli::CliApp cli(args);
    QObject::connect(&cli, &tenantry::cli::CliApp::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &cli, &tenantry::cli::CliApp::start);
    return app.exec();
}
