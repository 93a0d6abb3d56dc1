//! pandas on polars through the gRPC API (docs/TABLES.md): uploaded files read,
//! filtered, grouped, merged and written back, table displays as Arrow IPC,
//! and the errors pandas would raise. Expected values are computed here.

use crate::common;

use std::collections::BTreeMap;
use std::io::Cursor;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, event::Kind};
use code_interpreter::tables::ARROW_MIME;
use common::server::{
    Client, client, client_with, create_session, end, error, outcome, run, stdout,
};
use polars::prelude::{AnyValue, IpcStreamReader, SerReader};

/// A deterministic sales table: (region, product, units, price).
fn sales(rows: usize) -> Vec<(&'static str, &'static str, i64, f64)> {
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

fn sales_csv(rows: usize) -> Vec<u8> {
    let mut text = String::from("region,product,units,price\n");
    for (region, product, units, price) in sales(rows) {
        text.push_str(&format!("{region},{product},{units},{price}\n"));
    }
    text.into_bytes()
}

async fn upload(client: &mut Client, session: &str, path: &str, data: Vec<u8>) {
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

async fn download(client: &mut Client, session: &str, path: &str) -> Vec<u8> {
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
async fn json_of(client: &mut Client, session: &str, code: &str) -> serde_json::Value {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    serde_json::from_str(stdout(&events).trim()).expect("printed JSON")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

#[tokio::test]
async fn an_uploaded_csv_is_filtered_grouped_and_aggregated() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "sales.csv", sales_csv(5000)).await;
    let code = "import pandas as pd, json\n\
                df = pd.read_csv('sales.csv')\n\
                g = df[df['units'] > 3].groupby(['region', 'product']).agg(\n\
                    total=('units', 'sum'), avg=('price', 'mean'), n=('units', 'count'))\n\
                print(json.dumps(g.reset_index().to_dict('records')))";
    let got = json_of(&mut client, &session, code).await;

    let mut expected: BTreeMap<(&str, &str), (i64, f64, i64)> = BTreeMap::new();
    for (region, product, units, price) in sales(5000) {
        if units > 3 {
            let entry = expected.entry((region, product)).or_default();
            entry.0 += units;
            entry.1 += price;
            entry.2 += 1;
        }
    }
    let rows = got.as_array().expect("records");
    assert_eq!(rows.len(), expected.len());
    // Sorted by the keys, like pandas.
    for (row, ((region, product), (total, price_sum, n))) in rows.iter().zip(&expected) {
        assert_eq!(row["region"], *region);
        assert_eq!(row["product"], *product);
        assert_eq!(row["total"], *total);
        assert_eq!(row["n"], *n);
        assert!(
            close(row["avg"].as_f64().unwrap(), price_sum / *n as f64),
            "{row}"
        );
    }
}

#[tokio::test]
async fn merges_and_new_columns_match_a_hand_join() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "import pandas as pd, json\n\
                orders = pd.DataFrame({'id': [1, 2, 3, 4, 5], 'cust': ['a', 'b', 'a', 'c', 'd'],\n\
                                       'amount': [10.0, 20.5, 7.25, 3.0, 8.0]})\n\
                custs = pd.DataFrame([{'cust': 'a', 'city': 'Oslo'}, {'cust': 'b', 'city': 'Rome'},\n\
                                      {'cust': 'c', 'city': 'Lima'}])\n\
                m = orders.merge(custs, on='cust', how='left')\n\
                m['double'] = m['amount'] * 2\n\
                shown = m.fillna({'city': '-'})  # pandas 3: a missing str is NaN, not JSON\n\
                print(json.dumps({'records': shown.to_dict('records'), 'shape': list(m.shape),\n\
                                  'cols': list(m.columns)}))";
    let got = json_of(&mut client, &session, code).await;
    assert_eq!(got["shape"], serde_json::json!([5, 5]));
    assert_eq!(
        got["cols"],
        serde_json::json!(["id", "cust", "amount", "city", "double"])
    );
    let cities = BTreeMap::from([("a", "Oslo"), ("b", "Rome"), ("c", "Lima")]);
    let orders = [
        (1, "a", 10.0),
        (2, "b", 20.5),
        (3, "a", 7.25),
        (4, "c", 3.0),
        (5, "d", 8.0),
    ];
    for (row, (id, cust, amount)) in got["records"].as_array().unwrap().iter().zip(orders) {
        assert_eq!(row["id"], id);
        assert_eq!(row["cust"], cust);
        assert_eq!(row["double"].as_f64(), Some(amount * 2.0));
        match cities.get(cust) {
            Some(city) => assert_eq!(row["city"], *city),
            None => assert_eq!(row["city"], "-", "{row}"),
        }
    }
}

#[tokio::test]
async fn dates_are_parsed_filtered_and_grouped_by_month() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    // Day i of 2024 (i = 0..120) with value i.
    let mut csv = String::from("day,value\n");
    let mut by_month: BTreeMap<u32, i64> = BTreeMap::new();
    let month_starts = [0, 31, 60, 91, 121];
    for i in 0..120u32 {
        let month = month_starts.iter().rposition(|&s| s <= i).unwrap() as u32;
        let day = i - month_starts[month as usize] + 1;
        csv.push_str(&format!("2024-{:02}-{:02},{i}\n", month + 1, day));
        if i >= 31 {
            *by_month.entry(month + 1).or_default() += i as i64;
        }
    }
    upload(&mut client, &session, "days.csv", csv.into_bytes()).await;
    let code = "import pandas as pd, json\n\
                df = pd.read_csv('/mnt/data/days.csv', parse_dates=['day'])\n\
                late = df[df['day'] >= '2024-02-01']\n\
                s = late.groupby(late['day'].dt.month)['value'].sum()\n\
                d = pd.to_datetime(pd.Series(['2024-03-05'])).dt.dayofweek.tolist()\n\
                print(json.dumps({'sums': s.tolist(), 'months': list(s.index), 'dtype': str(df['day'].dtype),\n\
                                  'first': str(late['day'].iloc[0]), 'dow': d}))";
    let got = json_of(&mut client, &session, code).await;
    let months: Vec<u32> = by_month.keys().copied().collect();
    let sums: Vec<i64> = by_month.values().copied().collect();
    assert_eq!(got["months"], serde_json::json!(months));
    assert_eq!(got["sums"], serde_json::json!(sums));
    assert_eq!(got["dtype"], "datetime64[us]"); // pandas 3.1.1's name
    assert_eq!(got["first"], "2024-02-01 00:00:00");
    assert_eq!(got["dow"], serde_json::json!([1])); // a Tuesday
}

