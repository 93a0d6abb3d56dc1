//! pandas 3.1.1 compatibility, continued (the same rule as `tables_compat`): HTML tables,
//! level group-bys, table displays, products and merges.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind};
use common::server::{client, create_session, outcome, prints_as_pandas, run};

#[tokio::test]
async fn html_tables() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'a': [1, 2], 'b': ['x', None], 'c': [1.5, None]}, index=['p', 'q'])
print(df.to_html())
print(df._repr_html_())
print(df.rename_axis('idx').to_html())
print(df.to_html(index=False))
big = pd.DataFrame({'v': range(100), 'w': [i * 0.5 for i in range(100)]})
print(big._repr_html_())
"#,
        r#"<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>a</th>
      <th>b</th>
      <th>c</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>p</th>
      <td>1</td>
      <td>x</td>
      <td>1.5</td>
    </tr>
    <tr>
      <th>q</th>
      <td>2</td>
      <td>NaN</td>
      <td>NaN</td>
    </tr>
  </tbody>
</table>
<div>
<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>a</th>
      <th>b</th>
      <th>c</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>p</th>
      <td>1</td>
      <td>x</td>
      <td>1.5</td>
    </tr>
    <tr>
      <th>q</th>
      <td>2</td>
      <td>NaN</td>
      <td>NaN</td>
    </tr>
  </tbody>
</table>
</div>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>a</th>
      <th>b</th>
      <th>c</th>
    </tr>
    <tr>
      <th>idx</th>
      <th></th>
      <th></th>
      <th></th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>p</th>
      <td>1</td>
      <td>x</td>
      <td>1.5</td>
    </tr>
    <tr>
      <th>q</th>
      <td>2</td>
      <td>NaN</td>
      <td>NaN</td>
    </tr>
  </tbody>
</table>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th>a</th>
      <th>b</th>
      <th>c</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>1</td>
      <td>x</td>
      <td>1.5</td>
    </tr>
    <tr>
      <td>2</td>
      <td>NaN</td>
      <td>NaN</td>
    </tr>
  </tbody>
</table>
<div>
<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>v</th>
      <th>w</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>0</th>
      <td>0</td>
      <td>0.0</td>
    </tr>
    <tr>
      <th>1</th>
      <td>1</td>
      <td>0.5</td>
    </tr>
    <tr>
      <th>2</th>
      <td>2</td>
      <td>1.0</td>
    </tr>
    <tr>
      <th>3</th>
      <td>3</td>
      <td>1.5</td>
    </tr>
    <tr>
      <th>4</th>
      <td>4</td>
      <td>2.0</td>
    </tr>
    <tr>
      <th>...</th>
      <td>...</td>
      <td>...</td>
    </tr>
    <tr>
      <th>95</th>
      <td>95</td>
      <td>47.5</td>
    </tr>
    <tr>
      <th>96</th>
      <td>96</td>
      <td>48.0</td>
    </tr>
    <tr>
      <th>97</th>
      <td>97</td>
      <td>48.5</td>
    </tr>
    <tr>
      <th>98</th>
      <td>98</td>
      <td>49.0</td>
    </tr>
    <tr>
      <th>99</th>
      <td>99</td>
      <td>49.5</td>
    </tr>
  </tbody>
</table>
<p>100 rows × 2 columns</p>
</div>
"#,
    )
    .await;
}

#[tokio::test]
async fn level_group_bys_numpy_scalars_and_sign_columns() {
    prints_as_pandas(
        r#"import pandas as pd
s = pd.Series([1, 2, 3], index=pd.Index(['a', 'b', 'a'], name='k'))
print(s.groupby(level=0).sum())
arrays = [['Falcon', 'Falcon', 'Parrot', 'Parrot'], ['Captive', 'Wild', 'Captive', 'Wild']]
df = pd.DataFrame({'Max Speed': [390., 350., 30., 20.], 'k': ['Falcon', 'Falcon', 'Parrot', 'Parrot'], 't': ['Captive', 'Wild', 'Captive', 'Wild']}).set_index(['k', 't'])
print(df.groupby(level=0).mean())
print(df.groupby(level='t').mean())
print(df['Max Speed'].groupby(level=1).max())
print(pd.Series([1.5, 2.0]).mean(), repr(pd.Series([1, 2]).sum()), repr(pd.Series([1.5]).max()))
print(pd.Series([-1.5, 2.0])); print(pd.Series([1, 2])); print(pd.Series([-1, 22])); print(pd.Series(['a', 'bb'])); print(pd.Series([True, False]))
print(pd.DataFrame({'x': [-1.5, 2.0], 'y': [1, -2]}))
print(pd.Series(pd.date_range('2024-01-01', periods=2)))
"#,
        r#"k
a    4
b    2
dtype: int64
        Max Speed
k                
Falcon      370.0
Parrot       25.0
         Max Speed
t                 
Captive      210.0
Wild         185.0
t
Captive    390.0
Wild       350.0
Name: Max Speed, dtype: float64
1.75 np.int64(3) np.float64(1.5)
0   -1.5
1    2.0
dtype: float64
0    1
1    2
dtype: int64
0    -1
1    22
dtype: int64
0     a
1    bb
dtype: str
0     True
1    False
dtype: bool
     x  y
0 -1.5  1
1  2.0 -2
0   2024-01-01
1   2024-01-02
dtype: datetime64[us]
"#,
    )
    .await;
}

