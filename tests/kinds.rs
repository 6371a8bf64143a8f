//! One pair of fixtures per check kind under `fixtures/kinds/`: `<kind>.txt`,
//! where every relation holds, and `<kind>-error.txt`, the same text with
//! one figure changed so that exactly one relation of that kind fails.

mod common;

use common::*;
use serde_json::Value;

fn clean(kind: &str) -> String {
    format!("fixtures/kinds/{kind}.txt")
}

fn broken(kind: &str) -> String {
    format!("fixtures/kinds/{kind}-error.txt")
}

/// `statlint check --format json` on one file: exit code and the file's entry.
fn json_of(path: &str) -> (Option<i32>, Value) {
    let output = statlint()
        .args(["check", "--format", "json", path])
        .output()
        .expect("statlint runs");
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("--format json prints JSON ({e}):\n{}", stdout_text(&output)));
    assert_eq!(json["files"].as_array().map(Vec::len), Some(1), "{json:#}");
    (output.status.code(), json["files"][0].clone())
}

/// The clean fixture exits 0, has no diagnostics, and at least one
/// relation of `kind` was checked; every relation checked holds.
fn assert_clean(kind: &str) {
    let (code, file) = json_of(&clean(kind));
    assert_eq!(code, Some(0), "{file:#}");
    let diagnostics = file["diagnostics"].as_array().expect("diagnostics");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let checks = file["checks"].as_array().expect("checks");
    assert!(
        checks.iter().any(|c| c["kind"] == kind),
        "no {kind} check in {checks:#?}"
    );
    for check in checks {
        assert_eq!(check["status"], "consistent", "{check:#}");
    }
}

