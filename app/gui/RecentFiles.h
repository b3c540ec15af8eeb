#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace sextant::app {

// The recent files: datasets (files, and image folders) and workflows opened lately, most
// recent first, kept in the settings (QSettings "recentFiles"), and the File › Open Recent
// menu listing them (rebuilt each time it opens, so that files gone since are left out;
// "Clear Menu" forgets them). Choosing one emits openRequested. GUI thread only.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    // `menu` (not owned) becomes the Open Recent menu.
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    // Most recent first; only files (and folders) that still exist, kMaxFiles at most.
    QStringList files() const;
    // Puts `path` first.
    void add(const QString &path);

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void rebuildMenu();

    QMenu *m_menu;
};

} // namespace sextant::app
