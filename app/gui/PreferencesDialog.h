#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace sextant::app {

class MainWindow;

// Edit › Preferences: language (takes effect at the next start), worker threads, Auto-run,
// theme, Tune's default Slurm folder and partition. OK stores them (Preferences) and applies what
// can change at once: the theme, the executor's thread count and Auto-run of `window`.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(MainWindow &window);

    QComboBox *languageCombo() const { return m_language; }
    QComboBox *themeCombo() const { return m_theme; }
    QSpinBox *threadsSpin() const { return m_threads; }
    QCheckBox *autoRunCheck() const { return m_autoRun; }
    QLineEdit *slurmFolderEdit() const { return m_slurmFolder; }
    QLineEdit *slurmPartitionEdit() const { return m_slurmPartition; }

    // Stores the dialog's choices and applies them (what OK does).
    void apply();

private:
    MainWindow &m_window;
    QComboBox *m_language;
    QComboBox *m_theme;
    QSpinBox *m_threads;
    QCheckBox *m_autoRun;
    QLineEdit *m_slurmFolder;
    QLineEdit *m_slurmPartition;
};

} // namespace sextant::app
