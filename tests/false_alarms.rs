//! Readings that look like relations and are not. Each test pairs a text
//! statlint must leave alone with a close variant that is a relation and
//! does not hold, so a test fails both when the false alarm returns and
//! when the check it guards stops working.

mod common;

use common::*;

#[test]
fn an_interval_in_brackets_is_not_a_breakdown() {
    // Confidence intervals, quartiles and deviations: no parts to add.
    for text in [
        "The median stay was 12 days (IQR 8–15). Mean age was 45.2 years (SD 12.3).",
        "Of the 200 patients, 120 (60.0%; 95% CI 53.1–66.6) were women.",
        "全县住院患者平均年龄45.2岁（标准差12.3），平均住院日12天（四分位8–15天）。",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // The level of a confidence interval is no figure of the text: two
    // intervals make no restatement of `95%`.
    assert!(checked_kinds_on_stdin(
        "Among women, the adjusted odds ratio was 1.86 (95% CI, 1.12–3.09).\n\n\
         Among men, the adjusted odds ratio was 3.41 (95% CI, 1.57–7.40)."
    )
    .is_empty());
    // The share in that bracket is still checked.
    assert_eq!(
        rules_flagged_on_stdin("Of the 200 patients, 120 (61.0%; 95% CI 53.1–66.6) were women."),
        ["en.ratio.bracket"]
    );
    // A breakdown in brackets is one.
    assert_eq!(
        rules_flagged_on_stdin("We enrolled 200 patients (120 women, 90 men)."),
        ["en.sum.bracket"]
    );
}

#[test]
fn one_label_in_two_periods_is_two_quantities() {
    // The headline's 1-7月份 is the body's 1-7月份, not its 7月份.
    let monthly = "1-7月份全市规模以上工业增加值增长6.1%\n\n\
        7月份，全市规模以上工业增加值增长5.2%。1-7月份，全市规模以上工业增加值增长6.1%。";
    assert!(rules_flagged_on_stdin(monthly).is_empty());
    assert_eq!(checked_kinds_on_stdin(monthly), ["repeat"]);
    // A target and the outcome.
    assert!(rules_flagged_on_stdin(
        "全市地区生产总值预期目标增长6.5%。全年全市地区生产总值增长5.8%。"
    )
    .is_empty());
    // The same period restated with another value is a slip.
    assert_eq!(
        rules_flagged_on_stdin(
            "1-7月份全市规模以上工业增加值增长6.1%\n\n\
             1-7月份，全市规模以上工业增加值增长6.4%，比1-6月份加快0.3个百分点。"
        ),
        ["zh.repeat.headline"]
    );
}

#[test]
fn respectively_counts_values_not_their_deviations_or_signs() {
    for text in [
        "两组患者年龄分别为（45.2±3.1）岁和（46.8±2.9）岁。",
        "Mean scores in the two groups were 12.3 ± 2.1 and 13.4 ± 2.5, respectively.",
        "城镇和农村居民人均消费支出增速均为5.0%，分别为32000元和18000元。",
        // The company acts twice: its dates pair with its raises, not
        // with the purposes of the clause before.
        "为了满足汽车和家电客户的需求，公司分别于2019年、2021年和2023年完成扩产。",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // Too few values for the subjects is an error.
    assert_eq!(
        rules_flagged_on_stdin("城镇、农村居民人均可支配收入分别增长5.1%。"),
        ["zh.respectively.values"]
    );
    // 主要 is no goal, and a goal after the values' clause is another
    // clause's: neither makes one value stand for each subject.
    assert_eq!(
        rules_flagged_on_stdin(
            "城镇、农村居民人均可支配收入分别增长5.1%，主要是工资上涨，将于明年公布。"
        ),
        ["zh.respectively.values"]
    );
}

#[test]
fn words_before_a_count_are_not_always_the_things_counted() {
    for text in [
        // Verbs joined by 和 qualify the agreements counted.
        "今年新签和升级8个合作协议。",
        // Two owners of three major indices each.
        "受美国、欧洲三大股指下跌影响，市场情绪偏弱。",
        // Examples before 等.
        "联合格力、汉威等12家企业。",
        // Ordinals of a sequence, not a list.
        "First, 12 schools were visited. Second, 30 teachers were interviewed.",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // A list of the things counted must match the count.
    assert_eq!(
        rules_flagged_on_stdin("格力、汉威、思维两家企业。"),
        ["zh.count.list-then-count"]
    );
    assert_eq!(
        rules_flagged_on_stdin("格力、汉威、思维四家企业。"),
        ["zh.count.list-then-count"]
    );
}

#[test]
fn a_share_of_a_subgroup_is_not_a_share_of_the_total() {
    // 30 of the 80 industrial firms, not of all 200 firms.
    let text = "全县共有企业200家，其中工业企业80家，规模以上工业企业30家（占37.5%）。";
    assert!(rules_flagged_on_stdin(text).is_empty());
    // Its whole named, the share is checked against it.
    assert_eq!(
        rules_flagged_on_stdin(
            "全县共有企业200家，其中工业企业80家，规模以上工业企业30家，占工业企业的38.5%。"
        ),
        ["zh.ratio.named-whole"]
    );
}

#[test]
fn a_breakdown_that_may_name_only_some_parts_need_not_add_up() {
    for text in [
        // Outcomes of some of the cases, not a breakdown of them.
        "新增确诊病例50例，其中出院20例、死亡3例。",
        "新增确诊病例50例（出院20例、死亡3例）。",
        // Parts that are not a complementary set.
        "全市共有医院120家，其中公立医院45家，民营医院60家。",
        // Main sources only.
        "全市外贸进出口总额1000亿元，主要出口市场为美国300亿元、欧盟200亿元。",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // Urban and rural make the whole.
    assert_eq!(
        rules_flagged_on_stdin("年末常住人口80.00万人，其中城镇人口50.00万人，乡村人口31.00万人。"),
        ["zh.sum.set"]
    );
}

#[test]
fn details_inside_a_breakdown_are_not_parts() {
    // A figure later in a list element qualifies that element's part; the
    // statistics after a semicolon in brackets describe the same people.
    let clean = "A total of 30 patients were excluded: 18 patients missed at least 2 visits, \
        9 patients withdrew, and 3 patients moved away. \
        We enrolled 80 patients (50 women, 30 men; mean age = 52.1; SD = 9.8). \
        The remaining 50 patients (24 in the early arm, 26 in the late arm) were analysed. \
        Scores were higher in the early arm (M = 4.1, SD = 1.2) than in the late arm.";
    assert!(rules_flagged_on_stdin(clean).is_empty());
    assert_eq!(checked_kinds_on_stdin(clean), ["sum", "sum", "sum"]);
    let wrong = clean
        .replace("3 patients moved", "4 patients moved")
        .replace("30 men;", "31 men;")
        .replace("26 in the late", "27 in the late");
    let mut flagged = rules_flagged_on_stdin(&wrong);
    flagged.sort();
    assert_eq!(
        flagged,
        ["en.sum.bracket", "en.sum.bracket", "en.sum.colon-list"]
    );
}

#[test]
fn a_parts_own_sublist_is_checked_only_where_it_clearly_ends() {
    let nested = "本土病例20例（甲省12例，其中A市8例、B市4例；乙省8例，均在C市）。";
    assert!(rules_flagged_on_stdin(nested).is_empty());
    assert_eq!(checked_kinds_on_stdin(nested), ["sum", "sum"]);
    assert_eq!(
        rules_flagged_on_stdin(&nested.replace("B市4例", "B市5例")),
        ["zh.sum.bracket"]
    );
    // Without a semicolon the list may go back to the provinces after a
    // comma: the sublist is left alone, and so is the outer list.
    let open = "本土病例20例（甲省12例，其中A市8例、B市4例，乙省8例）。";
    assert!(rules_flagged_on_stdin(open).is_empty());
    // 等 says the sublist names only some.
    assert!(
        rules_flagged_on_stdin("本土病例20例（甲省12例，其中A市8例、B市2例等；乙省8例）。")
            .is_empty()
    );
}

#[test]
fn a_label_stated_twice_is_one_quantity_only_when_its_statement_is_restated() {
    // The section restates the lead's level and growth: a slip in either is
    // found, however far from the other value.
    let lead = "前三季度，全区第一产业实现增加值64.83亿元，同比增长3.8%。\n\n\
        一、农业\n\n前三季度全区实现第一产业增加值64.83亿元，同比增长3.8%。";
    assert!(rules_flagged_on_stdin(lead).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&lead.replacen("同比增长3.8%。\n\n一", "同比增长6.8%。\n\n一", 1)),
        ["zh.repeat.same-label"]
    );
    assert_eq!(
        rules_flagged_on_stdin(
            &lead.replace("实现第一产业增加值64.83亿元", "实现第一产业增加值77.69亿元")
        ),
        ["zh.repeat.same-label"]
    );
    // One label with nothing else restated may be two quantities (two
    // groups' outcomes, each with its odds ratio and interval).
    let groups = "Among women, the adjusted odds ratio was 1.86 (95% CI, 1.12–3.09).\n\n\
        Among men, the adjusted odds ratio was 3.41 (95% CI, 1.57–7.40).";
    assert!(rules_flagged_on_stdin(groups).is_empty());
}

#[test]
fn an_identity_holds_between_levels_not_between_their_growth_rates() {
    // 贸易顺差 = 出口 − 进口 for the amounts; their growth rates do not
    // subtract.
    let trade =
        "出口8.62万亿元，增长5.3%；进口6.15万亿元，增长2.8%；贸易顺差2.47万亿元，扩大12.1%。";
    assert!(rules_flagged_on_stdin(trade).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&trade.replace("顺差2.47万亿元", "顺差2.77万亿元")),
        ["zh.sum.identity"]
    );
    // A member the text says there is none of counts as zero; none of
    // the new ones says nothing of the cumulative count.
    let none = "现有确诊病例214例。累计确诊病例7358例，累计治愈出院病例7144例，无死亡病例。";
    assert!(rules_flagged_on_stdin(none).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&none.replace("7358例", "7458例")),
        ["zh.sum.identity"]
    );
    assert!(rules_flagged_on_stdin(
        &none
            .replace("9637例", "9737例")
            .replace("无死亡", "无新增死亡")
    )
    .is_empty());
    // A difference is small beside its terms: a slip is reported however
    // far it is from the difference.
    let births = "人口出生率7.84‰，死亡率6.12‰，自然增长率1.72‰。";
    assert!(rules_flagged_on_stdin(births).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&births.replace("1.72‰", "4.72‰")),
        ["zh.sum.identity"]
    );
}

