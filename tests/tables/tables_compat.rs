//! pandas 3.1.1 compatibility of the guest's pandas (docs/TABLES.md), through
//! the gRPC API with the real guest: each cell's stdout must equal what real
//! pandas 3.1.1 (numpy 2.3.5) printed for the same code. The expected texts
//! were produced by running the same code with the real library in a
//! throwaway venv (benches/venv.sh) and pasted here unchanged.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind};
use common::server::{client, create_session, outcome, prints_as_pandas, run};

#[tokio::test]
async fn dates_and_dtypes_print_as_pandas_3() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'a': ['x', 'y', None], 'b': [1, 2, 3], 'f': [1.0, 2.5, None]})
print(df)
print(df.dtypes)
print(df['a'])
df.info()
print(df.columns)
print(df.index)

import pandas as pd
import numpy as np
idx = pd.date_range('2024-01-01', periods=6, freq='D')
print(idx)
df = pd.DataFrame({'v': [1, 2, 3, 4, 5, 6]}, index=idx)
print(df)
print(df.index)
df2 = pd.DataFrame({'date': pd.date_range('2024-01-01', periods=4, freq='W'), 'x': np.arange(4)})
print(df2)
print(df2.dtypes)
print(df2['date'].dt.month)
print(df2['date'].dt.day_name())
print(pd.DataFrame(np.arange(6).reshape(3, 2), columns=['p', 'q']))
print(pd.DataFrame(np.array([[1.5, 2.0], [3.0, 4.25]])))
"#,
        r#"     a  b    f
0    x  1  1.0
1    y  2  2.5
2  NaN  3  NaN
a        str
b      int64
f    float64
dtype: object
0      x
1      y
2    NaN
Name: a, dtype: str
<class 'pandas.DataFrame'>
RangeIndex: 3 entries, 0 to 2
Data columns (total 3 columns):
 #   Column  Non-Null Count  Dtype  
---  ------  --------------  -----  
 0   a       2 non-null      str    
 1   b       3 non-null      int64  
 2   f       2 non-null      float64
dtypes: float64(1), int64(1), str(1)
memory usage: 204.0 bytes
Index(['a', 'b', 'f'], dtype='str')
RangeIndex(start=0, stop=3, step=1)
DatetimeIndex(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04',
               '2024-01-05', '2024-01-06'],
              dtype='datetime64[us]', freq='D')
            v
2024-01-01  1
2024-01-02  2
2024-01-03  3
2024-01-04  4
2024-01-05  5
2024-01-06  6
DatetimeIndex(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04',
               '2024-01-05', '2024-01-06'],
              dtype='datetime64[us]', freq='D')
        date  x
0 2024-01-07  0
1 2024-01-14  1
2 2024-01-21  2
3 2024-01-28  3
date    datetime64[us]
x                int64
dtype: object
0    1
1    1
2    1
3    1
Name: date, dtype: int32
0    Sunday
1    Sunday
2    Sunday
3    Sunday
Name: date, dtype: str
   p  q
0  0  1
1  2  3
2  4  5
     0     1
0  1.5  2.00
1  3.0  4.25
"#,
    )
    .await;
}

#[tokio::test]
async fn resample_fills_empty_bins_and_labels_like_pandas() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'v': range(1, 41)}, index=pd.date_range('2024-01-01', periods=40, freq='D'))
print(df.resample('ME').sum())
print(df.resample('W').mean())
print(df.resample('MS').max())
print(df.resample('10D').count())
t = pd.DataFrame({'when': pd.date_range('2024-01-01', periods=6, freq='5h'), 'x': [1, 2, 3, 4, 5, 6]})
print(t.resample('D', on='when').sum())
print(t.resample('12h', on='when').x.mean())
g = pd.DataFrame({'v': [1.0, 2.0, 3.0]}, index=pd.to_datetime(['2024-01-01', '2024-03-05', '2024-03-06']))
print(g.resample('ME').sum())
print(g.resample('ME').mean())
"#,
        r#"              v
2024-01-31  496
2024-02-29  324
               v
2024-01-07   4.0
2024-01-14  11.0
2024-01-21  18.0
2024-01-28  25.0
2024-02-04  32.0
2024-02-11  38.0
             v
2024-01-01  31
2024-02-01  40
             v
2024-01-01  10
2024-01-11  10
2024-01-21  10
2024-01-31  10
             x