/// The error fixture exits 1 with exactly one diagnostic, an error of
/// `kind` whose primary span covers `primary`; returns the human output.
fn assert_one_error(kind: &str, primary: &str) -> String {
    let path = broken(kind);
    let (code, file) = json_of(&path);
    assert_eq!(code, Some(1), "{file:#}");
    let diagnostics = file["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d["kind"], kind, "{d:#}");
    assert_eq!(d["severity"], "error", "{d:#}");
    let bytes = fixture_bytes(&path);
    let (start, end) = (
        d["primary"]["start"].as_u64().unwrap() as usize,
        d["primary"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(std::str::from_utf8(&bytes[start..end]).unwrap(), primary);
    let inconsistent = file["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["status"] != "consistent")
        .count();
    assert_eq!(inconsistent, 1, "{file:#}");

    let output = statlint()
        .args(["check", "--color", "never", &path])
        .output()
        .expect("statlint runs");
    assert_eq!(output.status.code(), Some(1));
    stdout_text(&output)
}

// --- ratio -----------------------------------------------------------------

#[test]
fn ratio_fixture_passes() {
    assert_clean("ratio");
}

#[test]
fn ratio_error_human_output() {
    let out = assert_one_error("ratio", "88.32%");
    insta::assert_snapshot!("ratio_error_human", out);
}

// --- sum -------------------------------------------------------------------

#[test]
fn sum_fixture_passes() {
    assert_clean("sum");
}

#[test]
fn sum_error_human_output() {
    let out = assert_one_error("sum", "356.48亿");
    insta::assert_snapshot!("sum_error_human", out);
}

// --- share-sum -------------------------------------------------------------

#[test]
fn share_sum_fixture_passes() {
    assert_clean("share-sum");
}

#[test]
fn share_sum_error_human_output() {
    let out = assert_one_error("share-sum", "11.6");
    insta::assert_snapshot!("share_sum_error_human", out);
}

// --- pp (percentage points) --------------------------------------------------

#[test]
fn pp_fixture_passes() {
    assert_clean("pp");
}

#[test]
fn pp_error_human_output() {
    let out = assert_one_error("pp", "1.7个百分点");
    insta::assert_snapshot!("pp_error_human", out);
}

// --- growth ------------------------------------------------------------------

#[test]
fn growth_fixture_passes() {
    assert_clean("growth");
}

#[test]
fn growth_error_human_output() {
    let out = assert_one_error("growth", "18.5%");
    insta::assert_snapshot!("growth_error_human", out);
}

// --- count -------------------------------------------------------------------

#[test]
fn count_fixture_passes() {
    assert_clean("count");
}

#[test]
fn count_error_human_output() {
    let out = assert_one_error("count", "四");
    insta::assert_snapshot!("count_error_human", out);
}

#[test]
fn a_list_before_deng_may_name_only_some() {
    // Two named of twelve: examples, not a miscount.
    assert!(severities_on_stdin("联合格力、汉威等12家企业。").is_empty());
    // One named: an example.
    assert!(severities_on_stdin("新增佛光发电等9家企业。").is_empty());
    // Complete: holds.
    assert!(severities_on_stdin("联合格力、汉威、思维等3家企业。").is_empty());
    // All but one named: "among others" is still a reading that holds.
    assert!(severities_on_stdin("联合格力、汉威、思维等4家企业。").is_empty());
    // More named than counted: an error.
    assert_eq!(
        severities_on_stdin("联合格力、汉威、思维等2家企业。"),
        ["error"]
    );
}

#[test]
fn what_is_reported_is_named_after_the_reporting_verb() {
    // Who reports (省卫生健康委员会) is no part of what is counted: the
    // body's 新增本土确诊病例 restates the headline's.
    let text = "某省通报：3月5日新增本土确诊病例46例\n\n\
                3月5日0—24时，省卫生健康委员会报告新增本土确诊病例46例，无新增死亡病例。";
    assert_eq!(checked_kinds_on_stdin(text), ["repeat"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("病例46例，无", "病例48例，无", 1)),
        ["zh.repeat.headline"]
    );
    // After a total adverb the verb is part of the name: the cumulative
    // count 累计报告确诊病例 is still the identity's total.
    let cumulative = "现有确诊病例120例，累计治愈出院病例3400例，累计死亡病例80例，\
                      累计报告确诊病例3600例。";
    assert_eq!(checked_kinds_on_stdin(cumulative), ["sum"]);
}

#[test]
fn a_sentence_printed_twice_states_one_quantity() {
    let lead = "截至6月30日24时，全区通过市场监管部门累计登记新建小微企业";
    let text = format!(
        "{lead}412户，注册资本较上年有所增长。\n\n随后各地陆续开展核查。\n\n{lead}412户，其中多数为个体转企。"
    );
    assert_eq!(checked_kinds_on_stdin(&text), ["repeat"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("412户，其中", "421户，其中", 1)),
        ["zh.repeat.same-label"]
    );
}

#[test]
fn a_summary_sentence_restated_under_an_english_heading_is_one_quantity() {
    // The heading has no full stop; the sentence under it is the summary's.
    let sentence = "The first estimate of regional output shows a fall of 0.4% in Quarter 2 2031.";
    let text = format!(
        "1. Main points\n{sentence}\nServices were flat.\n2. Headline figures\n{sentence} This follows a rise of 0.3% in the previous quarter.\n"
    );
    assert_eq!(checked_kinds_on_stdin(&text), ["repeat"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("fall of 0.4%", "fall of 0.6%", 1)),
        ["en.repeat.same-label"]
    );
}

#[test]
fn an_identity_complete_in_its_sentence_takes_no_member_from_the_next() {
    // The imported cases' identity says there were no deaths; the next
    // line's 累计死亡病例 is of all cases.
    let text = "境外输入现有确诊病例120例，现有疑似病例2例。累计确诊病例3520例，累计治愈出院病例3400例，无死亡病例。\n\
                截至24时，现有确诊病例900例，累计治愈出院病例50000例，累计死亡病例2000例，累计报告确诊病例52900例。";
    let file = json_on_stdin(text);
    let rules = fields(&file, "checks", "rule");
    assert_eq!(
        rules.iter().filter(|r| *r == "zh.sum.identity").count(),
        2,
        "{rules:?}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("累计确诊病例3520例", "累计确诊病例3530例")),
        ["zh.sum.identity"]
    );
}

#[test]
fn a_note_defining_a_total_as_a_sum_is_checked_where_the_text_states_its_parts() {
    let text = "全年完成货运量1250万吨，其中公路货运量980万吨，水路货运量270万吨。\n\
                注：货运量为公路货运量与水路货运量之和。";
    let file = json_on_stdin(text);
    assert!(fields(&file, "checks", "rule").contains(&"zh.sum.defined".to_owned()));
    assert!(fields(&file, "diagnostics", "rule").is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("水路货运量270万吨", "水路货运量290万吨")),
        ["zh.sum.defined"]
    );
    // A note that states figures of its own is no definition.
    let stated = "全年完成货运量1250万吨，公路货运量980万吨，水路货运量290万吨。\n\
                  注：货运量为公路货运量980万吨与水路货运量270万吨之和。";
    assert!(
        !fields(&json_on_stdin(stated), "checks", "rule").contains(&"zh.sum.defined".to_owned())
    );
}

#[test]
fn a_restatement_is_found_past_a_figure_of_the_same_name_in_another_year() {
    // The 1999 peak between them is another quantity; the 2014 level named
    // by it (`to $61,372`) is real, as the peak's name says.
    let text = "In 2014, real median household income was $61,372, compared with $62,190 in 2013.\n\n\
                Real median household income declined from its peak of $64,810 in 1999 to $61,372 in 2014.";
    let file = json_on_stdin(text);
    assert!(
        fields(&file, "checks", "rule").contains(&"en.repeat.same-label".to_owned()),
        "{file:#}"
    );
    assert!(fields(&file, "diagnostics", "rule").is_empty());
}

#[test]
fn a_level_moved_to_a_numeral_in_words_still_grows_from_its_base() {
    let text = "Incidence fell from 24 cases per 1000 population in 2012 to six cases in 2020 (a 75% decrease).";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("a 75%", "a 65%")),
        ["en.growth.base"]
    );
    // A numeral in words that counts things is no level that grew.
    assert!(
        checked_kinds_on_stdin("Cases rose 50% in six districts compared with 2019.").is_empty()
    );
}

#[test]
fn a_headline_is_restated_by_each_copy_of_its_body_sentence() {
    let body = "3月5日0—24时，省卫生健康委员会报告新增本土确诊病例46例，无新增死亡病例。";
    let text = format!("某省通报：3月5日新增本土确诊病例46例\n\n{body}\n\n{body}");
    let file = json_on_stdin(&text);
    let rules = fields(&file, "checks", "rule");
    assert_eq!(
        rules.iter().filter(|r| *r == "zh.repeat.headline").count(),
        2,
        "{rules:?}"
    );
}

#[test]
fn a_level_exceeds_another_of_the_same_thing_by_the_amount_stated() {
    let text = "In 2022 the service answered 96,400 calls, 4,100 more than the 92,300 calls answered in 2021.";
    assert_eq!(checked_kinds_on_stdin(text), ["sum"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("4,100 more", "4,700 more")),
        ["en.sum.more-than"]
    );
    // Two different things, or `more than` as a bound: no such relation.
    let other = "The service answered 96,400 calls, 4,100 more than the 92,300 emails it received.";
    assert!(checked_kinds_on_stdin(other).is_empty());
    let bound = "The service answered 96,400 calls, more than the 92,300 calls of 2021.";
    assert!(checked_kinds_on_stdin(bound).is_empty());
}

#[test]
fn zhe_points_back_at_exactly_the_phrases_named() {
    let text = "抓住建立健全生产责任制和发展多种经营这两个重要环节。";
    assert_eq!(checked_kinds_on_stdin(text), ["count"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("两个", "三个")),
        ["zh.count.list-then-count"]
    );
    // The words that open the clause end at its last particle before the
    // first item.
    let opened = "更好地落实了在原材料和能源供应、银行贷款、基本建设、交通运输四个方面的政策。";
    assert_eq!(checked_kinds_on_stdin(opened), ["count"]);
    assert_eq!(
        rules_flagged_on_stdin(&opened.replace("四个", "五个")),
        ["zh.count.list-then-count"]
    );
    // An ordinal in the list (第二批) is a name, not a figure of its own.
    assert_eq!(
        checked_kinds_on_stdin("第二批申报西连河及五龙口三期等 2个项目。"),
        ["count"]
    );
}

#[test]
fn a_share_of_a_whole_named_with_its_scope_and_a_note_mark() {
    // 全国 between 占 and the whole's name; [3] marks a note, not a figure.
    let text = "全国共有卫生院3.40万所。其中，中心卫生院[2]1.02万所，占全国卫生院的比例30.00%。";
    assert_eq!(checked_kinds_on_stdin(text), ["ratio"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("30.00%", "32.00%")),
        ["zh.ratio.named-whole"]
    );
}

#[test]
fn a_bracketed_share_of_the_count_after_it() {
    let text = "In 2016, 6,214 cases were confirmed, compared with 2,875 (31.6%) of 9,098 notified cases during 2011-2015.";
    assert_eq!(checked_kinds_on_stdin(text), ["ratio"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("31.6%", "33.6%")),
        ["en.ratio.bracket"]
    );
}

#[test]
fn levels_reached_by_changes_add_up_under_the_names_of_what_changed() {
    // `fell 31,300 to 3,112,900` is a change and the level it reached,
    // not a range; full-time and part-time make employment.
    let text = "Employment decreased 18,400 to 9,815,200. Full-time employment increased \
        12,900 to 6,702,300 and part-time employment fell 31,300 to 3,112,900.";
    assert!(checked_kinds_on_stdin(text).contains(&"sum".to_owned()));
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("3,112,900", "3,122,900")),
        ["en.sum.set"]
    );
}

