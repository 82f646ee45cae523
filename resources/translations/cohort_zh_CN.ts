<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssignmentSimulator</name>
    <message>
        <source>unknown assignor &apos;%1&apos;: one of %2</source>
        <translation>未知的分配器 &apos;%1&apos;：可选 %2</translation>
    </message>
    <message>
        <source>no members: give at least one</source>
        <translation>没有成员：至少给出一个</translation>
    </message>
    <message>
        <source>a member without an id</source>
        <translation>有成员没有 id</translation>
    </message>
    <message>
        <source>member &apos;%1&apos; is given twice</source>
        <translation>成员 &apos;%1&apos; 给出了两次</translation>
    </message>
    <message>
        <source>member &apos;%1&apos; subscribes to topic &apos;%2&apos;, which is not among the topics: add it with its partition count</source>
        <translation>成员 &apos;%1&apos; 订阅了主题 &apos;%2&apos;，但它不在主题之列：请连同分区数一起添加</translation>
    </message>
    <message>
        <source>member &apos;%1&apos; owns %2-%3, but topic &apos;%2&apos; is not among the topics</source>
        <translation>成员 &apos;%1&apos; 拥有 %2-%3，但主题 &apos;%2&apos; 不在主题之列</translation>
    </message>
    <message>
        <source>member &apos;%1&apos; owns %2-%3, but &apos;%2&apos; has partitions 0 to %4</source>
        <translation>成员 &apos;%1&apos; 拥有 %2-%3，但 &apos;%2&apos; 的分区是 0 到 %4</translation>
    </message>
    <message>
        <source>the uniform assignor is simulated for members that subscribe to the same topics only (Kafka&apos;s homogeneous case); these members&apos; subscriptions differ</source>
        <translation>uniform 分配器只模拟订阅相同主题的成员（Kafka 的同构情形）；这些成员的订阅不同</translation>
    </message>
    <message>
        <source>topic &apos;%1&apos; has id &apos;%2&apos;, which is not a Kafka topic id (22 characters of base64, as kafka-topics --describe prints it)</source>
        <translation>主题“%1”的 id 为“%2”，这不是 Kafka 的主题 id（22 个 base64 字符，与 kafka-topics --describe 打印的相同）</translation>
    </message>
</context>
<context>
    <name>AssignorsSimulateCommand</name>
    <message>
        <source>what an assignor would give a set of members: partitions, counts, skew, moves</source>
        <translation>分配器会给一组成员怎样的分配：分区、数量、倾斜、移动</translation>
    </message>
    <message>
        <source>range, roundrobin, sticky, cooperative-sticky, uniform or server-range</source>
        <translation>range、roundrobin、sticky、cooperative-sticky、uniform 或 server-range</translation>
    </message>
    <message>
        <source>--assignor needs a name: range, roundrobin, sticky, cooperative-sticky, uniform or server-range</source>
        <translation>--assignor 需要一个名称：range、roundrobin、sticky、cooperative-sticky、uniform 或 server-range</translation>
    </message>
    <message>
        <source>unknown assignor &apos;%1&apos;: one of %2</source>
        <translation>未知的分配器 &apos;%1&apos;：可选 %2</translation>
    </message>
    <message>
        <source>--topic %1: topic &apos;%2&apos; is given twice</source>
        <translation>--topic %1：主题 &apos;%2&apos; 给出了两次</translation>
    </message>
    <message>
        <source>a member and the topics it subscribes to; without =TOPICS, every --topic (repeat for more)</source>
        <translation>一个成员及其订阅的主题；不写 =TOPICS 时订阅每个 --topic（可重复给出多个）</translation>
    </message>
    <message>
        <source>--member needs an id, e.g. --member c1 or --member c1=orders,payments</source>
        <translation>--member 需要一个 id，例如 --member c1 或 --member c1=orders,payments</translation>
    </message>
    <message>
        <source>--member %1: the member id is missing</source>
        <translation>--member %1：缺少成员 id</translation>
    </message>
    <message>
        <source>--member %1: no topics after &apos;=&apos; (leave out &apos;=&apos; to subscribe to every topic)</source>
        <translation>--member %1：&apos;=&apos; 后面没有主题（去掉 &apos;=&apos; 即订阅所有主题）</translation>
    </message>
    <message>
        <source>what a member owns now, e.g. c1=orders-0,orders-1 (repeat per member)</source>
        <translation>成员当前拥有的分区，例如 c1=orders-0,orders-1（每个成员重复一次）</translation>
    </message>
    <message>
        <source>--current needs ID=TOPIC-PARTITION,..., e.g. --current c1=orders-0,orders-1</source>
        <translation>--current 需要 ID=TOPIC-PARTITION,...，例如 --current c1=orders-0,orders-1</translation>
    </message>
    <message>
        <source>--current %1: give ID=TOPIC-PARTITION,..., e.g. c1=orders-0,orders-1</source>
        <translation>--current %1：请给出 ID=TOPIC-PARTITION,...，例如 c1=orders-0,orders-1</translation>
    </message>
    <message>
        <source>--current %1: &apos;%2&apos; is not TOPIC-PARTITION, e.g. orders-3</source>
        <translation>--current %1：&apos;%2&apos; 不是 TOPIC-PARTITION，例如 orders-3</translation>
    </message>
    <message>
        <source>--assignor is required</source>
        <translation>必须给出 --assignor</translation>
    </message>
    <message>
        <source>give at least one --topic TOPIC:PARTITIONS</source>
        <translation>请至少给出一个 --topic TOPIC:PARTITIONS</translation>
    </message>
    <message>
        <source>give at least one --member ID[=TOPIC,...]</source>
        <translation>请至少给出一个 --member ID[=TOPIC,...]</translation>
    </message>
    <message>
        <source>--current names member &apos;%1&apos;, which no --member gives</source>
        <translation>--current 提到了成员 &apos;%1&apos;，但没有 --member 给出它</translation>
    </message>
    <message>
        <source>assignor %1: skew %2, moved %3</source>
        <translation>分配器 %1：倾斜 %2，移动 %3</translation>
    </message>
    <message>
        <source>a topic, its partition count and optionally its topic id as kafka-topics --describe prints it, which uniform orders topics by (repeat for more)</source>
        <translation>一个主题、其分区数，以及可选的主题 id（与 kafka-topics --describe 打印的相同，uniform 按它排列主题）（可重复给出多个）</translation>
    </message>
    <message>
        <source>--topic needs TOPIC:PARTITIONS[:TOPIC_ID], e.g. --topic orders:6</source>
        <translation>--topic 需要 TOPIC:PARTITIONS[:TOPIC_ID]，例如 --topic orders:6</translation>
    </message>
    <message>
        <source>--topic %1: give TOPIC:PARTITIONS[:TOPIC_ID] with at least one partition, e.g. orders:6</source>
        <translation>--topic %1：请给出 TOPIC:PARTITIONS[:TOPIC_ID]，至少一个分区，例如 orders:6</translation>
    </message>
    <message>
        <source>uniform orders topics by their ids; without the id of %1 (--topic TOPIC:PARTITIONS:TOPIC_ID) this takes them by name, so Kafka may assign otherwise</source>
        <translation>uniform 按主题 id 排列主题；缺少 %1 的 id（--topic TOPIC:PARTITIONS:TOPIC_ID）时这里按名称排列，因此 Kafka 的分配可能不同</translation>
    </message>
    <message>
        <source>whose client-side assignors (the group leader&apos;s client): Kafka&apos;s Java client (default), librdkafka&apos;s or kafka-python&apos;s, which differ in the sticky ones once members own partitions and in ordering static and dynamic members</source>
        <translation>使用谁的客户端侧分配器（组 leader 的客户端）：Kafka 的 Java 客户端（默认）、librdkafka 的或 kafka-python 的；成员已拥有分区时它们的 sticky 分配器不同，对静态和动态成员的排序也不同</translation>
    </message>
    <message>
        <source>--client needs java, librdkafka or kafka-python</source>
        <translation>--client 需要 java、librdkafka 或 kafka-python</translation>
    </message>
    <message>
        <source>unknown client &apos;%1&apos;: java, librdkafka or kafka-python</source>
        <translation>未知的客户端 &apos;%1&apos;：java、librdkafka 或 kafka-python</translation>
    </message>
    <message>
        <source>Computes an assignment as Kafka&apos;s own assignors do, without a cluster. Client side: range, roundrobin, sticky, cooperative-sticky (where the group settles after its two rebalances); KIP-848 server side: uniform, server-range. Range and roundrobin order members by id (static members first): give the real member ids to get what a real group gets. Uniform also takes the members in the order given, as the coordinator does: give them as groups describe lists them, joining members last. With two or more topics uniform walks them in the order of their topic ids: give each as --topic TOPIC:PARTITIONS:TOPIC_ID (the TopicId kafka-topics --describe prints) to get Kafka&apos;s result; without them it takes the topics by name and says so on stderr. Owned topics whose ids share a bucket Kafka walks in the order they reached the member, which is not known here: stderr says so too.</source>
        <translation>像 Kafka 自己的分配器那样计算分配，无需集群。客户端侧：range、roundrobin、sticky、cooperative-sticky（组在两次重平衡后稳定下来的结果）；KIP-848 服务端侧：uniform、server-range。range 和 roundrobin 按成员 id 排序（静态成员在前）：给出真实的成员 id，才能得到真实组得到的结果。uniform 也像协调者那样按给出的顺序接收成员：按 groups describe 列出的顺序给出，新加入的成员放在最后。有两个或更多主题时，uniform 按主题 id 的顺序遍历它们：以 --topic TOPIC:PARTITIONS:TOPIC_ID 给出每个主题（TopicId 即 kafka-topics --describe 打印的值），才能得到 Kafka 的结果；没有 id 时按名称排列主题，并在 stderr 上说明。成员拥有的主题若 id 落在同一个哈希桶中，Kafka 按它们到达该成员的顺序遍历，而这里无从得知：stderr 上也会说明。</translation>
    </message>
    <message>
        <source>uniform: the ids of %1 share one place in a member&apos;s assignment map, where Kafka keeps them in the order they first reached the member, which is not known here; what a member over its quota keeps may differ from Kafka&apos;s</source>
        <translation>uniform：%1 的 id 在成员的分配表中处于同一位置，Kafka 按它们最初到达该成员的顺序保存，而这里无从得知；超出配额的成员保留哪些分区可能与 Kafka 不同</translation>
    </message>
    <message>
        <source>kafka-python: where several moves could be undone its sticky assignor picks from a Python set, whose order changes with every process, so a real group may get otherwise</source>
        <translation>kafka-python：当有多个移动可以撤销时，其 sticky 分配器从 Python 集合中选取，而集合的顺序每个进程都不同，因此真实的组可能得到不同的结果</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>BootstrapServer</name>
    <message>
        <source>an empty entry is not a bootstrap server: write HOST:PORT</source>
        <translation>空条目不是 bootstrap 服务器：请写 HOST:PORT</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bootstrap server: write HOST:PORT (an IPv6 address in brackets, [::1]:9092)</source>
        <translation>&quot;%1&quot; 不是 bootstrap 服务器：请写 HOST:PORT（IPv6 地址放在方括号中，如 [::1]:9092）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has port %2: a port is a number from 1 to 65535</source>
        <translation>&quot;%1&quot; 的端口是 %2：端口是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>no bootstrap server given: write HOST:PORT[,HOST:PORT...]</source>
        <translation>没有给出 bootstrap 服务器：请写 HOST:PORT[,HOST:PORT...]</translation>
    </message>
</context>
<context>
    <name>BrokerRelay</name>
    <message>
        <source>cannot listen on 127.0.0.1 for %1: %2</source>
        <translation>无法在 127.0.0.1 上为 %1 监听：%2</translation>
    </message>
    <message>
        <source>no bootstrap server to relay to</source>
        <translation>没有可中继的引导服务器</translation>
    </message>
</context>
<context>
    <name>CliCluster</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1:%2: expected key=value</source>
        <translation>%1:%2：应为 key=value</translation>
    </message>
    <message>
        <source>connection &apos;%1&apos; uses %2 and has no password: set the environment variable COHORT_PASSWORD, or save the password with Cohort&apos;s connection dialog (Remember)</source>
        <translation>连接 &apos;%1&apos; 使用 %2 但没有密码：请设置环境变量 COHORT_PASSWORD，或在 Cohort 的连接对话框中保存密码（记住）</translation>
    </message>
    <message>
        <source>the keychain said: %1</source>
        <translation>密钥环提示：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no cluster given: use --bootstrap-server, --profile or bootstrap.servers in --command-config</source>
        <translation>没有给出集群：请使用 --bootstrap-server、--profile 或 --command-config 中的 bootstrap.servers</translation>
    </message>
    <message>
        <source>bad bootstrap servers: %1</source>
        <translation>bootstrap 服务器有误：%1</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>usage: cohort-cli [GLOBAL OPTIONS] %1</source>
        <translation>用法：cohort-cli [全局选项] %1</translation>
    </message>
    <message>
        <source>Run &apos;cohort-cli %1 --help&apos; for its options.</source>
        <translation>运行 &apos;cohort-cli %1 --help&apos; 查看它的选项。</translation>
    </message>
    <message>
        <source>Arguments and options:</source>
        <translation>参数和选项：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>全局选项：</translation>
    </message>
</context>
<context>
    <name>CliOptionSet</name>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 不带值</translation>
    </message>
    <message>
        <source>%1 takes no arguments (got &apos;%2&apos;)</source>
        <translation>%1 不带参数（收到了 &apos;%2&apos;）</translation>
    </message>
</context>
<context>
    <name>CliResetRun</name>
    <message>
        <source>warning: new offset %1 is higher than the log end of %2: %3 instead</source>
        <translation>warning: 新位移 %1 高于 %2 的日志末端：改用 %3</translation>
    </message>
    <message>
        <source>warning: new offset %1 is lower than the log start of %2: %3 instead</source>
        <translation>warning: 新位移 %1 低于 %2 的日志起始位移：改用 %3</translation>
    </message>
    <message>
        <source>warning: %1 has no record at or after the time: its log end %2</source>
        <translation>warning: %1 在该时间点及之后没有记录：改用其日志末端 %2</translation>
    </message>
    <message numerus="yes">
        <source>group &apos;%1&apos;: %2 message(s) to read again, %3 to skip</source>
        <translation>
            <numerusform>组 &apos;%1&apos;：%2 条消息将重新读取，%3 条将跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: --execute would be refused now: %1</source>
        <translation>warning: 现在 --execute 会被拒绝：%1</translation>
    </message>
    <message>
        <source>dry run: nothing was written (add --execute to apply)</source>
        <translation>演练：没有写入任何内容（加上 --execute 才会生效）</translation>
    </message>
    <message>
        <source>previous offsets saved to %1</source>
        <translation>之前的位移已保存到 %1</translation>
    </message>
    <message>
        <source>error: group &apos;%1&apos;: %2-%3 not written: %4</source>
        <translation>error: 组 &apos;%1&apos;：%2-%3 未写入：%4</translation>
    </message>
    <message>
        <source>error: group &apos;%1&apos;: %2-%3 reads back %4, planned %5</source>
        <translation>error: 组 &apos;%1&apos;：%2-%3 读回的是 %4，计划的是 %5</translation>
    </message>
    <message>
        <source>no offset</source>
        <translation>无位移</translation>
    </message>
    <message>
        <source>error: group &apos;%1&apos;: the offsets could not be read back: %2</source>
        <translation>error: 组 &apos;%1&apos;：无法读回位移：%2</translation>
    </message>
    <message>
        <source>with --execute: wait until every group is Empty, then apply (default %1; 30s, 2m, 1h)</source>
        <translation>与 --execute 一起使用：等到每个消费者组都为 Empty 后再应用（默认 %1；30s、2m、1h）</translation>
    </message>
    <message>
        <source>--wait: %1; nothing was written</source>
        <translation>--wait：%1；未写入任何内容</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is %2</source>
        <translation>消费者组 &apos;%1&apos; 为 %2</translation>
    </message>
    <message numerus="yes">
        <source>group &apos;%1&apos; is %2 with %n active member(s): %3</source>
        <translation>
            <numerusform>消费者组 &apos;%1&apos; 为 %2，有 %n 个活跃成员：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting up to %1 for the group(s) to be Empty (stop their consumers)</source>
        <translation>最多等待 %1，直到消费者组为 Empty（请停止其消费者）</translation>
    </message>
    <message>
        <source>still not Empty after %1 (%2); nothing was written</source>
        <translation>%1 后仍不为 Empty（%2）；未写入任何内容</translation>
    </message>
    <message>
        <source>group &apos;%1&apos;: %2 had no offset before that reset: its offset is deleted (NEW-OFFSET -)</source>
        <translation>消费者组 &apos;%1&apos;：%2 在那次重置之前没有位移：其位移将被删除（NEW-OFFSET -）</translation>
    </message>
    <message>
        <source>a member joined before the reset was applied (nothing was written): waiting again</source>
        <translation>在应用重置之前有成员加入（未写入任何内容）：再次等待</translation>
    </message>
    <message>
        <source>no offset (deleted)</source>
        <translation>无位移（已删除）</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>usage: cohort-cli [GLOBAL OPTIONS] &lt;noun&gt; &lt;verb&gt; [OPTIONS] [ARGUMENTS]
       (--bootstrap-server HOST:PORT[,...] | --profile NAME) [--command-config FILE] [--timeout MS]
</source>
        <translation>用法：cohort-cli [全局选项] &lt;名词&gt; &lt;动词&gt; [选项] [参数]
       (--bootstrap-server HOST:PORT[,...] | --profile NAME) [--command-config FILE] [--timeout MS]
</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>全局选项：</translation>
    </message>
    <message>
        <source>Exit codes: 0 everything was read, 1 a Kafka or connection error, 2 bad usage,
3 partial: part of the cluster could not be read by the deadline (each part
is a &apos;warning:&apos; line on stderr) and what was read is printed.</source>
        <translation>退出码：0 全部读取成功，1 Kafka 或连接错误，2 用法错误，
3 部分成功：集群的一部分未能在期限内读取（每一部分在 stderr 上
输出一行 &apos;warning:&apos;），已读取的内容照常输出。</translation>
    </message>
    <message>
        <source>Run &apos;cohort-cli &lt;noun&gt; &lt;verb&gt; --help&apos; for a command&apos;s options.</source>
        <translation>运行 &apos;cohort-cli &lt;名词&gt; &lt;动词&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Run &apos;cohort-cli --help&apos; for the global options, &apos;cohort-cli &lt;noun&gt; &lt;verb&gt; --help&apos; for a command&apos;s.</source>
        <translation>运行 &apos;cohort-cli --help&apos; 查看全局选项，&apos;cohort-cli &lt;名词&gt; &lt;动词&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>expected a command</source>
        <translation>需要一个命令</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs one of: %2</source>
        <translation>&apos;%1&apos; 需要以下之一：%2</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;: &apos;%2&apos; takes %3</source>
        <translation>未知命令 &apos;%1&apos;：&apos;%2&apos; 可接 %3</translation>
    </message>
    <message>
        <source>unknown option %1 for &apos;%2&apos;</source>
        <translation>&apos;%2&apos; 没有选项 %1</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>usage: cohort-cli [GLOBAL OPTIONS] %1 &lt;verb&gt; [OPTIONS] [ARGUMENTS]</source>
        <translation>用法：cohort-cli [全局选项] %1 &lt;动词&gt; [选项] [参数]</translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>The connection &quot;%1&quot; is read-only: Cohort changes nothing on this cluster.</source>
        <translation>连接 &quot;%1&quot; 是只读的：Cohort 不会更改此集群上的任何内容。</translation>
    </message>
    <message>
        <source>To allow changes, clear &quot;Read-only&quot; for this connection under Connections… and connect again.</source>
        <translation>要允许更改，请在“连接…”中取消此连接的“只读”，然后重新连接。</translation>
    </message>
    <message>
        <source>Changes to the cluster are not available on the connection &quot;%1&quot;.</source>
        <translation>连接 &quot;%1&quot; 上无法更改集群。</translation>
    </message>
