//! pandas 3.1.1's data model in the guest's pandas (docs/TABLES.md, "dtypes"), through
//! the gRPC API with the real guest: object columns (mixed values, lists, dicts),
//! Categorical and cut/qcut, timedeltas and inferred date formats, and index alignment.
//! Each cell's stdout must equal what real pandas 3.1.1 (numpy 2.3.5) printed for the
//! same code in a throwaway venv (benches/venv.sh); the expected texts are pasted
//! unchanged.

use crate::common;

use common::server::{error, prints_as_pandas, run_in_new_session};

#[tokio::test]
async fn object_columns_print_and_compute_as_pandas() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
df = pd.DataFrame({"A": ["a", 1, 2, 3], "B": [1.5, 2.5, 3.5, 4.5]})
print(df)
print(df.dtypes)
print(df.iloc[1:].infer_objects().dtypes)
s = pd.Series(["1. Ant.  ", "2. Bee!\n", np.nan, 10, True, None, [1, "x"], {"k": "v"}])
print(s)
print(len(s), s.dtype)
print(s.str.strip())
print(s.str.len())
print(s.isna().tolist())
print(s.dropna())
print(s.map(lambda v: type(v).__name__))
print(pd.Series([[1, 2, 3], "foo", [], [3, 4]]).explode())
df = pd.DataFrame({"A": [[0, 1, 2], "foo", [], [3, 4]], "B": 1, "C": [["a", "b", "c"], np.nan, [], ["d", "e"]]})
print(df.explode(list("AC")))
print(pd.Series(["-1", "1", "1000", 10, np.nan]).str.zfill(3))
print(pd.Series([["lion", "zebra"], [1.1, 2.2], ["cat", np.nan]]).str.join("-"))
print(pd.Series(["String", (1, 2, 3), 123, {1: "Hello"}]).str.get(1))
print(pd.Series(["x", "y"], dtype=object))
print(pd.DataFrame({"v": [1, "a"]}).values)
"#,
        r#"   A    B
0  a  1.5
1  1  2.5
2  2  3.5
3  3  4.5
A     object
B    float64
dtype: object
A      int64
B    float64
dtype: object
0     1. Ant.  
1     2. Bee!\n
2           NaN
3            10
4          True
5          None
6        [1, x]
7    {'k': 'v'}
dtype: object
8 object
0    1. Ant.
1    2. Bee!
2        NaN
3        NaN
4        NaN
5       None
6        NaN
7        NaN
dtype: object
0    9.0
1    8.0
2    NaN
3    NaN
4    NaN
5    NaN
6    2.0
7    1.0
dtype: float64
[False, False, True, False, False, True, False, False]
0     1. Ant.  
1     2. Bee!\n
3            10
4          True
6        [1, x]
7    {'k': 'v'}
dtype: object
0         str
1         str
2       float
3         int
4        bool
5    NoneType
6        list
7        dict
dtype: str
0      1
0      2
0      3
1    foo
2    NaN
3      3
3      4
dtype: object
     A  B    C
0    0  1    a
0    1  1    b
0    2  1    c
1  foo  1  NaN
2  NaN  1  NaN
3    3  1    d
3    4  1    e
0     -01
1     001
2    1000
3     NaN
4     NaN
dtype: object
0    lion-zebra
1           NaN
2           NaN
dtype: object
0        t
1        2
2      NaN
3    Hello
dtype: object
0    x
1    y
dtype: object
[[1]
 ['a']]
"#,
    )
    .await;
}

#[tokio::test]
async fn categoricals_cut_and_qcut_print_as_pandas() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
c = pd.Categorical(["a", "b", "c", "a", "b", "c"], ordered=True, categories=["c", "b", "a"])
print(c)
print(c.min(), c.codes, c.categories)
print(pd.Categorical([1, 2, 3, 1, 2, 3, np.nan]))
print(pd.cut(np.array([1, 7, 5, 4, 6, 3]), 3))
print(pd.cut(np.array([1, 7, 5, 4, 6, 3]), 3, labels=["bad", "medium", "good"]))
print(pd.qcut(range(5), 4))
print(pd.qcut([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 0.5, 1]))
print(pd.cut([1, 2, 3], 3, right=False))
print(repr(pd.Interval(0, 1)), pd.Interval(0.5, 1.5, closed="left"))
"#,
        r#"['a', 'b', 'c', 'a', 'b', 'c']
