<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>  export-onnx MODEL.sxmodel -o MODEL.onnx
                       Write a saved model as an ONNX file, for ONNX Runtime and
                       other tools.
</source>
        <translation>  export-onnx MODEL.sxmodel -o MODEL.onnx
                       Schreibt ein gespeichertes Modell als ONNX-Datei, für ONNX
                       Runtime und andere Werkzeuge.
</translation>
    </message>
    <message>
        <source>  monitor MODEL.sxmodel DATA [--json]
                       Compare a batch with the model&apos;s training distribution: PSI,
                       KS / chi-square, missing rates, unseen categories, prediction
                       shift, a verdict per feature; exit code 3 on drift.
</source>
        <translation>  monitor MODEL.sxmodel DATA [--json]
                       Vergleicht einen Datenstapel mit der Trainingsverteilung des
                       Modells: PSI, KS / Chi-Quadrat, Fehlquoten, unbekannte
                       Kategorien, Verschiebung der Vorhersagen, ein Urteil je
                       Merkmal; Rückgabewert 3 bei Drift.
</translation>
    </message>
    <message>
        <source>  predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]
                       Apply a saved model to a table (columns matched by name):
                       one CSV row of predictions per input row, with --proba also
                       one P(class) column per class; to stdout unless -o is given.
</source>
        <translation>  predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]
                       Wendet ein gespeichertes Modell auf eine Tabelle an (Spalten
                       nach Namen zugeordnet): eine CSV-Zeile mit Vorhersagen je
                       Eingabezeile, mit --proba zusätzlich eine Spalte P(Klasse) je
                       Klasse; auf stdout, sofern -o nicht angegeben ist.
</translation>
    </message>
    <message>
        <source>  run FLOW.sextant [--set NODE.PARAM=VALUE ...] [--out DIR] [--quiet]
      [--allow-outside-paths] [--report REPORT.html|REPORT.pdf]
                       Run a workflow: print each node&apos;s progress and write the sink
                       nodes&apos; outputs into DIR (default ./FLOW-output): tables as
                       CSV, views as JSON and CSV (and as PNG and SVG plots in
                       builds with the GUI), a run report run.json. NODE is a node
                       id, or a node type or name only one node has (histogram).
                       Trained models are written as ID-KIND.sxmodel (and .onnx
                       when the node&apos;s export_onnx parameter is set). A workflow
                       that reads files outside its own folder (File and Model
                       File paths, after --set) is refused unless
                       --allow-outside-paths is given. --report writes a report
                       of the run: the graph, the source tables, each model with
                       its parameters and metrics (cross-validation mean, std),
                       the views&apos; plots; one HTML file (pictures embedded) or PDF.
                       Builds with the GUI only.
</source>
        <translation>  run FLOW.sextant [--set NODE.PARAM=VALUE ...] [--out DIR] [--quiet]
      [--allow-outside-paths] [--report REPORT.html|REPORT.pdf]
                       Führt einen Workflow aus: zeigt den Fortschritt jedes Knotens
                       und schreibt die Ausgaben der Endknoten nach DIR (Vorgabe
                       ./FLOW-output): Tabellen als CSV, Ansichten als JSON und CSV
                       (und in Builds mit GUI als PNG- und SVG-Diagramme), einen
                       Laufbericht run.json. NODE ist eine Knoten-ID oder ein
                       Knotentyp oder -name, den nur ein Knoten hat (histogram).
                       Trainierte Modelle werden als ID-KIND.sxmodel geschrieben
                       (und als .onnx, wenn der Parameter export_onnx des Knotens
                       gesetzt ist). Ein Workflow, der Dateien außerhalb seines
                       eigenen Ordners liest (Pfade von Datei- und Modelldatei-
                       Knoten, nach --set), wird abgelehnt, außer mit
                       --allow-outside-paths. --report schreibt einen Bericht des
                       Laufs: der Graph, die Quelltabellen, jedes Modell mit seinen
                       Parametern und Metriken (Mittelwert, Standardabweichung der
                       Kreuzvalidierung), die Diagramme der Ansichten; eine HTML-
                       Datei (Bilder eingebettet) oder PDF. Nur in Builds mit GUI.
</translation>
    </message>
    <message>
        <source>  serve MODEL.sxmodel [--host 127.0.0.1] [--port 8080] [--threads N] [--token T]
        [--log FILE] [--max-body BYTES] [--drift-window ROWS]
                       Serve a saved model over HTTP: POST /predict (JSON rows or
                       columns, or CSV), GET /model, /health, /metrics (Prometheus),
                       /drift. Loopback unless --host; Ctrl+C stops it.
</source>
        <translation>  serve MODEL.sxmodel [--host 127.0.0.1] [--port 8080] [--threads N] [--token T]
        [--log FILE] [--max-body BYTES] [--drift-window ROWS]
                       Stellt ein gespeichertes Modell über HTTP bereit: POST
                       /predict (JSON-Zeilen oder -Spalten, oder CSV), GET /model,
                       /health, /metrics (Prometheus), /drift. Nur Loopback, außer
                       mit --host; Strg+C beendet den Dienst.
</translation>
    </message>
    <message>
        <source>  sweep FLOW.sextant --grid NODE.PARAM=A,B,C [--grid ...] [--set NODE.PARAM=V ...]
      [--random N [--seed S]] [--out DIR] [--backend local|slurm] [--jobs N]
      [--partition P] [--time HH:MM:SS] [--cpus-per-task N] [--mem M] [--limit N]
      [--metric NAME] [--sextant PATH] [--dry-run]
                       A parameter sweep: one `run` per combination of the grid
                       (--random N: N points drawn with seed S; an axis may then be
                       a range LO..HI), each in DIR/runs/NNNN (default
                       ./FLOW-sweep), on a pool of --jobs processes or, with
                       --backend slurm, as one Slurm job array (DIR on a shared file
                       system; --limit: tasks at once). A failed point runs once
                       more. The metrics of every run are gathered into
                       DIR/results.csv and results.json, best first by --metric
                       (a column, or its last part: accuracy). Ctrl+C cancels every
                       task. A value with a comma is written \,. --dry-run lists
                       the points and runs nothing.
</source>
        <translation>  sweep FLOW.sextant --grid NODE.PARAM=A,B,C [--grid ...] [--set NODE.PARAM=V ...]
      [--random N [--seed S]] [--out DIR] [--backend local|slurm] [--jobs N]
      [--partition P] [--time HH:MM:SS] [--cpus-per-task N] [--mem M] [--limit N]
      [--metric NAME] [--sextant PATH] [--dry-run]
                       Eine Parametersuche: ein `run` je Kombination des Rasters
                       (--random N: N mit Seed S gezogene Punkte; eine Achse darf
                       dann ein Bereich LO..HI sein), jeder in DIR/runs/NNNN
                       (Vorgabe ./FLOW-sweep), in einem Pool von --jobs Prozessen
                       oder, mit --backend slurm, als ein Slurm-Job-Array (DIR auf
                       einem gemeinsamen Dateisystem; --limit: Aufgaben zugleich).
                       Ein fehlgeschlagener Punkt läuft einmal erneut. Die Metriken
                       aller Läufe werden in DIR/results.csv und results.json
                       gesammelt, die besten zuerst nach --metric (eine Spalte oder
                       ihr letzter Teil: accuracy). Strg+C bricht alle Aufgaben ab.
                       Ein Wert mit Komma wird als \, geschrieben. --dry-run listet
                       die Punkte auf und führt nichts aus.
</translation>
    </message>
    <message>
        <source>  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf
                       Write a report of a saved model: learner, parameters,
                       training data summary, stored metrics, feature importances;
                       with --data, the metrics, confusion matrix and ROC on those
                       rows and their drift against the training data. HTML is one
                       self-contained file (plots embedded); .pdf writes a PDF.
</source>
        <translation>  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf
                       Schreibt einen Bericht über ein gespeichertes Modell: Lerner,
                       Parameter, Zusammenfassung der Trainingsdaten, gespeicherte
                       Metriken, Merkmalswichtigkeiten; mit --data die Metriken,
                       Konfusionsmatrix und ROC auf diesen Zeilen und ihre Drift
                       gegenüber den Trainingsdaten. HTML ist eine eigenständige
                       Datei (Diagramme eingebettet); .pdf schreibt ein PDF.
</translation>
    </message>
    <message>
        <source>Usage: sextant [FILE...]
       sextant &lt;command&gt; [options]

Without a command, opens the Sextant studio (with FILE... loaded).

Commands (run headless, no display needed):
  info FILE [--json] [CSV options]
                       Summarise a dataset (CSV/TSV, ARFF, LIBSVM, .xlsx, SQLite,
                       an image folder): rows, columns, and per column its type,
                       missing count and statistics.
                       --sheet NAME: the sheet of a workbook (default: the first).
                       --table NAME, --query SQL: what to read from a SQLite
                       database (.sqlite, .db; default: the first table).
                       CSV options (the File node&apos;s parameters; default: sniffed):
                         --delimiter auto|comma|semicolon|tab|pipe (or , ; | tab)
                         --quote double|single|none
                         --header, --no-header
                         --skip N      lines to skip (-1: a count or title line)
                         --decimal point|comma, --decimal-comma
                         --thousands none|comma|point|space|apostrophe
                         --encoding auto|utf-8|latin-1|utf-16
                         --missing LIST  comma-separated missing-value tokens
                         --dates auto|day-first|month-first|off  date columns
%1%2%3%4%5%6  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf
                       Write a report of a saved model (HTML with the plots
                       embedded, or PDF); with --data its metrics and drift on
                       those rows. Needs the studio build (it draws the plots).

Options:
  -h, --help           Show this help.
  -v, --version        Show the version.

Exit codes: 0 success, 1 bad input or a failed node (message on stderr),
2 usage error, 3 drift found (monitor).
</source>
        <translation>Aufruf: sextant [DATEI...]
        sextant &lt;Befehl&gt; [Optionen]

Ohne Befehl öffnet sich das Sextant-Studio (mit den geladenen DATEIen).

Befehle (laufen ohne Bildschirm):
  info FILE [--json] [CSV options]
                       Fasst einen Datensatz zusammen (CSV/TSV, ARFF, LIBSVM, .xlsx,
                       SQLite, ein Bildordner): Zeilen, Spalten und je Spalte Typ,
                       Zahl fehlender Werte und Statistiken.
                       --sheet NAME: das Tabellenblatt einer Arbeitsmappe (Vorgabe:
                       das erste).
                       --table NAME, --query SQL: was aus einer SQLite-Datenbank
                       gelesen wird (.sqlite, .db; Vorgabe: die erste Tabelle).
                       CSV-Optionen (die Parameter des Datei-Knotens; Vorgabe:
                       erkannt):
                         --delimiter auto|comma|semicolon|tab|pipe (oder , ; | tab)
                         --quote double|single|none
                         --header, --no-header
                         --skip N      zu überspringende Zeilen (-1: eine Zähl- oder
                                       Titelzeile)
                         --decimal point|comma, --decimal-comma
                         --thousands none|comma|point|space|apostrophe
                         --encoding auto|utf-8|latin-1|utf-16
                         --missing LIST  kommagetrennte Kennungen fehlender Werte
                         --dates auto|day-first|month-first|off  Datumsspalten
%1%2%3%4%5%6  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf
                       Schreibt einen Bericht über ein gespeichertes Modell (HTML mit
                       eingebetteten Diagrammen, oder PDF); mit --data seine Metriken
                       und seine Drift auf diesen Zeilen. Braucht den Studio-Build
                       (er zeichnet die Diagramme).

Optionen:
  -h, --help           Diese Hilfe anzeigen.
  -v, --version        Die Version anzeigen.

Rückgabewerte: 0 Erfolg, 1 fehlerhafte Eingabe oder ein fehlgeschlagener Knoten
(Meldung auf stderr), 2 Aufruffehler, 3 Drift gefunden (monitor).
</translation>
    </message>
</context>
<context>
    <name>NodeChoice</name>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>diagonal</source>
        <translation>diagonal</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>average</source>
        <translation>durchschnittlich</translation>
    </message>
    <message>
        <source>single</source>
        <translation>einfach</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>senkrechter Strich (|)</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>erkennen</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>double</source>
        <translation>doppelt</translation>
    </message>
    <message>
        <source>point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>apostrophe</source>
        <translation>Apostroph</translation>
    </message>
    <message>
        <source>utf-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <source>utf-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>day-first</source>
        <translation>Tag zuerst</translation>
    </message>
    <message>
        <source>month-first</source>
        <translation>Monat zuerst</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>inner</source>
        <translation>innerer Join</translation>
    </message>
    <message>
        <source>left</source>
        <translation>linker Join</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechter Join</translation>
    </message>
    <message>
        <source>outer</source>
        <translation>äußerer Join</translation>
    </message>
    <message>
        <source>isolation_forest</source>
        <translation>Isolation Forest</translation>
    </message>
    <message>
        <source>local_outlier_factor</source>
        <translation>Local Outlier Factor</translation>
    </message>
    <message>
        <source>robust_covariance</source>
        <translation>robuste Kovarianz</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>markieren</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <source>first</source>
        <translation>erster Wert</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>verschiedene Werte</translation>
    </message>
    <message>
        <source>info_gain</source>
        <translation>Informationsgewinn</translation>
    </message>
    <message>
        <source>gain_ratio</source>
        <translation>Gewinnverhältnis</translation>
    </message>
    <message>
        <source>gini</source>
        <translation>Gini-Index</translation>
    </message>
    <message>
        <source>anova_f</source>
        <translation>ANOVA-F</translation>
    </message>
    <message>
        <source>chi2</source>
        <translation>χ²</translation>
    </message>
    <message>
        <source>mutual_info</source>
        <translation>Transinformation</translation>
    </message>
    <message>
        <source>relieff</source>
        <translation>ReliefF</translation>
    </message>
    <message>
        <source>csv</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>tsv</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>arff</source>
        <translation>ARFF</translation>
    </message>
    <message>
        <source>xlsx</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>bayesian</source>
        <translation>bayessch</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>balanced_accuracy</source>
        <translation>balancierte Genauigkeit</translation>
    </message>
    <message>
        <source>f1_macro</source>
        <translation>F1 (Makro)</translation>
    </message>
    <message>
        <source>roc_auc</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <source>log_loss</source>
        <translation>Log-Loss</translation>
    </message>
    <message>
        <source>r2</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>rmse</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>mae</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>Gauß</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>Kerndichte</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>Häufigkeiten</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>sgd</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>sqrt</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>log2</source>
        <translation>log2</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>rbf</source>
        <translation>RBF</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>gleich gewichtet</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>nach Distanz</translation>
    </message>
    <message>
        <source>euclidean</source>
        <translation>euklidisch</translation>
    </message>
    <message>
        <source>manhattan</source>
        <translation>Manhattan</translation>
    </message>
    <message>
        <source>equal_frequency</source>
        <translation>gleiche Häufigkeit</translation>
    </message>
    <message>
        <source>equal_width</source>
        <translation>gleiche Breite</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>most_frequent</source>
        <translation>häufigster Wert</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>quantile</source>
        <translation>Quantil</translation>
    </message>
    <message>
        <source>gains</source>
        <translation>kumulativer Gewinn</translation>
    </message>
    <message>
        <source>lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>classical</source>
        <translation>klassisch</translation>
    </message>
    <message>
        <source>smacof</source>
        <translation>SMACOF</translation>
    </message>
    <message>
        <source>pca</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>hog</source>
        <translation>HOG</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>grau</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>local</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source>slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>subsets</source>
        <translation>Teilmengen</translation>
    </message>
    <message>
        <source>one_hot</source>
        <translation>One-Hot</translation>
    </message>
</context>
<context>
    <name>NodeError</name>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>Eingang „%1“ ist nicht verbunden</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; not found in the input (columns: %3)</source>
        <translation>%1: Spalte „%2“ nicht in der Eingabe gefunden (Spalten: %3)</translation>
    </message>
    <message>
        <source>this view needs a classifier&apos;s predictions</source>
        <translation>diese Ansicht braucht die Vorhersagen eines Klassifikators</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>keine Datei gewählt</translation>
    </message>
    <message>
        <source>%1: loading was cancelled</source>
        <translation>%1: Laden wurde abgebrochen</translation>
    </message>
    <message>
        <source>no target column: set the Target parameter, or mark a column as target with Select Columns</source>
        <translation>keine Zielspalte: Setzen Sie den Parameter „Zielvariable“ oder markieren Sie eine Spalte mit „Spalten auswählen“ als Zielvariable</translation>
    </message>
    <message>
        <source>no model file chosen: set the &apos;path&apos; parameter</source>
        <translation>keine Modelldatei gewählt: Setzen Sie den Parameter „path“</translation>
    </message>
    <message>
        <source>a scatter matrix needs at least two numeric columns</source>
        <translation>eine Streudiagramm-Matrix braucht mindestens zwei numerische Spalten</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; cannot be both the target and ignored</source>
        <translation>Spalte „%1“ kann nicht zugleich Zielvariable und ignoriert sein</translation>
    </message>
    <message>
        <source>the table has %1 row(s): a split needs at least two</source>
        <translation>die Tabelle hat %1 Zeile(n): eine Aufteilung braucht mindestens zwei</translation>
    </message>
    <message>
        <source>not stratified: the table has no categorical target column</source>
        <translation>nicht geschichtet: die Tabelle hat keine kategoriale Zielspalte</translation>
    </message>
    <message>
        <source>no folder chosen</source>
        <translation>kein Ordner gewählt</translation>
    </message>
    <message>
        <source>only_trial: Bayesian search chooses each trial from the scores before it, so its trials cannot run apart; use grid or random search</source>
        <translation>only_trial: die Bayes&apos;sche Suche wählt jeden Versuch nach den Ergebnissen davor, ihre Versuche können also nicht getrennt laufen; Raster- oder Zufallssuche verwenden</translation>
    </message>
    <message>
        <source>only_trial %1: the search plans %2 trial(s)</source>
        <translation>only_trial %1: die Suche plant %2 Versuch(e)</translation>
    </message>
    <message>
        <source>time %1: MINUTES, HH:MM:SS or DAYS-HH:MM:SS (empty: the partition&apos;s limit)</source>
        <translation>time %1: MINUTEN, HH:MM:SS oder TAGE-HH:MM:SS (leer: das Limit der Partition)</translation>
    </message>
    <message>
        <source>mem %1: a size in megabytes, or with K, M, G or T (empty: the default)</source>
        <translation>mem %1: eine Größe in Megabyte oder mit K, M, G oder T (leer: der Standard)</translation>
    </message>
    <message>
        <source>run_on slurm: Slurm is not available: %1</source>
        <translation>run_on slurm: Slurm ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>run_on slurm: the node was not given its workflow, which the tasks run (run it from the studio or with sextant run)</source>
        <translation>run_on slurm: der Knoten hat seinen Workflow nicht erhalten, den die Tasks ausführen (im Studio oder mit sextant run ausführen)</translation>
    </message>
    <message>
        <source>run_on slurm: Bayesian search chooses each trial from the scores before it, so its trials cannot run as separate tasks; use grid or random search, or run on this machine</source>
        <translation>run_on slurm: die Bayes-Suche wählt jeden Versuch nach den Ergebnissen davor, daher können ihre Versuche nicht als getrennte Tasks laufen; Raster- oder Zufallssuche verwenden oder auf diesem Rechner ausführen</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; received no value (node %2 gives none there)</source>
        <translation>Eingang „%1“ hat keinen Wert bekommen (Knoten %2 liefert dort keinen)</translation>
    </message>
    <message>
        <source>only_fold %1: the cross-validation has %2 folds</source>
        <translation>only_fold %1: die Kreuzvalidierung hat %2 Folds</translation>
    </message>
    <message>
        <source>run_on slurm: this program has no way to submit tasks to Slurm (no trial runner is registered; the sextant executable has one)</source>
        <translation>run_on slurm: dieses Programm kann keine Tasks an Slurm übergeben (kein Trial-Runner registriert; das Programm sextant hat einen)</translation>
    </message>
