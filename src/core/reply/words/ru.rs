//! The bot's words in Russian.

use super::*;

pub static RUSSIAN: Words = Words {
    ask_title: "Спросите меня об ISO",
    ask_hint: || {
        Text::new()
            .plain("Введите вопрос после ")
            .command("ask")
            .plain(", например «могут ли компании вступить в ISO?», или просмотрите все темы с помощью ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Вы имели в виду…?",
    helpers_title: "Передаю слово помощникам",
    helpers_note: || {
        Text::new().plain(
            "Не могу точно сказать, какой раздел FAQ ISO отвечает на эту публикацию, поэтому \
             прошу помощников взглянуть на неё. А пока — самые близкие темы:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Не могу точно сказать, какой раздел FAQ ISO отвечает на вопрос «")
            .quote(question)
            .plain("». Вот самые близкие темы:")
    },
    not_in_faq: "Нет в FAQ",
    no_answer: |question| {
        Text::new()
            .plain("В FAQ ISO нет ответа на вопрос «")
            .quote(question)
            .plain("».")
    },
    closest_topics: "Самые близкие темы:",
    also_mean: "Возможно, вы также имели в виду",
    related: "См. также",
    elsewhere: "Где ещё поискать",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Просмотрите все темы с помощью ")
            .command("faq")
            .plain(format!(" или позвоните по номеру {phone} ({contact})."))
    },
    faq_title: "Часто задаваемые вопросы об ISO",
    more_topics: |count| {
        Text::new()
            .plain(format!("…и ещё {count}: введите "))
            .command("faq topic:")
            .plain(" для поиска по ним.")
    },
    right_now: "Сейчас",
    is_open: |name| format!("{name}: открыто"),
    is_closed: |name| format!("{name}: закрыто"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Сейчас открыто")
            .plain(" · закроется в ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Сейчас открыто"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Сейчас закрыто")
            .plain(" · откроется: ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Сейчас закрыто")
            .plain(" · открытие не запланировано"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Сегодня закрыто: {name}")),
        None => Text::from("Сегодня закрыто"),
    },
    phone: "Телефон",
    hours: |zone| format!("Часы работы ({zone})"),
    place_time: |place| format!("часовой пояс: {place}"),
    office_time: "часовой пояс офиса",
    no_hours: "Часы работы не указаны.",
    closed_on_holidays: "Закрыто в официальные праздники Женевы.",
    days: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Новый год",
        "Good Friday" => "Страстная пятница",
        "Easter Monday" => "Пасхальный понедельник",
        "Ascension Day" => "Вознесение",
        "Whit Monday" => "Духов день",
        "Swiss National Day" => "Национальный день Швейцарии",
        "Christmas Day" => "Рождество",
        "Jeûne genevois" => "Женевский пост",
        "Restauration de la République" => "День восстановления Республики",
        other => other,
    },
    already_posted: "Уже опубликовано здесь",
    answered: |at, link| {
        let when = Text::new()
            .plain("Ответ дан в этом канале ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(": {link}")),
            None => when.plain(", чуть выше."),
        }
    },
    sorry_title: "Извините, что-то пошло не так",
    sorry: "Не удалось ответить прямо сейчас. Попробуйте ещё раз чуть позже.",
    gone_title: "Этой темы больше нет",
    gone: || {
        Text::new()
            .plain("С тех пор как появилась эта кнопка, FAQ обновился. Используйте ")
            .command("faq")
            .plain(", чтобы увидеть все темы, которые в нём есть сейчас.")
    },
    unknown_title: "Неизвестная команда",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" нет в этом FAQ (или уже нет). Используйте ")
            .command("faq")
            .plain(", чтобы увидеть все темы, или ")
            .command("ask")
            .plain(", чтобы задать вопрос своими словами.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("возможно, это ответ на ваш вопрос ({link}):")),
        None => Text::new().plain("возможно, это ответ на ваш вопрос:"),
    },
    pick_title: "Какая тема на это отвечает?",
    pick_any: "Или выберите любую тему…",
    pick: |question| {
        Text::new()
            .plain("Не могу точно сказать, какой раздел FAQ ISO отвечает на вопрос «")
            .quote(question)
            .plain("». Выберите тему, которую нужно опубликовать в ответ:")
    },
    nothing_to_answer_title: "Не на что отвечать",
    empty_message: "В этом сообщении нет текста, на который можно ответить.",
    embeds_only: "В этом сообщении только встроенный контент или вложения — нет текста, на который можно ответить.",
    own_message: "Это моё собственное сообщение.",
    helpful: "Помогло",
    not_helpful: "Не помогло",
    thanks: "Спасибо, учтём: это помогает нам улучшать FAQ.",
    already_voted: "Вы уже оценили этот ответ. Спасибо!",
    answer_in_english: "Ответ ISO (на английском)",
    intro_in_english: "Текст ISO (на английском)",
    menu_name: "Ответить по FAQ",
    ask_description: "Задайте любой вопрос об ISO своими словами",
    question_description: "Ваш вопрос, например «могут ли компании вступить в ISO?»",
    faq_description: "Просмотреть FAQ ISO или открыть одну из его тем",
    topic_description: "Какую тему показать; оставьте пустым, чтобы увидеть список всех",
    hours_description: "Работает ли сейчас служба поддержки ISO и когда можно позвонить?",
    for_description: "Опубликовать ответ для этого участника: бот упомянет только его",
    weekdays: [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    date: |weekday, day, month, year| format!("{weekday}, {day} {month} {year} г."),
    relative: |elapsed, future| {
        // 1 минуту, 2–4 минуты, 5+ минут; 11–14 always take the last form.
        let plural = |n: i64, one: &str, few: &str, many: &str| {
            let m = n.abs();
            let form = match (m % 100, m % 10) {
                (11..=14, _) => many,
                (_, 1) => one,
                (_, 2..=4) => few,
                _ => many,
            };
            format!("{n} {form}")
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "несколько секунд".to_owned(),
            Elapsed::Minutes(n) => plural(n, "минуту", "минуты", "минут"),
            Elapsed::Hours(n) => plural(n, "час", "часа", "часов"),
            Elapsed::Days(n) => plural(n, "день", "дня", "дней"),
        };
        match future {
            true => format!("через {phrase}"),
            false => format!("{phrase} назад"),
        }
    },
};