#[tokio::test]
async fn a_table_display_carries_pandas_html() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "import pandas as pd\npd.DataFrame({'a': [1, 2], 'b': ['x', None]})";
    let events = run(&mut client, &session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let html = events
        .iter()
        .find_map(|event| match event {
            Kind::Display(d) => d.data.iter().find(|m| m.mime_type == "text/html"),
            _ => None,
        })
        .map(|m| String::from_utf8(m.data.clone()).unwrap())
        .expect("a text/html item");
    // The rows of pandas 3.1.1's _repr_html_ for this frame.
    let rows = "  <tbody>\n    <tr>\n      <th>0</th>\n      <td>1</td>\n      <td>x</td>\n    </tr>\n    <tr>\n      <th>1</th>\n      <td>2</td>\n      <td>NaN</td>\n    </tr>\n  </tbody>\n</table>\n</div>";
    assert!(html.starts_with("<div>\n<style scoped>"), "{html}");
    assert!(html.ends_with(rows), "{html}");
}

/// `prod` used to panic inside polars (a feature this build leaves out) and
/// take the session's interpreter with it.
#[tokio::test]
async fn products_print_as_pandas() {
    prints_as_pandas(
        r#"import pandas as pd
print(pd.Series([2.0, 3.0, None]).prod(), pd.Series([], dtype="float64").prod(), pd.Series([2, 5]).prod())
df = pd.DataFrame({"k": ["a", "a", "b"], "v": [2, 3, 4]})
print(df.groupby("k")["v"].prod())
"#,
        "6.0 1.0 10\nk\na    6\nb    4\nName: v, dtype: int64\n",
    )
    .await;
}

/// Keys named differently on the two sides stay two columns, as in pandas
/// (they used to be merged into the left one silently).
#[tokio::test]
async fn merges_on_differently_named_keys_keep_both_columns() {
    prints_as_pandas(
        r#"import pandas as pd
df1 = pd.DataFrame({'lkey': ['foo', 'bar', 'baz', 'foo'], 'value': [1, 2, 3, 5]})
df2 = pd.DataFrame({'rkey': ['foo', 'bar', 'baz', 'foo'], 'value': [5, 6, 7, 8]})
print(df1.merge(df2, left_on='lkey', right_on='rkey'))
a = pd.DataFrame({'k': [1, 2, 3], 'x': [10, 20, 30]})
b = pd.DataFrame({'key': [2, 3, 4], 'y': ['p', 'q', 'r']})
print(a.merge(b, left_on='k', right_on='key', how='left'))
print(a.merge(b, left_on='k', right_on='key', how='outer'))
print(pd.merge(a, b.rename(columns={'key': 'k'}), on='k', how='outer'))
"#,
        r#"  lkey  value_x rkey  value_y
0  foo        1  foo        5
1  foo        1  foo        8
2  bar        2  bar        6
3  baz        3  baz        7
4  foo        5  foo        5
5  foo        5  foo        8
   k   x  key    y
0  1  10  NaN  NaN
1  2  20  2.0    p
2  3  30  3.0    q
     k     x  key    y
0  1.0  10.0  NaN  NaN
1  2.0  20.0  2.0    p
2  3.0  30.0  3.0    q
3  NaN   NaN  4.0    r
   k     x    y
0  1  10.0  NaN
1  2  20.0    p
2  3  30.0    q
3  4   NaN    r
"#,
    )
    .await;
}
