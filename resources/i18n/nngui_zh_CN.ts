<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <source>Loss as sound while training</source>
        <translation>训练时播放损失声音</translation>
    </message>
    <message>
        <source>Loss as sound while training (needs: %1)</source>
        <translation>训练时播放损失声音（需要：%1）</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>下一个区域</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the next part of the window: settings, data, predictions, diagram, loss plot, decision map</source>
        <translation>把键盘焦点移到窗口的下一个区域：设置、数据、预测、网络图、损失曲线、决策图</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>上一个区域</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the previous part of the window</source>
        <translation>把键盘焦点移到窗口的上一个区域</translation>
    </message>
    <message>
        <source>Play a tone while training whose pitch follows the loss: high loss, high pitch</source>
        <translation>训练时播放一个音调，音高随损失变化：损失越大，音调越高</translation>
    </message>
    <message>
        <source>Time slider</source>
        <translation>时间滑块</translation>
    </message>
    <message>
        <source>Puts every view at a checkpoint of the run: Left and Right move one checkpoint, Page Up and Page Down ten, Home goes to the first and End back to live training.</source>
        <translation>把所有视图切换到这次训练的某个检查点：左右方向键移动一个检查点，上下翻页键移动十个，Home 到第一个，End 回到实时训练。</translation>
    </message>
    <message>
        <source>Resume from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <source>Train on from the checkpoint shown; the run after it stays as a faded curve.</source>
        <translation>从显示的检查点继续训练；之后的那次训练保留为一条淡色曲线。</translation>
    </message>
    <message>
        <source>Data table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>The rows the network learns from. Arrow keys move between cells, each read with its column name; type to edit, Ctrl+V pastes from a spreadsheet, the menu key opens the cell&apos;s menu.</source>
        <translation>网络学习用的各行数据。方向键在单元格之间移动，每个单元格连同列名一起朗读；直接输入即可编辑，Ctrl+V 从电子表格粘贴，菜单键打开单元格菜单。</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>The network&apos;s output for every row. Arrow keys move between cells, each read with its column name; selecting a row shows its activations in the diagram; Ctrl+C copies.</source>
        <translation>网络对每一行的输出。方向键在单元格之间移动，每个单元格连同列名一起朗读；选中一行会在网络图中显示它的激活值；Ctrl+C 复制。</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Units in columns by layer, one line per weight. Up and Down move between the units of a layer; Right and Left go along a weight to the next or previous layer; Home and End jump to the inputs and the outputs. The unit&apos;s bias and activation, or the weight, are read out.</source>
        <translation>各层的单元排成一列，每个权重一条连线。上、下方向键在同一层的单元之间移动；右、左方向键沿着权重走到下一层或上一层；Home 和 End 跳到输入层和输出层。会朗读单元的偏置和激活值，或权重的值。</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>损失曲线图</translation>
    </message>
    <message>
        <source>The loss per epoch. Left and Right move a cursor along the curve, Page Up and Page Down by a tenth of it, Home and End to the first and the last epoch, Up and Down switch between the training and the validation curve; the loss under the cursor is read out.</source>
        <translation>每一轮的损失。左、右方向键沿曲线移动光标，PgUp 和 PgDn 每次移动曲线的十分之一，Home 和 End 跳到第一轮和最后一轮，上、下方向键在训练曲线和验证曲线之间切换；会朗读光标处的损失。</translation>
    </message>
    <message>
        <source>Decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <source>The network&apos;s output over the plane of the two inputs. Arrow keys move a cursor over the plane (Page Up and Page Down take bigger steps, Home goes back to the middle); the output under the cursor is read out.</source>
        <translation>网络在两个输入构成的平面上的输出。方向键在平面上移动光标（PgUp 和 PgDn 步子更大，Home 回到中央）；会朗读光标处的输出。</translation>
    </message>
    <message>
        <source>Output shown on the decision map</source>
        <translation>决策图显示的输出</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>更多工具栏按钮</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>CSV loading progress</source>
        <translation>CSV 加载进度</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Maths inspector</source>
        <translation>数学检查器</translation>
    </message>
    <message>
        <source>Forward and backward pass of the selected row</source>
        <translation>选中行的前向与反向传播</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Selected unit or weight</source>
        <translation>选中的单元或权重</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程内容</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>实际结果</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <source>Class of the points drawn</source>
        <translation>所画点的类别</translation>
    </message>
    <message>
        <source>New value of the weight or bias</source>
        <translation>权重或偏置的新值</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Preview of the data set</source>
        <translation>数据集预览</translation>
    </message>
    <message>
        <source>Compare live</source>
        <translation>实时对比</translation>
    </message>
    <message>
        <source>Settings of run B</source>
        <translation>运行 B 的设置</translation>
    </message>
    <message>
        <source>Loss of both runs</source>
        <translation>两次运行的损失</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Training resumed.</source>
        <translation>训练已继续。</translation>
    </message>
    <message>
        <source>Training started.</source>
        <translation>训练已开始。</translation>
    </message>
    <message>
        <source>Training finished at epoch %1, loss %2.</source>
        <translation>训练完成：第 %1 轮，损失 %2。</translation>
    </message>
    <message>
        <source>Training diverged: lower the learning rate and press Reset (Ctrl+R).</source>
        <translation>训练发散了：请降低学习率，然后按“重置”（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Training failed; the last weights were kept.</source>
        <translation>训练失败；已保留最后的权重。</translation>
    </message>
    <message>
        <source>Epoch %1, loss %2.</source>
        <translation>第 %1 轮，损失 %2。</translation>
    </message>
    <message>
        <source>Training paused at epoch %1, loss %2.</source>
        <translation>训练已暂停：第 %1 轮，损失 %2。</translation>
    </message>
    <message>
        <source>Playing the loss while training needs Qt Multimedia, which comes with PySide6-Addons. Install it with:

pip install nngui[sound]

File &gt; Export loss as sound works without it.</source>
        <translation>训练时播放损失声音需要 Qt Multimedia，它包含在 PySide6-Addons 中。安装命令：

pip install nngui[sound]

“文件 &gt; 将损失导出为声音”不需要它。</translation>
    </message>
    <message>
        <source>Live sound needs Qt Multimedia: pip install nngui[sound]</source>
        <translation>实时声音需要 Qt Multimedia：pip install nngui[sound]</translation>
    </message>
    <message>
        <source>Loss as sound</source>
        <translation>损失声音</translation>
    </message>
