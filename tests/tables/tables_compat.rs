//! pandas 3.1.1 compatibility of the guest's pandas (docs/TABLES.md), through
//! the gRPC API with the real guest: each cell's stdout must equal what real
//! pandas 3.1.1 (numpy 2.3.5) printed for the same code. The expected texts
//! were produced by running the same code with the real library in a
//! throwaway venv (benches/venv.sh) and pasted here unchanged.

use crate::common;

use common::server::prints_as_pandas;

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
