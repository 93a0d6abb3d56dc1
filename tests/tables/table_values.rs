//! Table values through the gRPC API: numpy conversions, pandas' missing-value strings, row
//! labels of filtered frames, quoted CSV fields.

use crate::common;

use std::collections::BTreeMap;

use code_interpreter::service::ServiceConfig;
use common::server::{client, client_with, create_session};

use crate::support::*;

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
