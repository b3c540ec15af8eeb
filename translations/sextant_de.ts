<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddNodeCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="32"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnSummaryModel</name>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="71"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="112"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="116"/>
        <source>%1 present, %2 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="119"/>
        <source>mean %1, std %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="121"/>
        <source>min %1, q1 %2, median %3, q3 %4, max %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="125"/>
        <source>%1 distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="128"/>
        <source>most frequent: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="131"/>
        <source>Few distinct integers: may be better read as categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="162"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="163"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="164"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="165"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="166"/>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="167"/>
        <source>Std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="168"/>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="169"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="170"/>
        <source>Distinct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="171"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="177"/>
        <source>Sample standard deviation (n - 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="178"/>
        <source>Number of distinct present values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/ColumnSummaryModel.cpp" line="179"/>
        <source>Most frequent category and its count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixPlot</name>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="16"/>
        <source>&amp;Row-normalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="25"/>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="114"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="34"/>
        <source>Predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="35"/>
        <source>True class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="45"/>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="117"/>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="49"/>
        <source>Divide each row by the number of samples of its true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="114"/>
        <source>Fraction of true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="118"/>
        <source>Confusion matrix — accuracy %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="188"/>
        <source>True: %1
Predicted: %2
%3 sample(s), %4% of true %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ConfusionMatrixPlot.cpp" line="205"/>
        <source>Row-&amp;normalised</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="129"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrelationHeatmap</name>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="92"/>
        <source>Pearson r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="117"/>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="239"/>
        <source>%1 × %2
r undefined (constant column or too few rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="240"/>
        <source>%1 × %2
r = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetTableModel</name>
    <message>
        <location filename="../widgets/DatasetTableModel.cpp" line="35"/>
        <source>NA</source>
        <comment>a missing cell in the data table</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/DatasetTableModel.cpp" line="99"/>
        <source>%1
%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/DatasetTableModel.cpp" line="102"/>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisconnectCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="146"/>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphEditor</name>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="54"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="90"/>
        <location filename="../widgets/GraphEditor.cpp" line="273"/>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="162"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="163"/>
        <source>Run the whole workflow (Ctrl+R, F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="164"/>
        <source>Run to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="165"/>
        <source>Run the selected nodes and what they need (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="166"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="168"/>
        <source>Stop the running workflow (Esc, Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="169"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="171"/>
        <source>Delete the selected nodes and connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="173"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="173"/>
        <source>Copy the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="175"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="175"/>
        <source>Paste nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="177"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="177"/>
        <source>Show the whole graph (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="179"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="183"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="239"/>
        <source>Unknown node type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="255"/>
        <source>Could not add %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="292"/>
        <source>Delete selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="405"/>
        <source>The clipboard holds no nodes to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="439"/>
        <source>Nothing to run: add nodes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="447"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="451"/>
        <source>Could not start the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="460"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="485"/>
        <source>%1 #%2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="486"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="492"/>
        <source>Run cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="494"/>
        <source>Run not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="496"/>
        <source>Run finished in %1 ms: %2 run, %3 reused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <location filename="../widgets/GraphScene.cpp" line="299"/>
        <source>Connect an output (right side) to an input (left side).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="54"/>
        <source>Number of equal-width bins for numeric columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="55"/>
        <source>&amp;Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="84"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="163"/>
        <source>Select a column to see its histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="181"/>
        <source>Computing the histogram of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="221"/>
        <source>%1 (the %2 most frequent of %3 categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="273"/>
        <source>%1 — %2 values, %3 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="277"/>
        <source>%1 — %2 values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCurvePlot</name>
    <message>
        <location filename="../plots/LiveCurvePlot.cpp" line="56"/>
        <source>&amp;Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/LiveCurvePlot.cpp" line="59"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/LiveCurvePlot.cpp" line="60"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/LiveCurvePlot.cpp" line="256"/>
        <source>&amp;Logarithmic y axis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../widgets/MessageBanner.cpp" line="53"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="91"/>
        <source>Move node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="91"/>
        <source>Move %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodePalette</name>
    <message>
        <location filename="../widgets/NodePalette.cpp" line="48"/>
        <source>Search nodes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeSearchPopup</name>
    <message>
        <location filename="../widgets/NodeSearchPopup.cpp" line="21"/>
        <source>Search nodes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="211"/>
        <source>Paste node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="211"/>
        <source>Paste %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="60"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="62"/>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="64"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="66"/>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="134"/>
        <source>Unknown export format for %1 (use .png, .jpg, .pdf or .svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="158"/>
        <location filename="../plots/PlotExporter.cpp" line="190"/>
        <source>Could not render the plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotExporter.cpp" line="205"/>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <location filename="../plots/PlotView.cpp" line="34"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="39"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="50"/>
        <source>%1 × %2 pixels, %3 dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="61"/>
        <source>&amp;Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="62"/>
        <source>&amp;Height:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="63"/>
        <source>&amp;Scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="257"/>
        <location filename="../plots/PlotView.cpp" line="267"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="267"/>
        <source>Could not export the plot to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="279"/>
        <source>Export as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="280"/>
        <source>Export as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="281"/>
        <source>Export as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="282"/>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PlotView.cpp" line="284"/>
        <source>&amp;Reset view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrecisionRecallPlot</name>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="13"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="14"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="17"/>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="30"/>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="80"/>
        <source>Precision-recall curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="50"/>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="55"/>
        <source>%1 (AP undefined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="60"/>
        <source>%1 (AP = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="77"/>
        <source>Precision-recall (one-vs-rest), mean AP = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/PrecisionRecallPlot.cpp" line="117"/>
        <source>Recall %1, precision %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertyPanel</name>
    <message>
        <location filename="../widgets/PropertyPanel.cpp" line="138"/>
        <source>&lt;i&gt;Select a node to edit its parameters.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/PropertyPanel.cpp" line="145"/>
        <source>&lt;i&gt;No parameters.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/PropertyPanel.cpp" line="215"/>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/PropertyPanel.cpp" line="249"/>
        <source>all (comma-separated names; run upstream to pick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/PropertyPanel.cpp" line="268"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveNodesCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="61"/>
        <source>Delete node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="61"/>
        <source>Delete %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidualPlot</name>
    <message>
        <location filename="../plots/ResidualPlot.cpp" line="14"/>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ResidualPlot.cpp" line="15"/>
        <source>Residual (actual − predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ResidualPlot.cpp" line="22"/>
        <source>Residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ResidualPlot.cpp" line="28"/>
        <source>Residuals vs predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ResidualPlot.cpp" line="109"/>
        <source>Sample %1
predicted %2
actual %3
residual %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RocPlot</name>
    <message>
        <location filename="../plots/RocPlot.cpp" line="28"/>
        <source>False positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="29"/>
        <source>True positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="33"/>
        <source>Chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="39"/>
        <location filename="../plots/RocPlot.cpp" line="52"/>
        <location filename="../plots/RocPlot.cpp" line="92"/>
        <source>ROC curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="69"/>
        <source>Class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="74"/>
        <source>%1 (AUC undefined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="76"/>
        <source>%1 (AUC = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="88"/>
        <source>ROC curves (one-vs-rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="89"/>
        <source>ROC curves (one-vs-rest), macro AUC = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/RocPlot.cpp" line="129"/>
        <source>FPR %1, TPR %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScatterPlot</name>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="642"/>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="678"/>
        <source>Points per cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../plots/ScatterPlot.cpp" line="1117"/>
        <source>%n point(s) here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1122"/>
        <source>Mostly %1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1127"/>
        <source>Mean %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1136"/>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1142"/>
        <location filename="../plots/ScatterPlot.cpp" line="1147"/>
        <location filename="../plots/ScatterPlot.cpp" line="1148"/>
        <location filename="../plots/ScatterPlot.cpp" line="1150"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../plots/ScatterPlot.cpp" line="1145"/>
        <source>… %n more column(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1228"/>
        <source>Drag &amp;selects (Shift+drag always does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1233"/>
        <source>C&amp;lear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/ScatterPlot.cpp" line="1238"/>
        <source>&amp;Blend class colours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetParameterCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="169"/>
        <source>Set %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sextant::app::LoadJob</name>
    <message>
        <location filename="../app/gui/LoadJob.cpp" line="118"/>
        <source>not enough memory to load this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sextant::app::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="94"/>
        <source>Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="109"/>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop a data file here&lt;/p&gt;&lt;p&gt;CSV, TSV, ARFF or LIBSVM — or use &lt;b&gt;File › Open…&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="123"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="162"/>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="165"/>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="171"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="208"/>
        <source>Principal components: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="213"/>
        <source>PC1 (%1% of variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="214"/>
        <source>PC2 (%1% of variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="252"/>
        <source>Run the workflow to see this node&apos;s result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="283"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="290"/>
        <source>Histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="300"/>
        <source>Load Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="308"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="309"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="311"/>
        <source>Open a CSV, TSV, ARFF or LIBSVM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="312"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="317"/>
        <source>&amp;Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="325"/>
        <source>As &amp;PNG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="326"/>
        <source>As P&amp;DF (vector)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="327"/>
        <source>As &amp;SVG (vector)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="329"/>
        <source>&amp;Copy Plot to Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="339"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="343"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="348"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="349"/>
        <source>&amp;About Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="351"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="362"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="364"/>
        <source>Stop loading this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="373"/>
        <source>Drop a data file on the window, or use File › Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="382"/>
        <source>Open Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="431"/>
        <location filename="../app/gui/MainWindow.cpp" line="471"/>
        <source>Loading %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="454"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="455"/>
        <source>Computing statistics of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="476"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="478"/>
        <source>Could not load %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="479"/>
        <source>Could not load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="505"/>
        <source>%1 — Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="507"/>
        <source>%1 rows × %2 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="511"/>
        <source>under a millisecond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="513"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="514"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="515"/>
        <source>Loaded %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="527"/>
        <source>%1 was loaded with a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="529"/>
        <source>%1 was loaded with %2 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="532"/>
        <source>Show Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="549"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="632"/>
        <source>No Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="636"/>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="670"/>
        <source>Opening %1 (one file at a time; %2 other files ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="706"/>
        <source>About Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="707"/>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A native desktop studio for machine learning on tabular data.&lt;/p&gt;&lt;p&gt;Drop a CSV, TSV, ARFF or LIBSVM file on the window to look at it: the data table, the column statistics and the histogram of each column.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