</context>
<context>
    <name>NodeParameter</name>
    <message>
        <source>Radius (eps)</source>
        <translation>Radius (eps)</translation>
    </message>
    <message>
        <source>Two rows closer than this (Euclidean) are neighbours. Scale the columns first (Standardize) so it means the same in every column.</source>
        <translation>Zwei Zeilen, die (euklidisch) näher beieinander liegen, sind Nachbarn. Skalieren Sie die Spalten zuerst (Standardisieren), damit der Wert in jeder Spalte dasselbe bedeutet.</translation>
    </message>
    <message>
        <source>Minimum neighbours</source>
        <translation>Mindestanzahl Nachbarn</translation>
    </message>
    <message>
        <source>Neighbours (the row itself included) a row needs to be a core row of a cluster; rows not reachable from a core row are noise.</source>
        <translation>Nachbarn (die Zeile selbst eingeschlossen), die eine Zeile braucht, um Kernzeile eines Clusters zu sein; von keiner Kernzeile erreichbare Zeilen sind Rauschen.</translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation>ONNX exportieren</translation>
    </message>
    <message>
        <source>`sextant run` also writes this model as an ONNX file next to its .sxmodel file.</source>
        <translation>`sextant run` schreibt dieses Modell zusätzlich als ONNX-Datei neben seine .sxmodel-Datei.</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Number of normal distributions (clusters) in the mixture.</source>
        <translation>Anzahl der Normalverteilungen (Cluster) in der Mischung.</translation>
    </message>
    <message>
        <source>Covariance</source>
        <translation>Kovarianz</translation>
    </message>
    <message>
        <source>full: each component has its own correlated shape; diagonal: axis-aligned shapes (fewer parameters, faster).</source>
        <translation>full: jede Komponente hat ihre eigene korrelierte Form; diagonal: achsenparallele Formen (weniger Parameter, schneller).</translation>
    </message>
    <message>
        <source>Maximum iterations</source>
        <translation>Maximale Iterationen</translation>
    </message>
    <message>
        <source>Upper bound on the iterations of the solver.</source>
        <translation>Obergrenze der Iterationen des Lösers.</translation>
    </message>
    <message>
        <source>Initialisations</source>
        <translation>Initialisierungen</translation>
    </message>
    <message>
        <source>EM runs from different starts; the one with the best likelihood is kept.</source>
        <translation>EM-Läufe von verschiedenen Startpunkten; der mit der besten Likelihood wird behalten.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Random seed: the same seed, data and parameters give the same model.</source>
        <translation>Zufallsstartwert: derselbe Startwert, dieselben Daten und Parameter ergeben dasselbe Modell.</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Where the merge tree is cut: the number of clusters kept.</source>
        <translation>Wo der Verschmelzungsbaum geschnitten wird: die Anzahl der behaltenen Cluster.</translation>
    </message>
    <message>
        <source>Linkage</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <source>How the distance between two clusters is measured: ward (smallest increase of variance), complete (farthest members), average, single (closest members).</source>
        <translation>Wie der Abstand zwischen zwei Clustern gemessen wird: ward (kleinster Anstieg der Varianz), complete (am weitesten entfernte Mitglieder), average, single (nächste Mitglieder).</translation>
    </message>
    <message>
        <source>Clusters (k)</source>
        <translation>Cluster (k)</translation>
    </message>
    <message>
        <source>Number of clusters.</source>
        <translation>Anzahl der Cluster.</translation>
    </message>
    <message>
        <source>Runs from different starts; the best is kept.</source>
        <translation>Läufe von verschiedenen Startpunkten; der beste wird behalten.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The data file. A relative path is taken from the folder of the workflow file.</source>
        <translation>Die Datendatei. Ein relativer Pfad gilt ab dem Ordner der Workflow-Datei.</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Field separator of delimited text; &apos;auto&apos; detects it. Ignored for ARFF and LIBSVM.</source>
        <translation>Feldtrennzeichen von Text mit Trennzeichen; „auto“ erkennt es. Für ARFF und LIBSVM ignoriert.</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>Whether the first row of delimited text holds column names.</source>
        <translation>Ob die erste Zeile von Text mit Trennzeichen Spaltennamen enthält.</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Anführungszeichen</translation>
    </message>
    <message>
        <source>The character that quotes fields holding the delimiter or line ends: double (&quot;), single (&apos;) or none. Ignored for ARFF and LIBSVM.</source>
        <translation>Das Zeichen, das Felder mit Trennzeichen oder Zeilenenden umschließt: double (&quot;), single (&apos;) oder none. Für ARFF und LIBSVM ignoriert.</translation>
    </message>
    <message>
        <source>Lines to skip</source>
        <translation>Zu überspringende Zeilen</translation>
    </message>
    <message>
        <source>Lines skipped at the top of delimited text, before the header. -1 (auto) skips a first line that is a count or a title before the table, with a warning; 0 reads every line.</source>
        <translation>Am Anfang von Text mit Trennzeichen vor der Kopfzeile übersprungene Zeilen. -1 (auto) überspringt eine erste Zeile, die eine Anzahl oder ein Titel vor der Tabelle ist, mit einer Warnung; 0 liest jede Zeile.</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>The decimal mark of numbers in delimited text: point (1.5) or comma (1,5; the delimiter is then not sniffed as a comma).</source>
        <translation>Das Dezimaltrennzeichen von Zahlen in Text mit Trennzeichen: point (1.5) oder comma (1,5; das Trennzeichen wird dann nicht als Komma erkannt).</translation>
    </message>
    <message>
        <source>Thousands separator</source>
        <translation>Tausendertrennzeichen</translation>
    </message>
    <message>
        <source>A separator between groups of three digits (1,234,567 or 1.234.567,5); other placements make the cell text.</source>
        <translation>Ein Trennzeichen zwischen Dreiergruppen von Ziffern (1,234,567 oder 1.234.567,5); an anderen Stellen wird die Zelle zu Text.</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>The text encoding of delimited text. auto: UTF-8 (a value that is not valid UTF-8 is read as Latin-1, with a warning), or UTF-16 when the file starts with its byte order mark. utf-16 without a byte order mark is little-endian.</source>
        <translation>Die Textkodierung von Text mit Trennzeichen. auto: UTF-8 (ein Wert, der kein gültiges UTF-8 ist, wird mit einer Warnung als Latin-1 gelesen) oder UTF-16, wenn die Datei mit ihrer Bytereihenfolgemarkierung beginnt. utf-16 ohne Bytereihenfolgemarkierung ist Little-Endian.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>The sheet of an Excel workbook (.xlsx) to read, by name; empty = the first sheet. Ignored for other files.</source>
        <translation>Das zu lesende Tabellenblatt einer Excel-Arbeitsmappe (.xlsx), nach Name; leer = das erste Blatt. Für andere Dateien ignoriert.</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>Fehlende Werte</translation>
    </message>
    <message>
        <source>Comma-separated cell values read as missing, besides the empty cell; empty = NA, N/A, NaN, nan, ?, null, NULL, None.</source>
        <translation>Durch Komma getrennte Zellwerte, die außer der leeren Zelle als fehlend gelten; leer = NA, N/A, NaN, nan, ?, null, NULL, None.</translation>
    </message>
    <message>
        <source>Propose a target</source>
        <translation>Zielvariable vorschlagen</translation>
    </message>
    <message>
        <source>When the file names no target (ARFF&apos;s class attribute, LIBSVM&apos;s label), the last categorical column becomes the target.</source>
        <translation>Wenn die Datei keine Zielvariable nennt (das Klassenattribut von ARFF, die Bezeichnung bei LIBSVM), wird die letzte kategoriale Spalte zur Zielvariable.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielvariable</translation>
    </message>
    <message>
        <source>Column to predict; any other target column becomes a feature. Empty leaves the target as it is.</source>
        <translation>Vorherzusagende Spalte; jede andere Zielspalte wird zum Merkmal. Leer lässt die Zielvariable, wie sie ist.</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Columns made inputs of models (for example a file&apos;s class attribute, to train without a target).</source>
        <translation>Spalten, die zu Eingaben der Modelle werden (zum Beispiel das Klassenattribut einer Datei, um ohne Zielvariable zu trainieren).</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Columns kept in the table but not used by models (identifiers, notes).</source>
        <translation>Spalten, die in der Tabelle bleiben, aber von Modellen nicht verwendet werden (Kennungen, Notizen).</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Columns removed from the table: no later step sees them.</source>
        <translation>Aus der Tabelle entfernte Spalten: kein späterer Schritt sieht sie.</translation>
    </message>
    <message>
        <source>As categorical</source>
        <translation>Als kategorial</translation>
    </message>
    <message>
        <source>Numeric columns read as categories (class labels, ratings).</source>
        <translation>Numerische Spalten, als Kategorien gelesen (Klassenbezeichnungen, Bewertungen).</translation>
    </message>
    <message>
        <source>As numeric</source>
        <translation>Als numerisch</translation>
    </message>
    <message>
        <source>Categorical columns whose categories are all numbers, read as numbers.</source>
        <translation>Kategoriale Spalten, deren Kategorien alle Zahlen sind, als Zahlen gelesen.</translation>
    </message>
    <message>
        <source>Drop missing</source>
        <translation>Fehlende entfernen</translation>
    </message>
    <message>
        <source>Drop rows with a missing cell in the chosen columns (all columns when none is chosen).</source>
        <translation>Zeilen mit einer fehlenden Zelle in den gewählten Spalten entfernen (in allen Spalten, wenn keine gewählt ist).</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Columns checked for missing cells. Empty: every column.</source>
        <translation>Auf fehlende Zellen geprüfte Spalten. Leer: alle Spalten.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>The model file. A relative path is taken from the folder of the workflow file.</source>
        <translation>Die Modelldatei. Ein relativer Pfad gilt ab dem Ordner der Workflow-Datei.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Categorical column the features are scored against. Empty: the table&apos;s target.</source>
        <translation>Kategoriale Spalte, gegen die die Merkmale bewertet werden. Leer: die Zielvariable der Tabelle.</translation>
    </message>
    <message>
        <source>Columns to score. Empty: every feature column.</source>
        <translation>Zu bewertende Spalten. Leer: alle Merkmalsspalten.</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>The score the features are ranked (and the best k kept) by: info_gain, gain_ratio and gini on numeric features cut into equal-frequency bins; anova_f and chi2 as scikit-learn&apos;s f_classif and chi2; mutual_info as mutual_info_classif; relieff (Kononenko).</source>
        <translation>Die Bewertung, nach der die Merkmale sortiert (und die besten k behalten) werden: info_gain, gain_ratio und gini auf numerischen Merkmalen in Klassen gleicher Häufigkeit; anova_f und chi2 wie f_classif und chi2 in scikit-learn; mutual_info wie mutual_info_classif; relieff (Kononenko).</translation>
    </message>
    <message>
        <source>Keep best</source>
        <translation>Beste behalten</translation>
    </message>
    <message>
        <source>How many of the best features the Top features output keeps.</source>
        <translation>Wie viele der besten Merkmale die Ausgabe „Beste Merkmale“ behält.</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Equal-frequency bins a numeric feature is cut into for information gain, gain ratio and Gini.</source>
        <translation>Klassen gleicher Häufigkeit, in die ein numerisches Merkmal für Informationsgewinn, Gewinnverhältnis und Gini geteilt wird.</translation>
    </message>
    <message>
        <source>ReliefF rows</source>
        <translation>ReliefF-Zeilen</translation>
    </message>
    <message>
        <source>Rows ReliefF draws (each compared with every row: the work is rows x table rows x features). 0: no ReliefF.</source>
        <translation>Von ReliefF gezogene Zeilen (jede wird mit jeder Zeile verglichen: der Aufwand ist Zeilen x Tabellenzeilen x Merkmale). 0: kein ReliefF.</translation>
    </message>
    <message>
        <source>Seed of ReliefF&apos;s rows and of the mutual information&apos;s tie noise.</source>
        <translation>Startwert der ReliefF-Zeilen und des Rauschens zur Auflösung von Gleichständen bei der Transinformation.</translation>
    </message>
    <message>
        <source>The file to write (replaced when it exists). A relative path is taken from the folder of the workflow file.</source>
        <translation>Die zu schreibende Datei (wird ersetzt, falls vorhanden). Ein relativer Pfad gilt ab dem Ordner der Workflow-Datei.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Columns to keep, in this order. Empty keeps every column.</source>
        <translation>Zu behaltende Spalten, in dieser Reihenfolge. Leer behält alle Spalten.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>The selected rows as 0-based indices of the input table, in ranges: &quot;0-9,15,20-30&quot; (the data table numbers rows from 1). Set by selecting in the views; empty: no row.</source>
        <translation>Die ausgewählten Zeilen als 0-basierte Indizes der Eingabetabelle, in Bereichen: „0-9,15,20-30“ (die Datentabelle nummeriert Zeilen ab 1). Wird durch Auswählen in den Ansichten gesetzt; leer: keine Zeile.</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Fraction of the rows that go to the test table.</source>
        <translation>Anteil der Zeilen, die in die Testtabelle gehen.</translation>
    </message>
    <message>
        <source>Stratify</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Keep each class&apos;s share in both tables (needs a categorical target column).</source>
        <translation>Den Anteil jeder Klasse in beiden Tabellen erhalten (benötigt eine kategoriale Zielspalte).</translation>
    </message>
    <message>
        <source>The same seed gives the same split.</source>
        <translation>Derselbe Startwert ergibt dieselbe Aufteilung.</translation>
    </message>
    <message>
        <source>Known classes</source>
        <translation>Bekannte Klassen</translation>
    </message>
    <message>
        <source>Column to compare the clusters with (adjusted Rand index). Empty: the table&apos;s target column, if any.</source>
        <translation>Spalte, mit der die Cluster verglichen werden (bereinigter Rand-Index). Leer: die Zielspalte der Tabelle, falls vorhanden.</translation>
    </message>
    <message>
        <source>Silhouette sample</source>
        <translation>Silhouetten-Stichprobe</translation>
    </message>
    <message>
        <source>Rows drawn (seeded) for the silhouette, which is quadratic; 0: every row.</source>
        <translation>Für die Silhouette (quadratischer Aufwand) gezogene Zeilen (mit Startwert); 0: alle Zeilen.</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>Faltungen</translation>
    </message>
    <message>
        <source>Number of folds (k).</source>
        <translation>Anzahl der Faltungen (k).</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>Geschichtet</translation>
    </message>
    <message>
        <source>Classification: keep each class&apos;s share in every fold.</source>
        <translation>Klassifikation: den Anteil jeder Klasse in jeder Faltung erhalten.</translation>
    </message>
    <message>
        <source>Shuffles the rows before the folds are made; the same seed gives the same folds.</source>
        <translation>Mischt die Zeilen, bevor die Faltungen gebildet werden; derselbe Startwert ergibt dieselben Faltungen.</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Shuffles per column; the mean and spread of their score drops are reported (scikit-learn&apos;s n_repeats).</source>
        <translation>Mischungen pro Spalte; Mittelwert und Streuung ihrer Bewertungsrückgänge werden angegeben (n_repeats in scikit-learn).</translation>
    </message>
    <message>
        <source>Random seed of the shuffles: the same seed, model and rows give the same importances.</source>
        <translation>Startwert der Mischungen: derselbe Startwert, dasselbe Modell und dieselben Zeilen ergeben dieselben Wichtigkeiten.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Parameters and the values to try: &quot;C=0.01,0.1,1,10; max_iter=50,100&quot;.</source>
        <translation>Parameter und die zu probierenden Werte: „C=0.01,0.1,1,10; max_iter=50,100“.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Cross-validation folds used to score each combination.</source>
        <translation>Faltungen der Kreuzvalidierung, mit denen jede Kombination bewertet wird.</translation>
    </message>
    <message>
        <source>Folds and random search draws.</source>
        <translation>Faltungen und Ziehungen der Zufallssuche.</translation>
    </message>
    <message>
        <source>Column to predict. Empty: the table&apos;s target column.</source>
        <translation>Vorherzusagende Spalte. Leer: die Zielspalte der Tabelle.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Predict classes or a number.</source>
        <translation>Klassen oder eine Zahl vorhersagen.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Classification split quality. gain_ratio: C4.5&apos;s information gain over split information (each feature&apos;s threshold by gain, less log2(thresholds) / rows; among features with at least the average gain).</source>
        <translation>Güte einer Teilung bei der Klassifikation. gain_ratio: der Informationsgewinn von C4.5 geteilt durch die Split-Information (der Schwellenwert jedes Merkmals nach Gewinn, abzüglich log2(Schwellenwerte) / Zeilen; unter den Merkmalen mit mindestens durchschnittlichem Gewinn).</translation>
    </message>
    <message>
        <source>Maximum depth</source>
        <translation>Maximale Tiefe</translation>
    </message>
    <message>
        <source>Deepest level of a tree; 0: unlimited.</source>
        <translation>Tiefste Ebene eines Baums; 0: unbegrenzt.</translation>
    </message>
    <message>
        <source>Minimum rows to split</source>
        <translation>Mindestzeilen für eine Teilung</translation>
    </message>
    <message>
        <source>A node with fewer rows is not split further.</source>
        <translation>Ein Knoten mit weniger Zeilen wird nicht weiter geteilt.</translation>
    </message>
    <message>
        <source>Minimum rows per leaf</source>
        <translation>Mindestzeilen pro Blatt</translation>
    </message>
    <message>
        <source>Every leaf keeps at least this many rows; larger values make smoother models.</source>
        <translation>Jedes Blatt behält mindestens so viele Zeilen; größere Werte ergeben glattere Modelle.</translation>
    </message>
    <message>
        <source>Pruning alpha</source>
        <translation>Rückschnitt-Alpha</translation>
    </message>
    <message>
        <source>Minimal cost-complexity pruning (scikit-learn&apos;s ccp_alpha): a number &gt;= 0, larger prunes more, 0 keeps the whole tree; auto: chosen by 5-fold cross-validation on the training rows (folds drawn from the seed).</source>
        <translation>Minimaler Kosten-Komplexitäts-Rückschnitt (ccp_alpha in scikit-learn): eine Zahl &gt;= 0, größer schneidet mehr zurück, 0 behält den ganzen Baum; auto: per 5-facher Kreuzvalidierung auf den Trainingszeilen gewählt (Faltungen aus dem Startwert gezogen).</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <source>Classification. balanced: every row of class k counts n / (classes x rows of k) in training, as scikit-learn&apos;s class_weight=&quot;balanced&quot;, so a rare class weighs as much as a common one; none: every row counts 1.</source>
        <translation>Klassifikation. balanced: jede Zeile der Klasse k zählt im Training n / (Klassen x Zeilen von k), wie class_weight=&quot;balanced&quot; in scikit-learn, sodass eine seltene Klasse so viel wiegt wie eine häufige; none: jede Zeile zählt 1.</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Boosting iterations: trees added one after another (one per class per iteration for more than two classes).</source>
        <translation>Boosting-Iterationen: nacheinander hinzugefügte Bäume (bei mehr als zwei Klassen einer pro Klasse und Iteration).</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Shrinks each tree&apos;s contribution: smaller needs more iterations but generalises better.</source>
        <translation>Verkleinert den Beitrag jedes Baums: kleiner braucht mehr Iterationen, verallgemeinert aber besser.</translation>
    </message>
    <message>
        <source>Leaves per tree</source>
        <translation>Blätter pro Baum</translation>
    </message>
    <message>
        <source>Leaves per tree; trees grow best split first.</source>
        <translation>Blätter pro Baum; die Bäume wachsen mit der besten Teilung zuerst.</translation>
    </message>
    <message>
        <source>L2 regularisation</source>
        <translation>L2-Regularisierung</translation>
    </message>
    <message>
        <source>L2 penalty on leaf values; larger values smooth the model.</source>
        <translation>L2-Strafterm auf den Blattwerten; größere Werte glätten das Modell.</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Frühes Stoppen</translation>
    </message>
    <message>
        <source>auto: on above 10,000 rows (validation share below, drawn stratified by class for classification).</source>
        <translation>auto: ab 10.000 Zeilen an (Validierungsanteil siehe unten, bei Klassifikation nach Klasse geschichtet gezogen).</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Share of the training rows held out to decide when to stop (with early stopping).</source>
        <translation>Anteil der Trainingszeilen, der zurückgehalten wird, um über das Stoppen zu entscheiden (bei frühem Stoppen).</translation>
    </message>
    <message>
        <source>Ridge alpha</source>
        <translation>Ridge-Alpha</translation>
    </message>
    <message>
        <source>L2 penalty; 0: ordinary least squares.</source>
        <translation>L2-Strafterm; 0: gewöhnliche kleinste Quadrate.</translation>
    </message>
    <message>
        <source>Fit intercept</source>
        <translation>Achsenabschnitt anpassen</translation>
    </message>
    <message>
        <source>Fit a constant term (turn off only for data centred already).</source>
        <translation>Einen konstanten Term anpassen (nur bei bereits zentrierten Daten ausschalten).</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Inverse regularisation strength: smaller is stronger.</source>
        <translation>Kehrwert der Regularisierungsstärke: kleiner ist stärker.</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>Stop when the improvement per iteration falls below this.</source>
        <translation>Stoppen, wenn die Verbesserung pro Iteration darunter fällt.</translation>
    </message>
    <message>
        <source>Added to every category count (Laplace smoothing at 1), so a value never seen with a class is unlikely, not impossible.</source>
        <translation>Wird zu jeder Kategorienhäufigkeit addiert (Laplace-Glättung bei 1), damit ein nie mit einer Klasse gesehener Wert unwahrscheinlich, aber nicht unmöglich ist.</translation>
    </message>
    <message>
        <source>Numeric features</source>
        <translation>Numerische Merkmale</translation>
    </message>
    <message>
        <source>gaussian: a normal density per class; kernel: a kernel density estimate per class, for skewed or multi-modal features (slower to predict, the model keeps the training values).</source>
        <translation>gaussian: eine Normaldichte pro Klasse; kernel: eine Kerndichteschätzung pro Klasse, für schiefe oder mehrgipflige Merkmale (langsamer bei der Vorhersage, das Modell behält die Trainingswerte).</translation>
    </message>
    <message>
        <source>Nominal features</source>
        <translation>Nominale Merkmale</translation>
    </message>
    <message>
        <source>counts: the share of each category within a class; gaussian: a normal density on the 0/1 indicator columns (Gaussian naive Bayes on the encoded table, as scikit-learn&apos;s GaussianNB).</source>
        <translation>counts: der Anteil jeder Kategorie innerhalb einer Klasse; gaussian: eine Normaldichte auf den 0/1-Indikatorspalten (Gaußsches Naive Bayes auf der kodierten Tabelle, wie GaussianNB in scikit-learn).</translation>
    </message>
    <message>
        <source>Variance smoothing</source>
        <translation>Varianzglättung</translation>
    </message>
    <message>
        <source>Share of the largest variance added to every variance.</source>
        <translation>Anteil der größten Varianz, der zu jeder Varianz addiert wird.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Verborgene Schichten</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, e.g. &quot;64, 32&quot;.</source>
        <translation>Neuronen pro verborgener Schicht, z. B. „64, 32“.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Function applied in the hidden layers: relu (fast, the usual choice), tanh or sigmoid.</source>
        <translation>In den verborgenen Schichten angewandte Funktion: relu (schnell, die übliche Wahl), tanh oder sigmoid.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>sgd: stochastic gradient descent with momentum.</source>
        <translation>sgd: stochastischer Gradientenabstieg mit Impuls.</translation>
    </message>
    <message>
        <source>Step size of the optimiser.</source>
        <translation>Schrittweite des Optimierers.</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Impuls</translation>
    </message>
    <message>
        <source>SGD only: share of the previous step kept in the next one.</source>
        <translation>Nur SGD: Anteil des vorigen Schritts, der in den nächsten übernommen wird.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Rows per gradient step.</source>
        <translation>Zeilen pro Gradientenschritt.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Maximum passes over the training rows; early stopping (or, without it, a training loss that stops improving) usually ends sooner. Why training ended is kept with the model and shown in the Training dock.</source>
        <translation>Höchstzahl der Durchläufe über die Trainingszeilen; frühes Stoppen (oder ohne es ein Trainingsverlust, der sich nicht mehr verbessert) endet meist früher. Warum das Training endete, wird mit dem Modell gespeichert und im Bereich „Training“ angezeigt.</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2-Strafterm</translation>
    </message>
    <message>
        <source>L2 penalty on the weights; larger values fight overfitting.</source>
        <translation>L2-Strafterm auf den Gewichten; größere Werte wirken Überanpassung entgegen.</translation>
    </message>
    <message>
        <source>Hold out a validation share (stratified by class for classification), stop when its loss has not improved for &apos;patience&apos; epochs and keep the weights of the best epoch. Off: train on all rows and stop when the training loss stops improving, as scikit-learn&apos;s MLPClassifier does by default.</source>
        <translation>Einen Validierungsanteil zurückhalten (bei Klassifikation nach Klasse geschichtet), stoppen, wenn sich sein Verlust „patience“ Epochen lang nicht verbessert hat, und die Gewichte der besten Epoche behalten. Aus: auf allen Zeilen trainieren und stoppen, wenn sich der Trainingsverlust nicht mehr verbessert, wie MLPClassifier von scikit-learn standardmäßig.</translation>
    </message>
    <message>
        <source>Rows to stop early</source>
        <translation>Zeilen für frühes Stoppen</translation>
    </message>
    <message>
        <source>Early stopping holds rows out only when the validation share gives at least this many (0: always); on smaller tables a few held-out rows judge too noisily and cost training rows, so training uses every row and stops when the training loss stops improving.</source>
        <translation>Frühes Stoppen hält nur dann Zeilen zurück, wenn der Validierungsanteil mindestens so viele ergibt (0: immer); bei kleineren Tabellen urteilen wenige zurückgehaltene Zeilen zu verrauscht und kosten Trainingszeilen, daher nutzt das Training alle Zeilen und stoppt, wenn sich der Trainingsverlust nicht mehr verbessert.</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <source>Epochs without improvement before stopping.</source>
        <translation>Epochen ohne Verbesserung vor dem Stoppen.</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>Bäume</translation>
    </message>
    <message>
        <source>Number of trees; more trees give steadier predictions and take longer.</source>
        <translation>Anzahl der Bäume; mehr Bäume geben stabilere Vorhersagen und dauern länger.</translation>
    </message>
    <message>
        <source>Features per split</source>
        <translation>Merkmale pro Teilung</translation>
    </message>
    <message>
        <source>auto: sqrt for classification, all for regression.</source>
        <translation>auto: sqrt bei Klassifikation, all bei Regression.</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>Bootstrap</translation>
    </message>
    <message>
        <source>Train each tree on rows drawn with replacement (otherwise on all rows).</source>
        <translation>Jeden Baum auf mit Zurücklegen gezogenen Zeilen trainieren (sonst auf allen Zeilen).</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kern</translation>
    </message>
    <message>
        <source>rbf: curved boundaries (Gaussian kernel); linear: a flat boundary, faster on many columns.</source>
        <translation>rbf: gekrümmte Grenzen (Gauß-Kern); linear: eine ebene Grenze, schneller bei vielen Spalten.</translation>
    </message>
    <message>
        <source>Penalty of margin violations.</source>
        <translation>Strafe für Verletzungen des Rands.</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>RBF width; 0: 1 / (features x variance), like scikit-learn&apos;s &quot;scale&quot;.</source>
        <translation>RBF-Breite; 0: 1 / (Merkmale x Varianz), wie „scale“ in scikit-learn.</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Regression: width of the tube without penalty.</source>
        <translation>Regression: Breite der Röhre ohne Strafe.</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>Klassenwahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>Classification: calibrated class probabilities (Platt scaling on 5-fold cross-validated decision values, as libsvm), for ROC curves and AUC; trains five more machines per pair of classes.</source>
        <translation>Klassifikation: kalibrierte Klassenwahrscheinlichkeiten (Platt-Skalierung auf 5-fach kreuzvalidierten Entscheidungswerten, wie libsvm), für ROC-Kurven und AUC; trainiert fünf weitere Maschinen pro Klassenpaar.</translation>
    </message>
    <message>
        <source>Neighbours (k)</source>
        <translation>Nachbarn (k)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>distance: closer neighbours count more.</source>
        <translation>distance: nähere Nachbarn zählen mehr.</translation>
    </message>
    <message>
        <source>Distance between rows: euclidean (straight line) or manhattan (sum of absolute differences).</source>
        <translation>Abstand zwischen Zeilen: euclidean (gerade Linie) oder manhattan (Summe der absoluten Differenzen).</translation>
    </message>
    <message>
        <source>Empty: every numeric feature column.</source>
        <translation>Leer: alle numerischen Merkmalsspalten.</translation>
    </message>
    <message>
        <source>Number of bins per column.</source>
        <translation>Anzahl der Klassen pro Spalte.</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>equal_frequency: about as many rows in every bin; equal_width: bins of the same width.</source>
        <translation>equal_frequency: etwa gleich viele Zeilen in jeder Klasse; equal_width: Klassen gleicher Breite.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>interval: categories like &quot;[1.5, 3.2)&quot;; index: the bin number.</source>
        <translation>interval: Kategorien wie „[1.5, 3.2)“; index: die Nummer der Klasse.</translation>
    </message>
    <message>
        <source>Empty: every feature column with missing cells.</source>
        <translation>Leer: alle Merkmalsspalten mit fehlenden Zellen.</translation>
    </message>
    <message>
        <source>Numeric strategy</source>
        <translation>Strategie für numerische Spalten</translation>
    </message>
    <message>
        <source>How numeric columns are filled.</source>
        <translation>Wie numerische Spalten gefüllt werden.</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>Numeric constant (strategy constant).</source>
        <translation>Numerische Konstante (Strategie „constant“).</translation>
    </message>
    <message>
        <source>Categorical strategy</source>
        <translation>Strategie für kategoriale Spalten</translation>
    </message>
    <message>
        <source>How categorical columns are filled.</source>
        <translation>Wie kategoriale Spalten gefüllt werden.</translation>
    </message>
    <message>
        <source>Constant category</source>
        <translation>Konstante Kategorie</translation>
    </message>
    <message>
        <source>Category used by the constant strategy.</source>
        <translation>Kategorie für die Strategie „constant“.</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Value the column&apos;s minimum maps to.</source>
        <translation>Wert, auf den das Minimum der Spalte abgebildet wird.</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Value the column&apos;s maximum maps to.</source>
        <translation>Wert, auf den das Maximum der Spalte abgebildet wird.</translation>
    </message>
    <message>
        <source>Empty: every categorical feature column.</source>
        <translation>Leer: alle kategorialen Merkmalsspalten.</translation>
    </message>
    <message>
        <source>Drop first</source>
        <translation>Erste weglassen</translation>
    </message>
    <message>
        <source>Leave out the first category&apos;s column (avoids collinearity).</source>
        <translation>Die Spalte der ersten Kategorie weglassen (vermeidet Kollinearität).</translation>
    </message>
    <message>
        <source>Number of components; 0: choose by explained variance.</source>
        <translation>Anzahl der Komponenten; 0: nach erklärter Varianz wählen.</translation>
    </message>
    <message>
        <source>Explained variance</source>
        <translation>Erklärte Varianz</translation>
    </message>
    <message>
        <source>With components = 0: keep the fewest components explaining this share of the variance.</source>
        <translation>Bei Komponenten = 0: die wenigsten Komponenten behalten, die diesen Anteil der Varianz erklären.</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>Standardisieren</translation>
    </message>
    <message>
        <source>Scale columns to unit variance first (PCA on correlations).</source>
        <translation>Spalten zuerst auf Varianz 1 skalieren (PCA auf Korrelationen).</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Highest total power of the products (2: squares and pairwise products).</source>
        <translation>Höchste Gesamtpotenz der Produkte (2: Quadrate und paarweise Produkte).</translation>
    </message>
    <message>
        <source>Interactions only</source>
        <translation>Nur Wechselwirkungen</translation>
    </message>
    <message>
        <source>Only products of different columns, no powers.</source>
        <translation>Nur Produkte verschiedener Spalten, keine Potenzen.</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrieren</translation>
    </message>
    <message>
        <source>Subtract each column&apos;s mean.</source>
        <translation>Den Mittelwert jeder Spalte abziehen.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalieren</translation>
    </message>
    <message>
        <source>Divide each column by its standard deviation.</source>
        <translation>Jede Spalte durch ihre Standardabweichung teilen.</translation>
    </message>
    <message>
        <source>Numeric columns to summarise. Empty: every numeric column but the target (the first 20).</source>
        <translation>Zusammenzufassende numerische Spalten. Leer: alle numerischen Spalten außer der Zielvariable (die ersten 20).</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>Aufteilen nach</translation>
    </message>
    <message>
        <source>Categorical column whose classes get a box each. Empty: the target when it is categorical, else no split.</source>
        <translation>Kategoriale Spalte, deren Klassen je eine Box erhalten. Leer: die Zielvariable, wenn sie kategorial ist, sonst keine Aufteilung.</translation>
    </message>
    <message>
        <source>Violin</source>
        <translation>Violine</translation>
    </message>
    <message>
        <source>Draw each group&apos;s density (Gaussian kernel, Scott&apos;s bandwidth) with its quartiles instead of a box.</source>
        <translation>Statt einer Box die Dichte jeder Gruppe (Gauß-Kern, Bandbreite nach Scott) mit ihren Quartilen zeichnen.</translation>
    </message>
    <message>
        <source>Number of probability bins (scikit-learn&apos;s n_bins).</source>
        <translation>Anzahl der Wahrscheinlichkeitsklassen (n_bins in scikit-learn).</translation>
    </message>
    <message>
        <source>uniform: bins of equal width on [0, 1]; quantile: bins holding equally many rows (edges at the probabilities&apos; percentiles).</source>
        <translation>uniform: Klassen gleicher Breite auf [0, 1]; quantile: Klassen mit gleich vielen Zeilen (Grenzen an den Perzentilen der Wahrscheinlichkeiten).</translation>
    </message>
    <message>
        <source>Numeric columns to correlate. Empty: every numeric column.</source>
        <translation>Zu korrelierende numerische Spalten. Leer: alle numerischen Spalten.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Column to count. Empty: the first numeric column.</source>
        <translation>Zu zählende Spalte. Leer: die erste numerische Spalte.</translation>
    </message>
    <message>
        <source>Number of equal-width bins for a numeric column.</source>
        <translation>Anzahl gleich breiter Klassen für eine numerische Spalte.</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>gains: the share of positives among the top rows; lift: that share divided by the share of rows (1 = random).</source>
        <translation>gains: der Anteil der Positiven unter den obersten Zeilen; lift: dieser Anteil geteilt durch den Anteil der Zeilen (1 = Zufall).</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X-Achse</translation>
    </message>
    <message>
        <source>Column on the horizontal axis. Empty: the first numeric column.</source>
        <translation>Spalte auf der waagrechten Achse. Leer: die erste numerische Spalte.</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Y-Achse</translation>
    </message>
    <message>
        <source>Column on the vertical axis. Empty: the second numeric column.</source>
        <translation>Spalte auf der senkrechten Achse. Leer: die zweite numerische Spalte.</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Column giving each point its colour. Empty: a column named &quot;cluster&quot; (a clustering node&apos;s output), else the target column, if any.</source>
        <translation>Spalte, die jedem Punkt seine Farbe gibt. Leer: eine Spalte namens „cluster“ (die Ausgabe eines Clustering-Knotens), sonst die Zielspalte, falls vorhanden.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Numeric column giving each point its size. Empty: one size.</source>
        <translation>Numerische Spalte, die jedem Punkt seine Größe gibt. Leer: eine Größe.</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Categorical column giving each point its marker (the first six classes get their own). Empty: one marker.</source>
        <translation>Kategoriale Spalte, die jedem Punkt seine Markierung gibt (die ersten sechs Klassen erhalten eine eigene). Leer: eine Markierung.</translation>
    </message>
    <message>
        <source>Numeric columns to pair (at most 10). Empty: the first 5 numeric columns but the target.</source>
        <translation>Zu paarende numerische Spalten (höchstens 10). Leer: die ersten 5 numerischen Spalten außer der Zielvariable.</translation>
    </message>
    <message>
        <source>Categorical column giving each point its colour. Empty: a column named &quot;cluster&quot;, else the categorical target, if any.</source>
        <translation>Kategoriale Spalte, die jedem Punkt seine Farbe gibt. Leer: eine Spalte namens „cluster“, sonst die kategoriale Zielvariable, falls vorhanden.</translation>
    </message>
    <message>
        <source>Most points</source>
        <translation>Höchstzahl Punkte</translation>
    </message>
    <message>
        <source>Rows drawn in each scatter; above, a seeded random sample.</source>
        <translation>In jedem Streudiagramm gezeichnete Zeilen; darüber eine Zufallsstichprobe mit Startwert.</translation>
    </message>
    <message>
        <source>Bins of the histograms on the diagonal.</source>
        <translation>Klassen der Histogramme auf der Diagonale.</translation>
    </message>
    <message>
        <source>Seed of the row sample.</source>
        <translation>Startwert der Zeilenstichprobe.</translation>
    </message>
    <message>
        <source>Cluster column</source>
        <translation>Clusterspalte</translation>
    </message>
    <message>
        <source>Categorical column holding each row&apos;s cluster. Empty: a column named &quot;cluster&quot; (a clustering node&apos;s output), else the target.</source>
        <translation>Kategoriale Spalte mit dem Cluster jeder Zeile. Leer: eine Spalte namens „cluster“ (die Ausgabe eines Clustering-Knotens), sonst die Zielvariable.</translation>
    </message>
    <message>
        <source>Numeric columns the distances are computed on (euclidean). Empty: every numeric column but the target.</source>
        <translation>Numerische Spalten, auf denen die Abstände berechnet werden (euklidisch). Leer: alle numerischen Spalten außer der Zielvariable.</translation>
    </message>
    <message>
        <source>Most rows</source>
        <translation>Höchstzahl Zeilen</translation>
    </message>
    <message>
        <source>The work grows with the square of the rows: above this many, a seeded random sample of this many rows is evaluated (with a warning). 20,000 rows take a few seconds.</source>
        <translation>Der Aufwand wächst mit dem Quadrat der Zeilen: darüber wird eine Zufallsstichprobe dieser Größe mit Startwert ausgewertet (mit einer Warnung). 20.000 Zeilen dauern einige Sekunden.</translation>
    </message>
    <message>
        <source>Score to optimise (auto: accuracy or R²).</source>
        <translation>Zu optimierende Bewertung (auto: Genauigkeit oder R²).</translation>
    </message>
    <message>
        <source>Smoothing (α)</source>
        <translation>Glättung (α)</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>auto: missing numeric cells are filled with the training mean; steps already in the pipeline (Impute, Standardize or Min-Max Scale upstream) are not repeated, and the steps are saved with the model. none: the table is used as it is. Categorical columns are one-hot encoded either way.</source>
        <translation>auto: fehlende numerische Zellen werden mit dem Trainingsmittelwert gefüllt; Schritte, die bereits in der Pipeline sind (Imputieren, Standardisieren oder Min-Max-Skalierung davor), werden nicht wiederholt, und die Schritte werden mit dem Modell gespeichert. none: die Tabelle wird unverändert verwendet. Kategoriale Spalten werden in jedem Fall One-Hot-kodiert.</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Quellspalte</translation>
    </message>
    <message>
        <source>Name of a column saying which table each row came from (a meta column). Empty: none.</source>
        <translation>Name einer Spalte, die angibt, aus welcher Tabelle jede Zeile stammt (eine Metaspalte). Leer: keine.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>The table of a SQLite database (.sqlite, .db) to read; empty = the first table. Ignored for other files, and when a query is given.</source>
        <translation>Die zu lesende Tabelle einer SQLite-Datenbank (.sqlite, .db); leer = die erste Tabelle. Wird bei anderen Dateien ignoriert und wenn eine Abfrage angegeben ist.</translation>
    </message>
    <message>
        <source>SQL query</source>
        <translation>SQL-Abfrage</translation>
    </message>
    <message>
        <source>A query whose rows are read from a SQLite database instead of a table (SELECT ... FROM ... WHERE ...). Ignored for other files.</source>
        <translation>Eine Abfrage, deren Zeilen statt einer Tabelle aus einer SQLite-Datenbank gelesen werden (SELECT ... FROM ... WHERE ...). Wird bei anderen Dateien ignoriert.</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>Text columns of dates or date-times (2024-03-05, 2024-03-05T14:30+01:00, 05/03/2024) become date columns. auto reads 05/03/2024 in the order the column&apos;s values allow (a day above 12 decides) and leaves an ambiguous column as text; day-first and month-first say the order; off keeps every text column as text.</source>
        <translation>Textspalten mit Datums- oder Datums-/Zeitangaben (2024-03-05, 2024-03-05T14:30+01:00, 05/03/2024) werden zu Datumsspalten. auto liest 05/03/2024 in der Reihenfolge, die die Werte der Spalte zulassen (ein Tag über 12 entscheidet), und belässt eine mehrdeutige Spalte als Text; day-first und month-first geben die Reihenfolge vor; off belässt jede Textspalte als Text.</translation>
    </message>
    <message>
        <source>As date</source>
        <translation>Als Datum</translation>
    </message>
    <message>
        <source>Text columns read as dates or date-times (2024-03-05, 2024-03-05 14:30, 05/03/2024).</source>
        <translation>Textspalten, die als Datums- oder Datums-/Zeitangaben gelesen werden (2024-03-05, 2024-03-05 14:30, 05/03/2024).</translation>
    </message>
    <message>
        <source>Keep rows where this holds, e.g. &quot;petal_length &gt;= 2.5&quot;, &quot;species != setosa and sepal_width &gt; 3&quot;, &quot;species in (a, b)&quot;, &quot;is_missing(age) or age &lt; 18&quot; (the Formula node&apos;s expressions). Empty: keep all.</source>
        <translation>Zeilen behalten, für die dies gilt, z. B. &quot;petal_length &gt;= 2.5&quot;, &quot;species != setosa and sepal_width &gt; 3&quot;, &quot;species in (a, b)&quot;, &quot;is_missing(age) or age &lt; 18&quot; (die Ausdrücke des Formel-Knotens). Leer: alle behalten.</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>The key columns: one output row per combination of their values.</source>
        <translation>Die Schlüsselspalten: eine Ausgabezeile je Kombination ihrer Werte.</translation>
    </message>
    <message>
        <source>The columns to aggregate. Empty: every other column.</source>
        <translation>Die zu aggregierenden Spalten. Leer: alle anderen Spalten.</translation>
    </message>
    <message>
        <source>Aggregates</source>
        <translation>Aggregate</translation>
    </message>
    <message>
        <source>Comma-separated: count, sum, mean, median, min, max, std, first, distinct. Columns named &quot;column_aggregate&quot;.</source>
        <translation>Kommagetrennt: count, sum, mean, median, min, max, std, first, distinct. Spalten heißen &quot;column_aggregate&quot;.</translation>
    </message>
    <message>
        <source>Row count</source>
        <translation>Zeilenanzahl</translation>
    </message>
    <message>
        <source>Add a column &quot;rows&quot; with each group&apos;s number of rows.</source>
        <translation>Eine Spalte &quot;rows&quot; mit der Zeilenanzahl jeder Gruppe hinzufügen.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Verknüpfung (Join)</translation>
    </message>
    <message>
        <source>inner: rows whose keys are in both tables; left / right: every row of that table; outer: every row of both.</source>
        <translation>inner: Zeilen, deren Schlüssel in beiden Tabellen vorkommen; left / right: jede Zeile dieser Tabelle; outer: jede Zeile beider Tabellen.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The key columns of the left table.</source>
        <translation>Die Schlüsselspalten der linken Tabelle.</translation>
    </message>
    <message>
        <source>Right keys</source>
        <translation>Rechte Schlüssel</translation>
    </message>
    <message>
        <source>The key columns of the right table, in the same order. Empty: the same names as the left keys.</source>
        <translation>Die Schlüsselspalten der rechten Tabelle, in derselben Reihenfolge. Leer: dieselben Namen wie die linken Schlüssel.</translation>
    </message>
    <message>
        <source>Left suffix</source>
        <translation>Linkes Suffix</translation>
    </message>
    <message>
        <source>Added to a left column whose name the right table also has.</source>
        <translation>Wird an eine linke Spalte angehängt, deren Namen auch die rechte Tabelle hat.</translation>
    </message>
    <message>
        <source>Right suffix</source>
        <translation>Rechtes Suffix</translation>
    </message>
    <message>
        <source>Added to a right column whose name the left table also has.</source>
        <translation>Wird an eine rechte Spalte angehängt, deren Namen auch die linke Tabelle hat.</translation>
    </message>
    <message>
        <source>Missing keys match</source>
        <translation>Fehlende Schlüssel passen zueinander</translation>
    </message>
    <message>
        <source>Missing key cells match each other, as in pandas; off: they match nothing, as in SQL.</source>
        <translation>Fehlende Schlüsselzellen passen zueinander, wie in pandas; aus: sie passen zu nichts, wie in SQL.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>isolation_forest: rows that random splits isolate quickly; local_outlier_factor: rows in sparser places than their neighbours; robust_covariance: rows far from a robust Gaussian fit (minimum covariance determinant).</source>
        <translation>isolation_forest: Zeilen, die zufällige Aufteilungen schnell isolieren; local_outlier_factor: Zeilen in dünner besetzten Bereichen als ihre Nachbarn; robust_covariance: Zeilen weit entfernt von einer robusten Gauß-Anpassung (Minimum Covariance Determinant).</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>flag: add the columns outlier (no/yes) and outlier_score; remove: drop the outlier rows.</source>
        <translation>flag: die Spalten outlier (no/yes) und outlier_score hinzufügen; remove: die Ausreißerzeilen entfernen.</translation>
    </message>
    <message>
        <source>Contamination</source>
        <translation>Kontamination</translation>
    </message>
    <message>
        <source>Share of the rows called outliers (those with the highest scores).</source>
        <translation>Anteil der Zeilen, die als Ausreißer gelten (jene mit den höchsten Ausreißerwerten).</translation>
    </message>
    <message>
        <source>Columns the detector looks at. Empty: every feature column (not the target, not ignored ones).</source>
        <translation>Spalten, die der Detektor betrachtet. Leer: jede Merkmalsspalte (nicht die Zielvariable, keine ignorierten).</translation>
    </message>
    <message>
        <source>Scale numeric columns to mean 0 and standard deviation 1 first, so no column dominates the distances (robust covariance does not depend on scale).</source>
        <translation>Numerische Spalten zuerst auf Mittelwert 0 und Standardabweichung 1 skalieren, damit keine Spalte die Abstände dominiert (die robuste Kovarianz hängt nicht von der Skalierung ab).</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>Nachbarn</translation>
    </message>
    <message>
        <source>Local outlier factor: neighbours compared with.</source>
        <translation>Local Outlier Factor (LOF): Anzahl der Nachbarn, mit denen verglichen wird.</translation>
    </message>
    <message>
        <source>Isolation forest: number of trees (each on 256 rows).</source>
        <translation>Isolation Forest: Anzahl der Bäume (jeder auf 256 Zeilen).</translation>
    </message>
    <message>
        <source>Isolation forest subsamples and splits, robust covariance starts.</source>
        <translation>Stichproben und Aufteilungen des Isolation Forest, Startpunkte der robusten Kovarianz.</translation>
    </message>
    <message>
        <source>Columns whose values make the rows.</source>
        <translation>Spalten, deren Werte die Zeilen bilden.</translation>
    </message>
    <message>
        <source>Columns from</source>
        <translation>Spalten aus</translation>
    </message>
    <message>
        <source>The column whose values make the columns.</source>
        <translation>Die Spalte, deren Werte die Spalten bilden.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>The column aggregated in each cell.</source>
        <translation>Die Spalte, die in jeder Zelle aggregiert wird.</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>Aggregat</translation>
    </message>
    <message>
        <source>What each cell holds: the aggregate of the values of its rows (std: sample standard deviation; distinct: number of distinct values).</source>
        <translation>Was jede Zelle enthält: das Aggregat der Werte ihrer Zeilen (std: Standardabweichung der Stichprobe; distinct: Anzahl verschiedener Werte).</translation>
    </message>
    <message>
        <source>auto goes by the file&apos;s extension (.tsv or .tab: TSV, .arff: ARFF, .xlsx: Excel, anything else: CSV). ARFF keeps the column types and categories; CSV, TSV and Excel keep names, numbers, dates and missing cells.</source>
        <translation>auto richtet sich nach der Dateiendung (.tsv oder .tab: TSV, .arff: ARFF, .xlsx: Excel, alles andere: CSV). ARFF behält die Spaltentypen und Kategorien; CSV, TSV und Excel behalten Namen, Zahlen, Datumsangaben und fehlende Zellen.</translation>
    </message>
    <message>
        <source>grid: every combination; random: `trials` combinations drawn at random; bayesian: `trials` combinations, each chosen by expected improvement on a Gaussian process fitted to the scores so far.</source>
        <translation>grid: jede Kombination; random: `trials` zufällig gezogene Kombinationen; bayesian: `trials` Kombinationen, jede nach der erwarteten Verbesserung auf einem Gauß-Prozess gewählt, der an die bisherigen Bewertungen angepasst ist.</translation>
    </message>
    <message>
        <source>Random and Bayesian search: number of combinations tried.</source>
        <translation>Zufalls- und Bayes&apos;sche Suche: Anzahl der ausprobierten Kombinationen.</translation>
    </message>
    <message>
        <source>auto: missing numeric cells are filled with the training mean and numeric features are standardized (mean 0, variance 1), as this learner compares distances or gradients; steps already in the pipeline (Impute, Standardize or Min-Max Scale upstream) are not repeated, and the steps are saved with the model. none: the table is used as it is. Categorical columns are one-hot encoded either way.</source>
        <translation>auto: fehlende numerische Zellen werden mit dem Trainingsmittelwert gefüllt und numerische Merkmale werden standardisiert (Mittelwert 0, Varianz 1), da dieses Lernverfahren Abstände oder Gradienten vergleicht; Schritte, die bereits in der Pipeline sind (Imputieren, Standardisieren oder Min-Max-Skalierung davor), werden nicht wiederholt, und die Schritte werden mit dem Modell gespeichert. none: die Tabelle wird unverändert verwendet. Kategoriale Spalten werden in jedem Fall One-Hot-kodiert.</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>Formeln</translation>
    </message>
    <message>
        <source>One or more &apos;name = expression&apos; separated by &apos;;&apos;, e.g. &quot;ratio = income / size; group = cut(age, [0, 18, 65, 120], [young, adult, senior]); m = month(date)&quot;. Functions: log exp sqrt abs pow min max round floor ceil if is_missing, lower upper contains substr len str num, year month day weekday hour, cut. &apos;name:categorical = ...&apos; forces the type.</source>
        <translation>Ein oder mehrere &apos;name = expression&apos;, getrennt durch &apos;;&apos;, z. B. &quot;ratio = income / size; group = cut(age, [0, 18, 65, 120], [young, adult, senior]); m = month(date)&quot;. Funktionen: log exp sqrt abs pow min max round floor ceil if is_missing, lower upper contains substr len str num, year month day weekday hour, cut. &apos;name:categorical = ...&apos; erzwingt den Typ.</translation>
    </message>
    <message>
        <source>Where the tree is cut: the number of clusters kept. Dragging the cut line in the view sets it.</source>
        <translation>Wo der Baum geschnitten wird: die Anzahl der behaltenen Cluster. Das Ziehen der Schnittlinie in der Ansicht setzt diesen Wert.</translation>
    </message>
    <message>
        <source>Leaf labels</source>
        <translation>Blattbeschriftungen</translation>
    </message>
    <message>
        <source>Column whose values name the leaves. Empty: row numbers.</source>
        <translation>Spalte, deren Werte die Blätter benennen. Leer: Zeilennummern.</translation>
    </message>
    <message>
        <source>Scale each column to mean 0 and variance 1 before distances, so that a column in large units does not dominate.</source>
        <translation>Jede Spalte vor der Abstandsberechnung auf Mittelwert 0 und Varianz 1 skalieren, damit eine Spalte in großen Einheiten nicht dominiert.</translation>
    </message>
    <message>
        <source>Numeric columns to show. Empty: every numeric column but the target.</source>
        <translation>Anzuzeigende numerische Spalten. Leer: jede numerische Spalte außer der Zielvariable.</translation>
    </message>
    <message>
        <source>Row annotation</source>
        <translation>Zeilenannotation</translation>
    </message>
    <message>
        <source>Categorical column shown as a colour strip beside the rows. Empty: the table&apos;s categorical target, if any.</source>
        <translation>Kategoriale Spalte, die als Farbstreifen neben den Zeilen angezeigt wird. Leer: die kategoriale Zielvariable der Tabelle, falls vorhanden.</translation>
    </message>
    <message>
        <source>Linkage of the clusterings that order rows and columns (euclidean distances of the standardized values).</source>
        <translation>Verknüpfung der Clusterings, die Zeilen und Spalten ordnen (euklidische Abstände der standardisierten Werte).</translation>
    </message>
    <message>
        <source>Cluster rows</source>
        <translation>Zeilen clustern</translation>
    </message>
    <message>
        <source>Order the rows by hierarchical clustering with optimal leaf ordering; off: grouped by class, in table order.</source>
        <translation>Die Zeilen durch hierarchisches Clustering mit optimaler Blattreihenfolge ordnen; aus: nach Klasse gruppiert, in Tabellenreihenfolge.</translation>
    </message>
    <message>
        <source>Cluster columns</source>
        <translation>Spalten clustern</translation>
    </message>
    <message>
        <source>Order the columns by hierarchical clustering with optimal leaf ordering; off: in the order chosen.</source>
        <translation>Die Spalten durch hierarchisches Clustering mit optimaler Blattreihenfolge ordnen; aus: in der gewählten Reihenfolge.</translation>
    </message>
    <message>
        <source>Most rows clustered</source>
        <translation>Höchstzahl geclusterter Zeilen</translation>
    </message>
    <message>
        <source>The row ordering&apos;s work grows with the cube of the rows: above this many rows they are grouped by class instead (with a warning). 1,000 rows take about a second.</source>
        <translation>Der Aufwand der Zeilenordnung wächst mit der dritten Potenz der Zeilenanzahl: oberhalb dieser Zeilenanzahl werden sie stattdessen nach Klasse gruppiert (mit einer Warnung). 1.000 Zeilen dauern etwa eine Sekunde.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Date or numeric column along the horizontal axis; the rows are drawn in its order. Empty: the first date column, else the row number.</source>
        <translation>Datums- oder numerische Spalte entlang der horizontalen Achse; die Zeilen werden in ihrer Reihenfolge gezeichnet. Leer: die erste Datumsspalte, sonst die Zeilennummer.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Datenreihen</translation>
    </message>
    <message>
        <source>Numeric columns drawn as lines. Empty: the numeric columns that are not the x, the target or dates (the first 8).</source>
        <translation>Numerische Spalten, die als Linien gezeichnet werden. Leer: die numerischen Spalten, die weder x, Zielvariable noch Datumsangaben sind (die ersten 8).</translation>
    </message>
    <message>
        <source>Rolling mean</source>
        <translation>Gleitender Mittelwert</translation>
    </message>
    <message>
        <source>Also draw each series&apos; mean over this many points (a window with a missing value has none); 0 or 1: no rolling mean.</source>
        <translation>Zusätzlich den Mittelwert jeder Reihe über so viele Punkte zeichnen (ein Fenster mit einem fehlenden Wert hat keinen); 0 oder 1: kein gleitender Mittelwert.</translation>
    </message>
    <message>
        <source>One colour</source>
        <translation>Eine Farbe</translation>
    </message>
    <message>
        <source>Draw every point in one colour: no colour column, not even the automatic one.</source>
        <translation>Jeden Punkt in einer Farbe zeichnen: keine Farbspalte, auch nicht die automatische.</translation>
    </message>
    <message>
        <source>Numeric columns to embed. Empty: every numeric column but the target.</source>
        <translation>Einzubettende numerische Spalten. Leer: jede numerische Spalte außer der Zielvariable.</translation>
    </message>
    <message>
        <source>Scale each column to mean 0 and variance 1 first.</source>
        <translation>Jede Spalte zuerst auf Mittelwert 0 und Varianz 1 skalieren.</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>About how many neighbours each row keeps close (below the number of rows).</source>
        <translation>Etwa wie viele Nachbarn jede Zeile nahe bei sich hält (weniger als die Zeilenanzahl).</translation>
    </message>
    <message>
        <source>Early exaggeration</source>
        <translation>Frühe Übertreibung (Early Exaggeration)</translation>
    </message>
    <message>
        <source>How strongly clusters pull together in the first 250 iterations.</source>
        <translation>Wie stark sich Cluster in den ersten 250 Iterationen zusammenziehen.</translation>
    </message>
    <message>
        <source>Step size; 0: automatic, max(rows / exaggeration / 4, 50), as scikit-learn.</source>
        <translation>Schrittweite; 0: automatisch, max(rows / exaggeration / 4, 50), wie scikit-learn.</translation>
    </message>
    <message>
        <source>Most iterations, the first 250 with exaggeration.</source>
        <translation>Höchstzahl der Iterationen, die ersten 250 mit Übertreibung.</translation>
    </message>
    <message>
        <source>Barnes-Hut angle</source>
        <translation>Barnes-Hut-Winkel</translation>
    </message>
    <message>
        <source>Accuracy of the repulsive forces: lower is more exact and slower; 0 computes every pair.</source>
        <translation>Genauigkeit der abstoßenden Kräfte: kleiner ist genauer und langsamer; 0 berechnet jedes Paar.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>pca: the first two principal components (stable across runs); random: a seeded random start.</source>
        <translation>pca: die ersten beiden Hauptkomponenten (stabil über Läufe hinweg); random: ein zufälliger Start mit Startwert.</translation>
    </message>
    <message>
        <source>Seed of the random start.</source>
        <translation>Startwert des zufälligen Starts.</translation>
    </message>
    <message>
        <source>Above this many complete rows the node refuses (the neighbour search grows with the square of the rows): sample first.</source>
        <translation>Oberhalb dieser Anzahl vollständiger Zeilen verweigert der Knoten die Ausführung (die Nachbarsuche wächst mit dem Quadrat der Zeilenanzahl): ziehen Sie zuerst eine Stichprobe.</translation>
    </message>
    <message>
        <source>classical: the top eigenvectors of the double-centred squared distances (deterministic; up to 10,000 rows); smacof: metric stress majorization as scikit-learn&apos;s MDS (up to 5,000 rows).</source>
        <translation>classical: die führenden Eigenvektoren der doppelt zentrierten quadrierten Distanzen (deterministisch; bis 10.000 Zeilen); smacof: metrische Stress-Majorisierung wie scikit-learns MDS (bis 5.000 Zeilen).</translation>
    </message>
    <message>
        <source>Dimensions of the embedding; the scatter shows the first two.</source>
        <translation>Dimensionen der Einbettung; das Streudiagramm zeigt die ersten beiden.</translation>
    </message>
    <message>
        <source>SMACOF&apos;s start: the classical solution (one run; the default, as Orange&apos;s Torgerson start: it ends at a far lower stress than random starts on most data), or random (seeded, the best of Runs, as scikit-learn&apos;s MDS).</source>
        <translation>Start von SMACOF: die klassische Lösung (ein Lauf; die Voreinstellung, wie Oranges Torgerson-Start: sie endet auf den meisten Daten bei weit geringerem Stress als zufällige Starts) oder random (mit Seed, der beste der Läufe, wie scikit-learns MDS).</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>SMACOF runs from different random starts; the one with the lowest stress is kept.</source>
        <translation>SMACOF-Läufe von verschiedenen zufälligen Starts; der mit dem geringsten Stress wird behalten.</translation>
    </message>
    <message>
        <source>Most SMACOF iterations per run.</source>
        <translation>Höchstzahl der SMACOF-Iterationen pro Lauf.</translation>
    </message>
    <message>
        <source>A SMACOF run stops when its stress (relative to the size of the embedding) falls by less than this in an iteration, as scikit-learn.</source>
        <translation>Ein SMACOF-Lauf endet, wenn sein Stress (relativ zur Größe der Einbettung) in einer Iteration um weniger als diesen Wert sinkt, wie bei scikit-learn.</translation>
    </message>
    <message>
        <source>Seed of SMACOF&apos;s random starts.</source>
        <translation>Seed der zufälligen SMACOF-Starts.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folder of class subfolders (FOLDER/cat/1.png, FOLDER/dog/1.png...). A relative path is taken from the folder of the workflow file.</source>
        <translation>Der Ordner mit einem Unterordner je Klasse (ORDNER/katze/1.png, ORDNER/hund/1.png…). Ein relativer Pfad gilt ab dem Ordner der Workflow-Datei.</translation>
    </message>
    <message>
        <source>pixels: the image resized to width x height, each value in [0, 1]; histogram: the fraction of the image&apos;s pixels in each of &apos;bins&apos; intensity bins per channel; hog: the histogram of oriented gradients of the grey image resized to width x height.</source>
        <translation>pixels: das Bild auf Breite × Höhe skaliert, jeder Wert in [0, 1]; histogram: der Anteil der Pixel des Bildes in jedem der „Bins“ Intensitätsintervalle je Kanal; hog: das Histogramm orientierter Gradienten (HOG) des auf Breite × Höhe skalierten Graubilds.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>The width, in pixels, images are resized to for pixels and HOG (a multiple of the HOG cell size).</source>
        <translation>Die Breite in Pixeln, auf die Bilder für pixels und HOG skaliert werden (ein Vielfaches der HOG-Zellgröße).</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>The height, in pixels, images are resized to for pixels and HOG (a multiple of the HOG cell size).</source>
        <translation>Die Höhe in Pixeln, auf die Bilder für pixels und HOG skaliert werden (ein Vielfaches der HOG-Zellgröße).</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>grey: one intensity per pixel; colour: red, green and blue; auto: grey pixels and a colour histogram. HOG is always computed on grey.</source>
        <translation>grey: eine Intensität je Pixel; colour: Rot, Grün und Blau; auto: graue Pixel und ein Farbhistogramm. HOG wird immer auf dem Graubild berechnet.</translation>
    </message>
    <message>
        <source>Histogram bins</source>
        <translation>Histogramm-Bins</translation>
    </message>
    <message>
        <source>Histogram: the number of equal bins over 0..255 per channel.</source>
        <translation>Histogramm: die Zahl gleich breiter Bins über 0..255 je Kanal.</translation>
    </message>
    <message>
        <source>HOG cell size</source>
        <translation>HOG-Zellgröße</translation>
    </message>
    <message>
        <source>HOG: the side of a cell in pixels; blocks are 2 x 2 cells, moved by one cell.</source>
        <translation>HOG: die Seitenlänge einer Zelle in Pixeln; Blöcke sind 2 × 2 Zellen, um eine Zelle verschoben.</translation>
    </message>
    <message>
        <source>HOG orientations</source>
        <translation>HOG-Orientierungen</translation>
    </message>
    <message>
        <source>HOG: the number of gradient orientation bins over 0..180 degrees.</source>
        <translation>HOG: die Zahl der Bins für die Gradientenrichtung über 0..180 Grad.</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Which tree of an ensemble is drawn (0 = the first). A boosted model with more than two classes grows one tree per class and iteration: tree = iteration × classes + class.</source>
        <translation>Welcher Baum eines Ensembles gezeichnet wird (0 = der erste). Ein Boosting-Modell mit mehr als zwei Klassen baut einen Baum je Klasse und Iteration: Baum = Iteration × Klassen + Klasse.</translation>
    </message>
    <message>
        <source>Max depth</source>
        <translation>Maximale Tiefe</translation>
    </message>
    <message>
        <source>Deepest level drawn (the root is depth 0); the splits below are folded into a … marker with the number of nodes they hold.</source>
        <translation>Tiefste gezeichnete Ebene (die Wurzel hat Tiefe 0); die Teilungen darunter werden zu einer …-Markierung mit der Zahl ihrer Knoten zusammengefaltet.</translation>
    </message>
    <message>
        <source>Only trial</source>
        <translation>Nur Versuch</translation>
    </message>
    <message>
        <source>0: every trial. N: plan the search as usual but run only trial N (grid and random search), so that `sextant sweep --grid &apos;NODE.only_trial=1,2,...&apos;` spreads the trials over a pool or a Slurm job array; its metrics row is the one the whole search gives for that trial.</source>
        <translation>0: alle Versuche. N: die Suche wie gewohnt planen, aber nur Versuch N ausführen (Raster- und Zufallssuche), sodass `sextant sweep --grid &apos;NODE.only_trial=1,2,...&apos;` die Versuche auf einen Pool oder ein Slurm-Job-Array verteilt; seine Metrikzeile ist die, die die ganze Suche für diesen Versuch liefert.</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>local: the trials run on this machine, in parallel. slurm: every trial of a grid or random search is a task of one Slurm job array (a `sextant run` of this workflow with only_trial set); the table fills in as the tasks finish, and the best trial is refitted here. Stop or Cancel cancels the array.</source>
        <translation>local: die Versuche laufen parallel auf diesem Rechner. slurm: jeder Versuch einer Raster- oder Zufallssuche ist ein Task eines Slurm-Job-Arrays (ein `sextant run` dieses Workflows mit gesetztem only_trial); die Tabelle füllt sich, sobald die Tasks fertig sind, und der beste Versuch wird hier neu angepasst. Stopp oder Abbrechen bricht das Array ab.</translation>
    </message>
    <message>
        <source>Slurm partition</source>
        <translation>Slurm-Partition</translation>
    </message>
    <message>
        <source>Slurm time limit</source>
        <translation>Slurm-Zeitlimit</translation>
    </message>
    <message>
        <source>Run on Slurm: each task&apos;s time limit, MINUTES, HH:MM:SS or DAYS-HH:MM:SS (empty: the partition&apos;s).</source>
        <translation>Auf Slurm: das Zeitlimit jedes Tasks, MINUTEN, HH:MM:SS oder TAGE-HH:MM:SS (leer: das der Partition).</translation>
    </message>
    <message>
        <source>Slurm CPUs per task</source>
        <translation>Slurm-CPUs pro Task</translation>
    </message>
    <message>
        <source>Run on Slurm: cores per task; a task uses that many threads (0: Slurm&apos;s default, one).</source>
        <translation>Auf Slurm: Kerne pro Task; ein Task verwendet so viele Threads (0: der Standard von Slurm, einer).</translation>
    </message>
    <message>
        <source>Slurm memory</source>
        <translation>Slurm-Speicher</translation>
    </message>
    <message>
        <source>Run on Slurm: memory per task, in megabytes or with K, M, G or T (empty: the default).</source>
        <translation>Auf Slurm: Speicher pro Task, in Megabyte oder mit K, M, G oder T (leer: der Standard).</translation>
    </message>
    <message>
        <source>Slurm folder</source>
        <translation>Slurm-Ordner</translation>
    </message>
    <message>
        <source>Run on Slurm: the partition the tasks go to (empty: the one set in the studio&apos;s Preferences, else the cluster&apos;s default).</source>
        <translation>Auf Slurm: die Partition, in die die Tasks gehen (leer: die in den Einstellungen des Studios gesetzte, sonst der Standard des Clusters).</translation>
    </message>
    <message>
        <source>Run on Slurm: where each run&apos;s folder is made (the workflow, copies of the files it reads, one folder per task), on a file system the cluster&apos;s nodes share (empty: the one set in the studio&apos;s Preferences, else Sextant&apos;s data folder in your home).</source>
        <translation>Auf Slurm: wo der Ordner jedes Laufs angelegt wird (der Workflow, Kopien der gelesenen Dateien, ein Ordner pro Task), auf einem Dateisystem, das die Knoten des Clusters teilen (leer: der in den Einstellungen des Studios gesetzte, sonst Sextants Datenordner in Ihrem Home-Verzeichnis).</translation>
    </message>
    <message>
        <source>Every leaf keeps at least this many rows, but never more than a quarter of the training rows, so a table of a few dozen rows still gets splits; larger values make smoother models.</source>
        <translation>Jedes Blatt behält mindestens so viele Zeilen, aber nie mehr als ein Viertel der Trainingszeilen, sodass auch eine Tabelle mit wenigen Dutzend Zeilen noch Teilungen erhält; größere Werte ergeben glattere Modelle.</translation>
    </message>
    <message>
        <source>Only fold</source>
        <translation>Nur Fold</translation>
    </message>
    <message>
        <source>0: every fold. N: make the folds as usual but fit and predict only fold N, so that `sextant sweep --grid &apos;NODE.only_fold=1,2,...&apos;` spreads the folds over a pool or a Slurm job array; its metrics row is the one the whole cross-validation gives that fold, its predictions that fold&apos;s rows.</source>
        <translation>0: jeder Fold. N: die Folds wie üblich bilden, aber nur Fold N anpassen und vorhersagen, sodass `sextant sweep --grid &apos;NODE.only_fold=1,2,...&apos;` die Folds auf einen Pool oder ein Slurm-Job-Array verteilt; seine Metrikzeile ist die, die die ganze Kreuzvalidierung für diesen Fold ergibt, seine Vorhersagen die Zeilen dieses Folds.</translation>
    </message>
    <message>
        <source>local: the folds run on this machine, in parallel. slurm: every fold is a task of one Slurm job array (a `sextant run` of this workflow with only_fold set); the monitor counts the folds as the tasks finish, and the table and out-of-fold predictions are assembled here, the same as on this machine. Stop or Cancel cancels the array.</source>
        <translation>local: die Folds laufen parallel auf diesem Rechner. slurm: jeder Fold ist ein Task eines Slurm-Job-Arrays (ein `sextant run` dieses Workflows mit gesetztem only_fold); der Monitor zählt die Folds, wie die Tasks fertig werden, und Tabelle und Out-of-Fold-Vorhersagen werden hier zusammengesetzt, genau wie auf diesem Rechner. Stopp oder Abbrechen bricht das Array ab.</translation>
    </message>
    <message>
        <source>Refit the best</source>
        <translation>Beste neu anpassen</translation>
    </message>
    <message>
        <source>Refit the best parameters on every row for the model output. Off: no model output, only the trials table (what a task of a search spread over processes needs; run_on slurm turns it off in its tasks).</source>
        <translation>Die besten Parameter für die Modellausgabe auf allen Zeilen neu anpassen. Aus: keine Modellausgabe, nur die Versuchstabelle (was ein Task einer auf Prozesse verteilten Suche braucht; run_on slurm schaltet es in seinen Tasks aus).</translation>
    </message>
    <message>
        <source>Neighbours consulted for each prediction. auto (0): chosen by leave-one-out on the training rows, the k from 1 to 30 that predicts them best from their neighbours (the larger on a tie; at most 2,000 evenly spaced rows are scored), as Weka&apos;s IBk -X does.</source>
        <translation>Nachbarn, die für jede Vorhersage befragt werden. auto (0): per Leave-one-out auf den Trainingszeilen gewählt, das k von 1 bis 30, das sie am besten aus ihren Nachbarn vorhersagt (bei Gleichstand das größere; höchstens 2.000 gleichmäßig verteilte Zeilen werden bewertet), wie Wekas IBk -X.</translation>
    </message>
    <message>
        <source>Categorical columns</source>
        <translation>Kategoriale Spalten</translation>
    </message>
    <message>
        <source>subsets: a node splits a categorical column&apos;s categories into two groups (CART&apos;s nominal splits; a missing cell is a category of its own); one_hot: each category is a 0/1 column of its own, a split separates one category from the rest.</source>
        <translation>subsets: ein Knoten teilt die Kategorien einer kategorialen Spalte in zwei Gruppen (die nominalen Splits von CART; eine fehlende Zelle ist eine eigene Kategorie); one_hot: jede Kategorie ist eine eigene 0/1-Spalte, ein Split trennt eine Kategorie vom Rest.</translation>
    </message>
