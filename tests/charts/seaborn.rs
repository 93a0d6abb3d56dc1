//! seaborn end to end: the guest's seaborn reads the guest pandas' DataFrames and draws through its
//! matplotlib; the chart description must hold what the data says (means, counts, colours), computed
//! here from the same data.

use crate::common;

use code_interpreter::service::proto;
use common::server::{Client, chart_descriptions, client, error, outcome, run, stdout};
use serde_json::Value;

async fn one_axes(client: &mut Client, code: &str) -> Value {
    let events = run(client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let shown = chart_descriptions(&events);
    assert_eq!(shown.len(), 1, "one figure");
    shown[0]["axes"][0].clone()
}

fn series<'a>(axes: &'a Value, kind: &str) -> Vec<&'a Value> {
    axes["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter(|s| s["type"] == kind)
        .collect()
}

fn points(series: &Value) -> Vec<(f64, f64)> {
    series["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect()
}

/// Points whose x is a category name (a categorical x axis).
fn named_points(series: &Value) -> Vec<(String, f64)> {
    series["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            (
                p[0].as_str().expect("a category").to_owned(),
                p[1].as_f64().unwrap(),
            )
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

const DAYS: [&str; 9] = [
    "Thu", "Fri", "Sat", "Thu", "Fri", "Sat", "Thu", "Sat", "Sat",
];
const TIPS: [f64; 9] = [1.5, 2.0, 3.5, 2.5, 4.0, 3.0, 2.0, 5.0, 1.0];

fn frame_code() -> String {
    format!(
        "import pandas as pd\nimport seaborn as sns\ndf = pd.DataFrame({{'day': {DAYS:?}, 'tip': {TIPS:?}}})\n"
    )
}

#[tokio::test]
async fn barplot_of_a_dataframe_draws_the_mean_of_each_category() {
    let mut client = client().await;
    let code = frame_code() + "sns.barplot(data=df, x='day', y='tip', seed=0)\n";
    let axes = one_axes(&mut client, &code).await;
    let bars = series(&axes, "bar");
    assert_eq!(bars.len(), 1, "{axes}");
    let order = ["Thu", "Fri", "Sat"];
    // The days are categories of the x axis (as matplotlib's units make them), so each bar's x
    // reads back as its day.
    let drawn = named_points(bars[0]);
    assert_eq!(drawn.len(), 3);
    for (day, (x, height)) in order.iter().zip(&drawn) {
        let values: Vec<f64> = DAYS
            .iter()
            .zip(TIPS)
            .filter(|(d, _)| *d == day)
            .map(|(_, t)| t)
            .collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert_eq!(x, day);
        assert!(close(*height, mean), "{day}: {height} != {mean}");
    }
    // One error bar per category, around the mean.
    let lines = series(&axes, "line");
    assert_eq!(lines.len(), 3);
    for (line, (x, mean)) in lines.iter().zip(&drawn) {
        let ends = named_points(line);
        assert!(ends.iter().all(|(lx, _)| lx == x), "{ends:?}");
        assert!(
            ends[0].1 <= *mean && *mean <= ends[1].1,
            "{ends:?} around {mean}"
        );
    }
    assert_eq!(
        (&axes["xlabel"], &axes["ylabel"]),
        (&"day".into(), &"tip".into())
    );
}

#[tokio::test]
async fn countplot_and_histplot_count_the_rows() {
    let mut client = client().await;
    let code = frame_code() + "sns.countplot(data=df, x='day')\n";
    let axes = one_axes(&mut client, &code).await;
    let heights: Vec<f64> = named_points(series(&axes, "bar")[0])
        .iter()
        .map(|p| p.1)
        .collect();
    let count = |day: &str| DAYS.iter().filter(|d| **d == day).count() as f64;
    assert_eq!(heights, vec![count("Thu"), count("Fri"), count("Sat")]);
    assert_eq!(axes["ylabel"], "count");

    let code = frame_code() + "sns.histplot(data=df, x='tip', bins=4)\n";
    let axes = one_axes(&mut client, &code).await;
    let bars = points(series(&axes, "bar")[0]);
    let (lo, hi) = (1.0, 5.0);
    let width = (hi - lo) / 4.0;
    let mut counts = [0.0; 4];
    for tip in TIPS {
        counts[(((tip - lo) / width) as usize).min(3)] += 1.0;
    }
    let centres: Vec<f64> = (0..4).map(|i| lo + width * (i as f64 + 0.5)).collect();
    assert_eq!(bars.iter().map(|p| p.1).collect::<Vec<_>>(), counts);
    assert!(
        bars.iter().zip(&centres).all(|(p, c)| close(p.0, *c)),
        "{bars:?}"
    );
    assert_eq!(axes["ylabel"], "Count");
}

#[tokio::test]
async fn lineplot_averages_repeated_x_with_a_band() {
    let mut client = client().await;
    let code = "import pandas as pd\nimport seaborn as sns\n\
        df = pd.DataFrame({'t': [1, 1, 2, 2, 3, 3], 'v': [1.0, 3.0, 2.0, 6.0, 5.0, 7.0]})\n\
        sns.lineplot(data=df, x='t', y='v')\n";
    let axes = one_axes(&mut client, code).await;
    let line = series(&axes, "line")
        .into_iter()
        .find(|s| !s["points"].as_array().unwrap().is_empty())
        .expect("the line");
    assert_eq!(points(line), vec![(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)]);
    assert_eq!(series(&axes, "fill_between").len(), 1, "the CI band");
}

#[tokio::test]
async fn scatterplot_colours_points_by_hue_with_the_theme_palette() {
    let mut client = client().await;
    let code =
        frame_code() + "sns.set_theme()\nsns.scatterplot(data=df, x='tip', y='tip', hue='day')\n";
    let axes = one_axes(&mut client, &code).await;
    let scatter = series(&axes, "scatter")
        .into_iter()
        .find(|s| !s["points"].as_array().unwrap().is_empty())
        .expect("the points");
    let colors: Vec<&str> = scatter["colors"]
        .as_array()
        .expect("per-point colours")
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    // seaborn's "deep" palette, in order of appearance of the days.
    let deep = |day: &str| match day {
        "Thu" => "#4c72b0ff",
        "Fri" => "#dd8452ff",
        _ => "#55a868ff",
    };
    assert_eq!(colors, DAYS.iter().map(|d| deep(d)).collect::<Vec<_>>());
    // The legend's entries: a labelled marker line per day, as seaborn's proxies.
    let labels: Vec<&str> = series(&axes, "line")
        .iter()
        .filter_map(|s| s["label"].as_str())
        .collect();
    assert_eq!(labels, ["Thu", "Fri", "Sat"]);
}

#[tokio::test]
async fn load_dataset_reads_an_uploaded_csv_and_says_why_otherwise() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        open('tips.csv', 'w').write('day,tip\\nThu,1.5\\nFri,2.0\\n')\n\
        print(sns.load_dataset('tips')['tip'].sum())\n";
    let events = run(&mut client, "", code).await;
    assert_eq!(stdout(&events), "3.5\n", "{events:?}");

    let events = run(
        &mut client,
        "",
        "import seaborn as sns\nsns.load_dataset('penguins')\n",
    )
    .await;
    let failure = error(&events);
    assert_eq!(failure.ename, "ValueError");
    assert!(failure.evalue.contains("no network"), "{}", failure.evalue);
    assert!(
        failure.evalue.contains("penguins.csv"),
        "{}",
        failure.evalue
    );
}

/// The [x, y] points of a series as JSON values (numbers, or category names on a categorical
/// axis).
fn raw_points(series: &Value) -> Vec<Value> {
    series["points"].as_array().expect("points").clone()
}

/// Whether two descriptions' coordinates agree: equal names, numbers within 1e-9 relative.
fn same_point(drawn: &Value, expected: &Value) -> bool {
    match (drawn.as_array(), expected.as_array()) {
        (Some(a), Some(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_point(a, b)),
        _ => match (drawn.as_f64(), expected.as_f64()) {
            (Some(a), Some(b)) => close(a, b),
            _ => drawn == expected,
        },
    }
}

#[tokio::test]
async fn fill_betweenx_draws_matplotlibs_polygon() {
    let mut client = client().await;
    let code = "import matplotlib.pyplot as plt\n\
        fig, ax = plt.subplots()\n\
        ax.fill_betweenx([0, 1, 2, 3], [0, 1, 0.5, 0], [1, 2, 3, float('nan')], facecolor='r', \
        edgecolor='k', linewidth=2)\n";
    let axes = one_axes(&mut client, code).await;
    let patches = series(&axes, "patch");
    assert_eq!(patches.len(), 1, "{axes}");
    assert_eq!(patches[0]["role"], "fill_betweenx");
    // Real matplotlib 3.10.8's FillBetweenPolyCollection path (before its closing vertex): the
    // run before the missing x2, (x2[0], y[0]), the x1 points, (x2[-1], y[-1]), x2 backwards.
    let expected = serde_json::json!([
        [1.0, 0.0],
        [0.0, 0.0],
        [1.0, 1.0],
        [0.5, 2.0],
        [3.0, 2.0],
        [3.0, 2.0],
        [2.0, 1.0],
        [1.0, 0.0]
    ]);
    assert_eq!(patches[0]["points"], expected);
    assert_eq!(patches[0]["color"], "#ff0000ff");
    assert_eq!(patches[0]["edgecolor"], "#000000ff");
}

#[tokio::test]
async fn violinplot_draws_seaborns_kde_violins_and_inner_boxes() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.violinplot(x=['a'] * 5 + ['b'] * 5, y=[1, 2, 2, 3, 5, 2, 4, 4, 6, 9])\n";
    let axes = one_axes(&mut client, code).await;
    let bodies = series(&axes, "patch");
    assert_eq!(bodies.len(), 2, "{axes}");
    // Vertices 0, 1, 50, 100 and 101 of real seaborn 0.13.2's violins (100-point KDE grid, cut 2).
    let expected = [
        serde_json::json!([
            [0.019719982336572482, -1.1983655656198158],
            [-0.019719982336572482, -1.1983655656198158],
            [-0.3286705258314647, 2.9575922670139416],
            [-0.016257007082870017, 7.198365565619816],
            [0.016257007082870017, 7.198365565619816]
        ]),
        serde_json::json!([
            [1.010623062356028, -1.8351734908164326],
            [0.989376937643972, -1.8351734908164326],
            [0.8046514742796385, 5.4259073384766],
            [0.9906070438963845, 12.835173490816432],
            [1.0093929561036155, 12.835173490816432]
        ]),
    ];
    for (body, expected) in bodies.iter().zip(&expected) {
        let points = raw_points(body);
        assert_eq!(points.len(), 202);
        let picked = Value::Array([0, 1, 50, 100, 101].map(|i| points[i].clone()).to_vec());
        assert!(same_point(&picked, expected), "{picked} != {expected}");
    }
    // The inner boxes: whiskers, quartile box and median per violin, at the category.
    let lines: Vec<Value> = series(&axes, "line")
        .iter()
        .map(|l| l["points"].clone())
        .collect();
    let expected = serde_json::json!([
        [["a", 1.0], ["a", 3.0]],
        [["a", 2.0], ["a", 3.0]],
        [["a", 2.0]],
        [["b", 2.0], ["b", 9.0]],
        [["b", 4.0], ["b", 6.0]],
        [["b", 4.0]]
    ]);
    assert!(
        same_point(&Value::Array(lines.clone()), &expected),
        "{lines:?}"
    );
    assert_eq!(axes["xlim"], serde_json::json!([-0.5, 1.5]));
}

#[tokio::test]
async fn swarmplot_places_points_as_seaborns_beeswarm() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.swarmplot(x=['a'] * 6 + ['b'] * 3, y=[1, 1, 1, 1, 1.2, 3, 2, 2, 2])\n";
    let axes = one_axes(&mut client, code).await;
    let swarms: Vec<Value> = series(&axes, "scatter")
        .iter()
        .map(|s| s["points"].clone())
        .collect();
    // Real seaborn 0.13.2's offsets (640x480 figure at 100 dpi): points on the category's position
    // read as its name.
    let expected = serde_json::json!([
        [
            ["a", 1.0],
            [-0.016171034946236562, 1.0],
            [0.01617103494623659, 1.0],
            [-0.032342069892473124, 1.0],
            ["a", 1.2],
            ["a", 3.0]
        ],
        [
            ["b", 2.0],
            [0.9838289650537634, 2.0],
            [1.0161710349462365, 2.0]
        ]
    ]);
    assert!(
        same_point(&Value::Array(swarms.clone()), &expected),
        "{swarms:?}"
    );
}

