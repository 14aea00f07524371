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
    <message>
        <source>Migrates a Grafana dashboard (schema 14 to 41) to the current schema, maps its inputs, and reports what happened to every panel.</source>
        <translation>将 Grafana 仪表板（架构 14 至 41）迁移到当前架构，映射其输入，并报告每个面板的处理结果。</translation>
    </message>
    <message>
        <source>Value of a dashboard input, e.g. DS_PROMETHEUS=Prometheus (a data source name) or VAR_X=value (a constant). Repeat for each input; data sources default to the default data source.</source>
        <translation>仪表板输入的值，例如 DS_PROMETHEUS=Prometheus（数据源名称）或 VAR_X=value（常量）。每个输入重复一次；数据源默认使用默认数据源。</translation>
    </message>
    <message>
        <source>name=value</source>
        <translation>名称=值</translation>
    </message>
    <message>
        <source>Write the import report (one entry per panel) as JSON.</source>
        <translation>将导入报告（每个面板一条）写为 JSON。</translation>
    </message>
    <message>
        <source>The dashboard JSON file to write (default: standard output).</source>
        <translation>要写入的仪表板 JSON 文件（默认：标准输出）。</translation>
    </message>
    <message>
        <source>Import a dashboard.</source>
        <translation>导入仪表板。</translation>
    </message>
    <message>
        <source>The Grafana dashboard JSON file.</source>
        <translation>Grafana 仪表板 JSON 文件。</translation>
    </message>
    <message>
        <source>import: missing the dashboard file.</source>
        <translation>import：缺少仪表板文件。</translation>
    </message>
    <message>
        <source>import: unexpected argument &quot;%1&quot;.</source>
        <translation>import：意外的参数“%1”。</translation>
    </message>
    <message>
        <source>import: -o needs a file name.</source>
        <translation>import：-o 需要一个文件名。</translation>
    </message>
    <message>
        <source>--input: &quot;%1&quot; is not NAME=VALUE, e.g. DS_PROMETHEUS=Prometheus.</source>
        <translation>--input：“%1”不是 NAME=VALUE 形式，例如 DS_PROMETHEUS=Prometheus。</translation>
    </message>
    <message>
        <source>--report needs a file name.</source>
        <translation>--report 需要一个文件名。</translation>
    </message>
    <message>
        <source>Apply a Grafana data-source provisioning file (YAML).</source>
        <translation>应用 Grafana 数据源预配文件（YAML）。</translation>
    </message>
    <message>
        <source>Value(s) of a dashboard variable, e.g. job=api or instance=a,b. Repeat for each variable.</source>
        <translation>仪表板变量的值，例如 job=api 或 instance=a,b。每个变量重复一次此选项。</translation>
    </message>
    <message>
        <source>name=values</source>
        <translation>名称=值</translation>
    </message>
    <message>
        <source>Dashboard width in pixels for the panels&apos; data points (default 1600).</source>
        <translation>用于计算面板数据点的仪表板宽度（像素，默认 1600）。</translation>
    </message>
    <message>
        <source>Print every panel&apos;s queries after interpolation as JSON.</source>
        <translation>以 JSON 输出每个面板插值后的查询。</translation>
    </message>
    <message>
        <source>inspect: missing the dashboard file.</source>
        <translation>inspect：缺少仪表板文件。</translation>
    </message>
    <message>
        <source>inspect: unexpected argument &quot;%1&quot;.</source>
        <translation>inspect：意外的参数“%1”。</translation>
    </message>
    <message>
        <source>--var: &quot;%1&quot; is not NAME=VALUES, e.g. job=api.</source>
        <translation>--var：“%1”不是 名称=值 的形式，例如 job=api。</translation>
    </message>
    <message>
        <source>The --datasource server&apos;s scrape interval, e.g. 15s (the default): the lower limit of query steps and $__rate_interval.</source>
        <translation>--datasource 服务器的抓取间隔，例如 15s（默认值）：查询步长和 $__rate_interval 的下限。</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>--scrape-interval: &quot;%1&quot; is not a duration such as 15s or 1m.</source>
        <translation>--scrape-interval：“%1”不是 15s 或 1m 这样的时长。</translation>
    </message>
    <message>
        <source>--scrape-interval needs --datasource.</source>
        <translation>--scrape-interval 需要 --datasource。</translation>
    </message>
    <message>
        <source>Log every HTTP request (method, URL, status, size, duration; never a secret) and debug messages to stderr.</source>
        <translation>将每个 HTTP 请求（方法、URL、状态、大小、耗时；从不包含机密信息）和调试信息输出到标准错误。</translation>
    </message>
    <message>
        <source>The most series one panel draws (default 2000, or the setting); a panel with more shows the first ones and says so.</source>
        <translation>一个面板最多绘制的序列数（默认 2000，或设置中的值）；序列更多的面板只显示前面的序列并加以说明。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>--max-series: &quot;%1&quot; is not a count between 1 and %2.</source>
        <translation>--max-series：“%1”不是 1 到 %2 之间的数量。</translation>
    </message>
</context>
<context>
    <name>DataSourceCommand</name>
    <message>
        <source>basic (%1)</source>
        <translation>基本认证（%1）</translation>
    </message>
    <message>
        <source>bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>No data sources are configured. Add one with &quot;pharos datasource add NAME --url URL&quot;.</source>
        <translation>尚未配置数据源。请用“pharos datasource add NAME --url URL”添加一个。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>server name %1</source>
        <translation>服务器名称 %1</translation>
    </message>
    <message>
        <source>WARNING: verification skipped</source>
        <translation>警告：已跳过验证</translation>
    </message>
    <message>
        <source>%1: its secrets are not in the keychain; add the data source again.</source>
        <translation>%1：钥匙串中没有它的机密信息；请重新添加该数据源。</translation>
    </message>
    <message>
        <source>Run again with --allow-no-keychain to go on without stored secrets.</source>
        <translation>请加上 --allow-no-keychain 重新运行，以在没有已存储机密信息的情况下继续。</translation>
    </message>
    <message>
        <source>No data source is called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的数据源。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: working. Version: %2. Flavour: %3.</source>
        <translation>%1：工作正常。版本：%2。类型：%3。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>The data source was kept. Run again with --allow-no-keychain to remove it anyway.</source>
        <translation>数据源已保留。请加上 --allow-no-keychain 重新运行以强制删除。</translation>
    </message>
    <message>
        <source>Removed data source &quot;%1&quot;.</source>
        <translation>已删除数据源“%1”。</translation>
    </message>
    <message>
        <source>Manages Pharos&apos;s data sources: list, add, test, remove.
Secrets (passwords, tokens, secret headers) are read from stdin only, one per line, and stored in the system keychain.</source>
        <translation>管理 Pharos 的数据源：列出、添加、测试、删除。
机密信息（密码、令牌、机密请求头）只从标准输入读取，每行一个，并保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The server&apos;s base URL, e.g. https://prometheus:9090.</source>
        <translation>服务器的基础 URL，例如 https://prometheus:9090。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>prometheus, victoriametrics, thanos or mimir.</source>
        <translation>prometheus、victoriametrics、thanos 或 mimir。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>Basic auth user name.</source>
        <translation>基本认证用户名。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>Read the basic auth password from stdin.</source>
        <translation>从标准输入读取基本认证密码。</translation>
    </message>
    <message>
        <source>Read a bearer token from stdin.</source>
        <translation>从标准输入读取 Bearer 令牌。</translation>
    </message>
    <message>
        <source>CA certificate (PEM) to verify the server.</source>
        <translation>用于验证服务器的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Client certificate (PEM).</source>
        <translation>客户端证书（PEM）。</translation>
    </message>
    <message>
        <source>Client private key (PEM).</source>
        <translation>客户端私钥（PEM）。</translation>
    </message>
    <message>
        <source>Path before /api/v1, e.g. /prometheus.</source>
        <translation>/api/v1 之前的路径，例如 /prometheus。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>X-Scope-OrgID tenant (Mimir, Cortex).</source>
        <translation>X-Scope-OrgID 租户（Mimir、Cortex）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Extra query parameter for every request.</source>
        <translation>每个请求附加的查询参数。</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>HTTP method for queries: POST (default) or GET.</source>
        <translation>查询使用的 HTTP 方法：POST（默认）或 GET。</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>Request timeout in seconds (default 60).</source>
        <translation>请求超时秒数（默认 60）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Cap for lookups (default 40000).</source>
        <translation>查找结果上限（默认 40000）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Make this the default data source.</source>
        <translation>设为默认数据源。</translation>
    </message>
    <message>
        <source>Apply a data-source provisioning file first.</source>
        <translation>先应用数据源预配文件。</translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en.</source>
        <translation>用户界面语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Manage data sources.</source>
        <translation>管理数据源。</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>list, add, test or remove.</source>
        <translation>list、add、test 或 remove。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The data source&apos;s name.</source>
        <translation>数据源的名称。</translation>
    </message>
    <message>
        <source>[name]</source>
        <translation>[名称]</translation>
    </message>
    <message>
        <source>Run &quot;pharos datasource --help&quot; for the usage.</source>
        <translation>运行“pharos datasource --help”查看用法。</translation>
    </message>
    <message>
        <source>datasource: missing the action (list, add, test or remove).</source>
        <translation>datasource：缺少操作（list、add、test 或 remove）。</translation>
    </message>
    <message>
        <source>Cannot read the %1 from stdin.</source>
        <translation>无法从标准输入读取%1。</translation>
    </message>
    <message>
        <source>The %1 read from stdin is empty.</source>
        <translation>从标准输入读取的%1为空。</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>value of header %1</source>
        <translation>请求头 %1 的值</translation>
    </message>
    <message>
        <source>datasource list: unexpected argument &quot;%1&quot;.</source>
        <translation>datasource list：意外的参数“%1”。</translation>
    </message>
    <message>
        <source>datasource: unknown action &quot;%1&quot; (use list, add, test or remove).</source>
        <translation>datasource：未知操作“%1”（请使用 list、add、test 或 remove）。</translation>
    </message>
    <message>
        <source>datasource %1: missing the data source&apos;s name.</source>
        <translation>datasource %1：缺少数据源名称。</translation>
    </message>
    <message>
        <source>datasource %1: unexpected argument &quot;%2&quot;.</source>
        <translation>datasource %1：意外的参数“%2”。</translation>
    </message>
    <message>
        <source>datasource add: the name is empty.</source>
        <translation>datasource add：名称为空。</translation>
    </message>
    <message>
        <source>A data source called &quot;%1&quot; exists already; remove it first.</source>
        <translation>名为“%1”的数据源已存在；请先删除它。</translation>
    </message>
    <message>
        <source>datasource add: --url &quot;%1&quot; is not an http(s) URL.</source>
        <translation>datasource add：--url“%1”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>datasource add: do not put credentials in the URL; use --basic-user and --password-stdin.</source>
        <translation>datasource add：不要在 URL 中写入凭据；请使用 --basic-user 和 --password-stdin。</translation>
    </message>
    <message>
        <source>datasource add: unknown kind &quot;%1&quot; (use prometheus, victoriametrics, thanos or mimir).</source>
        <translation>datasource add：未知类型“%1”（请使用 prometheus、victoriametrics、thanos 或 mimir）。</translation>
    </message>
    <message>
        <source>datasource add: --password-stdin needs --basic-user.</source>
        <translation>datasource add：--password-stdin 需要 --basic-user。</translation>
    </message>
    <message>
        <source>datasource add: use either basic auth or a bearer token.</source>
        <translation>datasource add：只能使用基本认证或 Bearer 令牌之一。</translation>
    </message>
    <message>
        <source>datasource add: --header &quot;%1&quot; is not NAME=VALUE.</source>
        <translation>datasource add：--header“%1”不是 NAME=VALUE 格式。</translation>
    </message>
    <message>
        <source>datasource add: cannot read the file &quot;%1&quot;.</source>
        <translation>datasource add：无法读取文件“%1”。</translation>
    </message>
    <message>
        <source>datasource add: give both --client-cert and --client-key.</source>
        <translation>datasource add：请同时提供 --client-cert 和 --client-key。</translation>
    </message>
    <message>
        <source>datasource add: --method must be GET or POST.</source>
        <translation>datasource add：--method 必须是 GET 或 POST。</translation>
    </message>
    <message>
        <source>datasource add: --timeout must be 1 to 3600 seconds.</source>
        <translation>datasource add：--timeout 必须是 1 到 3600 秒。</translation>
    </message>
    <message>
        <source>datasource add: --scrape-interval &quot;%1&quot; is not a duration such as 15s.</source>
        <translation>datasource add：--scrape-interval“%1”不是 15s 这样的时长。</translation>
    </message>
    <message>
        <source>datasource add: --series-limit must be a number.</source>
        <translation>datasource add：--series-limit 必须是数字。</translation>
    </message>
    <message>
        <source>The data source was not added. Run again with --allow-no-keychain to add it without its secrets.</source>
        <translation>数据源未添加。请加上 --allow-no-keychain 重新运行，以不带机密信息的方式添加。</translation>
    </message>
    <message>
        <source>Warning: the secrets were not stored; give them again when testing.</source>
        <translation>警告：机密信息未保存；测试时请再次提供。</translation>
    </message>
    <message>
        <source>Added data source &quot;%1&quot; (%2, %3).</source>
        <translation>已添加数据源“%1”（%2，%3）。</translation>
    </message>
    <message>
        <source>Warning: TLS certificate verification is disabled for &quot;%1&quot;.</source>
        <translation>警告：“%1”的 TLS 证书验证已禁用。</translation>
    </message>
    <message>
        <source>Log every HTTP request (method, URL, status, size, duration; never a secret) and debug messages to stderr.</source>
        <translation>将每个 HTTP 请求（方法、URL、状态、大小、耗时；从不包含机密信息）和调试信息输出到标准错误。</translation>
    </message>
    <message>
        <source>The data source type&apos;s Grafana id (default prometheus).</source>
        <translation>数据源类型的 Grafana ID（默认 prometheus）。</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>datasource add: unknown type &quot;%1&quot; (use %2).</source>
        <translation>datasource add：未知类型“%1”（可用 %2）。</translation>
    </message>
    <message>
        <source>datasource add: --%1 is not an option of %2 data sources.</source>
        <translation>datasource add：--%1 不是 %2 数据源的选项。</translation>
    </message>
    <message>
        <source>Alertmanager: prometheus (default), mimir or cortex.</source>
        <translation>Alertmanager：prometheus（默认）、mimir 或 cortex。</translation>
    </message>
    <message>
        <source>datasource add: unknown implementation &quot;%1&quot; (use prometheus, mimir or cortex).</source>
        <translation>datasource add：未知实现“%1”（可用 prometheus、mimir 或 cortex）。</translation>
    </message>
    <message>
        <source>The server&apos;s scrape interval, e.g. 15s (for $__rate_interval).</source>
        <translation>服务器的抓取间隔，例如 15s（用于 $__rate_interval）。</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
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
    <message>
        <source>Variable “%1”: %2</source>
        <translation>变量“%1”：%2</translation>
    </message>
    <message>
        <source>The variables did not load within %1 s.</source>
        <translation>变量未能在 %1 秒内加载完成。</translation>
    </message>
    <message>
        <source>Note: panel “%1” (id %2): %3</source>
        <translation>注意：面板“%1”（id %2）：%3</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Input %1 has no value and no data source is configured; the dashboard uses the default data source wherever it refers to it. Give one with --input %1=NAME.</source>
        <translation>输入 %1 没有值，且未配置任何数据源；仪表板中引用它的地方将使用默认数据源。请用 --input %1=名称 指定。</translation>
    </message>
    <message>
        <source>Imported %1 panel(s) from schema %2 to %3: %4 converted, %5 unchanged, %6 unsupported (shown as placeholders).</source>
        <translation>已将 %1 个面板从架构 %2 导入到 %3：%4 个已转换，%5 个未更改，%6 个不支持（显示为占位符）。</translation>
    </message>