#[test]
fn numbers_that_name_list_items_are_not_their_sizes() {
    for text in [
        "Income was dichotomized into 2 levels: 1) poor and 2) rich.",
        "Two tests (Test 1 and Test 2, before and after training) were run.",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // A small count spelled out in brackets is checked however large a
    // share of it the slip is.
    assert_eq!(
        rules_flagged_on_stdin("本土病例6例（甲市4例、乙市5例）。"),
        ["zh.sum.bracket"]
    );
}

#[test]
fn a_restatement_to_the_same_precision_prints_the_same_digits() {
    // 4.7 and 4.6 both round from 4.65, but one quantity printed twice to
    // one decimal reads the same both times.
    let text = "Retail sales rose 4.7% in March\n\n\
        Retail sales rose 4.7% in March compared with February, the statistics office said today in its monthly release.";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(checked_kinds_on_stdin(text), ["repeat"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("4.7%", "4.6%", 1)),
        ["en.repeat.headline"]
    );
}

#[test]
fn a_one_word_headline_is_the_leads_first_figure_of_its_kind() {
    // `from last year` is the base of the headline's fall, not its period;
    // the lead's first fall names the same thing.
    let text = "Burglaries down 40 percent from last year, police say\n\n\
        There have been 15 burglaries this year in the district. At this time last year, \
        there were 25, meaning burglaries are down by 40 percent so far this year.\n\n\
        Thefts are down by 12 percent over the same period, the department said in a statement.";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert!(checked_kinds_on_stdin(text).contains(&"repeat".to_owned()));
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("down 40 percent", "down 45 percent", 1)),
        ["en.repeat.headline"]
    );
    // The next fall, of another thing, is not the headline's.
    let other = text.replacen("Burglaries down 40", "Thefts down 40", 1);
    assert!(rules_flagged_on_stdin(&other).is_empty());
}

