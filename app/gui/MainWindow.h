#pragma once

#include <QMainWindow>

namespace sextant::app {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openFile(const QString &path);
};

} // namespace sextant::app
