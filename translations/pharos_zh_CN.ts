<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Renders a Grafana dashboard with live data to a PNG file, without a display.</source>
        <translation>使用实时数据将 Grafana 仪表板渲染为 PNG 文件，无需显示器。</translation>
    </message>
    <message>
        <source>Pharos shows Grafana dashboards with live Prometheus data.
Use &quot;pharos export FILE -o OUT.png&quot; to render a dashboard to a PNG.</source>
        <translation>Pharos 使用实时 Prometheus 数据显示 Grafana 仪表板。
使用 &quot;pharos export FILE -o OUT.png&quot; 可将仪表板渲染为 PNG。</translation>
    </message>
    <message>
        <source>Use the Prometheus server at &lt;url&gt; for every panel.</source>
        <translation>所有面板都使用位于 &lt;URL&gt; 的 Prometheus 服务器。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Start of the time range, e.g. now-6h.</source>
        <translation>时间范围的起点，例如 now-6h。</translation>
    </message>
    <message>
        <source>expr</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>End of the time range, e.g. now.</source>
        <translation>时间范围的终点，例如 now。</translation>
    </message>
    <message>
        <source>Refresh interval, e.g. 10s, or off.</source>
        <translation>刷新间隔，例如 10s；off 表示关闭。</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en.</source>
        <translation>界面语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The PNG file to write.</source>
        <translation>要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Width of the image in pixels (default 1600).</source>
        <translation>图像宽度，单位为像素（默认 1600）。</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>Export a dashboard.</source>
        <translation>导出仪表板。</translation>
    </message>
    <message>
        <source>The dashboard JSON file.</source>
        <translation>仪表板 JSON 文件。</translation>
    </message>
    <message>
        <source>A dashboard JSON file to open.</source>
        <translation>要打开的仪表板 JSON 文件。</translation>
    </message>
    <message>
        <source>[file]</source>
        <translation>[文件]</translation>
    </message>
    <message>
        <source>Run &quot;pharos --help&quot; for the usage.</source>
        <translation>运行 &quot;pharos --help&quot; 查看用法。</translation>
    </message>
    <message>
        <source>export: missing the dashboard file.</source>
        <translation>export: 缺少仪表板文件。</translation>
    </message>
    <message>
        <source>export: unexpected argument &quot;%1&quot;.</source>
        <translation>export: 意外的参数 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>export: missing the output file (-o OUT.png).</source>
        <translation>export: 缺少输出文件（-o OUT.png）。</translation>
    </message>
    <message>
        <source>--width: &quot;%1&quot; is not a width between 200 and 20000 pixels.</source>
        <translation>--width: &quot;%1&quot; 不是 200 到 20000 像素之间的宽度。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;: give at most one dashboard file.</source>
        <translation>意外的参数 &quot;%1&quot;：最多只能指定一个仪表板文件。</translation>
    </message>
    <message>
        <source>--refresh: &quot;%1&quot; is not a duration such as 10s, 1m or off.</source>
        <translation>--refresh: &quot;%1&quot; 不是有效的时长，例如 10s、1m 或 off。</translation>
    </message>
    <message>
        <source>--datasource: &quot;%1&quot; is not an http(s) URL.</source>
        <translation>--datasource: &quot;%1&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <source>--from: %1</source>
        <translation>--from: %1</translation>
    </message>
    <message>
        <source>--to: %1</source>
        <translation>--to: %1</translation>
    </message>
    <message>
        <source>--lang: give a language such as zh_CN or en.</source>
        <translation>--lang: 请指定语言，例如 zh_CN 或 en。</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Time range: %1</source>
        <translation>时间范围：%1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <source>Panel “%1” (id %2): %3</source>
        <translation>面板“%1”（ID %2）：%3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1, but %n panel(s) failed.</source>
        <translation>
            <numerusform>已写入 %1，但有 %n 个面板失败。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Command line (%1)</source>
        <translation>命令行（%1）</translation>
    </message>
