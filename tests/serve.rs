//! `faqbot serve`, the real binary, answering Discord's signed HTTP interactions: every way a
//! request is refused, every kind of interaction answered exactly as the gateway bot answers it,
//! and `faqbot register` against the fake Discord.

mod common;
mod fake_discord;

use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use common::serve::{
    key, now_secs, post, public_key_hex, serve_command, signed, signed_headers, Headers, Server,
};
use ed25519_dalek::SigningKey;
use fake_discord::{
    autocomplete, click, click_by, in_locale, member_user, message_menu, message_object, select,
    slash, slash_for, user_installed, FakeDiscord, APPLICATION_ID, TOKEN,
};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;

fn ping() -> Value {
    json!({"id": "900", "application_id": "2000", "type": 1, "token": "t", "version": 1})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_ping_gets_pong_and_health_checks_pass() {
    let server = Server::start(&[]).await;
    assert_eq!(signed(&server, &ping()).await, (200, json!({"type": 1})));
    let health = reqwest::get(format!("{}/healthz", server.base))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsigned_tampered_and_stale_requests_get_401() {
    let server = Server::start(&[]).await;
    let body = serde_json::to_vec(&ping()).unwrap();
    let now = now_secs().to_string();
    let good = signed_headers(&key(), &now, &body);
    let with = |name: &str, value: String| -> Headers {
        good.iter()
            .map(|(n, v)| (*n, if *n == name { value.clone() } else { v.clone() }))
            .collect()
    };
    let without =
        |name: &str| -> Headers { good.iter().filter(|(n, _)| *n != name).cloned().collect() };
    let other_key = SigningKey::from_bytes(&[8; 32]);
    let stale = (now_secs() - 600).to_string();
    let future = (now_secs() + 600).to_string();
    let cases: Vec<(&str, Vec<u8>, Headers)> = vec![
        ("no signature", body.clone(), without("x-signature-ed25519")),
        (
            "no timestamp",
            body.clone(),
            without("x-signature-timestamp"),
        ),
        (
            "signature not hex",
            body.clone(),
            with("x-signature-ed25519", "zz".repeat(64)),
        ),
        (
            "signature too short",
            body.clone(),
            with("x-signature-ed25519", "ab".repeat(10)),
        ),
        (
            "another key's signature",
            body.clone(),
            signed_headers(&other_key, &now, &body),
        ),
        (
            "tampered body",
            br#"{"id":"900","application_id":"2000","type":1,"token":"u","version":1}"#.to_vec(),
            good.clone(),
        ),
        (
            "tampered timestamp",
            body.clone(),
            with("x-signature-timestamp", (now_secs() - 1).to_string()),
        ),
        ("stale", body.clone(), signed_headers(&key(), &stale, &body)),
        (
            "from the future",
            body.clone(),
            signed_headers(&key(), &future, &body),
        ),
        (
            "timestamp not a number",
            body.clone(),
            signed_headers(&key(), "yesterday", &body),
        ),
    ];
    for (what, body, headers) in cases {
        let (status, _) = post(&server, &body, &headers).await;
        assert_eq!(status, 401, "{what}");
    }
    assert!(
        !server.log.text().contains("answered"),
        "nothing reached the core"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_method_type_and_size_are_refused() {
    let server = Server::start(&[]).await;
    let client = reqwest::Client::new();
    let get = client
        .get(format!("{}/interactions", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(get.status(), 405);

    let body = serde_json::to_vec(&ping()).unwrap();
    let mut headers = signed_headers(&key(), &now_secs().to_string(), &body);
    headers[0].1 = "text/plain".to_owned();
    assert_eq!(post(&server, &body, &headers).await.0, 415);

    let huge = vec![b' '; 70 * 1024];
    let headers = signed_headers(&key(), &now_secs().to_string(), &huge);
    assert_eq!(post(&server, &huge, &headers).await.0, 413);

    // Without a Content-Length, the body is read only up to the limit.
    let addr = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /interactions HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         X-Signature-Ed25519: {}\r\nX-Signature-Timestamp: {}\r\nTransfer-Encoding: chunked\r\n\r\n",
        "ab".repeat(64),
        now_secs()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 16 * 1024, " ".repeat(16 * 1024));
    for _ in 0..5 {
        if stream.write_all(chunk.as_bytes()).await.is_err() {
            break;
        }
    }
    let mut response = vec![0u8; 64];
    let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut response))
        .await
        .unwrap()
        .unwrap();
    let status_line = String::from_utf8_lossy(&response[..n]);
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_never_gets_a_server_error() {
    let server = Server::start(&[]).await;
    for body in [
        &b""[..],
        b"{",
        b"null",
        b"[1,2,3]",
        b"{\"type\": 99}",
        &[0xff, 0xfe, 0x00],
        b"{\"id\":\"1\",\"type\":2}",
    ] {
        let headers = signed_headers(&key(), &now_secs().to_string(), body);
        let (status, _) = post(&server, body, &headers).await;
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(body));
    }
}

/// Interactions of every kind, answered over HTTP and over the gateway: the bodies must match.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_exactly_as_the_gateway_bot_does() {
    let server = Server::start(&[]).await;
    let fake = FakeDiscord::start().await;
    let mut bot = Command::from(common::command(common::repo(), &common::scratch_state()))
        .arg("run")
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.url())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    fake.identified(1).await;
    let interactions = [
        slash(1, "logo", None, true),
        slash(
            2,
            "ask",
            Some(("question", "can companies join ISO?")),
            true,
        ),
        slash(
            3,
            "ask",
            Some(("question", "is my 9001 certified company an iso member")),
            true,
        ),
        slash(4, "faq", None, true),
        slash(5, "faq", Some(("topic", "un")), true),
        slash(6, "membership", None, false),
        slash(7, "gone", None, true),
        autocomplete(8, "faq", "topic", "memb"),
        autocomplete(9, "ask", "question", "who is the pres"),
        click(10, "topic:funding"),
        // Meeting people where they ask: the same answers over HTTP.
        message_menu(
            12,
            "Answer with FAQ",
            message_object(
                "8100",
                "3100",
                &member_user("6001"),
                "can we use the iso logo?",
            ),
        ),
        message_menu(
            13,
            "Answer with FAQ",
            message_object(
                "8101",
                "3100",
                &member_user("6001"),
                "best pizza in Geneva?",
            ),
        ),
        message_menu(
            14,
            "Answer with FAQ",
            message_object(
                "8102",
                "3100",
                &member_user(APPLICATION_ID),
                "an answer of mine",
            ),
        ),
        select(15, "pick:6001:3100:8101:0", &["membership"]),
        click(16, "pick:funding:6001:3100:8101"),
        slash_for(17, "membership", None, "6002"),
        user_installed(slash(18, "logo", None, false), 2),
        in_locale(slash(19, "hours", None, true), "fr"),
        in_locale(
            slash(
                20,
                "ask",
                Some(("question", "puis-je utiliser le logo ?")),
                true,
            ),
            "fr",
        ),
        click_by(21, "vote:down:logo:00000000000000ff", "8200", "6101"),
    ];
    for interaction in interactions {
        let (status, over_http) = signed(&server, &interaction).await;
        assert_eq!(status, 200, "{interaction}");
        let over_gateway = fake.interact(interaction.clone()).await;
        assert_eq!(over_http, over_gateway, "{interaction}");
    }
    let (status, hours) = signed(&server, &slash(11, "hours", None, true)).await;
    assert_eq!(status, 200);
    assert_eq!(hours["data"]["allowed_mentions"]["parse"], json!([]));
    assert_eq!(
        hours["data"]["embeds"][0]["fields"][0]["value"],
        "+41 22 749 08 88"
    );
    bot.kill().await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_requests_are_all_answered() {
    let server = Arc::new(Server::start(&[]).await);
    let tasks: Vec<_> = (0..64)
        .map(|n| {
            let server = Arc::clone(&server);
            tokio::spawn(async move {
                let question = [
                    "who runs iso",
                    "can companies join ISO?",
                    "how do I mount an iso file",
                ][n % 3];
                signed(
                    &server,
                    &slash(1000 + n as u64, "ask", Some(("question", question)), true),
                )
                .await
            })
        })
        .collect();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, 200);
        assert_eq!(body["type"], 4);
    }
}

