<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompareLive</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train, pause or resume both runs</source>
        <translation>训练、暂停或继续两个运行</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train both runs one epoch</source>
        <translation>两个运行各训练一轮</translation>
    </message>
    <message>
        <source>Step 100</source>
        <translation>前进 100 轮</translation>
    </message>
    <message>
        <source>Train both runs 100 epochs</source>
        <translation>两个运行各训练 100 轮</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Both runs back to their first weights</source>
        <translation>两个运行都回到初始权重</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Use B in the window</source>
        <translation>在主窗口使用 B</translation>
    </message>
    <message>
        <source>Give the main window run B&apos;s settings</source>
        <translation>把运行 B 的设置交给主窗口</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>投影模式</translation>
    </message>
    <message>
        <source>Projector mode for both windows (F11)</source>
        <translation>两个窗口都进入投影模式（F11）</translation>
    </message>
    <message>
        <source>Run B: change one or more settings here. Run A keeps the main window&apos;s settings; both use the same data and start again together when B changes.</source>
        <translation>运行 B：在这里修改一项或多项设置。运行 A 保持主窗口的设置；两者使用相同的数据，B 改变时一起重新开始。</translation>
    </message>
    <message>
        <source>Run B changed: both runs start again from their first weights.</source>
        <translation>运行 B 已更改：两个运行都从初始权重重新开始。</translation>
    </message>
    <message>
        <source>Run B cannot train with these settings; run A goes on.</source>
        <translation>运行 B 无法用这些设置训练；运行 A 继续。</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>these settings cannot train on this data</source>
        <translation>这些设置无法在此数据上训练</translation>
    </message>
    <message>
        <source>Run B cannot train with these settings:
%1

Change B&apos;s settings on the left; run A goes on.</source>
        <translation>运行 B 无法用这些设置训练：
%1

请在左侧修改 B 的设置；运行 A 继续。</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Both runs have ended (epoch target, stop condition or divergence): Reset to watch them again.</source>
        <translation>两个运行都已结束（达到轮数目标、停止条件或发散）：按“重置”再看一遍。</translation>
    </message>
    <message>
        <source>Training stopped because of an error: %1</source>
        <translation>训练因错误而停止：%1</translation>
    </message>
    <message>
        <source>Nothing left to train: both runs have ended. Reset (Ctrl+R) to start them again.</source>
        <translation>没有可训练的了：两个运行都已结束。按“重置”（Ctrl+R）重新开始。</translation>
    </message>
    <message>
        <source>The main window now has run B&apos;s settings.</source>
        <translation>主窗口现在使用运行 B 的设置。</translation>
    </message>
    <message>
        <source>Compare live — nngui</source>
        <translation>实时对比 — nngui</translation>
    </message>
    <message>
        <source>Nothing to compare yet: load a preset or type a table that can be trained on.</source>
        <translation>还没有可对比的内容：请加载预设，或输入一个可以训练的表格。</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>stop condition reached</source>
        <translation>已达到停止条件</translation>
    </message>
</context>
<context>
    <name>ComparePlot</name>
    <message>
        <source>validation (dashed)</source>
        <translation>验证（虚线）</translation>
    </message>
