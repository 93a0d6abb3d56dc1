//! Tables against their limits through the gRPC API: the session's table bytes, a million
//! rows grouped on the host, the file quota, merges and concats too large to keep.

use crate::common;

use std::collections::BTreeMap;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self};
use common::server::{client, client_with, create_session, end, error, outcome, run, stdout};

use crate::support::*;

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