/// The Arrow frame and text of the first table display of a cell.
fn table_display(
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

#[tokio::test]
async fn a_trailing_table_is_a_display_with_arrow_ipc_and_a_pandas_preview() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "sales.csv", sales_csv(300)).await;
    let events = run(
        &mut client,
        &session,
        "import pandas as pd\ndf = pd.read_csv('sales.csv')\ndf.groupby('region')[['units']].sum()",
    )
    .await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    assert!(!events.iter().any(|e| matches!(e, Kind::Result(_))));
    let (frame, text, metadata) = table_display(&events);
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for (region, _, units, _) in sales(300) {
        *sums.entry(region).or_default() += units;
    }
    let regions: Vec<String> = frame
        .column("region")
        .unwrap()
        .as_materialized_series()
        .iter()
        .map(|v| v.get_str().unwrap().to_owned())
        .collect();
    assert_eq!(regions, ["east", "north", "west"]);
    let units: Vec<i64> = frame
        .column("units")
        .unwrap()
        .as_materialized_series()
        .iter()
        .map(|v| match v {
            AnyValue::Int64(v) => v,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(units, sums.values().copied().collect::<Vec<_>>());
    let expected_text = format!(
        "        units\nregion       \neast     {:>4}\nnorth    {:>4}\nwest     {:>4}",
        sums["east"], sums["north"], sums["west"]
    );
    assert_eq!(text, expected_text);
    assert_eq!(metadata["rows"], "3");
    assert_eq!(metadata["columns"], "1");
    assert_eq!(metadata["truncated"], "false");
    assert_eq!(metadata["index_columns"], "[\"region\"]");

    // A long frame: the text is cut like pandas', the Arrow rows are all there.
    let events = run(&mut client, &session, "display(df)").await;
    let (frame, text, metadata) = table_display(&events);
    assert_eq!(frame.height(), 300);
    assert!(text.ends_with("\n\n[300 rows x 4 columns]"), "{text}");
    assert_eq!(text.lines().count(), 1 + 5 + 1 + 5 + 2);
    assert_eq!(metadata["rows"], "300");
}

#[tokio::test]
async fn printing_follows_the_pandas_layout() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "import pandas as pd\n\
                df = pd.DataFrame({'name': ['ann', 'bob', 'cy'], 'score': [1.5, 22.25, None], 'n': [1, 20, 300]})\n\
                print(df)\nprint(df['score'])\nprint(df[df.n > 5].n)";
    let events = run(&mut client, &session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let expected = "  name  score    n\n\
                    0  ann   1.50    1\n\
                    1  bob  22.25   20\n\
                    2   cy    NaN  300\n\
                    0     1.50\n\
                    1    22.25\n\
                    2      NaN\n\
                    Name: score, dtype: float64\n\
                    1     20\n\
                    2    300\n\
                    Name: n, dtype: int64\n";
    assert_eq!(stdout(&events), expected);
}

#[tokio::test]
async fn a_written_csv_is_downloaded() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "sales.csv", sales_csv(50)).await;
    let code = "import pandas as pd\n\
                df = pd.read_csv('sales.csv')\n\
                out = df[df.region == 'west'][['product', 'units']].sort_values('units', ascending=False)\n\
                out.to_csv('/mnt/data/out/west.csv', index=False)";
    let events = run(&mut client, &session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let text = String::from_utf8(download(&mut client, &session, "out/west.csv").await).unwrap();
    let mut rows: Vec<(&str, i64)> = sales(50)
        .into_iter()
        .filter(|row| row.0 == "west")
        .map(|row| (row.1, row.2))
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1)); // stable, like pandas
    let mut expected = String::from("product,units\n");
    for (product, units) in rows {
        expected.push_str(&format!("{product},{units}\n"));
    }
    assert_eq!(text, expected);
}

