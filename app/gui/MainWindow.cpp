#include "gui/MainWindow.h"

namespace sextant::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Sextant"));
}

void MainWindow::openFile(const QString &path)
{
    Q_UNUSED(path);
}

} // namespace sextant::app
