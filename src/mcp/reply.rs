//! What the tools answer, as MCP tool results.
//!
//! A cell's events become content blocks in the order they happened: printed
//! text (runs of stdout and stderr merged into one text block), charts as a
//! PNG image plus their chart description (JSON text), tables as their text
//! plus the Arrow IPC stream as an embedded resource, the result's repr, the
//! traceback, and a line for an outcome other than ok or error. The same
//! facts, typed, go into the structured content. A cell that does not end ok
//! is a tool error (`isError`), as is every refusal of the API (its gRPC
//! status code and message), so the model sees what went wrong.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rmcp::model::{CallToolResult, ContentBlock, ResourceContents};
use serde_json::{Value as Json, json};
use tonic::Status;

use super::value;
use crate::charts::DESCRIPTION_MIME;
use crate::service::proto::{self, event::Kind};
use crate::tables::ARROW_MIME;

/// The tool result of one cell's events (the last is its end).
pub fn cell(events: &[proto::Event], session_id: Option<&str>) -> CallToolResult {
    let mut reply = CellReply::default();
    for event in events {
        match &event.kind {
            Some(Kind::Stream(stream)) => reply.stream(stream),
            Some(Kind::Display(display)) => reply.display(display),
            Some(Kind::Result(result)) => reply.result(result),
            Some(Kind::Error(error)) => reply.error(error),
            Some(Kind::End(end)) => reply.end(end),
            None => {}
        }
    }
    reply.finish(session_id)
}

/// A refusal of the API, as a tool error naming its status code.
pub fn refused(status: &Status) -> CallToolResult {
    let code = code_name(status.code());
    let mut result = CallToolResult::error(vec![ContentBlock::text(format!(
        "{code}: {}",
        status.message()
    ))]);
    result.structured_content = Some(json!({
        "error": {"code": code, "message": status.message()},
    }));
    result
}

/// A successful result with a text summary and structured content.
pub fn success(text: impl Into<String>, structured: Json) -> CallToolResult {
    let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
    result.structured_content = Some(structured);
    result
}

/// A session's description as JSON.
pub fn session_json(info: &proto::SessionInfo) -> Json {
    let state = match proto::SessionState::try_from(info.state) {
        Ok(proto::SessionState::Idle) => "idle",
        Ok(proto::SessionState::Busy) => "busy",
        Ok(proto::SessionState::Ended) => "ended",
        _ => "unspecified",
    };
    let limits = info.limits.unwrap_or_default();
    json!({
        "session_id": info.session_id,
        "state": state,
        "end_reason": info.end_reason,
        "cells_executed": info.cells_executed,
        "created_at_unix_ms": info.created_at_unix_ms,
        "last_active_unix_ms": info.last_active_unix_ms,
        "idle_timeout_ms": info.idle_timeout_ms,
        "memory_bytes": limits.memory_bytes,
        "random_seed": limits.random_seed,
    })
}

/// The content and facts gathered from a cell's events.
#[derive(Default)]
struct CellReply {
    content: Vec<ContentBlock>,
    /// Printed text not yet put into a block.
    pending_text: String,
    stdout: String,
    stderr: String,
    displays: Vec<Json>,
    result: Option<Json>,
    error: Option<Json>,
    end: Option<proto::End>,
}

impl CellReply {
    fn stream(&mut self, stream: &proto::Stream) {
        self.pending_text.push_str(&stream.text);
        if stream.name == proto::StreamName::Stderr as i32 {
            self.stderr.push_str(&stream.text);
        } else {
            self.stdout.push_str(&stream.text);
        }
    }

    fn display(&mut self, display: &proto::Display) {
        self.flush_text();
        let item = |mime: &str| display.data.iter().find(|data| data.mime_type == mime);
        let index = self.displays.len();
        let mut chart = Json::Null;
        if let Some(png) = item("image/png") {
            self.content
                .push(ContentBlock::image(STANDARD.encode(&png.data), "image/png"));
            if let Some(description) = item(DESCRIPTION_MIME) {
                let text = String::from_utf8_lossy(&description.data);
                chart = serde_json::from_str(&text).unwrap_or(Json::Null);
                self.content.push(ContentBlock::text(text));
            }
        } else if let Some(image) = display
            .data
            .iter()
            .find(|data| data.mime_type.starts_with("image/") && data.mime_type != "image/svg+xml")
        {
            self.content.push(ContentBlock::image(
                STANDARD.encode(&image.data),
                image.mime_type.clone(),
            ));
        } else if let Some(text) = item("text/plain") {
            self.content
                .push(ContentBlock::text(String::from_utf8_lossy(&text.data)));
        }
        if let Some(arrow) = item(ARROW_MIME) {
            let uri = format!("display://{index}/table.arrow");
            self.content.push(ContentBlock::resource(
                ResourceContents::blob(STANDARD.encode(&arrow.data), uri)
                    .with_mime_type(ARROW_MIME),
            ));
        }
        let metadata: BTreeMap<_, _> = display.metadata.iter().collect();
        self.displays.push(json!({
            "mime_types": display.data.iter().map(|data| &data.mime_type).collect::<Vec<_>>(),
            "metadata": metadata,
            "chart": chart,
        }));
    }