</context>
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
    <name>ConfusionModel</name>
    <message>
        <source>True class %1, predicted %2: %3 rows (%4 of the rows of class %1). Click to select them in Predictions.</source>
        <translation>真实类别 %1，预测为 %2：%3 行（占类别 %1 各行的 %4）。点击可在“预测”中选中这些行。</translation>
    </message>
    <message>
        <source>Predicted class %1</source>
        <translation>预测类别 %1</translation>
    </message>
    <message>
        <source>True class %1</source>
        <translation>真实类别 %1</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>输出层激活函数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
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
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Layer sizes</source>
        <translation>各层大小</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>the number of target columns cannot be negative (targets=%1)</source>
        <translation>目标列的数量不能为负数（targets=%1）</translation>
    </message>
    <message>
        <source>needs at least one input column, but there is only 1 column (are the cells separated by commas, semicolons or tabs?)</source>
        <translation>至少需要一个输入列，但只有 1 列（单元格是用逗号、分号还是制表符分隔的？）</translation>
    </message>
    <message>
        <source>needs at least one input column, but all %1 columns would be targets (targets=%2)</source>
        <translation>至少需要一个输入列，但全部 %1 列都会成为目标（targets=%2）</translation>
    </message>
    <message>
        <source>this column has no name in the header</source>
        <translation>这一列在表头中没有名称</translation>
    </message>
    <message>
        <source>column name %1 appears twice (columns %2 and %3)</source>
        <translation>列名 %1 出现了两次（第 %2 列和第 %3 列）</translation>
    </message>
    <message>
        <source>expected a number, but the cell is empty</source>
        <translation>应为数字，但单元格是空的</translation>
    </message>
    <message>
        <source>expected a number, got %1 (use a dot, not a comma, as the decimal separator)</source>
        <translation>应为数字，实际为 %1（请用小数点而不是逗号作为小数分隔符）</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>应为数字，实际为 %1</translation>
    </message>
    <message>
        <source>expected a finite number, got %1</source>
        <translation>应为有限的数，实际为 %1</translation>
    </message>
    <message>
        <source>expected a finite number, but %1 is too large (numbers must stay below about 1.8e308)</source>
        <translation>应为有限的数，但 %1 太大了（数值必须小于约 1.8e308）</translation>
    </message>
    <message>
        <source>expected a finite number, but %1 is too large</source>
        <translation>应为有限的数，但 %1 太大了</translation>
    </message>
    <message>
        <source>a quotation mark (&quot;) opens a cell but nothing closes it</source>
        <translation>有一个引号（&quot;）开始了单元格，却没有对应的结束引号</translation>
    </message>
    <message>
        <source>this line cannot be read as CSV (%1)</source>
        <translation>这一行无法按 CSV 读取（%1）</translation>
    </message>
    <message>
        <source>this is not a text CSV file (it contains NUL bytes)</source>
        <translation>这不是文本 CSV 文件（其中含有 NUL 字节）</translation>
    </message>
    <message>
        <source>expected %1 cells like the header, found %2</source>
        <translation>应与表头一样有 %1 个单元格，实际有 %2 个</translation>
    </message>
    <message>
        <source>expected %1 cells like the header in every row</source>
        <translation>每一行都应与表头一样有 %1 个单元格</translation>
    </message>
    <message>
        <source>the file is empty (it has no header line of column names)</source>
        <translation>文件是空的（没有列名组成的表头行）</translation>
    </message>
    <message>
        <source>the file has a single line and it holds numbers; expected a header line of column names (such as x1,x2,y) followed by rows of numbers</source>
        <translation>文件只有一行，而且是数字；应先有一行列名（例如 x1,x2,y），下面再是若干行数字</translation>
    </message>
    <message>
        <source>the header is not followed by any data rows</source>
        <translation>表头下面没有任何数据行</translation>
    </message>
    <message>
        <source>this is not a text CSV file (it is UTF-16 text; save it as &apos;CSV UTF-8&apos; instead)</source>
        <translation>这不是文本 CSV 文件（它是 UTF-16 文本；请改存为“CSV UTF-8”格式）</translation>
    </message>
    <message>
        <source>this is not a text CSV file (byte %1 is not valid UTF-8; if it comes from a spreadsheet, save it as &apos;CSV UTF-8&apos;)</source>
        <translation>这不是文本 CSV 文件（字节 %1 不是有效的 UTF-8；如果它来自电子表格，请存为“CSV UTF-8”格式）</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>无法读取文件（%1）</translation>
    </message>
    <message>
        <source>the file is %1; the limit is %2</source>
        <translation>文件大小为 %1，上限为 %2</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>target column index %1 is outside the table&apos;s %2 columns</source>
        <translation>目标列序号 %1 超出了表格的 %2 列</translation>
    </message>
    <message>
        <source>a target column is listed twice</source>
        <translation>有一个目标列被列出了两次</translation>
    </message>
    <message>
        <source>needs at least one target column: mark a column as target</source>
        <translation>至少需要一个目标列：请把某一列设为目标</translation>
    </message>
    <message>
        <source>the table has no columns</source>
        <translation>表格没有任何列</translation>
    </message>
    <message>
        <source>the table has no data rows</source>
        <translation>表格没有任何数据行</translation>
    </message>
    <message>
        <source>a column name cannot contain a line break</source>
        <translation>列名不能包含换行符</translation>
    </message>
    <message>
        <source>there are no columns to write</source>
        <translation>没有可写入的列</translation>
    </message>
    <message>
        <source>cannot write %1: only finite numbers can be saved</source>
        <translation>无法写入 %1：只能保存有限的数</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>layer %1 must have a whole number of units &gt;= 1, got %2</source>
        <translation>第 %1 层的单元数必须是 ≥ 1 的整数，实际为 %2</translation>
    </message>
    <message>
        <source>layer %1 has %2 units; at most %3 are supported</source>
        <translation>第 %1 层有 %2 个单元；最多支持 %3 个</translation>
    </message>
    <message>
        <source>%1 hidden layers: deep sigmoid networks train slowly</source>
        <translation>%1 个隐藏层：深层 sigmoid 网络训练很慢</translation>
    </message>
    <message>
        <source>more than %1 units in a layer: training will be slower</source>
        <translation>某一层超过 %1 个单元：训练会变慢</translation>
    </message>
    <message>
        <source>%1 activations for %2 hidden layers</source>
        <translation>%2 个隐藏层却有 %1 个激活函数</translation>
    </message>
    <message>
        <source>%1 is not a hidden-layer activation; expected one of %2</source>
        <translation>%1 不能用作隐藏层的激活函数；应为以下之一：%2</translation>
    </message>
    <message>
        <source>unknown value %1; expected one of %2</source>
        <translation>未知的值 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <source>must be a finite number &gt; 0, got %1</source>
        <translation>必须是大于 0 的有限数，实际为 %1</translation>
    </message>
    <message>
        <source>learning rate %1 is very large: training will probably diverge</source>
        <translation>学习率 %1 非常大：训练很可能会发散</translation>
    </message>
    <message>
        <source>must be a whole number &gt;= 0, got %1</source>
        <translation>必须是 ≥ 0 的整数，实际为 %1</translation>
    </message>
    <message>
        <source>must be a fraction from 0 to 0.9, got %1</source>
        <translation>必须是 0 到 0.9 之间的比例，实际为 %1</translation>
    </message>
    <message>
        <source>must be a finite number &gt;= 0 (0: off), got %1</source>
        <translation>必须是 ≥ 0 的有限数（0：关闭），实际为 %1</translation>
    </message>
    <message>
        <source>must be true or false, got %1</source>
        <translation>必须是 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>%1 runs over the epoch target, but epochs is 0 (until stopped): set a number of epochs or another schedule</source>
        <translation>%1 按目标轮数计算，但轮数为 0（一直训练到停止）：请设定轮数或换一种计划</translation>
    </message>
    <message>
        <source>schedule %1: a factor above 1 makes the learning rate grow</source>
        <translation>学习率计划 %1：因子大于 1 会使学习率变大</translation>
    </message>
    <message>
        <source>the patience must be a whole number of epochs &gt;= 1 (0: off), got %1</source>
        <translation>耐心值必须是 ≥ 1 的整数轮数（0 表示关闭），实际为 %1</translation>
    </message>
    <message>
        <source>watches the validation loss, but no rows are held out: set a validation share above 0 (e.g. 0.2)</source>
        <translation>依据验证损失，但没有留出任何行：请把验证比例设为大于 0（例如 0.2）</translation>
    </message>
    <message>
        <source>watches the validation loss, but a validation share of %1 of %2 rows holds out none: raise the share</source>
        <translation>依据验证损失，但 %2 行中按比例 %1 留不出任何行：请提高验证比例</translation>
    </message>
    <message>
        <source>expected text (%1), got %2</source>
        <translation>应为文本（%1），实际为 %2</translation>
    </message>
    <message>
        <source>unknown schedule %1; expected %2</source>
        <translation>未知的学习率计划 %1；应为 %2</translation>
    </message>
    <message>
        <source>%1: %2 takes %3 (%4, e.g. %5)</source>
        <translation>%1：%2 需要 %3（%4，例如 %5）</translation>
    </message>
    <message>
        <source>%1: %2 in %3 must be a whole number &gt;= 1, got %4</source>
        <translation>%1：%3 中的 %2 必须是 ≥ 1 的整数，实际为 %4</translation>
    </message>
    <message>
        <source>%1: %2 in %3 must be a number &gt; 0, got %4</source>
        <translation>%1：%3 中的 %2 必须是 &gt; 0 的数，实际为 %4</translation>
    </message>
    <message>
        <source>%1: %2 in %3 must be a finite number &gt; 0, got %4</source>
        <translation>%1：%3 中的 %2 必须是 &gt; 0 的有限数，实际为 %4</translation>
    </message>
    <message>
        <source>categorical cross-entropy is meant to follow a softmax output</source>
        <translation>多类交叉熵应当配合 softmax 输出层使用</translation>
    </message>
    <message>
        <source>binary cross-entropy needs outputs in (0, 1): use a sigmoid output</source>
        <translation>二元交叉熵要求输出在 (0, 1) 之间：请使用 sigmoid 输出层</translation>
    </message>
    <message>
        <source>expected a list of layer sizes, got %1</source>
        <translation>应为各层大小组成的列表，实际为 %1</translation>
    </message>
    <message>
        <source>stop at 100 % accuracy needs class labels (softmax + ce) or one column of 0/1 targets: it is ignored for this data</source>
        <translation>“准确率达 100% 时停止”需要类别标签（softmax + 交叉熵）或一列 0/1 目标：对这份数据不起作用</translation>
    </message>
    <message>
        <source>holding out %1 of %2 rows leaves none to train on</source>
        <translation>从 %2 行中留出 %1 作验证后，就没有可训练的行了</translation>
    </message>
    <message>
        <source>batch size %1 is larger than the %2 rows: using all rows</source>
        <translation>批大小 %1 超过了总行数 %2：将使用全部行</translation>
    </message>
    <message>
        <source>unknown data set %1; expected one of %2</source>
        <translation>未知的数据集 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2 for %3, got %4</source>
        <translation>对于 %3 必须是 %1 到 %2 之间的整数，实际为 %4</translation>
    </message>
    <message>
        <source>must be from 0 to %1 (0 to %2), got %3</source>
        <translation>必须在 0 到 %1 之间（0 到 %2），实际为 %3</translation>
    </message>
    <message>
        <source>must be a fraction from 0 to %1, got %2</source>
        <translation>必须是 0 到 %1 之间的比例，实际为 %2</translation>
    </message>
    <message>
        <source>unknown feature %1; expected one of %2</source>
        <translation>未知的特征 %1；应为以下之一：%2</translation>
    </message>
    <message>
        <source>feature %1 is listed twice</source>
        <translation>特征 %1 被列出了两次</translation>
    </message>
    <message>
        <source>%1 on %2 inputs would add %3 derived input columns (%4); at most %5 derived columns are allowed: choose fewer inputs or fewer features</source>
        <translation>在 %2 个输入上使用 %1 会增加 %3 个派生输入列（%4）；最多允许 %5 个派生列：请减少输入或特征</translation>
    </message>
    <message>
        <source>%1 needs targets between 0 and 1 (or whole-number class labels with softmax + ce); scale the targets or choose sse/mse</source>
        <translation>%1 要求目标值在 0 到 1 之间（或者是配合 softmax + 交叉熵的整数类别标签）；请缩放目标值，或改用 SSE/MSE</translation>
    </message>
    <message>
        <source>softmax over a single output always gives 1: use sigmoid, or class labels with ce</source>
        <translation>只有一个输出时 softmax 总是得到 1：请改用 sigmoid，或使用类别标签配合交叉熵</translation>
    </message>
    <message>
        <source>the data has no target column: mark at least one column as target</source>
        <translation>数据没有目标列：请至少把一列设为目标</translation>
    </message>
    <message>
        <source>the starting weights are for %1; the data and settings need %2</source>
        <translation>初始权重对应的是 %1；而数据和设置需要的是 %2</translation>
    </message>
    <message>
        <source>layers %1, activations %2, with biases, loss %3</source>
        <translation>各层 %1，激活函数 %2，有偏置，损失函数 %3</translation>
    </message>
    <message>
        <source>layers %1, activations %2, no biases, loss %3</source>
        <translation>各层 %1，激活函数 %2，无偏置，损失函数 %3</translation>
    </message>
    <message>
        <source>a network needs at least an input and an output layer</source>
        <translation>网络至少需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <source>layer %1 has %2 units; every layer needs at least 1</source>
        <translation>第 %1 层有 %2 个单元；每一层至少需要 1 个</translation>
    </message>
    <message>
        <source>%1 can only be used on the output layer</source>
        <translation>%1 只能用于输出层</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: %2. Try a lower learning rate (now %3; e.g. %4) or normalise the inputs. The weights from epoch %5 were kept.</source>
        <translation>训练在第 %1 轮发散了：%2。请尝试更小的学习率（当前为 %3，例如改为 %4），或者对输入做归一化。已保留第 %5 轮的权重。</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: %2. Try a lower learning rate (now %3; e.g. %4). The weights from epoch %5 were kept.</source>
        <translation>训练在第 %1 轮发散了：%2。请尝试更小的学习率（当前为 %3，例如改为 %4）。已保留第 %5 轮的权重。</translation>
    </message>
    <message>
        <source>the weights became NaN or infinite</source>
        <translation>权重变成了 NaN 或无穷大</translation>
    </message>
    <message>
        <source>the loss became NaN</source>
        <translation>损失变成了 NaN</translation>
    </message>
    <message>
        <source>the loss became infinite</source>
        <translation>损失变成了无穷大</translation>
    </message>
    <message>
        <source>the weights exploded (|w| reached %1)</source>
        <translation>权重爆炸了（|w| 达到 %1）</translation>
    </message>
    <message>
        <source>the run trains until stopped (epochs 0); a script needs a number of epochs</source>
        <translation>当前设置会一直训练到手动停止（轮数为 0）；脚本需要一个确定的轮数</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package, which is not installed: %1 (or pip install onnx)</source>
        <translation>导出 ONNX 需要 onnx 包，但它尚未安装：%1（或执行 pip install onnx）</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB: not an nngui model file</source>
        <translation>文件超过 %1 MB：不是 nngui 模型文件</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>文件超过 %1 MB</translation>
    </message>
    <message>
        <source>is not an nngui model file (byte %1 at offset %2 is not valid UTF-8 text)</source>
        <translation>不是 nngui 模型文件（偏移量 %2 处的字节 %1 不是有效的 UTF-8 文本）</translation>
    </message>
    <message>
        <source>is not an nngui project file (byte at offset %1 is not UTF-8 text)</source>
        <translation>不是 nngui 项目文件（偏移量 %1 处的字节不是 UTF-8 文本）</translation>
    </message>
    <message>
        <source>the file is empty (expected a JSON object)</source>
        <translation>文件是空的（应为一个 JSON 对象）</translation>
    </message>
    <message>
        <source>the JSON text ends too early (is the file truncated?): %1</source>
        <translation>JSON 文本提前结束了（文件是否不完整？）：%1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>not a usable JSON document (nested too deeply)</source>
        <translation>不是可用的 JSON 文档（嵌套层数太深）</translation>
    </message>
    <message>
        <source>not a usable JSON document (%1)</source>
        <translation>不是可用的 JSON 文档（%1）</translation>
    </message>
    <message>
        <source>the document is nested too deeply</source>
        <translation>文档的嵌套层数太深</translation>
    </message>
    <message>
        <source>invalid model (%1)</source>
        <translation>无效的模型（%1）</translation>
    </message>
    <message>
        <source>invalid project (%1)</source>
        <translation>无效的项目（%1）</translation>
    </message>
    <message>
        <source>cannot be saved: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>this required field is missing</source>
        <translation>缺少这个必需的字段</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level, got %1</source>
        <translation>顶层应为一个 JSON 对象，实际为 %1</translation>
    </message>
    <message>
        <source>is not an nngui model file (it has no &apos;format&apos; field; expected %1)</source>
        <translation>不是 nngui 模型文件（没有 &apos;format&apos; 字段；应为 %1）</translation>
    </message>
    <message>
        <source>is not an nngui model file (format is %1, expected %2)</source>
        <translation>不是 nngui 模型文件（格式为 %1，应为 %2）</translation>
    </message>
    <message>
        <source>is not an nngui project file (format is %1, expected %2)</source>
        <translation>不是 nngui 项目文件（格式为 %1，应为 %2）</translation>
    </message>
    <message>
        <source>this is a model file, not a project (use Import weights, or open it as a model)</source>
        <translation>这是模型文件，不是项目（请使用“导入权重”，或将它作为模型打开）</translation>
    </message>
    <message>
        <source>was written by a newer nngui (model format version %1); this version reads version %2</source>
        <translation>是由更新版本的 nngui 写入的（模型格式版本 %1）；当前版本只能读取版本 %2</translation>
    </message>
    <message>
        <source>was written by a newer nngui (model format version %1); this version reads versions %2 to %3</source>
        <translation>是由更新版本的 nngui 写入的（模型格式版本 %1）；当前版本只能读取版本 %2 到 %3</translation>
    </message>
    <message>
        <source>the file was written by a newer nngui (project version %1); this version reads version %2</source>
        <translation>文件是由更新版本的 nngui 写入的（项目版本 %1）；当前版本只能读取版本 %2</translation>
    </message>
    <message>
        <source>expected a version number &gt;= 1, got %1</source>
        <translation>版本号应 ≥ 1，实际为 %1</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= %1, got %2</source>
        <translation>应为 ≥ %1 的整数，实际为 %2</translation>
    </message>
    <message>
        <source>%1 is too large (at most %2)</source>
        <translation>%1 太大了（最大为 %2）</translation>
    </message>
    <message>
        <source>expected a finite number, but the number is too large</source>
        <translation>应为有限的数，但这个数太大了</translation>
    </message>
    <message>
        <source>expected a name (one of %1), got %2</source>
        <translation>应为一个名称（以下之一：%1），实际为 %2</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为一个对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected an object of training settings, got %1</source>
        <translation>应为训练设置组成的对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected a list of column names, got %1</source>
        <translation>应为列名组成的列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected a column name (text), got %1</source>
        <translation>应为列名（文本），实际为 %1</translation>
    </message>
    <message>
        <source>expected a non-empty column name, got %1</source>
        <translation>应为非空的列名，实际为 %1</translation>
    </message>
    <message>
        <source>expected a list of rows, got %1</source>
        <translation>应为数据行组成的列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected a row of %1 numbers or nulls, got %2</source>
        <translation>应为由 %1 个数字或 null 组成的一行，实际为 %2</translation>
    </message>
    <message>
        <source>expected a list of %1 roles (one per column), got %2</source>
        <translation>应为 %1 个角色组成的列表（每列一个），实际为 %2</translation>
    </message>
    <message>
        <source>expected &apos;input&apos; or &apos;target&apos;, got %1</source>
        <translation>应为 &apos;input&apos; 或 &apos;target&apos;，实际为 %1</translation>
    </message>
    <message>
        <source>row %1, column %2: expected a number or null, got %3</source>
        <translation>第 %1 行，列 %2：应为数字或 null，实际为 %3</translation>
    </message>
    <message>
        <source>row %1, column %2: expected a finite number, got %3</source>
        <translation>第 %1 行，列 %2：应为有限的数，实际为 %3</translation>
    </message>
    <message>
        <source>infinity (or a number too large: numbers must stay below about 1.8e308)</source>
        <translation>无穷大（或者数值太大：数值必须小于约 1.8e308）</translation>
    </message>
    <message>
        <source>a number is too large (numbers must stay below about 1.8e308)</source>
        <translation>有一个数太大了（数值必须小于约 1.8e308）</translation>
    </message>
    <message>
        <source>expected at least 2 layer sizes (inputs and outputs), found %1</source>
        <translation>至少应有 2 个层大小（输入和输出），实际有 %1 个</translation>
    </message>
    <message>
        <source>expected a list of activation names, got %1</source>
        <translation>应为激活函数名称组成的列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected %1 activation names (one per layer), found %2</source>
        <translation>应有 %1 个激活函数名称（每层一个），实际有 %2 个</translation>
    </message>
    <message>
        <source>expected %1 input column names (architecture.sizes[0] is %2), found %3</source>
        <translation>应有 %1 个输入列名（architecture.sizes[0] 为 %2），实际有 %3 个</translation>
    </message>
    <message>
        <source>expected %1 target column names (the network has %2 outputs), found %3</source>
        <translation>应有 %1 个目标列名（网络有 %2 个输出），实际有 %3 个</translation>
    </message>
    <message>
        <source>expected 1 label column name (or %1, one per class), found %2</source>
        <translation>应有 1 个标签列名（或 %1 个，每个类别一个），实际有 %2 个</translation>
    </message>
    <message>
        <source>the weights take %1 inputs but the table has %2 input columns</source>
        <translation>权重需要 %1 个输入，但表格有 %2 个输入列</translation>
    </message>
    <message>
        <source>the weights take %1 inputs but the table has %2 input column</source>
        <translation>权重需要 %1 个输入，但表格有 %2 个输入列</translation>
    </message>
    <message>
        <source>the weights give %1 outputs but the table has %2 target columns</source>
        <translation>权重给出 %1 个输出，但表格有 %2 个目标列</translation>
    </message>
    <message>
        <source>the weights give %1 outputs but the table has %2 target column</source>
        <translation>权重给出 %1 个输出，但表格有 %2 个目标列</translation>
    </message>
    <message>
        <source>the weights predict %1 classes from one label column but the table has %2 target columns</source>
        <translation>权重从一个标签列预测 %1 个类别，但表格有 %2 个目标列</translation>
    </message>
    <message>
        <source>the table&apos;s column %1 has class %2, which the weights do not know (%3)</source>
        <translation>表格的列 %1 中有类别 %2，而权重不认识这个类别（%3）</translation>
    </message>
    <message>
        <source>the weights are for layers %1 but the settings describe %2</source>
        <translation>权重对应的层结构是 %1，但设置描述的是 %2</translation>
    </message>
    <message>
        <source>expected a number &gt; 0, got %1</source>
        <translation>应为大于 0 的数，实际为 %1</translation>
    </message>
    <message>
        <source>expected a number &gt;= 0 (0: off), got %1</source>
        <translation>应为 ≥ 0 的数（0：关闭），实际为 %1</translation>
    </message>
    <message>
        <source>expected a fraction from 0 to 0.9, got %1</source>
        <translation>应为 0 到 0.9 之间的比例，实际为 %1</translation>
    </message>
    <message>
        <source>is 0; a scale must not be zero (it divides the input)</source>
        <translation>为 0；缩放系数不能为零（输入要除以它）</translation>
    </message>
    <message>
        <source>epochs must increase, but %1 follows %2</source>
        <translation>轮次必须递增，但 %1 排在 %2 之后</translation>
    </message>
    <message>
        <source>expected a list of epoch numbers, got %1</source>
        <translation>应为轮次组成的列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected null because architecture.bias is false, got %1</source>
        <translation>因为 architecture.bias 为 false，这里应为 null，实际为 %1</translation>
    </message>
    <message>
        <source>expected a list of %1 numbers because architecture.bias is true, got nothing</source>
        <translation>因为 architecture.bias 为 true，这里应为 %1 个数组成的列表，但什么也没有</translation>
    </message>
    <message>
        <source>expected a list of %1 numbers because architecture.bias is true, got null</source>
        <translation>因为 architecture.bias 为 true，这里应为 %1 个数组成的列表，实际为 null</translation>
    </message>
    <message>
        <source>expected a list of %1 layers, got %2</source>
        <translation>应为 %1 个层组成的列表，实际为 %2</translation>
    </message>
    <message>
        <source>expected 1 layer for architecture.sizes %1, found %2</source>
        <translation>按 architecture.sizes %1 应有 1 层，实际有 %2 层</translation>
    </message>
    <message>
        <source>expected %1 layers for architecture.sizes %2, found %3</source>
        <translation>按 architecture.sizes %2 应有 %1 层，实际有 %3 层</translation>
    </message>
    <message>
        <source>expected a row of %1 numbers (shape %2), got %3</source>
        <translation>应为由 %1 个数组成的一行（形状 %2），实际为 %3</translation>
    </message>
    <message>
        <source>expected a row of %1 numbers (shape %2), found %3 number</source>
        <translation>应为由 %1 个数组成的一行（形状 %2），实际只有 %3 个数</translation>
    </message>
    <message>
        <source>expected a row of %1 numbers (shape %2), found %3 numbers</source>
        <translation>应为由 %1 个数组成的一行（形状 %2），实际有 %3 个数</translation>
    </message>
    <message>
        <source>expected %1 rows of %2 numbers (one per row of data.inputs), found %3 row</source>
        <translation>应有 %1 行、每行 %2 个数（与 data.inputs 逐行对应），实际只有 %3 行</translation>
    </message>
    <message>
        <source>expected %1 rows of %2 numbers (one per row of data.inputs), found %3 rows</source>
        <translation>应有 %1 行、每行 %2 个数（与 data.inputs 逐行对应），实际有 %3 行</translation>
    </message>
    <message>
        <source>expected a list of %1, got %2</source>
        <translation>应为由%1组成的列表，实际为 %2</translation>
    </message>
    <message>
        <source>expected a list of %1, found %2</source>
        <translation>应为由%1组成的列表，实际有 %2 项</translation>
    </message>
    <message>
        <source>expected %1, found %2 row</source>
        <translation>应为%1，实际只有 %2 行</translation>
    </message>
    <message>
        <source>expected %1, found %2 rows</source>
        <translation>应为%1，实际有 %2 行</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为%1，实际为 %2</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数</translation>
    </message>
    <message>
        <source>%1 numbers</source>
        <translation> %1 个数</translation>
    </message>
    <message>
        <source>%1 rows of %2 numbers (shape %3)</source>
        <translation> %1 行、每行 %2 个数（形状 %3）</translation>
    </message>
    <message>
        <source>rows of %1 numbers (shape %2)</source>
        <translation>每行 %1 个数的若干行（形状 %2）</translation>
    </message>
    <message>
        <source>an object with &apos;weights&apos; and &apos;bias&apos;</source>
        <translation>含 &apos;weights&apos; 和 &apos;bias&apos; 的对象</translation>
    </message>
    <message>
        <source>null or an object</source>
        <translation> null 或一个对象</translation>
    </message>
    <message>
        <source>null or an object with &apos;kind&apos;, &apos;shift&apos; and &apos;scale&apos;</source>
        <translation> null 或含 &apos;kind&apos;、&apos;shift&apos; 和 &apos;scale&apos; 的对象</translation>
    </message>
    <message>
        <source>null or an object with &apos;stride&apos;, &apos;epochs&apos;, &apos;min&apos;, &apos;max&apos; and &apos;last&apos;</source>
        <translation> null 或含 &apos;stride&apos;、&apos;epochs&apos;、&apos;min&apos;、&apos;max&apos; 和 &apos;last&apos; 的对象</translation>
    </message>
    <message>
        <source>null or an object with &apos;inputs&apos; and &apos;targets&apos;</source>
        <translation> null 或含 &apos;inputs&apos; 和 &apos;targets&apos; 的对象</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>true (true/false are not numbers)</source>
        <translation>true（true/false 不是数字）</translation>
    </message>
    <message>
        <source>false (true/false are not numbers)</source>
        <translation>false（true/false 不是数字）</translation>
    </message>
    <message>
        <source>the whole number %1</source>
        <translation>整数 %1</translation>
    </message>
    <message>
        <source>a very large whole number</source>
        <translation>一个非常大的整数</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>the text %1</source>
        <translation>文本 %1</translation>
    </message>
    <message>
        <source>a list of %1 items</source>
        <translation>含 %1 项的列表</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>此处应有一个值</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处应有逗号分隔符</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处应有冒号分隔符</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处应有用双引号括起的属性名</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>末尾有多余的数据</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>含有无效的控制字符</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>field %1: %2</source>
        <translation>字段 %1：%2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>列 %1</translation>
    </message>
    <message>
        <source>column number %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>DataTableModel</name>
    <message>
        <source>%1 (target)</source>
        <translation>%1（目标）</translation>
    </message>
    <message>
        <source>%1: target column — the network learns to predict it.
