// The German and Chinese translations: every .ts entry finished, with the placeholders of
// its source; every text of every built-in node type in the catalogue lupdate reads; and,
// with each language installed, known texts of the studio (a menu), the engine (a node
// name, a parameter label, a port type) and an error come out translated.
#include "core/Translations.h"
#include "graph/GraphModel.h"
#include "graph/NodeRegistry.h"
#include "graph/NodeTypeText.h"
#include "graph/ParameterSpec.h"
#include "gui/MainWindow.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/TrainingUpdate.h"
#include "plots/LiveCurvePlot.h"
#include "widgets/PropertyPanel.h"
#include "widgets/TrainingMonitor.h"

#include <QComboBox>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sextant;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (
                !(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!m.numerus)
                        m.translations.append(xml.readElementText());
                } else if (xml.name() == QLatin1String("numerusform")) {
                    m.translations.append(xml.readElementText());
                }
            }
            out.append(m);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 at line %3")
                     .arg(path, xml.errorString())
                     .arg(xml.lineNumber());
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> out;
    for (const auto &m : re.globalMatch(text))
        out.insert(m.captured(0));
    return out;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(SEXTANT_TRANSLATIONS_DIR "/sextant_%1.ts").arg(language);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { engine::Translations::install(QStringLiteral("en")); }

    void languages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // No entry is unfinished or empty, and each has its source's placeholders (%1, %n).
    void tsFileIsComplete_data() { languages_data(); }
    void tsFileIsComplete()
    {
        QFETCH(QString, language);
        QString error;
        const QList<TsMessage> messages = readTs(tsPath(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 500, qPrintable(QString::number(messages.size())));
        QStringList unfinished, mismatched;
        for (const TsMessage &m : messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;
            const QString where = m.context + QStringLiteral(": ") + m.source.left(70);
            bool empty = m.translations.isEmpty();
            for (const QString &t : m.translations)
                empty = empty || t.isEmpty();
            if (m.type == QLatin1String("unfinished") || empty) {
                unfinished.append(where);
                continue;
            }
            const QSet<QString> wanted = placeholders(m.source);
            for (const QString &t : m.translations) {
                QSet<QString> got = placeholders(t);
                // A plural form may leave the count out ("一个"), never add another.
                if (m.numerus && !got.contains(QStringLiteral("%n")))
                    got.insert(QStringLiteral("%n"));
                if (got != wanted) {
                    mismatched.append(where + QStringLiteral(" -> ") + t.left(70));
                    break;
                }
            }
        }
        QVERIFY2(unfinished.isEmpty(),
            qPrintable(QStringLiteral("%1 unfinished in %2 (tools/update-translations, then "
                                      "translate):\n  %3")
                           .arg(unfinished.size())
                           .arg(language, unfinished.mid(0, 40).join(QStringLiteral("\n  ")))));
        QVERIFY2(mismatched.isEmpty(),
            qPrintable(QStringLiteral("placeholders differ:\n  ")
                + mismatched.join(QStringLiteral("\n  "))));
    }

    // Every text of every built-in node type is in the .ts (so it got translated): a node
    // type added without running tools/update-translations fails here.
    void nodeTextsAreInTheCatalogue_data() { languages_data(); }
    void nodeTextsAreInTheCatalogue()
    {
        QFETCH(QString, language);
        QString error;
        QSet<QString> known;
        for (const TsMessage &m : readTs(tsPath(language), &error))
            known.insert(m.context + QLatin1Char('\x1f') + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        engine::NodeRegistry registry; // English: no translator installed
        QVERIFY(engine::BuiltinNodes::registerAll(registry));
        QStringList missing;
        const auto check = [&](const char *context, const QString &text, const QString &id) {
            if (!text.isEmpty()
                && !known.contains(QLatin1String(context) + QLatin1Char('\x1f') + text))
                missing.append(id + QStringLiteral(": ") + text.left(60));
        };
        for (const engine::NodeType *type : registry.types()) {
            check(engine::NodeTypeText::kTypeContext, type->displayName, type->id);
            check(engine::NodeTypeText::kTypeContext, type->category, type->id);
            check(engine::NodeTypeText::kTypeContext, type->description, type->id);
            for (const auto *ports : { &type->inputs, &type->outputs })
                for (const engine::PortSpec &p : *ports)
                    check(engine::NodeTypeText::kPortContext, p.displayLabel(), type->id);
            for (const engine::ParameterSpec &p : type->parameters) {
                check(engine::NodeTypeText::kParameterContext, p.displayLabel(), type->id);
                check(engine::NodeTypeText::kParameterContext, p.help, type->id);
                for (const QString &choice : p.choices)
                    check(engine::NodeTypeText::kChoiceContext, choice, type->id);
            }
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 node texts missing from %2 (run "
                                      "tools/update-translations):\n  %3")
                           .arg(missing.size())
                           .arg(language, missing.mid(0, 40).join(QStringLiteral("\n  ")))));
    }

    void knownStrings_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("splitNode");
        QTest::addColumn<QString>("modelCategory");
        QTest::addColumn<QString>("tableType");
        QTest::addColumn<QString>("belowMinimum");
        QTest::addColumn<QString>("absentChoice");
        QTest::addColumn<QString>("stopped");
        QTest::addColumn<QString>("mlpRun");
        QTest::addColumn<QString>("treeAxis");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei")
                            << QStringLiteral("Trainings-/Testaufteilung")
                            << QStringLiteral("Modell") << QStringLiteral("Tabelle")
                            << QStringLiteral("unter dem Minimum")
                            << QStringLiteral("nicht vorhanden")
                            << QStringLiteral("Stopp gedrückt nach Fold 3 von 10")
                            << QStringLiteral("Neuronales Netz (MLP) #1") << QStringLiteral("Baum");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)")
                               << QStringLiteral("训练/测试划分") << QStringLiteral("模型")
                               << QStringLiteral("表") << QStringLiteral("低于最小值")
                               << QStringLiteral("无")
                               << QStringLiteral("第 3 折后按下了停止（共 10）")
                               << QStringLiteral("神经网络（MLP） #1") << QStringLiteral("棵树");
    }
    void knownStrings()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QFETCH(QString, splitNode);
        QFETCH(QString, modelCategory);
        QFETCH(QString, tableType);
        QFETCH(QString, belowMinimum);
        QFETCH(QString, absentChoice);
        QFETCH(QString, stopped);
        QFETCH(QString, mlpRun);
        QFETCH(QString, treeAxis);
        qunsetenv(engine::Translations::kEnvironment);
        QCOMPARE(engine::Translations::install(language), language);

        // The studio: the first menu of a main window made now.
        app::MainWindow window;
        QCOMPARE(window.menuBar()->actions().value(0)->text(), fileMenu);
        // The engine: a registry made now holds translated names, categories and labels.
        engine::NodeRegistry registry;
        QVERIFY(engine::BuiltinNodes::registerAll(registry));
        const engine::NodeType *split = registry.find(QStringLiteral("data.split"));
        QVERIFY(split);
        QCOMPARE(split->displayName, splitNode);
        QVERIFY(registry.categories().contains(modelCategory));
        QCOMPARE(split->id, QStringLiteral("data.split")); // ids stay
        QCOMPARE(split->parameters.value(0).name, QStringLiteral("test_ratio"));
        QVERIFY(split->parameters.value(0).displayLabel() != QStringLiteral("Test share"));
        QCOMPARE(engine::portTypeName(engine::PortType::Table), tableType);
        // An enum parameter's choices read in the language, the workflow keeps the value.
        {
            engine::GraphModel model(registry);
            const int file = model.addNode(QStringLiteral("data.file"), { 0, 0 }).value();
            QUndoStack undo;
            widgets::PropertyPanel panel(model, &undo);
            panel.setNode(file);
            auto *header = qobject_cast<QComboBox *>(panel.editor(QStringLiteral("header")));
            QVERIFY(header);
            const int absent = header->findData(QStringLiteral("absent"));
            QVERIFY(absent >= 0);
            QCOMPARE(header->itemText(absent), absentChoice);
            header->setCurrentIndex(absent);
            QCOMPARE(model.parameter(file, QStringLiteral("header")).toString(),
                QStringLiteral("absent"));
            QCOMPARE(header->currentText(), absentChoice);
        }
        // The training monitor's reason a run ended.
        QCOMPARE(engine::TrainingUpdate::describe(engine::FitEnd::Stopped, 3, 10, "fold"), stopped);
        // The training monitor names the run and its steps in the language: an MLP trained
        // now is "Neuronales Netz (MLP) #1", a boosting run's axis is in trees.
        {
            widgets::TrainingMonitor monitor;
            monitor.resize(800, 500);
            engine::TrainingUpdate u;
            u.modelName
                = engine::TrainingUpdate::learnerName(QStringLiteral("Neural Network (MLP)"));
            u.report.epoch = 1;
            u.report.totalEpochs = 10;
            u.report.trainLoss = 0.5;
            monitor.addUpdate(1, engine::makeValue(u));
            QVERIFY2(monitor.statusText().startsWith(mlpRun), qPrintable(monitor.statusText()));
            u.modelName = engine::TrainingUpdate::learnerName(QStringLiteral("Gradient Boosting"));
            u.report.unit = "tree";
            monitor.addUpdate(2, engine::makeValue(u));
            QCOMPARE(monitor.curves()->xLabel(), treeAxis);
            QVERIFY(engine::TrainingUpdate::crossValidationName(QStringLiteral("Decision Tree"))
                != QStringLiteral("Cross-Validation: Decision Tree"));
            QVERIFY(engine::TrainingUpdate::tuneName(QStringLiteral("Decision Tree"))
                != QStringLiteral("Tune: Decision Tree"));
        }
        // An error a person meets: a value out of range, in the property panel or --set.
        const auto low = split->parameters.value(0).validate(0.0);
        QVERIFY(!low);
        QVERIFY2(low.error().contains(belowMinimum), qPrintable(low.error()));
    }

    // The language the system asks for is the one installed; English installs nothing.
    void resolveAndEnvironment()
    {
        QCOMPARE(engine::Translations::resolve(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(engine::Translations::resolve(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        qputenv(engine::Translations::kEnvironment, "zh_CN");
        QCOMPARE(engine::Translations::install(QStringLiteral("de")), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("PortType", "Model"), QStringLiteral("模型"));
        qunsetenv(engine::Translations::kEnvironment);
        QCOMPARE(engine::Translations::install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("PortType", "Model"), QStringLiteral("Model"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
