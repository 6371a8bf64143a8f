//! Tables: rows, column headers and the relations read from them.

mod common;

use common::*;

/// A retail table as PDF text puts it: one cell per line between bars,
/// the unit in the header, a row whose amount looks like a year.
const RETAIL: &str = "全市7月份社会消费品零售总额2060亿元，同比增长8.1%。其中，城镇消费品零售额1800亿元，增长7.9%；乡村消费品零售额260亿元，增长9.5%。\n\n\
指标\n|\n7月\n|\n1-7月\n|\n绝对量\n(亿元)\n|\n同比增长(%)\n|\n绝对量\n(亿元)\n|\n同比增长(%)\n|\n\
社会消费品零售总额\n|\n2060\n|\n8.1\n|\n14400\n|\n7.6\n|\n\
城镇\n|\n1800\n|\n7.9\n|\n12200\n|\n7.4\n|\n\
乡村\n|\n260\n|\n9.5\n|\n2200\n|\n9.0\n|\n\
餐饮收入\n|\n1995\n|\n6.2\n|\n12100\n|\n7.1\n|\n\
商品零售\n|\n65\n|\n9.0\n|\n2300\n|\n8.2\n|\n";

#[test]
fn a_table_cell_and_the_text_state_one_amount_in_the_headers_unit() {
    // 2060 under `绝对量(亿元)` is the text's 2060亿元; 城镇 under the total
    // is the text's 城镇消费品零售额.
    let file = json_on_stdin(RETAIL);
    let notes = fields(&file, "checks", "note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("2060亿 earlier, 2060 here")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("1800亿 earlier, 1800 here")),
        "{notes:#?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    // The table states another amount than the text: an error.
    let wrong = RETAIL.replace("城镇\n|\n1800\n|", "城镇\n|\n1880\n|");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.repeat.table".to_owned()));
}

#[test]
fn a_cell_that_looks_like_a_year_is_an_amount_of_its_row() {
    // 餐饮收入 1995 + 商品零售 65 = 2060, column by column.
    let file = json_on_stdin(RETAIL);
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.contains("1995 + 65 = 2060")),
        "{notes:#?}"
    );
    let wrong = RETAIL.replace("商品零售\n|\n65\n|", "商品零售\n|\n75\n|");
    assert!(!rules_flagged_on_stdin(&wrong).is_empty());
}

#[test]
fn each_period_column_is_its_own_breakdown() {
    // The 7月 and 1-7月 columns of the same rows add up separately.
    let notes = fields(&json_on_stdin(RETAIL), "checks", "note");
    assert!(
        notes.iter().any(|n| n.contains("12200 + 2200 = 14400")),
        "{notes:#?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("12100 + 2300 = 14400")),
        "{notes:#?}"
    );
}

/// Output and growth, in the text and in a table whose last column is
/// last year's growth.
const HARVEST: &str = "全县粮食总产量12397吨，同比增长0.5%。蔬菜产量5000吨，增长2.0%。\n\n\
指标\n|\n产量(吨)\n|\n增长(%)\n|\n上年增长(%)\n|\n\
粮食总产量\n|\n12397\n|\n0.5\n|\n1.2\n|\n\
蔬菜产量\n|\n5000\n|\n2.0\n|\n3.1\n|\n\
水果产量\n|\n800\n|\n1.5\n|\n2.2\n|\n";

#[test]
fn a_row_that_restates_the_texts_level_pins_its_growth() {
    // The text's growth is one of the row's two growth cells.
    assert!(rules_flagged_on_stdin(HARVEST).is_empty());
    // With the output restated equal, a growth matching neither cell is a
    // slip, however far from them.
    let wrong = HARVEST.replacen("增长0.5%", "增长0.8%", 1);
    assert_eq!(rules_flagged_on_stdin(&wrong), ["zh.repeat.table"]);
    // Without that anchor the text may speak of another quantity.
    let unanchored = wrong.replacen("12397吨", "12400吨", 1);
    assert!(rules_flagged_on_stdin(&unanchored).is_empty());
}