Right-click to use it as an input instead, rename or remove it.</source>
        <translation>%1：目标列——网络学习预测它。
右键点击可改为输入列，或重命名、删除该列。</translation>
    </message>
    <message>
        <source>%1: input column — the network reads it.
Right-click to use it as a target instead, rename or remove it.</source>
        <translation>%1：输入列——网络读取它。
右键点击可改为目标列，或重命名、删除该列。</translation>
    </message>
    <message>
        <source>not a number (use a dot as the decimal separator)</source>
        <translation>不是数字（请用小数点作为小数分隔符）</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>不是有限的数</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3 is %4; the old value was kept.</source>
        <translation>第 %1 行，列 %2：%3 %4；已保留原值。</translation>
    </message>
    <message>
        <source>Paste refused: %1 Nothing was changed.</source>
        <translation>无法粘贴：%1表格没有任何改动。</translation>
    </message>
    <message>
        <source>row %1, column %2: %3 is %4.</source>
        <translation>第 %1 行，列 %2：%3 %4。</translation>
    </message>
    <message>
        <source>the clipboard holds no cells.</source>
        <translation>剪贴板中没有单元格。</translation>
    </message>
    <message>
        <source>the first line looks like column names (%1); paste into the first row to use them as column names.</source>
        <translation>第一行看起来是列名（%1）；要把它们用作列名，请粘贴到第一行。</translation>
    </message>
    <message>
        <source>column %1: a column name cannot contain a line break.</source>
        <translation>第 %1 列：列名不能包含换行符。</translation>
    </message>
    <message>
        <source>the column name %1 would appear twice (columns %2 and %3).</source>
        <translation>列名 %1 会出现两次（第 %2 列和第 %3 列）。</translation>
    </message>
    <message>
        <source>a column name cannot be empty</source>
        <translation>列名不能为空</translation>
    </message>
    <message>
        <source>a column name cannot contain a line break</source>
        <translation>列名不能包含换行符</translation>
    </message>
    <message>
        <source>the name %1 is already used by column %2</source>
        <translation>名称 %1 已被第 %2 列使用</translation>
    </message>
    <message>
        <source>Column %1: %2; the name was kept.</source>
        <translation>列 %1：%2；已保留原名称。</translation>
    </message>
    <message>
        <source>New column: %1; no column was inserted.</source>
        <translation>新列：%1；没有插入列。</translation>
    </message>
    <message>
        <source>no column is used as a target: right-click a column header and choose &apos;Use as target&apos;</source>
        <translation>没有任何列用作目标：请右键点击列标题，选择“用作目标”</translation>
    </message>
    <message>
        <source>no column is used as an input: right-click a column header and choose &apos;Use as input&apos;</source>
        <translation>没有任何列用作输入：请右键点击列标题，选择“用作输入”</translation>
    </message>
    <message>
        <source>the cell is empty; type a number or remove the row</source>
        <translation>单元格是空的；请输入一个数字，或删除这一行</translation>
    </message>
    <message>
        <source>Clear cell %1</source>
        <translation>清空单元格 %1</translation>
    </message>
    <message>
        <source>Edit cell %1</source>
        <translation>编辑单元格 %1</translation>
    </message>
    <message>
        <source>Clear %1 cells</source>
        <translation>清空 %1 个单元格</translation>
    </message>
    <message>
        <source>Use %1 as target</source>
        <translation>将 %1 用作目标</translation>
    </message>
    <message>
        <source>Use %1 as input</source>
        <translation>将 %1 用作输入</translation>
    </message>
    <message>
        <source>Rename column %1 to %2</source>
        <translation>将列 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Insert row</source>
        <translation>插入行</translation>
    </message>
    <message>
        <source>Insert %1 rows</source>
        <translation>插入 %1 行</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>删除第 %1 行</translation>
    </message>
    <message>
        <source>Remove rows %1–%2</source>
        <translation>删除第 %1–%2 行</translation>
    </message>
    <message>
        <source>Remove %1 rows</source>
        <translation>删除 %1 行</translation>
    </message>
    <message>
        <source>Insert column %1</source>
        <translation>插入列 %1</translation>
    </message>
    <message>
        <source>Remove column %1</source>
        <translation>删除列 %1</translation>
    </message>
    <message>
        <source>Remove %1 columns</source>
        <translation>删除 %1 列</translation>
    </message>
    <message>
        <source>Replace table</source>
        <translation>替换表格</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>载入数据</translation>
    </message>
    <message>
        <source>Paste %1×%2 cells</source>
        <translation>粘贴 %1×%2 个单元格</translation>
    </message>
    <message>
        <source>Paste column names</source>
        <translation>粘贴列名</translation>
    </message>
    <message>
        <source>Pasted column names.</source>
        <translation>已粘贴列名。</translation>
    </message>
    <message>
        <source>Pasted %1×%2 cells (the first line was used as column names).</source>
        <translation>已粘贴 %1×%2 个单元格（第一行用作列名）。</translation>
    </message>
    <message>
        <source>Pasted %1×%2 cells.</source>
        <translation>已粘贴 %1×%2 个单元格。</translation>
    </message>
    <message>
        <source>Paste a new table</source>
        <translation>粘贴新表格</translation>
    </message>
    <message>
        <source>Pasted a new table: 1 row × %1 columns with their names replaced the old table (Ctrl+Z brings it back)</source>
        <translation>已粘贴新表格：1 行 × %1 列（含列名），替换了原来的表格（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Pasted a new table: %1 rows × %2 columns with their names replaced the old table (Ctrl+Z brings it back)</source>
        <translation>已粘贴新表格：%1 行 × %2 列（含列名），替换了原来的表格（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1; %2 is the target.</source>
        <translation>%1；%2 为目标列。</translation>
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
    <message>
        <source>Rename column</source>
        <translation>重命名列</translation>
    </message>
    <message>
        <source>New name for column %1:</source>
        <translation>列 %1 的新名称：</translation>
    </message>
