<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>  export-onnx MODEL.sxmodel -o MODEL.onnx
                       Write a saved model as an ONNX file, for ONNX Runtime and
                       other tools.
</source>
        <translation>  export-onnx MODEL.sxmodel -o MODEL.onnx
                       将已保存的模型写为 ONNX 文件，供 ONNX Runtime 等工具使用。
</translation>
    </message>
    <message>
        <source>  monitor MODEL.sxmodel DATA [--json]
                       Compare a batch with the model&apos;s training distribution: PSI,
                       KS / chi-square, missing rates, unseen categories, prediction
                       shift, a verdict per feature; exit code 3 on drift.
</source>
        <translation>  monitor MODEL.sxmodel DATA [--json]
                       将一批数据与模型的训练分布比较：PSI、KS / 卡方、缺失率、
                       未见过的类别、预测分布偏移，并给出每个特征的判定；
                       发现漂移时退出码为 3。
</translation>
    </message>
    <message>
        <source>  predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]
                       Apply a saved model to a table (columns matched by name):
                       one CSV row of predictions per input row, with --proba also
                       one P(class) column per class; to stdout unless -o is given.
</source>
        <translation>  predict MODEL.sxmodel DATA [-o PREDICTIONS.csv] [--proba]
                       将已保存的模型应用于一张表（按列名匹配）：每个输入行输出
                       一行 CSV 预测；带 --proba 时每个类别另有一列 P(类别)；
                       未给出 -o 时输出到 stdout。
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
                       运行工作流：显示每个节点的进度，并将终端节点的输出写入
                       DIR（默认 ./FLOW-output）：表格为 CSV，视图为 JSON 和 CSV
                       （在带界面的构建中另有 PNG 和 SVG 图），以及运行报告
                       run.json。NODE 为节点 ID，或只有一个节点具有的节点类型
                       或名称（如 histogram）。训练好的模型写为 ID-KIND.sxmodel
                       （节点的 export_onnx 参数打开时另写 .onnx）。读取自身
                       文件夹以外文件的工作流（文件与模型文件节点的路径，在
                       --set 之后）会被拒绝，除非给出 --allow-outside-paths。
                       --report 写出本次运行的报告：流程图、源数据表、每个模型
                       及其参数和指标（交叉验证的均值与标准差）、各视图的图表；
                       一个 HTML 文件（内嵌图片）或 PDF。仅限带界面的构建。
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
                       通过 HTTP 提供已保存的模型：POST /predict（JSON 行或列，
                       或 CSV），GET /model、/health、/metrics（Prometheus）、
                       /drift。除非给出 --host，只监听本机回环地址；按 Ctrl+C 停止。
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
                       参数扫描：网格的每种组合运行一次 `run`（--random N：用种子
                       S 抽取 N 个点；此时一个轴可以是区间 LO..HI），每次运行
                       位于 DIR/runs/NNNN（默认 ./FLOW-sweep），在 --jobs 个进程
                       的进程池中运行；或在 --backend slurm 时作为一个 Slurm
                       作业数组提交（DIR 须在共享文件系统上；--limit：同时运行的
                       任务数）。失败的点会再运行一次。所有运行的指标汇总到
                       DIR/results.csv 和 results.json，按 --metric（列名或其
                       最后一部分，如 accuracy）由好到差排序。Ctrl+C 取消所有
                       任务。含逗号的值写作 \,。--dry-run 只列出各点而不运行。
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
                       为已保存的模型写一份报告：学习器、参数、训练数据摘要、
                       保存的指标、特征重要性；带 --data 时还包括该数据上的
                       指标、混淆矩阵和 ROC，以及它相对训练数据的漂移。HTML 为
                       单个自包含文件（内嵌图表）；.pdf 写出 PDF。
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
        <translation>用法：sextant [文件...]
      sextant &lt;命令&gt; [选项]

不带命令时打开 Sextant 工作室（并载入给出的文件）。

命令（无界面运行，不需要显示器）：
  info FILE [--json] [CSV options]
                       汇总一个数据集（CSV/TSV、ARFF、LIBSVM、.xlsx、SQLite、
                       图像文件夹）：行数、列数，以及每列的类型、缺失值个数和
                       统计量。
                       --sheet NAME：工作簿中的工作表（默认：第一个）。
                       --table NAME、--query SQL：从 SQLite 数据库（.sqlite、.db）
                       中读取的内容（默认：第一张表）。
                       CSV 选项（即文件节点的参数；默认：自动识别）：
                         --delimiter auto|comma|semicolon|tab|pipe（或 , ; | tab）
                         --quote double|single|none
                         --header, --no-header
                         --skip N      跳过的行数（-1：一行计数或标题行）
                         --decimal point|comma, --decimal-comma
                         --thousands none|comma|point|space|apostrophe
                         --encoding auto|utf-8|latin-1|utf-16
                         --missing LIST  以逗号分隔的缺失值标记
                         --dates auto|day-first|month-first|off  日期列
%1%2%3%4%5%6  report MODEL.sxmodel [--data FILE] --out REPORT.html|REPORT.pdf
                       为已保存的模型写一份报告（内嵌图表的 HTML，或 PDF）；
                       带 --data 时还包括该数据上的指标和漂移。需要带工作室的
                       构建（由它绘制图表）。

选项：
  -h, --help           显示本帮助。
  -v, --version        显示版本。

退出码：0 成功，1 输入有误或某个节点失败（信息输出到 stderr），
2 用法错误，3 发现漂移（monitor）。
</translation>
    </message>
</context>
<context>
    <name>NodeChoice</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>full</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>diagonal</source>
        <translation>对角</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>single</source>
        <translation>单</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线 (|)</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>present</source>
        <translation>有</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>无</translation>
    </message>
    <message>
        <source>double</source>
        <translation>双</translation>
    </message>
    <message>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>apostrophe</source>
        <translation>撇号</translation>
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
        <translation>日在前</translation>
    </message>
    <message>
        <source>month-first</source>
        <translation>月在前</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>inner</source>
        <translation>内连接</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左连接</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右连接</translation>
    </message>
    <message>
        <source>outer</source>
        <translation>外连接</translation>
    </message>
    <message>
        <source>isolation_forest</source>
        <translation>孤立森林</translation>
    </message>
    <message>
        <source>local_outlier_factor</source>
        <translation>局部离群因子</translation>
    </message>
    <message>
        <source>robust_covariance</source>
        <translation>稳健协方差</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>不同值个数</translation>
    </message>
    <message>
        <source>info_gain</source>
        <translation>信息增益</translation>
    </message>
    <message>
        <source>gain_ratio</source>
        <translation>信息增益率</translation>
    </message>
    <message>
        <source>gini</source>
        <translation>基尼指数</translation>
    </message>
    <message>
        <source>anova_f</source>
        <translation>方差分析 F 值</translation>
    </message>
    <message>
        <source>chi2</source>
        <translation>卡方 (χ²)</translation>
    </message>
    <message>
        <source>mutual_info</source>
        <translation>互信息</translation>
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
        <translation>网格</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>bayesian</source>
        <translation>贝叶斯优化</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>balanced_accuracy</source>
        <translation>平衡准确率</translation>
    </message>
    <message>
        <source>f1_macro</source>
        <translation>F1（宏平均）</translation>
    </message>
    <message>
        <source>roc_auc</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>log_loss</source>
        <translation>对数损失</translation>
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
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>平衡</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>核密度</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>频数</translation>
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
        <translation>平方根</translation>
    </message>
    <message>
        <source>log2</source>
        <translation>log2</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>rbf</source>
        <translation>RBF</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>按距离</translation>
    </message>
    <message>
        <source>euclidean</source>
        <translation>欧氏</translation>
    </message>
    <message>
        <source>manhattan</source>
        <translation>曼哈顿</translation>
    </message>
    <message>
        <source>equal_frequency</source>
        <translation>等频</translation>
    </message>
    <message>
        <source>equal_width</source>
        <translation>等宽</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>most_frequent</source>
        <translation>众数</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>gains</source>
        <translation>累积增益</translation>
    </message>
    <message>
        <source>lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>classical</source>
        <translation>经典</translation>
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
        <translation>像素</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>hog</source>
        <translation>HOG</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>subsets</source>
        <translation>类别子集</translation>
    </message>
    <message>
        <source>one_hot</source>
        <translation>独热编码</translation>
    </message>
</context>
<context>
    <name>NodeError</name>
    <message>
        <source>input &apos;%1&apos; is not connected</source>
        <translation>输入“%1”未连接</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; not found in the input (columns: %3)</source>
        <translation>%1：输入中找不到列“%2”（现有列：%3）</translation>
    </message>
    <message>
        <source>this view needs a classifier&apos;s predictions</source>
        <translation>此视图需要分类器的预测结果</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>%1: loading was cancelled</source>
        <translation>%1：加载已取消</translation>
    </message>
    <message>
        <source>no target column: set the Target parameter, or mark a column as target with Select Columns</source>
        <translation>没有目标列：请设置“目标变量”参数，或用“选择列”将某一列标记为目标变量</translation>
    </message>
    <message>
        <source>no model file chosen: set the &apos;path&apos; parameter</source>
        <translation>未选择模型文件：请设置“path”参数</translation>
    </message>
    <message>
        <source>a scatter matrix needs at least two numeric columns</source>
        <translation>散点图矩阵至少需要两个数值列</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; cannot be both the target and ignored</source>
        <translation>列“%1”不能既是目标变量又被忽略</translation>
    </message>
    <message>
        <source>the table has %1 row(s): a split needs at least two</source>
        <translation>该表只有 %1 行：划分至少需要两行</translation>
    </message>
    <message>
        <source>not stratified: the table has no categorical target column</source>
        <translation>未分层：该表没有分类目标列</translation>
    </message>
    <message>
        <source>no folder chosen</source>
        <translation>未选择文件夹</translation>
    </message>
    <message>
        <source>only_trial: Bayesian search chooses each trial from the scores before it, so its trials cannot run apart; use grid or random search</source>
        <translation>only_trial：贝叶斯搜索根据之前的得分选择每个试验，其试验无法分开运行；请使用网格或随机搜索</translation>
    </message>
    <message>
        <source>only_trial %1: the search plans %2 trial(s)</source>
        <translation>only_trial %1：该搜索计划了 %2 个试验</translation>
    </message>
    <message>
        <source>time %1: MINUTES, HH:MM:SS or DAYS-HH:MM:SS (empty: the partition&apos;s limit)</source>
        <translation>time %1：分钟数、HH:MM:SS 或 天-HH:MM:SS（留空：分区的限制）</translation>
    </message>
    <message>
        <source>mem %1: a size in megabytes, or with K, M, G or T (empty: the default)</source>
        <translation>mem %1：以兆字节为单位的大小，或带 K、M、G、T 后缀（留空：默认值）</translation>
    </message>
    <message>
        <source>run_on slurm: Slurm is not available: %1</source>
        <translation>run_on slurm：Slurm 不可用：%1</translation>
    </message>
    <message>
        <source>run_on slurm: the node was not given its workflow, which the tasks run (run it from the studio or with sextant run)</source>
        <translation>run_on slurm：节点未获得其工作流，而任务要运行该工作流（请在工作室中或用 sextant run 运行）</translation>
    </message>
    <message>
        <source>run_on slurm: Bayesian search chooses each trial from the scores before it, so its trials cannot run as separate tasks; use grid or random search, or run on this machine</source>
        <translation>run_on slurm：贝叶斯搜索根据之前的得分选择每个试验，因此其试验不能作为独立任务运行；请使用网格或随机搜索，或在本机运行</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; received no value (node %2 gives none there)</source>
        <translation>输入“%1”没有收到值（节点 %2 在此处不提供值）</translation>
    </message>
    <message>
        <source>only_fold %1: the cross-validation has %2 folds</source>
        <translation>only_fold %1：交叉验证只有 %2 折</translation>
    </message>
    <message>
        <source>run_on slurm: this program has no way to submit tasks to Slurm (no trial runner is registered; the sextant executable has one)</source>
        <translation>run_on slurm：此程序无法向 Slurm 提交任务（未注册任务运行器；sextant 可执行程序带有一个）</translation>
    </message>