</context>
<context>
    <name>NodePort</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The training table.</source>
        <translation>Die Trainingstabelle.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The fitted model with the table&apos;s preprocessing.</source>
        <translation>Das angepasste Modell mit der Vorverarbeitung der Tabelle.</translation>
    </message>
    <message>
        <source>The table with a &apos;cluster&apos; column added.</source>
        <translation>Die Tabelle mit einer hinzugefügten Spalte „cluster“.</translation>
    </message>
    <message>
        <source>The table read from the file.</source>
        <translation>Die aus der Datei gelesene Tabelle.</translation>
    </message>
    <message>
        <source>The trained model read from the file.</source>
        <translation>Das aus der Datei gelesene trainierte Modell.</translation>
    </message>
    <message>
        <source>Top features</source>
        <translation>Beste Merkmale</translation>
    </message>
    <message>
        <source>The k best features and every column that is not a feature.</source>
        <translation>Die k besten Merkmale und jede Spalte, die kein Merkmal ist.</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>One row per feature, best first.</source>
        <translation>Eine Zeile pro Merkmal, das beste zuerst.</translation>
    </message>
    <message>
        <source>The table to write.</source>
        <translation>Die zu schreibende Tabelle.</translation>
    </message>
    <message>
        <source>The selected columns with their roles.</source>
        <translation>Die ausgewählten Spalten mit ihren Rollen.</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>Ausgewählte Zeilen</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Model 1</source>
        <translation>Modell 1</translation>
    </message>
    <message>
        <source>Model 2</source>
        <translation>Modell 2</translation>
    </message>
    <message>
        <source>Model 3</source>
        <translation>Modell 3</translation>
    </message>
    <message>
        <source>Model 4</source>
        <translation>Modell 4</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Out-of-fold predictions.</source>
        <translation>Vorhersagen außerhalb der jeweiligen Faltung.</translation>
    </message>
    <message>
        <source>Held-out data</source>
        <translation>Zurückgehaltene Daten</translation>
    </message>
    <message>
        <source>Rows the model did not train on, with the target column.</source>
        <translation>Zeilen, auf denen das Modell nicht trainiert wurde, mit der Zielspalte.</translation>
    </message>
    <message>
        <source>Importances</source>
        <translation>Wichtigkeiten</translation>
    </message>
    <message>
        <source>One row per feature: mean and standard deviation of the score drop over the repeats, and each repeat&apos;s drop.</source>
        <translation>Eine Zeile pro Merkmal: Mittelwert und Standardabweichung des Bewertungsrückgangs über die Wiederholungen und der Rückgang jeder Wiederholung.</translation>
    </message>
    <message>
        <source>Rows to predict; columns are matched by name.</source>
        <translation>Vorherzusagende Zeilen; Spalten werden über den Namen zugeordnet.</translation>
    </message>
    <message>
        <source>The input with the prediction columns appended.</source>
        <translation>Die Eingabe mit angehängten Vorhersagespalten.</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <source>The learner to tune (its other parameters are kept).</source>
        <translation>Das abzustimmende Lernverfahren (seine übrigen Parameter bleiben).</translation>
    </message>
    <message>
        <source>Best model</source>
        <translation>Bestes Modell</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>The model&apos;s own feature importances, one row per feature, largest first (impurity decrease for trees, standardized coefficients for linear models).</source>
        <translation>Die eigenen Merkmalswichtigkeiten des Modells, eine Zeile pro Merkmal, größte zuerst (Unreinheitsabnahme bei Bäumen, standardisierte Koeffizienten bei linearen Modellen).</translation>
    </message>
    <message>
        <source>The transformed table; it remembers the fitted step.</source>
        <translation>Die umgewandelte Tabelle; sie merkt sich den angepassten Schritt.</translation>
    </message>
    <message>
        <source>Table 1</source>
        <translation>Tabelle 1</translation>
    </message>
    <message>
        <source>Table 2</source>
        <translation>Tabelle 2</translation>
    </message>
    <message>
        <source>Table 3</source>
        <translation>Tabelle 3</translation>
    </message>
    <message>
        <source>Table 4</source>
        <translation>Tabelle 4</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>The left table; its rows come first.</source>
        <translation>Die linke Tabelle; ihre Zeilen kommen zuerst.</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>A trained model; it keeps a summary of its training table.</source>
        <translation>Ein trainiertes Modell; es enthält eine Zusammenfassung seiner Trainingstabelle.</translation>
    </message>
    <message>
        <source>New rows to compare with the training table; columns are matched by name.</source>
        <translation>Neue Zeilen, die mit der Trainingstabelle verglichen werden; Spalten werden über den Namen zugeordnet.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>One row per feature (and one for the predictions): statistic, p-value, PSI, missing rates, verdict and a drifted flag.</source>
        <translation>Eine Zeile je Merkmal (und eine für die Vorhersagen): Statistik, p-Wert, PSI, Fehlquoten, Urteil und ein Drift-Kennzeichen.</translation>
    </message>
    <message>
        <source>Clustered</source>
        <translation>Geclustert</translation>
    </message>
    <message>
        <source>The input with a &quot;cluster&quot; column (the clusters below the cut).</source>
        <translation>Die Eingabe mit einer Spalte &quot;cluster&quot; (die Cluster unterhalb des Schnitts).</translation>
    </message>
    <message>
        <source>Embedded</source>
        <translation>Eingebettet</translation>
    </message>
    <message>
        <source>The input with columns &quot;t-SNE 1&quot; and &quot;t-SNE 2&quot;.</source>
        <translation>Die Eingabe mit den Spalten &quot;t-SNE 1&quot; und &quot;t-SNE 2&quot;.</translation>
    </message>
    <message>
        <source>The input with columns &quot;MDS 1&quot;, &quot;MDS 2&quot;, ...</source>
        <translation>Die Eingabe mit den Spalten „MDS 1“, „MDS 2“, …</translation>
    </message>
    <message>
        <source>One row per image: path (meta), class (target) and the features.</source>
        <translation>Eine Zeile je Bild: Pfad (Meta), Klasse (Zielvariable) und die Merkmale.</translation>
    </message>
    <message>
        <source>A decision tree, random forest or gradient-boosting model.</source>
        <translation>Ein Entscheidungsbaum-, Random-Forest- oder Gradient-Boosting-Modell.</translation>
    </message>
    <message>
        <source>Rows counted down the tree (e.g. the training table); without it the nodes show the model&apos;s class fractions or means.</source>
        <translation>Zeilen, die durch den Baum gezählt werden (z. B. die Trainingstabelle); ohne sie zeigen die Knoten die Klassenanteile oder Mittelwerte des Modells.</translation>
    </message>