</context>
<context>
    <name>Inspect</name>
    <message>
        <source>--var: the dashboard has no variable &quot;%1&quot;.</source>
        <translation>--var：仪表板中没有变量“%1”。</translation>
    </message>
    <message>
        <source>Time range: %1</source>
        <translation>时间范围：%1</translation>
    </message>
    <message>
        <source>The variables did not load within %1 s.</source>
        <translation>变量未能在 %1 秒内加载完成。</translation>
    </message>
    <message>
        <source>Panel “%1” (id %2), %3: %4</source>
        <translation>面板“%1”（id %2），%3：%4</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Command line (%1)</source>
        <translation>命令行（%1）</translation>
    </message>
    <message>
        <source>Continuing without those provisioned data sources.</source>
        <translation>将在没有这些预配数据源的情况下继续。</translation>
    </message>
</context>
<context>
    <name>pharos::AdhocFiltersEditor</name>
    <message>
        <source>Add a filter</source>
        <translation>添加过滤条件</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>移除此过滤条件</translation>
    </message>
</context>
<context>
    <name>pharos::AlertmanagerDataSource</name>
    <message>
        <source>Alertmanager status (/api/v2/status)</source>
        <translation>Alertmanager 状态（/api/v2/status）</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>（版本未知）</translation>
    </message>
    <message>
        <source>TLS certificate verification is disabled: the connection is encrypted but the server is not authenticated.</source>
        <translation>TLS 证书验证已禁用：连接已加密，但服务器身份未经验证。</translation>
    </message>
    <message>
        <source>The Alertmanager cluster is still settling.</source>
        <translation>Alertmanager 集群仍在稳定中。</translation>
    </message>
    <message numerus="yes">
        <source>Data source is working: Alertmanager %1, cluster %2, %n peer(s)</source>
        <translation>
            <numerusform>数据源工作正常：Alertmanager %1，集群 %2，%n 个对等节点</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>pharos::AlertmanagerParser</name>
    <message>
        <source>empty response</source>
        <translation>空响应</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>偏移量 %1 处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>an alert is not a JSON object</source>
        <translation>某条告警不是 JSON 对象</translation>
    </message>
    <message>
        <source>expected Alertmanager&apos;s status object</source>
        <translation>应为 Alertmanager 的状态对象</translation>
    </message>
    <message>
        <source>no &quot;versionInfo&quot; or &quot;cluster&quot; in the status: not an Alertmanager</source>
        <translation>状态中没有 &quot;versionInfo&quot; 或 &quot;cluster&quot;：不是 Alertmanager</translation>
    </message>
    <message>
        <source>expected a JSON array of alerts</source>
        <translation>应为告警的 JSON 数组</translation>
    </message>
    <message>
        <source>expected a JSON array of alert groups</source>
        <translation>应为告警分组的 JSON 数组</translation>
    </message>
    <message>
        <source>an alert group has no &quot;alerts&quot; array</source>
        <translation>某个告警分组没有 &quot;alerts&quot; 数组</translation>
    </message>
    <message>
        <source>expected a JSON array of silences</source>
        <translation>应为静默规则的 JSON 数组</translation>
    </message>
    <message>
        <source>a silence has no &quot;id&quot; or &quot;matchers&quot;</source>
        <translation>某条静默规则没有 &quot;id&quot; 或 &quot;matchers&quot;</translation>
    </message>
    <message>
        <source>expected {&quot;silenceID&quot;: ...}</source>
        <translation>应为 {&quot;silenceID&quot;: ...}</translation>
    </message>
</context>
<context>
    <name>pharos::AxisOptionsSection</name>
    <message>
        <source>Axis</source>
        <translation>坐标轴</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Soft min</source>
        <translation>软最小值</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Soft max</source>
        <translation>软最大值</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>刻度</translation>
    </message>
    <message>
        <source>Log base</source>
        <translation>对数底数</translation>
    </message>
</context>
<context>
    <name>pharos::ColorButton</name>
    <message>
        <source>No colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <source>Colour: click to choose</source>
        <translation>颜色：点击选择</translation>
    </message>
</context>
<context>
    <name>pharos::ColorPopup</name>
    <message>
        <source>No colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <source>Custom:</source>
        <translation>自定义：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour: use #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a palette name.</source>
        <translation>“%1”不是颜色：请使用 #rrggbb、rgb(r, g, b)、rgba(r, g, b, a) 或调色板名称。</translation>
    </message>
</context>
<context>
    <name>pharos::CredentialStore</name>
    <message>
        <source>No keychain is available to store secrets (%1). Secrets can be kept for this session only.</source>
        <translation>没有可用于保存机密信息的钥匙串（%1）。机密信息只能在本次会话中保留。</translation>
    </message>
    <message>
        <source>no Secret Service on D-Bus</source>
        <translation>D-Bus 上没有 Secret Service</translation>
    </message>
    <message>
        <source>Access to the keychain was denied (%1).</source>
        <translation>访问钥匙串被拒绝（%1）。</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>钥匙串出错：%1</translation>
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
    <message>
        <source>Invalid JSON at line %1, column %2: nested more than 1,024 levels deep, which no dashboard needs.</source>
        <translation>第 %1 行第 %2 列的 JSON 无效：嵌套超过 1,024 层，任何仪表板都不需要这么深。</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardDocument</name>
    <message>
        <source>No dashboard is open.</source>
        <translation>没有打开的仪表板。</translation>
    </message>
    <message>
        <source>The panel is no longer on the dashboard.</source>
        <translation>该面板已不在仪表板上。</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardEdit</name>
    <message>
        <source>The clipboard does not hold panel JSON.</source>
        <translation>剪贴板中没有面板 JSON。</translation>
    </message>
    <message>
        <source>The clipboard holds JSON, but not a panel: a panel has a &quot;type&quot;.</source>
        <translation>剪贴板中的 JSON 不是面板：面板必须有 &quot;type&quot;。</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardEditor</name>
    <message>
        <source>Edit mode</source>
        <translation>编辑模式</translation>
    </message>
    <message>
        <source>Edit the dashboard: move, resize, add and remove panels</source>
        <translation>编辑仪表板：移动、调整大小、添加和删除面板</translation>
    </message>
    <message>
        <source>Add panel…</source>
        <translation>添加面板…</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Duplicate panel</source>
        <translation>复制面板副本</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>删除面板</translation>
    </message>
    <message>
        <source>Copy panel</source>
        <translation>复制面板</translation>
    </message>
    <message>
        <source>Paste panel</source>
        <translation>粘贴面板</translation>
    </message>
    <message>
        <source>View panel</source>
        <translation>查看面板</translation>
    </message>
    <message>
        <source>Back to the dashboard</source>
        <translation>返回仪表板</translation>
    </message>
    <message>
        <source>Edit panel…</source>
        <translation>编辑面板…</translation>
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
        <source>Move panel</source>
        <translation>移动面板</translation>
    </message>
    <message>
        <source>Resize panel</source>
        <translation>调整面板大小</translation>
    </message>
    <message>
        <source>Drag to resize</source>
        <translation>拖动以调整大小</translation>
    </message>
    <message>
        <source>New panel</source>
        <translation>新面板</translation>
    </message>
    <message>
        <source>Add %1 panel</source>
        <translation>添加%1面板</translation>
    </message>
    <message>
        <source>Row title</source>
        <translation>行标题</translation>
    </message>
    <message>
        <source>Panel copied</source>
        <translation>面板已复制</translation>
    </message>
    <message>
        <source>Move row</source>
        <translation>移动行</translation>
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
    <name>pharos::DashboardLinks</name>
    <message>
        <source>This link cannot be opened: no local dashboard has the uid &quot;%1&quot;.</source>
        <translation>无法打开此链接：没有 uid 为“%1”的本地仪表板。</translation>
    </message>
    <message>
        <source>This link cannot be opened: %1 does not exist.</source>
        <translation>无法打开此链接：%1 不存在。</translation>
    </message>
    <message>
        <source>This link cannot be opened from Pharos: %1</source>
        <translation>无法在 Pharos 中打开此链接：%1</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardLinksBar</name>
    <message>
        <source>Dashboards</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>No matching dashboards</source>
        <translation>没有匹配的仪表板</translation>
    </message>
    <message>
        <source>Looking for dashboards…</source>
        <translation>正在查找仪表板…</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardSettings</name>
    <message>
        <source>Unknown time zone “%1”.</source>
        <translation>未知的时区“%1”。</translation>
    </message>
    <message>
        <source>The uid has %1 characters; at most 40 are allowed.</source>
        <translation>UID 有 %1 个字符；最多允许 40 个。</translation>
    </message>
    <message>
        <source>The uid “%1” may only contain letters, digits, “-” and “_”.</source>
        <translation>UID“%1”只能包含字母、数字、“-”和“_”。</translation>
    </message>
    <message>
        <source>A variable needs a name.</source>
        <translation>变量需要一个名称。</translation>
    </message>
    <message>
        <source>The variable name “%1” starts with “__”, which is reserved for global variables.</source>
        <translation>变量名“%1”以“__”开头，该前缀保留给全局变量。</translation>
    </message>
    <message>
        <source>The variable name “%1” may only contain letters, digits and “_”.</source>
        <translation>变量名“%1”只能包含字母、数字和“_”。</translation>
    </message>
    <message>
        <source>Another variable is already named “%1”.</source>
        <translation>已有另一个变量名为“%1”。</translation>
    </message>
    <message>
        <source>The end of the default time range is empty.</source>
        <translation>默认时间范围的结束时间为空。</translation>
    </message>
    <message>
        <source>The start of the default time range is empty.</source>
        <translation>默认时间范围的开始时间为空。</translation>
    </message>
    <message>
        <source>Invalid end of the time range “%1”: %2</source>
        <translation>时间范围的结束时间“%1”无效：%2</translation>
    </message>
    <message>
        <source>Invalid start of the time range “%1”: %2</source>
        <translation>时间范围的开始时间“%1”无效：%2</translation>
    </message>
    <message>
        <source>“%1” is not a refresh interval (use a duration such as 5s, 1m or 1h).</source>
        <translation>“%1”不是刷新间隔（请使用 5s、1m 或 1h 这样的时长）。</translation>
    </message>
    <message>
        <source>The uid must be text.</source>
        <translation>UID 必须是文本。</translation>
    </message>
    <message>
        <source>Invalid default time range: %1</source>
        <translation>默认时间范围无效：%1</translation>
    </message>
    <message>
        <source>“time” must be an object with “from” and “to”.</source>
        <translation>“time”必须是包含“from”和“to”的对象。</translation>
    </message>
    <message>
        <source>Refresh intervals must be text.</source>
        <translation>刷新间隔必须是文本。</translation>
    </message>
    <message>
        <source>A refresh interval is empty.</source>
        <translation>有一个刷新间隔为空。</translation>
    </message>
    <message>
        <source>“graphTooltip” must be 0, 1 or 2.</source>
        <translation>“graphTooltip”必须是 0、1 或 2。</translation>
    </message>
    <message>
        <source>“templating” must be an object with a “list”.</source>
        <translation>“templating”必须是包含“list”的对象。</translation>
    </message>
    <message>
        <source>Variable %1 is not an object.</source>
        <translation>变量 %1 不是对象。</translation>
    </message>
    <message>
        <source>Variable %1: %2</source>
        <translation>变量 %1：%2</translation>
    </message>
    <message>
        <source>“links” must be an array.</source>
        <translation>“links”必须是数组。</translation>
    </message>
    <message>
        <source>Link %1 is not an object.</source>
        <translation>链接 %1 不是对象。</translation>
    </message>
    <message>
        <source>Link %1 has the type “%2”; expected “link” or “dashboards”.</source>
        <translation>链接 %1 的类型为“%2”；应为“link”或“dashboards”。</translation>
    </message>
    <message>
        <source>The dashboard needs a “panels” array (or legacy “rows”).</source>
        <translation>仪表板需要“panels”数组（或旧版的“rows”）。</translation>
    </message>
    <message>
        <source>The dashboard cannot be loaded.</source>
        <translation>无法加载该仪表板。</translation>
    </message>
    <message>
        <source>The JSON model is empty.</source>
        <translation>JSON 模型为空。</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>JSON 无效，位于第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>The JSON model must be an object.</source>
        <translation>JSON 模型必须是对象。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Shared crosshair</source>
        <translation>共享十字准线</translation>
    </message>
    <message>
        <source>Shared tooltip</source>
        <translation>共享提示框</translation>
    </message>
