"""Writes deterministic synthetic stand-ins for the seaborn example datasets the corpus uses.

seaborn's `load_dataset` downloads from GitHub, which the corpus may not use. These CSVs have
the real datasets' column names, column order and kinds of values (categories, integers,
floats, missing values), with made-up numbers from a fixed seed and fewer rows. Both the
real-library run and the sandbox run read them with `pd.read_csv`, so both plot the same data.

Usage: python3 tests/compat/data/make_datasets.py   (stdlib only; rewrites the CSVs next to it)
"""

import csv
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write(name, columns, rows):
    with open(HERE / f"{name}.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(columns)
        for row in rows:
            out.writerow(["" if v is None else v for v in row])


def maybe(rng, value, p):
    """`value`, or missing with probability p."""
    return None if rng.random() < p else value


def tips(rng):
    days = [("Thur", "Lunch", 62), ("Fri", "Dinner", 19), ("Sat", "Dinner", 87), ("Sun", "Dinner", 76)]
    for day, time, n in days:
        for _ in range(n):
            size = rng.choice([1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 6])
            bill = round(max(3.07, rng.gauss(8 + 5 * size, 6)), 2)
            tip = round(max(1.0, bill * rng.uniform(0.08, 0.22)), 2)
            t = "Lunch" if day == "Fri" and rng.random() < 0.35 else time
            yield (bill, tip, rng.choice(["Male", "Male", "Female"]), rng.choice(["Yes", "No", "No"]),
                   day, t, size)


def penguins(rng):
    spec = {"Adelie": (152, ["Torgersen", "Biscoe", "Dream"], 38.8, 18.3, 190, 3700),
            "Chinstrap": (68, ["Dream"], 48.8, 18.4, 196, 3733),
            "Gentoo": (124, ["Biscoe"], 47.5, 15.0, 217, 5076)}
    for species, (n, islands, bl, bd, fl, bm) in spec.items():
        for i in range(n):
            sex = rng.choice(["Male", "Female"])
            k = 1 if sex == "Male" else -1
            missing = i == 3
            yield (species, islands[i % len(islands)],
                   None if missing else round(rng.gauss(bl + k * 1.5, 2.5), 1),
                   None if missing else round(rng.gauss(bd + k * 0.6, 0.9), 1),
                   None if missing else float(round(rng.gauss(fl + k * 3, 6))),
                   None if missing else float(25 * round(rng.gauss(bm + k * 300, 350) / 25)),
                   None if missing or rng.random() < 0.03 else sex)


def flights(rng):
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    season = [0.9, 0.88, 1.0, 0.97, 0.98, 1.1, 1.22, 1.21, 1.06, 0.93, 0.81, 0.91]
    for y, year in enumerate(range(1949, 1961)):
        for m, month in enumerate(months):
            yield (year, month, int(round((112 + 27 * y) * season[m] * rng.uniform(0.97, 1.03))))


def iris(rng):
    spec = {"setosa": (5.0, 3.4, 1.5, 0.2), "versicolor": (5.9, 2.8, 4.3, 1.3),
            "virginica": (6.6, 3.0, 5.6, 2.0)}
    for species, means in spec.items():
        for _ in range(50):
            yield tuple(round(max(0.1, rng.gauss(m, 0.1 + m / 12)), 1) for m in means) + (species,)


def fmri(rng):
    for subject in range(14):
        for timepoint in range(19):
            for event in ["stim", "cue"]:
                for region in ["parietal", "frontal"]:
                    amp = (0.2 if event == "stim" else 0.05) * (1.3 if region == "parietal" else 1)
                    signal = amp * math.sin(math.pi * timepoint / 12) * math.exp(-timepoint / 10)
                    yield (f"s{subject}", timepoint, event, region, round(signal + rng.gauss(0, 0.04), 6))


def titanic(rng):
    for _ in range(300):
        pclass = rng.choice([1, 2, 3, 3, 3])
        sex = rng.choice(["male", "male", "female"])
        age = maybe(rng, float(round(rng.uniform(1, 75))), 0.2)
        who = "child" if age is not None and age < 16 else ("man" if sex == "male" else "woman")
        survived = int(rng.random() < (0.75 if sex == "female" else 0.2) + (0.1 if pclass == 1 else 0))
        embarked = rng.choice(["S", "S", "S", "C", "Q"])
        deck = rng.choice("ABCDEFG") if pclass == 1 or rng.random() < 0.1 else None
        sibsp, parch = rng.choice([0, 0, 0, 1, 2]), rng.choice([0, 0, 0, 1, 2])
        yield (survived, pclass, sex, age, sibsp, parch, round(rng.uniform(5, 60) * (4 - pclass), 4),
               embarked, ["First", "Second", "Third"][pclass - 1], who, who == "man", deck,
               {"S": "Southampton", "C": "Cherbourg", "Q": "Queenstown"}[embarked],
               "yes" if survived else "no", sibsp + parch == 0)


def diamonds(rng):
    cuts = ["Ideal", "Premium", "Very Good", "Good", "Fair"]
    for _ in range(2000):
        carat = round(min(4.5, rng.lognormvariate(-0.4, 0.55)), 2)
        x = round(6.5 * carat ** (1 / 3), 2)
        yield (carat, rng.choice(cuts), rng.choice("DEFGHIJ"),
               rng.choice(["IF", "VVS1", "VVS2", "VS1", "VS2", "SI1", "SI2", "I1"]),
               round(rng.gauss(61.7, 1.4), 1), float(round(rng.gauss(57.4, 2.2))),
               int(max(326, round(3900 * carat ** 1.7 * rng.uniform(0.7, 1.3)))),
               x, round(x * rng.uniform(0.98, 1.02), 2), round(x * 0.62, 2))


def mpg(rng):
    origins = ["usa", "usa", "japan", "europe"]
    for i in range(398):
        cyl = rng.choice([4, 4, 4, 6, 8])
        weight = int(1600 + 420 * cyl + rng.gauss(0, 250))
        origin = "usa" if cyl == 8 else rng.choice(origins)
        yield (round(max(9.0, 48 - weight / 110 + rng.gauss(0, 2.5)), 1), cyl,
               float(round(40 * cyl + rng.gauss(0, 20))),
               maybe(rng, float(round(20 * cyl + rng.gauss(20, 12))), 0.015), weight,
               round(rng.gauss(15.5, 2.7), 1), 70 + i % 13, origin, f"car {origin} {i}")


def planets(rng):
    methods = ["Radial Velocity", "Radial Velocity", "Transit", "Transit", "Imaging",
               "Microlensing", "Eclipse Timing Variations"]
    for _ in range(400):
        method = rng.choice(methods)
        yield (method, rng.choice([1, 1, 1, 2, 3]),
               maybe(rng, round(10 ** rng.uniform(-0.5, 4.5), 4), 0.05),
               maybe(rng, round(10 ** rng.uniform(-2, 1.2), 3), 0.5),
               maybe(rng, round(10 ** rng.uniform(0.5, 3), 2), 0.25), rng.randint(1989, 2014))


def seaice(rng):
    for day in range(0, 3000, 10):
        year, doy = 1980 + day // 365, day % 365
        extent = 12 - 4.5 * math.cos(2 * math.pi * (doy - 60) / 365) - 0.002 * day / 10 + rng.gauss(0, 0.2)
        month, dom = 1 + doy // 31 % 12, 1 + doy % 28
        yield (f"{year}-{month:02d}-{dom:02d}", round(extent, 3))


def healthexp(rng):
    countries = {"Germany": (800, 70), "France": (600, 71), "Great Britain": (500, 70.5),
                 "Japan": (400, 72), "USA": (1000, 70.9), "Canada": (700, 72.5)}
    for year in range(1970, 2021, 2):
        for country, (base, life) in countries.items():
            t = year - 1970
            yield (year, country, round(base * math.exp(0.055 * t) * rng.uniform(0.95, 1.05), 3),
                   round(life + 0.17 * t + rng.gauss(0, 0.2), 1))


def glue(rng):
    models = [("ERNIE", "Transformer", 2019), ("T5", "Transformer", 2019), ("RoBERTa", "Transformer", 2019),
              ("BERT", "Transformer", 2018), ("BiLSTM+ELMo", "LSTM", 2018), ("BiLSTM+CoVe", "LSTM", 2017),
              ("BiLSTM+Attn", "LSTM", 2017), ("BiLSTM", "LSTM", 2017)]
    for task in ["CoLA", "SST-2", "MRPC", "STS-B", "QQP", "MNLI", "QNLI", "RTE"]:
        for rank, (model, encoder, year) in enumerate(models):
            yield (model, encoder, task, round(rng.uniform(85, 95) - 5 * rank, 1), year)


def dots(rng):
    for align in ["dots", "sacc"]:
        for choice in ["T1", "T2"]:
            for time in range(-80, 721, 40):
                for coherence in [0.0, 3.2, 6.4, 12.8, 25.6, 51.2]:
                    rate = 35 + (coherence / 4 if choice == "T1" else -coherence / 8) * max(0, time) / 400
                    yield (align, choice, time, coherence, round(rate + rng.gauss(0, 1.5), 6))


def car_crashes(rng):
    states = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
              "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
              "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
              "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"]
    for abbrev in states:
        total = round(rng.uniform(5.9, 23.9), 1)
        yield (total, round(total * rng.uniform(0.15, 0.45), 3), round(total * rng.uniform(0.2, 0.4), 3),
               round(total * rng.uniform(0.7, 0.95), 3), round(total * rng.uniform(0.75, 0.95), 3),
               round(rng.uniform(640, 1300), 2), round(rng.uniform(82, 195), 2), abbrev)


