"""A corpus of program-of-thought math programs, as models write them.

Every program defines `solution()`, whose value is the answer (GSM8K/MATH
"PoT"/PAL style): arithmetic word problems, float money and rates, exact
fractions, sympy (solve, simplify, factor, integrate, Rational), small loops
and comprehensions, combinatorics with `math`, a few that raise
(ZeroDivisionError, NameError, IndexError) and about 1% that never finish.
The corpus is deterministic: the same count and seed give the same programs.

    python3 benches/math_programs/programs.py [COUNT [INDEX]]

prints the corpus's make-up and, with INDEX, that program.
"""

import random
import sys
import textwrap
from dataclasses import dataclass

SEED = 20240611

NAMES = ["Olivia", "Liam", "Maya", "Noah", "Ava", "Ethan", "Zoe", "Lucas", "Mia", "Omar"]
ITEMS = ["apples", "pencils", "cupcakes", "stickers", "marbles", "books", "cookies", "tickets"]


@dataclass(frozen=True)
class Program:
    """One corpus program: its position, its kind (template family) and source."""

    index: int
    kind: str
    code: str


def _src(text):
    """Dedented source with one trailing newline."""
    return textwrap.dedent(text).strip("\n") + "\n"


# ---------------------------------------------------------------------------
# Arithmetic word problems (GSM8K)


def shopping(rng):
    """Money left after buying several items."""
    name, item = rng.choice(NAMES), rng.choice(ITEMS)
    money, count, price = rng.randint(40, 200), rng.randint(2, 9), rng.randint(2, 12)
    return _src(f'''
        def solution():
            """{name} has ${money}. {name} buys {count} {item} for ${price} each. How much money is left?"""
            money_initial = {money}
            {item}_bought = {count}
            {item}_cost = {price}
            money_spent = {item}_bought * {item}_cost
            money_left = money_initial - money_spent
            result = money_left
            return result
    ''')


def weekly_earnings(rng):
    """Hours times rate with overtime."""
    rate, hours, overtime = rng.randint(10, 30), rng.randint(41, 55), rng.choice([1.5, 2])
    return _src(f'''
        def solution():
            hourly_rate = {rate}
            hours_worked = {hours}
            regular_hours = 40
            overtime_hours = hours_worked - regular_hours
            overtime_rate = hourly_rate * {overtime}
            regular_pay = regular_hours * hourly_rate
            overtime_pay = overtime_hours * overtime_rate
            total_pay = regular_pay + overtime_pay
            return total_pay
    ''')


def ages(rng):
    """Ages in a few years from relations between people."""
    a, times, years = rng.randint(3, 15), rng.randint(2, 4), rng.randint(2, 10)
    name1, name2 = rng.sample(NAMES, 2)
    return _src(f'''
        def solution():
            # {name1} is {a}; {name2} is {times} times as old. Sum of their ages in {years} years?
            {name1.lower()}_age = {a}
            {name2.lower()}_age = {name1.lower()}_age * {times}
            years_later = {years}
            total = ({name1.lower()}_age + years_later) + ({name2.lower()}_age + years_later)
            return total
    ''')


def distance(rng):
    """Distance from two legs at different speeds."""
    s1, t1, s2, t2 = rng.randint(30, 70), rng.randint(1, 4), rng.randint(40, 80), rng.randint(1, 3)
    return _src(f'''
        def solution():
            speed_first = {s1}  # miles per hour
            hours_first = {t1}
            speed_second = {s2}
            hours_second = {t2}
            distance_first = speed_first * hours_first
            distance_second = speed_second * hours_second
            total_distance = distance_first + distance_second
            return total_distance
    ''')


def eggs(rng):
    """The classic leftover-eggs-sold-at-the-market problem."""
    laid, eaten, baked, price = rng.randint(12, 30), rng.randint(1, 4), rng.randint(2, 5), rng.randint(2, 4)
    return _src(f'''
        def solution():
            eggs_per_day = {laid}
            eggs_eaten = {eaten}
            eggs_baked = {baked}
            eggs_left = eggs_per_day - eggs_eaten - eggs_baked
            price_per_egg = {price}
            money_per_day = eggs_left * price_per_egg
            return money_per_day
    ''')