</context>
<context>
    <name>pharos::DashboardSettingsDialog</name>
    <message>
        <source>Dashboard settings</source>
        <translation>仪表板设置</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>JSON model</source>
        <translation>JSON 模型</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Check the settings and apply them to the dashboard</source>
        <translation>检查设置并应用到仪表板</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Up to 40 letters, digits, “-” and “_”. Links and the Grafana API find the dashboard by it.</source>
        <translation>最多 40 个字母、数字、“-”和“_”。链接和 Grafana API 通过它查找仪表板。</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Editable</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>Type to search, e.g. Berlin</source>
        <translation>输入以搜索，例如 Berlin</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Week start</source>
        <translation>一周开始于</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Default time range</source>
        <translation>默认时间范围</translation>
    </message>
    <message>
        <source>Auto refresh</source>
        <translation>自动刷新</translation>
    </message>
    <message>
        <source>The refresh choices offered, separated by commas</source>
        <translation>提供的刷新选项，以逗号分隔</translation>
    </message>
    <message>
        <source>Refresh choices</source>
        <translation>刷新选项</translation>
    </message>
    <message>
        <source>Graph tooltip</source>
        <translation>图表提示框</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>The dashboard as Grafana JSON. Edits are checked when you apply them or leave this page.</source>
        <translation>以 Grafana JSON 表示的仪表板。编辑内容会在应用或离开此页时检查。</translation>
    </message>
    <message>
        <source>Browser time (local)</source>
        <translation>浏览器时间（本地）</translation>
    </message>
    <message>
        <source>Coordinated Universal Time (UTC)</source>
        <translation>协调世界时（UTC）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fix the JSON model first: %1</source>
        <translation>请先修正 JSON 模型：%1</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>未应用的更改</translation>
    </message>
    <message>
        <source>The dashboard settings have changes that were not applied. Discard them?</source>
        <translation>仪表板设置中有尚未应用的更改。要放弃它们吗？</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Variables: %1</source>
        <translation>变量：%1</translation>
    </message>
    <message>
        <source>The dashboard cannot be applied.</source>
        <translation>无法应用该仪表板。</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
</context>
<context>
    <name>pharos::DataRequest</name>
    <message>
        <source>%1 does not answer %2</source>
        <translation>%1 不支持 %2</translation>
    </message>
    <message>
        <source>PromQL queries</source>
        <translation>PromQL 查询</translation>
    </message>
    <message>
        <source>this request</source>
        <translation>此请求</translation>
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
        <source>Testing “%1” failed: %2</source>
        <translation>测试“%1”失败：%2</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure)</source>
        <translation>跳过 TLS 证书验证（不安全）</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>身份验证</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Basic authentication</source>
        <translation>基本身份验证</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 令牌</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>身份验证：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <source>Custom headers:</source>
        <translation>自定义请求头：</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>as in the URL</source>
        <translation>与 URL 相同</translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation>CA 证书文件：</translation>
    </message>
    <message>
        <source>Client certificate file:</source>
        <translation>客户端证书文件：</translation>
    </message>
    <message>
        <source>Client key file:</source>
        <translation>客户端密钥文件：</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>服务器名称：</translation>
    </message>
    <message>
        <source>⚠ Certificate verification is off: anyone between you and the server can read and change the data, including your credentials.</source>
        <translation>⚠ 证书验证已关闭：您与服务器之间的任何人都可以读取和篡改数据，包括您的凭据。</translation>
    </message>
    <message>
        <source>PEM file</source>
        <translation>PEM 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New data source</source>
        <translation>新建数据源</translation>
    </message>
    <message>
        <source>Data source “%1”</source>
        <translation>数据源“%1”</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>请求头名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Keep the value in the keychain and never show it again.</source>
        <translation>将该值保存在钥匙串中，且不再显示。</translation>
    </message>
    <message>
        <source>Remove this header</source>
        <translation>删除此请求头</translation>
    </message>
    <message>
        <source>kept for this session only</source>
        <translation>仅在本次会话中保留</translation>
    </message>
    <message>
        <source>stored in keychain</source>
        <translation>已保存在钥匙串中</translation>
    </message>
    <message>
        <source>No keychain is available: %1 Secrets can be kept for this session only.</source>
        <translation>没有可用的钥匙串：%1 机密只能在本次会话中保留。</translation>
    </message>
    <message>
        <source>No keychain is available: secrets are kept for this session only and are lost when Pharos quits.</source>
        <translation>没有可用的钥匙串：机密仅在本次会话中保留，Pharos 退出后即丢失。</translation>
    </message>
    <message>
        <source>Do not put a user or password in the URL: use basic authentication.</source>
        <translation>请勿在 URL 中包含用户名或密码：请使用基本身份验证。</translation>
    </message>
    <message>
        <source>Enter the user for basic authentication.</source>
        <translation>请输入基本身份验证的用户名。</translation>
    </message>
    <message>
        <source>Enter the password for basic authentication.</source>
        <translation>请输入基本身份验证的密码。</translation>
    </message>
    <message>
        <source>Enter the bearer token.</source>
        <translation>请输入 Bearer 令牌。</translation>
    </message>
    <message>
        <source>“%1” is not a valid HTTP header name.</source>
        <translation>“%1”不是有效的 HTTP 请求头名称。</translation>
    </message>
    <message>
        <source>The header “%1” is set twice.</source>
        <translation>请求头“%1”设置了两次。</translation>
    </message>
    <message>
        <source>Enter a value for the secret header “%1”.</source>
        <translation>请输入机密请求头“%1”的值。</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>The %1 file “%2” does not exist.</source>
        <translation>%1文件“%2”不存在。</translation>
    </message>
    <message>
        <source>A client certificate needs both the certificate and the key file.</source>
        <translation>客户端证书需要同时提供证书文件和密钥文件。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: there is no place to store secrets.</source>
        <translation>未保存：没有可以存放机密的地方。</translation>
    </message>
    <message>
        <source>Not saved: the secrets could not be stored: %1</source>
        <translation>未保存：无法存储机密：%1</translation>
    </message>
    <message>
        <source>No keychain is available to store the secrets of “%1”:
%2

Keep them for this session only? They are lost when Pharos quits.</source>
        <translation>没有可用的钥匙串来存储“%1”的机密：
%2

是否仅在本次会话中保留它们？Pharos 退出后即丢失。</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>没有钥匙串</translation>
    </message>
    <message>
        <source>Not saved: no keychain is available and the secrets were not kept for this session.</source>
        <translation>未保存：没有可用的钥匙串，且未选择在本次会话中保留机密。</translation>
    </message>
    <message>
        <source>Not saved: the keychain could not be read: %1</source>
        <translation>未保存：无法读取钥匙串：%1</translation>
    </message>
    <message>
        <source>Not saved: the secrets could not be stored in the keychain: %1</source>
        <translation>未保存：无法将机密存入钥匙串：%1</translation>
    </message>
    <message>
        <source>“%1” works: %2.</source>
        <translation>“%1”工作正常：%2。</translation>
    </message>
    <message>
        <source>“%1” works: %2 %3.</source>
        <translation>“%1”工作正常：%2 %3。</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Larger responses are refused with an error on the panel.</source>
        <translation>超过此大小的响应将被拒绝，并在面板上显示错误。</translation>
    </message>
    <message>
        <source>Response size limit:</source>
        <translation>响应大小限制：</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
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
    <message>
        <source>HTTP 403: access denied. The credentials are not allowed to use this API.</source>
        <translation>HTTP 403：拒绝访问。该凭据无权使用此 API。</translation>
    </message>
    <message>
        <source>HTTP 403: access denied. The credentials are not allowed to use this API (%1).</source>
        <translation>HTTP 403：拒绝访问。该凭据无权使用此 API（%1）。</translation>
    </message>
    <message>
        <source>HTTP %1: authentication failed. Check the user name and password, token or headers.</source>
        <translation>HTTP %1：认证失败。请检查用户名和密码、令牌或请求头。</translation>
    </message>
    <message>
        <source>HTTP %1: authentication failed. Check the user name and password, token or headers (%2).</source>
        <translation>HTTP %1：认证失败。请检查用户名和密码、令牌或请求头（%2）。</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate is signed by an unknown certificate authority (%1). Set the CA certificate of the data source.</source>
        <translation>TLS：服务器证书由未知的证书颁发机构签发（%1）。请设置数据源的 CA 证书。</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate does not match the host name (%1). Check the URL or set the server name.</source>
        <translation>TLS：服务器证书与主机名不匹配（%1）。请检查 URL 或设置服务器名称。</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate has expired or is not valid yet (%1).</source>
        <translation>TLS：服务器证书已过期或尚未生效（%1）。</translation>
    </message>
    <message>
        <source>The server at %1 expects TLS: use an https:// URL instead of http://.</source>
        <translation>%1 处的服务器要求 TLS：请使用 https:// 而不是 http:// 的 URL。</translation>
    </message>
    <message>
        <source>The server at %1 does not speak TLS: use an http:// URL instead of https://.</source>
        <translation>%1 处的服务器不支持 TLS：请使用 http:// 而不是 https:// 的 URL。</translation>
    </message>
    <message>
        <source>The data source&apos;s secrets could not be read from the keychain.</source>
        <translation>无法从钥匙串读取数据源的机密信息。</translation>
    </message>
    <message>
        <source>The data source&apos;s secrets could not be read from the keychain: %1</source>
        <translation>无法从钥匙串读取数据源的机密信息：%1</translation>
    </message>
    <message>
        <source>The response is too large: %1. Narrow the query or raise the response size limit of the data source.</source>
        <translation>响应过大：%1。请缩小查询范围，或提高数据源的响应大小限制。</translation>
    </message>
    <message>
        <source>The server redirects in a loop (%1). Check the data source URL.</source>
        <translation>服务器的重定向形成了循环（%1）。请检查数据源 URL。</translation>
    </message>
    <message>
        <source>Too many redirects (%1). Check the data source URL.</source>
        <translation>重定向次数过多（%1）。请检查数据源 URL。</translation>
    </message>
    <message>
        <source>The server rejected the request (HTTP %1).</source>
        <translation>服务器拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server rejected the request (HTTP %1): %2</source>
        <translation>服务器拒绝了请求（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The server rejected the request: %1</source>
        <translation>服务器拒绝了请求：%1</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceKind</name>
    <message>
        <source>Mimir / Cortex</source>
        <translation>Mimir / Cortex</translation>
    </message>
</context>
<context>
    <name>pharos::DataSourceManager</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Check health</source>
        <translation>检查健康状态</translation>
    </message>
    <message>
        <source>TLS certificate verification is off: the connection is not protected against impersonation.</source>
        <translation>TLS 证书验证已关闭：连接无法防范冒充攻击。</translation>
    </message>
    <message>
        <source>%1 — TLS verification off</source>
        <translation>%1 — TLS 验证已关闭</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>This data source is not in use in this session.</source>
        <translation>本次会话未使用此数据源。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No request has been made yet. Use “Check health” to test it now.</source>
        <translation>尚未发出任何请求。使用“检查健康状态”立即测试。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>OK — %1 %2</source>
        <translation>正常 — %1 %2</translation>
    </message>
    <message>
        <source>The last request succeeded.</source>
        <translation>上一次请求成功。</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Failing — retrying in %1 s</source>
        <translation>故障 — %1 秒后重试</translation>
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
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Remove the data source “%1”? Its stored secrets are deleted too. Dashboards that use it will show an error.</source>
        <translation>删除数据源“%1”？其存储的机密也会被删除。使用它的仪表板将显示错误。</translation>
    </message>
    <message>
        <source>Remove data source</source>
        <translation>删除数据源</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>“%1” is now the default data source.</source>
        <translation>“%1”现在是默认数据源。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
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
    <message>
        <source>no secrets are stored for &quot;%1&quot;; enter them again in the data source settings</source>
        <translation>没有为“%1”保存机密信息；请在数据源设置中重新输入</translation>
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
    <name>pharos::DataSourceType</name>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
</context>
<context>
    <name>pharos::ExploreWindow</name>
    <message>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <source>Data source:</source>
        <translation>数据源：</translation>
    </message>
    <message>
        <source>Metrics browser…</source>
        <translation>指标浏览器…</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Shift+Enter in the query</source>
        <translation>在查询中按 Shift+Enter</translation>
    </message>
    <message>
        <source>Add to dashboard</source>
        <translation>添加到仪表盘</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>图例：</translation>
    </message>
    <message>
        <source>e.g. {{instance}} (empty: the series labels)</source>
        <translation>例如 {{instance}}（留空：使用序列标签）</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>No data source is configured. Add one in Data sources › Data sources…</source>
        <translation>尚未配置数据源。请在“数据源 › 数据源…”中添加。</translation>
    </message>
    <message>
        <source>Enter a query to run.</source>
        <translation>请输入要运行的查询。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message numerus="yes">
        <source>%n series.</source>
        <translation>
            <numerusform>%n 个序列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>A range query over the time range: graph and table of every sample</source>
        <translation>在时间范围内执行范围查询：显示图表以及包含每个样本的表格</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>即时</translation>
    </message>
    <message>
        <source>An instant query at the end of the time range: one row per series</source>
        <translation>在时间范围末尾执行即时查询：每个序列一行</translation>
    </message>
</context>
<context>
    <name>pharos::GeneralOptionsSection</name>
    <message>
        <source>Panel options</source>
        <translation>面板选项</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