</context>
<context>
    <name>DecisionMap</name>
    <message>
        <source>Which output the map shows</source>
        <translation>决策图显示哪一个输出</translation>
    </message>
    <message>
        <source>No data yet: load a preset or type a table with two input columns.</source>
        <translation>还没有数据：请载入预设，或输入一个有两个输入列的表格。</translation>
    </message>
    <message>
        <source>No usable data yet: the decision map appears when the table can be trained on.</source>
        <translation>还没有可用的数据：表格可以训练后，决策图就会出现。</translation>
    </message>
    <message>
        <source>this data has 1 input</source>
        <translation>这份数据只有 1 个输入</translation>
    </message>
    <message>
        <source>this data has %1 inputs</source>
        <translation>这份数据有 %1 个输入</translation>
    </message>
    <message>
        <source>The decision map needs exactly two inputs; %1.

With two inputs it colours the plane of the inputs by the network&apos;s output, behind the data points (try the Circle, Spiral, XOR or L-layer preset).</source>
        <translation>决策图需要恰好两个输入；%1。

有两个输入时，它会按网络的输出给输入平面着色，画在数据点之后（可以试试圆形、螺旋、异或或 L 层网络预设）。</translation>
    </message>
    <message>
        <source>(%1 of %2 points shown)</source>
        <translation>（显示了 %2 个点中的 %1 个）</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>activation over the plane: %1</source>
        <translation>整个平面上的激活值：%1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1 (preset)</source>
        <translation>%1（预设）</translation>
    </message>
    <message>
        <source>%1 (recovered)</source>
        <translation>%1（已恢复）</translation>
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
    <name>EvaluateView</name>
    <message>
        <source>%1 of %2 points drawn (one in %3); the CSV export holds them all</source>
        <translation>绘制了 %2 个点中的 %1 个（每 %3 个取一个）；导出的 CSV 包含全部点</translation>
    </message>
    <message>
        <source>Training rows</source>
        <translation>训练行</translation>
    </message>
    <message>
        <source>Validation rows</source>
        <translation>验证行</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>AUC (ROC)</source>
        <translation>AUC（ROC）</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>Predicted against target</source>
        <translation>预测值对目标值</translation>
    </message>
    <message>
        <source>Errors (predicted − target)</source>
        <translation>误差（预测值 − 目标值）</translation>
    </message>
    <message>
        <source>The loss and how often (or how closely) the network is right, on the rows it trains on and on the rows held out</source>
        <translation>损失，以及网络在训练行和留出行上预测正确的比例（或接近程度）</translation>
    </message>
    <message>
        <source>How many rows of each true class (row) the network puts in each class (column); click a cell to select its rows</source>
        <translation>每个真实类别（行）的样本被网络分到各类别（列）的行数；点击单元格可选中这些行</translation>
    </message>
    <message>
        <source>True positive rate against false positive rate as the threshold on the second class&apos;s output falls; the area under it is the AUC</source>
        <translation>随着第二个类别输出的阈值降低，真阳性率对假阳性率的曲线；曲线下面积即 AUC</translation>
    </message>
    <message>
        <source>Each output against its target; on the dashed line y = x the network is exactly right</source>
        <translation>每个输出对其目标值；落在虚线 y = x 上表示网络完全正确</translation>
    </message>
    <message>
        <source>How many outputs miss their target by how much</source>
        <translation>各输出偏离目标值的程度及其数量</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save this part as a PNG picture or a CSV file</source>
        <translation>将此部分保存为 PNG 图片或 CSV 文件</translation>
    </message>
    <message>
        <source>Rows: true class. Columns: predicted class. Click a cell to select its rows in Predictions.</source>
        <translation>行：真实类别。列：预测类别。点击单元格可在“预测”中选中这些行。</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出数</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>No usable data yet: the figures appear once the table and the settings make a network.</source>
        <translation>尚无可用数据：表格和设置构成网络后即显示各项指标。</translation>
    </message>
    <message>
        <source>Waiting for the first report of this network.</source>
        <translation>正在等待此网络的第一份报告。</translation>
    </message>
    <message>
        <source>Weights of epoch %1.</source>
        <translation>第 %1 轮的权重。</translation>
    </message>
    <message>
        <source>No rows are held out for validation: set a validation share in the settings to see how the network does on rows it never trains on.</source>
        <translation>没有留出验证行：在设置中设定验证比例，即可查看网络在从未训练过的行上的表现。</translation>
    </message>
    <message>
        <source>%1, as training computes it</source>
        <translation>%1，与训练时的计算方式相同</translation>
    </message>
    <message>
        <source>%1 (%2): accuracy %3</source>
        <translation>%1（%2）：准确率 %3</translation>
    </message>
    <message>
        <source>%1: AUC %2</source>
        <translation>%1：AUC %2</translation>
    </message>
    <message>
        <source>%1: R² %2</source>
        <translation>%1：R² %2</translation>
    </message>
    <message>
        <source>%1: MAE %2</source>
        <translation>%1：MAE %2</translation>
    </message>
    <message>
        <source>Save as PNG picture…</source>
        <translation>保存为 PNG 图片…</translation>
    </message>
    <message>
        <source>Save as CSV file…</source>
        <translation>保存为 CSV 文件…</translation>
    </message>
    <message>
        <source>%1 as PNG picture…</source>
        <translation>%1另存为 PNG 图片…</translation>
    </message>
    <message>
        <source>%1 as CSV file…</source>
        <translation>%1另存为 CSV 文件…</translation>
    </message>