#[tokio::test]
async fn ecdfplot_steps_through_the_sorted_values() {
    let mut client = client().await;
    let code = "import seaborn as sns\nsns.ecdfplot(x=[3.0, 1.0, 2.0, 2.0, 5.0])\n";
    let axes = one_axes(&mut client, code).await;
    let lines = series(&axes, "line");
    assert_eq!(lines.len(), 1, "{axes}");
    // Real seaborn 0.13.2: from -inf (a gap here) at 0, steps-post.
    let expected = serde_json::json!([
        [null, 0.0],
        [1.0, 0.2],
        [2.0, 0.4],
        [2.0, 0.6],
        [3.0, 0.8],
        [5.0, 1.0]
    ]);
    assert!(same_point(&lines[0]["points"], &expected), "{}", lines[0]);
    assert_eq!(lines[0]["drawstyle"], "steps-post");
    assert_eq!(axes["ylabel"], "Proportion");
}

#[tokio::test]
async fn boxenplot_draws_letter_value_boxes_median_and_fliers() {
    let mut client = client().await;
    let code = "import seaborn as sns\nsns.boxenplot(x=['a'] * 64, y=list(range(1, 65)))\n";
    let axes = one_axes(&mut client, code).await;
    let boxes: Vec<Value> = series(&axes, "patch")
        .iter()
        .map(|p| p["points"].clone())
        .collect();
    // Real seaborn 0.13.2's PatchCollection rectangles (k = 3 for 64 values, exponential widths).
    let expected = serde_json::json!([
        [[-0.1, 4.9375], [0.1, 4.9375], [0.1, 8.875], [-0.1, 8.875]],
        [[-0.2, 8.875], [0.2, 8.875], [0.2, 16.75], [-0.2, 16.75]],
        [[-0.4, 16.75], [0.4, 16.75], [0.4, 48.25], [-0.4, 48.25]],
        [[-0.2, 48.25], [0.2, 48.25], [0.2, 56.125], [-0.2, 56.125]],
        [
            [-0.1, 56.125],
            [0.1, 56.125],
            [0.1, 60.0625],
            [-0.1, 60.0625]
        ]
    ]);
    assert!(
        same_point(&Value::Array(boxes.clone()), &expected),
        "{boxes:?}"
    );
    let median = &series(&axes, "line")[0]["points"];
    assert!(
        same_point(median, &serde_json::json!([[-0.4, 32.5], [0.4, 32.5]])),
        "{median}"
    );
    let fliers = &series(&axes, "scatter")[0]["points"];
    let expected = serde_json::json!([
        ["a", 1.0],
        ["a", 2.0],
        ["a", 3.0],
        ["a", 4.0],
        ["a", 61.0],
        ["a", 62.0],
        ["a", 63.0],
        ["a", 64.0]
    ]);
    assert!(same_point(fliers, &expected), "{fliers}");
}

