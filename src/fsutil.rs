//! Small filesystem helpers.

use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` through a temporary file and a rename, so readers
/// never see a half-written file (several processes may share one cache).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .context("cache path has no parent directory")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Marks the cache entry at `path` as just used, so [`keep_newest`] keeps it
/// (best effort).
pub fn mark_used(path: &Path) {
    let _ = std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(std::time::SystemTime::now()));
}

/// Deletes all but the `keep` most recently used (modified) files of `dir`
/// whose names `matches`: a cache keyed by build would otherwise grow by an
/// entry per build. An entry a running process still maps stays readable to
/// it; one started later rebuilds it. Best effort.
pub fn keep_newest(dir: &Path, matches: impl Fn(&str) -> bool, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<_> = entries
        .flatten()
        .filter(|entry| matches(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    found.sort_unstable_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in found.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    #[test]
    fn keeps_the_most_recently_used_matching_files() {
        let dir = tempfile::tempdir().unwrap();
        let day = Duration::from_secs(86_400);
        for (name, days_ago) in [("a.cwasm", 3), ("b.cwasm", 1), ("c.cwasm", 2), ("d.txt", 9)] {
            let path = dir.path().join(name);
            let file = std::fs::File::create(&path).unwrap();
            file.set_modified(SystemTime::now() - day * days_ago)
                .unwrap();
        }
        mark_used(&dir.path().join("a.cwasm"));
        keep_newest(dir.path(), |name| name.ends_with(".cwasm"), 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["a.cwasm", "b.cwasm", "d.txt"]);
    }
}