</context>
<context>
    <name>pharos::GrafanaMigrator</name>
    <message>
        <source>The dashboard&apos;s refresh setting was not a duration; auto-refresh is off.</source>
        <translation>仪表板的刷新设置不是时长；自动刷新已关闭。</translation>
    </message>
    <message>
        <source>The panel has no type; Pharos shows a placeholder and keeps it on save.</source>
        <translation>该面板没有类型；Pharos 显示占位符，并在保存时保留它。</translation>
    </message>
    <message>
        <source>Pharos cannot draw &quot;%1&quot; panels yet; it shows a placeholder that names the type and keeps the panel unchanged on save.</source>
        <translation>Pharos 暂时无法绘制“%1”面板；它显示一个注明类型的占位符，并在保存时原样保留该面板。</translation>
    </message>
    <message>
        <source>This legacy row only grouped its panels; they are placed on the grid directly.</source>
        <translation>此旧版行仅用于对面板分组；其面板直接放置在网格上。</translation>
    </message>
    <message>
        <source>Variable &quot;%1&quot;: a visible constant became a text box, as in Grafana.</source>
        <translation>变量“%1”：可见的常量已变为文本框，与 Grafana 相同。</translation>
    </message>
    <message>
        <source>Grafana hid this row&apos;s title (showTitle off); rows are always shown with their title now.</source>
        <translation>Grafana 隐藏了此行的标题（showTitle 关闭）；现在行总是显示标题。</translation>
    </message>
    <message>
        <source>Legacy row converted to a row panel.</source>
        <translation>旧版行已转换为行面板。</translation>
    </message>
    <message>
        <source>The id %1 was used twice; this panel is now id %2.</source>
        <translation>ID %1 被使用了两次；此面板现在的 ID 为 %2。</translation>
    </message>
    <message>
        <source>This is a copy Grafana made for a repeated panel; Grafana removes it on load, Pharos keeps it.</source>
        <translation>这是 Grafana 为重复面板生成的副本；Grafana 加载时会删除它，Pharos 保留它。</translation>
    </message>
    <message>
        <source>Graph in histogram mode: Grafana turns it into a histogram panel.</source>
        <translation>直方图模式的图形：Grafana 会将其转换为直方图面板。</translation>
    </message>
    <message>
        <source>The graph drew neither lines, bars nor points; it is drawn with lines.</source>
        <translation>该图形既不绘制线条、柱形也不绘制点；现在以线条绘制。</translation>
    </message>
    <message>
        <source>Missing points were drawn as zero (nullPointMode &quot;null as zero&quot;); they are now gaps in the line, as in Grafana&apos;s time series panel.</source>
        <translation>缺失的点曾被绘制为零（nullPointMode“null as zero”）；现在它们是线中的间断，与 Grafana 的时间序列面板相同。</translation>
    </message>
    <message>
        <source>&quot;Percentage&quot; without stacking has no equivalent; values are drawn as they are.</source>
        <translation>未堆叠时的“百分比”没有对应功能；数值按原样绘制。</translation>
    </message>
    <message>
        <source>The legend hid empty or zero series; all series are listed now.</source>
        <translation>图例曾隐藏空的或为零的序列；现在列出所有序列。</translation>
    </message>
    <message>
        <source>Series override &quot;%1&quot;: the setting &quot;%2&quot; has no equivalent and was dropped.</source>
        <translation>序列覆盖“%1”：设置“%2”没有对应功能，已被丢弃。</translation>
    </message>
    <message>
        <source>Series overrides became field overrides.</source>
        <translation>序列覆盖已转换为字段覆盖。</translation>
    </message>
    <message>
        <source>Series colours (aliasColors) became fixed-colour overrides.</source>
        <translation>序列颜色（aliasColors）已转换为固定颜色覆盖。</translation>
    </message>
    <message>
        <source>The hidden x axis is shown.</source>
        <translation>隐藏的 X 轴现在会显示。</translation>
    </message>
    <message>
        <source>Graph converted to a time series panel.</source>
        <translation>图形已转换为时间序列面板。</translation>
    </message>
    <message>
        <source>Graph in series mode (one bar per series): Grafana makes it a bar chart, which Pharos cannot draw yet; it is a vertical bar gauge with one bar per series.</source>
        <translation>序列模式的图形（每个序列一根柱）：Grafana 会将其转换为柱状图，Pharos 暂时无法绘制；现在它是每个序列一根柱的垂直条形仪表。</translation>
    </message>
    <message>
        <source>Unknown value &quot;%1&quot;; the mean is shown.</source>
        <translation>未知的值“%1”；显示平均值。</translation>
    </message>
    <message>
        <source>Prefix/postfix became a custom unit.</source>
        <translation>前缀/后缀已转换为自定义单位。</translation>
    </message>
    <message>
        <source>Value and range mappings converted.</source>
        <translation>值映射和范围映射已转换。</translation>
    </message>
    <message>
        <source>Missing points were counted as zero (&quot;null as zero&quot;); they are skipped now.</source>
        <translation>缺失的点曾被计为零（“null as zero”）；现在会被跳过。</translation>
    </message>
    <message>
        <source>The sparkline is not drawn on a gauge.</source>
        <translation>仪表上不绘制迷你图。</translation>
    </message>
    <message>
        <source>Singlestat with a gauge converted to a gauge panel.</source>
        <translation>带仪表的 Singlestat 已转换为仪表面板。</translation>
    </message>
    <message>
        <source>Singlestat converted to a stat panel.</source>
        <translation>Singlestat 已转换为统计面板。</translation>
    </message>
    <message>
        <source>Coloured prefix/postfix is not available; the value is coloured.</source>
        <translation>彩色前缀/后缀不可用；改为给数值着色。</translation>
    </message>
    <message>
        <source>Column style &quot;%1&quot;: colouring whole rows is not available; the cell is coloured.</source>
        <translation>列样式“%1”：不支持为整行着色；改为给单元格着色。</translation>
    </message>
    <message>
        <source>The table&apos;s &quot;%1&quot; transform has no equivalent; the data is shown as it comes.</source>
        <translation>表格的“%1”转换没有对应功能；数据按原样显示。</translation>
    </message>
    <message>
        <source>The old sort (by column number) was not kept; click a header to sort.</source>
        <translation>旧的排序（按列号）未保留；点击表头即可排序。</translation>
    </message>
    <message>
        <source>Old table converted: column styles became field overrides.</source>
        <translation>旧表格已转换：列样式已变为字段覆盖。</translation>
    </message>
    <message>
        <source>Old %1 options (options.fieldOptions) moved to the field config.</source>
        <translation>旧的 %1 选项（options.fieldOptions）已移至字段配置。</translation>
    </message>
    <message>
        <source>Combining small slices into &quot;Others&quot; is not available; every slice is drawn.</source>
        <translation>不支持将小切片合并为“其他”；绘制每个切片。</translation>
    </message>
    <message>
        <source>Pie chart plugin converted to the pie chart panel.</source>
        <translation>饼图插件已转换为饼图面板。</translation>
    </message>
    <message>
        <source>&quot;heatmap-new&quot; is the heatmap panel.</source>
        <translation>“heatmap-new”即热力图面板。</translation>
    </message>
    <message>
        <source>The heatmap computes its buckets from the series (dataFormat &quot;timeseries&quot;).</source>
        <translation>热力图根据序列计算其分桶（dataFormat“timeseries”）。</translation>
    </message>
    <message>
        <source>Old heatmap converted to the heatmap panel.</source>
        <translation>旧热力图已转换为热力图面板。</translation>
    </message>
    <message>
        <source>Prefix &quot;%1&quot; and postfix &quot;%2&quot; are both shown: the postfix is the custom unit suffix, the prefix is kept in custom.pharosPrefix (Grafana shows only the suffix).</source>
        <translation>前缀“%1”和后缀“%2”都会显示：后缀成为自定义单位后缀，前缀保存在 custom.pharosPrefix 中（Grafana 只显示后缀）。</translation>
    </message>
    <message>
        <source>Prefix &quot;%1&quot; is shown before the value (kept in custom.pharosPrefix).</source>
        <translation>前缀“%1”显示在数值之前（保存在 custom.pharosPrefix 中）。</translation>
    </message>
    <message>
        <source>Postfix &quot;%1&quot; dropped: the unit &quot;%2&quot; already formats the value.</source>
        <translation>已删除后缀“%1”：单位“%2”已经格式化了该数值。</translation>
    </message>
    <message>
        <source>&quot;Time of last point&quot;: the stat shows the time of the last point (field &quot;Time&quot;, unit %1).</source>
        <translation>“最后一个点的时间”：统计面板显示最后一个数据点的时间（字段“Time”，单位 %1）。</translation>
    </message>
</context>
<context>
    <name>pharos::GraphStylesSection</name>
    <message>
        <source>Graph styles</source>
        <translation>图形样式</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Line interpolation</source>
        <translation>线条插值</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Step before</source>
        <translation>前阶梯</translation>
    </message>
    <message>
        <source>Step after</source>
        <translation>后阶梯</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>线宽</translation>
    </message>
    <message>
        <source>Fill opacity</source>
        <translation>填充不透明度</translation>
    </message>
    <message>
        <source>Gradient mode</source>
        <translation>渐变模式</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Show points</source>
        <translation>显示数据点</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Point size</source>
        <translation>点大小</translation>
    </message>
    <message>
        <source>Connect null values</source>
        <translation>连接空值</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Stack series</source>
        <translation>堆叠序列</translation>
    </message>
</context>
<context>
    <name>pharos::HeatmapPanel</name>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <source>%1
Bucket: %2 – %3
Count: %4</source>
        <translation>%1
区间：%2 – %3
计数：%4</translation>
    </message>
    <message>
        <source>%1
Series: %2
Value: %3</source>
        <translation>%1
序列：%2
值：%3</translation>
    </message>
</context>
<context>
    <name>pharos::HttpClient</name>
    <message>
        <source>invalid data source URL &quot;%1&quot;</source>
        <translation>无效的数据源 URL &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 redirects to an unsupported URL &quot;%2&quot;</source>
        <translation>%1 重定向到不受支持的 URL“%2”</translation>
    </message>
    <message>
        <source>%1 redirects back to %2</source>
        <translation>%1 重定向回 %2</translation>
    </message>
    <message>
        <source>more than %1 redirects, the last from %2 to %3</source>
        <translation>超过 %1 次重定向，最后一次从 %2 到 %3</translation>
    </message>
    <message>
        <source>%1 after %2 s, with %3 of the response received</source>
        <translation>%1，已等待 %2 秒，已收到 %3 的响应</translation>
    </message>
    <message>
        <source>%1 after %2 s</source>
        <translation>%1，已等待 %2 秒</translation>
    </message>
    <message>
        <source>the response is larger than the %1 limit of this data source (the server announced %2)</source>
        <translation>响应超过了此数据源 %1 的限制（服务器声明为 %2）</translation>
    </message>
    <message>
        <source>the response is larger than the %1 limit of this data source (%2 received)</source>
        <translation>响应超过了此数据源 %1 的限制（已收到 %2）</translation>
    </message>
    <message>
        <source>no HTTP answer from %1</source>
        <translation>%1 没有返回 HTTP 响应</translation>
    </message>
    <message>
        <source>cannot read the %1 file %2: %3</source>
        <translation>无法读取%1文件 %2：%3</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>the CA certificate is not a PEM certificate</source>
        <translation>CA 证书不是 PEM 证书</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>the client certificate is missing or not a PEM certificate</source>
        <translation>客户端证书缺失或不是 PEM 证书</translation>
    </message>
    <message>
        <source>the client key is missing or not a PEM private key</source>
        <translation>客户端私钥缺失或不是 PEM 私钥</translation>
    </message>
</context>
<context>
    <name>pharos::ImportDialog</name>
    <message>
        <source>Import dashboard</source>
        <translation>导入仪表板</translation>
    </message>
    <message>
        <source>“%1” was shared with inputs. Choose the data source or value for each one.</source>
        <translation>“%1”在共享时带有输入。请为每个输入选择数据源或值。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Default data source (none configured yet)</source>
        <translation>默认数据源（尚未配置）</translation>
    </message>
    <message>
        <source>This input expects a “%1” data source; Pharos uses Prometheus-compatible ones.</source>
        <translation>此输入需要“%1”数据源；Pharos 使用与 Prometheus 兼容的数据源。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>pharos::ImportInputs</name>
    <message>
        <source>--input: &quot;%1&quot; is not NAME=VALUE, e.g. DS_PROMETHEUS=Prometheus.</source>
        <translation>--input：“%1”不是 NAME=VALUE 形式，例如 DS_PROMETHEUS=Prometheus。</translation>
    </message>
    <message>
        <source>--input: the dashboard has no input &quot;%1&quot;; it declares no inputs.</source>
        <translation>--input：仪表板没有输入“%1”；它没有声明任何输入。</translation>
    </message>
    <message>
        <source>--input: the dashboard has no input &quot;%1&quot;; its inputs are: %2.</source>
        <translation>--input：仪表板没有输入“%1”；它的输入有：%2。</translation>
    </message>
</context>
<context>
    <name>pharos::ImportReportDialog</name>
    <message>
        <source>Converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Import report — %1</source>
        <translation>导入报告 — %1</translation>
    </message>
    <message numerus="yes">
        <source>Schema %1 → %2. %n panel(s): </source>
        <translation>
            <numerusform>架构 %1 → %2。%n 个面板：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 converted, %2 unchanged, %3 unsupported (shown as placeholders, kept on save).</source>
        <translation>%1 个已转换，%2 个未更改，%3 个不支持（显示为占位符，保存时保留）。</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Original type</source>
        <translation>原类型</translation>
    </message>
    <message>
        <source>New type</source>
        <translation>新类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1（ID %2）</translation>
    </message>
    <message>
        <source>(layout only)</source>
        <translation>（仅布局）</translation>
    </message>
</context>
<context>
    <name>pharos::Importer</name>
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
</context>
<context>
    <name>pharos::JsonListEditor</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Add a new entry</source>
        <translation>添加新条目</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Add a copy of the selected entry</source>
        <translation>添加所选条目的副本</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation>删除所选条目</translation>
    </message>