#[test]
fn numerals_in_words_are_not_restated_statistics() {
    // 三 of one phrase and 三 of another under a label alike are counts of
    // different things, not one statistic printed twice.
    assert!(checked_kinds_on_stdin(
        "全面落实完全坚持三项原则的要求。\n\n在第二阶段，全面落实完全坚持三项原则的要求。"
    )
    .iter()
    .all(|k| k != "repeat"));
}

#[test]
fn a_count_and_a_colon_in_the_next_table_cell_are_two_cells() {
    assert!(rules_flagged_on_stdin(
        "| kind | files | notes |\n| --- | --- | --- |\n| releases | 11 | page excerpts: run-together words, dropped figures, flattened tables, spaced lines |\n"
    )
    .is_empty());
    // In prose the count heads its list.
    assert_eq!(
        rules_flagged_on_stdin("We visited 11 sites: Alba, Brea, Cora and Dane."),
        ["en.count.count-then-list"]
    );
}

#[test]
fn a_headline_approximation_holds_within_a_unit_of_its_last_digit() {
    let text = "Homicides Rose By Almost 11 Percent In 61 Cities\n\n\
        The responses suggest that the overall homicide count in the cities rose by 10.7 percent, according to the report.";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("Almost 11 Percent", "Almost 13 Percent")),
        ["en.repeat.headline"]
    );
}

#[test]
fn a_rate_before_a_change_word_is_a_change_and_a_multiple_is_no_whole() {
    // `representing a record 17.3% year-over-year increase`: a rise, not
    // a share of `record`, and `five times` (a multiple) is no amount.
    let text = "Core earnings for the quarter were $0.89 per share, representing a record \
        17.3% year-over-year increase. Fixed charge coverage was a record five times.";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // The same words with a share of an amount are checked.
    assert_eq!(
        rules_flagged_on_stdin(
            "Exports were $0.89 billion, representing 17.3% of the record. \
             The record was $5.00 billion."
        ),
        ["en.ratio.named-whole"]
    );
}

