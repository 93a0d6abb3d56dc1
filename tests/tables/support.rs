//! What the table tests share: a sales table, uploads and downloads, reading JSON a cell
//! prints, and the Arrow frame of a table display.

use crate::common;

use std::collections::BTreeMap;
use std::io::Cursor;

use code_interpreter::service::proto::{self, event::Kind};
use code_interpreter::tables::ARROW_MIME;
use common::server::{Client, outcome, run, stdout};
use polars::prelude::{IpcStreamReader, SerReader};

/// A deterministic sales table: (region, product, units, price).
pub(crate) fn sales(rows: usize) -> Vec<(&'static str, &'static str, i64, f64)> {
    let regions = ["east", "west", "north"];
    let products = ["apple", "pear"];
    (0..rows)
        .map(|i| {
            (
                regions[i % 3],
                products[(i / 3) % 2],
                ((i * 7) % 13) as i64,
                ((i * 3) % 17) as f64 + 0.5,
            )
        })
        .collect()
}

pub(crate) fn sales_csv(rows: usize) -> Vec<u8> {
    let mut text = String::from("region,product,units,price\n");
    for (region, product, units, price) in sales(rows) {
        text.push_str(&format!("{region},{product},{units},{price}\n"));
    }
    text.into_bytes()
}

pub(crate) async fn upload(client: &mut Client, session: &str, path: &str, data: Vec<u8>) {
    let chunk = proto::UploadFileChunk {
        session_id: session.to_owned(),
        path: path.to_owned(),
        data,
        ..Default::default()
    };
    client
        .upload_file(tokio_stream::iter([chunk]))
        .await
        .expect("uploading");
}

pub(crate) async fn download(client: &mut Client, session: &str, path: &str) -> Vec<u8> {
    let mut stream = client
        .download_file(proto::DownloadFileRequest {
            session_id: session.to_owned(),
            path: path.to_owned(),
        })
        .await
        .expect("downloading")
        .into_inner();
    let mut data = Vec::new();
    while let Some(chunk) = stream.message().await.expect("a chunk") {
        data.extend(chunk.data);
    }
    data
}

/// Runs `code` and parses what it printed as JSON.
pub(crate) async fn json_of(client: &mut Client, session: &str, code: &str) -> serde_json::Value {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    serde_json::from_str(stdout(&events).trim()).expect("printed JSON")
}

pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// The Arrow frame and text of the first table display of a cell.
pub(crate) fn table_display(
    events: &[Kind],
) -> (polars::prelude::DataFrame, String, BTreeMap<String, String>) {
    let display = events
        .iter()
        .find_map(|event| match event {
            Kind::Display(display) => Some(display),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no display in {events:?}"));
    let data = |mime: &str| {
        display
            .data
            .iter()
            .find(|d| d.mime_type == mime)
            .map(|d| d.data.clone())
            .unwrap_or_else(|| panic!("no {mime}"))
    };
    let frame = IpcStreamReader::new(Cursor::new(data(ARROW_MIME)))
        .finish()
        .expect("Arrow IPC stream");
    let text = String::from_utf8(data("text/plain")).unwrap();
    (frame, text, display.metadata.clone().into_iter().collect())
}