#[tokio::test]
async fn errors_are_the_exceptions_pandas_raises() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "sales.csv", sales_csv(10)).await;
    upload(
        &mut client,
        &session,
        "bad.csv",
        b"a,b\n1,2\n3,4,5,6\n\"x\n".to_vec(),
    )
    .await;
    run(
        &mut client,
        &session,
        "import pandas as pd\ndf = pd.read_csv('sales.csv')",
    )
    .await;
    let cases = [
        ("df['nope']", "KeyError", "nope"),
        ("df.groupby('nope').sum()", "KeyError", "nope"),
        ("pd.read_csv('bad.csv')", "ParserError", ""),
        (
            "pd.read_csv('missing.csv')",
            "FileNotFoundError",
            "missing.csv",
        ),
        ("pd.read_csv('/etc/passwd')", "PermissionError", "absolute"),
        ("pd.read_csv('../x.csv')", "PermissionError", ""),
        ("df.melt()", "NotImplementedError", "melt"),
        ("df.astype('category')", "NotImplementedError", "category"),
        ("df.groupby('region').mean()", "TypeError", "mean"),
        ("df.units.mean(); df['region'].mean()", "TypeError", ""),
    ];
    for (code, ename, fragment) in cases {
        let events = run(&mut client, &session, code).await;
        let error = error(&events);
        assert_eq!(error.ename, ename, "{code}: {error:?}");
        assert!(error.evalue.contains(fragment), "{code}: {error:?}");
    }
    // The session goes on.
    let events = run(&mut client, &session, "print(len(df))").await;
    assert_eq!(stdout(&events), "10\n");
}