#[tokio::test]
async fn bivariate_histplot_and_residplot_match_seaborn() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.histplot(x=[0, 0, 1, 2, 2, 2], y=[0, 1, 1, 2, 2, 0], bins=2)\n";
    let axes = one_axes(&mut client, code).await;
    let images = series(&axes, "image");
    assert_eq!(images.len(), 1, "{axes}");
    // Real seaborn 0.13.2's QuadMesh: the counts transposed (rows along y), colour limits 0..3.
    assert_eq!(images[0]["extent"], serde_json::json!([0.0, 2.0, 0.0, 2.0]));
    assert_eq!(
        images[0]["values"],
        serde_json::json!([[1.0, 1.0], [1.0, 3.0]])
    );
    assert_eq!(
        (&images[0]["vmin"], &images[0]["vmax"]),
        (&0.0.into(), &3.0.into())
    );

    let code = "import pandas as pd\nimport seaborn as sns\n\
        df = pd.DataFrame({'x': [1.0, 2, 3, 4, 5], 'y': [1.0, 3, 2, 5, 4]})\n\
        sns.residplot(data=df, x='x', y='y')\n";
    let axes = one_axes(&mut client, code).await;
    let expected = serde_json::json!([
        [1.0, -0.39999999999999813],
        [2.0, 0.8000000000000016],
        [3.0, -0.9999999999999987],
        [4.0, 1.200000000000001],
        [5.0, -0.5999999999999996]
    ]);
    let scatter = &series(&axes, "scatter")[0]["points"];
    assert!(same_point(scatter, &expected), "{scatter}");
    assert_eq!(series(&axes, "hline")[0]["value"], 0.0);
    assert_eq!(
        (&axes["xlabel"], &axes["ylabel"]),
        (&"x".into(), &"y".into())
    );
}