Categories (3, str): ['c' < 'b' < 'a']
c [2 1 0 2 1 0] Index(['c', 'b', 'a'], dtype='str')
[1, 2, 3, 1, 2, 3, NaN]
Categories (3, int64): [1, 2, 3]
[(0.994, 3.0], (5.0, 7.0], (3.0, 5.0], (3.0, 5.0], (5.0, 7.0], (0.994, 3.0]]
Categories (3, interval[float64, right]): [(0.994, 3.0] < (3.0, 5.0] < (5.0, 7.0]]
['bad', 'good', 'medium', 'medium', 'good', 'bad']
Categories (3, str): ['bad' < 'medium' < 'good']
[(-0.001, 1.0], (-0.001, 1.0], (1.0, 2.0], (2.0, 3.0], (3.0, 4.0]]
Categories (4, interval[float64, right]): [(-0.001, 1.0] < (1.0, 2.0] <
                                           (2.0, 3.0] < (3.0, 4.0]]
[(0.999, 5.5], (0.999, 5.5], (0.999, 5.5], (0.999, 5.5], (0.999, 5.5],
 (5.5, 10.0], (5.5, 10.0], (5.5, 10.0], (5.5, 10.0], (5.5, 10.0]]
Categories (2, interval[float64, right]): [(0.999, 5.5] < (5.5, 10.0]]
[[1.0, 1.667), [1.667, 2.333), [2.333, 3.002)]
Categories (3, interval[float64, left]): [[1.0, 1.667) < [1.667, 2.333) <
                                          [2.333, 3.002)]
Interval(0, 1, closed='right') [0.5, 1.5)
"#,
    )
    .await;
}

#[tokio::test]
async fn timedeltas_periods_and_inferred_dates_as_pandas() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
print(pd.to_timedelta(np.arange(3), unit="D"))
print(pd.Series(pd.to_timedelta(["1 days 02:00:00.5", "-2h", None])))
print(repr(pd.Timedelta("1 days 06:05:01.00003")), repr(pd.Timedelta(1, "D")))
idx = pd.date_range("2018-01-01 11:59", periods=3, freq="min")
print(idx.day_name())
print(idx.round("h"))
print(pd.Series(idx).dt.ceil("h"))
print(pd.date_range("2017-01-01", periods=2).to_period())
ts = pd.DataFrame({"A": [1, 2, 3, 4]}, index=pd.date_range("2018-04-09", periods=4, freq="1D20min"))
print(ts.index)
print(ts.between_time("0:45", "0:15"))
print(pd.to_datetime(pd.Series(["3/13/2000", "1/2/2001", None])))
print(pd.to_datetime(["2000", "2001"]), repr(pd.to_datetime("1 1 2016")))
print(repr(pd.Timestamp(1513393355.5, unit="s")))
"#,
        r#"TimedeltaIndex(['0 days', '1 days', '2 days'], dtype='timedelta64[us]',
               freq=None)
0     1 days 02:00:00.500000
1   -1 days +22:00:00.000000
2                        NaT
dtype: timedelta64[us]
Timedelta('1 days 06:05:01.000030') Timedelta('1 days 00:00:00')
Index(['Monday', 'Monday', 'Monday'], dtype='str')
DatetimeIndex(['2018-01-01 12:00:00', '2018-01-01 12:00:00',
               '2018-01-01 12:00:00'],
              dtype='datetime64[us]', freq=None)
0   2018-01-01 12:00:00
1   2018-01-01 12:00:00
2   2018-01-01 13:00:00
dtype: datetime64[us]
PeriodIndex(['2017-01-01', '2017-01-02'], dtype='period[D]')
DatetimeIndex(['2018-04-09 00:00:00', '2018-04-10 00:20:00',
               '2018-04-11 00:40:00', '2018-04-12 01:00:00'],
              dtype='datetime64[us]', freq='1460min')
                     A
2018-04-09 00:00:00  1
2018-04-12 01:00:00  4
0   2000-03-13
1   2001-01-02
2          NaT
dtype: datetime64[us]
DatetimeIndex(['2000-01-01', '2001-01-01'], dtype='datetime64[us]', freq=None) Timestamp('2016-01-01 00:00:00')
Timestamp('2017-12-16 03:02:35.500000')
"#,
    )
    .await;
}

