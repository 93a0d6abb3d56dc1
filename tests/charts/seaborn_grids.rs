//! seaborn's grids end to end: FacetGrid and the figure-level functions (relplot, displot, catplot),
//! pairplot and jointplot drawn by the guest from the guest pandas' DataFrames. The chart
//! description must have seaborn's axes (one per facet, in seaborn's order, plus the diagonal and
//! marginal axes) each holding its own subset of the data, computed here from the same data.

use crate::common;

use code_interpreter::service::proto;
use common::server::{Client, chart_descriptions, client, run};
use serde_json::Value;

/// The chart description of the one figure a cell displayed.
async fn figure(client: &mut Client, code: &str) -> Value {
    let events = run(client, "", code).await;
    assert_eq!(
        common::server::outcome(&events),
        proto::Outcome::Ok,
        "{events:?}"
    );
    let shown = chart_descriptions(&events);
    assert_eq!(shown.len(), 1, "one figure");
    shown[0].clone()
}

fn axes(figure: &Value) -> &Vec<Value> {
    figure["axes"].as_array().expect("axes")
}

/// The series of one kind with at least one point (seaborn's legend proxies are empty lines).
fn drawn<'a>(axes: &'a Value, kind: &str) -> Vec<&'a Value> {
    axes["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter(|s| s["type"] == kind && !s["points"].as_array().unwrap().is_empty())
        .collect()
}