</context>
<context>
    <name>NodeType</name>
    <message>
        <source>Cluster</source>
        <translation>Clustering</translation>
    </message>
    <message>
        <source>DBSCAN</source>
        <translation>DBSCAN</translation>
    </message>
    <message>
        <source>Density-based clusters; rows in sparse regions are noise.</source>
        <translation>Dichtebasierte Cluster; Zeilen in dünn besetzten Bereichen sind Rauschen.</translation>
    </message>
    <message>
        <source>Gaussian Mixture</source>
        <translation>Gaußsches Mischmodell</translation>
    </message>
    <message>
        <source>A mixture of normal distributions fitted by EM.</source>
        <translation>Eine mit EM angepasste Mischung von Normalverteilungen.</translation>
    </message>
    <message>
        <source>Hierarchical Clustering</source>
        <translation>Hierarchisches Clustering</translation>
    </message>
    <message>
        <source>Agglomerative clustering (up to 20,000 rows).</source>
        <translation>Agglomeratives Clustering (bis zu 20.000 Zeilen).</translation>
    </message>
    <message>
        <source>k-Means</source>
        <translation>k-Means</translation>
    </message>
    <message>
        <source>k-means clustering with k-means++ initialisation.</source>
        <translation>k-Means-Clustering mit k-Means++-Initialisierung.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Filter Rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Drops rows with missing values and/or keeps the rows matching a condition.</source>
        <translation>Entfernt Zeilen mit fehlenden Werten und/oder behält die Zeilen, die eine Bedingung erfüllen.</translation>
    </message>
    <message>
        <source>Model File</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Reads a trained model saved as a Sextant model file (.sxmodel).</source>
        <translation>Liest ein als Sextant-Modelldatei (.sxmodel) gespeichertes trainiertes Modell.</translation>
    </message>
    <message>
        <source>Rank Features</source>
        <translation>Merkmale bewerten</translation>
    </message>
    <message>
        <source>Scores each feature against the class (information gain, gain ratio, Gini, ANOVA F, chi-squared, mutual information, ReliefF) and keeps the k best.</source>
        <translation>Bewertet jedes Merkmal gegen die Klasse (Informationsgewinn, Gewinnverhältnis, Gini, ANOVA-F, Chi-Quadrat, Transinformation, ReliefF) und behält die k besten.</translation>
    </message>
    <message>
        <source>Save Data</source>
        <translation>Daten speichern</translation>
    </message>
    <message>
        <source>Select Columns</source>
        <translation>Spalten auswählen</translation>
    </message>
    <message>
        <source>Keeps the chosen columns and sets which column is the target and which are ignored.</source>
        <translation>Behält die gewählten Spalten und legt fest, welche Spalte die Zielvariable ist und welche ignoriert werden.</translation>
    </message>
    <message>
        <source>Selected Rows</source>
        <translation>Ausgewählte Zeilen</translation>
    </message>
    <message>
        <source>The rows selected in the views of its input table: a histogram bar, a confusion-matrix cell, a rectangle or lasso in the scatter, rows of the data table.</source>
        <translation>Die in den Ansichten seiner Eingabetabelle ausgewählten Zeilen: ein Histogrammbalken, eine Zelle der Konfusionsmatrix, ein Rechteck oder Lasso im Streudiagramm, Zeilen der Datentabelle.</translation>
    </message>
    <message>
        <source>Train/Test Split</source>
        <translation>Trainings-/Testaufteilung</translation>
    </message>
    <message>
        <source>Splits the rows at random into a training and a test table.</source>
        <translation>Teilt die Zeilen zufällig in eine Trainings- und eine Testtabelle.</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Cluster Quality</source>
        <translation>Clustergüte</translation>
    </message>
    <message>
        <source>Inertia, silhouette and (against known classes) the adjusted Rand index of a clustering.</source>
        <translation>Trägheit, Silhouette und (gegen bekannte Klassen) der bereinigte Rand-Index eines Clusterings.</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>Cross-validates several models on the same folds and lists their scores side by side.</source>
        <translation>Kreuzvalidiert mehrere Modelle auf denselben Faltungen und stellt ihre Bewertungen nebeneinander.</translation>
    </message>
    <message>
        <source>Cross-Validation</source>
        <translation>Kreuzvalidierung</translation>
    </message>
    <message>
        <source>k-fold cross-validation of a model and its preprocessing.</source>
        <translation>k-fache Kreuzvalidierung eines Modells samt seiner Vorverarbeitung.</translation>
    </message>
    <message>
        <source>Permutation Importance</source>
        <translation>Permutationswichtigkeit</translation>
    </message>
    <message>
        <source>How much the model&apos;s score drops when one column&apos;s values are shuffled, on held-out rows: the importance of every feature for any model.</source>
        <translation>Wie stark die Bewertung des Modells auf zurückgehaltenen Zeilen sinkt, wenn die Werte einer Spalte gemischt werden: die Wichtigkeit jedes Merkmals für jedes Modell.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Applies a trained model, with its preprocessing, to a table.</source>
        <translation>Wendet ein trainiertes Modell samt seiner Vorverarbeitung auf eine Tabelle an.</translation>
    </message>
    <message>
        <source>Test on Held-out Data</source>
        <translation>Test auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>Scores a trained model on rows it did not see.</source>
        <translation>Bewertet ein trainiertes Modell auf Zeilen, die es nicht gesehen hat.</translation>
    </message>
    <message>
        <source>Tune Parameters</source>
        <translation>Parameter abstimmen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Decision Tree</source>
        <translation>Entscheidungsbaum</translation>
    </message>
    <message>
        <source>A CART tree (Gini/entropy for classes, squared error for values).</source>
        <translation>Ein CART-Baum (Gini/Entropie für Klassen, quadratischer Fehler für Werte).</translation>
    </message>
    <message>
        <source>Gradient Boosting</source>
        <translation>Gradient Boosting</translation>
    </message>
    <message>
        <source>Histogram-based gradient-boosted trees.</source>
        <translation>Histogrammbasierte Gradient-Boosting-Bäume.</translation>
    </message>
    <message>
        <source>Linear Regression</source>
        <translation>Lineare Regression</translation>
    </message>
    <message>
        <source>Ordinary least squares, or ridge regression with alpha &gt; 0.</source>
        <translation>Gewöhnliche kleinste Quadrate oder Ridge-Regression mit alpha &gt; 0.</translation>
    </message>
    <message>
        <source>Logistic Regression</source>
        <translation>Logistische Regression</translation>
    </message>
    <message>
        <source>Binary or multinomial logistic regression with an L2 penalty, fitted by L-BFGS.</source>
        <translation>Binäre oder multinomiale logistische Regression mit L2-Strafterm, angepasst mit L-BFGS.</translation>
    </message>
    <message>
        <source>Naive Bayes</source>
        <translation>Naive Bayes</translation>
    </message>
    <message>
        <source>Naive Bayes for mixed data: nominal features by their category counts, numeric features by a normal (or kernel) density per class; missing values are left out.</source>
        <translation>Naive Bayes für gemischte Daten: nominale Merkmale über ihre Kategorienhäufigkeiten, numerische über eine Normal- (oder Kern-)Dichte pro Klasse; fehlende Werte werden ausgelassen.</translation>
    </message>
    <message>
        <source>Neural Network (MLP)</source>
        <translation>Neuronales Netz (MLP)</translation>
    </message>
    <message>
        <source>Multilayer perceptron trained with Adam or SGD with momentum.</source>
        <translation>Mehrschichtiges Perzeptron, trainiert mit Adam oder SGD mit Impuls.</translation>
    </message>
    <message>
        <source>Random Forest</source>
        <translation>Random Forest</translation>
    </message>
    <message>
        <source>Bagged decision trees with random feature subsets, built in parallel.</source>
        <translation>Per Bagging trainierte Entscheidungsbäume mit zufälligen Merkmalsteilmengen, parallel erstellt.</translation>
    </message>
    <message>
        <source>Support Vector Machine</source>
        <translation>Support-Vektor-Maschine</translation>
    </message>
    <message>
        <source>SVM classification or regression with a linear or RBF kernel.</source>
        <translation>SVM-Klassifikation oder -Regression mit linearem oder RBF-Kern.</translation>
    </message>
    <message>
        <source>k-Nearest Neighbours</source>
        <translation>k-nächste Nachbarn</translation>
    </message>
    <message>
        <source>Predicts from the k closest training rows.</source>
        <translation>Sagt aus den k nächsten Trainingszeilen vorher.</translation>
    </message>
    <message>
        <source>Preprocess</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source>Discretize</source>
        <translation>Diskretisieren</translation>
    </message>
    <message>
        <source>Cuts numeric columns into bins of equal width or equal frequency.</source>
        <translation>Teilt numerische Spalten in Klassen gleicher Breite oder gleicher Häufigkeit.</translation>
    </message>
    <message>
        <source>Impute</source>
        <translation>Imputieren</translation>
    </message>
    <message>
        <source>Fills missing cells with the mean, median, most frequent value or a constant learnt from the training rows.</source>
        <translation>Füllt fehlende Zellen mit Mittelwert, Median, häufigstem Wert oder einer Konstante, gelernt aus den Trainingszeilen.</translation>
    </message>
    <message>
        <source>Min-Max Scale</source>
        <translation>Min-Max-Skalierung</translation>
    </message>
    <message>
        <source>Scales numeric columns linearly into a range ([0, 1] by default).</source>
        <translation>Skaliert numerische Spalten linear in einen Bereich (standardmäßig [0, 1]).</translation>
    </message>
    <message>
        <source>One-Hot Encode</source>
        <translation>One-Hot-Kodierung</translation>
    </message>
    <message>
        <source>Replaces each categorical column by one 0/1 column per category; categories unseen in training encode as zeros.</source>
        <translation>Ersetzt jede kategoriale Spalte durch eine 0/1-Spalte pro Kategorie; im Training ungesehene Kategorien werden als Nullen kodiert.</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>Hauptkomponentenanalyse (PCA)</translation>
    </message>
    <message>
        <source>Replaces numeric columns by their principal components.</source>
        <translation>Ersetzt numerische Spalten durch ihre Hauptkomponenten.</translation>
    </message>
    <message>
        <source>Polynomial Features</source>
        <translation>Polynomiale Merkmale</translation>
    </message>
    <message>
        <source>Adds products of numeric columns (squares and pairwise products for degree 2).</source>
        <translation>Fügt Produkte numerischer Spalten hinzu (Quadrate und paarweise Produkte bei Grad 2).</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>Standardisieren</translation>
    </message>
    <message>
        <source>Centres numeric columns on their mean and scales them to unit standard deviation.</source>
        <translation>Zentriert numerische Spalten auf ihren Mittelwert und skaliert sie auf Standardabweichung 1.</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Box Plot</source>
        <translation>Boxplot</translation>
    </message>
    <message>
        <source>Quartiles, whiskers and outliers (or violins: the density) of numeric columns, split by a categorical column.</source>
        <translation>Quartile, Whisker und Ausreißer (oder Violinen: die Dichte) numerischer Spalten, aufgeteilt nach einer kategorialen Spalte.</translation>
    </message>
    <message>
        <source>Calibration Curve</source>
        <translation>Kalibrierungskurve</translation>
    </message>
    <message>
        <source>Reliability diagram: the fraction of positives against the mean predicted probability, per probability bin.</source>
        <translation>Zuverlässigkeitsdiagramm: der Anteil der Positiven gegen die mittlere vorhergesagte Wahrscheinlichkeit, pro Wahrscheinlichkeitsklasse.</translation>
    </message>
    <message>
        <source>Confusion Matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Counts of true vs predicted classes.</source>
        <translation>Anzahlen tatsächlicher gegen vorhergesagte Klassen.</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Pearson correlation between numeric columns, shown as a heat map.</source>
        <translation>Pearson-Korrelation zwischen numerischen Spalten, als Heatmap dargestellt.</translation>
    </message>
    <message>
        <source>Data Table</source>
        <translation>Datentabelle</translation>
    </message>
    <message>
        <source>Shows a table: its rows, columns and column roles.</source>
        <translation>Zeigt eine Tabelle: ihre Zeilen, Spalten und Spaltenrollen.</translation>
    </message>
    <message>
        <source>Feature Importance</source>
        <translation>Merkmalswichtigkeit</translation>
    </message>
    <message>
        <source>Bar chart of feature importances (largest first), with the spread over the repeats of a permutation importance.</source>
        <translation>Balkendiagramm der Merkmalswichtigkeiten (größte zuerst), mit der Streuung über die Wiederholungen einer Permutationswichtigkeit.</translation>
    </message>
    <message>
        <source>Feature Ranking</source>
        <translation>Merkmalsranking</translation>
    </message>
    <message>
        <source>Bar chart and table of Rank Features&apos; scores.</source>
        <translation>Balkendiagramm und Tabelle der Bewertungen von „Merkmale bewerten“.</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>Counts the values of one column in bins (one bin per category for a categorical column).</source>
        <translation>Zählt die Werte einer Spalte in Klassen (eine pro Kategorie bei einer kategorialen Spalte).</translation>
    </message>
    <message>
        <source>Lift Curve</source>
        <translation>Lift-Kurve</translation>
    </message>
    <message>
        <source>Cumulative gains (share of positives found) or lift against the share of rows taken, highest probability first.</source>
        <translation>Kumulativer Gewinn (Anteil gefundener Positiver) oder Lift gegen den Anteil genommener Zeilen, höchste Wahrscheinlichkeit zuerst.</translation>
    </message>
    <message>
        <source>Metrics Table</source>
        <translation>Metriktabelle</translation>
    </message>
    <message>
        <source>Shows evaluation figures as a table.</source>
        <translation>Zeigt Bewertungskennzahlen als Tabelle.</translation>
    </message>
    <message>
        <source>Precision-Recall Curve</source>
        <translation>Precision-Recall-Kurve</translation>
    </message>
    <message>
        <source>Precision-recall curve per class (one-vs-rest).</source>
        <translation>Precision-Recall-Kurve pro Klasse (eine gegen alle).</translation>
    </message>
    <message>
        <source>ROC Curve</source>
        <translation>ROC-Kurve</translation>
    </message>
    <message>
        <source>ROC curve per class (one-vs-rest) with its AUC.</source>
        <translation>ROC-Kurve pro Klasse (eine gegen alle) mit ihrer AUC.</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>Residuen</translation>
    </message>
    <message>
        <source>Residuals against predicted values (regression).</source>
        <translation>Residuen gegen vorhergesagte Werte (Regression).</translation>
    </message>
    <message>
        <source>Scatter Plot</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>Plots one column against another, coloured by a third.</source>
        <translation>Stellt eine Spalte gegen eine andere dar, gefärbt nach einer dritten.</translation>
    </message>
    <message>
        <source>Scatter Plot Matrix</source>
        <translation>Streudiagramm-Matrix</translation>
    </message>
    <message>
        <source>Scatter plots of every pair of up to ten numeric columns, histograms on the diagonal, coloured by class.</source>
        <translation>Streudiagramme aller Paare von bis zu zehn numerischen Spalten, Histogramme auf der Diagonale, nach Klasse gefärbt.</translation>
    </message>
    <message>
        <source>Silhouette Plot</source>
        <translation>Silhouettendiagramm</translation>
    </message>
    <message>
        <source>How well each row sits in its cluster (silhouette coefficient), sorted within clusters, with the mean.</source>
        <translation>Wie gut jede Zeile in ihr Cluster passt (Silhouettenkoeffizient), innerhalb der Cluster sortiert, mit dem Mittelwert.</translation>
    </message>
    <message>
        <source>Concatenate</source>
        <translation>Aneinanderhängen</translation>
    </message>
    <message>
        <source>Stacks the rows of several tables; a column one table lacks gets missing cells there.</source>
        <translation>Stapelt die Zeilen mehrerer Tabellen; eine Spalte, die einer Tabelle fehlt, erhält dort fehlende Zellen.</translation>
    </message>
    <message>
        <source>Reads a dataset from a CSV/TSV, ARFF, LIBSVM or Excel (.xlsx) file, or a table or query of a SQLite database.</source>
        <translation>Liest einen Datensatz aus einer CSV/TSV-, ARFF-, LIBSVM- oder Excel-Datei (.xlsx) oder eine Tabelle oder Abfrage einer SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>Group By</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <source>One row per group of the key columns, with counts, sums, means, medians... of the other columns.</source>
        <translation>Eine Zeile je Gruppe der Schlüsselspalten, mit Anzahlen, Summen, Mittelwerten, Medianen... der anderen Spalten.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Verknüpfen (Join)</translation>
    </message>
    <message>
        <source>Joins two tables on one or more key columns (inner, left, right or full outer join).</source>
        <translation>Verknüpft zwei Tabellen über eine oder mehrere Schlüsselspalten (Inner, Left, Right oder Full Outer Join).</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>Flags or removes unusual rows: isolation forest, local outlier factor or robust covariance.</source>
        <translation>Markiert oder entfernt ungewöhnliche Zeilen: Isolation Forest, Local Outlier Factor (LOF) oder robuste Kovarianz.</translation>
    </message>
    <message>
        <source>Pivot</source>
        <translation>Pivot-Tabelle</translation>
    </message>
    <message>
        <source>A pivot table: one row per value of the row columns, one column per value of the column, an aggregate in each cell.</source>
        <translation>Eine Pivot-Tabelle: eine Zeile je Wert der Zeilenspalten, eine Spalte je Wert der Spalte, ein Aggregat in jeder Zelle.</translation>
    </message>
    <message>
        <source>Writes a table to a CSV, TSV, ARFF or Excel (.xlsx) file.</source>
        <translation>Schreibt eine Tabelle in eine CSV-, TSV-, ARFF- oder Excel-Datei (.xlsx).</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Compares new rows with the model&apos;s training table: PSI, Kolmogorov-Smirnov and chi-square per feature, missing rates, unseen categories and the prediction shift, with a verdict per feature.</source>
        <translation>Vergleicht neue Zeilen mit der Trainingstabelle des Modells: PSI, Kolmogorow-Smirnow und Chi-Quadrat je Merkmal, Fehlquoten, unbekannte Kategorien und die Verschiebung der Vorhersagen, mit einem Urteil je Merkmal.</translation>
    </message>
    <message>
        <source>Grid, random or Bayesian search over a model&apos;s parameters with cross-validation; outputs the best model.</source>
        <translation>Raster-, Zufalls- oder Bayes&apos;sche Suche über die Parameter eines Modells mit Kreuzvalidierung; gibt das beste Modell aus.</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Formel</translation>
    </message>
    <message>
        <source>New or replaced columns from expressions over the row: arithmetic, comparisons, if(), log/sqrt/round..., text functions, date parts, cut() for bins.</source>
        <translation>Neue oder ersetzte Spalten aus Ausdrücken über die Zeile: Arithmetik, Vergleiche, if(), log/sqrt/round..., Textfunktionen, Datumsteile, cut() für Intervalle.</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrogramm</translation>
    </message>
    <message>
        <source>Hierarchical clustering drawn as a tree; drag the cut line to choose the clusters, which the output table carries in a &quot;cluster&quot; column.</source>
        <translation>Hierarchisches Clustering als Baum gezeichnet; ziehen Sie die Schnittlinie, um die Cluster zu wählen, die die Ausgabetabelle in einer Spalte &quot;cluster&quot; enthält.</translation>
    </message>
    <message>
        <source>Drift View</source>
        <translation>Drift-Ansicht</translation>
    </message>
    <message>
        <source>Heat Map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Every row and column of the data as colours (each column standardized), rows and columns ordered by hierarchical clustering, the class beside the rows.</source>
        <translation>Jede Zeile und Spalte der Daten als Farben (jede Spalte standardisiert), Zeilen und Spalten durch hierarchisches Clustering geordnet, die Klasse neben den Zeilen.</translation>
    </message>
    <message>
        <source>Line Plot</source>
        <translation>Liniendiagramm</translation>
    </message>
    <message>
        <source>Numeric columns as lines against a date column, a numeric column or the row number, with an optional rolling mean.</source>
        <translation>Numerische Spalten als Linien gegen eine Datumsspalte, eine numerische Spalte oder die Zeilennummer, mit optionalem gleitendem Mittelwert.</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Embeds the rows in two dimensions so that neighbours stay neighbours (t-SNE, Barnes-Hut), as a scatter and as two new columns.</source>
        <translation>Bettet die Zeilen in zwei Dimensionen ein, sodass Nachbarn Nachbarn bleiben (t-SNE, Barnes-Hut), als Streudiagramm und als zwei neue Spalten.</translation>
    </message>
    <message>
        <source>Bar chart of each feature&apos;s drift (PSI, by verdict) of new rows against the model&apos;s training table, with one feature&apos;s training and new histograms overlaid, and the report as JSON and CSV from sextant run.</source>
        <translation>Balkendiagramm der Drift jedes Merkmals (PSI, nach Urteil) neuer Zeilen gegenüber der Trainingstabelle des Modells, mit den überlagerten Histogrammen eines Merkmals in Training und neuen Daten, und der Bericht als JSON und CSV aus sextant run.</translation>
    </message>
    <message>
        <source>MDS</source>
        <translation>MDS</translation>
    </message>
    <message>
        <source>Places the rows in a few dimensions so that their distances stay as in the data (multidimensional scaling: classical, or SMACOF), as a scatter and as new columns.</source>
        <translation>Ordnet die Zeilen in wenigen Dimensionen so an, dass ihre Distanzen wie in den Daten bleiben (multidimensionale Skalierung: klassisch oder SMACOF), als Streudiagramm und als neue Spalten.</translation>
    </message>
    <message>
        <source>Image Folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Reads a folder with one subfolder of images per class (PNG, JPEG, BMP, TIFF): one row per image, its path, its class as the target, and features made from its pixels, colour histogram or HOG descriptor.</source>
        <translation>Liest einen Ordner mit einem Unterordner von Bildern je Klasse (PNG, JPEG, BMP, TIFF): eine Zeile je Bild, sein Pfad, seine Klasse als Zielvariable und Merkmale aus seinen Pixeln, seinem Farbhistogramm oder seinem HOG-Deskriptor.</translation>
    </message>
    <message>
        <source>Tree Viewer</source>
        <translation>Baumansicht</translation>
    </message>
    <message>
        <source>One tree of a decision tree, random forest or gradient-boosting model, drawn node by node: each split, the rows reaching it and their classes (or the mean). Connect the training table to count its rows down the tree.</source>
        <translation>Ein Baum eines Entscheidungsbaum-, Random-Forest- oder Gradient-Boosting-Modells, Knoten für Knoten gezeichnet: jede Teilung, die Zeilen, die sie erreichen, und ihre Klassen (oder der Mittelwert). Verbinden Sie die Trainingstabelle, um ihre Zeilen durch den Baum zu zählen.</translation>
    </message>