#[tokio::test]
async fn series_with_other_labels_align_as_pandas() {
    prints_as_pandas(
        r#"import pandas as pd
a = pd.Series([1, 2, 3], index=["x", "y", "z"])
b = pd.Series([10, 20, 30], index=["z", "y", "w"])
print(a + b)
print(b * a)
df = pd.DataFrame({"col1": [1, 2], "col2": [3, 4]})
df.insert(0, "col0", pd.Series([5, 6], index=[1, 2]))
print(df)
df = pd.DataFrame({"v": [1, 2, 3]}, index=["a", "b", "c"])
print(df[pd.Series([False, True, True], index=["c", "b", "a"])])
df["w"] = pd.Series([7.5, 8.5], index=["c", "a"])
print(df)
try:
    a > b
except ValueError as e:
    print("ValueError:", e)
"#,
        r#"w     NaN
x     NaN
y    22.0
z    13.0
dtype: float64
w     NaN
x     NaN
y    40.0
z    30.0
dtype: float64
   col0  col1  col2
0   NaN     1     3
1   5.0     2     4
   v
a  1
b  2
   v    w
a  1  8.5
b  2  NaN
c  3  7.5
ValueError: Can only compare identically-labeled Series objects
"#,
    )
    .await;
}

/// What an object column's values cannot do on the host is refused, naming it
/// (never computed on the ids of the objects), and so are dtypes this package lacks.
#[tokio::test]
async fn object_columns_refuse_what_is_not_faithful() {
    for (code, message) in [
        ("print(s + 1)", "add of an object column"),
        ("s.sort_values()", "sorting by an object column"),
        ("df.groupby('k').size()", "grouping by an object column"),
        (
            "df.drop_duplicates()",
            "finding duplicates of an object column",
        ),
        ("df.to_csv()", "writing object columns"),
        ("pd.Series([1 + 2j])", "complex numbers"),
        (
            "print(pd.Series([1, 2]).astype('Int8'))",
            "astype(\"Int8\")",
        ),
        ("pd.Series(pd.Categorical(['a']))", "category dtype"),
        ("pd.cut(pd.Series([1, 2]), 2)", "pandas.cut of a Series"),
        ("pd.to_datetime(['1/1/2020 10:00:00+00:00'])", "time zones"),
    ] {
        let events = run_in_new_session(&format!(
            "import pandas as pd\ns = pd.Series(['a', 1, [2]])\n\
             df = pd.DataFrame({{'k': ['a', 1], 'v': [1, 2]}})\n{code}"
        ))
        .await;
        let error = error(&events);
        assert_eq!(error.ename, "NotImplementedError", "{code}: {error:?}");
        assert!(error.evalue.contains(message), "{code}: {}", error.evalue);
    }
}

/// Sized numbers keep their dtype (int8..uint64, float32) with pandas' rules for diff, shift
/// and reductions; `pd.col` expressions; `clip` per column and per row; a dict assigned as a
/// column; `melt` with tuple labels.
#[tokio::test]
async fn sized_numbers_col_expressions_and_clip_as_pandas() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]}, dtype=np.int8)
print(df.dtypes)
print(df.astype({"a": "uint16", "b": "float32"}).dtypes)
s = pd.Series([3, 1, 2], dtype="int16")
print(s + 1)
print(s.diff())
print(repr(s.max()), repr(s.sum()))
u = pd.Series([1, 0], dtype=np.uint8)
print(u.diff())
f = pd.Series([0.5, 1.25, None], dtype="float32")
print(f)
print(f.shift())
print(s.shift())
print(s.to_numpy().dtype, f.to_numpy().dtype)
print(df.groupby("a").size())
df.info()
t = pd.DataFrame({"x": [1.5, 2.0], "y": [1, 2]})
print(t.assign(z=pd.col("x") * 2 + pd.col("y")))
print(pd.col("x") * 2 + 1)
print(t.loc[pd.col("y") > 1])
c = pd.DataFrame({"a": [9, -3, 0], "b": [-2, -7, 6]})
print(c.clip([-2, -1], [4, 5]))
print(c.clip(pd.Series([2, -4, np.nan]), axis=0))
print(c.assign(k={0: 1.5, 2: 2.5, 7: 0.0}))
print(pd.melt(pd.DataFrame({("A", "D"): ["a"], ("B", "E"): [1]}), id_vars=[("A", "D")], value_vars=[("B", "E")]))
"#,
        r#"a    int8