def classroom(rng):
    """Students split into groups, with integer division and remainder."""
    students, size = rng.randint(20, 60), rng.randint(3, 7)
    return _src(f'''
        def solution():
            students = {students}
            group_size = {size}
            full_groups = students // group_size
            students_left = students % group_size
            groups_needed = full_groups + (1 if students_left > 0 else 0)
            result = groups_needed
            return result
    ''')


def multi_step(rng):
    """Several quantities combined, with a printed intermediate."""
    boxes, per_box, broken, packs = rng.randint(3, 12), rng.randint(6, 24), rng.randint(1, 5), rng.randint(2, 6)
    return _src(f'''
        def solution():
            boxes = {boxes}
            crayons_per_box = {per_box}
            total_crayons = boxes * crayons_per_box
            broken_crayons = {broken} * boxes
            good_crayons = total_crayons - broken_crayons
            print("good crayons:", good_crayons)
            students = {packs}
            crayons_each = good_crayons // students
            return crayons_each
    ''')


# ---------------------------------------------------------------------------
# Floats: percentages, interest, geometry


def discount(rng):
    """A price after a percentage discount and sales tax."""
    price, off, tax = rng.randint(20, 400), rng.choice([10, 15, 20, 25, 30, 35]), rng.choice([5, 6, 7.5, 8, 8.25])
    return _src(f'''
        def solution():
            original_price = {price}
            discount_percent = {off}
            tax_percent = {tax}
            discounted = original_price * (1 - discount_percent / 100)
            final_price = discounted * (1 + tax_percent / 100)
            result = round(final_price, 2)
            return result
    ''')


def compound_interest(rng):
    """Compound interest, with `**` on floats."""
    principal, rate, years, n = rng.randint(500, 10000), rng.choice([2, 3, 3.5, 4, 5, 6.5]), rng.randint(2, 15), rng.choice([1, 4, 12])
    return _src(f'''
        def solution():
            principal = {principal}
            annual_rate = {rate} / 100
            years = {years}
            compounds_per_year = {n}
            amount = principal * (1 + annual_rate / compounds_per_year) ** (compounds_per_year * years)
            interest = amount - principal
            return interest
    ''')


def geometry(rng):
    """Areas and lengths with math.pi, math.sqrt and logarithms."""
    r, a, b = rng.randint(2, 20), rng.randint(3, 12), rng.randint(3, 12)
    return _src(f'''
        import math

        def solution():
            radius = {r}
            circle_area = math.pi * radius ** 2
            leg_a, leg_b = {a}, {b}
            hypotenuse = math.sqrt(leg_a ** 2 + leg_b ** 2)
            doubling_years = math.log(2) / math.log(1 + {a} / 100)
            result = circle_area + hypotenuse + math.exp(-doubling_years / {r})
            return result
    ''')


def average_speed(rng):
    """An average that is not a whole number."""
    d1, d2, s1, s2 = rng.randint(10, 90), rng.randint(10, 90), rng.randint(20, 65), rng.randint(20, 65)
    return _src(f'''
        def solution():
            distances = [{d1}, {d2}]
            speeds = [{s1}, {s2}]
            times = [d / s for d, s in zip(distances, speeds)]
            average_speed = sum(distances) / sum(times)
            return average_speed
    ''')


# ---------------------------------------------------------------------------
# Exact fractions


def recipe(rng):
    """Scaling a recipe with Fraction."""
    num, den, scale_n, scale_d = rng.randint(1, 7), rng.choice([2, 3, 4, 8]), rng.randint(2, 9), rng.choice([2, 3, 4])
    return _src(f'''
        from fractions import Fraction

        def solution():
            flour_cups = Fraction({num}, {den})
            scale = Fraction({scale_n}, {scale_d})
            sugar_cups = flour_cups / 2
            total = (flour_cups + sugar_cups) * scale
            return total
    ''')


def pizza_left(rng):
    """What fraction of a pizza is left after several people eat."""
    parts = [rng.randint(1, 3) for _ in range(3)]
    den = rng.choice([8, 10, 12, 16])
    return _src(f'''
        from fractions import Fraction

        def solution():
            slices = {den}
            eaten = [Fraction({parts[0]}, slices), Fraction({parts[1]}, slices), Fraction({parts[2]}, slices)]
            left = 1 - sum(eaten)
            return left
    ''')