#[tokio::test]
async fn formatter_names_categories_and_native_scale_keeps_numbers() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.barplot(x=[1949, 1950, 1949], y=[1.0, 2, 3], errorbar=None, \
        formatter=lambda x: f\"'{x % 1900}\")\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn 0.13.2: the axis' categories are the formatted years, in the years' order.
    let bars = &series(&axes, "bar")[0]["points"];
    assert!(
        same_point(bars, &serde_json::json!([["'49", 2.0], ["'50", 2.0]])),
        "{bars}"
    );

    let code = "import seaborn as sns\n\
        sns.boxplot(x=[2, 2, 3, 3, 5, 5], y=[1.0, 2, 3, 4, 5, 6], native_scale=True)\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn's first box: at x = 2 (a number), 0.8 wide (the smallest step between levels is 1).
    let lines: Vec<Value> = series(&axes, "line")
        .iter()
        .take(5)
        .map(|l| l["points"].clone())
        .collect();
    let expected = serde_json::json!([
        [[2.0, 1.25], [2.0, 1.0]],
        [[2.0, 1.75], [2.0, 2.0]],
        [[1.8, 1.0], [2.2, 1.0]],
        [[1.8, 2.0], [2.2, 2.0]],
        [[1.6, 1.5], [2.4, 1.5]]
    ]);
    assert!(
        same_point(&Value::Array(lines.clone()), &expected),
        "{lines:?}"
    );

    let code = "import seaborn as sns\n\
        sns.lineplot(x=[1, 1, 2, 2], y=[1.0, 3, 2, 6], err_style='bars', errorbar='sd')\n";
    let axes = one_axes(&mut client, code).await;
    // The mean line, errorbar's (invisible) data line, and its bars of ±1 sd.
    let lines = series(&axes, "line");
    assert_eq!(lines.len(), 2, "{axes}");
    let bars = &series(&axes, "line_collection")[0]["segments"];
    let expected = serde_json::json!([
        [[1.0, 0.5857864376269049], [1.0, 3.414213562373095]],
        [[2.0, 1.1715728752538097], [2.0, 6.82842712474619]]
    ]);
    assert!(same_point(bars, &expected), "{bars}");
}