#[test]
fn a_sets_parts_are_found_past_their_own_bracketed_breakdowns() {
    let text = "新增确诊病例60例。其中境外输入病例40例(甲省10例,乙省9例,丙省8例,丁省7例,\
        戊省2例,己省1例,庚省1例,辛省1例,壬省1例),含5例由无症状感染者转为确诊病例(甲省3例,乙省2例);\
        本土病例20例(癸省20例)。";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("新增确诊病例60例", "新增确诊病例62例")),
        ["zh.sum.set"]
    );
}

#[test]
fn a_value_named_from_its_peak_is_named_by_what_declined() {
    // `from its peak of $61,420`: the base of the decline of real median
    // household income, which the next sentence's rate names again.
    let text = "Real median household income declined from its peak of $61,420 in 1999 to \
        $57,180 in 2014. Real income declined by 6.9 percent for the median household.";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("6.9 percent", "7.9 percent")),
        ["en.growth.base"]
    );
}

#[test]
fn a_rate_in_brackets_after_a_rise_is_its_growth() {
    // 446 / (4600 − 446) = 10.7%: the bracket holds the rise's rate, not a
    // share; the rounding of 4.6 billion moves both terms together, so 14
    // percent is out of reach.
    let text = "Exports rose $446 million (11 percent) when compared with March 2016 \
        to reach $4.6 billion in March 2017.";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("(11 percent)", "(14 percent)")),
        ["en.growth.increment"]
    );
}

