//! The word tables that make a number a figure: scale words, units and measure words,
//! qualifier words, and the words after a number that make it something else.
//!
//! Tables are data, one entry per line; matching takes the longest entry that fits.

use super::wordset::word_set;

word_set!(
    /// [`UNITS`], indexed.
    unit_set,
    UNITS
);

/// Scale words and their power of ten. `千瓦`, `千伏`, `千米` are units in their own right and
/// are matched as units first (`gold/GUIDE.md`).
#[rustfmt::skip]
pub const SCALES: &[(&str, u32)] = &[
    ("万亿", 12),
    ("亿", 8),
    ("千万", 7),
    ("百万", 6),
    ("万", 4),
    ("千", 3),
    ("百", 2),
];

/// Units and measure words that follow a number (after any scale word).
#[rustfmt::skip]
pub const UNITS: &[&str] = &[
    // percent and rates
    "%",
    "％",
    "‰",
    "个百分点",
    "百分点",
    "倍",
    "成",
    // money
    "元",
    "美元",
    "欧元",
    "港元",
    "日元",
    "元人民币",
    // people and bodies
    "人",
    "人次",
    "名",
    "位",
    "户",
    "户次",
    "家",
    "家次",
    "所",
    "个",
    "支",
    "队",
    "组",
    "对",
    // things and events
    "件",
    "件次",
    "宗",
    "起",
    "例",
    "项",
    "项次",
    "条",
    "场",
    "场次",
    "次",
    "批",
    "批次",
    "期",
    "期次",
    "轮",
    "类",
    "大类",
    "种",
    "类次",
    "份",
    "篇",
    "部",
    "本",
    "册",
    "卷",
    "套",
    "台",
    "台套",
    "辆",
    "辆次",
    "架",
    "架次",
    "艘",
    "列",
    "班",
    "班次",
    "车次",
    "航次",
    "座",
    "栋",
    "幢",
    "间",
    "层",
    "处",
    "块",
    "片",
    "段",
    "口",
    "眼",
    "株",
    "棵",
    "头",
    "只",
    "匹",
    "羽",
    "尾",
    "枚",
    "颗",
    "张",
    "床",
    "盏",
    "根",
    "笔",
    "单",
    "节",
    "课时",
    "学时",
    "学分",
    "标箱",
    "标准箱",
    "个点",
    "方面",
    // time
    "年",
    "个月",
    "天",
    "日",
    "周",
    "小时",
    "分钟",
    "秒",
    "工作日",
    "个工作日",
    "岁",
    "周岁",
    "刻钟",
    // length, area, volume, mass, energy
    "公里",
    "千米",
    "米",
    "厘米",
    "毫米",
    "微米",
    "纳米",
    "平方公里",
    "平方千米",
    "平方米",
    "平米",
    "公顷",
    "亩",
    "立方米",
    "吨",
    "公斤",
    "千克",
    "克",
    "毫克",
    "微克",
    "斤",
    "升",
    "毫升",
    "千瓦",
    "千瓦时",
    "兆瓦",
    "瓦",
    "千伏",
    "千伏安",
    "伏",
    "度",
    "吨标准煤",
    "吨标煤",
    "P",
    "MW",
    "GW",
    "kW",
    "km",
    "kg",
    "TB",
    "PB",
];

/// Units after which 余/多 still qualify the number (`两年多`, `增长2倍多`).
#[rustfmt::skip]
pub const QUALIFIED_AFTER_UNIT: &[&str] = &[
    "年",
    "个月",
    "天",
    "日",
    "周",
    "小时",
    "分钟",
    "倍",
];

/// Units a rate unit divides by, after `/` or `每` (`万吨/日`, `微克每立方米`).
#[rustfmt::skip]
pub const PER_UNITS: &[&str] = &[
    "年",
    "日",
    "天",
    "小时",
    "时",
    "秒",
    "人",
    "户",
    "亩",
    "公顷",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "吨",
    "升",
];

/// Qualifiers written before the number, and the word the report uses for each.
#[rustfmt::skip]
pub const QUALIFIERS_BEFORE: &[(&str, &str)] = &[
    ("不低于", "不低于"),
    ("不少于", "不少于"),
    ("不超过", "不超过"),
    ("不高于", "不超过"),
    ("不足", "不足"),
    ("不到", "不到"),
    ("超过", "超过"),
    ("突破", "突破"),
    ("将近", "近"),
    ("接近", "近"),
    ("大约", "约"),
    ("约合", "约"),
    ("至少", "至少"),
    ("至少有", "至少"),
    ("最多", "最多"),
    ("约", "约"),
    ("近", "近"),
    ("超", "超"),
    ("逾", "逾"),
];

