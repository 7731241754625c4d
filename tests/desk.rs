//! The keeper's desk, as a keeper uses it: a fake-Discord session leaves evidence (a refused
//! /ask, a 👎, a helper's pick for an unsure message), the inbox lists it on the command line
//! and on the page, a real headless Chromium teaches the refused question from the page, and
//! the running bot then answers it and blind paraphrases of it. Then the page's defences: the
//! password, the CSRF tokens, the headers, and questions that hold markup shown inert.

mod bot;
mod common;
mod fake_discord;

use std::path::Path;
use std::time::Duration;

use bot::{answer, buttons, embed, is_ephemeral, Bot};
use fake_discord::{
    click, in_channel, member_user, message_menu, message_object, select, slash, FakeDiscord,
};
use serde_json::{json, Value};

const MENU: &str = "Answer with FAQ";
const TAUGHT: &str = "who translates standards into other languages";
const DISLIKED: &str = "can we print the logo on our boxes";
const UNSURE: &str = "hm so whos bankrolling the whole thing";

/// A folder with the repository's FAQ, its examples and `config`.
fn folder(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["faq.toml", "examples.tsv"] {
        std::fs::copy(common::repo().join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    dir
}

/// The blind paraphrases of the taught question (tests/data/taught-paraphrases.tsv).
fn paraphrases() -> Vec<String> {
    let text =
        std::fs::read_to_string(common::repo().join("tests/data/taught-paraphrases.tsv")).unwrap();
    text.lines()
        .filter(|line| line.ends_with("\ttranslations"))
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect()
}

/// How many of `questions` `faqbot ask` answers with the topic on national equivalents, from
/// the files in `dir` (asking on the command line leaves no insight behind).
fn answered_as_taught_by_the_files(dir: &Path, questions: &[String]) -> usize {
    questions
        .iter()
        .filter(|question| {
            let run = common::faqbot(dir, &["ask", "--json", question], &[]);
            let json: Value = serde_json::from_str(&run.stdout).unwrap();
            json["topic"] == "equivalents"
        })
        .count()
}

/// How many of `questions` the running bot answers with the topic on national equivalents.
async fn answered_as_taught(fake: &FakeDiscord, questions: &[String], first_id: u64) -> usize {
    let mut right = 0;
    for (i, question) in questions.iter().enumerate() {
        let callback = fake
            .interact(slash(
                first_id + i as u64,
                "ask",
                Some(("question", question)),
                true,
            ))
            .await;
        if embed(&callback)["title"]
            == "Where can I find national standards equivalent to an ISO standard?"
        {
            right += 1;
        }
    }
    right
}

/// The session that leaves the three kinds of evidence.
async fn leave_evidence(fake: &FakeDiscord, dir: &Path) {
    let refused = answer(fake, slash(6000, "ask", Some(("question", TAUGHT)), true)).await;
    assert!(is_ephemeral(&refused), "refused: {refused}");
    let logo = answer(fake, slash(6001, "ask", Some(("question", DISLIKED)), true)).await;
    let down = buttons(&logo)
        .into_iter()
        .find(|id| id.starts_with("vote:down:logo:"))
        .unwrap_or_else(|| panic!("no 👎 under {logo}"));
    let mut vote = click(6002, &down);
    vote["message"]["id"] = json!("8500");
    fake.interact(vote).await;
    let members = message_object("8101", "3100", &member_user("6001"), UNSURE);
    let pick_list = answer(fake, message_menu(6003, MENU, members)).await;
    assert!(is_ephemeral(&pick_list), "{pick_list}");
    let menu_id = pick_list["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .find(|c| c["type"] == 3)
        .and_then(|menu| menu["custom_id"].as_str())
        .unwrap_or_else(|| panic!("a menu of topics: {pick_list}"))
        .to_owned();
    let chosen = answer(fake, in_channel(select(6004, &menu_id, &["funding"]), 3100)).await;
    assert_eq!(embed(&chosen)["title"], "How is ISO financed?", "{chosen}");
    common::report_until(dir, |json| {
        json["unanswered"].as_array().is_some_and(|u| !u.is_empty())
            && json["unhelpful"].as_array().is_some_and(|u| !u.is_empty())
            && json["picked"].as_array().is_some_and(|p| !p.is_empty())
    })
    .await;
}

/// A WebDriver session with Debian's chromium, through chromedriver: the browser a keeper uses.
struct Browser {
    driver: tokio::process::Child,
    base: String,
    client: reqwest::Client,
}

impl Browser {
    /// A headless Chromium, or `None` where there is none (a developer's machine: CI installs it).
    async fn start() -> Option<Self> {
        let found = |name: &str| {
            std::env::var_os("PATH")
                .into_iter()
                .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
                .map(|dir| dir.join(name))
                .find(|path| path.is_file())
        };
        let (Some(driver), Some(chromium)) = (found("chromedriver"), found("chromium")) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run the browser test: install chromium and chromium-driver"
            );
            eprintln!("no chromium/chromedriver here: the browser test is skipped");
            return None;
        };
        let mut driver = tokio::process::Command::new(driver)
            .args(["--port=0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        // "ChromeDriver was started successfully on port 45989."
        let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(
            driver.stdout.take().unwrap(),
        ));
        let port = loop {
            let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
                .await
                .expect("chromedriver starts")
                .unwrap()
                .expect("chromedriver says its port");
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                break rest.trim_end_matches('.').trim().to_owned();
            }
        };
        let client = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,2200"],
            },
        }}});
        let session: Value = client
            .post(format!("{base}/session"))
            .json(&capabilities)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = session["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {session}"))
            .to_owned();
        Some(Self {
            driver,
            base: format!("{base}/session/{id}"),
            client,
        })
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let value: Value = request.send().await.unwrap().json().await.unwrap();
        assert!(
            value["value"].get("error").is_none(),
            "WebDriver {path}: {value}"
        );
        value["value"].clone()
    }

    async fn go(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn click(&self, css: &str) {
        let element = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        let id = element
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap()
            .to_owned();
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// A PNG of the page at `width` pixels, written to `path`.
    async fn screenshot(&self, width: u32, path: &Path) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({"width": width, "height": 2200})),
        )
        .await;
        let png = self.call(reqwest::Method::GET, "/screenshot", None).await;
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, bytes).unwrap();
    }

    async fn quit(mut self) {
        let _ = self.client.delete(&self.base).send().await;
        let _ = self.driver.kill().await;
    }
}

