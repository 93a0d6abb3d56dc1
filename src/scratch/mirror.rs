//! A copy of a scratch directory kept up to date incrementally: a session's
//! files as they were at its last checkpoint, to put back when its instance
//! is rebuilt from that checkpoint.
//!
//! Files are compared by size, times and inode, so a checkpoint after a cell
//! that wrote nothing costs one `stat` per entry. Like [`Scratch::copy_into`],
//! links are copied as links, never followed, and uploads in progress,
//! FIFOs and sockets are left out. For a directory whose guest is paused.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::dir::{Scratch, UPLOAD_PREFIX, internal};
use super::error::ScratchError;

/// What an entry was at the last sync.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stamp {
    Dir,
    File {
        len: u64,
        modified: (i64, i64),
        changed: (i64, i64),
        inode: u64,
    },
    Link(PathBuf),
}

/// The mirror of one scratch directory.
pub struct FileMirror {
    /// Made at the first sync that finds an entry.
    copy: Option<TempDir>,
    /// Where the copy is made.
    parent: PathBuf,
    /// Relative paths of the entries as they were at the last sync.
    stamps: BTreeMap<PathBuf, Stamp>,
}

impl FileMirror {
    /// An empty mirror whose copy will live in a new directory under `parent`.
    pub fn new(parent: &Path) -> Self {
        Self {
            copy: None,
            parent: parent.to_owned(),
            stamps: BTreeMap::new(),
        }
    }

    /// Makes the mirror equal to `scratch`, copying only what changed.
    pub fn sync_from(&mut self, scratch: &Path) -> Result<(), ScratchError> {
        let now = stamps(scratch).map_err(internal)?;
        if now.is_empty() && self.stamps.is_empty() {
            return Ok(());
        }
        let copy = match &self.copy {
            Some(copy) => copy.path().to_owned(),
            None => {
                let made = tempfile::Builder::new()
                    .prefix("ci-checkpoint-")
                    .tempdir_in(&self.parent)
                    .map_err(internal)?;
                self.copy.insert(made).path().to_owned()
            }
        };
        for (relative, stamp) in &self.stamps {
            if now.get(relative).is_none_or(|new| !same_kind(new, stamp)) {
                remove(&copy.join(relative)).map_err(internal)?;
            }
        }
        // Sorted, so a directory comes before what it holds.
        for (relative, stamp) in &now {
            if self.stamps.get(relative) == Some(stamp) {
                continue;
            }
            let (from, to) = (scratch.join(relative), copy.join(relative));
            match stamp {
                Stamp::Dir => fs::create_dir_all(&to),
                Stamp::File { .. } => fs::copy(&from, &to).map(drop),
                Stamp::Link(target) => {
                    remove(&to).and_then(|()| std::os::unix::fs::symlink(target, &to))
                }
            }
            .map_err(internal)?;
        }
        self.stamps = now;
        Ok(())
    }

    /// Makes `scratch` equal to the mirror: what the guest made since is
    /// deleted (uploads in progress are kept), the mirror's entries copied back.
    pub fn restore_into(&self, scratch: &Path) -> Result<(), ScratchError> {
        for entry in fs::read_dir(scratch).map_err(internal)? {
            let entry = entry.map_err(internal)?;
            if !entry
                .file_name()
                .to_string_lossy()
                .starts_with(UPLOAD_PREFIX)
            {
                remove(&entry.path()).map_err(internal)?;
            }
        }
        match &self.copy {
            Some(copy) => Scratch::new(copy.path()).copy_into(scratch),
            None => Ok(()),
        }
    }
}

/// The stamps of every entry below `root`, by relative path.
fn stamps(root: &Path) -> io::Result<BTreeMap<PathBuf, Stamp>> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(relative) = dirs.pop() {
        for entry in fs::read_dir(root.join(&relative))? {
            let entry = entry?;
            let name = entry.file_name();
            if relative.as_os_str().is_empty() && name.to_string_lossy().starts_with(UPLOAD_PREFIX)
            {
                continue;
            }
            let path = relative.join(&name);
            // Not following links.
            let metadata = entry.metadata()?;
            let stamp = if metadata.is_dir() {
                dirs.push(path.clone());
                Stamp::Dir
            } else if metadata.is_file() {
                Stamp::File {
                    len: metadata.len(),
                    modified: (metadata.mtime(), metadata.mtime_nsec()),
                    changed: (metadata.ctime(), metadata.ctime_nsec()),
                    inode: metadata.ino(),
                }
            } else if metadata.is_symlink() {
                Stamp::Link(fs::read_link(entry.path())?)
            } else {
                continue;
            };
            found.insert(path, stamp);
        }
    }
    Ok(found)
}

fn same_kind(a: &Stamp, b: &Stamp) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Removes a file, link or directory tree; one already gone is fine.
fn remove(path: &Path) -> io::Result<()> {
    let removed = match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(error) => Err(error),
    };
    match removed {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(root: &Path) -> Vec<(PathBuf, Option<String>)> {
        stamps(root)
            .unwrap()
            .into_iter()
            .map(|(path, stamp)| {
                let content = matches!(stamp, Stamp::File { .. })
                    .then(|| fs::read_to_string(root.join(&path)).unwrap());
                (path, content)
            })
            .collect()
    }

    #[test]
    fn restores_the_directory_as_it_was_at_the_last_sync() {
        let (scratch, parent) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let dir = scratch.path();
        let mut mirror = FileMirror::new(parent.path());
        mirror.sync_from(dir).unwrap();
        assert!(mirror.copy.is_none(), "nothing to copy yet");

        fs::create_dir_all(dir.join("sub/deeper")).unwrap();
        fs::write(dir.join("a.txt"), "one").unwrap();
        fs::write(dir.join("sub/deeper/b.txt"), "two").unwrap();
        fs::write(dir.join("gone.txt"), "soon deleted").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", dir.join("link")).unwrap();
        mirror.sync_from(dir).unwrap();
        fs::remove_file(dir.join("gone.txt")).unwrap();
        mirror.sync_from(dir).unwrap();
        let kept = listing(dir);

        fs::write(dir.join("a.txt"), "changed").unwrap();
        fs::remove_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("sub"), "now a file").unwrap();
        fs::write(dir.join("new.txt"), "new").unwrap();
        fs::write(dir.join(format!("{UPLOAD_PREFIX}1")), "uploading").unwrap();
        mirror.restore_into(dir).unwrap();

        assert_eq!(listing(dir), kept);
        assert!(
            dir.join(format!("{UPLOAD_PREFIX}1")).exists(),
            "uploads are kept"
        );
        assert_eq!(
            fs::read_link(dir.join("link")).unwrap(),
            Path::new("/etc/passwd")
        );
    }
}