</context>
<context>
    <name>ParameterSpec</name>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet wurde %1, erhalten: %2</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 ist zu groß</translation>
    </message>
    <message>
        <source>%1 is not a finite number</source>
        <translation>%1 ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>%1 is not an integer</source>
        <translation>%1 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is below the minimum %2</source>
        <translation>%1 liegt unter dem Minimum %2</translation>
    </message>
    <message>
        <source>%1 is above the maximum %2</source>
        <translation>%1 liegt über dem Maximum %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>one of: </source>
        <translation>einer von: </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2</source>
        <translation>„%1“ ist keiner von: %2</translation>
    </message>
    <message>
        <source>a column name</source>
        <translation>ein Spaltenname</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation>JPEG-Bild (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <source>Unknown export format for %1 (use .png, .jpg, .pdf or .svg)</source>
        <translation>Unbekanntes Exportformat für %1 (.png, .jpg, .pdf oder .svg verwenden)</translation>
    </message>
    <message>
        <source>could not render the plot</source>
        <translation>das Diagramm konnte nicht gezeichnet werden</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3 dpi</source>
        <translation>%1 × %2 Pixel, %3 dpi</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Höhe:</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Skalierung:</translation>
    </message>
</context>
<context>
    <name>PortType</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>Delimited text (*.csv *.tsv *.tab *.txt *.data *.dat);;All files (*)</source>
        <translation>Text mit Trennzeichen (*.csv *.tsv *.tab *.txt *.data *.dat);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Change the import options of %1</source>
        <translation>Importoptionen von %1 ändern</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>There is no table to export: open a dataset or select a node with a table output first.</source>
        <translation>Es gibt keine Tabelle zum Exportieren: Öffnen Sie zuerst einen Datensatz oder wählen Sie einen Knoten mit einer Tabellenausgabe.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>%1 Zeilen nach %2 geschrieben</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>senkrechter Strich</translation>
    </message>
    <message>
        <source>Choose a Sheet</source>
        <translation>Tabellenblatt wählen</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>Tabelle wählen</translation>
    </message>
    <message>
        <source>%1 has %2 sheets. Read:</source>
        <translation>%1 hat %2 Tabellenblätter. Lesen:</translation>
    </message>
    <message>
        <source>%1 has %2 tables. Read (the File node&apos;s SQL query can read any query instead):</source>
        <translation>%1 hat %2 Tabellen. Lesen (die SQL-Abfrage des Datei-Knotens kann stattdessen eine beliebige Abfrage lesen):</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>%1, target</source>
        <translation>%1, Zielvariable</translation>
    </message>
    <message>
        <source>%1, meta</source>
        <translation>%1, Meta</translation>
    </message>
</context>
<context>
    <name>TrainingUnit</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>trees</source>
        <translation>Bäume</translation>
    </message>
    <message>
        <source>fold</source>
        <translation>Fold</translation>
    </message>
    <message>
        <source>folds</source>
        <translation>Folds</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>Verschmelzung</translation>
    </message>
    <message>
        <source>merges</source>
        <translation>Verschmelzungen</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
</context>
<context>
    <name>sextant::app::AutoRun</name>
    <message>
        <source>&amp;Auto-run</source>
        <translation>&amp;Automatisch ausführen</translation>
    </message>
    <message>
        <source>Re-run what an edit changed, shortly after each edit</source>
        <translation>Kurz nach jeder Änderung neu ausführen, was die Änderung betrifft</translation>
    </message>
</context>
<context>
    <name>sextant::app::Autosave</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungesicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>The recovered workflow could not be restored.
%1</source>
        <translation>Der gerettete Workflow konnte nicht wiederhergestellt werden.
%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Sextant did not shut down properly. Unsaved changes to the workflow “%1” were saved automatically.</source>
        <translation>Sextant wurde nicht ordnungsgemäß beendet. Ungesicherte Änderungen am Workflow „%1“ wurden automatisch gesichert.</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>Last saved automatically: %1, %2.</source>
        <translation>Zuletzt automatisch gesichert: %1, %2.</translation>
    </message>
    <message>
        <source>Restore opens them as unsaved changes to %1; that file is only written when you save.</source>
        <translation>„Wiederherstellen“ öffnet sie als ungesicherte Änderungen an %1; die Datei wird erst beim Speichern geschrieben.</translation>
    </message>
    <message>
        <source>Discard deletes the recovered copy.</source>
        <translation>„Verwerfen“ löscht die gerettete Kopie.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>sextant::app::EditMenu</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>sextant::app::ExampleCatalog</name>
    <message>
        <source>Classify wines</source>
        <translation>Weine klassifizieren</translation>
    </message>
    <message>
        <source>Logistic regression, a random forest and a neural network compared by cross-validation, with ROC curves and a confusion matrix.</source>
        <translation>Logistische Regression, ein Random Forest und ein neuronales Netz im Vergleich per Kreuzvalidierung, mit ROC-Kurven und einer Konfusionsmatrix.</translation>
    </message>
    <message>
        <source>Regression on the diabetes data: ridge regression against gradient boosting, residuals and feature importances.</source>
        <translation>Regression auf den Diabetes-Daten: Ridge-Regression gegen Gradient Boosting, Residuen und Merkmalswichtigkeiten.</translation>
    </message>
    <message>
        <source>k-means and hierarchical clustering without the labels, judged by a silhouette plot and a scatter coloured by cluster.</source>
        <translation>k-Means und hierarchisches Clustering ohne die Klassen, beurteilt mit einem Silhouettendiagramm und einem nach Cluster gefärbten Streudiagramm.</translation>
    </message>
    <message>
        <source>Tune a classifier</source>
        <translation>Klassifikator abstimmen</translation>
    </message>
    <message>
        <source>A grid search over an SVM&apos;s C and gamma on the breast cancer data, each setting scored by 5-fold cross-validation.</source>
        <translation>Eine Rastersuche über C und Gamma einer SVM auf den Brustkrebsdaten, jede Einstellung bewertet mit 5-facher Kreuzvalidierung.</translation>
    </message>
    <message>
        <source>Explore a dataset</source>
        <translation>Einen Datensatz erkunden</translation>
    </message>
    <message>
        <source>The iris table, a histogram, the correlation matrix and a scatter plot of its columns.</source>
        <translation>Die Iris-Tabelle, ein Histogramm, die Korrelationsmatrix und ein Streudiagramm ihrer Spalten.</translation>
    </message>
    <message>
        <source>Regression on diabetes</source>
        <translation>Regression: Diabetes</translation>
    </message>
    <message>
        <source>Cluster iris flowers</source>
        <translation>Schwertlilien clustern</translation>
    </message>
    <message>
        <source>Engineer features</source>
        <translation>Merkmale konstruieren</translation>
    </message>
    <message>
        <source>Customers merged with their plans, a ratio, an age group and a signup month by formulas, then a random forest; a group-by and a pivot table beside it.</source>
        <translation>Kunden mit ihren Tarifen verknüpft, ein Verhältnis, eine Altersgruppe und ein Anmeldemonat per Formel, dann ein Random Forest; daneben eine Gruppierung und eine Pivot-Tabelle.</translation>
    </message>
    <message>
        <source>Find outliers</source>
        <translation>Ausreißer finden</translation>
    </message>
    <message>
        <source>Wine&apos;s unusual rows flagged by the local outlier factor in a scatter, and removed by an isolation forest before a cross-validated model.</source>
        <translation>Ungewöhnliche Zeilen der Wein-Daten, vom Local Outlier Factor im Streudiagramm markiert und von einem Isolation Forest vor einem kreuzvalidierten Modell entfernt.</translation>
    </message>
    <message>
        <source>Classify handwritten digits</source>
        <translation>Handgeschriebene Ziffern klassifizieren</translation>
    </message>
    <message>
        <source>A folder of 5000 digit images read with HOG features, an SVM and k nearest neighbours scored by cross-validation (tools/make-digits-folder makes the folder).</source>
        <translation>Ein Ordner mit 5000 Ziffernbildern, gelesen mit HOG-Merkmalen; eine SVM und k nächste Nachbarn, per Kreuzvalidierung bewertet (tools/make-digits-folder erstellt den Ordner).</translation>
    </message>
</context>
<context>
    <name>sextant::app::ExportMenus</name>
    <message>
        <source>&amp;Export Plot</source>
        <translation>Diagramm &amp;exportieren</translation>
    </message>
    <message>
        <source>As &amp;PNG Image…</source>
        <translation>Als &amp;PNG-Bild…</translation>
    </message>
    <message>
        <source>As P&amp;DF (vector)…</source>
        <translation>Als P&amp;DF (Vektor)…</translation>
    </message>
    <message>
        <source>As &amp;SVG (vector)…</source>
        <translation>Als &amp;SVG (Vektor)…</translation>
    </message>
    <message>
        <source>&amp;Copy Plot to Clipboard</source>
        <translation>Diagramm in die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>Export Trained &amp;Model</source>
        <translation>Trainiertes &amp;Modell exportieren</translation>
    </message>
    <message>
        <source>Save Trained Model (.sxmodel)…</source>
        <translation>Trainiertes Modell speichern (.sxmodel)…</translation>
    </message>
    <message>
        <source>Select a model node that has run to save its model.</source>
        <translation>Wählen Sie einen bereits ausgeführten Modellknoten, um sein Modell zu speichern.</translation>
    </message>
    <message>
        <source>Export as &amp;ONNX…</source>
        <translation>Als &amp;ONNX exportieren…</translation>
    </message>
    <message>
        <source>Select a model node that has run to export its model.</source>
        <translation>Wählen Sie einen bereits ausgeführten Modellknoten, um sein Modell zu exportieren.</translation>
    </message>
    <message>
        <source>Save Trained Model…</source>
        <translation>Trainiertes Modell speichern…</translation>
    </message>
    <message>
        <source>Export as ONNX…</source>
        <translation>Als ONNX exportieren…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Node %1 has no trained model yet: run the workflow first.</source>
        <translation>Knoten %1 hat noch kein trainiertes Modell: Führen Sie zuerst den Workflow aus.</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <source>Write the report of the workflow&apos;s last run as HTML or PDF: the graph, the data, the models and their metrics, the plots</source>
        <translation>Den Bericht des letzten Laufs des Workflows als HTML oder PDF schreiben: der Graph, die Daten, die Modelle und ihre Metriken, die Diagramme</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Schreibe %1…</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>The workflow is running: export its report when the run has ended.</source>
        <translation>Der Workflow läuft: Exportieren Sie seinen Bericht, wenn der Lauf beendet ist.</translation>
    </message>
    <message>
        <source>Nothing has run yet: run the workflow (Run › Run), then export its report.</source>
        <translation>Es ist noch nichts gelaufen: Führen Sie den Workflow aus (Ausführen › Ausführen) und exportieren Sie dann seinen Bericht.</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>A report is written as .html or .pdf: %1</source>
        <translation>Ein Bericht wird als .html oder .pdf geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>sextant::app::HelpMenu</name>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;Willkommen</translation>
    </message>
    <message>
        <source>Your &amp;First Workflow</source>
        <translation>Ihr &amp;erster Workflow</translation>
    </message>
    <message>
        <source>&amp;Node Reference</source>
        <translation>&amp;Knotenreferenz</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>sextant::app::HelpWindow</name>
    <message>
        <source>Sextant Help</source>
        <translation>Sextant-Hilfe</translation>
    </message>
    <message>
        <source>Your First Workflow</source>
        <translation>Ihr erster Workflow</translation>
    </message>
    <message>
        <source>Filter nodes…</source>
        <translation>Knoten filtern…</translation>
    </message>
    <message>
        <source>Node Reference</source>
        <translation>Knotenreferenz</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Your first workflow&lt;/h1&gt;&lt;p&gt;A workflow is a graph of nodes: data flows from a &lt;b&gt;File&lt;/b&gt; node through preprocessing and model nodes to the views that show results. Here is one that trains a classifier and tells you how good it is, in six steps.&lt;/p&gt;&lt;h3&gt;1. Open a dataset&lt;/h3&gt;&lt;p&gt;Drop a CSV, TSV, ARFF, LIBSVM or Excel file on the window, or use &lt;b&gt;File › Open Dataset…&lt;/b&gt;. It becomes a &lt;b&gt;File&lt;/b&gt; node, and the &lt;i&gt;Data&lt;/i&gt; tab shows its table. Try &lt;code&gt;iris.csv&lt;/code&gt; from the examples.&lt;/p&gt;&lt;h3&gt;2. Choose the target&lt;/h3&gt;&lt;p&gt;In the column list on the right, click the &lt;i&gt;Role&lt;/i&gt; cell of the column to predict (for iris: &lt;code&gt;species&lt;/code&gt;) and choose &lt;b&gt;target&lt;/b&gt;. Every other column is a feature.&lt;/p&gt;&lt;h3&gt;3. Split the rows&lt;/h3&gt;&lt;p&gt;Drag &lt;b&gt;Train/Test Split&lt;/b&gt; from the palette (category &lt;i&gt;Data&lt;/i&gt;) onto the canvas and connect the File node&apos;s output to its input: drag from the small circle on the right of one node to the circle on the left of the other.&lt;/p&gt;&lt;h3&gt;4. Add a model&lt;/h3&gt;&lt;p&gt;Add &lt;b&gt;Logistic Regression&lt;/b&gt; (category &lt;i&gt;Model&lt;/i&gt;) and connect the split&apos;s &lt;i&gt;Train&lt;/i&gt; output to it. Its parameters are in the &lt;i&gt;Properties&lt;/i&gt; panel; hover over one to read what it does.&lt;/p&gt;&lt;h3&gt;5. Evaluate&lt;/h3&gt;&lt;p&gt;Add &lt;b&gt;Test on Held-out Data&lt;/b&gt; (category &lt;i&gt;Evaluate&lt;/i&gt;): connect the model to its &lt;i&gt;Model&lt;/i&gt; input and the split&apos;s &lt;i&gt;Test&lt;/i&gt; output to its &lt;i&gt;Data&lt;/i&gt; input. Then add a &lt;b&gt;Confusion Matrix&lt;/b&gt; and a &lt;b&gt;Metrics&lt;/b&gt; view and connect them to its outputs.&lt;/p&gt;&lt;h3&gt;6. Run and look&lt;/h3&gt;&lt;p&gt;With &lt;i&gt;Auto-run&lt;/i&gt; on, the workflow runs by itself after each edit; otherwise press &lt;b&gt;F5&lt;/b&gt;. Double-click a view node to open its result in a tab. Change a parameter and watch the results follow.&lt;/p&gt;&lt;p&gt;Save the workflow with &lt;b&gt;Ctrl+S&lt;/b&gt;; &lt;code&gt;sextant run workflow.sextant&lt;/code&gt; runs it again without the studio. The examples on the welcome page (&lt;b&gt;Help › Welcome&lt;/b&gt;) are complete workflows to start from.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Ihr erster Workflow&lt;/h1&gt;&lt;p&gt;Ein Workflow ist ein Graph aus Knoten: Die Daten fließen von einem &lt;b&gt;Datei&lt;/b&gt;-Knoten durch Vorverarbeitungs- und Modellknoten zu den Ansichten, die Ergebnisse zeigen. Hier ist einer, der einen Klassifikator trainiert und zeigt, wie gut er ist – in sechs Schritten.&lt;/p&gt;&lt;h3&gt;1. Einen Datensatz öffnen&lt;/h3&gt;&lt;p&gt;Legen Sie eine CSV-, TSV-, ARFF-, LIBSVM- oder Excel-Datei auf dem Fenster ab oder verwenden Sie &lt;b&gt;Datei › Datensatz öffnen…&lt;/b&gt;. Sie wird zu einem &lt;b&gt;Datei&lt;/b&gt;-Knoten, und der Reiter &lt;i&gt;Daten&lt;/i&gt; zeigt ihre Tabelle. Probieren Sie &lt;code&gt;iris.csv&lt;/code&gt; aus den Beispielen.&lt;/p&gt;&lt;h3&gt;2. Die Zielvariable wählen&lt;/h3&gt;&lt;p&gt;Klicken Sie in der Spaltenliste rechts auf die Zelle &lt;i&gt;Rolle&lt;/i&gt; der vorherzusagenden Spalte (bei Iris: &lt;code&gt;species&lt;/code&gt;) und wählen Sie &lt;b&gt;Zielvariable&lt;/b&gt;. Jede andere Spalte ist ein Merkmal.&lt;/p&gt;&lt;h3&gt;3. Die Zeilen aufteilen&lt;/h3&gt;&lt;p&gt;Ziehen Sie &lt;b&gt;Trainings-/Testaufteilung&lt;/b&gt; aus der Palette (Kategorie &lt;i&gt;Daten&lt;/i&gt;) auf die Arbeitsfläche und verbinden Sie den Ausgang des Datei-Knotens mit ihrem Eingang: Ziehen Sie vom kleinen Kreis rechts am einen Knoten zum Kreis links am anderen.&lt;/p&gt;&lt;h3&gt;4. Ein Modell hinzufügen&lt;/h3&gt;&lt;p&gt;Fügen Sie &lt;b&gt;Logistische Regression&lt;/b&gt; hinzu (Kategorie &lt;i&gt;Modell&lt;/i&gt;) und verbinden Sie den Ausgang &lt;i&gt;Training&lt;/i&gt; der Aufteilung damit. Seine Parameter stehen im Bereich &lt;i&gt;Eigenschaften&lt;/i&gt;; fahren Sie mit der Maus über einen, um zu lesen, was er bewirkt.&lt;/p&gt;&lt;h3&gt;5. Bewerten&lt;/h3&gt;&lt;p&gt;Fügen Sie &lt;b&gt;Test auf zurückgehaltenen Daten&lt;/b&gt; hinzu (Kategorie &lt;i&gt;Bewerten&lt;/i&gt;): Verbinden Sie das Modell mit dessen Eingang &lt;i&gt;Modell&lt;/i&gt; und den Ausgang &lt;i&gt;Test&lt;/i&gt; der Aufteilung mit dessen Eingang &lt;i&gt;Daten&lt;/i&gt;. Fügen Sie dann eine &lt;b&gt;Konfusionsmatrix&lt;/b&gt; und eine Ansicht &lt;b&gt;Metriken&lt;/b&gt; hinzu und verbinden Sie sie mit seinen Ausgängen.&lt;/p&gt;&lt;h3&gt;6. Ausführen und ansehen&lt;/h3&gt;&lt;p&gt;Ist &lt;i&gt;Automatisch ausführen&lt;/i&gt; an, läuft der Workflow nach jeder Änderung von selbst; sonst drücken Sie &lt;b&gt;F5&lt;/b&gt;. Ein Doppelklick auf einen Ansichtsknoten öffnet sein Ergebnis in einem Reiter. Ändern Sie einen Parameter und sehen Sie, wie die Ergebnisse folgen.&lt;/p&gt;&lt;p&gt;Speichern Sie den Workflow mit &lt;b&gt;Strg+S&lt;/b&gt;; &lt;code&gt;sextant run workflow.sextant&lt;/code&gt; führt ihn ohne das Studio erneut aus. Die Beispiele auf der Willkommensseite (&lt;b&gt;Hilfe › Willkommen&lt;/b&gt;) sind vollständige Workflows zum Weiterbauen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>Maus</translation>
    </message>
    <message>
        <source>Double-click the canvas</source>
        <translation>Doppelklick auf die Arbeitsfläche</translation>
    </message>
    <message>
        <source>add a node by typing its name</source>
        <translation>einen Knoten durch Eintippen seines Namens hinzufügen</translation>
    </message>
    <message>
        <source>Drag from an output port to an input port</source>
        <translation>Von einem Ausgang zu einem Eingang ziehen</translation>
    </message>
    <message>
        <source>connect two nodes</source>
        <translation>zwei Knoten verbinden</translation>
    </message>
    <message>
        <source>Double-click a view node</source>
        <translation>Doppelklick auf einen Ansichtsknoten</translation>
    </message>
    <message>
        <source>open its result in a tab</source>
        <translation>sein Ergebnis in einem Reiter öffnen</translation>
    </message>
    <message>
        <source>Drag a file onto the window</source>
        <translation>Eine Datei auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>open a dataset or a workflow</source>
        <translation>einen Datensatz oder Workflow öffnen</translation>
    </message>
    <message>
        <source>Mouse wheel on a plot</source>
        <translation>Mausrad über einem Diagramm</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>zoomen</translation>
    </message>
    <message>
        <source>Drag on a plot</source>
        <translation>In einem Diagramm ziehen</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>verschieben</translation>
    </message>
    <message>
        <source>Ctrl+drag on a plot</source>
        <translation>Strg+Ziehen in einem Diagramm</translation>
    </message>
    <message>
        <source>zoom into a rectangle</source>
        <translation>in ein Rechteck zoomen</translation>
    </message>
    <message>
        <source>Double-click a plot</source>
        <translation>Doppelklick auf ein Diagramm</translation>
    </message>
    <message>
        <source>reset the view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Shift+drag in the scatter plot</source>
        <translation>Umschalt+Ziehen im Streudiagramm</translation>
    </message>
    <message>
        <source>select the rows in a rectangle</source>
        <translation>die Zeilen in einem Rechteck auswählen</translation>
    </message>
    <message>
        <source>Alt+drag in the scatter plot</source>
        <translation>Alt+Ziehen im Streudiagramm</translation>
    </message>
    <message>
        <source>select the rows in a lasso</source>
        <translation>die Zeilen in einem Lasso auswählen</translation>
    </message>
    <message>
        <source>Right-click a plot</source>
        <translation>Rechtsklick auf ein Diagramm</translation>
    </message>
    <message>
        <source>export it as PNG, PDF or SVG, or copy it</source>
        <translation>als PNG, PDF oder SVG exportieren oder kopieren</translation>
    </message>
</context>
<context>
    <name>sextant::app::LinkedSelection</name>
    <message>
        <source>1 row selected in %1</source>
        <translation>1 Zeile ausgewählt in %1</translation>
    </message>
    <message>
        <source>%1 rows selected in %2</source>
        <translation>%1 Zeilen ausgewählt in %2</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1 (Knoten %2)</translation>
    </message>
    <message>
        <source>%1 — %2 (node %3)</source>
        <translation>%1 — %2 (Knoten %3)</translation>
    </message>
    <message>
        <source>Select Confusion Cell</source>
        <translation>Zelle der Konfusionsmatrix auswählen</translation>
    </message>
    <message>
        <source>Select Silhouettes</source>
        <translation>Silhouetten auswählen</translation>
    </message>
    <message>
        <source>The selection of %1 does not fit its table: %2</source>
        <translation>Die Auswahl von %1 passt nicht zu seiner Tabelle: %2</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message numerus="yes">
        <source>Select %n Row(s)</source>
        <translation>
            <numerusform>%n Zeile auswählen</numerusform>
            <numerusform>%n Zeilen auswählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select Heat Map Rows</source>
        <translation>Heatmap-Zeilen auswählen</translation>
    </message>
    <message>
        <source>Select in Scatter Matrix</source>
        <translation>In der Streudiagramm-Matrix auswählen</translation>
    </message>
</context>
<context>
    <name>sextant::app::MainWindow</name>
    <message>
        <source>Sextant</source>
        <translation>Sextant</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Principal components: %1</source>
        <translation>Hauptkomponenten: %1</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>Load Warnings</source>
        <translation>Ladewarnungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or LIBSVM file</source>
        <translation>Eine CSV-, TSV-, ARFF- oder LIBSVM-Datei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Sextant</source>
        <translation>Über &amp;Sextant</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading this file</source>
        <translation>Laden dieser Datei abbrechen</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>Loading %1 cancelled</source>
        <translation>Laden von %1 abgebrochen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Computing statistics of %1…</source>
        <translation>Statistiken von %1 werden berechnet…</translation>
    </message>
    <message>
        <source>Could not load %1.
%2</source>
        <translation>%1 konnte nicht geladen werden.
%2</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>%1 — Sextant</source>
        <translation>%1 — Sextant</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 Zeilen × %2 Spalten</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Split the bars by the classes of a categorical column</source>
        <translation>Die Balken nach den Klassen einer kategorialen Spalte aufteilen</translation>
    </message>
    <message>
        <source>&amp;Split by:</source>
        <translation>&amp;Aufteilen nach:</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;New Workflow</source>
        <translation>&amp;Neuer Workflow</translation>
    </message>
    <message>
        <source>Start an empty workflow</source>
        <translation>Einen leeren Workflow beginnen</translation>
    </message>
    <message>
        <source>Open &amp;Workflow…</source>
        <translation>&amp;Workflow öffnen…</translation>
    </message>
    <message>
        <source>Open a workflow file (.sextant)</source>
        <translation>Eine Workflow-Datei öffnen (.sextant)</translation>
    </message>
    <message>
        <source>&amp;Save Workflow</source>
        <translation>Workflow &amp;speichern</translation>
    </message>
    <message>
        <source>Save Workflow &amp;As…</source>
        <translation>Workflow speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Drop a data file on the window, or use File › Open Dataset…</source>
        <translation>Legen Sie eine Datendatei auf dem Fenster ab oder verwenden Sie Datei › Datensatz öffnen…</translation>
    </message>
    <message>
        <source>under a millisecond</source>
        <translation>unter einer Millisekunde</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 was loaded with a warning.</source>
        <translation>%1 wurde mit einer Warnung geladen.</translation>
    </message>
    <message>
        <source>%1 was loaded with %2 warnings.</source>
        <translation>%1 wurde mit %2 Warnungen geladen.</translation>
    </message>
    <message>
        <source>Show Warnings</source>
        <translation>Warnungen anzeigen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Opening %1 (one file at a time; %2 other files ignored)</source>
        <translation>%1 wird geöffnet (eine Datei auf einmal; %2 weitere Dateien ignoriert)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>About Sextant</source>
        <translation>Über Sextant</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A native desktop studio for machine learning on tabular data.&lt;/p&gt;&lt;p&gt;Drop a CSV, TSV, ARFF or LIBSVM file on the window to look at it: the data table, the column statistics and the histogram of each column.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;Ein natives Desktop-Studio für maschinelles Lernen auf tabellarischen Daten.&lt;/p&gt;&lt;p&gt;Legen Sie eine CSV-, TSV-, ARFF- oder LIBSVM-Datei auf dem Fenster ab, um sie anzusehen: die Datentabelle, die Spaltenstatistiken und das Histogramm jeder Spalte.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>To see this result: %1.</source>
        <translation>Um dieses Ergebnis zu sehen: %1.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>Open delimited text with a preview and its import options</source>
        <translation>Text mit Trennzeichen mit Vorschau und Importoptionen öffnen</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>Tabelle &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the table the views show as CSV, TSV or ARFF</source>
        <translation>Die angezeigte Tabelle als CSV, TSV oder ARFF speichern</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 wird ausgeführt…</translation>
    </message>
    <message>
        <source>Nothing to show for %1: %2</source>
        <translation>Für %1 gibt es nichts anzuzeigen: %2</translation>
    </message>
    <message>
        <source>%1 — removed from the workflow</source>
        <translation>%1 — aus dem Workflow entfernt</translation>
    </message>
    <message>
        <source>%1 — of another workflow</source>
        <translation>%1 — aus einem anderen Workflow</translation>
    </message>
    <message>
        <source>To see the table of %1: %2.</source>
        <translation>Um die Tabelle von %1 zu sehen: %2.</translation>
    </message>
    <message>
        <source>Showing %1 (%2)</source>
        <translation>%1 wird angezeigt (%2)</translation>
    </message>
    <message>
        <source>Restored unsaved changes to %1</source>
        <translation>Ungesicherte Änderungen an %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop a data file here&lt;/p&gt;&lt;p&gt;CSV, TSV, ARFF or LIBSVM, or a folder of images sorted into class subfolders — or use &lt;b&gt;File › Open Dataset…&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Datendatei hier ablegen&lt;/p&gt;&lt;p&gt;CSV, TSV, ARFF oder LIBSVM oder einen Ordner mit Bildern in Unterordnern je Klasse – oder &lt;b&gt;Datei › Datensatz öffnen…&lt;/b&gt; verwenden&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open &amp;Image Folder…</source>
        <translation>&amp;Bildordner öffnen…</translation>
    </message>
    <message>
        <source>Open a folder with one subfolder of images per class as a table of features</source>
        <translation>Einen Ordner mit einem Unterordner von Bildern je Klasse als Merkmalstabelle öffnen</translation>
    </message>
    <message>
        <source>Open Image Folder</source>
        <translation>Bildordner öffnen</translation>
    </message>
    <message>
        <source>Select a node to see its data here</source>
        <translation>Einen Knoten auswählen, um hier seine Daten zu sehen</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1 (Knoten %2)</translation>
    </message>
    <message>
        <source>%1 — the input of %2</source>
        <translation>%1 — die Eingabe von %2</translation>
    </message>
</context>
<context>
    <name>sextant::app::ModelSaver</name>
    <message>
        <source>Export Model as ONNX</source>
        <translation>Modell als ONNX exportieren</translation>
    </message>
    <message>
        <source>Save Trained Model</source>
        <translation>Trainiertes Modell speichern</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX-Modell (*.onnx)</translation>
    </message>
    <message>
        <source>Sextant model (*.sxmodel)</source>
        <translation>Sextant-Modell (*.sxmodel)</translation>
    </message>
</context>
<context>
    <name>sextant::app::NodeInspector</name>
    <message>
        <source>PC1 (%1% of variance)</source>
        <translation>HK1 (%1 % der Varianz)</translation>
    </message>
    <message>
        <source>PC2 (%1% of variance)</source>
        <translation>HK2 (%1 % der Varianz)</translation>
    </message>
    <message>
        <source>connect the input “%1” of %2 #%3</source>
        <translation>den Eingang „%1“ von %2 #%3 verbinden</translation>
    </message>
    <message>
        <source>choose the file of %1 #%2</source>
        <translation>die Datei von %1 #%2 wählen</translation>
    </message>
    <message>
        <source>%1 — %2 (node %3)</source>
        <translation>%1 — %2 (Knoten %3)</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1 (Knoten %2)</translation>
    </message>
    <message>
        <source>the workflow could not be run</source>
        <translation>der Workflow konnte nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>the node was removed</source>
        <translation>der Knoten wurde entfernt</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>die Ausführung wurde abgebrochen</translation>
    </message>
    <message>
        <source>its output is not a table</source>
        <translation>seine Ausgabe ist keine Tabelle</translation>
    </message>
    <message>
        <source>choose the folder of %1 #%2</source>
        <translation>wählen Sie den Ordner von %1 #%2</translation>
    </message>
</context>
<context>
    <name>sextant::app::NodeReference</name>
    <message>
        <source>integer</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>ja/nein</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>list of columns</source>
        <translation>Spaltenliste</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(all/automatic)</source>
        <translation>(alle/automatisch)</translation>
    </message>
    <message>
        <source>(none/automatic)</source>
        <translation>(keine/automatisch)</translation>
    </message>
    <message>
        <source>Type id:</source>
        <translation>Typ-ID:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>Keine Parameter.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Range or choices</source>
        <translation>Bereich oder Auswahl</translation>
    </message>
    <message>
        <source>Node reference</source>
        <translation>Knotenreferenz</translation>
    </message>
    <message>
        <source>Every node type of this version of Sextant: what it does, what it takes and gives, and its parameters. The names in code font are what workflow files and `sextant run --set NODE.NAME=VALUE` use.</source>
        <translation>Jeder Knotentyp dieser Sextant-Version: was er tut, was er erhält und liefert, und seine Parameter. Die Namen in Schreibmaschinenschrift verwenden Workflow-Dateien und `sextant run --set KNOTEN.NAME=WERT`.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>sextant::app::PreferencesDialog</name>
    <message>
        <source>Run the out-of-date part of the workflow after each edit</source>
        <translation>Nach jeder Änderung den veralteten Teil des Workflows ausführen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when Sextant is started again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Sextant wirksam.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message numerus="yes">
        <source>Automatic (%n thread(s))</source>
        <translation>
            <numerusform>Automatisch (%n Thread)</numerusform>
            <numerusform>Automatisch (%n Threads)</numerusform>
        </translation>
    </message>
    <message>
        <source>How many workflow nodes may run at the same time. Automatic uses one thread per processor Sextant may run on, no more than a Slurm task was given, or SEXTANT_THREADS where it is set.</source>
        <translation>Wie viele Workflow-Knoten gleichzeitig laufen dürfen. „Automatisch“ nimmt einen Thread je Prozessor, auf dem Sextant laufen darf, nicht mehr, als ein Slurm-Task bekommen hat, oder SEXTANT_THREADS, wo es gesetzt ist.</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>&amp;Arbeitsthreads:</translation>
    </message>
    <message>
        <source>Auto-run:</source>
        <translation>Automatisch ausführen:</translation>
    </message>
    <message>
        <source>Sextant&apos;s data folder</source>
        <translation>Sextants Datenordner</translation>
    </message>
    <message>
        <source>Slurm &amp;folder:</source>
        <translation>Slurm-&amp;Ordner:</translation>
    </message>
    <message>
        <source>The cluster&apos;s default</source>
        <translation>Der Standard des Clusters</translation>
    </message>
    <message>
        <source>Slurm &amp;partition:</source>
        <translation>Slurm-&amp;Partition:</translation>
    </message>
    <message>
        <source>Tune Parameters and Cross-Validation on Slurm: where each run&apos;s folder is made when the node names none. It must be on a file system the cluster&apos;s nodes share (your home or scratch).</source>
        <translation>Parameter abstimmen und Kreuzvalidierung auf Slurm: wo der Ordner jedes Laufs angelegt wird, wenn der Knoten keinen nennt. Er muss auf einem Dateisystem liegen, das die Knoten des Clusters teilen (Ihr Home- oder Scratch-Verzeichnis).</translation>
    </message>
    <message>
        <source>Tune Parameters and Cross-Validation on Slurm: the partition the tasks go to when the node names none.</source>
        <translation>Parameter abstimmen und Kreuzvalidierung auf Slurm: die Partition, in die die Tasks gehen, wenn der Knoten keine nennt.</translation>
    </message>
</context>
<context>
    <name>sextant::app::RecentFiles</name>
    <message>
        <source>No Recent Files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>sextant::app::ResultTabs</name>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, node %2</source>
        <translation>%1, Knoten %2</translation>
    </message>
    <message>
        <source>Close (double-click the node to show its result again)</source>
        <translation>Schließen (Doppelklick auf den Knoten zeigt sein Ergebnis erneut)</translation>
    </message>
    <message>
        <source>Run the workflow to see this node&apos;s result.</source>
        <translation>Führen Sie den Workflow aus, um das Ergebnis dieses Knotens zu sehen.</translation>
    </message>
    <message>
        <source>There is no node %1.</source>
        <translation>Es gibt keinen Knoten %1.</translation>
    </message>
    <message>
        <source>Nothing can show this node&apos;s result.</source>
        <translation>Das Ergebnis dieses Knotens kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
Shown by %2 (node %3): a double click on it reopens this tab.</source>
        <translation>%1
Angezeigt von %2 (Knoten %3): Ein Doppelklick darauf öffnet diesen Reiter erneut.</translation>
    </message>
    <message>
        <source>Out of date: the workflow changed since this was drawn.</source>
        <translation>Veraltet: Der Workflow hat sich seit dem Zeichnen geändert.</translation>
    </message>
</context>
<context>
    <name>sextant::app::RunPathGuard</name>
    <message>
        <source>Files Outside the Workflow&apos;s Folder</source>
        <translation>Dateien außerhalb des Workflow-Ordners</translation>
    </message>
    <message>
        <source>The workflow “%1” reads files outside its folder and the folders you opened data from:</source>
        <translation>Der Workflow „%1“ liest Dateien außerhalb seines Ordners und der Ordner, aus denen Sie Daten geöffnet haben:</translation>
    </message>
    <message>
        <source>Run it only if you trust where the workflow came from: it can copy what it reads into its results.</source>
        <translation>Führen Sie ihn nur aus, wenn Sie seiner Herkunft vertrauen: Er kann das Gelesene in seine Ergebnisse kopieren.</translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation>Trotzdem ausführen</translation>
    </message>
</context>
<context>
    <name>sextant::app::ScatterChoiceWriter</name>
    <message>
        <source>Change %1 columns</source>
        <translation>%1 Spalten ändern</translation>
    </message>
</context>
<context>
    <name>sextant::app::SelectionViews</name>
    <message>
        <source>Select Histogram Bar</source>
        <translation>Histogrammbalken auswählen</translation>
    </message>
    <message>
        <source>Select Table Rows</source>
        <translation>Tabellenzeilen auswählen</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Select no rows (the Selected Rows node stays, empty)</source>
        <translation>Keine Zeilen auswählen (der Knoten „Ausgewählte Zeilen“ bleibt, leer)</translation>
    </message>
    <message>
        <source>Select Scatter Points</source>
        <translation>Streudiagrammpunkte auswählen</translation>
    </message>
</context>
<context>
    <name>sextant::app::WelcomePage</name>
    <message>
        <source>Welcome to Sextant</source>
        <translation>Willkommen bei Sextant</translation>
    </message>
    <message>
        <source>Explore a dataset, wire preprocessing, models and evaluation into a workflow, and train in the background. Version %1.</source>
        <translation>Erkunden Sie einen Datensatz, verbinden Sie Vorverarbeitung, Modelle und Bewertung zu einem Workflow und trainieren Sie im Hintergrund. Version %1.</translation>
    </message>
    <message>
        <source>Back to the Workflow</source>
        <translation>Zurück zum Workflow</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>New Workflow</source>
        <translation>Neuer Workflow</translation>
    </message>
    <message>
        <source>Open Workflow…</source>
        <translation>Workflow öffnen…</translation>
    </message>
    <message>
        <source>Open Dataset…</source>
        <translation>Datensatz öffnen…</translation>
    </message>
    <message>
        <source>Or drop a CSV, TSV, ARFF, LIBSVM or Excel file anywhere on the window.</source>
        <translation>Oder legen Sie eine CSV-, TSV-, ARFF-, LIBSVM- oder Excel-Datei irgendwo auf dem Fenster ab.</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Your first workflow, step by step</source>
        <translation>Ihr erster Workflow, Schritt für Schritt</translation>
    </message>
    <message>
        <source>Node reference</source>
        <translation>Knotenreferenz</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Open one to see a complete workflow; it opens as an untitled copy, so the original stays as it is.</source>
        <translation>Öffnen Sie eines, um einen vollständigen Workflow zu sehen; es öffnet sich als unbenannte Kopie, das Original bleibt unverändert.</translation>
    </message>
    <message>
        <source>Nothing yet. The workflows and datasets you open will be listed here.</source>
        <translation>Noch nichts. Die Workflows und Datensätze, die Sie öffnen, erscheinen hier.</translation>
    </message>
    <message>
        <source>The example workflows were not found (looked for %1).</source>
        <translation>Die Beispiel-Workflows wurden nicht gefunden (gesucht: %1).</translation>
    </message>
    <message>
        <source>Opened the example %1: an untitled copy, save it to keep your changes</source>
        <translation>Beispiel %1 geöffnet: eine unbenannte Kopie – speichern Sie sie, um Ihre Änderungen zu behalten</translation>
    </message>
</context>
<context>
    <name>sextant::app::WorkflowDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Unsaved Workflow</source>
        <translation>Ungesicherter Workflow</translation>
    </message>
    <message>
        <source>The workflow “%1” has unsaved changes.</source>
        <translation>Der Workflow „%1“ hat ungesicherte Änderungen.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Neuer Workflow</translation>
    </message>
    <message>
        <source>Open Workflow</source>
        <translation>Workflow öffnen</translation>
    </message>
    <message>
        <source>Sextant workflows (*.%1)</source>
        <translation>Sextant-Workflows (*.%1)</translation>
    </message>
    <message>
        <source>Could not open the workflow %1.
%2</source>
        <translation>Der Workflow %1 konnte nicht geöffnet werden.
%2</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened workflow %1</source>
        <translation>Workflow %1 geöffnet</translation>
    </message>
    <message>
        <source>recovered workflow</source>
        <translation>geretteter Workflow</translation>
    </message>
    <message>
        <source>Save Workflow As</source>
        <translation>Workflow speichern unter</translation>
    </message>
    <message>
        <source>Could not save the workflow.
%1</source>
        <translation>Der Workflow konnte nicht gespeichert werden.
%1</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved workflow %1</source>
        <translation>Workflow %1 gespeichert</translation>
    </message>
    <message>
        <source>Keep relative file paths</source>
        <translation>Relative Dateipfade beibehalten</translation>
    </message>
</context>
<context>
    <name>sextant::cli::RunCommand</name>
    <message>
        <source> cached</source>
        <translation> aus dem Zwischenspeicher</translation>
    </message>
    <message>
        <source> running… done %1</source>
        <translation> läuft… fertig %1</translation>
    </message>
    <message>
        <source> (warning: %1)</source>
        <translation> (Warnung: %1)</translation>
    </message>
    <message>
        <source> running… FAILED after %1: %2</source>
        <translation> läuft… FEHLGESCHLAGEN nach %1: %2</translation>
    </message>
    <message>
        <source> skipped: %1</source>
        <translation> übersprungen: %1</translation>
    </message>
    <message>
        <source>Running %1 (1 node)</source>
        <translation>%1 wird ausgeführt (1 Knoten)</translation>
    </message>
    <message>
        <source>Running %1 (%2 nodes)</source>
        <translation>%1 wird ausgeführt (%2 Knoten)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>geschrieben: %1</translation>
    </message>
    <message>
        <source>OK: %1 of %2 nodes done in %3; outputs in %4</source>
        <translation>OK: %1 von %2 Knoten fertig in %3; Ausgaben in %4</translation>
    </message>
    <message>
        <source>FAILED: %1 of %2 nodes done in %3; outputs in %4</source>
        <translation>FEHLGESCHLAGEN: %1 von %2 Knoten fertig in %3; Ausgaben in %4</translation>
    </message>
</context>
<context>
    <name>sextant::engine::ImageFeatures</name>
    <message>
        <source>the image size must be at least 1 x 1 pixels</source>
        <translation>die Bildgröße muss mindestens 1 × 1 Pixel betragen</translation>
    </message>
    <message>
        <source>the histogram takes 1 to 256 bins per channel</source>
        <translation>das Histogramm hat 1 bis 256 Bins je Kanal</translation>
    </message>
    <message>
        <source>the HOG cell size and orientation bins must be at least 1</source>
        <translation>HOG-Zellgröße und Orientierungs-Bins müssen mindestens 1 sein</translation>
    </message>
    <message>
        <source>the size %1 x %2 is not a multiple of the HOG cell size %3</source>
        <translation>die Größe %1 × %2 ist kein Vielfaches der HOG-Zellgröße %3</translation>
    </message>
    <message>
        <source>the size %1 x %2 holds less than 2 x 2 HOG cells of %3 pixels</source>
        <translation>die Größe %1 × %2 fasst weniger als 2 × 2 HOG-Zellen von %3 Pixeln</translation>
    </message>
</context>
<context>
    <name>sextant::engine::ImageFolderReader</name>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: kein solcher Ordner</translation>
    </message>
    <message>
        <source>%1 is not a folder (an image folder holds one subfolder of images per class)</source>
        <translation>%1 ist kein Ordner (ein Bildordner enthält einen Unterordner von Bildern je Klasse)</translation>
    </message>
    <message>
        <source>%1 has no class subfolders: an image folder holds one subfolder of images per class (FOLDER/cat/1.png, FOLDER/dog/1.png...)</source>
        <translation>%1 hat keine Klassen-Unterordner: Ein Bildordner enthält einen Unterordner von Bildern je Klasse (ORDNER/katze/1.png, ORDNER/hund/1.png…)</translation>
    </message>
    <message>
        <source>%1: its class subfolders (%2) hold no images (.png, .jpg, .jpeg, .bmp, .tif, .tiff)</source>
        <translation>%1: seine Klassen-Unterordner (%2) enthalten keine Bilder (.png, .jpg, .jpeg, .bmp, .tif, .tiff)</translation>
    </message>
    <message>
        <source>read the images of %1</source>
        <translation>lese die Bilder von %1</translation>
    </message>
    <message>
        <source>not a readable image, skipped</source>
        <translation>kein lesbares Bild, übersprungen</translation>
    </message>
    <message>
        <source>class folder without images, skipped</source>
        <translation>Klassenordner ohne Bilder, übersprungen</translation>
    </message>
    <message>
        <source>class folder without a readable image, skipped</source>
        <translation>Klassenordner ohne lesbares Bild, übersprungen</translation>
    </message>
    <message>
        <source>%1 more unreadable images skipped</source>
        <translation>%1 weitere unlesbare Bilder übersprungen</translation>
    </message>
    <message>
        <source>%1: none of its %2 images could be read</source>
        <translation>%1: keines seiner %2 Bilder konnte gelesen werden</translation>
    </message>
</context>
<context>
    <name>sextant::engine::TrainingUpdate</name>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>reached the iteration limit (%1)</source>
        <translation>Iterationsgrenze erreicht (%1)</translation>
    </message>
    <message>
        <source>1 %1</source>
        <translation>1 %1</translation>
    </message>
    <message>
        <source>all %1 %2</source>
        <translation>alle %1 %2</translation>
    </message>
    <message>
        <source>converged (tolerance reached) after %1 %2</source>
        <translation>konvergiert (Toleranz erreicht) nach %1 %2</translation>
    </message>
    <message>
        <source>early stopping after %1 %2 (no improvement on the validation rows)</source>
        <translation>vorzeitig beendet nach %1 %2 (keine Verbesserung auf den Validierungszeilen)</translation>
    </message>
    <message>
        <source>Stop pressed after %1 %2%3</source>
        <translation>Stopp gedrückt nach %1 %2%3</translation>
    </message>
    <message>
        <source>cancelled after %1 %2%3</source>
        <translation>abgebrochen nach %1 %2%3</translation>
    </message>
    <message>
        <source>Cross-Validation: %1</source>
        <translation>Kreuzvalidierung: %1</translation>
    </message>
    <message>
        <source>Tune: %1</source>
        <translation>Abstimmung: %1</translation>
    </message>
</context>
<context>
    <name>sextant::plots::BoxPlot</name>
    <message>
        <source>Column:</source>
        <translation>Spalte:</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>Boxplot</translation>
    </message>
    <message>
        <source>Violin plot</source>
        <translation>Violinplot</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <translation>%1 von %2 nach %3</translation>
    </message>
    <message>
        <source>%1: %2 values</source>
        <translation>%1: %2 Werte</translation>
    </message>
    <message>
        <source>median %1, quartiles %2 – %3
whiskers %4 – %5, mean %6</source>
        <translation>Median %1, Quartile %2 – %3
Whisker %4 – %5, Mittelwert %6</translation>
    </message>
    <message>
        <source>%1 outliers (min %2, max %3)</source>
        <translation>%1 Ausreißer (Min. %2, Max. %3)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ConfusionMatrixPlot</name>
    <message>
        <source>&amp;Row-normalised</source>
        <translation>&amp;Zeilennormiert</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Tatsächliche Klasse</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Divide each row by the number of samples of its true class</source>
        <translation>Jede Zeile durch die Anzahl der Beispiele ihrer tatsächlichen Klasse teilen</translation>
    </message>
    <message>
        <source>Fraction of true class</source>
        <translation>Anteil an der tatsächlichen Klasse</translation>
    </message>
    <message>
        <source>Confusion matrix — accuracy %1%</source>
        <translation>Konfusionsmatrix — Genauigkeit %1 %</translation>
    </message>
    <message>
        <source>True: %1
Predicted: %2
%3 sample(s), %4% of true %1</source>
        <translation>Tatsächlich: %1
Vorhergesagt: %2
%3 Beispiel(e), %4 % der tatsächlichen %1</translation>
    </message>
    <message>
        <source>Row-&amp;normalised</source>
        <translation>Zeilen&amp;normiert</translation>
    </message>
</context>
<context>
    <name>sextant::plots::CorrelationHeatmap</name>
    <message>
        <source>Pearson r</source>
        <translation>Pearson-r</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>%1 × %2
r undefined (constant column or too few rows)</source>
        <translation>%1 × %2
r undefiniert (konstante Spalte oder zu wenige Zeilen)</translation>
    </message>
    <message>
        <source>%1 × %2
r = %3</source>
        <translation>%1 × %2
r = %3</translation>
    </message>
</context>
<context>
    <name>sextant::plots::DataHeatMapPlot</name>
    <message>
        <source>Standardized value (z)</source>
        <translation>Standardisierter Wert (z)</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows in %2 bands</source>
        <translation>%1 Zeilen in %2 Bändern</translation>
    </message>
    <message>
        <source>rows clustered</source>
        <translation>Zeilen geclustert</translation>
    </message>
    <message>
        <source>columns clustered</source>
        <translation>Spalten geclustert</translation>
    </message>
    <message>
        <source>Heat map (%1, %2 linkage, optimal leaf order)</source>
        <translation>Heatmap (%1, %2-Verknüpfung, optimale Blattreihenfolge)</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1 rows (positions %2 to %3)</source>
        <translation>%1 Zeilen (Positionen %2 bis %3)</translation>
    </message>
    <message>
        <source>%1
%2: missing</source>
        <translation>%1
%2: fehlt</translation>
    </message>
    <message>
        <source>%1
%2: %3 (z = %4)%5</source>
        <translation>%1
%2: %3 (z = %4)%5</translation>
    </message>
    <message>
        <source>, band mean</source>
        <translation>, Bandmittelwert</translation>
    </message>
</context>
<context>
    <name>sextant::plots::DendrogramPlot</name>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrogramm</translation>
    </message>
    <message numerus="yes">
        <source>%n leaves</source>
        <translation>
            <numerusform>%n Blatt</numerusform>
            <numerusform>%n Blätter</numerusform>
        </translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Distance (%1 linkage)</source>
        <translation>Abstand (%1-Verknüpfung)</translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n Cluster</numerusform>
            <numerusform>%n Cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut at %1: %n clusters. Drag to change.</source>
        <translation>
            <numerusform>Schnitt bei %1: %n Cluster. Ziehen zum Ändern.</numerusform>
            <numerusform>Schnitt bei %1: %n Cluster. Ziehen zum Ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
row %2, cluster %3</source>
        <translation>%1
Zeile %2, Cluster %3</translation>
    </message>
</context>
<context>
    <name>sextant::plots::DriftPlot</name>
    <message>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Population stability index (PSI)</source>
        <translation>Populationsstabilitätsindex (PSI)</translation>
    </message>
    <message>
        <source>(predictions)</source>
        <translation>(Vorhersagen)</translation>
    </message>
    <message>
        <source>Drift: %1 of %2 drifted</source>
        <translation>Drift: %1 von %2 mit Drift</translation>
    </message>
    <message>
        <source>Drift against %1&apos;s training data: %2 of %3 drifted</source>
        <translation>Drift gegenüber den Trainingsdaten von %1: %2 von %3 mit Drift</translation>
    </message>
    <message>
        <source> (the largest %1)</source>
        <translation> (die größten %1)</translation>
    </message>
    <message>
        <source>%1: %2
PSI %3</source>
        <translation>%1: %2
PSI %3</translation>
    </message>
    <message>
        <source>
chi-square %1 (df %2), p = %3</source>
        <translation>
Chi-Quadrat %1 (FG %2), p = %3</translation>
    </message>
    <message>
        <source>
KS %1, p = %2</source>
        <translation>
KS %1, p = %2</translation>
    </message>
    <message>
        <source>
missing: %1% in training, %2% here</source>
        <translation>
fehlend: %1% im Training, %2% hier</translation>
    </message>
    <message>
        <source>
%1 rows with unseen categories</source>
        <translation>
%1 Zeilen mit unbekannten Kategorien</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>This data</source>
        <translation>Diese Daten</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>Share of rows</source>
        <translation>Anteil der Zeilen</translation>
    </message>
    <message>
        <source>%1: no distribution to compare</source>
        <translation>%1: keine Verteilung zum Vergleichen</translation>
    </message>
    <message>
        <source>%1: training and this data (click a bar for another feature)</source>
        <translation>%1: Training und diese Daten (Klick auf einen Balken zeigt ein anderes Merkmal)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ExplorationViews</name>
    <message>
        <source>Violin Plot</source>
        <translation>Violinplot</translation>
    </message>
    <message>
        <source>Box Plot</source>
        <translation>Boxplot</translation>
    </message>
    <message>
        <source>Silhouette</source>
        <translation>Silhouette</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Cumulative Gains</source>
        <translation>Kumulativer Gewinn</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Feature Ranking</source>
        <translation>Merkmalsranking</translation>
    </message>
    <message>
        <source>Scatter Matrix</source>
        <translation>Streudiagramm-Matrix</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 Spalten</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <translation>%1 von %2 nach %3</translation>
    </message>
    <message>
        <source>Silhouette of %1</source>
        <translation>Silhouette von %1</translation>
    </message>
    <message>
        <source>Feature Ranking against %1</source>
        <translation>Merkmalsranking gegen %1</translation>
    </message>
    <message>
        <source>Scatter Matrix by %1</source>
        <translation>Streudiagramm-Matrix nach %1</translation>
    </message>
    <message>
        <source>Line Plot</source>
        <translation>Liniendiagramm</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>Dendrogramm</translation>
    </message>
    <message>
        <source>Heat Map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Line Plot of %1 by row</source>
        <translation>Liniendiagramm von %1 nach Zeile</translation>
    </message>
    <message>
        <source>Line Plot of %1 by %2</source>
        <translation>Liniendiagramm von %1 nach %2</translation>
    </message>
    <message>
        <source>Drift of %1 rows: %2</source>
        <translation>Drift von %1 Zeilen: %2</translation>
    </message>
    <message>
        <source>drift found</source>
        <translation>Drift gefunden</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>keine Drift</translation>
    </message>
    <message>
        <source>Heat Map by %1</source>
        <translation>Heatmap nach %1</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Tree %1 of %2 of %3 (%4 nodes, %5 leaves)</source>
        <translation>Baum %1 von %2 aus %3 (%4 Knoten, %5 Blätter)</translation>
    </message>
    <message>
        <source>Tree of %1 (%2 nodes, %3 leaves)</source>
        <translation>Baum von %1 (%2 Knoten, %3 Blätter)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::FeatureRankingPlot</name>
    <message>
        <source>Rank by:</source>
        <translation>Sortieren nach:</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>Nicht behalten</translation>
    </message>
    <message>
        <source>Feature ranking</source>
        <translation>Merkmalsranking</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Features by %1</source>
        <translation>Merkmale nach %1</translation>
    </message>
    <message>
        <source>Features by %1 against %2</source>
        <translation>Merkmale nach %1 gegen %2</translation>
    </message>
    <message>
        <source> (the best %1 of %2)</source>
        <translation> (die besten %1 von %2)</translation>
    </message>
    <message>
        <source>%1
%2 = %3</source>
        <translation>%1
%2 = %3</translation>
    </message>
</context>
<context>
    <name>sextant::plots::HistogramPlot</name>
    <message>
        <source>Number of equal-width bins for numeric columns</source>
        <translation>Anzahl gleich breiter Klassen für numerische Spalten</translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation>&amp;Klassen:</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>Gestapelt</translation>
    </message>
    <message>
        <source>Overlaid</source>
        <translation>Überlagert</translation>
    </message>
    <message>
        <source>Stack the classes&apos; bars (they add up to the whole column) or overlay them (to compare their shapes)</source>
        <translation>Die Balken der Klassen stapeln (sie ergeben zusammen die ganze Spalte) oder überlagern (um ihre Form zu vergleichen)</translation>
    </message>
    <message>
        <source>&amp;Classes:</source>
        <translation>&amp;Klassen:</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Select a column to see its histogram</source>
        <translation>Wählen Sie eine Spalte, um ihr Histogramm zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>Other (%n classes)</source>
        <translation>
            <numerusform>Sonstige (%n Klasse)</numerusform>
            <numerusform>Sonstige (%n Klassen)</numerusform>
        </translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlend)</translation>
    </message>
    <message>
        <source>Computing the histogram of %1 by %2…</source>
        <translation>Histogramm von %1 nach %2 wird berechnet…</translation>
    </message>
    <message>
        <source>Computing the histogram of %1…</source>
        <translation>Histogramm von %1 wird berechnet…</translation>
    </message>
    <message>
        <source>%1 (the %2 most frequent of %3 categories)</source>
        <translation>%1 (die %2 häufigsten von %3 Kategorien)</translation>
    </message>
    <message>
        <source>%1 — %2 values, %3 missing</source>
        <translation>%1 — %2 Werte, %3 fehlend</translation>
    </message>
    <message>
        <source>%1 — %2 values</source>
        <translation>%1 — %2 Werte</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, nach %2</translation>
    </message>
    <message>
        <source>%1
