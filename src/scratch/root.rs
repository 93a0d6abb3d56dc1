//! The directory one process keeps its sessions' scratch directories (and
//! their checkpoints' copies) in, and the removal of those that processes
//! which died left behind.
//!
//! Each process's directory is `code-interpreter-<random>` under the
//! configured parent and holds a `.lock` file the process keeps locked
//! (`flock`) while it runs. A process killed outright (SIGKILL, the OOM
//! killer, a crash) cannot delete its directory, but the kernel drops its
//! lock: the next sandbox to start under the same parent finds the lock free
//! and deletes the directory. A directory is named only after its lock is
//! held (it is made under a staging name and renamed), so a directory that is
//! being set up is never taken for an abandoned one.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The start of a process's directory name.
const PREFIX: &str = "code-interpreter-";
/// The start of its name while it is set up.
const STAGING_PREFIX: &str = ".code-interpreter-new-";
/// The file whose lock says the directory's process is alive.
const LOCK: &str = ".lock";

/// This process's directory; deleted when dropped.
pub struct ScratchRoot {
    dir: PathBuf,
    /// Held for the directory's lifetime.
    _lock: File,
}

impl ScratchRoot {
    /// Removes the directories under `parent` whose processes are gone, then
    /// makes and locks a new one.
    pub fn claim(parent: &Path) -> io::Result<Self> {
        let removed = remove_abandoned(parent);
        if removed > 0 {
            tracing::info!(
                removed,
                parent = %parent.display(),
                "removed scratch directories of processes that stopped without cleaning up"
            );
        }
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(parent)?;
        let lock = File::create(staging.path().join(LOCK))?;
        lock.try_lock().map_err(io::Error::from)?;
        let name = staging
            .path()
            .file_name()
            .expect("a temporary directory's name");
        let suffix = &name.to_string_lossy()[STAGING_PREFIX.len()..];
        let dir = parent.join(format!("{PREFIX}{suffix}"));
        fs::rename(staging.keep(), &dir)?;
        Ok(Self { dir, _lock: lock })
    }

    /// Where this process's scratch directories go.
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for ScratchRoot {
    fn drop(&mut self) {
        // Best effort: a session still tearing down may race with it, and
        // whatever is left goes at the next start.
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Deletes the directories (named or still staged) under `parent` whose lock
/// no process holds; how many. Ones that cannot be read are left alone.
fn remove_abandoned(parent: &Path) -> usize {
    let Ok(entries) = fs::read_dir(parent) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(PREFIX) || name.starts_with(STAGING_PREFIX)) {
            continue;
        }
        let dir = entry.path();
        // An unreadable or missing lock file: not ours to judge.
        let Ok(lock) = File::open(dir.join(LOCK)) else {
            continue;
        };
        if lock.try_lock().is_ok() && fs::remove_dir_all(&dir).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(parent: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(parent)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_claimed_directory_is_locked_and_deleted_when_dropped() {
        let parent = tempfile::tempdir().unwrap();
        let root = ScratchRoot::claim(parent.path()).unwrap();
        assert!(root.path().starts_with(parent.path()));
        let name = root.path().file_name().unwrap().to_string_lossy();
        assert!(name.starts_with(PREFIX), "{name}");
        fs::write(root.path().join("file"), "x").unwrap();
        let lock = File::open(root.path().join(LOCK)).unwrap();
        assert!(lock.try_lock().is_err(), "the lock is held");
        drop(root);
        assert!(names(parent.path()).is_empty());
    }

    #[test]
    fn directories_of_stopped_processes_go_and_live_ones_stay() {
        let parent = tempfile::tempdir().unwrap();
        let alive = ScratchRoot::claim(parent.path()).unwrap();
        // What a killed process leaves: its directory, its lock file free.
        let abandoned = parent.path().join(format!("{PREFIX}dead"));
        fs::create_dir_all(abandoned.join("ci-session-1")).unwrap();
        File::create(abandoned.join(LOCK)).unwrap();
        let staged = parent.path().join(format!("{STAGING_PREFIX}dead"));
        fs::create_dir(&staged).unwrap();
        File::create(staged.join(LOCK)).unwrap();
        // Not a process directory, or one without a lock file: left alone.
        fs::create_dir(parent.path().join("other")).unwrap();
        fs::create_dir(parent.path().join(format!("{PREFIX}unlocked"))).unwrap();

        let next = ScratchRoot::claim(parent.path()).unwrap();
        let mut expected = vec![
            format!("{PREFIX}unlocked"),
            "other".to_owned(),
            alive
                .path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            next.path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        ];
        expected.sort();
        assert_eq!(names(parent.path()), expected);
    }
}
