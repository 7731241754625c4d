//! The bot's words in Traditional Chinese, as written in Taiwan (Discord locale `zh-TW`).

use super::*;

pub static TRADITIONAL_CHINESE: Words = Words {
    ask_title: "關於 ISO 的問題，儘管問我",
    ask_hint: || {
        Text::new()
            .plain("在 ")
            .command("ask")
            .plain(" 後面輸入你的問題，例如「公司可以加入 ISO 嗎？」，或是使用 ")
            .command("faq")
            .plain(" 瀏覽所有主題。")
    },
    did_you_mean: "你是不是想問……？",
    helpers_title: "轉交給小幫手",
    helpers_note: || {
        Text::new().plain(
            "我不確定 ISO 常見問題中的哪個部分能回答這篇貼文的問題，所以已經請小幫手們來看看。\
             在那之前，以下是最接近的主題：",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("我不確定 ISO 常見問題中的哪個部分能回答「")
            .quote(question)
            .plain("」。以下是最接近的主題：")
    },
    not_in_faq: "常見問題未涵蓋",
    no_answer: |question| {
        Text::new()
            .plain("ISO 常見問題中沒有關於「")
            .quote(question)
            .plain("」的解答。")
    },
    closest_topics: "最接近的主題：",
    also_mean: "你可能還想問",
    related: "相關主題",
    elsewhere: "其他查詢管道",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("使用 ")
            .command("faq")
            .plain(format!(" 瀏覽所有主題，或撥打 {phone} 聯絡{contact}。"))
    },
    faq_title: "ISO 常見問題",
    more_topics: |count| {
        Text::new()
            .plain(format!("……還有 {count} 個主題：輸入 "))
            .command("faq topic:")
            .plain(" 即可搜尋。")
    },
    right_now: "目前狀態",
    is_open: |name| format!("{name}：營業中"),
    is_closed: |name| format!("{name}：休息中"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("營業中")
            .plain(" · ")
            .time(end, TimeStyle::Time)
            .plain(" 結束（")
            .time(end, TimeStyle::Relative)
            .plain("）"),
        None => Text::new().strong("營業中"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("休息中")
            .plain(" · ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" 開始營業（")
            .time(start, TimeStyle::Relative)
            .plain("）"),
        None => Text::new()
            .strong("休息中")
            .plain(" · 目前沒有排定的營業時間"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("今日不營業：{name}")),
        None => Text::from("今日不營業"),
    },
    phone: "電話",
    hours: |zone| format!("營業時間（{zone}）"),
    place_time: |place| format!("{place}時間"),
    office_time: "辦公室當地時間",
    no_hours: "尚未設定營業時間。",
    closed_on_holidays: "日內瓦公共假日不營業。",
    days: ["週一", "週二", "週三", "週四", "週五", "週六", "週日"],
    list: "、",
    day_hours: |days, times| format!("{days}：{times}"),
    holiday: |english| match english {
        "New Year's Day" => "元旦",
        "Good Friday" => "耶穌受難日",
        "Easter Monday" => "復活節星期一",
        "Ascension Day" => "耶穌升天節",
        "Whit Monday" => "聖靈降臨節星期一",
        "Swiss National Day" => "瑞士國慶日",
        "Christmas Day" => "聖誕節",
        "Jeûne genevois" => "日內瓦齋戒日",
        "Restauration de la République" => "日內瓦共和國光復日",
        other => other,
    },
    already_posted: "這裡已經發過了",
    answered: |at, link| {
        let when = Text::new().time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!("已在這個頻道回答過：{link}")),
            None => when.plain("已在這個頻道回答過，就在上方。"),
        }
    },
    sorry_title: "抱歉，出了點問題",
    sorry: "我暫時無法回答這個問題，請稍後再試一次。",
    gone_title: "這個主題已不存在",
    gone: || {
        Text::new()
            .plain("這個按鈕建立後，常見問題已有變動。請使用 ")
            .command("faq")
            .plain(" 查看目前的所有主題。")
    },
    unknown_title: "未知的指令",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" 不屬於（或已不再屬於）這份常見問題。請使用 ")
            .command("faq")
            .plain(" 查看所有主題，或是使用 ")
            .command("ask")
            .plain(" 以你自己的話提問。")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("這或許能回答你在 {link} 提出的問題：")),
        None => Text::new().plain("這或許能回答你的問題："),
    },
    pick_title: "哪個主題能回答？",
    pick_any: "或選擇任一主題……",
    pick: |question| {
        Text::new()
            .plain("我不確定 ISO 常見問題中的哪個部分能回答「")
            .quote(question)
            .plain("」。請選擇要發布為回覆的主題：")
    },
    nothing_to_answer_title: "沒有可回答的內容",
    empty_message: "這則訊息沒有可回答的文字。",
    embeds_only: "這則訊息只有嵌入內容或附件，沒有可回答的文字。",
    own_message: "這是我自己發的訊息。",
    helpful: "有幫助",
    not_helpful: "沒有幫助",
    thanks: "謝謝，已記錄下來：這能幫助我們改善常見問題。",
    already_voted: "你已經評價過這個回答了。謝謝！",
    answer_in_english: "ISO 的回答（英文）",
    intro_in_english: "ISO 的原文（英文）",
    menu_name: "用常見問題回答",
    ask_description: "用你自己的話詢問任何關於 ISO 的問題",
    question_description: "你的問題，例如「公司可以加入 ISO 嗎？」",
    faq_description: "瀏覽 ISO 常見問題，或顯示其中某個主題",
    topic_description: "要顯示的主題；留空則列出所有主題",
    hours_description: "ISO 客戶服務中心現在有營業嗎？什麼時候可以打電話？",
    for_description: "為這位成員發布回答：只會提及該成員本人",
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
            Elapsed::FewSeconds => "幾秒".to_owned(),
            Elapsed::Minutes(n) => format!("{n} 分鐘"),
            Elapsed::Hours(n) => format!("{n} 小時"),
            Elapsed::Days(n) => format!("{n} 天"),
        };
        match future {
            true => format!("{phrase}後"),
            false => format!("{phrase}前"),
        }
    },
};