#[test]
fn growth_of_gdp_is_real_and_its_values_nominal_so_it_is_not_recomputed() {
    // 120 → 130 is 8.3% at current prices; 5.2% is the real growth.
    assert!(
        checked_kinds_on_stdin("全县地区生产总值由120亿元增加到130亿元，增长5.2%。").is_empty()
    );
    assert_eq!(
        checked_kinds_on_stdin("社会消费品零售总额由120亿元增加到130亿元，增长8.3%。"),
        ["growth"]
    );
}

#[test]
fn growth_reads_a_base_stated_in_the_next_one_sentence_paragraph() {
    // News prose gives each sentence a paragraph: the count, then last
    // year's, then the rate.
    let text = "There have been 15 burglaries this year in the district.\n\n\
        At this time last year, there were 25, meaning burglaries are down by 40 percent.";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("40 percent", "30 percent")),
        ["en.growth.base"]
    );
}

#[test]
fn growth_reads_the_later_year_of_a_count_stated_the_sentence_before() {
    // The rate sits beside the earlier year's count; the current one is
    // the same count, dated later, in the sentence before.
    let text = "So far in 2024, there have been 412 reported burglaries in the county.\n\n\
        At this point in 2023, there were 515 reported burglaries, resulting in a 20 percent decline.";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("20 percent", "25 percent")),
        ["en.growth.base"]
    );
    // Another count the sentence before is no current value of this one.
    let other = text.replace("412 reported burglaries", "412 reported thefts");
    assert!(checked_kinds_on_stdin(&other).is_empty());
}