when          
2024-01-01  15
2024-01-02   6
when
2024-01-01 00:00:00    2.0
2024-01-01 12:00:00    4.5
2024-01-02 00:00:00    6.0
Freq: 12h, Name: x, dtype: float64
              v
2024-01-31  1.0
2024-02-29  0.0
2024-03-31  5.0
              v
2024-01-31  1.0
2024-02-29  NaN
2024-03-31  2.5
"#,
    )
    .await;
}

#[tokio::test]
async fn several_group_keys_give_a_multiindex() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'region': ['east', 'west', 'east', 'west', 'north'], 'product': ['a', 'b', 'a', 'a', 'b'], 'units': [1, 2, 3, 4, 5], 'price': [1.5, 2.5, 3.5, 4.5, 5.5]})
print(df.groupby(['region', 'product'])['units'].sum())
print(df.groupby(['region', 'product']).sum())
print(df.groupby(['region', 'product']).agg({'units': 'sum', 'price': 'mean'}))
print(df[['region', 'units']].groupby('region').agg(['sum', 'mean']))
print(df.groupby(['region', 'product']).size())
print(df.groupby(['region', 'product'])['units'].sum().reset_index())
print(df.groupby(['region', 'product'])['units'].sum().reset_index(level='product'))
print(df.set_index(['region', 'product']).reset_index(level=0))
"#,
        r#"region  product
east    a          4
north   b          5
west    a          4
        b          2
Name: units, dtype: int64
                units  price
region product              
east   a            4    5.0
north  b            5    5.5
west   a            4    4.5
       b            2    2.5
                units  price
region product              
east   a            4    2.5
north  b            5    5.5
west   a            4    4.5
       b            2    2.5
       units     
         sum mean
region           
east       4  2.0
north      5  5.0
west       6  3.0
region  product
east    a          2
north   b          1
west    a          1
        b          1
dtype: int64
  region product  units
0   east       a      4
1  north       b      5
2   west       a      4
3   west       b      2
       product  units
region               
east         a      4
north        b      5
west         a      4
west         b      2
        region  units  price
product                     
a         east      1    1.5
b         west      2    2.5
a         east      3    3.5
a         west      4    4.5
b        north      5    5.5
"#,
    )
    .await;
}

#[tokio::test]
async fn pivot_crosstab_melt_and_dummies() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'foo': ['one', 'one', 'one', 'two', 'two', 'two'],
                   'bar': ['A', 'B', 'C', 'A', 'B', 'C'],
                   'baz': [1, 2, 3, 4, 5, 6],
                   'zoo': ['x', 'y', 'z', 'q', 'w', 't']})
print(df.pivot(index='foo', columns='bar', values='baz'))
print(pd.crosstab(df['foo'], df['bar']))
print(df.pivot_table(index='foo', columns='bar', values='baz', aggfunc='sum'))
print(df.melt(id_vars=['foo'], value_vars=['baz']))
df['baw'] = df.baz * 1.5
print(pd.melt(df, id_vars='bar', value_vars=['baz', 'baw']).tail(4))
print(pd.get_dummies(df['bar']))
print(pd.get_dummies(df[['foo', 'baz']]))
print(pd.get_dummies(df, columns=['bar'], drop_first=True))
"#,
        r#"bar  A  B  C
foo         
one  1  2  3
two  4  5  6
bar  A  B  C
foo         
one  1  1  1
two  1  1  1
bar  A  B  C
foo         
one  1  2  3
two  4  5  6
   foo variable  value
0  one      baz      1
1  one      baz      2
2  one      baz      3
3  two      baz      4
4  two      baz      5
5  two      baz      6
   bar variable  value
8    C      baw    4.5
9    A      baw    6.0
10   B      baw    7.5
11   C      baw    9.0
       A      B      C
0   True  False  False
1  False   True  False
2  False  False   True
3   True  False  False
4  False   True  False
5  False  False   True
   baz  foo_one  foo_two
0    1     True    False
1    2     True    False
2    3     True    False
3    4    False     True
4    5    False     True
5    6    False     True
   foo  baz zoo  baw  bar_B  bar_C
0  one    1   x  1.5  False  False
1  one    2   y  3.0   True  False
2  one    3   z  4.5  False   True
3  two    4   q  6.0  False  False
4  two    5   w  7.5   True  False
5  two    6   t  9.0  False   True
"#,
    )
    .await;
}

#[tokio::test]
async fn row_and_column_helpers() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'foo': ['one', 'one', 'one', 'two', 'two', 'two'],
                   'bar': ['A', 'B', 'C', 'A', 'B', 'C'],
                   'baz': [1, 2, 3, 4, 5, 6],
                   'zoo': ['x', 'y', 'z', 'q', 'w', 't']})
