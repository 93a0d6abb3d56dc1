//! Blocking file operations on a session's scratch directory (the guest's
//! `/mnt/data`), for the file transfer RPCs and the files pandas reads and
//! writes on the host.
//!
//! The guest can make symbolic links pointing anywhere (WASI confines only
//! its own lookups), so the host never follows a link in the directory:
//! listings leave links out, and a path naming one or leading through one is
//! refused. Every directory on a path is opened relative to the one before it
//! (through its `/proc/self/fd` entry) with `O_NOFOLLOW`, so a link the guest
//! swaps in meanwhile cannot redirect an operation either.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use tempfile::NamedTempFile;

use super::error::ScratchError;

/// Name prefix of uploads in progress, at the top of the scratch directory;
/// listings leave them out.
pub(super) const UPLOAD_PREFIX: &str = ".ci-upload-";

/// A session's scratch directory.
pub struct Scratch {
    path: PathBuf,
}

/// A regular file in a scratch directory.
pub struct FileEntry {
    /// Relative to the scratch directory, '/'-separated.
    pub path: String,
    pub size: u64,
    pub modified: SystemTime,
}

/// The regular files of a scratch directory.
pub struct Listing {
    /// Sorted by path.
    pub files: Vec<FileEntry>,
    /// More files exist than were listed.
    pub truncated: bool,
}