    fn result(&mut self, result: &proto::Result) {
        self.flush_text();
        self.content
            .push(ContentBlock::text(result.text_plain.clone()));
        self.result = Some(json!({
            "value": result.value.as_ref().map(value::to_json),
            "text_plain": result.text_plain,
            "text_latex": result.text_latex,
        }));
    }

    fn error(&mut self, error: &proto::Error) {
        self.flush_text();
        self.content
            .push(ContentBlock::text(traceback_text(&error.traceback)));
        self.error = Some(json!({
            "ename": error.ename,
            "evalue": error.evalue,
            "traceback": error.traceback,
        }));
    }

    fn end(&mut self, end: &proto::End) {
        self.flush_text();
        let outcome = proto::Outcome::try_from(end.outcome).unwrap_or_default();
        if !matches!(outcome, proto::Outcome::Ok | proto::Outcome::Error) {
            let what = end.message.as_str();
            self.content.push(ContentBlock::text(format!(
                "[{}] {what}",
                outcome_name(outcome)
            )));
        }
        if end.output_truncated {
            self.content.push(ContentBlock::text(
                "[output truncated: the cell printed more than its output cap]",
            ));
        }
        self.end = Some(end.clone());
    }

    fn flush_text(&mut self) {
        if !self.pending_text.is_empty() {
            let text = std::mem::take(&mut self.pending_text);
            self.content.push(ContentBlock::text(text));
        }
    }

    fn finish(mut self, session_id: Option<&str>) -> CallToolResult {
        self.flush_text();
        let end = self.end.unwrap_or_default();
        let outcome = proto::Outcome::try_from(end.outcome).unwrap_or_default();
        if self.content.is_empty() {
            self.content.push(ContentBlock::text("[no output]"));
        }
        let usage = end.usage.unwrap_or_default();
        let structured = json!({
            "outcome": outcome_name(outcome),
            "session_id": session_id,
            "session_alive": end.session_alive,
            "rolled_back_to": end.rolled_back_to,
            "stdout": self.stdout,
            "stderr": self.stderr,
            "result": self.result,
            "error": self.error,
            "displays": self.displays,
            "output_truncated": end.output_truncated,
            "message": end.message,
            "usage": {
                "wall_time_us": usage.wall_time_us,
                "peak_memory_bytes": usage.peak_memory_bytes,
                "execution_count": usage.execution_count,
                "fuel_used": usage.fuel_used,
            },
        });
        let mut result = if outcome == proto::Outcome::Ok {
            CallToolResult::success(self.content)
        } else {
            CallToolResult::error(self.content)
        };
        result.structured_content = Some(structured);
        result
    }
}

/// The traceback as one text: its lines end in newlines already when they
/// come from Python's `traceback` module.
fn traceback_text(lines: &[String]) -> String {
    if lines.iter().all(|line| line.ends_with('\n')) {
        lines.concat().trim_end().to_owned()
    } else {
        lines.join("\n")
    }
}

/// The outcome as the gRPC API's enum value names it, lower case.
fn outcome_name(outcome: proto::Outcome) -> &'static str {
    match outcome {
        proto::Outcome::Unspecified => "unspecified",
        proto::Outcome::Ok => "ok",
        proto::Outcome::Error => "error",
        proto::Outcome::Timeout => "timeout",
        proto::Outcome::MemoryLimit => "memory_limit",
        proto::Outcome::OutputLimit => "output_limit",
        proto::Outcome::FuelExhausted => "fuel_exhausted",
        proto::Outcome::Cancelled => "cancelled",
        proto::Outcome::SandboxFault => "sandbox_fault",
    }
}

/// A gRPC status code as its canonical name, e.g. `NOT_FOUND`.
fn code_name(code: tonic::Code) -> String {
    let mut name = String::new();
    for (index, letter) in format!("{code:?}").char_indices() {
        if letter.is_ascii_uppercase() && index > 0 {
            name.push('_');
        }
        name.push(letter.to_ascii_uppercase());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_get_their_canonical_names() {
        assert_eq!(code_name(tonic::Code::NotFound), "NOT_FOUND");
        assert_eq!(code_name(tonic::Code::InvalidArgument), "INVALID_ARGUMENT");
        assert_eq!(code_name(tonic::Code::Ok), "OK");
    }

    #[test]
    fn tracebacks_join_their_lines_once() {
        let lines = [
            "Traceback:\n".to_owned(),
            "ZeroDivisionError: x\n".to_owned(),
        ];
        assert_eq!(traceback_text(&lines), "Traceback:\nZeroDivisionError: x");
        let bare = ["a".to_owned(), "b".to_owned()];
        assert_eq!(traceback_text(&bare), "a\nb");
    }
}