#[test]
fn a_clause_opener_or_a_copulas_participle_is_no_label() {
    // `when compared with … to reach $5.3 billion` is named by what rose;
    // `imported goods were valued at $4.9 billion` by the goods (imports).
    let text = "Exports rose $512 million when compared with May 2022 to reach $5.3 billion in May 2023.\n\n\
        In May 2023, imported goods were valued at $4.9 billion.\n";
    let output = statlint()
        .args(["figures", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let listing = stdout_text(&output);
    assert!(listing.contains("label=\"imports\""), "{listing}");
    assert!(!listing.contains("label=\"when\""), "{listing}");
    assert!(!listing.contains("label=\"valued\""), "{listing}");
}

#[test]
fn a_quarter_named_after_its_figure_is_not_the_full_year() {
    // Both fell 3%: equal companions, but a quarter's revenue and the
    // year's are two quantities.
    let text = "Total license revenue was $152 million in the fourth quarter, which is a decrease \
        of 3% from the prior year period.\n\n\
        Total license revenue for the full year in 2021 decreased 3% year over year to $594 million.";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // Two statements of the quarter are still compared.
    let quarter = text.split("\n\n").next().unwrap();
    let twice = format!(
        "{quarter}\n\nIn the fourth quarter, total license revenue was $162 million, a decrease of 3%."
    );
    assert_eq!(rules_flagged_on_stdin(&twice), ["en.repeat.same-label"]);
}

#[test]
fn one_template_under_two_headings_is_two_subjects() {
    let section = |name: &str, value: &str| {
        format!("{name}\n\n2023年1—12月，全县规模以上工业企业累计实现营业收入{value}亿元，生产保持平稳。\n\n")
    };
    let text = format!(
        "{}{}",
        section("一、甲县", "120.5"),
        section("二、乙县", "112.3")
    );
    assert!(severities_on_stdin(&text).is_empty());
}

#[test]
fn a_colon_after_a_count_in_passing_lists_something_else() {
    // The colon lists conditions, not the 2 centers.
    let text = "The pattern is similar to that of a study at 2 community health centers in \
                Georgia: endocrine and metabolic disorders (86.0% vs 64.3%), circulatory \
                diseases (79.3% vs 48.8%), and mental disorders (25.3% vs 20.9%).";
    assert!(severities_on_stdin(text).is_empty());
}

#[test]
fn shares_of_a_sectors_parts_in_a_larger_whole_need_not_make_100() {
    // Industry and construction make the secondary sector, not GDP: their
    // shares of GDP add up to the sector's share.
    assert!(checked_kinds_on_stdin(
        "工业增长4.0%，占生产总值的比重为30.0%；建筑业增长2.0%，占生产总值的比重为10.0%。"
    )
    .is_empty());
    // The three sectors do make GDP.
    assert_eq!(
        rules_flagged_on_stdin(
            "第一产业增长3.0%，占生产总值的比重为10.2%；第二产业增长5.0%，\
             占生产总值的比重为40.1%；第三产业增长6.0%，占生产总值的比重为50.7%。"
        ),
        ["zh.share-sum.pair"]
    );
}

#[test]
fn a_count_with_its_own_share_is_no_total_for_later_brackets() {
    // 40 is a part (25.0% of something); the 10 (20%) that follows is a
    // share of the 50 teachers the sentence before names.
    assert_silent_then_flagged(
        "A total of 40 (25.0%) pupils walked. Thirty (60%) of the 50 teachers drove; 10 (20%) cycled.",
        "A total of 40 (25.0%) pupils walked. Thirty (60%) of the 50 teachers drove; 10 (25%) cycled.",
        "en.ratio.bracket",
    );
}

#[test]
fn a_year_over_a_table_column_is_no_total_that_a_list_makes() {
    // `2018` heads a column; `allocated to` opens the rows, not a list of
    // the year's parts.
    let table = " | December 31, | \n(In millions) | 2021 | 2020\nAssets allocated to divisions:(1) |  | \n\
        Packaging | $ 1,480.2 | $ 1,391.6\nProtective | 2,307.5 | 2,296.0\n\
        Assets not allocated: |  | \nCash and equivalents | 450.1 | 402.3\n";
    // In prose, a total that its parts are said to make is checked.
    assert_silent_then_flagged(
        table,
        "The $720 million offering, consisting of $420 million of senior notes and $310 million of junior notes, closed in May.",
        "en.sum.colon-list",
    );
}

#[test]
fn a_rate_after_two_levels_may_be_of_either() {
    // 10 million more is 9.5% of the users and 12.5% of the records: the
    // text does not say which grew by 9%.
    // One level before the rate: its growth is checked.
    assert_silent_then_flagged(
        "The register reached 115 million users and 90 million records, an increase of 9% or 10 million from a year ago.",
        "The register reached 90 million records, an increase of 9% or 10 million from a year ago.",
        "en.growth.increment",
    );
}

#[test]
fn a_share_of_a_part_named_apart_from_its_total_is_only_a_reading() {
    // 权益地价 is taken out of 拿地金额 but names another quantity: its
    // 占比 may be of something else (the company's equity share).
    let text = "全年拿地金额812亿元，其中权益地价437亿元，权益占比63.8%。";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        checked_kinds_on_stdin("全年拿地金额812亿元，其中权益地价437亿元，权益占比53.8%。"),
        ["ratio"]
    );
    // A share that names nothing of its own is of that total.
    assert_eq!(
        rules_flagged_on_stdin("全年新登记市场主体15.6万户，其中个体工商户11.2万户（占比76.8%）。"),
        ["zh.ratio.named-whole"]
    );
    // A part whose name extends its total's: the share is of that total.
    assert_eq!(
        rules_flagged_on_stdin("全年资本开支690亿元，其中网络资本开支339亿元，占比52.1%。"),
        ["zh.ratio.named-whole"]
    );
}

#[test]
fn points_after_a_comparison_compare_only_the_rate_it_leads_to() {
    // 4.6% is this year's growth (比上年增长), not last year's rate; 工业增速
    // moves from 4.6% to a rate not printed; the 比 of 占…比 is a share,
    // and its move is against a rate not printed either.
    assert_silent_then_flagged(
        "全年生产总值增长5.2%，其中工业比上年增长4.6%，回落0.5个百分点。全年生产总值增长5.2%，其中工业增速较上年的4.6%回落0.3个百分点。收入同比增28%，占主营收入比18.5%，较上年提升3pct。",
        "全年生产总值增长5.2%，增速较上年的4.6%提高0.3个百分点。",
        "zh.pp.from-to",
    );
}

#[test]
fn a_numbered_list_whose_items_run_on_is_not_short() {
    // The third item starts after a long second one: the list goes on,
    // though past the reach of one item.
    let long = "推进重点项目建设，加快产业升级。".repeat(60);
    assert_silent_then_flagged(
        &format!("今年抓好三项工作：一是稳增长；二是调结构，{long}\n\n三是惠民生。"),
        "今年抓好三项工作：一是稳增长；二是调结构。\n\n下半年继续推进。",
        "zh.count.enumerated",
    );
}

#[test]
fn a_total_of_another_year_is_not_the_whole_of_a_bracket() {
    // The nearest larger count is 2017's; the share of 2018 is of 2018's
    // total, past the interval's bounds.
    let text = "In 2018, an estimated 228 million cases occurred (95% CI: 206–258 million), compared with 231 million cases in 2017 (95% CI: 211–259 million). Most cases in 2018 were in the African Region (213 million or 93%).";
    let file = json_on_stdin(text);
    let checks = file["checks"].as_array().expect("checks");
    let wholes: Vec<&str> = checks
        .iter()
        .flat_map(|c| c["members"].as_array().into_iter().flatten())
        .filter(|m| m["role"] == "whole")
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert_eq!(wholes, ["228 million"]);
}

#[test]
fn an_age_or_a_time_span_that_defines_a_group_is_no_repeated_quantity() {
    // `within 3 years` is the definition of a test, stated again wherever
    // the test is named: not a figure the report states twice.
    let text = "Adults reported sigmoidoscopy within 5 years with FOBT within 3 years. \
        Fewer reported sigmoidoscopy within 5 years with FOBT within 3 years in 2010.";
    assert!(checked_kinds_on_stdin(text).is_empty());
    // A figure restated is still compared.
    assert_eq!(
        checked_kinds_on_stdin("Net sales were $5.2 million. Net sales were $5.2 million."),
        ["repeat"]
    );
}

#[test]
fn a_number_that_names_a_class_or_a_time_point_is_no_quantity() {
    // `grade 9`, `at day 8`, `≥2-dose` and a row of noughts name or
    // qualify; stated again, they are no repeated figures.
    let text = "Coverage with ≥1-dose and ≥2-dose HepA rose. National ≥1-dose and ≥2-dose \
        coverage was high. We compared grade 9 versus grade 12, and grade 10 versus grade 12. \
        Mortality at day 8 and day 30 was low; mortality at day 8 and day 30 was reported. \
        Events: 0 0 0 1 0 0.";
    assert!(checked_kinds_on_stdin(text).is_empty());
}

#[test]
fn a_list_after_a_count_drawn_from_another_may_name_the_subset() {
    // The list names the four, not the seven they are drawn from.
    for text in [
        "Four of the seven indicators improved: life expectancy, infant mortality, literacy and access to water.",
        "Three out of five regions grew: North, East and West.",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // The list may name the whole the subset is drawn from.
    assert_eq!(
        checked_kinds_on_stdin(
            "Households with at least 1 of 4 housing problems: overcrowding, high costs, no kitchen, no plumbing."
        ),
        ["count"]
    );
    // A count of its own still owns the list after it.
    assert_eq!(
        rules_flagged_on_stdin(
            "The seven indicators were: life expectancy, infant mortality, literacy and access to water."
        ),
        ["en.count.count-then-list"]
    );
}

#[test]
fn a_whole_with_something_taken_out_is_no_printed_total() {
    // The share is of the portfolio without the PPP loans, which the text
    // does not print.
    assert_silent_then_flagged(
        "At year-end, the loan portfolio totaled $4.96 billion. Criticized loans fell to $192 million or 4.2% of the total loan portfolio, excluding PPP balances.",
        "At year-end, the loan portfolio totaled $4.96 billion. Criticized loans fell to $192 million or 4.2% of the total loan portfolio.",
        "en.ratio.named-whole",
    );
}

#[test]
fn rough_figures_with_different_approximation_words_are_not_compared() {
    // `约8%` and `9%左右` are two roundings of one hidden value at most:
    // no printed value is restated.
    let text = "今年的主要预期目标是：地区生产总值增长约8%。\n\n提出地区生产总值增长9%左右，是考虑了稳就业的需要。";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // One approximation word on both restates one printed value.
    let text = "今年的主要预期目标是：地区生产总值增长8%左右。\n\n提出地区生产总值增长9%左右，是考虑了稳就业的需要。";
    assert_eq!(rules_flagged_on_stdin(text), ["zh.repeat.same-label"]);
}

#[test]
fn a_short_name_is_one_quantity_only_when_its_statement_is_restated_alike() {
    // Two quotes of a market digest: `报` names nothing, and a weekly
    // change of 3% is not the 3.04% of another metal.
    let text = "贵金属收跌，白银期货跌1.96%报24.35美元/盎司，周跌4%。\n\n基本金属收跌，期铜跌1.27%报8612美元/吨，周跌4.03%。";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // A jobs statement restated in its quote, one figure changed: flagged.
    let text = "The office says employment rose 12,400 to 2,031,900 in March.\n\n\
                The office reported the number of people employed increased by 12,400 to 2,013,900 in March 2025.";
    assert_eq!(rules_flagged_on_stdin(text), ["en.repeat.same-label"]);
}

#[test]
fn a_total_row_of_selected_data_is_not_the_sum_of_the_rows_above() {
    // `Total assets` under `Cash` and `Working capital`: a line of data,
    // not the total of the two rows before it in any column.
    let text = "Balance sheet data | 2023 | 2024 |\nCash and securities | 184,310 | 126,540 |\n\
                Working capital | 241,760 | 198,430 |\nTotal assets | 712,650 | 615,980 |";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // Rows that do add up to their `Total …` row in one column are read
    // as its parts, and the column where they do not is flagged.
    let text = "Balance sheet data | 2023 | 2024 |\nCurrent assets | 184,310 | 126,540 |\n\
                Long-term assets | 241,760 | 198,430 |\nTotal assets | 426,070 | 334,970 |";
    assert_eq!(rules_flagged_on_stdin(text), ["en.sum.table"]);
}

#[test]
fn estimates_sharing_a_short_interval_are_not_one_estimate() {
    // Bounds of two digits recur by chance among a paper's estimates.
    let text = "Smoking was associated with cough (OR = 2.1; 95% CI 1.2–3.4).\n\n\
                Obesity was associated with dyspnea (OR = 2.3; 95% CI 1.2–3.4).";
    assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    // An interval printed to five digits is one estimate's.
    let text = "Smoking was associated with cough (OR = 2.14; 95% CI 1.27–3.61).\n\n\
                Smokers more often reported cough (OR = 2.41; 95% CI 1.27–3.61).";
    assert_eq!(rules_flagged_on_stdin(text), ["en.repeat.estimate"]);
}

#[test]
fn two_values_of_one_sentence_under_one_name_are_two_subjects() {
    // Three grades' revenue, two of them equal: no value restated.
    let text = "上半年高档/中档/低档酒分别实现销售收入21.6/0.5/0.5亿元。";
    assert!(!checked_kinds_on_stdin(text).contains(&"repeat".to_owned()));
    // In two paragraphs, one name's two statements are compared.
    let text = "上半年高档酒实现销售收入21.6亿元。\n\n其中高档酒实现销售收入21.6亿元。";
    assert!(checked_kinds_on_stdin(text).contains(&"repeat".to_owned()));
}

#[test]
fn one_label_for_two_places_is_two_quantities() {
    // `exports to China` is a part of `exports`, not a restatement.
    let places = "In May 2024, exports to China were valued at $1.1 billion, up $100 million.\n\n\
                  In May 2024, exports were valued at $4.6 billion, up $100 million.";
    assert!(rules_flagged_on_stdin(places).is_empty());
    // The same place restated with another value is a slip (the sentence
    // printed again, word for word).
    assert_eq!(
        rules_flagged_on_stdin(
            "In May 2024, exports to China were valued at $1.1 billion, up $100 million.\n\n\
             In May 2024, exports to China were valued at $1.3 billion, up $100 million."
        ),
        ["en.repeat.restated"]
    );
}

#[test]
fn a_note_on_what_a_name_includes_is_not_another_member() {
    // `管理费用率（含研发费用率）` is one rate: R&D is inside it, not a fourth
    // term of the period expense ratio.
    let included = "2019年公司期间费用率为18.20%，其中销售费用率为9.10%，\
                    管理费用率（含研发费用率）为8.60%，财务费用率为0.50%。";
    assert!(rules_flagged_on_stdin(included).is_empty());
    assert_eq!(checked_kinds_on_stdin(included), ["sum"]);
    assert_eq!(
        rules_flagged_on_stdin(
            "2019年公司期间费用率为19.20%，其中销售费用率为9.10%，\
             管理费用率（含研发费用率）为8.60%，财务费用率为0.50%。"
        ),
        ["zh.sum.identity"]
    );
}

#[test]
fn sentences_sharing_figures_differ_where_their_words_differ() {
    // The summary and the results agree on men and women; the third
    // figure is another group's in each.
    let groups =
        "Summary: The rate was 45.6% among men, 38.2% among women and 12.3% among teens.\n\n\
                  Results: The rate was 45.6% among men, 38.2% among women and 19.9% among adults.";
    assert!(rules_flagged_on_stdin(groups).is_empty());
    // Figures after the same word, between agreeing neighbours, are one.
    assert_eq!(
        rules_flagged_on_stdin(
            "Summary: Vaping was most common among rural (48.2%), suburban (41.7%) and urban teens (39.4%).\n\n\
             Results: Vaping was most common among rural teens (48.2%), then suburban (44.7%) and urban teens (39.4%)."
        ),
        ["en.repeat.restated"]
    );
}

#[test]
fn a_year_s_figure_is_restated_by_the_year_not_by_its_quarter() {
    // `2020Q4实现营收` stands between the year's figure and its restatement:
    // the quarter is another quantity under the same name.
    let text =
        "2020年实现营收58.3亿元，同比增长17.6%。其中2020Q4实现营收16.4亿元，同比增长29.2%。\n\n\
                2020实现营收{}亿元/同比+17.6%，略超预期。";
    assert!(rules_flagged_on_stdin(&text.replace("{}", "58.3")).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("{}", "58.9")),
        ["zh.repeat.same-label"]
    );
}

#[test]
fn a_limit_set_for_each_subject_is_one_value_for_all() {
    let limit = "会员、客户持有的看涨期权买持仓量之和、看跌期权买持仓量之和，分别不得超过20000手。";
    assert!(rules_flagged_on_stdin(limit).is_empty());
    assert_eq!(
        rules_flagged_on_stdin("会员、客户持有的看涨期权买持仓量分别为20000手。"),
        ["zh.respectively.values"]
    );
}

#[test]
fn examples_of_the_things_counted_are_not_all_of_them() {
    // `e.g.` gives some of the six; `i.e.` spells all of them out.
    assert!(rules_flagged_on_stdin(
        "Rates were adjusted for six household indicators (e.g., crowding, income, and poverty)."
    )
    .is_empty());
    assert_eq!(
        rules_flagged_on_stdin(
            "Rates were adjusted for six household indicators (i.e., crowding, income, and poverty)."
        ),
        ["en.count.count-then-list"]
    );
}

#[test]
fn a_rate_s_part_is_of_its_own_paragraph_s_population() {
    // The 城镇人口 of registered residents, two paragraphs before, is not
    // the urban share of the resident population.
    let text = "年末全县户籍人口为98460人。其中，城镇人口41275人，乡村人口57185人。\n\n\
                全年粮食产量15.2万吨。\n\n\
                年末全县常住人口12.74万人，城镇化率{}%。";
    assert!(rules_flagged_on_stdin(&text.replace("{}", "74.02")).is_empty());
    assert_eq!(
        checked_kinds_on_stdin(&text.replace("{}", "74.02")),
        ["sum"]
    );
    // Stated beside the rate, the part is checked.
    assert_eq!(
        rules_flagged_on_stdin("年末全县常住人口12.74万人，其中城镇人口9.43万人，城镇化率76.02%。"),
        ["zh.ratio.rate"]
    );
}

#[test]
fn a_segment_s_margin_is_not_the_company_s() {
    // The coal segment's margin is over the segment's revenue, which the
    // text does not state: the company's revenue reads it wrong, so a
    // margin reading never reports.
    let text = "一季度公司营业收入58.26亿元，同比减少3.0%。\n\n\
                一季度煤炭业务毛利为9.42亿，同比下降3.16%，毛利率24.85%。";
    assert!(rules_flagged_on_stdin(text).is_empty());
    // An expense ratio is the company's: it is checked.
    assert_eq!(
        rules_flagged_on_stdin(
            "一季度公司营业收入58.26亿元，同比减少3.0%。\n\n\
             一季度销售费用同比增长5.0%至5.83亿元，销售费用率为12.01%。"
        ),
        ["zh.ratio.rate"]
    );
}

#[test]
fn an_interval_belongs_to_the_figure_right_before_it() {
    // The effect size 0.14 stands before `(0.64 [95% CI, …])`: the interval
    // is 0.64's, so the results' 0.64 restates it, not the 0.14.
    let text = "Scores improved (0.18 [95% CI, 0.02–0.34]; effect size, 0.14) and \
                (0.64 [95% CI, −0.31 to 1.59]; effect size 0.08).\n\n\
                The difference was not significant ({} [95% CI, −0.31 to 1.59]; effect size, 0.08).";
    assert!(rules_flagged_on_stdin(&text.replace("{}", "0.64")).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("{}", "0.46")),
        ["en.repeat.estimate"]
    );
}