/// Sends a signed request for `body` to `server` but its first five bytes only: the rest is
/// the caller's to send.
async fn begin_slowly(server: &Server, body: &[u8]) -> tokio::net::TcpStream {
    let headers = signed_headers(&key(), &now_secs().to_string(), body);
    let mut slow = tokio::net::TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .unwrap();
    let mut head = format!(
        "POST /interactions HTTP/1.1\r\nhost: faqbot\r\ncontent-length: {}\r\nexpect: 100-continue\r\n",
        body.len()
    );
    for (name, value) in &headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    slow.write_all(head.as_bytes()).await.unwrap();
    slow.write_all(&body[..5]).await.unwrap();
    in_its_hands(&mut slow).await;
    slow
}

/// Waits until the server asks for the rest of the body (`100 Continue`), which it does once
/// it reads it: from then on the request is the server's to finish, whatever comes next.
async fn in_its_hands(stream: &mut tokio::net::TcpStream) {
    let mut heard = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), async {
        let mut buffer = [0u8; 256];
        while !String::from_utf8_lossy(&heard).contains("100 Continue") {
            let read = stream.read(&mut buffer).await.unwrap();
            assert!(
                read > 0,
                "the server closed: {}",
                String::from_utf8_lossy(&heard)
            );
            heard.extend_from_slice(&buffer[..read]);
        }
    })
    .await
    .expect("the server reads the request");
}