impl Scratch {
    /// The scratch directory at `path` (made by the host, so trusted).
    pub fn new(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
        }
    }

    /// Up to `limit` regular files below the directory, recursively.
    pub fn list(&self, limit: usize) -> Result<Listing, ScratchError> {
        let mut files = Vec::new();
        let mut dirs = vec![PathBuf::new()];
        while let Some(relative) = dirs.pop() {
            // Skip a directory the guest removed or replaced meanwhile.
            let Ok(dir) = self.open_dir(&relative, false) else {
                continue;
            };
            for entry in fs::read_dir(fd_path(&dir)).map_err(internal)? {
                let entry = entry.map_err(internal)?;
                let name = entry.file_name();
                if relative.as_os_str().is_empty()
                    && name.to_string_lossy().starts_with(UPLOAD_PREFIX)
                {
                    continue;
                }
                // Not following links; an entry gone meanwhile is skipped.
                let Ok(metadata) = entry.metadata() else {
                    continue;
                };
                if metadata.is_dir() {
                    dirs.push(relative.join(name));
                } else if metadata.is_file() {
                    if files.len() == limit {
                        return Ok(Listing::sorted(files, true));
                    }
                    files.push(FileEntry {
                        path: relative.join(name).to_string_lossy().into_owned(),
                        size: metadata.len(),
                        modified: metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                    });
                }
            }
        }
        Ok(Listing::sorted(files, false))
    }

    /// Copies the directories, regular files and links below the directory
    /// into the empty directory `dest` (a forked session's). Links are copied
    /// as links, never followed; uploads in progress, FIFOs and sockets are
    /// left out. For a directory whose guest is paused, so that nothing
    /// changes under the walk.
    pub fn copy_into(&self, dest: &Path) -> Result<(), ScratchError> {
        let mut dirs = vec![PathBuf::new()];
        while let Some(relative) = dirs.pop() {
            for entry in fs::read_dir(self.path.join(&relative)).map_err(internal)? {
                let entry = entry.map_err(internal)?;
                let name = entry.file_name();
                if relative.as_os_str().is_empty()
                    && name.to_string_lossy().starts_with(UPLOAD_PREFIX)
                {
                    continue;
                }
                let (from, to) = (entry.path(), dest.join(&relative).join(&name));
                let kind = entry.file_type().map_err(internal)?;
                if kind.is_dir() {
                    fs::create_dir(&to).map_err(internal)?;
                    dirs.push(relative.join(name));
                } else if kind.is_file() {
                    fs::copy(&from, &to).map_err(internal)?;
                } else if kind.is_symlink() {
                    let target = fs::read_link(&from).map_err(internal)?;
                    std::os::unix::fs::symlink(target, &to).map_err(internal)?;
                }
            }
        }
        Ok(())
    }

    /// Opens the regular file at `relative` for reading; also returns its size.
    pub fn open_file(&self, relative: &Path) -> Result<(File, u64), ScratchError> {
        let opened = self.open_parent(relative, false).and_then(|(dir, name)| {
            // O_NONBLOCK: opening a FIFO must not wait for a writer.
            let file = OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
                .open(fd_path(&dir).join(name))?;
            let metadata = file.metadata()?;
            if metadata.is_file() {
                Ok((file, metadata.len()))
            } else if metadata.is_dir() {
                Err(io::ErrorKind::IsADirectory.into())
            } else {
                Err(io::ErrorKind::InvalidInput.into())
            }
        });
        opened.map_err(|error| refusal(relative, error))
    }

    /// Refuses an upload to `relative` early (before its data comes) if it
    /// could not be moved into place: the path is a directory or leads
    /// through something other than a directory. Missing directories are fine.
    pub fn check_target(&self, relative: &Path) -> Result<(), ScratchError> {
        let checked = self.open_parent(relative, false).and_then(|(dir, name)| {
            match fs::symlink_metadata(fd_path(&dir).join(name)) {
                Ok(metadata) if metadata.is_dir() => Err(io::ErrorKind::IsADirectory.into()),
                Ok(_) => Ok(()),
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(error) => Err(error),
            }
        });
        match checked {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            checked => checked.map_err(|error| refusal(relative, error)),
        }
    }

    /// A new temporary file in the directory, deleted when dropped.
    pub fn temp_file(&self) -> Result<NamedTempFile, ScratchError> {
        tempfile::Builder::new()
            .prefix(UPLOAD_PREFIX)
            .tempfile_in(&self.path)
            .map_err(internal)
    }

    /// Moves `file` (from [`Scratch::temp_file`]) to `relative` in one rename,
    /// replacing a file there and creating missing directories.
    pub fn commit(&self, file: NamedTempFile, relative: &Path) -> Result<(), ScratchError> {
        let (dir, name) = self
            .open_parent(relative, true)
            .map_err(|error| refusal(relative, error))?;
        file.persist(fd_path(&dir).join(name))
            .map_err(|error| refusal(relative, error.error))?;
        Ok(())
    }

    /// The directory holding `relative` (created when `create`), and the
    /// file's name in it.
    fn open_parent<'a>(&self, relative: &'a Path, create: bool) -> io::Result<(File, &'a Path)> {
        let name = relative.file_name().ok_or(io::ErrorKind::InvalidInput)?;
        let parent = relative.parent().unwrap_or(Path::new(""));
        Ok((self.open_dir(parent, create)?, Path::new(name)))
    }

    /// Opens the directory `relative` one component at a time, each relative
    /// to the last and without following links, creating missing ones when
    /// `create`.
    fn open_dir(&self, relative: &Path, create: bool) -> io::Result<File> {
        let mut dir = open_dir(&self.path)?;
        for part in relative.components() {
            let path = fd_path(&dir).join(part);
            if create {
                match fs::create_dir(&path) {
                    Err(error) if error.kind() != io::ErrorKind::AlreadyExists => {
                        return Err(error);
                    }
                    _ => {}
                }
            }
            dir = open_dir(&path)?;
        }
        Ok(dir)
    }
}

impl Listing {
    fn sorted(mut files: Vec<FileEntry>, truncated: bool) -> Self {
        files.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        Self { files, truncated }
    }
}

/// Opens the directory at `path`, refusing a link as its last component.
fn open_dir(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(path)
}

/// A path naming what `file` has open, whatever its path was.
fn fd_path(file: &File) -> PathBuf {
    PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()))
}

/// The error for an operation on `relative` that failed with `error`.
fn refusal(relative: &Path, error: io::Error) -> ScratchError {
    let refuse = |why: &str| ScratchError::InvalidPath(format!("file path {relative:?} {why}"));
    match error.kind() {
        io::ErrorKind::NotFound => {
            ScratchError::NotFound(format!("no file {relative:?} in /mnt/data"))
        }
        io::ErrorKind::IsADirectory => refuse("is a directory"),
        // Also a link where a directory should be: O_NOFOLLOW does not follow it.
        io::ErrorKind::NotADirectory => refuse(
            "leads through a file or a symbolic link (which the host does not follow) \
             where a directory should be",
        ),
        io::ErrorKind::InvalidInput => refuse("is not a regular file"),
        _ if error.raw_os_error() == Some(libc::ELOOP) => {
            refuse("is a symbolic link, which the host does not follow")
        }
        _ => ScratchError::Io(format!("file path {relative:?}: {error}")),
    }
}