</context>
<context>
    <name>pharos::Dashboard</name>
    <message>
        <source>The file is empty; expected Grafana dashboard JSON.</source>
        <translation>文件为空；应为 Grafana 仪表板 JSON。</translation>
    </message>
    <message>
        <source>This is an HTML page, not Grafana dashboard JSON (line %1, column %2).</source>
        <translation>这是一个 HTML 页面，而不是 Grafana 仪表板 JSON（第 %1 行，第 %2 列）。</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>第 %1 行第 %2 列的 JSON 无效：%3</translation>
    </message>
    <message>
        <source>This is not a Grafana dashboard: the JSON is not an object.</source>
        <translation>这不是 Grafana 仪表板：JSON 不是对象。</translation>
    </message>
    <message>
        <source>This is not a Grafana dashboard: it has neither &quot;panels&quot; nor &quot;rows&quot;.</source>
        <translation>这不是 Grafana 仪表板：既没有 &quot;panels&quot; 也没有 &quot;rows&quot;。</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardIO</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceDialog</name>
    <message>
        <source>Default data source</source>
        <translation>默认数据源</translation>
    </message>
    <message>
        <source>Save &amp;&amp; Test</source>
        <translation>保存并测试</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>抓取间隔：</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Another data source is already called “%1”.</source>
        <translation>已有另一个名为“%1”的数据源。</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// URL, e.g. http://localhost:9090.</source>
        <translation>请输入 http:// 或 https:// URL，例如 http://localhost:9090。</translation>
    </message>
    <message>
        <source>The scrape interval “%1” is not a duration such as 15s.</source>
        <translation>抓取间隔“%1”不是有效的时长（例如 15s）。</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Prometheus %1</source>
        <translation>Prometheus %1</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已移除。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved, but “%1” could not be tested.</source>
        <translation>已保存，但无法测试“%1”。</translation>
    </message>
    <message>
        <source>Saved. Testing “%1”…</source>
        <translation>已保存。正在测试“%1”…</translation>
    </message>
    <message>
        <source>“%1” works: Prometheus %2.</source>
        <translation>“%1”工作正常：Prometheus %2。</translation>
    </message>
    <message>
        <source>Testing “%1” failed: %2</source>
        <translation>测试“%1”失败：%2</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceError</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>Connection refused: nothing is listening at the data source URL. Is the server running?</source>
        <translation>连接被拒绝：数据源 URL 上没有服务在监听。服务器是否正在运行？</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing is listening there. Is the server running?</source>
        <translation>%1 拒绝连接：该地址上没有服务在监听。服务器是否正在运行？</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>找不到主机：%1</translation>
    </message>
    <message>
        <source>The server did not answer in time (timeout).</source>
        <translation>服务器未及时响应（超时）。</translation>
    </message>
    <message>
        <source>The server did not answer in time (timeout: %1).</source>
        <translation>服务器未及时响应（超时：%1）。</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS 错误：%1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>HTTP %1: authentication failed or access denied.</source>
        <translation>HTTP %1：身份验证失败或访问被拒绝。</translation>
    </message>
    <message>
        <source>HTTP 404: the API was not found at this URL. Check the URL and path prefix.</source>
        <translation>HTTP 404：在此 URL 上找不到 API。请检查 URL 和路径前缀。</translation>
    </message>
    <message>
        <source>HTTP error %1.</source>
        <translation>HTTP 错误 %1。</translation>
    </message>
    <message>
        <source>HTTP error %1: %2</source>
        <translation>HTTP 错误 %1：%2</translation>
    </message>
    <message>
        <source>The server did not answer like a Prometheus API (%1).</source>
        <translation>服务器的响应不符合 Prometheus API（%1）。</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated response (%1).</source>
        <translation>服务器返回的响应格式错误或不完整（%1）。</translation>
    </message>
    <message>
        <source>Query error: %1</source>
        <translation>查询错误：%1</translation>
    </message>
    <message>
        <source>Query error (%1): %2</source>
        <translation>查询错误（%1）：%2</translation>
    </message>
    <message>
        <source>No data source is configured.</source>
        <translation>未配置数据源。</translation>
    </message>
    <message>
        <source>This data source does not support the request: %1</source>
        <translation>此数据源不支持该请求：%1</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceRegistry</name>
    <message>
        <source>No data source is configured.</source>
        <translation>未配置数据源。</translation>
    </message>
    <message>
        <source>Data source &quot;%1&quot; is not configured.</source>
        <translation>数据源“%1”未配置。</translation>
    </message>
    <message>
        <source>Data source &quot;%1&quot; is not supported by Pharos.</source>
        <translation>Pharos 不支持数据源“%1”。</translation>
    </message>
    <message>
        <source>Invalid data source reference.</source>
        <translation>无效的数据源引用。</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceStore</name>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>pharos::MainWindow</name>
    <message>
        <source>Time and refresh</source>
        <translation>时间和刷新</translation>
    </message>
    <message>
        <source>Invalid time range: %1</source>
        <translation>无效的时间范围：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表板(&amp;D)</translation>
    </message>
    <message>
        <source>Save current time range and refresh as default</source>
        <translation>将当前时间范围和刷新间隔保存为默认值</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <source>Data &amp;sources</source>
        <translation>数据源(&amp;S)</translation>
    </message>
    <message>
        <source>Data sources…</source>
        <translation>数据源…</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>无最近文件</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>打开仪表板</translation>
    </message>
    <message>
        <source>Grafana dashboards (*.json);;All files (*)</source>
        <translation>Grafana 仪表板 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open dashboard</source>
        <translation>无法打开仪表板</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>No data source configured: use Data sources… to add one.</source>
        <translation>未配置数据源：请通过“数据源…”添加一个。</translation>
    </message>
    <message>
        <source>Cannot save dashboard</source>
        <translation>无法保存仪表板</translation>
    </message>
    <message>
        <source>Save dashboard as</source>
        <translation>仪表板另存为</translation>
    </message>
    <message>
        <source>Grafana dashboards (*.json)</source>
        <translation>Grafana 仪表板 (*.json)</translation>
    </message>
    <message>
        <source>Pharos</source>
        <translation>Pharos</translation>
    </message>
    <message>
        <source>%1[*] — Pharos</source>
        <translation>%1[*] — Pharos</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The dashboard “%1” has unsaved changes. Save them?</source>
        <translation>仪表板“%1”有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>No data source configured</source>
        <translation>未配置数据源</translation>
    </message>
    <message>
        <source>Pharos has no Prometheus data source yet, so panels cannot show data.
