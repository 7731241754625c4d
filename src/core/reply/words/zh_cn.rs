//! The bot's words in Simplified Chinese (Discord locale `zh-CN`).

use super::*;

pub static SIMPLIFIED_CHINESE: Words = Words {
    ask_title: "关于 ISO 的问题，尽管问我",
    ask_hint: || {
        Text::new()
            .plain("在 ")
            .command("ask")
            .plain(" 后面输入你的问题，例如“企业可以加入 ISO 吗？”，或者使用 ")
            .command("faq")
            .plain(" 浏览所有主题。")
    },
    did_you_mean: "你是不是想问……？",
    helpers_title: "转交给帮手们",
    helpers_note: || {
        Text::new().plain(
            "我不确定 ISO 常见问题中的哪一部分能解答这篇帖子的问题，所以已经请帮手们来看看。\
             在此期间，以下主题最为接近：",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("我不确定 ISO 常见问题中的哪一部分能解答“")
            .quote(question)
            .plain("”。以下主题最为接近：")
    },
    not_in_faq: "常见问题未涵盖",
    no_answer: |question| {
        Text::new()
            .plain("ISO 常见问题中没有关于“")
            .quote(question)
            .plain("”的解答。")
    },
    closest_topics: "最接近的主题：",
    also_mean: "你可能还想问",
    related: "相关主题",
    elsewhere: "其他查找途径",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("使用 ")
            .command("faq")
            .plain(format!(" 浏览所有主题，或拨打 {phone} 联系{contact}。"))
    },
    faq_title: "ISO 常见问题",
    more_topics: |count| {
        Text::new()
            .plain(format!("……还有 {count} 个主题：输入 "))
            .command("faq topic:")
            .plain(" 即可搜索。")
    },
    right_now: "当前状态",
    is_open: |name| format!("{name}：营业中"),
    is_closed: |name| format!("{name}：休息中"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("营业中")
            .plain(" · ")
            .time(end, TimeStyle::Time)
            .plain(" 结束（")
            .time(end, TimeStyle::Relative)
            .plain("）"),
        None => Text::new().strong("营业中"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("休息中")
            .plain(" · ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" 开始营业（")
            .time(start, TimeStyle::Relative)
            .plain("）"),
        None => Text::new().strong("休息中").plain(" · 暂无营业安排"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("今日不营业：{name}")),
        None => Text::from("今日不营业"),
    },
    phone: "电话",
    hours: |zone| format!("营业时间（{zone}）"),
    place_time: |place| format!("{place}时间"),
    office_time: "办公室当地时间",
    no_hours: "尚未设置营业时间。",
    closed_on_holidays: "日内瓦公共假日不营业。",
    days: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    list: "、",
    day_hours: |days, times| format!("{days}：{times}"),
    holiday: |english| match english {
        "New Year's Day" => "元旦",
        "Good Friday" => "耶稣受难日",
        "Easter Monday" => "复活节星期一",
        "Ascension Day" => "耶稣升天节",
        "Whit Monday" => "圣灵降临节星期一",
        "Swiss National Day" => "瑞士国庆日",
        "Christmas Day" => "圣诞节",
        "Jeûne genevois" => "日内瓦斋戒日",
        "Restauration de la République" => "日内瓦共和国光复日",
        other => other,
    },
    already_posted: "这里已经发过了",
    answered: |at, link| {
        let when = Text::new().time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!("已在本频道解答过：{link}")),
            None => when.plain("已在本频道解答过，就在上方。"),
        }
    },
    sorry_title: "抱歉，出了点问题",
    sorry: "我暂时无法回答这个问题，请稍后再试。",
    gone_title: "该主题已不存在",
    gone: || {
        Text::new()
            .plain("这个按钮生成后，常见问题已有更新。请使用 ")
            .command("faq")
            .plain(" 查看当前的所有主题。")
    },
    unknown_title: "未知命令",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" 不属于（或已不再属于）本常见问题。请使用 ")
            .command("faq")
            .plain(" 查看所有主题，或者使用 ")
            .command("ask")
            .plain(" 用你自己的话提问。")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("这或许能解答你在 {link} 提出的问题：")),
        None => Text::new().plain("这或许能解答你的问题："),
    },
    pick_title: "哪个主题能解答？",
    pick_any: "或选择任意主题……",
    pick: |question| {
        Text::new()
            .plain("我不确定 ISO 常见问题中的哪一部分能解答“")
            .quote(question)
            .plain("”。请选择要作为回答发布的主题：")
    },
    nothing_to_answer_title: "没有可回答的内容",
    empty_message: "这条消息没有可回答的文字。",
    embeds_only: "这条消息只包含嵌入内容或附件，没有可回答的文字。",
    own_message: "这是我自己发的消息。",
    helpful: "有帮助",
    not_helpful: "没有帮助",
    thanks: "谢谢，已记录：这能帮助我们改进常见问题。",
    already_voted: "你已经评价过这个回答了。谢谢！",
    answer_in_english: "ISO 的回答（英文）",
    intro_in_english: "ISO 的原文（英文）",
    menu_name: "用常见问题回答",
    ask_description: "用你自己的话询问任何关于 ISO 的问题",
    question_description: "你的问题，例如“企业可以加入 ISO 吗？”",
    faq_description: "浏览 ISO 常见问题，或显示其中某个主题",
    topic_description: "要显示的主题；留空则列出所有主题",
    hours_description: "ISO 客户服务中心现在营业吗？什么时候可以打电话？",
    for_description: "为这位成员发布回答：只会提及该成员本人",
    weekdays: [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ],
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    date: |weekday, day, month, year| format!("{year}年{month}{day}日 {weekday}"),
    relative: |elapsed, future| {
        let phrase = match elapsed {
            Elapsed::FewSeconds => "几秒".to_owned(),
            Elapsed::Minutes(n) => format!("{n} 分钟"),
            Elapsed::Hours(n) => format!("{n} 小时"),
            Elapsed::Days(n) => format!("{n} 天"),
        };
        match future {
            true => format!("{phrase}后"),
            false => format!("{phrase}前"),
        }
    },
};
