#!/usr/bin/env python3
"""Synthetic statistical-report text for benchmarking statlint.

    gen_corpus.py DIR [--mb 64] [--seed 1]
        writes about MB mebibytes into DIR as files of about 1 MiB each,
        half Chinese (zh-NNNN.txt), half English (en-NNNN.txt).

    gen_corpus.py --long-paragraph MB FILE [--seed 1] [--lang mixed]
        writes one file of MB mebibytes holding a single paragraph with
        no sentence punctuation and no line break: thousands of figures
        that all share one paragraph.

Everything is built from the templates below with random figures: most
percentages agree with their part and whole, some are off on purpose,
and the text has PDF-like hard line wraps (sometimes between a figure
and its unit), full-width digits, 万/亿 and million/billion multipliers,
years and ordinals. The same seed gives the same bytes.
"""

import argparse
import os
import re
import random
import sys
from decimal import ROUND_HALF_UP, Decimal

MIB = 1 << 20
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
NUMBER_CHARS = set("0123456789０１２３４５６７８９.,%")


class Gen:
    """Figures and percentages drawn from one random stream."""

    def __init__(self, rng, wrong_rate):
        self.rng = rng
        self.wrong_rate = wrong_rate

    def pct(self, part, whole, places, scale=100):
        """part / whole × scale rounded to `places`, sometimes made wrong."""
        value = Decimal(part) / Decimal(whole) * scale
        step = Decimal(1).scaleb(-places)
        value = value.quantize(step, rounding=ROUND_HALF_UP)
        if self.rng.random() < self.wrong_rate:
            off = Decimal(self.rng.choice(["0.4", "1", "1", "2", "3.5", "10"]))
            value = value + off if self.rng.random() < 0.5 or value < 20 else value - off
            value = value.quantize(step)
        return f"{value:.{places}f}"

    def whole_part(self, lo, hi, share_lo=0.3, share_hi=0.99):
        whole = self.rng.randint(lo, hi)
        part = max(1, int(whole * self.rng.uniform(share_lo, share_hi)))
        return whole, part

    def dec(self, lo, hi, places=2):
        return Decimal(self.rng.uniform(lo, hi)).quantize(Decimal(1).scaleb(-places))

    def chance(self, p):
        return self.rng.random() < p


# ---------------------------------------------------------------- Chinese

ZH_PLACES = ["全县", "全市", "城关镇", "北山乡", "河西街道", "全区", "开发区", "南湖镇"]
ZH_GROUPS = ["", "60岁及以上老年人", "中小学生", "医务人员", "适龄儿童", "重点人群", "3岁以下婴幼儿"]
ZH_INDICATORS = ["规模以上工业增加值", "固定资产投资", "一般公共预算收入", "农林牧渔业总产值",
                 "金融机构存款余额", "外贸进出口总额", "旅游总收入"]
ZH_BASES = [("社会消费品零售总额", ["网上零售额", "城镇消费品零售额", "餐饮收入"]),
            ("一般公共预算支出", ["民生支出", "教育支出", "卫生健康支出"]),
            ("固定资产投资", ["工业投资", "民间投资", "基础设施投资"])]
ZH_HEADINGS = ["一、综合", "二、农业", "三、工业和建筑业", "四、固定资产投资", "五、国内贸易",
               "六、财政和金融", "七、人口", "八、卫生健康", "九、教育和科技", "十、社会保障"]