</context>
<context>
    <name>ConnectionDiagnosis</name>
    <message>
        <source>%1 refused the connection: nothing listens on that port.</source>
        <translation>%1 拒绝了连接：该端口上没有服务在监听。</translation>
    </message>
    <message>
        <source>Check the port of the bootstrap address and that the broker is running.</source>
        <translation>请检查 bootstrap 地址的端口，以及 Broker 是否在运行。</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved (DNS): %2.</source>
        <translation>无法解析主机名 %1（DNS）：%2。</translation>
    </message>
    <message>
        <source>Check the bootstrap address for typos, and your DNS or VPN.</source>
        <translation>请检查 bootstrap 地址是否有拼写错误，以及 DNS 或 VPN。</translation>
    </message>
    <message>
        <source>%1 is unreachable: the network has no route to it (%2).</source>
        <translation>%1 不可达：网络中没有到达它的路由（%2）。</translation>
    </message>
    <message>
        <source>Check the address, and any VPN or firewall in between.</source>
        <translation>请检查地址，以及中间的 VPN 或防火墙。</translation>
    </message>
    <message>
        <source>%1 did not accept a connection in time: the host is down or a firewall drops the packets.</source>
        <translation>%1 没有及时接受连接：主机已关闭，或防火墙丢弃了数据包。</translation>
    </message>
    <message>
        <source>Check the address and port, and any firewall or VPN in between.</source>
        <translation>请检查地址和端口，以及中间的防火墙或 VPN。</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>无法连接到 %1：%2。</translation>
    </message>
    <message>
        <source>Check the bootstrap address.</source>
        <translation>请检查 bootstrap 地址。</translation>
    </message>
    <message>
        <source>%1 answered, but not as a Kafka broker (%2).</source>
        <translation>%1 有应答，但不是 Kafka Broker（%2）。</translation>
    </message>
    <message>
        <source>Use the port of a Kafka listener of the broker (listeners= in its server.properties), not another service&apos;s.</source>
        <translation>请使用 Broker 上 Kafka 监听器的端口（其 server.properties 中的 listeners=），而不是其他服务的端口。</translation>
    </message>
    <message>
        <source>The listener at %1 has no SASL: it answered SaslHandshake with ILLEGAL_SASL_STATE.</source>
        <translation>%1 上的监听器没有 SASL：它对 SaslHandshake 回复了 ILLEGAL_SASL_STATE。</translation>
    </message>
    <message>
        <source>Use security.protocol=%1 for this port, or the port of the broker&apos;s SASL listener.</source>
        <translation>此端口请使用 security.protocol=%1，或使用 Broker 的 SASL 监听器端口。</translation>
    </message>
    <message>
        <source>The broker at %1 offers SASL %2; the connection uses %3.</source>
        <translation>%1 上的 Broker 提供 SASL %2；此连接使用的是 %3。</translation>
    </message>
    <message>
        <source>Set the SASL mechanism (sasl.mechanism) to one the broker offers: %1.</source>
        <translation>请将 SASL 机制（sasl.mechanism）设为 Broker 提供的一种：%1。</translation>
    </message>
    <message>
        <source>The broker at %1 refused SASL %2: %3.</source>
        <translation>%1 上的 Broker 拒绝了 SASL %2：%3。</translation>
    </message>
    <message>
        <source>Check the SASL mechanism of this connection; the broker offers %1.</source>
        <translation>请检查此连接的 SASL 机制；Broker 提供 %1。</translation>
    </message>
    <message>
        <source>%1 (user &quot;%2&quot;, SASL %3, at %4).</source>
        <translation>%1（用户 &quot;%2&quot;，SASL %3，位于 %4）。</translation>
    </message>
    <message>
        <source>Check the user name and password. A user created for SCRAM (kafka-configs --add-config SCRAM-SHA-…) cannot log in with PLAIN; the broker offers %1.</source>
        <translation>请检查用户名和密码。为 SCRAM 创建的用户（kafka-configs --add-config SCRAM-SHA-…）不能用 PLAIN 登录；Broker 提供 %1。</translation>
    </message>
    <message>
        <source>it looks like HTTP</source>
        <translation>看起来是 HTTP</translation>
    </message>
    <message>
        <source>its answer is not a Kafka response frame</source>
        <translation>它的应答不是 Kafka 响应帧</translation>
    </message>
    <message>
        <source>The listener at %1 is not TLS: it answers Kafka requests in plaintext.</source>
        <translation>%1 上的监听器不是 TLS：它以明文应答 Kafka 请求。</translation>
    </message>
    <message>
        <source>Use security.protocol=%1 for this port, or the broker&apos;s TLS port.</source>
        <translation>此端口请使用 security.protocol=%1，或使用 Broker 的 TLS 端口。</translation>
    </message>
    <message>
        <source>The listener at %1 speaks TLS, but the TLS handshake failed: %2.</source>
        <translation>%1 上的监听器使用 TLS，但 TLS 握手失败：%2。</translation>
    </message>
    <message>
        <source>If the broker requires client certificates (ssl.client.auth=required), set ssl.certificate.location and ssl.key.location; otherwise check the TLS versions and ciphers both sides allow.</source>
        <translation>如果 Broker 要求客户端证书（ssl.client.auth=required），请设置 ssl.certificate.location 和 ssl.key.location；否则请检查双方允许的 TLS 版本和加密套件。</translation>
    </message>
    <message>
        <source>%1 does not complete a TLS handshake (%2) and does not answer Kafka in plaintext either.</source>
        <translation>%1 既不能完成 TLS 握手（%2），也不以明文应答 Kafka。</translation>
    </message>
    <message>
        <source>Check that the address is a Kafka listener&apos;s.</source>
        <translation>请检查该地址是否是 Kafka 监听器的地址。</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 does not name &quot;%2&quot;: %3.</source>
        <translation>%1 的 TLS 证书中没有 &quot;%2&quot;：%3。</translation>
    </message>
    <message>
        <source>Connect by a host name the broker&apos;s certificate holds, or set ssl.endpoint.identification.algorithm=none to skip the host name check.</source>
        <translation>请使用 Broker 证书中包含的主机名连接，或设置 ssl.endpoint.identification.algorithm=none 跳过主机名检查。</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 was not accepted: %2.</source>
        <translation>%1 的 TLS 证书未被接受：%2。</translation>
    </message>
    <message>
        <source>Set the CA file (ssl.ca.location) to the CA that signed the broker&apos;s certificate: the system&apos;s CAs do not trust it.</source>
        <translation>请将 CA 文件（ssl.ca.location）设为签发 Broker 证书的 CA：系统的 CA 不信任它。</translation>
    </message>
    <message>
        <source>The CA file %1 did not sign the broker&apos;s certificate: set ssl.ca.location to the CA that did.</source>
        <translation>CA 文件 %1 没有签发 Broker 的证书：请将 ssl.ca.location 设为签发它的 CA。</translation>
    </message>
    <message>
        <source>The listener at %1 expects TLS: it answered a plaintext Kafka request with a TLS alert, and a TLS handshake succeeded.</source>
        <translation>%1 上的监听器需要 TLS：它用 TLS 警报回复了明文 Kafka 请求，而 TLS 握手成功了。</translation>
    </message>
    <message>
        <source>The listener at %1 expects TLS: it closed the connection on a plaintext Kafka request, and a TLS handshake succeeded.</source>
        <translation>%1 上的监听器需要 TLS：它在收到明文 Kafka 请求时关闭了连接，而 TLS 握手成功了。</translation>
    </message>
    <message>
        <source>Use security.protocol=%1 (with ssl.ca.location for the broker&apos;s CA) for this port, or the broker&apos;s plaintext port.</source>
        <translation>此端口请使用 security.protocol=%1（并用 ssl.ca.location 指定 Broker 的 CA），或使用 Broker 的明文端口。</translation>
    </message>
    <message>
        <source>%1 answered a plaintext Kafka request with a TLS record: it expects TLS.</source>
        <translation>%1 用 TLS 记录回复了明文 Kafka 请求：它需要 TLS。</translation>
    </message>
    <message>
        <source>Use security.protocol=%1 for this port.</source>
        <translation>此端口请使用 security.protocol=%1。</translation>
    </message>
    <message>
        <source>%1 closed the connection on a Kafka ApiVersions request without answering: it is not a Kafka listener this connection can use.</source>
        <translation>%1 在收到 Kafka ApiVersions 请求时未应答就关闭了连接：它不是此连接能使用的 Kafka 监听器。</translation>
    </message>
    <message>
        <source>Check the port of the bootstrap address.</source>
        <translation>请检查 bootstrap 地址的端口。</translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not answer a Kafka ApiVersions request within %2 ms.</source>
        <translation>%1 接受了连接，但没有在 %2 毫秒内应答 Kafka ApiVersions 请求。</translation>
    </message>
    <message>
        <source>Check that the address is a Kafka listener&apos;s; a very busy broker may need a longer timeout.</source>
        <translation>请检查该地址是否是 Kafka 监听器的地址；非常繁忙的 Broker 可能需要更长的超时。</translation>
    </message>
    <message>
        <source>The listener at %1 closed the connection on SaslHandshake.</source>
        <translation>%1 上的监听器在收到 SaslHandshake 时关闭了连接。</translation>
    </message>
    <message>
        <source>Check security.protocol: the listener may not use SASL.</source>
        <translation>请检查 security.protocol：该监听器可能不使用 SASL。</translation>
    </message>
    <message>
        <source>The listener at %1 requires SASL: it answered ApiVersions, then closed the connection on the first other request.</source>
        <translation>%1 上的监听器需要 SASL：它应答了 ApiVersions，然后在第一个其他请求时关闭了连接。</translation>
    </message>
    <message>
        <source>The listener at %1 requires SASL (it offers %2): it answered ApiVersions, then closed the connection on the first other request.</source>
        <translation>%1 上的监听器需要 SASL（它提供 %2）：它应答了 ApiVersions，然后在第一个其他请求时关闭了连接。</translation>
    </message>
    <message>
        <source>Use security.protocol=%1 with a SASL mechanism, user name and password, or the broker&apos;s %2 port.</source>
        <translation>请使用 security.protocol=%1 并配置 SASL 机制、用户名和密码，或使用 Broker 的 %2 端口。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Saved &amp;connections</source>
        <translation>已保存的连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connections saved on this computer (without their passwords)</source>
        <translation>保存在本机上的连接（不含密码）</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>例如 production</translation>
    </message>
    <message>
        <source>&amp;Bootstrap servers:</source>
        <translation>Bootstrap 服务器(&amp;B)：</translation>
    </message>
    <message>
        <source>host1:9092,host2:9092</source>
        <translation>host1:9092,host2:9092</translation>
    </message>
    <message>
        <source>Security &amp;protocol:</source>
        <translation>安全协议(&amp;P)：</translation>
    </message>
    <message>
        <source>SASL &amp;mechanism:</source>
        <translation>SASL 机制(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Re&amp;member</source>
        <translation>记住(&amp;M)</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain (never in the settings file)</source>
        <translation>将密码保存在系统密钥环中（绝不写入设置文件）</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>选择客户端证书文件</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>客户端密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>选择客户端密钥文件</translation>
    </message>
    <message>
        <source>E&amp;xtra properties:</source>
        <translation>额外属性(&amp;X)：</translation>
    </message>
    <message>
        <source>librdkafka properties, one key=value per line; they override the fields above</source>
        <translation>librdkafka 属性，每行一个 key=value；它们会覆盖上面的字段</translation>
    </message>
    <message>
        <source>socket.timeout.ms=30000</source>
        <translation>socket.timeout.ms=30000</translation>
    </message>
    <message>
        <source>&amp;Read-only (no offset resets or other changes to this cluster)</source>
        <translation>只读(&amp;R)（不重置位移，也不对此集群做其他更改）</translation>
    </message>
    <message>
        <source>&amp;Production (deleting a group or its offsets asks to type the group&apos;s name)</source>
        <translation>生产环境(&amp;P)（删除组或其位移时要求输入组名）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection shows the cluster&apos;s brokers here.</source>
        <translation>“测试连接”会在这里显示集群的 Broker。</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>请为连接命名。</translation>
    </message>
    <message>
        <source>The name must not start or end with spaces.</source>
        <translation>名称的开头和结尾不能有空格。</translation>
    </message>
    <message>
        <source>The name must not contain / or \.</source>
        <translation>名称不能包含 / 或 \。</translation>
    </message>
    <message>
        <source>Give at least one bootstrap server as HOST:PORT.</source>
        <translation>请至少给出一个 bootstrap 服务器，格式为 HOST:PORT。</translation>
    </message>
    <message>
        <source>%1 needs a user name.</source>
        <translation>%1 需要用户名。</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; does not exist.</source>
        <translation>%1 &quot;%2&quot; 不存在。</translation>
    </message>
    <message>
        <source>A client certificate needs its key file, and a key file its certificate.</source>
        <translation>客户端证书需要其密钥文件，密钥文件也需要其证书。</translation>
    </message>
    <message>
        <source>Extra property line %1 (&quot;%2&quot;) is not key=value.</source>
        <translation>额外属性第 %1 行（&quot;%2&quot;）不是 key=value。</translation>
    </message>
    <message>
        <source>Extra property %1 looks like a secret: extra properties are saved in plain text; use the password field instead.</source>
        <translation>额外属性 %1 看起来是机密信息：额外属性以明文保存；请改用密码字段。</translation>
    </message>
</context>
<context>
    <name>ConsumerProtocolDecoder</name>
    <message>
        <source>The %1 bytes are not valid consumer-protocol data.</source>
        <translation>这 %1 字节不是有效的 consumer-protocol 数据。</translation>
    </message>
    <message>
        <source>The member may use a custom protocol; its raw bytes are shown instead.</source>
        <translation>该成员可能使用自定义协议；改为显示其原始字节。</translation>
    </message>
</context>
<context>
    <name>CoordinatorLocator</name>
    <message>
        <source>no bootstrap server given</source>
        <translation>没有给出 bootstrap 服务器</translation>
    </message>
    <message>
        <source>%1 is not a host:port</source>
        <translation>%1 不是 host:port</translation>
    </message>
    <message>
        <source>malformed FindCoordinator response from %1</source>
        <translation>来自 %1 的 FindCoordinator 响应格式错误</translation>
    </message>
    <message>
        <source>FindCoordinator for group %1: %2</source>
        <translation>组 %1 的 FindCoordinator：%2</translation>
    </message>
    <message>
        <source>cannot reach the coordinator of group %1: %2</source>
        <translation>无法连接组 %1 的协调者：%2</translation>
    </message>
</context>
<context>
    <name>DirectBrokerRequests</name>
    <message>
        <source>malformed %1 response</source>
        <translation>%1 响应格式错误</translation>
    </message>
    <message>
        <source>its coordinator is not known (FindCoordinator found none)</source>
        <translation>它的协调者未知（FindCoordinator 没有找到）</translation>
    </message>
    <message>
        <source>broker %1 is not known</source>
        <translation>Broker %1 未知</translation>
    </message>
    <message>
        <source>not asked: out of time</source>
        <translation>未发出请求：时间已到</translation>
    </message>
    <message>
        <source>no answer from %1 in %2 ms</source>
        <translation>%1 在 %2 毫秒内没有应答</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>&apos;%1&apos; is not a duration: write a number with a unit, ms, s, m or h (500ms, 30s, 2m, 1h, 1m30s)</source>
        <translation>&apos;%1&apos; 不是时长：请写数字加单位 ms、s、m 或 h（500ms、30s、2m、1h、1m30s）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long a duration</source>
        <translation>&apos;%1&apos; 时长太长</translation>
    </message>
</context>
<context>
    <name>FreshnessText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Not described: %1</source>
        <translation>未描述：%1</translation>
    </message>
    <message>
        <source>Not refreshed for %1: %2</source>
        <translation>已 %1 未刷新：%2</translation>
    </message>
    <message>
        <source>Committed offsets not read (the lag is unknown): %1</source>
        <translation>未读取已提交位移（积压未知）：%1</translation>
    </message>
    <message>
        <source>Committed offsets not refreshed for %1 (the lag is from then): %2</source>
        <translation>已提交位移已 %1 未刷新（积压为当时的值）：%2</translation>
    </message>
    <message>
        <source>Never read — %1</source>
        <translation>从未读取 — %1</translation>
    </message>
    <message>
        <source>Last read %1 ago</source>
        <translation>%1前读取</translation>
    </message>
    <message>
        <source>Last read %1 ago — %2</source>
        <translation>%1前读取 — %2</translation>
    </message>
</context>
<context>
    <name>GlobalOptions</name>
    <message>
        <source>the cluster&apos;s brokers; with --profile, replaces the profile&apos;s servers</source>
        <translation>集群的 Broker；与 --profile 一起使用时替换该配置的服务器</translation>
    </message>
    <message>
        <source>--bootstrap-server needs HOST:PORT</source>
        <translation>--bootstrap-server 需要 HOST:PORT</translation>
    </message>
    <message>
        <source>--profile needs the name of a saved connection</source>
        <translation>--profile 需要一个已保存连接的名称</translation>
    </message>
    <message>
        <source>a connection saved in Cohort&apos;s connection dialog; a SASL password
comes from $COHORT_PASSWORD, else from the system keychain;
--bootstrap-server replaces its servers, --command-config adds
properties that override it</source>
        <translation>在 Cohort 的连接对话框中保存的连接；SASL 密码
来自 $COHORT_PASSWORD，否则来自系统密钥环；
--bootstrap-server 替换它的服务器，--command-config 添加
覆盖它的属性</translation>
    </message>
    <message>
        <source>client properties (key=value lines, as kafka-consumer-groups.sh takes),
such as security settings</source>
        <translation>客户端属性（key=value 行，与 kafka-consumer-groups.sh 所用的相同），
例如安全设置</translation>
    </message>
    <message>
        <source>--command-config needs a file</source>
        <translation>--command-config 需要一个文件</translation>
    </message>
    <message>
        <source>an aligned table like kafka-consumer-groups.sh (the default), a JSON
array of objects, or CSV with a header row</source>
        <translation>像 kafka-consumer-groups.sh 那样的对齐表格（默认）、JSON
对象数组，或带表头行的 CSV</translation>
    </message>
    <message>
        <source>--output takes table, json or csv</source>
        <translation>--output 可取 table、json 或 csv</translation>
    </message>
    <message>
        <source>one deadline for the whole command, connecting included (default 10000);
what is not read by then is reported missing (exit 3)</source>
        <translation>整个命令（包括连接）的一个期限（默认 10000）；
到期未读取的部分报告为缺失（退出码 3）</translation>
    </message>
    <message>
        <source>--timeout needs milliseconds (at least 100)</source>
        <translation>--timeout 需要毫秒数（至少 100）</translation>
    </message>
    <message>
        <source>this help; after a command, the command&apos;s (also -h)</source>
        <translation>本帮助；放在命令之后则为该命令的帮助（也可用 -h）</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source></source>
        <comment>Simplified Chinese glossary: Kafka terms as Kafka users in China write them. Keep one word per term. consumer group 消费者组 · group 组 · member 成员 · offset 位移 committed offset 已提交位移 · end offset / log end 末端位移 / 日志末端 log start offset 日志起始位移 · lag 积压 · time lag 时间延迟 rebalance 重平衡 · generation 代 · partition 分区 · topic 主题 broker Broker (kept) · coordinator 协调者 · assignor 分配器 throughput 吞吐 · rate 速率 · caught up 已追平 · dry run 演练 bootstrap server bootstrap 服务器 · listener 监听器 · keychain 密钥环 Kept as Kafka spells them: group states (Stable, Empty, PreparingRebalance…), group types (classic, consumer, share, streams), assignor names, error codes (NON_EMPTY_GROUP…), configuration keys, command-line options and values. Punctuation: full-width ，。：；（） in Chinese sentences; a mnemonic goes after the text as (&amp;X). cohort-cli output that scripts written for kafka-consumer-groups.sh read is never translated: the table column headers (GROUP, TOPIC, PARTITION, CURRENT-OFFSET, LOG-END-OFFSET, LAG, CONSUMER-ID…), JSON keys and CSV headers are not tr() strings at all; the sentences kafka-consumer-groups.sh prints word for word (&quot;Consumer group &apos;%1&apos; does not exist.&quot;, &quot;Deletion of requested consumer groups (%1) was successful.&quot;, &quot;* Group &apos;%1&apos; could not be deleted due to: %2&quot;, &quot;Request succeeded for deleting offsets from group %1.&quot; …) keep their English text as translation, and the &quot;warning:&quot;, &quot;error:&quot; and &quot;note:&quot; prefixes of stderr lines stay English.</comment>
        <translation></translation>
    </message>
</context>
<context>
    <name>GroupActionAvailability</name>
    <message>
        <source>Select a group first (in the Groups or Topics page), or open its tab.</source>
        <translation>请先选择一个组（在“组”或“主题”页面中），或打开它的标签页。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; is not in the last refresh; wait for the next one.</source>
        <translation>组 &quot;%1&quot; 不在上次刷新的结果中；请等待下一次刷新。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; could not be described, so its state and members are not known; wait for a refresh that describes it.</source>
        <translation>无法描述组 &quot;%1&quot;，因此其状态和成员未知；请等待一次能描述它的刷新。</translation>
    </message>
    <message numerus="yes">
        <source>Only an Empty group can be deleted; &quot;%1&quot; is %2 with %n member(s). Stop its consumers first.</source>
        <translation>
            <numerusform>只有 Empty 组才能删除；&quot;%1&quot; 处于 %2，有 %n 个成员。请先停止它的消费者。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an Empty group can be deleted; &quot;%1&quot; is %2. Stop its consumers first.</source>
        <translation>只有 Empty 组才能删除；&quot;%1&quot; 处于 %2。请先停止它的消费者。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; has no committed offsets to delete.</source>
        <translation>组 &quot;%1&quot; 没有可删除的已提交位移。</translation>
    </message>
    <message>
        <source>Cohort cannot list the members of a %1 group yet (that needs ConsumerGroupDescribe), so it cannot name whom to remove.</source>
        <translation>Cohort 暂时无法列出 %1 组的成员（这需要 ConsumerGroupDescribe），因此无法指明移除谁。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; has no members to remove.</source>
        <translation>组 &quot;%1&quot; 没有可移除的成员。</translation>
    </message>
    <message>
        <source>Cohort triggers rebalances of classic groups only; &quot;%1&quot; is a %2 group.</source>
        <translation>Cohort 只能触发 classic 组的重平衡；&quot;%1&quot; 是 %2 组。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; has no members: there is nothing to rebalance.</source>
        <translation>组 &quot;%1&quot; 没有成员：没有什么可重平衡的。</translation>
    </message>
    <message>
        <source>The group&apos;s protocol type and assignor are not known while it rebalances; try again once it is Stable.</source>
        <translation>组在重平衡期间其协议类型和分配器未知；请在它变为 Stable 后重试。</translation>
    </message>
    <message>
        <source>A share group has no committed offsets to reset (kafka-share-groups.sh resets its start offsets).</source>
        <translation>share 组没有可重置的已提交位移（kafka-share-groups.sh 重置的是它的起始位移）。</translation>
    </message>
    <message>
        <source>Cohort has no backup of a reset of &quot;%1&quot; in this account&apos;s data folder: there is nothing to undo.</source>
        <translation>Cohort 在此账户的数据文件夹中没有 &quot;%1&quot; 的重置备份：没有可撤销的内容。</translation>
    </message>
    <message>
        <source>The coordinator of &quot;%1&quot; is older than Kafka 4.0 (it describes no member types), and Kafka before 4.0 refuses to remove a member of a KIP-848 consumer group that uses the consumer protocol (LeaveGroup answers UNKNOWN_MEMBER_ID). Stop the consumers you want out, or upgrade the brokers to Kafka 4.0 or newer.</source>
        <translation>&quot;%1&quot; 的协调者早于 Kafka 4.0（它不给出成员类型），而 Kafka 4.0 之前拒绝移除 KIP-848 consumer 组中使用 consumer 协议的成员（LeaveGroup 答复 UNKNOWN_MEMBER_ID）。请停止想移出的消费者，或把 broker 升级到 Kafka 4.0 或更新版本。</translation>
    </message>
    <message>
        <source>A share group has no committed offsets to export (its progress is kept per record).</source>
        <translation>共享组没有可导出的已提交位移（其进度按每条记录保存）。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; has no committed offsets to export.</source>
        <translation>消费者组“%1”没有可导出的已提交位移。</translation>
    </message>
</context>
<context>
    <name>GroupDescription</name>
    <message>
        <source>The coordinator could not describe this group (%1); offsets and lag are still shown.</source>
        <translation>协调者无法描述此组（%1）；位移和积压仍会显示。</translation>
    </message>
    <message>
        <source>This is a share group (KIP-932); Cohort cannot show its members, start offsets and lag yet (that needs ShareGroupDescribe and DescribeShareGroupOffsets).</source>
        <translation>这是共享组（KIP-932）；Cohort 暂时无法显示其成员、起始位移和积压（这需要 ShareGroupDescribe 和 DescribeShareGroupOffsets）。</translation>
    </message>
    <message>
        <source>This is a Kafka Streams group (KIP-1071); Cohort cannot show its members and tasks yet (that needs StreamsGroupDescribe). Its committed offsets and lag are shown.</source>
        <translation>这是 Kafka Streams 组（KIP-1071）；Cohort 暂时无法显示其成员和任务（这需要 StreamsGroupDescribe）。其已提交位移和积压会显示。</translation>
    </message>
    <message>
        <source>This group is listed, yet DescribeGroups calls it Dead with no members: it is not a classic group but most likely a KIP-848 consumer group (or a share or streams group). Over this connection Cohort cannot tell its type, members, epochs or assignment: librdkafka 2.0.2, which Cohort uses for GSSAPI and OAUTHBEARER logins, has neither ListGroups v5 nor ConsumerGroupDescribe. Its committed offsets and lag are shown.</source>
        <translation>此消费者组已被列出，但 DescribeGroups 称其为 Dead 且没有成员：它不是经典组，很可能是 KIP-848 消费者组（或共享组、流组）。通过此连接，Cohort 无法得知其类型、成员、纪元或分配：Cohort 在 GSSAPI 和 OAUTHBEARER 登录时使用的 librdkafka 2.0.2 既没有 ListGroups v5，也没有 ConsumerGroupDescribe。已显示其已提交位移和积压。</translation>
    </message>
    <message>
        <source>This is a KIP-848 consumer group. It was not described with ConsumerGroupDescribe: librdkafka 2.0.2, which Cohort uses for GSSAPI and OAUTHBEARER logins and when its own connection fails, does not have it. Its members, their epochs and their assignment cannot be shown; its committed offsets and lag are.</source>
        <translation>这是一个 KIP-848 消费者组。它未通过 ConsumerGroupDescribe 描述：Cohort 在 GSSAPI 和 OAUTHBEARER 登录时以及自身连接失败时使用的 librdkafka 2.0.2 不支持该请求。无法显示其成员、成员纪元和分配；已显示其已提交位移和积压。</translation>
    </message>
</context>
<context>
    <name>GroupEventDetector</name>
    <message>
        <source>began between two reads of the group: its duration is not known, and a time without owner is at least the one given</source>
        <translation>开始于两次读取组之间：其持续时间未知，无归属的时间至少为给出的值</translation>
    </message>
    <message>
        <source>already under way when the watch began</source>
        <translation>监视开始时已在进行中</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 加入</translation>
    </message>
    <message>
        <source>%1 left or timed out</source>
        <translation>%1 离开或超时</translation>
    </message>
    <message>
        <source>the first members joined</source>
        <translation>首批成员加入</translation>
    </message>
    <message>
        <source>a member rejoined (its subscription or the topics changed, it exceeded max.poll.interval.ms, or a rebalance was asked for)</source>
        <translation>有成员重新加入（其订阅或主题变了、超过了 max.poll.interval.ms，或有人请求了重平衡）</translation>
    </message>
    <message>
        <source>fenced: static member %1 rejoined as %2</source>
        <translation>被隔离：静态成员 %1 以 %2 重新加入</translation>
    </message>
    <message>
        <source>left during the rebalance, or did not rejoin within its rebalance timeout</source>
        <translation>在重平衡期间离开，或未在其重平衡超时内重新加入</translation>
    </message>
    <message>
        <source>its session timed out, or an admin removed it (a static member does not leave when it closes)</source>
        <translation>会话超时，或被管理员移除（静态成员关闭时不会离开）</translation>
    </message>
    <message>
        <source>left or timed out (a read of the group cannot tell a LeaveGroup from a session timeout)</source>
        <translation>离开或超时（读取组无法区分 LeaveGroup 和会话超时）</translation>
    </message>
    <message>
        <source>static member %1 rejoined with a new member id (was %2)</source>
        <translation>静态成员 %1 以新的成员 id 重新加入（原为 %2）</translation>
    </message>
    <message>
        <source>static member %1 restarted within its session timeout (was %2): it keeps its partitions and the group does not rebalance</source>
        <translation>静态成员 %1 在会话超时内重启（原为 %2）：它保留其分区，组不会重平衡</translation>
    </message>
    <message>
        <source>Cohort&apos;s temporary member of a triggered rebalance: it takes no partitions and leaves again</source>
        <translation>Cohort 为触发重平衡而加入的临时成员：它不领取分区，随后离开</translation>
    </message>
    <message>
        <source>no follow-up round gave out the partitions the cooperative round took away</source>
        <translation>没有后续轮次把 cooperative 轮次收回的分区分配出去</translation>
    </message>
    <message>
        <source>the group has no members any more</source>
        <translation>组已没有成员</translation>
    </message>
</context>
<context>
    <name>GroupEventText</name>
    <message>
        <source>State %1 → %2</source>
        <translation>状态 %1 → %2</translation>
    </message>
    <message>
        <source>Member joined</source>
        <translation>成员加入</translation>
    </message>
    <message>
        <source>Member left</source>
        <translation>成员离开</translation>
    </message>
    <message>
        <source>Assignment changed</source>
        <translation>分配变更</translation>
    </message>
    <message>
        <source>Rebalance started</source>
        <translation>重平衡开始</translation>
    </message>
    <message>
        <source>Rebalance completed</source>
        <translation>重平衡完成</translation>
    </message>
    <message>
        <source>(generation %1)</source>
        <translation>（第 %1 代）</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) moved</source>
        <translation>
            <numerusform>移动了 %n 个分区</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>用时 %1 秒</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>成员：%1</translation>
    </message>
    <message>
        <source>Client: %1 on %2</source>
        <translation>客户端：%1，位于 %2</translation>
    </message>
    <message>
        <source>Instance: %1</source>
        <translation>实例：%1</translation>
    </message>
    <message>
        <source>Gained: %1</source>
        <translation>获得：%1</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>失去：%1</translation>
    </message>
    <message>
        <source>Longest without an owner: %1 s</source>
        <translation>最长无归属时间：%1 秒</translation>
    </message>