#[test]
fn a_part_row_is_compared_with_the_part_of_the_tables_whole() {
    // Two populations in one paragraph, each with an urban part; the table
    // is the registered one, so its 城镇 row restates 12.40万, not 30.10万.
    let text = "年末户籍人口40.00万人，其中城镇人口12.40万人，乡村人口27.60万人。\
年末常住人口50.00万人，其中城镇人口30.10万人，乡村人口19.90万人。\n\
指标 | 年末数(人) | 比重(%) |\n户籍人口 | 400000 | 100 |\n其中:城镇 | 124000 | 31.00 |\n乡村 | 276000 | 69.00 |\n";
    let notes = fields(&json_on_stdin(text), "checks", "note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("12.40万 earlier, 124000 here")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("27.60万 earlier, 276000 here")),
        "{notes:#?}"
    );
    assert!(rules_flagged_on_stdin(text).is_empty());
    let wrong = text.replace(
        "其中城镇人口12.40万人，乡村人口27.60万人",
        "其中城镇人口12.90万人，乡村人口27.10万人",
    );
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.repeat.table".to_owned()));
}

/// A results table as Markdown writes it: counts with their percentage
/// of the group size the header states, and fractions with theirs.
const TRIAL: &str = "| Outcome | Treatment (N = 812) | Control (N = 796) |\n\
|---|---|---|\n\
| Any event | 146 (18.0) | 173 (21.7) |\n\
| Admission | 58 (7.1) | 71 (8.9) |\n\
| Death | 12 (1.5) | 19 (2.4) |\n";

const FOLLOW_UP: &str = "| Outcome | Treatment | Control |\n\
|---|---|---|\n\
| Completed | 212/240 (88.3) | 198/236 (83.9) |\n\
| Relapsed | 31/240 (12.9) | 44/236 (18.6) |\n";

#[test]
fn a_count_and_its_percentage_are_of_the_group_size_the_header_states() {
    let file = json_on_stdin(TRIAL);
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.starts_with("146 / 812")),
        "{notes:#?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("19 / 796")),
        "{notes:#?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = TRIAL.replace("71 (8.9)", "71 (9.9)");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.ratio.table".to_owned()));
}

#[test]
fn a_fraction_cell_states_its_own_part_and_whole() {
    let file = json_on_stdin(FOLLOW_UP);
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.starts_with("212 / 240")),
        "{notes:#?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = FOLLOW_UP.replace("44/236 (18.6)", "44/236 (16.8)");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.ratio.table".to_owned()));
}

#[test]
fn a_change_column_compares_the_columns_of_the_years_it_names() {
    let table = "| 指标 | 2022年 | 2023年 | 2023年比2022年增长(%) |\n\
|---|---|---|---|\n\
| 接待游客(万人次) | 1250 | 1375 | 10.0 |\n\
| 旅游收入(亿元) | 86.4 | 95.1 | 10.1 |\n\
| 过夜游客(万人次) | 412 | 398 | -3.4 |\n";
    let file = json_on_stdin(table);
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.starts_with("1375 / 1250")),
        "{notes:#?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = table.replace("| 412 | 398 | -3.4 |", "| 412 | 398 | -4.3 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.growth.table".to_owned()));
}

#[test]
fn cells_in_a_markdown_table_do_not_spill_into_a_layout_guess() {
    // A marked table is read from its bars: the header figures (group
    // sizes) are not rows of another table.
    let file = json_on_stdin(TRIAL);
    let rules = fields(&file, "checks", "rule");
    assert!(rules.iter().all(|r| r == "en.ratio.table"), "{rules:?}");
}

#[test]
fn a_change_column_under_undated_values_takes_the_order_all_rows_agree_on() {
    // The years sit in the change header only; every row but a slip
    // agrees that the right-hand column is the later one.
    let table = "| 项目 | 上年 | 本年 | 本年比上年增长(%) |\n\
|---|---|---|---|\n\
| 接待游客 | 1250 | 1375 | 10.0 |\n\
| 旅游收入 | 86.4 | 95.1 | 10.1 |\n\
| 会展场次 | 412 | 398 | -3.4 |\n\
| 酒店入住 | 838 | 977 | 16.6 |\n";
    let file = json_on_stdin(table);
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    assert!(fields(&file, "checks", "rule").contains(&"zh.growth.table".to_owned()));
    let wrong = table.replace("| 838 | 977 | 16.6 |", "| 838 | 977 | 18.6 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.growth.table".to_owned()));
}

#[test]
fn a_line_of_one_heading_over_the_header_heads_no_single_column() {
    // `As of June 30, 2020` spans the table: it is not the date of the
    // change column, which still compares the two columns before it.
    let table = " |  | As of June 30, 2020 | \n\
(In millions) | As Reported | Without the New Standard | Effect of Change\n\
Trade receivables, net | $812 | $760 | $52\n\
Prepaid and other assets | $318 | $301 | $17\n\
Contract liabilities | $2,210 | $2,330 | $(120)\n\
Accrued liabilities | $611 | $577 | $34\n";
    let file = json_on_stdin(table);
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.contains("812 − 760 = 52")),
        "{notes:#?}"
    );
    let wrong = table.replace("| $318 | $301 | $17", "| $318 | $301 | $27");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.sum.difference".to_owned()));
}