Count: %2</source>
        <translation>%1
Anzahl: %2</translation>
    </message>
    <message>
        <source>Bin %1
Count: %2</source>
        <translation>Klasse %1
Anzahl: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ImportancePlot</name>
    <message>
        <source>Feature importance</source>
        <translation>Merkmalswichtigkeit</translation>
    </message>
    <message>
        <source> (top %1 of %2)</source>
        <translation> (die ersten %1 von %2)</translation>
    </message>
    <message>
        <source>
± %1 (standard deviation)</source>
        <translation>
± %1 (Standardabweichung)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::LinePlot</name>
    <message>
        <source>Line plot</source>
        <translation>Liniendiagramm</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>%1 (rolling mean of %2)</source>
        <translation>%1 (gleitender Mittelwert über %2)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source> (%1 rows without %2 left out)</source>
        <translation> (%1 Zeilen ohne %2 ausgelassen)</translation>
    </message>
    <message>
        <source>%1
%2: %3
%4</source>
        <translation>%1
%2: %3
%4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::LiveCurvePlot</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmische Skala</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Logarithmic y axis</source>
        <translation>&amp;Logarithmische y-Achse</translation>
    </message>
    <message>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3: %4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::PlotView</name>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not export the plot to %1:
%2</source>
        <translation>Das Diagramm konnte nicht nach %1 exportiert werden:
