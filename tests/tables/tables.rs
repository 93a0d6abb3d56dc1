//! pandas on polars through the gRPC API (docs/TABLES.md): uploaded files read,
//! filtered, grouped, merged and written back, table displays as Arrow IPC,
//! and the errors pandas would raise. Expected values are computed here.

use crate::common;

use std::collections::BTreeMap;

use code_interpreter::service::proto::{self, event::Kind};
use common::server::{client, create_session, error, outcome, run, stdout};
use polars::prelude::AnyValue;

use crate::support::*;

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
