//! The MCP tools: each one call of the gRPC API's methods, in-process.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use futures_util::StreamExt;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, ContentBlock, Implementation, ResourceContents, ServerCapabilities,
    ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{RoleServer, ServerHandler, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;
use tonic::{Request, Status};

use super::reply;
use crate::service::Api;
use crate::service::proto::{self, code_interpreter_server::CodeInterpreter};

/// Largest file `download_file` returns: a tool result travels as one JSON
/// message (larger files: the gRPC API's DownloadFile streams them).
const MAX_DOWNLOAD_BYTES: u64 = 16 << 20;

/// What clients are told about the server when they connect.
const INSTRUCTIONS: &str = "Runs Python 3.11 in a WebAssembly sandbox with numpy, pandas, \
matplotlib, seaborn and sympy. `run_code` without a session_id runs on a fresh interpreter that \
is thrown away; `create_session` starts one whose variables persist across `run_code` calls. \
Charts left open or shown come back as PNG images with a JSON description of what was drawn; a \
trailing expression's value comes back typed. Files live in /mnt/data: `upload_file`, \
`download_file`, `list_files`.";

/// The tool handler: the service's API as MCP tools.
#[derive(Clone)]
pub struct Tools {
    api: Arc<Api>,
}

/// Arguments of `run_code`.
#[derive(Deserialize, JsonSchema)]
pub struct RunCode {
    /// Python source. A trailing expression becomes the result, as in Jupyter.
    pub code: String,
    /// The session to run in (from create_session); absent runs the code on
    /// a fresh interpreter that is thrown away afterwards.
    pub session_id: Option<String>,
    /// Wall-clock limit in milliseconds; absent takes the server's default.
    pub timeout_ms: Option<u64>,
    /// Bytes of printed output kept; absent takes the server's default.
    pub max_output_bytes: Option<u64>,
}

/// Arguments of `create_session`.
#[derive(Deserialize, JsonSchema)]
pub struct CreateSession {
    /// Memory cap of the session's interpreter in MiB; absent takes the
    /// server's default.
    pub memory_mb: Option<u64>,
    /// Seed of Python's `random` and numpy's legacy global generator; absent
    /// draws a fresh one.
    pub random_seed: Option<u64>,
}

/// A session, named by its id.
#[derive(Deserialize, JsonSchema)]
pub struct SessionId {
    /// The session's id (from create_session).
    pub session_id: String,
}

/// Arguments of `upload_file`: exactly one of `text` and `base64`.
#[derive(Deserialize, JsonSchema)]
pub struct UploadFile {
    /// The session whose /mnt/data receives the file.
    pub session_id: String,
    /// Relative path inside /mnt/data, e.g. "data/sales.csv"; missing
    /// directories are created, an existing file is replaced.
    pub path: String,
    /// The file's content as text (written as UTF-8).
    pub text: Option<String>,
    /// The file's content as standard base64, for binary files.
    pub base64: Option<String>,
}

/// A file of a session.
#[derive(Deserialize, JsonSchema)]
pub struct FilePath {
    /// The session's id.
    pub session_id: String,
    /// Relative path inside /mnt/data.
    pub path: String,
}

#[tool_router]
impl Tools {
    /// Tools over `api`.
    pub fn new(api: Arc<Api>) -> Self {
        Self { api }
    }

    #[tool(
        description = "Run Python code, in a session or on a fresh interpreter. Returns printed \
        output, the value of a trailing expression, charts (PNG plus a JSON description of the \
        data drawn), tables, and the traceback of an exception."
    )]
    async fn run_code(
        &self,
        Parameters(args): Parameters<RunCode>,
        context: RequestContext<RoleServer>,
    ) -> CallToolResult {
        let request = proto::ExecuteRequest {
            session_id: args.session_id.clone().unwrap_or_default(),
            code: args.code,
            limits: Some(proto::CellLimits {
                timeout_ms: args.timeout_ms.unwrap_or(0),
                fuel: None,
                max_output_bytes: args.max_output_bytes.unwrap_or(0),
            }),
            instance_limits: None,
        };
        // A cancelled call drops the cell's future, which cancels the cell.
        let collected = tokio::select! {
            collected = self.api.execute_collected(Request::new(request)) => collected,
            () = context.ct.cancelled() => Err(Status::cancelled("the client cancelled the call")),
        };
        match collected {
            Ok(response) => reply::cell(&response.into_inner().events, args.session_id.as_deref()),
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(
        description = "Start a session: one live Python interpreter whose variables, imports \
        and files persist across run_code calls that name it."
    )]
    async fn create_session(&self, Parameters(args): Parameters<CreateSession>) -> CallToolResult {
        let Some(memory_bytes) = args.memory_mb.unwrap_or(0).checked_mul(1 << 20) else {
            return reply::refused(&Status::invalid_argument("memory_mb is too large"));
        };
        let request = proto::CreateSessionRequest {
            limits: Some(proto::InstanceLimits {
                memory_bytes,
                fuel_metered: false,
                random_seed: args.random_seed,
            }),
            files: Vec::new(),
        };
        let session = self
            .api
            .create_session(Request::new(request))
            .await
            .map(|response| response.into_inner().session.unwrap_or_default());
        match session {
            Ok(info) => reply::success(
                format!("session {} started", info.session_id),
                reply::session_json(&info),
            ),
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(
        description = "Fork a session: start a new session holding a copy of its variables, \
        imports, tables and files, to try something without touching the original."
    )]
    async fn fork_session(&self, Parameters(args): Parameters<SessionId>) -> CallToolResult {
        let request = proto::ForkSessionRequest {
            session_id: args.session_id.clone(),
        };
        let forked = self
            .api
            .fork_session(Request::new(request))
            .await
            .map(|response| response.into_inner().session.unwrap_or_default());
        match forked {
            Ok(info) => reply::success(
                format!(
                    "session {} forked from {}",
                    info.session_id, args.session_id
                ),
                reply::session_json(&info),
            ),
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(description = "Close a session: stop its interpreter and delete its files.")]
    async fn close_session(&self, Parameters(args): Parameters<SessionId>) -> CallToolResult {
        let request = proto::CloseSessionRequest {
            session_id: args.session_id.clone(),
        };
        match self.api.close_session(Request::new(request)).await {
            Ok(_) => reply::success(
                format!("session {} closed", args.session_id),
                json!({"session_id": args.session_id}),
            ),
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(description = "List the sessions this server holds, with their state.")]
    async fn list_sessions(&self) -> CallToolResult {
        let listed = self
            .api
            .list_sessions(Request::new(proto::ListSessionsRequest {}))
            .await;
        match listed {
            Ok(response) => {
                let sessions: Vec<_> = response
                    .into_inner()
                    .sessions
                    .iter()
                    .map(reply::session_json)
                    .collect();
                let text = listing(
                    sessions.iter().map(|session| {
                        let field =
                            |name: &str| session[name].as_str().unwrap_or_default().to_owned();
                        format!("{} {}", field("session_id"), field("state"))
                    }),
                    "no sessions",
                );
                reply::success(text, json!({"sessions": sessions}))
            }
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(
        description = "Write a file into a session's /mnt/data (where its code reads and writes \
        files). Give the content as `text` or, for binary files, as `base64`."
    )]
    async fn upload_file(&self, Parameters(args): Parameters<UploadFile>) -> CallToolResult {
        let data = match (args.text, args.base64) {
            (Some(text), None) => text.into_bytes(),
            (None, Some(encoded)) => match STANDARD.decode(encoded.trim()) {
                Ok(data) => data,
                Err(error) => {
                    return reply::refused(&Status::invalid_argument(format!(
                        "base64 is not standard base64: {error}"
                    )));
                }
            },
            _ => {
                return reply::refused(&Status::invalid_argument(
                    "give the content as exactly one of `text` and `base64`",
                ));
            }
        };
        let chunk = proto::UploadFileChunk {
            session_id: args.session_id,
            path: args.path,
            total_size: Some(data.len() as u64),
            data,
        };
        match self
            .api
            .upload(futures_util::stream::iter([Ok(chunk)]))
            .await
        {
            Ok(response) => {
                let file = response.file.unwrap_or_default();
                reply::success(
                    format!("wrote /mnt/data/{} ({} bytes)", file.path, file.size),
                    file_json(&file),
                )
            }
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(
        description = "Read a file of a session's /mnt/data (at most 16 MiB): text files as \
        text, images as images, other files as base64 blobs."
    )]
    async fn download_file(&self, Parameters(args): Parameters<FilePath>) -> CallToolResult {
        match self.download(&args).await {
            Ok(data) => file_content(&args.path, data),
            Err(status) => reply::refused(&status),
        }
    }

    #[tool(description = "List the files in a session's /mnt/data, recursively.")]
    async fn list_files(&self, Parameters(args): Parameters<SessionId>) -> CallToolResult {
        let request = proto::ListFilesRequest {
            session_id: args.session_id,
        };
        match self.api.list_files(Request::new(request)).await {
            Ok(response) => {
                let response = response.into_inner();
                let text = listing(
                    response
                        .files
                        .iter()
                        .map(|file| format!("{} ({} bytes)", file.path, file.size)),
                    "no files",
                );
                let files: Vec<_> = response.files.iter().map(file_json).collect();
                reply::success(
                    text,
                    json!({"files": files, "truncated": response.truncated}),
                )
            }
            Err(status) => reply::refused(&status),
        }
    }
}

impl Tools {
    /// The whole file, refused past [`MAX_DOWNLOAD_BYTES`].
    async fn download(&self, args: &FilePath) -> Result<Vec<u8>, Status> {
        let request = proto::DownloadFileRequest {
            session_id: args.session_id.clone(),
            path: args.path.clone(),
        };
        let mut chunks = self
            .api
            .download_file(Request::new(request))
            .await?
            .into_inner();
        let mut data = Vec::new();
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk?;
            if chunk.total_size > MAX_DOWNLOAD_BYTES {
                return Err(Status::resource_exhausted(format!(
                    "the file has {} bytes; download_file returns at most {MAX_DOWNLOAD_BYTES} \
                     (the gRPC API's DownloadFile streams any size)",
                    chunk.total_size
                )));
            }
            data.extend_from_slice(&chunk.data);
        }
        Ok(data)
    }
}

#[tool_handler]
impl ServerHandler for Tools {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                "code-interpreter",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(INSTRUCTIONS)
    }
}

/// One line per item, or `empty` when there are none.
fn listing(lines: impl Iterator<Item = String>, empty: &str) -> String {
    let text = lines.collect::<Vec<_>>().join("\n");
    if text.is_empty() {
        empty.to_owned()
    } else {
        text
    }
}

fn file_json(file: &proto::FileInfo) -> serde_json::Value {
    json!({"path": file.path, "size": file.size, "modified_unix_ms": file.modified_unix_ms})
}

/// A downloaded file as content: an image block for images, else an
/// embedded resource, as text when it is UTF-8.
fn file_content(path: &str, data: Vec<u8>) -> CallToolResult {
    let mime = mime_type(path);
    let uri = format!("file:///mnt/data/{}", path.trim_start_matches('/'));
    let structured = json!({"path": path, "size": data.len(), "mime_type": mime});
    let block = if mime.starts_with("image/") && mime != "image/svg+xml" {
        ContentBlock::image(STANDARD.encode(&data), mime)
    } else {
        match String::from_utf8(data) {
            Ok(text) => ContentBlock::resource(ResourceContents::TextResourceContents {
                uri,
                mime_type: Some(mime.to_owned()),
                text,
                meta: None,
            }),
            Err(binary) => ContentBlock::resource(
                ResourceContents::blob(STANDARD.encode(binary.as_bytes()), uri)
                    .with_mime_type(mime),
            ),
        }
    };
    let mut result = CallToolResult::success(vec![block]);
    result.structured_content = Some(structured);
    result
}

/// The MIME type of a file by its extension, for the kinds analysis code
/// writes; `application/octet-stream` for the rest.
fn mime_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, extension)| extension);
    match extension.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "txt" | "log" | "py" | "md" => "text/plain",
        "json" => "application/json",
        "html" | "htm" => "text/html",
        "xml" => "application/xml",
        "parquet" => "application/vnd.apache.parquet",
        "arrow" | "feather" => "application/vnd.apache.arrow.file",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}
