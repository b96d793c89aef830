// The floor for the desktop app's start-up and idle memory: the least Qt Widgets program that maps a
// window (a QApplication and one empty top-level widget of the app's default size). Built and run by
// bench/run.sh under Xvfb, exactly as the app is.

#include <QApplication>
#include <QWidget>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("Qt Widgets floor"));
    window.resize(940, 600);
    window.show();
    return app.exec();
}
