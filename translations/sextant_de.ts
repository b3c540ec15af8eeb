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
        <location filename="../plots/CorrelationHeatmap.cpp" line="169"/>
        <source>Pearson r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="194"/>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="317"/>
        <source>%1 × %2
r undefined (constant column or too few rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/CorrelationHeatmap.cpp" line="318"/>
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
        <location filename="../widgets/GraphEditor.cpp" line="55"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="98"/>
        <location filename="../widgets/GraphEditor.cpp" line="286"/>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="174"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="175"/>
        <source>Run the whole workflow (Ctrl+R, F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="176"/>
        <source>Run to Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="177"/>
        <source>Run the selected nodes and what they need (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="178"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="180"/>
        <source>Stop the running workflow (Esc, Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="181"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="183"/>
        <source>Delete the selected nodes and connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="185"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="185"/>
        <source>Copy the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="187"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="187"/>
        <source>Paste nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="189"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="189"/>
        <source>Show the whole graph (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="191"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="195"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="251"/>
        <source>Unknown node type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="268"/>
        <source>Could not add %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="305"/>
        <source>Delete selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="418"/>
        <source>The clipboard holds no nodes to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="452"/>
        <source>Nothing to run: add nodes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="460"/>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="464"/>
        <source>Could not start the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="473"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="498"/>
        <source>%1 #%2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="499"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="505"/>
        <source>Run cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="507"/>
        <source>Run not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphEditor.cpp" line="509"/>
        <source>Run finished in %1 ms: %2 run, %3 reused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <location filename="../widgets/GraphScene.cpp" line="364"/>
        <source>Connect an output (right side) to an input (left side).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphScene.cpp" line="392"/>
        <source>Drop a connection on an input (left side), or on empty canvas to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="69"/>
        <source>Number of equal-width bins for numeric columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="70"/>
        <source>&amp;Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="74"/>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="75"/>
        <source>Overlaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="76"/>
        <source>Stack the classes&apos; bars (they add up to the whole column) or overlay them (to compare their shapes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="78"/>
        <source>&amp;Classes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="97"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="124"/>
        <location filename="../plots/HistogramPlot.cpp" line="220"/>
        <source>Select a column to see its histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../plots/HistogramPlot.cpp" line="317"/>
        <source>Other (%n classes)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="325"/>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="337"/>
        <source>Computing the histogram of %1 by %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="339"/>
        <source>Computing the histogram of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="402"/>
        <source>%1 (the %2 most frequent of %3 categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="450"/>
        <source>%1 — %2 values, %3 missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="454"/>
        <source>%1 — %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="456"/>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="666"/>
        <source>%1
Count: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="667"/>
        <source>Bin %1
Count: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plots/HistogramPlot.cpp" line="670"/>
        <source>%1: %2</source>
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
        <location filename="../widgets/GraphCommands.cpp" line="238"/>
        <source>Paste node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="238"/>
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
    <name>ReconnectCommand</name>
    <message>
        <location filename="../widgets/GraphCommands.cpp" line="166"/>
        <source>Reconnect</source>
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
        <location filename="../widgets/GraphCommands.cpp" line="196"/>
        <source>Set %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingMonitor</name>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="56"/>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="57"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="59"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="59"/>
        <source>± std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="59"/>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="59"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="65"/>
        <source>Loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="66"/>
        <source>Tuning trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="68"/>
        <location filename="../widgets/TrainingMonitor.cpp" line="156"/>
        <source>No training yet. Run a workflow with a model node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="70"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="71"/>
        <source>End training after the current epoch and keep the model reached so far (the workflow&apos;s Cancel discards it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="74"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="75"/>
        <source>Remove the curves and trials shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="99"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="101"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="102"/>
        <source>%1 — epoch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="105"/>
        <source> · elapsed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="107"/>
        <source> · ETA %1 (at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="110"/>
        <source> · loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="112"/>
        <source> · validation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/TrainingMonitor.cpp" line="136"/>
        <source>Tuning: trial %1 of %2 done (%3 %4)</source>
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
        <location filename="../app/gui/MainWindow.cpp" line="108"/>
        <source>Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="137"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="176"/>
        <source>Correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="179"/>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="185"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="249"/>
        <source>Principal components: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="254"/>
        <source>PC1 (%1% of variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="255"/>
        <source>PC2 (%1% of variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="293"/>
        <source>Run the workflow to see this node&apos;s result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="412"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="428"/>
        <source>Histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="438"/>
        <source>Load Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="446"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="449"/>
        <source>Open a CSV, TSV, ARFF or LIBSVM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="450"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="480"/>
        <source>&amp;Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="488"/>
        <source>As &amp;PNG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="489"/>
        <source>As P&amp;DF (vector)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="490"/>
        <source>As &amp;SVG (vector)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="492"/>
        <source>&amp;Copy Plot to Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="534"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="538"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="543"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="544"/>
        <source>&amp;About Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="546"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="557"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="559"/>
        <source>Stop loading this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="577"/>
        <source>Open Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="630"/>
        <location filename="../app/gui/MainWindow.cpp" line="670"/>
        <source>Loading %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="653"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="654"/>
        <source>Computing statistics of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="675"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="677"/>
        <source>Could not load %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="678"/>
        <source>Could not load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="949"/>
        <source>%1 — Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="707"/>
        <source>%1 rows × %2 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="123"/>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop a data file here&lt;/p&gt;&lt;p&gt;CSV, TSV, ARFF or LIBSVM — or use &lt;b&gt;File › Open Dataset…&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="192"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="317"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="320"/>
        <source>ROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="321"/>
        <source>Precision-Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="322"/>
        <source>Confusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="323"/>
        <source>Residuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="340"/>
        <source>Node %1 has no trained model yet: run the workflow first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="348"/>
        <source>Export Model as ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="348"/>
        <source>Save Trained Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="349"/>
        <source>ONNX model (*.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="349"/>
        <source>Sextant model (*.sxmodel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="359"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="421"/>
        <source>Split the bars by the classes of a categorical column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="423"/>
        <source>&amp;Split by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="447"/>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="455"/>
        <source>&amp;New Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="458"/>
        <source>Start an empty workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="460"/>
        <source>Open &amp;Workflow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="463"/>
        <source>Open a workflow file (.sextant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="464"/>
        <source>&amp;Save Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="468"/>
        <source>Save Workflow &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="502"/>
        <source>Export Trained &amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="510"/>
        <source>Save Trained Model (.sxmodel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="513"/>
        <source>Select a model node that has run to save its model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="517"/>
        <source>Export as &amp;ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="520"/>
        <source>Select a model node that has run to export its model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="529"/>
        <source>Save Trained Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="530"/>
        <source>Export as ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="568"/>
        <source>Drop a data file on the window, or use File › Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="711"/>
        <source>under a millisecond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="713"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="714"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="715"/>
        <source>Loaded %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="727"/>
        <source>%1 was loaded with a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="729"/>
        <source>%1 was loaded with %2 warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="732"/>
        <source>Show Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="750"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="797"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="866"/>
        <source>No Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="870"/>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="910"/>
        <source>Opening %1 (one file at a time; %2 other files ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="926"/>
        <location filename="../app/gui/MainWindow.cpp" line="1063"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="948"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="972"/>
        <source>Unsaved Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="973"/>
        <source>The workflow “%1” has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="975"/>
        <source>Do you want to save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1002"/>
        <source>New workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1011"/>
        <source>Open Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1012"/>
        <location filename="../app/gui/MainWindow.cpp" line="1069"/>
        <source>Sextant workflows (*.%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1030"/>
        <source>Could not open the workflow %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1033"/>
        <source>Could not open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1046"/>
        <source>Opened workflow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1068"/>
        <source>Save Workflow As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1089"/>
        <source>Could not save the workflow.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1091"/>
        <source>Could not save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1097"/>
        <source>Saved workflow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1130"/>
        <source>Keep relative file paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1170"/>
        <source>About Sextant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="1171"/>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A native desktop studio for machine learning on tabular data.&lt;/p&gt;&lt;p&gt;Drop a CSV, TSV, ARFF or LIBSVM file on the window to look at it: the data table, the column statistics and the histogram of each column.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