</context>
<context>
    <name>GroupsDeleteCommand</name>
    <message>
        <source>delete groups and their offsets (kafka-consumer-groups.sh --delete)</source>
        <translation>删除组及其位移（kafka-consumer-groups.sh --delete）</translation>
    </message>
    <message>
        <source>Only a group without active members can go (NON_EMPTY_GROUP otherwise); one that
does not exist is GROUP_ID_NOT_FOUND. Exit code 1 when any group was not deleted.</source>
        <translation>只有没有活跃成员的组才能删除（否则为 NON_EMPTY_GROUP）；不存在的组
为 GROUP_ID_NOT_FOUND。有任何组未被删除时退出码为 1。</translation>
    </message>
    <message>
        <source>the groups to delete</source>
        <translation>要删除的组</translation>
    </message>
    <message>
        <source>groups delete needs at least one group id</source>
        <translation>groups delete 需要至少一个组 id</translation>
    </message>
    <message>
        <source>* Group &apos;%1&apos; could not be deleted due to: %2</source>
        <translation>* Group &apos;%1&apos; could not be deleted due to: %2</translation>
    </message>
    <message>
        <source>Deletion of requested consumer groups (%1) was successful.</source>
        <translation>Deletion of requested consumer groups (%1) was successful.</translation>
    </message>
    <message>
        <source>Deletion of some consumer groups failed:</source>
        <translation>Deletion of some consumer groups failed:</translation>
    </message>
</context>
<context>
    <name>GroupsDescribeCommand</name>
    <message>
        <source>per partition of the groups: committed offset, log-end offset, lag and owner</source>
        <translation>按分区列出组的已提交位移、日志末端位移、积压和归属</translation>
    </message>
    <message>
        <source>The columns are kafka-consumer-groups.sh --describe&apos;s. A group that does not exist
is reported on stderr and makes the exit code 1; the others are still printed.
A group whose description or committed offsets could not be read by the deadline
is not printed (its rows would read as fact): the error is on stderr and the
exit code is 3.</source>
        <translation>各列与 kafka-consumer-groups.sh --describe 的相同。不存在的组
在 stderr 上报告，并使退出码为 1；其他组照常输出。
描述或已提交位移未能在期限内读取的组不输出
（否则其行会被当作事实）：错误在 stderr 上，
退出码为 3。</translation>
    </message>
    <message>
        <source>the groups&apos; members and how many partitions each owns, instead</source>
        <translation>改为列出组的成员及每个成员拥有的分区数</translation>
    </message>
    <message>
        <source>every group of the cluster, instead of the ones named</source>
        <translation>改为列出集群的所有组，而非指定的组</translation>
    </message>
    <message>
        <source>the group ids</source>
        <translation>组 id</translation>
    </message>
    <message>
        <source>groups describe needs at least one group id, or --all-groups</source>
        <translation>groups describe 需要至少一个组 id，或 --all-groups</translation>
    </message>
    <message>
        <source>groups describe takes group ids or --all-groups, not both</source>
        <translation>groups describe 接受组 id 或 --all-groups，不能同时使用</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; does not exist.</source>
        <translation>Consumer group &apos;%1&apos; does not exist.</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; not read: %2</source>
        <translation>warning: 未读取组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; has committed offset %2 on %3-%4, ahead of the log end %5 (LAG %6): the topic was truncated or recreated since the group committed</source>
        <translation>warning: 组 &apos;%1&apos; 在 %3-%4 上的已提交位移 %2 超过了日志末端 %5（LAG %6）：自该组提交以来，主题被截断或重建过</translation>
    </message>
    <message>
        <source>note: group &apos;%1&apos;: %2</source>
        <translation>note: 组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>LOG-END-OFFSET is the last stable offset (isolation.level=read_committed).</source>
        <translation>LOG-END-OFFSET 是最后稳定位移（isolation.level=read_committed）。</translation>
    </message>
    <message>
        <source>each group&apos;s coordinator, assignor, state and member count, instead</source>
        <translation>改为列出每个组的协调者、分配器、状态和成员数</translation>
    </message>
    <message>
        <source>with --members: each member&apos;s epochs and current and target assignments too; with --state: the group epochs of a KIP-848 group</source>
        <translation>与 --members 一起：还列出每个成员的纪元以及当前分配和目标分配；与 --state 一起：KIP-848 组的组纪元</translation>
    </message>
    <message>
        <source>--verbose goes with --members or --state (groups describe GROUP --members --verbose)</source>
        <translation>--verbose 须与 --members 或 --state 一起使用（groups describe GROUP --members --verbose）</translation>
    </message>
    <message>
        <source>groups describe takes --members or --state, not both</source>
        <translation>groups describe 接受 --members 或 --state，不能同时使用</translation>
    </message>
</context>
<context>
    <name>GroupsLagCommand</name>
    <message>
        <source>not catching up</source>
        <translation>追不上</translation>
    </message>
    <message>
        <source>samples the groups for a while: lag, time lag, rates, catch-up ETA, retention risk, status</source>
        <translation>对组采样一段时间：积压、时间延迟、速率、追平预计时间、保留风险、状态</translation>
    </message>
    <message>
        <source>Samples each group every --interval for --sample-for (durations like 500ms, 30s,
2m, 1h; defaults 30s and 5s), then prints per group and partition: the lag
(records), the time lag (how long ago the first unconsumed record was produced),
produce and consume rates (records/s), the catch-up ETA, the retention risk
(the share of the topic&apos;s retention the lag spans) and Burrow&apos;s status with its
reason. In JSON, eta_s is 0 when caught up and null when not catching up, and
unknown values are null. --watch prints after every interval until interrupted
(one JSON document per line with --output json).</source>
        <translation>在 --sample-for 时间内每隔 --interval 对每个组采样（时长如 500ms、30s、
2m、1h；默认 30s 和 5s），然后按组和分区输出：积压
（记录数）、时间延迟（第一条未消费记录是多久以前生产的）、
生产和消费速率（条/秒）、追平预计时间、保留风险
（积压占主题保留时长的比例）以及 Burrow 状态及其
原因。JSON 中，已追平时 eta_s 为 0，追不上时为 null，
未知的值为 null。--watch 在每个间隔后输出，直到被中断
（使用 --output json 时每行一个 JSON 文档）。</translation>
    </message>
    <message>
        <source>--%1 must be at least %2 ms</source>
        <translation>--%1 至少要 %2 毫秒</translation>
    </message>
    <message>
        <source>how long to sample before printing (default 30s)</source>
        <translation>输出前采样多久（默认 30s）</translation>
    </message>
    <message>
        <source>--sample-for needs a duration, like 30s or 2m</source>
        <translation>--sample-for 需要一个时长，如 30s 或 2m</translation>
    </message>
    <message>
        <source>time between samples (default 5s)</source>
        <translation>两次采样之间的间隔（默认 5s）</translation>
    </message>
    <message>
        <source>--interval needs a duration, like 5s</source>
        <translation>--interval 需要一个时长，如 5s</translation>
    </message>
    <message>
        <source>print after every interval until interrupted</source>
        <translation>每个间隔后输出，直到被中断</translation>
    </message>
    <message>
        <source>the group ids</source>
        <translation>组 id</translation>
    </message>
    <message>
        <source>groups lag needs at least one group id</source>
        <translation>groups lag 需要至少一个组 id</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; does not exist.</source>
        <translation>Consumer group &apos;%1&apos; does not exist.</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; not read: %2</source>
        <translation>warning: 未读取组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; not sampled: %2</source>
        <translation>warning: 未对组 &apos;%1&apos; 采样：%2</translation>
    </message>
</context>
<context>
    <name>GroupsListCommand</name>
    <message>
        <source>the consumer groups with state, type, protocol type, assignor, members and lag</source>
        <translation>消费者组及其状态、类型、协议类型、分配器、成员和积压</translation>
    </message>
    <message>
        <source>only groups in this state (any case)</source>
        <translation>只列出处于此状态的组（不区分大小写）</translation>
    </message>
    <message>
        <source>--state needs a state (Stable, Empty, PreparingRebalance, CompletingRebalance, Assigning, Reconciling, NotReady, Dead)</source>
        <translation>--state 需要一个状态（Stable、Empty、PreparingRebalance、CompletingRebalance、Assigning、Reconciling、NotReady、Dead）</translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos;</source>
        <translation>未知状态 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>only groups of these types: classic, consumer, share, streams (comma-separated, any case)</source>
        <translation>只列出这些类型的组：classic、consumer、share、streams（逗号分隔，不区分大小写）</translation>
    </message>
    <message>
        <source>--type needs one or more group types, e.g. --type classic,consumer</source>
        <translation>--type 需要一个或多个组类型，例如 --type classic,consumer</translation>
    </message>
    <message>
        <source>unknown group type &apos;%1&apos;: valid types are classic, consumer, share, streams</source>
        <translation>未知的组类型 &apos;%1&apos;：有效类型为 classic、consumer、share、streams</translation>
    </message>
</context>
<context>
    <name>GroupsRebalanceCommand</name>
    <message>
        <source>makes a classic group rebalance, and prints the generations and how long it took</source>
        <translation>让 classic 组重平衡，并输出各代及所用时间</translation>
    </message>
    <message>
        <source>A temporary member joins the group with the group&apos;s own protocol type and
assignor and a subscription that takes no partitions, commits nothing and
leaves as soon as it is in: the group rebalances on the join and again on the
leave (two generations). Every real member must rejoin each time; one busy in
a long poll holds the round up to its max.poll.interval.ms.
Refused on a read-only connection, for a KIP-848 consumer, share or streams
group, and for a group without members (exit code 1, with the reason).</source>
        <translation>一个临时成员以组自身的协议类型和分配器加入组，
其订阅不领取分区，不提交任何内容，加入后立即
离开：组在加入时重平衡一次，离开时再重平衡一次
（两代）。每个真实成员每次都必须重新加入；正忙于
长时间 poll 的成员会把这一轮拖到它的 max.poll.interval.ms。
在只读连接上、对 KIP-848 consumer、share 或 streams
组，以及对没有成员的组会被拒绝（退出码 1，并给出原因）。</translation>
    </message>
    <message>
        <source>the group id</source>
        <translation>组 id</translation>
    </message>
    <message>
        <source>groups rebalance needs a group id</source>
        <translation>groups rebalance 需要一个组 id</translation>
    </message>
    <message>
        <source>groups rebalance takes one group; run it once per group</source>
        <translation>groups rebalance 只接受一个组；请对每个组各运行一次</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; does not exist.</source>
        <translation>Consumer group &apos;%1&apos; does not exist.</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; not read: %2</source>
        <translation>未读取组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is a %2 group, not a classic one: a temporary member joining and leaving (JoinGroup, LeaveGroup) cannot make it rebalance. Kafka reassigns such a group by itself when its members or their subscriptions change: to move its partitions, restart one of its consumers, or remove one with &apos;cohort-cli groups remove-members %1 --member-id ID&apos;.</source>
        <translation>组 &apos;%1&apos; 是 %2 组，不是 classic 组：临时成员的加入和离开（JoinGroup、LeaveGroup）无法让它重平衡。当其成员或成员的订阅变化时，Kafka 会自行重新分配这种组：要移动其分区，请重启它的一个消费者，或用 &apos;cohort-cli groups remove-members %1 --member-id ID&apos; 移除一个。</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; has no active members (%2): there is nothing to rebalance. Start the group&apos;s consumers first.</source>
        <translation>组 &apos;%1&apos; 没有活跃成员（%2）：没有什么可重平衡的。请先启动该组的消费者。</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is rebalancing already (%2): run this again once it is Stable (&apos;cohort-cli groups watch %1&apos; shows when).</source>
        <translation>组 &apos;%1&apos; 已在重平衡（%2）：请在它变为 Stable 后再运行（&apos;cohort-cli groups watch %1&apos; 可显示何时）。</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; was not read Stable without the temporary member within %2 ms; the rebalance goes on (&apos;cohort-cli groups watch %1&apos; follows it)</source>
        <translation>warning: 在 %2 毫秒内未读到组 &apos;%1&apos; 在没有临时成员时处于 Stable；重平衡仍在继续（&apos;cohort-cli groups watch %1&apos; 可跟踪它）</translation>
    </message>
</context>
<context>
    <name>GroupsRemoveMembersCommand</name>
    <message>
        <source>removes members from a group: static ones by instance id, others by member id</source>
        <translation>从组中移除成员：静态成员按实例 id，其他成员按成员 id</translation>
    </message>
    <message>
        <source>a member to remove by its member id (repeatable)</source>
        <translation>按成员 id 移除的成员（可重复）</translation>
    </message>
    <message>
        <source>--member-id needs a member id (groups describe GROUP --members lists them)</source>
        <translation>--member-id 需要一个成员 id（groups describe GROUP --members 会列出）</translation>
    </message>
    <message>
        <source>a static member to remove by its group.instance.id (repeatable)</source>
        <translation>按 group.instance.id 移除的静态成员（可重复）</translation>
    </message>
    <message>
        <source>--instance-id needs a group.instance.id (groups describe GROUP --members lists them)</source>
        <translation>--instance-id 需要一个 group.instance.id（groups describe GROUP --members 会列出）</translation>
    </message>
    <message>
        <source>the group id</source>
        <translation>组 id</translation>
    </message>
    <message>
        <source>groups remove-members needs a group id</source>
        <translation>groups remove-members 需要一个组 id</translation>
    </message>
    <message>
        <source>groups remove-members takes one group, then the members as options</source>
        <translation>groups remove-members 只接受一个组，成员以选项给出</translation>
    </message>
    <message>
        <source>name the members to remove: --member-id ID or --instance-id ID, as often as needed</source>
        <translation>请指明要移除的成员：--member-id ID 或 --instance-id ID，按需重复</translation>
    </message>
    <message>
        <source>group &apos;%1&apos;: %2</source>
        <translation>组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>Sends LeaveGroup (v3) to the group&apos;s coordinator on the members&apos; behalf, as
kafka-consumer-groups.sh --delete --members does not and Kafka&apos;s admin client
removeMembersFromConsumerGroup does; a KIP-848 consumer group&apos;s members too on
Kafka 4.0 and newer. The group rebalances without them. A removed consumer that
is still running joins again: a classic one at its next poll under a new member
id, a KIP-848 one at its next heartbeat under the same member id with a new
member epoch. Stop it first to keep it out. One row per member; the exit code
is 1 when any member was not removed. Refused on a read-only connection.</source>
        <translation>代表这些成员向组的协调者发送 LeaveGroup (v3)，
kafka-consumer-groups.sh --delete --members 不这样做，而 Kafka 管理客户端的
removeMembersFromConsumerGroup 这样做；在 Kafka 4.0 及更新版本上，KIP-848
consumer 组的成员也可移除。组会在没有它们的情况下重平衡。被移除但仍在运行的
消费者会重新加入：classic 消费者在下一次 poll 时以新的成员 id 加入，KIP-848
消费者在下一次心跳时以相同的成员 id 和新的成员 epoch 加入。要把它挡在外面，
请先停止它。每个成员一行；有任何成员未被移除时退出码为 1。在只读连接上会被拒绝。</translation>
    </message>
</context>
<context>
    <name>GroupsWatchCommand</name>
    <message>
        <source>prints a group&apos;s rebalances, joins, leaves and assignment changes as they happen</source>
        <translation>在组发生重平衡、加入、离开和分配变更时实时输出</translation>
    </message>
    <message>
        <source>Reads the group about every second, every 250 ms while it rebalances, and prints
one line per event: state_changed, member_joined, member_left, assignment_changed,
rebalance_started, rebalance_completed (with its duration, the partitions that
moved and the longest time a partition had no owner). --output json prints one
JSON object per line. Times are to within one read. A read that fails is a
warning on stderr and makes the exit code 3; a group that does not exist, 1.</source>
        <translation>大约每秒读取一次组，重平衡期间每 250 毫秒一次，每个事件
输出一行：state_changed、member_joined、member_left、assignment_changed、
rebalance_started、rebalance_completed（含其持续时间、移动的
分区，以及分区无归属的最长时间）。--output json 每行输出一个
JSON 对象。时间精确到一次读取之内。读取失败时在 stderr 上输出
warning，并使退出码为 3；组不存在时退出码为 1。</translation>
    </message>
    <message>
        <source>stop after this long (30s, 2m, 1h); default: until interrupted</source>
        <translation>在这么长时间后停止（30s、2m、1h）；默认：直到被中断</translation>
    </message>
    <message>
        <source>--for needs a duration, e.g. --for 30s</source>
        <translation>--for 需要一个时长，例如 --for 30s</translation>
    </message>
    <message>
        <source>the group id</source>
        <translation>组 id</translation>
    </message>
    <message>
        <source>groups watch needs a group id</source>
        <translation>groups watch 需要一个组 id</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>-%1</source>
        <translation>-%1</translation>
    </message>
    <message>
        <source>took %1 ms</source>
        <translation>用时 %1 毫秒</translation>
    </message>
    <message>
        <source>duration unknown</source>
        <translation>持续时间未知</translation>
    </message>
    <message>
        <source>partitions moved: %1</source>
        <translation>移动的分区：%1</translation>
    </message>
    <message>
        <source>longest without owner %1 ms</source>
        <translation>最长无归属 %1 毫秒</translation>
    </message>
    <message>
        <source>time without owner unknown</source>
        <translation>无归属时间未知</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>第 %1 代</translation>
    </message>
    <message>
        <source>groups watch prints text or JSON lines: use --output table or --output json</source>
        <translation>groups watch 输出文本或 JSON 行：请使用 --output table 或 --output json</translation>
    </message>
    <message>
        <source>groups watch watches one group; run it once per group</source>
        <translation>groups watch 只监视一个组；请对每个组各运行一次</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; does not exist.</source>
        <translation>Consumer group &apos;%1&apos; does not exist.</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; not read: %2</source>
        <translation>未读取组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>note: group &apos;%1&apos;: %2</source>
        <translation>note: 组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>warning: group &apos;%1&apos; not read at %2: %3</source>
        <translation>warning: 在 %2 未读取组 &apos;%1&apos;：%3</translation>
    </message>
    <message numerus="yes">
        <source>watching group &apos;%1&apos; (%2, %n member(s)); Ctrl-C stops</source>
        <translation>
            <numerusform>正在监视组 &apos;%1&apos;（%2，%n 个成员）；按 Ctrl-C 停止</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <source>%n part(s) of the history in %1 could not be read and were left out.</source>
        <translation>
            <numerusform>%1 中的历史有 %n 部分无法读取，已略去。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JavaClientProperties</name>
    <message>
        <source>sasl.jaas.config must start with a login module and a flag, e.g. org.apache.kafka.common.security.plain.PlainLoginModule required username=&quot;...&quot; password=&quot;...&quot;;</source>
        <translation>sasl.jaas.config 必须以登录模块和标志开头，例如 org.apache.kafka.common.security.plain.PlainLoginModule required username=&quot;...&quot; password=&quot;...&quot;;</translation>
    </message>
    <message>
        <source>sasl.jaas.config must end with a semicolon</source>
        <translation>sasl.jaas.config 必须以分号结尾</translation>
    </message>
    <message>
        <source>sasl.jaas.config may hold one login module only: Kafka clients use the first one</source>
        <translation>sasl.jaas.config 只能包含一个登录模块：Kafka 客户端只使用第一个</translation>
    </message>
    <message>
        <source>sasl.jaas.config: expected name=value at &quot;%1&quot;</source>
        <translation>sasl.jaas.config：在 &quot;%1&quot; 处应为 name=value</translation>
    </message>
    <message>
        <source>sasl.jaas.config: the value of %1 has no closing quote</source>
        <translation>sasl.jaas.config：%1 的值缺少闭合引号</translation>
    </message>
    <message>
        <source>sasl.jaas.config uses %1, which Cohort cannot translate: librdkafka takes PLAIN and SCRAM credentials as sasl.username and sasl.password (Kerberos: sasl.kerberos.*, OAUTHBEARER: sasl.oauthbearer.*)</source>
        <translation>sasl.jaas.config 使用了 %1，Cohort 无法转换：librdkafka 以 sasl.username 和 sasl.password 接收 PLAIN 和 SCRAM 凭据（Kerberos：sasl.kerberos.*，OAUTHBEARER：sasl.oauthbearer.*）</translation>
    </message>
    <message>
        <source>sasl.jaas.config has no username=&quot;...&quot; option</source>
        <translation>sasl.jaas.config 没有 username=&quot;...&quot; 选项</translation>
    </message>
    <message>
        <source>%1: librdkafka has no Java truststore; export the CA certificate as PEM (keytool -exportcert -rfc -keystore FILE -alias ALIAS) and give it as ssl.ca.location</source>
        <translation>%1：librdkafka 没有 Java 信任库；请将 CA 证书导出为 PEM（keytool -exportcert -rfc -keystore FILE -alias ALIAS），并作为 ssl.ca.location 给出</translation>
    </message>
    <message>
        <source>%1: librdkafka reads PKCS#12 keystores only; convert the JKS keystore with keytool -importkeystore -deststoretype PKCS12</source>
        <translation>%1：librdkafka 只读取 PKCS#12 密钥库；请用 keytool -importkeystore -deststoretype PKCS12 转换 JKS 密钥库</translation>
    </message>