/// Sends the rest of what [`begin_slowly`] began, and reads the whole answer.
async fn end_slowly(mut slow: tokio::net::TcpStream, body: &[u8]) -> String {
    slow.write_all(&body[5..]).await.unwrap();
    let mut answer = String::new();
    slow.read_to_string(&mut answer).await.unwrap();
    answer
}

/// How `server` exits, within 10 s.
async fn exit_code(server: &mut Server) -> Option<i32> {
    let status = tokio::time::timeout(Duration::from_secs(10), server.child.wait())
        .await
        .unwrap()
        .unwrap();
    status.code()
}

/// An interaction that reaches a replica after SIGTERM is refused with 503, which a load
/// balancer retries on another replica; a replica going away never starts answering it (and
/// never calls it an unsupported interaction).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interaction_arriving_while_shutting_down_gets_503() {
    let dir = tempfile::tempdir().unwrap();
    let (systemd, socket) = common::Systemd::listen(dir.path());
    let mut server = Server::start_in(dir.path(), &[("NOTIFY_SOCKET", &socket)]).await;
    systemd.received("READY=1", 1).await;
    let body = serde_json::to_vec(&slash(1, "logo", None, true)).unwrap();
    let slow = begin_slowly(&server, &body).await;
    let pid = server.child.id().unwrap().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    systemd.received("STOPPING=1", 1).await;
    let answer = end_slowly(slow, &body).await;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.ends_with("shutting down"), "{answer}");
    assert_eq!(exit_code(&mut server).await, Some(0));
}

/// SIGTERM: systemd hears STOPPING=1, the health check says so while a request is still in
/// flight, the request is finished, and the process exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_serving_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "metrics_listen = \"127.0.0.1:0\"\n",
    )
    .unwrap();
    let (systemd, socket) = common::Systemd::listen(dir.path());
    let mut server = Server::start_in(
        dir.path(),
        &[("NOTIFY_SOCKET", &socket), ("WATCHDOG_USEC", "400000")],
    )
    .await;
    let admin = format!("http://{}", server.log.value_after("metrics=").await);
    let health = |base: String| async move { common::get(&format!("{base}/healthz")).await };
    systemd.received("READY=1", 1).await;
    systemd.received("WATCHDOG=1", 2).await;
    assert_eq!(health(admin.clone()).await, (200, "ok\n".to_owned()));
    assert_eq!(health(server.base.clone()).await.0, 200);
    assert_eq!(signed(&server, &ping()).await.0, 200);

    // A request whose body is still on its way when SIGTERM comes.
    let body = serde_json::to_vec(&ping()).unwrap();
    let slow = begin_slowly(&server, &body).await;

    let pid = server.child.id().unwrap().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    systemd.received("STOPPING=1", 1).await;
    assert_eq!(
        health(admin.clone()).await,
        (503, "shutting down\n".to_owned())
    );
    let answer = end_slowly(slow, &body).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(exit_code(&mut server).await, Some(0));
}

