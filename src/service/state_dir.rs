//! `--state-dir`: saved sessions on disk, one file per session id, for the
//! sessions that expired or were alive when the server stopped. A file is
//! deleted when its session comes back or is closed, and once it is older
//! than the retention.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The extension of saved session files.
const EXTENSION: &str = "cistate";
/// The extension of a file being written (renamed into place when complete).
const PARTIAL: &str = "partial";

/// A directory of saved sessions.
#[derive(Debug)]
pub struct StateDir {
    dir: PathBuf,
    retention: Duration,
}

impl StateDir {
    /// The saved sessions in `dir` (created owner-only if missing), kept
    /// for `retention` after they were saved.
    pub fn open(dir: &Path, retention: Duration) -> std::io::Result<Self> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        Ok(Self {
            dir: dir.to_owned(),
            retention,
        })
    }

    /// Where session `id` is saved; `None` for an id this server never
    /// gives (only canonical UUIDs name files, so no id reaches another path).
    fn path(&self, id: &str) -> Option<PathBuf> {
        let uuid = uuid::Uuid::try_parse(id).ok()?;
        (uuid.hyphenated().to_string() == id).then(|| self.dir.join(format!("{id}.{EXTENSION}")))
    }

    /// Saves `bytes` as session `id`'s state, replacing what was there; the
    /// file appears whole or not at all.
    pub async fn store(&self, id: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        let path = self.path(id).ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a session id")
        })?;
        tokio::task::spawn_blocking(move || {
            let partial = path.with_extension(PARTIAL);
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&partial)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&partial, &path)
        })
        .await?
    }

    /// Session `id`'s saved state; `None` if the directory holds none.
    pub async fn read(&self, id: &str) -> std::io::Result<Option<Vec<u8>>> {
        let Some(path) = self.path(id) else {
            return Ok(None);
        };
        tokio::task::spawn_blocking(move || match std::fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        })
        .await?
    }

    /// Deletes session `id`'s saved state; whether there was one.
    pub fn remove(&self, id: &str) -> std::io::Result<bool> {
        let Some(path) = self.path(id) else {
            return Ok(false);
        };
        match std::fs::remove_file(path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// Deletes the saved states older than the retention, and files left
    /// half-written by a crash; how many went.
    pub async fn prune(&self) -> std::io::Result<usize> {
        let dir = self.dir.clone();
        let retention = self.retention;
        tokio::task::spawn_blocking(move || {
            let now = SystemTime::now();
            let mut removed = 0;
            for entry in std::fs::read_dir(&dir)? {
                let entry = entry?;
                let path = entry.path();
                let extension = path.extension().and_then(|extension| extension.to_str());
                let age = entry.metadata()?.modified().map_or(Duration::ZERO, |at| {
                    now.duration_since(at).unwrap_or_default()
                });
                let stale = match extension {
                    Some(EXTENSION) => age > retention,
                    Some(PARTIAL) => age > Duration::from_secs(3600),
                    _ => false,
                };
                if stale && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
            Ok(removed)
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    #[tokio::test]
    async fn a_stored_state_is_read_until_removed() {
        let dir = tempfile::tempdir().unwrap();
        let states = StateDir::open(dir.path(), Duration::from_secs(60)).unwrap();
        states.store(ID, b"state".to_vec()).await.unwrap();
        assert_eq!(
            states.read(ID).await.unwrap().as_deref(),
            Some(&b"state"[..])
        );
        assert!(states.remove(ID).unwrap());
        assert_eq!(states.read(ID).await.unwrap(), None);
        assert!(!states.remove(ID).unwrap());
    }

    #[tokio::test]
    async fn only_canonical_ids_name_files() {
        let dir = tempfile::tempdir().unwrap();
        let states = StateDir::open(dir.path(), Duration::from_secs(60)).unwrap();
        for id in [
            "../x",
            "",
            "67E55044-10B1-426F-9247-BB680E5FE0C8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
        ] {
            assert!(states.store(id, vec![1]).await.is_err(), "{id}");
            assert_eq!(states.read(id).await.unwrap(), None);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[tokio::test]
    async fn states_past_the_retention_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let states = StateDir::open(dir.path(), Duration::from_millis(1)).unwrap();
        states.store(ID, vec![1]).await.unwrap();
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(states.prune().await.unwrap(), 1);
        assert_eq!(states.read(ID).await.unwrap(), None);
    }
}