</context>
<context>
    <name>KafkaErrorHints</name>
    <message>
        <source>The group still has active members: stop its consumers first (offsets can only be reset while the group is Empty).</source>
        <translation>该组仍有活跃成员：请先停止它的消费者（只有组处于 Empty 时才能重置位移）。</translation>
    </message>
    <message>
        <source>This topic or partition does not exist (any more): refresh and check the plan.</source>
        <translation>此主题或分区（已）不存在：请刷新并检查计划。</translation>
    </message>
    <message>
        <source>The group still has active members: stop its consumers first (only an Empty group can be deleted).</source>
        <translation>该组仍有活跃成员：请先停止它的消费者（只有 Empty 组才能删除）。</translation>
    </message>
    <message>
        <source>No group with this id exists (any more): refresh the list of groups.</source>
        <translation>（已）不存在此 id 的组：请刷新组列表。</translation>
    </message>
    <message>
        <source>The group&apos;s active members still subscribe to this topic: stop its consumers or change their subscription first.</source>
        <translation>该组的活跃成员仍订阅着此主题：请先停止它的消费者或更改其订阅。</translation>
    </message>
    <message>
        <source>Another member id now holds this group.instance.id (the static member restarted): refresh and remove it by its instance id alone.</source>
        <translation>另一个成员 id 现在持有此 group.instance.id（该静态成员已重启）：请刷新，并仅按其实例 id 移除它。</translation>
    </message>
    <message>
        <source>Removing members needs LeaveGroup v3 (Kafka 2.4 or newer).</source>
        <translation>移除成员需要 LeaveGroup v3（Kafka 2.4 或更新版本）。</translation>
    </message>
    <message>
        <source>The group&apos;s protocol type or assignor changed since the last refresh: refresh the group and try again.</source>
        <translation>自上次刷新以来，该组的协议类型或分配器已变化：请刷新该组后重试。</translation>
    </message>
    <message>
        <source>The group is at the broker&apos;s group.max.size: no temporary member can join to trigger a rebalance.</source>
        <translation>该组已达到 Broker 的 group.max.size：临时成员无法加入以触发重平衡。</translation>
    </message>
    <message>
        <source>The group rebalanced again while the temporary member was joining: refresh and check whether another trigger is needed.</source>
        <translation>临时成员加入期间该组又重平衡了：请刷新并检查是否还需要再触发一次。</translation>
    </message>
    <message>
        <source>The broker host name could not be resolved: check the bootstrap address for typos and your DNS.</source>
        <translation>无法解析 Broker 主机名：请检查 bootstrap 地址是否有拼写错误，以及 DNS。</translation>
    </message>
    <message>
        <source>Nothing listens at that address: check the bootstrap address and port, and that the brokers are running.</source>
        <translation>该地址上没有服务在监听：请检查 bootstrap 地址和端口，以及 Broker 是否在运行。</translation>
    </message>
    <message>
        <source>The broker closed the connection during the TLS handshake: this listener may not be TLS (security.protocol=PLAINTEXT or SASL_PLAINTEXT), or use the broker&apos;s TLS port.</source>
        <translation>Broker 在 TLS 握手期间关闭了连接：此监听器可能不是 TLS（security.protocol=PLAINTEXT 或 SASL_PLAINTEXT），或请使用 Broker 的 TLS 端口。</translation>
    </message>
    <message>
        <source>The broker closed the connection on a plaintext request: this listener may expect TLS (security.protocol=SSL or SASL_SSL), or use the broker&apos;s plaintext port.</source>
        <translation>Broker 在收到明文请求时关闭了连接：此监听器可能需要 TLS（security.protocol=SSL 或 SASL_SSL），或请使用 Broker 的明文端口。</translation>
    </message>
    <message>
        <source>Authentication failed: check the SASL mechanism, user name and password of this connection.</source>
        <translation>认证失败：请检查此连接的 SASL 机制、用户名和密码。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: check security.protocol (SSL/SASL_SSL), the CA file and the client certificate.</source>
        <translation>TLS 握手失败：请检查 security.protocol（SSL/SASL_SSL）、CA 文件和客户端证书。</translation>
    </message>
    <message>
        <source>The broker closed the connection: check that security.protocol (TLS, SASL) matches the listener at this address; a broker that restarted closes connections too.</source>
        <translation>Broker 关闭了连接：请检查 security.protocol（TLS、SASL）是否与此地址上的监听器匹配；Broker 重启时也会关闭连接。</translation>
    </message>
    <message>
        <source>The cluster is unreachable: check the bootstrap address and port, that the brokers are running, and any firewall or VPN in between.</source>
        <translation>集群不可达：请检查 bootstrap 地址和端口、Broker 是否在运行，以及中间的防火墙或 VPN。</translation>
    </message>
    <message>
        <source>The cluster did not answer in time: check that the address is a Kafka listener and that the network is up; a busy cluster may need a longer timeout.</source>
        <translation>集群没有及时应答：请检查该地址是否是 Kafka 监听器，以及网络是否正常；繁忙的集群可能需要更长的超时。</translation>
    </message>
    <message>
        <source>The group still has active members: stop its consumers (the group must be Empty) and try again.</source>
        <translation>该组仍有活跃成员：请停止它的消费者（组必须处于 Empty）后重试。</translation>
    </message>
    <message>
        <source>The group still has active members: stop its consumers first.</source>
        <translation>该组仍有活跃成员：请先停止它的消费者。</translation>
    </message>
    <message>
        <source>Another process joined with the same group.instance.id and took this static member&apos;s place.</source>
        <translation>另一个进程以相同的 group.instance.id 加入，取代了这个静态成员。</translation>
    </message>
    <message>
        <source>The group is rebalancing: wait until it is Stable and try again.</source>
        <translation>该组正在重平衡：请等它变为 Stable 后重试。</translation>
    </message>
    <message>
        <source>The broker is too old for this request: Cohort needs Kafka 2.4 or newer for it.</source>
        <translation>Broker 版本太旧，不支持此请求：Cohort 需要 Kafka 2.4 或更新版本。</translation>
    </message>
    <message>
        <source>This user is not allowed to do that: ask the cluster&apos;s administrators for the ACLs (Describe/Read on the group and topics).</source>
        <translation>此用户无权执行该操作：请向集群管理员申请 ACL（组和主题上的 Describe/Read）。</translation>
    </message>
    <message>
        <source>The group coordinator is moving or starting; the next refresh usually succeeds.</source>
        <translation>组协调者正在迁移或启动；下一次刷新通常会成功。</translation>
    </message>
    <message>
        <source>A connection property is not valid: check the extra librdkafka properties of this connection.</source>
        <translation>连接属性无效：请检查此连接的额外 librdkafka 属性。</translation>
    </message>
    <message>
        <source>This member is not in the group (any more): it left, or its session expired. Refresh the group. (Kafka before 4.0 says this too of a KIP-848 consumer group&apos;s member that uses the consumer protocol: only Kafka 4.0 and newer let an admin remove one.)</source>
        <translation>此成员（已）不在组中：它已离开，或其会话已过期。请刷新该组。（Kafka 4.0 之前对 KIP-848 consumer 组中使用 consumer 协议的成员也这样答复：只有 Kafka 4.0 及更新版本允许管理员移除这种成员。）</translation>
    </message>
</context>
<context>
    <name>KafkaReleaseEstimate</name>
    <message>
        <source>not known yet (read from the brokers&apos; API versions after the first refresh)</source>
        <translation>尚不可知（首次刷新后从 Broker 的 API 版本读取）</translation>
    </message>
    <message>
        <source>not recognised: the brokers&apos; API versions match no Apache Kafka release (another implementation, or unstable versions enabled)</source>
        <translation>无法识别：Broker 的 API 版本与任何 Apache Kafka 发行版都不匹配（其他实现，或启用了不稳定版本）</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>早于 %1</translation>
    </message>
    <message>
        <source>%1 or later</source>
        <translation>%1 或更高</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>%1 (the brokers differ)</source>
        <translation>%1（各 Broker 不同）</translation>
    </message>
</context>
<context>
    <name>KafkaWireClient</name>
    <message>
        <source>The broker sent a frame of %1 bytes, which is not a valid response; the connection was closed.</source>
        <translation>Broker 发送了一个 %1 字节的帧，这不是有效的响应；连接已关闭。</translation>
    </message>
    <message>
        <source>The broker answered correlation id %1 out of order; the connection was closed.</source>
        <translation>Broker 乱序应答了关联 id %1；连接已关闭。</translation>
    </message>
    <message>
        <source>The connection was closed before the broker answered.</source>
        <translation>Broker 应答之前连接已关闭。</translation>
    </message>
    <message>
        <source>Not connected to a broker.</source>
        <translation>未连接到 Broker。</translation>
    </message>
    <message>
        <source>No answer from the broker within %1 ms.</source>
        <translation>Broker 在 %1 毫秒内没有应答。</translation>
    </message>
</context>
<context>
    <name>KafkaWireConnection</name>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>not connected to a broker</source>
        <translation>未连接到 Broker</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 ms</source>
        <translation>%1 在 %2 毫秒内没有应答</translation>
    </message>
    <message>
        <source>the broker closed the connection: %1</source>
        <translation>Broker 关闭了连接：%1</translation>
    </message>
    <message>
        <source>the broker sent a response of impossible size %1</source>
        <translation>Broker 发送了大小不可能为 %1 的响应</translation>
    </message>
    <message>
        <source>the response from %1 was cut short</source>
        <translation>来自 %1 的响应被截断</translation>
    </message>
    <message>
        <source>the broker answered out of order</source>
        <translation>Broker 乱序应答</translation>
    </message>
    <message>
        <source>the broker sent a malformed response header</source>
        <translation>Broker 发送了格式错误的响应头</translation>
    </message>
    <message>
        <source>cannot connect to %1 with TLS: this build of Qt has no TLS support</source>
        <translation>无法通过 TLS 连接到 %1：此 Qt 构建不支持 TLS</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>no secret service (GNOME Keyring, KWallet, ...) is available</source>
        <translation>没有可用的密钥服务（GNOME Keyring、KWallet 等）</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>访问密钥环被拒绝</translation>
    </message>
    <message>
        <source>the secret service could not be used</source>
        <translation>无法使用密钥服务</translation>
    </message>
    <message>
        <source>Passwords are kept in the system keychain</source>
        <translation>密码保存在系统密钥环中</translation>
    </message>
</context>
<context>
    <name>LagAlertRules</name>
    <message>
        <source>Consumer group %1: %2</source>
        <translation>消费者组 %1：%2</translation>
    </message>
    <message>
        <source>The group is not keeping up.</source>
        <translation>该组的消费跟不上。</translation>
    </message>
    <message>
        <source>Consumer group %1: records at risk of retention</source>
        <translation>消费者组 %1：记录面临被保留策略删除的风险</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were deleted by retention before the group read them.</source>
        <translation>
            <numerusform>有 %n 条记录在该组读取之前已被保留策略删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>The lag spans %1% of the topic&apos;s retention.</source>
        <translation>积压已占主题保留时长的 %1%。</translation>
    </message>
    <message>
        <source>Unread records are deleted in about %1.</source>
        <translation>未读记录约 %1 后会被删除。</translation>
    </message>
</context>
<context>
    <name>LagAssessor</name>
    <message>
        <source>no committed offset</source>
        <translation>无已提交位移</translation>
    </message>
    <message>
        <source>end offset not read</source>
        <translation>未读取末端位移</translation>
    </message>
    <message>
        <source>the record at offset %1 could not be read: %2</source>
        <translation>无法读取位移 %1 处的记录：%2</translation>
    </message>
    <message>
        <source>reading the timestamp of the record at offset %1</source>
        <translation>正在读取位移 %1 处记录的时间戳</translation>
    </message>
    <message>
        <source>%1: no commit for %2 while %3 behind</source>
        <translation>%1：落后 %3 期间 %2 内没有提交</translation>
    </message>
    <message>
        <source>%1: committed offset stuck at %2 for %3 while %4 behind</source>
        <translation>%1：落后 %4 期间已提交位移在 %2 停滞了 %3</translation>
    </message>
    <message>
        <source>%1: committed offset went back from %2 to %3, %4 behind</source>
        <translation>%1：已提交位移从 %2 回退到 %3，落后 %4</translation>
    </message>
    <message>
        <source>%1: lag grew from %2 to %3 in %4</source>
        <translation>%1：积压在 %4 内从 %2 增长到 %3</translation>
    </message>
    <message>
        <source>%1: lag unknown</source>
        <translation>%1：积压未知</translation>
    </message>
    <message>
        <source>%1: caught up</source>
        <translation>%1：已追平</translation>
    </message>
    <message>
        <source>%1: %2 behind, not catching up</source>
        <translation>%1：落后 %2，追不上</translation>
    </message>
    <message>
        <source>%1: %2 behind, caught up in about %3</source>
        <translation>%1：落后 %2，约 %3 后追平</translation>
    </message>
    <message>
        <source>%1: %2 behind</source>
        <translation>%1：落后 %2</translation>
    </message>
    <message numerus="yes">
        <source>; %n record(s) deleted by retention before they were read</source>
        <translation>
            <numerusform>；有 %n 条记录在被读取前已被保留策略删除</numerusform>
        </translation>
    </message>
    <message>
        <source>no committed offsets</source>
        <translation>无已提交位移</translation>
    </message>
    <message>
        <source>lag unknown</source>
        <translation>积压未知</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>已追平</translation>
    </message>
    <message>
        <source>%1 behind, caught up in about %2</source>
        <translation>落后 %1，约 %2 后追平</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>落后 %1</translation>
    </message>
</context>
<context>
    <name>LagChart</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>LeaveGroupAsAdmin</name>
    <message>
        <source>the coordinator did not answer for this member</source>
        <translation>协调者没有对此成员作出应答</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>Passwords are kept in memory only, until Cohort exits</source>
        <translation>密码只保存在内存中，直到 Cohort 退出</translation>
    </message>
</context>
<context>
    <name>MissingPart</name>
    <message>
        <source>a broker</source>
        <translation>某个 Broker</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>broker %1 (%2)</source>
        <translation>Broker %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not list its groups: %2; %n group(s) shown as last read</source>
        <translation>
            <numerusform>%1 未列出其组：%2；%n 个组显示为上次读取的结果</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 did not list its groups: %2; the groups it coordinates are missing</source>
        <translation>%1 未列出其组：%2；它协调的组缺失</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; not described: %2</source>
        <translation>未描述组 &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>committed offsets of group &quot;%1&quot; not read: %2</source>
        <translation>未读取组 &quot;%1&quot; 的已提交位移：%2</translation>
    </message>
    <message numerus="yes">
        <source>end offsets of %n partition(s) with no known leader not read: %1</source>
        <translation>
            <numerusform>未读取 %n 个没有已知 leader 的分区的末端位移：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>end offsets of %n partition(s) led by %1 not read: %2</source>
        <translation>
            <numerusform>未读取由 %1 领导的 %n 个分区的末端位移：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>no broker gave the cluster&apos;s metadata (brokers and partitions as last read): %1</source>
        <translation>没有 Broker 提供集群的元数据（Broker 和分区为上次读取的结果）：%1</translation>
    </message>
</context>
<context>
    <name>MissingPartsSummary</name>
    <message>
        <source>A broker</source>
        <translation>某个 Broker</translation>
    </message>
    <message>
        <source>a broker</source>
        <translation>某个 Broker</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>Broker %1 (%2)</source>
        <translation>Broker %1（%2）</translation>
    </message>
    <message>
        <source>broker %1 (%2)</source>
        <translation>Broker %1（%2）</translation>
    </message>
    <message>
        <source> for %1</source>
        <translation>（已持续 %1）</translation>
    </message>
    <message>
        <source>%1 slow</source>
        <translation>%1 缓慢</translation>
    </message>
    <message>
        <source>%1 failing (%2)</source>
        <translation>%1 失败（%2）</translation>
    </message>
    <message>
        <source>%1: 1 group not refreshed%2</source>
        <translation>%1：1 个组未刷新%2</translation>
    </message>
    <message>
        <source>%1: %2 groups not refreshed%3</source>
        <translation>%1：%2 个组未刷新%3</translation>
    </message>
    <message>
        <source>%1: its groups not listed%2</source>
        <translation>%1：未列出其组%2</translation>
    </message>
    <message>
        <source>End offsets of 1 partition led by %1</source>
        <translation>由 %1 领导的 1 个分区的末端位移</translation>
    </message>
    <message>
        <source>End offsets of %1 partitions led by %2</source>
        <translation>由 %2 领导的 %1 个分区的末端位移</translation>
    </message>
    <message>
        <source>%1 not read%2: %3</source>
        <translation>%1 未读取%2：%3</translation>
    </message>
    <message>
        <source>Group &quot;%1&quot; not described%2: %3</source>
        <translation>未描述组 &quot;%1&quot;%2：%3</translation>
    </message>
    <message>
        <source>%1 groups not described%2: %3</source>
        <translation>%1 个组未描述%2：%3</translation>
    </message>
    <message>
        <source>Committed offsets of group &quot;%1&quot; not read%2: %3</source>
        <translation>未读取组 &quot;%1&quot; 的已提交位移%2：%3</translation>
    </message>
    <message>
        <source>Committed offsets of %1 groups not read%2: %3</source>
        <translation>未读取 %1 个组的已提交位移%2：%3</translation>
    </message>
    <message>
        <source>No broker gave the cluster&apos;s metadata%1: %2; brokers and partitions as last read</source>
        <translation>没有 Broker 提供集群的元数据%1：%2；Broker 和分区为上次读取的结果</translation>
    </message>
</context>
<context>
    <name>OffsetFetchCodec</name>
    <message>
        <source>malformed OffsetFetch response for group %1</source>
        <translation>组 %1 的 OffsetFetch 响应格式错误</translation>
    </message>
    <message>
        <source>OffsetFetch for group %1</source>
        <translation>组 %1 的 OffsetFetch</translation>
    </message>
</context>
<context>
    <name>OffsetsCsv</name>
    <message>
        <source>a quote is not closed</source>
        <translation>引号未闭合</translation>
    </message>
    <message>
        <source>expected 3 columns (topic,partition,offset) or 4 (group,topic,partition,offset), found %1</source>
        <translation>应为 3 列（topic,partition,offset）或 4 列（group,topic,partition,offset），实际为 %1 列</translation>
    </message>
    <message numerus="yes">
        <source>three columns (topic,partition,offset) belong to one group, but %n group(s) are selected: use four columns (group,topic,partition,offset)</source>
        <translation>
            <numerusform>三列（topic,partition,offset）只适用于一个组，但选中了 %n 个组：请使用四列（group,topic,partition,offset）</numerusform>
        </translation>
    </message>
    <message>
        <source>expected %1 columns as on line %2, found %3</source>
        <translation>应与第 %2 行一样为 %1 列，实际为 %3 列</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is not one of the groups being reset (%2)</source>
        <translation>组 &apos;%1&apos; 不是正在重置的组之一（%2）</translation>
    </message>
    <message>
        <source>the topic is empty</source>
        <translation>主题为空</translation>
    </message>
    <message>
        <source>partition &apos;%1&apos; is not a number</source>
        <translation>分区 &apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>partition %1 is negative</source>
        <translation>分区 %1 是负数</translation>
    </message>
    <message>
        <source>offset &apos;%1&apos; is not a number</source>
        <translation>位移 &apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>offset %1 is negative</source>
        <translation>位移 %1 是负数</translation>
    </message>
    <message>
        <source>topic &apos;%1&apos; does not exist</source>
        <translation>主题 &apos;%1&apos; 不存在</translation>
    </message>
    <message numerus="yes">
        <source>topic &apos;%1&apos; has no partition %2 (it has %n partition(s))</source>
        <translation>
            <numerusform>主题 &apos;%1&apos; 没有分区 %2（它有 %n 个分区）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1-%2 of group &apos;%3&apos; is already on line %4</source>
        <translation>组 &apos;%3&apos; 的 %1-%2 已在第 %4 行出现</translation>
    </message>
    <message>
        <source>the file lists no offsets</source>
        <translation>文件中没有位移</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>OffsetsDeleteCommand</name>
    <message>
        <source>delete a group&apos;s committed offsets of topics (kafka-consumer-groups.sh --delete-offsets)</source>
        <translation>删除组在若干主题上的已提交位移（kafka-consumer-groups.sh --delete-offsets）</translation>
    </message>
    <message>
        <source>Kafka refuses the topics the group&apos;s active members subscribe to
(GROUP_SUBSCRIBED_TO_TOPIC); each partition&apos;s status is printed. Exit code 1 when
any partition was refused.</source>
        <translation>Kafka 会拒绝组的活跃成员所订阅的主题
（GROUP_SUBSCRIBED_TO_TOPIC）；输出每个分区的状态。有任何分区
被拒绝时退出码为 1。</translation>
    </message>
    <message>
        <source>the group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>--group needs a group id</source>
        <translation>--group 需要一个组 id</translation>
    </message>
    <message>
        <source>a topic whose offsets go (repeat for several)</source>
        <translation>要删除其位移的主题（可重复给出多个）</translation>
    </message>
    <message>
        <source>--topic needs a topic name</source>
        <translation>--topic 需要一个主题名</translation>
    </message>
    <message>
        <source>offsets delete needs --group and at least one --topic</source>
        <translation>offsets delete 需要 --group 和至少一个 --topic</translation>
    </message>
    <message>
        <source>the offsets of group &apos;%1&apos; were not deleted: %2</source>
        <translation>组 &apos;%1&apos; 的位移未被删除：%2</translation>
    </message>
    <message>
        <source>Request failed for deleting offsets from group %1.</source>
        <translation>Request failed for deleting offsets from group %1.</translation>
    </message>
    <message>
        <source>Request succeeded for deleting offsets from group %1.</source>
        <translation>Request succeeded for deleting offsets from group %1.</translation>
    </message>
    <message>
        <source>%1-%2: %3</source>
        <translation>%1-%2：%3</translation>
    </message>
</context>
<context>
    <name>OffsetsExportCommand</name>
    <message>
        <source>the groups&apos; committed offsets as a kafka-consumer-groups.sh CSV</source>
        <translation>以 kafka-consumer-groups.sh CSV 格式导出组的已提交位移</translation>
    </message>
    <message>
        <source>topic,partition,offset for one group, group,topic,partition,offset for several, no
header: what offsets reset --from-file and kafka-consumer-groups.sh --from-file read.</source>
        <translation>一个组为 topic,partition,offset，多个组为 group,topic,partition,offset，无
表头：即 offsets reset --from-file 和 kafka-consumer-groups.sh --from-file 读取的格式。</translation>
    </message>
    <message>
        <source>a group to export (repeat for several)</source>
        <translation>要导出的组（可重复给出多个）</translation>
    </message>
    <message>
        <source>--group needs a group id</source>
        <translation>--group 需要一个组 id</translation>
    </message>
    <message>
        <source>offsets export needs --group</source>
        <translation>offsets export 需要 --group</translation>
    </message>
    <message>
        <source>the offsets of group &apos;%1&apos; could not be read: %2</source>
        <translation>无法读取组 &apos;%1&apos; 的位移：%2</translation>
    </message>
</context>
<context>
    <name>OffsetsHistoryCommand</name>
    <message>
        <source>the resets backed up on this machine, newest first</source>
        <translation>本机上备份的重置，最新的在前</translation>
    </message>
    <message>
        <source>Each row is one reset: when, which groups, how, on which connection, and the CSV of
the offsets it replaced (kafka-consumer-groups.sh --from-file takes it too).</source>
        <translation>每行是一次重置：时间、哪些组、方式、在哪个连接上，以及它所替换的
位移的 CSV（kafka-consumer-groups.sh --from-file 也能读取）。</translation>
    </message>
    <message>
        <source>only the resets of this group</source>
        <translation>只列出此组的重置</translation>
    </message>
    <message>
        <source>--group needs a group id</source>
        <translation>--group 需要一个组 id</translation>
    </message>