Add one now? (You can also start Pharos with --datasource URL.)</source>
        <translation>Pharos 还没有 Prometheus 数据源，因此面板无法显示数据。
现在添加一个吗？（也可以使用 --datasource URL 启动 Pharos。）</translation>
    </message>
</context>
<context>
    <name>pharos::PanelWidget</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Some queries failed:</source>
        <translation>部分查询失败：</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Unknown unit “%1”: values are shown with it as a plain suffix.</source>
        <translation>未知单位“%1”：数值将以它作为普通后缀显示。</translation>
    </message>
</context>
<context>
    <name>pharos::PlaceholderPanel</name>
    <message>
        <source>Panel type “%1” is not supported yet; it is kept unchanged when saving.</source>
        <translation>尚不支持面板类型“%1”；保存时将保持不变。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>pharos::PrometheusDataSource</name>
    <message>
        <source>Build info (/api/v1/status/buildinfo)</source>
        <translation>构建信息（/api/v1/status/buildinfo）</translation>
    </message>
    <message>
        <source>Test query (1+1)</source>
        <translation>测试查询（1+1）</translation>
    </message>
    <message>
        <source>the test query 1+1 did not return 2</source>
        <translation>测试查询 1+1 未返回 2</translation>
    </message>
    <message>
        <source>Data source is working: Prometheus %1</source>
        <translation>数据源工作正常：Prometheus %1</translation>
    </message>
    <message>
        <source>invalid data source URL &quot;%1&quot;</source>
        <translation>无效的数据源 URL &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 after %2 s</source>
        <translation>%1，已等待 %2 秒</translation>
    </message>
    <message>
        <source>no HTTP answer from %1</source>
        <translation>%1 没有返回 HTTP 响应</translation>
    </message>
</context>
<context>
    <name>pharos::QueryScheduler</name>
    <message>
        <source>No data source is configured.</source>
        <translation>未配置数据源。</translation>
    </message>
    <message>
        <source>the data source returned no reply</source>
        <translation>数据源未返回任何响应</translation>
    </message>