b    int8
dtype: object
a     uint16
b    float32
dtype: object
0    4
1    2
2    3
dtype: int16
0    NaN
1   -2.0
2    1.0
dtype: float32
np.int16(3) np.int64(6)
0      NaN
1    255.0
dtype: float64
0    0.50
1    1.25
2     NaN
dtype: float32
0     NaN
1    0.50
2    1.25
dtype: float32
0    NaN
1    3.0
2    1.0
dtype: float64
int16 float32
a
1    1
2    1
3    1
dtype: int64
<class 'pandas.DataFrame'>
RangeIndex: 3 entries, 0 to 2
Data columns (total 2 columns):
 #   Column  Non-Null Count  Dtype
---  ------  --------------  -----
 0   a       3 non-null      int8 
 1   b       3 non-null      int8 
dtypes: int8(2)
memory usage: 138.0 bytes
     x  y    z
0  1.5  1  4.0
1  2.0  2  6.0
(col('x') * 2) + 1
     x  y
1  2.0  2
   a  b
0  4 -1
1 -2 -1
2  0  5
   a    b
0  9  2.0
1 -3 -4.0
2  0  6.0
   a  b    k
0  9 -2  1.5
1 -3 -7  NaN
2  0  6  2.5
  (A, D) variable_0 variable_1  value
0      a          B          E      1
"#,
    )
    .await;
}

/// `quantile` by name and with `method="table"`, of datetimes; the transpose of mixed columns
/// (object columns); `period_range` from Periods; `merge_ordered` per group with forward
/// filling; a nullable boolean mask; `resample().get_group`; object cells beside floats.
#[tokio::test]
async fn quantile_transpose_periods_and_ordered_merges_as_pandas() {
    prints_as_pandas(
        r#"import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 10, 100, 100]})
print(df.quantile(0.1))
print(df.quantile([0.1, 0.5], method="table", interpolation="nearest"))
t = pd.DataFrame({"A": [1, 2], "B": [pd.Timestamp("2010"), pd.Timestamp("2011")]})
print(t.quantile(0.5, numeric_only=False))
print(pd.DataFrame({"name": ["Alice", "Bob"], "score": [9.5, 8.0], "kids": [0, 2]}).T)
print(pd.period_range(start=pd.Period("2017Q1", freq="Q"), end=pd.Period("2017Q2", freq="Q"), freq="M"))
a = pd.DataFrame({"key": ["a", "c", "e", "a"], "lvalue": [1, 2, 3, 1], "group": ["x", "x", "x", "y"]})
b = pd.DataFrame({"key": ["b", "c"], "rvalue": [1, 2]})
print(pd.merge_ordered(a, b, fill_method="ffill", left_by="group"))
mask = pd.array([True, None], dtype="boolean")
print(repr(mask))
print(pd.DataFrame({"x": [1, 2]}).filter(cond=mask, na=True))
s = pd.Series([1, 2, 3], index=pd.DatetimeIndex(["2023-01-01", "2023-01-15", "2023-02-01"]))
print(s.resample("MS").get_group("2023-01-01"))
print(pd.Series(["abc", 1.5, None]))
"#,
        r#"a    1.3
b    3.7
Name: 0.1, dtype: float64
     a    b
0.1  1    1
0.5  3  100
A                    1.5
B    2010-07-02 12:00:00
Name: 0.5, dtype: object
           0    1
name   Alice  Bob
score    9.5  8.0
kids       0    2
PeriodIndex(['2017-03', '2017-04', '2017-05', '2017-06'], dtype='period[M]')
  key  lvalue group  rvalue
0   a       1     x     NaN
1   b       1     x     1.0
2   c       2     x     2.0
3   e       3     x     2.0
4   a       1     y     NaN
5   b       1     y     1.0
6   c       1     y     2.0
<BooleanArray>
[True, <NA>]
Length: 2, dtype: boolean
   x
0  1
1  2
2023-01-01    1
2023-01-15    2
dtype: int64
0     abc
1     1.5
2    None
dtype: object
"#,
    )
    .await;
}