#[tokio::test]
async fn boxplot_on_a_log_axis_takes_its_statistics_in_log_space() {
    let mut client = client().await;
    let code = "import seaborn as sns, matplotlib.pyplot as plt\n\
        fig, ax = plt.subplots()\n\
        ax.set_xscale('log')\n\
        sns.boxplot(x=[1.0, 10, 100, 1000], whis=[0, 100])\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn 0.13.2: quartiles and median of the logarithms (10**1.5, not 55); the
    // whiskers stand at the one (unnamed) category.
    let lines: Vec<Value> = series(&axes, "line")
        .iter()
        .take(5)
        .map(|l| l["points"].clone())
        .collect();
    let expected = serde_json::json!([
        [[5.62341325190349, ""], [1.0, ""]],
        [[177.82794100389228, ""], [1000.0, ""]],
        [[1.0, -0.2], [1.0, 0.2]],
        [[1000.0, -0.2], [1000.0, 0.2]],
        [[31.622776601683793, -0.4], [31.622776601683793, 0.4]]
    ]);
    assert!(
        same_point(&Value::Array(lines.clone()), &expected),
        "{lines:?}"
    );
}

#[tokio::test]
async fn pairplot_markers_per_hue_make_one_legend_entry_per_level() {
    let mut client = client().await;
    let code = "import seaborn as sns, pandas as pd\n\
        df = pd.DataFrame({'a': [1.0, 2, 3, 4, 5, 6], 'b': [2.0, 1, 4, 3, 6, 5], 'k': list('xyzxyz')})\n\
        sns.pairplot(df, hue='k', markers=['o', 's', 'D'])\n";
    let events = run(&mut client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let off_diagonal = &chart_descriptions(&events)[0]["axes"][1];
    // Real seaborn 0.13.2: hue and style are the same column, so their entries merge into
    // one empty line per level (x, y, z), each with its marker.
    let proxies = series(off_diagonal, "line");
    assert_eq!(proxies.len(), 3, "{off_diagonal}");
}

#[tokio::test]
async fn regplot_logx_fits_y_against_the_log_of_x() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.regplot(x=[1.0, 2, 4, 8], y=[1.0, 2, 3, 4.5], logx=True, ci=None)\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn 0.13.2: the fit's 100 points, of which the first, 51st and last.
    let line = points(series(&axes, "line")[0]);
    assert_eq!(line.len(), 100);
    let expected = [
        (1.0, 0.9000000000000002),
        (4.535353535353535, 3.408397266860767),
        (8.0, 4.349999999999999),
    ];
    for (got, want) in [line[0], line[50], line[99]].iter().zip(expected) {
        assert!(
            close(got.0, want.0) && close(got.1, want.1),
            "{got:?} != {want:?}"
        );
    }
}

