//! The bot's words in Japanese (polite です/ます, as Discord's Japanese client speaks).

use super::*;

pub static JAPANESE: Words = Words {
    ask_title: "ISOについて何でも聞いてください",
    ask_hint: || {
        Text::new()
            .command("ask")
            .plain(" のあとに質問を入力してください（例：「企業はISOに加盟できますか？」）。すべてのトピックは ")
            .command("faq")
            .plain(" で一覧できます。")
    },
    did_you_mean: "もしかして…？",
    helpers_title: "ヘルパーに引き継ぎます",
    helpers_note: || {
        Text::new().plain(
            "この投稿にISOのFAQのどの項目が答えになるのかはっきりわからないため、ヘルパーに\
             確認をお願いしました。それまでの間、近いトピックをご覧ください：",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("「")
            .quote(question)
            .plain("」にISOのFAQのどの項目が答えになるのか、はっきりわかりません。近いトピックはこちらです：")
    },
    not_in_faq: "FAQにはありません",
    no_answer: |question| {
        Text::new()
            .plain("ISOのFAQには「")
            .quote(question)
            .plain("」への答えがありません。")
    },
    closest_topics: "最も近いトピック：",
    also_mean: "こちらもお探しですか？",
    related: "関連トピック",
    elsewhere: "ほかの調べ方",
    browse_or_call: |contact, phone| {
        Text::new().command("faq").plain(format!(
            " ですべてのトピックを見るか、{contact}（{phone}）までお電話ください。"
        ))
    },
    faq_title: "ISOのよくある質問",
    more_topics: |count| {
        Text::new()
            .plain(format!("…ほか{count}件のトピックがあります。"))
            .command("faq topic:")
            .plain(" で検索できます。")
    },
    right_now: "現在の状況",
    is_open: |name| format!("{name}は営業中です"),
    is_closed: |name| format!("{name}は営業時間外です"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("営業中")
            .plain(" · ")
            .time(end, TimeStyle::Time)
            .plain("に営業終了（")
            .time(end, TimeStyle::Relative)
            .plain("）"),
        None => Text::new().strong("営業中"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("営業時間外")
            .plain(" · ")
            .time(start, TimeStyle::DayDateTime)
            .plain("に営業開始（")
            .time(start, TimeStyle::Relative)
            .plain("）"),
        None => Text::new()
            .strong("営業時間外")
            .plain(" · 営業再開の予定はありません"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("本日休業：{name}")),
        None => Text::from("本日休業"),
    },
    phone: "電話番号",
    hours: |zone| format!("営業時間（{zone}）"),
    place_time: |place| format!("{place}時間"),
    office_time: "現地時間",
    no_hours: "営業時間は設定されていません。",
    closed_on_holidays: "ジュネーブの祝日は休業です。",
    days: ["月", "火", "水", "木", "金", "土", "日"],
    list: "、",
    day_hours: |days, times| format!("{days}：{times}"),
    holiday: |english| match english {
        "New Year's Day" => "元日",
        "Good Friday" => "聖金曜日",
        "Easter Monday" => "イースターマンデー",
        "Ascension Day" => "キリスト昇天祭",
        "Whit Monday" => "聖霊降臨祭の月曜日",
        "Swiss National Day" => "スイス建国記念日",
        "Jeûne genevois" => "ジュネーブ断食祭",
        "Christmas Day" => "クリスマス",
        "Restauration de la République" => "ジュネーブ共和国再建記念日",
        other => other,
    },
    already_posted: "すでに投稿済みです",
    answered: |at, link| {
        let when = Text::new().time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!("にこのチャンネルで回答済みです：{link}")),
            None => when.plain("にこのチャンネルで回答済みです。すぐ上にあります。"),
        }
    },
    sorry_title: "申し訳ありません、問題が発生しました",
    sorry: "ただいま回答できませんでした。しばらくしてからもう一度お試しください。",
    gone_title: "このトピックはもう存在しません",
    gone: || {
        Text::new()
            .plain("このボタンが作成されたあとにFAQが変更されました。")
            .command("faq")
            .plain(" で現在のトピックをすべて確認できます。")
    },
    unknown_title: "不明なコマンド",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" はこのFAQのコマンドではありません（すでに削除された可能性があります）。")
            .command("faq")
            .plain(" ですべてのトピックを確認するか、")
            .command("ask")
            .plain(" でご自身の言葉で質問してください。")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!(
            "さん、ご質問 ({link}) への回答になるかもしれません："
        )),
        None => Text::new().plain("さん、ご質問への回答になるかもしれません："),
    },
    pick_title: "どのトピックが答えになりますか？",
    pick_any: "または、すべてのトピックから選択…",
    pick: |question| {
        Text::new()
            .plain("「")
            .quote(question)
            .plain("」にISOのFAQのどの項目が答えになるのか、はっきりわかりません。回答として投稿するトピックを選んでください：")
    },
    nothing_to_answer_title: "回答できる内容がありません",
    empty_message: "このメッセージには回答できるテキストがありません。",
    embeds_only:
        "このメッセージには埋め込みか添付ファイルしかなく、回答できるテキストがありません。",
    own_message: "これは私自身のメッセージです。",
    helpful: "役に立った",
    not_helpful: "役に立たなかった",
    thanks: "ありがとうございます。いただいたご意見はFAQの改善に役立てます。",
    already_voted: "この回答へのご意見はすでにいただいています。ありがとうございます！",
    answer_in_english: "ISOによる回答（英語）",
    intro_in_english: "ISOによる原文（英語）",
    menu_name: "FAQで回答",
    ask_description: "ISOについて、ご自身の言葉で何でも質問できます",
    question_description: "質問内容（例：「企業はISOに加盟できますか？」）",
    faq_description: "ISOのFAQを閲覧するか、トピックを1つ表示します",
    topic_description: "表示するトピック（空欄にするとすべてのトピックを一覧表示します）",
    hours_description: "ISOカスタマーケアが今営業中か、いつ電話できるかを確認します",
    for_description:
        "このメンバー宛てに回答を投稿します（メンションされるのはこのメンバーだけです）",
    weekdays: [
        "月曜日",
        "火曜日",
        "水曜日",
        "木曜日",
        "金曜日",
        "土曜日",
        "日曜日",
    ],
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    date: |weekday, day, month, year| format!("{year}年{month}{day}日 {weekday}"),
    relative: |elapsed, future| {
        // Japanese has no plural: the count goes straight before its unit.
        let count = |n: i64, unit: &str| format!("{n}{unit}");
        let phrase = match elapsed {
            Elapsed::FewSeconds => "数秒".to_owned(),
            Elapsed::Minutes(n) => count(n, "分"),
            Elapsed::Hours(n) => count(n, "時間"),
            Elapsed::Days(n) => count(n, "日"),
        };
        match future {
            true => format!("{phrase}後"),
            false => format!("{phrase}前"),
        }
    },
};