pub(super) fn internal(error: io::Error) -> ScratchError {
    ScratchError::Io(format!("the scratch directory: {error}"))
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::os::unix::fs::symlink;

    use super::*;

    fn scratch() -> (tempfile::TempDir, Scratch) {
        let dir = tempfile::tempdir().unwrap();
        let scratch = Scratch::new(dir.path());
        (dir, scratch)
    }

    fn upload(scratch: &Scratch, path: &str, bytes: &[u8]) -> Result<(), ScratchError> {
        let mut file = scratch.temp_file()?;
        file.write_all(bytes).unwrap();
        scratch.commit(file, Path::new(path))
    }

    #[test]
    fn uploads_replace_files_and_create_directories() {
        let (dir, scratch) = scratch();
        upload(&scratch, "a/b/c.txt", b"one").unwrap();
        upload(&scratch, "a/b/c.txt", b"two").unwrap();
        upload(&scratch, "top.txt", b"").unwrap();
        assert_eq!(fs::read(dir.path().join("a/b/c.txt")).unwrap(), b"two");
        let listing = scratch.list(100).unwrap();
        let paths: Vec<_> = listing.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a/b/c.txt", "top.txt"]);
        assert!(!listing.truncated);
        let (_, size) = scratch.open_file(Path::new("a/b/c.txt")).unwrap();
        assert_eq!(size, 3);
    }

    #[test]
    fn listings_skip_uploads_in_progress_and_stop_at_the_limit() {
        let (_dir, scratch) = scratch();
        let _pending = scratch.temp_file().unwrap();
        for name in ["x", "y", "z"] {
            upload(&scratch, name, b"1").unwrap();
        }
        assert_eq!(scratch.list(3).unwrap().files.len(), 3);
        let listing = scratch.list(2).unwrap();
        assert_eq!((listing.files.len(), listing.truncated), (2, true));
    }

    #[test]
    fn links_are_never_followed() {
        let (dir, scratch) = scratch();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret"), b"s").unwrap();
        symlink(outside.path(), dir.path().join("out")).unwrap();
        symlink(outside.path().join("secret"), dir.path().join("secret")).unwrap();
        assert!(scratch.list(100).unwrap().files.is_empty());
        for path in ["out/secret", "secret"] {
            let error = scratch.open_file(Path::new(path)).unwrap_err();
            assert!(matches!(error, ScratchError::InvalidPath(_)), "{path}");
        }
        let error = upload(&scratch, "out/new/file", b"x").unwrap_err();
        assert!(matches!(error, ScratchError::InvalidPath(_)));
        assert!(!outside.path().join("new").exists());
        // Replacing a link replaces the link itself.
        upload(&scratch, "secret", b"mine").unwrap();
        assert_eq!(fs::read(outside.path().join("secret")).unwrap(), b"s");
    }

    #[test]
    fn directories_and_missing_files_are_refused() {
        let (_dir, scratch) = scratch();
        upload(&scratch, "d/f", b"x").unwrap();
        let invalid = |error| matches!(error, ScratchError::InvalidPath(_));
        let missing = |error| matches!(error, ScratchError::NotFound(_));
        assert!(invalid(scratch.open_file(Path::new("d")).unwrap_err()));
        assert!(missing(scratch.open_file(Path::new("d/nope")).unwrap_err()));
        assert!(missing(scratch.open_file(Path::new("nope/f")).unwrap_err()));
        assert!(invalid(scratch.check_target(Path::new("d")).unwrap_err()));
        assert!(invalid(
            scratch.check_target(Path::new("d/f/g")).unwrap_err()
        ));
        scratch.check_target(Path::new("new/dir/f")).unwrap();
    }
}