def harmonic(rng):
    """A sum of unit fractions."""
    n = rng.randint(5, 30)
    return _src(f'''
        from fractions import Fraction

        def solution():
            total = sum(Fraction(1, k) for k in range(1, {n} + 1))
            return total
    ''')


def probability(rng):
    """Probability of drawing two of a color without replacement."""
    red, blue = rng.randint(2, 12), rng.randint(2, 12)
    return _src(f'''
        from fractions import Fraction

        def solution():
            red = {red}
            blue = {blue}
            total = red + blue
            p_first = Fraction(red, total)
            p_second = Fraction(red - 1, total - 1)
            result = p_first * p_second
            return result
    ''')


# ---------------------------------------------------------------------------
# sympy (MATH)


def sympy_linear(rng):
    """A linear equation with solve()."""
    a, b, c = rng.randint(2, 12), rng.randint(-20, 20), rng.randint(-50, 50)
    return _src(f'''
        from sympy import symbols, Eq, solve

        def solution():
            x = symbols('x')
            equation = Eq({a}*x + ({b}), {c})
            solutions = solve(equation, x)
            result = solutions[0]
            return result
    ''')


def sympy_quadratic(rng):
    """Roots of a quadratic, rational or with radicals."""
    p, q = rng.randint(-9, 9), rng.randint(-9, 9)
    shift = rng.choice([0, 0, 1, 2, 3])
    return _src(f'''
        import sympy as sp

        def solution():
            x = sp.Symbol('x')
            expr = (x - ({p})) * (x - ({q})) + {shift}
            roots = sp.solve(sp.expand(expr), x)
            return roots
    ''')


def sympy_system(rng):
    """A 2x2 linear system, answer from the solution dict."""
    x0, y0 = rng.randint(-10, 10), rng.randint(-10, 10)
    a, b, c, d = rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5), rng.randint(-5, -1)
    return _src(f'''
        from sympy import symbols, Eq, solve

        def solution():
            x, y = symbols('x y')
            eq1 = Eq({a}*x + {b}*y, {a * x0 + b * y0})
            eq2 = Eq({c}*x + ({d})*y, {c * x0 + d * y0})
            sol = solve((eq1, eq2), (x, y))
            result = sol[x] * sol[y] + sol[x]
            return result
    ''')


def sympy_simplify(rng):
    """simplify() of a rational expression."""
    a = rng.randint(1, 9)
    return _src(f'''
        from sympy import symbols, simplify

        def solution():
            x = symbols('x')
            expr = (x**2 - {a * a}) / (x - {a}) + (x**3 + {a}*x**2) / x**2
            result = simplify(expr)
            return result
    ''')


def sympy_factor(rng):
    """factor() of a polynomial with integer roots."""
    r1, r2, r3 = rng.randint(-6, 6), rng.randint(-6, 6), rng.randint(1, 4)
    return _src(f'''
        import sympy

        def solution():
            x = sympy.symbols('x')
            poly = sympy.expand({r3} * (x - ({r1})) * (x - ({r2})) * (x**2 + 1))
            factored = sympy.factor(poly)
            return factored
    ''')


def sympy_integrate(rng):
    """A definite (or sometimes indefinite) integral."""
    a, b, upper = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 5)
    integrand = rng.choice([f"{a}*x**2 + {b}*x", f"x*exp(-{a}*x)", f"sin(x)**2 + {b}", f"1/(x + {a})"])
    return _src(f'''
        from sympy import symbols, integrate, exp, sin

        def solution():
            x = symbols('x')
            integrand = {integrand}
            area = integrate(integrand, (x, 0, {upper}))
            return area
    ''')


def sympy_rational(rng):
    """Exact arithmetic with Rational and sqrt, then nsimplify or N."""
    p, q, r = rng.randint(1, 20), rng.randint(2, 20), rng.choice([8, 12, 18, 20, 27, 45, 50, 72])
    return _src(f'''
        from sympy import Rational, sqrt, N

        def solution():
            a = Rational({p}, {q})
            b = Rational({q}, {p + q})
            root = sqrt({r})
            exact = (a + b) * root
            return (exact, N(exact, 15))
    ''')