/// int8/int16 differences do not wrap, a float32 Series' statistics are float32 with
/// pandas' float32 sum in the mean, and clip bounds per column that replace nothing keep the
/// column's dtype.
#[tokio::test]
async fn sized_number_differences_and_float32_statistics_as_pandas() {
    prints_as_pandas(
        r#"import numpy as np
import pandas as pd
print(pd.Series([-128, 127, -128], dtype="int8").diff())
print(pd.Series([-32768, 32767], dtype="int16").diff())
s = pd.Series([0.1, 0.2, np.nan, 0.4, 0.7], dtype="float32")
for m in (s.mean(), s.median(), s.std(), s.var(), s[:3].median()):
    print(type(m).__name__, repr(m))
df = pd.DataFrame({"a": [1, 2, 30], "b": [0.5, 3.0, 9.0]})
print(df.clip([-10.5, -1], [40, 5]))
print(df.clip([-10.5, -1], [40, 5]).dtypes)
"#,
        r#"0      NaN
1    255.0
2   -255.0
dtype: float32
0        NaN
1    65535.0
dtype: float32
float32 np.float32(0.35000002)
float32 np.float32(0.3)
float32 np.float32(0.26457512)
float32 np.float32(0.07)
float32 np.float32(0.15)
    a    b
0   1  0.5
1   2  3.0
2  30  5.0
a      int64
b    float64
dtype: object
"#,
    )
    .await;
}

#[tokio::test]
async fn timestamps_of_other_formats_parse_through_dateutil_as_in_pandas() {
    // Expected output: pandas 3.1.1's (with python-dateutil 2.9), on the same code.
    prints_as_pandas(
        r#"import pandas as pd
print(pd.Timestamp("1 1 2016"), pd.Timestamp("Jan 5, 2024"), pd.Timestamp("5 March 2023 10:30"))
print(pd.date_range("1 1 2016", periods=3, freq="D"))
try:
    pd.Timestamp("not a date")
except ValueError as e:
    print("ValueError", e)
from dateutil.relativedelta import relativedelta
print(pd.Timestamp("2024-01-31") + relativedelta(months=1))
"#,
        r#"2016-01-01 00:00:00 2024-01-05 00:00:00 2023-03-05 10:30:00
DatetimeIndex(['2016-01-01', '2016-01-02', '2016-01-03'],
              dtype='datetime64[us]', freq='D')
ValueError Unknown datetime string format, unable to parse: not a date
2024-02-29 00:00:00
"#,
    )
    .await;
}

#[tokio::test]
async fn the_dt_accessor_is_for_datetimelike_columns_only() {
    // Expected output: pandas 3.1.1's, on the same code.
    prints_as_pandas(
        r#"import pandas as pd
s = pd.Series(pd.to_datetime(["2024-01-05", "2025-03-01"]))
print(s.dt.year.tolist(), pd.Series(pd.to_timedelta(["1 days", "2 days"])).dt.days.tolist())
print(pd.Series(pd.period_range("2024-01", periods=2, freq="M")).dt.month.tolist())
try:
    pd.Series(["2024-01-05"]).dt.year
except AttributeError as e:
    print("AttributeError", e)
try:
    pd.Series([1, 2]).dt
except AttributeError as e:
    print("AttributeError", e)
"#,
        r#"[2024, 2025] [1, 2]
[1, 2]
AttributeError Can only use .dt accessor with datetimelike values
AttributeError Can only use .dt accessor with datetimelike values
"#,
    )
    .await;
}

#[tokio::test]
async fn numpy_arrays_of_sized_numbers_keep_their_dtype_in_columns() {
    // Expected output: pandas 3.1.1's, on the same code (np.array([5, 6]) is this wasm32
    // numpy's int32 default, pandas' int64).
    prints_as_pandas(
        r#"import pandas as pd, numpy as np
df = pd.DataFrame({"a": [1.5, 2.5], "s": np.array([1, 2], dtype="int8"), "f": np.array([0.5, 1], dtype="float32"), "u": np.array([3, 4], dtype=np.uint16), "i": np.array([5, 6])})
print(df.dtypes)
print((df["s"] + 1).dtype, df.sum())
print(pd.Series(np.array([1, 2], dtype="int16")).dtype)
"#,
        r#"a    float64
s       int8
f    float32
u     uint16
i      int64
dtype: object
int8 a     4.0
s     3.0
f     1.5
u     7.0
i    11.0
dtype: float64
int16
"#,
    )
    .await;
}