</context>
<context>
    <name>FeaturesEditor</name>
    <message>
        <source>Squares: add each input squared (x1², x2², …) as an extra input. A circle then becomes a straight line: the circle data is solved without any hidden layer.</source>
        <translation>平方：把每个输入的平方（x1²、x2²、…）作为额外输入。圆由此变成一条直线：不用任何隐藏层就能解决圆形数据。</translation>
    </message>
    <message>
        <source>Products: add xi·xj for every pair of inputs (x1·x2, …) as extra inputs. XOR&apos;s quadrants are the sign of x1·x2.</source>
        <translation>乘积：把每对输入的乘积 xi·xj（x1·x2、…）作为额外输入。XOR 的象限正是 x1·x2 的符号。</translation>
    </message>
    <message>
        <source>Sines: add sin x1, sin x2, … as extra inputs (waves and spirals).</source>
        <translation>正弦：把 sin x1、sin x2、… 作为额外输入（适合波形和螺旋）。</translation>
    </message>
    <message>
        <source>Computed after normalisation; the first layer gets one unit per derived input.</source>
        <translation>在归一化之后计算；每个派生输入在第一层占一个单元。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Show the input features: squares, products and sines of the inputs as extra inputs</source>
        <translation>显示输入特征：把输入的平方、乘积和正弦作为额外输入</translation>
    </message>
    <message>
        <source>Input features: %1</source>
        <translation>输入特征：%1</translation>
    </message>
</context>
<context>
    <name>HiddenLayersEditor</name>
    <message>
        <source>No hidden layers: inputs connect straight to the outputs.</source>
        <translation>没有隐藏层：输入直接连接到输出。</translation>
    </message>
    <message>
        <source>Add a hidden layer (a copy of the last one)</source>
        <translation>添加一个隐藏层（复制最后一层）</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加隐藏层</translation>
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
    <name>LayerActivations</name>
    <message>
        <source>Per layer…</source>
        <translation>逐层设定…</translation>
    </message>
    <message>
        <source>A different activation for each hidden layer</source>
        <translation>每个隐藏层使用不同的激活函数</translation>
    </message>
    <message>
        <source>Activation of hidden layer %1</source>
        <translation>隐藏层 %1 的激活函数</translation>
    </message>
    <message>
        <source>Hidden layer %1 activation</source>
        <translation>隐藏层 %1 激活函数</translation>
    </message>