/// Waits until the page at `url` (reloaded every 200 ms) satisfies `done`, or fails after 20 s.
async fn page_until(browser: &Browser, url: &str, done: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        browser.go(url).await;
        let source = browser.source().await;
        if done(&source) || tokio::time::Instant::now() > deadline {
            return source;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The page as it stands once `done` says so (after a form's answer has loaded), or after 20 s.
async fn source_until(browser: &Browser, done: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let source = browser.source().await;
        if done(&source) || tokio::time::Instant::now() > deadline {
            return source;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keeper_teaches_from_the_desk_what_the_bot_missed() {
    // Not watched: the desk's lesson itself reloads the FAQ.
    let dir = folder("metrics_listen = \"127.0.0.1:0\"\ninsights_days = 30\n");
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    let desk = format!("http://{}/", bot.log.value_after("metrics=").await);
    let paraphrases = paraphrases();
    assert_eq!(paraphrases.len(), 6);
    let before = answered_as_taught_by_the_files(dir.path(), &paraphrases);
    leave_evidence(&fake, dir.path()).await;

    // The command line's inbox lists the three.
    let run = common::faqbot(
        dir.path(),
        &["--config", "config.toml", "inbox", "--json"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let inbox: Value = serde_json::from_str(&run.stdout).unwrap();
    let line = |question: &str| {
        inbox
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["question"] == question)
            .unwrap_or_else(|| panic!("`{question}` in the inbox: {inbox:#}"))
            .clone()
    };
    let taught = line(TAUGHT);
    assert_eq!(taught["count"], 1, "{taught}");
    assert_eq!(
        taught["refused"].as_u64().unwrap() + taught["unsure"].as_u64().unwrap(),
        1
    );
    assert_eq!(
        line(DISLIKED)["unhelpful"],
        json!([{"topic": "logo", "count": 1}])
    );
    assert_eq!(
        line(UNSURE)["picked"],
        json!([{"topic": "funding", "count": 1}])
    );

    // Open on loopback, to this machine only: not to a page whose name was re-pointed here
    // (DNS rebinding), not through a proxy, not to a form posted from elsewhere.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let status = |request: reqwest::RequestBuilder| async move {
        request.send().await.unwrap().status().as_u16()
    };
    assert_eq!(status(client.get(&desk)).await, 303, "a session first");
    assert_eq!(
        status(client.get(&desk).header("host", "evil.example")).await,
        421
    );
    assert_eq!(
        status(client.get(&desk).header("x-forwarded-for", "203.0.113.9")).await,
        403
    );
    let teach = format!("{desk}teach");
    let from_elsewhere = client
        .post(&teach)
        .header("origin", "http://evil.example")
        .form(&[
            ("csrf", "x"),
            ("question", TAUGHT),
            ("topic", "equivalents"),
        ]);
    assert_eq!(status(from_elsewhere).await, 403);
    assert!(!dir.path().join("learned.tsv").exists());

    let Some(browser) = Browser::start().await else {
        return;
    };
    let page = page_until(&browser, &desk, |page| page.contains("Inbox")).await;
    for question in [TAUGHT, DISLIKED, UNSURE] {
        assert!(page.contains(question), "`{question}` on the page:\n{page}");
    }
    assert!(page.contains("helper picked /funding"), "{page}");
    assert!(page.contains("not helpful 1× on /logo"), "{page}");
    assert!(
        page.contains("Open now") || page.contains("Closed now"),
        "{page}"
    );
    assert!(
        page.contains("questions about reaching customer care")
            || page.contains("No question about reaching customer care")
    );
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    browser.screenshot(1280, &shots.join("desk-1280.png")).await;
    browser.screenshot(390, &shots.join("desk-390.png")).await;
    browser.screenshot(1280, &shots.join("desk-1280.png")).await;

    // Teach, as a keeper would: pick the topic in the line's menu, press Teach.
    let row = format!(r#"form[action="/teach"]:has(input[value="{TAUGHT}"])"#);
    browser
        .click(&format!(r#"{row} option[value="equivalents"]"#))
        .await;
    browser.click(&format!("{row} button")).await;
    let page = source_until(&browser, |page| page.contains("Taught:")).await;
    assert!(page.contains("Taught:"), "the notice: {page}");
    let learned = std::fs::read_to_string(dir.path().join("learned.tsv")).unwrap();
    assert!(
        learned.contains(&format!("{TAUGHT}\tequivalents\ttaught")),
        "{learned}"
    );
    bot.wait_for_log("FAQ reloaded").await;
    let after = fake
        .interact(slash(8000, "ask", Some(("question", TAUGHT)), true))
        .await;
    assert_eq!(
        embed(&after)["title"],
        "Where can I find national standards equivalent to an ISO standard?",
        "{after}"
    );
    let now = answered_as_taught(&fake, &paraphrases, 8100).await;
    assert!(
        now > before,
        "blind paraphrases answered as taught: {before} of 6 before, {now} after"
    );
    // Taught, it leaves the inbox; dismissed, the 👎 question leaves too.
    browser.go(&desk).await;
    let page = browser.source().await;
    assert!(!page.contains(&format!("value=\"{TAUGHT}\"")), "{page}");
    browser
        .click(&format!(
            r#"form[action="/dismiss"]:has(input[value="{DISLIKED}"]) button"#
        ))
        .await;
    let page = source_until(&browser, |page| page.contains("Dismissed:")).await;
    assert!(page.contains("Dismissed:"), "{page}");
    assert!(!page.contains(&format!("value=\"{DISLIKED}\"")), "{page}");
    assert!(page.contains(&format!("value=\"{UNSURE}\"")), "{page}");
    browser.quit().await;
}

/// The value of the hidden `csrf` field of the first form of `page`.
fn csrf(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
    page[at..].split('"').next().unwrap().to_owned()
}

/// The `faqbot_desk` cookie a response sets.
fn cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("faqbot_desk="))
        .and_then(|v| v.split(';').next())
        .unwrap_or_else(|| panic!("no session cookie: {response:?}"))
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desk_asks_for_its_password_checks_every_form_and_shows_questions_inert() {
    // The hash, as an admin writes it.
    let mut hashing = std::process::Command::new(env!("CARGO_BIN_EXE_faqbot"))
        .arg("password")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    hashing
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery\n")
        .unwrap();
    let hashed = hashing.wait_with_output().unwrap();
    assert!(hashed.status.success(), "{hashed:?}");
    let hash = String::from_utf8(hashed.stdout).unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    let dir = folder("metrics_listen = \"127.0.0.1:0\"\nadmin_password_file = \"desk-password\"\n");
    std::fs::write(dir.path().join("desk-password"), &hash).unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    let base = format!("http://{}", bot.log.value_after("metrics=").await);
    bot.wait_for_log("desk=\"behind the password\"").await;

    // Questions that would be markup, a ping, an id and a token-shaped text if not escaped.
    let hostile = [
        "<script>alert(1)</script> pizza toppings",
        "\"><img src=x onerror=alert(1)> weather today",
        "**bold** @everyone <@123456789012345678> <#223456789012345678> ask 323456789012345678",
    ];
    for (i, question) in hostile.iter().enumerate() {
        fake.interact(slash(
            6100 + i as u64,
            "ask",
            Some(("question", question)),
            true,
        ))
        .await;
    }
    common::report_until(dir.path(), |json| {
        json["unanswered"].as_array().map_or(0, Vec::len) >= hostile.len()
    })
    .await;

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str, cookie: Option<&str>| {
        let mut request = client.get(format!("{base}{path}"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    // /metrics and /healthz stay open to scrapers; the desk does not.
    assert_eq!(get("/metrics", None).await.unwrap().status(), 200);
    let home = get("/", None).await.unwrap();
    assert_eq!(home.status(), 303);
    assert_eq!(home.headers()["location"], "/login");
    let login = get("/login", None).await.unwrap();
    assert_eq!(login.status(), 303, "a session for the form first");
    let before = cookie(&login);
    assert!(login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("HttpOnly; SameSite=Strict"));
    let form = get("/login", Some(&before))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf(&form);
    let post = |path: &str, cookie: &str, fields: &[(&str, &str)]| {
        client
            .post(format!("{base}{path}"))
            .header("cookie", cookie)
            .form(fields)
            .send()
    };
    let wrong = post(
        "/login",
        &before,
        &[("csrf", &token), ("password", "guess")],
    )
    .await
    .unwrap();
    assert_eq!(wrong.headers()["location"], "/login");
    let told = get("/login", Some(&before))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(told.contains("That is not the password."), "{told}");
    let forged = post(
        "/login",
        &before,
        &[("csrf", "0000"), ("password", "correct horse battery")],
    )
    .await
    .unwrap();
    assert_eq!(forged.status(), 403, "a sign-in without the form's token");
    let right = post(
        "/login",
        &before,
        &[("csrf", &token), ("password", "correct horse battery")],
    )
    .await
    .unwrap();
    assert_eq!(right.headers()["location"], "/");
    let session = cookie(&right);
    assert_ne!(session, before, "a new session once signed in");
    assert_eq!(
        get("/", Some(&before)).await.unwrap().status(),
        303,
        "the old one is void"
    );

    let page = get("/", Some(&session)).await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.starts_with("default-src 'none'; style-src 'self';"),
        "{csp}"
    );
    assert!(csp.contains("form-action 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    let html = page.text().await.unwrap();
    assert!(html.contains("Sign out"));
    // Inert: no tag the questions held, no id, no attribute broken out of.
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert"), "{html}");
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    for id in [
        "123456789012345678",
        "223456789012345678",
        "323456789012345678",
    ] {
        assert!(!html.contains(id), "no id on the page: {html}");
    }
    assert!(html.contains("@everyone @… #… ask #…"), "{html}");
    assert!(
        !html.contains("style="),
        "the CSP allows no style attribute"
    );

    // Every form needs the session's own token: a page elsewhere cannot teach the bot.
    let page_token = csrf(&html);
    let question = "who bankrolls iso";
    let forged = post(
        "/teach",
        &session,
        &[
            ("csrf", &token),
            ("question", question),
            ("topic", "funding"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(forged.status(), 403);
    let no_session = post(
        "/teach",
        "faqbot_desk=nope",
        &[
            ("csrf", &page_token),
            ("question", question),
            ("topic", "funding"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(no_session.headers()["location"], "/login");
    assert!(
        !dir.path().join("learned.tsv").exists(),
        "nothing taught yet"
    );
    let taught = post(
        "/teach",
        &session,
        &[
            ("csrf", &page_token),
            ("question", question),
            ("topic", "funding"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(taught.status(), 303);
    let learned = std::fs::read_to_string(dir.path().join("learned.tsv")).unwrap();
    assert!(
        learned.ends_with("who bankrolls iso\tfunding\ttaught\n"),
        "{learned}"
    );
    let faq = std::fs::read_to_string(dir.path().join("faq.toml")).unwrap();
    assert_eq!(
        faq,
        std::fs::read_to_string(common::repo().join("faq.toml")).unwrap(),
        "teaching never edits faq.toml"
    );

    // The try box says what /ask answers, with the score and the runners-up.
    let tried = get("/?q=can+companies+join+iso", Some(&session))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(tried.contains("badge answered"), "{tried}");
    assert!(tried.contains("/membership"), "{tried}");
    assert!(tried.contains(" score "), "{tried}");

    // Signed out, the session is void.
    let out = post("/logout", &session, &[("csrf", &page_token)])
        .await
        .unwrap();
    assert_eq!(out.headers()["location"], "/login");
    assert_eq!(get("/", Some(&session)).await.unwrap().status(), 303);
}
