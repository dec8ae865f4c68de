"""Article texts for the extraction corpus: the five seed stories plus stories written here.

Written stories are invented local-news items in the register of county and city papers
(places and offices are real, people and events are not). Each entry gives what the page
shows: headline, publish time as printed, source, bylines inside the text, editors, body
paragraphs and images with captions.
"""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"


def _seed_lines(name: str) -> list[str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def seed_articles() -> list[dict]:
    """The five seeds as articles (body lines only; the seeds' own chrome is dropped)."""
    out = []
    lines = _seed_lines("000_54cda5ca0dd2751a.txt")
    out.append(dict(
        key="seed000", title="巴中市黨政代表團(tuán)到我市考察", published="2021-12-09 08:31", precision="minute",
        source="自貢網(wǎng)", authors=["廖藍(lán)蕾", "陳凡逸"], editors=["王娉婷", "馬莉莎"],
        paragraphs=lines[:6], tail=lines[6:9], images=[],
    ))
    lines = _seed_lines("001_cff38797c6928161.txt")
    out.append(dict(
        key="seed001", title="重慶市榮昌區(qū)黨政代表團到我市考察", published="2020-04-30 07:50", precision="minute",
        source="自貢日報", authors=["李秋玥", "廖藍蕾"], editors=["冉華陽"],
        paragraphs=lines[:5], tail=lines[5:7], images=[("/upload/2020/0430/rc01.jpg", "座談會現場。 葉衛(wèi)東 攝")],
    ))
    lines = _seed_lines("002_a53d50f8d4c75885.txt")
    start = lines.index(next(l for l in lines if l.startswith("7月28日下午")))
    end = lines.index(next(l for l in lines if l.startswith("成都市人大常委会主任于伟")))
    out.append(dict(
        key="seed002", title="攀成两地签署深化区域协同发展合作备忘录 范锐平李建勤等出席签约仪式",
        published="2017-07-29 07:34", precision="minute", source="攀枝花日报", authors=["王悦良"], editors=[],
        paragraphs=lines[start:end + 1], tail=[], images=[],
        teaser=("笨笨的天空", "成都市李家沱实验小学三年级5班贾亦晨我家曾有一只乌龟,名叫笨笨,它真的很笨。船在水里有搁浅的时候,乌龟也有。它被石头砸上左右没法动的样子,把我打动了,我把它买回了家。才回家没..."),
    ))
    lines = _seed_lines("003_044381c29e18b771.txt")
    start = lines.index("蜀道丝路牵手 交流协作共赢")
    end = lines.index(next(l for l in lines if l.startswith("广元市领导曹建奎")))
    out.append(dict(
        key="seed003", title="广元市党政代表团赴新疆哈密学习考察", published="2024-04-18 11:12", precision="minute",
        source="广元日报", authors=["蒲洪旭"], editors=[],
        paragraphs=lines[start + 3:end + 1], lead=lines[start:start + 3], tail=[], images=[],
    ))
    lines = _seed_lines("004_29e6a95d79ed7dd2.txt")
    start = next(i for i, l in enumerate(lines) if l.startswith("秀山網(wǎng)訊"))
    end = next(i for i, l in enumerate(lines) if l.startswith("全媒體記者"))
    paragraphs = [l for l in lines[start:end + 1] if not l.startswith("開展座談會")]
    out.append(dict(
        key="seed004", title="向業(yè)順馬文森率考察團(tuán)赴合川對接對口幫扶協(xié)同發(fā)展工作",
        published="2020-09-09 18:21:58", precision="second", source="秀山網(wǎng)", authors=["楊?。"], editors=["付沖"],
        paragraphs=paragraphs, tail=[], images=[("/upload/202009/09/202009091820.jpg", "開展座談會。 楊俊 攝")],
    ))
    return out


WRITTEN = [
    dict(
        key="w01", title="荣昌区考察团来我县学习乡村振兴工作经验", published="2021-06-15 16:40", precision="minute",
        source="秀山网", authors=["王晓燕"], editors=["田甜"],
        paragraphs=[
            "秀山网讯(全媒体记者 王晓燕)6月14日至15日,重庆市荣昌区考察团一行来我县考察学习乡村振兴工作经验。县委副书记杨红军陪同考察。",
            "考察团先后前往清溪场镇大寨村、隘口镇富裕村、秀山(武陵)现代物流园区等地,实地了解我县发展特色产业、推进农村电商、改善人居环境等方面的做法。",
            "在随后召开的座谈会上,双方围绕乡村产业发展、农产品流通体系建设等内容进行了深入交流。考察团表示,秀山在电商物流助推乡村振兴方面的经验值得学习借鉴。",
            "杨红军表示,希望两地以此次考察为契机,进一步加强沟通联系,在产业协作、人才交流等领域深化合作,共同推动乡村全面振兴。",
        ],
        images=[("/upload/202106/15/dzc.jpg", "考察团在大寨村了解民宿发展情况。 王晓燕 摄")],
    ),
    dict(
        key="w02", title="我市召开2022年城乡环境综合治理工作推进会", published="2022-03-08 09:15", precision="minute",
        source="自贡日报", authors=["张静", "刘洋"], editors=["李娜"],
        paragraphs=[
            "本报讯(记者 张静 刘洋)3月7日,我市召开2022年城乡环境综合治理工作推进会,总结去年工作,安排部署今年任务。",
            "会议指出,过去一年,全市上下坚持问题导向,持续开展城乡环境“四乱”整治,城乡面貌发生明显变化,群众满意度不断提升。",
            "会议要求,各区县和市级有关部门要对标对表年度目标任务,聚焦背街小巷、农贸市场、城乡结合部等重点区域,补齐短板弱项,建立长效机制;要压紧压实责任,强化督查考核,确保各项工作落地见效。",
            "市级有关部门、各区县分管负责同志参加会议。",
        ],
        images=[],
    ),
    dict(
        key="w03", title="汉中市党政代表团赴宝鸡考察交流 两市签署战略合作框架协议", published="2019-11-22 07:05", precision="minute",
        source="汉中日报", authors=["陈涛"], editors=[],
        paragraphs=[
            "本报宝鸡11月21日电(记者 陈涛)11月20日至21日,汉中市党政代表团赴宝鸡市考察交流,学习借鉴宝鸡在工业转型升级、城市建设管理等方面的先进经验,共商两市合作发展大计。",
            "代表团一行先后考察了宝鸡高新区、陕西法士特齿轮有限责任公司、宝鸡钛谷新材料产业园等地,详细了解宝鸡推动先进制造业发展的做法。",
            "在两市合作交流座谈会上,两市签署了《汉中市人民政府 宝鸡市人民政府战略合作框架协议》,将在交通互联、产业协作、文化旅游、生态保护等领域开展务实合作。",
            "宝鸡市委书记介绍了宝鸡经济社会发展情况。汉中市委书记表示,汉宝两市山水相连、人文相亲,合作基础深厚,希望以此次签约为新起点,推动两市合作迈上新台阶。",
        ],
        images=[("/uploadfile/2019/1122/20191122070512.jpg", "▲两市合作交流座谈会现场")],
    ),
    dict(
        key="w04", title="朝天区开展森林防火应急演练", published="2023-02-16 17:28", precision="minute",
        source="朝天区融媒体中心", authors=["赵敏"], editors=["何静"],
        paragraphs=[
            "本网讯(赵敏)为切实提高森林火灾应急处置能力,2月15日,朝天区在曾家镇开展森林防火应急演练。",
            "演练模拟曾家镇某村山林因村民上坟烧纸引发火情。接到报警后,区森林防灭火指挥部立即启动应急预案,专业扑火队伍、乡镇半专业扑火队和村级护林员迅速集结,按照分工开展扑救、疏散群众和清理余火等工作。",
            "此次演练检验了应急预案的科学性和可操作性,提高了各部门协同作战能力,达到了预期效果。",
        ],
        images=[("/__local/A/B1/ff.jpg", "")],
    ),
    dict(
        key="w05", title="西充县党政代表团到我区考察交流", published="2018-05-10 20:03:11", precision="second",
        source="广元日报", authors=["李华", "孙伟"], editors=["周婷"],
        paragraphs=[
            "5月9日,南充市西充县党政代表团一行到我区考察交流,学习我区在有机农业发展、脱贫攻坚等方面的经验。区委书记、区长等陪同考察。",
            "代表团一行先后来到中子镇、羊木镇的猕猴桃产业园、核桃种植基地,实地察看产业发展情况,并与当地干部群众亲切交流。",
            "在随后召开的座谈会上,双方就产业发展、脱贫攻坚等工作进行了交流。西充县代表团表示,将认真学习借鉴朝天的好经验、好做法,推动两地交流合作不断深入。",
            "(记者 李华 孙伟)",
        ],
        images=[],
    ),
    dict(
        key="w06", title="攀枝花今年已接待游客超千万人次", published="2019-10-09 06:58", precision="minute",
        source="攀枝花日报", authors=["杨柳"], editors=[],
        paragraphs=[
            "本报讯(记者 杨柳)记者从市文广旅局获悉,今年1月至9月,我市累计接待国内外游客1086.5万人次,同比增长13.6%;实现旅游总收入138.2亿元,同比增长16.1%。",
            "国庆假期,我市各景区景点推出阳光康养、民俗体验等系列活动,迷易格萨拉、二滩等景区游客量明显增长,乡村旅游持续升温。",
            "市文广旅局相关负责人表示,下一步将继续完善旅游基础设施,丰富旅游产品供给,打响“阳光花城·康养胜地”品牌。",
        ],
        images=[("http://img.example.cn/pzh/2019/10/09/a1.jpg", "游客在二滩景区游览。 本报记者 杨柳 摄")],
    ),
    dict(
        key="w07", title="古蔺县举行2021年重点项目集中开工仪式", published="2021-03-26 10:42", precision="minute",
        source="泸州日报", authors=["罗兰"], editors=["钟鸣"],
        paragraphs=[
            "3月25日,古蔺县举行2021年重点项目集中开工仪式,此次集中开工项目共23个,总投资约86亿元,涵盖产业发展、基础设施、民生保障等领域。",
            "据了解,此次开工的项目中,产业类项目9个、基础设施类项目8个、社会民生类项目6个。项目建成后,将进一步夯实全县发展基础,增强发展后劲。",
            "县委主要负责人要求,各级各部门要强化要素保障,优化服务环境,加快推进项目建设,力争早建成、早投产、早见效。",
            "(泸州日报记者 罗兰)",
        ],
        images=[],
    ),
    dict(
        key="w08", title="新都区与德阳市旌阳区签署区域合作协议", published="2020-08-14 15:30", precision="minute",
        source="成都日报", authors=["吴雪"], editors=["黄磊"],
        paragraphs=[
            "8月13日,德阳市旌阳区党政代表团来到新都区考察,并召开区域合作交流座谈会。两区签署了《新都区 旌阳区深化区域合作框架协议》。",
            "座谈会上,双方表示,将以成德同城化发展为契机,在交通互联互通、产业协作配套、公共服务共享等方面加强合作,推动两区协同发展。",
            "代表团一行先后参观了新都区城市规划展览馆、中国铁建产业园等地。",
        ],
        images=[("/d/file/news/2020-08-14/xd01.jpg", "图为座谈会现场")],
    ),
    dict(
        key="w09", title="秀山县召开全县安全生产工作会议", published="2022-01-05 11:20:45", precision="second",
        source="秀山网", authors=["龙飞"], editors=["彭丽"],
        paragraphs=[
            "1月4日,全县安全生产工作会议召开,会议总结2021年全县安全生产工作,安排部署2022年及近期安全生产工作。",
            "会议强调,岁末年初是安全生产事故易发多发期,各乡镇(街道)、各部门要时刻绷紧安全生产这根弦,深入开展隐患排查整治,严格落实安全生产责任制,坚决防范和遏制各类事故发生。",
            "会上,县安委会与各乡镇(街道)、县级有关部门签订了2022年安全生产目标责任书。",
            "全媒体记者 龙飞",
        ],
        images=[],
    ),
    dict(
        key="w10", title="自贡灯会入选省级非遗保护优秀实践案例", published="2023-09-21 19:02", precision="minute",
        source="自贡网", authors=["李梦"], editors=["王芳", "陈明"],
        paragraphs=[
            "自贡网记者 李梦",
            "近日,省文化和旅游厅公布省级非物质文化遗产保护优秀实践案例名单,自贡灯会传统技艺传承与创新案例成功入选。",
            "近年来,我市坚持保护传承与创新发展并重,建立灯会技艺传承人名录,推动彩灯进校园、进社区,培养了一大批青年彩灯工匠。自贡彩灯已远销80多个国家和地区。",
            "下一步,我市将继续推进彩灯文化与旅游、科技深度融合,让千年灯会焕发新的光彩。",
        ],
        images=[("/upload/images/2023/9/21/dh.jpg", "自贡彩灯亮相海外灯会。(资料图)")],
    ),
]


def all_articles() -> list[dict]:
    return seed_articles() + [dict(a, tail=a.get("tail", [])) for a in WRITTEN]