#[test]
fn each_share_of_a_series_in_the_text_is_the_cell_its_group_heads() {
    // The sentence names the row (`fewer than five visits`, not just
    // `five visits`); the words before each bracket name its column.
    let text = "The share of people with fewer than five visits was larger among people in the east region (12.6%) and the west region (8.3%) than among people in the north region (4.1%).\n\n\
| Characteristic | North region | West region | East region |\n\
|---|---|---|---|\n\
| Fewer than five visits | 4.1 | 8.3 | 12.6 |\n\
| Five visits | 20.5 | 22.0 | 19.7 |\n\
| More than five visits | 75.4 | 69.7 | 67.7 |\n";
    let file = json_on_stdin(text);
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n.contains("8.3% earlier, 8.3 here")),
        "{notes:#?}"
    );
    // The west region's share misprinted in the text: its cell differs.
    let wrong = text.replace("west region (8.3%)", "west region (9.3%)");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.repeat.table-text".to_owned()));
}

#[test]
fn losses_in_brackets_have_no_growth_rate_to_check() {
    // Accounts print losses in brackets; a change of a loss is not the
    // growth of the figures as printed.
    let table = "| Item | 2019 | 2018 | % Change |\n\
|---|---|---|---|\n\
| Activations | 4,812 | 15,620 | (69.2%) |\n\
| Cable | (62,140) | (66,380) | 6.4% |\n\
| Fibre | 78,350 | 94,010 | (16.7%) |\n";
    assert!(rules_flagged_on_stdin(table).is_empty());
}

#[test]
fn a_set_breakdown_runs_down_one_column() {
    // Overnight and day visitors make all visitors, column by column:
    // this year's overnight visitors and last year's day visitors are not
    // parts of one total.
    let table = "| 项目 | 上年 | 本年 |\n\
|---|---|---|\n\
| 接待游客 | 1250 | 1375 |\n\
| 过夜游客 | 412 | 398 |\n\
| 一日游游客 | 838 | 977 |\n";
    let notes = fields(&json_on_stdin(table), "checks", "note");
    assert!(notes.iter().all(|n| !n.contains("398 + 838")), "{notes:#?}");
    assert!(rules_flagged_on_stdin(table).is_empty());
}

#[test]
fn a_section_laid_out_otherwise_is_read_under_the_same_header() {
    // The deaths by cause have no rate columns: their cells shift left,
    // and their percentages are still of the group sizes in the header.
    let table = "| Outcome | Treatment (N = 812) | % per yr | Control (N = 796) | % per yr |\n\
|---|---|---|---|---|\n\
| Any event | 146 (18.0) | 6.1 | 173 (21.7) | 7.4 |\n\
| Admission | 58 (7.1) | 2.4 | 71 (8.9) | 3.0 |\n\
| Death | 12 (1.5) | 0.5 | 19 (2.4) | 0.8 |\n\
| Causes of death | | | | |\n\
| Cardiac | 7 (0.9) | 11 (1.4) | | |\n\
| Other | 5 (0.6) | 8 (1.0) | | |\n";
    let notes = fields(&json_on_stdin(table), "checks", "note");
    assert!(
        notes.iter().any(|n| n.starts_with("11 / 796")),
        "{notes:#?}"
    );
    assert!(rules_flagged_on_stdin(table).is_empty());
    let wrong = table.replace("| 11 (1.4) |", "| 11 (1.9) |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.ratio.table".to_owned()));
}

#[test]
fn a_rate_column_kept_in_every_other_row_fails_where_it_is_not() {
    let table = "| 单位 | 目标(人) | 完成(人) | 完成率(%) |\n\
|---|---|---|---|\n\
| 甲镇 | 4200 | 3990 | 95.0 |\n\
| 乙镇 | 3600 | 3276 | 91.0 |\n\
| 丙镇 | 5100 | 4896 | 96.0 |\n\
| 丁镇 | 2800 | 2632 | 94.0 |\n";
    let file = json_on_stdin(table);
    assert_eq!(
        fields(&file, "checks", "rule")
            .iter()
            .filter(|r| *r == "zh.ratio.column")
            .count(),
        4
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    // Far off (61 against 91): still the column's relation, so an error.
    let wrong = table.replace("| 3276 | 91.0 |", "| 3276 | 61.0 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.ratio.column".to_owned()));
    // Two rows off: the column keeps no relation, nothing is said.
    let loose = wrong.replace("| 4896 | 96.0 |", "| 4896 | 86.0 |");
    assert!(rules_flagged_on_stdin(&loose).is_empty());
}