</context>
<context>
    <name>NodeParameter</name>
    <message>
        <source>Radius (eps)</source>
        <translation>半径 (eps)</translation>
    </message>
    <message>
        <source>Two rows closer than this (Euclidean) are neighbours. Scale the columns first (Standardize) so it means the same in every column.</source>
        <translation>（欧氏）距离小于此值的两行互为近邻。请先缩放各列（标准化），使其在每列中含义相同。</translation>
    </message>
    <message>
        <source>Minimum neighbours</source>
        <translation>最少近邻数</translation>
    </message>
    <message>
        <source>Neighbours (the row itself included) a row needs to be a core row of a cluster; rows not reachable from a core row are noise.</source>
        <translation>一行成为聚类核心行所需的近邻数（包括其自身）；无法从核心行到达的行视为噪声。</translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation>导出 ONNX</translation>
    </message>
    <message>
        <source>`sextant run` also writes this model as an ONNX file next to its .sxmodel file.</source>
        <translation>`sextant run` 还会将此模型另存为 ONNX 文件，放在其 .sxmodel 文件旁边。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>成分数</translation>
    </message>
    <message>
        <source>Number of normal distributions (clusters) in the mixture.</source>
        <translation>混合模型中正态分布（聚类）的个数。</translation>
    </message>
    <message>
        <source>Covariance</source>
        <translation>协方差</translation>
    </message>
    <message>
        <source>full: each component has its own correlated shape; diagonal: axis-aligned shapes (fewer parameters, faster).</source>
        <translation>full：每个成分有各自的相关形状；diagonal：与坐标轴对齐的形状（参数更少，更快）。</translation>
    </message>
    <message>
        <source>Maximum iterations</source>
        <translation>最大迭代次数</translation>
    </message>
    <message>
        <source>Upper bound on the iterations of the solver.</source>
        <translation>求解器迭代次数的上限。</translation>
    </message>
    <message>
        <source>Initialisations</source>
        <translation>初始化次数</translation>
    </message>
    <message>
        <source>EM runs from different starts; the one with the best likelihood is kept.</source>
        <translation>从不同初始点运行 EM；保留似然最优的一次。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Random seed: the same seed, data and parameters give the same model.</source>
        <translation>随机种子：相同的种子、数据和参数得到相同的模型。</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>聚类数</translation>
    </message>
    <message>
        <source>Where the merge tree is cut: the number of clusters kept.</source>
        <translation>合并树的切割位置：保留的聚类数。</translation>
    </message>
    <message>
        <source>Linkage</source>
        <translation>链接方式</translation>
    </message>
    <message>
        <source>How the distance between two clusters is measured: ward (smallest increase of variance), complete (farthest members), average, single (closest members).</source>
        <translation>两个聚类之间距离的度量方式：ward（方差增加最小）、complete（最远成员）、average（平均）、single（最近成员）。</translation>
    </message>
    <message>
        <source>Clusters (k)</source>
        <translation>聚类数 (k)</translation>
    </message>
    <message>
        <source>Number of clusters.</source>
        <translation>聚类数。</translation>
    </message>
    <message>
        <source>Runs from different starts; the best is kept.</source>
        <translation>从不同初始点运行；保留最好的一次。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The data file. A relative path is taken from the folder of the workflow file.</source>
        <translation>数据文件。相对路径以工作流文件所在文件夹为起点。</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Field separator of delimited text; &apos;auto&apos; detects it. Ignored for ARFF and LIBSVM.</source>
        <translation>分隔文本的字段分隔符；“auto”自动检测。ARFF 和 LIBSVM 忽略此项。</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>标题行</translation>
    </message>
    <message>
        <source>Whether the first row of delimited text holds column names.</source>
        <translation>分隔文本的第一行是否为列名。</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引号</translation>
    </message>
    <message>
        <source>The character that quotes fields holding the delimiter or line ends: double (&quot;), single (&apos;) or none. Ignored for ARFF and LIBSVM.</source>
        <translation>用于包裹含分隔符或换行的字段的字符：double (&quot;)、single (&apos;) 或 none。ARFF 和 LIBSVM 忽略此项。</translation>
    </message>
    <message>
        <source>Lines to skip</source>
        <translation>跳过的行数</translation>
    </message>
    <message>
        <source>Lines skipped at the top of delimited text, before the header. -1 (auto) skips a first line that is a count or a title before the table, with a warning; 0 reads every line.</source>
        <translation>分隔文本开头、标题行之前跳过的行数。-1（自动）会跳过表格前作为计数或标题的第一行，并给出警告；0 读取每一行。</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>The decimal mark of numbers in delimited text: point (1.5) or comma (1,5; the delimiter is then not sniffed as a comma).</source>
        <translation>分隔文本中数字的小数点：point (1.5) 或 comma (1,5；此时不会把分隔符识别为逗号)。</translation>
    </message>
    <message>
        <source>Thousands separator</source>
        <translation>千位分隔符</translation>
    </message>
    <message>
        <source>A separator between groups of three digits (1,234,567 or 1.234.567,5); other placements make the cell text.</source>
        <translation>三位数字分组之间的分隔符（1,234,567 或 1.234.567,5）；出现在其他位置时该单元格按文本读取。</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>The text encoding of delimited text. auto: UTF-8 (a value that is not valid UTF-8 is read as Latin-1, with a warning), or UTF-16 when the file starts with its byte order mark. utf-16 without a byte order mark is little-endian.</source>
        <translation>分隔文本的字符编码。auto：UTF-8（无效的 UTF-8 值按 Latin-1 读取并给出警告），或文件以字节序标记开头时为 UTF-16。没有字节序标记的 utf-16 按小端序读取。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>The sheet of an Excel workbook (.xlsx) to read, by name; empty = the first sheet. Ignored for other files.</source>
        <translation>要读取的 Excel 工作簿（.xlsx）工作表名称；为空 = 第一个工作表。其他文件忽略此项。</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>Comma-separated cell values read as missing, besides the empty cell; empty = NA, N/A, NaN, nan, ?, null, NULL, None.</source>
        <translation>除空单元格外视为缺失的单元格值，以逗号分隔；为空 = NA, N/A, NaN, nan, ?, null, NULL, None。</translation>
    </message>
    <message>
        <source>Propose a target</source>
        <translation>建议目标变量</translation>
    </message>
    <message>
        <source>When the file names no target (ARFF&apos;s class attribute, LIBSVM&apos;s label), the last categorical column becomes the target.</source>
        <translation>文件未指定目标变量（ARFF 的类别属性、LIBSVM 的标签）时，最后一个分类列成为目标变量。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标变量</translation>
    </message>
    <message>
        <source>Column to predict; any other target column becomes a feature. Empty leaves the target as it is.</source>
        <translation>要预测的列；其他目标列都变为特征。为空则保持目标变量不变。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Columns made inputs of models (for example a file&apos;s class attribute, to train without a target).</source>
        <translation>设为模型输入的列（例如文件的类别属性，以便在没有目标变量的情况下训练）。</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Columns kept in the table but not used by models (identifiers, notes).</source>
        <translation>保留在表中但模型不使用的列（标识符、备注）。</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Columns removed from the table: no later step sees them.</source>
        <translation>从表中删除的列：后续步骤都看不到它们。</translation>
    </message>
    <message>
        <source>As categorical</source>
        <translation>作为分类变量</translation>
    </message>
    <message>
        <source>Numeric columns read as categories (class labels, ratings).</source>
        <translation>按类别读取的数值列（类别标签、评分）。</translation>
    </message>
    <message>
        <source>As numeric</source>
        <translation>作为数值</translation>
    </message>
    <message>
        <source>Categorical columns whose categories are all numbers, read as numbers.</source>
        <translation>所有类别都是数字的分类列，按数值读取。</translation>
    </message>
    <message>
        <source>Drop missing</source>
        <translation>删除缺失</translation>
    </message>
    <message>
        <source>Drop rows with a missing cell in the chosen columns (all columns when none is chosen).</source>
        <translation>删除所选列（未选择时为所有列）中含缺失单元格的行。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Columns checked for missing cells. Empty: every column.</source>
        <translation>检查缺失单元格的列。为空时：所有列。</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>The model file. A relative path is taken from the folder of the workflow file.</source>
        <translation>模型文件。相对路径以工作流文件所在文件夹为起点。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Categorical column the features are scored against. Empty: the table&apos;s target.</source>
        <translation>用于给特征评分的分类列。为空时：使用表的目标变量。</translation>
    </message>
    <message>
        <source>Columns to score. Empty: every feature column.</source>
        <translation>要评分的列。为空时：所有特征列。</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <source>The score the features are ranked (and the best k kept) by: info_gain, gain_ratio and gini on numeric features cut into equal-frequency bins; anova_f and chi2 as scikit-learn&apos;s f_classif and chi2; mutual_info as mutual_info_classif; relieff (Kononenko).</source>
        <translation>特征排序（并保留最好的 k 个）所依据的得分：info_gain、gain_ratio 和 gini 在等频分箱后的数值特征上计算；anova_f 和 chi2 同 scikit-learn 的 f_classif 和 chi2；mutual_info 同 mutual_info_classif；relieff（Kononenko）。</translation>
    </message>
    <message>
        <source>Keep best</source>
        <translation>保留最佳</translation>
    </message>
    <message>
        <source>How many of the best features the Top features output keeps.</source>
        <translation>“最佳特征”输出保留多少个最佳特征。</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>分箱数</translation>
    </message>
    <message>
        <source>Equal-frequency bins a numeric feature is cut into for information gain, gain ratio and Gini.</source>
        <translation>计算信息增益、增益率和基尼系数时，数值特征划分的等频分箱数。</translation>
    </message>
    <message>
        <source>ReliefF rows</source>
        <translation>ReliefF 行数</translation>
    </message>
    <message>
        <source>Rows ReliefF draws (each compared with every row: the work is rows x table rows x features). 0: no ReliefF.</source>
        <translation>ReliefF 抽取的行数（每行与所有行比较：计算量为行数 x 表行数 x 特征数）。0：不使用 ReliefF。</translation>
    </message>
    <message>
        <source>Seed of ReliefF&apos;s rows and of the mutual information&apos;s tie noise.</source>
        <translation>ReliefF 行抽样以及互信息平局噪声的随机种子。</translation>
    </message>
    <message>
        <source>The file to write (replaced when it exists). A relative path is taken from the folder of the workflow file.</source>
        <translation>要写入的文件（已存在时替换）。相对路径以工作流文件所在文件夹为起点。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Columns to keep, in this order. Empty keeps every column.</source>
        <translation>按此顺序保留的列。为空则保留所有列。</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>The selected rows as 0-based indices of the input table, in ranges: &quot;0-9,15,20-30&quot; (the data table numbers rows from 1). Set by selecting in the views; empty: no row.</source>
        <translation>所选行，以输入表从 0 开始的索引区间表示：“0-9,15,20-30”（数据表中行号从 1 开始）。通过在视图中选择来设置；为空：无行。</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Fraction of the rows that go to the test table.</source>
        <translation>进入测试表的行比例。</translation>
    </message>
    <message>
        <source>Stratify</source>
        <translation>分层抽样</translation>
    </message>
    <message>
        <source>Keep each class&apos;s share in both tables (needs a categorical target column).</source>
        <translation>在两个表中保持各类别的比例（需要分类目标列）。</translation>
    </message>
    <message>
        <source>The same seed gives the same split.</source>
        <translation>相同的种子得到相同的划分。</translation>
    </message>
    <message>
        <source>Known classes</source>
        <translation>已知类别</translation>
    </message>
    <message>
        <source>Column to compare the clusters with (adjusted Rand index). Empty: the table&apos;s target column, if any.</source>
        <translation>与聚类结果比较的列（调整兰德指数）。为空时：表的目标列（如果有）。</translation>
    </message>
    <message>
        <source>Silhouette sample</source>
        <translation>轮廓系数样本</translation>
    </message>
    <message>
        <source>Rows drawn (seeded) for the silhouette, which is quadratic; 0: every row.</source>
        <translation>为计算轮廓系数（平方复杂度）抽取的行数（带随机种子）；0：全部行。</translation>
    </message>
    <message>
        <source>Folds</source>
        <translation>折数</translation>
    </message>
    <message>
        <source>Number of folds (k).</source>
        <translation>折数 (k)。</translation>
    </message>
    <message>
        <source>Stratified</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Classification: keep each class&apos;s share in every fold.</source>
        <translation>分类：在每一折中保持各类别的比例。</translation>
    </message>
    <message>
        <source>Shuffles the rows before the folds are made; the same seed gives the same folds.</source>
        <translation>划分折之前打乱行；相同的种子得到相同的折。</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Shuffles per column; the mean and spread of their score drops are reported (scikit-learn&apos;s n_repeats).</source>
        <translation>每列打乱的次数；报告得分下降的均值和波动（scikit-learn 的 n_repeats）。</translation>
    </message>
    <message>
        <source>Random seed of the shuffles: the same seed, model and rows give the same importances.</source>
        <translation>打乱顺序的随机种子：相同的种子、模型和行得到相同的重要性。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Parameters and the values to try: &quot;C=0.01,0.1,1,10; max_iter=50,100&quot;.</source>
        <translation>参数及要尝试的取值：“C=0.01,0.1,1,10; max_iter=50,100”。</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>众数</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Cross-validation folds used to score each combination.</source>
        <translation>用于为每种组合评分的交叉验证折数。</translation>
    </message>
    <message>
        <source>Folds and random search draws.</source>
        <translation>折划分和随机搜索的抽样。</translation>
    </message>
    <message>
        <source>Column to predict. Empty: the table&apos;s target column.</source>
        <translation>要预测的列。为空时：表的目标列。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Predict classes or a number.</source>
        <translation>预测类别或数值。</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>分裂准则</translation>
    </message>
    <message>
        <source>Classification split quality. gain_ratio: C4.5&apos;s information gain over split information (each feature&apos;s threshold by gain, less log2(thresholds) / rows; among features with at least the average gain).</source>
        <translation>分类时的分裂质量。gain_ratio：C4.5 的信息增益除以分裂信息（每个特征的阈值按增益选取，减去 log2(阈值数) / 行数；只在增益不低于平均值的特征中选择）。</translation>
    </message>
    <message>
        <source>Maximum depth</source>
        <translation>最大深度</translation>
    </message>
    <message>
        <source>Deepest level of a tree; 0: unlimited.</source>
        <translation>树的最大深度；0：不限。</translation>
    </message>
    <message>
        <source>Minimum rows to split</source>
        <translation>分裂所需最少行数</translation>
    </message>
    <message>
        <source>A node with fewer rows is not split further.</source>
        <translation>行数少于此值的节点不再分裂。</translation>
    </message>
    <message>
        <source>Minimum rows per leaf</source>
        <translation>叶节点最少行数</translation>
    </message>
    <message>
        <source>Every leaf keeps at least this many rows; larger values make smoother models.</source>
        <translation>每个叶节点至少保留这么多行；值越大，模型越平滑。</translation>
    </message>
    <message>
        <source>Pruning alpha</source>
        <translation>剪枝 alpha</translation>
    </message>
    <message>
        <source>Minimal cost-complexity pruning (scikit-learn&apos;s ccp_alpha): a number &gt;= 0, larger prunes more, 0 keeps the whole tree; auto: chosen by 5-fold cross-validation on the training rows (folds drawn from the seed).</source>
        <translation>最小代价复杂度剪枝（scikit-learn 的 ccp_alpha）：不小于 0 的数，越大剪枝越多，0 保留整棵树；auto：在训练行上用 5 折交叉验证选择（折由随机种子决定）。</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>Classification. balanced: every row of class k counts n / (classes x rows of k) in training, as scikit-learn&apos;s class_weight=&quot;balanced&quot;, so a rare class weighs as much as a common one; none: every row counts 1.</source>
        <translation>分类。balanced：训练时类别 k 的每一行计为 n / (类别数 x k 的行数)，与 scikit-learn 的 class_weight=&quot;balanced&quot; 相同，使稀有类别与常见类别同等重要；none：每行计为 1。</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Boosting iterations: trees added one after another (one per class per iteration for more than two classes).</source>
        <translation>提升迭代次数：逐棵添加的树（多于两个类别时，每次迭代每个类别一棵）。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Shrinks each tree&apos;s contribution: smaller needs more iterations but generalises better.</source>
        <translation>缩小每棵树的贡献：越小需要越多迭代，但泛化更好。</translation>
    </message>
    <message>
        <source>Leaves per tree</source>
        <translation>每棵树的叶节点数</translation>
    </message>
    <message>
        <source>Leaves per tree; trees grow best split first.</source>
        <translation>每棵树的叶节点数；树按最佳分裂优先生长。</translation>
    </message>
    <message>
        <source>L2 regularisation</source>
        <translation>L2 正则化</translation>
    </message>
    <message>
        <source>L2 penalty on leaf values; larger values smooth the model.</source>
        <translation>对叶节点值的 L2 惩罚；值越大模型越平滑。</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>auto: on above 10,000 rows (validation share below, drawn stratified by class for classification).</source>
        <translation>auto：超过 10,000 行时开启（验证集比例见下，分类时按类别分层抽取）。</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Share of the training rows held out to decide when to stop (with early stopping).</source>
        <translation>为判断何时停止而留出的训练行比例（启用早停时）。</translation>
    </message>
    <message>
        <source>Ridge alpha</source>
        <translation>岭回归 alpha</translation>
    </message>
    <message>
        <source>L2 penalty; 0: ordinary least squares.</source>
        <translation>L2 惩罚；0：普通最小二乘。</translation>
    </message>
    <message>
        <source>Fit intercept</source>
        <translation>拟合截距</translation>
    </message>
    <message>
        <source>Fit a constant term (turn off only for data centred already).</source>
        <translation>拟合常数项（仅当数据已中心化时关闭）。</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Inverse regularisation strength: smaller is stronger.</source>
        <translation>正则化强度的倒数：越小正则化越强。</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Stop when the improvement per iteration falls below this.</source>
        <translation>每次迭代的改善低于此值时停止。</translation>
    </message>
    <message>
        <source>Added to every category count (Laplace smoothing at 1), so a value never seen with a class is unlikely, not impossible.</source>
        <translation>加到每个类别计数上（为 1 时即拉普拉斯平滑），使从未与某类别同时出现的值只是不太可能，而非不可能。</translation>
    </message>
    <message>
        <source>Numeric features</source>
        <translation>数值特征</translation>
    </message>
    <message>
        <source>gaussian: a normal density per class; kernel: a kernel density estimate per class, for skewed or multi-modal features (slower to predict, the model keeps the training values).</source>
        <translation>gaussian：每个类别一个正态密度；kernel：每个类别一个核密度估计，适用于偏态或多峰特征（预测较慢，模型会保存训练值）。</translation>
    </message>
    <message>
        <source>Nominal features</source>
        <translation>名义特征</translation>
    </message>
    <message>
        <source>counts: the share of each category within a class; gaussian: a normal density on the 0/1 indicator columns (Gaussian naive Bayes on the encoded table, as scikit-learn&apos;s GaussianNB).</source>
        <translation>counts：每个类别在某类中所占比例；gaussian：在 0/1 指示列上使用正态密度（对编码后的表做高斯朴素贝叶斯，同 scikit-learn 的 GaussianNB）。</translation>
    </message>
    <message>
        <source>Variance smoothing</source>
        <translation>方差平滑</translation>
    </message>
    <message>
        <source>Share of the largest variance added to every variance.</source>
        <translation>加到每个方差上的最大方差比例。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, e.g. &quot;64, 32&quot;.</source>
        <translation>每个隐藏层的神经元数，例如“64, 32”。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Function applied in the hidden layers: relu (fast, the usual choice), tanh or sigmoid.</source>
        <translation>隐藏层使用的函数：relu（快速，常用）、tanh 或 sigmoid。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>sgd: stochastic gradient descent with momentum.</source>
        <translation>sgd：带动量的随机梯度下降。</translation>
    </message>
    <message>
        <source>Step size of the optimiser.</source>
        <translation>优化器的步长。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>SGD only: share of the previous step kept in the next one.</source>
        <translation>仅 SGD：上一步保留到下一步的比例。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Rows per gradient step.</source>
        <translation>每个梯度步的行数。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Maximum passes over the training rows; early stopping (or, without it, a training loss that stops improving) usually ends sooner. Why training ended is kept with the model and shown in the Training dock.</source>
        <translation>遍历训练行的最大次数；早停（或在未开启时训练损失不再改善）通常会更早结束。训练结束的原因随模型保存，并显示在“训练”面板中。</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>L2 penalty on the weights; larger values fight overfitting.</source>
        <translation>对权重的 L2 惩罚；值越大越能抑制过拟合。</translation>
    </message>
    <message>
        <source>Hold out a validation share (stratified by class for classification), stop when its loss has not improved for &apos;patience&apos; epochs and keep the weights of the best epoch. Off: train on all rows and stop when the training loss stops improving, as scikit-learn&apos;s MLPClassifier does by default.</source>
        <translation>留出一部分验证数据（分类时按类别分层），当其损失连续“patience”轮没有改善时停止，并保留最佳轮次的权重。关闭：在所有行上训练，训练损失不再改善时停止，与 scikit-learn 的 MLPClassifier 默认行为相同。</translation>
    </message>
    <message>
        <source>Rows to stop early</source>
        <translation>早停所需行数</translation>
    </message>
    <message>
        <source>Early stopping holds rows out only when the validation share gives at least this many (0: always); on smaller tables a few held-out rows judge too noisily and cost training rows, so training uses every row and stops when the training loss stops improving.</source>
        <translation>仅当验证比例至少能得到这么多行时，早停才会留出数据（0：总是留出）；在较小的表上，少量留出行的判断噪声太大且会占用训练行，因此训练使用全部行，并在训练损失不再改善时停止。</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <source>Epochs without improvement before stopping.</source>
        <translation>停止前允许的无改善轮次。</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>树的数量</translation>
    </message>
    <message>
        <source>Number of trees; more trees give steadier predictions and take longer.</source>
        <translation>树的数量；树越多预测越稳定，但耗时更长。</translation>
    </message>
    <message>
        <source>Features per split</source>
        <translation>每次分裂的特征数</translation>
    </message>
    <message>
        <source>auto: sqrt for classification, all for regression.</source>
        <translation>auto：分类时为 sqrt，回归时为 all。</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>自助采样</translation>
    </message>
    <message>
        <source>Train each tree on rows drawn with replacement (otherwise on all rows).</source>
        <translation>每棵树在有放回抽取的行上训练（否则使用全部行）。</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>核函数</translation>
    </message>
    <message>
        <source>rbf: curved boundaries (Gaussian kernel); linear: a flat boundary, faster on many columns.</source>
        <translation>rbf：弯曲的决策边界（高斯核）；linear：平直的边界，列很多时更快。</translation>
    </message>
    <message>
        <source>Penalty of margin violations.</source>
        <translation>违反间隔的惩罚。</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>RBF width; 0: 1 / (features x variance), like scikit-learn&apos;s &quot;scale&quot;.</source>
        <translation>RBF 宽度；0：1 / (特征数 x 方差)，与 scikit-learn 的“scale”相同。</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Regression: width of the tube without penalty.</source>
        <translation>回归：不受惩罚的间隔带宽度。</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>类别概率</translation>
    </message>
    <message>
        <source>Classification: calibrated class probabilities (Platt scaling on 5-fold cross-validated decision values, as libsvm), for ROC curves and AUC; trains five more machines per pair of classes.</source>
        <translation>分类：校准后的类别概率（与 libsvm 相同，在 5 折交叉验证的决策值上做 Platt 缩放），用于 ROC 曲线和 AUC；每对类别需多训练五个模型。</translation>
    </message>
    <message>
        <source>Neighbours (k)</source>
        <translation>近邻数 (k)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>distance: closer neighbours count more.</source>
        <translation>distance：越近的近邻权重越大。</translation>
    </message>
    <message>
        <source>Distance between rows: euclidean (straight line) or manhattan (sum of absolute differences).</source>
        <translation>行之间的距离：euclidean（直线距离）或 manhattan（绝对差之和）。</translation>
    </message>
    <message>
        <source>Empty: every numeric feature column.</source>
        <translation>为空时：所有数值特征列。</translation>
    </message>
    <message>
        <source>Number of bins per column.</source>
        <translation>每列的分箱数。</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>equal_frequency: about as many rows in every bin; equal_width: bins of the same width.</source>
        <translation>equal_frequency：每个分箱的行数大致相同；equal_width：分箱宽度相同。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>interval: categories like &quot;[1.5, 3.2)&quot;; index: the bin number.</source>
        <translation>interval：形如“[1.5, 3.2)”的类别；index：分箱编号。</translation>
    </message>
    <message>
        <source>Empty: every feature column with missing cells.</source>
        <translation>为空时：所有含缺失单元格的特征列。</translation>
    </message>
    <message>
        <source>Numeric strategy</source>
        <translation>数值列策略</translation>
    </message>
    <message>
        <source>How numeric columns are filled.</source>
        <translation>数值列的填充方式。</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>Numeric constant (strategy constant).</source>
        <translation>数值常数（常数策略）。</translation>
    </message>
    <message>
        <source>Categorical strategy</source>
        <translation>分类列策略</translation>
    </message>
    <message>
        <source>How categorical columns are filled.</source>
        <translation>分类列的填充方式。</translation>
    </message>
    <message>
        <source>Constant category</source>
        <translation>常数类别</translation>
    </message>
    <message>
        <source>Category used by the constant strategy.</source>
        <translation>常数策略使用的类别。</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Value the column&apos;s minimum maps to.</source>
        <translation>列的最小值映射到的值。</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Value the column&apos;s maximum maps to.</source>
        <translation>列的最大值映射到的值。</translation>
    </message>
    <message>
        <source>Empty: every categorical feature column.</source>
        <translation>为空时：所有分类特征列。</translation>
    </message>
    <message>
        <source>Drop first</source>
        <translation>去掉第一列</translation>
    </message>
    <message>
        <source>Leave out the first category&apos;s column (avoids collinearity).</source>
        <translation>去掉第一个类别对应的列（避免共线性）。</translation>
    </message>
    <message>
        <source>Number of components; 0: choose by explained variance.</source>
        <translation>成分数；0：按解释方差选择。</translation>
    </message>
    <message>
        <source>Explained variance</source>
        <translation>解释方差</translation>
    </message>
    <message>
        <source>With components = 0: keep the fewest components explaining this share of the variance.</source>
        <translation>成分数 = 0 时：保留能解释此方差比例的最少成分。</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Scale columns to unit variance first (PCA on correlations).</source>
        <translation>先将各列缩放为单位方差（基于相关矩阵的 PCA）。</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Highest total power of the products (2: squares and pairwise products).</source>
        <translation>乘积项的最高总次数（2：平方项和两两乘积）。</translation>
    </message>
    <message>
        <source>Interactions only</source>
        <translation>仅交互项</translation>
    </message>
    <message>
        <source>Only products of different columns, no powers.</source>
        <translation>仅不同列之间的乘积，不含幂次项。</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>Subtract each column&apos;s mean.</source>
        <translation>减去每列的均值。</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Divide each column by its standard deviation.</source>
        <translation>将每列除以其标准差。</translation>
    </message>
    <message>
        <source>Numeric columns to summarise. Empty: every numeric column but the target (the first 20).</source>
        <translation>要汇总的数值列。为空时：除目标变量外的所有数值列（前 20 个）。</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>拆分依据</translation>
    </message>
    <message>
        <source>Categorical column whose classes get a box each. Empty: the target when it is categorical, else no split.</source>
        <translation>其每个类别各画一个箱体的分类列。为空时：若目标变量为分类变量则使用它，否则不拆分。</translation>
    </message>
    <message>
        <source>Violin</source>
        <translation>小提琴图</translation>
    </message>
    <message>
        <source>Draw each group&apos;s density (Gaussian kernel, Scott&apos;s bandwidth) with its quartiles instead of a box.</source>
        <translation>用每组的密度（高斯核，Scott 带宽）及其四分位数代替箱体。</translation>
    </message>
    <message>
        <source>Number of probability bins (scikit-learn&apos;s n_bins).</source>
        <translation>概率分箱数（scikit-learn 的 n_bins）。</translation>
    </message>
    <message>
        <source>uniform: bins of equal width on [0, 1]; quantile: bins holding equally many rows (edges at the probabilities&apos; percentiles).</source>
        <translation>uniform：在 [0, 1] 上等宽分箱；quantile：每个分箱行数相同（边界为概率的百分位数）。</translation>
    </message>
    <message>
        <source>Numeric columns to correlate. Empty: every numeric column.</source>
        <translation>要计算相关性的数值列。为空时：所有数值列。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column to count. Empty: the first numeric column.</source>
        <translation>要计数的列。为空时：第一个数值列。</translation>
    </message>
    <message>
        <source>Number of equal-width bins for a numeric column.</source>
        <translation>数值列的等宽分箱数。</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>gains: the share of positives among the top rows; lift: that share divided by the share of rows (1 = random).</source>
        <translation>gains：排名靠前的行中正例的比例；lift：该比例除以行的比例（1 = 随机）。</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <source>Column on the horizontal axis. Empty: the first numeric column.</source>
        <translation>横轴上的列。为空时：第一个数值列。</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Y 轴</translation>
    </message>
    <message>
        <source>Column on the vertical axis. Empty: the second numeric column.</source>
        <translation>纵轴上的列。为空时：第二个数值列。</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Column giving each point its colour. Empty: a column named &quot;cluster&quot; (a clustering node&apos;s output), else the target column, if any.</source>
        <translation>决定每个点颜色的列。为空时：使用名为“cluster”的列（聚类节点的输出），否则使用目标列（如果有）。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Numeric column giving each point its size. Empty: one size.</source>
        <translation>决定每个点大小的数值列。为空时：统一大小。</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Categorical column giving each point its marker (the first six classes get their own). Empty: one marker.</source>
        <translation>决定每个点标记形状的分类列（前六个类别各有自己的形状）。为空时：统一形状。</translation>
    </message>
    <message>
        <source>Numeric columns to pair (at most 10). Empty: the first 5 numeric columns but the target.</source>
        <translation>要两两配对的数值列（最多 10 个）。为空时：除目标变量外的前 5 个数值列。</translation>
    </message>
    <message>
        <source>Categorical column giving each point its colour. Empty: a column named &quot;cluster&quot;, else the categorical target, if any.</source>
        <translation>决定每个点颜色的分类列。为空时：使用名为“cluster”的列，否则使用分类目标变量（如果有）。</translation>
    </message>
    <message>
        <source>Most points</source>
        <translation>最多点数</translation>
    </message>
    <message>
        <source>Rows drawn in each scatter; above, a seeded random sample.</source>
        <translation>每个散点图绘制的行数；超过时使用带随机种子的随机样本。</translation>
    </message>
    <message>
        <source>Bins of the histograms on the diagonal.</source>
        <translation>对角线上直方图的分箱数。</translation>
    </message>
    <message>
        <source>Seed of the row sample.</source>
        <translation>行抽样的随机种子。</translation>
    </message>
    <message>
        <source>Cluster column</source>
        <translation>聚类列</translation>
    </message>
    <message>
        <source>Categorical column holding each row&apos;s cluster. Empty: a column named &quot;cluster&quot; (a clustering node&apos;s output), else the target.</source>
        <translation>保存每行所属聚类的分类列。为空时：使用名为“cluster”的列（聚类节点的输出），否则使用目标变量。</translation>
    </message>
    <message>
        <source>Numeric columns the distances are computed on (euclidean). Empty: every numeric column but the target.</source>
        <translation>用于计算距离（欧氏距离）的数值列。为空时：除目标变量外的所有数值列。</translation>
    </message>
    <message>
        <source>Most rows</source>
        <translation>最多行数</translation>
    </message>
    <message>
        <source>The work grows with the square of the rows: above this many, a seeded random sample of this many rows is evaluated (with a warning). 20,000 rows take a few seconds.</source>
        <translation>计算量随行数平方增长：超过此值时，评估带随机种子抽取的这么多行的样本（并给出警告）。20,000 行需要几秒钟。</translation>
    </message>
    <message>
        <source>Score to optimise (auto: accuracy or R²).</source>
        <translation>要优化的得分（auto：准确率或 R²）。</translation>
    </message>
    <message>
        <source>Smoothing (α)</source>
        <translation>平滑 (α)</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source>auto: missing numeric cells are filled with the training mean; steps already in the pipeline (Impute, Standardize or Min-Max Scale upstream) are not repeated, and the steps are saved with the model. none: the table is used as it is. Categorical columns are one-hot encoded either way.</source>
        <translation>auto：数值列的缺失单元格用训练集均值填充；流水线中已有的步骤（上游的“插补”“标准化”或“最小-最大缩放”）不会重复执行，这些步骤随模型一起保存。none：按原样使用该表。无论哪种方式，分类列都会进行独热编码。</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>来源列</translation>
    </message>
    <message>
        <source>Name of a column saying which table each row came from (a meta column). Empty: none.</source>
        <translation>用于标明每一行来自哪个表的列名（一个元数据列）。留空：不添加。</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>The table of a SQLite database (.sqlite, .db) to read; empty = the first table. Ignored for other files, and when a query is given.</source>
        <translation>要读取的 SQLite 数据库（.sqlite、.db）中的表；留空 = 第一个表。对其他文件以及给出查询时忽略此项。</translation>
    </message>
    <message>
        <source>SQL query</source>
        <translation>SQL 查询</translation>
    </message>
    <message>
        <source>A query whose rows are read from a SQLite database instead of a table (SELECT ... FROM ... WHERE ...). Ignored for other files.</source>
        <translation>从 SQLite 数据库读取其结果行的查询，用以代替表（SELECT ... FROM ... WHERE ...）。对其他文件忽略此项。</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Text columns of dates or date-times (2024-03-05, 2024-03-05T14:30+01:00, 05/03/2024) become date columns. auto reads 05/03/2024 in the order the column&apos;s values allow (a day above 12 decides) and leaves an ambiguous column as text; day-first and month-first say the order; off keeps every text column as text.</source>
        <translation>日期或日期时间的文本列（2024-03-05、2024-03-05T14:30+01:00、05/03/2024）将成为日期列。auto 按该列的值所允许的顺序读取 05/03/2024（大于 12 的日即可确定顺序），有歧义的列保留为文本；day-first 和 month-first 指定顺序；off 将所有文本列保留为文本。</translation>
    </message>
    <message>
        <source>As date</source>
        <translation>作为日期</translation>
    </message>
    <message>
        <source>Text columns read as dates or date-times (2024-03-05, 2024-03-05 14:30, 05/03/2024).</source>
        <translation>作为日期或日期时间读取的文本列（2024-03-05、2024-03-05 14:30、05/03/2024）。</translation>
    </message>
    <message>
        <source>Keep rows where this holds, e.g. &quot;petal_length &gt;= 2.5&quot;, &quot;species != setosa and sepal_width &gt; 3&quot;, &quot;species in (a, b)&quot;, &quot;is_missing(age) or age &lt; 18&quot; (the Formula node&apos;s expressions). Empty: keep all.</source>
        <translation>保留满足此条件的行，例如 “petal_length &gt;= 2.5”、“species != setosa and sepal_width &gt; 3”、“species in (a, b)”、“is_missing(age) or age &lt; 18”（即“公式”节点的表达式）。留空：保留所有行。</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>The key columns: one output row per combination of their values.</source>
        <translation>键列：其值的每种组合输出一行。</translation>
    </message>
    <message>
        <source>The columns to aggregate. Empty: every other column.</source>
        <translation>要聚合的列。留空：其余所有列。</translation>
    </message>
    <message>
        <source>Aggregates</source>
        <translation>聚合</translation>
    </message>
    <message>
        <source>Comma-separated: count, sum, mean, median, min, max, std, first, distinct. Columns named &quot;column_aggregate&quot;.</source>
        <translation>以逗号分隔：count、sum、mean、median、min、max、std、first、distinct。生成的列命名为“column_aggregate”。</translation>
    </message>
    <message>
        <source>Row count</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Add a column &quot;rows&quot; with each group&apos;s number of rows.</source>
        <translation>添加一列“rows”，给出每组的行数。</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>inner: rows whose keys are in both tables; left / right: every row of that table; outer: every row of both.</source>
        <translation>inner：键在两个表中都存在的行；left / right：该表的所有行；outer：两个表的所有行。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>The key columns of the left table.</source>
        <translation>左表的键列。</translation>
    </message>
    <message>
        <source>Right keys</source>
        <translation>右表键</translation>
    </message>
    <message>
        <source>The key columns of the right table, in the same order. Empty: the same names as the left keys.</source>
        <translation>右表的键列，顺序与左表相同。留空：与左表键同名。</translation>
    </message>
    <message>
        <source>Left suffix</source>
        <translation>左后缀</translation>
    </message>
    <message>
        <source>Added to a left column whose name the right table also has.</source>
        <translation>当右表也有同名列时，添加到左表列名后的后缀。</translation>
    </message>
    <message>
        <source>Right suffix</source>
        <translation>右后缀</translation>
    </message>
    <message>
        <source>Added to a right column whose name the left table also has.</source>
        <translation>当左表也有同名列时，添加到右表列名后的后缀。</translation>
    </message>
    <message>
        <source>Missing keys match</source>
        <translation>缺失键相互匹配</translation>
    </message>
    <message>
        <source>Missing key cells match each other, as in pandas; off: they match nothing, as in SQL.</source>
        <translation>缺失的键单元格彼此匹配，与 pandas 相同；关闭：它们不与任何值匹配，与 SQL 相同。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>isolation_forest: rows that random splits isolate quickly; local_outlier_factor: rows in sparser places than their neighbours; robust_covariance: rows far from a robust Gaussian fit (minimum covariance determinant).</source>
        <translation>isolation_forest（孤立森林）：随机划分能迅速孤立的行；local_outlier_factor（局部离群因子）：所处位置比其邻居更稀疏的行；robust_covariance（稳健协方差）：远离稳健高斯拟合（最小协方差行列式）的行。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>flag: add the columns outlier (no/yes) and outlier_score; remove: drop the outlier rows.</source>
        <translation>flag：添加 outlier（no/yes）和 outlier_score 两列；remove：删除离群点所在的行。</translation>
    </message>
    <message>
        <source>Contamination</source>
        <translation>污染比例</translation>
    </message>
    <message>
        <source>Share of the rows called outliers (those with the highest scores).</source>
        <translation>被判为离群点的行所占比例（即得分最高的那些行）。</translation>
    </message>
    <message>
        <source>Columns the detector looks at. Empty: every feature column (not the target, not ignored ones).</source>
        <translation>检测器考察的列。留空：所有特征列（不包括目标变量和被忽略的列）。</translation>
    </message>
    <message>
        <source>Scale numeric columns to mean 0 and standard deviation 1 first, so no column dominates the distances (robust covariance does not depend on scale).</source>
        <translation>先将数值列缩放为均值 0、标准差 1，使任何一列都不会主导距离（稳健协方差不受尺度影响）。</translation>
    </message>
    <message>
        <source>Neighbours</source>
        <translation>邻居数</translation>
    </message>
    <message>
        <source>Local outlier factor: neighbours compared with.</source>
        <translation>局部离群因子：用于比较的邻居数。</translation>
    </message>
    <message>
        <source>Isolation forest: number of trees (each on 256 rows).</source>
        <translation>孤立森林：树的数量（每棵树基于 256 行）。</translation>
    </message>
    <message>
        <source>Isolation forest subsamples and splits, robust covariance starts.</source>
        <translation>孤立森林的子抽样与划分、稳健协方差的初始点。</translation>
    </message>
    <message>
        <source>Columns whose values make the rows.</source>
        <translation>其值构成行的列。</translation>
    </message>
    <message>
        <source>Columns from</source>
        <translation>列取自</translation>
    </message>
    <message>
        <source>The column whose values make the columns.</source>
        <translation>其值构成列的列。</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The column aggregated in each cell.</source>
        <translation>在每个单元格中聚合的列。</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>聚合方式</translation>
    </message>
    <message>
        <source>What each cell holds: the aggregate of the values of its rows (std: sample standard deviation; distinct: number of distinct values).</source>
        <translation>每个单元格的内容：其对应各行的值的聚合结果（std：样本标准差；distinct：不同值的个数）。</translation>
    </message>
    <message>
        <source>auto goes by the file&apos;s extension (.tsv or .tab: TSV, .arff: ARFF, .xlsx: Excel, anything else: CSV). ARFF keeps the column types and categories; CSV, TSV and Excel keep names, numbers, dates and missing cells.</source>
        <translation>auto 按文件扩展名判断（.tsv 或 .tab：TSV，.arff：ARFF，.xlsx：Excel，其他：CSV）。ARFF 保留列类型和类别；CSV、TSV 和 Excel 保留名称、数值、日期和缺失单元格。</translation>
    </message>
    <message>
        <source>grid: every combination; random: `trials` combinations drawn at random; bayesian: `trials` combinations, each chosen by expected improvement on a Gaussian process fitted to the scores so far.</source>
        <translation>grid：所有组合；random：随机抽取 `trials` 个组合；bayesian：`trials` 个组合，每个组合根据对迄今得分拟合的高斯过程按期望改进选出。</translation>
    </message>
    <message>
        <source>Random and Bayesian search: number of combinations tried.</source>
        <translation>随机搜索和贝叶斯搜索：尝试的组合数。</translation>
    </message>
    <message>
        <source>auto: missing numeric cells are filled with the training mean and numeric features are standardized (mean 0, variance 1), as this learner compares distances or gradients; steps already in the pipeline (Impute, Standardize or Min-Max Scale upstream) are not repeated, and the steps are saved with the model. none: the table is used as it is. Categorical columns are one-hot encoded either way.</source>
        <translation>auto：数值列的缺失单元格用训练集均值填充，数值特征进行标准化（均值 0，方差 1），因为此学习器要比较距离或梯度；流水线中已有的步骤（上游的“插补”“标准化”或“最小-最大缩放”）不会重复执行，这些步骤随模型一起保存。none：按原样使用该表。无论哪种方式，分类列都会进行独热编码。</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>One or more &apos;name = expression&apos; separated by &apos;;&apos;, e.g. &quot;ratio = income / size; group = cut(age, [0, 18, 65, 120], [young, adult, senior]); m = month(date)&quot;. Functions: log exp sqrt abs pow min max round floor ceil if is_missing, lower upper contains substr len str num, year month day weekday hour, cut. &apos;name:categorical = ...&apos; forces the type.</source>
        <translation>一个或多个 &apos;name = expression&apos;，以 &apos;;&apos; 分隔，例如 “ratio = income / size; group = cut(age, [0, 18, 65, 120], [young, adult, senior]); m = month(date)”。函数：log exp sqrt abs pow min max round floor ceil if is_missing，lower upper contains substr len str num，year month day weekday hour，cut。&apos;name:categorical = ...&apos; 可强制指定类型。</translation>
    </message>
    <message>
        <source>Where the tree is cut: the number of clusters kept. Dragging the cut line in the view sets it.</source>
        <translation>树的切割位置：保留的聚类数。在视图中拖动切割线即可设置。</translation>
    </message>
    <message>
        <source>Leaf labels</source>
        <translation>叶节点标签</translation>
    </message>
    <message>
        <source>Column whose values name the leaves. Empty: row numbers.</source>
        <translation>其值用作叶节点名称的列。留空：使用行号。</translation>
    </message>
    <message>
        <source>Scale each column to mean 0 and variance 1 before distances, so that a column in large units does not dominate.</source>
        <translation>计算距离前将每列缩放为均值 0、方差 1，使单位较大的列不会占主导。</translation>
    </message>
    <message>
        <source>Numeric columns to show. Empty: every numeric column but the target.</source>
        <translation>要显示的数值列。留空：除目标变量外的所有数值列。</translation>
    </message>
    <message>
        <source>Row annotation</source>
        <translation>行注释</translation>
    </message>
    <message>
        <source>Categorical column shown as a colour strip beside the rows. Empty: the table&apos;s categorical target, if any.</source>
        <translation>在行旁显示为颜色条的分类列。留空：使用该表的分类目标变量（如有）。</translation>
    </message>
    <message>
        <source>Linkage of the clusterings that order rows and columns (euclidean distances of the standardized values).</source>
        <translation>用于对行和列排序的聚类的链接方式（基于标准化值的欧氏距离）。</translation>
    </message>
    <message>
        <source>Cluster rows</source>
        <translation>对行聚类</translation>
    </message>
    <message>
        <source>Order the rows by hierarchical clustering with optimal leaf ordering; off: grouped by class, in table order.</source>
        <translation>按层次聚类并采用最优叶节点排序对行排序；关闭：按类别分组，保持表中顺序。</translation>
    </message>
    <message>
        <source>Cluster columns</source>
        <translation>对列聚类</translation>
    </message>
    <message>
        <source>Order the columns by hierarchical clustering with optimal leaf ordering; off: in the order chosen.</source>
        <translation>按层次聚类并采用最优叶节点排序对列排序；关闭：按所选顺序。</translation>
    </message>
    <message>
        <source>Most rows clustered</source>
        <translation>最多聚类行数</translation>
    </message>
    <message>
        <source>The row ordering&apos;s work grows with the cube of the rows: above this many rows they are grouped by class instead (with a warning). 1,000 rows take about a second.</source>
        <translation>行排序的计算量随行数的立方增长：超过此行数时改为按类别分组（并给出警告）。1,000 行约需一秒。</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Date or numeric column along the horizontal axis; the rows are drawn in its order. Empty: the first date column, else the row number.</source>
        <translation>沿横轴的日期列或数值列；各行按其顺序绘制。留空：第一个日期列，若无则为行号。</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Numeric columns drawn as lines. Empty: the numeric columns that are not the x, the target or dates (the first 8).</source>
        <translation>绘制为折线的数值列。留空：除 x、目标变量和日期外的数值列（前 8 个）。</translation>
    </message>
    <message>
        <source>Rolling mean</source>
        <translation>滚动平均</translation>
    </message>
    <message>
        <source>Also draw each series&apos; mean over this many points (a window with a missing value has none); 0 or 1: no rolling mean.</source>
        <translation>同时绘制每个序列在这么多个点上的均值（含缺失值的窗口不计算均值）；0 或 1：不绘制滚动平均。</translation>
    </message>
    <message>
        <source>One colour</source>
        <translation>单一颜色</translation>
    </message>
    <message>
        <source>Draw every point in one colour: no colour column, not even the automatic one.</source>
        <translation>所有点都用同一种颜色绘制：不使用颜色列，包括自动选择的颜色列。</translation>
    </message>
    <message>
        <source>Numeric columns to embed. Empty: every numeric column but the target.</source>
        <translation>要嵌入的数值列。留空：除目标变量外的所有数值列。</translation>
    </message>
    <message>
        <source>Scale each column to mean 0 and variance 1 first.</source>
        <translation>先将每列缩放为均值 0、方差 1。</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>About how many neighbours each row keeps close (below the number of rows).</source>
        <translation>每一行大约保持多少个邻居靠近（须小于行数）。</translation>
    </message>
    <message>
        <source>Early exaggeration</source>
        <translation>早期夸大系数</translation>
    </message>
    <message>
        <source>How strongly clusters pull together in the first 250 iterations.</source>
        <translation>在前 250 次迭代中聚类彼此聚拢的强度。</translation>
    </message>
    <message>
        <source>Step size; 0: automatic, max(rows / exaggeration / 4, 50), as scikit-learn.</source>
        <translation>步长；0：自动，取 max(rows / exaggeration / 4, 50)，与 scikit-learn 相同。</translation>
    </message>
    <message>
        <source>Most iterations, the first 250 with exaggeration.</source>
        <translation>最大迭代次数，其中前 250 次使用夸大系数。</translation>
    </message>
    <message>
        <source>Barnes-Hut angle</source>
        <translation>Barnes-Hut 角度</translation>
    </message>
    <message>
        <source>Accuracy of the repulsive forces: lower is more exact and slower; 0 computes every pair.</source>
        <translation>斥力计算的精度：越低越精确、越慢；0 表示计算每一对点。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>pca: the first two principal components (stable across runs); random: a seeded random start.</source>
        <translation>pca：前两个主成分（多次运行结果稳定）；random：带种子的随机初始化。</translation>
    </message>
    <message>
        <source>Seed of the random start.</source>
        <translation>随机初始化的种子。</translation>
    </message>
    <message>
        <source>Above this many complete rows the node refuses (the neighbour search grows with the square of the rows): sample first.</source>
        <translation>完整行数超过此值时节点拒绝运行（邻居搜索随行数的平方增长）：请先抽样。</translation>
    </message>
    <message>
        <source>classical: the top eigenvectors of the double-centred squared distances (deterministic; up to 10,000 rows); smacof: metric stress majorization as scikit-learn&apos;s MDS (up to 5,000 rows).</source>
        <translation>classical：双中心化平方距离矩阵的前几个特征向量（确定性；最多 10,000 行）；smacof：与 scikit-learn 的 MDS 相同的度量型应力优化（SMACOF，最多 5,000 行）。</translation>
    </message>
    <message>
        <source>Dimensions of the embedding; the scatter shows the first two.</source>
        <translation>嵌入的维数；散点图显示前两维。</translation>
    </message>
    <message>
        <source>SMACOF&apos;s start: the classical solution (one run; the default, as Orange&apos;s Torgerson start: it ends at a far lower stress than random starts on most data), or random (seeded, the best of Runs, as scikit-learn&apos;s MDS).</source>
        <translation>SMACOF 的初始值：经典 MDS 的解（运行一次；默认值，与 Orange 的 Torgerson 初始化相同：在多数数据上得到的应力远低于随机初始化），或 random（随机初始化，使用种子，取各次运行中最好的一次，与 scikit-learn 的 MDS 相同）。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>SMACOF runs from different random starts; the one with the lowest stress is kept.</source>
        <translation>从不同随机初始值运行 SMACOF 的次数；保留应力最低的一次。</translation>
    </message>
    <message>
        <source>Most SMACOF iterations per run.</source>
        <translation>每次运行 SMACOF 的最大迭代次数。</translation>
    </message>
    <message>
        <source>A SMACOF run stops when its stress (relative to the size of the embedding) falls by less than this in an iteration, as scikit-learn.</source>
        <translation>当一次迭代中应力（相对于嵌入的尺度）的下降小于此值时，SMACOF 运行停止，与 scikit-learn 相同。</translation>
    </message>
    <message>
        <source>Seed of SMACOF&apos;s random starts.</source>
        <translation>SMACOF 随机初始值的随机种子。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The folder of class subfolders (FOLDER/cat/1.png, FOLDER/dog/1.png...). A relative path is taken from the folder of the workflow file.</source>
        <translation>按类别分子文件夹的文件夹（FOLDER/cat/1.png、FOLDER/dog/1.png…）。相对路径从工作流文件所在的文件夹算起。</translation>
    </message>
    <message>
        <source>pixels: the image resized to width x height, each value in [0, 1]; histogram: the fraction of the image&apos;s pixels in each of &apos;bins&apos; intensity bins per channel; hog: the histogram of oriented gradients of the grey image resized to width x height.</source>
        <translation>pixels：将图像缩放为 宽 × 高，每个值在 [0, 1] 内；histogram：每个通道中各强度区间（区间数由“直方图区间数”给出）内像素所占的比例；hog：缩放为 宽 × 高 的灰度图像的方向梯度直方图（HOG）。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>The width, in pixels, images are resized to for pixels and HOG (a multiple of the HOG cell size).</source>
        <translation>用于 pixels 与 HOG 时图像缩放到的宽度（像素，须为 HOG 单元大小的倍数）。</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>The height, in pixels, images are resized to for pixels and HOG (a multiple of the HOG cell size).</source>
        <translation>用于 pixels 与 HOG 时图像缩放到的高度（像素，须为 HOG 单元大小的倍数）。</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>grey: one intensity per pixel; colour: red, green and blue; auto: grey pixels and a colour histogram. HOG is always computed on grey.</source>
        <translation>grey：每个像素一个强度值；colour：红、绿、蓝三通道；auto：像素用灰度，直方图用彩色。HOG 总是在灰度图上计算。</translation>
    </message>
    <message>
        <source>Histogram bins</source>
        <translation>直方图区间数</translation>
    </message>
    <message>
        <source>Histogram: the number of equal bins over 0..255 per channel.</source>
        <translation>直方图：每个通道在 0..255 上等宽区间的个数。</translation>
    </message>
    <message>
        <source>HOG cell size</source>
        <translation>HOG 单元大小</translation>
    </message>
    <message>
        <source>HOG: the side of a cell in pixels; blocks are 2 x 2 cells, moved by one cell.</source>
        <translation>HOG：单元的边长（像素）；块为 2 × 2 个单元，每次移动一个单元。</translation>
    </message>
    <message>
        <source>HOG orientations</source>
        <translation>HOG 方向数</translation>
    </message>
    <message>
        <source>HOG: the number of gradient orientation bins over 0..180 degrees.</source>
        <translation>HOG：在 0..180 度范围内梯度方向区间的个数。</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>Which tree of an ensemble is drawn (0 = the first). A boosted model with more than two classes grows one tree per class and iteration: tree = iteration × classes + class.</source>
        <translation>绘制集成模型中的哪一棵树（0 = 第一棵）。类别数多于两个的提升模型每次迭代为每个类别各生成一棵树：树 = 迭代 × 类别数 + 类别。</translation>
    </message>
    <message>
        <source>Max depth</source>
        <translation>最大深度</translation>
    </message>
    <message>
        <source>Deepest level drawn (the root is depth 0); the splits below are folded into a … marker with the number of nodes they hold.</source>
        <translation>绘制的最深层级（根节点深度为 0）；更深的分裂折叠为一个“…”标记，并注明其中的节点数。</translation>
    </message>
    <message>
        <source>Only trial</source>
        <translation>仅试验</translation>
    </message>
    <message>
        <source>0: every trial. N: plan the search as usual but run only trial N (grid and random search), so that `sextant sweep --grid &apos;NODE.only_trial=1,2,...&apos;` spreads the trials over a pool or a Slurm job array; its metrics row is the one the whole search gives for that trial.</source>
        <translation>0：所有试验。N：照常规划搜索，但只运行第 N 个试验（网格和随机搜索），这样 `sextant sweep --grid &apos;NODE.only_trial=1,2,...&apos;` 可把试验分散到进程池或 Slurm 作业数组；其指标行与整个搜索中该试验的行相同。</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>local: the trials run on this machine, in parallel. slurm: every trial of a grid or random search is a task of one Slurm job array (a `sextant run` of this workflow with only_trial set); the table fills in as the tasks finish, and the best trial is refitted here. Stop or Cancel cancels the array.</source>
        <translation>local：试验在本机并行运行。slurm：网格或随机搜索的每个试验都是一个 Slurm 作业数组中的一个任务（设置了 only_trial 的此工作流的一次 `sextant run`）；任务完成时表格随之填充，最佳试验在本机重新拟合。停止或取消会取消该作业数组。</translation>
    </message>
    <message>
        <source>Slurm partition</source>
        <translation>Slurm 分区</translation>
    </message>
    <message>
        <source>Slurm time limit</source>
        <translation>Slurm 时间限制</translation>
    </message>
    <message>
        <source>Run on Slurm: each task&apos;s time limit, MINUTES, HH:MM:SS or DAYS-HH:MM:SS (empty: the partition&apos;s).</source>
        <translation>在 Slurm 上运行：每个任务的时间限制，分钟数、HH:MM:SS 或 天-HH:MM:SS（留空：分区的限制）。</translation>
    </message>
    <message>
        <source>Slurm CPUs per task</source>
        <translation>Slurm 每任务 CPU 数</translation>
    </message>
    <message>
        <source>Run on Slurm: cores per task; a task uses that many threads (0: Slurm&apos;s default, one).</source>
        <translation>在 Slurm 上运行：每个任务的核心数；任务使用同样多的线程（0：Slurm 的默认值，一个）。</translation>
    </message>
    <message>
        <source>Slurm memory</source>
        <translation>Slurm 内存</translation>
    </message>
    <message>
        <source>Run on Slurm: memory per task, in megabytes or with K, M, G or T (empty: the default).</source>
        <translation>在 Slurm 上运行：每个任务的内存，以兆字节为单位或带 K、M、G、T 后缀（留空：默认值）。</translation>
    </message>
    <message>
        <source>Slurm folder</source>
        <translation>Slurm 文件夹</translation>
    </message>
    <message>
        <source>Run on Slurm: the partition the tasks go to (empty: the one set in the studio&apos;s Preferences, else the cluster&apos;s default).</source>
        <translation>在 Slurm 上运行：任务提交到的分区（留空：工作室首选项中设置的分区，否则为集群的默认分区）。</translation>
    </message>
    <message>
        <source>Run on Slurm: where each run&apos;s folder is made (the workflow, copies of the files it reads, one folder per task), on a file system the cluster&apos;s nodes share (empty: the one set in the studio&apos;s Preferences, else Sextant&apos;s data folder in your home).</source>
        <translation>在 Slurm 上运行：每次运行的文件夹创建在何处（工作流、其读取文件的副本、每个任务一个文件夹），须位于集群各节点共享的文件系统上（留空：工作室首选项中设置的文件夹，否则为您主目录中 Sextant 的数据文件夹）。</translation>
    </message>
    <message>
        <source>Every leaf keeps at least this many rows, but never more than a quarter of the training rows, so a table of a few dozen rows still gets splits; larger values make smoother models.</source>
        <translation>每个叶节点至少保留这么多行，但绝不超过训练行数的四分之一，因此只有几十行的表仍能分裂；值越大，模型越平滑。</translation>
    </message>
    <message>
        <source>Only fold</source>
        <translation>仅此折</translation>
    </message>
    <message>
        <source>0: every fold. N: make the folds as usual but fit and predict only fold N, so that `sextant sweep --grid &apos;NODE.only_fold=1,2,...&apos;` spreads the folds over a pool or a Slurm job array; its metrics row is the one the whole cross-validation gives that fold, its predictions that fold&apos;s rows.</source>
        <translation>0：所有折。N：照常划分各折，但只拟合并预测第 N 折，这样 `sextant sweep --grid &apos;NODE.only_fold=1,2,...&apos;` 就能把各折分配到进程池或 Slurm 作业数组；其指标行与完整交叉验证中该折的一行相同，其预测为该折的行。</translation>
    </message>
    <message>
        <source>local: the folds run on this machine, in parallel. slurm: every fold is a task of one Slurm job array (a `sextant run` of this workflow with only_fold set); the monitor counts the folds as the tasks finish, and the table and out-of-fold predictions are assembled here, the same as on this machine. Stop or Cancel cancels the array.</source>
        <translation>local：各折在本机并行运行。slurm：每一折是一个 Slurm 作业数组中的任务（设置了 only_fold 的本工作流的 `sextant run`）；监视器随任务完成计数各折，表格和折外预测在此处汇总，与在本机运行时相同。停止或取消会取消该作业数组。</translation>
    </message>
    <message>
        <source>Refit the best</source>
        <translation>重新拟合最佳参数</translation>
    </message>
    <message>
        <source>Refit the best parameters on every row for the model output. Off: no model output, only the trials table (what a task of a search spread over processes needs; run_on slurm turns it off in its tasks).</source>
        <translation>用最佳参数在所有行上重新拟合，作为模型输出。关闭：没有模型输出，只有试验表（分布到多个进程的搜索中的任务只需要它；run_on slurm 会在其任务中关闭此项）。</translation>
    </message>
    <message>
        <source>Neighbours consulted for each prediction. auto (0): chosen by leave-one-out on the training rows, the k from 1 to 30 that predicts them best from their neighbours (the larger on a tie; at most 2,000 evenly spaced rows are scored), as Weka&apos;s IBk -X does.</source>
        <translation>每次预测参考的近邻数。auto (0)：在训练行上用留一法选择，取 1 到 30 中最能由近邻预测这些行的 k（并列时取较大者；最多评估 2,000 个均匀分布的行），与 Weka 的 IBk -X 相同。</translation>
    </message>
    <message>
        <source>Categorical columns</source>
        <translation>分类列</translation>
    </message>
    <message>
        <source>subsets: a node splits a categorical column&apos;s categories into two groups (CART&apos;s nominal splits; a missing cell is a category of its own); one_hot: each category is a 0/1 column of its own, a split separates one category from the rest.</source>
        <translation>subsets：一个节点把分类列的类别分成两组（CART 的名义属性划分；缺失单元格自成一类）；one_hot：每个类别是一个单独的 0/1 列，一次划分把一个类别与其余类别分开。</translation>
    </message>