/// A client that never finishes its request cannot hold up a shutdown past its patience
/// (5 s), and what was answered before is still written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_never_ends_does_not_hold_up_shutdown() {
    use tokio::io::AsyncWriteExt;
    let mut server = Server::start(&[]).await;
    let mut stuck = tokio::net::TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .unwrap();
    stuck
        .write_all(b"POST /interactions HTTP/1.1\r\nhost: faqbot\r\ncontent-type: application/json\r\ncontent-length: 100\r\nexpect: 100-continue\r\nx-signature-ed25519: 00\r\nx-signature-timestamp: 0\r\n\r\n{")
        .await
        .unwrap();
    in_its_hands(&mut stuck).await;
    let pid = server.child.id().unwrap().to_string();
    let asked = std::time::Instant::now();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    let status = tokio::time::timeout(Duration::from_secs(15), server.child.wait())
        .await
        .expect("serve exits though a request never ends")
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(
        asked.elapsed() >= Duration::from_secs(4),
        "it waited for the request first"
    );
    let log = server.log.complete().await;
    assert!(
        log.contains("requests still in flight after 5s; closing them"),
        "{log}"
    );
    drop(stuck);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_or_missing_public_key_stops_at_startup() {
    let malformed = serve_command(&[("DISCORD_PUBLIC_KEY", "not-a-key")])
        .output()
        .await
        .unwrap();
    assert_eq!(malformed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&malformed.stderr);
    assert!(
        stderr.contains("error: DISCORD_PUBLIC_KEY: the public key is not 64 hexadecimal digits"),
        "{stderr}"
    );

    let mut missing = serve_command(&[]);
    missing.env_remove("DISCORD_PUBLIC_KEY");
    let missing = missing.output().await.unwrap();
    assert_eq!(missing.status.code(), Some(2), "a setting to fix: exit 2");
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("error: no public key: set DISCORD_PUBLIC_KEY"));
}

/// Runs `faqbot register` in the repository against the fake Discord to the end.
async fn register(fake: &FakeDiscord) -> std::process::Output {
    register_in(fake, common::repo(), &common::scratch_state()).await
}

/// Runs `faqbot register` against the fake Discord to the end, in a folder whose
/// `config.toml` says `config`.
async fn register_with(fake: &FakeDiscord, config: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    register_in(fake, dir.path(), dir.path()).await
}

