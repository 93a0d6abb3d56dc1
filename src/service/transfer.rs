//! The file RPCs: UploadFile, DownloadFile and ListFiles on a session's
//! scratch directory (the guest's `/mnt/data`).
//!
//! They may run while a cell runs: host and guest share the directory. An
//! upload is written to a temporary file and renamed into place, so the guest
//! sees the old file or the new one, never a part of it; a download reads
//! what is on disk, so a file a running cell is still writing may arrive
//! partly written. Each call counts as activity of the session.

use std::io::Read;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use futures_util::{Stream, StreamExt};
use tempfile::NamedTempFile;
use tonic::Status;

use super::config::ServiceConfig;
use super::proto;
use super::sessions::{Sessions, Transfer, unix_ms};
use crate::scratch::{FileEntry, Scratch, relative_path};

/// The chunks of one DownloadFile call.
pub type FileStream = Pin<Box<dyn Stream<Item = Result<proto::FileChunk, Status>> + Send>>;

/// Most bytes in one downloaded chunk.
const DOWNLOAD_CHUNK_BYTES: u64 = 256 << 10;

/// Most files one ListFiles call returns.
const MAX_LISTED_FILES: usize = 10_000;

/// Receives an upload: checks the first chunk's session and path, writes the
/// data to a temporary file as it comes and moves the file into place once
/// the stream ends. A failure or a cancelled call leaves no file behind (the
/// temporary file is deleted when dropped).
pub async fn upload(
    sessions: &Sessions,
    config: &ServiceConfig,
    mut chunks: impl Stream<Item = Result<proto::UploadFileChunk, Status>> + Unpin,
) -> Result<proto::UploadFileResponse, Status> {
    let first = chunks.next().await.ok_or_else(|| {
        Status::invalid_argument("the upload sent no chunk; the first names session_id and path")
    })??;
    tracing::Span::current().record("session", first.session_id.as_str());
    let path = relative_path(&first.path)?;
    let upload = Arc::new(Upload {
        transfer: start(sessions, &first.session_id).await?,
        path,
        max_bytes: config.max_session_file_bytes,
        max_files: config.max_session_files,
    });
    let (room, mut file) = blocking({
        let upload = Arc::clone(&upload);
        move || upload.prepare()
    })
    .await?;
    if let Some(size) = first.total_size
        && size > room
    {
        return Err(upload.too_big(size, room));
    }
    let mut received = 0;
    let mut data = first.data;
    loop {
        received += data.len() as u64;
        if received > room {
            return Err(upload.too_big(received, room));
        }
        if !data.is_empty() {
            file = blocking(move || {
                std::io::Write::write_all(&mut file, &data)
                    .map_err(|error| Status::internal(format!("writing the upload: {error}")))?;
                Ok(file)
            })
            .await?;
        }
        let Some(chunk) = chunks.next().await.transpose()? else {
            break;
        };
        if !chunk.session_id.is_empty() || !chunk.path.is_empty() || chunk.total_size.is_some() {
            return Err(Status::invalid_argument(
                "only the first chunk may set session_id, path and total_size",
            ));
        }
        data = chunk.data;
    }
    if let Some(size) = first.total_size
        && size != received
    {
        return Err(Status::invalid_argument(format!(
            "total_size is {size} but the upload sent {received} bytes"
        )));
    }
    // tonic ends the request stream normally when the client cancels the call
    // (RST_STREAM); hyper then drops this call, with the temporary file, as
    // soon as the call waits. Wait once before the rename, which no drop stops.
    tokio::task::yield_now().await;
    let file = blocking({
        let upload = Arc::clone(&upload);
        move || upload.commit(file, received)
    })
    .await?;
    let session = &upload.transfer.session().id;
    tracing::info!(session, path = file.path, bytes = received, "file uploaded");
    Ok(proto::UploadFileResponse { file: Some(file) })
}

/// Streams a file of a session: chunks of at most 256 KiB, the first with the
/// file's size (one chunk for an empty file).
pub async fn download(
    sessions: &Sessions,
    request: proto::DownloadFileRequest,
) -> Result<FileStream, Status> {
    let path = relative_path(&request.path)?;
    let transfer = start(sessions, &request.session_id).await?;
    let scratch = Scratch::new(transfer.session().scratch_dir());
    let (file, size) = blocking(move || Ok(scratch.open_file(&path)?)).await?;
    let download = Download {
        file: Arc::new(file),
        size,
        sent: None,
        _transfer: transfer,
    };
    Ok(Box::pin(futures_util::stream::try_unfold(
        download,
        Download::next,
    )))
}