</context>
<context>
    <name>NodePort</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The training table.</source>
        <translation>训练表。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The fitted model with the table&apos;s preprocessing.</source>
        <translation>拟合好的模型及该表的预处理。</translation>
    </message>
    <message>
        <source>The table with a &apos;cluster&apos; column added.</source>
        <translation>添加了“cluster”列的表。</translation>
    </message>
    <message>
        <source>The table read from the file.</source>
        <translation>从文件读取的表。</translation>
    </message>
    <message>
        <source>The trained model read from the file.</source>
        <translation>从文件读取的已训练模型。</translation>
    </message>
    <message>
        <source>Top features</source>
        <translation>最佳特征</translation>
    </message>
    <message>
        <source>The k best features and every column that is not a feature.</source>
        <translation>最好的 k 个特征以及所有非特征列。</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>One row per feature, best first.</source>
        <translation>每个特征一行，最好的在前。</translation>
    </message>
    <message>
        <source>The table to write.</source>
        <translation>要写入的表。</translation>
    </message>
    <message>
        <source>The selected columns with their roles.</source>
        <translation>所选列及其角色。</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Model 1</source>
        <translation>模型 1</translation>
    </message>
    <message>
        <source>Model 2</source>
        <translation>模型 2</translation>
    </message>
    <message>
        <source>Model 3</source>
        <translation>模型 3</translation>
    </message>
    <message>
        <source>Model 4</source>
        <translation>模型 4</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Out-of-fold predictions.</source>
        <translation>折外预测。</translation>
    </message>
    <message>
        <source>Held-out data</source>
        <translation>留出数据</translation>
    </message>
    <message>
        <source>Rows the model did not train on, with the target column.</source>
        <translation>模型未用于训练的行，包含目标列。</translation>
    </message>
    <message>
        <source>Importances</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>One row per feature: mean and standard deviation of the score drop over the repeats, and each repeat&apos;s drop.</source>
        <translation>每个特征一行：多次重复中得分下降的均值和标准差，以及每次重复的下降值。</translation>
    </message>
    <message>
        <source>Rows to predict; columns are matched by name.</source>
        <translation>要预测的行；按名称匹配列。</translation>
    </message>
    <message>
        <source>The input with the prediction columns appended.</source>
        <translation>附加了预测列的输入表。</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>The learner to tune (its other parameters are kept).</source>
        <translation>要调优的学习器（其他参数保持不变）。</translation>
    </message>
    <message>
        <source>Best model</source>
        <translation>最佳模型</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>The model&apos;s own feature importances, one row per feature, largest first (impurity decrease for trees, standardized coefficients for linear models).</source>
        <translation>模型自身的特征重要性，每个特征一行，从大到小（树模型为不纯度下降，线性模型为标准化系数）。</translation>
    </message>
    <message>
        <source>The transformed table; it remembers the fitted step.</source>
        <translation>变换后的表；它会记住拟合好的步骤。</translation>
    </message>
    <message>
        <source>Table 1</source>
        <translation>表 1</translation>
    </message>
    <message>
        <source>Table 2</source>
        <translation>表 2</translation>
    </message>
    <message>
        <source>Table 3</source>
        <translation>表 3</translation>
    </message>
    <message>
        <source>Table 4</source>
        <translation>表 4</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左表</translation>
    </message>
    <message>
        <source>The left table; its rows come first.</source>
        <translation>左表；其行排在前面。</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右表</translation>
    </message>
    <message>
        <source>A trained model; it keeps a summary of its training table.</source>
        <translation>已训练的模型；它保留了训练表的摘要。</translation>
    </message>
    <message>
        <source>New rows to compare with the training table; columns are matched by name.</source>
        <translation>要与训练表比较的新行；按名称匹配列。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>One row per feature (and one for the predictions): statistic, p-value, PSI, missing rates, verdict and a drifted flag.</source>
        <translation>每个特征一行（另有一行针对预测结果）：统计量、p 值、PSI、缺失率、结论以及是否漂移的标记。</translation>
    </message>
    <message>
        <source>Clustered</source>
        <translation>聚类结果</translation>
    </message>
    <message>
        <source>The input with a &quot;cluster&quot; column (the clusters below the cut).</source>
        <translation>附加了“cluster”列（切割线以下的聚类）的输入。</translation>
    </message>
    <message>
        <source>Embedded</source>
        <translation>嵌入结果</translation>
    </message>
    <message>
        <source>The input with columns &quot;t-SNE 1&quot; and &quot;t-SNE 2&quot;.</source>
        <translation>附加了“t-SNE 1”和“t-SNE 2”两列的输入。</translation>
    </message>
    <message>
        <source>The input with columns &quot;MDS 1&quot;, &quot;MDS 2&quot;, ...</source>
        <translation>输入表加上“MDS 1”“MDS 2”…等列</translation>
    </message>
    <message>
        <source>One row per image: path (meta), class (target) and the features.</source>
        <translation>每张图像一行：路径（元数据）、类别（目标变量）和特征。</translation>
    </message>
    <message>
        <source>A decision tree, random forest or gradient-boosting model.</source>
        <translation>决策树、随机森林或梯度提升模型。</translation>
    </message>
    <message>
        <source>Rows counted down the tree (e.g. the training table); without it the nodes show the model&apos;s class fractions or means.</source>
        <translation>沿树向下统计的数据行（例如训练表）；不连接时，各节点显示模型保存的类别比例或均值。</translation>
    </message>