class Zh(Gen):
    def fig(self, text):
        """A figure, in full-width digits now and then."""
        text = str(text)
        return text.translate(FULLWIDTH) if self.chance(0.06) else text

    def gap(self):
        """Where a figure meets its unit: nothing, a space, or a hard wrap."""
        r = self.rng.random()
        return "\n" if r < 0.08 else (" " if r < 0.2 else "")

    def completion(self):
        w, p = self.whole_part(800, 90000, 0.6, 0.999)
        ordinal = self.rng.choice(["", "", f"第 {self.rng.randint(1, 3)}剂 ", f"第{self.rng.randint(1, 3)}剂"])
        place, group = self.rng.choice(ZH_PLACES), self.rng.choice(ZH_GROUPS)
        return (f"{place}{group}目标任务数 {self.fig(w)}{self.gap()}人，累计接种{ordinal}"
                f"{self.fig(p)}{self.gap()}剂次，完成率{self.gap().strip(' ')}{self.fig(self.pct(p, w, 2))}%。")

    def completion_wan(self):
        w = self.dec(0.5, 12.0, 2)
        p = (w * Decimal(self.rng.uniform(0.8, 1.2))).quantize(Decimal("0.01"))
        return (f"全年{self.rng.choice(['新增城镇就业', '农村劳动力转移就业', '职业技能培训'])}目标任务数"
                f"{self.fig(w)}万人，实际完成{self.fig(p)}{self.gap()}万人，完成率{self.pct(p, w, 1)}%。")

    def growth(self):
        year = self.rng.randint(2008, 2030)
        v = self.dec(1, 900, 2)
        g = self.dec(-8, 15, 1)
        word = "增长" if g >= 0 else "下降"
        return (f"{year}年{self.rng.choice(ZH_PLACES)}{self.rng.choice(ZH_INDICATORS)}{self.fig(v)}"
                f"{self.gap()}{self.rng.choice(['亿元', '万元'])}，比上年{word}{abs(g)}%。")

    def quarter(self):
        n, m = self.rng.randint(1, 4), self.rng.randint(1, 12)
        return (f"第{n}季度{self.rng.choice(ZH_INDICATORS)}同比增长{self.dec(0, 12, 1)}%，"
                f"{m}月份环比下降{self.dec(0, 5, 1)}个百分点，连续第{self.rng.randint(2, 9)}个月回落。")

    def share_of_previous(self):
        base, subs = self.rng.choice(ZH_BASES)
        w = self.dec(20, 2000, 2)
        p = (w * Decimal(self.rng.uniform(0.05, 0.7))).quantize(Decimal("0.01"))
        return (f"全年{base}{self.fig(w)}亿元，增长{self.dec(0, 12, 1)}%。其中{self.rng.choice(subs)}"
                f"{self.fig(p)}{self.gap()}亿元，占{base}的{self.pct(p, w, self.rng.choice([1, 2]))}%。")

    def share_of_named(self):
        w = self.dec(50, 5000, 2)
        p = (w * Decimal(self.rng.uniform(0.3, 0.8))).quantize(Decimal("0.01"))
        return (f"全县地区生产总值{self.fig(w)}亿元。全年民营经济增加值{self.fig(p)}亿元，增长"
                f"{self.dec(0, 10, 1)}%；民营经济占地区生产总值的比重为{self.pct(p, w, 1)}%。")

    def urbanization(self):
        w = self.dec(10, 300, 2)
        p = (w * Decimal(self.rng.uniform(0.3, 0.8))).quantize(Decimal("0.01"))
        return (f"年末常住人口{self.fig(w)}万人，其中城镇人口{self.fig(p)}万人，乡村人口{w - p}万人。"
                f"常住人口城镇化率{self.gap().strip(' ')}{self.pct(p, w, 2)}%，比上年末提高{self.dec(0, 2, 2)}个百分点。")

    def sex_ratio(self):
        f = self.rng.randint(20000, 900000)
        m = int(f * self.rng.uniform(0.95, 1.12))
        return f"男性人口{self.fig(m)}人，女性人口{self.fig(f)}人，性别比为{self.pct(m, f, 2)}:100（以女性为100）。"

    def structure(self):
        a, b, c = self.dec(5, 60, 2), self.dec(30, 300, 2), self.dec(40, 400, 2)
        gdp = a + b + c
        return (f"全年地区生产总值{self.fig(gdp)}亿元。第一产业增加值{a}亿元，第二产业增加值{b}亿元，"
                f"第三产业增加值{c}亿元。三次产业结构为{self.pct(a, gdp, 1)}:{self.pct(b, gdp, 1)}:"
                f"{self.pct(c, gdp, 1)}。")

    TEMPLATES = [completion, completion, completion, completion_wan, growth, growth, quarter,
                 share_of_previous, share_of_named, urbanization, sex_ratio, structure]

    def sentence(self):
        return self.rng.choice(self.TEMPLATES)(self)

    def paragraph(self):
        text = "".join(self.sentence() for _ in range(self.rng.randint(2, 6)))
        if self.chance(0.6):
            text = wrap_chars(text, self.rng.randint(28, 44))
        if self.chance(0.15):
            text = self.rng.choice(ZH_HEADINGS) + "\n" + text
        return text


def wrap_chars(text, width):
    """PDF-like hard wraps every `width` characters, never inside a number."""
    lines, line = [], []
    for i, ch in enumerate(text):
        if ch == "\n":
            lines.append("".join(line))
            line = []
            continue
        line.append(ch)
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if len(line) >= width and not (ch in NUMBER_CHARS and nxt in NUMBER_CHARS):
            lines.append("".join(line))
            line = []
    if line:
        lines.append("".join(line))
    return "\n".join(lines)


# ---------------------------------------------------------------- English

EN_SPLITS = [("respondents", "were women", "were men"),
             ("households surveyed", "owned their home", "rented"),
             ("pupils tested", "met the expected standard", "did not"),
             ("claims decided", "were approved", "were refused"),
             ("premises inspected", "passed on the first visit", "needed a second visit")]
EN_SUBSETS = [("forms", "were incomplete"), ("calls", "went unanswered"),
              ("samples", "failed the test"), ("patients", "were readmitted"),
              ("applications", "arrived late")]
ORD = {1: "st", 2: "nd", 3: "rd"}


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else ORD.get(n % 10, 'th')}"