</context>
<context>
    <name>pharos::LegendOptionsSection</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>底部</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>The values shown after each series in the legend</source>
        <translation>图例中每个序列后显示的值</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>pharos::LinksEditor</name>
    <message>
        <source>Link (URL)</source>
        <translation>链接（URL）</translation>
    </message>
    <message>
        <source>Dashboards (by tags)</source>
        <translation>仪表板（按标签）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>With tags</source>
        <translation>带有标签</translation>
    </message>
    <message>
        <source>Show as a dropdown</source>
        <translation>显示为下拉菜单</translation>
    </message>
    <message>
        <source>Tooltip</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>图标</translation>
    </message>
    <message>
        <source>Include current template variable values</source>
        <translation>包含当前模板变量的值</translation>
    </message>
    <message>
        <source>Include current time range</source>
        <translation>包含当前时间范围</translation>
    </message>
    <message>
        <source>Open in a new tab</source>
        <translation>在新标签页中打开</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>新链接</translation>
    </message>
    <message>
        <source>%1 — dashboards tagged %2</source>
        <translation>%1 — 带有标签 %2 的仪表板</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>pharos::MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
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
    <message>
        <source>&amp;Import Grafana dashboard…</source>
        <translation>导入 Grafana 仪表板(&amp;I)…</translation>
    </message>
    <message>
        <source>Import Grafana dashboard</source>
        <translation>导入 Grafana 仪表板</translation>
    </message>
    <message>
        <source>Cannot import dashboard</source>
        <translation>无法导入仪表板</translation>
    </message>
    <message>
        <source>Move time range back</source>
        <translation>时间范围移向更早</translation>
    </message>
    <message>
        <source>Move time range back (t ←)</source>
        <translation>时间范围移向更早 (t ←)</translation>
    </message>
    <message>
        <source>Move time range forward</source>
        <translation>时间范围移向更晚</translation>
    </message>
    <message>
        <source>Move time range forward (t →)</source>
        <translation>时间范围移向更晚 (t →)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out time range (Ctrl+Z, t z)</source>
        <translation>缩小时间范围 (Ctrl+Z, t z)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Dashboard settings…</source>
        <translation>仪表板设置…</translation>
    </message>
    <message>
        <source>Title, tags, time zone, time range, variables, links and the JSON model</source>
        <translation>标题、标签、时区、时间范围、变量、链接和 JSON 模型</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Explore…</source>
        <translation>探索(&amp;E)…</translation>
    </message>
    <message>
        <source>Run ad hoc PromQL queries against any data source</source>
        <translation>对任意数据源运行临时 PromQL 查询</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>新仪表盘</translation>
    </message>
    <message>
        <source>Cannot add the panel</source>
        <translation>无法添加面板</translation>
    </message>
    <message>
        <source>Panel added to the dashboard.</source>
        <translation>面板已添加到仪表盘。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Restored unsaved edits: save them with Ctrl+S.</source>
        <translation>已恢复未保存的编辑：按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>&amp;New dashboard</source>
        <translation>新建仪表板(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit dashboard</source>
        <translation>编辑仪表板</translation>
    </message>
    <message>
        <source>Cannot change the dashboard</source>
        <translation>无法更改仪表板</translation>
    </message>
    <message>
        <source>Save current variable values</source>
        <translation>保存当前变量值</translation>
    </message>
    <message>
        <source>Save time range and refresh as default</source>
        <translation>将时间范围和刷新间隔保存为默认值</translation>
    </message>
    <message>
        <source>Panel changed: save the dashboard with Ctrl+S.</source>
        <translation>面板已更改：按 Ctrl+S 保存仪表盘。</translation>
    </message>
    <message>
        <source>This panel cannot be edited.</source>
        <translation>无法编辑此面板。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Did not open %1</source>
        <translation>未打开 %1</translation>
    </message>
    <message>
        <source>Series limit per panel…</source>
        <translation>每个面板的序列上限…</translation>
    </message>
    <message>
        <source>Open this link?</source>
        <translation>打开此链接？</translation>
    </message>
    <message>
        <source>This link is not a web page or a dashboard:

%1

Opening it hands it to your system, which may run a program or read local files. Open it anyway?</source>
        <translation>此链接既不是网页也不是仪表板：

%1

打开它会把它交给系统处理，系统可能会运行程序或读取本地文件。仍要打开吗？</translation>
    </message>
    <message>
        <source>Series limit per panel</source>
        <translation>每个面板的序列上限</translation>
    </message>
    <message>
        <source>The most series one panel draws (a panel with more shows the first ones and says so):</source>
        <translation>一个面板最多绘制的序列数（序列更多的面板只显示前面的序列并加以说明）：</translation>
    </message>
</context>
<context>
    <name>pharos::MetricsBrowser</name>
    <message>
        <source>Filter metrics</source>
        <translation>筛选指标</translation>
    </message>
    <message>
        <source>1. Metric</source>
        <translation>1. 指标</translation>
    </message>
    <message>
        <source>2. Labels</source>
        <translation>2. 标签</translation>
    </message>
    <message>
        <source>3. Values</source>
        <translation>3. 值</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <source>Use query</source>
        <translation>使用查询</translation>
    </message>
    <message>
        <source>No data source.</source>
        <translation>没有数据源。</translation>
    </message>
    <message>
        <source>Loading metric names…</source>
        <translation>正在加载指标名称…</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n metric names; the server has more.</source>
        <translation>
            <numerusform>显示前 %n 个指标名称；服务器上还有更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s).</source>
        <translation>
            <numerusform>%n 个指标。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n values.</source>
        <translation>
            <numerusform>显示前 %n 个值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting series…</source>
        <translation>正在统计序列…</translation>
    </message>
    <message numerus="yes">
        <source>%n series match.</source>
        <translation>
            <numerusform>匹配 %n 个序列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Metrics browser</source>
        <translation>指标浏览器</translation>
    </message>
    <message>
        <source>This data source does not answer PromQL queries.</source>
        <translation>此数据源不支持 PromQL 查询。</translation>
    </message>
</context>
<context>
    <name>pharos::OverridesEditor</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
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
        <source>Color (fixed)</source>
        <translation>颜色（固定）</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Fill opacity</source>
        <translation>填充不透明度</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>线宽</translation>
    </message>
    <message>
        <source>Draw style</source>
        <translation>绘制样式</translation>
    </message>
    <message>
        <source>Axis placement</source>
        <translation>坐标轴位置</translation>
    </message>
    <message>
        <source>Stack series</source>
        <translation>堆叠序列</translation>
    </message>
    <message>
        <source>+ Add field override</source>
        <translation>+ 添加字段覆盖</translation>
    </message>
    <message>
        <source>Fields with name</source>
        <translation>名称匹配的字段</translation>
    </message>
    <message>
        <source>Fields with name matching regex</source>
        <translation>名称匹配正则表达式的字段</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression.</source>
        <translation>“%1”不是有效的正则表达式。</translation>
    </message>
    <message>
        <source>Matcher %1: %2</source>
        <translation>匹配器 %1：%2</translation>
    </message>
    <message>
        <source>Delete this override</source>
        <translation>删除此覆盖</translation>
    </message>
    <message>
        <source>Remove this property</source>
        <translation>移除此属性</translation>
    </message>
    <message>
        <source>+ Add override property</source>
        <translation>+ 添加覆盖属性</translation>
    </message>
    <message>
        <source>Min and max need a number: &quot;%1&quot; is not one.</source>
        <translation>最小值和最大值必须是数字：“%1”不是数字。</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Column width</source>
        <translation>列宽</translation>
    </message>
    <message>
        <source>Minimum column width</source>
        <translation>最小列宽</translation>
    </message>
    <message>
        <source>Column alignment</source>
        <translation>列对齐</translation>
    </message>
    <message>
        <source>Cell type</source>
        <translation>单元格类型</translation>
    </message>
    <message>
        <source>Hide in table</source>
        <translation>在表格中隐藏</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Colored text</source>
        <translation>彩色文本</translation>
    </message>
    <message>
        <source>Colored background</source>
        <translation>彩色背景</translation>
    </message>
    <message>
        <source>Column filter</source>
        <translation>列筛选</translation>
    </message>
</context>
<context>
    <name>pharos::OverridesSection</name>
    <message>
        <source>Overrides</source>
        <translation>覆盖</translation>
    </message>
</context>
<context>
    <name>pharos::PanelData</name>
    <message>
        <source>%1 (retrying in %2 s)</source>
        <translation>%1（%2 秒后重试）</translation>
    </message>
</context>
<context>
    <name>pharos::PanelEditor</name>
    <message>
        <source>Edit panel</source>
        <translation>编辑面板</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Write the changes into the dashboard and go back to it</source>
        <translation>将更改写入仪表盘并返回仪表盘</translation>
    </message>
    <message>
        <source>Go back to the dashboard without these changes</source>
        <translation>不保留这些更改，返回仪表盘</translation>
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
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Run the queries again (Shift+Enter in a query)</source>
        <translation>重新运行查询（在查询中按 Shift+Enter）</translation>
    </message>
    <message>
        <source>Save dashboard</source>
        <translation>保存仪表盘</translation>
    </message>
    <message>
        <source>The queries changed: press Shift+Enter or Refresh to run them.</source>
        <translation>查询已更改：按 Shift+Enter 或“刷新”运行。</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Cannot apply the panel</source>
        <translation>无法应用面板</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>未应用的更改</translation>
    </message>
    <message>
        <source>The panel has changes that are not in the dashboard yet.</source>
        <translation>面板有尚未写入仪表盘的更改。</translation>
    </message>
    <message>
        <source>Edit panel: %1</source>
        <translation>编辑面板：%1</translation>
    </message>
    <message>
        <source>Table view</source>
        <translation>表格视图</translation>
    </message>
    <message>
        <source>Show the data of the queries as a table</source>
        <translation>以表格显示查询的数据</translation>
    </message>
</context>
<context>
    <name>pharos::PanelGallery</name>
    <message>
        <source>Add panel</source>
        <translation>添加面板</translation>
    </message>
    <message>
        <source>Choose a visualization:</source>
        <translation>选择可视化类型：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>Stat</source>
        <translation>统计值</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>仪表</translation>
    </message>
    <message>
        <source>Bar gauge</source>
        <translation>条形仪表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Pie chart</source>
        <translation>饼图</translation>
    </message>
</context>
<context>
    <name>pharos::PanelOptionsEditor</name>
    <message>
        <source>Visualization</source>
        <translation>可视化</translation>
    </message>
    <message>
        <source>Search options</source>
        <translation>搜索选项</translation>
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
    <message>
        <source>Panel links</source>
        <translation>面板链接</translation>
    </message>
    <message>
        <source>Panel menu</source>
        <translation>面板菜单</translation>
    </message>
    <message>
        <source>Showing %1 of %2 series</source>
        <translation>显示 %2 个序列中的 %1 个</translation>
    </message>
</context>
<context>
    <name>pharos::PieChartPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
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
        <source>(version unknown)</source>
        <translation>（版本未知）</translation>
    </message>
    <message>
        <source>TLS certificate verification is disabled: the connection is encrypted but the server is not authenticated.</source>
        <translation>TLS 证书验证已禁用：连接已加密，但服务器身份未经验证。</translation>
    </message>
    <message>
        <source>The data source is configured as %1, but the server looks like %2.</source>
        <translation>数据源配置为 %1，但服务器看起来是 %2。</translation>
    </message>
    <message>
        <source>Data source is working: %1 %2</source>
        <translation>数据源工作正常：%1 %2</translation>
    </message>
</context>
<context>
    <name>pharos::PrometheusSettingsPage</name>
    <message>
        <source>Thanos</source>
        <translation>Thanos</translation>
    </message>
    <message>
        <source>Partial response (answer even when some stores fail)</source>
        <translation>部分响应（部分存储失败时仍然应答）</translation>
    </message>
    <message>
        <source>Deduplicate replicas (dedup)</source>
        <translation>副本去重（dedup）</translation>
    </message>
    <message>
        <source>Mimir / Cortex</source>
        <translation>Mimir / Cortex</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>HTTP method:</source>
        <translation>HTTP 方法：</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>抓取间隔：</translation>
    </message>
    <message>
        <source>Series limit:</source>
        <translation>序列数上限：</translation>
    </message>
    <message>
        <source>Custom query parameters:</source>
        <translation>自定义查询参数：</translation>
    </message>
    <message>
        <source>tenant id</source>
        <translation>租户 ID</translation>
    </message>
    <message>
        <source>Path prefix:</source>
        <translation>路径前缀：</translation>
    </message>
    <message>
        <source>Tenant (X-Scope-OrgID):</source>
        <translation>租户（X-Scope-OrgID）：</translation>
    </message>
    <message>
        <source>The scrape interval “%1” is not a duration such as 15s.</source>
        <translation>抓取间隔“%1”不是有效的时长（例如 15s）。</translation>
    </message>
    <message>
        <source>The custom query parameter “%1” has no name.</source>
        <translation>自定义查询参数“%1”没有名称。</translation>
    </message>