#[tokio::test]
async fn tables_past_the_session_cap_raise_memory_error_and_deleting_frees() {
    let config = ServiceConfig {
        max_table_bytes: 1 << 20,
        ..ServiceConfig::default()
    };
    let mut client = client_with(config).await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "big.csv", sales_csv(200_000)).await;
    let events = run(
        &mut client,
        &session,
        "import pandas as pd\ndf = pd.read_csv('big.csv')",
    )
    .await;
    let error = error(&events);
    assert_eq!(error.ename, "MemoryError", "{error:?}");
    assert!(error.evalue.contains("MiB"), "{error:?}");
    // Smaller frames fit; deleted ones give their room back.
    let code = "small = pd.read_csv('big.csv', nrows=5000)\nn = len(small)\n\
                for _ in range(20):\n    t = small[small.units > 1]\n    del t\nprint(n)";
    let events = run(&mut client, &session, code).await;
    assert_eq!(stdout(&events), "5000\n", "{events:?}");
}

#[tokio::test]
async fn a_million_rows_are_grouped_on_the_host_without_entering_the_guest() {
    const ROWS: usize = 1_000_000;
    let mut client = client().await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "big.csv", sales_csv(ROWS)).await;
    let warm = run(&mut client, &session, "import pandas as pd, json").await;
    let before = end(&warm).usage.as_ref().expect("usage").peak_memory_bytes;
    let code = "df = pd.read_csv('big.csv')\n\
                g = df.groupby(['region', 'product'])['units'].sum()\n\
                print(json.dumps({'rows': len(df), 'sums': g.tolist()}))";
    let events = run(&mut client, &session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let after = end(&events)
        .usage
        .as_ref()
        .expect("usage")
        .peak_memory_bytes;
    let got: serde_json::Value = serde_json::from_str(stdout(&events).trim()).expect("JSON");

    let mut expected: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for (region, product, units, _) in sales(ROWS) {
        *expected.entry((region, product)).or_default() += units;
    }
    assert_eq!(got["rows"], ROWS);
    let sums: Vec<i64> = expected.into_values().collect();
    assert_eq!(got["sums"], serde_json::json!(sums));
    // A million rows as Python objects would need well over 50 MiB.
    assert!(
        after - before < 8 << 20,
        "the guest's memory grew from {before} to {after} bytes"
    );
}