class En(Gen):
    def n(self, value):
        return f"{value:,}" if value >= 1000 and self.chance(0.85) else str(value)

    def split(self):
        noun, yes, no = self.rng.choice(EN_SPLITS)
        w, p = self.whole_part(50, 250000, 0.2, 0.9)
        places = self.rng.choice([1, 1, 2])
        return (f"Of the {self.n(w)} {noun}, {self.n(p)} ({self.pct(p, w, places)}%) {yes} and "
                f"{self.n(w - p)} ({self.pct(w - p, w, places)}%) {no}.")

    def subset(self):
        noun, what = self.rng.choice(EN_SUBSETS)
        w, p = self.whole_part(100, 90000, 0.01, 0.4)
        return f"{self.n(p)} of {self.n(w)} {noun} {what} ({self.pct(p, w, 1)}%)."

    def of_total(self):
        noun, yes, _ = self.rng.choice(EN_SPLITS)
        w, p = self.whole_part(200, 60000, 0.1, 0.95)
        year = self.rng.randint(1998, 2030)
        return (f"In {year}, the {ordinal(self.rng.randint(1, 40))} year of the programme, "
                f"{self.n(p)} of the {self.n(w)} {noun} ({self.pct(p, w, 1)}%) {yes}.")

    def millions(self):
        w = self.dec(1, 90, 1)
        p = (w * Decimal(self.rng.uniform(0.2, 0.9))).quantize(Decimal("0.1"))
        return (f"Of the {w} million residents, {p} million ({self.pct(p, w, 1)}%) lived in "
                f"towns, the {ordinal(self.rng.randint(2, 12))} rise in a row.")

    def money(self):
        year = self.rng.randint(2000, 2030)
        return (f"Spending reached ${self.dec(0.5, 400, 1)} {self.rng.choice(['million', 'billion'])} in "
                f"{year}, up {self.dec(0, 15, 1)}% on {year - 1} and {self.dec(0, 9, 1)} points above the "
                f"{ordinal(self.rng.randint(1, 4))} quarter.")

    TEMPLATES = [split, split, subset, subset, of_total, millions, money]

    def sentence(self):
        return self.rng.choice(self.TEMPLATES)(self)

    def paragraph(self):
        text = " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))
        if self.chance(0.6):
            text = wrap_words(text, self.rng.randint(60, 100))
        if self.chance(0.15):
            text = f"{self.rng.randint(1, 12)}. {self.rng.choice(['Population', 'Health', 'Housing', 'Education', 'Public finance'])}\n\n{text}"
        return text


def wrap_words(text, width):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


# ---------------------------------------------------------------- output

def write_file(path, gen, size):
    """Paragraphs from `gen` until the file holds at least `size` bytes."""
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < size:
            chunk = gen.paragraph() + "\n\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
    return written


SENTENCE_PUNCT = re.compile(r"[，。；：、！？（）]|(?<!\d)[,.;:]|[,.;:](?!\d)")


def write_long_paragraph(path, mb, seed, lang, wrong_rate):
    gens = []
    if lang in ("zh", "mixed"):
        gens.append(Zh(random.Random(f"{seed}:long:zh"), wrong_rate))
    if lang in ("en", "mixed"):
        gens.append(En(random.Random(f"{seed}:long:en"), wrong_rate))
    size = int(mb * MIB)
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        i = 0
        while written < size:
            gen = gens[i % len(gens)]
            i += 1
            text = " ".join(gen.sentence() for _ in range(50))
            text = re.sub(r"\s+", " ", SENTENCE_PUNCT.sub(" ", text)) + " "
            out.write(text)
            written += len(text.encode("utf-8"))
        out.write("\n")
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", help="folder to fill with report files")
    ap.add_argument("--mb", type=float, default=64, help="total size in MiB (default 64)")
    ap.add_argument("--file-mb", type=float, default=1, help="size of each file in MiB (default 1)")
    ap.add_argument("--seed", default="1", help="random seed (default 1)")
    ap.add_argument("--wrong", type=float, default=0.15, help="share of percentages made wrong (default 0.15)")
    ap.add_argument("--long-paragraph", nargs=2, metavar=("MB", "FILE"),
                    help="write one single-paragraph file of MB MiB instead")
    ap.add_argument("--lang", choices=["zh", "en", "mixed"], default="mixed",
                    help="language of --long-paragraph text (default mixed)")
    args = ap.parse_args()

    if args.long_paragraph:
        mb, path = float(args.long_paragraph[0]), args.long_paragraph[1]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        n = write_long_paragraph(path, mb, args.seed, args.lang, args.wrong)
        print(f"wrote {n} bytes to {path}")
        return 0
    if not args.dir:
        ap.error("give a folder, or --long-paragraph MB FILE")

    os.makedirs(args.dir, exist_ok=True)
    files = max(1, round(args.mb / args.file_mb))
    size = int(args.file_mb * MIB)
    total = 0
    for i in range(files):
        lang = "zh" if i % 2 == 0 else "en"
        rng = random.Random(f"{args.seed}:{i}")
        gen = Zh(rng, args.wrong) if lang == "zh" else En(rng, args.wrong)
        total += write_file(os.path.join(args.dir, f"{lang}-{i // 2:04d}.txt"), gen, size)
    print(f"wrote {files} files, {total} bytes, to {args.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