#[tokio::test]
async fn pointplot_native_scale_places_points_and_caps_at_the_values() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.pointplot(x=[1, 1, 5, 5], y=[1.0, 2, 3, 4], native_scale=True, errorbar='sd', capsize=.4)\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn 0.13.2: the estimates at x = 1 and 5, caps 0.4 x the 4-unit step wide.
    let lines = series(&axes, "line");
    let estimates = points(lines[0]);
    assert!(
        close(estimates[0].0, 1.0) && close(estimates[1].0, 5.0),
        "{estimates:?}"
    );
    // The bar is one path with NaN breaks (null in the description): its first cap.
    let bar = &lines[1]["points"];
    let cap = (bar[0][0].as_f64(), bar[1][0].as_f64());
    assert!(
        matches!(cap, (Some(a), Some(b)) if close(a, 0.19999999999999996) && close(b, 1.8)),
        "{bar}"
    );
}

#[tokio::test]
async fn kdeplot_cumulative_draws_the_distribution_function() {
    let mut client = client().await;
    let code = "import seaborn as sns\n\
        sns.kdeplot(x=[1.0, 2, 4], cumulative=True)\n";
    let axes = one_axes(&mut client, code).await;
    // Real seaborn 0.13.2 with scipy (its integrate_box_1d): points 1, 101 and 200 of 200.
    let curve = points(series(&axes, "line")[0]);
    assert_eq!(curve.len(), 200);
    let expected = [
        (-2.6786239702533248, 0.0),
        (2.526023236031424, 0.557542615539721),
        (7.678623970253325, 0.9990767952921721),
    ];
    for (got, want) in [curve[0], curve[100], curve[199]].iter().zip(expected) {
        assert!(
            close(got.0, want.0) && (got.1 - want.1).abs() < 1e-12,
            "{got:?} != {want:?}"
        );
    }
}