</context>
<context>
    <name>OffsetsResetCommand</name>
    <message>
        <source>plan a reset of the groups&apos; offsets (kafka-consumer-groups.sh --reset-offsets); --execute applies it</source>
        <translation>规划组位移的重置（kafka-consumer-groups.sh --reset-offsets）；--execute 执行它</translation>
    </message>
    <message>
        <source>a group to reset (repeat for several)</source>
        <translation>要重置的组（可重复给出多个）</translation>
    </message>
    <message>
        <source>--group needs a group id</source>
        <translation>--group 需要一个组 id</translation>
    </message>
    <message>
        <source>every partition the group has offsets for</source>
        <translation>组有位移的每个分区</translation>
    </message>
    <message>
        <source>a topic (every partition, or the ones listed); repeat for several; may have no offsets yet</source>
        <translation>一个主题（全部分区，或列出的分区）；可重复给出多个；可以尚无位移</translation>
    </message>
    <message>
        <source>--topic needs a topic name</source>
        <translation>--topic 需要一个主题名</translation>
    </message>
    <message>
        <source>to the log start offset</source>
        <translation>到日志起始位移</translation>
    </message>
    <message>
        <source>to the log end offset</source>
        <translation>到日志末端位移</translation>
    </message>
    <message>
        <source>to the committed offset again (the log end where none)</source>
        <translation>再次到已提交位移（没有时到日志末端）</translation>
    </message>
    <message>
        <source>to the first offset at or after this time</source>
        <translation>到该时间点及之后的第一个位移</translation>
    </message>
    <message>
        <source>to the first offset at or after this long ago</source>
        <translation>到这么久以前及之后的第一个位移</translation>
    </message>
    <message>
        <source>by N from the committed offset (negative: back)</source>
        <translation>从已提交位移移动 N（负数：向后）</translation>
    </message>
    <message>
        <source>to this offset</source>
        <translation>到此位移</translation>
    </message>
    <message>
        <source>to the offsets of a kafka-consumer-groups.sh CSV</source>
        <translation>到 kafka-consumer-groups.sh CSV 中的位移</translation>
    </message>
    <message>
        <source>to another group&apos;s committed offsets</source>
        <translation>到另一个组的已提交位移</translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 需要一个值</translation>
    </message>
    <message>
        <source>apply the plan (after the guard and a backup)</source>
        <translation>执行计划（在检查和备份之后）</translation>
    </message>
    <message>
        <source>only print the plan (the default)</source>
        <translation>只输出计划（默认）</translation>
    </message>
    <message>
        <source>offsets reset needs --group</source>
        <translation>offsets reset 需要 --group</translation>
    </message>
    <message>
        <source>--execute and --dry-run exclude each other</source>
        <translation>--execute 和 --dry-run 互斥</translation>
    </message>
    <message>
        <source>offsets reset needs exactly one of --to-earliest, --to-latest, --to-current, --to-datetime, --by-duration, --shift-by, --to-offset, --from-file, --from-group</source>
        <translation>offsets reset 需要以下恰好一个：--to-earliest、--to-latest、--to-current、--to-datetime、--by-duration、--shift-by、--to-offset、--from-file、--from-group</translation>
    </message>
    <message>
        <source>--all-topics and --topic exclude each other</source>
        <translation>--all-topics 和 --topic 互斥</translation>
    </message>
    <message>
        <source>offsets reset needs a scope: --all-topics or --topic</source>
        <translation>offsets reset 需要范围：--all-topics 或 --topic</translation>
    </message>
    <message>
        <source>--from-group names a group being reset</source>
        <translation>--from-group 指定的是一个正在重置的组</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: nothing was applied:
%2</source>
        <translation>%1：未执行任何操作：
%2</translation>
    </message>
    <message>
        <source>--%1: %2; nothing was written</source>
        <translation>--%1：%2；未写入任何内容</translation>
    </message>
    <message>
        <source>A dry run unless --execute is given, as kafka-consumer-groups.sh: the columns are its
GROUP TOPIC PARTITION NEW-OFFSET, then CURRENT-OFFSET. Exactly one scenario; a scope
(--all-topics or --topic) unless the offsets come from --from-file or --from-group.
Targets outside [log start, log end] are moved to the nearer end (a warning says so).
--to-datetime takes yyyy-MM-ddTHH:mm:ss.SSS with an optional zone (Z, +02:00); without
one the time is UTC, as kafka-consumer-groups.sh reads it. --by-duration takes PnDTnHnMnS
or &quot;2h 30m&quot;. --execute writes only while every group is Empty; it first saves the
previous offsets (kcg CSV, see offsets history; offsets undo restores them), then reads
the offsets back. --execute --wait instead waits until every group is Empty (their
states and members said on stderr), then applies; nothing is written if the wait ends
first. --output csv prints kafka-consumer-groups.sh&apos;s --export CSV.
Exit codes: 0 done, 1 refused (active members, read-only connection, bad input such
as a value that does not parse: nothing written) or not applied as planned, 2 bad
usage (options missing or that exclude each other).</source>
        <translation>除非给出 --execute，否则为试运行（与 kafka-consumer-groups.sh 相同）：列为 GROUP TOPIC PARTITION NEW-OFFSET，然后是 CURRENT-OFFSET。只能有一种方案；除非位移来自 --from-file 或 --from-group，否则需要范围（--all-topics 或 --topic）。超出 [日志起点, 日志终点] 的目标会移到较近的一端（会有警告）。--to-datetime 接受 yyyy-MM-ddTHH:mm:ss.SSS，可带时区（Z、+02:00）；不带时区按 UTC。--by-duration 接受 PnDTnHnMnS 或 &quot;2h 30m&quot;。--execute 仅在每个消费者组都为 Empty 时写入；它先保存之前的位移（kcg CSV，见 offsets history；offsets undo 可恢复），然后读回位移。--execute --wait 则等到每个消费者组都为 Empty（在 stderr 上说明其状态和成员）后再应用；若等待先结束则不写入任何内容。--output csv 输出 kafka-consumer-groups.sh 的 --export CSV。
退出码：0 完成，1 被拒绝（活跃成员、只读连接、无法解析的值等错误输入：未写入任何内容）或未按计划应用，2 用法错误（缺少选项或选项互斥）。</translation>
    </message>
    <message>
        <source>--wait needs --execute (a dry run writes nothing to wait for)</source>
        <translation>--wait 需要 --execute（试运行不写入任何内容，无需等待）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number: give one such as -100 or 50</source>
        <translation>&apos;%1&apos; 不是整数：请给出如 -100 或 50 的整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an offset: give a whole number, 0 or more</source>
        <translation>&apos;%1&apos; 不是位移：请给出 0 或更大的整数</translation>
    </message>
</context>
<context>
    <name>OffsetsUndoCommand</name>
    <message>
        <source>plan the restore of the offsets the group&apos;s last reset replaced; --execute applies it</source>
        <translation>规划恢复该组上次重置所替换的位移；--execute 执行它</translation>
    </message>
    <message>
        <source>the group whose last reset to undo</source>
        <translation>要撤销其上次重置的组</translation>
    </message>
    <message>
        <source>--group needs a group id</source>
        <translation>--group 需要一个组 id</translation>
    </message>
    <message>
        <source>apply the restore (after the guard and a backup)</source>
        <translation>执行恢复（在检查和备份之后）</translation>
    </message>
    <message>
        <source>offsets undo needs --group</source>
        <translation>offsets undo 需要 --group</translation>
    </message>
    <message>
        <source>Reads the last backup of the group (offsets history lists them) and plans it as
offsets reset --from-file would, through the same guard and a backup of its own.
Partitions that had no offset before that reset get none again: their offsets are
deleted (NEW-OFFSET -, in JSON new_offset null and delete true), and read back as gone.
--wait waits until the group is Empty before applying, as offsets reset --wait does.</source>
        <translation>读取该消费者组的上一次备份（offsets history 列出它们），并像 offsets reset --from-file 一样规划，经过同样的保护并有自己的备份。
那次重置之前没有位移的分区将再次没有位移：其位移被删除（NEW-OFFSET -，JSON 中 new_offset 为 null 且 delete 为 true），并读回确认已删除。
--wait 在应用前等待消费者组为 Empty，与 offsets reset --wait 相同。</translation>
    </message>
    <message>
        <source>--wait needs --execute (a dry run writes nothing to wait for)</source>
        <translation>--wait 需要 --execute（试运行不写入任何内容，无需等待）</translation>
    </message>
</context>
<context>
    <name>RdKafkaClusterAdmin</name>
    <message>
        <source>librdkafka answered for %1 groups, not one</source>
        <translation>librdkafka 返回了 %1 个组，而不是一个</translation>
    </message>
    <message>
        <source>malformed DescribeGroups response for group %1</source>
        <translation>组 %1 的 DescribeGroups 响应格式错误</translation>
    </message>
    <message>
        <source>DescribeGroups for group %1</source>
        <translation>组 %1 的 DescribeGroups</translation>
    </message>
    <message>
        <source>malformed %1 response for group %2</source>
        <translation>组 %2 的 %1 响应格式错误</translation>
    </message>
    <message>
        <source>%1 for group %2</source>
        <translation>组 %2 的 %1</translation>
    </message>
    <message>
        <source>Group %1 has no active members (%2): there is nothing to rebalance.</source>
        <translation>组 %1 没有活跃成员（%2）：没有什么可重平衡的。</translation>
    </message>
    <message>
        <source>A rebalance only moves partitions between running members: start the group&apos;s consumers first.</source>
        <translation>重平衡只会在运行中的成员之间移动分区：请先启动该组的消费者。</translation>
    </message>
    <message>
        <source>no usable bootstrap server in %1</source>
        <translation>%1 中没有可用的 bootstrap 服务器</translation>
    </message>
    <message>
        <source>The temporary member was not through the rebalance of group %1 within %2 ms.</source>
        <translation>临时成员未能在 %2 毫秒内完成组 %1 的重平衡。</translation>
    </message>
    <message>
        <source>The group is rebalancing, but not every member rejoined in time (a consumer busy in a long poll rejoins only at its next poll); it left again.</source>
        <translation>该组正在重平衡，但并非每个成员都及时重新加入（忙于长时间 poll 的消费者要到下一次 poll 才会重新加入）；临时成员已再次离开。</translation>
    </message>
    <message>
        <source>Removing members</source>
        <translation>正在移除成员</translation>
    </message>
    <message>
        <source>Triggering a rebalance</source>
        <translation>正在触发重平衡</translation>
    </message>
    <message>
        <source>Removing members or triggering a rebalance</source>
        <translation>正在移除成员或触发重平衡</translation>
    </message>
    <message>
        <source>%1 needs Cohort&apos;s own connections to the brokers, which speak PLAINTEXT or SSL, with SASL only as PLAIN or SCRAM.</source>
        <translation>%1 需要 Cohort 自己与 Broker 的连接，这些连接支持 PLAINTEXT 或 SSL，SASL 仅支持 PLAIN 或 SCRAM。</translation>
    </message>
    <message>
        <source>librdkafka 2.0.2 cannot do this: connect with SASL PLAIN or SCRAM (or none) instead of GSSAPI or OAUTHBEARER, or use kafka-consumer-groups.sh.</source>
        <translation>librdkafka 2.0.2 无法执行此操作：请改用 SASL PLAIN 或 SCRAM（或不使用 SASL）连接，而不是 GSSAPI 或 OAUTHBEARER，或使用 kafka-consumer-groups.sh。</translation>
    </message>
</context>
<context>
    <name>RdKafkaClusterClient</name>
    <message>
        <source>not read before the deadline</source>
        <translation>未在期限前读取</translation>
    </message>
    <message>
        <source>the record has no timestamp (message format v0)</source>
        <translation>该记录没有时间戳（消息格式 v0）</translation>
    </message>
</context>
<context>
    <name>RebalanceSighting</name>
    <message>
        <source>Seen between two refreshes: group epoch %1 → %2</source>
        <translation>在两次刷新之间发现：组纪元 %1 → %2</translation>
    </message>
    <message>
        <source>Seen between two refreshes: generation %1 → %2</source>
        <translation>在两次刷新之间发现：代 %1 → %2</translation>
    </message>
    <message>
        <source>Seen between two refreshes: %1 → %2 members</source>
        <translation>在两次刷新之间发现：成员 %1 → %2 个</translation>
    </message>
    <message numerus="yes">
        <source>Seen between two refreshes: other members, %n in all</source>
        <translation>
            <numerusform>在两次刷新之间发现：成员已更换，共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Seen between two refreshes: the group was not at rest</source>
        <translation>在两次刷新之间发现：组当时不处于稳定状态</translation>
    </message>
</context>
<context>
    <name>RefreshProgressText</name>
    <message>
        <source>Refreshing</source>
        <translation>正在刷新</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 and 1 more</source>
        <translation>%1 等 2 项</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等 %2 项</translation>
    </message>
    <message>
        <source>%1 — waiting for %2, %3</source>
        <translation>%1 — 正在等待 %2，%3</translation>
    </message>
    <message>
        <source>%1; cancelling</source>
        <translation>%1；正在取消</translation>
    </message>
    <message>
        <source>%1; gives up in %2</source>
        <translation>%1；%2 后放弃</translation>
    </message>
</context>
<context>
    <name>ResetBackupStore</name>
    <message>
        <source>cannot make the directory %1 for the reset&apos;s backup</source>
        <translation>无法为重置的备份创建目录 %1</translation>
    </message>
</context>
<context>
    <name>ResetExecutor</name>
    <message>
        <source>Nothing was written: correct the reset and plan it again.</source>
        <translation>未写入任何内容：请修正重置后重新规划。</translation>
    </message>
    <message>
        <source>no group to reset</source>
        <translation>没有要重置的组</translation>
    </message>
    <message>
        <source>group &apos;%1&apos;: %2</source>
        <translation>组 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; has no committed offsets to copy</source>
        <translation>组 &apos;%1&apos; 没有可复制的已提交位移</translation>
    </message>
    <message>
        <source>the file has no offsets for group &apos;%1&apos;</source>
        <translation>文件中没有组 &apos;%1&apos; 的位移</translation>
    </message>
    <message>
        <source>%1 does not exist on this cluster</source>
        <translation>此集群上不存在 %1</translation>
    </message>
    <message>
        <source>the group has no committed offsets (name the topics to reset with --topic)</source>
        <translation>该组没有已提交位移（请用 --topic 指定要重置的主题）</translation>
    </message>
    <message>
        <source>no partition to reset</source>
        <translation>没有要重置的分区</translation>
    </message>
    <message>
        <source>the group has active members (%1)</source>
        <translation>该组有活跃成员（%1）</translation>
    </message>
    <message>
        <source>Nothing was written to the cluster: make the backup directory writable and reset again.</source>
        <translation>未向集群写入任何内容：请使备份目录可写后重新重置。</translation>
    </message>
    <message>
        <source>The wait was abandoned.</source>
        <translation>已放弃等待。</translation>
    </message>
    <message>
        <source>there is no backup of a reset of group &apos;%1&apos; in %2</source>
        <translation>%2 中没有组 &apos;%1&apos; 的重置备份</translation>
    </message>
    <message>
        <source>Another wait started.</source>
        <translation>已开始另一个等待。</translation>
    </message>
    <message>
        <source>Stopped waiting for the group to be Empty; nothing was written.</source>
        <translation>已停止等待组变为 Empty；未写入任何内容。</translation>
    </message>
    <message>
        <source>the last reset of group &apos;%1&apos; (%2) backed up no partition of it: there is nothing to restore</source>
        <translation>消费者组 &apos;%1&apos; 的上一次重置（%2）没有备份它的任何分区：没有可恢复的内容</translation>
    </message>
</context>
<context>
    <name>ResetGuard</name>
    <message>
        <source>no members listed</source>
        <translation>未列出成员</translation>
    </message>
    <message>
        <source>its members cannot be listed by Cohort (%1 group)</source>
        <translation>Cohort 无法列出其成员（%1 组）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>group &apos;%1&apos; is %2 with %n active member(s): %3</source>
        <translation>
            <numerusform>组 &apos;%1&apos; 处于 %2，有 %n 个活跃成员：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Offsets can only be reset while a group is Empty; nothing was written. %1</source>
        <translation>只有组处于 Empty 时才能重置位移；未写入任何内容。%1</translation>
    </message>
    <message>
        <source>Stop the group&apos;s consumers (or wait until the group is Empty) and reset again.</source>
        <translation>请停止该组的消费者（或等待组变为 Empty）后重新重置。</translation>
    </message>
</context>
<context>
    <name>ResetPlanner</name>
    <message>
        <source>%1: its log start and end offsets could not be read (is its leader down?)</source>
        <translation>%1：无法读取其日志起始位移和末端位移（它的 leader 宕机了吗？）</translation>
    </message>
    <message>
        <source>%1: the offset for the time could not be read</source>
        <translation>%1：无法读取该时间点的位移</translation>
    </message>
    <message>
        <source>%1: cannot shift, the group has no committed offset there (choose another strategy for it)</source>
        <translation>%1：无法移动，该组在那里没有已提交位移（请为它选择其他策略）</translation>
    </message>
    <message>
        <source>%1: no offset to copy for it</source>
        <translation>%1：没有可为它复制的位移</translation>
    </message>
</context>
<context>
    <name>ResetScope</name>
    <message>
        <source>invalid topic &apos;%1&apos;: expected TOPIC or TOPIC:PARTITION,PARTITION...</source>
        <translation>无效的主题 &apos;%1&apos;：应为 TOPIC 或 TOPIC:PARTITION,PARTITION...</translation>
    </message>
    <message>
        <source>invalid partition &apos;%1&apos; in &apos;%2&apos;: partitions are whole numbers from 0</source>
        <translation>&apos;%2&apos; 中的分区 &apos;%1&apos; 无效：分区是从 0 开始的整数</translation>
    </message>
    <message>
        <source>topic &apos;%1&apos; does not exist</source>
        <translation>主题 &apos;%1&apos; 不存在</translation>
    </message>
    <message numerus="yes">
        <source>topic &apos;%1&apos; has no partition %2 (it has %n partition(s))</source>
        <translation>
            <numerusform>主题 &apos;%1&apos; 没有分区 %2（它有 %n 个分区）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetTimeParser</name>
    <message>
        <source>expected an ISO 8601 date-time such as 2026-03-29T14:30:00.000 or 2026-03-29T14:30:00.000+02:00</source>
        <translation>应为 ISO 8601 日期时间，例如 2026-03-29T14:30:00.000 或 2026-03-29T14:30:00.000+02:00</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date-time: %2</source>
        <translation>&apos;%1&apos; 不是日期时间：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid date or time of day: %2</source>
        <translation>&apos;%1&apos; 不是有效的日期或时刻：%2</translation>
    </message>
    <message>
        <source>%1 does not exist in %2 (the clocks skip it): give the offset from UTC, e.g. %1+01:00</source>
        <translation>%1 在 %2 中不存在（时钟跳过了它）：请给出相对 UTC 的偏移，例如 %1+01:00</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no valid offset from UTC: %2</source>
        <translation>&apos;%1&apos; 没有有效的 UTC 偏移：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: expected ISO 8601 such as PT2H30M or P1DT12H (as kafka-consumer-groups.sh takes), or parts such as &quot;2h 30m&quot;</source>
        <translation>&apos;%1&apos; 不是时长：应为 ISO 8601 格式，例如 PT2H30M 或 P1DT12H（与 kafka-consumer-groups.sh 相同），或 &quot;2h 30m&quot; 这样的写法</translation>
    </message>
</context>
<context>
    <name>SaslLogin</name>
    <message>
        <source>Authentication failed: wrong user or password for %1 (user &quot;%2&quot;; Kafka says: %3)</source>
        <translation>认证失败：%1 的用户名或密码错误（用户“%2”；Kafka 的回答：%3）</translation>
    </message>
    <message>
        <source>SASL authentication failed: %1</source>
        <translation>SASL 认证失败：%1</translation>
    </message>
    <message>
        <source>the broker sent a malformed SaslHandshake response</source>
        <translation>Broker 发送了格式错误的 SaslHandshake 响应</translation>
    </message>
    <message>
        <source>the broker does not offer SASL mechanism %1 (%2; it offers %3)</source>
        <translation>Broker 未提供 SASL 机制 %1（%2；它提供的是 %3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the broker sent a malformed SaslAuthenticate response</source>
        <translation>Broker 发送了格式错误的 SaslAuthenticate 响应</translation>
    </message>
    <message>
        <source>the SASL login has already ended</source>
        <translation>SASL 登录已经结束</translation>
    </message>
</context>
<context>
    <name>SaslPlainAuth</name>
    <message>
        <source>the broker sent a malformed SaslHandshake response</source>
        <translation>Broker 发送了格式错误的 SaslHandshake 响应</translation>
    </message>
    <message>
        <source>the broker does not offer SASL mechanism PLAIN (%1)</source>
        <translation>Broker 不提供 SASL 机制 PLAIN（%1）</translation>
    </message>
    <message>
        <source>the broker sent a malformed SaslAuthenticate response</source>
        <translation>Broker 发送了格式错误的 SaslAuthenticate 响应</translation>
    </message>
    <message>
        <source>SASL authentication failed: %1</source>
        <translation>SASL 认证失败：%1</translation>
    </message>
</context>
<context>
    <name>SaslScramAuth</name>
    <message>
        <source>the broker refused the SCRAM exchange: %1</source>
        <translation>Broker 拒绝了 SCRAM 交换：%1</translation>
    </message>
    <message>
        <source>the broker&apos;s SCRAM nonce does not extend Cohort&apos;s</source>
        <translation>Broker 的 SCRAM 随机数没有以 Cohort 的随机数开头</translation>
    </message>
    <message>
        <source>the broker&apos;s SCRAM message has no salt</source>
        <translation>Broker 的 SCRAM 消息中没有盐值</translation>
    </message>
    <message>
        <source>the broker asks for %1 SCRAM iterations (Cohort takes %2 to %3)</source>
        <translation>Broker 要求 %1 次 SCRAM 迭代（Cohort 接受 %2 到 %3 次）</translation>
    </message>
    <message>
        <source>the broker refused the SCRAM proof: %1</source>
        <translation>Broker 拒绝了 SCRAM 证明：%1</translation>
    </message>
    <message>
        <source>the SCRAM exchange ended before Cohort sent its proof</source>
        <translation>SCRAM 交换在 Cohort 发送证明之前就结束了</translation>
    </message>
    <message>
        <source>the broker&apos;s SCRAM signature is wrong: it does not know this user&apos;s password</source>
        <translation>Broker 的 SCRAM 签名错误：它并不知道该用户的密码</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Cohort was built without QtKeychain</source>
        <translation>Cohort 构建时未包含 QtKeychain</translation>
    </message>
</context>
<context>
    <name>SnapshotLoader</name>
    <message>
        <source>broker %1 (%2:%3)</source>
        <translation>Broker %1（%2:%3）</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>the refresh was cancelled</source>
        <translation>刷新已取消</translation>
    </message>
    <message numerus="yes">
        <source>Describing %1 group(s)</source>
        <translation>
            <numerusform>正在描述 %1 个组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the committed offsets of %1 group(s)</source>
        <translation>
            <numerusform>正在读取 %1 个组的已提交位移</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the end offsets of %1 partition(s)</source>
        <translation>
            <numerusform>正在读取 %1 个分区的末端位移</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the cluster&apos;s metadata</source>
        <translation>正在读取集群的元数据</translation>
    </message>
    <message numerus="yes">
        <source>Listing groups on %n broker(s)</source>
        <translation>
            <numerusform>正在列出 %n 个 Broker 上的组</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing groups to tell an unknown group from a non-classic one</source>
        <translation>正在列出组，以区分未知的组和非 classic 组</translation>
    </message>
    <message>
        <source>The cluster has no group &quot;%1&quot;.</source>
        <translation>集群中没有组 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>the cluster did not describe group &quot;%1&quot;</source>
        <translation>集群没有描述组 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>TableMenus</name>
    <message numerus="yes">
        <source>&amp;Copy %n Row(s)</source>
        <translation>
            <numerusform>复制 %n 行(&amp;C)</numerusform>
        </translation>
    </message>
    <message>
        <source>The cells shown, separated by tabs: paste into a spreadsheet or a message</source>
        <translation>显示的单元格，以制表符分隔：可粘贴到电子表格或消息中</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>The last column shown stays.</source>
        <translation>最后一个显示的列会保留。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation>与 %1 的 TLS 握手失败：%2。</translation>
    </message>
</context>
<context>
    <name>WindowStateStore</name>
    <message>
        <source>not a saved state</source>
        <translation>不是已保存的状态</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>refused by Qt</source>
        <translation>被 Qt 拒绝</translation>
    </message>
    <message>
        <source>saved for other columns</source>
        <translation>是为其他列保存的</translation>
    </message>
    <message>
        <source>not one of the intervals offered</source>
        <translation>不是提供的间隔之一</translation>
    </message>
    <message>
        <source>not a list of groups</source>
        <translation>不是组列表</translation>
    </message>
    <message>
        <source>cannot be read or written; check that it is a file you may write, or remove it</source>
        <translation>无法读取或写入；请检查它是否是可写的文件，或将其删除</translation>
    </message>
    <message>
        <source>is not a settings file Qt can read; move it away to start afresh</source>
        <translation>不是 Qt 能读取的设置文件；将它移走即可重新开始</translation>
    </message>
    <message>
        <source>not a dialog size</source>
        <translation>不是对话框尺寸</translation>
    </message>
    <message>
        <source>not one of the group page&apos;s tabs</source>
        <translation>不是消费者组页面的标签页之一</translation>
    </message>