</context>
<context>
    <name>pharos::PromqlCatalogue</name>
    <message>
        <source>Absolute value of every sample.</source>
        <translation>每个样本的绝对值。</translation>
    </message>
    <message>
        <source>Returns one series with value 1 when the argument has no series at all, and nothing otherwise. Useful to alert on missing series.</source>
        <translation>参数中没有任何序列时返回一个值为 1 的序列，否则不返回任何内容。适合对缺失的序列告警。</translation>
    </message>
    <message>
        <source>Returns one series with value 1 when the range holds no sample, and nothing otherwise.</source>
        <translation>时间范围内没有任何样本时返回一个值为 1 的序列，否则不返回任何内容。</translation>
    </message>
    <message>
        <source>Arc cosine of every sample, in radians.</source>
        <translation>每个样本的反余弦（弧度）。</translation>
    </message>
    <message>
        <source>Inverse hyperbolic cosine of every sample.</source>
        <translation>每个样本的反双曲余弦。</translation>
    </message>
    <message>
        <source>Arc sine of every sample, in radians.</source>
        <translation>每个样本的反正弦（弧度）。</translation>
    </message>
    <message>
        <source>Inverse hyperbolic sine of every sample.</source>
        <translation>每个样本的反双曲正弦。</translation>
    </message>
    <message>
        <source>Arc tangent of every sample, in radians.</source>
        <translation>每个样本的反正切（弧度）。</translation>
    </message>
    <message>
        <source>Inverse hyperbolic tangent of every sample.</source>
        <translation>每个样本的反双曲正切。</translation>
    </message>
    <message>
        <source>Mean of all samples of each series within the range.</source>
        <translation>每个序列在时间范围内所有样本的平均值。</translation>
    </message>
    <message>
        <source>Rounds every sample up to the next integer.</source>
        <translation>将每个样本向上取整。</translation>
    </message>
    <message>
        <source>How many times the value of each series changed within the range.</source>
        <translation>每个序列的值在时间范围内变化的次数。</translation>
    </message>
    <message>
        <source>Limits every sample to the interval from min to max.</source>
        <translation>将每个样本限制在 min 到 max 之间。</translation>
    </message>
    <message>
        <source>Caps every sample at max.</source>
        <translation>将每个样本的上限限制为 max。</translation>
    </message>
    <message>
        <source>Raises every sample below min to min.</source>
        <translation>将低于 min 的样本提升为 min。</translation>
    </message>
    <message>
        <source>Cosine of every sample (radians).</source>
        <translation>每个样本的余弦（弧度）。</translation>
    </message>
    <message>
        <source>Hyperbolic cosine of every sample.</source>
        <translation>每个样本的双曲余弦。</translation>
    </message>
    <message>
        <source>Number of samples of each series within the range.</source>
        <translation>每个序列在时间范围内的样本数。</translation>
    </message>
    <message>
        <source>Day of the month (1 to 31, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回其在月中的日期（1 到 31，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Day of the week (0 for Sunday to 6, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回星期几（0 为星期日，到 6，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Day of the year (1 to 366, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回其在年中的第几天（1 到 366，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Number of days (28 to 31) in the month of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回所在月份的天数（28 到 31）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Converts radians to degrees.</source>
        <translation>将弧度转换为角度。</translation>
    </message>
    <message>
        <source>Difference between the first and the last value within the range, extrapolated to its edges. For gauges.</source>
        <translation>时间范围内第一个值与最后一个值之差，外推到范围边界。用于仪表（gauge）。</translation>
    </message>
    <message>
        <source>Per-second slope of each series within the range, by simple linear regression. For gauges.</source>
        <translation>用简单线性回归计算每个序列在时间范围内的每秒斜率。用于仪表（gauge）。</translation>
    </message>
    <message>
        <source>e raised to the power of every sample.</source>
        <translation>e 的样本值次幂。</translation>
    </message>
    <message>
        <source>Rounds every sample down to the previous integer.</source>
        <translation>将每个样本向下取整。</translation>
    </message>
    <message>
        <source>Number of observations in each native histogram (experimental).</source>
        <translation>每个原生直方图中的观测次数（实验性）。</translation>
    </message>
    <message>
        <source>Estimated share of the observations between lower and upper in each native histogram (experimental).</source>
        <translation>估计每个原生直方图中介于 lower 与 upper 之间的观测所占比例（实验性）。</translation>
    </message>
    <message>
        <source>Estimates the φ-quantile (0 ≤ φ ≤ 1) from histogram buckets (series with an le label, usually a rate() summed by le) or from native histograms.</source>
        <translation>根据直方图桶（带 le 标签的序列，通常是按 le 求和的 rate()）或原生直方图估计 φ 分位数（0 ≤ φ ≤ 1）。</translation>
    </message>
    <message>
        <source>Sum of the observed values in each native histogram (experimental).</source>
        <translation>每个原生直方图中观测值的总和（实验性）。</translation>
    </message>
    <message>
        <source>Smoothed value by double exponential smoothing; sf is the smoothing factor and tf the trend factor, both between 0 and 1. For gauges.</source>
        <translation>用双指数平滑得到的平滑值；sf 为平滑因子，tf 为趋势因子，均在 0 到 1 之间。用于仪表（gauge）。</translation>
    </message>
    <message>
        <source>Hour of the day (0 to 23, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回一天中的小时（0 到 23，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Difference between the last two samples within the range. For gauges.</source>
        <translation>时间范围内最后两个样本之差。用于仪表（gauge）。</translation>
    </message>
    <message>
        <source>How much a counter grew within the range, counting resets, extrapolated to the edges of the range.</source>
        <translation>计数器在时间范围内的增长量，考虑重置，并外推到范围边界。</translation>
    </message>
    <message>
        <source>Per-second rate of a counter from the last two samples within the range. Follows fast changes; prefer rate() for alerts and slow graphs.</source>
        <translation>根据时间范围内最后两个样本计算计数器的每秒速率。能跟随快速变化；告警和变化较慢的图表请使用 rate()。</translation>
    </message>
    <message>
        <source>Writes the values of the source labels, joined by the separator, into the destination label.</source>
        <translation>将源标签的值用分隔符连接后写入目标标签。</translation>
    </message>
    <message>
        <source>When regex matches the whole value of src_label, sets dst_label to replacement, where $1, $2… are the capture groups. Other series pass unchanged.</source>
        <translation>当 regex 完整匹配 src_label 的值时，将 dst_label 设为 replacement，其中 $1、$2… 为捕获组。其他序列保持不变。</translation>
    </message>
    <message>
        <source>The most recent sample of each series within the range.</source>
        <translation>每个序列在时间范围内最新的样本。</translation>
    </message>
    <message>
        <source>Natural logarithm of every sample.</source>
        <translation>每个样本的自然对数。</translation>
    </message>
    <message>
        <source>Decimal logarithm of every sample.</source>
        <translation>每个样本的常用对数（以 10 为底）。</translation>
    </message>
    <message>
        <source>Binary logarithm of every sample.</source>
        <translation>每个样本的以 2 为底的对数。</translation>
    </message>
    <message>
        <source>Largest sample of each series within the range.</source>
        <translation>每个序列在时间范围内的最大样本。</translation>
    </message>
    <message>
        <source>Smallest sample of each series within the range.</source>
        <translation>每个序列在时间范围内的最小样本。</translation>
    </message>
    <message>
        <source>Minute of the hour (0 to 59, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回小时中的分钟（0 到 59，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Month (1 to 12, UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回月份（1 到 12，UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>The number π.</source>
        <translation>圆周率 π。</translation>
    </message>
    <message>
        <source>Value expected t seconds from the evaluation time, by simple linear regression over the range. For gauges.</source>
        <translation>用时间范围内的简单线性回归预测求值时间之后 t 秒的值。用于仪表（gauge）。</translation>
    </message>
    <message>
        <source>Value 1 for every series that has at least one sample within the range.</source>
        <translation>对在时间范围内至少有一个样本的每个序列返回 1。</translation>
    </message>
    <message>
        <source>The φ-quantile (0 ≤ φ ≤ 1) of the samples of each series within the range.</source>
        <translation>每个序列在时间范围内样本的 φ 分位数（0 ≤ φ ≤ 1）。</translation>
    </message>
    <message>
        <source>Converts degrees to radians.</source>
        <translation>将角度转换为弧度。</translation>
    </message>
    <message>
        <source>Average per-second growth of a counter within the range, counting resets. Take the rate first, then aggregate.</source>
        <translation>计数器在时间范围内平均每秒的增长，考虑重置。先求速率，再做聚合。</translation>
    </message>
    <message>
        <source>How many times a counter was reset within the range.</source>
        <translation>计数器在时间范围内被重置的次数。</translation>
    </message>
    <message>
        <source>Rounds every sample to the nearest multiple of to_nearest (1 by default); halves round up.</source>
        <translation>将每个样本舍入到最接近的 to_nearest 的倍数（默认为 1）；正好一半时向上舍入。</translation>
    </message>
    <message>
        <source>The value of a one-series vector as a scalar; NaN when the vector has no series or several.</source>
        <translation>将只有一个序列的向量的值作为标量返回；向量没有序列或有多个序列时为 NaN。</translation>
    </message>
    <message>
        <source>Sign of every sample: -1, 0 or 1.</source>
        <translation>每个样本的符号：-1、0 或 1。</translation>
    </message>
    <message>
        <source>Sine of every sample (radians).</source>
        <translation>每个样本的正弦（弧度）。</translation>
    </message>
    <message>
        <source>Hyperbolic sine of every sample.</source>
        <translation>每个样本的双曲正弦。</translation>
    </message>
    <message>
        <source>Orders the series by value, smallest first (instant queries).</source>
        <translation>按值对序列排序，从小到大（即时查询）。</translation>
    </message>
    <message>
        <source>Orders the series by value, largest first (instant queries).</source>
        <translation>按值对序列排序，从大到小（即时查询）。</translation>
    </message>
    <message>
        <source>Square root of every sample.</source>
        <translation>每个样本的平方根。</translation>
    </message>
    <message>
        <source>Population standard deviation of the samples of each series within the range.</source>
        <translation>每个序列在时间范围内样本的总体标准差。</translation>
    </message>
    <message>
        <source>Population variance of the samples of each series within the range.</source>
        <translation>每个序列在时间范围内样本的总体方差。</translation>
    </message>
    <message>
        <source>Sum of the samples of each series within the range.</source>
        <translation>每个序列在时间范围内样本的总和。</translation>
    </message>
    <message>
        <source>Tangent of every sample (radians).</source>
        <translation>每个样本的正切（弧度）。</translation>
    </message>
    <message>
        <source>Hyperbolic tangent of every sample.</source>
        <translation>每个样本的双曲正切。</translation>
    </message>
    <message>
        <source>The evaluation time in seconds since the Unix epoch.</source>
        <translation>求值时间，即自 Unix 纪元起的秒数。</translation>
    </message>
    <message>
        <source>The time of each sample in seconds since the Unix epoch.</source>
        <translation>每个样本的时间，即自 Unix 纪元起的秒数。</translation>
    </message>
    <message>
        <source>A vector of one series without labels holding the scalar.</source>
        <translation>由标量构成的、只有一个无标签序列的向量。</translation>
    </message>
    <message>
        <source>Year (UTC) of each sample read as a Unix time; the current time without an argument.</source>
        <translation>将每个样本视为 Unix 时间，返回年份（UTC）；无参数时使用当前时间。</translation>
    </message>
    <message>
        <source>Mean of the series in each group.</source>
        <translation>每组中序列的平均值。</translation>
    </message>
    <message>
        <source>The k series with the smallest values in each group, labels kept.</source>
        <translation>每组中值最小的 k 个序列，保留标签。</translation>
    </message>
    <message>
        <source>Number of series in each group.</source>
        <translation>每组中的序列数。</translation>
    </message>
    <message>
        <source>Number of series per distinct value; the value goes into the given label.</source>
        <translation>每个不同值对应的序列数；该值写入指定的标签。</translation>
    </message>
    <message>
        <source>Value 1 for each group: lists the distinct label combinations.</source>
        <translation>每组的值为 1：列出不同的标签组合。</translation>
    </message>
    <message>
        <source>Largest value in each group.</source>
        <translation>每组中的最大值。</translation>
    </message>
    <message>
        <source>Smallest value in each group.</source>
        <translation>每组中的最小值。</translation>
    </message>
    <message>
        <source>The φ-quantile (0 ≤ φ ≤ 1) of the values in each group.</source>
        <translation>每组中值的 φ 分位数（0 ≤ φ ≤ 1）。</translation>
    </message>
    <message>
        <source>Population standard deviation of the values in each group.</source>
        <translation>每组中值的总体标准差。</translation>
    </message>
    <message>
        <source>Population variance of the values in each group.</source>
        <translation>每组中值的总体方差。</translation>
    </message>
    <message>
        <source>Sum of the values in each group.</source>
        <translation>每组中值的总和。</translation>
    </message>
    <message>
        <source>The k series with the largest values in each group, labels kept.</source>
        <translation>每组中值最大的 k 个序列，保留标签。</translation>
    </message>
    <message>
        <source>Makes a comparison return 0 or 1 instead of filtering.</source>
        <translation>使比较运算返回 0 或 1，而不是过滤序列。</translation>
    </message>
    <message>
        <source>Aggregates keeping only the listed labels.</source>
        <translation>聚合时只保留列出的标签。</translation>
    </message>
    <message>
        <source>Many-to-one matching: each series on the left may match one on the right; listed labels are copied from the right.</source>
        <translation>多对一匹配：左侧的每个序列可以匹配右侧的一个序列；列出的标签从右侧复制。</translation>
    </message>
    <message>
        <source>One-to-many matching: each series on the right may match one on the left; listed labels are copied from the left.</source>
        <translation>一对多匹配：右侧的每个序列可以匹配左侧的一个序列；列出的标签从左侧复制。</translation>
    </message>
    <message>
        <source>Matches the two sides of a binary operation ignoring the listed labels.</source>
        <translation>匹配二元运算的两侧时忽略列出的标签。</translation>
    </message>
    <message>
        <source>Shifts the selected data back in time by a duration (forward with a negative duration).</source>
        <translation>将所选数据在时间上向前偏移一段时长（时长为负时向后偏移）。</translation>
    </message>
    <message>
        <source>Matches the two sides of a binary operation on the listed labels only.</source>
        <translation>只按列出的标签匹配二元运算的两侧。</translation>
    </message>
    <message>
        <source>Aggregates dropping the listed labels and keeping all others.</source>
        <translation>聚合时去掉列出的标签，保留其他所有标签。</translation>
    </message>
    <message>
        <source>Series of a that have a matching series in b.</source>
        <translation>a 中在 b 里有匹配序列的序列。</translation>
    </message>
    <message>
        <source>Arc tangent of a/b by quadrant, in radians.</source>
        <translation>按象限计算 a/b 的反正切（弧度）。</translation>
    </message>
    <message>
        <source>All series of a, plus the series of b with no match in a.</source>
        <translation>a 的所有序列，加上 b 中在 a 里没有匹配的序列。</translation>
    </message>
    <message>
        <source>Series of a that have no matching series in b.</source>
        <translation>a 中在 b 里没有匹配序列的序列。</translation>
    </message>
</context>
<context>
    <name>pharos::PromqlEditor</name>
    <message>
        <source>PromQL query (Shift+Enter runs it, Ctrl+Space completes)</source>
        <translation>PromQL 查询（Shift+Enter 运行，Ctrl+Space 补全）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>pharos::Provisioning</name>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is not a provisioning file (expected apiVersion and datasources)</source>
        <translation>该文件不是预配文件（应包含 apiVersion 和 datasources）</translation>
    </message>
    <message>
        <source>apiVersion is missing (expected apiVersion: 1)</source>
        <translation>缺少 apiVersion（应为 apiVersion: 1）</translation>
    </message>
    <message>
        <source>apiVersion %1 is not supported (expected 1)</source>
        <translation>不支持 apiVersion %1（应为 1）</translation>
    </message>
    <message>
        <source>datasources must be a list</source>
        <translation>datasources 必须是列表</translation>
    </message>
    <message>
        <source>every entry of datasources must be a mapping</source>
        <translation>datasources 的每一项都必须是映射</translation>
    </message>
    <message>
        <source>YAML error at line %1, column %2: %3</source>
        <translation>YAML 错误，第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a data source has no name</source>
        <translation>有数据源没有名称</translation>
    </message>
    <message>
        <source>Data source &quot;%1&quot;: unknown prometheusType &quot;%2&quot;; using Prometheus.</source>
        <translation>数据源“%1”：未知的 prometheusType“%2”；按 Prometheus 处理。</translation>
    </message>
    <message>
        <source>Data source &quot;%1&quot; of type &quot;%2&quot; is not supported and was skipped.</source>
        <translation>不支持类型为“%2”的数据源“%1”，已跳过。</translation>
    </message>
    <message>
        <source>data source &quot;%1&quot; has no valid url</source>
        <translation>数据源“%1”没有有效的 url</translation>
    </message>
    <message>
        <source>Provisioning failed: %1</source>
        <translation>预配失败：%1</translation>
    </message>
    <message>
        <source>Provisioning failed: no keychain for the secrets of &quot;%1&quot;.</source>
        <translation>预配失败：没有可保存“%1”机密信息的钥匙串。</translation>
    </message>
    <message>
        <source>Provisioning &quot;%1&quot; failed: %2</source>
        <translation>预配“%1”失败：%2</translation>
    </message>
    <message>
        <source>Data source &quot;%1&quot;: unknown Alertmanager implementation &quot;%2&quot;; using Mimir.</source>
        <translation>数据源“%1”：未知的 Alertmanager 实现“%2”；将使用 Mimir。</translation>
    </message>
</context>
<context>
    <name>pharos::QueriesEditor</name>
    <message>
        <source>Data source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Run queries</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Query again now (Shift+Enter in a query)</source>
        <translation>立即重新查询（在查询中按 Shift+Enter）</translation>
    </message>
    <message>
        <source>Query options</source>
        <translation>查询选项</translation>
    </message>
    <message>
        <source>auto (panel width)</source>
        <translation>自动（面板宽度）</translation>
    </message>
    <message>
        <source>The most points a query returns per series; the step grows to fit.</source>
        <translation>每个序列最多返回的点数；步长会相应增大。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>A lower limit for $__interval and the step, e.g. 30s or &gt;1m.</source>
        <translation>$__interval 和步长的下限，例如 30s 或 &gt;1m。</translation>
    </message>
    <message>
        <source>This panel&apos;s own relative time range, e.g. 1h or now/d; replaces a relative dashboard time range.</source>
        <translation>此面板自己的相对时间范围，例如 1h 或 now/d；会替换仪表盘的相对时间范围。</translation>
    </message>
    <message>
        <source>Moves this panel&apos;s time range back, e.g. 1h or 1d.</source>
        <translation>将此面板的时间范围向前平移，例如 1h 或 1d。</translation>
    </message>
    <message>
        <source>Hide time info</source>
        <translation>隐藏时间信息</translation>
    </message>
    <message>
        <source>Do not show the panel&apos;s own time range in its header.</source>
        <translation>不在面板标题中显示面板自己的时间范围。</translation>
    </message>
    <message>
        <source>Max data points</source>
        <translation>最大数据点数</translation>
    </message>
    <message>
        <source>Min interval</source>
        <translation>最小间隔</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>相对时间</translation>
    </message>
    <message>
        <source>Time shift</source>
        <translation>时间偏移</translation>
    </message>
    <message>
        <source>Add query</source>
        <translation>添加查询</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>-- Mixed --</source>
        <translation>-- 混合 --</translation>
    </message>
    <message>
        <source>%1 (not configured)</source>
        <translation>%1（未配置）</translation>
    </message>
    <message>
        <source>Max data points: %1</source>
        <translation>最大数据点数：%1</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Min interval: %1</source>
        <translation>最小间隔：%1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Relative time: %1</source>
        <translation>相对时间：%1</translation>
    </message>
    <message>
        <source>Time shift: %1</source>
        <translation>时间偏移：%1</translation>
    </message>
    <message>
        <source>Time info hidden</source>
        <translation>已隐藏时间信息</translation>
    </message>
    <message>
        <source>Max data points must be a whole number greater than 0.</source>
        <translation>最大数据点数必须是大于 0 的整数。</translation>
    </message>
    <message>
        <source>Min interval “%1” is not a valid interval: use a number and a unit, e.g. 30s, 1m or &gt;1m.</source>
        <translation>最小间隔“%1”不是有效的间隔：请使用数字加单位，例如 30s、1m 或 &gt;1m。</translation>
    </message>
    <message>
        <source>Relative time “%1” is not valid: use e.g. 1h, 2d, now/d or now-5m.</source>
        <translation>相对时间“%1”无效：请使用例如 1h、2d、now/d 或 now-5m。</translation>
    </message>
    <message>
        <source>Time shift “%1” is not valid: use a duration such as 1h or 2d.</source>
        <translation>时间偏移“%1”无效：请使用时长，例如 1h 或 2d。</translation>
    </message>
    <message>
        <source>Collapse or expand this query</source>
        <translation>折叠或展开此查询</translation>
    </message>
    <message>
        <source>The query&apos;s name (refId), unique in the panel</source>
        <translation>查询名称（refId），在面板内唯一</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide this query&apos;s response (it is not run)</source>
        <translation>隐藏此查询的结果（不运行该查询）</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate this query</source>
        <translation>复制此查询</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this query</source>
        <translation>删除此查询</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Enter a PromQL query (Shift+Enter to run)</source>
        <translation>输入 PromQL 查询（Shift+Enter 运行）</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Verbose</source>
        <translation>详细</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Auto: only the labels the series do not share; Verbose: the full series name; Custom: a text with {{label}} placeholders</source>
        <translation>自动：只显示各序列不相同的标签；详细：完整的序列名称；自定义：含 {{label}} 占位符的文本</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Instant</source>
        <translation>即时</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source>The smallest step of the query, e.g. 30s or $__rate_interval</source>
        <translation>查询的最小步长，例如 30s 或 $__rate_interval</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Min step</source>
        <translation>最小步长</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>A query needs a name.</source>
        <translation>查询需要一个名称。</translation>
    </message>
    <message>
        <source>Another query is already named “%1”.</source>
        <translation>已有另一个查询名为“%1”。</translation>
    </message>
    <message>
        <source>Min step “%1” is not a valid interval: use a number and a unit, e.g. 30s or 1m.</source>
        <translation>最小步长“%1”不是有效的间隔：请使用数字加单位，例如 30s 或 1m。</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>This query is not run: click to show its response</source>
        <translation>此查询不会运行：点击以显示其结果</translation>
    </message>
    <message>
        <source>Metrics browser…</source>
        <translation>指标浏览器…</translation>
    </message>
    <message>
        <source>Build a selector from the metrics, labels and values the data source has</source>
        <translation>根据数据源中的指标、标签和值构建选择器</translation>
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
    <name>pharos::Recovery</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>a new dashboard, never saved</source>
        <translation>新仪表板，从未保存</translation>
    </message>
    <message>
        <source>Pharos found unsaved edits of the dashboard “%1” (%2) from a session that did not end normally; they were last written on %3.</source>
        <translation>Pharos 发现仪表板“%1”（%2）有未保存的编辑，来自一个未正常结束的会话；最后写入时间为 %3。</translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>恢复未保存的编辑</translation>
    </message>
    <message>
        <source>Restore them now? Discard deletes them for good.</source>
        <translation>现在恢复吗？放弃将永久删除这些编辑。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Discarded the unsaved edits of “%1”.</source>
        <translation>已放弃“%1”的未保存编辑。</translation>
    </message>
    <message>
        <source>Cannot restore %1: %2</source>
        <translation>无法恢复 %1：%2</translation>
    </message>
    <message>
        <source>Restored the unsaved edits of “%1”.</source>
        <translation>已恢复“%1”的未保存编辑。</translation>
    </message>
</context>
<context>
    <name>pharos::RecoveryWriter</name>
    <message>
        <source>Cannot lock the recovery file %1.</source>
        <translation>无法锁定恢复文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write the recovery file %1: %2</source>
        <translation>无法写入恢复文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>pharos::ReducedOptionsSection</name>
    <message>
        <source>Calculation</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation>水平</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>垂直</translation>
    </message>
    <message>
        <source>Value options</source>
        <translation>值选项</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Numeric fields</source>
        <translation>数值字段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stat styles</source>
        <translation>统计样式</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Text mode</source>
        <translation>文本模式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Value and name</source>
        <translation>值和名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Color mode</source>
        <translation>颜色模式</translation>
    </message>
    <message>
        <source>Background gradient</source>
        <translation>背景渐变</translation>
    </message>
    <message>
        <source>Background solid</source>
        <translation>背景纯色</translation>
    </message>
    <message>
        <source>Graph mode</source>
        <translation>图形模式</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Text alignment</source>
        <translation>文本对齐</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>仪表</translation>
    </message>
    <message>
        <source>Show threshold markers</source>
        <translation>显示阈值标记</translation>
    </message>
    <message>
        <source>Show threshold labels</source>
        <translation>显示阈值标签</translation>
    </message>
    <message>
        <source>Bar gauge</source>
        <translation>条形仪表</translation>
    </message>
    <message>
        <source>Display mode</source>
        <translation>显示模式</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>渐变</translation>
    </message>
    <message>
        <source>Retro LCD</source>
        <translation>复古 LCD</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本</translation>
    </message>
    <message>
        <source>Show unfilled area</source>
        <translation>显示未填充区域</translation>
    </message>
    <message>
        <source>Pie chart</source>
        <translation>饼图</translation>
    </message>
    <message>
        <source>Pie chart type</source>
        <translation>饼图类型</translation>
    </message>
    <message>
        <source>Pie</source>
        <translation>饼图</translation>
    </message>
    <message>
        <source>Donut</source>
        <translation>环形图</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>底部</translation>
    </message>
    <message>
        <source>Legend values</source>
        <translation>图例值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Y Axis</source>
        <translation>Y 轴</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>Colors</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>配色方案</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>刻度</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation>指数值</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Start color from</source>
        <translation>起始颜色值</translation>
    </message>
    <message>
        <source>End color from</source>
        <translation>结束颜色值</translation>
    </message>
    <message>
        <source>Show legend</source>
        <translation>显示图例</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>All values</source>
        <translation>所有值</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Default (25)</source>
        <translation>默认(25)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文本大小</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Value display</source>
        <translation>值显示</translation>
    </message>
    <message>
        <source>Value color</source>
        <translation>值颜色</translation>
    </message>
    <message>
        <source>Text color</source>
        <translation>文本颜色</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Name placement</source>
        <translation>名称位置</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Cell display</source>
        <translation>单元格显示</translation>
    </message>
    <message>
        <source>Cell gap</source>
        <translation>单元格间距</translation>
    </message>
    <message>
        <source>Wide layout</source>
        <translation>宽布局</translation>
    </message>
    <message>
        <source>Show values</source>
        <translation>显示数值</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>色阶数</translation>
    </message>
    <message>
        <source>Hide cells with values ≤</source>
        <translation>隐藏值 ≤ 此数的单元格</translation>
    </message>
    <message>
        <source>Hide cells with values ≥</source>
        <translation>隐藏值 ≥ 此数的单元格</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Tooltip</source>
        <translation>提示框</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>单个</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Tooltip mode</source>
        <translation>提示框模式</translation>
    </message>
    <message>
        <source>Bar size</source>
        <translation>条形大小</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Min width</source>
        <translation>最小宽度</translation>
    </message>
    <message>
        <source>Min height</source>
        <translation>最小高度</translation>
    </message>
    <message>
        <source>Max height</source>
        <translation>最大高度</translation>
    </message>
    <message>
        <source>Show percent change</source>
        <translation>显示百分比变化</translation>
    </message>
    <message>
        <source>Percent change color mode</source>
        <translation>百分比变化颜色模式</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>反转</translation>
    </message>
    <message>
        <source>Same as value</source>
        <translation>与值相同</translation>
    </message>
    <message>
        <source>Show line numbers</source>
        <translation>显示行号</translation>
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
    <name>pharos::RulesParser</name>
    <message>
        <source>the answer has no %1 list</source>
        <translation>响应中没有 %1 列表</translation>
    </message>
</context>
<context>
    <name>pharos::SaveVariables</name>
    <message>
        <source>Save dashboard</source>
        <translation>保存仪表板</translation>
    </message>
    <message>
        <source>The selected values of these variables differ from the dashboard&apos;s defaults: %1.</source>
        <translation>以下变量的所选值与仪表板的默认值不同：%1。</translation>
    </message>
    <message>
        <source>Update default variable values</source>
        <translation>更新变量默认值</translation>
    </message>
</context>
<context>
    <name>pharos::SeriesTableModel</name>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Value #%1</source>
        <translation>值 #%1</translation>
    </message>
</context>
<context>
    <name>pharos::StandardOptionsEditor</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>小数位数</translation>
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
        <source>%1 must be a number or empty (auto): &quot;%2&quot; is not.</source>
        <translation>%1 必须是数字或留空（自动）：“%2”不是。</translation>
    </message>
</context>
<context>
    <name>pharos::StandardOptionsSection</name>
    <message>
        <source>Standard options</source>
        <translation>标准选项</translation>
    </message>
</context>
<context>
    <name>pharos::TableOptionsSection</name>
    <message>
        <source>Show table header</source>
        <translation>显示表头</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The width of every column; Auto fits the column to its contents.</source>
        <translation>每一列的宽度；“自动”使列宽适应其内容。</translation>
    </message>
    <message>
        <source>Column width</source>
        <translation>列宽</translation>
    </message>
    <message>
        <source>Columns fitted to their contents are at least this wide.</source>
        <translation>适应内容的列至少有这么宽。</translation>
    </message>
    <message>
        <source>Minimum column width</source>
        <translation>最小列宽</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Column alignment</source>
        <translation>列对齐</translation>
    </message>
    <message>
        <source>Colored text</source>
        <translation>彩色文本</translation>
    </message>
    <message>
        <source>Colored background</source>
        <translation>彩色背景</translation>
    </message>
    <message>
        <source>Cell type</source>
        <translation>单元格类型</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Colored cells take the color of their value mapping, or of the thresholds (or the fixed color) of the color scheme.</source>
        <translation>彩色单元格使用其值映射的颜色，或配色方案中阈值的颜色（或固定颜色）。</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Cell height</source>
        <translation>单元格高度</translation>
    </message>
    <message>
        <source>Show table footer</source>
        <translation>显示表尾</translation>
    </message>
    <message>
        <source>The calculation the footer shows for each number column.</source>
        <translation>表尾为每个数值列显示的计算。</translation>
    </message>
    <message>
        <source>Footer calculation</source>
        <translation>表尾计算</translation>
    </message>
    <message>
        <source>Count rows in footer</source>
        <translation>在表尾统计行数</translation>
    </message>
    <message>
        <source>A funnel in each column header filters the rows by the column&apos;s values.</source>
        <translation>每个列标题中的漏斗图标可按该列的值筛选行。</translation>
    </message>
    <message>
        <source>Column filter</source>
        <translation>列筛选</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>渐变</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>纯色</translation>
    </message>
    <message>
        <source>Background display mode</source>
        <translation>背景显示模式</translation>
    </message>
    <message>
        <source>Apply to entire row</source>
        <translation>应用到整行</translation>
    </message>
</context>
<context>
    <name>pharos::TablePanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>行数：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>pharos::TagsEdit</name>
    <message>
        <source>New tag (Enter to add)</source>
        <translation>新标签（按 Enter 添加）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>移除标签“%1”</translation>
    </message>
</context>
<context>
    <name>pharos::ThresholdsEditor</name>
    <message>
        <source>Thresholds mode:</source>
        <translation>阈值模式：</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>绝对值</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>+ Add threshold</source>
        <translation>+ 添加阈值</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>The Base step applies below every other threshold.</source>
        <translation>基准步骤适用于低于其他所有阈值的值。</translation>
    </message>
    <message>
        <source>Remove this threshold</source>
        <translation>移除此阈值</translation>
    </message>
    <message>
        <source>A threshold needs a number: &quot;%1&quot; is not one.</source>
        <translation>阈值必须是数字：“%1”不是数字。</translation>
    </message>
</context>
<context>
    <name>pharos::ThresholdsSection</name>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Show thresholds</source>
        <translation>显示阈值</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>As lines</source>
        <translation>显示为线</translation>
    </message>
    <message>
        <source>As lines (dashed)</source>
        <translation>显示为虚线</translation>
    </message>
    <message>
        <source>As filled regions</source>
        <translation>显示为填充区域</translation>
    </message>
    <message>
        <source>As filled regions and lines</source>
        <translation>显示为填充区域和线</translation>
    </message>
    <message>
        <source>As filled regions and lines (dashed)</source>
        <translation>显示为填充区域和虚线</translation>
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
    <message>
        <source>timeshift -%1</source>
        <translation>时间偏移 -%1</translation>
    </message>
    <message>
        <source>The panel&apos;s relative time “%1” is not valid.</source>
        <translation>面板的相对时间“%1”无效。</translation>
    </message>
    <message>
        <source>The panel&apos;s time shift “%1” is not valid.</source>
        <translation>面板的时间偏移“%1”无效。</translation>
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
    <message>
        <source>Recently used ranges</source>
        <translation>最近使用的时间范围</translation>
    </message>
</context>
<context>
    <name>pharos::TimeSeriesPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>pharos::TooltipOptionsSection</name>
    <message>
        <source>Tooltip</source>
        <translation>提示框</translation>
    </message>
    <message>
        <source>Tooltip mode</source>
        <translation>提示框模式</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>单个</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Values sort order</source>
        <translation>值排序</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Ascending</source>
        <translation>升序</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降序</translation>
    </message>
</context>
<context>
    <name>pharos::UnitPicker</name>
    <message>
        <source>Misc</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>简短</translation>
    </message>
    <message>
        <source>Percent (0-100)</source>
        <translation>百分比 (0-100)</translation>
    </message>
    <message>
        <source>Percent (0.0-1.0)</source>
        <translation>百分比 (0.0-1.0)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>bytes(IEC)</source>
        <translation>字节 (IEC)</translation>
    </message>
    <message>
        <source>bytes(SI)</source>
        <translation>字节 (SI)</translation>
    </message>
    <message>
        <source>bits(IEC)</source>
        <translation>比特 (IEC)</translation>
    </message>
    <message>
        <source>bits(SI)</source>
        <translation>比特 (SI)</translation>
    </message>
    <message>
        <source>kibibytes</source>
        <translation>KiB（千位二进制字节）</translation>
    </message>
    <message>
        <source>kilobytes</source>
        <translation>KB（千字节）</translation>
    </message>
    <message>
        <source>mebibytes</source>
        <translation>MiB（兆位二进制字节）</translation>
    </message>
    <message>
        <source>megabytes</source>
        <translation>MB（兆字节）</translation>
    </message>
    <message>
        <source>gibibytes</source>
        <translation>GiB（吉位二进制字节）</translation>
    </message>
    <message>
        <source>gigabytes</source>
        <translation>GB（吉字节）</translation>
    </message>
    <message>
        <source>Data rate</source>
        <translation>数据速率</translation>
    </message>
    <message>
        <source>bytes/sec(IEC)</source>
        <translation>字节/秒 (IEC)</translation>
    </message>
    <message>
        <source>bytes/sec(SI)</source>
        <translation>字节/秒 (SI)</translation>
    </message>
    <message>
        <source>bits/sec(IEC)</source>
        <translation>比特/秒 (IEC)</translation>
    </message>
    <message>
        <source>bits/sec(SI)</source>
        <translation>比特/秒 (SI)</translation>
    </message>
    <message>
        <source>kilobytes/sec</source>
        <translation>千字节/秒</translation>
    </message>
    <message>
        <source>megabytes/sec</source>
        <translation>兆字节/秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Hertz (1/s)</source>
        <translation>赫兹 (1/s)</translation>
    </message>
    <message>
        <source>nanoseconds (ns)</source>
        <translation>纳秒 (ns)</translation>
    </message>
    <message>
        <source>microseconds (µs)</source>
        <translation>微秒 (µs)</translation>
    </message>
    <message>
        <source>milliseconds (ms)</source>
        <translation>毫秒 (ms)</translation>
    </message>
    <message>
        <source>seconds (s)</source>
        <translation>秒 (s)</translation>
    </message>
    <message>
        <source>minutes (m)</source>
        <translation>分钟 (m)</translation>
    </message>
    <message>
        <source>hours (h)</source>
        <translation>小时 (h)</translation>
    </message>
    <message>
        <source>days (d)</source>
        <translation>天 (d)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>ops/sec (ops)</source>
        <translation>操作/秒 (ops)</translation>
    </message>
    <message>
        <source>requests/sec (rps)</source>
        <translation>请求/秒 (rps)</translation>
    </message>
    <message>
        <source>reads/sec (rps)</source>
        <translation>读取/秒 (rps)</translation>
    </message>
    <message>
        <source>writes/sec (wps)</source>
        <translation>写入/秒 (wps)</translation>
    </message>
    <message>
        <source>I/O ops/sec (iops)</source>
        <translation>I/O 操作/秒 (iops)</translation>
    </message>
    <message>
        <source>ops/min (opm)</source>
        <translation>操作/分钟 (opm)</translation>
    </message>
    <message>
        <source>requests/min (rpm)</source>
        <translation>请求/分钟 (rpm)</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能量</translation>
    </message>
    <message>
        <source>Watt (W)</source>
        <translation>瓦特 (W)</translation>
    </message>
    <message>
        <source>Volt (V)</source>
        <translation>伏特 (V)</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Celsius (°C)</source>
        <translation>摄氏度 (°C)</translation>
    </message>
    <message>
        <source>Fahrenheit (°F)</source>
        <translation>华氏度 (°F)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Dollars ($)</source>
        <translation>美元 ($)</translation>
    </message>
    <message>
        <source>Euro (€)</source>
        <translation>欧元 (€)</translation>
    </message>
    <message>
        <source>Search units or type suffix:&lt;text&gt; / prefix:&lt;text&gt;</source>
        <translation>搜索单位，或输入 suffix:&lt;文本&gt; / prefix:&lt;文本&gt;</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit Pharos knows. Pick one from the list, or write suffix:%1 or prefix:%1 for a custom unit.</source>
        <translation>“%1”不是 Pharos 认识的单位。请从列表中选择，或输入 suffix:%1 或 prefix:%1 作为自定义单位。</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>无单位</translation>
    </message>
    <message>
        <source>Custom unit: suffix &quot;%1&quot;</source>
        <translation>自定义单位：后缀“%1”</translation>
    </message>
    <message>
        <source>Custom unit: prefix &quot;%1&quot;</source>
        <translation>自定义单位：前缀“%1”</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Unknown unit &quot;%1&quot;: values show the number followed by the id.</source>
        <translation>未知单位“%1”：数值后将直接显示该标识。</translation>
    </message>
</context>
<context>
    <name>pharos::Units</name>
    <message>
        <source>a few seconds</source>
        <translation>几秒</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>an hour</source>
        <translation>1 小时</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>a day</source>
        <translation>1 天</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>a month</source>
        <translation>1 个月</translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>a year</source>
        <translation>1 年</translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Invalid date</source>
        <translation>无效日期</translation>
    </message>
</context>
<context>
    <name>pharos::ValueMappingsEditor</name>
    <message>
        <source>+ Add value mapping</source>
        <translation>+ 添加值映射</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特殊值</translation>
    </message>
    <message>
        <source>Null</source>
        <translation>空值 (null)</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>Null + NaN</source>
        <translation>空值 + NaN</translation>
    </message>
    <message>
        <source>True</source>
        <translation>真 (true)</translation>
    </message>
    <message>
        <source>False</source>
        <translation>假 (false)</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空字符串</translation>
    </message>
    <message>
        <source>From (open)</source>
        <translation>起始（不限）</translation>
    </message>
    <message>
        <source>To (open)</source>
        <translation>结束（不限）</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Display text</source>
        <translation>显示文本</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete this mapping</source>
        <translation>删除此映射</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression.</source>
        <translation>“%1”不是有效的正则表达式。</translation>
    </message>
    <message>
        <source>A range end must be a number or empty (open): &quot;%1&quot; is not.</source>
        <translation>范围端点必须是数字或留空（不限）：“%1”不是。</translation>
    </message>
</context>
<context>
    <name>pharos::ValueMappingsSection</name>
    <message>
        <source>Value mappings</source>
        <translation>值映射</translation>
    </message>
</context>
<context>
    <name>pharos::VariableControl</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Loading the values of %1</source>
        <translation>正在加载 %1 的值</translation>
    </message>
</context>
<context>
    <name>pharos::VariablePicker</name>
    <message>
        <source>Filter values</source>
        <translation>筛选值</translation>
    </message>
    <message>
        <source>Select all visible</source>
        <translation>选择所有可见项</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>显示 %1 / %2 项，已选 %3 项</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2 项</translation>
    </message>
</context>
<context>
    <name>pharos::VariableQuery</name>
    <message>
        <source>The label values query names no label.</source>
        <translation>标签值查询未指定标签。</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>查询为空。</translation>
    </message>
    <message>
        <source>Cannot read the variable query &quot;%1&quot;.</source>
        <translation>无法解析变量查询“%1”。</translation>
    </message>
</context>
<context>
    <name>pharos::VariableSet</name>
    <message>
        <source>Invalid regex &quot;%1&quot;: %2</source>
        <translation>无效的正则表达式“%1”：%2</translation>
    </message>
    <message>
        <source>The variables depend on each other in a cycle: %1. They are not refreshed.</source>
        <translation>变量之间存在循环依赖：%1。这些变量不会被刷新。</translation>
    </message>
    <message>
        <source>No data source is configured.</source>
        <translation>未配置数据源。</translation>
    </message>
    <message>
        <source>The data source cannot answer this variable query.</source>
        <translation>该数据源无法回答此变量查询。</translation>
    </message>
    <message>
        <source>Variable &quot;%1&quot;: %2</source>
        <translation>变量“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n values of &quot;%1&quot; are listed: the server has more. Narrow the query to see the rest.</source>
        <translation>
            <numerusform>仅列出了“%1”的前 %n 个值：服务器上还有更多。请缩小查询范围以查看其余的值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pharos::VariablesEditor</name>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>文本框</translation>
    </message>
    <message>
        <source>Ad hoc filters</source>
        <translation>临时过滤器</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Shown instead of the name</source>
        <translation>代替名称显示</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签名</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Show label and value</source>
        <translation>显示标签和值</translation>
    </message>
    <message>
        <source>Hide the label</source>
        <translation>隐藏标签</translation>
    </message>
    <message>
        <source>Hide the variable</source>
        <translation>隐藏变量</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>label_values(metric, label), label_values(label), label_names(), metrics(regex), query_result(expr) or a series selector. Shift+Enter runs the preview.</source>
        <translation>label_values(metric, label)、label_values(label)、label_names()、metrics(regex)、query_result(expr) 或序列选择器。Shift+Enter 运行预览。</translation>
    </message>
    <message>
        <source>/pattern/ — capture groups pick the value</source>
        <translation>/pattern/ — 捕获组选取值</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>不排序</translation>
    </message>
    <message>
        <source>Alphabetical (asc)</source>
        <translation>按字母（升序）</translation>
    </message>
    <message>
        <source>Alphabetical (desc)</source>
        <translation>按字母（降序）</translation>
    </message>
    <message>
        <source>Numerical (asc)</source>
        <translation>按数值（升序）</translation>
    </message>
    <message>
        <source>Numerical (desc)</source>
        <translation>按数值（降序）</translation>
    </message>
    <message>
        <source>Alphabetical, case-insensitive (asc)</source>
        <translation>按字母，不区分大小写（升序）</translation>
    </message>
    <message>
        <source>Alphabetical, case-insensitive (desc)</source>
        <translation>按字母，不区分大小写（降序）</translation>
    </message>
    <message>
        <source>Natural (asc)</source>
        <translation>自然顺序（升序）</translation>
    </message>
    <message>
        <source>Natural (desc)</source>
        <translation>自然顺序（降序）</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Never (keep saved values)</source>
        <translation>从不（保留已保存的值）</translation>
    </message>
    <message>
        <source>On dashboard load</source>
        <translation>加载仪表板时</translation>
    </message>
    <message>
        <source>On time range change</source>
        <translation>时间范围变化时</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Multi-value</source>
        <translation>多值</translation>
    </message>
    <message>
        <source>Include All option</source>
        <translation>包含“全部”选项</translation>
    </message>
    <message>
        <source>blank = every value, e.g. .*</source>
        <translation>留空 = 所有值，例如 .*</translation>
    </message>
    <message>
        <source>Custom all value</source>
        <translation>自定义“全部”值</translation>
    </message>
    <message>
        <source>Auto option</source>
        <translation>“自动”选项</translation>
    </message>
    <message>
        <source>Step count</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Min interval</source>
        <translation>最小间隔</translation>
    </message>
    <message>
        <source>Preview of values</source>
        <translation>值预览</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值列表</translation>
    </message>
    <message>
        <source>a, b, c or key : value, …</source>
        <translation>a, b, c 或 key : value, …</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Default value</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Instance name filter</source>
        <translation>实例名称过滤</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Invalid default time range: %1</source>
        <translation>默认时间范围无效：%1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>The variable cannot be computed.</source>
        <translation>无法计算该变量。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>%1 values; the first %2 are shown.</source>
        <translation>%1 个值；显示前 %2 个。</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 个值</translation>
    </message>
</context>
</TS>