</context>
<context>
    <name>NodeType</name>
    <message>
        <source>Cluster</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>DBSCAN</source>
        <translation>DBSCAN</translation>
    </message>
    <message>
        <source>Density-based clusters; rows in sparse regions are noise.</source>
        <translation>基于密度的聚类；稀疏区域中的行视为噪声。</translation>
    </message>
    <message>
        <source>Gaussian Mixture</source>
        <translation>高斯混合模型</translation>
    </message>
    <message>
        <source>A mixture of normal distributions fitted by EM.</source>
        <translation>用 EM 算法拟合的正态分布混合模型。</translation>
    </message>
    <message>
        <source>Hierarchical Clustering</source>
        <translation>层次聚类</translation>
    </message>
    <message>
        <source>Agglomerative clustering (up to 20,000 rows).</source>
        <translation>凝聚式聚类（最多 20,000 行）。</translation>
    </message>
    <message>
        <source>k-Means</source>
        <translation>k 均值</translation>
    </message>
    <message>
        <source>k-means clustering with k-means++ initialisation.</source>
        <translation>使用 k-means++ 初始化的 k 均值聚类。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Filter Rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Drops rows with missing values and/or keeps the rows matching a condition.</source>
        <translation>删除含缺失值的行，和/或保留满足条件的行。</translation>
    </message>
    <message>
        <source>Model File</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Reads a trained model saved as a Sextant model file (.sxmodel).</source>
        <translation>读取保存为 Sextant 模型文件（.sxmodel）的已训练模型。</translation>
    </message>
    <message>
        <source>Rank Features</source>
        <translation>特征评分</translation>
    </message>
    <message>
        <source>Scores each feature against the class (information gain, gain ratio, Gini, ANOVA F, chi-squared, mutual information, ReliefF) and keeps the k best.</source>
        <translation>按类别为每个特征评分（信息增益、增益率、基尼系数、ANOVA F、卡方、互信息、ReliefF），并保留最好的 k 个。</translation>
    </message>
    <message>
        <source>Save Data</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <source>Select Columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>Keeps the chosen columns and sets which column is the target and which are ignored.</source>
        <translation>保留所选列，并设定哪一列为目标变量、哪些列被忽略。</translation>
    </message>
    <message>
        <source>Selected Rows</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source>The rows selected in the views of its input table: a histogram bar, a confusion-matrix cell, a rectangle or lasso in the scatter, rows of the data table.</source>
        <translation>在其输入表的视图中选中的行：直方图柱、混淆矩阵单元格、散点图中的矩形或套索、数据表中的行。</translation>
    </message>
    <message>
        <source>Train/Test Split</source>
        <translation>训练/测试划分</translation>
    </message>
    <message>
        <source>Splits the rows at random into a training and a test table.</source>
        <translation>将行随机划分为训练表和测试表。</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Cluster Quality</source>
        <translation>聚类质量</translation>
    </message>
    <message>
        <source>Inertia, silhouette and (against known classes) the adjusted Rand index of a clustering.</source>
        <translation>聚类的惯性、轮廓系数以及（与已知类别对比的）调整兰德指数。</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>比较模型</translation>
    </message>
    <message>
        <source>Cross-validates several models on the same folds and lists their scores side by side.</source>
        <translation>在相同的折上对多个模型做交叉验证，并并列显示其得分。</translation>
    </message>
    <message>
        <source>Cross-Validation</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <source>k-fold cross-validation of a model and its preprocessing.</source>
        <translation>对模型及其预处理做 k 折交叉验证。</translation>
    </message>
    <message>
        <source>Permutation Importance</source>
        <translation>置换重要性</translation>
    </message>
    <message>
        <source>How much the model&apos;s score drops when one column&apos;s values are shuffled, on held-out rows: the importance of every feature for any model.</source>
        <translation>在留出行上打乱某一列的值时模型得分下降多少：适用于任何模型的各特征重要性。</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Applies a trained model, with its preprocessing, to a table.</source>
        <translation>将已训练的模型（连同其预处理）应用到表格上。</translation>
    </message>
    <message>
        <source>Test on Held-out Data</source>
        <translation>在留出数据上测试</translation>
    </message>
    <message>
        <source>Scores a trained model on rows it did not see.</source>
        <translation>在模型未见过的行上评估已训练模型。</translation>
    </message>
    <message>
        <source>Tune Parameters</source>
        <translation>参数调优</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Decision Tree</source>
        <translation>决策树</translation>
    </message>
    <message>
        <source>A CART tree (Gini/entropy for classes, squared error for values).</source>
        <translation>CART 决策树（分类用基尼系数/熵，回归用平方误差）。</translation>
    </message>
    <message>
        <source>Gradient Boosting</source>
        <translation>梯度提升</translation>
    </message>
    <message>
        <source>Histogram-based gradient-boosted trees.</source>
        <translation>基于直方图的梯度提升树。</translation>
    </message>
    <message>
        <source>Linear Regression</source>
        <translation>线性回归</translation>
    </message>
    <message>
        <source>Ordinary least squares, or ridge regression with alpha &gt; 0.</source>
        <translation>普通最小二乘，alpha &gt; 0 时为岭回归。</translation>
    </message>
    <message>
        <source>Logistic Regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <source>Binary or multinomial logistic regression with an L2 penalty, fitted by L-BFGS.</source>
        <translation>带 L2 惩罚的二分类或多分类逻辑回归，用 L-BFGS 拟合。</translation>
    </message>
    <message>
        <source>Naive Bayes</source>
        <translation>朴素贝叶斯</translation>
    </message>
    <message>
        <source>Naive Bayes for mixed data: nominal features by their category counts, numeric features by a normal (or kernel) density per class; missing values are left out.</source>
        <translation>适用于混合数据的朴素贝叶斯：名义特征按类别计数，数值特征按每个类别的正态（或核）密度；缺失值不参与计算。</translation>
    </message>
    <message>
        <source>Neural Network (MLP)</source>
        <translation>神经网络（MLP）</translation>
    </message>
    <message>
        <source>Multilayer perceptron trained with Adam or SGD with momentum.</source>
        <translation>用 Adam 或带动量的 SGD 训练的多层感知机。</translation>
    </message>
    <message>
        <source>Random Forest</source>
        <translation>随机森林</translation>
    </message>
    <message>
        <source>Bagged decision trees with random feature subsets, built in parallel.</source>
        <translation>采用装袋法和随机特征子集并行构建的决策树集成。</translation>
    </message>
    <message>
        <source>Support Vector Machine</source>
        <translation>支持向量机</translation>
    </message>
    <message>
        <source>SVM classification or regression with a linear or RBF kernel.</source>
        <translation>使用线性核或 RBF 核的 SVM 分类或回归。</translation>
    </message>
    <message>
        <source>k-Nearest Neighbours</source>
        <translation>k 近邻</translation>
    </message>
    <message>
        <source>Predicts from the k closest training rows.</source>
        <translation>根据 k 个最近的训练行进行预测。</translation>
    </message>
    <message>
        <source>Preprocess</source>
        <translation>预处理</translation>
    </message>
    <message>
        <source>Discretize</source>
        <translation>离散化</translation>
    </message>
    <message>
        <source>Cuts numeric columns into bins of equal width or equal frequency.</source>
        <translation>将数值列划分为等宽或等频的分箱。</translation>
    </message>
    <message>
        <source>Impute</source>
        <translation>插补</translation>
    </message>
    <message>
        <source>Fills missing cells with the mean, median, most frequent value or a constant learnt from the training rows.</source>
        <translation>用从训练行学到的均值、中位数、众数或常数填充缺失单元格。</translation>
    </message>
    <message>
        <source>Min-Max Scale</source>
        <translation>最小-最大缩放</translation>
    </message>
    <message>
        <source>Scales numeric columns linearly into a range ([0, 1] by default).</source>
        <translation>将数值列线性缩放到某个范围（默认 [0, 1]）。</translation>
    </message>
    <message>
        <source>One-Hot Encode</source>
        <translation>独热编码</translation>
    </message>
    <message>
        <source>Replaces each categorical column by one 0/1 column per category; categories unseen in training encode as zeros.</source>
        <translation>将每个分类列替换为每个类别一列 0/1；训练中未出现的类别编码为全 0。</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>主成分分析（PCA）</translation>
    </message>
    <message>
        <source>Replaces numeric columns by their principal components.</source>
        <translation>用主成分替换数值列。</translation>
    </message>
    <message>
        <source>Polynomial Features</source>
        <translation>多项式特征</translation>
    </message>
    <message>
        <source>Adds products of numeric columns (squares and pairwise products for degree 2).</source>
        <translation>添加数值列的乘积（2 次时为平方项和两两乘积）。</translation>
    </message>
    <message>
        <source>Standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Centres numeric columns on their mean and scales them to unit standard deviation.</source>
        <translation>将数值列减去均值并缩放为单位标准差。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Box Plot</source>
        <translation>箱线图</translation>
    </message>
    <message>
        <source>Quartiles, whiskers and outliers (or violins: the density) of numeric columns, split by a categorical column.</source>
        <translation>数值列的四分位数、须线和离群值（或小提琴图：密度），按分类列拆分。</translation>
    </message>
    <message>
        <source>Calibration Curve</source>
        <translation>校准曲线</translation>
    </message>
    <message>
        <source>Reliability diagram: the fraction of positives against the mean predicted probability, per probability bin.</source>
        <translation>可靠性图：每个概率分箱中正例比例与平均预测概率的关系。</translation>
    </message>
    <message>
        <source>Confusion Matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Counts of true vs predicted classes.</source>
        <translation>真实类别与预测类别的计数。</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Pearson correlation between numeric columns, shown as a heat map.</source>
        <translation>数值列之间的皮尔逊相关系数，以热图显示。</translation>
    </message>
    <message>
        <source>Data Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Shows a table: its rows, columns and column roles.</source>
        <translation>显示表格：其行、列和列角色。</translation>
    </message>
    <message>
        <source>Feature Importance</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <source>Bar chart of feature importances (largest first), with the spread over the repeats of a permutation importance.</source>
        <translation>特征重要性条形图（从大到小），并显示置换重要性在多次重复中的波动。</translation>
    </message>
    <message>
        <source>Feature Ranking</source>
        <translation>特征排序</translation>
    </message>
    <message>
        <source>Bar chart and table of Rank Features&apos; scores.</source>
        <translation>“特征评分”结果的条形图和表格。</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Counts the values of one column in bins (one bin per category for a categorical column).</source>
        <translation>按分箱统计某一列的值（分类列每个类别一个分箱）。</translation>
    </message>
    <message>
        <source>Lift Curve</source>
        <translation>提升曲线</translation>
    </message>
    <message>
        <source>Cumulative gains (share of positives found) or lift against the share of rows taken, highest probability first.</source>
        <translation>累积增益（已找到正例的比例）或提升度与所取行比例的关系，按概率从高到低。</translation>
    </message>
    <message>
        <source>Metrics Table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <source>Shows evaluation figures as a table.</source>
        <translation>以表格显示评估指标。</translation>
    </message>
    <message>
        <source>Precision-Recall Curve</source>
        <translation>精确率-召回率曲线</translation>
    </message>
    <message>
        <source>Precision-recall curve per class (one-vs-rest).</source>
        <translation>每个类别的精确率-召回率曲线（一对其余）。</translation>
    </message>
    <message>
        <source>ROC Curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>ROC curve per class (one-vs-rest) with its AUC.</source>
        <translation>每个类别的 ROC 曲线（一对其余）及其 AUC。</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Residuals against predicted values (regression).</source>
        <translation>残差与预测值的关系（回归）。</translation>
    </message>
    <message>
        <source>Scatter Plot</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Plots one column against another, coloured by a third.</source>
        <translation>绘制一列对另一列的散点图，并按第三列着色。</translation>
    </message>
    <message>
        <source>Scatter Plot Matrix</source>
        <translation>散点图矩阵</translation>
    </message>
    <message>
        <source>Scatter plots of every pair of up to ten numeric columns, histograms on the diagonal, coloured by class.</source>
        <translation>最多十个数值列两两之间的散点图，对角线为直方图，按类别着色。</translation>
    </message>
    <message>
        <source>Silhouette Plot</source>
        <translation>轮廓图</translation>
    </message>
    <message>
        <source>How well each row sits in its cluster (silhouette coefficient), sorted within clusters, with the mean.</source>
        <translation>每行与其所属聚类的契合程度（轮廓系数），在聚类内排序，并给出均值。</translation>
    </message>
    <message>
        <source>Concatenate</source>
        <translation>拼接</translation>
    </message>
    <message>
        <source>Stacks the rows of several tables; a column one table lacks gets missing cells there.</source>
        <translation>将多个表的行堆叠在一起；某个表缺少的列在该表对应位置为缺失单元格。</translation>
    </message>
    <message>
        <source>Reads a dataset from a CSV/TSV, ARFF, LIBSVM or Excel (.xlsx) file, or a table or query of a SQLite database.</source>
        <translation>从 CSV/TSV、ARFF、LIBSVM 或 Excel（.xlsx）文件，或从 SQLite 数据库的表或查询中读取数据集。</translation>
    </message>
    <message>
        <source>Group By</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>One row per group of the key columns, with counts, sums, means, medians... of the other columns.</source>
        <translation>按键列每组输出一行，包含其他列的计数、总和、均值、中位数等。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Joins two tables on one or more key columns (inner, left, right or full outer join).</source>
        <translation>按一个或多个键列连接两个表（内连接、左连接、右连接或全外连接）。</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>离群点</translation>
    </message>
    <message>
        <source>Flags or removes unusual rows: isolation forest, local outlier factor or robust covariance.</source>
        <translation>标记或删除异常的行：孤立森林、局部离群因子或稳健协方差。</translation>
    </message>
    <message>
        <source>Pivot</source>
        <translation>数据透视表</translation>
    </message>
    <message>
        <source>A pivot table: one row per value of the row columns, one column per value of the column, an aggregate in each cell.</source>
        <translation>数据透视表：行依据列的每个取值对应一行，列依据列的每个取值对应一列，每个单元格为一个聚合值。</translation>
    </message>
    <message>
        <source>Writes a table to a CSV, TSV, ARFF or Excel (.xlsx) file.</source>
        <translation>将表写入 CSV、TSV、ARFF 或 Excel（.xlsx）文件。</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Compares new rows with the model&apos;s training table: PSI, Kolmogorov-Smirnov and chi-square per feature, missing rates, unseen categories and the prediction shift, with a verdict per feature.</source>
        <translation>将新行与模型的训练表进行比较：每个特征的 PSI、Kolmogorov-Smirnov 和卡方检验、缺失率、未见过的类别以及预测偏移，并给出每个特征的结论。</translation>
    </message>
    <message>
        <source>Grid, random or Bayesian search over a model&apos;s parameters with cross-validation; outputs the best model.</source>
        <translation>结合交叉验证对模型参数进行网格、随机或贝叶斯搜索；输出最佳模型。</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>New or replaced columns from expressions over the row: arithmetic, comparisons, if(), log/sqrt/round..., text functions, date parts, cut() for bins.</source>
        <translation>由基于行的表达式生成新列或替换列：算术运算、比较、if()、log/sqrt/round...、文本函数、日期成分、用于分箱的 cut()。</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>树状图</translation>
    </message>
    <message>
        <source>Hierarchical clustering drawn as a tree; drag the cut line to choose the clusters, which the output table carries in a &quot;cluster&quot; column.</source>
        <translation>以树的形式绘制层次聚类；拖动切割线来选择聚类，输出表以“cluster”列给出聚类结果。</translation>
    </message>
    <message>
        <source>Drift View</source>
        <translation>漂移视图</translation>
    </message>
    <message>
        <source>Heat Map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Every row and column of the data as colours (each column standardized), rows and columns ordered by hierarchical clustering, the class beside the rows.</source>
        <translation>以颜色显示数据的每一行和每一列（每列均已标准化），行和列按层次聚类排序，类别显示在行旁。</translation>
    </message>
    <message>
        <source>Line Plot</source>
        <translation>折线图</translation>
    </message>
    <message>
        <source>Numeric columns as lines against a date column, a numeric column or the row number, with an optional rolling mean.</source>
        <translation>以日期列、数值列或行号为横轴，将数值列绘制为折线，可选绘制滚动平均。</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Embeds the rows in two dimensions so that neighbours stay neighbours (t-SNE, Barnes-Hut), as a scatter and as two new columns.</source>
        <translation>将行嵌入二维空间，使邻居仍为邻居（t-SNE，Barnes-Hut），以散点图和两个新列的形式输出。</translation>
    </message>
    <message>
        <source>Bar chart of each feature&apos;s drift (PSI, by verdict) of new rows against the model&apos;s training table, with one feature&apos;s training and new histograms overlaid, and the report as JSON and CSV from sextant run.</source>
        <translation>新数据各特征相对于模型训练表的漂移条形图（PSI，按判定着色），并叠加显示某一特征在训练数据与新数据中的直方图；sextant run 另输出 JSON 与 CSV 格式的报告。</translation>
    </message>
    <message>
        <source>MDS</source>
        <translation>MDS（多维尺度分析）</translation>
    </message>
    <message>
        <source>Places the rows in a few dimensions so that their distances stay as in the data (multidimensional scaling: classical, or SMACOF), as a scatter and as new columns.</source>
        <translation>将各行放入少数几个维度中，使其相互距离与原数据中保持一致（多维尺度分析：经典 MDS 或 SMACOF），结果以散点图和新列给出。</translation>
    </message>
    <message>
        <source>Image Folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Reads a folder with one subfolder of images per class (PNG, JPEG, BMP, TIFF): one row per image, its path, its class as the target, and features made from its pixels, colour histogram or HOG descriptor.</source>
        <translation>读取按类别分子文件夹存放图像（PNG、JPEG、BMP、TIFF）的文件夹：每张图像一行，包括其路径、作为目标变量的类别，以及由像素、颜色直方图或 HOG 描述子得到的特征。</translation>
    </message>
    <message>
        <source>Tree Viewer</source>
        <translation>树查看器</translation>
    </message>
    <message>
        <source>One tree of a decision tree, random forest or gradient-boosting model, drawn node by node: each split, the rows reaching it and their classes (or the mean). Connect the training table to count its rows down the tree.</source>
        <translation>逐节点绘制决策树、随机森林或梯度提升模型中的一棵树：每个分裂、到达该节点的行及其类别（或均值）。连接训练表即可沿树统计其各行。</translation>
    </message>
