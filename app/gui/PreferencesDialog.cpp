#include "gui/PreferencesDialog.h"

#include "core/ThreadCount.h"
#include "core/Translations.h"
#include "graph/Executor.h"
#include "gui/AutoRun.h"
#include "gui/MainWindow.h"
#include "gui/Preferences.h"
#include "gui/Theme.h"
#include "widgets/GraphEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace sextant::app {

PreferencesDialog::PreferencesDialog(MainWindow &window)
    : QDialog(&window), m_window(window), m_language(new QComboBox(this)),
      m_theme(new QComboBox(this)), m_threads(new QSpinBox(this)),
      m_autoRun(
          new QCheckBox(tr("Run the out-of-date part of the workflow after each edit"), this)),
      m_slurmFolder(new QLineEdit(this)), m_slurmPartition(new QLineEdit(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    const QString system = engine::Translations::resolve(QStringLiteral("system"));
    m_language->addItem(tr("System default (%1)").arg(engine::Translations::nativeName(system)),
        QStringLiteral("system"));
    for (const QString &language : engine::Translations::choices().mid(1))
        m_language->addItem(engine::Translations::nativeName(language), language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Preferences::language())));
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote
        = new QLabel(tr("A new language takes effect when Sextant is started again."), this);
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);
    form->addRow(QString(), languageNote);

    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Preferences::theme())));
    form->addRow(tr("&Theme:"), m_theme);

    m_threads->setRange(0, Preferences::kMaxWorkerThreads);
    m_threads->setSpecialValueText(
        tr("Automatic (%n thread(s))", nullptr, sextant::engine::defaultThreadCount()));
    m_threads->setValue(Preferences::workerThreads());
    m_threads->setToolTip(tr("How many workflow nodes may run at the same time. Automatic "
                             "uses one thread per processor Sextant may run on, no more than "
                             "a Slurm task was given, or SEXTANT_THREADS where it is set."));
    form->addRow(tr("&Worker threads:"), m_threads);

    m_autoRun->setChecked(Preferences::autoRun());
    form->addRow(tr("Auto-run:"), m_autoRun);

    m_slurmFolder->setText(Preferences::slurmFolder());
    m_slurmFolder->setPlaceholderText(tr("Sextant's data folder"));
    m_slurmFolder->setToolTip(
        tr("Tune Parameters and Cross-Validation on Slurm: where each run's folder is made "
           "when the node names none. It must be on a file system the cluster's nodes share "
           "(your home or scratch)."));
    form->addRow(tr("Slurm &folder:"), m_slurmFolder);
    m_slurmPartition->setText(Preferences::slurmPartition());
    m_slurmPartition->setPlaceholderText(tr("The cluster's default"));
    m_slurmPartition->setToolTip(
        tr("Tune Parameters and Cross-Validation on Slurm: the partition the tasks go to "
           "when the node names none."));
    form->addRow(tr("Slurm &partition:"), m_slurmPartition);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void PreferencesDialog::apply()
{
    Preferences::setLanguage(m_language->currentData().toString());
    const QString theme = m_theme->currentData().toString();
    if (theme != Preferences::theme()) {
        Preferences::setTheme(theme);
        Theme::apply(theme);
    }
    Preferences::setWorkerThreads(m_threads->value());
    m_window.graphEditor()->executor().setMaxThreads(Preferences::effectiveWorkerThreads());
    Preferences::setAutoRun(m_autoRun->isChecked());
    Preferences::setSlurmFolder(m_slurmFolder->text());
    Preferences::setSlurmPartition(m_slurmPartition->text());
    Preferences::applySlurmDefaults();
    if (m_window.autoRun())
        m_window.autoRun()->setEnabled(m_autoRun->isChecked());
}

} // namespace sextant::app