#[test]
fn a_samples_flow_adds_its_exclusions_and_what_is_left_to_its_intake() {
    // The reasons after the exclusions' colon explain the 30; they are
    // no further exclusions.
    let text = "We recruited 150 participants (80 female). A total of 30 participants were \
        excluded: 20 participants were excluded for missing data and 10 for failing 2 checks. \
        A remaining total of 120 participants were analysed.";
    assert!(checked_kinds_on_stdin(text).contains(&"sum".to_owned()));
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("total of 120", "total of 125")),
        ["en.sum.flow"]
    );
    // Exclusions in turn, each out of what the one before left.
    let steps = "A total of 2,000 adults took part in the survey, and 150 were excluded for \
        medical reasons. In this analysis, 50 participants were excluded, leaving 1,800 participants.";
    assert!(rules_flagged_on_stdin(steps).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&steps.replace("leaving 1,800", "leaving 1,830")),
        ["en.sum.flow"]
    );
}

#[test]
fn a_count_after_a_preposition_is_named_by_what_it_counts() {
    // `by double-digit percentages in 61 American cities`: the body's 61
    // counts cities, as the headline's does.
    let text = "Burglaries Fell In 48 US Cities, Survey Finds\n\n\
        Burglaries fell by double-digit percentages in 48 American cities, according to the survey.";
    let notes = fields(&json_on_stdin(text), "checks", "note");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("cities: 48 earlier, 48 here")),
        "{notes:#?}"
    );
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("In 48 US", "In 46 US")),
        ["en.repeat.headline"]
    );
}

#[test]
fn a_sex_ratio_is_males_per_hundred_females() {
    // 比 inside 性别比 is no comparison.
    let text = "男性人口5200人，女性人口5000人，男女性别比为104.00:100（女性为100）。";
    assert_eq!(checked_kinds_on_stdin(text), ["ratio"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("104.00", "106.00")),
        ["zh.ratio.rate"]
    );
}

#[test]
fn traditional_units_keep_areas_and_weights_apart() {
    // 萬畝 of sown area is no total of 萬噸 of grain.
    let text = "糧食作物播種面積19.8萬畝，糧食總產量5.1萬噸。其中，夏糧2.8萬噸；秋糧2.3萬噸。";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(checked_kinds_on_stdin(text), ["sum"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("總產量5.1", "總產量5.5")),
        ["zh.sum.set"]
    );
}

#[test]
fn a_signed_increment_in_brackets_checks_the_rate_beside_it() {
    // 1.12 / (28.44 − 1.12) = 4.1%; `12 months earlier` is a time, not a
    // base value.
    let text =
        "Average hourly wages were up 4.1% (+$1.12 to $28.44) compared with 12 months earlier.";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("+$1.12", "+$2.12")),
        ["en.growth.increment"]
    );
}

#[test]
fn growth_reads_a_base_after_jiao_de_and_judges_large_rates_by_their_size() {
    let text = "上半年新设企业2236家，较去年同期的860家增长160.00%。";
    assert_eq!(checked_kinds_on_stdin(text), ["growth"]);
    // Ten points off a rate of 160%: a slip, not another reading.
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("160.00%", "170.00%")),
        ["zh.growth.base"]
    );
    // A prior-year value of another quantity in the next sentence is no
    // base.
    assert!(checked_kinds_on_stdin(
        "Prices averaged $7.31 per barrel in the quarter, an increase of 177% from a year ago. \
         The differential averaged $2.71 compared to $2.42 in the prior year period."
    )
    .iter()
    .all(|k| k != "growth"));
}

// --- respectively --------------------------------------------------------------

#[test]
fn respectively_fixture_passes() {
    assert_clean("respectively");
}

#[test]
fn respectively_error_human_output() {
    let out = assert_one_error("respectively", "6.4%");
    insta::assert_snapshot!("respectively_error_human", out);
}

// --- repeat ------------------------------------------------------------------

#[test]
fn repeat_fixture_passes() {
    assert_clean("repeat");
}

#[test]
fn repeat_error_human_output() {
    let out = assert_one_error("repeat", "16.8%");
    insta::assert_snapshot!("repeat_error_human", out);
}

// --- granularity ---------------------------------------------------------------

#[test]
fn granularity_fixture_passes() {
    assert_clean("granularity");
}

#[test]
fn granularity_error_human_output() {
    let out = assert_one_error("granularity", "28.8%");
    insta::assert_snapshot!("granularity_error_human", out);
}

// --- multiple ------------------------------------------------------------------

#[test]
fn multiple_fixture_passes() {
    assert_clean("multiple");
}

#[test]
fn multiple_error_human_output() {
    let out = assert_one_error("multiple", "5.2 times");
    insta::assert_snapshot!("multiple_error_human", out);
}

