<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../planbook/gui/messages.py" line="39"/>
        <source>Upgrading the library {0} for this version of Planbook (once; a large library takes a minute)…</source>
        <translation>正在为新版 Planbook 升级方案库 {0}（仅此一次；方案多时约需一分钟）…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../planbook/gui/backups.py" line="39"/>
        <source>Backups and Restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="43"/>
        <source>A copy of the library is kept each day it is opened (the last {0}), in {1}</source>
        <translation>每天首次打开方案库时自动备份一份（保留最近 {0} 份），存放在 {1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="51"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="51"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="51"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="63"/>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="65"/>
        <source>Restore Selected…</source>
        <translation>恢复所选…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="95"/>
        <source>No backups yet.</source>
        <translation>尚无备份。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="114"/>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="125"/>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="126"/>
        <source>Replace everything in the library with the backup of {0}?</source>
        <translation>用 {0} 的备份替换方案库中的全部内容吗？</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="133"/>
        <source>What the library holds now is backed up first, so you can go back to it by restoring that copy. Undo history is cleared.</source>
        <translation>恢复前会先备份方案库的当前内容，如需回到现在的状态，恢复那份备份即可。撤销记录将被清空。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/backups.py" line="143"/>
        <source>Restored {0}.</source>
        <translation>已恢复 {0}。</translation>
    </message>
</context>
<context>
    <name>Binding</name>
    <message>
        <location filename="../../planbook/gui/qtcompat.py" line="73"/>
        <source>PySide6 {0} on Python {1} loses a reference to None on every Qt value it converts, so the window would abort within minutes. Install PySide6 6.11 with

{2} -m pip install &quot;PySide6&gt;=6.7,&lt;6.12&quot;

or run Planbook on Python 3.12 or later.</source>
        <translation>PySide6 {0}（Python {1}）每转换一个 Qt 值就少记一次对 None 的引用，窗口几分钟内就会异常退出。请安装 PySide6 6.11：

{2} -m pip install &quot;PySide6&gt;=6.7,&lt;6.12&quot;

或在 Python 3.12 及以上版本运行 Planbook。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="44"/>
        <source>Check Before Issuing</source>
        <translation>发文前检查</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="51"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="51"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="59"/>
        <source>Re-check</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="67"/>
        <source>Double-click a problem (or press Enter) to go to it in the plan.</source>
        <translation>双击问题（或按回车键）可转到方案中的相应位置。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="91"/>
        <source>Check Before Issuing: {0}</source>
        <translation>发文前检查：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="106"/>
        <source>No problems found.</source>
        <translation>没有发现问题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="108"/>
        <source>No errors; {0} warnings to look at</source>
        <translation>没有错误，{0} 个提醒请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="110"/>
        <source>{0} errors</source>
        <translation>{0} 个错误</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="112"/>
        <source>{0} errors, {1} warnings</source>
        <translation>{0} 个错误，{1} 个提醒</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="119"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="120"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="121"/>
        <source>Notice title</source>
        <translation>通知标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="122"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="123"/>
        <source>Signers</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="124"/>
        <source>Signed on</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="125"/>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="126"/>
        <source>Printed on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="127"/>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="128"/>
        <source>Masthead</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="129"/>
        <source>Recipients</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="130"/>
        <source>Notice text</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="131"/>
        <source>Preamble</source>
        <translation>总体要求</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="132"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/checkdialog.py" line="133"/>
        <source>Review Draft</source>
        <translation>审阅草稿</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../planbook/gui/editors.py" line="114"/>
        <source>Write the year in 〔〕 (hexagonal brackets), e.g. 某教发〔2021〕3号</source>
        <translation>年份应使用六角括号〔〕，如：某教发〔2021〕3号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="117"/>
        <source>A document number reads agency code, 〔year〕, serial and 号, e.g. 某教发〔2021〕3号</source>
        <translation>发文字号由机关代字、〔年份〕、发文顺序号和“号”组成，如：某教发〔2021〕3号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="121"/>
        <source>The serial number takes no leading zero (3号, not 03号)</source>
        <translation>发文顺序号不编虚位（写作 3号，不写 03号）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="123"/>
        <source>The year in the number ({0}) is far from the plan&apos;s year ({1})</source>
        <translation>文号中的年份（{0}）与方案年度（{1}）相差较远</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <location filename="../../planbook/gui/clipboard.py" line="62"/>
        <source>Copied: paste it into a plan here, or into Word or WPS</source>
        <translation>已复制：可粘贴到本程序的方案中，或粘贴到 Word、WPS</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/clipboard.py" line="74"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/clipboard.py" line="109"/>
        <source>The clipboard holds no sections or tasks</source>
        <translation>剪贴板中没有可粘贴的部分或任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/clipboard.py" line="117"/>
        <source>These rows cannot go here: select a task or section</source>
        <translation>这些条目不能放在这里：请选中一个任务或部分</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/clipboard.py" line="120"/>
        <source>Paste {0} Rows</source>
        <translation>粘贴 {0} 条</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="44"/>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="45"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="46"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="47"/>
        <source>Dropped</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="266"/>
        <location filename="../../planbook/gui/compareview.py" line="325"/>
        <source>Compare Plans</source>
        <translation>比较方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="278"/>
        <source>Show kept tasks</source>
        <translation>显示保留的任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="290"/>
        <source>Compare with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="318"/>
        <source>There is no other plan in the library to compare with.</source>
        <translation>方案库中没有可比较的其他方案。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="323"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="324"/>
        <location filename="../../planbook/gui/compareview.py" line="331"/>
        <source>Comparing tasks…</source>
        <translation>正在比较任务…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="348"/>
        <source>Comparison cancelled.</source>
        <translation>已取消比较。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="355"/>
        <source>{0} → {1}: kept {2}, changed {3}, added {4}, dropped {5}</source>
        <translation>{0} → {1}：保留 {2}，修改 {3}，新增 {4}，删除 {5}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="375"/>
        <source>(no section)</source>
        <translation>（未分节）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/compareview.py" line="377"/>
        <source>The two plans have the same tasks: nothing was changed, added or dropped.</source>
        <translation>两个方案的任务相同：没有修改、新增或删除。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../planbook/gui/follow.py" line="306"/>
        <source>Export Progress Report…</source>
        <translation>导出进展报告…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="325"/>
        <source>{0} tasks: </source>
        <translation>共 {0} 项任务：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="325"/>
        <source>&#x3000;({0}% done)</source>
        <translation>&#x3000;（已完成 {0}%）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="331"/>
        <source>Tasks by lead unit and status</source>
        <translation>各牵头单位任务进展</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="182"/>
        <source>Word: issuing notice and plan (*.docx)</source>
        <translation>Word 文档：印发通知及方案 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="183"/>
        <source>Word: the plan alone (*.docx)</source>
        <translation>Word 文档：仅方案 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="185"/>
        <source>Word: task breakdown table (*.docx)</source>
        <translation>Word 文档：任务分解表 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="187"/>
        <source>Word: progress report (*.docx)</source>
        <translation>Word 文档：工作进展情况报告 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="195"/>
        <source>PDF: issuing notice and plan (*.pdf)</source>
        <translation>PDF：印发通知及方案 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="196"/>
        <source>PDF: the plan alone (*.pdf)</source>
        <translation>PDF：仅方案 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="212"/>
        <source>Excel: task breakdown table (*.xlsx)</source>
        <translation>Excel 表格：任务分解表 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="218"/>
        <source>Plain text, numbered (*.txt)</source>
        <translation>纯文本（带编号） (*.txt)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="224"/>
        <source>Planbook exchange file (*.json)</source>
        <translation>Planbook 交换文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exportdialog.py" line="47"/>
        <source>plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exportdialog.py" line="56"/>
        <source>Export Plan</source>
        <translation>导出方案</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="204"/>
        <source>OFD: issuing notice and plan (*.ofd)</source>
        <translation>OFD 版式文件：印发通知及方案 (*.ofd)</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="205"/>
        <source>OFD: the plan alone (*.ofd)</source>
        <translation>OFD 版式文件：仅方案 (*.ofd)</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../planbook/gui/exports.py" line="112"/>
        <source>Export Task Breakdown Table</source>
        <translation>导出任务分解表</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="116"/>
        <source>Export Progress Report</source>
        <translation>导出进展报告</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="137"/>
        <source>Unknown format {0}</source>
        <translation>未知格式 {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="142"/>
        <location filename="../../planbook/gui/exports.py" line="152"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="145"/>
        <source>Writing {0}</source>
        <translation>正在写入 {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="146"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="154"/>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="160"/>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="168"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/exports.py" line="168"/>
        <source>Show Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>FieldsForm</name>
    <message>
        <location filename="../../planbook/gui/editors.py" line="330"/>
        <source>No fields. Add one with Add (Alt+A): 牵头单位, 责任单位, 完成时限 …</source>
        <translation>尚无字段。用“添加”（Alt+A）添加：牵头单位、责任单位、完成时限……</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="337"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="338"/>
        <source>Add a field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="345"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="346"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="347"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="444"/>
        <source>Add Field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="452"/>
        <source>Remove Field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="461"/>
        <source>Reorder Fields</source>
        <translation>调整字段顺序</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="475"/>
        <source>Edit Field</source>
        <translation>编辑字段</translation>
    </message>
</context>
<context>
    <name>FollowDocks</name>
    <message>
        <location filename="../../planbook/gui/docks.py" line="39"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="40"/>
        <source>Progress Dashboard</source>
        <translation>进展看板</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="41"/>
        <source>Review Draft</source>
        <translation>审阅草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="141"/>
        <source>Showing the tasks of {0} (View ▸ Show All Tasks shows all)</source>
        <translation>仅显示{0}的任务（视图 ▸ 显示全部任务 可恢复）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="172"/>
        <source>This plan names no units</source>
        <translation>本方案没有写明任何单位</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="174"/>
        <location filename="../../planbook/gui/docks.py" line="178"/>
        <source>Rename Unit</source>
        <translation>单位更名</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="174"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="178"/>
        <source>New name for {0}</source>
        <translation>{0}的新名称</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="190"/>
        <source>No field names {0}</source>
        <translation>没有字段写到{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/docks.py" line="192"/>
        <source>Rename Unit {0} to {1}</source>
        <translation>单位更名：{0} → {1}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../planbook/gui/help.py" line="26"/>
        <source>Planbook User Guide</source>
        <translation>Planbook 使用指南</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../planbook/gui/imports.py" line="44"/>
        <location filename="../../planbook/gui/imports.py" line="95"/>
        <source>Import Plans</source>
        <translation>导入方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="44"/>
        <source>Plans ({0});;All files (*)</source>
        <translation>方案文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="61"/>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="67"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="68"/>
        <source>Importing plans</source>
        <translation>正在导入方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="88"/>
        <source>Import cancelled: nothing was added</source>
        <translation>已取消导入：没有添加任何方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="100"/>
        <source>Import Plan</source>
        <translation>导入方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="115"/>
        <source>Imported {0} plans from {1} files</source>
        <translation>已从 {1} 个文件导入 {0} 个方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="117"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/imports.py" line="141"/>
        <source>Drop to import: a preview comes first</source>
        <translation>松开即可导入：先显示导入预览</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="68"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="71"/>
        <source>Not imported: {0}</source>
        <translation>未导入：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="72"/>
        <source>{0}: not imported: {1}</source>
        <translation>{0}：未导入：{1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="79"/>
        <source>Import Preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="82"/>
        <source>Recognised structure</source>
        <translation>识别出的结构</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="82"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="110"/>
        <source>{0} plan(s) from {1} file(s); {2} warning(s) or error(s) to check.</source>
        <translation>{1} 个文件中识别出 {0} 个方案；有 {2} 条警告或错误需要核对。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="115"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/importpreview.py" line="154"/>
        <source>Issuing notice: {0}</source>
        <translation>印发通知：{0}</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../planbook/core/model.py" line="109"/>
        <source>Section (一、)</source>
        <translation>一级标题（一、）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="110"/>
        <source>section</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="131"/>
        <source>Subsection (（一）)</source>
        <translation>二级标题（（一））</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="132"/>
        <source>subsection</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="153"/>
        <source>Task (1.)</source>
        <translation>任务（1.）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="154"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="175"/>
        <source>Item (（1）)</source>
        <translation>子项（（1））</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="176"/>
        <source>item</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="84"/>
        <source>{kind} ({number})</source>
        <translation>{kind}（{number}）</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="73"/>
        <location filename="../../planbook/gui/librarypane.py" line="179"/>
        <source>Filter by title, organ, number…</source>
        <translation>按标题、机关、文号筛选…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="77"/>
        <source>By year</source>
        <translation>按年度</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="78"/>
        <source>By title</source>
        <translation>按标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="79"/>
        <source>Recently modified</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="88"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="88"/>
        <location filename="../../planbook/gui/librarypane.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="85"/>
        <location filename="../../planbook/gui/librarypane.py" line="101"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="86"/>
        <location filename="../../planbook/gui/librarypane.py" line="101"/>
        <source>Issued</source>
        <translation>已印发</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="82"/>
        <source>Year {0}</source>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="83"/>
        <source>No year</source>
        <translation>未注明年度</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="84"/>
        <source>No issuing organ</source>
        <translation>未注明发文机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="87"/>
        <source>{0} nodes · modified {1}</source>
        <translation>{0} 个条目 · 修改于 {1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/librarypane.py" line="172"/>
        <source>Reading the library…</source>
        <translation>正在读取方案库…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="84"/>
        <source>Choose a plan in the library, or create one with File ▸ New Plan.</source>
        <translation>请在左侧方案库中选择方案，或通过“文件 ▸ 新建方案”创建。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="118"/>
        <source>&amp;New Plan</source>
        <translation>新建方案(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="120"/>
        <source>New Plan &amp;From…</source>
        <translation>从现有方案新建(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="211"/>
        <source>D&amp;uplicate Plan</source>
        <translation>复制方案(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="213"/>
        <source>Delete Plan…</source>
        <translation>删除方案…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="224"/>
        <source>Normalize &amp;Punctuation</source>
        <translation>规范标点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="209"/>
        <source>Draft Next Year&apos;s Plan</source>
        <translation>新建下一年度草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="127"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="129"/>
        <source>Import from &amp;Clipboard</source>
        <translation>从剪贴板导入(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="131"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="133"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="137"/>
        <source>&amp;Open Library…</source>
        <translation>打开方案库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="139"/>
        <source>New &amp;Library…</source>
        <translation>新建方案库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="148"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="229"/>
        <source>Plan &amp;Properties</source>
        <translation>方案属性(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="185"/>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="150"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="151"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="168"/>
        <source>New Sibling</source>
        <translation>新建同级条目</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="170"/>
        <source>New Child</source>
        <translation>新建下级条目</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="244"/>
        <source>New {0}</source>
        <translation>新建{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="173"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="176"/>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="178"/>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="192"/>
        <source>Expand All</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="193"/>
        <source>Collapse to Sections</source>
        <translation>折叠到一级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="233"/>
        <source>&amp;About Planbook</source>
        <translation>关于 Planbook(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="190"/>
        <source>Find Plan</source>
        <translation>查找方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="188"/>
        <source>Search All Plans</source>
        <translation>搜索全部方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="220"/>
        <source>&amp;Compare With…</source>
        <translation>与其他方案比较(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="218"/>
        <source>Chec&amp;k Before Issuing…</source>
        <translation>发文前检查(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="222"/>
        <source>&amp;Rename Unit…</source>
        <translation>单位更名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="226"/>
        <source>Export Task &amp;Breakdown Table…</source>
        <translation>导出任务分解表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="204"/>
        <source>Show All Tasks</source>
        <translation>显示全部任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="201"/>
        <source>&amp;Units</source>
        <translation>单位视图(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="202"/>
        <source>Progress &amp;Dashboard</source>
        <translation>进展看板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="107"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="141"/>
        <source>Recent Libraries</source>
        <translation>最近的方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="108"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="172"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="109"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="206"/>
        <location filename="../../planbook/gui/helpmenu.py" line="51"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="110"/>
        <source>&amp;Plan</source>
        <translation>方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="111"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="169"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="176"/>
        <source>Search all plans (Ctrl+F): 校园足球  &quot;立德树人&quot;  -疫情  year:2019  unit:基教科</source>
        <translation>搜索全部方案（Ctrl+F）：校园足球  &quot;立德树人&quot;  -疫情  年度:2019  单位:基教科</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="181"/>
        <source>Search Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="209"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="308"/>
        <source>Cannot open the library</source>
        <translation>无法打开方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="339"/>
        <location filename="../../planbook/gui/mainwindow.py" line="349"/>
        <source>{0} plans in {1}</source>
        <translation>方案库 {1} 共有 {0} 个方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/session.py" line="71"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="361"/>
        <source>Open Library</source>
        <translation>打开方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="363"/>
        <source>Planbook libraries (*.db *.planbook *.sqlite);;All files (*)</source>
        <translation>Planbook 方案库 (*.db *.planbook *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="371"/>
        <source>New Library</source>
        <translation>新建方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="373"/>
        <source>Planbook libraries (*.db)</source>
        <translation>Planbook 方案库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="407"/>
        <source>Drafted from “{0}” (plan {1})</source>
        <translation>由《{0}》（方案 {1}）起草</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="433"/>
        <source>All changes saved · {0}</source>
        <translation>所有修改已保存 · {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/mainwindow.py" line="437"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="182"/>
        <source>Demote</source>
        <translation>降一级</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="180"/>
        <source>Promote</source>
        <translation>升一级</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="135"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="166"/>
        <source>&amp;Edit Selected</source>
        <translation>编辑所选(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="196"/>
        <source>Next Pane</source>
        <translation>下一窗格</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="198"/>
        <source>Previous Pane</source>
        <translation>上一窗格</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/helpmenu.py" line="38"/>
        <source>About Planbook</source>
        <translation>关于 Planbook</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/helpmenu.py" line="39"/>
        <source>&lt;h3&gt;Planbook {0}&lt;/h3&gt;&lt;p&gt;Draft, keep and issue annual work plans.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;/p&gt;&lt;p&gt;Qt for Python {2} · GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Planbook {0}&lt;/h3&gt;&lt;p&gt;起草、保存和印发年度工作要点。&lt;/p&gt;&lt;p&gt;方案库：{1}&lt;/p&gt;&lt;p&gt;Qt for Python {2} · GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/helpmenu.py" line="52"/>
        <source>The new language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="216"/>
        <source>&amp;Review Draft…</source>
        <translation>审阅草稿(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="155"/>
        <source>Find and &amp;Replace…</source>
        <translation>查找和替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="158"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="160"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="162"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="232"/>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="122"/>
        <source>New from &amp;Template</source>
        <translation>从模板新建(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="124"/>
        <source>Recent P&amp;lans</source>
        <translation>最近打开的方案(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../planbook/core/backup.py" line="123"/>
        <location filename="../../planbook/core/backup.py" line="302"/>
        <source>cannot write a backup in {folder}: {reason}</source>
        <translation>无法在 {folder} 中写入备份：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/backup.py" line="283"/>
        <location filename="../../planbook/core/backup.py" line="325"/>
        <source>cannot restore {name}: {reason}</source>
        <translation>无法恢复 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/drafting.py" line="63"/>
        <source>“{title}” names no year, so there is no next year to draft</source>
        <translation>《{title}》没有写明年度，无法新建下一年度草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="251"/>
        <source>position {position} is outside 0…{last}</source>
        <translation>位置 {position} 超出范围（0…{last}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="256"/>
        <source>the parent belongs to another plan</source>
        <translation>上级条目属于另一个方案</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="314"/>
        <source>a node cannot move inside itself</source>
        <translation>条目不能移到自身之下</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="316"/>
        <source>a node can only move within its plan</source>
        <translation>条目只能在本方案内移动</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="325"/>
        <source>position {position} is outside the new parent&apos;s children</source>
        <translation>位置 {position} 超出新上级条目的下级范围</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="418"/>
        <source>a {kind} cannot sit at the top level</source>
        <translation>{kind}不能位于最上一级</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="421"/>
        <source>a {kind} cannot sit inside a {parent}</source>
        <translation>{kind}不能位于{parent}之下</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="100"/>
        <source>not valid JSON (line {line}, column {column}: {reason})</source>
        <translation>不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="116"/>
        <source>not a Planbook file: expected &quot;format&quot;: &quot;{expected}&quot;, found {found!r}</source>
        <translation>不是 Planbook 文件：应有 &quot;format&quot;: &quot;{expected}&quot;，实为 {found!r}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="134"/>
        <location filename="../../planbook/core/exchange.py" line="219"/>
        <location filename="../../planbook/core/exchange.py" line="222"/>
        <location filename="../../planbook/core/exchange.py" line="225"/>
        <source>{where} must be a list</source>
        <translation>{where} 应为列表</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="163"/>
        <source>plan.notice has unknown keys: {keys}</source>
        <translation>plan.notice 中有未知的键：{keys}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="178"/>
        <source>{where} must be true or false</source>
        <translation>{where} 必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="189"/>
        <source>{where} is not base64 data</source>
        <translation>{where} 不是 base64 数据</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="191"/>
        <source>{where} is not a PNG image</source>
        <translation>{where} 不是 PNG 图片</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="207"/>
        <source>{where}: a {kind} cannot sit at the top level</source>
        <translation>{where}：{kind}不能位于最上一级</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="212"/>
        <source>{where}: a {kind} cannot sit inside a {parent}</source>
        <translation>{where}：{kind}不能位于{parent}之下</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="241"/>
        <location filename="../../planbook/core/exchange.py" line="260"/>
        <source>{where} is missing</source>
        <translation>缺少 {where}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="252"/>
        <source>{where} must be an object</source>
        <translation>{where} 应为对象</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="263"/>
        <source>{where} must be text</source>
        <translation>{where} 应为文本</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="270"/>
        <source>{where} must be a list of text</source>
        <translation>{where} 应为文本列表</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="279"/>
        <source>plan.year must be a year such as 2020, not {value!r}</source>
        <translation>plan.year 应为年份（如 2020），实为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="291"/>
        <source>{where} must be a date YYYY-MM-DD, not {value!r}</source>
        <translation>{where} 应为 YYYY-MM-DD 格式的日期，实为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="301"/>
        <source>{where} must be one of {allowed}, not {value!r}</source>
        <translation>{where} 应为 {allowed} 之一，实为 {value!r}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="98"/>
        <source>{path} is a folder, not a library file</source>
        <translation>{path} 是文件夹，不是方案库文件</translation>
    </message>
    <message>
        <location filename="../../planbook/core/backup.py" line="271"/>
        <location filename="../../planbook/core/library.py" line="102"/>
        <location filename="../../planbook/core/library.py" line="132"/>
        <source>no library at {path}</source>
        <translation>{path} 处没有方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="108"/>
        <source>cannot create the library folder {folder}: {reason}</source>
        <translation>无法创建方案库文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="144"/>
        <source>{name} is damaged ({result})</source>
        <translation>{name} 已损坏（{result}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="174"/>
        <source>the library {path} is read-only; changes cannot be saved</source>
        <translation>方案库 {path} 为只读，修改无法保存</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="390"/>
        <location filename="../../planbook/core/library.py" line="393"/>
        <source>no plan with id {id}</source>
        <translation>找不到 ID 为 {id} 的方案</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="493"/>
        <location filename="../../planbook/core/library.py" line="498"/>
        <source>no node with id {id}</source>
        <translation>找不到 ID 为 {id} 的条目</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="662"/>
        <source>{path} is not a Planbook library (it is not an SQLite database)</source>
        <translation>{path} 不是 Planbook 方案库（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="93"/>
        <location filename="../../planbook/core/library.py" line="666"/>
        <location filename="../../planbook/core/library.py" line="815"/>
        <source>cannot open the library {path}: {reason}</source>
        <translation>无法打开方案库 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="672"/>
        <source>{path} is an SQLite database of another program, not a Planbook library</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 Planbook 方案库</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="677"/>
        <source>{path} was written by a newer Planbook (library version {version}; this one reads up to {supported}): please update Planbook</source>
        <translation>{path} 由较新版本的 Planbook 写入（方案库版本 {version}，本版本最高只能读取版本 {supported}）：请升级 Planbook</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="749"/>
        <source>the disk is full: free some space and try again (nothing was changed)</source>
        <translation>磁盘已满：请释放一些空间后重试（未作任何更改）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="752"/>
        <source>the disk could not be read or written (was it removed, or is it failing?)</source>
        <translation>无法读写磁盘（磁盘是否已被移除或出现故障？）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="754"/>
        <source>the file is damaged (restore a backup with `planbook restore`)</source>
        <translation>文件已损坏（请用 `planbook restore` 恢复一份备份）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="755"/>
        <source>another program is busy with the library: try again in a moment</source>
        <translation>另一个程序正在使用方案库：请稍后再试</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="756"/>
        <source>the library is read-only; changes cannot be saved</source>
        <translation>方案库为只读，修改无法保存</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="758"/>
        <source>the file cannot be opened (check the folder exists and may be read)</source>
        <translation>无法打开文件（请检查文件夹是否存在、是否有读取权限）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="305"/>
        <source>this library has no search index (open it writable once to upgrade it)</source>
        <translation>这个方案库没有搜索索引（请以可写方式打开一次，完成升级）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="332"/>
        <source>not a year: year:{raw} (e.g. year:2019 or year:2017-2020)</source>
        <translation>年份写法不对：{raw}（例如 年度:2019 或 年度:2017-2020）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="333"/>
        <source>this library has no search index yet: open it writable once (or run planbook reindex)</source>
        <translation>这个方案库还没有搜索索引：请以可写方式打开一次（或运行 planbook reindex）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="412"/>
        <source>search text too long ({length} characters; at most {limit})</source>
        <translation>搜索内容过长（{length} 个字符，最多 {limit} 个）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="422"/>
        <source>a filter cannot be negated: -{word}</source>
        <translation>筛选条件不能取反：-{word}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="430"/>
        <source>too many search words (at most {limit})</source>
        <translation>搜索词过多（最多 {limit} 个）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="449"/>
        <source>unknown kind: kind:{raw} (use task, section, subsection, item or plan)</source>
        <translation>不认识的类型：kind:{raw}（可用 task、section、subsection、item、plan）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="454"/>
        <source>{key}: needs something after it, e.g. unit:基教科</source>
        <translation>{key}: 后面要写内容，例如 unit:基教科</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="463"/>
        <source>not a field filter: field:{raw} (e.g. field:责任单位=基教科)</source>
        <translation>字段写法不对：field:{raw}（例如 field:责任单位=基教科）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/search.py" line="546"/>
        <source>this library has no search index yet and is read-only: open it writable and run planbook reindex</source>
        <translation>这个方案库的搜索索引尚未建立，且方案库只读：请以可写方式打开后运行 planbook reindex</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="29"/>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_writer.py" line="186"/>
        <source>unknown layout {layout!r} for docx (choose from {choices})</source>
        <translation>DOCX 没有 {layout!r} 版式（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="51"/>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="52"/>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="53"/>
        <source>it is an OpenType font with PostScript (CFF) outlines; a PDF can embed only fonts with TrueType outlines (.ttf, .ttc)</source>
        <translation>这是 PostScript（CFF）轮廓的 OpenType 字体，PDF 只能嵌入 TrueType 轮廓的字体（.ttf、.ttc）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="58"/>
        <source>the font&apos;s licence does not allow embedding it in a PDF</source>
        <translation>字体的授权不允许嵌入 PDF</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="59"/>
        <source>it is not a usable TrueType font file</source>
        <translation>不是可用的 TrueType 字体文件</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="60"/>
        <source>the font collection has no such face</source>
        <translation>字体集中没有这个字体</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="61"/>
        <source>the font has no Chinese characters</source>
        <translation>字体中没有汉字</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="62"/>
        <source>the font has no digits for the page numbers</source>
        <translation>字体中没有页码所用的数字</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="75"/>
        <source>cannot use the font file {path} (font setting {key}): {reason}{detail}</source>
        <translation>无法使用字体文件 {path}（字体设置 {key}）：{reason}{detail}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="81"/>
        <source>cannot use the font file {path}: {reason}{detail}</source>
        <translation>无法使用字体文件 {path}：{reason}{detail}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="118"/>
        <source>cannot read the font settings file {path}: {reason}</source>
        <translation>字体设置文件 {path} 无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="119"/>
        <source>the font settings file {path} must be an object {{role: font file}}</source>
        <translation>字体设置文件 {path} 应是 {{角色: 字体文件}} 的对象</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="122"/>
        <source>the font settings file {path} names unknown roles: {unknown} (known: {known})</source>
        <translation>字体设置文件 {path} 中有未知的角色：{unknown}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_fonts.py" line="142"/>
        <source>in the font settings file {path}, {key} must name a font file, or be {{&quot;file&quot;: file name, &quot;index&quot;: number}}</source>
        <translation>字体设置文件 {path} 中 {key} 的值应是字体文件名，或 {{&quot;file&quot;: 文件名, &quot;index&quot;: 序号}}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="42"/>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="43"/>
        <source>the name has {length} characters; Word allows at most {limit}</source>
        <translation>名称有 {length} 个字符，Word 最多允许 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="44"/>
        <source>the name contains an invisible or control character (U+{code})</source>
        <translation>名称中含有不可见字符或控制字符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="55"/>
        <source>“{name}” cannot be a Word font name: {reason}</source>
        <translation>“{name}”不能用作 Word 字体名称：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="101"/>
        <source>cannot read the Word font settings file {path}: {reason}</source>
        <translation>Word 字体设置文件 {path} 无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="102"/>
        <source>the Word font settings file {path} must be an object {{role: font name}}</source>
        <translation>Word 字体设置文件 {path} 应是 {{角色: 字体名称}} 的对象</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="105"/>
        <source>the Word font settings file {path} names unknown roles: {unknown} (known: {known})</source>
        <translation>Word 字体设置文件 {path} 中有未知的角色：{unknown}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="123"/>
        <source>in the Word font settings file {path}, {key} must be a font name</source>
        <translation>Word 字体设置文件 {path} 中，{key} 应是字体名称</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/docx_fonts.py" line="131"/>
        <source>in the Word font settings file {path}, {key}: {reason}</source>
        <translation>Word 字体设置文件 {path} 中，{key}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/__init__.py" line="82"/>
        <source>unknown font roles: {unknown} (known: {known})</source>
        <translation>未知的字体角色：{unknown}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_writer.py" line="154"/>
        <source>cannot find the font file {path} ({role}); reinstall Planbook or name the font in the settings</source>
        <translation>找不到字体文件 {path}（{role}），请重新安装 Planbook 或在设置中指定字体</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/ofd_writer.py" line="360"/>
        <location filename="../../planbook/exporters/pdf_writer.py" line="943"/>
        <source>unknown layout {layout!r} (choose from {choices})</source>
        <translation>未知的版式 {layout!r}（可选：{choices}）</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/ofd_writer.py" line="385"/>
        <location filename="../../planbook/exporters/pdf_writer.py" line="991"/>
        <source>cannot write {path}: it is a folder</source>
        <translation>无法写入 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_writer.py" line="1008"/>
        <source>these characters are missing from the main font and were set in the fallback font: {chars}</source>
        <translation>以下字符在主字体中缺字，已用后备字体排印：{chars}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/pdf_writer.py" line="1018"/>
        <source>these characters are in no bundled font and were printed as {geta}: {chars}</source>
        <translation>以下字符在所有内置字体中都缺字，已用{geta}代替：{chars}</translation>
    </message>
    <message>
        <location filename="../../planbook/exporters/xlsx_writer.py" line="34"/>
        <source>XLSX has one layout, breakdown (not {layout!r})</source>
        <translation>XLSX 只有 breakdown（任务分解表）一种版式，没有 {layout!r}</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="34"/>
        <source>{name} is not UTF-8 text (byte {byte})</source>
        <translation>{name} 不是 UTF-8 文本（第 {byte} 字节）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="49"/>
        <location filename="../../planbook/importers/__init__.py" line="195"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="53"/>
        <source>{name} is {size:.1f} MB, too large for a plan (at most {limit} MB)</source>
        <translation>{name} 有 {size:.1f} MB，作为方案文件过大（最多 {limit} MB）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="62"/>
        <source>{name} is larger than {limit} MB, too large for a plan</source>
        <translation>{name} 超过 {limit} MB，作为方案文件过大</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="69"/>
        <location filename="../../planbook/importers/__init__.py" line="192"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="142"/>
        <source>{name}: cannot import {suffix} (supported: {kinds})</source>
        <translation>{name}：不能导入 {suffix} 文件（支持：{kinds}）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="148"/>
        <source>{name}: cannot import files without a suffix (supported: {kinds})</source>
        <translation>{name}：不能导入没有扩展名的文件（支持：{kinds}）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="23"/>
        <source>{name} is a binary file, not text</source>
        <translation>{name} 是二进制文件，不是文本文件</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="29"/>
        <source>{name} is an image, not text</source>
        <translation>{name} 是图片，不是文本文件</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="31"/>
        <source>{name} is a PDF (copy its text into a .txt file, or save it as .docx), not text</source>
        <translation>{name} 是 PDF 文件，不是文本文件（请把其中的文字复制到 .txt 文件，或另存为 .docx）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="34"/>
        <source>{name} is an old Word/Excel file (.doc/.xls); save it as .docx, not text</source>
        <translation>{name} 是旧版 Word/Excel 文件（.doc/.xls），不是文本文件，请另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="37"/>
        <source>{name} is a zip archive (a .docx? then name it .docx), not text</source>
        <translation>{name} 是 zip 压缩包，不是文本文件（如果是 Word 文档，请把扩展名改为 .docx）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="41"/>
        <source>{name} is an RTF document; save it as .docx, not text</source>
        <translation>{name} 是 RTF 文档，不是文本文件，请另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="91"/>
        <source>the plan&apos;s title says {found} but the plan is for {year}</source>
        <translation>方案标题写的是 {found} 年，但方案年度为 {year} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="106"/>
        <source>the notice title says {found} but the plan is for {year}</source>
        <translation>通知标题写的是 {found} 年，但方案年度为 {year} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="122"/>
        <source>the notice is dated {date}, well before the plan&apos;s year {year}; is the date right?</source>
        <translation>成文日期 {date} 比方案年度 {year} 年早得多，日期是否有误？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="134"/>
        <source>the notice is dated {date} but the plan is for {year}</source>
        <translation>成文日期为 {date}，但方案年度为 {year} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="152"/>
        <source>the document number {number} is of {found} but the notice is dated {date}</source>
        <translation>发文字号 {number} 的年份为 {found}，但成文日期为 {date}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="165"/>
        <source>the document number {number} is of {found}, the year before the plan&apos;s; right only for a notice issued in December {found}</source>
        <translation>发文字号 {number} 的年份为 {found}，是方案年度的上一年；只有 {found} 年 12 月印发的通知才应如此</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="179"/>
        <source>the document number {number} is of {found} but the plan is for {year}</source>
        <translation>发文字号 {number} 的年份为 {found}，但方案年度为 {year} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="227"/>
        <source>the notice issues 《{issued}》 but the plan is titled 《{title}》</source>
        <translation>通知印发的是《{issued}》，但方案标题为《{title}》</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="264"/>
        <source>the year goes in 〔 〕, not {brackets}</source>
        <translation>年份应当用六角括号〔〕括入，不用 {brackets}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="267"/>
        <source>the year is written in full, four digits</source>
        <translation>年份应标全称（四位数字）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="269"/>
        <source>the serial takes no 第</source>
        <translation>发文顺序号不加“第”字</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="271"/>
        <source>the serial is not padded with zeros</source>
        <translation>发文顺序号不编虚位（不在前面加 0）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="273"/>
        <source>the serial is followed by 号</source>
        <translation>发文顺序号后应加“号”字</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="290"/>
        <source>the document number {number} is not of the form 机关代字〔年份〕序号号, e.g. 湘教发〔2020〕8号</source>
        <translation>发文字号 {number} 不符合“机关代字〔年份〕序号号”的格式，如 湘教发〔2020〕8号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="303"/>
        <source>the document number {number} should read {fixed}: {reason}</source>
        <translation>发文字号 {number} 应写作 {fixed}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="320"/>
        <source>the document number {number} is already carried by plan {id}, {title}</source>
        <translation>发文字号 {number} 已被方案 {id}（{title}）使用</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="356"/>
        <source>the notice is signed but has no date of signing (成文日期)</source>
        <translation>通知有署名，但没有成文日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="362"/>
        <source>the notice has a date of signing but no signing organ (署名)</source>
        <translation>通知有成文日期，但没有署名</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="375"/>
        <source>the date of printing {printed} is before the date of signing {signed}</source>
        <translation>印发日期 {printed} 早于成文日期 {signed}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="385"/>
        <source>the date of publication {published} is before the date of signing {signed}</source>
        <translation>发布日期 {published} 早于成文日期 {signed}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="405"/>
        <source>the masthead names {organs} organs but the notice has {signers} signers</source>
        <translation>发文机关标志列出 {organs} 个机关，但署名有 {signers} 个</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="422"/>
        <source>the imprint has a date of printing but no printing organ (印发机关)</source>
        <translation>版记有印发日期，但没有印发机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="430"/>
        <source>the imprint names the printing organ but has no date of printing (印发日期)</source>
        <translation>版记有印发机关，但没有印发日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="448"/>
        <source>this {kind} has no tasks</source>
        <translation>此{kind}下没有任务</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="466"/>
        <source>task {number} has the same title</source>
        <translation>与第 {number} 项任务标题相同</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="484"/>
        <source>no lead unit, while {count} of the plan&apos;s {total} tasks name one</source>
        <translation>未写牵头单位（本方案 {total} 项任务中有 {count} 项写明了）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="508"/>
        <location filename="../../planbook/core/review.py" line="677"/>
        <location filename="../../planbook/importers/decode.py" line="51"/>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="515"/>
        <source>{label} “{value}” is not a time</source>
        <translation>{label}“{value}”不是可识别的时间</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="58"/>
        <source>{name} starts like {encoding} but is not valid {encoding} (byte {byte})</source>
        <translation>{name} 开头像是 {encoding} 编码，但不是有效的 {encoding}（第 {byte} 字节）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="69"/>
        <source>{name} looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM) and import it again</source>
        <translation>{name} 像是缺少字节顺序标记（BOM）的 UTF-16 文本，请另存为 UTF-8（或带 BOM 的 UTF-16）后重新导入</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/decode.py" line="93"/>
        <source>{name}: cannot tell its text encoding (it is neither UTF-8, GB18030/GBK nor UTF-16 with a byte-order mark); save it as UTF-8 and import it again</source>
        <translation>{name}：无法识别文本编码（既不是 UTF-8、GB18030/GBK，也不是带字节顺序标记的 UTF-16），请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/webpage.py" line="272"/>
        <source>{name} has no HTML in it; name it .txt to import it as text</source>
        <translation>{name} 中没有 HTML 内容；如要作为文本导入，请把扩展名改为 .txt</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="31"/>
        <source>{name} is not a readable Word .docx document ({reason})</source>
        <translation>{name} 不是可以读取的 Word .docx 文档（{reason}）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="38"/>
        <source>{name} is an old Word .doc file, not .docx; open it in Word or WPS and save as .docx</source>
        <translation>{name} 是旧版 Word .doc 文件，不是 .docx 文件；请用 Word 或 WPS 打开后另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="45"/>
        <source>{name} is not a Word .docx document (not a zip archive)</source>
        <translation>{name} 不是 Word .docx 文档（不是 zip 压缩包）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="52"/>
        <source>{name} has {parts} parts; no Word document has that many</source>
        <translation>{name} 包含 {parts} 个部件，正常的 Word 文档不会有这么多</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="59"/>
        <source>{name} would unpack to {size} MB; refused as a possible zip bomb</source>
        <translation>{name} 解压后将达 {size} MB，可能是“压缩炸弹”，已拒绝</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="66"/>
        <source>{name}: part {part} is compressed {ratio}:1; refused as a possible zip bomb</source>
        <translation>{name}：部件 {part} 的压缩比为 {ratio}:1，可能是“压缩炸弹”，已拒绝</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="86"/>
        <source>{name} is a zip archive but not a Word document</source>
        <translation>{name} 是 zip 压缩包，但不是 Word 文档</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="93"/>
        <source>{name}: part {part} declares a DOCTYPE/entities, which Word never writes; refused</source>
        <translation>{name}：部件 {part} 声明了 DOCTYPE/实体，Word 从不写入这些内容，已拒绝</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="276"/>
        <source>{count} paragraph(s) use Word automatic numbering that cannot be read; their levels may not have been recognised, please check</source>
        <translation>有{count}段使用了无法读取的Word自动编号，这些段落的层级可能未被识别，请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pasted.py" line="23"/>
        <source>the clipboard holds more text than any plan has; copy the plan alone</source>
        <translation>剪贴板中的文字比任何方案都长，请只复制方案本身</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pasted.py" line="34"/>
        <source>the clipboard holds no text</source>
        <translation>剪贴板中没有文字</translation>
    </message>
    <message>
        <location filename="../../planbook/core/duplicates.py" line="30"/>
        <source>the library already holds this plan as “{title}” (plan {id}); importing it adds a second copy</source>
        <translation>方案库中已有此方案《{title}》（编号 {id}），导入将再添加一份</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="38"/>
        <source>{name} is an RTF document; open it in Word or WPS and save it as .docx</source>
        <translation>{name} 是 RTF 文档：请用 Word 或 WPS 打开后另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="45"/>
        <source>{name} is neither a Word document nor a web page</source>
        <translation>{name} 既不是 Word 文档，也不是网页</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="197"/>
        <source>{name} is a web archive with no page in it</source>
        <translation>{name} 是网页存档，但其中没有网页</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="58"/>
        <source>years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="59"/>
        <source>dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="60"/>
        <source>planning periods</source>
        <translation>规划期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="61"/>
        <source>meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="62"/>
        <source>campaign years</source>
        <translation>主题年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="63"/>
        <source>events of their time</source>
        <translation>时效性提法</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="64"/>
        <source>numbered targets</source>
        <translation>量化目标</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="65"/>
        <source>last year&apos;s tasks</source>
        <translation>上年度任务</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="66"/>
        <source>empty fields</source>
        <translation>空白字段</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="67"/>
        <source>renamed units</source>
        <translation>已更名单位</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="301"/>
        <source>the years {found} are over before the plan&apos;s year {year}</source>
        <translation>{found} 已在方案年度 {year} 年之前结束</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="316"/>
        <source>{date} is a date before the plan&apos;s year {year}: set the date anew</source>
        <translation>{date} 早于方案年度 {year} 年，请重新确定日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="330"/>
        <source>“{found}年后” has begun by {year}; does the sentence still hold?</source>
        <translation>到 {year} 年已是“{found}年后”，这句话是否仍然适用？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="344"/>
        <source>{found} is last year; the plan is for {year}</source>
        <translation>{found}是上一年度，本方案为 {year} 年度</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="357"/>
        <source>{found} is before the plan&apos;s year {year}</source>
        <translation>{found}早于方案年度 {year} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="375"/>
        <source>“{word}” in last year&apos;s plan meant {year}, the plan&apos;s own year</source>
        <translation>上年度方案中的“{word}”指 {year} 年，即本方案年度</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="390"/>
        <source>“{word}” now means {last}; in last year&apos;s plan it meant {before}</source>
        <translation>“{word}”现在指 {last} 年，在上年度方案中指 {before} 年</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="405"/>
        <source>“{word}” now means {year}: is what it says still to be done this year?</source>
        <translation>“{word}”现在指 {year} 年：所说事项今年是否仍要做？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="451"/>
        <source>“{found}” ({first}–{last}) is over; the plan&apos;s year {year} is in “{current}”</source>
        <translation>“{found}”（{first}—{last}年）已结束，方案年度 {year} 年属于“{current}”</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="473"/>
        <source>the “{current}” period began in {first}: its plan was drafted before; now it is carried out</source>
        <translation>“{current}”时期已于 {first} 年开始：规划此前已编制，现在应是实施</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="525"/>
        <source>a later plenary session has been held: the latest before {year} is {latest} ({date})</source>
        <translation>此后已召开新的全会：{year} 年之前最近一次是{latest}（{date}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="547"/>
        <source>a later party congress has been held: the latest before {year} is {latest} ({date})</source>
        <translation>此后已召开新的党代会：{year} 年之前最近一次是党的{latest}（{date}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="577"/>
        <source>{found} named a theme for its year; is there one, and the same, for {year}?</source>
        <translation>{found}确定了当年的主题年，{year} 年是否还有、是否相同？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="604"/>
        <source>“{phrase}” belongs to the years up to {until}; the plan is for {year}</source>
        <translation>“{phrase}”是 {until} 年及以前的提法，本方案为 {year} 年度</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="613"/>
        <source>{reason}; since then: {instead}</source>
        <translation>{reason}；现行提法：{instead}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="619"/>
        <source>“{phrase}” is of its time ({first}–{until}): does it still hold in {year}?</source>
        <translation>“{phrase}”是特定时期（{first}—{until}年）的提法，{year} 年是否仍适用？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="657"/>
        <source>a numbered target: is “{found}” still the figure for {year}?</source>
        <translation>量化目标：“{found}”是否仍是 {year} 年的指标？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="692"/>
        <source>{old} was renamed {new}</source>
        <translation>{old}已更名为{new}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="716"/>
        <source>done in {source}: drop it from this plan?</source>
        <translation>已在《{source}》中完成：是否从本方案删除？</translation>
    </message>
    <message>
        <location filename="../../planbook/core/review.py" line="730"/>
        <source>{status} in {source}: kept, noted as carried over</source>
        <translation>在《{source}》中{status}：保留，并注明结转</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="587"/>
        <source>will not write over {path}: it is the library {library} or one of its files or backups; choose another name</source>
        <translation>不能覆盖 {path}：它是方案库 {library} 本身、其附属文件或备份，请另选文件名</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="688"/>
        <source>{path} is not a Planbook library (its version {version} is not one Planbook writes)</source>
        <translation>{path} 不是 Planbook 方案库（其版本号 {version} 不是 Planbook 写入的版本）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="696"/>
        <source>{path} stores its text as {encoding}; a Planbook library is UTF-8</source>
        <translation>{path} 以 {encoding} 编码保存文字，而 Planbook 方案库使用 UTF-8</translation>
    </message>
    <message>
        <location filename="../../planbook/core/library.py" line="702"/>
        <location filename="../../planbook/core/library.py" line="721"/>
        <source>{path} is not a Planbook library as this version makes them ({difference}): it was refused and left as it was</source>
        <translation>{path} 与本版本 Planbook 建立的方案库结构不符（{difference}），已拒绝打开，文件未作改动</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="60"/>
        <source>{name} is a password-protected Word document; open it, save a copy without the password and import that</source>
        <translation>{name} 是设有密码的 Word 文档：请打开后另存一份不带密码的副本，再导入该副本</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="69"/>
        <source>{name} is in the old binary Word or WPS format but cannot be read ({reason}); open it in Word or WPS and save it as .docx</source>
        <translation>{name} 是旧版二进制 Word 或 WPS 格式，但无法读取（{reason}）：请用 Word 或 WPS 打开后另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/legacy.py" line="169"/>
        <source>{name} is in the old Word format; some of its formatting could not be carried over ({what}), please check the text</source>
        <translation>{name} 是旧版 Word 格式，部分格式未能保留（{what}），请核对文字</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pdf.py" line="49"/>
        <source>{name} has no text layer (a scanned PDF); run it through OCR first, or type or copy the text in</source>
        <translation>{name} 没有文字层（是扫描件 PDF）：请先做文字识别（OCR），或录入、复制其文字后导入</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pdf.py" line="91"/>
        <source>{name} is a password-protected PDF; open it, save a copy without the password and import that</source>
        <translation>{name} 是设有密码的 PDF：请打开后另存一份不带密码的副本，再导入该副本</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pdf.py" line="98"/>
        <source>{name} is not a readable PDF (damaged, incomplete or not a PDF at all)</source>
        <translation>{name} 不是可读取的 PDF（文件已损坏、不完整或根本不是 PDF）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/pdf.py" line="105"/>
        <source>{name} has {pages} pages, more than any plan (at most {limit})</source>
        <translation>{name} 有 {pages} 页，超出任何方案的篇幅（最多 {limit} 页）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="534"/>
        <source>the notice has no issuing organ&apos;s mark (发文机关标志)</source>
        <translation>印发通知没有发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="550"/>
        <source>the notice has no title (标题)</source>
        <translation>印发通知没有标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="556"/>
        <source>the notice has no principal recipients (主送机关)</source>
        <translation>印发通知没有主送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="595"/>
        <source>the draft has {count} open review findings (Plan ▸ Review Draft)</source>
        <translation>草稿还有 {count} 条审阅意见未处理（方案 ▸ 审阅草稿）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="108"/>
        <source>section</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="130"/>
        <source>subsection</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="152"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="174"/>
        <source>item</source>
        <translation>子项</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="485"/>
        <source>masthead (发文机关标志)</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="486"/>
        <source>title (标题)</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="487"/>
        <source>recipients (主送机关)</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="488"/>
        <source>body (正文)</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="497"/>
        <source>{a} and {b}</source>
        <translation>{a}和{b}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="498"/>
        <source>{a}, {b}</source>
        <translation>{a}、{b}</translation>
    </message>
    <message>
        <location filename="../../planbook/layout/blocks.py" line="234"/>
        <source>the notice cannot be issued without its {parts}: fill them in, or export the plan layout (the plan alone)</source>
        <translation>缺少{parts}，通知无法印发：请补全，或改为导出“仅方案”版式</translation>
    </message>
    <message>
        <location filename="../../planbook/core/drafting.py" line="68"/>
        <source>“{title}” nests its items {depth} levels deep; a plan may have at most {limit}</source>
        <translation>“{title}”的子项嵌套了 {depth} 层，一个方案最多允许 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../planbook/core/editing.py" line="409"/>
        <source>items may nest at most {limit} levels deep</source>
        <translation>子项最多只能嵌套 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="106"/>
        <source>not a plan: the JSON is nested too deeply</source>
        <translation>不是方案文件：JSON 嵌套层次过深</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="108"/>
        <source>not valid JSON ({reason})</source>
        <translation>不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="148"/>
        <source>the plan has more than {limit} headings, tasks and items; a plan may have at most {limit}</source>
        <translation>方案的标题、任务和子项超过 {limit} 个，一个方案最多允许 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../planbook/core/exchange.py" line="198"/>
        <source>{where}: nodes nest deeper than {limit} levels</source>
        <translation>{where}：节点嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="159"/>
        <source>{name} is nested too deeply to be a plan</source>
        <translation>{name} 嵌套层次过深，不可能是方案</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="162"/>
        <source>{name} is too large to read</source>
        <translation>{name} 太大，无法读取</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="165"/>
        <source>{name} cannot be read ({reason})</source>
        <translation>无法读取 {name}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="177"/>
        <source>removed {count} control character(s) that no document can hold</source>
        <translation>已删除 {count} 个任何文档都无法容纳的控制字符</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="198"/>
        <source>{name} is not a regular file (a pipe or device?); not read</source>
        <translation>{name} 不是普通文件（可能是管道或设备），未读取</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="206"/>
        <source>{name} nests its items {depth} levels deep; a plan may have at most {limit}</source>
        <translation>{name} 的子项嵌套了 {depth} 层，一个方案最多允许 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="223"/>
        <source>{name} has {count} headings, tasks and items; a plan may have at most {limit}</source>
        <translation>{name} 共有 {count} 个标题、任务和子项，一个方案最多允许 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/__init__.py" line="232"/>
        <source>{name} holds {count} characters of text; a plan may hold at most {limit}</source>
        <translation>{name} 含有 {count} 个字符的文字，一个方案最多允许 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/word.py" line="76"/>
        <source>{name} holds {size} MB of document text (XML); a plan has at most {limit} MB</source>
        <translation>{name} 的文档正文（XML）有 {size} MB，一个方案最多 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="337"/>
        <source>{seals} electronic seals for {signers} signing organs: each organ seals once</source>
        <translation>电子印章 {seals} 枚，署名机关 {signers} 个：应每个机关各盖一枚</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="541"/>
        <source>the masthead “{masthead}” was proposed by Planbook: confirm it or change it</source>
        <translation>发文机关标志“{masthead}”是本程序拟定的，请确认或修改</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="560"/>
        <source>the notice has no body (正文)</source>
        <translation>通知没有正文</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="34"/>
        <source>cannot read the seal image {path}: {reason}</source>
        <translation>无法读取印章图片 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="40"/>
        <source>the seal image {path} is larger than {limit} MB</source>
        <translation>印章图片 {path} 超过 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="55"/>
        <source>the seal image {path} is not a PNG file</source>
        <translation>印章图片 {path} 不是 PNG 文件</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="61"/>
        <source>the seal image {path} is {width} × {height} pixels; at most {limit} a side</source>
        <translation>印章图片 {path} 为 {width} × {height} 像素，每边最多 {limit} 像素</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="72"/>
        <source>the seal image {path} is damaged: {reason}</source>
        <translation>印章图片 {path} 已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="75"/>
        <source>the seal image {path} has no transparent background: save the seal as a PNG with transparency</source>
        <translation>印章图片 {path} 没有透明背景：请将印章另存为带透明背景的 PNG</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="83"/>
        <source>the seal image {path} is empty (fully transparent)</source>
        <translation>印章图片 {path} 是空的（完全透明）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/seals.py" line="86"/>
        <source>the seal image {path} is not red: a seal is printed in red</source>
        <translation>印章图片 {path} 不是红色的：印章应为红色</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/__init__.py" line="92"/>
        <source>no text found</source>
        <translation>未找到任何文字</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/__init__.py" line="102"/>
        <source>no plan structure found (no 一、 sections, （一） subsections or 1. tasks)</source>
        <translation>未识别出方案结构（没有“一、”一级标题、“（一）”二级标题或“1.”任务）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/__init__.py" line="120"/>
        <source>the notice has no masthead (发文机关标志); proposed “{masthead}”: confirm or change it before issuing</source>
        <translation>通知没有发文机关标志，已拟定为“{masthead}”：印发前请确认或修改</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/notice.py" line="151"/>
        <source>this is a notice with no plan in it; it was imported as the notice of an empty plan</source>
        <translation>这是一份不带方案的通知，已作为一个空方案的通知导入</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/notice.py" line="382"/>
        <source>issuing notice: no date of signing and no signature found, please check</source>
        <translation>印发通知：未找到成文日期和落款，请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/notice.py" line="510"/>
        <source>the date of signing “{text}” is bare digits; read as {date} (it could also be {also}), please check</source>
        <translation>成文日期“{text}”缺少年月日，已读作{date}（也可读作{also}），请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/notice.py" line="521"/>
        <source>the date of signing “{text}” is bare digits; read as {date}, please check</source>
        <translation>成文日期“{text}”缺少年月日，已读作{date}，请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="104"/>
        <source>“{heading}”: the source numbering {problem}; numbered “{number}” by position</source>
        <translation>“{heading}”：原文编号{problem}，已按位置编为“{number}”</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="114"/>
        <source>“{start}…”: the heading is {length} characters long; the source may lack a full stop, please check</source>
        <translation>“{start}…”标题有{length}字，原文可能缺少句号，请核对</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="159"/>
        <source>repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="161"/>
        <source>skips {number}</source>
        <translation>跳过了{number}</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="164"/>
        <source>skips {first} to {last}</source>
        <translation>跳过了{first}至{last}</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/numbers.py" line="168"/>
        <source>goes back (the one before is {number})</source>
        <translation>倒退（前一项为{number}）</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/prepare.py" line="25"/>
        <source>the document holds {count} characters of text; a plan may hold at most {limit}</source>
        <translation>文档含有 {count} 个字符的文字，一个方案最多允许 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/title.py" line="77"/>
        <source>no plan title found</source>
        <translation>未找到计划标题</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/tree.py" line="33"/>
        <source>“{heading}” comes before any section; taken as a section</source>
        <translation>“{heading}”前没有一级标题，已作为一级标题</translation>
    </message>
    <message>
        <location filename="../../planbook/importers/recognise/tree.py" line="42"/>
        <source>“{heading}” sits directly under a section; taken as a task (it will be numbered “{number}.”)</source>
        <translation>“{heading}”直接位于一级标题下，已作为任务（编号将显示为“{number}.”）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="616"/>
        <source>{number} is a letter&apos;s number (函): letters are issued in the letter format (信函格式)</source>
        <translation>{number} 是函的发文字号：函一般使用信函格式</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="630"/>
        <source>the letter format (信函格式) shows the host organ&apos;s name only: {others} left out of the head</source>
        <translation>信函格式只使用主办机关标志：版头不显示{others}</translation>
    </message>
    <message>
        <location filename="../../planbook/core/checks.py" line="642"/>
        <source>the letter format (信函格式) has no printing organ and date (印发机关和印发日期): they are not printed</source>
        <translation>信函格式的版记不含印发机关和印发日期：二者不会印出</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../planbook/gui/editors.py" line="167"/>
        <source>Title, e.g. 切实加强德育工作。</source>
        <translation>标题，如：切实加强德育工作。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="170"/>
        <source>What is to be done</source>
        <translation>具体工作内容</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="178"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="179"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="183"/>
        <source>Te&amp;xt</source>
        <translation>正文(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="187"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="266"/>
        <source>Change Kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="273"/>
        <source>Edit Title</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="282"/>
        <source>Edit Text</source>
        <translation>编辑正文</translation>
    </message>
</context>
<context>
    <name>PdfFonts</name>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="65"/>
        <source>Title (Xiaobiaosong)</source>
        <translation>标题（小标宋）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="66"/>
        <source>Body text (Fangsong)</source>
        <translation>正文（仿宋）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="67"/>
        <source>Level-1 headings (Heiti)</source>
        <translation>一级标题（黑体）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="68"/>
        <source>Level-2 headings (Kaiti)</source>
        <translation>二级标题（楷体）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="69"/>
        <source>Page numbers (Songti)</source>
        <translation>页码（宋体）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="70"/>
        <source>Fallback face</source>
        <translation>备用字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="77"/>
        <source>Formal notices use 方正小标宋简体</source>
        <translation>公文用 方正小标宋简体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="78"/>
        <source>Formal notices use 仿宋_GB2312</source>
        <translation>公文用 仿宋_GB2312</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="79"/>
        <source>Formal notices use 黑体</source>
        <translation>公文用 黑体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="80"/>
        <source>Formal notices use 楷体_GB2312</source>
        <translation>公文用 楷体_GB2312</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="81"/>
        <source>Formal notices use 宋体</source>
        <translation>公文用 宋体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="82"/>
        <source>For rare characters the other fonts lack</source>
        <translation>排印其他字体缺少的生僻字</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="95"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="96"/>
        <source>{0} (U+{1})</source>
        <translation>{0}（U+{1}）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="105"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="106"/>
        <source>{1} in {0}</source>
        <translation>{0}中的{1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="109"/>
        <source>Drawn with the fallback face, as the chosen fonts lack them: {0}.</source>
        <translation>所选字体缺字，已用备用字体排印：{0}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="116"/>
        <source>These characters are in none of the fonts and were printed as 〓: {0}.</source>
        <translation>以下字符在所有字体中都没有，已印成〓：{0}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="119"/>
        <source>{0} was written, but these characters are in none of the fonts and were printed as 〓: {1}.</source>
        <translation>{0} 已导出，但以下字符在所有字体中都没有，已印成〓：{1}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="122"/>
        <source>Check the text, or choose a font that has them as the fallback face in Edit ▸ Preferences ▸ PDF Fonts.</source>
        <translation>请核对文字，或在“编辑 ▸ 首选项 ▸ PDF 字体”中把含有这些字的字体设为备用字体。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="137"/>
        <source>Characters Missing from the PDF</source>
        <translation>PDF 中有字符缺字</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="35"/>
        <source>Untitled plan</source>
        <translation>未命名方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="39"/>
        <location filename="../../planbook/gui/plancommands.py" line="64"/>
        <source>New Plan</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="50"/>
        <source>{0} (copy)</source>
        <translation>{0}（副本）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="51"/>
        <source>Duplicate Plan</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="59"/>
        <source>New Plan From</source>
        <translation>从现有方案新建</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="59"/>
        <source>Start from a copy of:</source>
        <translation>以下列方案的副本为起点：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="76"/>
        <source>The punctuation is already as print has it</source>
        <translation>标点已符合印制要求，无需修改</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="78"/>
        <source>Normalize Punctuation</source>
        <translation>规范标点</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="81"/>
        <source>Punctuation made full-width: {0} changes, one undo step</source>
        <translation>已将标点改为全角：共 {0} 处修改，可一步撤销</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="102"/>
        <location filename="../../planbook/gui/plancommands.py" line="104"/>
        <location filename="../../planbook/gui/plancommands.py" line="115"/>
        <source>Draft Next Year&apos;s Plan</source>
        <translation>新建下一年度草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="107"/>
        <source>Drafted “{0}” from “{1}”</source>
        <translation>已由《{1}》起草《{0}》</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="116"/>
        <source>This plan already has next year&apos;s draft “{0}”.</source>
        <translation>此方案已有下一年度草稿《{0}》。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="121"/>
        <source>Open That Draft</source>
        <translation>打开该草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="122"/>
        <source>Draft Another</source>
        <translation>再起草一份</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="136"/>
        <location filename="../../planbook/gui/plancommands.py" line="146"/>
        <source>Delete Plan</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="137"/>
        <source>Delete “{0}” and its {1} items?</source>
        <translation>删除《{0}》及其 {1} 个条目？</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/plancommands.py" line="142"/>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>PlanParts</name>
    <message>
        <location filename="../../planbook/gui/review.py" line="48"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="49"/>
        <source>Issuers</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="50"/>
        <source>Preamble</source>
        <translation>总体要求</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="51"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="52"/>
        <source>Masthead</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="53"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="54"/>
        <source>Notice title</source>
        <translation>通知标题</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="55"/>
        <source>Recipients</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="56"/>
        <source>Notice text</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="57"/>
        <source>Signers</source>
        <translation>署名机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="58"/>
        <source>Annotation</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="59"/>
        <source>Copies to</source>
        <translation>抄送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="60"/>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="61"/>
        <source>Attachments</source>
        <translation>附件说明</translation>
    </message>
</context>
<context>
    <name>PlanProperties</name>
    <message>
        <location filename="../../planbook/gui/editors.py" line="512"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="399"/>
        <location filename="../../planbook/gui/editors.py" line="515"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="400"/>
        <location filename="../../planbook/gui/editors.py" line="520"/>
        <source>Kind of plan</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="523"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="401"/>
        <location filename="../../planbook/gui/editors.py" line="525"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="402"/>
        <location filename="../../planbook/gui/editors.py" line="526"/>
        <source>Issuing organs</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="526"/>
        <source>Separate several with 、</source>
        <translation>多个机关用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="528"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="529"/>
        <source>Issued</source>
        <translation>已印发</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="403"/>
        <location filename="../../planbook/gui/editors.py" line="531"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="533"/>
        <source>Tasks numbered through the plan</source>
        <translation>任务全文连续编号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="534"/>
        <source>Tasks numbered afresh in each section</source>
        <translation>任务在各部分内重新编号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="404"/>
        <location filename="../../planbook/gui/editors.py" line="540"/>
        <source>Numbering</source>
        <translation>编号方式</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="405"/>
        <location filename="../../planbook/gui/editors.py" line="541"/>
        <source>Preamble</source>
        <translation>总体要求</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="406"/>
        <location filename="../../planbook/gui/editors.py" line="542"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="546"/>
        <source>Issuing notice</source>
        <translation>印发通知</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="410"/>
        <source>Masthead</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="558"/>
        <source>Next Free Number</source>
        <translation>取下一个文号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="560"/>
        <source>The next serial of this agency code in the plan&apos;s year, counted over every plan in the library</source>
        <translation>按库中全部方案，取本机关代字在方案年度的下一个序号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="418"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="428"/>
        <source>Notice title</source>
        <translation>通知标题</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="436"/>
        <source>Recipients</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="442"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="443"/>
        <source>Signers (one a line)</source>
        <translation>发文机关署名（每行一个）</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="444"/>
        <source>Signed on</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="447"/>
        <source>Annotation</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="453"/>
        <source>Copies to</source>
        <translation>抄送机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="454"/>
        <source>Printed by</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="455"/>
        <source>Printed on</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="458"/>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="466"/>
        <source>Attachments</source>
        <translation>附件说明</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="467"/>
        <source>Index number</source>
        <translation>索引号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="468"/>
        <source>Subject words</source>
        <translation>主题词</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="469"/>
        <source>Category</source>
        <translation>主题分类</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="470"/>
        <source>Signed off by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="471"/>
        <source>Copy number</source>
        <translation>份号</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="472"/>
        <source>Classification</source>
        <translation>密级和保密期限</translation>
    </message>
    <message>
        <location filename="../../planbook/core/model.py" line="473"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="669"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2021-03-06</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="828"/>
        <source>Edit Plan Properties</source>
        <translation>编辑方案属性</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="840"/>
        <source>Already used by “{0}”: an office issues each number once</source>
        <translation>该文号已用于《{0}》：同一文号只能使用一次</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="852"/>
        <source>No agency code known yet for these issuers: type the first number, e.g. 某教发〔2021〕1号</source>
        <translation>库中尚无这些发文机关的机关代字：请先手工填写第一个文号，如 某教发〔2021〕1号</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="865"/>
        <source>Not a date: write it as 2021-03-06 or 2021年3月6日</source>
        <translation>日期格式不正确：请写作 2021-03-06 或 2021年3月6日</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="551"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="552"/>
        <source>Keep the proposed masthead as it is</source>
        <translation>采用拟定的发文机关标志</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="607"/>
        <source>Sealed (加盖印章)</source>
        <translation>加盖印章</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="608"/>
        <source>Not sealed (不加盖印章)</source>
        <translation>不加盖印章</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="611"/>
        <source>Sealed: the date four characters from the right, each organ&apos;s name centred under its seal (GB/T 9704 7.3.5.1); room for the seal is kept even without an electronic one</source>
        <translation>加盖印章：成文日期右空四字，发文机关署名居中于印章下（GB/T 9704 7.3.5.1）；没有电子印章时也留出盖章的位置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="617"/>
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="620"/>
        <source>Choose Seal Images…</source>
        <translation>选择印章图片…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="621"/>
        <source>PNG images with a transparent background, one per signing organ in their order</source>
        <translation>透明背景的 PNG 图片，按署名机关顺序每个机关一枚</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="624"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="630"/>
        <source>Electronic seals</source>
        <translation>电子印章</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="751"/>
        <source>Proposed by Planbook from the issuing organs: confirm it or change it before issuing</source>
        <translation>由本程序根据发文机关拟定：印发前请确认或修改</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="759"/>
        <source>{0} for {1} signing organs</source>
        <translation>{0} 个，签署机关 {1} 个</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="761"/>
        <source>None: stamped on paper</source>
        <translation>无（盖实物印章）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="771"/>
        <source>Choose Seal Images</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="771"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="535"/>
        <source>Numbered by level (a task under a section is （一）)</source>
        <translation>按层级编号（部分下的任务编为（一））</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="588"/>
        <source>Document (文件格式)</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="589"/>
        <source>Letter (信函格式)</source>
        <translation>信函格式</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="592"/>
        <source>Document: the masthead with 文件 and a red rule under the document number. Letter, for 函 and many office notices: the organ&apos;s name 30 mm from the top between red double lines, the document number at the right, no page number on page 1 (GB/T 9704 10.1)</source>
        <translation>文件格式：发文机关标志带“文件”，发文字号下印红色分隔线。信函格式（用于函和许多办公室通知）：机关名称距上页边30mm，上下各印红色双线，发文字号居右，首页不显示页码（GB/T 9704 10.1）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="598"/>
        <source>Format</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="537"/>
        <source>Numbered by level, tasks through the plan (（三） may open a section)</source>
        <translation>按层级编号，任务全文连续（部分可从（三）起）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/editors.py" line="748"/>
        <source>The letter&apos;s head prints: {0}</source>
        <translation>信函格式版头印作：{0}</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../planbook/gui/treemodel.py" line="117"/>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treemodel.py" line="118"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treemodel.py" line="117"/>
        <source>Lead or responsible unit</source>
        <translation>牵头/责任单位</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="219"/>
        <source>Start Over</source>
        <translation>重新设置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="235"/>
        <source>Font Settings Not Saved</source>
        <translation>字体设置未保存</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="269"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="277"/>
        <source>PDF Fonts</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="277"/>
        <source>Word Fonts</source>
        <translation>Word 字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="299"/>
        <source>The PDF export draws the formal notice with these fonts. Planbook ships free stand-ins; if this computer has the fonts a formal notice is set in, choose their files here. TrueType fonts only (.ttf, .ttc).</source>
        <translation>导出 PDF 时用以下字体排印公文。Planbook 自带免费的替代字体；如果本机装有公文规定的字体，请在这里选择它们的字体文件。仅支持 TrueType 字体（.ttf、.ttc）。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="305"/>
        <source>Start Over…</source>
        <translation>重新设置…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="306"/>
        <source>Put the unreadable file aside and use the bundled fonts</source>
        <translation>将无法读取的文件改名保留，改用内置字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="321"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="322"/>
        <source>Choose a font file for {0}</source>
        <translation>为{0}选择字体文件</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="324"/>
        <source>Use Bundled</source>
        <translation>恢复内置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="325"/>
        <source>Draw {0} with the font that ships with Planbook</source>
        <translation>{0}改用 Planbook 自带的字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="336"/>
        <source>Saved in {0}; the command line uses the same file.</source>
        <translation>设置保存在 {0}，命令行也使用这个文件。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="368"/>
        <source>Nothing here can be changed until the file is corrected by hand, or you start over with the bundled fonts (the file is kept beside it, renamed).</source>
        <translation>在手工改正该文件或点“重新设置”改用内置字体之前（原文件会改名保留在同一文件夹），这里不能修改。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="387"/>
        <source>Bundled: {0}</source>
        <translation>内置：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="390"/>
        <source>Not found: {0}</source>
        <translation>找不到：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="392"/>
        <source>The PDF export stops until this file is back or another is chosen</source>
        <translation>在该文件恢复或另选字体之前，无法导出 PDF</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="426"/>
        <source>Font for {0}</source>
        <translation>{0}所用字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="428"/>
        <source>TrueType fonts (*.ttf *.ttc *.otf);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc *.otf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="453"/>
        <source>Choose a Font</source>
        <translation>选择字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="454"/>
        <source>{0} holds several fonts. Which one?</source>
        <translation>{0} 中有多个字体，使用哪一个？</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="480"/>
        <source>Font Settings Not Saved</source>
        <translation>字体设置未保存</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="492"/>
        <source>Rename {0} to {1} and use the bundled fonts?</source>
        <translation>将 {0} 改名为 {1}，并改用内置字体？</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="500"/>
        <source>{0} cannot be used for {1}: {2}.</source>
        <translation>{0} 不能用作{1}：{2}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="503"/>
        <source>Font Not Used</source>
        <translation>未采用该字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/preferences.py" line="503"/>
        <source>Nothing was changed.</source>
        <translation>设置未作任何更改。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="145"/>
        <source>Print Preview — {0}</source>
        <translation>打印预览 — {0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="149"/>
        <source>Notice with the plan</source>
        <translation>印发通知及要点</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="150"/>
        <source>Plan only</source>
        <translation>仅要点正文</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="161"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="163"/>
        <source>&amp;Save PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="165"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="175"/>
        <source>Layout:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="255"/>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="261"/>
        <source>fallback face: {0}</source>
        <translation>备用字体排印：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="272"/>
        <location filename="../../planbook/gui/print_preview.py" line="274"/>
        <source>Save PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="313"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="313"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="199"/>
        <source>Typesetting…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="244"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/print_preview.py" line="221"/>
        <location filename="../../planbook/gui/print_preview.py" line="228"/>
        <source>Typesetting… {0} pages so far</source>
        <translation>正在排版…已排 {0} 页</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../planbook/gui/follow.py" line="49"/>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="50"/>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="51"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="52"/>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
</context>
<context>
    <name>ProgressEditor</name>
    <message>
        <location filename="../../planbook/gui/follow.py" line="83"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="92"/>
        <source>Progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="98"/>
        <source>Add a note dated today</source>
        <translation>添加一条今天的进展</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="100"/>
        <source>Remove the selected note</source>
        <translation>删除所选进展</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="109"/>
        <source>Set Status</source>
        <translation>设置进展状态</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="110"/>
        <source>Edit Progress Note</source>
        <translation>修改进展情况</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="155"/>
        <source>Add Progress Note</source>
        <translation>添加进展情况</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="172"/>
        <source>Remove Progress Note</source>
        <translation>删除进展情况</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="143"/>
        <source>Write dates as 2021-03-15 or 2021年3月15日</source>
        <translation>日期请写作 2021-03-15 或 2021年3月15日</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../planbook/gui/qtstrings.py" line="10"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/qtstrings.py" line="11"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../../planbook/gui/review.py" line="259"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="264"/>
        <source>Search all plans (read only)</source>
        <translation>在全部方案中查找（只读）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="268"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="268"/>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="274"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="275"/>
        <source>Replace Ticked</source>
        <translation>替换勾选项</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="281"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="282"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="348"/>
        <source>Type the text to find.</source>
        <translation>请输入要查找的文字。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="350"/>
        <source>{0} hits in {1} plans (all plans are shown read only; open one to replace in it)</source>
        <translation>{1} 个方案中共有 {0} 处（全部方案只读显示；要替换请打开该方案）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="354"/>
        <source>The first {0} are listed.</source>
        <translation>仅列出前 {0} 项。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="357"/>
        <source>{0} hits in this plan</source>
        <translation>本方案中有 {0} 处</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="374"/>
        <source>Replace “{0}” with “{1}”</source>
        <translation>将“{0}”替换为“{1}”</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="376"/>
        <source>Replaced {0} hits (one undo step)</source>
        <translation>已替换 {0} 处（可一步撤销）</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../planbook/gui/review.py" line="81"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="81"/>
        <source>Found</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="81"/>
        <source>Proposed</source>
        <translation>建议改为</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="81"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="92"/>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="93"/>
        <source>Accept All of This Kind</source>
        <translation>采纳此类全部</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="94"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="95"/>
        <source>Show Ignored Again</source>
        <translation>恢复已忽略项</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="102"/>
        <source>Double-click a finding (or press Enter) to edit it by hand. Nothing changes until you accept; each accept is one undo step.</source>
        <translation>双击某条意见（或按回车键）可转到原文手工修改。未经采纳不会改动任何内容；每次采纳都可一步撤销。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="132"/>
        <source>Open a plan to review it.</source>
        <translation>请先打开一个方案再审阅。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="154"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="167"/>
        <source>{0} findings to look at</source>
        <translation>共 {0} 条审阅意见待处理</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="169"/>
        <source>Nothing in this plan looks stale.</source>
        <translation>本方案没有发现过时的提法。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="177"/>
        <source>drop the task</source>
        <translation>删除该任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="179"/>
        <source>keep, with a note</source>
        <translation>保留并注明结转</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/review.py" line="213"/>
        <source>Accept {0} Review Findings</source>
        <translation>采纳 {0} 条审阅意见</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../planbook/gui/safety.py" line="58"/>
        <location filename="../../planbook/gui/safety.py" line="72"/>
        <source>The library is read-only; changes cannot be saved.</source>
        <translation>方案库为只读，修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="62"/>
        <source>The disk is full: free some space and try again (nothing was changed).</source>
        <translation>磁盘已满：请释放一些空间后重试（未作任何更改）。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="63"/>
        <source>The disk could not be read or written (was it removed, or is it failing?).</source>
        <translation>无法读写磁盘（磁盘是否已被移除或出现故障？）。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="66"/>
        <source>The library file is damaged: restore a backup with File ▸ Backups and Restore….</source>
        <translation>方案库文件已损坏：请通过“文件 ▸ 备份与恢复…”恢复一份备份。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="69"/>
        <source>Another program is busy with the library: try again in a moment (nothing was changed).</source>
        <translation>另一个程序正在使用方案库：请稍后再试（未作任何更改）。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="73"/>
        <source>The library file cannot be opened (check the folder exists and may be read).</source>
        <translation>无法打开方案库文件（请检查文件夹是否存在、是否有读取权限）。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="176"/>
        <source>This library is read-only: changes are not saved</source>
        <translation>此方案库为只读，修改不会保存</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/actions.py" line="145"/>
        <source>&amp;Backups and Restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="236"/>
        <source>The change was not saved</source>
        <translation>修改未能保存</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="244"/>
        <source>What it changes was deleted or changed by another program.</source>
        <translation>它所修改的内容已被其他程序删除或更改。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="248"/>
        <source>Cannot undo “{0}”.</source>
        <translation>无法撤销“{0}”。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="248"/>
        <source>Cannot redo “{0}”.</source>
        <translation>无法重做“{0}”。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="250"/>
        <source>The step was taken off the undo list; nothing was changed.</source>
        <translation>此步骤已从撤销记录中移除，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="253"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="253"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="291"/>
        <source>The plan that was open was deleted by another program.</source>
        <translation>当前打开的方案已被其他程序删除。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="298"/>
        <source>Another program changed the library: shown as it is now.</source>
        <translation>其他程序修改了方案库，已显示最新内容。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="362"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/safety.py" line="370"/>
        <source>Restored {0}. What was there before is kept as {1}.</source>
        <translation>已恢复 {0}。恢复前的内容已另存为 {1}。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="174"/>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="175"/>
        <source>Unit, e.g. 基教科</source>
        <translation>单位，如 基教科</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="178"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="189"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="189"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="236"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="295"/>
        <source>Type to search every plan: words, &quot;phrases&quot;, -exclude, year:2019, issuer:…, unit:…, field:责任单位=…, kind:task</source>
        <translation>输入即可搜索全部方案：多个词用空格分开，&quot;短语&quot;，-排除词，年度:2019，机关:…，单位:…，字段:责任单位=…，类型:任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="338"/>
        <source>No plan contains that.</source>
        <translation>没有找到包含这些内容的方案。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="338"/>
        <source>Counting… (first {0} shown)</source>
        <translation>正在统计…（先显示前 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="373"/>
        <source>(plan title and notice)</source>
        <translation>（方案标题与印发通知）</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="401"/>
        <source>{0} hits</source>
        <translation>{0} 处</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="402"/>
        <source>{0} hits in {1} plans</source>
        <translation>共 {0} 处，分布在 {1} 个方案中</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/searchpanel.py" line="300"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>TreeCommands</name>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="73"/>
        <source>Add {0}</source>
        <translation>新建{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="80"/>
        <source>Delete {0}</source>
        <translation>删除{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="92"/>
        <source>Already at the top</source>
        <translation>已在最上面</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="92"/>
        <source>Already at the bottom</source>
        <translation>已在最下面</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="95"/>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="95"/>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="99"/>
        <source>Demote</source>
        <translation>降一级</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="99"/>
        <source>Cannot demote here</source>
        <translation>此处无法降级</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="102"/>
        <source>Promote</source>
        <translation>升一级</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/treecommands.py" line="102"/>
        <source>Cannot promote here</source>
        <translation>此处无法升级</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../planbook/gui/follow.py" line="59"/>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="60"/>
        <source>Responsible</source>
        <translation>责任</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="61"/>
        <source>Cooperating</source>
        <translation>配合</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="62"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <location filename="../../planbook/gui/follow.py" line="200"/>
        <source>This plan</source>
        <translation>本方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="201"/>
        <source>All plans</source>
        <translation>全部方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="204"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="204"/>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="204"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="207"/>
        <source>Show only this unit&apos;s tasks in the tree</source>
        <translation>结构树中只显示该单位的任务</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/follow.py" line="208"/>
        <source>Rename Unit…</source>
        <translation>单位更名…</translation>
    </message>
</context>
<context>
    <name>WordFontsPage</name>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="75"/>
        <source>The Word export writes these font names into the document; the fonts themselves are not included. Word uses a named font where the reader&apos;s computer has it, otherwise the fallback shown beside it. Choose a name from the list, or type the one your office uses.</source>
        <translation>导出 Word 时把以下字体名称写入文档，字体本身不随文档保存。打开文档的电脑装有该字体时，Word 就用它；没有时改用旁边列出的备用字体。可从列表中选择，也可输入本单位使用的字体名称。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="81"/>
        <source>Start Over…</source>
        <translation>重新设置…</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="82"/>
        <source>Put the unreadable file aside and use the default names</source>
        <translation>将无法读取的文件改名保留，改用默认字体名称</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="114"/>
        <source>Reset to Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="102"/>
        <source>The font name written into Word files for {0}</source>
        <translation>写入 Word 文件的{0}字体名称</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="116"/>
        <source>Use the default names again: {0}</source>
        <translation>重新使用默认字体名称：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="117"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="126"/>
        <source>Saved in {0}; the command line uses the same file.</source>
        <translation>设置保存在 {0}，命令行也使用这个文件。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="161"/>
        <source>Nothing here can be changed until the file is corrected by hand, or you start over with the default names (the file is kept beside it, renamed).</source>
        <translation>在手工改正该文件或点“重新设置”改用默认字体名称之前（原文件会改名保留在同一文件夹），这里不能修改。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="181"/>
        <source>Fallback: {0}</source>
        <translation>备用：{0}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="181"/>
        <source>No fallback</source>
        <translation>无备用字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="183"/>
        <source>Where a reader&apos;s computer lacks {0}, Word uses {1}</source>
        <translation>打开文档的电脑没有 {0} 时，Word 改用 {1}</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="185"/>
        <source>Where a reader&apos;s computer lacks {0}, Word substitutes a font of its own</source>
        <translation>打开文档的电脑没有 {0} 时，由 Word 自行替换为其他字体</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="202"/>
        <source>Font Name Not Used</source>
        <translation>字体名称未采用</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="203"/>
        <source>This name cannot be used for {0} in Word files: {1}.</source>
        <translation>该名称不能用作 Word 文件中{0}的字体：{1}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="206"/>
        <source>{0} is kept.</source>
        <translation>仍使用 {0}。</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="235"/>
        <source>Font Settings Not Saved</source>
        <translation>字体设置未保存</translation>
    </message>
    <message>
        <location filename="../../planbook/gui/wordfonts.py" line="247"/>
        <source>Rename {0} to {1} and use the default names?</source>
        <translation>将 {0} 改名为 {1}，并改用默认字体名称？</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../planbook/gui/recent.py" line="92"/>
        <location filename="../../planbook/gui/templates.py" line="53"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
</TS>
