"""Calls a running code-interpreter service from Python with the client in clients/python.

Start a server (README: `scripts/run.sh`, listening on 127.0.0.1:50051 by default), then:

    pip install ./clients/python        # or: PYTHONPATH=clients/python after generate.py
    python examples/python_client.py [ADDRESS] [--out DIR]

It uploads a CSV into a session, sums it with pandas, draws a chart of it (saved as PNG in
DIR, the current directory by default) and runs one exact computation without a session.
Exits non-zero if any cell does not end as expected.
"""

import argparse
import pathlib
import sys

from code_interpreter_client import Client

SALES = b"year,sales\n2020,120\n2021,135\n2022,128\n2023,150\n"

CHART = """
import matplotlib.pyplot as plt
import pandas as pd
df = pd.read_csv('/mnt/data/sales.csv')
falling = df['sales'].diff() < 0
plt.bar(df['year'], df['sales'], color=['tab:red' if f else 'tab:blue' for f in falling])
plt.title('Sales by year (falling years in red)')
plt.show()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", nargs="?", default="127.0.0.1:50051")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("."))
    args = parser.parse_args()

    with Client(args.address) as client:
        with client.create_session(files={"sales.csv": SALES}) as session:
            total = session.execute(
                "import pandas as pd\nint(pd.read_csv('/mnt/data/sales.csv')['sales'].sum())")
            print("total sales:", total.result)

            chart = session.execute(CHART)
            pngs = [d.data["image/png"] for d in chart.displays if "image/png" in d.data]
            for index, png in enumerate(pngs):
                path = args.out / f"sales-{index}.png"
                path.write_bytes(png)
                print("chart saved to", path)

        exact = client.execute("2**200")  # a fresh interpreter, no session
        print("2**200 =", exact.result)

    expected = total.result == 533 and chart.ok and len(pngs) == 1 and exact.result == 2**200
    return 0 if expected else 1


if __name__ == "__main__":
    sys.exit(main())