fn points(series: &Value) -> Vec<(Value, f64)> {
    series["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| (p[0].clone(), p[1].as_f64().unwrap()))
        .collect()
}

const TIME: [&str; 8] = [
    "Lunch", "Dinner", "Dinner", "Lunch", "Dinner", "Dinner", "Lunch", "Dinner",
];
const DAY: [&str; 8] = ["Thu", "Sat", "Sun", "Thu", "Sat", "Sun", "Fri", "Sat"];
const BILL: [f64; 8] = [10.0, 20.0, 30.0, 12.0, 25.0, 18.0, 8.0, 40.0];
const TIP: [f64; 8] = [1.0, 3.0, 4.0, 2.0, 3.5, 2.5, 1.5, 6.0];

fn frame_code() -> String {
    format!(
        "import pandas as pd\nimport seaborn as sns\n\
         df = pd.DataFrame({{'time': {TIME:?}, 'day': {DAY:?}, 'bill': {BILL:?}, 'tip': {TIP:?}}})\n"
    )
}

/// (bill, tip) of the rows at one time of day.
fn rows_at(time: &str) -> Vec<(f64, f64)> {
    (0..TIME.len())
        .filter(|&i| TIME[i] == time)
        .map(|i| (BILL[i], TIP[i]))
        .collect()
}

#[tokio::test]
async fn relplot_draws_each_facet_subset_on_its_own_axes() {
    let mut client = client().await;
    let code = frame_code() + "sns.relplot(data=df, x='bill', y='tip', col='time', hue='day')\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    assert_eq!(all.len(), 2, "one axes per time, in order of appearance");
    for (ax, time) in all.iter().zip(["Lunch", "Dinner"]) {
        assert_eq!(ax["title"], format!("time = {time}"));
        let scatter = drawn(ax, "scatter");
        assert_eq!(scatter.len(), 1);
        let got: Vec<(f64, f64)> = points(scatter[0])
            .into_iter()
            .map(|(x, y)| (x.as_f64().unwrap(), y))
            .collect();
        assert_eq!(got, rows_at(time));
    }
    // Labels on the outer facets only; seaborn's legend proxies (one per day) on the first axes.
    assert_eq!(
        (&all[0]["xlabel"], &all[0]["ylabel"]),
        (&"bill".into(), &"tip".into())
    );
    assert_eq!(all[1]["ylabel"].as_str().unwrap_or(""), "");
    let proxies = all[0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["type"] == "line" && s["points"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(proxies, 4, "Thu, Sat, Sun, Fri");
}

#[tokio::test]
async fn displot_facets_share_the_bins_of_the_whole_data() {
    let mut client = client().await;
    let code = frame_code() + "sns.displot(data=df, x='bill', col='time', bins=4)\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    assert_eq!(all.len(), 2);
    // The bins span all the bills (8 to 40), so both facets count in the same four bins.
    let width = (40.0 - 8.0) / 4.0;
    for (ax, time) in all.iter().zip(["Lunch", "Dinner"]) {
        let bars = drawn(ax, "bar");
        assert_eq!(bars.len(), 1, "{ax}");
        let mut counts = [0.0; 4];
        for (bill, _) in rows_at(time) {
            counts[(((bill - 8.0) / width) as usize).min(3)] += 1.0;
        }
        let got = points(bars[0]);
        let centres: Vec<f64> = got.iter().map(|(x, _)| x.as_f64().unwrap()).collect();
        let expected: Vec<f64> = (0..4).map(|i| 8.0 + width * (i as f64 + 0.5)).collect();
        assert_eq!(centres, expected);
        assert_eq!(got.iter().map(|p| p.1).collect::<Vec<_>>(), counts);
    }
}

#[tokio::test]
async fn catplot_shows_every_category_of_the_data_on_every_facet() {
    let mut client = client().await;
    let code = frame_code()
        + "sns.catplot(data=df, x='day', y='tip', col='time', kind='bar', errorbar=None)\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    assert_eq!(all.len(), 2);
    for (ax, time) in all.iter().zip(["Lunch", "Dinner"]) {
        let bars = drawn(ax, "bar");
        assert_eq!(bars.len(), 1);
        // Bars at the positions of the days of the whole data; a day without rows at this time
        // has no bar.
        let got = points(bars[0]);
        let mean = |day: &str| {
            let tips: Vec<f64> = (0..DAY.len())
                .filter(|&i| DAY[i] == day && TIME[i] == time)
                .map(|i| TIP[i])
                .collect();
            tips.iter().sum::<f64>() / tips.len() as f64
        };
        let days: Vec<&str> = ["Thu", "Sat", "Sun", "Fri"]
            .into_iter()
            .filter(|d| (0..DAY.len()).any(|i| DAY[i] == *d && TIME[i] == time))
            .collect();
        assert_eq!(
            got,
            days.iter()
                .map(|d| (Value::from(*d), mean(d)))
                .collect::<Vec<_>>()
        );
    }
}

#[tokio::test]
async fn pairplot_has_a_twin_axes_per_diagonal_and_jointplot_two_margins() {
    let mut client = client().await;
    let code = frame_code() + "sns.pairplot(df)\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    // bill and tip: a 2 x 2 grid, then the histograms' twin axes of the two diagonal cells.
    assert_eq!(all.len(), 6);
    for (i, ax) in all[..4].iter().enumerate() {
        let diagonal = i == 0 || i == 3;
        assert_eq!(drawn(ax, "scatter").len(), usize::from(!diagonal), "{i}");
    }
    for ax in &all[4..] {
        assert_eq!(drawn(ax, "bar").len(), 1);
        assert!(!ax["twin_of"].is_null());
    }
    let scatter = points(drawn(&all[2], "scatter")[0]);
    let pairs: Vec<(f64, f64)> = scatter
        .into_iter()
        .map(|(x, y)| (x.as_f64().unwrap(), y))
        .collect();
    assert_eq!(
        pairs,
        BILL.iter()
            .zip(TIP)
            .map(|(b, t)| (*b, t))
            .collect::<Vec<_>>(),
        "row tip, column bill"
    );

    let code = frame_code() + "sns.jointplot(data=df, x='bill', y='tip')\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    assert_eq!(all.len(), 3, "joint, marginal x, marginal y");
    assert_eq!(drawn(&all[0], "scatter").len(), 1);
    assert_eq!(drawn(&all[1], "bar").len(), 1);
    assert_eq!(drawn(&all[2], "barh").len(), 1);
}

#[tokio::test]
async fn facetgrid_wraps_columns_without_empty_axes() {
    let mut client = client().await;
    let code = frame_code()
        + "g = sns.FacetGrid(df, col='day', col_wrap=3)\ng.map(sns.scatterplot, 'bill', 'tip')\n";
    let fig = figure(&mut client, &code).await;
    let all = axes(&fig);
    assert_eq!(
        all.len(),
        4,
        "four days on a 2 x 3 grid: no fifth and sixth axes"
    );
    for (ax, day) in all.iter().zip(["Thu", "Sat", "Sun", "Fri"]) {
        assert_eq!(ax["title"], format!("day = {day}"));
        let n = DAY.iter().filter(|d| **d == day).count();
        assert_eq!(points(drawn(ax, "scatter")[0]).len(), n);
    }
}