def anscombe(rng):
    xs = [10.0, 8.0, 13.0, 9.0, 11.0, 14.0, 6.0, 4.0, 12.0, 7.0, 5.0]
    for dataset in ["I", "II", "III", "IV"]:
        for x in xs:
            x2 = 8.0 if dataset == "IV" and x != 12.0 else (19.0 if dataset == "IV" else x)
            yield (dataset, x2, round(3 + 0.5 * x2 + rng.gauss(0, 1.1), 2))


def geyser(rng):
    for _ in range(272):
        long = rng.random() < 0.64
        yield (round(rng.gauss(4.3, 0.4) if long else rng.gauss(2.0, 0.3), 3),
               int(round(rng.gauss(80, 6) if long else rng.gauss(55, 6))), "long" if long else "short")


def exercise(rng):
    i = 0
    for kind, base in [("rest", 90), ("walking", 95), ("running", 100)]:
        for subject in range(10):
            diet = "no fat" if subject % 2 else "low fat"
            for step, time in enumerate(["1 min", "15 min", "30 min"]):
                pulse = base + (step * 8 if kind == "running" else step) + rng.randint(-5, 5)
                yield (i, 1 + subject + 10 * ["rest", "walking", "running"].index(kind), diet, pulse, time, kind)
                i += 1


