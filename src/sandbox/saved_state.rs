//! A session's state as bytes, for SaveSession and RestoreSession: the
//! [`GuestImage`] of a fork, the session's limits and files, and the build
//! that made it (memory images only fit instances of the same snapshot).
//!
//! Layout: the 8-byte magic, then one zstd frame (with its checksum and its
//! unpacked size) holding, in order, the build, the limits, the memory size
//! and execution count, the memory runs, the files and the tables. Numbers
//! are little-endian `u64`, byte strings a `u64` length and the bytes. The
//! frame is packed and unpacked in one call each: streaming it took twice as
//! long. The bytes come from outside: decoding checks the unpacked size
//! against a cap before allocating, and every length against what is left,
//! so bad or truncated bytes are an error, never a panic or a huge
//! allocation.

use std::io::Write;
use std::ops::Range;
use std::path::Path;

#[cfg(feature = "tables")]
use super::fork_image::ImageTables;
use super::fork_image::{GuestImage, ImageMemory};
use crate::limits::InstanceLimits;
#[cfg(feature = "tables")]
use crate::tables::SavedTables;

/// The first bytes of a saved session.
const MAGIC: &[u8; 8] = b"CISTATE2";
/// The first bytes of the streamed format before it (no unpacked size).
const OLDER_MAGIC: &[u8; 8] = b"CISTATE1";
/// zstd's first "fast" level. Memory pages compress well even so, and it
/// leaves literals unencoded: numbers in numpy arrays hardly compress, and
/// unpacking a 10 MB array took 4x as long at level 1 (20 ms against 5).
const ZSTD_LEVEL: i32 = -1;

/// A session's state, decoded.
pub struct SavedSession {
    /// The guest build and engine version that made it.
    pub build: String,
    pub limits: InstanceLimits,
    pub image: GuestImage,
    /// The scratch directory's directories and regular files, parents first.
    pub files: Vec<SavedFile>,
}

/// An entry of the scratch directory.
pub struct SavedFile {
    /// Relative to the scratch directory, `/`-separated.
    pub path: String,
    /// The file's bytes; `None` for a directory.
    pub content: Option<Vec<u8>>,
}

/// Why bytes are not a session's state.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("malformed session state: {0}")]
    Malformed(String),
    #[error("the session state is larger than this server accepts ({0} bytes)")]
    TooLarge(u64),
    #[error("the session state was saved by another build ({saved}); this server runs {ours}")]
    OtherBuild { saved: String, ours: String },
    #[error("starting the session failed: {0:#}")]
    Start(anyhow::Error),
    #[error("restoring the session failed: {0}")]
    Failed(String),
}

fn malformed(what: impl Into<String>) -> StateError {
    StateError::Malformed(what.into())
}

/// The bytes of `saved`.
pub fn encode(saved: &SavedSession) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    put_bytes(&mut body, saved.build.as_bytes())?;
    put_u64(&mut body, saved.limits.memory_bytes)?;
    put_u64(&mut body, u64::from(saved.limits.fuel_metered))?;
    put_u64(&mut body, saved.limits.random_seed.map_or(0, |_| 1))?;
    put_u64(&mut body, saved.limits.random_seed.unwrap_or(0))?;
    let image = &saved.image;
    put_u64(&mut body, image.memory_bytes as u64)?;
    put_u64(&mut body, image.execution_count)?;
    let runs = image.runs();
    put_u64(&mut body, runs.len() as u64)?;
    for (offset, bytes) in runs {
        put_u64(&mut body, offset as u64)?;
        put_bytes(&mut body, bytes)?;
    }
    put_u64(&mut body, saved.files.len() as u64)?;
    for file in &saved.files {
        put_bytes(&mut body, file.path.as_bytes())?;
        match &file.content {
            None => put_u64(&mut body, 0)?,
            Some(content) => {
                put_u64(&mut body, 1)?;
                put_bytes(&mut body, content)?;
            }
        }
    }
    #[cfg(feature = "tables")]
    if let ImageTables::Saved(tables) = &image.tables {
        put_u64(&mut body, tables.next)?;
        put_u64(&mut body, tables.tables.len() as u64)?;
        for (handle, bytes) in &tables.tables {
            put_u64(&mut body, *handle)?;
            put_bytes(&mut body, bytes)?;
        }
    }
    let mut packer = zstd::bulk::Compressor::new(ZSTD_LEVEL)?;
    // A corrupted byte anywhere then fails the unpacking.
    packer.include_checksum(true)?;
    packer.include_contentsize(true)?;
    Ok([&MAGIC[..], &packer.compress(&body)?].concat())
}

