/* 成语接龙 (idiom chain) rules: a list of common four-character idioms (simplified, with their traditional forms),
   chain look-ups, the computer's answer and the player's four choices (exactly one of which continues the chain).
   Plain JavaScript with no DOM access; node tests it (tests/games/js/idioms.test.js). */
var IdiomRules = (function () {
  'use strict';
  const LIST = (
    '一心一意 一马当先 一帆风顺 一鸣惊人 一石二鸟 一举两得 一目了然 一丝不苟 一见钟情 一言为定 一日千里 一针见血 一成不变 一望无际 一无所有 一应俱全 一刀两断 一清二楚 一路平安 一本正经 ' +
    '一败涂地 一气呵成 一事无成 一视同仁 一劳永逸 一知半解 一毛不拔 一波三折 一朝一夕 一诺千金 一五一十 一模一样 一干二净 一落千丈 一尘不染 一叶知秋 一往无前 一呼百应 一步登天 一手遮天 ' +
    '一表人才 一家之言 心想事成 心花怒放 心平气和 心安理得 心旷神怡 心满意足 心直口快 心甘情愿 心惊肉跳 心灰意冷 心领神会 心急如焚 心口如一 心有余悸 心中有数 心照不宣 心猿意马 心如止水 ' +
    '心血来潮 意气风发 意味深长 意想不到 意料之外 意犹未尽 意在言外 意气用事 发扬光大 发愤图强 发号施令 发人深省 发家致富 大公无私 大显身手 大同小异 大惊小怪 大吃一惊 大器晚成 大快人心 ' +
    '大义凛然 大街小巷 大材小用 大名鼎鼎 大开眼界 大功告成 大好河山 大海捞针 大智若愚 大言不惭 大刀阔斧 大有作为 大失所望 大喜过望 大摇大摆 大显神通 大相径庭 大千世界 大张旗鼓 大义灭亲 ' +
    '私心杂念 念念不忘 忘乎所以 忘恩负义 忘年之交 以身作则 以理服人 以德服人 以少胜多 以逸待劳 以卵击石 以身试法 以毒攻毒 以貌取人 以一当十 人山人海 人来人往 人杰地灵 人云亦云 人定胜天 ' +
    '人之常情 人声鼎沸 人才辈出 人心所向 人面桃花 人尽其才 人仰马翻 人情世故 人无完人 海阔天空 海底捞针 海纳百川 海誓山盟 海市蜃楼 海枯石烂 天长地久 天经地义 天下无双 天衣无缝 天真烂漫 ' +
    '天翻地覆 天涯海角 天壤之别 天高地厚 天网恢恢 天伦之乐 天各一方 天作之合 天马行空 天方夜谭 天下太平 天生丽质 天花乱坠 天时地利 天寒地冻 地大物博 地久天长 地广人稀 地动山摇 地老天荒 ' +
    '空前绝后 空穴来风 空中楼阁 空口无凭 后来居上 后起之秀 后顾之忧 后患无穷 后生可畏 上下一心 上行下效 上蹿下跳 下笔成章 下里巴人 下不为例 事半功倍 事在人为 事倍功半 事出有因 事与愿违 ' +
    '事必躬亲 事过境迁 为所欲为 为人师表 为虎作伥 为民除害 为非作歹 成千上万 成竹在胸 成人之美 成群结队 成家立业 万众一心 万紫千红 万无一失 万事如意 万古长青 万马奔腾 万水千山 万象更新 ' +
    '万家灯火 万人空巷 万籁俱寂 千军万马 千变万化 千方百计 千钧一发 千言万语 千山万水 千真万确 千姿百态 千丝万缕 千载难逢 千辛万苦 千篇一律 千里迢迢 千锤百炼 千差万别 千奇百怪 百发百中 ' +
    '百折不挠 百花齐放 百家争鸣 百依百顺 百战百胜 百感交集 百年大计 百里挑一 百川归海 百无聊赖 百废俱兴 十全十美 十拿九稳 十万火急 十年寒窗 十恶不赦 三心二意 三言两语 三长两短 三顾茅庐 ' +
    '三思而行 三五成群 三头六臂 三番五次 三生有幸 三令五申 五湖四海 五颜六色 五光十色 五花八门 五体投地 五谷丰登 五彩缤纷 四面八方 四海为家 四分五裂 四平八稳 四通八达 四面楚歌 七上八下 ' +
    '七嘴八舌 七零八落 七手八脚 七窍生烟 八仙过海 八面玲珑 九牛一毛 九死一生 九霄云外 半途而废 半信半疑 半斤八两 半壁江山 方兴未艾 计上心来 来日方长 来龙去脉 来之不易 来者不拒 长治久安 ' +
    '长年累月 长驱直入 长话短说 长吁短叹 长篇大论 长生不老 长此以往 安居乐业 安然无恙 安步当车 安分守己 安如泰山 业精于勤 勤学苦练 勤能补拙 勤俭持家 勤勤恳恳 家喻户晓 家常便饭 家徒四壁 ' +
    '家财万贯 晓之以理 理直气壮 理所当然 理屈词穷 壮志凌云 壮志未酬 云开见日 云消雾散 日新月异 日积月累 日月如梭 日上三竿 日理万机 日以继夜 日久天长 日暮途穷 异想天开 异口同声 异曲同工 ' +
    '开门见山 开天辟地 开卷有益 开源节流 开诚布公 开宗明义 山清水秀 山穷水尽 山高水长 山明水秀 山盟海誓 山珍海味 山崩地裂 水落石出 水滴石穿 水到渠成 水深火热 水涨船高 水泄不通 水乳交融 ' +
    '水土不服 出人头地 出类拔萃 出其不意 出口成章 出生入死 出谋划策 出神入化 出尔反尔 头头是道 头重脚轻 头破血流 道听途说 道貌岸然 说一不二 说三道四 说长道短 说来话长 二话不说 二龙戏珠 ' +
    '话中有话 石破天惊 石沉大海 惊天动地 惊弓之鸟 惊心动魄 惊慌失措 惊涛骇浪 鸟语花香 鸟尽弓藏 香消玉殒 花好月圆 花言巧语 花团锦簇 语重心长 语无伦次 动人心弦 动之以情 目不转睛 目瞪口呆 ' +
    '目中无人 目不识丁 目光如炬 光明磊落 光彩夺目 光阴似箭 光宗耀祖 光怪陆离 光天化日 明察秋毫 明知故问 明目张胆 明争暗斗 明辨是非 箭在弦上 力不从心 力挽狂澜 力争上游 力所能及 生龙活虎 ' +
    '生机勃勃 生气勃勃 生死存亡 生搬硬套 生离死别 生生不息 虎头蛇尾 虎背熊腰 虎口拔牙 虎视眈眈 尾大不掉 龙飞凤舞 龙腾虎跃 龙马精神 龙争虎斗 马到成功 马不停蹄 马马虎虎 功成名就 功德无量 ' +
    '功亏一篑 手舞足蹈 手忙脚乱 手不释卷 手到擒来 手足无措 口是心非 口若悬河 口口声声 口耳相传 声东击西 声情并茂 声势浩大 非同小可 可歌可泣 可想而知 可乘之机 知己知彼 知难而进 知足常乐 ' +
    '知书达理 知人善任 乐在其中 乐不思蜀 乐极生悲 乐此不疲 乐善好施 中流砥柱 中西合璧 行云流水 行之有效 行色匆匆 自言自语 自强不息 自力更生 自由自在 自相矛盾 自作自受 自以为是 自告奋勇 ' +
    '自食其力 自圆其说 自始至终 自给自足 自高自大 自暴自弃 自欺欺人 自不量力 自投罗网 自讨苦吃 自惭形秽 在所不辞 在劫难逃 息息相关 关怀备至 同心协力 同甘共苦 同舟共济 同床异梦 同仇敌忾 ' +
    '苦尽甘来 苦口婆心 苦中作乐 苦思冥想 得心应手 得意忘形 得寸进尺 得天独厚 得过且过 得不偿失 形影不离 形形色色 形单影只 色厉内荏 离乡背井 离经叛道 井底之蛙 井井有条 风和日丽 风调雨顺 ' +
    '风雨同舟 风起云涌 风吹草动 风平浪静 风尘仆仆 风驰电掣 风花雪月 风土人情 风雨无阻 风度翩翩 风华正茂 风卷残云 顺理成章 顺水推舟 顺其自然 顺手牵羊 顺藤摸瓜 羊肠小道 羊入虎口 瓜熟蒂落 ' +
    '瓜田李下 落花流水 落落大方 落井下石 落叶归根 落荒而逃 根深蒂固 固若金汤 金碧辉煌 金玉满堂 金蝉脱壳 金榜题名 名列前茅 名副其实 名不虚传 名落孙山 名正言顺 名垂青史 实事求是 实至名归 ' +
    '是非曲直 直截了当 直言不讳 当机立断 当仁不让 当务之急 断章取义 义不容辞 义无反顾 义正辞严 义愤填膺 顾全大局 顾此失彼 急中生智 急功近利 急于求成 智勇双全 全神贯注 全力以赴 全心全意 ' +
    '利令智昏 正大光明 正襟危坐 坐井观天 坐享其成 坐立不安 坐以待毙 坐吃山空 公而忘私 无微不至 无边无际 无忧无虑 无所事事 无能为力 无中生有 无可奈何 无地自容 无动于衷 无价之宝 无独有偶 ' +
    '无拘无束 无所畏惧 无穷无尽 无影无踪 无与伦比 无精打采 无理取闹 无足轻重 至理名言 至高无上 有条不紊 有声有色 有口无心 有目共睹 有求必应 有备无患 有始有终 有朝一日 有志竟成 有板有眼 ' +
    '有恃无恐 有气无力 有的放矢 有勇无谋 何足挂齿 何去何从 容光焕发 束手无策 束手就擒 尽善尽美 尽力而为 尽心尽力 重整旗鼓 重见天日 重于泰山 应有尽有 应接不暇 应运而生 患得患失 终身大事 ' +
    '眼高手低 眼花缭乱 眼疾手快 矢志不渝 美中不足 美不胜收 泰然自若 泰然处之 泰山压顶 若无其事 若即若离 若隐若现 高瞻远瞩 高枕无忧 高山流水 高谈阔论 高朋满座 高不可攀 高风亮节 足智多谋 ' +
    '足不出户 满载而归 满面春风 满城风雨 归心似箭 雨过天晴 雨后春笋 春暖花开 春风得意 春华秋实 春色满园 春风化雨 飞黄腾达 飞沙走石 飞禽走兽 达官贵人 漫不经心 漫山遍野 久别重逢 久经沙场 ' +
    '逢凶化吉 吉祥如意 吉人天相 相亲相爱 相得益彰 相提并论 相依为命 相辅相成 相敬如宾 相濡以沫 相见恨晚 宾至如归 爱不释手 爱屋及乌 爱莫能助 乌合之众 乌烟瘴气 众志成城 众所周知 众口一词 ' +
    '众望所归 众星捧月 月明星稀 月下老人 助人为乐 气吞山河 气壮山河 气象万千 气势磅礴 气急败坏 居安思危 居高临下 危在旦夕 危言耸听 听天由命 秀外慧中 秀色可餐 餐风露宿 畏首畏尾 穷途末路 ' +
    '穷则思变 路不拾遗 路见不平 平易近人 平步青云 平分秋色 平心静气 作茧自缚 作威作福 师出有名 表里如一 胸有成竹 胸无大志 竹报平安 失魂落魄 失之交臂 如鱼得水 如火如荼 如虎添翼 如释重负 ' +
    '如饥似渴 如愿以偿 如雷贯耳 如梦初醒 如出一辙 如影随形 如履薄冰 如日中天 如数家珍 负荆请罪 耳目一新 耳濡目染 耳熟能详 新陈代谢 冰天雪地 冰清玉洁 冰雪聪明 青出于蓝 青梅竹马 青云直上 ' +
    '兴高采烈 兴致勃勃 兴风作浪 兴师动众 代代相传 传宗接代 传为佳话 奋不顾身 奋发图强 身临其境 身体力行 身不由己 身先士卒 身败名裂 神采奕奕 神通广大 神机妙算 神出鬼没 神来之笔 神乎其神 ' +
    '机不可失 进退两难 进退维谷 难能可贵 难以置信 难分难解 难兄难弟 信口开河 信以为真 信手拈来 信誓旦旦 真心实意 真知灼见 真相大白 见多识广 见义勇为 见异思迁 见微知著 见仁见智 见机行事 ' +
    '广开言路 白手起家 白头偕老 白驹过隙 老当益壮 老马识途 老生常谈 老谋深算 老态龙钟 谈笑风生 谈天说地 谈虎色变 变化多端 变本加厉 悲欢离合 悲天悯人 合情合理 勇往直前 前所未有 前赴后继 ' +
    '前功尽弃 前仆后继 前呼后拥 前因后果 继往开来 想方设法 想入非非 厚此薄彼 厚积薄发 过河拆桥 过眼云烟 过目不忘 烟消云散 情不自禁 情投意合 情同手足 情有独钟 年富力强 强词夺理 强人所难 ' +
    '李代桃僵 堂而皇之 之乎者也 茅塞顿开 曲高和寡 曲径通幽 寡不敌众 漫天要价 河清海晏 河东狮吼 外强中干 外柔内刚 别开生面 别出心裁 别有用心 别具一格 别有洞天 论功行赏 勃然大怒 解甲归田 ' +
    '解囊相助 才高八斗 才华横溢 才疏学浅 言而有信 言听计从 言简意赅 言传身教 言出必行 言过其实 言归正传 言外之意 放虎归山 放任自流 快马加鞭 快人快语 针锋相对 望梅止渴 望尘莫及 望子成龙 ' +
    '望而生畏 望穿秋水 望洋兴叹 通情达理 通宵达旦 通力合作 亲密无间 亲如手足 忧心忡忡 忧国忧民 化险为夷 化整为零 化为乌有 稳如泰山 稳操胜券 流连忘返 流芳百世 流言蜚语 精益求精 精打细算 ' +
    '精兵简政 精诚团结 精卫填海 精疲力尽 喜出望外 喜笑颜开 喜闻乐见 喜新厌旧 喜形于色 笑逐颜开 笑里藏刀 笑容可掬 怒发冲冠 怒不可遏 刻舟求剑 刻不容缓 刻骨铭心 画龙点睛 画蛇添足 画饼充饥 ' +
    '画地为牢 守株待兔 守口如瓶 守望相助 亡羊补牢 对牛弹琴 对症下药 对答如流 掩耳盗铃 杯弓蛇影 杯水车薪 拔苗助长 狐假虎威 鹤立鸡群 叶公好龙 闻鸡起舞 闻名遐迩 闻所未闻 滥竽充数 卧薪尝胆 ' +
    '破釜沉舟 破镜重圆 破涕为笑 门庭若市 门当户对 指鹿为马 指手画脚 纸上谈兵 走马观花 东山再起 东施效颦 雪中送炭 雪上加霜 锦上添花 锦绣前程 杞人忧天 愚公移山 南辕北辙 南腔北调 朝三暮四 ' +
    '朝气蓬勃 朝思暮想 朝秦暮楚 草木皆兵 草船借箭 兵荒马乱 兵贵神速 兵临城下 鸡犬不宁 鸡毛蒜皮 鸡飞蛋打 狼吞虎咽 狼心狗肺 抛砖引玉 班门弄斧 胆小如鼠 胆大包天 鼠目寸光 车水马龙 车载斗量 ' +
    '各抒己见 各显神通 各奔前程 各得其所 各持己见 回心转意 回味无穷 转危为安 转败为胜 热火朝天 热泪盈眶 火上浇油 火树银花 火冒三丈 欢天喜地 欢聚一堂 欣欣向荣 欣喜若狂 温故知新 温文尔雅 ' +
    '尔虞我诈 我行我素 素不相识 博大精深 博古通今 深思熟虑 深入浅出 深入人心 深谋远虑 深恶痛绝 绝无仅有 绝处逢生 独一无二 独当一面 独具匠心 独树一帜 独善其身 面红耳赤 面目全非 面面俱到 ' +
    '面不改色 赤子之心 赤胆忠心 交头接耳 闭门造车 闭月羞花 移花接木 移山倒海 木已成舟 群策群力 群龙无首 首屈一指 首当其冲 指日可待 待人接物 物尽其用 物极必反 物以类聚 物是人非 用心良苦 ' +
    '反败为胜 反复无常 恍然大悟 迫不及待 良药苦口 左右逢源 左顾右盼 源远流长 披荆斩棘 披星戴月 星火燎原 星罗棋布 原形毕露 冷嘲热讽 张灯结彩 张冠李戴 张牙舞爪 鱼目混珠 珠联璧合 叹为观止 ' +
    '小心翼翼 小题大做 饮水思源 卷土重来 奇形怪状 含辛茹苦 威风凛凛 好高骛远 好为人师 数一数二 数不胜数 起死回生 起早贪黑 打草惊蛇 打抱不平 玉树临风 玉洁冰清 今非昔比 比翼双飞 比比皆是 ' +
    '书香门第 远走高飞 黑白分明 清心寡欲 欲罢不能 欲擒故纵 能说会道 能者多劳 能屈能伸'
  ).split(' ');
  // Simplified -> traditional (Taiwan forms), one character each, and the idioms that read otherwise.
  const S = (
    '万与业东丝两严丰临为丽举义乌乐乡书乱争于亏云亲仅仆从价众会传伥伦体余俭偿关兴兽内军冲冻净凛凤凭凶击划则刚别剑务动劳势华协' +
    '单卧卫厉压厌双发变叶号叹吁后听团园国图圆场坏坠壮声壳处备复头夺奋孙学宁宝实宾对尔尘尝尽师帜干并广庐应废开异弃张弹强归当径' +
    '忧忾怀态恳恶悬悯惊惧惭愤愿戏战户扬抛报拥挂挠捞摆摇敌数斗斩断无旧时旷显晓机杂条来杰极树样桥梦楼横欢残殒毕毙气汤没泄泪洁浅' +
    '浇济涂涌涛涨温游满滥澜灭灯灵点炼烂烟热焕爱牵状犹独狮现珑电画盗瞩砖确离积秽稳穷窍笋笔简篑籁类红纳纵纷纸练细终经结给绝绣继' +
    '维缓缕缚缝缤缭网罗罢耸联聪肠胆胜脉脚脱腾节茧荆荣药蓝虑虚蝉补见观视计讨让讳论讽设识诈词试诚话详语说请诺调谈谋谢谭负财败质' +
    '贪贯贵赅赏赖跃踪蹿车转轻载辅辈辉辕辙辞辟边达迁过运进远违连迩遗采释里针钟钧铃铭银锋锤锦镜长门闭问间闹闻阁阔队阴际陆陈险随' +
    '隐难雾静顶顺顾顿领题颜颦风飞饥饭饮饼马驰驱驹骇骛鱼鸟鸡鸣鹤黄齐齿龙'
  );
  const T = (
    '萬與業東絲兩嚴豐臨為麗舉義烏樂鄉書亂爭於虧雲親僅僕從價眾會傳倀倫體餘儉償關興獸內軍衝凍淨凜鳳憑兇擊劃則剛別劍務動勞勢華協' +
    '單臥衛厲壓厭雙發變葉號嘆籲後聽團園國圖圓場壞墜壯聲殼處備復頭奪奮孫學寧寶實賓對爾塵嘗盡師幟幹並廣廬應廢開異棄張彈強歸當徑' +
    '憂愾懷態懇惡懸憫驚懼慚憤願戲戰戶揚拋報擁掛撓撈擺搖敵數鬥斬斷無舊時曠顯曉機雜條來傑極樹樣橋夢樓橫歡殘殞畢斃氣湯沒洩淚潔淺' +
    '澆濟塗湧濤漲溫遊滿濫瀾滅燈靈點煉爛煙熱煥愛牽狀猶獨獅現瓏電畫盜矚磚確離積穢穩窮竅筍筆簡簣籟類紅納縱紛紙練細終經結給絕繡繼' +
    '維緩縷縛縫繽繚網羅罷聳聯聰腸膽勝脈腳脫騰節繭荊榮藥藍慮虛蟬補見觀視計討讓諱論諷設識詐詞試誠話詳語說請諾調談謀謝譚負財敗質' +
    '貪貫貴賅賞賴躍蹤躥車轉輕載輔輩輝轅轍辭闢邊達遷過運進遠違連邇遺採釋裡針鍾鈞鈴銘銀鋒錘錦鏡長門閉問間鬧聞閣闊隊陰際陸陳險隨' +
    '隱難霧靜頂順顧頓領題顏顰風飛飢飯飲餅馬馳驅駒駭騖魚鳥雞鳴鶴黃齊齒龍'
  );
  const HANT = {
    '一目了然': '一目瞭然',
    '一日千里': '一日千里',
    '一干二净': '一乾二淨',
    '大相径庭': '大相逕庭',
    '人云亦云': '人云亦云',
    '下里巴人': '下里巴人',
    '千钧一发': '千鈞一髮',
    '千里迢迢': '千里迢迢',
    '百里挑一': '百里挑一',
    '五谷丰登': '五穀豐登',
    '长吁短叹': '長吁短嘆',
    '力争上游': '力爭上游',
    '形单影只': '形單影隻',
    '风卷残云': '風捲殘雲',
    '无精打采': '無精打采',
    '逢凶化吉': '逢凶化吉',
    '兴高采烈': '興高采烈',
    '神采奕奕': '神采奕奕',
    '前仆后继': '前仆後繼',
    '外强中干': '外強中乾',
    '才高八斗': '才高八斗',
    '怒发冲冠': '怒髮衝冠',
    '狼吞虎咽': '狼吞虎嚥',
    '车载斗量': '車載斗量',
    '反复无常': '反覆無常',
    '张灯结彩': '張燈結綵',
    '卷土重来': '捲土重來',
  };

  /** An idiom in traditional characters (Taiwan forms). */
  function toHant(x) {
    if (HANT[x]) return HANT[x];
    return Array.from(x).map((c) => { const i = S.indexOf(c); return i >= 0 ? T[i] : c; }).join('');
  }

  /** A game's dictionary in the page's script: the idioms and, per first character, the idioms starting with it.
      The chain links characters as they are written, so in traditional 千鈞一髮 does not lead to 發揚光大. */
  function create(lang) {
    const words = lang === 'zh-Hant' ? LIST.map(toHant) : LIST.slice();
    const byFirst = {};
    words.forEach((w) => { (byFirst[w[0]] = byFirst[w[0]] || []).push(w); });
    return { words, byFirst, set: new Set(words) };
  }

  const lastChar = (w) => w[w.length - 1];

  /** The unused idioms that may follow `prev` (they start with its last character). */
  function successors(d, prev, used) {
    return (d.byFirst[lastChar(prev)] || []).filter((w) => !used.has(w));
  }

  /** Whether `word` continues the chain after `prev`: a known idiom, starting with prev's last character, unused. */
  function isValid(d, prev, used, word) {
    return d.set.has(word) && word[0] === lastChar(prev) && !used.has(word) && word !== prev;
  }

  /** How many more links the chain can take after `w` (at most `depth`), by a depth-first look-ahead. */
  function reach(d, w, used, depth) {
    if (depth <= 0) return 0;
    let best = 0;
    const next = successors(d, w, used);
    for (let i = 0; i < next.length && best < depth; i++) {
      used.add(next[i]);
      best = Math.max(best, 1 + reach(d, next[i], used, depth - 1));
      used.delete(next[i]);
    }
    return best;
  }

  function shuffle(list, rng) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }

  /** Of `list`, the idioms with the longest look-ahead (random among equals). */
  function longest(d, list, used, depth, rng) {
    let best = -1, out = [];
    shuffle(list, rng).forEach((w) => {
      used.add(w);
      const r = reach(d, w, used, depth);
      used.delete(w);
      if (r > best) { best = r; out = [w]; } else if (r === best) out.push(w);
    });
    return out.length ? out[Math.floor(rng() * out.length)] : null;
  }

  /** The computer's first idiom: one that a long chain can follow. */
  function opening(d, rng) {
    const used = new Set();
    for (let tries = 0; tries < 200; tries++) {
      const w = d.words[Math.floor(rng() * d.words.length)];
      used.add(w);
      const ok = reach(d, w, used, 4) >= 4;
      used.delete(w);
      if (ok) return w;
    }
    return d.words[0];
  }

  /** The computer's answer to `prev`: an unused idiom that the player can answer in turn, keeping the chain long;
      null when there is none (the player wins). */
  function answer(d, prev, used, rng) {
    const fair = successors(d, prev, used).filter((w) => {
      used.add(w);
      const ok = successors(d, w, used).length > 0;
      used.delete(w);
      return ok;
    });
    return fair.length ? longest(d, fair, used, 3, rng) : null;
  }

  /** The player's four choices after `prev`: exactly one continues the chain (the one the chain can go furthest
      from); the others look alike (they share the character elsewhere, or with the valid one) but start otherwise.
      Returns {options, answer (its index)} or null when nothing continues. */
  function choices(d, prev, used, rng, count) {
    count = count || 4;
    const valid = successors(d, prev, used);
    if (!valid.length) return null;
    const right = longest(d, valid, used, 2, rng);
    const ch = lastChar(prev);
    const wrong = (w) => w[0] !== ch && w !== prev && !used.has(w) && w !== right;
    const near = shuffle(d.words.filter((w) => wrong(w) && (w.indexOf(ch) > 0 || w[0] === right[1] || lastChar(w) === lastChar(right))), rng);
    const rest = shuffle(d.words.filter(wrong), rng);
    const picked = [];
    near.concat(rest).forEach((w) => { if (picked.length < count - 1 && picked.indexOf(w) < 0) picked.push(w); });
    const options = shuffle(picked.concat([right]), rng);
    return { options, answer: options.indexOf(right) };
  }

  return { LIST, toHant, create, successors, isValid, reach, opening, answer, choices };
})();
if (typeof module !== 'undefined') module.exports = IdiomRules;