async fn register_in(
    fake: &FakeDiscord,
    dir: &std::path::Path,
    state: &std::path::Path,
) -> std::process::Output {
    Command::from(common::command(dir, state))
        .arg("register")
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.url())
        .output()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_overwrites_the_commands_once_and_exits() {
    let fake = FakeDiscord::start().await;
    fake.faults()
        .registration_failures
        .store(1, std::sync::atomic::Ordering::SeqCst);
    let output = register(&fake).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "registered 17 commands (global)\n"
    );
    let requests = fake.requests();
    assert_eq!(requests[0].path, "/api/v10/oauth2/applications/@me");
    let puts: Vec<_> = requests.iter().filter(|r| r.method == "PUT").collect();
    assert_eq!(puts.len(), 2, "one failure, retried once");
    assert_eq!(puts[1].path, "/api/v10/applications/2000/commands");
    assert_eq!(fake.identifies(), 0, "no gateway connection");

    fake.faults()
        .reject_token_http
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let rejected = register(&fake).await;
    assert_eq!(rejected.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&rejected.stderr).contains("Discord rejected the token (HTTP 401)")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_tries_every_guild_and_names_the_one_that_refused() {
    let fake = FakeDiscord::start().await;
    fake.faults()
        .refused_guilds
        .lock()
        .unwrap()
        .push("111".to_owned());
    let output = register_with(&fake, "guilds = [111, 222]\n").await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Discord did not take the commands in 1 of 2 scopes: guild 111"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "one line a scope: {stdout}");
    assert!(
        lines[0].starts_with("not registered (guild 111): "),
        "{stdout}"
    );
    assert_eq!(lines[1], "registered 17 commands (guild 222)");
    let puts: Vec<String> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .map(|r| r.path)
        .collect();
    assert_eq!(
        puts,
        [
            "/api/v10/applications/2000/guilds/111/commands",
            "/api/v10/applications/2000/guilds/222/commands"
        ],
        "the refusal in one guild stops nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_tries_every_guild_before_retrying_a_failing_one_and_says_each_once() {
    let fake = FakeDiscord::start().await;
    fake.faults()
        .failing_guilds
        .lock()
        .unwrap()
        .insert("111".to_owned(), 2);
    let output = register_with(&fake, "guilds = [111, 222, 333]\n").await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "registered 17 commands (guild 111)\nregistered 17 commands (guild 222)\nregistered 17 commands (guild 333)\n",
        "one line a scope, in the order configured"
    );
    assert_eq!(
        fake.guild_registrations(),
        [
            "111/commands",
            "222/commands",
            "333/commands",
            "111/commands",
            "111/commands"
        ],
        "the failing guild holds back none of the others"
    );
    // The log says what stdout does not: the retries; never the successes a second time.
    assert_eq!(
        stderr.matches("registering commands failed").count(),
        2,
        "{stderr}"
    );
    assert!(!stderr.contains("commands registered"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_served_only_where_the_admin_says() {
    let server = Server::start(&[]).await;
    signed(&server, &slash(1, "un", None, true)).await;
    let public = reqwest::get(format!("{}/metrics", server.base))
        .await
        .unwrap();
    assert_eq!(public.status().as_u16(), 404, "not on the public listener");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "metrics_listen = \"127.0.0.1:0\"\ninsights = false\n",
    )
    .unwrap();
    let server = Server::start_in(dir.path(), &[]).await;
    signed(&server, &slash(1, "un", None, true)).await;
    signed(&server, &autocomplete(2, "faq", "topic", "")).await;
    let metrics = server.log.value_after("metrics=").await;
    let text = reqwest::get(format!("http://{metrics}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            r#"faqbot_interactions_total{kind="command",command="un",outcome="answered"} 1"#
        ),
        "{text}"
    );
    assert!(
        text.contains(
            r#"faqbot_interactions_total{kind="autocomplete",command="faq",outcome="answered"} 1"#
        ),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_settings_exit_2_and_a_taken_port_exits_1() {
    let missing_key = serve_command(&[])
        .env_remove("DISCORD_PUBLIC_KEY")
        .output()
        .await
        .unwrap();
    assert_eq!(missing_key.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing_key.stderr).contains("no public key"));
    let nonsense = Command::from(common::command(common::repo(), &common::scratch_state()))
        .args(["serve", "--listen", "nonsense"])
        .env("DISCORD_PUBLIC_KEY", public_key_hex())
        .output()
        .await
        .unwrap();
    assert_eq!(nonsense.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&nonsense.stderr).contains("expected HOST:PORT"));
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let busy = Command::from(common::command(common::repo(), &common::scratch_state()))
        .args(["serve", "--listen", &addr])
        .env("DISCORD_PUBLIC_KEY", public_key_hex())
        .output()
        .await
        .unwrap();
    assert_eq!(busy.status.code(), Some(1), "{busy:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_answer_goes_privately_to_the_asker_with_a_pointer() {
    let server = Server::start(&[]).await;
    let (_, first) = signed(
        &server,
        &fake_discord::in_channel(slash(1, "funding", None, true), 5),
    )
    .await;
    assert_eq!(first["data"]["flags"], 0, "public");
    let (_, again) = signed(
        &server,
        &fake_discord::in_channel(slash(2, "funding", None, true), 5),
    )
    .await;
    assert_eq!(again["data"]["flags"], 64, "private");
    let embed = &again["data"]["embeds"][0];
    assert_eq!(embed["title"], "How is ISO financed?", "the answer itself");
    assert_eq!(
        embed["description"],
        first["data"]["embeds"][0]["description"]
    );
    let pointer = embed["fields"][0]["value"].as_str().unwrap();
    assert!(
        pointer.starts_with("Answered in this channel <t:") && pointer.ends_with(", just above."),
        "{pointer}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_never_stops_serve_on_the_built_in_faq() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_in(dir.path(), &[]).await;
    let pid = server.child.id().unwrap().to_string();
    std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap();
    server.log.value_after("reload;").await;
    let (status, body) = signed(&server, &slash(1, "logo", None, true)).await;
    assert_eq!(status, 200, "still serving");
    assert_eq!(body["type"], 4);
}