fn put_u64(out: &mut impl Write, value: u64) -> std::io::Result<()> {
    out.write_all(&value.to_le_bytes())
}

fn put_bytes(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    put_u64(out, bytes.len() as u64)?;
    out.write_all(bytes)
}

/// The state in `bytes`, which may not unpack to more than `max_bytes`.
pub fn decode(bytes: &[u8], max_bytes: u64) -> Result<SavedSession, StateError> {
    if bytes.starts_with(OLDER_MAGIC) {
        return Err(StateError::OtherBuild {
            saved: "one writing the older format CISTATE1".to_owned(),
            ours: "one reading CISTATE2".to_owned(),
        });
    }
    let packed = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| malformed("it does not start as saved session state does"))?;
    let size = match zstd::zstd_safe::get_frame_content_size(packed) {
        Ok(Some(size)) => size,
        Ok(None) | Err(_) => return Err(malformed("cannot unpack it: no unpacked size")),
    };
    if size > max_bytes {
        return Err(StateError::TooLarge(max_bytes));
    }
    // The size comes from outside: asked for without aborting when it cannot be had.
    let mut body = Vec::new();
    usize::try_from(size)
        .ok()
        .and_then(|size| body.try_reserve_exact(size).ok())
        .ok_or_else(|| StateError::Failed(format!("cannot hold its {size} unpacked bytes")))?;
    zstd::bulk::Decompressor::new()
        .and_then(|mut unpacker| unpacker.decompress_to_buffer(packed, &mut body))
        .map_err(|error| malformed(format!("cannot unpack it: {error}")))?;
    read_state(body)
}

/// The state in the unpacked `body`, whose memory runs are left in it.
fn read_state(body: Vec<u8>) -> Result<SavedSession, StateError> {
    let mut reader = Reader { body: &body, at: 0 };
    let build = reader.text()?;
    let memory_cap = reader.u64()?;
    let fuel_metered = reader.flag()?;
    let seeded = reader.flag()?;
    let seed = reader.u64()?;
    let limits = InstanceLimits {
        memory_bytes: memory_cap,
        fuel_metered,
        random_seed: seeded.then_some(seed),
    };
    let memory_bytes = reader.u64()?;
    if memory_bytes > memory_cap {
        return Err(malformed("its memory is larger than its memory cap"));
    }
    let memory_bytes = usize::try_from(memory_bytes).map_err(|_| malformed("memory size"))?;
    let execution_count = reader.u64()?;
    let mut runs = Vec::new();
    for _ in 0..reader.u64()? {
        let offset = usize::try_from(reader.u64()?).map_err(|_| malformed("memory offset"))?;
        let bytes = reader.span()?;
        if offset
            .checked_add(bytes.len())
            .is_none_or(|end| end > memory_bytes)
        {
            return Err(malformed("a memory run past the memory's end"));
        }
        runs.push((offset, bytes));
    }
    let mut files = Vec::new();
    for _ in 0..reader.u64()? {
        let path = reader.text()?;
        let content = match reader.flag()? {
            false => None,
            true => Some(reader.bytes()?.to_vec()),
        };
        files.push(SavedFile { path, content });
    }
    #[cfg(feature = "tables")]
    let tables = {
        let next = reader.u64()?;
        let mut tables = Vec::new();
        for _ in 0..reader.u64()? {
            let handle = reader.u64()?;
            tables.push((handle, reader.bytes()?.to_vec()));
        }
        ImageTables::Saved(SavedTables { next, tables })
    };
    if reader.at != body.len() {
        return Err(malformed("bytes after the end"));
    }
    Ok(SavedSession {
        build,
        limits,
        image: GuestImage {
            memory_bytes,
            memory: ImageMemory::Saved { body, runs },
            execution_count,
            #[cfg(feature = "tables")]
            tables,
        },
        files,
    })
}

/// Reads the body front to back, checking each length against what is left.
struct Reader<'a> {
    body: &'a [u8],
    /// Where the next field starts.
    at: usize,
}

impl<'a> Reader<'a> {
    /// Where the next `len` bytes lie.
    fn take_span(&mut self, len: u64) -> Result<Range<usize>, StateError> {
        let len = usize::try_from(len).map_err(|_| malformed("length"))?;
        if len > self.body.len() - self.at {
            return Err(malformed("it is truncated"));
        }
        self.at += len;
        Ok(self.at - len..self.at)
    }