</context>
<context>
    <name>cohort::AboutDialog</name>
    <message>
        <source>About Cohort</source>
        <translation>关于 Cohort</translation>
    </message>
    <message>
        <source>Connected cluster</source>
        <translation>已连接的集群</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cluster id</source>
        <translation>集群 id</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Kafka version</source>
        <translation>Kafka 版本</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>Kafka consumer groups on your desktop.</source>
        <translation>桌面上的 Kafka 消费者组。</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>Running on</source>
        <translation>运行于</translation>
    </message>
</context>
<context>
    <name>cohort::AdminOperationDialog</name>
    <message>
        <source>This is a production connection. Type the group&apos;s name, %1, to confirm:</source>
        <translation>这是生产环境连接。请输入组名 %1 以确认：</translation>
    </message>
    <message>
        <source>Sent to the cluster; waiting for its answer (%1 s)…</source>
        <translation>已发送到集群；正在等待其应答（%1 秒）…</translation>
    </message>
    <message>
        <source>Type the group&apos;s name, %1, first</source>
        <translation>请先输入组名 %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>The request is sent and cannot be taken back; its outcome will be shown in the status bar.</source>
        <translation>请求已发送，无法撤回；其结果将显示在状态栏中。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>cohort::AssignmentOutcomeModel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Would gain</source>
        <translation>将获得</translation>
    </message>
    <message>
        <source>Would lose</source>
        <translation>将失去</translation>
    </message>
</context>
<context>
    <name>cohort::AssignmentTreeModel</name>
    <message>
        <source>Member %1
Client id %2
Host %3</source>
        <translation>成员 %1
客户端 id %2
主机 %3</translation>
    </message>
    <message>
        <source>
group.instance.id %1</source>
        <translation>
group.instance.id %1</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>%1 of fair %2</source>
        <translation>%1，公平份额 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) without a known lag are not counted.</source>
        <translation>
            <numerusform>%n 个积压未知的分区未计入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Member / topic / partition</source>
        <translation>成员 / 主题 / 分区</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Lag (msgs)</source>
        <translation>积压（条）</translation>
    </message>
    <message numerus="yes">
        <source>Owns %n partition(s).</source>
        <translation>
            <numerusform>拥有 %n 个分区。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An even split over %n member(s) would be %1 each.</source>
        <translation>
            <numerusform>在 %n 个成员之间平均分配时，每个应为 %1 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owns %n partition(s) of this topic.</source>
        <translation>
            <numerusform>拥有此主题的 %n 个分区。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An even split over the %n member(s) reading it would be %1 each.</source>
        <translation>
            <numerusform>在读取它的 %n 个成员之间平均分配时，每个应为 %1 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::AssignmentWhatIfDialog</name>
    <message>
        <source>Simulate Assignment</source>
        <translation>模拟分配</translation>
    </message>
    <message>
        <source>range, roundrobin, sticky and cooperative-sticky are computed by the consumers; uniform and server-range by the broker for KIP-848 consumer groups</source>
        <translation>range、roundrobin、sticky 和 cooperative-sticky 由消费者计算；uniform 和 server-range 由 Broker 为 KIP-848 consumer 组计算</translation>
    </message>
    <message>
        <source>Java client</source>
        <translation>Java 客户端</translation>
    </message>
    <message>
        <source>librdkafka</source>
        <translation>librdkafka 客户端</translation>
    </message>
    <message>
        <source>Whose implementation of a client-side assignor: they differ for sticky ones and for a mix of static and dynamic members</source>
        <translation>使用谁实现的客户端侧分配器：两者在 sticky 分配器上以及静态与动态成员混合时有所不同</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Subscribes to</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Owns now</source>
        <translation>当前拥有</translation>
    </message>
    <message>
        <source>Subscribes to: topics separated by commas, empty for every topic. Owns now: partitions such as orders-0, orders-3, what the moves are counted from.</source>
        <translation>订阅：以逗号分隔的主题，留空表示所有主题。当前拥有：分区，例如 orders-0, orders-3，移动数以此为起点计算。</translation>
    </message>
    <message>
        <source>Add Topic</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>Remove Topic</source>
        <translation>移除主题</translation>
    </message>
    <message>
        <source>Add Member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Assignor:</source>
        <translation>分配器：</translation>
    </message>
    <message>
        <source>Topics (raise a count to add partitions)</source>
        <translation>主题（调高分区数即可添加分区）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>topic-%1</source>
        <translation>topic-%1</translation>
    </message>
    <message>
        <source>new-member-%1</source>
        <translation>new-member-%1</translation>
    </message>
    <message>
        <source>Add topics and members, or open this from a group to start from its members.</source>
        <translation>请添加主题和成员，或从某个组打开此对话框，以它的成员为起点。</translation>
    </message>
    <message>
        <source>Simulate Assignment — %1</source>
        <translation>模拟分配 — %1</translation>
    </message>
    <message>
        <source>Topic row %1 has no name: type one, or remove the row.</source>
        <translation>主题第 %1 行没有名称：请输入一个，或移除该行。</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; needs a partition count of 1 or more.</source>
        <translation>主题 &apos;%1&apos; 的分区数须为 1 或更多。</translation>
    </message>
    <message>
        <source>Member &apos;%1&apos; owns &apos;%2&apos;, which is not a partition: write it as topic-partition, e.g. orders-3.</source>
        <translation>成员 &apos;%1&apos; 拥有的 &apos;%2&apos; 不是分区：请写成 topic-partition 形式，例如 orders-3。</translation>
    </message>
    <message numerus="yes">
        <source>%1 gives %n member(s) between %2 and %3 partitions: skew %4 (max − min).</source>
        <translation>
            <numerusform>%1 给 %n 个成员各分配 %2 到 %3 个分区：倾斜 %4（最大 − 最小）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is owned now, so nothing moves.</source>
        <translation>当前没有分区被拥有，因此没有移动。</translation>
    </message>
    <message>
        <source>The topic ids of %1 are not known (no member owns or is to own their partitions yet): Kafka&apos;s uniform assignor walks topics in the order of their ids, so this takes them by name and Kafka may assign otherwise.</source>
        <translation>%1 的主题 id 未知（还没有成员拥有或将要拥有它们的分区）：Kafka 的 uniform 分配器按主题 id 的顺序遍历主题，因此这里按名称排列，Kafka 的分配可能不同。</translation>
    </message>
    <message>
        <source>kafka-python</source>
        <translation>kafka-python</translation>
    </message>
    <message>
        <source>The topic ids of %1 share one place in a member&apos;s assignment map, where Kafka keeps them in the order they first reached the member, which is not known here: what a member over its quota keeps may differ from Kafka&apos;s.</source>
        <translation>%1 的主题 id 在成员的分配表中处于同一位置，Kafka 按它们最初到达该成员的顺序保存，而这里无从得知：超出配额的成员保留哪些分区可能与 Kafka 不同。</translation>
    </message>
    <message>
        <source>kafka-python&apos;s sticky assignor picks from a Python set where several moves could be undone, and that order changes with every process: a real group may get otherwise.</source>
        <translation>当有多个移动可以撤销时，kafka-python 的 sticky 分配器从 Python 集合中选取，而该顺序每个进程都不同：真实的组可能得到不同的结果。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) would move from their current owner (%1 of them from removed members).</source>
        <translation>
            <numerusform>%n 个分区将从当前归属成员移走（其中 %1 个来自被移除的成员）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) would move from their current owner.</source>
        <translation>
            <numerusform>%n 个分区将从当前归属成员移走。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ChartRangeBar</name>
    <message>
        <source>How much history the charts show, up to the latest sample</source>
        <translation>图表显示多长的历史，直到最新样本</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <source>Keep the latest sample in view. Zooming (mouse wheel) or dragging a chart stops following.</source>
        <translation>保持最新样本可见。缩放（鼠标滚轮）或拖动图表会停止跟随。</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
</context>
<context>
    <name>cohort::ChartTimeRange</name>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
</context>
<context>
    <name>cohort::ConnectionDialog</name>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
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
        <source>A connection called &quot;%1&quot; exists already: choose another name.</source>
        <translation>名为 &quot;%1&quot; 的连接已存在：请换一个名称。</translation>
    </message>
    <message>
        <source>Password saved in the system keychain.</source>
        <translation>密码已保存到系统密钥环。</translation>
    </message>
    <message>
        <source>The password is kept only until Cohort exits; you will be asked for it next time.</source>
        <translation>密码只保留到 Cohort 退出；下次会再次询问。</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; and its saved password?</source>
        <translation>删除连接 &quot;%1&quot; 及其保存的密码吗？</translation>
    </message>
    <message>
        <source>Testing… (click to restart)</source>
        <translation>正在测试…（点击重新开始）</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>The test was interrupted.</source>
        <translation>测试被中断。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>解决办法：%1</translation>
    </message>
    <message>
        <source>Connected: the cluster answered in %1 ms.</source>
        <translation>已连接：集群在 %1 毫秒内应答。</translation>
    </message>
    <message>
        <source>Cluster id: %1</source>
        <translation>集群 id：%1</translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation>（未报告）</translation>
    </message>
    <message>
        <source>Controller: broker %1</source>
        <translation>控制器：Broker %1</translation>
    </message>
    <message>
        <source>Brokers (%1):</source>
        <translation>Broker（%1）：</translation>
    </message>
    <message>
        <source>Round trip (ApiVersions request): %1 ms</source>
        <translation>往返时间（ApiVersions 请求）：%1 毫秒</translation>
    </message>
    <message>
        <source>API versions seen on the bootstrap broker (key: min-max):</source>
        <translation>在 bootstrap Broker 上看到的 API 版本（key: min-max）：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Key pass&amp;phrase:</source>
        <translation>密钥口令(&amp;W)：</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>证书和密钥 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1. Cohort will ask for the password when it connects next time.</source>
        <translation>%1。Cohort 下次连接时会询问密码。</translation>
    </message>
</context>
<context>
    <name>cohort::ConnectionProfileStore</name>
    <message>
        <source>no saved connection called &apos;%1&apos;; there are none yet (save one in Cohort&apos;s connection dialog)</source>
        <translation>没有名为 &apos;%1&apos; 的已保存连接；目前还没有任何连接（请在 Cohort 的连接对话框中保存一个）</translation>
    </message>
    <message>
        <source>no saved connection called &apos;%1&apos;; saved connections: %2</source>
        <translation>没有名为 &apos;%1&apos; 的已保存连接；已保存的连接：%2</translation>
    </message>
    <message>
        <source>connection &apos;%1&apos; cannot be used: %2</source>
        <translation>连接 &apos;%1&apos; 无法使用：%2</translation>
    </message>
    <message>
        <source>There is no connection called &quot;%1&quot;.</source>
        <translation>没有名为 &quot;%1&quot; 的连接。</translation>
    </message>
    <message>
        <source>A connection called &quot;%1&quot; exists already.</source>
        <translation>名为 &quot;%1&quot; 的连接已存在。</translation>
    </message>
</context>
<context>
    <name>cohort::DeleteGroupDialog</name>
    <message>
        <source>Delete group</source>
        <translation>删除组</translation>
    </message>
    <message>
        <source>Delete the consumer group &quot;%1&quot; from the cluster, with its committed offsets (%2 on %3)? Its consumers would start again from their auto.offset.reset position. This cannot be undone.</source>
        <translation>从集群中删除消费者组 &quot;%1&quot; 及其已提交位移（%3 上的 %2）吗？其消费者将从 auto.offset.reset 的位置重新开始。此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n 个分区</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n 个主题</numerusform>
        </translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; was not deleted.</source>
        <translation>组 &quot;%1&quot; 未被删除。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; was deleted.</source>
        <translation>组 &quot;%1&quot; 已删除。</translation>
    </message>
</context>
<context>
    <name>cohort::DeleteOffsetsDialog</name>
    <message>
        <source>Delete offsets</source>
        <translation>删除位移</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n partition(s), subscribed by a member</source>
        <translation>
            <numerusform>%1 — %n 个分区，有成员订阅</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n partition(s)</source>
        <translation>
            <numerusform>%1 — %n 个分区</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka refuses to delete the offsets of a topic the group&apos;s members subscribe to (GROUP_SUBSCRIBED_TO_TOPIC) until they stop reading it.</source>
        <translation>在组的成员停止读取某个主题之前，Kafka 拒绝删除他们所订阅主题的位移（GROUP_SUBSCRIBED_TO_TOPIC）。</translation>
    </message>
    <message>
        <source>Delete the committed offsets of &quot;%1&quot; for the topics ticked below? The group&apos;s consumers would start those topics again from their auto.offset.reset position. This cannot be undone.</source>
        <translation>删除 &quot;%1&quot; 在下面勾选的主题上的已提交位移吗？该组的消费者将从 auto.offset.reset 的位置重新开始读取这些主题。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Tick the topics whose offsets should go.</source>
        <translation>勾选要删除其位移的主题。</translation>
    </message>
    <message>
        <source>No offsets of &quot;%1&quot; were deleted.</source>
        <translation>&quot;%1&quot; 的位移均未删除。</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n partition(s) refused: %2</source>
        <translation>
            <numerusform>%1，%n 个分区被拒绝：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted the offsets of &quot;%1&quot; for %2 (%3).</source>
        <translation>已删除 &quot;%1&quot; 在 %2 上的位移（%3）。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n 个分区</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 of &quot;%2&quot;; some were refused.</source>
        <translation>已删除 &quot;%2&quot; 的 %1；部分被拒绝。</translation>
    </message>
</context>
<context>
    <name>cohort::GroupActions</name>
    <message>
        <source>&amp;Open Group</source>
        <translation>打开组(&amp;O)</translation>
    </message>
    <message>
        <source>Open the group&apos;s page in its own tab (also Enter or a double-click on its row)</source>
        <translation>在单独的标签页中打开组的页面（也可在其所在行按 Enter 或双击）</translation>
    </message>
    <message>
        <source>&amp;Copy Group ID</source>
        <translation>复制组 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the group&apos;s id to the clipboard</source>
        <translation>将组的 id 复制到剪贴板</translation>
    </message>
    <message>
        <source>Trigger &amp;Rebalance…</source>
        <translation>触发重平衡(&amp;R)…</translation>
    </message>
    <message>
        <source>Make the group rebalance, by joining and leaving as a temporary member that takes no partitions</source>
        <translation>让组重平衡：以一个不领取分区的临时成员加入并离开</translation>
    </message>
    <message>
        <source>Remove &amp;Members…</source>
        <translation>移除成员(&amp;M)…</translation>
    </message>
    <message>
        <source>Remove chosen members from the group, as if they had left</source>
        <translation>从组中移除选中的成员，如同它们已离开</translation>
    </message>
    <message>
        <source>Delete O&amp;ffsets…</source>
        <translation>删除位移(&amp;F)…</translation>
    </message>
    <message>
        <source>Delete the group&apos;s committed offsets of chosen topics</source>
        <translation>删除组在选中主题上的已提交位移</translation>
    </message>
    <message>
        <source>&amp;Delete Group…</source>
        <translation>删除组(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the group and all its committed offsets (only when it is Empty)</source>
        <translation>删除组及其全部已提交位移（仅当它处于 Empty 时）</translation>
    </message>
    <message>
        <source>Copied &quot;%1&quot; to the clipboard</source>
        <translation>已将 &quot;%1&quot; 复制到剪贴板</translation>
    </message>
    <message>
        <source>Not connected to a cluster.</source>
        <translation>未连接到集群。</translation>
    </message>
    <message>
        <source>Re&amp;set Offsets…</source>
        <translation>重置位移(&amp;S)…</translation>
    </message>
    <message>
        <source>Move the group&apos;s committed offsets (to a time, the start or end, a shift, a file, another group&apos;s), after a preview; also for several selected groups</source>
        <translation>移动组的已提交位移（到某个时间、起始或末端、平移若干条、到文件或另一个组中的位移），先预览再执行；也适用于选中的多个组</translation>
    </message>
    <message>
        <source>&amp;Undo Last Reset…</source>
        <translation>撤销上次重置(&amp;U)…</translation>
    </message>
    <message>
        <source>Put back the offsets the group had before its last reset, after the same preview</source>
        <translation>恢复组在上次重置之前的位移，同样先预览</translation>
    </message>
    <message>
        <source>Reset &amp;History…</source>
        <translation>重置历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Every reset Cohort backed up, newest first; any can be put back</source>
        <translation>Cohort 备份过的每次重置，最新的在前；任何一次都可恢复</translation>
    </message>
    <message>
        <source>&amp;Export Offsets…</source>
        <translation>导出位移(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the group&apos;s committed offsets (or the selected groups&apos;) as a kafka-consumer-groups.sh CSV, as read now; what Reset Offsets… and kafka-consumer-groups.sh --from-file read back</source>
        <translation>将该消费者组（或所选消费者组）当前读取到的已提交位移保存为 kafka-consumer-groups.sh 格式的 CSV；“重置位移…”和 kafka-consumer-groups.sh --from-file 可读回该文件</translation>
    </message>
    <message>
        <source>Export the committed offsets</source>
        <translation>导出已提交位移</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The committed offsets of %1 could not be read, so nothing was written: %2</source>
        <translation>无法读取 %1 的已提交位移，因此未写入任何内容：%2</translation>
    </message>
    <message>
        <source>%1 has no committed offsets: nothing was written.</source>
        <translation>%1 没有已提交位移：未写入任何内容。</translation>
    </message>
    <message>
        <source>The offsets were not exported: %1. Choose a folder you can write to.</source>
        <translation>位移未导出：%1。请选择一个可写入的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n committed offset(s) of %1 to %2.</source>
        <translation>
            <numerusform>已将 %1 的 %n 个已提交位移导出到 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::GroupFilterProxyModel</name>
    <message>
        <source>Invalid regular expression at offset %1: %2</source>
        <translation>位置 %1 处的正则表达式无效：%2</translation>
    </message>
</context>
<context>
    <name>cohort::GroupPage</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Protocol type</source>
        <translation>协议类型</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>分配器</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>代</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调者</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Total lag</source>
        <translation>总积压</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>所有主题</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Bars: partitions owned; the tick is an even split. Orange owns more than its share, blue less, red none.</source>
        <translation>条形：拥有的分区；刻度为平均分配。橙色表示多于其份额，蓝色表示少于，红色表示没有。</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Lag over time</source>
        <translation>积压随时间变化</translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>正在等待数据…</translation>
    </message>
    <message>
        <source>not described</source>
        <translation>未描述</translation>
    </message>
    <message>
        <source>The broker does not say the group&apos;s type (its ListGroups is older than v5, Kafka 3.8).</source>
        <translation>Broker 没有告知组的类型（它的 ListGroups 早于 v5，即 Kafka 3.8）。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Members report the generation only with subscription version 2 or later.</source>
        <translation>成员只有在订阅版本 2 或更高时才报告代。</translation>
    </message>
    <message>
        <source>not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <source>%1 msgs</source>
        <translation>%1 条</translation>
    </message>
    <message numerus="yes">
        <source> (+%n unknown)</source>
        <translation>
            <numerusform>（另有 %n 个未知）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n ahead of the log end)</source>
        <translation>
            <numerusform>（另有 %n 个超过日志末端）</numerusform>
        </translation>
    </message>
    <message>
        <source>No partition has both a committed offset and a known end offset.</source>
        <translation>没有分区同时具有已提交位移和已知的末端位移。</translation>
    </message>
    <message>
        <source>This group could not be described: %1</source>
        <translation>无法描述此组：%1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>The coordinator answered %1 for this group.</source>
        <translation>协调者对此组回复了 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have a committed offset ahead of the log end (negative lag): the topic was truncated or deleted and recreated since the group committed. They are not counted as lag.</source>
        <translation>
            <numerusform>%n 个分区的已提交位移超过了日志末端（负积压）：自该组提交以来，主题被截断或删除后重建过。它们不计入积压。</numerusform>
        </translation>
    </message>
    <message>
        <source>Committed offsets could not be read this time (%1); lag is as last read.</source>
        <translation>这次无法读取已提交位移（%1）；积压为上次读取的值。</translation>
    </message>
    <message>
        <source>Committed offsets could not be read (%1); lag is unknown.</source>
        <translation>无法读取已提交位移（%1）；积压未知。</translation>
    </message>
    <message>
        <source>Members unknown</source>
        <translation>成员未知</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>This group is no longer on the cluster. Showing its last known data, from %1.</source>
        <translation>此组已不在集群中。显示其最后已知的数据，来自 %1。</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot; on the cluster.</source>
        <translation>集群中没有组 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>The cluster is not answering. Showing the data from %1.</source>
        <translation>集群没有应答。显示来自 %1 的数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n 个分区</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 partitions</source>
        <translation>%2 个分区中的 %1 个</translation>
    </message>
    <message>
        <source>Rebalances</source>
        <translation>重平衡</translation>
    </message>
    <message>
        <source>The group epoch (KIP-848); its target assignment is at epoch %1.</source>
        <translation>组纪元（KIP-848）；其目标分配处于纪元 %1。</translation>
    </message>
</context>
<context>
    <name>cohort::GroupRebalancesTab</name>
    <message>
        <source>Simulate Assignment…</source>
        <translation>模拟分配…</translation>
    </message>
    <message>
        <source>What each assignor would give these members, with members added or removed or partitions added</source>
        <translation>每种分配器会给这些成员怎样的分配，可添加或移除成员、添加分区</translation>
    </message>
    <message>
        <source>Watching: the group is read every second, every 250 ms while it rebalances.</source>
        <translation>正在监视：每秒读取一次该组，重平衡期间每 250 毫秒读取一次。</translation>
    </message>
    <message>
        <source>Not watching: rebalances between two refreshes are not seen.</source>
        <translation>未在监视：两次刷新之间的重平衡不会被看到。</translation>
    </message>
    <message>
        <source>Show on &amp;Timeline</source>
        <translation>在时间线上显示(&amp;T)</translation>
    </message>
    <message>
        <source>Narrow the timeline and the lag charts to this rebalance</source>
        <translation>将时间线和积压图表缩小到此次重平衡</translation>
    </message>
    <message>
        <source>Copy Rebalance &amp;Details</source>
        <translation>复制重平衡详情(&amp;D)</translation>
    </message>
</context>
<context>
    <name>cohort::GroupTableModel</name>
    <message>
        <source>not described</source>
        <translation>未描述</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>已追平</translation>
    </message>
    <message>
        <source>not catching up</source>
        <translation>追不上</translation>
    </message>
    <message>
        <source>Unknown: no partition of this group has a committed offset and a known end offset.</source>
        <translation>未知：此组没有分区同时具有已提交位移和已知的末端位移。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) without a committed offset are not counted.</source>
        <translation>
            <numerusform>%n 个没有已提交位移的分区未计入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have a committed offset ahead of the log end (the topic was truncated or recreated): not counted as lag; open the group to see which.</source>
        <translation>
            <numerusform>%n 个分区的已提交位移超过了日志末端（主题被截断或重建过）：不计入积压；打开该组可查看是哪些。</numerusform>
        </translation>
    </message>
    <message>
        <source>The lag grows (+) or shrinks (−) by this many messages per second.</source>
        <translation>积压每秒增加（+）或减少（−）的消息条数。</translation>
    </message>
    <message>
        <source>The broker does not say the group&apos;s type (its ListGroups is older than v5, Kafka 3.8).</source>
        <translation>Broker 没有告知组的类型（它的 ListGroups 早于 v5，即 Kafka 3.8）。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Protocol type</source>
        <translation>协议类型</translation>
    </message>
    <message>
        <source>Assignor</source>
        <translation>分配器</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Lag (msgs)</source>
        <translation>积压（条）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>积压状态</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间延迟</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>追平</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调者</translation>
    </message>
    <message>
        <source>Rebalances seen to complete in the last 24 hours. A group&apos;s rebalances are seen while it is watched: while its page is open in Cohort.</source>
        <translation>过去 24 小时内观察到完成的重平衡。只有在组被监视时（即其页面在 Cohort 中打开时）才能观察到它的重平衡。</translation>
    </message>
    <message>
        <source>Not known: this connection keeps no history file.</source>
        <translation>未知：此连接不保存历史文件。</translation>
    </message>
    <message>
        <source>Rebalances (24 h)</source>
        <translation>重平衡（24 小时）</translation>
    </message>