%2</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation>Als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>sextant::plots::PrecisionRecallPlot</name>
    <message>
        <source>Recall</source>
        <translation>Trefferquote (Recall)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>Precision-Recall-Kurve</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>%1 (AP undefined)</source>
        <translation>%1 (AP undefiniert)</translation>
    </message>
    <message>
        <source>%1 (AP = %2)</source>
        <translation>%1 (AP = %2)</translation>
    </message>
    <message>
        <source>Precision-recall (one-vs-rest), mean AP = %1</source>
        <translation>Precision-Recall (eine gegen alle), mittlere AP = %1</translation>
    </message>
    <message>
        <source>Recall %1, precision %2</source>
        <translation>Recall %1, Präzision %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ProbabilityCurvesPlot</name>
    <message>
        <source>Calibration curve</source>
        <translation>Kalibrierungskurve</translation>
    </message>
    <message>
        <source>%1 (%2 rows, %3 positive)</source>
        <translation>%1 (%2 Zeilen, %3 positiv)</translation>
    </message>
    <message>
        <source>%1 (%2 positive of %3)</source>
        <translation>%1 (%2 positiv von %3)</translation>
    </message>
    <message>
        <source>Perfectly calibrated</source>
        <translation>Perfekt kalibriert</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>Mean predicted probability</source>
        <translation>Mittlere vorhergesagte Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Fraction of positives</source>
        <translation>Anteil der Positiven</translation>
    </message>
    <message>
        <source>Calibration curve (%1 %2 bins)</source>
        <translation>Kalibrierungskurve (%1, %2 Klassen)</translation>
    </message>
    <message>
        <source>Share of rows (highest probability first)</source>
        <translation>Anteil der Zeilen (höchste Wahrscheinlichkeit zuerst)</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Share of positives found</source>
        <translation>Anteil gefundener Positiver</translation>
    </message>
    <message>
        <source>Lift curve</source>
        <translation>Lift-Kurve</translation>
    </message>
    <message>
        <source>Cumulative gains</source>
        <translation>Kumulativer Gewinn</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>x %1, y %2</source>
        <translation>x %1, y %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ResidualPlot</name>
    <message>
        <source>Residuals vs predicted</source>
        <translation>Residuen gegen Vorhersage</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Residual (actual − predicted)</source>
        <translation>Residuum (tatsächlich − vorhergesagt)</translation>
    </message>
    <message>
        <source>Sample %1