</context>
<context>
    <name>pharos::Reducers</name>
    <message>
        <source>Last</source>
        <translation>最后一个</translation>
    </message>
    <message>
        <source>Last *</source>
        <translation>最后一个 *</translation>
    </message>
    <message>
        <source>First</source>
        <translation>第一个</translation>
    </message>
    <message>
        <source>First *</source>
        <translation>第一个 *</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
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
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>增量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
</context>
<context>
    <name>pharos::RefreshPicker</name>
    <message>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <source>Refresh every panel now</source>
        <translation>立即刷新所有面板</translation>
    </message>
    <message>
        <source>Auto-refresh interval</source>
        <translation>自动刷新间隔</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>pharos::ResponseParser</name>
    <message>
        <source>a result series without &quot;value&quot; or &quot;values&quot;</source>
        <translation>结果序列中没有 &quot;value&quot; 或 &quot;values&quot;</translation>
    </message>
    <message>
        <source>unknown result type &quot;%1&quot;</source>
        <translation>未知的结果类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;result&quot; is not an array</source>
        <translation>&quot;result&quot; 不是数组</translation>
    </message>
    <message>
        <source>&quot;result&quot; before &quot;resultType&quot;</source>
        <translation>&quot;result&quot; 出现在 &quot;resultType&quot; 之前</translation>
    </message>
    <message>
        <source>no &quot;result&quot; in &quot;data&quot;</source>
        <translation>&quot;data&quot; 中没有 &quot;result&quot;</translation>
    </message>
    <message>
        <source>no &quot;resultType&quot; in &quot;data&quot;</source>
        <translation>&quot;data&quot; 中没有 &quot;resultType&quot;</translation>
    </message>
    <message>
        <source>JSON without a Prometheus &quot;status&quot;</source>
        <translation>没有 Prometheus &quot;status&quot; 的 JSON</translation>
    </message>
    <message>
        <source>empty response</source>
        <translation>空响应</translation>
    </message>
    <message>
        <source>an HTML page</source>
        <translation>HTML 页面</translation>
    </message>
    <message>
        <source>an HTML page titled &quot;%1&quot;</source>
        <translation>标题为“%1”的 HTML 页面</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>无效的 JSON</translation>
    </message>
    <message>
        <source>JSON that is not an object</source>
        <translation>不是对象的 JSON</translation>
    </message>
    <message>
        <source>&quot;status&quot; is not a string</source>
        <translation>&quot;status&quot; 不是字符串</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;</source>
        <translation>未知状态 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected value in a Prometheus answer (%1)</source>
        <translation>Prometheus 响应中有意外的值（%1）</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>无效的 JSON：%1</translation>
    </message>
    <message>
        <source>no &quot;data&quot; in the answer</source>
        <translation>响应中没有 &quot;data&quot;</translation>
    </message>
    <message>
        <source>&quot;data&quot; is not an object</source>
        <translation>&quot;data&quot; 不是对象</translation>
    </message>
    <message>
        <source>&quot;data&quot; is not a list</source>
        <translation>&quot;data&quot; 不是列表</translation>
    </message>
</context>
<context>
    <name>pharos::RowHeader</name>
    <message>
        <source>Collapse or expand this row</source>
        <translation>折叠或展开此行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>pharos::SeriesTableModel</name>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>pharos::TablePanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>pharos::TimeRange</name>
    <message>
        <source>The time is empty.</source>
        <translation>时间为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid time. Use an expression such as now-6h or now/d, or a date such as 2024-01-31 12:00:00.</source>
        <translation>“%1”不是有效的时间。请使用 now-6h 或 now/d 这样的表达式，或 2024-01-31 12:00:00 这样的日期。</translation>
    </message>
    <message>
        <source>The start of the time range (%1) must be before its end (%2).</source>
        <translation>时间范围的起点（%1）必须早于终点（%2）。</translation>
    </message>
    <message>
        <source>Last 1 second</source>
        <translation>最近 1 秒</translation>
    </message>
    <message>
        <source>Last %1 seconds</source>
        <translation>最近 %1 秒</translation>
    </message>
    <message>
        <source>Last 1 minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last %1 minutes</source>
        <translation>最近 %1 分钟</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last %1 hours</source>
        <translation>最近 %1 小时</translation>
    </message>
    <message>
        <source>Last 1 day</source>
        <translation>最近 1 天</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <source>Last 1 week</source>
        <translation>最近 1 周</translation>
    </message>
    <message>
        <source>Last %1 weeks</source>
        <translation>最近 %1 周</translation>
    </message>
    <message>
        <source>Last 1 month</source>
        <translation>最近 1 个月</translation>
    </message>
    <message>
        <source>Last %1 months</source>
        <translation>最近 %1 个月</translation>
    </message>
    <message>
        <source>Last 1 year</source>
        <translation>最近 1 年</translation>
    </message>
    <message>
        <source>Last %1 years</source>
        <translation>最近 %1 年</translation>
    </message>
    <message>
        <source>Today so far</source>
        <translation>今天至今</translation>
    </message>
    <message>
        <source>This week so far</source>
        <translation>本周至今</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <source>This year so far</source>
        <translation>今年至今</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>pharos::TimeRangePicker</name>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Absolute or relative time range</source>
        <translation>绝对或相对时间范围</translation>
    </message>
    <message>
        <source>e.g. now-6h or 2024-01-31 08:00</source>
        <translation>例如 now-6h 或 2024-01-31 08:00</translation>
    </message>
    <message>
        <source>e.g. now or now/d</source>
        <translation>例如 now 或 now/d</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <source>Apply time range</source>
        <translation>应用时间范围</translation>
    </message>
    <message>
        <source>Quick ranges</source>
        <translation>快速范围</translation>
    </message>
    <message>
        <source>From: enter a time such as now-6h.</source>
        <translation>开始：请输入时间，例如 now-6h。</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <source>To: enter a time such as now.</source>
        <translation>结束：请输入时间，例如 now。</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>结束：%1</translation>
    </message>
</context>
<context>
    <name>pharos::TimeSeriesPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
</TS>