</context>
<context>
    <name>DataTableView</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>Asks the user for a text (title, label, default) -&gt; text or None; replaceable in tests.</extracomment>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text</source>
        <translation>将选中的单元格复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selected cells, then empty them</source>
        <translation>复制选中的单元格，然后清空它们</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste a block copied from a spreadsheet or text file</source>
        <translation>粘贴从电子表格或文本文件复制的内容</translation>
    </message>
    <message>
        <source>C&amp;lear cells</source>
        <translation>清空单元格(&amp;L)</translation>
    </message>
    <message>
        <source>Empty the selected cells</source>
        <translation>清空选中的单元格</translation>
    </message>
    <message>
        <source>Insert row &amp;above</source>
        <translation>在上方插入行(&amp;A)</translation>
    </message>
    <message>
        <source>Insert row &amp;below</source>
        <translation>在下方插入行(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Remove rows</source>
        <translation>删除行(&amp;R)</translation>
    </message>
    <message>
        <source>Use as &amp;input</source>
        <translation>用作输入(&amp;I)</translation>
    </message>
    <message>
        <source>The network reads this column</source>
        <translation>网络读取这一列</translation>
    </message>
    <message>
        <source>Use as &amp;target</source>
        <translation>用作目标(&amp;T)</translation>
    </message>
    <message>
        <source>The network learns to predict this column</source>
        <translation>网络学习预测这一列</translation>
    </message>
    <message>
        <source>Re&amp;name column…</source>
        <translation>重命名列(&amp;N)…</translation>
    </message>
    <message>
        <source>Insert &amp;column</source>
        <translation>插入列(&amp;C)</translation>
    </message>
    <message>
        <source>Insert an empty input column to the right</source>
        <translation>在右侧插入一个空的输入列</translation>
    </message>
    <message>
        <source>Remove c&amp;olumn</source>
        <translation>删除列(&amp;O)</translation>
    </message>
</context>
<context>
    <name>EpochCounter</name>
    <message>
        <source>Epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
</context>
<context>
    <name>HiddenLayersEditor</name>
    <message>
        <source>No hidden layers: inputs connect straight to the outputs.</source>
        <translation>没有隐藏层：输入直接连接到输出。</translation>
    </message>
    <message>
        <source>+ Layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>Add a hidden layer (a copy of the last one)</source>
        <translation>添加一个隐藏层（复制最后一层）</translation>
    </message>
    <message>
        <source>− Layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <source>Units in hidden layer %1 (1-%2 recommended)</source>
        <translation>第 %1 个隐藏层的单元数（建议 1-%2）</translation>
    </message>
    <message>
        <source>Hidden layer %1 units</source>
        <translation>第 %1 个隐藏层的单元数</translation>
    </message>
    <message>
        <source>%1 hidden layers (more than %2): deep networks train slowly.</source>
        <translation>%1 个隐藏层（超过 %2 个）：深层网络训练较慢。</translation>
    </message>
    <message>
        <source>More than %1 units in layer %2: training will be slower and the diagram shows only the first units.</source>
        <translation>第 %2 层超过 %1 个单元：训练会变慢，网络图只显示前面的单元。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>No training yet: press Train (Space)</source>
        <translation>尚未训练：按“训练”（空格键）开始</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: lower the learning rate and press Reset (Ctrl+R).</source>
        <translation>训练在第 %1 轮发散了：请降低学习率，然后按“重置”（Ctrl+R）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Save the trained network as an ONNX model (float32) for other frameworks</source>
        <translation>将训练好的网络保存为 ONNX 模型（float32），供其他框架使用</translation>
    </message>
    <message>
        <source>Needs the optional onnx package: %1</source>
        <translation>需要可选的 onnx 包：%1</translation>
    </message>
    <message>
        <source>The settings train until stopped (Epochs 0): train first, or set a number of epochs, so that the script knows how long to train.</source>
        <translation>当前设置会一直训练到手动停止（轮数为 0）：请先训练，或设置轮数，脚本才知道要训练多久。</translation>
    </message>
    <message>
        <source>There is no network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <source>Cannot export the Python script</source>
        <translation>无法导出 Python 脚本</translation>
    </message>
    <message>
        <source>Python script saved to %1: it trains these settings from scratch for %2 epochs and prints the final loss.</source>
        <translation>Python 脚本已保存到 %1：它用这些设置从头训练 %2 轮，并打印最终损失。</translation>
    </message>
    <message>
        <source>Cannot export to ONNX</source>
        <translation>无法导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX model saved to %1</source>
        <translation>ONNX 模型已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the C header</source>
        <translation>无法导出 C 头文件</translation>
    </message>
    <message>
        <source>C header saved to %1</source>
        <translation>C 头文件已保存到 %1</translation>
    </message>
    <message>
        <source>%1: one training step by hand</source>
        <translation>%1：手算一步训练</translation>
    </message>
    <message>
        <source>Cannot export the worksheet</source>
        <translation>无法导出练习单</translation>
    </message>
    <message>
        <source>Worksheet saved: %1 and %2 (with the answers), as HTML and PDF</source>
        <translation>练习单已保存：%1 和 %2（含答案），HTML 和 PDF 两种格式</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Network &amp;&amp; training</source>
        <translation>网络与训练</translation>
    </message>
    <message>
        <source>Maths</source>
        <translation>数学推导</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>edit, paste, right-click a header</source>
        <translation>可编辑、粘贴，右键点击表头</translation>
    </message>
    <message>
        <source>Type or paste numbers (Ctrl+V from a spreadsheet); right-click a column header to make it an input or the target, rename, insert or remove it; Ctrl+Z undoes.</source>
        <translation>输入或粘贴数字（从电子表格 Ctrl+V）；右键点击列标题可设为输入或目标、重命名、插入或删除该列；Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>select a row to trace it</source>
        <translation>选中一行以追踪它</translation>
    </message>
    <message>
        <source>The network&apos;s output for every row, coloured by error; click a header to sort, select a row to see it in the diagram.</source>
        <translation>网络对每一行的输出，按误差着色；点击表头排序，选中一行可在网络图中查看。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>hover for values</source>
        <translation>悬停查看数值</translation>
    </message>
    <message>
        <source>Hover an edge for its weight, a unit for its bias; select a row in Predictions to see its activations.</source>
        <translation>悬停在连线上查看权重，悬停在单元上查看偏置；在“预测”中选中一行可查看其激活值。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training (and validation) loss per epoch; hover for values, Ctrl+L for a log scale.</source>
        <translation>每轮的训练（及验证）损失；悬停查看数值，Ctrl+L 切换对数坐标。</translation>
    </message>
    <message>
        <source>Decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <source>hover a unit for its map</source>
        <translation>悬停在单元上查看它的图</translation>
    </message>
    <message>
        <source>The network&apos;s output over the plane of the two inputs, behind the data points; hover a unit in the diagram for its own map.</source>
        <translation>网络在两个输入构成的平面上的输出，绘制在数据点之后；在网络图中悬停某个单元可查看它自己的图。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>新建一个空项目</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project, a model file or a CSV file</source>
        <translation>打开项目、模型文件或 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the table with a CSV file (the last column is the target)</source>
        <translation>用 CSV 文件替换表格（最后一列为目标）</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the table as a CSV file</source>
        <translation>将表格保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Export &amp;weights (model JSON)…</source>
        <translation>导出权重(&amp;W)（模型 JSON）…</translation>
    </message>
    <message>
        <source>Save the trained network as a model file for your own code</source>
        <translation>将训练好的网络保存为模型文件，供你自己的代码使用</translation>
    </message>
    <message>
        <source>Import wei&amp;ghts…</source>
        <translation>导入权重(&amp;G)…</translation>
    </message>
    <message>
        <source>Load a network (architecture and weights) from a model file</source>
        <translation>从模型文件载入网络（结构和权重）</translation>
    </message>
    <message>
        <source>Export &amp;predictions CSV…</source>
        <translation>导出预测 CSV(&amp;P)…</translation>
    </message>
    <message>
        <source>Save inputs, targets and predictions as CSV</source>
        <translation>将输入、目标和预测保存为 CSV</translation>
    </message>
    <message>
        <source>Export as &amp;C header…</source>
        <translation>导出为 &amp;C 头文件…</translation>
    </message>
    <message>
        <source>Save the network as one C99 header with nngui_predict() for microcontrollers and other programs</source>
        <translation>将网络保存为一个带 nngui_predict() 的 C99 头文件，供单片机和其他程序使用</translation>
    </message>
    <message>
        <source>Export &amp;worksheet…</source>
        <translation>导出练习单(&amp;W)…</translation>
    </message>
    <message>
        <source>Save one training step of the selected row to work out by hand: the student&apos;s sheet with blanks and the teacher&apos;s with the answers, as HTML and PDF</source>
        <translation>把所选行的一步训练保存为手算练习：学生版留空，教师版含答案，HTML 和 PDF 两种格式</translation>
    </message>
    <message>
        <source>Export &amp;loss plot PNG…</source>
        <translation>导出损失曲线 PNG(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the loss curve as a picture</source>
        <translation>将损失曲线保存为图片</translation>
    </message>
    <message>
        <source>Export &amp;diagram PNG…</source>
        <translation>导出网络图 PNG(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the network diagram as a picture</source>
        <translation>将网络图保存为图片</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close nngui</source>
        <translation>关闭 nngui</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train, pause or resume</source>
        <translation>训练、暂停或继续</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation>训练一轮</translation>
    </message>
    <message>
        <source>Step 10</source>
        <translation>前进 10 轮</translation>
    </message>
    <message>
        <source>Train 10 epochs</source>
        <translation>训练 10 轮</translation>
    </message>
    <message>
        <source>Step 100</source>
        <translation>前进 100 轮</translation>
    </message>
    <message>
        <source>Train 100 epochs</source>
        <translation>训练 100 轮</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New weights (the seed decides them), history cleared</source>
        <translation>生成新权重（由随机种子决定），并清空历史</translation>
    </message>
    <message>
        <source>Compare live…</source>
        <translation>实时对比…</translation>
    </message>
    <message>
        <source>Train a copy of this network with other settings beside it: both decision maps and loss curves side by side</source>
        <translation>用其他设置训练这个网络的副本并与之并排：两张决策图和两条损失曲线并排显示</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>投影模式</translation>
    </message>
    <message>
        <source>Full screen, bigger fonts, thicker lines and high contrast for a projector</source>
        <translation>全屏、大字体、粗线条、高对比度，适合投影仪</translation>
    </message>
    <message>
        <source>Export as P&amp;ython script…</source>
        <translation>导出为 Python 脚本(&amp;Y)…</translation>
    </message>
    <message>
        <source>Save a standalone NumPy script with the data and the settings that trains this network</source>
        <translation>保存一个独立的 NumPy 脚本，包含数据和设置，可训练出这个网络</translation>
    </message>
    <message>
        <source>Export to &amp;ONNX…</source>
        <translation>导出为 ONNX(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Decision map</source>
        <translation>决策图(&amp;D)</translation>
    </message>
    <message>
        <source>The network&apos;s output over the plane of two inputs, behind the data</source>
        <translation>网络在两个输入构成的平面上的输出，绘制在数据之后</translation>
    </message>
    <message>
        <source>&amp;Maths inspector</source>
        <translation>数学检查器(&amp;M)</translation>
    </message>
    <message>
        <source>The forward and backward pass of the selected row, with the numbers; gradient check</source>
        <translation>选中行的前向传播和反向传播（含具体数值）；梯度检验</translation>
    </message>
    <message>
        <source>&amp;Pin this run</source>
        <translation>固定本次训练(&amp;P)</translation>
    </message>
    <message>
        <source>Keep this run&apos;s loss curve when compared runs are cleared</source>
        <translation>清除对比曲线时保留本次训练的损失曲线</translation>
    </message>
    <message>
        <source>Clear compared &amp;runs</source>
        <translation>清除对比曲线(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs from the loss plot (pinned runs stay)</source>
        <translation>从损失图中移除之前训练的淡色曲线（已固定的保留）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings panel</source>
        <translation>设置面板(&amp;S)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show or hide the settings, to leave more room for the diagram and the loss plot</source>
        <translation>显示或隐藏设置，为网络图和损失曲线腾出空间</translation>
    </message>
    <message>
        <source>Colour &amp;palette</source>
        <translation>配色方案(&amp;P)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Slow training down so a class can watch (epochs per second)</source>
        <translation>放慢训练，方便全班观看（每秒轮数）</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <source>Loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>Training paused: %1. Press Resume (Space) to go on.</source>
        <translation>训练已暂停：%1。按“继续”（空格键）接着训练。</translation>
    </message>
    <message>
        <source>the settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>Accuracy %1 %</source>
        <translation>准确率 %1%</translation>
    </message>
    <message>
        <source>(validation %1)</source>
        <translation>（验证 %1）</translation>
    </message>
    <message>
        <source>Accuracy (classes) or RMSE (numbers) on the training rows, and on the rows held out for validation</source>
        <translation>训练行上的准确率（分类）或 RMSE（数值），以及留作验证的行上的相应指标</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 轮/秒</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>训练用时</translation>
    </message>
    <message>
        <source>validation %1 %</source>
        <translation>验证 %1%</translation>
    </message>
    <message>
        <source>RMSE %1</source>
        <translation>RMSE %1</translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation>验证 %1</translation>
    </message>
    <message>
        <source>Training finished: %1 epochs, loss %2.</source>
        <translation>训练完成：%1 轮，损失 %2。</translation>
    </message>
    <message>
        <source>Training diverged: lower the learning rate and press Reset (Ctrl+R).</source>
        <translation>训练发散了：请降低学习率，然后按“重置”（Ctrl+R）。</translation>
    </message>
    <message>
        <source>loss &lt; %1</source>
        <translation>损失 &lt; %1</translation>
    </message>
    <message>
        <source>accuracy 100 %</source>
        <translation>准确率 100%</translation>
    </message>
    <message>
        <source>Stopped at epoch %1: the loss %2 is below %3. Change or switch off the stop condition to train on, or Reset.</source>
        <translation>已在第 %1 轮停止：损失 %2 低于 %3。修改或关闭停止条件即可继续训练，或者重置。</translation>
    </message>
    <message>
        <source>Stopped at epoch %1: every training row is classified right (accuracy 100 %). Change or switch off the stop condition to train on, or Reset.</source>
        <translation>已在第 %1 轮停止：所有训练行都分类正确（准确率 100%）。修改或关闭停止条件即可继续训练，或者重置。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>the data changed</source>
        <translation>数据已更改</translation>
    </message>
    <message>
        <source>Learning rate %1 applied.</source>
        <translation>已应用学习率 %1。</translation>
    </message>
    <message>
        <source>the network changed</source>
        <translation>网络结构已更改</translation>
    </message>
    <message>
        <source>the training settings changed</source>
        <translation>训练设置已更改</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Nothing to train: load a preset or type some data.</source>
        <translation>没有可训练的内容：请载入预设或输入一些数据。</translation>
    </message>
    <message>
        <source>The data cannot be used yet: %1</source>
        <translation>数据暂时无法使用：%1</translation>
    </message>
    <message>
        <source>there is not enough memory for a network this big; use fewer or smaller layers</source>
        <translation>内存不足以容纳这么大的网络；请减少层数或每层单元数</translation>
    </message>
    <message>
        <source>These settings cannot train on this data: %1</source>
        <translation>这些设置无法在此数据上训练：%1</translation>
    </message>
    <message>
        <source>Training diverged: press Reset (Ctrl+R) for new weights, with a lower learning rate.</source>
        <translation>训练发散了：请降低学习率，并按“重置”（Ctrl+R）生成新权重。</translation>
    </message>
    <message>
        <source>The epoch target is reached: raise Epochs (or set 0 = until stopped), or Reset.</source>
        <translation>已达到目标轮数：请增加“轮数”（或设为 0 = 直到停止），或者重置。</translation>
    </message>
    <message>
        <source>Epochs raised to %1 so that Step can go on.</source>
        <translation>已将轮数提高到 %1，以便继续单步训练。</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>New weights: press Train (Space).</source>
        <translation>已生成新权重：按“训练”（空格键）开始。</translation>
    </message>
    <message>
        <source>Preset: %1. %2</source>
        <translation>预设：%1。%2</translation>
    </message>
    <message>
        <source>This model file holds a trained network but no data. To see its predictions, paste or import rows with the columns %1 (inputs) and %2 (target); Train goes on from these weights.</source>
        <translation>这个模型文件包含训练好的网络，但没有数据。要查看它的预测，请粘贴或导入含有 %1 列（输入）和 %2 列（目标）的数据行；“训练”会从这些权重继续。</translation>
    </message>
    <message>
        <source>New project: type or paste numbers into the table (the last column is the target).</source>
        <translation>新项目：在表格中输入或粘贴数字（最后一列为目标）。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>保存对 %1 的更改吗？</translation>
    </message>
    <message>
        <source>Your changes to the data, the settings or the weights are lost if you don&apos;t save.</source>
        <translation>如果不保存，对数据、设置或权重的更改将会丢失。</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>nngui did not close normally last time. Restore the unsaved project?</source>
        <translation>nngui 上次没有正常关闭。要恢复未保存的项目吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>（没有最近的文件）</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Press Reset (Ctrl+R) to start again.</source>
        <translation>按“重置”(Ctrl+R) 重新开始。</translation>
    </message>
    <message>
        <source>The target holds %1 class labels (%2): classes learn best with a softmax output and cross-entropy.</source>
        <translation>目标列包含 %1 个类别标签（%2）：分类问题最好使用 softmax 输出和交叉熵损失。</translation>
    </message>
    <message>
        <source>An input spans %1: standardised inputs (mean 0, sd 1) train faster and more surely.</source>
        <translation>有一个输入的取值范围达到 %1：把输入标准化（均值 0，标准差 1）训练得更快、更稳。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>%1 unit</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>negative weight</source>
        <translation>负权重</translation>
    </message>
    <message>
        <source>positive weight</source>
        <translation>正权重</translation>
    </message>
    <message>
        <source>line width = |w|   ring = bias   fill = activation of selected row</source>
        <translation>线宽 = |w|   圆环 = 偏置   填充 = 选中行的激活值</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Input and output sizes follow the data table&apos;s input and target columns</source>
        <translation>输入和输出的数量由数据表中的输入列和目标列决定</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Units per hidden layer: one box per layer, from the inputs to the outputs</source>
        <translation>每个隐藏层的单元数：每层一个框，从输入到输出依次排列</translation>
    </message>
    <message>
        <source>Activation of the hidden layers</source>
        <translation>隐藏层的激活函数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Activation of the output layer</source>
        <translation>输出层的激活函数</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>What training minimises</source>
        <translation>训练要最小化的量</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>How the first weights are drawn</source>
        <translation>初始权重的生成方式</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Bias units</source>
        <translation>偏置单元</translation>
    </message>
    <message>
        <source>Give every hidden and output unit a bias (Loy&apos;s network has none)</source>
        <translation>为每个隐藏单元和输出单元加上偏置（Loy 的网络没有偏置）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>How the weights are updated</source>
        <translation>权重的更新方式</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Step size; type a number such as 0.5 or 1e-3 (arrows step 1-2-5). Applies at once, even while training.</source>
        <translation>步长；可输入 0.5 或 1e-3 这样的数（箭头按 1-2-5 递进）。立即生效，训练中也可修改。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source>Epochs to train (0 = until stopped)</source>
        <translation>要训练的轮数（0 = 直到停止）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same weights and the same run</source>
        <translation>随机种子：相同的种子得到相同的权重和相同的训练过程</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Fraction of the rows held out to measure the validation loss</source>
        <translation>留出用于计算验证损失的行的比例</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Scale the inputs before training (fitted on the training rows)</source>
        <translation>训练前缩放输入（根据训练行拟合）</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Floating-point precision of the weights</source>
        <translation>权重的浮点精度</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stop at the first epoch whose loss is below this number (e.g. 0.01); Off: train to the epoch target</source>
        <translation>在损失首次低于此数（如 0.01）的那一轮停止；关闭：训练到目标轮数</translation>
    </message>
    <message>
        <source>Stop at loss below</source>
        <translation>损失低于时停止</translation>
    </message>
    <message>
        <source>Stop at 100 % accuracy</source>
        <translation>准确率达 100% 时停止</translation>
    </message>
    <message>
        <source>Stop once every training row is classified right (class labels or 0/1 targets)</source>
        <translation>一旦所有训练行都分类正确就停止（适用于类别标签或 0/1 目标）</translation>
    </message>
    <message>
        <source>No hidden layers: nothing to activate</source>
        <translation>没有隐藏层：无需激活函数</translation>
    </message>
    <message>
        <source>Full-batch gradient descent uses all rows in every update</source>
        <translation>全批量梯度下降每次更新都使用全部行</translation>
    </message>
    <message>
        <source>Rows per update (0 = all rows)</source>
        <translation>每次更新使用的行数（0 = 全部行）</translation>
    </message>
    <message>
        <source>%1 input</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <source>%1 inputs</source>
        <translation>%1 个输入</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>%1 个输出</translation>
    </message>
    <message>
        <source>%1 outputs</source>
        <translation>%1 个输出</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>Row %1 of the data; network %2 (%3); loss %4; learning rate η = %5.</source>
        <translation>数据第 %1 行；网络 %2（%3）；损失 %4；学习率 η = %5。</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Name: ____________________   Date: __________</source>
        <translation>姓名：____________________   日期：__________</translation>
    </message>
    <message>
        <source>Work out each blank from the numbers above it, rounding to 4 significant digits. Unit names: h1.2 is the second unit of hidden layer 1, ŷ the output.</source>
        <translation>根据上方的数字算出每个空，保留 4 位有效数字。单元名称：h1.2 是隐藏层 1 的第二个单元，ŷ 是输出。</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>The inputs are normalised as in training: a0 = (x − shift) / scale.</source>
        <translation>输入按训练时的方式归一化：a0 = (x − shift) / scale。</translation>
    </message>
    <message>
        <source>Layer %1 weights W%1 (row: from, column: to)</source>
        <translation>第 %1 层权重 W%1（行：来自，列：到达）</translation>
    </message>
    <message>
        <source>1. Forward pass</source>
        <translation>1. 前向传播</translation>
    </message>
    <message>
        <source>Layer %1: z = a_prev · W%1 + b%1, then a = %2</source>
        <translation>第 %1 层：z = a_prev · W%1 + b%1，然后 a = %2</translation>
    </message>
    <message>
        <source>2. Loss</source>
        <translation>2. 损失</translation>
    </message>
    <message>
        <source>3. Backward pass</source>
        <translation>3. 反向传播</translation>
    </message>
    <message>
        <source>Output layer: with this output and loss, dZ = ŷ − y.</source>
        <translation>输出层：对这种输出和损失，dZ = ŷ − y。</translation>
    </message>
    <message>
        <source>Output layer: dA = ∂L/∂ŷ, then dZ = a ⊙ (dA − Σ(dA ⊙ a)) (softmax).</source>
        <translation>输出层：dA = ∂L/∂ŷ，然后 dZ = a ⊙ (dA − Σ(dA ⊙ a))（softmax）。</translation>
    </message>
    <message>
        <source>Output layer: %1, then dZ = dA ⊙ σ′ with σ′ = %2.</source>
        <translation>输出层：%1，然后 dZ = dA ⊙ σ′，其中 σ′ = %2。</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>dW%1 = a%2ᵀ · dZ%1 (row: from, column: to)</source>
        <translation>dW%1 = a%2ᵀ · dZ%1（行：来自，列：到达）</translation>
    </message>
    <message>
        <source>dA%1 = dZ%2 · W%2ᵀ, then dZ%1 = dA%1 ⊙ σ′ with σ′ = %3.</source>
        <translation>dA%1 = dZ%2 · W%2ᵀ，然后 dZ%1 = dA%1 ⊙ σ′，其中 σ′ = %3。</translation>
    </message>
    <message>
        <source>4. One step of gradient descent</source>
        <translation>4. 一步梯度下降</translation>
    </message>
    <message>
        <source>W ← W − η · dW and b ← b − η · db, with η = %1.</source>
        <translation>W ← W − η · dW，b ← b − η · db，其中 η = %1。</translation>
    </message>
    <message>
        <source>New W%1</source>
        <translation>新的 W%1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Linear (identity)</source>
        <translation>线性（恒等）</translation>
    </message>
    <message>
        <source>Softmax (output only)</source>
        <translation>Softmax（仅输出层）</translation>
    </message>
    <message>
        <source>Sum of squares (SSE)</source>
        <translation>误差平方和（SSE）</translation>
    </message>
    <message>
        <source>Mean squared error (MSE)</source>
        <translation>均方误差（MSE）</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>多类交叉熵</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>SGD (mini-batches)</source>
        <translation>SGD（小批量）</translation>
    </message>
    <message>
        <source>Momentum (0.9)</source>
        <translation>动量法（0.9）</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Uniform [0, 1) (Loy)</source>
        <translation>均匀分布 [0, 1)（Loy）</translation>
    </message>
    <message>
        <source>Normal x 0.01</source>
        <translation>正态分布 × 0.01</translation>
    </message>
    <message>
        <source>Xavier / Glorot uniform</source>
        <translation>Xavier / Glorot 均匀分布</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态分布</translation>
    </message>
    <message>
        <source>None (raw inputs)</source>
        <translation>无（原始输入）</translation>
    </message>
    <message>
        <source>Standardise (mean 0, sd 1)</source>
        <translation>标准化（均值 0，标准差 1）</translation>
    </message>
    <message>
        <source>Min-max to [0, 1]</source>
        <translation>最小-最大缩放到 [0, 1]</translation>
    </message>
    <message>
        <source>float64 (exact)</source>
        <translation>float64（精确）</translation>
    </message>
    <message>
        <source>float32 (faster on big nets)</source>
        <translation>float32（大网络更快）</translation>
    </message>
</context>
<context>
    <name>palettes</name>
    <message>
        <source>Default (blue / orange)</source>
        <translation>默认（蓝 / 橙）</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Colour-blind safe (Okabe-Ito)</source>
        <translation>色盲友好（Okabe-Ito）</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Loy&apos;s XOR-like table (seed article)</source>
        <translation>Loy 的类 XOR 数据表（原始文章）</translation>
    </message>
    <message>
        <source>James Loy&apos;s 2-layer network exactly: 3-4-1, sigmoid, no biases, weights from rand (uniform [0, 1)), sum-of-squares loss, full-batch gradient descent with step 1, 1500 iterations.</source>
        <translation>与 James Loy 的两层网络完全一致：3-4-1，sigmoid，无偏置，权重取自 rand（均匀分布 [0, 1)），平方和损失，步长为 1 的全批量梯度下降，迭代 1500 次。</translation>
    </message>
    <message>
        <source>L-layer network on two moons (seed article 002)</source>
        <translation>双月数据上的 L 层网络（原始文章 002）</translation>
    </message>
    <message>
        <source>The L-layer article&apos;s network: biases, weights randn * 0.01 with zero biases, sigmoid hidden layers, binary cross-entropy and a learning rate, on a 2-D data set that needs two hidden layers.</source>
        <translation>L 层网络文章中的网络：权重为 randn * 0.01，偏置初始化为 0，sigmoid 隐藏层，二元交叉熵和学习率，用于一个需要两个隐藏层的二维数据集。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>The classic: not linearly separable, needs a hidden layer.</source>
        <translation>经典问题：线性不可分，需要一个隐藏层。</translation>
    </message>
    <message>
        <source>AND</source>
        <translation>与（AND）</translation>
    </message>
    <message>
        <source>Linearly separable: a single output unit would do.</source>
        <translation>线性可分：一个输出单元就够了。</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>或（OR）</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Points inside or outside a circle: a round decision boundary.</source>
        <translation>圆内或圆外的点：圆形的决策边界。</translation>
    </message>
    <message>
        <source>Spiral (3 classes)</source>
        <translation>螺旋（3 类）</translation>
    </message>
    <message>
        <source>Three interleaved spiral arms: softmax over three classes.</source>
        <translation>三条交错的螺旋臂：对三个类别做 softmax。</translation>
    </message>
    <message>
        <source>Iris flowers (3 species)</source>
        <translation>鸢尾花（3 个品种）</translation>
    </message>
    <message>
        <source>Fisher&apos;s iris measurements: four inputs, three classes.</source>
        <translation>Fisher 的鸢尾花测量数据：四个输入，三个类别。</translation>
    </message>
</context>
</TS>
