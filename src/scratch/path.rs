//! The path rule of every file the host touches for a guest: relative to the
//! scratch directory and unable to leave it.

use std::path::PathBuf;

use super::error::ScratchError;

/// Longest file path accepted, in bytes.
const MAX_PATH_BYTES: usize = 1024;

/// A path relative to the scratch directory that cannot leave it: no root,
/// no `..`, no `.`, no empty components.
pub fn relative_path(text: &str) -> Result<PathBuf, ScratchError> {
    let refuse = |why: &str| {
        Err(ScratchError::InvalidPath(format!(
            "file path {text:?} {why}"
        )))
    };
    if text.is_empty() {
        return refuse("is empty");
    }
    if text.len() > MAX_PATH_BYTES {
        return refuse(&format!("is longer than {MAX_PATH_BYTES} bytes"));
    }
    if text.contains('\0') {
        return refuse("contains a NUL byte");
    }
    let text = text.strip_prefix("/mnt/data/").unwrap_or(text);
    if text.starts_with('/') {
        return refuse("is absolute (give a path inside /mnt/data)");
    }
    // Checked on the text: `Path::components` drops empty and interior `.`
    // components silently.
    for part in text.split('/') {
        match part {
            "" => return refuse("has an empty component"),
            "." => return refuse("contains '.'"),
            ".." => return refuse("goes up with '..'"),
            _ => {}
        }
    }
    Ok(PathBuf::from(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_scratch_directory() {
        for good in ["a.csv", "data/sales.csv", "/mnt/data/x.txt", "über/ü.txt"] {
            assert!(relative_path(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "./a",
            "a/",
            "a//b",
            "/mnt/data/../x",
            "a\0b",
            "/mnt/data/",
            "a/./b",
            "a/.",
        ] {
            let error = relative_path(bad).unwrap_err();
            assert!(matches!(error, ScratchError::InvalidPath(_)), "{bad:?}");
        }
    }
}