// --- grim ------------------------------------------------------------------------

#[test]
fn grim_fixture_passes() {
    assert_clean("grim");
}

#[test]
fn grim_error_human_output() {
    let out = assert_one_error("grim", "4.27");
    insta::assert_snapshot!("grim_error_human", out);
}

// --- apa -------------------------------------------------------------------------

#[test]
fn apa_fixture_passes() {
    assert_clean("apa");
}

#[test]
fn apa_error_human_output() {
    let out = assert_one_error("apa", "2.41");
    insta::assert_snapshot!("apa_error_human", out);
}

#[test]
fn group_sizes_of_a_split_add_up_to_the_total() {
    let text = "Twenty-four men were randomly assigned to aerobic exercise (N=8), \
        half-bath (N=8), or control (N=8) groups.";
    assert_eq!(checked_kinds_on_stdin(text), ["sum"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("control (N=8)", "control (N=9)")),
        ["en.sum.groups"]
    );
    // The whole sample's N with its details in its bracket, then `one of
    // two` groups with their Ns.
    let sample = "Participants (N=300, 160 female, M age = 39.7) were randomly selected \
        to watch one of two videos (video one N = 151; video two N = 149).";
    assert_eq!(checked_kinds_on_stdin(sample), ["sum"]);
    assert_eq!(
        rules_flagged_on_stdin(&sample.replace("N = 149", "N = 159")),
        ["en.sum.groups"]
    );
    // A count between the total and the sizes may be their whole instead.
    assert!(rules_flagged_on_stdin(
        "Of 276 patients enrolled, 268 were eligible (137 randomized to A, 131 randomized to B) \
         since eight left the study (BE n = 74, FI n = 3, DE n = 71, UK n = 52, ES n = 40, NL n = 28)."
    )
    .is_empty());
    // Sizes of groups with no word that the split covers everyone may be
    // a few of many.
    assert!(rules_flagged_on_stdin(
        "Twenty-four men took part; some did aerobic exercise (N=8) and others a half-bath (N=9)."
    )
    .is_empty());
}

#[test]
fn earnings_per_share_stated_twice_is_one_quantity() {
    // `earnings per share` is a level named by the alias group, not a share.
    let text = "Yesterday, we reported third quarter net income of $106 million and earnings per share of $0.83.\n\n\
        For the third quarter of 2021, our net income was $106 million and earnings per share was $0.83.\n";
    assert!(rules_flagged_on_stdin(text).is_empty());
    assert!(checked_kinds_on_stdin(text).contains(&"repeat".to_owned()));
}

#[test]
fn a_share_pushed_to_make_its_structure_add_up_is_no_slip_unless_no_push_was_needed() {
    // Rounded to the nearest, 19.55 + 34.6 + 45.85 make 100.1: printing
    // 19.5 keeps the structure at 100.
    let pushed = "全年全县生产总值10000万元。其中,第一产业增加值1955万元,占生产总值的比重为19.5%;\
                  第二产业增加值3460万元,占生产总值的比重为34.6%;第三产业增加值4585万元,占生产总值的比重为45.9%。";
    assert!(rules_flagged_on_stdin(pushed).is_empty());
    // 4.12 + 68.36 + 27.52 round to 4.1 + 68.4 + 27.5 = 100 already:
    // 68.3 and 27.6 are two slips, not a push.
    let unneeded = "全年全县生产总值10000万元。其中,第一产业增加值412万元,占生产总值的比重为4.1%;\
                    第二产业增加值6836万元,占生产总值的比重为68.3%;第三产业增加值2752万元,占生产总值的比重为27.6%。";
    assert_eq!(
        rules_flagged_on_stdin(unneeded),
        ["zh.ratio.named-whole", "zh.ratio.named-whole"]
    );
}

#[test]
fn a_sentence_printed_again_word_for_word_restates_its_figures() {
    // A summary page and its transcript, where the PDF tool glued words.
    let text = "Key points\n\nIn order of their contribution, output increased by 1.3% in services and by 0.6% in production.\n\n\
                Page 1\n\nIn order of their contribution, output increased by 1.3% in servicesand by 0.6% in production.\n";
    assert_eq!(checked_kinds_on_stdin(text), ["repeat", "repeat"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replacen("by 0.6% in production", "by 0.9% in production", 1)),
        ["en.repeat.restated"]
    );
    // Two figures that both differ are two statements written alike.
    assert!(checked_kinds_on_stdin(&text.replacen(
        "by 1.3% in services and by 0.6%",
        "by 1.8% in services and by 0.2%",
        1
    ))
    .is_empty());
}

