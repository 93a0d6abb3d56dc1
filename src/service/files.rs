//! Files given with CreateSession, written into the session's scratch
//! directory (the guest's `/mnt/data`), and the status code of each way a
//! file request on that directory can fail ([`ScratchError`]).

use std::path::{Path, PathBuf};

use tonic::Status;

use super::config::ServiceConfig;
use super::proto;
use crate::scratch::{ScratchError, relative_path};

impl From<ScratchError> for Status {
    fn from(error: ScratchError) -> Self {
        match error {
            ScratchError::InvalidPath(message) => Status::invalid_argument(message),
            ScratchError::NotFound(message) => Status::not_found(message),
            ScratchError::Io(message) => Status::internal(message),
        }
    }
}

/// Checks every file's path and the totals, before anything is written.
pub fn check(config: &ServiceConfig, files: &[proto::File]) -> Result<(), Status> {
    if files.len() > config.max_session_files {
        return Err(Status::invalid_argument(format!(
            "{} files given, more than the maximum of {}",
            files.len(),
            config.max_session_files
        )));
    }
    let total: u64 = files.iter().map(|file| file.content.len() as u64).sum();
    if total > config.max_session_file_bytes {
        return Err(Status::invalid_argument(format!(
            "the files hold {total} bytes, more than the maximum of {} bytes",
            config.max_session_file_bytes
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for file in files {
        let path = relative_path(&file.path)?;
        if !seen.insert(path) {
            return Err(Status::invalid_argument(format!(
                "file path {:?} is given twice",
                file.path
            )));
        }
    }
    Ok(())
}

/// Writes checked `files` under `root`, creating directories as needed, on a
/// blocking thread (they may hold tens of MiB).
pub async fn write(root: PathBuf, files: Vec<proto::File>) -> Result<(), Status> {
    tokio::task::spawn_blocking(move || write_now(&root, &files))
        .await
        .map_err(|error| Status::internal(format!("writing the files: {error}")))?
}

fn write_now(root: &Path, files: &[proto::File]) -> Result<(), Status> {
    for file in files {
        let path = root.join(relative_path(&file.path)?);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &file.content));
        if let Err(error) = written {
            return Err(Status::internal(format!(
                "cannot write file {:?}: {error}",
                file.path
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_below_the_root() {
        let root = tempfile::tempdir().unwrap();
        let files = [proto::File {
            path: "d/e/f.txt".into(),
            content: b"hello".to_vec(),
        }];
        check(&ServiceConfig::default(), &files).unwrap();
        write_now(root.path(), &files).unwrap();
        assert_eq!(
            std::fs::read(root.path().join("d/e/f.txt")).unwrap(),
            b"hello"
        );
    }

    #[test]
    fn duplicates_and_oversized_sets_are_refused() {
        let file = |path: &str, size: usize| proto::File {
            path: path.into(),
            content: vec![0; size],
        };
        let config = ServiceConfig {
            max_session_file_bytes: 10,
            ..ServiceConfig::default()
        };
        assert!(check(&config, &[file("a", 1), file("a", 1)]).is_err());
        assert!(check(&config, &[file("a", 6), file("b", 6)]).is_err());
        assert!(check(&config, &[file("a", 5), file("b", 5)]).is_ok());
    }
}