predicted %2
actual %3
residual %4</source>
        <translation>Beispiel %1
vorhergesagt %2
tatsächlich %3
Residuum %4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ResultViewFactory</name>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision-Recall</source>
        <translation>Precision-Recall</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>Residuen</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>Histogramm von %1</translation>
    </message>
    <message>
        <source>Scatter of %1 against %2</source>
        <translation>Streudiagramm von %1 gegen %2</translation>
    </message>
    <message numerus="yes">
        <source>Dendrogram (%1 linkage, %n clusters)</source>
        <translation>
            <numerusform>Dendrogramm (%1-Verknüpfung, %n Cluster)</numerusform>
            <numerusform>Dendrogramm (%1-Verknüpfung, %n Cluster)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::plots::RocPlot</name>
    <message>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC-Kurve</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>%1 (AUC undefined)</source>
        <translation>%1 (AUC undefiniert)</translation>
    </message>
    <message>
        <source>%1 (AUC = %2)</source>
        <translation>%1 (AUC = %2)</translation>
    </message>
    <message>
        <source>ROC curves (one-vs-rest)</source>
        <translation>ROC-Kurven (eine gegen alle)</translation>
    </message>
    <message>
        <source>ROC curves (one-vs-rest), macro AUC = %1</source>
        <translation>ROC-Kurven (eine gegen alle), Makro-AUC = %1</translation>
    </message>
    <message>
        <source>FPR %1, TPR %2</source>
        <translation>FPR %1, TPR %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ScatterControlBar</name>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Column on the horizontal axis</source>
        <translation>Spalte auf der waagrechten Achse</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Column on the vertical axis</source>
        <translation>Spalte auf der senkrechten Achse</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Colour by a column: classes get a palette and a legend, numbers a colour bar</source>
        <translation>Nach einer Spalte färben: Klassen erhalten eine Palette und eine Legende, Zahlen einen Farbbalken</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Point size from a numeric column (smallest to largest value)</source>
        <translation>Punktgröße aus einer numerischen Spalte (kleinster bis größter Wert)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Point shape from a categorical column (the first %1 classes get their own shape)</source>
        <translation>Punktform aus einer kategorialen Spalte (die ersten %1 Klassen erhalten eine eigene Form)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Size and shape apply to points; this many points are drawn as density cells</source>
        <translation>Größe und Form gelten für Punkte; so viele Punkte werden als Dichtezellen gezeichnet</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ScatterMatrixPlot</name>
    <message>
        <source>Scatter matrix</source>
        <translation>Streudiagramm-Matrix</translation>
    </message>
    <message>
        <source>Scatter matrix, coloured by %1</source>
        <translation>Streudiagramm-Matrix, gefärbt nach %1</translation>
    </message>
    <message>
        <source> (a sample of %1 of %2 rows)</source>
        <translation> (eine Stichprobe von %1 der %2 Zeilen)</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>Histogramm von %1</translation>
    </message>
    <message>
        <source>%1 against %2
%3 = %4, %5 = %6</source>
        <translation>%1 gegen %2
%3 = %4, %5 = %6</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ScatterPlot</name>
    <message>
        <source>(missing)</source>
        <translation>(fehlend)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>other (1 class)</source>
        <translation>sonstige (1 Klasse)</translation>
    </message>
    <message>
        <source>other (%1 classes)</source>
        <translation>sonstige (%1 Klassen)</translation>
    </message>
    <message>
        <source>Points per cell</source>
        <translation>Punkte pro Zelle</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) here</source>
        <translation>
            <numerusform>%n Punkt hier</numerusform>
            <numerusform>%n Punkte hier</numerusform>
        </translation>
    </message>
    <message>
        <source>Mostly %1 (%2%)</source>
        <translation>Überwiegend %1 (%2 %)</translation>
    </message>
    <message>
        <source>%1: %2 (%3%)</source>
        <translation>%1: %2 (%3 %)</translation>
    </message>
    <message>
        <source>Mean %1: %2</source>
        <translation>Mittelwert %1: %2</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message numerus="yes">
        <source>… %n more column(s)</source>
        <translation>
            <numerusform>… %n weitere Spalte</numerusform>
            <numerusform>… %n weitere Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag &amp;selects (Shift+drag always does)</source>
        <translation>Ziehen &amp;wählt aus (Umschalt+Ziehen immer)</translation>
    </message>
    <message>
        <source>Select with a &amp;lasso (Alt+drag always does)</source>
        <translation>Mit einem &amp;Lasso auswählen (Alt+Ziehen immer)</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>Auswahl auf&amp;heben</translation>
    </message>
    <message>
        <source>&amp;Blend class colours</source>
        <translation>Klassenfarben &amp;mischen</translation>
    </message>
</context>
<context>
    <name>sextant::plots::SilhouettePlot</name>
    <message>
        <source>Silhouette coefficient</source>
        <translation>Silhouettenkoeffizient</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Silhouette plot</source>
        <translation>Silhouettendiagramm</translation>
    </message>
    <message>
        <source>%1
mean %2</source>
        <translation>%1
Mittelwert %2</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>Mittelwert %1</translation>
    </message>
    <message>
        <source>Silhouette plot of %1 (%2 rows)</source>
        <translation>Silhouettendiagramm von %1 (%2 Zeilen)</translation>
    </message>
    <message>
        <source>Silhouette plot of %1 (a sample of %2 of %3 rows)</source>
        <translation>Silhouettendiagramm von %1 (eine Stichprobe von %2 der %3 Zeilen)</translation>
    </message>
    <message>
        <source>Select Negative Silhouettes</source>
        <translation>Negative Silhouetten auswählen</translation>
    </message>
    <message>
        <source>Row %1, cluster %2
silhouette %3</source>
        <translation>Zeile %1, Cluster %2
Silhouette %3</translation>
    </message>
</context>
<context>
    <name>sextant::plots::TreeViewPlot</name>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>samples = %1</source>
        <translation>Zeilen = %1</translation>
    </message>
    <message>
        <source>value = %1</source>
        <translation>Wert = %1</translation>
    </message>
    <message>
        <source>mean = %1</source>
        <translation>Mittelwert = %1</translation>
    </message>
    <message>
        <source>score = %1</source>
        <translation>Score = %1</translation>
    </message>
    <message>
        <source>class = %1</source>
        <translation>Klasse = %1</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>true </source>
        <translation>wahr </translation>
    </message>
    <message>
        <source> false</source>
        <translation> falsch</translation>
    </message>
    <message numerus="yes">
        <source>… %n nodes</source>
        <translation>
            <numerusform>… %n Knoten</numerusform>
            <numerusform>… %n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n leaves)</source>
        <translation>
            <numerusform>(%n Blatt)</numerusform>
            <numerusform>(%n Blätter)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: tree %2 of %3</source>
        <translation>%1: Baum %2 von %3</translation>
    </message>
    <message>
        <source> (scores of %1)</source>
        <translation> (Scores von %1)</translation>
    </message>
    <message>
        <source>Leaf at depth %1</source>
        <translation>Blatt in Tiefe %1</translation>
    </message>
    <message>
        <source>Split at depth %1</source>
        <translation>Teilung in Tiefe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes below not drawn (max depth %1)</source>
        <translation>
            <numerusform>%n Knoten darunter nicht gezeichnet (maximale Tiefe %1)</numerusform>
            <numerusform>%n Knoten darunter nicht gezeichnet (maximale Tiefe %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::widgets</name>
    <message>
        <source>Make %1 the target</source>
        <translation>%1 zur Zielvariable machen</translation>
    </message>
    <message>
        <source>Make %1 a feature</source>
        <translation>%1 zum Merkmal machen</translation>
    </message>
    <message>
        <source>Make %1 a meta column</source>
        <translation>%1 zur Metaspalte machen</translation>
    </message>
    <message>
        <source>Ignore %1</source>
        <translation>%1 ignorieren</translation>
    </message>
    <message>
        <source>Read %1 as categorical</source>
        <translation>%1 als kategorial lesen</translation>
    </message>
    <message>
        <source>Read %1 as numeric</source>
        <translation>%1 als numerisch lesen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::AddNodeCommand</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ColumnListView</name>
    <message>
        <source>&amp;Target</source>
        <translation>&amp;Zielvariable</translation>
    </message>
    <message>
        <source>The column models predict (one per table)</source>
        <translation>Die Spalte, die Modelle vorhersagen (eine pro Tabelle)</translation>
    </message>
    <message>
        <source>&amp;Feature</source>
        <translation>&amp;Merkmal</translation>
    </message>
    <message>
        <source>An input of models</source>
        <translation>Eine Eingabe der Modelle</translation>
    </message>
    <message>
        <source>&amp;Meta</source>
        <translation>M&amp;eta</translation>
    </message>
    <message>
        <source>Kept in the table, not used by models</source>
        <translation>Bleibt in der Tabelle, wird von Modellen nicht verwendet</translation>
    </message>
    <message>
        <source>&amp;Ignored</source>
        <translation>&amp;Ignoriert</translation>
    </message>
    <message>
        <source>Dropped from the table: no later step sees it</source>
        <translation>Aus der Tabelle entfernt: kein späterer Schritt sieht sie</translation>
    </message>
    <message>
        <source>&amp;Numeric</source>
        <translation>&amp;Numerisch</translation>
    </message>
    <message>
        <source>&amp;Categorical</source>
        <translation>&amp;Kategorial</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ColumnSummaryModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(kept in the table, not used by models)</source>
        <translation>(bleibt in der Tabelle, wird von Modellen nicht verwendet)</translation>
    </message>
    <message>
        <source>%1 present, %2 missing</source>
        <translation>%1 vorhanden, %2 fehlend</translation>
    </message>
    <message>
        <source>mean %1, std %2</source>
        <translation>Mittelwert %1, Std.-Abw. %2</translation>
    </message>
    <message>
        <source>min %1, q1 %2, median %3, q3 %4, max %5</source>
        <translation>Min. %1, Q1 %2, Median %3, Q3 %4, Max. %5</translation>
    </message>
    <message>
        <source>%1 distinct</source>
        <translation>%1 verschiedene</translation>
    </message>
    <message>
        <source>most frequent: %1 (%2)</source>
        <translation>häufigster Wert: %1 (%2)</translation>
    </message>
    <message>
        <source>Few distinct integers: may be better read as categories.</source>
        <translation>Wenige verschiedene ganze Zahlen: besser als Kategorien lesen?</translation>
    </message>
    <message>
        <source>ignored: dropped from the table, no later step sees it</source>
        <translation>ignoriert: aus der Tabelle entfernt, kein späterer Schritt sieht sie</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Sample standard deviation (n - 1)</source>
        <translation>Stichprobenstandardabweichung (n − 1)</translation>
    </message>
    <message>
        <source>Number of distinct present values</source>
        <translation>Anzahl verschiedener vorhandener Werte</translation>
    </message>
    <message>
        <source>Most frequent category and its count</source>
        <translation>Häufigste Kategorie und ihre Anzahl</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numerisch</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>kategorial</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Zielvariable</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ConnectCommand</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::CsvImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>auto (a count or title line)</source>
        <translation>automatisch (eine Zähl- oder Titelzeile)</translation>
    </message>
    <message>
        <source>Lines to skip:</source>
        <translation>Zu überspringende Zeilen:</translation>
    </message>
    <message>
        <source>NA, N/A, NaN, nan, ?, null, NULL, None</source>
        <translation>NA, N/A, NaN, nan, ?, null, NULL, None</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>Fehlende Werte:</translation>
    </message>
    <message>
        <source>Nothing to preview with these options.</source>
        <translation>Mit diesen Optionen gibt es keine Vorschau.</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>delimiter: %1</source>
        <translation>Trennzeichen: %1</translation>
    </message>
    <message>
        <source>header row: yes</source>
        <translation>Kopfzeile: ja</translation>
    </message>
    <message>
        <source>header row: none</source>
        <translation>Kopfzeile: keine</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding: %1</source>
        <translation>Kodierung: %1</translation>
    </message>
    <message>
        <source>%1 columns (%2 numeric)</source>
        <translation>%1 Spalten (%2 numerisch)</translation>
    </message>
    <message numerus="yes">
        <source>Read as: %1. The first %n row(s) of the file:</source>
        <translation>
            <numerusform>Gelesen als: %1. Die erste %n Zeile der Datei:</numerusform>
            <numerusform>Gelesen als: %1. Die ersten %n Zeilen der Datei:</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 more)</source>
        <translation>(%1 weitere)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lesen als</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Give a column a type or a role; auto keeps what the file says.</source>
        <translation>Geben Sie einer Spalte einen Typ oder eine Rolle; auto behält bei, was die Datei angibt.</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>numerisch</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>kategorial</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Zielvariable</translation>
    </message>
    <message>
        <source>meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::DataTableView</name>
    <message>
        <source>Show &amp;Only Selected Rows</source>
        <translation>&amp;Nur ausgewählte Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Show only the rows selected in the views</source>
        <translation>Nur die in den Ansichten ausgewählten Zeilen anzeigen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::DatasetTableModel</name>
    <message>
        <source>NA</source>
        <comment>a missing cell in the data table</comment>
        <translation>NA</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2, %3</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::DisconnectCommand</name>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::GraphEditor</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the whole workflow (Ctrl+R, F5)</source>
        <translation>Den ganzen Workflow ausführen (Strg+R, F5)</translation>
    </message>
    <message>
        <source>Run to Here</source>
        <translation>Bis hier ausführen</translation>
    </message>
    <message>
        <source>Run the selected nodes and what they need (Shift+F5)</source>
        <translation>Die ausgewählten Knoten und ihre Voraussetzungen ausführen (Umschalt+F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running workflow (Esc, Ctrl+.)</source>
        <translation>Den laufenden Workflow anhalten (Esc, Strg+.)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>Die ausgewählten Knoten und Verbindungen löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>Die ausgewählten Knoten kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Paste nodes</source>
        <translation>Knoten einfügen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph (Home)</source>
        <translation>Den ganzen Graphen zeigen (Pos1)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Give the selected node a name of your own (F2)</source>
        <translation>Dem ausgewählten Knoten einen eigenen Namen geben (F2)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Unknown node type &quot;%1&quot;.</source>
        <translation>Unbekannter Knotentyp „%1“.</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>%1 konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes to paste.</source>
        <translation>Die Zwischenablage enthält keine Knoten zum Einfügen.</translation>
    </message>
    <message>
        <source>The node&apos;s name (Enter keeps it, Escape drops it; empty: its type&apos;s name)</source>
        <translation>Der Name des Knotens (Eingabe übernimmt ihn, Escape verwirft ihn; leer: der Name seines Typs)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>A run is in progress: wait for it to end, or cancel it (Esc).</source>
        <translation>Eine Ausführung läuft: Warten Sie, bis sie endet, oder brechen Sie sie ab (Esc).</translation>
    </message>
    <message>
        <source>Nothing to run: add nodes first.</source>
        <translation>Nichts auszuführen: Fügen Sie zuerst Knoten hinzu.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Could not start the run.</source>
        <translation>Die Ausführung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 #%2 failed: %3</source>
        <translation>%1 #%2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Run cancelled.</source>
        <translation>Ausführung abgebrochen.</translation>
    </message>
    <message>
        <source>Run not started: %1</source>
        <translation>Ausführung nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Run finished in %1 ms: %2 run, %3 reused.</source>
        <translation>Ausführung nach %1 ms beendet: %2 ausgeführt, %3 wiederverwendet.</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::GraphScene</name>
    <message>
        <source>Connect an output (right side) to an input (left side).</source>
        <translation>Verbinden Sie einen Ausgang (rechts) mit einem Eingang (links).</translation>
    </message>
    <message>
        <source>Drop a connection on an input (left side), or on empty canvas to remove it.</source>
        <translation>Legen Sie eine Verbindung auf einem Eingang (links) ab oder auf leerer Fläche, um sie zu entfernen.</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::MoveNodesCommand</name>
    <message>
        <source>Move node</source>
        <translation>Knoten verschieben</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>%1 Knoten verschieben</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::NodePalette</name>
    <message>
        <source>In:</source>
        <translation>Ein:</translation>
    </message>
    <message>
        <source>Out:</source>
        <translation>Aus:</translation>
    </message>
    <message>
        <source>Search nodes…</source>
        <translation>Knoten suchen…</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::NodeSearchPopup</name>
    <message>
        <source>Search nodes…</source>
        <translation>Knoten suchen…</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::PasteCommand</name>
    <message>
        <source>Paste node</source>
        <translation>Knoten einfügen</translation>
    </message>
    <message>
        <source>Paste %1 nodes</source>
        <translation>%1 Knoten einfügen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::PropertyPanel</name>
    <message>
        <source>&lt;i&gt;Select a node to edit its parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie einen Knoten, um seine Parameter zu bearbeiten.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Parameter.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>none (comma-separated names)</source>
        <translation>keine (Namen durch Komma getrennt)</translation>
    </message>
    <message>
        <source>%1 (comma-separated names)</source>
        <translation>%1 (Namen durch Komma getrennt)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Eine Datei wählen</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ReconnectCommand</name>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::RemoveNodesCommand</name>
    <message>
        <source>Delete node</source>
        <translation>Knoten löschen</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>%1 Knoten löschen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::RenameNodeCommand</name>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::SetParameterCommand</name>
    <message>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::TrainingMonitor</name>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>± std</source>
        <translation>± Std.-Abw.</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>Verlustkurven</translation>
    </message>
    <message>
        <source>Tuning trials</source>
        <translation>Abstimmungsversuche</translation>
    </message>
    <message>
        <source>No training yet. Run a workflow with a model node.</source>
        <translation>Noch kein Training. Führen Sie einen Workflow mit einem Modellknoten aus.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>End the training in progress after the current epoch (or fold, or trial) and keep what finished, marked partial; the nodes after it still run. The workflow&apos;s Cancel discards everything.</source>
        <translation>Das laufende Training nach der aktuellen Epoche (oder Faltung oder dem Versuch) beenden und das Fertige als unvollständig markiert behalten; die folgenden Knoten laufen weiter. „Abbrechen“ im Workflow verwirft alles.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove the curves and trials shown</source>
        <translation>Die angezeigten Kurven und Versuche entfernen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source> · elapsed %1</source>
        <translation> · vergangen %1</translation>
    </message>
    <message>
        <source> · partial result kept</source>
        <translation> · Teilergebnis behalten</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source> · ETA %1 (at most)</source>
        <translation> · noch höchstens %1</translation>
    </message>
    <message>
        <source> · loss %1</source>
        <translation> · Verlust %1</translation>
    </message>
    <message>
        <source> · validation %1</source>
        <translation> · Validierung %1</translation>
    </message>
    <message>
        <source>Tuning: trial %1 of %2 done (%3 %4)</source>
        <translation>Abstimmung: Versuch %1 von %2 fertig (%3 %4)</translation>
    </message>
</context>
</TS>