/// The files of a session, recursively (at most 10,000).
pub async fn list(
    sessions: &Sessions,
    request: proto::ListFilesRequest,
) -> Result<proto::ListFilesResponse, Status> {
    let transfer = start(sessions, &request.session_id).await?;
    let scratch = Scratch::new(transfer.session().scratch_dir());
    let listing = blocking(move || Ok(scratch.list(MAX_LISTED_FILES)?)).await?;
    Ok(proto::ListFilesResponse {
        files: listing.files.into_iter().map(file_info).collect(),
        truncated: listing.truncated,
    })
}

/// An upload under way.
struct Upload {
    transfer: Transfer,
    /// Relative to the scratch directory.
    path: PathBuf,
    max_bytes: u64,
    max_files: usize,
}

impl Upload {
    fn scratch(&self) -> Scratch {
        Scratch::new(self.transfer.session().scratch_dir())
    }

    /// Checks the target and the caps; returns the bytes the file may hold and
    /// the temporary file to write it to.
    fn prepare(&self) -> Result<(u64, NamedTempFile), Status> {
        let scratch = self.scratch();
        scratch.check_target(&self.path)?;
        let room = self.room(&scratch)?;
        Ok((room, scratch.temp_file()?))
    }

    /// Moves the finished `file` of `size` bytes into place, after checking
    /// the caps again against the session's files as they are now.
    fn commit(&self, file: NamedTempFile, size: u64) -> Result<proto::FileInfo, Status> {
        let scratch = self.scratch();
        let modified = file
            .as_file()
            .metadata()
            .and_then(|metadata| metadata.modified())
            .map_err(|error| Status::internal(format!("reading the upload: {error}")))?;
        let _files = self.transfer.session().lock_files();
        let room = self.room(&scratch)?;
        if size > room {
            return Err(self.too_big(size, room));
        }
        scratch.commit(file, &self.path)?;
        Ok(file_info(FileEntry {
            path: self.path.to_string_lossy().into_owned(),
            size,
            modified,
        }))
    }

    /// The bytes the file may hold beside the session's other files, or
    /// RESOURCE_EXHAUSTED if it would be one file too many.
    fn room(&self, scratch: &Scratch) -> Result<u64, Status> {
        let listing = scratch.list(self.max_files + 1)?;
        let path = self.path.to_string_lossy();
        let others: Vec<_> = listing.files.iter().filter(|f| f.path != path).collect();
        if listing.truncated || others.len() >= self.max_files {
            return Err(Status::resource_exhausted(format!(
                "session {} already holds the maximum of {} files",
                self.transfer.session().id,
                self.max_files
            )));
        }
        let held: u64 = others.iter().map(|file| file.size).sum();
        Ok(self.max_bytes.saturating_sub(held))
    }

    fn too_big(&self, bytes: u64, room: u64) -> Status {
        Status::resource_exhausted(format!(
            "file {:?} ({bytes} bytes or more) does not fit in session {}: its other files \
             leave {room} of the maximum of {} bytes",
            self.path,
            self.transfer.session().id,
            self.max_bytes
        ))
    }
}

/// A download under way.
struct Download {
    file: Arc<std::fs::File>,
    size: u64,
    /// Bytes sent so far; `None` before the first chunk.
    sent: Option<u64>,
    _transfer: Transfer,
}

impl Download {
    /// The next chunk, read on a blocking thread; `None` after the last.
    async fn next(mut self) -> Result<Option<(proto::FileChunk, Self)>, Status> {
        let sent = self.sent.unwrap_or(0);
        if self.sent.is_some() && sent == self.size {
            return Ok(None);
        }
        let len = (self.size - sent).min(DOWNLOAD_CHUNK_BYTES);
        let file = Arc::clone(&self.file);
        let data = blocking(move || {
            let mut data = vec![0; len as usize];
            (&*file)
                .read_exact(&mut data)
                .map_err(|error| match error.kind() {
                    std::io::ErrorKind::UnexpectedEof => {
                        Status::aborted("the file shrank while it was downloaded")
                    }
                    _ => Status::internal(format!("reading the file: {error}")),
                })?;
            Ok(data)
        })
        .await?;
        let chunk = proto::FileChunk {
            total_size: if self.sent.is_none() { self.size } else { 0 },
            data,
        };
        self.sent = Some(sent + len);
        Ok(Some((chunk, self)))
    }
}

/// Starts a transfer on the session `id`: NOT_FOUND for an unknown, closed or
/// expired session, FAILED_PRECONDITION for one whose interpreter stopped.
async fn start(sessions: &Sessions, id: &str) -> Result<Transfer, Status> {
    if id.is_empty() {
        return Err(Status::invalid_argument("session_id is required"));
    }
    sessions.get(id).await?.transfer()
}

fn file_info(file: FileEntry) -> proto::FileInfo {
    proto::FileInfo {
        path: file.path,
        size: file.size,
        modified_unix_ms: unix_ms(file.modified),
    }
}

/// Runs blocking file work on tokio's blocking threads.
async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, Status> + Send + 'static,
) -> Result<T, Status> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|error| Status::internal(format!("a file operation failed: {error}")))?
}
