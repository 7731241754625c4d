//! A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster made
//! by `initdb` in a temporary folder, listening on a free port of 127.0.0.1, run as the
//! unprivileged `postgres` user when the tests run as root (PostgreSQL refuses root). Never a
//! mock: the tests of the shared store talk to a real server.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::Command;

/// A running server; stopped, and its files removed, when dropped.
pub struct Cluster {
    folder: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    /// The user the server runs as, when the tests run as root.
    user: Option<(u32, u32)>,
}

/// Where Debian's PostgreSQL programs are: on the PATH, or in the versioned folder the
/// package installs them in.
fn binaries() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
    });
    on_path.or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
            .filter(|bin| bin.join("initdb").is_file())
            .collect();
        // By version number: 16 after 9.6.
        let number = |bin: &PathBuf| -> f64 {
            let version = bin.parent().and_then(|v| v.file_name());
            version
                .and_then(|v| v.to_str()?.parse().ok())
                .unwrap_or(0.0)
        };
        versions.sort_by(|a, b| number(a).total_cmp(&number(b)));
        versions.pop()
    })
}

/// The uid and gid of `postgres`, for a server started by root.
fn postgres_user() -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, "postgres"]).output().ok()?;
        String::from_utf8(out.stdout).ok()?.trim().parse().ok()
    };
    Some((id("-u")?, id("-g")?))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

impl Cluster {
    /// A fresh server, or `None` (with one line saying so) when PostgreSQL is not installed
    /// and this is not CI, where it must be.
    pub fn start() -> Option<Self> {
        let Some(bin) = binaries() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "PostgreSQL's initdb is not installed, and CI needs it: .ci/run installs Debian's postgresql"
            );
            eprintln!("skipped: PostgreSQL's initdb is not installed (apt-get install postgresql)");
            return None;
        };
        let user = if is_root() {
            Some(
                postgres_user()
                    .expect("running as root needs the `postgres` user to run PostgreSQL as"),
            )
        } else {
            None
        };
        let folder = tempfile::Builder::new()
            .prefix("faqbot-pg")
            .tempdir()
            .unwrap();
        if let Some((uid, gid)) = user {
            std::os::unix::fs::chown(folder.path(), Some(uid), Some(gid)).unwrap();
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = Self {
            folder,
            bin,
            port,
            user,
        };
        let data = cluster.data();
        let out = cluster
            .program("initdb")
            .args(["-D", &data, "-A", "trust", "-U", "postgres", "-E", "UTF8"])
            .args(["--no-sync", "--locale=C"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        cluster.up();
        Some(cluster)
    }

    fn data(&self) -> String {
        self.folder.path().join("data").display().to_string()
    }

    fn program(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        // psql may be on the PATH only (Debian links the server's programs in one folder and
        // psql's wrapper in another).
        let mut command = Command::new(if program.is_file() {
            program
        } else {
            PathBuf::from(name)
        });
        command.current_dir(self.folder.path());
        if let Some((uid, gid)) = self.user {
            command.uid(uid).gid(gid);
        }
        command
    }

    /// Starts the server (again), waiting until it takes connections.
    pub fn up(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            self.port,
            self.folder.path().display()
        );
        let log = self.folder.path().join("server.log").display().to_string();
        let out = self
            .program("pg_ctl")
            .args([
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// Stops the server at once, as a crash or a lost network would: connections are cut.
    pub fn down(&self) {
        let out = self
            .program("pg_ctl")
            .args(["-D", &self.data(), "-m", "immediate", "-w", "stop"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_ctl stop: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The database's URL, as faqbot is configured with it.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs `sql` with `psql`, returning what it prints (unaligned, tuples only).
    pub fn query(&self, sql: &str) -> String {
        self.try_query(sql).unwrap_or_else(|e| panic!("psql: {e}"))
    }

    /// [`query`](Self::query), or what psql said was wrong (a table not there yet, say).
    pub fn try_query(&self, sql: &str) -> Result<String, String> {
        let out = self
            .program("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
            ])
            .args(["-d", "postgres", "-A", "-t", "-X", "-c", sql])
            .output()
            .unwrap();
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .program("pg_ctl")
            .args(["-D", &self.data(), "-m", "immediate", "stop"])
            .output();
    }
}