</context>
<context>
    <name>ParameterSpec</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为%1，实际为%2</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>一个整数</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 太大</translation>
    </message>
    <message>
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限数</translation>
    </message>
    <message>
        <source>%1 is not an integer</source>
        <translation>%1 不是整数</translation>
    </message>
    <message>
        <source>%1 is below the minimum %2</source>
        <translation>%1 低于最小值 %2</translation>
    </message>
    <message>
        <source>%1 is above the maximum %2</source>
        <translation>%1 高于最大值 %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>one of: </source>
        <translation>以下之一：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2</source>
        <translation>“%1”不在可选值中：%2</translation>
    </message>
    <message>
        <source>a column name</source>
        <translation>一个列名</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation>JPEG 图像 (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Unknown export format for %1 (use .png, .jpg, .pdf or .svg)</source>
        <translation>%1 的导出格式未知（请使用 .png、.jpg、.pdf 或 .svg）</translation>
    </message>
    <message>
        <source>could not render the plot</source>
        <translation>无法渲染图表</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3 dpi</source>
        <translation>%1 × %2 像素，%3 dpi</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>缩放(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>PortType</name>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Delimited text (*.csv *.tsv *.tab *.txt *.data *.dat);;All files (*)</source>
        <translation>分隔文本 (*.csv *.tsv *.tab *.txt *.data *.dat);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Change the import options of %1</source>
        <translation>更改 %1 的导入选项</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>There is no table to export: open a dataset or select a node with a table output first.</source>
        <translation>没有可导出的表格：请先打开一个数据集，或选择一个有表格输出的节点。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Choose a Sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>Choose a Table</source>
        <translation>选择表</translation>
    </message>
    <message>
        <source>%1 has %2 sheets. Read:</source>
        <translation>%1 有 %2 个工作表。读取：</translation>
    </message>
    <message>
        <source>%1 has %2 tables. Read (the File node&apos;s SQL query can read any query instead):</source>
        <translation>%1 有 %2 个表。读取（“文件”节点的 SQL 查询可以改为读取任意查询）：</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>%1, target</source>
        <translation>%1，目标变量</translation>
    </message>
    <message>
        <source>%1, meta</source>
        <translation>%1，元数据</translation>
    </message>
</context>
<context>
    <name>TrainingUnit</name>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>次迭代</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>次迭代</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>棵树</translation>
    </message>
    <message>
        <source>trees</source>
        <translation>棵树</translation>
    </message>
    <message>
        <source>fold</source>
        <translation>折</translation>
    </message>
    <message>
        <source>folds</source>
        <translation>折</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>次试验</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>次试验</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>次合并</translation>
    </message>
    <message>
        <source>merges</source>
        <translation>次合并</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>sextant::app::AutoRun</name>
    <message>
        <source>&amp;Auto-run</source>
        <translation>自动运行(&amp;A)</translation>
    </message>
    <message>
        <source>Re-run what an edit changed, shortly after each edit</source>
        <translation>每次编辑后不久，重新运行受影响的部分</translation>
    </message>
</context>
<context>
    <name>sextant::app::Autosave</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>The recovered workflow could not be restored.
%1</source>
        <translation>无法恢复找回的工作流。
%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Sextant did not shut down properly. Unsaved changes to the workflow “%1” were saved automatically.</source>
        <translation>Sextant 未正常关闭。工作流“%1”的未保存更改已自动保存。</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 个节点</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <source>Last saved automatically: %1, %2.</source>
        <translation>上次自动保存：%1，%2。</translation>
    </message>
    <message>
        <source>Restore opens them as unsaved changes to %1; that file is only written when you save.</source>
        <translation>“恢复”会将其作为 %1 的未保存更改打开；只有保存时才会写入该文件。</translation>
    </message>
    <message>
        <source>Discard deletes the recovered copy.</source>
        <translation>“放弃”会删除找回的副本。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>sextant::app::EditMenu</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>sextant::app::ExampleCatalog</name>
    <message>
        <source>Classify wines</source>
        <translation>葡萄酒分类</translation>
    </message>
    <message>
        <source>Logistic regression, a random forest and a neural network compared by cross-validation, with ROC curves and a confusion matrix.</source>
        <translation>通过交叉验证比较逻辑回归、随机森林和神经网络，并给出 ROC 曲线和混淆矩阵。</translation>
    </message>
    <message>
        <source>Regression on the diabetes data: ridge regression against gradient boosting, residuals and feature importances.</source>
        <translation>糖尿病数据上的回归：岭回归与梯度提升对比，附残差和特征重要性。</translation>
    </message>
    <message>
        <source>k-means and hierarchical clustering without the labels, judged by a silhouette plot and a scatter coloured by cluster.</source>
        <translation>不使用标签进行 k 均值和层次聚类，并用轮廓图和按聚类着色的散点图评估。</translation>
    </message>
    <message>
        <source>Tune a classifier</source>
        <translation>调优分类器</translation>
    </message>
    <message>
        <source>A grid search over an SVM&apos;s C and gamma on the breast cancer data, each setting scored by 5-fold cross-validation.</source>
        <translation>在乳腺癌数据上对 SVM 的 C 和 gamma 进行网格搜索，每组设置用 5 折交叉验证评分。</translation>
    </message>
    <message>
        <source>Explore a dataset</source>
        <translation>探索数据集</translation>
    </message>
    <message>
        <source>The iris table, a histogram, the correlation matrix and a scatter plot of its columns.</source>
        <translation>鸢尾花数据表、直方图、相关矩阵以及各列的散点图。</translation>
    </message>
    <message>
        <source>Regression on diabetes</source>
        <translation>糖尿病数据回归</translation>
    </message>
    <message>
        <source>Cluster iris flowers</source>
        <translation>鸢尾花聚类</translation>
    </message>
    <message>
        <source>Engineer features</source>
        <translation>构造特征</translation>
    </message>
    <message>
        <source>Customers merged with their plans, a ratio, an age group and a signup month by formulas, then a random forest; a group-by and a pivot table beside it.</source>
        <translation>将客户与其套餐合并，用公式构造比率、年龄段和注册月份，再训练随机森林；旁边还有分组汇总和数据透视表。</translation>
    </message>
    <message>
        <source>Find outliers</source>
        <translation>查找离群点</translation>
    </message>
    <message>
        <source>Wine&apos;s unusual rows flagged by the local outlier factor in a scatter, and removed by an isolation forest before a cross-validated model.</source>
        <translation>用局部离群因子在散点图中标记葡萄酒数据中的异常行，并在交叉验证的模型之前用孤立森林将其移除。</translation>
    </message>
    <message>
        <source>Classify handwritten digits</source>
        <translation>手写数字分类</translation>
    </message>
    <message>
        <source>A folder of 5000 digit images read with HOG features, an SVM and k nearest neighbours scored by cross-validation (tools/make-digits-folder makes the folder).</source>
        <translation>包含 5000 张数字图像的文件夹，以 HOG 特征读取；用交叉验证评估 SVM 与 k 近邻（文件夹由 tools/make-digits-folder 生成）。</translation>
    </message>
</context>
<context>
    <name>sextant::app::ExportMenus</name>
    <message>
        <source>&amp;Export Plot</source>
        <translation>导出图表(&amp;E)</translation>
    </message>
    <message>
        <source>As &amp;PNG Image…</source>
        <translation>PNG 图像(&amp;P)…</translation>
    </message>
    <message>
        <source>As P&amp;DF (vector)…</source>
        <translation>PDF（矢量）(&amp;D)…</translation>
    </message>
    <message>
        <source>As &amp;SVG (vector)…</source>
        <translation>SVG（矢量）(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy Plot to Clipboard</source>
        <translation>复制图表到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>Export Trained &amp;Model</source>
        <translation>导出已训练模型(&amp;M)</translation>
    </message>
    <message>
        <source>Save Trained Model (.sxmodel)…</source>
        <translation>保存已训练模型 (.sxmodel)…</translation>
    </message>
    <message>
        <source>Select a model node that has run to save its model.</source>
        <translation>请选择一个已运行的模型节点以保存其模型。</translation>
    </message>
    <message>
        <source>Export as &amp;ONNX…</source>
        <translation>导出为 ONNX(&amp;O)…</translation>
    </message>
    <message>
        <source>Select a model node that has run to export its model.</source>
        <translation>请选择一个已运行的模型节点以导出其模型。</translation>
    </message>
    <message>
        <source>Save Trained Model…</source>
        <translation>保存已训练模型…</translation>
    </message>
    <message>
        <source>Export as ONNX…</source>
        <translation>导出为 ONNX…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Node %1 has no trained model yet: run the workflow first.</source>
        <translation>节点 %1 还没有已训练的模型：请先运行工作流。</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the report of the workflow&apos;s last run as HTML or PDF: the graph, the data, the models and their metrics, the plots</source>
        <translation>将工作流上一次运行的报告写为 HTML 或 PDF：流程图、数据、模型及其指标、图表</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>The workflow is running: export its report when the run has ended.</source>
        <translation>工作流正在运行：请在运行结束后再导出报告。</translation>
    </message>
    <message>
        <source>Nothing has run yet: run the workflow (Run › Run), then export its report.</source>
        <translation>尚未运行任何内容：请先运行工作流（运行 › 运行），再导出报告。</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML 报告 (*.html);;PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>A report is written as .html or .pdf: %1</source>
        <translation>报告只能写为 .html 或 .pdf：%1</translation>
    </message>
</context>
<context>
    <name>sextant::app::HelpMenu</name>
    <message>
        <source>&amp;Welcome</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>Your &amp;First Workflow</source>
        <translation>第一个工作流(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Node Reference</source>
        <translation>节点参考(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>sextant::app::HelpWindow</name>
    <message>
        <source>Sextant Help</source>
        <translation>Sextant 帮助</translation>
    </message>
    <message>
        <source>Your First Workflow</source>
        <translation>第一个工作流</translation>
    </message>
    <message>
        <source>Filter nodes…</source>
        <translation>筛选节点…</translation>
    </message>
    <message>
        <source>Node Reference</source>
        <translation>节点参考</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Your first workflow&lt;/h1&gt;&lt;p&gt;A workflow is a graph of nodes: data flows from a &lt;b&gt;File&lt;/b&gt; node through preprocessing and model nodes to the views that show results. Here is one that trains a classifier and tells you how good it is, in six steps.&lt;/p&gt;&lt;h3&gt;1. Open a dataset&lt;/h3&gt;&lt;p&gt;Drop a CSV, TSV, ARFF, LIBSVM or Excel file on the window, or use &lt;b&gt;File › Open Dataset…&lt;/b&gt;. It becomes a &lt;b&gt;File&lt;/b&gt; node, and the &lt;i&gt;Data&lt;/i&gt; tab shows its table. Try &lt;code&gt;iris.csv&lt;/code&gt; from the examples.&lt;/p&gt;&lt;h3&gt;2. Choose the target&lt;/h3&gt;&lt;p&gt;In the column list on the right, click the &lt;i&gt;Role&lt;/i&gt; cell of the column to predict (for iris: &lt;code&gt;species&lt;/code&gt;) and choose &lt;b&gt;target&lt;/b&gt;. Every other column is a feature.&lt;/p&gt;&lt;h3&gt;3. Split the rows&lt;/h3&gt;&lt;p&gt;Drag &lt;b&gt;Train/Test Split&lt;/b&gt; from the palette (category &lt;i&gt;Data&lt;/i&gt;) onto the canvas and connect the File node&apos;s output to its input: drag from the small circle on the right of one node to the circle on the left of the other.&lt;/p&gt;&lt;h3&gt;4. Add a model&lt;/h3&gt;&lt;p&gt;Add &lt;b&gt;Logistic Regression&lt;/b&gt; (category &lt;i&gt;Model&lt;/i&gt;) and connect the split&apos;s &lt;i&gt;Train&lt;/i&gt; output to it. Its parameters are in the &lt;i&gt;Properties&lt;/i&gt; panel; hover over one to read what it does.&lt;/p&gt;&lt;h3&gt;5. Evaluate&lt;/h3&gt;&lt;p&gt;Add &lt;b&gt;Test on Held-out Data&lt;/b&gt; (category &lt;i&gt;Evaluate&lt;/i&gt;): connect the model to its &lt;i&gt;Model&lt;/i&gt; input and the split&apos;s &lt;i&gt;Test&lt;/i&gt; output to its &lt;i&gt;Data&lt;/i&gt; input. Then add a &lt;b&gt;Confusion Matrix&lt;/b&gt; and a &lt;b&gt;Metrics&lt;/b&gt; view and connect them to its outputs.&lt;/p&gt;&lt;h3&gt;6. Run and look&lt;/h3&gt;&lt;p&gt;With &lt;i&gt;Auto-run&lt;/i&gt; on, the workflow runs by itself after each edit; otherwise press &lt;b&gt;F5&lt;/b&gt;. Double-click a view node to open its result in a tab. Change a parameter and watch the results follow.&lt;/p&gt;&lt;p&gt;Save the workflow with &lt;b&gt;Ctrl+S&lt;/b&gt;; &lt;code&gt;sextant run workflow.sextant&lt;/code&gt; runs it again without the studio. The examples on the welcome page (&lt;b&gt;Help › Welcome&lt;/b&gt;) are complete workflows to start from.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;第一个工作流&lt;/h1&gt;&lt;p&gt;工作流是由节点组成的图：数据从&lt;b&gt;文件&lt;/b&gt;节点出发，经过预处理和模型节点，流向显示结果的视图。下面用六步构建一个训练分类器并评估其效果的工作流。&lt;/p&gt;&lt;h3&gt;1. 打开数据集&lt;/h3&gt;&lt;p&gt;将 CSV、TSV、ARFF、LIBSVM 或 Excel 文件拖放到窗口上，或使用&lt;b&gt;文件 › 打开数据集…&lt;/b&gt;。它会成为一个&lt;b&gt;文件&lt;/b&gt;节点，&lt;i&gt;数据&lt;/i&gt;标签页显示其表格。可以试试示例中的 &lt;code&gt;iris.csv&lt;/code&gt;。&lt;/p&gt;&lt;h3&gt;2. 选择目标变量&lt;/h3&gt;&lt;p&gt;在右侧的列列表中，单击要预测的列（鸢尾花数据为 &lt;code&gt;species&lt;/code&gt;）的&lt;i&gt;角色&lt;/i&gt;单元格，选择&lt;b&gt;目标变量&lt;/b&gt;。其余各列都是特征。&lt;/p&gt;&lt;h3&gt;3. 划分数据行&lt;/h3&gt;&lt;p&gt;从节点面板（&lt;i&gt;数据&lt;/i&gt;类别）将&lt;b&gt;训练/测试划分&lt;/b&gt;拖到画布上，并将文件节点的输出连接到它的输入：从一个节点右侧的小圆圈拖到另一个节点左侧的圆圈。&lt;/p&gt;&lt;h3&gt;4. 添加模型&lt;/h3&gt;&lt;p&gt;添加&lt;b&gt;逻辑回归&lt;/b&gt;（&lt;i&gt;模型&lt;/i&gt;类别），并将划分节点的&lt;i&gt;训练集&lt;/i&gt;输出连接到它。其参数位于&lt;i&gt;属性&lt;/i&gt;面板中；将鼠标悬停在参数上即可查看说明。&lt;/p&gt;&lt;h3&gt;5. 评估&lt;/h3&gt;&lt;p&gt;添加&lt;b&gt;在留出数据上测试&lt;/b&gt;（&lt;i&gt;评估&lt;/i&gt;类别）：将模型连接到它的&lt;i&gt;模型&lt;/i&gt;输入，将划分节点的&lt;i&gt;测试集&lt;/i&gt;输出连接到它的&lt;i&gt;数据&lt;/i&gt;输入。然后添加&lt;b&gt;混淆矩阵&lt;/b&gt;和&lt;b&gt;指标&lt;/b&gt;视图，并连接到它的输出。&lt;/p&gt;&lt;h3&gt;6. 运行并查看&lt;/h3&gt;&lt;p&gt;开启&lt;i&gt;自动运行&lt;/i&gt;时，每次编辑后工作流会自动运行；否则请按 &lt;b&gt;F5&lt;/b&gt;。双击视图节点可在标签页中打开其结果。修改一个参数，观察结果随之变化。&lt;/p&gt;&lt;p&gt;按 &lt;b&gt;Ctrl+S&lt;/b&gt; 保存工作流；&lt;code&gt;sextant run workflow.sextant&lt;/code&gt; 可在不打开工作室的情况下再次运行它。欢迎页（&lt;b&gt;帮助 › 欢迎页&lt;/b&gt;）上的示例都是可直接使用的完整工作流。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
    <message>
        <source>Double-click the canvas</source>
        <translation>双击画布</translation>
    </message>
    <message>
        <source>add a node by typing its name</source>
        <translation>输入名称以添加节点</translation>
    </message>
    <message>
        <source>Drag from an output port to an input port</source>
        <translation>从输出端口拖到输入端口</translation>
    </message>
    <message>
        <source>connect two nodes</source>
        <translation>连接两个节点</translation>
    </message>
    <message>
        <source>Double-click a view node</source>
        <translation>双击视图节点</translation>
    </message>
    <message>
        <source>open its result in a tab</source>
        <translation>在标签页中打开其结果</translation>
    </message>
    <message>
        <source>Drag a file onto the window</source>
        <translation>将文件拖到窗口上</translation>
    </message>
    <message>
        <source>open a dataset or a workflow</source>
        <translation>打开数据集或工作流</translation>
    </message>
    <message>
        <source>Mouse wheel on a plot</source>
        <translation>在图表上滚动鼠标滚轮</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Drag on a plot</source>
        <translation>在图表上拖动</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Ctrl+drag on a plot</source>
        <translation>在图表上 Ctrl+拖动</translation>
    </message>
    <message>
        <source>zoom into a rectangle</source>
        <translation>放大到矩形区域</translation>
    </message>
    <message>
        <source>Double-click a plot</source>
        <translation>双击图表</translation>
    </message>
    <message>
        <source>reset the view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Shift+drag in the scatter plot</source>
        <translation>在散点图中 Shift+拖动</translation>
    </message>
    <message>
        <source>select the rows in a rectangle</source>
        <translation>选择矩形内的行</translation>
    </message>
    <message>
        <source>Alt+drag in the scatter plot</source>
        <translation>在散点图中 Alt+拖动</translation>
    </message>
    <message>
        <source>select the rows in a lasso</source>
        <translation>用套索选择行</translation>
    </message>
    <message>
        <source>Right-click a plot</source>
        <translation>右键单击图表</translation>
    </message>
    <message>
        <source>export it as PNG, PDF or SVG, or copy it</source>
        <translation>导出为 PNG、PDF 或 SVG，或复制</translation>
    </message>
</context>
<context>
    <name>sextant::app::LinkedSelection</name>
    <message>
        <source>1 row selected in %1</source>
        <translation>在 %1 中选中 1 行</translation>
    </message>
    <message>
        <source>%1 rows selected in %2</source>
        <translation>在 %2 中选中 %1 行</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1（节点 %2）</translation>
    </message>
    <message>
        <source>%1 — %2 (node %3)</source>
        <translation>%1 — %2（节点 %3）</translation>
    </message>
    <message>
        <source>Select Confusion Cell</source>
        <translation>选择混淆矩阵单元格</translation>
    </message>
    <message>
        <source>Select Silhouettes</source>
        <translation>选择轮廓</translation>
    </message>
    <message>
        <source>The selection of %1 does not fit its table: %2</source>
        <translation>%1 的选择与其表格不匹配：%2</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message numerus="yes">
        <source>Select %n Row(s)</source>
        <translation>
            <numerusform>选择 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Select Heat Map Rows</source>
        <translation>选择热图行</translation>
    </message>
    <message>
        <source>Select in Scatter Matrix</source>
        <translation>在散点图矩阵中选择</translation>
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
        <translation>数据</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>工作流</translation>
    </message>
    <message>
        <source>To see this result: %1.</source>
        <translation>要查看此结果：%1。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Principal components: %1</source>
        <translation>主成分：%1</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Split the bars by the classes of a categorical column</source>
        <translation>按分类列的类别拆分柱形</translation>
    </message>
    <message>
        <source>&amp;Split by:</source>
        <translation>拆分依据(&amp;S)：</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Load Warnings</source>
        <translation>加载警告</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a CSV, TSV, ARFF or LIBSVM file</source>
        <translation>打开 CSV、TSV、ARFF 或 LIBSVM 文件</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Open delimited text with a preview and its import options</source>
        <translation>带预览和导入选项地打开分隔文本</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the table the views show as CSV, TSV or ARFF</source>
        <translation>将视图显示的表格保存为 CSV、TSV 或 ARFF</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New Workflow</source>
        <translation>新建工作流(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty workflow</source>
        <translation>新建一个空工作流</translation>
    </message>
    <message>
        <source>Open &amp;Workflow…</source>
        <translation>打开工作流(&amp;W)…</translation>
    </message>
    <message>
        <source>Open a workflow file (.sextant)</source>
        <translation>打开工作流文件 (.sextant)</translation>
    </message>
    <message>
        <source>&amp;Save Workflow</source>
        <translation>保存工作流(&amp;S)</translation>
    </message>
    <message>
        <source>Save Workflow &amp;As…</source>
        <translation>工作流另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Sextant</source>
        <translation>关于 Sextant(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading this file</source>
        <translation>停止加载此文件</translation>
    </message>
    <message>
        <source>Drop a data file on the window, or use File › Open Dataset…</source>
        <translation>将数据文件拖放到窗口上，或使用 文件 › 打开数据集…</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>Computing statistics of %1…</source>
        <translation>正在计算 %1 的统计信息…</translation>
    </message>
    <message>
        <source>Could not load %1.
%2</source>
        <translation>无法加载 %1。
%2</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>无法加载 %1</translation>
    </message>
    <message>
        <source>Nothing to show for %1: %2</source>
        <translation>%1 没有可显示的内容：%2</translation>
    </message>
    <message>
        <source>%1 — removed from the workflow</source>
        <translation>%1 — 已从工作流中移除</translation>
    </message>
    <message>
        <source>%1 — of another workflow</source>
        <translation>%1 — 属于另一个工作流</translation>
    </message>
    <message>
        <source>To see the table of %1: %2.</source>
        <translation>要查看 %1 的表格：%2。</translation>
    </message>
    <message>
        <source>Loading %1 cancelled</source>
        <translation>已取消加载 %1</translation>
    </message>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 行 × %2 列</translation>
    </message>
    <message>
        <source>under a millisecond</source>
        <translation>不到一毫秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Showing %1 (%2)</source>
        <translation>正在显示 %1（%2）</translation>
    </message>
    <message>
        <source>%1 was loaded with a warning.</source>
        <translation>%1 已加载，有 1 条警告。</translation>
    </message>
    <message>
        <source>%1 was loaded with %2 warnings.</source>
        <translation>%1 已加载，有 %2 条警告。</translation>
    </message>
    <message>
        <source>Show Warnings</source>
        <translation>显示警告</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Opening %1 (one file at a time; %2 other files ignored)</source>
        <translation>正在打开 %1（一次只打开一个文件；已忽略其他 %2 个文件）</translation>
    </message>
    <message>
        <source>Restored unsaved changes to %1</source>
        <translation>已恢复对 %1 的未保存更改</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — Sextant</source>
        <translation>%1 — Sextant</translation>
    </message>
    <message>
        <source>About Sextant</source>
        <translation>关于 Sextant</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A native desktop studio for machine learning on tabular data.&lt;/p&gt;&lt;p&gt;Drop a CSV, TSV, ARFF or LIBSVM file on the window to look at it: the data table, the column statistics and the histogram of each column.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;面向表格数据机器学习的原生桌面工作室。&lt;/p&gt;&lt;p&gt;将 CSV、TSV、ARFF 或 LIBSVM 文件拖放到窗口上即可查看：数据表、各列统计信息以及每列的直方图。&lt;/p&gt;&lt;p&gt;基于 Qt %2 和 QCustomPlot 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop a data file here&lt;/p&gt;&lt;p&gt;CSV, TSV, ARFF or LIBSVM, or a folder of images sorted into class subfolders — or use &lt;b&gt;File › Open Dataset…&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;将数据文件拖放到此处&lt;/p&gt;&lt;p&gt;CSV、TSV、ARFF 或 LIBSVM，或按类别分子文件夹存放图像的文件夹——也可使用&lt;b&gt;文件 › 打开数据集…&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open &amp;Image Folder…</source>
        <translation>打开图像文件夹(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a folder with one subfolder of images per class as a table of features</source>
        <translation>将按类别分子文件夹存放图像的文件夹打开为特征表</translation>
    </message>
    <message>
        <source>Open Image Folder</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>Select a node to see its data here</source>
        <translation>选择一个节点，在此查看其数据</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1（节点 %2）</translation>
    </message>
    <message>
        <source>%1 — the input of %2</source>
        <translation>%1 — %2 的输入</translation>
    </message>
</context>
<context>
    <name>sextant::app::ModelSaver</name>
    <message>
        <source>Export Model as ONNX</source>
        <translation>将模型导出为 ONNX</translation>
    </message>
    <message>
        <source>Save Trained Model</source>
        <translation>保存已训练模型</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Sextant model (*.sxmodel)</source>
        <translation>Sextant 模型 (*.sxmodel)</translation>
    </message>
</context>
<context>
    <name>sextant::app::NodeInspector</name>
    <message>
        <source>PC1 (%1% of variance)</source>
        <translation>PC1（方差的 %1%）</translation>
    </message>
    <message>
        <source>PC2 (%1% of variance)</source>
        <translation>PC2（方差的 %1%）</translation>
    </message>
    <message>
        <source>connect the input “%1” of %2 #%3</source>
        <translation>连接 %2 #%3 的输入“%1”</translation>
    </message>
    <message>
        <source>choose the file of %1 #%2</source>
        <translation>为 %1 #%2 选择文件</translation>
    </message>
    <message>
        <source>%1 — %2 (node %3)</source>
        <translation>%1 — %2（节点 %3）</translation>
    </message>
    <message>
        <source>%1 (node %2)</source>
        <translation>%1（节点 %2）</translation>
    </message>
    <message>
        <source>the workflow could not be run</source>
        <translation>无法运行工作流</translation>
    </message>
    <message>
        <source>the node was removed</source>
        <translation>该节点已被移除</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>运行已取消</translation>
    </message>
    <message>
        <source>its output is not a table</source>
        <translation>其输出不是表格</translation>
    </message>
    <message>
        <source>choose the folder of %1 #%2</source>
        <translation>请选择 %1 #%2 的文件夹</translation>
    </message>
</context>
<context>
    <name>sextant::app::NodeReference</name>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>是/否</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>list of columns</source>
        <translation>列列表</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(all/automatic)</source>
        <translation>（全部/自动）</translation>
    </message>
    <message>
        <source>(none/automatic)</source>
        <translation>（无/自动）</translation>
    </message>
    <message>
        <source>Type id:</source>
        <translation>类型 ID：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>无参数。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Range or choices</source>
        <translation>范围或可选值</translation>
    </message>
    <message>
        <source>Node reference</source>
        <translation>节点参考</translation>
    </message>
    <message>
        <source>Every node type of this version of Sextant: what it does, what it takes and gives, and its parameters. The names in code font are what workflow files and `sextant run --set NODE.NAME=VALUE` use.</source>
        <translation>本版本 Sextant 的全部节点类型：功能、输入与输出以及参数。代码字体的名称用于工作流文件和 `sextant run --set 节点.名称=值`。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>sextant::app::PreferencesDialog</name>
    <message>
        <source>Run the out-of-date part of the workflow after each edit</source>
        <translation>每次编辑后运行工作流中过期的部分</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect when Sextant is started again.</source>
        <translation>新的语言将在下次启动 Sextant 时生效。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message numerus="yes">
        <source>Automatic (%n thread(s))</source>
        <translation>
            <numerusform>自动（%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>How many workflow nodes may run at the same time. Automatic uses one thread per processor Sextant may run on, no more than a Slurm task was given, or SEXTANT_THREADS where it is set.</source>
        <translation>可同时运行的工作流节点数。“自动”为 Sextant 可使用的每个处理器使用一个线程，不超过 Slurm 任务分得的数量；若设置了 SEXTANT_THREADS，则以其为准。</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
    <message>
        <source>Auto-run:</source>
        <translation>自动运行：</translation>
    </message>
    <message>
        <source>Sextant&apos;s data folder</source>
        <translation>Sextant 的数据文件夹</translation>
    </message>
    <message>
        <source>Slurm &amp;folder:</source>
        <translation>Slurm 文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>The cluster&apos;s default</source>
        <translation>集群的默认值</translation>
    </message>
    <message>
        <source>Slurm &amp;partition:</source>
        <translation>Slurm 分区(&amp;P)：</translation>
    </message>
    <message>
        <source>Tune Parameters and Cross-Validation on Slurm: where each run&apos;s folder is made when the node names none. It must be on a file system the cluster&apos;s nodes share (your home or scratch).</source>
        <translation>Slurm 上的参数调优与交叉验证：节点未指定时，每次运行的文件夹建在此处。它必须位于集群各节点共享的文件系统上（你的主目录或 scratch）。</translation>
    </message>
    <message>
        <source>Tune Parameters and Cross-Validation on Slurm: the partition the tasks go to when the node names none.</source>
        <translation>Slurm 上的参数调优与交叉验证：节点未指定时任务提交到的分区。</translation>
    </message>
</context>
<context>
    <name>sextant::app::RecentFiles</name>
    <message>
        <source>No Recent Files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>sextant::app::ResultTabs</name>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, node %2</source>
        <translation>%1，节点 %2</translation>
    </message>
    <message>
        <source>Close (double-click the node to show its result again)</source>
        <translation>关闭（双击节点可再次显示其结果）</translation>
    </message>
    <message>
        <source>Run the workflow to see this node&apos;s result.</source>
        <translation>运行工作流以查看此节点的结果。</translation>
    </message>
    <message>
        <source>There is no node %1.</source>
        <translation>不存在节点 %1。</translation>
    </message>
    <message>
        <source>Nothing can show this node&apos;s result.</source>
        <translation>无法显示此节点的结果。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
Shown by %2 (node %3): a double click on it reopens this tab.</source>
        <translation>%1
由 %2（节点 %3）显示：双击该节点可重新打开此标签页。</translation>
    </message>
    <message>
        <source>Out of date: the workflow changed since this was drawn.</source>
        <translation>已过期：绘制后工作流已更改。</translation>
    </message>
</context>
<context>
    <name>sextant::app::RunPathGuard</name>
    <message>
        <source>Files Outside the Workflow&apos;s Folder</source>
        <translation>工作流文件夹之外的文件</translation>
    </message>
    <message>
        <source>The workflow “%1” reads files outside its folder and the folders you opened data from:</source>
        <translation>工作流“%1”会读取其文件夹以及您打开数据的文件夹之外的文件：</translation>
    </message>
    <message>
        <source>Run it only if you trust where the workflow came from: it can copy what it reads into its results.</source>
        <translation>仅当您信任该工作流的来源时才运行：它可能会把读取的内容复制到结果中。</translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation>仍然运行</translation>
    </message>
</context>
<context>
    <name>sextant::app::ScatterChoiceWriter</name>
    <message>
        <source>Change %1 columns</source>
        <translation>更改 %1 列</translation>
    </message>
</context>
<context>
    <name>sextant::app::SelectionViews</name>
    <message>
        <source>Select Histogram Bar</source>
        <translation>选择直方图柱</translation>
    </message>
    <message>
        <source>Select Table Rows</source>
        <translation>选择表格行</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Select no rows (the Selected Rows node stays, empty)</source>
        <translation>不选择任何行（“所选行”节点保留，为空）</translation>
    </message>
    <message>
        <source>Select Scatter Points</source>
        <translation>选择散点</translation>
    </message>
</context>
<context>
    <name>sextant::app::WelcomePage</name>
    <message>
        <source>Welcome to Sextant</source>
        <translation>欢迎使用 Sextant</translation>
    </message>
    <message>
        <source>Explore a dataset, wire preprocessing, models and evaluation into a workflow, and train in the background. Version %1.</source>
        <translation>探索数据集，将预处理、模型和评估连接成工作流，并在后台训练。版本 %1。</translation>
    </message>
    <message>
        <source>Back to the Workflow</source>
        <translation>返回工作流</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>New Workflow</source>
        <translation>新建工作流</translation>
    </message>
    <message>
        <source>Open Workflow…</source>
        <translation>打开工作流…</translation>
    </message>
    <message>
        <source>Open Dataset…</source>
        <translation>打开数据集…</translation>
    </message>
    <message>
        <source>Or drop a CSV, TSV, ARFF, LIBSVM or Excel file anywhere on the window.</source>
        <translation>或将 CSV、TSV、ARFF、LIBSVM 或 Excel 文件拖放到窗口任意位置。</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Your first workflow, step by step</source>
        <translation>一步步创建第一个工作流</translation>
    </message>
    <message>
        <source>Node reference</source>
        <translation>节点参考</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Open one to see a complete workflow; it opens as an untitled copy, so the original stays as it is.</source>
        <translation>打开一个示例即可查看完整的工作流；它以未命名副本打开，原文件保持不变。</translation>
    </message>
    <message>
        <source>Nothing yet. The workflows and datasets you open will be listed here.</source>
        <translation>暂无内容。您打开的工作流和数据集将列在这里。</translation>
    </message>
    <message>
        <source>The example workflows were not found (looked for %1).</source>
        <translation>未找到示例工作流（查找位置：%1）。</translation>
    </message>
    <message>
        <source>Opened the example %1: an untitled copy, save it to keep your changes</source>
        <translation>已打开示例 %1：这是未命名副本，请保存以保留更改</translation>
    </message>
</context>
<context>
    <name>sextant::app::WorkflowDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved Workflow</source>
        <translation>未保存的工作流</translation>
    </message>
    <message>
        <source>The workflow “%1” has unsaved changes.</source>
        <translation>工作流“%1”有未保存的更改。</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>是否保存？</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>新建工作流</translation>
    </message>
    <message>
        <source>Open Workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <source>Sextant workflows (*.%1)</source>
        <translation>Sextant 工作流 (*.%1)</translation>
    </message>
    <message>
        <source>Could not open the workflow %1.
%2</source>
        <translation>无法打开工作流 %1。
%2</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Opened workflow %1</source>
        <translation>已打开工作流 %1</translation>
    </message>
    <message>
        <source>recovered workflow</source>
        <translation>找回的工作流</translation>
    </message>
    <message>
        <source>Save Workflow As</source>
        <translation>工作流另存为</translation>
    </message>
    <message>
        <source>Could not save the workflow.
%1</source>
        <translation>无法保存工作流。
%1</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Saved workflow %1</source>
        <translation>已保存工作流 %1</translation>
    </message>
    <message>
        <source>Keep relative file paths</source>
        <translation>保留相对文件路径</translation>
    </message>
</context>
<context>
    <name>sextant::cli::RunCommand</name>
    <message>
        <source> cached</source>
        <translation> 已缓存</translation>
    </message>
    <message>
        <source> running… done %1</source>
        <translation> 运行中… 完成 %1</translation>
    </message>
    <message>
        <source> (warning: %1)</source>
        <translation>（警告：%1）</translation>
    </message>
    <message>
        <source> running… FAILED after %1: %2</source>
        <translation> 运行中… %1 后失败：%2</translation>
    </message>
    <message>
        <source> skipped: %1</source>
        <translation> 已跳过：%1</translation>
    </message>
    <message>
        <source>Running %1 (1 node)</source>
        <translation>正在运行 %1（1 个节点）</translation>
    </message>
    <message>
        <source>Running %1 (%2 nodes)</source>
        <translation>正在运行 %1（%2 个节点）</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>OK: %1 of %2 nodes done in %3; outputs in %4</source>
        <translation>成功：%2 个节点中完成 %1 个，用时 %3；输出位于 %4</translation>
    </message>
    <message>
        <source>FAILED: %1 of %2 nodes done in %3; outputs in %4</source>
        <translation>失败：%2 个节点中完成 %1 个，用时 %3；输出位于 %4</translation>
    </message>
</context>
<context>
    <name>sextant::engine::ImageFeatures</name>
    <message>
        <source>the image size must be at least 1 x 1 pixels</source>
        <translation>图像尺寸至少为 1 × 1 像素</translation>
    </message>
    <message>
        <source>the histogram takes 1 to 256 bins per channel</source>
        <translation>直方图每个通道的区间数为 1 到 256</translation>
    </message>
    <message>
        <source>the HOG cell size and orientation bins must be at least 1</source>
        <translation>HOG 单元大小和方向区间数至少为 1</translation>
    </message>
    <message>
        <source>the size %1 x %2 is not a multiple of the HOG cell size %3</source>
        <translation>尺寸 %1 × %2 不是 HOG 单元大小 %3 的倍数</translation>
    </message>
    <message>
        <source>the size %1 x %2 holds less than 2 x 2 HOG cells of %3 pixels</source>
        <translation>尺寸 %1 × %2 容纳不下 2 × 2 个 %3 像素的 HOG 单元</translation>
    </message>
</context>
<context>
    <name>sextant::engine::ImageFolderReader</name>
    <message>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1 is not a folder (an image folder holds one subfolder of images per class)</source>
        <translation>%1 不是文件夹（图像文件夹应按类别分子文件夹存放图像）</translation>
    </message>
    <message>
        <source>%1 has no class subfolders: an image folder holds one subfolder of images per class (FOLDER/cat/1.png, FOLDER/dog/1.png...)</source>
        <translation>%1 没有类别子文件夹：图像文件夹应按类别分子文件夹存放图像（FOLDER/cat/1.png、FOLDER/dog/1.png…）</translation>
    </message>
    <message>
        <source>%1: its class subfolders (%2) hold no images (.png, .jpg, .jpeg, .bmp, .tif, .tiff)</source>
        <translation>%1：其类别子文件夹（%2）中没有图像（.png、.jpg、.jpeg、.bmp、.tif、.tiff）</translation>
    </message>
    <message>
        <source>read the images of %1</source>
        <translation>读取 %1 的图像</translation>
    </message>
    <message>
        <source>not a readable image, skipped</source>
        <translation>不是可读的图像，已跳过</translation>
    </message>
    <message>
        <source>class folder without images, skipped</source>
        <translation>类别文件夹中没有图像，已跳过</translation>
    </message>
    <message>
        <source>class folder without a readable image, skipped</source>
        <translation>类别文件夹中没有可读的图像，已跳过</translation>
    </message>
    <message>
        <source>%1 more unreadable images skipped</source>
        <translation>另有 %1 张无法读取的图像已跳过</translation>
    </message>
    <message>
        <source>%1: none of its %2 images could be read</source>
        <translation>%1：其 %2 张图像均无法读取</translation>
    </message>
</context>
<context>
    <name>sextant::engine::TrainingUpdate</name>
    <message>
        <source> of %1</source>
        <translation>（共 %1）</translation>
    </message>
    <message>
        <source>reached the iteration limit (%1)</source>
        <translation>达到迭代次数上限（%1）</translation>
    </message>
    <message>
        <source>1 %1</source>
        <translation>1 %1</translation>
    </message>
    <message>
        <source>all %1 %2</source>
        <translation>全部 %1 %2</translation>
    </message>
    <message>
        <source>converged (tolerance reached) after %1 %2</source>
        <translation>第 %2 %1后收敛（达到容差）</translation>
    </message>
    <message>
        <source>early stopping after %1 %2 (no improvement on the validation rows)</source>
        <translation>第 %2 %1后早停（验证行上没有改进）</translation>
    </message>
    <message>
        <source>Stop pressed after %1 %2%3</source>
        <translation>第 %2 %1后按下了停止%3</translation>
    </message>
    <message>
        <source>cancelled after %1 %2%3</source>
        <translation>第 %2 %1后取消%3</translation>
    </message>
    <message>
        <source>Cross-Validation: %1</source>
        <translation>交叉验证：%1</translation>
    </message>
    <message>
        <source>Tune: %1</source>
        <translation>调参：%1</translation>
    </message>
</context>
<context>
    <name>sextant::plots::BoxPlot</name>
    <message>
        <source>Column:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>箱线图</translation>
    </message>
    <message>
        <source>Violin plot</source>
        <translation>小提琴图</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <translation>按 %3 分组的 %2 的%1</translation>
    </message>
    <message>
        <source>%1: %2 values</source>
        <translation>%1：%2 个值</translation>
    </message>
    <message>
        <source>median %1, quartiles %2 – %3
whiskers %4 – %5, mean %6</source>
        <translation>中位数 %1，四分位数 %2 – %3
须线 %4 – %5，均值 %6</translation>
    </message>
    <message>
        <source>%1 outliers (min %2, max %3)</source>
        <translation>%1 个离群值（最小 %2，最大 %3）</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ConfusionMatrixPlot</name>
    <message>
        <source>&amp;Row-normalised</source>
        <translation>按行归一化(&amp;R)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Divide each row by the number of samples of its true class</source>
        <translation>每行除以其真实类别的样本数</translation>
    </message>
    <message>
        <source>Fraction of true class</source>
        <translation>占真实类别的比例</translation>
    </message>
    <message>
        <source>Confusion matrix — accuracy %1%</source>
        <translation>混淆矩阵 — 准确率 %1%</translation>
    </message>
    <message>
        <source>True: %1
Predicted: %2
%3 sample(s), %4% of true %1</source>
        <translation>真实：%1
预测：%2
%3 个样本，占真实 %1 的 %4%</translation>
    </message>
    <message>
        <source>Row-&amp;normalised</source>
        <translation>按行归一化(&amp;N)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::CorrelationHeatmap</name>
    <message>
        <source>Pearson r</source>
        <translation>皮尔逊 r</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>%1 × %2
r undefined (constant column or too few rows)</source>
        <translation>%1 × %2
r 无定义（常数列或行数太少）</translation>
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
        <translation>标准化值（z）</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows in %2 bands</source>
        <translation>%1 行，分为 %2 个条带</translation>
    </message>
    <message>
        <source>rows clustered</source>
        <translation>行已聚类</translation>
    </message>
    <message>
        <source>columns clustered</source>
        <translation>列已聚类</translation>
    </message>
    <message>
        <source>Heat map (%1, %2 linkage, optimal leaf order)</source>
        <translation>热图（%1，%2 链接，最优叶节点排序）</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1 rows (positions %2 to %3)</source>
        <translation>%1 行（位置 %2 至 %3）</translation>
    </message>
    <message>
        <source>%1
%2: missing</source>
        <translation>%1
%2：缺失</translation>
    </message>
    <message>
        <source>%1
%2: %3 (z = %4)%5</source>
        <translation>%1
%2：%3（z = %4）%5</translation>
    </message>
    <message>
        <source>, band mean</source>
        <translation>，条带均值</translation>
    </message>
</context>
<context>
    <name>sextant::plots::DendrogramPlot</name>
    <message>
        <source>Dendrogram</source>
        <translation>树状图</translation>
    </message>
    <message numerus="yes">
        <source>%n leaves</source>
        <translation>
            <numerusform>%n 个叶节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Distance (%1 linkage)</source>
        <translation>距离（%1 链接）</translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n 个聚类</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut at %1: %n clusters. Drag to change.</source>
        <translation>
            <numerusform>在 %1 处切割：%n 个聚类。拖动以更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
row %2, cluster %3</source>
        <translation>%1
第 %2 行，聚类 %3</translation>
    </message>
</context>
<context>
    <name>sextant::plots::DriftPlot</name>
    <message>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Population stability index (PSI)</source>
        <translation>群体稳定性指数（PSI）</translation>
    </message>
    <message>
        <source>(predictions)</source>
        <translation>（预测结果）</translation>
    </message>
    <message>
        <source>Drift: %1 of %2 drifted</source>
        <translation>漂移：%2 个中有 %1 个发生漂移</translation>
    </message>
    <message>
        <source>Drift against %1&apos;s training data: %2 of %3 drifted</source>
        <translation>相对于 %1 的训练数据的漂移：%3 个中有 %2 个发生漂移</translation>
    </message>
    <message>
        <source> (the largest %1)</source>
        <translation>（最大的 %1 个）</translation>
    </message>
    <message>
        <source>%1: %2
PSI %3</source>
        <translation>%1：%2
PSI %3</translation>
    </message>
    <message>
        <source>
chi-square %1 (df %2), p = %3</source>
        <translation>
卡方 %1（自由度 %2），p = %3</translation>
    </message>
    <message>
        <source>
KS %1, p = %2</source>
        <translation>
KS %1，p = %2</translation>
    </message>
    <message>
        <source>
missing: %1% in training, %2% here</source>
        <translation>
缺失：训练数据中 %1%，此处 %2%</translation>
    </message>
    <message>
        <source>
%1 rows with unseen categories</source>
        <translation>
%1 行含有未见过的类别</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>This data</source>
        <translation>当前数据</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Share of rows</source>
        <translation>行占比</translation>
    </message>
    <message>
        <source>%1: no distribution to compare</source>
        <translation>%1：没有可比较的分布</translation>
    </message>
    <message>
        <source>%1: training and this data (click a bar for another feature)</source>
        <translation>%1：训练数据与当前数据（点击条形可查看其他特征）</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ExplorationViews</name>
    <message>
        <source>Violin Plot</source>
        <translation>小提琴图</translation>
    </message>
    <message>
        <source>Box Plot</source>
        <translation>箱线图</translation>
    </message>
    <message>
        <source>Silhouette</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Cumulative Gains</source>
        <translation>累积增益</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Feature Ranking</source>
        <translation>特征排序</translation>
    </message>
    <message>
        <source>Scatter Matrix</source>
        <translation>散点图矩阵</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <translation>按 %3 分组的 %2 的%1</translation>
    </message>
    <message>
        <source>Silhouette of %1</source>
        <translation>%1 的轮廓</translation>
    </message>
    <message>
        <source>Feature Ranking against %1</source>
        <translation>相对于 %1 的特征排序</translation>
    </message>
    <message>
        <source>Scatter Matrix by %1</source>
        <translation>按 %1 着色的散点图矩阵</translation>
    </message>
    <message>
        <source>Line Plot</source>
        <translation>折线图</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Dendrogram</source>
        <translation>树状图</translation>
    </message>
    <message>
        <source>Heat Map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Line Plot of %1 by row</source>
        <translation>%1 的折线图（按行号）</translation>
    </message>
    <message>
        <source>Line Plot of %1 by %2</source>
        <translation>%1 的折线图（按 %2）</translation>
    </message>
    <message>
        <source>Drift of %1 rows: %2</source>
        <translation>%1 行的漂移：%2</translation>
    </message>
    <message>
        <source>drift found</source>
        <translation>发现漂移</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>无漂移</translation>
    </message>
    <message>
        <source>Heat Map by %1</source>
        <translation>按 %1 的热图</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>Tree %1 of %2 of %3 (%4 nodes, %5 leaves)</source>
        <translation>%3 的第 %1 棵树（共 %2 棵；%4 个节点，%5 个叶节点）</translation>
    </message>
    <message>
        <source>Tree of %1 (%2 nodes, %3 leaves)</source>
        <translation>%1 的树（%2 个节点，%3 个叶节点）</translation>
    </message>
</context>
<context>
    <name>sextant::plots::FeatureRankingPlot</name>
    <message>
        <source>Rank by:</source>
        <translation>排序依据：</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>未保留</translation>
    </message>
    <message>
        <source>Feature ranking</source>
        <translation>特征排序</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Features by %1</source>
        <translation>按 %1 排序的特征</translation>
    </message>
    <message>
        <source>Features by %1 against %2</source>
        <translation>相对于 %2 按 %1 排序的特征</translation>
    </message>
    <message>
        <source> (the best %1 of %2)</source>
        <translation>（%2 个中最好的 %1 个）</translation>
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
        <translation>数值列的等宽分箱数</translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation>分箱数(&amp;B)：</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>堆叠</translation>
    </message>
    <message>
        <source>Overlaid</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Stack the classes&apos; bars (they add up to the whole column) or overlay them (to compare their shapes)</source>
        <translation>堆叠各类别的柱形（合计为整列），或叠加显示（以比较其形状）</translation>
    </message>
    <message>
        <source>&amp;Classes:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Select a column to see its histogram</source>
        <translation>选择一列以查看其直方图</translation>
    </message>
    <message numerus="yes">
        <source>Other (%n classes)</source>
        <translation>
            <numerusform>其他（%n 个类别）</numerusform>
        </translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>Computing the histogram of %1 by %2…</source>
        <translation>正在按 %2 计算 %1 的直方图…</translation>
    </message>
    <message>
        <source>Computing the histogram of %1…</source>
        <translation>正在计算 %1 的直方图…</translation>
    </message>
    <message>
        <source>%1 (the %2 most frequent of %3 categories)</source>
        <translation>%1（%3 个类别中最常见的 %2 个）</translation>
    </message>
    <message>
        <source>%1 — %2 values, %3 missing</source>
        <translation>%1 — %2 个值，缺失 %3 个</translation>
    </message>
    <message>
        <source>%1 — %2 values</source>
        <translation>%1 — %2 个值</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，按 %2</translation>
    </message>
    <message>
        <source>%1
Count: %2</source>
        <translation>%1
计数：%2</translation>
    </message>
    <message>
        <source>Bin %1
Count: %2</source>
        <translation>分箱 %1
计数：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ImportancePlot</name>
    <message>
        <source>Feature importance</source>
        <translation>特征重要性</translation>
    </message>
    <message>
        <source> (top %1 of %2)</source>
        <translation>（%2 个中的前 %1 个）</translation>
    </message>
    <message>
        <source>
± %1 (standard deviation)</source>
        <translation>
± %1（标准差）</translation>
    </message>
</context>
<context>
    <name>sextant::plots::LinePlot</name>
    <message>
        <source>Line plot</source>
        <translation>折线图</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>%1 (rolling mean of %2)</source>
        <translation>%1（%2 点滚动平均）</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 按 %2</translation>
    </message>
    <message>
        <source> (%1 rows without %2 left out)</source>
        <translation>（已略去 %2 缺失的 %1 行）</translation>
    </message>
    <message>
        <source>%1
%2: %3
%4</source>
        <translation>%1
%2：%3
%4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::LiveCurvePlot</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Logarithmic y axis</source>
        <translation>对数 y 轴(&amp;L)</translation>
    </message>
    <message>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3：%4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::PlotView</name>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Could not export the plot to %1:
%2</source>
        <translation>无法将图表导出到 %1：
%2</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export as &amp;SVG…</source>
        <translation>导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset view</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::PrecisionRecallPlot</name>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>精确率-召回率曲线</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1 (AP undefined)</source>
        <translation>%1（AP 无定义）</translation>
    </message>
    <message>
        <source>%1 (AP = %2)</source>
        <translation>%1（AP = %2）</translation>
    </message>
    <message>
        <source>Precision-recall (one-vs-rest), mean AP = %1</source>
        <translation>精确率-召回率（一对其余），平均 AP = %1</translation>
    </message>
    <message>
        <source>Recall %1, precision %2</source>
        <translation>召回率 %1，精确率 %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ProbabilityCurvesPlot</name>
    <message>
        <source>Calibration curve</source>
        <translation>校准曲线</translation>
    </message>
    <message>
        <source>%1 (%2 rows, %3 positive)</source>
        <translation>%1（%2 行，%3 个正例）</translation>
    </message>
    <message>
        <source>%1 (%2 positive of %3)</source>
        <translation>%1（%3 个中 %2 个正例）</translation>
    </message>
    <message>
        <source>Perfectly calibrated</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Mean predicted probability</source>
        <translation>平均预测概率</translation>
    </message>
    <message>
        <source>Fraction of positives</source>
        <translation>正例比例</translation>
    </message>
    <message>
        <source>Calibration curve (%1 %2 bins)</source>
        <translation>校准曲线（%1，%2 个分箱）</translation>
    </message>
    <message>
        <source>Share of rows (highest probability first)</source>
        <translation>行的比例（按概率从高到低）</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Share of positives found</source>
        <translation>已找到的正例比例</translation>
    </message>
    <message>
        <source>Lift curve</source>
        <translation>提升曲线</translation>
    </message>
    <message>
        <source>Cumulative gains</source>
        <translation>累积增益</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>x %1, y %2</source>
        <translation>x %1，y %2</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ResidualPlot</name>
    <message>
        <source>Residuals vs predicted</source>
        <translation>残差与预测值</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Residual (actual − predicted)</source>
        <translation>残差（实际 − 预测）</translation>
    </message>
    <message>
        <source>Sample %1
predicted %2
actual %3
residual %4</source>
        <translation>样本 %1
预测 %2
实际 %3
残差 %4</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ResultViewFactory</name>
    <message>
        <source>Histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相关性</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>散点图</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>Precision-Recall</source>
        <translation>精确率-召回率</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>混淆</translation>
    </message>
    <message>
        <source>Residuals</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>%1 的直方图</translation>
    </message>
    <message>
        <source>Scatter of %1 against %2</source>
        <translation>%1 对 %2 的散点图</translation>
    </message>
    <message numerus="yes">
        <source>Dendrogram (%1 linkage, %n clusters)</source>
        <translation>
            <numerusform>树状图（%1 链接，%n 个聚类）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::plots::RocPlot</name>
    <message>
        <source>False positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1 (AUC undefined)</source>
        <translation>%1（AUC 无定义）</translation>
    </message>
    <message>
        <source>%1 (AUC = %2)</source>
        <translation>%1（AUC = %2）</translation>
    </message>
    <message>
        <source>ROC curves (one-vs-rest)</source>
        <translation>ROC 曲线（一对其余）</translation>
    </message>
    <message>
        <source>ROC curves (one-vs-rest), macro AUC = %1</source>
        <translation>ROC 曲线（一对其余），宏平均 AUC = %1</translation>
    </message>
    <message>
        <source>FPR %1, TPR %2</source>
        <translation>假正例率 %1，真正例率 %2</translation>
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
        <translation>横轴上的列</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Column on the vertical axis</source>
        <translation>纵轴上的列</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Colour by a column: classes get a palette and a legend, numbers a colour bar</source>
        <translation>按列着色：类别使用调色板和图例，数值使用颜色条</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Point size from a numeric column (smallest to largest value)</source>
        <translation>由数值列决定点的大小（从最小值到最大值）</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Point shape from a categorical column (the first %1 classes get their own shape)</source>
        <translation>由分类列决定点的形状（前 %1 个类别各有自己的形状）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Size and shape apply to points; this many points are drawn as density cells</source>
        <translation>大小和形状仅适用于点；这么多点将绘制为密度单元</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ScatterMatrixPlot</name>
    <message>
        <source>Scatter matrix</source>
        <translation>散点图矩阵</translation>
    </message>
    <message>
        <source>Scatter matrix, coloured by %1</source>
        <translation>散点图矩阵，按 %1 着色</translation>
    </message>
    <message>
        <source> (a sample of %1 of %2 rows)</source>
        <translation>（从 %2 行中抽样 %1 行）</translation>
    </message>
    <message>
        <source>Histogram of %1</source>
        <translation>%1 的直方图</translation>
    </message>
    <message>
        <source>%1 against %2
%3 = %4, %5 = %6</source>
        <translation>%1 对 %2
%3 = %4，%5 = %6</translation>
    </message>
</context>
<context>
    <name>sextant::plots::ScatterPlot</name>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>other (1 class)</source>
        <translation>其他（1 个类别）</translation>
    </message>
    <message>
        <source>other (%1 classes)</source>
        <translation>其他（%1 个类别）</translation>
    </message>
    <message>
        <source>Points per cell</source>
        <translation>每个单元的点数</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) here</source>
        <translation>
            <numerusform>此处有 %n 个点</numerusform>
        </translation>
    </message>
    <message>
        <source>Mostly %1 (%2%)</source>
        <translation>主要为 %1（%2%）</translation>
    </message>
    <message>
        <source>%1: %2 (%3%)</source>
        <translation>%1：%2（%3%）</translation>
    </message>
    <message>
        <source>Mean %1: %2</source>
        <translation>%1 均值：%2</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>… %n more column(s)</source>
        <translation>
            <numerusform>… 还有 %n 列</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag &amp;selects (Shift+drag always does)</source>
        <translation>拖动即选择(&amp;S)（Shift+拖动始终选择）</translation>
    </message>
    <message>
        <source>Select with a &amp;lasso (Alt+drag always does)</source>
        <translation>用套索选择(&amp;L)（Alt+拖动始终如此）</translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation>清除选择(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Blend class colours</source>
        <translation>混合类别颜色(&amp;B)</translation>
    </message>
</context>
<context>
    <name>sextant::plots::SilhouettePlot</name>
    <message>
        <source>Silhouette coefficient</source>
        <translation>轮廓系数</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选择</translation>
    </message>
    <message>
        <source>Silhouette plot</source>
        <translation>轮廓图</translation>
    </message>
    <message>
        <source>%1
mean %2</source>
        <translation>%1
均值 %2</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <source>Silhouette plot of %1 (%2 rows)</source>
        <translation>%1 的轮廓图（%2 行）</translation>
    </message>
    <message>
        <source>Silhouette plot of %1 (a sample of %2 of %3 rows)</source>
        <translation>%1 的轮廓图（从 %3 行中抽样 %2 行）</translation>
    </message>
    <message>
        <source>Select Negative Silhouettes</source>
        <translation>选择负轮廓值</translation>
    </message>
    <message>
        <source>Row %1, cluster %2
silhouette %3</source>
        <translation>第 %1 行，聚类 %2
轮廓值 %3</translation>
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
        <translation>样本数 = %1</translation>
    </message>
    <message>
        <source>value = %1</source>
        <translation>值 = %1</translation>
    </message>
    <message>
        <source>mean = %1</source>
        <translation>均值 = %1</translation>
    </message>
    <message>
        <source>score = %1</source>
        <translation>得分 = %1</translation>
    </message>
    <message>
        <source>class = %1</source>
        <translation>类别 = %1</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>true </source>
        <translation>是 </translation>
    </message>
    <message>
        <source> false</source>
        <translation> 否</translation>
    </message>
    <message numerus="yes">
        <source>… %n nodes</source>
        <translation>
            <numerusform>… %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n leaves)</source>
        <translation>
            <numerusform>（%n 个叶节点）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: tree %2 of %3</source>
        <translation>%1：第 %2 棵树（共 %3 棵）</translation>
    </message>
    <message>
        <source> (scores of %1)</source>
        <translation>（%1 的得分）</translation>
    </message>
    <message>
        <source>Leaf at depth %1</source>
        <translation>深度 %1 的叶节点</translation>
    </message>
    <message>
        <source>Split at depth %1</source>
        <translation>深度 %1 的分裂</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes below not drawn (max depth %1)</source>
        <translation>
            <numerusform>下方有 %n 个节点未绘制（最大深度 %1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::widgets</name>
    <message>
        <source>Make %1 the target</source>
        <translation>将 %1 设为目标变量</translation>
    </message>
    <message>
        <source>Make %1 a feature</source>
        <translation>将 %1 设为特征</translation>
    </message>
    <message>
        <source>Make %1 a meta column</source>
        <translation>将 %1 设为元数据列</translation>
    </message>
    <message>
        <source>Ignore %1</source>
        <translation>忽略 %1</translation>
    </message>
    <message>
        <source>Read %1 as categorical</source>
        <translation>将 %1 读作分类变量</translation>
    </message>
    <message>
        <source>Read %1 as numeric</source>
        <translation>将 %1 读作数值</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::AddNodeCommand</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ColumnListView</name>
    <message>
        <source>&amp;Target</source>
        <translation>目标变量(&amp;T)</translation>
    </message>
    <message>
        <source>The column models predict (one per table)</source>
        <translation>模型要预测的列（每个表一列）</translation>
    </message>
    <message>
        <source>&amp;Feature</source>
        <translation>特征(&amp;F)</translation>
    </message>
    <message>
        <source>An input of models</source>
        <translation>模型的输入</translation>
    </message>
    <message>
        <source>&amp;Meta</source>
        <translation>元数据(&amp;M)</translation>
    </message>
    <message>
        <source>Kept in the table, not used by models</source>
        <translation>保留在表中，但模型不使用</translation>
    </message>
    <message>
        <source>&amp;Ignored</source>
        <translation>忽略(&amp;I)</translation>
    </message>
    <message>
        <source>Dropped from the table: no later step sees it</source>
        <translation>从表中删除：后续步骤都看不到它</translation>
    </message>
    <message>
        <source>&amp;Numeric</source>
        <translation>数值(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Categorical</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ColumnSummaryModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>(kept in the table, not used by models)</source>
        <translation>（保留在表中，但模型不使用）</translation>
    </message>
    <message>
        <source>%1 present, %2 missing</source>
        <translation>%1 个有值，%2 个缺失</translation>
    </message>
    <message>
        <source>mean %1, std %2</source>
        <translation>均值 %1，标准差 %2</translation>
    </message>
    <message>
        <source>min %1, q1 %2, median %3, q3 %4, max %5</source>
        <translation>最小值 %1，Q1 %2，中位数 %3，Q3 %4，最大值 %5</translation>
    </message>
    <message>
        <source>%1 distinct</source>
        <translation>%1 个不同值</translation>
    </message>
    <message>
        <source>most frequent: %1 (%2)</source>
        <translation>最常见：%1（%2）</translation>
    </message>
    <message>
        <source>Few distinct integers: may be better read as categories.</source>
        <translation>不同的整数值很少：也许应读作类别。</translation>
    </message>
    <message>
        <source>ignored: dropped from the table, no later step sees it</source>
        <translation>已忽略：从表中删除，后续步骤都看不到它</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>众数</translation>
    </message>
    <message>
        <source>Sample standard deviation (n - 1)</source>
        <translation>样本标准差（n - 1）</translation>
    </message>
    <message>
        <source>Number of distinct present values</source>
        <translation>不同的非缺失值个数</translation>
    </message>
    <message>
        <source>Most frequent category and its count</source>
        <translation>最常见的类别及其计数</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标变量</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>meta</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ConnectCommand</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::CsvImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>auto (a count or title line)</source>
        <translation>自动（计数行或标题行）</translation>
    </message>
    <message>
        <source>Lines to skip:</source>
        <translation>跳过的行数：</translation>
    </message>
    <message>
        <source>NA, N/A, NaN, nan, ?, null, NULL, None</source>
        <translation>NA, N/A, NaN, nan, ?, null, NULL, None</translation>
    </message>
    <message>
        <source>Missing values:</source>
        <translation>缺失值：</translation>
    </message>
    <message>
        <source>Nothing to preview with these options.</source>
        <translation>使用这些选项无可预览的内容。</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>delimiter: %1</source>
        <translation>分隔符：%1</translation>
    </message>
    <message>
        <source>header row: yes</source>
        <translation>标题行：有</translation>
    </message>
    <message>
        <source>header row: none</source>
        <translation>标题行：无</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped</source>
        <translation>
            <numerusform>跳过了 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <source>%1 columns (%2 numeric)</source>
        <translation>%1 列（%2 列数值）</translation>
    </message>
    <message numerus="yes">
        <source>Read as: %1. The first %n row(s) of the file:</source>
        <translation>
            <numerusform>读取方式：%1。文件的前 %n 行：</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Give a column a type or a role; auto keeps what the file says.</source>
        <translation>为列指定类型或角色；auto 保留文件所给的设置。</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>categorical</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标变量</translation>
    </message>
    <message>
        <source>meta</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::DataTableView</name>
    <message>
        <source>Show &amp;Only Selected Rows</source>
        <translation>仅显示所选行(&amp;O)</translation>
    </message>
    <message>
        <source>Show only the rows selected in the views</source>
        <translation>仅显示在视图中选中的行</translation>
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
%2，%3</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺失 %1 个</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::DisconnectCommand</name>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::GraphEditor</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the whole workflow (Ctrl+R, F5)</source>
        <translation>运行整个工作流（Ctrl+R，F5）</translation>
    </message>
    <message>
        <source>Run to Here</source>
        <translation>运行到此处</translation>
    </message>
    <message>
        <source>Run the selected nodes and what they need (Shift+F5)</source>
        <translation>运行所选节点及其依赖（Shift+F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running workflow (Esc, Ctrl+.)</source>
        <translation>停止正在运行的工作流（Esc，Ctrl+.）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>删除所选节点和连接</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>复制所选节点</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste nodes</source>
        <translation>粘贴节点</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph (Home)</source>
        <translation>显示整个图（Home）</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Give the selected node a name of your own (F2)</source>
        <translation>为所选节点自定义名称（F2）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Unknown node type &quot;%1&quot;.</source>
        <translation>未知的节点类型“%1”。</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>无法添加 %1。</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>删除所选内容</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes to paste.</source>
        <translation>剪贴板中没有可粘贴的节点。</translation>
    </message>
    <message>
        <source>The node&apos;s name (Enter keeps it, Escape drops it; empty: its type&apos;s name)</source>
        <translation>节点名称（Enter 保留，Esc 放弃；为空则使用其类型名）</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>A run is in progress: wait for it to end, or cancel it (Esc).</source>
        <translation>正在运行：请等待其结束，或取消（Esc）。</translation>
    </message>
    <message>
        <source>Nothing to run: add nodes first.</source>
        <translation>没有可运行的内容：请先添加节点。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Could not start the run.</source>
        <translation>无法开始运行。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 #%2 failed: %3</source>
        <translation>%1 #%2 失败：%3</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Run cancelled.</source>
        <translation>运行已取消。</translation>
    </message>
    <message>
        <source>Run not started: %1</source>
        <translation>未开始运行：%1</translation>
    </message>
    <message>
        <source>Run finished in %1 ms: %2 run, %3 reused.</source>
        <translation>运行完成，用时 %1 毫秒：运行 %2 个，复用 %3 个。</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::GraphScene</name>
    <message>
        <source>Connect an output (right side) to an input (left side).</source>
        <translation>请将输出（右侧）连接到输入（左侧）。</translation>
    </message>
    <message>
        <source>Drop a connection on an input (left side), or on empty canvas to remove it.</source>
        <translation>将连接拖放到输入（左侧）上，或拖到空白画布上以删除它。</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::MoveNodesCommand</name>
    <message>
        <source>Move node</source>
        <translation>移动节点</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>移动 %1 个节点</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::NodePalette</name>
    <message>
        <source>In:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Out:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::NodeSearchPopup</name>
    <message>
        <source>Search nodes…</source>
        <translation>搜索节点…</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::PasteCommand</name>
    <message>
        <source>Paste node</source>
        <translation>粘贴节点</translation>
    </message>
    <message>
        <source>Paste %1 nodes</source>
        <translation>粘贴 %1 个节点</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::PropertyPanel</name>
    <message>
        <source>&lt;i&gt;Select a node to edit its parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一个节点以编辑其参数。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No parameters.&lt;/i&gt;</source>
        <translation>&lt;i&gt;无参数。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>none (comma-separated names)</source>
        <translation>无（以逗号分隔的名称）</translation>
    </message>
    <message>
        <source>%1 (comma-separated names)</source>
        <translation>%1（以逗号分隔的名称）</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::ReconnectCommand</name>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::RemoveNodesCommand</name>
    <message>
        <source>Delete node</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>删除 %1 个节点</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::RenameNodeCommand</name>
    <message>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::SetParameterCommand</name>
    <message>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
</context>
<context>
    <name>sextant::widgets::TrainingMonitor</name>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>± std</source>
        <translation>± 标准差</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Tuning trials</source>
        <translation>调优试验</translation>
    </message>
    <message>
        <source>No training yet. Run a workflow with a model node.</source>
        <translation>尚未训练。请运行一个包含模型节点的工作流。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the training in progress after the current epoch (or fold, or trial) and keep what finished, marked partial; the nodes after it still run. The workflow&apos;s Cancel discards everything.</source>
        <translation>在当前轮次（或折、或试验）结束后停止训练，保留已完成的部分并标记为不完整；后续节点仍会运行。工作流的“取消”会丢弃全部结果。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the curves and trials shown</source>
        <translation>移除显示的曲线和试验</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <source> · elapsed %1</source>
        <translation> · 已用时 %1</translation>
    </message>
    <message>
        <source> · partial result kept</source>
        <translation> · 已保留部分结果</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <source> · ETA %1 (at most)</source>
        <translation> · 预计最多还需 %1</translation>
    </message>
    <message>
        <source> · loss %1</source>
        <translation> · 损失 %1</translation>
    </message>
    <message>
        <source> · validation %1</source>
        <translation> · 验证 %1</translation>
    </message>
    <message>
        <source>Tuning: trial %1 of %2 done (%3 %4)</source>
        <translation>调优：已完成第 %1/%2 次试验（%3 %4）</translation>
    </message>
</context>
</TS>