print(df.value_counts(['foo']))
print(df[['foo', 'bar']].value_counts())
print(df[['baz']].agg(['sum', 'min', 'max']))
print(df[['baz']].agg(['sum', 'mean']))
print(df.agg({'baz': ['sum', 'min']}))
print(df.sample(3, random_state=1))
print(df.baz.sample(2, random_state=42))
print(df.sample(frac=0.5, random_state=0))
print(df.duplicated('foo'))
print(df.duplicated(['foo'], keep='last'))
print(df.duplicated(keep=False))
print(df.baz.rank(ascending=False))
print(pd.Series([3, 1, 3, None, 2]).rank())
print(pd.Series([3, 1, 3, None, 2]).rank(method='min'))
print(df[['baz', 'baw']].T if 'baw' in df else df[['baz']].assign(h=df.baz * 0.5).T)
print(df[['baz']].T)
s = pd.Series(['a,b,c', 'd,e', None])
print(s.str.split(',', expand=True))
print(df[['baz']].clip(2, 5))
print(pd.Series([1.0, None, 3.0, None]).ffill())
print(pd.Series([1.0, None, 3.0, None]).bfill())
print(pd.DataFrame({'a': [1.0, None, 3.0], 'b': [None, 'x', None]}).ffill())
"#,
        r#"foo
one    3
two    3
Name: count, dtype: int64
foo  bar
one  A      1
     B      1
     C      1
two  A      1
     B      1
     C      1
Name: count, dtype: int64
     baz
sum   21
min    1
max    6
       baz
sum   21.0
mean   3.5
     baz
sum   21
min    1
   foo bar  baz zoo
2  one   C    3   z
1  one   B    2   y
4  two   B    5   w
0    1
1    2
Name: baz, dtype: int64
   foo bar  baz zoo
5  two   C    6   t
2  one   C    3   z
1  one   B    2   y
0    False
1     True
2     True
3    False
4     True
5     True
dtype: bool
0     True
1     True
2    False
3     True
4     True
5    False
dtype: bool
0    False
1    False
2    False
3    False
4    False
5    False
dtype: bool
0    6.0
1    5.0
2    4.0
3    3.0
4    2.0
5    1.0
Name: baz, dtype: float64
0    3.5
1    1.0
2    3.5
3    NaN
4    2.0
dtype: float64
0    3.0
1    1.0
2    3.0
3    NaN
4    2.0
dtype: float64
       0    1    2    3    4    5
baz  1.0  2.0  3.0  4.0  5.0  6.0
h    0.5  1.0  1.5  2.0  2.5  3.0
     0  1  2  3  4  5
baz  1  2  3  4  5  6
     0    1    2
0    a    b    c
1    d    e  NaN
2  NaN  NaN  NaN
   baz
0    2
1    2
2    3
3    4
4    5
5    5
0    1.0
1    1.0
2    3.0
3    3.0
dtype: float64
0    1.0
1    3.0
2    3.0
3    NaN
dtype: float64
     a    b
0  1.0  NaN
1  1.0    x
2  3.0    x
"#,
    )
    .await;
}

#[tokio::test]
async fn join_and_concat_with_keys() {
    prints_as_pandas(
        r#"import pandas as pd
left = pd.DataFrame({'a': [1, 2, 3]}, index=['x', 'y', 'z'])
right = pd.DataFrame({'b': [10, 20]}, index=['x', 'z'])
print(left.join(right))
print(left.join(right, how='inner'))
df = pd.DataFrame({'key': ['K0', 'K1', 'K2'], 'A': ['A0', 'A1', 'A2']})
other = pd.DataFrame({'B': ['B0', 'B1']}, index=['K0', 'K1'])
print(df.join(other, on='key'))
a = pd.DataFrame({'v': [1, 2]})
b = pd.DataFrame({'v': [3, 4]})
print(pd.concat([a, b], keys=['first', 'second']))
print(pd.concat({'p': a, 'q': b}))
print(pd.concat([a, b], axis=1, keys=['x', 'y']))
print(pd.concat([pd.Series([1, 2]), pd.Series([3])], keys=['s', 't']))
"#,
        r#"   a     b
x  1  10.0
y  2   NaN
z  3  20.0
   a   b
x  1  10
z  3  20
  key   A    B
0  K0  A0   B0
1  K1  A1   B1
2  K2  A2  NaN
          v
first  0  1
       1  2
second 0  3
       1  4
     v
p 0  1
  1  2
q 0  3
  1  4
   x  y
   v  v
0  1  3
1  2  4
s  0    1
   1    2
t  0    3
dtype: int64
"#,
    )
    .await;
}

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