def sympy_series_sum(rng):
    """A closed-form sum with summation()."""
    n, k = rng.randint(10, 100), rng.randint(1, 3)
    return _src(f'''
        from sympy import symbols, summation

        def solution():
            i = symbols('i', integer=True, positive=True)
            total = summation(i**{k} + 2*i, (i, 1, {n}))
            return total
    ''')


# ---------------------------------------------------------------------------
# Small loops and comprehensions


def multiples(rng):
    """Sum of multiples below a bound."""
    a, b, n = rng.choice([3, 4, 6]), rng.choice([5, 7, 11]), rng.randint(100, 5000)
    return _src(f'''
        def solution():
            total = 0
            for n in range(1, {n}):
                if n % {a} == 0 or n % {b} == 0:
                    total += n
            return total
    ''')


def primes(rng):
    """Count the primes below a bound by trial division."""
    n = rng.randint(100, 3000)
    return _src(f'''
        def is_prime(n):
            if n < 2:
                return False
            for d in range(2, int(n ** 0.5) + 1):
                if n % d == 0:
                    return False
            return True

        def solution():
            count = len([n for n in range(2, {n}) if is_prime(n)])
            return count
    ''')


def fibonacci(rng):
    """The n-th Fibonacci number (big for large n)."""
    n = rng.randint(20, 300)
    return _src(f'''
        def solution():
            a, b = 0, 1
            for _ in range({n}):
                a, b = b, a + b
            result = a
            return result
    ''')


def digit_sums(rng):
    """Numbers whose digit sum has a property."""
    lo, hi, target = rng.randint(1, 100), rng.randint(1000, 9999), rng.randint(5, 20)
    return _src(f'''
        def solution():
            def digit_sum(n):
                return sum(int(d) for d in str(n))

            matching = [n for n in range({lo}, {hi}) if digit_sum(n) == {target}]
            return len(matching)
    ''')


def collatz(rng):
    """Steps of the Collatz sequence from a start value."""
    start = rng.randint(2, 10_000)
    return _src(f'''
        def solution():
            n = {start}
            steps = 0
            while n != 1:
                n = n // 2 if n % 2 == 0 else 3 * n + 1
                steps += 1
            return steps
    ''')


def divisors(rng):
    """Sum of the divisors of a number, as a dict of counts too."""
    n = rng.randint(100, 50_000)
    return _src(f'''
        def solution():
            n = {n}
            divs = [d for d in range(1, int(n ** 0.5) + 1) if n % d == 0]
            all_divs = sorted(set(divs + [n // d for d in divs]))
            return sum(all_divs), len(all_divs)
    ''')


# ---------------------------------------------------------------------------
# Combinatorics with math


def committees(rng):
    """Choosing a committee with math.comb."""
    men, women, k = rng.randint(4, 12), rng.randint(4, 12), rng.randint(1, 3)
    return _src(f'''
        import math

        def solution():
            men = {men}
            women = {women}
            ways = math.comb(men, {k}) * math.comb(women, {k + 1})
            return ways
    ''')


def gcd_lcm(rng):
    """Bells ringing together: lcm, and packing with gcd."""
    a, b, c = rng.randint(4, 40), rng.randint(4, 40), rng.randint(4, 40)
    return _src(f'''
        import math

        def solution():
            intervals = [{a}, {b}, {c}]
            together = math.lcm(*intervals)
            biggest_pack = math.gcd(*intervals)
            return together + biggest_pack
    ''')


def arrangements(rng):
    """Arrangements of a word with repeated letters."""
    word = rng.choice(["BANANA", "MISSISSIPPI", "BALLOON", "COMMITTEE", "LETTER", "STATISTICS"])
    return _src(f'''
        import math
        from collections import Counter

        def solution():
            word = "{word}"
            counts = Counter(word)
            ways = math.factorial(len(word))
            for c in counts.values():
                ways //= math.factorial(c)
            return ways
    ''')


def dice_probability(rng):
    """Probability of a dice sum by enumeration, as a Fraction."""
    dice, target = rng.randint(2, 4), rng.randint(5, 14)
    return _src(f'''
        import itertools
        from fractions import Fraction

        def solution():
            outcomes = list(itertools.product(range(1, 7), repeat={dice}))
            favorable = sum(1 for o in outcomes if sum(o) == {target})
            return Fraction(favorable, len(outcomes))
    ''')


# ---------------------------------------------------------------------------
# Programs that raise