#[test]
fn two_tables_of_similar_models_are_not_one_statement() {
    // A main and a sensitivity analysis may print one interval for two
    // estimates; the text that restates a table is compared with it.
    let tables = "Table 2. Main model\n\n| Factor | AOR (95% CI) |\n|---|---|\n| SNAP | 1.04 (0.71–1.46) |\n| Age | 1.15 (0.87–1.52) |\n\n\
                  Table 3. Sensitivity analysis\n\n| Factor | AOR (95% CI) |\n|---|---|\n| SNAP | 1.03 (0.71–1.46) |\n| Age | 1.17 (0.88–1.55) |";
    assert!(rules_flagged_on_stdin(tables).is_empty());
    assert!(rules_flagged_on_stdin(&format!(
        "Participation was not associated with discrimination (AOR = 1.13; 95% CI, 0.71–1.46).\n\n{tables}"
    ))
    .contains(&"en.repeat.estimate".to_owned()));
}

#[test]
fn a_fall_in_the_text_is_not_compared_with_a_bracketed_cell() {
    // A table prints a fall in brackets, the text with a verb: the cell
    // `(17.4%)` and `decreased by 17.4%` are one fall, not two values.
    let text = "Retail TV net subscriber activations decreased by 17.4% in 2019.\n\n\
                | | 2019 | 2018 | Change |\n|---|---|---|---|\n\
                | Retail TV net subscriber activations | 5,102 | 6,178 | (17.4%) |\n\
                | Retail TV subscribers | 3,418,260 | 3,411,590 | 0.2% |";
    assert!(rules_flagged_on_stdin(text).is_empty());
}