#[tokio::test]
async fn writes_past_the_file_quota_and_answers_past_guest_memory_are_refused() {
    let config = ServiceConfig {
        max_session_file_bytes: 8 << 20,
        ..ServiceConfig::default()
    };
    let mut client = client_with(config).await;
    let session = client
        .create_session(proto::CreateSessionRequest {
            limits: Some(proto::InstanceLimits {
                memory_bytes: 96 << 20,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("creating a session")
        .into_inner()
        .session
        .expect("session info")
        .session_id;
    let csv = sales_csv(200_000);
    assert!(csv.len() > 3 << 20 && csv.len() < 5 << 20);
    upload(&mut client, &session, "big.csv", csv).await;
    run(
        &mut client,
        &session,
        "import pandas as pd, os\ndf = pd.read_csv('big.csv')\nbig = pd.concat([df] * 40)",
    )
    .await;

    // 12 MB of CSV do not fit beside the 4 MB upload under an 8 MiB quota.
    let events = run(
        &mut client,
        &session,
        "pd.concat([df] * 3).to_csv('copy.csv')",
    )
    .await;
    let refused = error(&events);
    assert_eq!(refused.ename, "OSError", "{refused:?}");
    assert!(refused.evalue.contains("quota"), "{refused:?}");
    // 160 MB of CSV text cannot be handed to a 96 MiB interpreter, nor 8
    // million rows as Python values.
    for code in ["text = big.to_csv()", "values = big['units'].tolist()"] {
        let events = run(&mut client, &session, code).await;
        assert_eq!(error(&events).ename, "MemoryError", "{code}: {events:?}");
    }
    // Nothing was left behind, and writes that fit still work.
    // Printing a few rows of the big frame (its strings past the 12 bytes
    // polars keeps inline) is not refused.
    let code = "long = pd.DataFrame({'s': ['a fairly long string value'] * 10})\n\
                for _ in range(18):\n    long = pd.concat([long, long])\n\
                print(len(long), long.iloc[3]['s'], len(str(long)) > 0)";
    let events = run(&mut client, &session, code).await;
    assert_eq!(
        stdout(&events),
        "2621440 a fairly long string value True\n",
        "{events:?}"
    );
    let code = "df.head(10).to_csv('small.csv', index=False)\n\
                print(sorted(os.listdir('.')), len(pd.read_csv('small.csv')), len(big))";
    let events = run(&mut client, &session, code).await;
    assert_eq!(
        stdout(&events),
        "['big.csv', 'small.csv'] 10 8000000\n",
        "{events:?}"
    );
}

#[tokio::test]
async fn merges_and_concats_too_large_for_the_session_raise_memory_error_before_running() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(
        &mut client,
        &session,
        "import pandas as pd\ndf = pd.DataFrame({'k': [1] * 50000, 'v': list(range(50000))})",
    )
    .await;
    // 2.5 billion rows by the repeated key, 10 billion by the cross join, and
    // 5,000 copies (4 GB): none fits in the default 2 GiB and none is attempted.
    for code in [
        "df.merge(df, on='k')",
        "df.merge(df, how='cross')",
        "pd.concat([df] * 5000)",
    ] {
        let events = run(&mut client, &session, code).await;
        let refused = error(&events);
        assert_eq!(refused.ename, "MemoryError", "{code}: {refused:?}");
        assert!(refused.evalue.contains("room"), "{code}: {refused:?}");
    }
    // So many frames that planning alone would hold the host past the deadline.
    let events = run(&mut client, &session, "pd.concat([df.head(1)] * 20000)").await;
    assert_eq!(error(&events).ename, "ValueError", "{events:?}");
    let code = "other = pd.DataFrame({'k': [1, 2], 'w': ['a', 'b']})\n\
                m = df.head(3).merge(other, on='k')\nprint(len(m), list(m.columns), m['w'].tolist())";
    let events = run(&mut client, &session, code).await;
    assert_eq!(
        stdout(&events),
        "3 ['k', 'v', 'w'] ['a', 'a', 'a']\n",
        "{events:?}"
    );
}

#[tokio::test]
async fn table_columns_convert_to_numpy_arrays_and_numpy_reduces_them() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "import pandas as pd, numpy as np, json\n\
                df = pd.DataFrame({'x': [1.5, 2.5, None, 4.0], 'n': [1, 2, 3, 4], 's': list('abcd')})\n\
                a, v, m = df['x'].to_numpy(), df['n'].values, df[['x', 'n']].to_numpy()\n\
                print(json.dumps([str(a.dtype), int(np.isnan(a).sum()), str(v.dtype), v.tolist(),\n\
                    list(m.shape), str(m.dtype), str(df['s'].to_numpy().dtype), np.mean(df['n']),\n\
                    float(np.std(df['n'])), float(np.percentile(df['n'], 50)),\n\
                    float(np.nanmean(df['x']))]))";
    let got = json_of(&mut client, &session, code).await;
    let population_std =
        (((1.0f64 - 2.5).powi(2) * 2.0 + (2.0f64 - 2.5).powi(2) * 2.0) / 4.0).sqrt();
    assert_eq!(got[0], "float64");
    assert_eq!(got[1], 1);
    assert_eq!(got[2], "int64");
    assert_eq!(got[3], serde_json::json!([1, 2, 3, 4]));
    assert_eq!(got[4], serde_json::json!([4, 2]));
    assert_eq!(got[5], "float64");
    assert_eq!(got[6], "object");
    assert_eq!(got[7], 2.5);
    assert!(close(got[8].as_f64().unwrap(), population_std), "{got}");
    assert_eq!(got[9], 2.5);
    assert!(close(got[10].as_f64().unwrap(), 8.0 / 3.0), "{got}");
}

#[tokio::test]
async fn pandas_default_missing_value_strings_read_as_missing() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let csv = "a,b,c,d\n1,x,2020-01-02,1.5\nNA,n/a,NaN,\n3,z,2020-03-04,null\n";
    upload(&mut client, &session, "na.csv", csv.as_bytes().to_vec()).await;
    let code = "import pandas as pd, json\n\
                df = pd.read_csv('na.csv')\n\
                kept = pd.read_csv('na.csv', keep_default_na=False, na_values=['x'])\n\
                print(json.dumps([[str(df[c].dtype) for c in df.columns],\n\
                    [int(df[c].isna().sum()) for c in df.columns], float(df['a'].sum()),\n\
                    kept['b'].tolist()[1:], str(kept['a'].dtype), kept['b'].isna().tolist()]))";
    let got = json_of(&mut client, &session, code).await;
    // pandas 3.1.1 printed these: an integer column with a missing value is
    // float64; text columns are `str`.
    assert_eq!(
        got,
        serde_json::json!([
            ["float64", "str", "str", "float64"],
            [1, 1, 1, 2],
            4.0,
            ["n/a", "z"],
            "str",
            [true, false, false]
        ])
    );
}

#[tokio::test]
async fn filtered_frames_keep_their_row_labels_and_release_their_sources() {
    // Under a 1 MiB cap a few leaked 5,000-row frames would raise MemoryError.
    let config = ServiceConfig {
        max_table_bytes: 1 << 20,
        ..ServiceConfig::default()
    };
    let mut client = client_with(config).await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "sales.csv", sales_csv(5000)).await;
    let code = "import pandas as pd, json\n\
                for _ in range(30):\n\
                \x20   df = pd.read_csv('sales.csv')\n\
                \x20   wide = df[df.units > 3]\n\
                \x20   del df\n\
                \x20   kept = wide[wide.price < 10]\n\
                \x20   del wide\n\
                \x20   sums = kept.groupby('region')['units'].sum().to_dict()\n\
                \x20   out = [list(kept.index[:5]), len(kept), sums, float(kept['price'].max())]\n\
                \x20   del kept\n\
                print(json.dumps(out))";
    let got = json_of(&mut client, &session, code).await;

    let kept: Vec<(usize, &str, i64, f64)> = sales(5000)
        .into_iter()
        .enumerate()
        .filter(|(_, (_, _, units, price))| *units > 3 && *price < 10.0)
        .map(|(i, (region, _, units, price))| (i, region, units, price))
        .collect();
    let first: Vec<usize> = kept.iter().take(5).map(|row| row.0).collect();
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for (_, region, units, _) in &kept {
        *sums.entry(region).or_default() += units;
    }
    let max_price = kept.iter().map(|row| row.3).fold(f64::MIN, f64::max);
    assert_eq!(got[0], serde_json::json!(first), "{got}");
    assert_eq!(got[1], kept.len(), "{got}");
    assert_eq!(got[2], serde_json::json!(sums), "{got}");
    assert_eq!(got[3], max_price, "{got}");
}

#[tokio::test]
async fn quoted_fields_keep_their_separators_and_newlines() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    // The quote-free file is read with polars' quoting off, this one with it on.
    let quoted = "name,note,n\n\"Smith, J\",\"two\nlines\",1\nplain,\"say \"\"hi\"\"\",2\n";
    upload(&mut client, &session, "q.csv", quoted.as_bytes().to_vec()).await;
    upload(
        &mut client,
        &session,
        "plain.csv",
        b"name,n\nSmith J,1\n".to_vec(),
    )
    .await;
    let code = "import pandas as pd, json\n\
                q = pd.read_csv('q.csv')\n\
                p = pd.read_csv('plain.csv')\n\
                print(json.dumps([q['name'].tolist(), q['note'].tolist(), int(q['n'].sum()),\n\
                    p['name'].tolist()]))";
    let got = json_of(&mut client, &session, code).await;
    assert_eq!(
        got,
        serde_json::json!([
            ["Smith, J", "plain"],
            ["two\nlines", "say \"hi\""],
            3,
            ["Smith J"]
        ])
    );
}