def dowjones(rng):
    price = 100.0
    for n in range(400):
        price *= 1 + rng.gauss(0.004, 0.03)
        yield (f"{1914 + n // 12}-{1 + n % 12:02d}-01", round(price, 2))


DATASETS = {
    "tips": (["total_bill", "tip", "sex", "smoker", "day", "time", "size"], tips),
    "penguins": (["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                  "body_mass_g", "sex"], penguins),
    "flights": (["year", "month", "passengers"], flights),
    "iris": (["sepal_length", "sepal_width", "petal_length", "petal_width", "species"], iris),
    "fmri": (["subject", "timepoint", "event", "region", "signal"], fmri),
    "titanic": (["survived", "pclass", "sex", "age", "sibsp", "parch", "fare", "embarked", "class",
                 "who", "adult_male", "deck", "embark_town", "alive", "alone"], titanic),
    "diamonds": (["carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z"], diamonds),
    "mpg": (["mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration",
             "model_year", "origin", "name"], mpg),
    "planets": (["method", "number", "orbital_period", "mass", "distance", "year"], planets),
    "seaice": (["Date", "Extent"], seaice),
    "healthexp": (["Year", "Country", "Spending_USD", "Life_Expectancy"], healthexp),
    "glue": (["Model", "Encoder", "Task", "Score", "Year"], glue),
    "dots": (["align", "choice", "time", "coherence", "firing_rate"], dots),
    "car_crashes": (["total", "speeding", "alcohol", "not_distracted", "no_previous",
                     "ins_premium", "ins_losses", "abbrev"], car_crashes),
    "anscombe": (["dataset", "x", "y"], anscombe),
    "geyser": (["duration", "waiting", "kind"], geyser),
    "exercise": (["Unnamed: 0", "id", "diet", "pulse", "time", "kind"], exercise),
    "dowjones": (["Date", "Price"], dowjones),
}


def main():
    for seed, (name, (columns, rows)) in enumerate(sorted(DATASETS.items())):
        write(name, columns, rows(random.Random(1000 + seed)))


if __name__ == "__main__":
    main()