</context>
<context>
    <name>cohort::GroupsPage</name>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Only lagging</source>
        <translation>仅积压中</translation>
    </message>
    <message>
        <source>Only not refreshed</source>
        <translation>仅未刷新</translation>
    </message>
    <message>
        <source>Filter groups, topics, assignors…</source>
        <translation>筛选组、主题、分配器…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Only groups whose description or committed offsets the last refresh could not read (marked with a clock)</source>
        <translation>只显示上次刷新未能读取其描述或已提交位移的组（以时钟标记）</translation>
    </message>
    <message>
        <source>Double-click a group to open it</source>
        <translation>双击组即可打开</translation>
    </message>
    <message>
        <source>%1 of %2 groups</source>
        <translation>%2 个组中的 %1 个</translation>
    </message>
</context>
<context>
    <name>cohort::LagChart</name>
    <message>
        <source>Lag (msgs)</source>
        <translation>积压（条）</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>速率（条/秒）</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间延迟</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>尚无样本</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you can write to.</source>
        <translation>无法写入 %1：%2。请选择一个可写的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1. Choose a folder you can write to.</source>
        <translation>无法写入 %1。请选择一个可写的文件夹。</translation>
    </message>
    <message>
        <source>msgs</source>
        <translation>条</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>%1 msgs</source>
        <translation>%1 条</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>cohort::LagChartsPanel</name>
    <message>
        <source>Total lag</source>
        <translation>总积压</translation>
    </message>
    <message>
        <source>Lag per topic</source>
        <translation>各主题积压</translation>
    </message>
    <message>
        <source>Lag per partition</source>
        <translation>各分区积压</translation>
    </message>
    <message>
        <source>Produce and consume rate</source>
        <translation>生产和消费速率</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间延迟</translation>
    </message>
    <message numerus="yes">
        <source>The %n partition(s) furthest behind; the others summed</source>
        <translation>
            <numerusform>落后最多的 %n 个分区；其余的合计</numerusform>
        </translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Produce rate</source>
        <translation>生产速率</translation>
    </message>
    <message>
        <source>Consume rate</source>
        <translation>消费速率</translation>
    </message>
    <message numerus="yes">
        <source>Others (%n partition(s))</source>
        <translation>
            <numerusform>其他（%n 个分区）</numerusform>
        </translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>Export chart as CSV</source>
        <translation>将图表导出为 CSV</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>cohort::LagNotifications</name>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation>桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>静音通知(&amp;M)</translation>
    </message>
    <message>
        <source>Notify when a group enters ERR, STOP or STALL, or its unread records are at risk of retention</source>
        <translation>当组进入 ERR、STOP 或 STALL，或其未读记录面临被保留策略删除的风险时发出通知</translation>
    </message>
    <message>
        <source>No desktop notifications for this group on this connection</source>
        <translation>在此连接上不为此组发送桌面通知</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Choose a group first</source>
        <translation>请先选择一个组</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>cohort::MainWindow</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>取消刷新(&amp;C)</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Cluster: </source>
        <translation>集群：</translation>
    </message>
    <message>
        <source>The cluster shown; pick a saved connection to switch</source>
        <translation>显示的集群；选择一个已保存的连接即可切换</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>连接(&amp;N)…</translation>
    </message>
    <message>
        <source>Add, edit and test saved connections</source>
        <translation>添加、编辑和测试已保存的连接</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the whole cluster again now (F5, Ctrl+R)</source>
        <translation>立即重新读取整个集群（F5、Ctrl+R）</translation>
    </message>
    <message>
        <source>Stop the refresh under way (Esc); the data shown stays as it is</source>
        <translation>停止正在进行的刷新（Esc）；显示的数据保持不变</translation>
    </message>
    <message>
        <source> every </source>
        <translation> 每 </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>How often the whole cluster is read</source>
        <translation>多久读取一次整个集群</translation>
    </message>
    <message>
        <source>Stop reading the cluster periodically; Refresh still reads it once</source>
        <translation>停止定期读取集群；“刷新”仍会读取一次</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>&amp;Resume Refreshing</source>
        <translation>继续刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause Refreshing</source>
        <translation>暂停刷新(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>连接到(&amp;C)…</translation>
    </message>
    <message>
        <source>Connect to a cluster not saved yet: type its bootstrap servers</source>
        <translation>连接到尚未保存的集群：输入它的 bootstrap 服务器</translation>
    </message>
    <message>
        <source>&amp;Recent Connections</source>
        <translation>最近的连接(&amp;R)</translation>
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
        <source>Refresh &amp;Interval</source>
        <translation>刷新间隔(&amp;I)</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>Type in the current page&apos;s filter</source>
        <translation>在当前页面的筛选框中输入</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next Tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Cohort</source>
        <translation>关于 Cohort(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language changes when Cohort is started again.</source>
        <translation>重新启动 Cohort 后语言才会改变。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>(no table shown)</source>
        <translation>（未显示表格）</translation>
    </message>
    <message>
        <source>Close the group&apos;s tab</source>
        <translation>关闭该组的标签页</translation>
    </message>
    <message>
        <source>The Groups and Topics pages stay open; only group tabs close.</source>
        <translation>“组”和“主题”页面保持打开；只关闭组标签页。</translation>
    </message>
    <message>
        <source>Copy Topic Name</source>
        <translation>复制主题名</translation>
    </message>
    <message>
        <source>Copy Member ID</source>
        <translation>复制成员 ID</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Member(s)…</source>
        <translation>
            <numerusform>移除 %n 个成员…</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Offsets of %1…</source>
        <translation>删除 %1 的位移…</translation>
    </message>
    <message>
        <source>There is no saved connection &quot;%1&quot; any more.</source>
        <translation>已保存的连接 &quot;%1&quot; 已不存在。</translation>
    </message>
    <message>
        <source>Some remembered settings could not be used and were ignored (another version&apos;s, or damaged): %1</source>
        <translation>部分记住的设置无法使用，已忽略（属于其他版本，或已损坏）：%1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <source>(not connected)</source>
        <translation>（未连接）</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; cannot be used: %2</source>
        <translation>连接 &quot;%1&quot; 无法使用：%2</translation>
    </message>
    <message>
        <source>Fix it under Connections…</source>
        <translation>请在“连接…”中修正它</translation>
    </message>
    <message>
        <source>Consumer group %1</source>
        <translation>消费者组 %1</translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation>%1（已消失）</translation>
    </message>
    <message>
        <source> · lag against the last stable offset (read_committed)</source>
        <translation> · 积压以最后稳定位移计算（read_committed）</translation>
    </message>
    <message>
        <source> · partial: see the banner above</source>
        <translation> · 部分数据：见上方横幅</translation>
    </message>
    <message>
        <source>Showing data from %1.</source>
        <translation>显示来自 %1 的数据。</translation>
    </message>
    <message>
        <source>Refresh failed: %1 %2</source>
        <translation>刷新失败：%1 %2</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>刷新失败：%1</translation>
    </message>
    <message>
        <source>Refresh cancelled; showing the data from %1</source>
        <translation>刷新已取消；显示来自 %1 的数据</translation>
    </message>
    <message>
        <source>Refresh cancelled</source>
        <translation>刷新已取消</translation>
    </message>
    <message>
        <source>Simulate &amp;Assignment…</source>
        <translation>模拟分配(&amp;A)…</translation>
    </message>
    <message>
        <source>What each assignor would give the group&apos;s members, with members added or removed or partitions added</source>
        <translation>每种分配器会给该组的成员怎样的分配，可添加或移除成员、添加分区</translation>
    </message>
    <message>
        <source>Refreshed %1 in %2 ms · %3 · %4</source>
        <translation>已刷新 %1，用时 %2 毫秒 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%Ln broker(s)</source>
        <translation>
            <numerusform>%Ln 个 Broker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln 个组</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::MemberTableModel</name>
    <message>
        <source>The member&apos;s subscription or assignment could not be decoded: %1</source>
        <translation>无法解码成员的订阅或分配：%1</translation>
    </message>
    <message>
        <source>%1 (rack %2)</source>
        <translation>%1（机架 %2）</translation>
    </message>
    <message>
        <source>The assignment is not a consumer-protocol assignment, so its partitions are not known.</source>
        <translation>该分配不是 consumer-protocol 分配，因此其分区未知。</translation>
    </message>
    <message>
        <source>Subscribed: %1
Assigned: %2</source>
        <translation>订阅：%1
分配：%2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Dynamic member (no group.instance.id)</source>
        <translation>动态成员（无 group.instance.id）</translation>
    </message>
    <message>
        <source>Member id</source>
        <translation>成员 id</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>客户端 id</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>group.instance.id</source>
        <translation>group.instance.id</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (reconciling)</source>
        <translation>%1（调整中）</translation>
    </message>
    <message>
        <source>Reconciling: it owns %1 partition(s) and the group&apos;s assignor gives it %2: %3</source>
        <translation>调整中：它拥有 %1 个分区，组的分配器给它 %2 个：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The member&apos;s epoch; it owns its target assignment.</source>
        <translation>成员的纪元；它已拥有其目标分配。</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>纪元</translation>
    </message>
</context>
<context>
    <name>cohort::MissingPartsBanner</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show every part the last refresh could not read, with the error</source>
        <translation>显示上次刷新未能读取的每一部分及其错误</translation>
    </message>
    <message>
        <source>Part of the cluster is not shown as it is now:</source>
        <translation>集群的一部分未按当前状态显示：</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
</context>
<context>
    <name>cohort::OffsetResetWizard</name>
    <message>
        <source>Reset offsets of %1</source>
        <translation>重置 %1 的位移</translation>
    </message>
    <message>
        <source>Undo the last reset of %1</source>
        <translation>撤销 %1 的上次重置</translation>
    </message>
    <message>
        <source>Re-apply the backup of %1 to %2</source>
        <translation>把 %1 的备份重新应用到 %2</translation>
    </message>
</context>
<context>
    <name>cohort::PartitionTableModel</name>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>No member of the group owns this partition right now.</source>
        <translation>组中当前没有成员拥有此分区。</translation>
    </message>
    <message>
        <source>Member %1
Client id %2
Host %3%4</source>
        <translation>成员 %1
客户端 id %2
主机 %3%4</translation>
    </message>
    <message>
        <source>
group.instance.id %1</source>
        <translation>
group.instance.id %1</translation>
    </message>
    <message>
        <source>The group has not committed an offset for this partition.</source>
        <translation>该组尚未为此分区提交位移。</translation>
    </message>
    <message>
        <source>Committed offset ahead of the log end</source>
        <translation>已提交位移超过了日志末端</translation>
    </message>
    <message>
        <source>The end offset is unknown (the partition&apos;s leader did not answer).</source>
        <translation>末端位移未知（该分区的 leader 没有应答）。</translation>
    </message>
    <message>
        <source>Log start offset %1</source>
        <translation>日志起始位移 %1</translation>
    </message>
    <message>
        <source>Unknown: needs both a committed offset and a known end offset.</source>
        <translation>未知：需要已提交位移和已知的末端位移两者。</translation>
    </message>
    <message>
        <source>Committed offset ahead of the log end by %1 msgs: the topic was truncated or deleted and recreated since the group committed. The group will start over from its auto.offset.reset position; reset its offsets to say where.</source>
        <translation>已提交位移超过日志末端 %1 条：自该组提交以来，主题被截断或删除后重建过。该组将从其 auto.offset.reset 的位置重新开始；请重置其位移以指定位置。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Committed offset</source>
        <translation>已提交位移</translation>
    </message>
    <message>
        <source>End offset</source>
        <translation>末端位移</translation>
    </message>
    <message>
        <source>Lag (msgs)</source>
        <translation>积压（条）</translation>
    </message>
    <message>
        <source>Commit metadata</source>
        <translation>提交元数据</translation>
    </message>
    <message>
        <source>Not assessed yet: the lag history needs a refresh or two.</source>
        <translation>尚未评估：积压历史还需要一两次刷新。</translation>
    </message>
    <message>
        <source>How long ago the first record the group has not read was produced (0 when caught up).</source>
        <translation>组尚未读取的第一条记录是多久以前生产的（已追上时为 0）。</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间延迟</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>积压状态</translation>
    </message>
</context>
<context>
    <name>cohort::RebalanceHistoryModel</name>
    <message>
        <source>by %1</source>
        <translation>不晚于 %1</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Triggered: %1</source>
        <translation>触发原因：%1</translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation>完成情况：%1</translation>
    </message>
    <message>
        <source>The longest time a partition had no owner: every partition from the start of an eager rebalance, only those that moved in a cooperative one.</source>
        <translation>分区无归属的最长时间：eager 重平衡从开始起计所有分区，cooperative 重平衡只计移动了的分区。</translation>
    </message>
    <message>
        <source>It began between two reads of the group, so only its end is known.</source>
        <translation>它开始于两次读取组之间，因此只知道它的结束时间。</translation>
    </message>
    <message>
        <source>Began</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发原因</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Partitions moved</source>
        <translation>移动的分区</translation>
    </message>
    <message>
        <source>Without owner</source>
        <translation>无归属时间</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>代</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>cohort::RebalanceTimeline</name>
    <message>
        <source>Time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>No members or events yet: the group is watched while its page is open</source>
        <translation>尚无成员或事件：组的页面打开期间会监视该组</translation>
    </message>
    <message>
        <source>%1 (%2…)</source>
        <translation>%1（%2…）</translation>
    </message>
    <message>
        <source>Group state</source>
        <translation>组状态</translation>
    </message>
    <message>
        <source>%1 – %2 %3 (%4)</source>
        <translation>%1 – %2 %3（%4）</translation>
    </message>
    <message numerus="yes">
        <source>%1 owned %n partition(s): %2</source>
        <translation>
            <numerusform>%1 拥有 %n 个分区：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>The group was %1</source>
        <translation>组处于 %1</translation>
    </message>
</context>
<context>
    <name>cohort::RelayedConnection</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>librdkafka sent a frame of impossible size</source>
        <translation>librdkafka 客户端发送了大小不可能成立的帧</translation>
    </message>
    <message>
        <source>librdkafka sent a malformed request header</source>
        <translation>librdkafka 客户端发送了格式错误的请求头</translation>
    </message>
    <message>
        <source>librdkafka asked for %1 v%2, which the relay does not offer</source>
        <translation>librdkafka 客户端请求了 %1 v%2，而中继不提供该版本</translation>
    </message>
    <message>
        <source>librdkafka sent %1 before logging in</source>
        <translation>librdkafka 客户端在登录之前发送了 %1</translation>
    </message>
    <message>
        <source>%1:%2 sent a frame of impossible size</source>
        <translation>%1:%2 发送了大小不可能成立的帧</translation>
    </message>
    <message>
        <source>%1:%2 answered a request nobody sent</source>
        <translation>%1:%2 回答了一个没人发送过的请求</translation>
    </message>
    <message>
        <source>%1:%2 answered out of order</source>
        <translation>%1:%2 的回答顺序错乱</translation>
    </message>
    <message>
        <source>%1:%2 sent a malformed %3 answer</source>
        <translation>%1:%2 发送了格式错误的 %3 回答</translation>
    </message>
</context>
<context>
    <name>cohort::RemoveMembersDialog</name>
    <message>
        <source>Remove members</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <source>%1 — dynamic member %2</source>
        <translation>%1 — 动态成员 %2</translation>
    </message>
    <message>
        <source>%1 — static member %2</source>
        <translation>%1 — 静态成员 %2</translation>
    </message>
    <message>
        <source>Removed by its member id</source>
        <translation>按成员 id 移除</translation>
    </message>
    <message>
        <source>Removed by its group.instance.id</source>
        <translation>按 group.instance.id 移除</translation>
    </message>
    <message>
        <source>Remove the ticked members from &quot;%1&quot;? Kafka treats each as if it had left: the group rebalances and their partitions go to the members that stay. A consumer that is still running rejoins at its next poll (a static member under the same group.instance.id), so stop it first to keep it out.</source>
        <translation>从 &quot;%1&quot; 中移除勾选的成员吗？Kafka 会把每个成员视为已离开：组会重平衡，其分区交给留下的成员。仍在运行的消费者会在下一次 poll 时重新加入（静态成员使用相同的 group.instance.id），因此要把它挡在外面，请先停止它。</translation>
    </message>
    <message>
        <source>Tick the members to remove.</source>
        <translation>勾选要移除的成员。</translation>
    </message>
    <message>
        <source>No member of &quot;%1&quot; was removed.</source>
        <translation>&quot;%1&quot; 的成员均未被移除。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Removed %1 from &quot;%2&quot;.</source>
        <translation>已从 &quot;%2&quot; 中移除 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 from &quot;%2&quot;; %3 not.</source>
        <translation>已从 &quot;%2&quot; 中移除 %1；%3 未移除。</translation>
    </message>
    <message>
        <source>Remove the ticked members from &quot;%1&quot;? Kafka fences each at once, as if its session had expired: the group epoch goes up and the broker&apos;s assignor gives their partitions to the members that stay. A consumer that is still running finds out at its next heartbeat, loses its partitions and rejoins under the same member id (a static one under the same group.instance.id) with a new member epoch, so stop it first to keep it out.</source>
        <translation>从 &quot;%1&quot; 中移除勾选的成员？Kafka 会立即隔离（fence）每个成员，如同其会话已过期：组 epoch 增加，broker 的分配器把它们的分区分给留下的成员。仍在运行的消费者会在下一次心跳时得知，失去其分区，并以相同的成员 id（静态成员以相同的 group.instance.id）和新的成员 epoch 重新加入；要把它挡在外面，请先停止它。</translation>
    </message>
</context>
<context>
    <name>cohort::ResetApplyPage</name>
    <message>
        <source>Wait Until Empty, Then Apply</source>
        <translation>等到 Empty 后再应用</translation>
    </message>
    <message>
        <source>Stop Waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>再次检查</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>The groups must be Empty: brokers take a reset only while no consumer holds the group.</source>
        <translation>组必须处于 Empty：只有没有消费者占用组时，Broker 才接受重置。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>成员 ID</translation>
    </message>
    <message>
        <source>Look at the groups every second and apply the reset as soon as every one is Empty</source>
        <translation>每秒查看一次这些组，一旦全部处于 Empty 就应用重置</translation>
    </message>
    <message>
        <source>Give up waiting; nothing has been written</source>
        <translation>放弃等待；尚未写入任何内容</translation>
    </message>
    <message>
        <source>Look at the groups again now, and apply if every one is Empty</source>
        <translation>立即再次查看这些组，若全部处于 Empty 则应用</translation>
    </message>
    <message>
        <source>Waiting for %1 to be Empty: it is %2.</source>
        <translation>正在等待 %1 变为 Empty：它当前处于 %2。</translation>
    </message>
    <message>
        <source>%1 is %2 now.</source>
        <translation>%1 现在处于 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %1 to be Empty: it is %2 with %n member(s). Nothing has been written.</source>
        <translation>
            <numerusform>正在等待 %1 变为 Empty：它处于 %2，有 %n 个成员。尚未写入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the groups&apos; state (%1 s)…</source>
        <translation>正在读取组的状态（%1 秒）…</translation>
    </message>
    <message>
        <source>Waiting (%1 s); Stop Waiting gives up, nothing written.</source>
        <translation>正在等待（%1 秒）；“停止等待”会放弃，不写入任何内容。</translation>
    </message>
    <message>
        <source>Sent: backing up, committing and reading back (%1 s). This cannot be taken back now; closing the window hides it and the outcome goes to the status bar.</source>
        <translation>已发送：正在备份、提交并读回（%1 秒）。现在已无法撤回；关闭窗口只会隐藏它，结果将显示在状态栏中。</translation>
    </message>
    <message>
        <source>Checking that every group is Empty…</source>
        <translation>正在检查每个组是否都处于 Empty…</translation>
    </message>
    <message>
        <source>The groups&apos; state could not be read, so nothing was written: %1</source>
        <translation>无法读取组的状态，因此未写入任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2 with %n member(s)</source>
        <translation>
            <numerusform>%1 处于 %2，有 %n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Brokers take a reset only while a group is Empty, so nothing has been written. Stop the consumers listed, or wait until they have left.</source>
        <translation>%1。只有组处于 Empty 时 Broker 才接受重置，因此尚未写入任何内容。请停止列出的消费者，或等待它们离开。</translation>
    </message>
    <message>
        <source>(members not known)</source>
        <translation>（成员未知）</translation>
    </message>
    <message>
        <source>Waiting for %1 to be Empty. Nothing has been written.</source>
        <translation>正在等待 %1 变为 Empty。尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Stopped waiting for %1 to be Empty; nothing was written.</source>
        <translation>已停止等待 %1 变为 Empty；未写入任何内容。</translation>
    </message>
    <message>
        <source>Waiting for %1 failed; nothing was written: %2</source>
        <translation>等待 %1 失败；未写入任何内容：%2</translation>
    </message>
    <message>
        <source>There is no plan to apply: go back and plan again.</source>
        <translation>没有可应用的计划：请返回并重新规划。</translation>
    </message>
    <message>
        <source>Every group is Empty: applying the reset.</source>
        <translation>每个组都处于 Empty：正在应用重置。</translation>
    </message>
    <message>
        <source>The reset was not applied: %1</source>
        <translation>重置未应用：%1</translation>
    </message>
    <message>
        <source>The reset of %1 was not applied: %2</source>
        <translation>%1 的重置未应用：%2</translation>
    </message>
    <message numerus="yes">
        <source>Verified: the committed offsets read back match the plan for all %n partition(s).</source>
        <translation>
            <numerusform>已验证：全部 %n 个分区读回的已提交位移与计划一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offsets of %1 reset and verified (%n partition(s)).</source>
        <translation>
            <numerusform>%1 的位移已重置并验证（%n 个分区）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The committed offsets read back do NOT all match the plan:</source>
        <translation>读回的已提交位移并不全部与计划一致：</translation>
    </message>
    <message>
        <source>%1 %2: refused, %3</source>
        <translation>%1 %2：被拒绝，%3</translation>
    </message>
    <message>
        <source>%1 %2: planned %3, read back %4</source>
        <translation>%1 %2：计划 %3，读回 %4</translation>
    </message>
    <message>
        <source>%1 %2: planned %3, nothing committed</source>
        <translation>%1 %2：计划 %3，未提交任何位移</translation>
    </message>
    <message>
        <source>%1: the offsets could not be read back (%2); look at the group page after the next refresh.</source>
        <translation>%1：无法读回位移（%2）；请在下次刷新后查看组页面。</translation>
    </message>
    <message>
        <source>The reset of %1 was applied, but not every partition holds the planned offset: see the wizard.</source>
        <translation>%1 的重置已应用，但并非每个分区都处于计划的位移：请查看向导。</translation>
    </message>
    <message>
        <source>The previous offsets are backed up in %1 (Undo Last Reset restores them).</source>
        <translation>之前的位移已备份到 %1（“撤销上次重置”可恢复它们）。</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
    <message>
        <source>Applied, with differences.</source>
        <translation>已应用，但有差异。</translation>
    </message>
    <message>
        <source>%1 %2: planned none (deleted), read back %3</source>
        <translation>%1 %2：计划为无（删除），读回 %3</translation>
    </message>
</context>
<context>
    <name>cohort::ResetHistoryDialog</name>
    <message>
        <source>Re-Apply…</source>
        <translation>重新应用…</translation>
    </message>
    <message>
        <source>Reset History</source>
        <translation>重置历史</translation>
    </message>
    <message>
        <source>Only resets of %1</source>
        <translation>只显示 %1 的重置</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Reading the backups in %1…</source>
        <translation>正在读取 %1 中的备份…</translation>
    </message>
    <message>
        <source>Previous offsets: %1</source>
        <translation>之前的位移：%1</translation>
    </message>
    <message>
        <source>No reset has been backed up in %1 yet.</source>
        <translation>%1 中尚未备份任何重置。</translation>
    </message>
    <message numerus="yes">
        <source>%n reset(s) backed up in %1.</source>
        <translation>
            <numerusform>%1 中备份了 %n 次重置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a reset first.</source>
        <translation>请先选择一次重置。</translation>
    </message>
    <message>
        <source>That backup holds no partition to put back.</source>
        <translation>该备份没有可恢复的分区。</translation>
    </message>
    <message>
        <source>Put the offsets this backup holds back (and delete the ones that reset gave first), through the same preview and guard</source>
        <translation>通过同样的预览和保护，恢复该备份中的位移（并删除那次重置首次给出的位移）</translation>
    </message>
</context>
<context>
    <name>cohort::ResetPlanTableModel</name>
    <message>
        <source>read back %1, not %2</source>
        <translation>读回 %1，而非 %2</translation>
    </message>
    <message>
        <source>read back nothing committed, not %1</source>
        <translation>读回为未提交，而非 %1</translation>
    </message>
    <message>
        <source>written, but could not be read back: %1</source>
        <translation>已写入，但无法读回：%1</translation>
    </message>
    <message>
        <source>committed, read back %1</source>
        <translation>已提交，读回 %1</translation>
    </message>
    <message>
        <source>New offset minus current: negative is read again, positive is skipped</source>
        <translation>新位移减当前位移：负数表示重新读取，正数表示跳过</translation>
    </message>
    <message>
        <source>Log end minus the new offset: what the group will have left to read</source>
        <translation>日志末端减新位移：组将剩余待读的量</translation>
    </message>
    <message>
        <source>Why a target moved: outside [log start, log end] it is clamped to the nearer end, as kafka-consumer-groups.sh does</source>
        <translation>目标为何被移动：超出 [日志起始, 日志末端] 时会被限制到较近的一端，与 kafka-consumer-groups.sh 相同</translation>
    </message>
    <message>
        <source>After applying: what the broker answered and what was read back</source>
        <translation>应用后：Broker 的应答和读回的结果</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Current offset</source>
        <translation>当前位移</translation>
    </message>
    <message>
        <source>New offset</source>
        <translation>新位移</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>New lag</source>
        <translation>新积压</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>clamped to the log start (%1 asked, before %2)</source>
        <translation>限制到日志起始（要求 %1，早于 %2）</translation>
    </message>
    <message>
        <source>clamped to the log end (%1 asked, past %2)</source>
        <translation>限制到日志末端（要求 %1，超过 %2）</translation>
    </message>
    <message>
        <source>no record at or after the time: the log end</source>
        <translation>该时间点及之后没有记录：取日志末端</translation>
    </message>
    <message>
        <source>first offset for this partition</source>
        <translation>此分区的第一个位移</translation>
    </message>
    <message>
        <source>read back %1, not deleted</source>
        <translation>读回 %1，未被删除</translation>
    </message>
    <message>
        <source>deleted, read back none</source>
        <translation>已删除，读回为无</translation>
    </message>
    <message>
        <source>had no offset before that reset: its offset is deleted</source>
        <translation>那次重置之前没有位移：其位移将被删除</translation>
    </message>
</context>
<context>
    <name>cohort::ResetPreviewPage</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Plan Again</source>
        <translation>重新规划</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>A dry run: what each partition&apos;s committed offset would become. Nothing has been written yet.</source>
        <translation>演练：每个分区的已提交位移将变成什么。尚未写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Stop waiting for the plan; nothing has been written</source>
        <translation>停止等待计划；尚未写入任何内容</translation>
    </message>
    <message>
        <source>Read the cluster again and plan from what it holds now</source>
        <translation>重新读取集群，并按其当前内容规划</translation>
    </message>
    <message>
        <source>This is a production connection. Type the group&apos;s name, %1, to enable Apply:</source>
        <translation>这是生产环境连接。请输入组名 %1 以启用“应用”：</translation>
    </message>
    <message>
        <source>This is a production connection. Type the groups&apos; names, %1, to enable Apply:</source>
        <translation>这是生产环境连接。请输入各组名 %1 以启用“应用”：</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>无计划：%1</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 处于 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s): </source>
        <translation>
            <numerusform>%n 个分区：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 message(s) to read again, %2 to skip.</source>
        <translation>%1 条消息将重新读取，%2 条将跳过。</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) outside [log start, log end] moved to the nearer end (marked).</source>
        <translation>
            <numerusform>%n 个超出 [日志起始, 日志末端] 的目标已移到较近的一端（已标记）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) have no record at or after the time: the log end.</source>
        <translation>
            <numerusform>%n 个分区在该时间点及之后没有记录：取日志末端。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: brokers take a reset only while a group is Empty. Apply will name its members and can wait until they have left.</source>
        <translation>%1：只有组处于 Empty 时 Broker 才接受重置。“应用”会列出其成员，并可等待它们离开。</translation>
    </message>
    <message>
        <source>Planning stopped; nothing was written. Plan Again reads the cluster again.</source>
        <translation>规划已停止；未写入任何内容。“重新规划”会重新读取集群。</translation>
    </message>
    <message>
        <source>Reading the offsets, log start and end of every partition in scope (%1 s)…</source>
        <translation>正在读取范围内每个分区的位移、日志起始和末端（%1 秒）…</translation>
    </message>
    <message>
        <source>Export Plan…</source>
        <translation>导出计划…</translation>
    </message>
    <message>
        <source>Save the new offsets as kafka-consumer-groups.sh --export does (topic,partition,offset; the group first for several groups), for --from-file later; nothing is written to the cluster</source>
        <translation>按 kafka-consumer-groups.sh --export 的格式保存新位移（topic,partition,offset；多个消费者组时组名在前），供之后 --from-file 使用；不会向集群写入任何内容</translation>
    </message>
    <message>
        <source>Export the planned offsets</source>
        <translation>导出计划的位移</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>There is no plan to export yet.</source>
        <translation>还没有可导出的计划。</translation>
    </message>
    <message>
        <source>The planned offsets are in %1 (kafka-consumer-groups.sh&apos;s CSV); nothing has been applied.</source>
        <translation>计划的位移已保存在 %1（kafka-consumer-groups.sh 的 CSV 格式）；尚未应用任何更改。</translation>
    </message>
    <message>
        <source>The plan was not exported: %1. Choose a folder you can write to.</source>
        <translation>计划未导出：%1。请选择一个可写入的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) get their first committed offset (an undo deletes it again).</source>
        <translation>
            <numerusform>%n 个分区获得首个已提交位移（撤销会再次删除它）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) had no committed offset before that reset: their offsets are deleted (new offset none).</source>
        <translation>
            <numerusform>%n 个分区在那次重置之前没有已提交位移：它们的位移将被删除（新位移为无）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetScopePage</name>
    <message>
        <source>Chosen topics and partitions (tick below; a topic ticked whole takes all its partitions)</source>
        <translation>选中的主题和分区（在下面勾选；整个勾选的主题包括其所有分区）</translation>
    </message>
    <message>
        <source>Add Topic</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>Which partitions</source>
        <translation>哪些分区</translation>
    </message>
    <message>
        <source>Choose the partitions whose committed offsets move. Nothing is written before the preview is confirmed.</source>
        <translation>选择要移动其已提交位移的分区。确认预览之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Every topic the group has committed offsets for</source>
        <translation>组有已提交位移的所有主题</translation>
    </message>
    <message>
        <source>Every topic each group has committed offsets for</source>
        <translation>每个组各自有已提交位移的所有主题</translation>
    </message>
    <message>
        <source>Topic / partition</source>
        <translation>主题 / 分区</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Topics of the cluster the group has no committed offsets for: the reset gives them their first</source>
        <translation>集群中该组没有已提交位移的主题：重置会给它们第一个位移</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The group has offsets for every topic of the cluster</source>
        <translation>该组在集群的每个主题上都有位移</translation>
    </message>
    <message>
        <source>Add a topic without offsets:</source>
        <translation>添加一个没有位移的主题：</translation>
    </message>
    <message>
        <source>no offsets yet: first commit</source>
        <translation>尚无位移：首次提交</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <source>The last refresh shows no committed offsets for this: choose topics instead, or the plan will say so.</source>
        <translation>上次刷新显示这里没有已提交位移：请改为选择主题，否则计划会提示这一点。</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s) with committed offsets.</source>
        <translation>
            <numerusform>%n 个有已提交位移的主题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one topic or partition.</source>
        <translation>请至少勾选一个主题或分区。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) chosen.</source>
        <translation>
            <numerusform>已选中 %n 个分区。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cohort::ResetStrategyPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>重置到哪里</translation>
    </message>
    <message>
        <source>Choose where the offsets go; the next page shows every partition&apos;s new offset before anything is written.</source>
        <translation>选择位移的去向；下一页会在写入任何内容之前显示每个分区的新位移。</translation>
    </message>
    <message>
        <source>To the earliest offset</source>
        <translation>到最早的位移</translation>
    </message>
    <message>
        <source>Each partition&apos;s log start: the group reads again everything the topic still holds (--to-earliest).</source>
        <translation>每个分区的日志起始：组会重新读取主题仍保留的全部内容（--to-earliest）。</translation>
    </message>
    <message>
        <source>To the latest offset</source>
        <translation>到最新的位移</translation>
    </message>
    <message>
        <source>Each partition&apos;s log end: the group skips everything not read yet and reads only new messages (--to-latest).</source>
        <translation>每个分区的日志末端：组跳过所有尚未读取的内容，只读取新消息（--to-latest）。</translation>
    </message>
    <message>
        <source>Time zone: %1 (%2, %3). A typed time without a zone is in this zone; kafka-consumer-groups.sh would read it as UTC.</source>
        <translation>时区：%1（%2，%3）。输入的时间不带时区时按此时区解释；kafka-consumer-groups.sh 会按 UTC 解释。</translation>
    </message>
    <message>
        <source>Date and time:</source>
        <translation>日期和时间：</translation>
    </message>
    <message>
        <source>Or type it (ISO 8601):</source>
        <translation>或直接输入（ISO 8601）：</translation>
    </message>
    <message>
        <source>To a date and time</source>
        <translation>到某个日期和时间</translation>
    </message>
    <message>
        <source>The first offset whose record is at or after the time (ListOffsets by timestamp); the log end where there is none (--to-datetime).</source>
        <translation>记录时间在该时间点及之后的第一个位移（按时间戳的 ListOffsets）；没有时取日志末端（--to-datetime）。</translation>
    </message>
    <message>
        <source>PT2H30M or 2h 30m</source>
        <translation>PT2H30M 或 2h 30m</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>By a duration ago</source>
        <translation>到一段时长以前</translation>
    </message>
    <message>
        <source>The first offset whose record is at or after now minus the duration, counted when the plan is made (--by-duration: ISO 8601 PnDTnHnMnS, or parts such as &quot;1d 2h 30m 10s&quot;).</source>
        <translation>记录时间在当前时间减去该时长及之后的第一个位移，在制定计划时计算（--by-duration：ISO 8601 PnDTnHnMnS，或 &quot;1d 2h 30m 10s&quot; 这样的写法）。</translation>
    </message>
    <message>
        <source>-1000 or 500</source>
        <translation>-1000 或 500</translation>
    </message>
    <message>
        <source>Shift by N messages</source>
        <translation>平移 N 条消息</translation>
    </message>
    <message>
        <source>Each committed offset plus N: negative goes back and reads again, positive skips ahead; clamped into [log start, log end] (--shift-by).</source>
        <translation>每个已提交位移加上 N：负数向后退并重新读取，正数向前跳过；限制在 [日志起始, 日志末端] 之内（--shift-by）。</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>To an offset</source>
        <translation>到指定位移</translation>
    </message>
    <message>
        <source>The same offset for every partition, clamped into each one&apos;s [log start, log end] (--to-offset).</source>
        <translation>每个分区使用同一个位移，并限制在各自的 [日志起始, 日志末端] 之内（--to-offset）。</translation>
    </message>
    <message>
        <source>To the current offset</source>
        <translation>到当前位移</translation>
    </message>
    <message>
        <source>Commits the offsets the group has again, so that they do not expire while the group is stopped (offsets.retention.minutes); the log end where none (--to-current).</source>
        <translation>重新提交组现有的位移，使其在组停止期间不会过期（offsets.retention.minutes）；没有位移时取日志末端（--to-current）。</translation>
    </message>
    <message>
        <source>offsets.csv</source>
        <translation>offsets.csv</translation>
    </message>
    <message>
        <source>What the file holds, or every bad line with its number.</source>
        <translation>文件的内容，或每个有误的行及其行号。</translation>
    </message>
    <message>
        <source>From a CSV file</source>
        <translation>来自 CSV 文件</translation>
    </message>
    <message>
        <source>kafka-consumer-groups.sh&apos;s format, no header: topic,partition,offset per line (--from-file).</source>
        <translation>kafka-consumer-groups.sh 的格式，无表头：每行 topic,partition,offset（--from-file）。</translation>
    </message>
    <message>
        <source>kafka-consumer-groups.sh&apos;s format, no header: group,topic,partition,offset per line for several groups (--from-file).</source>
        <translation>kafka-consumer-groups.sh 的格式，无表头：多个组时每行 group,topic,partition,offset（--from-file）。</translation>
    </message>
    <message>
        <source>Copy from another group</source>
        <translation>从另一个组复制</translation>
    </message>
    <message>
        <source>The committed offsets of another group, for the partitions in scope that it has offsets for; clamped into [log start, log end].</source>
        <translation>另一个组的已提交位移，用于范围内它有位移的分区；限制在 [日志起始, 日志末端] 之内。</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <source>Offsets to reset to</source>
        <translation>要重置到的位移</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n partition(s)</source>
        <translation>
            <numerusform>%1：%n 个分区</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file is good: %n partition(s).</source>
        <translation>
            <numerusform>文件无误：%n 个分区。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing will be applied from this file until every line is right:</source>
        <translation>在每一行都正确之前，不会应用此文件中的任何内容：</translation>
    </message>
    <message>
        <source>%1 Or pick the time in the calendar above and clear the typed one.</source>
        <translation>%1 或者在上面的日历中选择时间，并清除输入的时间。</translation>
    </message>
    <message>
        <source>Type how long ago, e.g. PT2H30M or 2h 30m.</source>
        <translation>请输入多久以前，例如 PT2H30M 或 2h 30m。</translation>
    </message>
    <message>
        <source>Type a whole number of messages: negative goes back (read again), positive forward (skipped).</source>
        <translation>请输入消息条数（整数）：负数向后退（重新读取），正数向前（跳过）。</translation>
    </message>
    <message>
        <source>A shift by 0 changes nothing; choose &quot;To the current offset&quot; to commit the offsets again.</source>
        <translation>平移 0 不会改变任何内容；要重新提交位移，请选择“到当前位移”。</translation>
    </message>
    <message>
        <source>Type an offset: a whole number, 0 or more.</source>
        <translation>请输入一个位移：0 或更大的整数。</translation>
    </message>
    <message>
        <source>Name the CSV file (Browse…).</source>
        <translation>请指定 CSV 文件（浏览…）。</translation>
    </message>
    <message>
        <source>Reading the file… (press Enter in the file name to read it)</source>
        <translation>正在读取文件…（在文件名中按 Enter 即可读取）</translation>
    </message>
    <message>
        <source>The file has errors (listed above): correct them and name it again.</source>
        <translation>文件有错误（如上所列）：请更正后重新指定它。</translation>
    </message>
    <message>
        <source>Choose or type the group to copy the offsets of.</source>
        <translation>请选择或输入要复制其位移的组。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being reset: copy from another group.</source>
        <translation>&quot;%1&quot; 正在被重置：请从另一个组复制。</translation>
    </message>
    <message>
        <source>Choose a strategy.</source>
        <translation>请选择一种策略。</translation>
    </message>
    <message>
        <source>%1 before now: about %2 (local time).</source>
        <translation>当前时间之前 %1：约为 %2（本地时间）。</translation>
    </message>
    <message>
        <source>%1 after now: about %2 (local time); every partition would go to its log end.</source>
        <translation>当前时间之后 %1：约为 %2（本地时间）；每个分区都将到其日志末端。</translation>
    </message>
