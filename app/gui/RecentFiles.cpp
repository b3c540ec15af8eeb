#include "gui/RecentFiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace sextant::app {

namespace {
const QString kRecentFilesKey = QStringLiteral("recentFiles");
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    const QStringList stored = QSettings().value(kRecentFilesKey).toStringList();
    QStringList existing;
    for (const QString &path : stored)
        if ((QFileInfo(path).isFile() || QFileInfo(path).isDir()) && !existing.contains(path))
            existing << path;
    return existing.mid(0, kMaxFiles);
}

void RecentFiles::add(const QString &path)
{
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    QSettings().setValue(kRecentFilesKey, list.mid(0, kMaxFiles));
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = files();
    QSettings().setValue(kRecentFilesKey, list); // drop the ones that are gone
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list[i];
        QString label = QFileInfo(path).fileName();
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action
            = m_menu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (list.isEmpty()) {
        m_menu->addAction(tr("No Recent Files"))->setEnabled(false);
        return;
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("&Clear Menu"), this, [] { QSettings().remove(kRecentFilesKey); });
}

} // namespace sextant::app