    fn take(&mut self, len: u64) -> Result<&'a [u8], StateError> {
        let span = self.take_span(len)?;
        Ok(&self.body[span])
    }

    /// Where the next byte string lies.
    fn span(&mut self) -> Result<Range<usize>, StateError> {
        let len = self.u64()?;
        self.take_span(len)
    }

    fn u64(&mut self) -> Result<u64, StateError> {
        let bytes = self.take(8)?;
        Ok(u64::from_le_bytes(bytes.try_into().expect("8 bytes")))
    }

    fn flag(&mut self) -> Result<bool, StateError> {
        match self.u64()? {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(malformed(format!("{other} where 0 or 1 belongs"))),
        }
    }

    fn bytes(&mut self) -> Result<&'a [u8], StateError> {
        let span = self.span()?;
        Ok(&self.body[span])
    }

    fn text(&mut self) -> Result<String, StateError> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| malformed("text that is not UTF-8"))
    }
}

/// The directories and regular files below `root`, parents first (links and
/// other kinds are left out).
pub fn read_files(root: &Path) -> std::io::Result<Vec<SavedFile>> {
    let mut files = Vec::new();
    let mut dirs = vec![String::new()];
    while let Some(relative) = dirs.pop() {
        let mut entries: Vec<_> =
            std::fs::read_dir(root.join(&relative))?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let path = if relative.is_empty() {
                name
            } else {
                format!("{relative}/{name}")
            };
            let kind = entry.file_type()?;
            if kind.is_dir() {
                files.push(SavedFile {
                    path: path.clone(),
                    content: None,
                });
                dirs.push(path);
            } else if kind.is_file() {
                let content = std::fs::read(entry.path())?;
                files.push(SavedFile {
                    path,
                    content: Some(content),
                });
            }
        }
    }
    Ok(files)
}

/// Writes saved entries into the empty directory `root`. Each path must be
/// relative and stay inside (as any path the host takes from outside); only
/// directories and regular files are made, so no link can redirect a write.
pub fn write_files(root: &Path, files: &[SavedFile]) -> Result<(), StateError> {
    for file in files {
        let relative = crate::scratch::relative_path(&file.path)
            .map_err(|error| malformed(format!("file {:?}: {error}", file.path)))?;
        let target = root.join(relative);
        let written = match &file.content {
            None => std::fs::create_dir_all(&target),
            Some(content) => target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&target, content)),
        };
        written.map_err(|error| malformed(format!("file {:?}: {error}", file.path)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> SavedSession {
        SavedSession {
            build: "build-1".to_owned(),
            limits: InstanceLimits::default(),
            image: GuestImage {
                memory_bytes: 1 << 20,
                memory: ImageMemory::Copied(vec![(4096, vec![1; 100]), (65536, vec![2; 3])]),
                execution_count: 7,
                #[cfg(feature = "tables")]
                tables: ImageTables::Saved(SavedTables {
                    next: 3,
                    tables: vec![(1, b"frame".to_vec())],
                }),
            },
            files: vec![SavedFile {
                path: "a.txt".to_owned(),
                content: Some(b"hello".to_vec()),
            }],
        }
    }

    #[test]
    fn decodes_what_it_encoded_with_the_runs_left_in_the_body() {
        let bytes = encode(&state()).unwrap();
        let decoded = decode(&bytes, 1 << 30).unwrap();
        assert_eq!(decoded.build, "build-1");
        assert_eq!(decoded.image.execution_count, 7);
        assert!(matches!(decoded.image.memory, ImageMemory::Saved { .. }));
        let runs = decoded.image.runs();
        assert_eq!(runs, [(4096, &[1; 100][..]), (65536, &[2; 3][..])]);
        assert_eq!(decoded.files[0].content.as_deref(), Some(&b"hello"[..]));
    }

    #[test]
    fn refuses_a_size_past_the_cap_before_unpacking() {
        let bytes = encode(&state()).unwrap();
        assert!(matches!(decode(&bytes, 64), Err(StateError::TooLarge(64))));
    }

    #[test]
    fn a_frame_without_its_size_is_malformed() {
        let mut streamed = MAGIC.to_vec();
        let mut encoder = zstd::stream::Encoder::new(&mut streamed, 1).unwrap();
        encoder.write_all(b"anything").unwrap();
        encoder.finish().unwrap();
        let error = decode(&streamed, 1 << 20).err().unwrap();
        assert!(error.to_string().contains("no unpacked size"), "{error}");
    }

    #[test]
    fn the_older_format_is_named_as_another_build() {
        let error = decode(b"CISTATE1 and its frame", 1 << 20).err().unwrap();
        assert!(matches!(error, StateError::OtherBuild { .. }), "{error}");
    }
}