</context>
<context>
    <name>cohort::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Open the group on the current row</source>
        <translation>打开当前行的组</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter、双击</translation>
    </message>
    <message>
        <source>Actions for the clicked row</source>
        <translation>被点击行的操作</translation>
    </message>
    <message>
        <source>Right-click, Menu key</source>
        <translation>右键单击、菜单键</translation>
    </message>
</context>
<context>
    <name>cohort::TopicTableModel</name>
    <message>
        <source>Not in the cluster&apos;s metadata: deleted, or not visible to this client; groups still have offsets for it.</source>
        <translation>不在集群的元数据中：已删除，或此客户端不可见；仍有组在它上面有位移。</translation>
    </message>
    <message>
        <source>Internal topic</source>
        <translation>内部主题</translation>
    </message>
    <message>
        <source>Double-click to open the group</source>
        <translation>双击即可打开该组</translation>
    </message>
    <message>
        <source>Partitions of this topic the group is assigned or has committed offsets for</source>
        <translation>该组被分配到或有已提交位移的此主题的分区</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) without a known end offset (leader not answering) are not counted.</source>
        <translation>
            <numerusform>%n 个末端位移未知（leader 没有应答）的分区未计入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) without a known lag are not counted.</source>
        <translation>
            <numerusform>%n 个积压未知的分区未计入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Topic / consuming group</source>
        <translation>主题 / 读取它的组</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>End offsets (sum)</source>
        <translation>末端位移（合计）</translation>
    </message>
    <message>
        <source>Group state</source>
        <translation>组状态</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Lag (msgs)</source>
        <translation>积压（条）</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>Records produced per second over the last minute, from the end offsets of every partition.</source>
        <translation>过去一分钟内每秒生产的记录数，根据每个分区的末端位移计算。</translation>
    </message>
    <message>
        <source>Produce rate</source>
        <translation>生产速率</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间延迟</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>积压状态</translation>
    </message>
</context>
<context>
    <name>cohort::TopicsPage</name>
    <message>
        <source>Filter topics and groups…</source>
        <translation>筛选主题和组…</translation>
    </message>
    <message>
        <source>%1 of %2 topics</source>
        <translation>%2 个主题中的 %1 个</translation>
    </message>
</context>
<context>
    <name>cohort::TriggerRebalanceDialog</name>
    <message>
        <source>Trigger rebalance</source>
        <translation>触发重平衡</translation>
    </message>
    <message>
        <source>Cohort will join &quot;%1&quot; briefly as a temporary member, with the group&apos;s own protocol type (%2) and assignor (%3) and a subscription to no topic, so it takes no partitions and never commits an offset; then it leaves again.

The group rebalances twice: once when the temporary member joins and once when it leaves. Each time, its %4 stop consuming until the rebalance completes (up to their rebalance timeout), and the assignor may move partitions between them.</source>
        <translation>Cohort 会以临时成员的身份短暂加入 &quot;%1&quot;，使用组自身的协议类型（%2）和分配器（%3），订阅不包含任何主题，因此它不领取分区，也从不提交位移；随后它再次离开。

组会重平衡两次：临时成员加入时一次，离开时一次。每次重平衡完成之前（最长为它们的重平衡超时），其 %4 都会停止消费，分配器也可能在它们之间移动分区。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Before: %1 with %2.</source>
        <translation>之前：%1，有 %2。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Generation: %1 before, %2 with the temporary member, %3 after it left.</source>
        <translation>代：之前为 %1，临时成员在时为 %2，它离开后为 %3。</translation>
    </message>
    <message>
        <source>The temporary member was in the group after %1 ms.</source>
        <translation>临时成员在 %1 毫秒后进入了组。</translation>
    </message>
    <message>
        <source>Done in %1 ms, from the first request until it had left.</source>
        <translation>完成，从第一个请求到它离开共用时 %1 毫秒。</translation>
    </message>
    <message>
        <source>No rebalance of &quot;%1&quot; was triggered.</source>
        <translation>未触发 &quot;%1&quot; 的重平衡。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; rebalanced twice.</source>
        <translation>组 &quot;%1&quot; 重平衡了两次。</translation>
    </message>
    <message>
        <source>The rebalance of &quot;%1&quot; failed.</source>
        <translation>&quot;%1&quot; 的重平衡失败。</translation>
    </message>
</context>
<context>
    <name>cohort::WireGroupMember</name>
    <message>
        <source>cannot reach the bootstrap broker: %1</source>
        <translation>无法连接 bootstrap Broker：%1</translation>
    </message>
    <message>
        <source>malformed FindCoordinator response</source>
        <translation>FindCoordinator 响应格式错误</translation>
    </message>
    <message>
        <source>FindCoordinator failed: %1</source>
        <translation>FindCoordinator 失败：%1</translation>
    </message>
    <message>
        <source>lost the coordinator connection: %1</source>
        <translation>与协调者的连接断开：%1</translation>
    </message>
    <message>
        <source>malformed response from the coordinator</source>
        <translation>来自协调者的响应格式错误</translation>
    </message>
    <message>
        <source>fenced: another member uses the same group.instance.id; stopping</source>
        <translation>被隔离：另一个成员使用相同的 group.instance.id；正在停止</translation>
    </message>
    <message>
        <source>the coordinator moved (%1)</source>
        <translation>协调者已迁移（%1）</translation>
    </message>
    <message>
        <source>the coordinator answered %1</source>
        <translation>协调者回复了 %1</translation>
    </message>
    <message>
        <source>malformed LeaveGroup response</source>
        <translation>LeaveGroup 响应格式错误</translation>
    </message>
</context>
<context>
    <name>cohort::cli::CliCommandContext</name>
    <message>
        <source>could not open a session on %1</source>
        <translation>无法在 %1 上打开会话</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cohort: Kafka consumer groups on your desktop.</source>
        <translation>Cohort：桌面上的 Kafka 消费者组。</translation>
    </message>
    <message>
        <source>Start the built-in demo cluster and connect to it (the default when no connection was used before).</source>
        <translation>启动内置的演示集群并连接到它（之前没有用过任何连接时的默认行为）。</translation>
    </message>
    <message>
        <source>Connect to this cluster (with --profile: instead of the profile&apos;s servers).</source>
        <translation>连接到此集群（与 --profile 一起使用时：代替该配置的服务器）。</translation>
    </message>
    <message>
        <source>Connect with this saved connection.</source>
        <translation>使用此已保存的连接进行连接。</translation>
    </message>
    <message>
        <source>Render the window once data has arrived, save it as PNG and exit.</source>
        <translation>数据到达后渲染窗口一次，保存为 PNG 并退出。</translation>
    </message>
    <message>
        <source>Show Cohort in this language for this run: system, en or zh_CN (View → Language keeps a choice).</source>
        <translation>本次运行时 Cohort 使用的语言：system、en 或 zh_CN（“视图 → 语言”会保存选择）。</translation>
    </message>
    <message>
        <source>--lang takes: system, en, zh_CN (not &quot;%1&quot;)</source>
        <translation>--lang 可取：system、en、zh_CN（不是 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>bad --bootstrap-server: %1</source>
        <translation>--bootstrap-server 有误：%1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password of %1 for the connection &quot;%2&quot;:</source>
        <translation>连接 &quot;%2&quot; 的 %1 的密码：</translation>
    </message>
    <message>
        <source>no password given for &quot;%1&quot;</source>
        <translation>没有为 &quot;%1&quot; 提供密码</translation>
    </message>
    <message>
        <source>the demo cluster did not start: %1</source>
        <translation>演示集群未能启动：%1</translation>
    </message>
    <message>
        <source>the demo workload did not start: %1</source>
        <translation>演示负载未能启动：%1</translation>
    </message>
    <message>
        <source>Demo cluster (%1)</source>
        <translation>演示集群（%1）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>group &quot;%1&quot; did not appear on the cluster within %2 s; nothing was saved</source>
        <translation>组 &quot;%1&quot; 未在 %2 秒内出现在集群中；未保存任何内容</translation>
    </message>
    <message>
        <source>no data arrived within %1 s; nothing was saved</source>
        <translation>%1 秒内没有数据到达；未保存任何内容</translation>
    </message>
    <message>
        <source>Draw with this palette instead of the desktop&apos;s: light or dark (Fusion style).</source>
        <translation>使用此调色板而非桌面的调色板绘制：light 或 dark（Fusion 风格）。</translation>
    </message>
    <message>
        <source>--palette takes: %1 (not &quot;%2&quot;)</source>
        <translation>--palette 可取：%1（不是 &quot;%2&quot;）</translation>
    </message>
    <message>
        <source>--page takes: groups, topics, group:&lt;id&gt;, rebalances:&lt;id&gt;</source>
        <translation>--page 可取：groups、topics、group:&lt;id&gt;、rebalances:&lt;id&gt;</translation>
    </message>
    <message>
        <source>Page to open at start (and for --screenshot): groups, topics, group:&lt;id&gt; or rebalances:&lt;id&gt;.</source>
        <translation>启动时打开的页面（也用于 --screenshot）：groups、topics、group:&lt;id&gt; 或 rebalances:&lt;id&gt;。</translation>
    </message>
</context>
</TS>