</context>
<context>
    <name>LessonEditor</name>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>the table needs input and target columns</source>
        <translation>表格需要输入列和目标列</translation>
    </message>
    <message>
        <source>a lesson holds 1 to %1 complete rows; the table has %2</source>
        <translation>一节课可包含 1 到 %1 行完整数据；表格有 %2 行</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>My lesson</source>
        <translation>我的课程</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>Add this state as a step</source>
        <translation>把当前状态添加为一步</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>What the student reads (Markdown)</source>
        <translation>学生看到的内容（Markdown）</translation>
    </message>
    <message>
        <source>The student trains</source>
        <translation>由学生训练</translation>
    </message>
    <message>
        <source>Optional: ask before training</source>
        <translation>可选：训练前提问</translation>
    </message>
    <message>
        <source>One choice per line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>Any answer</source>
        <translation>任何答案都可以</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Train epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Locked settings</source>
        <translation>锁定的设置</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Right choice (1 = first)</source>
        <translation>正确选项（1 = 第一个）</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Try this step</source>
        <translation>试运行这一步</translation>
    </message>
    <message>
        <source>Save lesson…</source>
        <translation>保存课程…</translation>
    </message>
    <message>
        <source>Step %1 added: the data (%2 rows) and the settings as they are now.</source>
        <translation>已添加第 %1 步：当前的数据（%2 行）和设置。</translation>
    </message>
    <message>
        <source>Lesson saved to %1</source>
        <translation>课程已保存到 %1</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Lessons (*.nngui-lesson.json)</source>
        <translation>课程 (*.nngui-lesson.json)</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Commit my answer</source>
        <translation>提交我的答案</translation>
    </message>
    <message>
        <source>Decide first, then see what happens: the step trains once you have answered</source>
        <translation>先做决定，再看结果：回答之后这一步才开始训练</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>End lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Predict, then see</source>
        <translation>先预测，再观察</translation>
    </message>
    <message>
        <source>✓ You predicted it.</source>
        <translation>✓ 你预测对了。</translation>
    </message>
    <message>
        <source>Not quite: the answer is “%1”.</source>
        <translation>不太对：答案是“%1”。</translation>
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
    <message>
        <source>epoch %1: loss %2 (%3)</source>
        <translation>第 %1 轮：损失 %2（%3）</translation>
    </message>
    <message>
        <source>best %1</source>
        <translation>最佳 %1</translation>
    </message>
    <message>
        <source>+ penalty %1 (epoch %2)</source>
        <translation>+ 惩罚项 %1（第 %2 轮）</translation>
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
        <source>Worksheet saved: %1 and %2 (with the answers), as HTML only: layers of more than %3 units do not fit a PDF page (print the HTML from a browser)</source>
        <translation>练习单已保存：%1 和 %2（含答案），仅 HTML：超过 %3 个单元的层放不进一页 PDF（请在浏览器中打印 HTML）</translation>
    </message>
    <message>
        <source>There is no loss curve yet: train first.</source>
        <translation>还没有损失曲线：请先训练。</translation>
    </message>
    <message>
        <source>Cannot export the loss as sound</source>
        <translation>无法将损失导出为声音</translation>
    </message>
    <message>
        <source>Loss curve saved as sound to %1: high pitch is high loss, a click every 10 % of the epochs</source>
        <translation>损失曲线已保存为声音 %1：音调越高损失越大，每 10% 的轮数响一下</translation>
    </message>
    <message>
        <source>Cannot export the weights</source>
        <translation>无法导出权重</translation>
    </message>
    <message>
        <source>Weights saved to %1</source>
        <translation>权重已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the CSV file</source>
        <translation>无法导出 CSV 文件</translation>
    </message>
    <message>
        <source>Table saved to %1</source>
        <translation>表格已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the predictions</source>
        <translation>无法导出预测</translation>
    </message>
    <message>
        <source>There are no predictions yet.</source>
        <translation>还没有预测结果。</translation>
    </message>
    <message>
        <source>Predictions saved to %1</source>
        <translation>预测已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the loss plot</source>
        <translation>无法导出损失曲线</translation>
    </message>
    <message>
        <source>Loss plot saved to %1</source>
        <translation>损失曲线已保存到 %1</translation>
    </message>
    <message>
        <source>Cannot export the diagram</source>
        <translation>无法导出网络图</translation>
    </message>
    <message>
        <source>Diagram saved to %1</source>
        <translation>网络图已保存到 %1</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Cannot export the evaluation</source>
        <translation>无法导出评估结果</translation>
    </message>
    <message>
        <source>There is nothing to export yet: train first, with the Evaluate tab in front.</source>
        <translation>还没有可导出的内容：请先在“评估”标签页显示时进行训练。</translation>
    </message>
    <message>
        <source>Evaluation saved to %1</source>
        <translation>评估结果已保存到 %1</translation>
    </message>
    <message>
        <source>Export evaluation picture</source>
        <translation>导出评估图片</translation>
    </message>
    <message>
        <source>Export evaluation table</source>
        <translation>导出评估表格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>导出权重</translation>
    </message>
    <message>
        <source>Model files (*.json)</source>
        <translation>模型文件 (*.json)</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>Export loss plot</source>
        <translation>导出损失曲线</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出网络图</translation>
    </message>
    <message>
        <source>Export as Python script</source>
        <translation>导出为 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Export worksheet</source>
        <translation>导出练习单</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Export loss as sound</source>
        <translation>将损失导出为声音</translation>
    </message>
    <message>
        <source>WAV sound files (*.wav)</source>
        <translation>WAV 声音文件 (*.wav)</translation>
    </message>
    <message>
        <source>Export as C header</source>
        <translation>导出为 C 头文件</translation>
    </message>
    <message>
        <source>C headers (*.h)</source>
        <translation>C 头文件 (*.h)</translation>
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
        <source>Evaluate</source>
        <translation>评估</translation>
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
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <source>The decision map needs data with exactly two inputs.</source>
        <translation>决策图需要恰好有两个输入的数据。</translation>
    </message>
    <message>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>Panels:</source>
        <translation>面板：</translation>
    </message>
    <message>
        <source>Frames, evenly spaced in epochs:</source>
        <translation>帧数（按轮次均匀分布）：</translation>
    </message>
    <message>
        <source>Number of frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Every checkpoint (%1 frames, many early)</source>
        <translation>每个检查点一帧（共 %1 帧，前期较密）</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>Each frame shows for:</source>
        <translation>每帧显示时长：</translation>
    </message>
    <message>
        <source>GIF file</source>
        <translation>GIF 文件</translation>
    </message>
    <message>
        <source>The animated GIF; the PNG frames go to a folder beside it (NAME_frames).</source>
        <translation>动画 GIF；PNG 帧保存在它旁边的文件夹中（NAME_frames）。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>GIF file:</source>
        <translation>GIF 文件：</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>GIF 图像 (*.gif)</translation>
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
        <source>New da&amp;ta set…</source>
        <translation>新建数据集(&amp;T)…</translation>
    </message>
    <message>
        <source>Replace the table with generated data (circle, XOR, spiral, ...) with noise, a seed and a validation share</source>
        <translation>用生成的数据（圆形、XOR、螺旋等）替换表格，可设噪声、随机种子和验证比例</translation>
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
        <source>Export loss as &amp;sound…</source>
        <translation>将损失导出为声音(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the loss curve as a WAV file you can listen to: the pitch follows the loss, a click marks every 10 % of the epochs</source>
        <translation>把损失曲线保存为可以收听的 WAV 文件：音调随损失变化，每 10% 的轮数有一声提示</translation>
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
        <source>Export anima&amp;tion…</source>
        <translation>导出动画(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the decision map, the loss curve and the diagram over training as an animated GIF and PNG frames, for slides</source>
        <translation>将训练过程中的决策图、损失曲线和网络图保存为动画 GIF 和 PNG 帧，用于幻灯片</translation>
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
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
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
        <source>Resume from &amp;here</source>
        <translation>从此处继续(&amp;H)</translation>
    </message>
    <message>
        <source>Train on from the epoch the time slider shows: a new branch, the earlier run stays on the loss plot as a faded curve</source>
        <translation>从时间滑块所示的轮次继续训练：开始一个新分支，之前的运行以淡色曲线保留在损失图上</translation>
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
        <source>Show &amp;validation points</source>
        <translation>显示验证点(&amp;V)</translation>
    </message>
    <message>
        <source>Draw the rows held out for validation on the decision map (hollow)</source>
        <translation>在决策图上画出留作验证的行（空心）</translation>
    </message>
    <message>
        <source>D&amp;iscretise output</source>
        <translation>离散化输出(&amp;I)</translation>
    </message>
    <message>
        <source>Colour the decision map by the predicted class only, without blending by probability</source>
        <translation>决策图只按预测类别着色，不按概率混合颜色</translation>
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
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Loss, accuracy, confusion matrix and ROC, or RMSE, MAE, R² and plots, for the training and the validation rows</source>
        <translation>训练行和验证行的损失、准确率、混淆矩阵和 ROC，或 RMSE、MAE、R² 及图表</translation>
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
        <source>No file name was given for the animation.</source>
        <translation>没有为动画指定文件名。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file name.</source>
        <translation>%1 是一个文件夹，不是文件名。</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist.</source>
        <translation>%1：文件夹 %2 不存在。</translation>
    </message>
    <message>
        <source>%1: the folder %2 is not writable.</source>
        <translation>%1：文件夹 %2 不可写。</translation>
    </message>
    <message>
        <source>%1 is a file; the PNG frames need a folder of that name.</source>
        <translation>%1 是一个文件；PNG 帧需要一个同名的文件夹。</translation>
    </message>
    <message>
        <source>Choose at least one panel to draw (the decision map needs data with exactly two inputs).</source>
        <translation>请至少选择一个要绘制的面板（决策图需要恰好有两个输入的数据）。</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>轮次 %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>Writing a GIF needs the Pillow package: %1</source>
        <translation>写入 GIF 需要 Pillow 包：%1</translation>
    </message>
    <message>
        <source>There are no frames to write: train first.</source>
        <translation>没有可写入的帧：请先训练。</translation>
    </message>
    <message>
        <source>Cannot export the animation</source>
        <translation>无法导出动画</translation>
    </message>
    <message>
        <source>There is nothing to animate yet: train first (the frames are drawn from the checkpoints kept while training).</source>
        <translation>还没有可制作动画的内容：请先训练（各帧取自训练时保存的检查点）。</translation>
    </message>
    <message>
        <source>Drawing the animation…</source>
        <translation>正在绘制动画…</translation>
    </message>
    <message>
        <source>Animation export cancelled: nothing was written.</source>
        <translation>已取消导出动画：未写入任何文件。</translation>
    </message>
    <message>
        <source>Animation saved to %1: %2 frames (the PNG frames are in %3).</source>
        <translation>动画已保存到 %1：共 %2 帧（PNG 帧在 %3 中）。</translation>
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
        <source>The learning rate of the latest epoch, set by the schedule</source>
        <translation>最近一轮的学习率（由学习率计划决定）</translation>
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
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Training stopped because of an error:

%1

The last weights were kept; you can change the settings, Reset or train again.</source>
        <translation>训练因出错而停止：

%1

已保留最后的权重；你可以修改设置、重置，或再次训练。</translation>
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
        <source>Compared runs cleared.</source>
        <translation>已清除对比曲线。</translation>
    </message>
    <message>
        <source>Compared runs cleared (1 pinned run kept).</source>
        <translation>已清除对比曲线（保留了 1 条已固定的曲线）。</translation>
    </message>
    <message>
        <source>Compared runs cleared (%1 pinned runs kept).</source>
        <translation>已清除对比曲线（保留了 %1 条已固定的曲线）。</translation>
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
        <source>Stopped early: best validation loss at epoch %1, weights of that epoch kept. Change or switch off early stopping to train on, or Reset.</source>
        <translation>已提前停止：第 %1 轮验证损失最低，已保留该轮的权重。修改或关闭早停可继续训练，或者重置。</translation>
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
        <source>nngui files (*.nngui.json *.json *.csv);;Projects (*.nngui.json);;Model files (*.json);;CSV files (*.csv);;All files (*)</source>
        <translation>nngui 文件 (*.nngui.json *.json *.csv);;项目 (*.nngui.json);;模型文件 (*.json);;CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <source>Model files (*.json);;All files (*)</source>
        <translation>模型文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>nngui projects (*.nngui.json)</source>
        <translation>nngui 项目 (*.nngui.json)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>Cannot load the preset</source>
        <translation>无法载入预设</translation>
    </message>
    <message>
        <source>Preset: %1. %2</source>
        <translation>预设：%1。%2</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot open the model file</source>
        <translation>无法打开模型文件</translation>
    </message>
    <message>
        <source>Cannot import the weights</source>
        <translation>无法导入权重</translation>
    </message>
    <message>
        <source>Imported the weights from %1 (epoch %2).</source>
        <translation>已从 %1 导入权重（第 %2 轮）。</translation>
    </message>
    <message>
        <source>The model takes %1 inputs and gives %2 outputs, but the table has %3 input and %4 target columns, and the model file holds no data. Arrange the table&apos;s columns to match, then import again.</source>
        <translation>该模型需要 %1 个输入、给出 %2 个输出，但表格有 %3 个输入列和 %4 个目标列，而模型文件中没有数据。请先调整表格的列使其匹配，再重新导入。</translation>
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
    <message>
        <source>Autosave skipped: %1</source>
        <translation>已跳过自动保存：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, autosaved %2: %3 rows × %4 columns, trained weights.</source>
        <translation>%1，自动保存于 %2：%3 行 × %4 列，含训练好的权重。</translation>
    </message>
    <message>
        <source>%1, autosaved %2: %3 rows × %4 columns.</source>
        <translation>%1，自动保存于 %2：%3 行 × %4 列。</translation>
    </message>
    <message>
        <source>An autosaved project could not be read and was set aside (%1): %2</source>
        <translation>有一个自动保存的项目无法读取，已将其移到一边（%1）：%2</translation>
    </message>
    <message>
        <source>Recovered %1 as it was autosaved at %2. Save it (Ctrl+S) to keep it.</source>
        <translation>已恢复 %1（自动保存于 %2 时的状态）。请保存（Ctrl+S）以保留它。</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading the CSV file; the table stays as it is</source>
        <translation>停止载入 CSV 文件；表格保持不变</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在载入 %1…</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled; the table is unchanged.</source>
        <translation>已取消载入 %1；表格没有改动。</translation>
    </message>
    <message>
        <source>You can keep working while %1 loads.</source>
        <translation>%1 载入期间，你可以继续工作。</translation>
    </message>
    <message>
        <source>Cannot import the CSV file</source>
        <translation>无法导入 CSV 文件</translation>
    </message>
    <message>
        <source>%1

The table was not changed.</source>
        <translation>%1

表格没有改动。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 rows from %2; the last column is the target (right-click a header to change it).</source>
        <translation>已从 %2 导入 %1 行；最后一列为目标（右键点击列标题可更改）。</translation>
    </message>
    <message>
        <source>%1 Training was paused.</source>
        <translation>%1训练已暂停。</translation>
    </message>
    <message>
        <source>%1: there is not enough memory to load it</source>
        <translation>%1：内存不足，无法载入</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>%1

nngui keeps running, but this is a bug: save your work (File → Save As) and please report the message above.</source>
        <translation>%1

nngui 仍在运行，但这是一个程序错误：请保存你的工作（文件 → 另存为），并报告上面的信息。</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a lesson file (.nngui-lesson.json)</source>
        <translation>打开课程文件（.nngui-lesson.json）</translation>
    </message>
    <message>
        <source>&amp;Teacher mode</source>
        <translation>教师模式(&amp;T)</translation>
    </message>
    <message>
        <source>Build a lesson from the window: add the current data and settings as a step, write its text and question, lock settings, save</source>
        <translation>用窗口制作课程：把当前数据和设置添加为一步，编写文字和问题，锁定设置，然后保存</translation>
    </message>
    <message>
        <source>&amp;End lesson</source>
        <translation>结束课程(&amp;E)</translation>
    </message>
    <message>
        <source>Close the lesson pane; every setting is editable again</source>
        <translation>关闭课程面板；所有设置恢复可编辑</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>课程：%1</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.nngui-lesson.json);;JSON files (*.json)</source>
        <translation>课程 (*.nngui-lesson.json);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Lesson editor</source>
        <translation>课程编辑器</translation>
    </message>
    <message>
        <source>Edit bias %1</source>
        <translation>编辑偏置 %1</translation>
    </message>
    <message>
        <source>Edit weight %1</source>
        <translation>编辑权重 %1</translation>
    </message>
    <message>
        <source>%1 no longer exists: the network has changed since.</source>
        <translation>%1 已不存在：网络在此之后已改变。</translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <source>+ penalty %1</source>
        <translation>+ 惩罚项 %1</translation>
    </message>
    <message>
        <source>stopped early: best validation loss at epoch %1, weights of that epoch kept</source>
        <translation>已提前停止：第 %1 轮验证损失最低，已保留该轮的权重</translation>
    </message>
    <message>
        <source>Nothing to edit yet: the network has no data to train on.</source>
        <translation>暂无可编辑的内容：网络还没有可训练的数据。</translation>
    </message>
    <message>
        <source>Input units have no bias: double-click an edge to edit its weight.</source>
        <translation>输入单元没有偏置：双击一条连线可编辑其权重。</translation>
    </message>
    <message>
        <source>This network has no biases (Bias units is off).</source>
        <translation>此网络没有偏置（“偏置单元”已关闭）。</translation>
    </message>
    <message>
        <source>Training paused to edit by hand; press Resume (Space) to go on.</source>
        <translation>训练已暂停以便手动编辑；按“继续”（空格键）接着训练。</translation>
    </message>
    <message>
        <source>%1 set to %2 (was %3); Ctrl+Z undoes.</source>
        <translation>%1 已设为 %2（原为 %3）；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Go back to an earlier epoch: drag, or use the arrow keys and Page Up/Down. Training pauses and every view shows the network as it was then; the last position is live.</source>
        <translation>回到更早的轮次：拖动滑块，或使用方向键和上/下翻页键。训练会暂停，所有视图都显示网络当时的状态；最右端是实时状态。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Move the time slider to an earlier epoch first.</source>
        <translation>请先把时间滑块移到更早的轮次。</translation>
    </message>
    <message>
        <source>Resumed from epoch %1: a new branch (the earlier run stays on the loss plot, faded).</source>
        <translation>已从第 %1 轮继续：这是一个新分支（之前的运行以淡色保留在损失图上）。</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
</context>
<context>
    <name>MapDrawing</name>
    <message>
        <source>Draw points</source>
        <translation>画点</translation>
    </message>
    <message>
        <source>The class of the points a click adds</source>
        <translation>点击添加的点所属的类别</translation>
    </message>
    <message>
        <source>Click on the map to add a point of the chosen class, right-click to remove the nearest point; each is one undo step (Ctrl+Z)</source>
        <translation>在图上点击添加所选类别的点，右键点击删除最近的点；每次操作都可撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Drawing points needs data with two inputs and one column of class labels (e.g. 0 and 1)</source>
        <translation>画点需要两个输入和一列类别标签（例如 0 和 1）的数据</translation>
    </message>
    <message>
        <source>Draw a point of class %1</source>
        <translation>画一个类别 %1 的点</translation>
    </message>
    <message>
        <source>Remove the point in row %1</source>
        <translation>删除第 %1 行的点</translation>
    </message>
</context>
<context>
    <name>MathsInspector</name>
    <message>
        <source>σ′ = 1 where a &amp;gt; 0, else 0</source>
        <translation>a &amp;gt; 0 时 σ′ = 1，否则为 0</translation>
    </message>
    <message>
        <source>σ′ = 1 where a &amp;gt; 0, else 0.01</source>
        <translation>a &amp;gt; 0 时 σ′ = 1，否则为 0.01</translation>
    </message>
    <message>
        <source>softmax Jacobian: dZ = a ⊙ (dA − Σ(dA ⊙ a))</source>
        <translation>softmax 的雅可比矩阵：dZ = a ⊙ (dA − Σ(dA ⊙ a))</translation>
    </message>
    <message>
        <source>L = mean (ŷ − y)²</source>
        <translation>L = 平均值 (ŷ − y)²</translation>
    </message>
    <message>
        <source>sigmoid + binary cross-entropy: the σ′ cancels, dZ = ŷ − y</source>
        <translation>sigmoid + 二元交叉熵：σ′ 被约去，dZ = ŷ − y</translation>
    </message>
    <message>
        <source>softmax + cross-entropy: the Jacobian cancels, dZ = ŷ − y</source>
        <translation>softmax + 交叉熵：雅可比矩阵被约去，dZ = ŷ − y</translation>
    </message>
    <message>
        <source>bias of %1</source>
        <translation>%1 的偏置</translation>
    </message>
    <message>
        <source>Select a row in Predictions</source>
        <translation>请在“预测”中选中一行</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare backpropagation&apos;s gradient with finite differences of the training loss, parameter by parameter</source>
        <translation>逐个参数地把反向传播得到的梯度与训练损失的有限差分进行比较</translation>
    </message>
    <message>
        <source>Forward &amp;&amp; backward</source>
        <translation>前向与反向</translation>
    </message>
    <message>
        <source>No network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <source>No usable data yet.</source>
        <translation>还没有可用的数据。</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <source>Row %1 of %2</source>
        <translation>第 %1 行（共 %2 行）</translation>
    </message>
    <message>
        <source>Row %1 of %2 (no row selected: select one in Predictions)</source>
        <translation>第 %1 行（共 %2 行；尚未选中行：请在“预测”中选中一行）</translation>
    </message>
    <message>
        <source>%1 · weights of epoch %2</source>
        <translation>%1 · 第 %2 轮的权重</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>normalised (%1, as in training): A0 = (x − shift) / scale</source>
        <translation>已归一化（%1，与训练时相同）：A0 = (x − 平移量) / 缩放系数</translation>
    </message>
    <message>
        <source>A0 = x (no normalisation)</source>
        <translation>A0 = x（未归一化）</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>the target (class %1 as one-hot)</source>
        <translation>目标值（类别 %1 的独热编码）</translation>
    </message>
    <message>
        <source>Forward pass: z = a_prev @ W + b, a = σ(z)</source>
        <translation>前向传播：z = a_prev @ W + b，a = σ(z)</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>(Loy: ŷ, the output)</source>
        <translation>（Loy：ŷ，即输出）</translation>
    </message>
    <message>
        <source>Z%1 = %2, with</source>
        <translation>Z%1 = %2，其中</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward pass: one step for this row</source>
        <translation>反向传播：这一行的一步</translation>
    </message>
    <message>
        <source>%1, dA%2 from layer %3</source>
        <translation>%1，dA%2 来自第 %3 层</translation>
    </message>
    <message>
        <source>dA_prev: passed back to the layer before</source>
        <translation>dA_prev：传回给前一层</translation>
    </message>
    <message>
        <source>Loy&apos;s d_weights%1 = −dW%1 (he adds it to the weights).</source>
        <translation>Loy 的 d_weights%1 = −dW%1（他把它加到权重上）。</translation>
    </message>
    <message>
        <source>One gradient-descent step on this row</source>
        <translation>在这一行上做一步梯度下降</translation>
    </message>
    <message>
        <source>backpropagation agrees with the finite differences</source>
        <translation>反向传播与有限差分一致</translation>
    </message>
    <message>
        <source>backpropagation agrees except at ReLU kinks (see below)</source>
        <translation>除 ReLU 的折点外，反向传播与有限差分一致（见下文）</translation>
    </message>
    <message>
        <source>some gradients disagree with the finite differences</source>
        <translation>有些梯度与有限差分不一致</translation>
    </message>
    <message>
        <source>every parameter</source>
        <translation>检验了全部参数</translation>
    </message>
    <message>
        <source>%1 of the %2 parameters, spread over every layer</source>
        <translation>检验了 %2 个参数中的 %1 个，分布在每一层</translation>
    </message>
    <message>
        <source>Largest relative error %1</source>
        <translation>最大相对误差 %1</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Weights of epoch %1; the loss L = %2 over the %3 training rows, as the trainer computes it; %4.</source>
        <translation>第 %1 轮的权重；损失 L = %2，按训练器的算法在 %3 个训练行上计算；%4。</translation>
    </message>
    <message>
        <source>Largest errors first. analytic: from backpropagation (Network.gradient); numeric: (−L(θ+2h) + 8·L(θ+h) − 8·L(θ−h) + L(θ−2h)) / 12h with h = %1; relative error = |analytic − numeric| / max(|analytic|, |numeric|, %2).</source>
        <translation>误差最大的排在前面。解析值：来自反向传播（Network.gradient）；数值：(−L(θ+2h) + 8·L(θ+h) − 8·L(θ−h) + L(θ−2h)) / 12h，其中 h = %1；相对误差 = |解析值 − 数值| / max(|解析值|, |数值|, %2)。</translation>
    </message>
    <message>
        <source>ReLU has a kink at 0 (no derivative there): a parameter whose ±2h moves some row&apos;s z across 0 shows a larger error without any bug, hence the small h</source>
        <translation>ReLU 在 0 处有折点（那里没有导数）：如果某个参数变化 ±2h 会让某一行的 z 越过 0，即使没有任何错误，也会显示较大的误差，所以这里用很小的 h</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1; 1 parameter here.</source>
        <translation>%1；这里有 1 个这样的参数。</translation>
    </message>
    <message>
        <source>%1; %2 parameters here.</source>
        <translation>%1；这里有 %2 个这样的参数。</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>解析值</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Gradient check&lt;/b&gt; to compare the gradient from backpropagation with finite differences of the loss.</source>
        <translation>按&lt;b&gt;梯度检验&lt;/b&gt;，把反向传播得到的梯度与损失的有限差分进行比较。</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>%1, of this row alone. The trainer&apos;s loss adds up this over its 1 training row.</source>
        <translation>%1，仅针对这一行。训练器的损失是把它在 1 个训练行上求和。</translation>
    </message>
    <message>
        <source>%1, of this row alone. The trainer&apos;s loss adds up this over its %2 training rows.</source>
        <translation>%1，仅针对这一行。训练器的损失是把它在 %2 个训练行上求和。</translation>
    </message>
    <message>
        <source>%1, of this row alone. The trainer&apos;s loss averages this over its 1 training row.</source>
        <translation>%1，仅针对这一行。训练器的损失是把它在 1 个训练行上取平均。</translation>
    </message>
    <message>
        <source>%1, of this row alone. The trainer&apos;s loss averages this over its %2 training rows.</source>
        <translation>%1，仅针对这一行。训练器的损失是把它在 %2 个训练行上取平均。</translation>
    </message>
    <message>
        <source>Training takes one step per epoch with the sum of these gradients over all %1 training rows (or a batch of them), using the %2 optimiser</source>
        <translation>训练时每轮走一步，使用这些梯度在全部 %1 个训练行（或其中一批）上的总和，优化器为 %2</translation>
    </message>
    <message>
        <source>Training takes one step per epoch with the mean of these gradients over all %1 training rows (or a batch of them), using the %2 optimiser</source>
        <translation>训练时每轮走一步，使用这些梯度在全部 %1 个训练行（或其中一批）上的平均值，优化器为 %2</translation>
    </message>
    <message>
        <source>%1, which scales each step by its running averages</source>
        <translation>%1，它会用梯度的滑动平均来调整每一步的大小</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot write %1: %2 is a file, not a folder. Choose another folder.</source>
        <translation>无法写入 %1：%2 是一个文件，而不是文件夹。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist (it may have been moved, renamed or be on a disconnected drive). Choose another folder.</source>
        <translation>无法写入 %1：文件夹 %2 不存在（它可能已被移动、重命名，或位于已断开的驱动器上）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not accept new files (%3). Choose another folder.</source>
        <translation>无法写入 %1：文件夹 %2 不接受新文件（%3）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: permission denied in the folder %2 (it is read-only or belongs to another user). Choose another folder, such as your Documents folder.</source>
        <translation>无法写入 %1：没有文件夹 %2 的写入权限（它是只读的，或属于其他用户）。请选择其他文件夹，例如你的“文档”文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 is on a read-only disk. Choose another folder.</source>
        <translation>无法写入 %1：文件夹 %2 位于只读磁盘上。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: the disk is full (or your quota is used up). Free some space or choose another disk; the previous file, if any, was not changed.</source>
        <translation>无法写入 %1：磁盘已满（或你的配额已用完）。请释放一些空间或选择其他磁盘；原有的文件（如果有）没有被改动。</translation>
    </message>
    <message>
        <source>Cannot write %1: a folder of that name is in the way. Choose another name.</source>
        <translation>无法写入 %1：已有一个同名文件夹。请换一个名称。</translation>
    </message>
    <message>
        <source>Cannot write %1: the name or path is too long. Choose a shorter one.</source>
        <translation>无法写入 %1：名称或路径太长。请选择短一些的。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>bias = %1</source>
        <translation>偏置 = %1</translation>
    </message>
    <message>
        <source>input = %1</source>
        <translation>输入 = %1</translation>
    </message>
    <message>
        <source>activation = %1</source>
        <translation>激活值 = %1</translation>
    </message>
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
    <name>NewDataSet</name>
    <message>
        <source>New data set</source>
        <translation>新建数据集</translation>
    </message>
    <message>
        <source>How many rows to draw (at most %1)</source>
        <translation>生成多少行（最多 %1）</translation>
    </message>
    <message>
        <source>0 %: clean classes; up to 50 %: labels near the boundary mixed, blobs and arms wider, targets noisier</source>
        <translation>0 %：类别干净；最高 50 %：边界附近的标签混杂，团簇和螺旋臂变宽，目标值噪声更大</translation>
    </message>
    <message>
        <source>The same seed draws the same rows</source>
        <translation>相同的种子生成相同的行</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw new rows (a new seed)</source>
        <translation>生成新的行（新的随机种子）</translation>
    </message>
    <message>
        <source>Fraction of the rows held out to measure the validation loss (the settings&apos; Validation)</source>
        <translation>留出用于计算验证损失的行的比例（即设置中的“验证集”）</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>class %1: %2</source>
        <translation>类别 %1：%2</translation>
    </message>
    <message>
        <source>y from %1 to %2</source>
        <translation>y 从 %1 到 %2</translation>
    </message>
    <message>
        <source>%1 rows (%2)</source>
        <translation>%1 行（%2）</translation>
    </message>
    <message>
        <source>%1 held out for validation</source>
        <translation>%1 行留作验证</translation>
    </message>
    <message>
        <source>Cannot make the data set</source>
        <translation>无法生成数据集</translation>
    </message>
    <message>
        <source>New data set: %1</source>
        <translation>新建数据集：%1</translation>
    </message>
    <message>
        <source>a new data set</source>
        <translation>换了新数据集</translation>
    </message>
    <message>
        <source>New data set: %1 rows of %2 with %3 % noise (seed %4); the last column is the target.</source>
        <translation>新建数据集：%1 行%2，噪声 %3 %（种子 %4）；最后一列是目标。</translation>
    </message>
</context>
<context>
    <name>Palettes</name>
    <message>
        <source>Cannot write %1: the image is empty</source>
        <translation>无法写入 %1：图像是空的</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: saving the PNG failed</source>
        <translation>无法写入 %1：保存 PNG 失败</translation>
    </message>
</context>
<context>
    <name>PredictionModel</name>
    <message>
        <source>%1 predicted</source>
        <translation>%1 预测值</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>%1 误差</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>The network&apos;s output for %1</source>
        <translation>网络对 %1 的输出</translation>
    </message>
    <message>
        <source>|predicted − target| for %1</source>
        <translation>%1 的 |预测值 − 目标值|</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>The class in %1</source>
        <translation>%1 中的类别</translation>
    </message>
    <message>
        <source>The class with the highest output</source>
        <translation>输出最高的类别</translation>
    </message>
    <message>
        <source>The network&apos;s probability for the predicted class</source>
        <translation>网络给出的预测类别的概率</translation>
    </message>
    <message>
        <source>✓ when the predicted class is the true class</source>
        <translation>预测类别就是真实类别时显示 ✓</translation>
    </message>
    <message>
        <source>Held out for validation: the network never trains on this row</source>
        <translation>留作验证：网络从不在这一行上训练</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Show all %1 inputs (%2 folded away)</source>
        <translation>显示全部 %1 个输入（已折叠 %2 个）</translation>
    </message>
    <message>
        <source>Fold the inputs after the first %1</source>
        <translation>折叠前 %1 个之后的输入</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RunActivation</name>
    <message>
        <source>%1 hidden units</source>
        <translation>隐藏层用 %1</translation>
    </message>
</context>
<context>
    <name>RunCompare</name>
    <message>
        <source>learning rate %1</source>
        <translation>学习率 %1</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>%1 hidden units</source>
        <translation>%1 个隐藏单元</translation>
    </message>
    <message>
        <source>hidden layers %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>activations %1</source>
        <translation>激活函数 %1</translation>
    </message>
    <message>
        <source>features %1</source>
        <translation>输入特征 %1</translation>
    </message>
    <message>
        <source>no input features</source>
        <translation>无输入特征</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>输出层用 %1</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>损失函数 %1</translation>
    </message>
    <message>
        <source>all rows per step</source>
        <translation>每步用全部行</translation>
    </message>
    <message>
        <source>batches of %1</source>
        <translation>每批 %1 行</translation>
    </message>
    <message>
        <source>%1 weights</source>
        <translation>初始权重 %1</translation>
    </message>
    <message>
        <source>with biases</source>
        <translation>有偏置</translation>
    </message>
    <message>
        <source>no biases</source>
        <translation>无偏置</translation>
    </message>
    <message>
        <source>raw inputs</source>
        <translation>原始输入</translation>
    </message>
    <message>
        <source>%1 inputs</source>
        <translation>输入%1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>随机种子 %1</translation>
    </message>
    <message>
        <source>%1 held out</source>
        <translation>留出 %1</translation>
    </message>
    <message>
        <source>no validation rows</source>
        <translation>无验证行</translation>
    </message>
    <message>
        <source>%1 epochs</source>
        <translation>%1 轮</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source>Nothing to pin yet: train first.</source>
        <translation>还没有可固定的曲线：请先训练。</translation>
    </message>
    <message>
        <source>Run %1 pinned: it stays on the loss plot when compared runs are cleared.</source>
        <translation>已固定第 %1 次训练：清除对比曲线时它会保留在损失图上。</translation>
    </message>
    <message>
        <source>Run %1 unpinned.</source>
        <translation>已取消固定第 %1 次训练。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>run %1 (pinned): %2</source>
        <translation>第 %1 次（已固定）：%2</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>第 %1 次：%2</translation>
    </message>
    <message>
        <source>Not comparable (another loss): %1</source>
        <translation>无法对比（损失函数不同）：%1</translation>
    </message>
    <message>
        <source>run %1 (%2)</source>
        <translation>第 %1 次（%2）</translation>
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
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Derived inputs added after normalisation, as in TensorFlow Playground</source>
        <translation>在归一化之后添加的派生输入，与 TensorFlow Playground 相同</translation>
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
        <source>Rows per update for mini-batch optimisers (0 = all rows); full-batch gradient descent always uses all rows</source>
        <translation>小批量优化器每次更新使用的行数（0 = 全部行）；全批量梯度下降总是使用全部行</translation>
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
        <source>Locked by the lesson</source>
        <translation>已被课程锁定</translation>
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
        <source>%1 + %2 derived</source>
        <translation>%1 + %2 个派生</translation>
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
    <name>SpinGuard</name>
    <message>
        <source>%1: %2; %3. It stays %4.</source>
        <translation>%1：%2；%3。保持为 %4。</translation>
    </message>
    <message>
        <source>that key is not accepted</source>
        <translation>不接受这个按键</translation>
    </message>
    <message>
        <source>%1 is not accepted</source>
        <translation>不接受 %1</translation>
    </message>
    <message>
        <source>an empty value is not accepted</source>
        <translation>不接受空值</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>it must be a number from %1 to %2</source>
        <translation>它必须是 %1 到 %2 之间的数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>it must be a whole number ≥ 0 (0 trains until you stop it)</source>
        <translation>它必须是 ≥ 0 的整数（0 表示一直训练到你停止）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>it must be a whole number ≥ 0 (0 uses all rows)</source>
        <translation>它必须是 ≥ 0 的整数（0 表示使用全部行）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>it must be a whole number ≥ 0</source>
        <translation>它必须是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>it must be a fraction from 0 to 0.9</source>
        <translation>它必须是 0 到 0.9 之间的比例</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <source>it must be a whole number from 1 to %1</source>
        <translation>它必须是 1 到 %1 之间的整数</translation>
    </message>
</context>
<context>
    <name>TrainingOptions</name>
    <message>
        <source>Regularisation and schedule</source>
        <translation>正则化与学习率计划</translation>
    </message>
    <message>
        <source>L2 and L1 penalties on the weights, a learning-rate schedule and early stopping (click, Space or Enter to open)</source>
        <translation>权重的 L2 和 L1 惩罚、学习率计划和早停（单击、空格键或回车键展开）</translation>
    </message>
    <message>
        <source>L2 penalty (l2 / 2) * sum(W^2) on the weights, not the biases; Off = 0</source>
        <translation>对权重（不含偏置）的 L2 惩罚 (l2 / 2) × Σ W²；0 表示关闭</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>L1 penalty l1 * sum(|W|) on the weights, not the biases; Off = 0</source>
        <translation>对权重（不含偏置）的 L1 惩罚 l1 × Σ |W|；0 表示关闭</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>How the learning rate changes epoch by epoch (epoch e counts from 1, lr is the learning rate above)</source>
        <translation>学习率如何逐轮变化（轮次 e 从 1 开始计数，η 为上面的学习率）</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs and keep the weights of its best epoch (needs a validation share); Off = 0</source>
        <translation>验证损失连续这么多轮没有改善时停止，并保留最佳一轮的权重（需要验证比例）；0 表示关闭</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 超出范围</translation>
    </message>
    <message>
        <source>It stays %1.</source>
        <translation>仍为 %1。</translation>
    </message>
    <message>
        <source>That key is not accepted here.</source>
        <translation>此处不接受该按键。</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <source>now %1 · Enter applies, Esc cancels</source>
        <translation>当前 %1 · 回车键应用，Esc 取消</translation>
    </message>
    <message>
        <source>Old value: %1</source>
        <translation>原值：%1</translation>
    </message>
    <message>
        <source>%1 is not a finite number: type one such as 0.5 or -1e-3</source>
        <translation>%1 不是有限数：请输入如 0.5 或 -1e-3 的数</translation>
    </message>
</context>
<context>
    <name>WeightHistory</name>
    <message>
        <source>No history yet: train to record it.</source>
        <translation>还没有历史记录：训练后才会记录。</translation>
    </message>
    <message>
        <source>Not recorded (only the first units of very big layers are).</source>
        <translation>未记录（很大的层只记录前面的几个单元）。</translation>
    </message>
    <message>
        <source>epoch %1 → %2:  %3 → %4   (min %5, max %6)</source>
        <translation>第 %1 → %2 轮：%3 → %4   （最小 %5，最大 %6）</translation>
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
        <source>The network also takes the input features %1, computed from the (normalised) inputs.</source>
        <translation>网络还接收输入特征 %1，由（归一化后的）输入计算得到。</translation>
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
        <source>1 / (1 + e^-z)</source>
        <translation>1 / (1 + e^-z)</translation>
    </message>
    <message>
        <source>tanh(z)</source>
        <translation>tanh(z)</translation>
    </message>
    <message>
        <source>max(0, z)</source>
        <translation>max(0, z)</translation>
    </message>
    <message>
        <source>z if z &gt; 0 else 0.01 z</source>
        <translation>z &gt; 0 时为 z，否则为 0.01 z</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>e^z_k / sum_j e^z_j</source>
        <translation>e^z_k / Σ_j e^z_j</translation>
    </message>
    <message>
        <source>sum (p - y)^2</source>
        <translation>Σ (p − y)²</translation>
    </message>
    <message>
        <source>mean (p - y)^2</source>
        <translation>平均值 (p − y)²</translation>
    </message>
    <message>
        <source>-(1/n) sum [y log p + (1-y) log(1-p)]</source>
        <translation>−(1/n) Σ [y log p + (1−y) log(1−p)]</translation>
    </message>
    <message>
        <source>-(1/n) sum y log p</source>
        <translation>−(1/n) Σ y log p</translation>
    </message>
    <message>
        <source>p -= lr * g on all rows</source>
        <translation>p −= 学习率 × g，用全部行</translation>
    </message>
    <message>
        <source>p -= lr * g per shuffled mini-batch</source>
        <translation>p −= 学习率 × g，每个打乱后的小批量各一次</translation>
    </message>
    <message>
        <source>v = 0.9 v - lr g; p += v</source>
        <translation>v = 0.9 v − 学习率 × g；p += v</translation>
    </message>
    <message>
        <source>adaptive moments, beta 0.9 / 0.999</source>
        <translation>自适应矩估计，β = 0.9 / 0.999</translation>
    </message>
    <message>
        <source>W ~ U[0, 1)</source>
        <translation>W ~ U[0, 1)</translation>
    </message>
    <message>
        <source>W ~ N(0, 1) * 0.01</source>
        <translation>W ~ N(0, 1) × 0.01</translation>
    </message>
    <message>
        <source>W ~ U[-sqrt(6/(in+out)), +]</source>
        <translation>W ~ U[−√(6/(输入数+输出数)), +]</translation>
    </message>
    <message>
        <source>W ~ N(0, 1) * sqrt(2/in)</source>
        <translation>W ~ N(0, 1) × √(2/输入数)</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Class 1 inside a circle, class 0 around it.</source>
        <translation>类别 1 在圆内，类别 0 在圆外。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Class 1 in the quadrants where x1 and x2 have opposite signs.</source>
        <translation>类别 1 位于 x1 与 x2 符号相反的象限。</translation>
    </message>
    <message>
        <source>Two Gaussian blobs</source>
        <translation>两个高斯团</translation>
    </message>
    <message>
        <source>Two clouds of points, one per class; noise widens them.</source>
        <translation>两团点云，每类一团；噪声使它们变宽。</translation>
    </message>
    <message>
        <source>Spiral (3 classes)</source>
        <translation>螺旋（3 类）</translation>
    </message>
    <message>
        <source>Three interleaved spiral arms.</source>
        <translation>三条交错的螺旋臂。</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Two interleaving half circles.</source>
        <translation>两个交错的半圆。</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>y = (x1 + x2) / 2.</source>
        <translation>y = (x1 + x2) / 2。</translation>
    </message>
    <message>
        <source>Sine (regression)</source>
        <translation>正弦（回归）</translation>
    </message>
    <message>
        <source>y = sin(pi x1), one input.</source>
        <translation>y = sin(pi x1)，一个输入。</translation>
    </message>
    <message>
        <source>Squares (x²)</source>
        <translation>平方（x²）</translation>
    </message>
    <message>
        <source>Products (xi·xj)</source>
        <translation>乘积（xi·xj）</translation>
    </message>
    <message>
        <source>Sines (sin x)</source>
        <translation>正弦（sin x）</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>lr * GAMMA ** floor((e - 1) / EVERY)</source>
        <translation>η × γ^⌊(e − 1) / N⌋</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>因子 γ</translation>
    </message>
    <message>
        <source>every (epochs)</source>
        <translation>间隔 N（轮）</translation>
    </message>
    <message>
        <source>Exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>lr * GAMMA ** (e - 1)</source>
        <translation>η × γ^(e − 1)</translation>
    </message>
    <message>
        <source>Cosine to zero</source>
        <translation>余弦降至零</translation>
    </message>
    <message>
        <source>lr * (1 + cos(pi * (e - 1) / E)) / 2</source>
        <translation>η × (1 + cos(π (e − 1) / E)) / 2</translation>
    </message>
    <message>
        <source>None (raw inputs)</source>
        <translation>无（原始输入）</translation>
    </message>
    <message>
        <source>Standardise (mean 0, sd 1)</source>
        <translation>标准化（Z 分数）</translation>
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
    <name>lessons</name>
    <message>
        <source>Why hidden layers: the circle</source>
        <translation>为什么需要隐藏层：圆</translation>
    </message>
    <message>
        <source>Points inside a circle against points outside: a network without hidden layers fails, the same network with squared inputs succeeds, and a hidden layer learns the squares by itself.</source>
        <translation>圆内的点与圆外的点：没有隐藏层的网络做不到，同一网络加上平方输入就能做到，而隐藏层能自己学会这些平方。</translation>
    </message>
    <message>
        <source>From James Loy&apos;s table to a neuron</source>
        <translation>从 James Loy 的表格到一个神经元</translation>
    </message>
    <message>
        <source>James Loy&apos;s four-row table, first with one neuron, then with his 3-4-1 network; the forward pass, the loss and one step of backpropagation with the actual numbers.</source>
        <translation>James Loy 的四行表格：先用一个神经元，再用他的 3-4-1 网络；用实际数字演示前向传播、损失和一步反向传播。</translation>
    </message>
    <message>
        <source>Overfitting and how to see it</source>
        <translation>过拟合以及如何看出它</translation>
    </message>
    <message>
        <source>A big network learns a few noisy points by heart: the validation loss shows it, less noise avoids it, L2 and early stopping cure it.</source>
        <translation>大网络把少量带噪声的点死记硬背下来：验证损失会暴露它，减少噪声可以避免，L2 和提前停止可以治好它。</translation>
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