/// `head`/`tail` with a negative n, and empty frames' labels.
#[tokio::test]
async fn negative_head_and_tail_and_empty_frames_print_as_pandas() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({'animal': ['alligator', 'bee', 'falcon', 'lion', 'monkey', 'parrot', 'shark', 'whale', 'zebra']})
print(df.head(3)); print(df.head(-3)); print(df.tail(3)); print(df.tail(-3)); print(df.head(0)); print(df.tail(0)); print(df.head(20).shape, df.tail(20).shape, df.head(-20).shape, df.tail(-20).shape)
s = df['animal']
print(s.head(-7)); print(s.tail(-7)); print(s.tail(2)); print(s.tail(0))
print(pd.DataFrame({"a b": [], "c": [], 1: []}))
print(pd.DataFrame(index=["x", "y"]))
print(pd.DataFrame(index=[]))
"#,
        r#"      animal
0  alligator
1        bee
2     falcon
      animal
0  alligator
1        bee
2     falcon
3       lion
4     monkey
5     parrot
  animal
6  shark
7  whale
8  zebra
   animal
3    lion
4  monkey
5  parrot
6   shark
7   whale
8   zebra
Empty DataFrame
Columns: [animal]
Index: []
Empty DataFrame
Columns: [animal]
Index: []
(9, 1) (9, 1) (0, 1) (0, 1)
0    alligator
1          bee
Name: animal, dtype: str
7    whale
8    zebra
Name: animal, dtype: str
7    whale
8    zebra
Name: animal, dtype: str
Series([], Name: animal, dtype: str)
Empty DataFrame
Columns: [a b, c, 1]
Index: []
Empty DataFrame
Columns: []
Index: [x, y]
Empty DataFrame
Columns: []
Index: []
"#,
    )
    .await;
}

/// `DataFrame.equals` compares dtypes and treats NaN as equal (pandas'
/// docstring examples, plus labels and shapes).
#[tokio::test]
async fn frames_compare_as_pandas_equals() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
df = pd.DataFrame({1: [10], 2: [20]})
_r = (
df
)
if _r is not None:
    print(repr(_r))
exactly_equal = pd.DataFrame({1: [10], 2: [20]})
_r = (
exactly_equal
)
if _r is not None:
    print(repr(_r))
_r = (
df.equals(exactly_equal)
)
if _r is not None:
    print(repr(_r))
different_column_type = pd.DataFrame({1.0: [10], 2.0: [20]})
_r = (
different_column_type
)
if _r is not None:
    print(repr(_r))
_r = (
df.equals(different_column_type)
)
if _r is not None:
    print(repr(_r))
different_data_type = pd.DataFrame({1: [10.0], 2: [20.0]})
_r = (
different_data_type
)
if _r is not None:
    print(repr(_r))
_r = (
df.equals(different_data_type)
)
if _r is not None:
    print(repr(_r))
df_nan1 = pd.DataFrame({"a": [1, np.nan], "b": [3, np.nan]})
df_nan2 = pd.DataFrame({"a": [1, np.nan], "b": [3, np.nan]})
_r = (
df_nan1.equals(df_nan2)
)
if _r is not None:
    print(repr(_r))
df_nan3 = pd.DataFrame({"a": [1, np.nan], "b": [3, 4]})
_r = (
df_nan1.equals(df_nan3)
)
if _r is not None:
    print(repr(_r))
print(pd.DataFrame({"a": [1, 2]}).equals(pd.DataFrame({"a": [1, 3]})))
print(pd.DataFrame({"a": [1, 2]}).equals(pd.DataFrame({"b": [1, 2]})))
print(pd.DataFrame({"a": [1, 2]}, index=[5, 6]).equals(pd.DataFrame({"a": [1, 2]})))
print(pd.DataFrame({"a": ["x", None]}).equals(pd.DataFrame({"a": ["x", None]})))
print(pd.DataFrame({"a": [1, 2]}).equals(pd.DataFrame({"a": [1, 2, 3]})))
"#,
        r#"    1   2
0  10  20
    1   2
0  10  20
True
   1.0  2.0
0   10   20
True
      1     2
0  10.0  20.0
False
True
False
False
False
False
True
False
"#,
    )
    .await;
}