#[test]
fn a_set_listed_after_another_part_under_qi_zhong_is_a_breakdown_of_the_total() {
    // 外贸 cuts across the set; 沿海 and 内河 make the whole.
    let text = "6月,港口货物吞吐量共完成2.35亿吨,比去年同月上升1.0%。\n其中:\n外贸完成0.81亿吨,比去年同月上升12.2%。\n\
                沿海完成2.03亿吨,比去年同月上升1.5%;\n内河完成0.32亿吨,比去年同月下降9.5%。\n";
    assert_eq!(checked_kinds_on_stdin(text), ["sum"]);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("内河完成0.32亿吨", "内河完成0.52亿吨")),
        ["zh.sum.set"]
    );
}

#[test]
fn two_subjects_joined_by_he_name_their_values_and_road_plus_waterway_is_a_whole() {
    let text = "6月,全省公路水路货运量完成2.92亿吨。\n其中:\n公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里;\n\
                水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里。\n";
    assert!(checked_kinds_on_stdin(text).contains(&"sum".to_owned()));
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("完成0.84亿吨", "完成0.94亿吨")),
        ["zh.sum.set"]
    );
}

#[test]
fn the_level_a_change_reached_is_named_by_the_change() {
    // `归母净利润率…至4.75%`: the margin is the level the change reached.
    let text = "22年公司营业收入实现24.28亿元，归母净利润同比降低23.45%至1.15亿元，对应归母净利润率同比降低1.53pct至4.75%。";
    let file = json_on_stdin(text);
    assert!(fields(&file, "checks", "rule").contains(&"zh.ratio.rate".to_owned()));
    // Unnamed, the level is no margin.
    let unnamed = "22年公司营业收入实现24.28亿元，归母净利润同比降低23.45%至1.15亿元，对应同比降低1.53pct至4.75%。";
    let file = json_on_stdin(unnamed);
    assert!(!fields(&file, "checks", "rule").contains(&"zh.ratio.rate".to_owned()));
}

#[test]
fn a_set_qualifier_opening_a_list_of_subjects_qualifies_them_all() {
    // 公路 qualifies 货物周转量 too: the turnovers add up like the volumes.
    let text = "6月,全省公路水路货运量、货物周转量分别完成2.92亿吨和2060.95亿吨公里。\n其中:\n\
                公路货运量和货物周转量分别完成2.08亿吨和236.32亿吨公里;\n\
                水路货运量和货物周转量分别完成0.84亿吨和1824.63亿吨公里。\n";
    let file = json_on_stdin(text);
    let sums = fields(&file, "checks", "rule")
        .iter()
        .filter(|r| *r == "zh.sum.set")
        .count();
    assert_eq!(sums, 2);
    assert_eq!(
        rules_flagged_on_stdin(&text.replace("1824.63亿吨公里", "1924.63亿吨公里")),
        ["zh.sum.set"]
    );
}

#[test]
fn an_estimate_rounded_to_the_hundred_may_be_off_by_fifty() {
    // Labour force surveys round each estimate to the hundred: 28,900 −
    // 27,900 may print as 1,100.
    let text = "Employment increased 1,100 to 11,639,200. Full-time employment increased 28,900 to 8,090,000 and part-time employment decreased 27,900 to 3,549,200.";
    assert_eq!(checked_kinds_on_stdin(text), ["sum", "sum"]);
    // A hundred off is a slip.
    assert_silent_then_flagged(
        text,
        &text.replace("increased 1,100", "increased 1,200"),
        "en.sum.increments",
    );
}

#[test]
fn a_value_in_apposition_is_named_by_the_noun_before_it() {
    let text = "The unemployment rate edged down to 4.3 percent in May, the bureau reported.\n\n\
                Both the number of unemployed persons, 6.9 million, and the unemployment rate, 4.3 percent, declined in May.";
    assert_eq!(checked_kinds_on_stdin(text), ["repeat"]);
    assert!(rules_flagged_on_stdin(text).is_empty());
}
