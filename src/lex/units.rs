//! Word lists: multipliers, measure words and which of them count
//! discrete things. Simplified and traditional forms sit side by side.

/// Chinese multipliers, longest first.
pub const ZH_MULTIPLIERS: &[(&str, u64)] = &[
    ("万亿", 1_000_000_000_000),
    ("萬億", 1_000_000_000_000),
    ("百万", 1_000_000),
    ("百萬", 1_000_000),
    ("千万", 10_000_000),
    ("千萬", 10_000_000),
    ("亿", 100_000_000),
    ("億", 100_000_000),
    ("万", 10_000),
    ("萬", 10_000),
    ("千", 1_000),
];

/// English multipliers written as words after a space.
pub const EN_MULTIPLIERS: &[(&str, u64)] = &[
    ("trillion", 1_000_000_000_000),
    ("billion", 1_000_000_000),
    ("million", 1_000_000),
    ("thousand", 1_000),
];

/// Chinese unit words, each before any shorter unit it starts with
/// (千瓦时 before 千瓦, 人次 before 人) so that the longest matches.
pub const ZH_UNITS: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "千瓦时",
    "标准煤",
    "公顷",
    "公里",
    "千米",
    "千克",
    "人次",
    "剂次",
    "架次",
    "户次",
    "元",
    "美元",
    "人民币",
    "人",
    "家",
    "个",
    "项",
    "例",
    "户",
    "吨",
    "亩",
    "米",
    "辆",
    "套",
    "所",
    "座",
    "台",
    "件",
    "名",
    "位",
    "种",
    "类",
    "条",
    "批",
    "次",
    "张",
    "篇",
    "起",
    "只",
    "支",
    "款",
    "头",
    "床",
    "间",
    "处",
    "份",
    "部",
    "箱",
    "岁",
    "天",
    "周",
    "年",
    "小时",
    "分钟",
    "公斤",
    "斤",
    "度",
    "千瓦",
    "瓦",
    "兆瓦",
    "册",
    "点",
    "栋",
    "幢",
    "片",
    "株",
    "棵",
    "口",
    "匹",
    "羽",
    "尾",
    "省份",
    "省",
];

/// Units whose whole numbers count discrete things exactly.
pub const ZH_DISCRETE: &[&str] = &[
    "人", "人次", "剂次", "家", "个", "项", "例", "户", "户次", "辆", "套", "所", "座", "台", "件",
    "名", "位", "种", "类", "条", "批", "次", "张", "篇", "起", "只", "支", "款", "头", "床", "间",
    "处", "份", "部", "册", "栋", "幢", "株", "棵", "口", "匹", "羽", "尾", "架次",
];

pub const EN_DISCRETE: &[&str] = &[
    "case",
    "cases",
    "people",
    "persons",
    "person",
    "patients",
    "patient",
    "respondents",
    "respondent",
    "participants",
    "participant",
    "articles",
    "article",
    "papers",
    "paper",
    "women",
    "men",
    "children",
    "deaths",
    "firms",
    "companies",
    "students",
    "households",
    "countries",
    "schools",
    "hospitals",
    "adults",
    "subjects",
    "individuals",
    "studies",
    "items",
    "employees",
    "workers",
    "members",
    "births",
    "infants",
    "boys",
    "girls",
    "p-values",
    "results",
    "tests",
    "journals",
    "states",
    "cities",
    "regions",
    "sites",
];

/// Measure words a Chinese numeral may count (三家, 两个, 十二项).
pub const ZH_COUNTERS: &[&str] = &[
    "个", "家", "项", "名", "位", "种", "类", "条", "批", "所", "座", "件", "大", "支", "款", "只",
    "台", "辆", "户", "人", "方面", "部分", "方", "级", "档", "片", "处", "套", "份", "篇", "张",
    "例", "起", "届", "轮", "组", "重", "化",
];

/// English nouns that all count people: `5.6 million men` and `10
/// million people` are counts of one unit.
const PERSONS: &[&str] = &[
    "people",
    "person",
    "persons",
    "men",
    "women",
    "man",
    "woman",
    "children",
    "child",
    "boys",
    "girls",
    "adults",
    "adult",
    "patients",
    "patient",
    "participants",
    "participant",
    "respondents",
    "respondent",
    "individuals",
    "individual",
    "workers",
    "employees",
    "students",
    "members",
    "infants",
    "subjects",
    "males",
    "females",
    "male",
    "female",
];

pub fn is_discrete(unit: &str) -> bool {
    ZH_DISCRETE.contains(&unit) || EN_DISCRETE.contains(&unit.to_ascii_lowercase().as_str())
}

/// Measure words, English units and currency signs that count in the
/// same base unit; `万人` and `人` both come out as `人`.
pub fn same_unit(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let norm = |u: &str| -> String {
        let lower = u.to_ascii_lowercase();
        if PERSONS.contains(&lower.as_str()) {
            return "person".to_owned();
        }
        let u = lower.trim_end_matches('s');
        match u {
            "剂次" | "人次" => "人".to_owned(),
            other => other.to_owned(),
        }
    };
    norm(a) == norm(b)
}

/// A measure word or an English count noun statlint knows as a unit.
pub fn is_known_unit(unit: &str) -> bool {
    ZH_UNITS.contains(&unit) || is_discrete(unit)
}
