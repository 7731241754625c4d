//! The bot's words in Brazilian Portuguese (Discord locale `pt-BR`).

use super::*;

pub static PORTUGUESE: Words = Words {
    ask_title: "Faça uma pergunta sobre a ISO",
    ask_hint: || {
        Text::new()
            .plain("Digite uma pergunta depois de ")
            .command("ask")
            .plain(", por exemplo “empresas podem ser membros da ISO?”, ou navegue por todos os tópicos com ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Você quis dizer…?",
    helpers_title: "Encaminhado aos ajudantes",
    helpers_note: || {
        Text::new().plain(
            "Não tenho certeza de qual parte das perguntas frequentes da ISO responde a esta \
             publicação, então pedi aos ajudantes que dessem uma olhada. Enquanto isso, estes são \
             os tópicos mais próximos:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Não tenho certeza de qual parte das perguntas frequentes da ISO responde a “")
            .quote(question)
            .plain("”. Estes são os tópicos mais próximos:")
    },
    not_in_faq: "Não está nas perguntas frequentes",
    no_answer: |question| {
        Text::new()
            .plain("As perguntas frequentes da ISO não respondem a “")
            .quote(question)
            .plain("”.")
    },
    closest_topics: "Os tópicos mais próximos:",
    also_mean: "Você também quis dizer",
    related: "Relacionados",
    elsewhere: "Onde mais procurar",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Navegue por todos os tópicos com ")
            .command("faq")
            .plain(format!(", ou ligue para {phone} ({contact})."))
    },
    faq_title: "Perguntas frequentes da ISO",
    more_topics: |count| {
        Text::new()
            .plain(format!("…e mais {count}: digite "))
            .command("faq topic:")
            .plain(" para pesquisá-los.")
    },
    right_now: "Neste momento",
    is_open: |name| format!("{name}: aberto"),
    is_closed: |name| format!("{name}: fechado"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Aberto agora")
            .plain(" · fecha às ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Aberto agora"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Fechado agora")
            .plain(" · abre ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Fechado agora")
            .plain(" · nenhuma abertura programada"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Fechado hoje: {name}")),
        None => Text::from("Fechado hoje"),
    },
    phone: "Telefone",
    hours: |zone| format!("Horário ({zone})"),
    place_time: |place| format!("horário de {place}"),
    office_time: "horário do escritório",
    no_hours: "Nenhum horário de funcionamento definido.",
    closed_on_holidays: "Fechado nos feriados de Genebra.",
    days: ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Ano-Novo",
        "Good Friday" => "Sexta-feira Santa",
        "Easter Monday" => "Segunda-feira de Páscoa",
        "Ascension Day" => "Ascensão",
        "Whit Monday" => "Segunda-feira de Pentecostes",
        "Swiss National Day" => "Dia Nacional da Suíça",
        "Christmas Day" => "Natal",
        "Jeûne genevois" => "Jejum de Genebra",
        "Restauration de la République" => "Restauração da República",
        other => other,
    },
    already_posted: "Já publicado aqui",
    answered: |at, link| {
        let when = Text::new()
            .plain("Respondido neste canal ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(": {link}")),
            None => when.plain(", logo acima."),
        }
    },
    sorry_title: "Desculpe, algo deu errado",
    sorry: "Não consegui responder agora. Tente novamente daqui a pouco.",
    gone_title: "Esse tópico não existe mais",
    gone: || {
        Text::new()
            .plain("As perguntas frequentes mudaram desde que este botão foi criado. Use ")
            .command("faq")
            .plain(" para ver todos os tópicos atuais.")
    },
    unknown_title: "Comando desconhecido",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" não faz (mais) parte destas perguntas frequentes. Use ")
            .command("faq")
            .plain(" para ver todos os tópicos, ou ")
            .command("ask")
            .plain(" para fazer uma pergunta com suas próprias palavras.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("isto pode responder à sua pergunta ({link}):")),
        None => Text::new().plain("isto pode responder à sua pergunta:"),
    },
    pick_title: "Qual tópico responde a isso?",
    pick_any: "Ou escolha qualquer tópico…",
    pick: |question| {
        Text::new()
            .plain("Não tenho certeza de qual parte das perguntas frequentes da ISO responde a “")
            .quote(question)
            .plain("”. Escolha o tópico para publicar como resposta:")
    },
    nothing_to_answer_title: "Nada a responder",
    empty_message: "Essa mensagem não tem texto para responder.",
    embeds_only: "Essa mensagem só contém incorporações ou anexos, nenhum texto para responder.",
    own_message: "Essa é uma das minhas próprias mensagens.",
    helpful: "Útil",
    not_helpful: "Não foi útil",
    thanks: "Obrigado, anotado: isso nos ajuda a melhorar as perguntas frequentes.",
    already_voted: "Você já deu sua opinião sobre esta resposta. Obrigado!",
    answer_in_english: "Resposta da ISO (em inglês)",
    intro_in_english: "Texto da ISO (em inglês)",
    menu_name: "Responder com as FAQ",
    ask_description: "Pergunte qualquer coisa sobre a ISO com suas próprias palavras",
    question_description: "Sua pergunta, ex.: “empresas podem ser membros da ISO?”",
    faq_description: "Navegue pelas perguntas frequentes da ISO ou veja um dos tópicos",
    topic_description: "O tópico a mostrar; deixe em branco para listar todos",
    hours_description: "O atendimento ao cliente da ISO está aberto agora? Quando posso ligar?",
    for_description: "Publique a resposta para este membro: só ele será mencionado",
    weekdays: [
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ],
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    date: |weekday, day, month, year| match day {
        1 => format!("{weekday}, 1º de {month} de {year}"),
        day => format!("{weekday}, {day} de {month} de {year}"),
    },
    relative: |elapsed, future| {
        let plural = |n: i64, unit: &str| match n {
            1 => format!("1 {unit}"),
            n => format!("{n} {unit}s"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "alguns segundos".to_owned(),
            Elapsed::Minutes(n) => plural(n, "minuto"),
            Elapsed::Hours(n) => plural(n, "hora"),
            Elapsed::Days(n) => plural(n, "dia"),
        };
        match future {
            true => format!("em {phrase}"),
            false => format!("há {phrase}"),
        }
    },
};