#[test]
fn a_numbered_list_after_a_full_stop_is_counted_only_by_a_count_of_tasks() {
    // The sentence before the list counts something else.
    for text in [
        "全市共有3个开发区。一是要加快发展。二是要强化服务。三是要优化环境。四是要改善民生。",
        "必须从增加供给和抑制需求两方面采取措施。一要发展生产。二要控制出口。三要健全储备。",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    assert_eq!(
        rules_flagged_on_stdin("必须抓好两项工作。一要发展生产。二要控制出口。三要健全储备。"),
        ["zh.count.enumerated"]
    );
}

#[test]
fn a_weighted_percentage_is_not_its_count_over_the_sample() {
    // Surveys print weighted percentages beside unweighted counts.
    let weighted = "Percentages are weighted to the state population. \
                    Of the 4,000 respondents, 52.3% (n = 1,900) were women.";
    assert!(rules_flagged_on_stdin(weighted).is_empty());
    assert_eq!(
        rules_flagged_on_stdin("Of the 4,000 respondents, 52.3% (n = 1,900) were women."),
        ["en.ratio.bracket"]
    );
}

#[test]
fn a_quarter_s_figure_is_not_the_sum_of_the_quarters() {
    // The fourth quarter's revenue is one of the parts, not their total.
    let quarter = "2022年Q4公司实现营业收入1.05亿元。Q1-Q4分别实现营业收入0.71亿元、0.84亿元、0.86亿元、1.05亿元。";
    assert!(rules_flagged_on_stdin(quarter).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(
            "2022年公司实现营业收入3.56亿元。Q1-Q4分别实现营业收入0.71亿元、0.84亿元、0.86亿元、1.05亿元。"
        ),
        ["zh.sum.quarters"]
    );
}

#[test]
fn a_group_of_table_rows_that_lists_only_the_commonest_is_no_breakdown_of_their_sum() {
    // Shares over answers: each group's counts add up to the shares' whole.
    let survey = "| Characteristic | All | Site A |\n|---|---|---|\n**Sex** | | |\n\
        Female | 412 (55.1) | 230 (57.5) |\nMale | 336 (44.9) | 170 (45.2) |\n\
        **Age, y** | | |\n18–39 | 201 (26.9) | 98 (24.4) |\n\
        40–64 | 380 (50.8) | 210 (52.2) |\n≥65 | 167 (22.3) | 94 (23.4) |\n";
    assert_eq!(
        rules_flagged_on_stdin(survey),
        ["en.ratio.group", "en.share-sum.table"]
    );
    // A heading that states the group's size (`no./113`) gives the whole:
    // the rows are the commonest answers, not all of them.
    let commonest = "Characteristic | Value\n---|---\nType of pharmacy, no./113 (%)\n\
        Retail | 93 (82)\nMail order | 9 (8)\nRetail and mail order | 5 (4)\n\
        Retail and hospital | 4 (4)\nHospital | 1 (1)\n";
    assert!(rules_flagged_on_stdin(commonest).is_empty());
    // Conditions one person may have several of keep no group reading.
    let conditions = "| Condition | Clinic A | Clinic B |\n|---|---|---|\n\
        **Chronic conditions** | | |\nDiabetes | 120 (30.0) | 80 (26.7) |\n\
        Hypertension | 200 (50.0) | 140 (46.7) |\nAsthma | 60 (15.0) | 40 (13.3) |\n";
    assert!(rules_flagged_on_stdin(conditions).is_empty());
    assert!(!checked_kinds_on_stdin(conditions).contains(&"ratio".to_owned()));
}

#[test]
fn a_table_at_the_top_of_a_file_keeps_its_header() {
    // The first line is the header row, not the document's title: the
    // change column is checked against the years it follows.
    let table = " | 2019 | 2018 | Change\nConnectors | 1,250 | 1,410 | (160)\n\
        Sensors | 830 | 905 | (75)\nCables | 415 | 388 | 27\nTotal | 2,495 | 2,703 | (208)\n";
    assert!(rules_flagged_on_stdin(table).is_empty());
    assert!(checked_kinds_on_stdin(table).contains(&"sum".to_owned()));
    // A slip in the change column: its row's difference and the column's
    // total both miss.
    let slip = table.replace("| 27\n", "| 37\n");
    assert_eq!(
        rules_flagged_on_stdin(&slip),
        ["en.sum.table", "en.sum.difference"]
    );
}

#[test]
fn an_account_row_is_a_total_only_when_its_figures_keep_it() {
    // `Net operating loss carryforwards` opens the section: no net of
    // anything above it; the first row is not the sum of the rows under
    // it (the figures do not add up in any column).
    let accounts = "Deferred tax ($ thousands) | 2024 | 2023 |\nNet operating loss carryforwards | 1,200 | 1,450 |\n\
        Tax credits | 830 | 610 |\nAccrued expenses | 415 | 388 |\n\
        Gross deferred tax assets | 2,445 | 2,448 |\n";
    assert!(rules_flagged_on_stdin(accounts).is_empty());
    assert_eq!(checked_kinds_on_stdin(accounts), ["sum", "sum"]);
    let slip = accounts.replace("| 2,445 |", "| 2,454 |");
    assert_eq!(rules_flagged_on_stdin(&slip), ["en.sum.table"]);
    // An unnamed first row that adds up the rows under it in one column
    // only is not their total.
    let once = "Revenue ($ millions) | 2024 | 2023 | 2022 |\nServices | 500 | 410 | 380 |\n\
        Consulting | 300 | 250 | 210 |\nTraining | 200 | 170 | 160 |\n";
    assert!(rules_flagged_on_stdin(once).is_empty());
    assert!(checked_kinds_on_stdin(once).is_empty());
}

#[test]
fn a_fall_printed_in_brackets_is_the_fall_the_text_states() {
    // The table's `(8.6%)` and the text's `decreased by 8.6%` are one fall.
    let text = "Subscribers | 2024 | 2023 | % change |\nFibre | 2,184 | 2,040 | 7.1% |\n\
        Satellite | 1,312 | 1,436 | (8.6%) |\nWireless | 720 | 680 | 5.9% |\n\n\
        Satellite subscribers decreased by 8.6% in 2024, compared with last year.\n";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert!(checked_kinds_on_stdin(text).contains(&"repeat".to_owned()));
    // The bracketed cell is checked as a fall.
    let slip = text.replace("(8.6%)", "(7.6%)");
    assert!(rules_flagged_on_stdin(&slip).contains(&"en.growth.table".to_owned()));
}

#[test]
fn an_english_table_s_rates_beside_parts_need_not_add_up() {
    // A prevalence within each row's group: no composition of a total.
    let rates = "| Grade | Students | Reported bullying (%) |\n|---|---|---|\n\
        | 9 | 400 | 25.3 |\n| 10 | 380 | 35.3 |\n| 11 | 350 | 27.9 |\n| Total | 1,130 | 29.4 |\n";
    assert!(rules_flagged_on_stdin(rates).is_empty());
    // Shares of a group whose counts make the header's whole do add up.
    let composition = "| Characteristic | Clients (N = 400) |\n|---|---|\n**Sex** | |\n\
        Female | 236 (59) |\nMale | 164 (41) |\n**Age, y** | |\n18–39 | 120 (30) |\n\
        40–64 | 200 (50) |\n≥65 | 80 (20) |\n";
    assert!(rules_flagged_on_stdin(composition).is_empty());
    let kinds = checked_kinds_on_stdin(composition);
    assert!(kinds.contains(&"share-sum".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"sum".to_owned()), "{kinds:?}");
}

#[test]
fn a_margin_over_another_profit_than_its_own_is_not_reported() {
    // 净利率 may be computed on net profit or on the shareholders' part:
    // stated beside 归母净利润, or far from its operands, it confirms.
    for text in [
        "公司2023年实现营业收入12.50亿元，归母净利润1.50亿元，净利率14.00%。",
        "公司2023年实现营业收入12.50亿元，净利润1.50亿元。\n\n全年看，公司净利率14.00%。",
    ] {
        assert!(rules_flagged_on_stdin(text).is_empty(), "{text}");
    }
    // Its own profit and revenue right before it: the margin is theirs.
    assert_eq!(
        rules_flagged_on_stdin("公司2023年实现营业收入12.50亿元，净利润1.50亿元，净利率14.00%。"),
        ["zh.ratio.rate"]
    );
}

#[test]
fn a_margin_is_over_revenue_not_over_another_income() {
    // Interest income is no revenue: the margin beside it is not judged.
    assert!(
        rules_flagged_on_stdin("公司利息收入6.40亿元，净利润0.96亿元，净利率高达17.00%。")
            .is_empty()
    );
    // A subsidiary's plain 收入 is its revenue.
    assert_eq!(
        rules_flagged_on_stdin("乙公司2023年实现收入6.40亿元，净利润0.96亿元，净利率高达17.00%。"),
        ["zh.ratio.rate"]
    );
}

#[test]
fn a_values_date_is_not_one_more_value_of_a_respectively_run() {
    // `33.0% in 2002, respectively`: the year dates the pair; two values
    // for two groups, read alike with `versus` between them.
    assert_silent_then_flagged(
        "Screening was more common among insured and uninsured women \
         (55.8% versus 33.0% in 2002, respectively, and 66.6% versus 37.5%, respectively, in 2008).",
        "Screening was more common among insured and uninsured women \
         (61.2% versus 44.8% versus 30.1%, respectively).",
        "en.respectively.values",
    );
}

#[test]
fn a_counts_copula_opens_a_list_only_when_a_closed_list_follows() {
    // `The 3 groups were compared …, and the results, …, differed`: a
    // clause, not three names; a list of answers closed by `and` is one.
    assert_silent_then_flagged(
        "The 3 groups were compared with each other, and the results, shown in Table 2, differed.",
        "The 4 answer choices were daily, weekly, monthly, yearly, and never.",
        "en.count.count-then-list",
    );
}

#[test]
fn a_threshold_printed_in_every_note_is_no_restated_quantity() {
    // The same definition in the methods and again in a table's note.
    let text = "Poverty status was defined using published thresholds; below poverty was defined as a total family income of <$21,756 for a family of four.\n\n\
                We saw 1,204 patients in 2031.\n\n\
                * Adults were excluded.\n\
                + Poverty status was defined using published thresholds; below poverty was defined as a total family income of <$21,756 for a family of four.\n";
    let restated = |text: &str| {
        let file = json_on_stdin(text);
        file["checks"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["members"].as_array().into_iter().flatten())
            .any(|m| m["text"] == "21,756")
    };
    assert!(!restated(text));
    // An amount stated exactly is restated.
    assert!(restated(&text.replace("<$", "$")));
}

#[test]
fn amounts_after_qi_zhong_may_be_some_of_the_total() {
    // Listed after 其中, the parts may leave some out: a shortfall is no
    // error, while parts that add up are checked as the whole breakdown.
    let some = "全年新申请专利12项，其中发明专利3项，实用新型专利2项。";
    assert!(rules_flagged_on_stdin(some).is_empty());
    assert!(checked_kinds_on_stdin(some).is_empty());
    // Two values of one thing after 其中 are no parts.
    let moved = "筹资标准由每人每年50元提高到100元，其中财政补助标准由40元提高到60元。";
    assert!(checked_kinds_on_stdin(moved).is_empty());
    let all = "全年新申请专利7项，其中发明专利3项，实用新型专利2项，外观设计专利2项。";
    assert_eq!(checked_kinds_on_stdin(all), ["sum"]);
    assert!(rules_flagged_on_stdin(all).is_empty());
}