/// Words ending in a qualifier that are not one (`最近3年`, `附近`, `赶超`).
#[rustfmt::skip]
pub const NOT_QUALIFIERS_BEFORE: &[&str] = &[
    "最近",
    "附近",
    "临近",
    "靠近",
    "赶超",
];

/// Qualifiers written after the figure.
#[rustfmt::skip]
pub const QUALIFIERS_AFTER: &[&str] = &[
    "左右",
    "上下",
    "以上",
    "以下",
    "以内",
];

/// Qualifiers written between the number and its unit (`500余条`, `3万多`).
#[rustfmt::skip]
pub const QUALIFIERS_INSIDE: &[&str] = &[
    "余",
    "多",
];

/// What follows a unit when the number is a name, rank or session rather than an amount
/// (`70周年`, `四次全会`, `80年代`, `三年级`).
#[rustfmt::skip]
pub const NOT_AFTER_UNIT: &[(&str, &str)] = &[
    ("周", "年"),
    ("次", "全会"),
    ("次", "全委"),
    ("次", "会议"),
    ("次", "代表大会"),
    ("次", "党代会"),
    ("次", "人口普查"),
    ("次", "产业"),
    ("年", "代"),
    ("年", "级"),
    ("个", "一"),
    ("大类", "别"),
];

/// Words that name the plan period as a time looked back on (`过去五年`, `这五年`): the N年
/// after them is not a measured duration (`gold/GUIDE.md`: 一年来, 五年来, 过去五年).
#[rustfmt::skip]
pub const PERIOD_BEFORE: &[&str] = &[
    "过去",
    "这",
    "未来",
    "关键",
    "的",
    "奋斗",
    "那",
    "今后",
    "此后",
];

/// Words right after N年 that make it the period a change is measured over, looked back on
/// (`五年增长30%`, `三年累计投入`); after 连续/时隔 it is a run and stays a figure.
#[rustfmt::skip]
pub const CHANGE_AFTER_PERIOD: &[&str] = &[
    "增长",
    "下降",
    "提高",
    "降低",
    "累计",
    "年均",
];

/// Words after N年 that make it a period looked back on (`五年来`, `三年以来`).
#[rustfmt::skip]
pub const PERIOD_AFTER: &[&str] = &[
    "来",
    "以来",
    "间",
];

/// Dashes and words that join the two ends of a range (`2—3岁`, `3至5天`).
pub fn is_range_joiner(c: char) -> bool {
    matches!(
        c,
        '—' | '–' | '-' | '－' | '～' | '~' | '至' | '―' | '‐' | '‑' | '−'
    )
}

/// The longest entry of `table` that `s` starts with.
pub fn longest<'t>(s: &str, table: &[&'t str]) -> Option<&'t str> {
    table
        .iter()
        .copied()
        .filter(|w| s.starts_with(w))
        .max_by_key(|w| w.len())
}

/// The longest scale word that `s` starts with, with its power of ten; `None` when a unit that
/// begins with a scale character (`千瓦`, `千米`) is written there.
pub fn scale_at(s: &str) -> Option<(&'static str, u32)> {
    let (word, exp) = SCALES
        .iter()
        .copied()
        .filter(|(w, _)| s.starts_with(w))
        .max_by_key(|(w, _)| w.len())?;
    if let Some(unit) = unit_set().longest(s) {
        if unit.len() > word.len() || (unit.len() == word.len() && unit != word) {
            return None;
        }
    }
    // `51313百羽`: 百 is a scale word of statistical tables only before a unit (`百强` is none).
    if word == "百" && unit_set().longest(&s[word.len()..]).is_none() {
        return None;
    }
    Some((word, exp))
}

/// The unit written as the report lists it (`％` is `%`).
pub fn normalise_unit(unit: &str) -> String {
    // Units are a few characters: mapping them is cheaper than a general replace.
    unit.chars()
        .map(|c| if c == '％' { '%' } else { c })
        .collect()
}