#[test]
fn a_total_column_is_the_sum_of_the_columns_beside_it() {
    let table = "| Region | Men | Women | Total |\n\
|---|---|---|---|\n\
| North | 412 | 388 | 800 |\n\
| South | 251 | 263 | 514 |\n\
| East | 170 | 185 | 355 |\n\
| West | 96 | 104 | 200 |\n";
    let file = json_on_stdin(table);
    assert!(fields(&file, "checks", "rule").contains(&"en.sum.column".to_owned()));
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = table.replace("| 263 | 514 |", "| 263 | 524 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.sum.column".to_owned()));
}

/// Each table check has a fixture that passes and its copy with one cell
/// wrong: (fixture name, the rule that checks it).
const TABLE_FIXTURES: &[(&str, &str)] = &[
    ("total-row", "zh.sum.table"),
    ("total-column", "en.sum.column"),
    ("percent-column", "zh.ratio.table"),
    ("shares", "zh.share-sum.table"),
    ("growth-column", "zh.growth.table"),
    ("rate-column", "zh.ratio.column"),
    ("difference-column", "en.sum.difference"),
    ("prose-repeat", "zh.repeat.table"),
];

#[test]
fn every_table_check_passes_its_fixture_and_flags_the_wrong_cell() {
    for (name, rule) in TABLE_FIXTURES {
        let pass = format!("fixtures/tables/{name}.md");
        let out = statlint()
            .args(["check", "--format", "json", &pass])
            .output()
            .expect("statlint runs");
        assert_eq!(out.status.code(), Some(0), "{pass}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let checked = fields(&json["files"][0], "checks", "rule");
        assert!(checked.iter().any(|r| r == rule), "{pass}: {checked:?}");

        let fail = format!("fixtures/tables/{name}-error.md");
        let out = statlint()
            .args(["check", "--format", "json", &fail])
            .output()
            .expect("statlint runs");
        assert_eq!(out.status.code(), Some(1), "{fail}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let flagged = fields(&json["files"][0], "diagnostics", "rule");
        assert!(flagged.iter().any(|r| r == rule), "{fail}: {flagged:?}");
    }
}

#[test]
fn a_difference_column_is_the_later_value_less_the_earlier() {
    let table = "| Item | 2019 | 2018 | Change |\n\
|---|---|---|---|\n\
| Net sales | 9,412 | 8,803 | 609 |\n\
| Cost of sales | 6,120 | 6,347 | (227) |\n\
| Gross margin | 3,292 | 2,456 | 836 |\n";
    let notes = fields(&json_on_stdin(table), "checks", "note");
    // A fall in brackets is the earlier value less the later.
    assert!(
        notes.iter().any(|n| n.contains("6,347 − 6,120 = 227")),
        "{notes:#?}"
    );
    let wrong = table.replace("| 2,456 | 836 |", "| 2,456 | 863 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.sum.difference".to_owned()));
}

/// A tourism table as bulletins print it: numbered rows whose children
/// are their parts, `其中` groups under the row above, one that ends with
/// `其他`, and a column per period with its own change column.
const TOURISM: &str = "指 标 |\n本 月 |\n同比增减% |\n1-本月累计 |\n同比增减% |\n\
一、接待游客人数(人次) |\n520400 |\n3.1 |\n1610200 |\n2.2 |\n\
1、入境游客 |\n80400 |\n5.0 |\n250200 |\n4.1 |\n\
其中:外国人 |\n30100 |\n6.2 |\n90100 |\n3.3 |\n\
香港同胞 |\n30200 |\n4.4 |\n100000 |\n4.8 |\n\
澳门同胞 |\n8100 |\n2.9 |\n25100 |\n3.9 |\n\
台湾同胞 |\n12000 |\n5.5 |\n35000 |\n4.6 |\n\
2、国内游客 |\n440000 |\n2.8 |\n1360000 |\n1.8 |\n\
二、团体出境人数(人) |\n9100 |\n-2.0 |\n28000 |\n1.5 |\n\
其中:香港 |\n3100 |\n1.1 |\n9800 |\n2.0 |\n\
澳门 |\n2900 |\n-3.0 |\n8700 |\n0.4 |\n\
其他 |\n3100 |\n-4.1 |\n9500 |\n2.1 |\n";

#[test]
fn numbered_rows_and_qizhong_groups_are_parts_of_the_rows_above() {
    let file = json_on_stdin(TOURISM);
    let notes = fields(&file, "checks", "note");
    for sum in [
        // 1、 and 2、 under 一、, in both period columns.
        "80400 + 440000 = 520400",
        "250200 + 1360000 = 1610200",
        // The four origins under 1、入境游客.
        "30100 + 30200 + 8100 + 12000 = 80400",
        // A group ending with 其他 under 二、.
        "3100 + 2900 + 3100 = 9100",
    ] {
        assert!(notes.iter().any(|n| n == sum), "{sum} in {notes:#?}");
    }
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    // The change columns are changes, not amounts to add up.
    assert!(notes.iter().all(|n| !n.contains("5.0 + 2.8")), "{notes:#?}");
    let wrong = TOURISM.replace("澳门同胞 |\n8100 |", "澳门同胞 |\n8700 |");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"zh.sum.table".to_owned()));
}