def zero_division(rng):
    """An average over groups that turn out to be empty."""
    total, size = rng.randint(10, 50), rng.randint(60, 99)
    return _src(f'''
        def solution():
            total_cookies = {total}
            group_size = {size}
            groups = total_cookies // group_size
            cookies_per_group = total_cookies / groups
            return cookies_per_group
    ''')


def name_error(rng):
    """A misspelled variable."""
    price, count = rng.randint(2, 20), rng.randint(2, 20)
    return _src(f'''
        def solution():
            price_per_ticket = {price}
            tickets = {count}
            total_cost = price_per_ticket * tickets
            return total_cots
    ''')


def empty_solve(rng):
    """Taking the first real root of an equation that has none."""
    a = rng.randint(1, 20)
    return _src(f'''
        from sympy import symbols, solve

        def solution():
            x = symbols('x', real=True)
            roots = solve(x**2 + {a}, x)
            return roots[0]
    ''')


# ---------------------------------------------------------------------------
# Programs that never finish


def never_even(rng):
    """Searching for an odd multiple of an even number."""
    k = rng.choice([2, 4, 6, 8])
    return _src(f'''
        def solution():
            n = 1
            while True:
                if (n * {k}) % 2 == 1:
                    return n
                n += 1
    ''')


def wrong_step(rng):
    """A countdown whose step does not divide its start, so it steps over zero."""
    start = rng.choice([70, 110, 130, 160])
    return _src(f'''
        def solution():
            remaining = {start}
            days = 0
            while remaining != 0:
                remaining -= 6
                days += 1
            return days
    ''')


def fixed_point(rng):
    """Halving that settles on 2 instead of reaching 0."""
    start = rng.randint(50, 500)
    return _src(f'''
        def solution():
            x = {start}
            rounds = 0
            while x > 0:
                x = x // 2 + 1
                rounds += 1
            return rounds
    ''')


# ---------------------------------------------------------------------------
# The corpus

# Kind -> (share of the corpus, templates).
KINDS = {
    "arithmetic": (0.34, [shopping, weekly_earnings, ages, distance, eggs, classroom, multi_step]),
    "float": (0.08, [discount, compound_interest, geometry, average_speed]),
    "fraction": (0.10, [recipe, pizza_left, harmonic, probability]),
    "sympy": (0.15, [sympy_linear, sympy_quadratic, sympy_system, sympy_simplify, sympy_factor,
                     sympy_integrate, sympy_rational, sympy_series_sum]),
    "loop": (0.17, [multiples, primes, fibonacci, digit_sums, collatz, divisors]),
    "combinatorics": (0.12, [committees, gcd_lcm, arrangements, dice_probability]),
    "error": (0.03, [zero_division, name_error, empty_solve]),
    "forever": (0.01, [never_even, wrong_step, fixed_point]),
}


def kind_counts(count):
    """How many programs of each kind a corpus of `count` holds (at least one
    of each kind; arithmetic takes the rounding remainder)."""
    counts = {kind: max(1, round(share * count)) for kind, (share, _) in KINDS.items()}
    counts["arithmetic"] += count - sum(counts.values())
    return counts


def generate(count=1000, seed=SEED):
    """The corpus: `count` programs in a shuffled, seed-determined order."""
    rng = random.Random(seed)
    kinds = [kind for kind, n in kind_counts(count).items() for _ in range(n)]
    rng.shuffle(kinds)
    programs = []
    for index, kind in enumerate(kinds):
        templates = KINDS[kind][1]
        template = templates[rng.randrange(len(templates))]
        programs.append(Program(index, kind, template(rng)))
    return programs


def main(argv):
    """Prints the make-up of a corpus and, optionally, one program."""
    count = int(argv[1]) if len(argv) > 1 else 1000
    corpus = generate(count)
    print(", ".join(f"{kind} {n}" for kind, n in kind_counts(count).items()))
    lines = [program.code.count("\n") for program in corpus]
    print(f"{count} programs, {min(lines)}-{max(lines)} lines, {sum(map(len, (p.code for p in corpus)))} bytes")
    if len(argv) > 2:
        program = corpus[int(argv[2])]
        print(f"\n# program {program.index} ({program.kind})\n{program.code}", end="")


if __name__ == "__main__":
    main(sys.argv)