#[tokio::test]
async fn pivot_blocks_counts_groups_and_multiindex() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
df = pd.DataFrame({"A": ["foo", "foo", "bar", "bar", "foo"], "B": ["one", "two", "one", "one", "one"],
                   "C": ["x", "y", "x", "y", "x"], "D": [1, 2, 3, 4, 5]})
print(pd.pivot_table(df, values="D", index=["A", "B"], columns=["C"], aggfunc="sum"))
print(pd.pivot_table(df, values="D", index=["A", "B"], columns=["C"], aggfunc="sum", fill_value=0))
print(df.value_counts(["A", "C"]))
s = pd.Series([1, 2, 3, 4], index=["a", "a", "b", "b"])
print(s.groupby(level=0).shift(1))
print(s.groupby([1, 1, 2, 2]).sum())
idx = pd.MultiIndex.from_arrays([["warm", "warm", "cold"], ["dog", "falcon", "fish"]], names=["blooded", "animal"])
print(pd.Series([4, 2, 0], name="legs", index=idx))
print(pd.Series([2, np.nan, 5, -1]).cumsum(skipna=False))
print(pd.DataFrame({"a": [1.0, np.nan], "b": [2.0, 3.0]}).cummax(axis=1))
print(pd.Series([3, 1, 3, 2, 3], index=list("vwxyz")).nlargest(2, keep="last"))
print(pd.DataFrame({"a": [np.nan, np.nan], "b": [1.5, 2.0]}))
"#,
        r#"C          x    y
A   B            
bar one  3.0  4.0
foo one  6.0  NaN
    two  NaN  2.0
C        x  y
A   B        
bar one  3  4
foo one  6  0
    two  0  2
A    C
foo  x    2
     y    1
bar  x    1
     y    1
Name: count, dtype: int64
a    NaN
a    1.0
b    NaN
b    3.0
dtype: float64
1    3
2    7
dtype: int64
blooded  animal
warm     dog       4
         falcon    2
cold     fish      0
Name: legs, dtype: int64
0    2.0
1    NaN
2    NaN
3    NaN
dtype: float64
     a    b
0  1.0  2.0
1  NaN  3.0
z    3
x    3
dtype: int64
    a    b
0 NaN  1.5
1 NaN  2.0
"#,
    )
    .await;
}

#[tokio::test]
async fn rounding_to_tens_and_pivots_of_floats() {
    prints_as_pandas(
        r#"import pandas as pd
s = pd.Series([23, 38, 25, 35, -15])
print(s.round(-1))
f = pd.Series([23.4, 38.0, 25.0, 35.0, -15.0, 1234.5])
print(f.round(-1))
print(f.round(-2))
df = pd.DataFrame({'a': [23, 38], 'b': [1.26, 2.35], 'c': ['x', 'y']})
print(df.round(-1))
print(df.round(1))
scores = pd.DataFrame({'model': ['m1', 'm1', 'm2', 'm2'], 'task': ['t1', 't2', 't1', 't2'],
                       'score': [0.5, 0.25, 0.75, 1.0]})
print(scores.pivot(index='model', columns='task', values='score'))
"#,
        r#"0    20
1    40
2    20
3    40
4   -20
dtype: int64
0      20.0
1      40.0
2      20.0
3      40.0
4     -20.0
5    1230.0
dtype: float64
0       0.0
1       0.0
2       0.0
3       0.0
4      -0.0
5    1200.0
dtype: float64
    a    b  c
0  20  0.0  x
1  40  0.0  y
    a    b  c
0  23  1.3  x
1  38  2.4  y
task     t1    t2
model            
m1     0.50  0.25
m2     0.75  1.00
"#,
    )
    .await;
}

#[tokio::test]
async fn resampled_frames_give_bin_sizes_as_a_series() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({"v": [1, 2, 3, 4, 5, 6]}, index=pd.date_range("2024-01-01", periods=6, freq="D"))
r = df.resample("2D")
print(r.sum()); print(r.size()); print(r.std()); print(r.median())
"#,
        r#"             v
2024-01-01   3
2024-01-03   7
2024-01-05  11
2024-01-01    2
2024-01-03    2
2024-01-05    2
Freq: 2D, dtype: int64
                   v
2024-01-01  0.707107
2024-01-03  0.707107
2024-01-05  0.707107
              v
2024-01-01  1.5
2024-01-03  3.5
2024-01-05  5.5
"#,
    )
    .await;
}