/// Revenue by line and region as a quarterly filing prints it: section
/// headings, unlabelled subtotals, a change in dollars and in percent
/// with no header saying they are changes.
const FILING: &str = "| Revenue | 2019 | 2018 | Dollars | Percent |\n\
|---|---:|---:|---:|---:|\n\
| Licenses | | | | |\n\
| East | 1,240 | 1,100 | 140 | 12.7% |\n\
| West | 815 | 900 | (85) | (9.4%) |\n\
| | 2,055 | 2,000 | 55 | 2.8% |\n\
| Services | | | | |\n\
| East | 3,310 | 3,000 | 310 | 10.3% |\n\
| West | 1,420 | 1,500 | (80) | (5.3%) |\n\
| | 4,730 | 4,500 | 230 | 5.1% |\n\
| Other | 96 | 88 | 8 | 9.1% |\n";

#[test]
fn unlabelled_rows_are_their_sections_subtotals_and_changes_are_read_from_the_rows() {
    let file = json_on_stdin(FILING);
    let notes = fields(&file, "checks", "note");
    for relation in [
        "1,240 + 815 = 2,055",
        "3,000 + 1,500 = 4,500",
        // A fall in brackets is taken off.
        "310 − 80 = 230",
        "2,055 − 2,000 = 55",
        "1,500 − 1,420 = 80",
    ] {
        assert!(
            notes.iter().any(|n| n == relation),
            "{relation} in {notes:#?}"
        );
    }
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = FILING.replace("| | 4,730 | 4,500 |", "| | 4,370 | 4,500 |");
    assert!(!rules_flagged_on_stdin(&wrong).is_empty());
    // A wrong change breaks its row's difference and its section's sum.
    let wrong = FILING.replace("| 3,000 | 310 |", "| 3,000 | 301 |");
    let flagged = rules_flagged_on_stdin(&wrong);
    assert!(
        flagged.iter().any(|r| r.starts_with("en.sum.")),
        "{flagged:?}"
    );
}

#[test]
fn a_thousands_marker_in_the_header_is_not_a_value() {
    // `$'000` over the columns: `000` is no row of figures.
    let table = " |  | 2019 | 2018\n |  | $'000 | $'000\n\
Trade receivables |  | 5,412 | 4,876\n\
Allowance for losses |  | (187) | (52)\n\
 |  | 5,225 | 4,824\n\
Other receivables |  | 6,310 | 5,947\n";
    let file = json_on_stdin(table);
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let notes = fields(&file, "checks", "note");
    assert!(
        notes.iter().any(|n| n == "5,412 − 187 = 5,225"),
        "{notes:#?}"
    );
}

/// A converted table: the title and the header on one line, the group
/// headings on lines of their own without bars.
const GROUPED: &str =
    "Table 1. Characteristics of Respondents (N = 540) Characteristic | No. (%)\n\
---|---\n\
**Age, y**\n\
18–34 | 216 (40)\n\
≥35 | 324 (60)\n\
**Gender**\n\
Woman | 297 (55)\n\
Man | 243 (45)\n";

#[test]
fn a_group_heading_without_bars_stays_inside_its_table() {
    let file = json_on_stdin(GROUPED);
    let notes = fields(&file, "checks", "note");
    // The rows under the second heading still take the header's N.
    assert!(
        notes.iter().any(|n| n.starts_with("243 / 540")),
        "{notes:#?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    let wrong = GROUPED.replace("243 (45)", "243 (48)");
    assert!(rules_flagged_on_stdin(&wrong).contains(&"en.ratio.table".to_owned()));
}
