"""The measured cell, the same source for the sandbox and native pandas: read the CSV,
filter, group by two keys, aggregate; ``result`` is the aggregated table as records."""

SOURCE = """\
df = pd.read_csv(PATH)
kept = df[(df["quantity"] >= 3) & (df["price"] < 150.0)]
grouped = kept.groupby(["region", "category"]).agg(
    revenue=("price", "sum"), units=("quantity", "sum"), orders=("order_id", "count"))
result = grouped.reset_index().to_dict("records")
"""

REGIONS = ["north", "south", "east", "west", "central", "coast", "valley", "plains"]
CATEGORIES = ["books", "games", "garden", "tools", "toys", "music", "food", "shoes", "bags",
              "paint", "lamps", "phones"]


def write_csv(path, rows, seed=42):
    """A deterministic sales CSV: order_id, region, category, quantity, price, date."""
    import random
    rng = random.Random(seed)
    with open(path, "w") as out:
        out.write("order_id,region,category,quantity,price,date\n")
        lines = []
        for i in range(rows):
            lines.append(f"{i},{rng.choice(REGIONS)},{rng.choice(CATEGORIES)},{rng.randint(1, 10)},"
                         f"{rng.randint(100, 25000) / 100},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


def normalized(records):
    """Records with floats rounded (summation order differs between engines)."""
    return [{k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()} for r in records]
