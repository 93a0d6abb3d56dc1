//! SaveSession and RestoreSession: a session's state as a stream of bytes
//! and back (see [`crate::Sandbox::save_session`]).

use std::pin::Pin;

use futures_util::{Stream, StreamExt};
use tonic::Status;

use super::convert;
use super::proto;
use super::sessions::Sessions;
use crate::{Sandbox, StateError};

/// The chunks of one SaveSession call.
pub type StateStream = Pin<Box<dyn Stream<Item = Result<proto::SessionStateChunk, Status>> + Send>>;

/// Bytes in one chunk of a saved state.
const STATE_CHUNK_BYTES: usize = 1 << 20;

/// The state of session `id`, in chunks.
pub async fn save(sessions: &Sessions, sandbox: &Sandbox, id: &str) -> Result<StateStream, Status> {
    let bytes = sessions.get(id).await?.save(sandbox).await?;
    tracing::info!(session = %id, bytes = bytes.len(), "session saved");
    let chunks: Vec<_> = bytes
        .chunks(STATE_CHUNK_BYTES)
        .map(|data| {
            Ok(proto::SessionStateChunk {
                data: data.to_vec(),
            })
        })
        .collect();
    Ok(Box::pin(futures_util::stream::iter(chunks)))
}

/// A new session from a saved state's chunks; its info.
pub async fn restore(
    sessions: &Sessions,
    sandbox: &Sandbox,
    mut chunks: impl Stream<Item = Result<proto::SessionStateChunk, Status>> + Unpin,
) -> Result<proto::SessionInfo, Status> {
    let limit = sandbox.max_state_bytes();
    let mut bytes = Vec::new();
    while let Some(chunk) = chunks.next().await {
        bytes.extend_from_slice(&chunk?.data);
        if bytes.len() as u64 > limit {
            return Err(Status::invalid_argument(
                StateError::TooLarge(limit).to_string(),
            ));
        }
    }
    let slot = sessions.reserve()?;
    let session = sandbox
        .restore_session(bytes)
        .await
        .map_err(convert::state_error)?;
    let session = sessions.insert(session, slot);
    tracing::Span::current().record("session", session.id.as_str());
    tracing::info!(session = %session.id, "session restored");
    Ok(sessions.info(&session))
}
