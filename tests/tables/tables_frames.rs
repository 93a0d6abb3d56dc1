//! pandas 3.1.1 compatibility, continued (the same rule as `tables_compat`): head and tail,
//! equality, pivots, rounding and resampled sizes.

use crate::common;

use common::server::prints_as_pandas;

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
