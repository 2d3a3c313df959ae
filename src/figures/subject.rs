//! The subject of a figure: the shortest phrase that names what it measures.
//!
//! Worked out from the clause, not from a list of topics:
//! - the phrase between the clause start (or the last verb) and the number, with the rate words
//!   that lead up to the number dropped (`共受理行政复议案件15件` → 行政复议案件,
//!   `国内生产总值增长5.2%` → 国内生产总值);
//! - the noun after the figure when a verb stands right before it or nothing names it before
//!   (`建成3个蔬菜生产园区`, `为期3天的…培训`, `12所高水平大学`);
//! - for a 分别 list named item by item, each item (`高技术制造业、装备制造业增加值分别增长
//!   9.5%、10.7%`);
//! - when the clause names nothing (`…198.5亿元，增长22.3%`), the subject of the figure before.
//!
//! Look-back and look-ahead are bounded ([`WINDOW`] characters), so this is linear.

use super::scan::Raw;
use crate::chars::{is_cjk, is_digit, tail};
use crate::lexicon::{
    self, follow_stops, function_words, honoured_nouns, lead_words, mid_stops, noun_heads,
    rate_words, unit_set, verbs, ACTION_UNITS, CASE_UNITS, CHANGE_VERBS, COMPARED_PERIODS,
    CONVERSION_ENDS, COVERBS, DURATION_UNITS, HONOUR_TITLES, HONOUR_VERBS, MILESTONES, NOT_LEAD,
    NOT_RATE, ORGANISATIONS, PER_HEAD, PLACE_ENDINGS, PURPOSE_VERBS, RATE_HEADS, RATE_NOUNS,
    RUN_IN_TIME, RUN_WORDS, SCOPE_WORDS, SHARE_WORDS, STANDING_VERBS, TOTAL_ADVERBS,
};

/// 占 of a share (`X占Y的比重`), in simplified and traditional characters.
const SHARE: [char; 2] = ['占', '佔'];

/// How far a subject may reach from its figure, in characters.
const WINDOW: usize = 40;
/// The longest subject read after its figure, in characters.
const FOLLOW_MAX: usize = 12;
/// A subject longer than this is cut at its last 等 or 的 (`城市供排水、燃气、供热等管网`).
const LONG: usize = 18;
/// A subject longer than this is cut at its last 等, 的 or 、 when it has one.
const CUT: usize = 12;
/// A share (`X占Y的比重`) up to this long is kept whole.
const SHARE_LONG: usize = 24;
/// A subject with 、 up to this long is a list and is kept whole.
const LIST: usize = 16;
/// A subject longer than this drops a leading scope word (`全区干部…` but `全省生产总值`).
const SCOPED: usize = 10;

/// Punctuation that ends a clause (、 does not: `乡镇卫生院、社区卫生服务中心占比`).
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | ':'
            | '！'
            | '？'
            | ','
            | ';'
            | '!'
            | '?'
            | '（'
            | '）'
            | '('
            | ')'
            | '…'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?')
}

/// The subjects of the figures of one paragraph, in order.
pub fn assign(text: &str, figures: &[Raw]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(figures.len());
    for (k, f) in figures.iter().enumerate() {
        let mut floor = k
            .checked_sub(1)
            .and_then(|p| figures.get(p))
            .map_or(0, |p| p.end);
        // `投资超5亿元的项目4个`: a threshold figure with 的 is part of the name of what is
        // counted.
        let threshold = floor > 0 && text[floor..f.lead].starts_with('的');
        if threshold {
            floor = k
                .checked_sub(2)
                .and_then(|p| figures.get(p))
                .map_or(0, |p| p.end);
        }
        // `化肥施用量（折纯）17362吨`: a note in brackets between the name and the number.
        let lead = skip_note(text, f.lead, floor);
        let (before, verb_before) =
            before_phrase(text, lead, floor, CASE_UNITS.contains(&f.unit.as_str()));
        let rest = &text[f.end..];
        // `18年保持在…` after 连续/时隔: the run belongs to what stands before it.
        let run = RUN_WORDS.iter().any(|w| text[..f.lead].ends_with(w));
        // `，连续三年位居全国前十`, `连续5年提高企业退休人员基本养老金`: a run that opens its
        // clause.
        let opened_run = before.is_none() && text[..f.lead].ends_with("连续");
        let adjacent = figures.get(k + 1).is_some_and(|n| n.lead == f.end);
        let direct = (starts_noun(rest) && !starts_verb(rest)) || adjacent;
        // `苏翊鸣等147名同志`, `…团队等148個(gè)集體`: after a list closed by 等, the count is of
        // the noun that follows it (past a unit's reading in brackets).
        let after_list = before.as_ref().is_some_and(|b| b.ends_with('等')) && noun_follows(rest);
        // `全省93%的建制镇`: a scope word alone names nothing; the noun follows.
        // `成华区50%的城市社区`: nor does a place or a body whose share of things follows.
        let scoped = before.as_ref().is_some_and(|b| {
            SCOPE_WORDS.contains(&b.as_str())
                || (rest.starts_with('的')
                    && !b.contains(SHARE)
                    && PLACE_ENDINGS.iter().any(|e| b.ends_with(e)))
        });
        // `超过国家规定造价一百二十五元的百分之一百四十`: a share of the amount a comparison
        // names measures what is compared, not that amount.
        let rate = is_rate(&f.unit);
        let compared = threshold && rate && {
            let clause = text[floor.min(lead)..lead]
                .rsplit(is_clause_end)
                .next()
                .unwrap_or("");
            lexicon::COMPARE_WORDS.iter().any(|w| clause.starts_with(w))
        };
        let average = rate
            .then(|| averaged(&text[floor.min(lead)..lead]))
            .flatten();
        let before = before.filter(|_| !scoped && !compared && average.is_none());
        // `非生产性的投资占百分之二十四点三`: a share named by `X占` alone keeps 占 (the `X占Y`
        // phrase with Y left out).
        let share = is_rate(&f.unit) && text[..lead].ends_with(SHARE);
        let before = before.map(|b| {
            if share && !b.contains(SHARE) {
                b + "占"
            } else {
                b
            }
        });
        // `占全国人口80%以上的农民`: a share written before 的 is the share of the noun after it.
        // `增长百分之八点六的速度`: a rate before 的 and a noun of rates measures that noun.
        let share_of_next = is_rate(&f.unit)
            && rest.strip_prefix('的').is_some_and(|r| {
                before.as_ref().is_some_and(|b| b.contains(SHARE))
                    || RATE_HEADS
                        .iter()
                        .any(|h| clause_prefix(r, FOLLOW_MAX).ends_with(h))
            });
        // `2418项事项中，2331项纳入…`: a count that opens the clause after `…中，` counts part
        // of what the figure before named.
        let among = before.is_none()
            && text[floor.min(f.lead)..f.lead]
                .strip_suffix(['，', ','])
                .is_some_and(|b| b.ends_with('中'));
        // `行政机关应当于十五日内作出…`: a limit set with 于 or 在 is the action's, not the actor's.
        // `自收到申请之日起15日内作出决定`: so is a limit counted from a starting point.
        let within = is_time_limit(f, rest) && text[..lead].ends_with(['于', '在', '起']);
        // `不足100人的…，按100人補足`: a figure set as the standard with 按 measures what the
        // figure before measured.
        let standard = before.is_none() && text[..lead].ends_with('按');
        // `其中2项为子项`: a part of a breakdown named after 为 or 是.
        let named_part = if before.is_none() && text[..lead].ends_with("其中") {
            part_named_after(rest)
        } else {
            None
        };
        // `增速排名全市首位，分别比全国高4.2个百分点`: a difference of rates whose clause names
        // nothing measures the rate the clause before names.
        let rate_before = if before.is_none() && f.unit.ends_with("百分点") {
            previous_clause(text, lead, floor, false).and_then(|p| up_to_rate_noun(&p))
        } else {
            None
        };
        // `超过全国（16.1%）的平均水平`: a figure alone in brackets after a name is that
        // name's.
        let bracketed = text[..f.lead]
            .strip_suffix(['（', '('])
            .filter(|_| text[f.end..].starts_with(['）', ')']))
            .and_then(|head| before_phrase(text, head.len(), floor, false).0);
        let subject = if named_part.is_some() {
            named_part
        } else if let Some(noun) = after_list.then(|| following(text, figures, k)).flatten() {
            Some(noun)
        } else if bracketed.is_some() {
            bracketed
        } else if rate_before.is_some() {
            rate_before
        } else if standard {
            inherited(text, figures, &out, k, false)
        } else if compared {
            // What the figure before the amount compared with measures.
            k.checked_sub(1)
                .and_then(|j| inherited(text, figures, &out, j, false))
        } else if share_of_next {
            following(text, figures, k).or(before)
        } else if within
            || (before.is_none() && (is_action_count(&f.unit) || is_time_limit(f, rest)))
        {
            // `两次降低存款准备金率`, `七日内提出处理意见`: what is done so many times, or
            // within the limit.
            following(text, figures, k)
                .or_else(|| done_after(rest).map(|d| said_before(text, lead, &d).unwrap_or(d)))
        } else if is_action_count(&f.unit) && before.is_some() && !verb_before {
            // `中心组学习7次`, `镇党委会议先后4次研究部署`: what the clause names before a count
            // of actions is what was done so many times.
            before
        } else if run && before.is_some() {
            before
        } else if let Some(subject) = opened_run
            .then(|| {
                if STANDING_VERBS.iter().any(|v| rest.starts_with(v)) {
                    run_topic(text, f.lead)
                } else {
                    run_object(rest)
                }
            })
            .flatten()
        {
            Some(subject)
        } else if among {
            inherited(text, figures, &out, k, false).or_else(|| following(text, figures, k))
        } else if before.is_none() && !direct && !scoped && !starts_verb(rest) {
            // `…优良率连续五年保持100%的唯一省份`: a figure that follows another in its clause
            // measures the same thing.
            inherited(text, figures, &out, k, false).or_else(|| following(text, figures, k))
        } else if verb_before || direct || before.is_none() {
            // `建成两个装机一百万千瓦的电站`: after a verb, a count may be followed by a
            // modifier of its noun.
            (verb_before || before.is_none())
                .then(|| modified_head(text, figures, k))
                .flatten()
                .or_else(|| following(text, figures, k))
                .or(before)
        } else {
            before
        };
        let subject = subject
            .or_else(|| inherited(text, figures, &out, k, false))
            .or(average)
            .or_else(|| {
                let other = k
                    .checked_sub(1)
                    .and_then(|p| figures.get(p))
                    .is_some_and(|p| !kin(p, f) && !is_rate(&f.unit) && !is_rate(&p.unit));
                previous_clause(text, lead, floor, other)
            })
            .or_else(|| carried(text, figures, &out, k))
            // `开展…专题集中学习，全年累计开展20余次`: a verb said again stands for its object.
            .or_else(|| repeated_object(text, lead, floor))
            // `比上年下降4.1%；与2020年相比，两年平均增长2.5%`: a clause after ； that names
            // nothing goes on about what the clause before measured.
            // (Not an item of a list, `0-17岁、18-34岁…户籍人口`, whose name is its own.)
            .or_else(|| {
                (!rest.starts_with('、'))
                    .then(|| inherited(text, figures, &out, k, true))
                    .flatten()
            });
        // `…的单位达到215家，占比97%`: a bare share word takes what the figure before names.
        let subject = match subject {
            // `无人机产量增长39%、占全国9成`: a share named by 占 alone takes it too.
            Some(s) if SHARE_WORDS.contains(&s.as_str()) || s.starts_with(SHARE) => {
                inherited(text, figures, &out, k, false)
                    .filter(|p| !p.ends_with(s.as_str()) && !p.contains(SHARE))
                    .map(|p| format!("{p}{s}"))
                    .or(Some(s))
            }
            other => other,
        };
        let subject = subject.map(|s| honoured(text, floor.min(lead), f.end, &s).unwrap_or(s));
        out.push(subject);
    }
    distribute(text, figures, &mut out);
    share_trailing_noun(text, figures, &mut out);
    out
}

/// Whether a noun follows a figure (past a unit's reading in brackets, `個(gè)集體`).
fn noun_follows(rest: &str) -> bool {
    let noun = past_reading(rest);
    starts_noun(noun) && !starts_verb(noun)
}

/// `s` past the reading in brackets that opens it (`(gè)集體`: a copy with the reading of each
/// character in brackets puts one after a unit); `s` itself when none does.
fn past_reading(s: &str) -> &str {
    if s.starts_with(['(', '（']) {
        &s[reading_len(s).unwrap_or(0)..]
    } else {
        s
    }
}

/// `…的次日起算`, `…之日起`: a starting point, which is no quantity.
fn is_starting_point(phrase: &str) -> bool {
    phrase.ends_with("起算") || phrase.ends_with("日起")
}

/// `授予…等148个集体“北京冬奥会突出贡献集体”称号`, `授予苏翊鸣等147名同志、追授…`: in a clause
/// that gives an award, the noun counted after the figure ends where the honour's quoted name
/// or the next award begins. `None` when the subject is not that noun or nothing is cut.
fn honoured(text: &str, from: usize, end: usize, subject: &str) -> Option<String> {
    // Most subjects are named before the figure: that is seen first.
    if !past_reading(&text[end..]).starts_with(subject) {
        return None;
    }
    // (`31名运动员、教练员`: nouns listed with 、 are all counted.)
    let quoted = subject.char_indices().find(|&(j, c)| {
        j > 0
            && (matches!(c, '“' | '"')
                || (c == '、' && HONOUR_VERBS.iter().any(|v| subject[j + 3..].starts_with(v))))
    });
    // `授予665个集体全国民族团结进步模范集体称号`: without quotes, the honour's name runs on
    // from the noun counted to 称号.
    let titled = || {
        honoured_nouns()
            .longest(subject)
            .filter(|h| subject.len() > h.len())
            .filter(|_| {
                let clause = clause_prefix(&text[end..], WINDOW);
                HONOUR_TITLES.iter().any(|w| clause.contains(w))
            })
            .map(|h| h.len())
    };
    // `授予812人全国…模范个人称号`: the title's word is no part of what is counted.
    let titled_end = || {
        HONOUR_TITLES
            .iter()
            .find_map(|w| subject.strip_suffix(w))
            .map(str::len)
    };
    let cut = quoted.map(|(j, _)| j).or_else(titled).or_else(titled_end)?;
    // (Brackets do not end it: a copy may put a reading after every character.)
    let clause = text[from..end]
        .rsplit(|c: char| is_clause_end(c) && !matches!(c, '(' | ')' | '（' | '）'))
        .next()
        .unwrap_or("");
    if !HONOUR_VERBS.iter().any(|v| clause.contains(v)) {
        return None;
    }
    (subject[..cut].chars().count() >= 2).then(|| subject[..cut].to_string())
}

/// `其中2项为子项`: the noun after 为 or 是 that names a part, up to the clause end (at most
/// six characters).
fn part_named_after(rest: &str) -> Option<String> {
    let noun = rest.strip_prefix(['为', '是'])?;
    let phrase = clause_prefix(noun, 7);
    let n = phrase.chars().count();
    let ends = noun[phrase.len()..].starts_with(is_clause_end) || phrase.len() == noun.len();
    ((2..=6).contains(&n) && ends && starts_noun(noun) && !starts_verb(noun))
        .then(|| phrase.to_string())
}

/// The phrase up to and including its first rate noun (`增速排名全市首位` → 增速), when it
/// has one.
fn up_to_rate_noun(phrase: &str) -> Option<String> {
    let end = RATE_NOUNS
        .iter()
        .filter_map(|w| phrase.find(w).map(|i| i + w.len()))
        .min()?;
    Some(phrase[..end].to_string())
}

/// The object of the verb that ends the figure's own clause, when the clause before in the
/// same sentence has the same verb with an object (`开展…专题集中学习，全年累计开展20余次`):
/// the verb said again stands for what it was done to. The own clause must hold nothing but
/// time and total words before the verb.
fn repeated_object(text: &str, lead: usize, floor: usize) -> Option<String> {
    let window = &text[..lead];
    // Most figures have no verb right before them: that is seen first, without a scan.
    let verb = verbs().longest_suffix(window)?;
    let (b, c) = window
        .char_indices()
        .rev()
        .take(WINDOW)
        .find(|&(_, c)| is_clause_end(c))?;
    if is_sentence_end(c) || b < floor.min(lead) {
        return None;
    }
    let own = &window[b + c.len_utf8()..];
    if own.len() < verb.len() {
        return None;
    }
    let mut head = &own[..own.len() - verb.len()];
    while let Some(w) = lead_words()
        .longest(head)
        .or_else(|| rate_words().longest(head))
    {
        head = &head[w.len()..];
    }
    if !head.is_empty() {
        return None;
    }
    let before = &window[..b];
    let start = before
        .char_indices()
        .rev()
        .take(WINDOW)
        .find(|&(_, c)| is_clause_end(c))
        .map_or(before.len() - tail(before, WINDOW).len(), |(j, c)| {
            j + c.len_utf8()
        });
    let clause = &before[start..];
    let object = &clause[clause.rfind(verb)? + verb.len()..];
    (object.chars().count() >= 2 && starts_noun(object) && !starts_verb(object))
        .then(|| shorten(object).to_string())
}

/// Whether a phrase says what was done (`取消`, `扩大权限`, `部门间移交`) rather than what was
/// counted: it opens with a verb or a rate word, or ends with a verb.
fn is_action(phrase: &str) -> bool {
    verbs().starts(phrase)
        || rate_words().longest(phrase).is_some()
        || verbs().longest_suffix(phrase).is_some()
}

/// The most figures of one list that [`share_trailing_noun`] walks back over.
const RUN_MAX: usize = 12;

/// `共取消15项（其中2项为子项），新增17项、扩大权限37项、部门间移交1项行政权力事项`: in a list
/// of counts of one unit, each after what was done, the noun after the last count (closing the
/// clause) is what every count counts.
fn share_trailing_noun(text: &str, figures: &[Raw], subjects: &mut [Option<String>]) {
    for m in 1..figures.len() {
        let f = &figures[m];
        let Some(Some(noun)) = subjects.get(m) else {
            continue;
        };
        let rest = &text[f.end..];
        let closes = rest
            .strip_prefix(noun.as_str())
            .is_some_and(|r| r.is_empty() || r.starts_with(is_clause_end));
        if !closes || !starts_noun(rest) || starts_verb(rest) {
            continue;
        }
        let mut next = f.lead;
        let mut members = Vec::new();
        for j in (m.saturating_sub(RUN_MAX)..m).rev() {
            let g = &figures[j];
            if g.unit != f.unit {
                break;
            }
            let gap = &text[g.end..next];
            // The items of a list are short: a long gap ends it (and bounds the searches below).
            let listed = gap.starts_with(['、', '，', ',', '和', '及', '（', '(']);
            if gap.len() > WINDOW * 3 || !listed {
                // A count inside a short note in brackets (`（其中2项为子项）`) is not an item.
                let closing = gap.find(['）', ')']).filter(|_| gap.len() <= NOTE * 3);
                if closing.is_some_and(|c| !gap[..c].contains(['（', '('])) {
                    continue;
                }
                break;
            }
            let gap = skip_bracketed(gap);
            let Some(item) = gap.strip_prefix(['、', '，', ',', '和', '及']) else {
                break;
            };
            let own = subjects.get(j).and_then(Option::as_deref);
            let fits = item.chars().count() <= 8
                && !item.contains(is_clause_end)
                && (item.is_empty() || is_action(item))
                && own.is_none_or(is_action);
            if !fits {
                break;
            }
            members.push(j);
            next = g.lead;
        }
        if members.is_empty() {
            continue;
        }
        let noun = noun.clone();
        for j in members {
            if let Some(slot) = subjects.get_mut(j) {
                *slot = Some(noun.clone());
            }
        }
    }
}

/// `（其中2项为子项），新增`: the text after a short note in brackets that opens `gap`.
fn skip_bracketed(gap: &str) -> &str {
    if !gap.starts_with(['（', '(']) {
        return gap;
    }
    match gap
        .char_indices()
        .take(WINDOW)
        .find(|&(_, c)| matches!(c, '）' | ')'))
    {
        Some((j, c)) => &gap[j + c.len_utf8()..],
        None => gap,
    }
}

/// The subject of the figure before, when nothing ends the sentence between them.
///
/// `past_semicolon`: a ； between them does not end the sentence (a clause after it that names
/// nothing goes on about the same thing).
fn inherited(
    text: &str,
    figures: &[Raw],
    done: &[Option<String>],
    k: usize,
    past_semicolon: bool,
) -> Option<String> {
    let p = k.checked_sub(1)?;
    let prev = figures.get(p)?;
    let cur = figures.get(k)?;
    let between = text.get(prev.end..cur.lead)?;
    let ends = |c: char| is_sentence_end(c) && !(past_semicolon && matches!(c, '；' | ';'));
    if between.chars().any(ends) || between.chars().count() > WINDOW {
        return None;
    }
    // `（其中2项为子项），新增17项`: a figure inside a note names a part, not what follows; the
    // figure before the note does.
    let in_note = |between: &str| {
        between
            .find(['）', ')'])
            .is_some_and(|c| !between[..c].contains(['（', '(']))
    };
    let p = if in_note(between) {
        let q = p.checked_sub(1)?;
        let outer = text.get(figures.get(q)?.end..cur.lead)?;
        if outer.chars().any(is_sentence_end) || outer.chars().count() > WINDOW {
            return None;
        }
        q
    } else {
        p
    };
    let prev = figures.get(p)?;
    let subject = done.get(p).cloned().flatten()?;
    // `赤字率拟按3%安排，…增加1800亿元`: the name of a rate or a share measures no amount.
    if !is_rate(&cur.unit)
        && SHARE_WORDS
            .iter()
            .chain(&["率"])
            .any(|w| subject.ends_with(w))
    {
        return None;
    }
    // `跨越三个“十亿元”台阶，从…19.8亿元`: the noun after a count is what it counts; an
    // amount of another kind that follows is not one of them (a rate still is its rate).
    let counted = text
        .get(prev.end..)
        .is_some_and(|r| r.trim_start_matches('的').starts_with(subject.as_str()));
    if counted && !kin(prev, cur) && !is_rate(&cur.unit) {
        // `九百六十七亿元，比第五个五年计划期间的五百七十七亿元`: a number inside the name
        // between them (五年计划) is passed over, to a figure of this one's kind.
        let q = p.checked_sub(1)?;
        let first = figures.get(q)?;
        let between = text.get(first.end..cur.lead)?;
        if kin(first, cur)
            && !between.chars().any(is_sentence_end)
            && between.chars().count() <= WINDOW
        {
            return done.get(q).cloned().flatten();
        }
        return None;
    }
    Some(subject)
}

/// `…1956年提高到610元。在四年中间，提高了将近37%。`: a rate whose own sentence names
/// nothing measures the amount that ends the sentence just before it.
fn carried(text: &str, figures: &[Raw], done: &[Option<String>], k: usize) -> Option<String> {
    let p = k.checked_sub(1)?;
    let (prev, cur) = (figures.get(p)?, figures.get(k)?);
    if !is_rate(&cur.unit) || is_rate(&prev.unit) {
        return None;
    }
    let between = text.get(prev.end..cur.lead)?;
    let ends = between.chars().filter(|&c| is_sentence_end(c)).count();
    let closes = between.starts_with(is_sentence_end);
    if ends != 1 || !closes || between.chars().count() > WINDOW {
        return None;
    }
    done.get(p).cloned().flatten()
}

/// Units that count actions (`两次降低…`, `三轮督察`).
fn is_action_count(unit: &str) -> bool {
    ACTION_UNITS.contains(&unit)
}

/// Whether figure `f` is a time limit (`七日内`, `3个工作日内`): a duration followed by 内.
fn is_time_limit(f: &Raw, rest: &str) -> bool {
    let duration = DURATION_UNITS.contains(&f.unit.as_str());
    duration && (rest.starts_with('内') || f.qualifier == Some("以内"))
}

/// The action right after a count of actions or a time limit: a verb and its object, up to
/// the clause end (at most [`FOLLOW_MAX`] characters).
fn done_after(rest: &str) -> Option<String> {
    let mut rest = rest.strip_prefix('内').unwrap_or(rest);
    if !rest.starts_with(is_cjk) || rest.starts_with(['的', '是', '为']) {
        return None;
    }
    // `二十年内力争实现…`: a modal names nothing.
    while let Some(w) = function_words()
        .longest(rest)
        .filter(|w| w.chars().count() >= 2)
    {
        rest = &rest[w.len()..];
    }
    // `八年内使它们提供的商品粮比现在增加两、三倍`: the comparison is no part of it.
    let phrase = strip_compared(clause_prefix(rest, FOLLOW_MAX));
    (phrase.chars().count() >= 2).then(|| phrase.to_string())
}

/// `提出索赔应在…180日内提出`: a bare verb (two characters) that its sentence said before with an object stands
/// for that object, up to the first word that names nothing (`应`). `None` when the action is
/// more than a verb or the verb was not said before.
fn said_before(text: &str, from: usize, action: &str) -> Option<String> {
    if action.chars().count() > 2 {
        return None;
    }
    let sentence = text[..from]
        .char_indices()
        .rev()
        .take(WINDOW)
        .find(|&(_, c)| is_sentence_end(c))
        .map_or(from - tail(&text[..from], WINDOW).len(), |(j, c)| {
            j + c.len_utf8()
        });
    let window = &text[sentence..from];
    let after = &window[window.find(action)? + action.len()..];
    let end = after
        .char_indices()
        .find(|&(j, c)| is_clause_end(c) || is_coverb(c) || function_words().starts(&after[j..]))
        .map_or(after.len(), |(j, _)| j);
    let object = &after[..end];
    (object.chars().count() >= 2 && starts_noun(object)).then(|| object.to_string())
}

/// Whether two figures are of one kind: one unit, or one plain unit under different scale
/// words (`1.5亿元`, `8000万元`).
fn kin(a: &Raw, b: &Raw) -> bool {
    a.unit == b.unit
        || matches!((&a.base, &b.base), (Some((_, x)), Some((_, y))) if x == y && !x.is_empty())
}

/// Whether a unit states a rate or a share (`%`, `个百分点`, `倍`, `成`).
fn is_rate(unit: &str) -> bool {
    // A figure's unit is normalised (`％` is `%`), so the full-width entry never matches.
    lexicon::RATE_UNITS.contains(&unit)
}

/// `A、B增加值分别增长9.5%、10.7%`: when a 分别 list has as many figures as the items named
/// before it, each figure takes its own item.
fn distribute(text: &str, figures: &[Raw], subjects: &mut [Option<String>]) {
    // Most paragraphs have no 分别 before a figure: one search spares one for each figure.
    let last_lead = figures.iter().map(|f| f.lead).max().unwrap_or(0);
    if !text[..last_lead].contains("分别") {
        return;
    }
    let mut k = 0;
    while k < figures.len() {
        let f = &figures[k];
        let before = &text[..f.lead];
        if !tail(before, 6).contains("分别") {
            k += 1;
            continue;
        }
        // The run of figures joined by 、 和 及.
        let mut last = k;
        while let Some(n) = figures.get(last + 1) {
            let gap = &text[figures[last].end..n.lead];
            if gap == "，" || lexicon::LIST_JOINERS.contains(&gap) {
                last += 1;
            } else {
                break;
            }
        }
        let count = last - k + 1;
        if let Some(Some(joint)) = subjects.get(k).cloned() {
            let mut items: Vec<&str> = joint
                .split(['、', '和'])
                .filter(|s| !s.is_empty())
                .collect();
            // A share (`A、B增加值占…比重`) measures the whole phrase, not its items alone.
            if count > 1 && items.len() < count && !joint.contains(SHARE) {
                // A long list was cut to its last items: the whole clause names them.
                if let Some(whole) = listed_before(before, &joint) {
                    let all: Vec<&str> = whole
                        .split(['、', '和'])
                        .filter(|s| !s.is_empty())
                        .collect();
                    if all.len() == count {
                        items = all;
                    }
                }
            }
            if count > 1 && items.len() == count && fragmentary(&items) {
                // `第一、二、三产业增加值占…的比重`: a share of a list of parts is one name.
                if let Some(whole) = listed_before(before, &joint).filter(|w| w.contains(SHARE)) {
                    for slot in subjects.iter_mut().skip(k).take(count) {
                        *slot = Some(whole.to_string());
                    }
                }
            } else if count > 1 && items.len() == count {
                for (i, item) in items.iter().enumerate() {
                    if let Some(slot) = subjects.get_mut(k + i) {
                        *slot = Some((*item).to_string());
                    }
                }
            }
        }
        k = last + 1;
    }
}

/// Whether the items of a 分别 list are parts of one name rather than names of their own:
/// ordinals that share their noun (`第一、二、三产业…贡献率`), ranges of ages
/// (`0-17岁、18-34岁…户籍人口`), or short modifiers before one long head (`城镇和农村居民人均
/// 可支配收入`). Each figure then measures the whole phrase.
fn fragmentary(items: &[&str]) -> bool {
    let Some((last, firsts)) = items.split_last() else {
        return false;
    };
    let numeral = |c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c);
    let part = |s: &&str| {
        s.contains(|c: char| c.is_ascii_digit()) || s.trim_start_matches('第').chars().all(numeral)
    };
    let short = |s: &&str| s.chars().count() <= 2;
    firsts.iter().any(part) || (firsts.iter().all(short) && last.chars().count() >= 8)
}

/// The list named in the clause before a 分别 (`before` ends at the figure), when it ends
/// with `joint`, the subject read for its first figure: `六大优势产业、高技术制造业、绿色低碳
/// 优势产业增加值` for `绿色低碳优势产业增加值`.
fn listed_before<'t>(before: &'t str, joint: &str) -> Option<&'t str> {
    let at = before.len() - tail(before, 6).len();
    let head = &before[..at + before[at..].find("分别")?];
    let start = head
        .char_indices()
        .rev()
        .take(WINDOW * 2)
        .take_while(|&(_, c)| !is_clause_end(c))
        .last()
        .map(|(j, _)| j)?;
    let mut list = &head[start..];
    while let Some(w) = lead_words().longest(list) {
        list = &list[w.len()..];
    }
    let list = strip_tail(list);
    (list.ends_with(joint) && list.len() > joint.len()).then_some(list)
}

/// The longest note in brackets that [`skip_note`] passes over, in characters.
const NOTE: usize = 12;

/// Where the name of a figure ends when a bracketed note stands between it and the number
/// (`施用量（折纯）17362吨`, `收入（不含税）`): the opening bracket; else `lead`. A heading
/// number (`（一）`) is no note.
fn skip_note(text: &str, lead: usize, floor: usize) -> usize {
    let window = &text[floor.min(lead)..lead];
    let Some(inner) = window.strip_suffix(['）', ')']) else {
        return lead;
    };
    let Some((open, opener)) = inner
        .char_indices()
        .rev()
        .take(NOTE + 1)
        .find(|&(_, c)| matches!(c, '（' | '(' | '）' | ')'))
        .filter(|&(_, c)| matches!(c, '（' | '('))
    else {
        return lead;
    };
    let note = &inner[open + opener.len_utf8()..];
    let numeral = |c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c);
    let named = inner[..open].ends_with(is_cjk);
    // `人數(shù)`: a reading in brackets is part of the word.
    let reading = note.chars().all(is_reading_letter);
    if note.is_empty() || note.chars().all(numeral) || !named || reading {
        return lead;
    }
    floor.min(lead) + open
}

/// The phrase before the figure, back to the clause start or a verb; and whether a verb
/// stands right before the number (so the counted noun follows).
///
/// `cases`: the figure counts cases or documents, so an action alone names them (`修改4件`).
fn before_phrase(text: &str, lead: usize, floor: usize, cases: bool) -> (Option<String>, bool) {
    let window = &text[floor.min(lead)..lead];
    let mut start = window.len();
    let mut reached = true;
    let mut annotated = usize::MAX;
    for (n, (j, c)) in window.char_indices().rev().enumerate() {
        if n >= WINDOW {
            reached = false;
            break;
        }
        // `學(xué)生人數(shù)`: a copy with the reading of each character in brackets.
        if j >= annotated {
            continue;
        }
        if matches!(c, ')' | '）') {
            if let Some(open) = reading_before(&window[..j]) {
                annotated = open;
                continue;
            }
        }
        if is_clause_end(c) {
            break;
        }
        start = j;
    }
    let opening = &window[..start];
    // Whether the phrase opens a sentence (or the paragraph).
    let sentence_start =
        reached && ((opening.is_empty() && floor == 0) || opening.ends_with(is_sentence_end));
    // `单位:%全年…`: a unit sign left from a table caption opens no name.
    let mut opened = window[start..].trim_start_matches(['%', '％', '‰']);
    // `[size=3]全县…`: markup left in a copied page opens no name (a note mark, `总值[2]`, is
    // no markup).
    // (Only a phrase that opens with an ASCII character is looked at: most open with a word.)
    if let Some(i) = opened
        .starts_with(|c: char| c.is_ascii())
        .then(|| opened.rfind([']', '>']))
        .flatten()
    {
        let tag = &opened[opened[..i].rfind(['[', '<']).map_or(0, |o| o + 1)..i];
        if tag.contains(|c: char| c.is_ascii_alphabetic()) {
            opened = &opened[i + 1..];
        }
    }
    if split_word(opening) {
        // `新（改）建高标准农田`: the rest of a word split by a bracketed alternative.
        let rest = opened
            .char_indices()
            .nth(1)
            .map_or("", |(j, _)| &opened[j..]);
        if rest.chars().count() >= 2 {
            opened = rest;
        } else if let Some((j, _)) = opening
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '（' | '('))
        {
            // `堆(料)场`: a word too short to stand alone keeps its head and the bracket.
            let head = opening[..j]
                .char_indices()
                .next_back()
                .map_or(j, |(h, _)| h);
            opened = &window[head..];
        }
    }
    // `7次和支部学习8次`: right after the figure before, 和 joins the next item (elsewhere it
    // may open a name, `和平区`).
    // `三年内使…`: nor does the 内 of a time limit.
    if start == 0 && floor > 0 {
        opened = opened.strip_prefix(['和', '内']).unwrap_or(opened);
    }
    let mut phrase = strip_page_number(strip_list_marker(opened));
    phrase = strip_leading_year(phrase);
    if sentence_start {
        phrase = strip_run_in_label(strip_article_label(phrase));
    }
    let stripped = strip_tail(phrase);
    // `A率、B率、C率均达100%`: a list that 均 or 都 sums up is named whole.
    let whole_list = phrase[stripped.len()..].contains(['均', '都']) && stripped.contains('、');
    phrase = strip_tail(strip_compared(stripped));
    // `按2019年平均汇率计算为5686美元`: a conversion restates the figure before.
    if is_conversion(phrase) {
        phrase = "";
    }
    // `增速高于经济增速`, `高于全国`: a comparison is not what is measured.
    let compares = phrase.contains('于');
    if let Some(i) = lexicon::COMPARE_WORDS
        .iter()
        .filter(|_| compares)
        .filter_map(|w| phrase.find(w))
        .min()
    {
        phrase = strip_tail(&phrase[..i]);
    }
    // `超过国家规定造价一百二十五元`: the amount exceeded is the reference's own.
    if let Some(rest) = phrase
        .strip_prefix("超过")
        .filter(|r| r.chars().count() >= 2)
    {
        phrase = rest;
    }
    // `第三轮中央生态环保督察…`: an ordinal that opens the phrase.
    phrase = skip_ordinal(phrase);
    // `新闻发布会累计举行151场`: a verb after an adverb of totals, with no object, says what
    // was done to what the phrase names.
    if let Some(v) = verbs().longest_suffix(phrase) {
        let head = &phrase[..phrase.len() - v.len()];
        if let Some(w) = rate_words()
            .longest_suffix(head)
            .filter(|w| TOTAL_ADVERBS.contains(w) && head.len() > w.len())
        {
            phrase = strip_tail(&head[..head.len() - w.len()]);
        }
    }
    // `党的十八大以来`, `第五个五年计划期间的`, `在执行中`: a time or a circumstance names
    // nothing.
    // `每套计色布三十八方尺`: the unit a quantity is reckoned per opens no name.
    while let Some(after) = phrase.strip_prefix('每').and_then(|u| {
        // (Only with a verb of reckoning: `每吨成本` is a cost per ton.)
        let unit = unit_set().longest(u)?;
        let rest = u[unit.len()..].strip_prefix(['计', '合', '需'])?;
        (rest.chars().count() >= 2).then_some(rest)
    }) {
        phrase = after;
    }
    // `（每斤一万二千元）`: a price per unit names nothing; it is the price of what was measured
    // before.
    let per_unit = phrase
        .strip_prefix('每')
        .is_some_and(|u| !u.is_empty() && unit_set().longest(u) == Some(u));
    // `从…的次日起算不超过180日`: a starting point is no quantity.
    let starting_point = is_starting_point(phrase);
    if PER_HEAD.contains(&phrase)
        || per_unit
        || starting_point
        || only_coverb(phrase)
        || names_nothing(phrase)
        || is_circumstance(phrase)
        || compared_term(phrase)
    {
        phrase = "";
    }
    let verb_before = verbs().longest_suffix(phrase).is_some();
    if cases {
        let acts = phrase.trim_start_matches(['、', '和', '及']);
        // `共计立案查处`: an adverb of totals first.
        let acts = TOTAL_ADVERBS
            .iter()
            .filter(|w| acts.starts_with(*w))
            .max_by_key(|w| w.len())
            .map_or(acts, |w| &acts[w.len()..]);
        let acts = lead_words()
            .longest(acts)
            .map_or(acts, |w| &acts[w.len()..]);
        if acts.chars().count() >= 2 && only_verbs(acts) {
            return (Some(acts.to_string()), false);
        }
    }
    // After the last verb that has an object (`受理行政复议案件`).
    if let Some(cut) = last_verb_end(phrase) {
        // `计算2021年全县生产总值`: a year after the verb is a date.
        phrase = strip_leading_year(&phrase[cut..]);
    }
    while let Some(w) = lead_words().longest(phrase) {
        // `新增就业`, `年均增速`: a word of two characters after it is the indicator's own name;
        // `新增高标准农田`: what is new is what is measured.
        if (w == "新增" && !phrase[w.len()..].is_empty())
            || (w == "年均" && phrase[w.len()..].chars().count() <= 2)
        {
            break;
        }
        // `及格率`, `在建项目`: a word of its own that opens with a lead word.
        if NOT_LEAD.iter().any(|n| phrase.starts_with(n)) {
            break;
        }
        phrase = &phrase[w.len()..];
    }
    phrase = drop_scope(phrase);
    let joiner = |c: char| matches!(c, '、' | '及' | '与' | '的' | ' ');
    let phrase = phrase.trim_end_matches(joiner);
    let phrase = if NOT_LEAD.iter().any(|n| phrase.starts_with(n)) {
        phrase
    } else {
        phrase.trim_start_matches(joiner)
    };
    let phrase = if whole_list { phrase } else { shorten(phrase) };
    // `2.16和1.66个百分点`: a joiner between the figures of a list names nothing.
    let phrase = if lexicon::LONE_JOINERS.contains(&phrase) {
        ""
    } else {
        phrase
    };
    // `累计建成286万亩`: a verb alone names nothing.
    let core = lead_words()
        .longest(phrase)
        .map_or(phrase, |w| &phrase[w.len()..]);
    // `先发行1万亿元`: nor a verb after an adverb.
    let verb_only = verbs()
        .longest_suffix(core)
        .is_some_and(|v| names_nothing(&core[..core.len() - v.len()]));
    let phrase = if verb_only || names_nothing(phrase) {
        ""
    } else {
        for_whom(phrase).unwrap_or(phrase)
    };
    (
        (!phrase.is_empty()).then(|| phrase.to_string()),
        verb_before,
    )
}

/// The longest circumstance [`is_circumstance`] reads as one (`在四年中间`), in characters.
const CIRCUMSTANCE: usize = 6;
/// The longest span of time [`is_circumstance`] reads as one (`从一九八一年到本世纪末`).
const SPAN: usize = 16;

/// Whether `phrase` says when or in what circumstance, and names nothing: a time since or a
/// period (`党的十八大以来`, `第五个五年计划期间`), a circumstance (`在执行中`, `在四年中间`,
/// `在这十年里`) or a span of time (`从一九八一年到本世纪末`).
#[inline]
fn is_circumstance(phrase: &str) -> bool {
    let n = || phrase.chars().count();
    let within = phrase.starts_with('在')
        && (phrase.ends_with(['中', '里']) || phrase.ends_with("中间"))
        && n() <= CIRCUMSTANCE;
    let span = phrase.starts_with('从')
        && phrase.ends_with(['年', '月', '日', '末', '底', '初'])
        && phrase.contains(['到', '至'])
        && n() <= SPAN;
    phrase.ends_with("以来") || phrase.ends_with("期间") || within || span
}

/// A long subject without the scope word that opens it (`全区干部学习宪法…`).
#[inline]
fn drop_scope(phrase: &str) -> &str {
    // Every scope word opens with one of these.
    if !phrase.starts_with(['全', '各']) {
        return phrase;
    }
    match SCOPE_WORDS.iter().find(|w| phrase.starts_with(*w)) {
        Some(w) if phrase.chars().count() > SCOPED => &phrase[w.len()..],
        _ => phrase,
    }
}

/// `两年平均每年增长百分之十一点九`: a rate whose clause names nothing but how it is averaged
/// (over a number of years) is named by that, the average growth; `window` is the text
/// before the number, from the figure before.
fn averaged(window: &str) -> Option<String> {
    // Read from the end, where most clauses show at once that they are not one.
    let verb = rate_words()
        .longest_suffix(window)
        .filter(|v| lexicon::CHANGE_VERBS.contains(v))?;
    let head = &window[..window.len() - verb.len()];
    let head = head.strip_suffix("每年").unwrap_or(head);
    let per = PER_HEAD.iter().find(|w| head.ends_with(*w))?;
    let at = head.len() - per.len();
    let before = &head[..at];
    let before = before.rsplit(is_clause_end).next().unwrap_or(before);
    let numeral = |c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c);
    let years = before.strip_suffix('年').unwrap_or(before);
    years.chars().all(numeral).then(|| window[at..].to_string())
}

/// The most characters of a `为国家` before a verb that [`for_whom`] reads.
const FOR_WHOM: usize = 4;

/// `就将至少为国家节约`: a verb with no object after a phrase of 为/给/替 (for whom) is what the
/// amount after it measures, the action (the saving); not the adverbs before it.
fn for_whom(phrase: &str) -> Option<&str> {
    let v = verbs().longest_suffix(phrase)?;
    let head = &phrase[..phrase.len() - v.len()];
    let near = tail(head, FOR_WHOM + 1);
    let at = near.rfind(['为', '给', '替'])?;
    (at + '为'.len_utf8() < near.len()).then(|| &phrase[head.len()..])
}

/// Whether `phrase` is a run of verbs of the table (`立案查处`, `修改`).
fn only_verbs(mut phrase: &str) -> bool {
    while let Some(v) = verbs().longest(phrase) {
        phrase = &phrase[v.len()..];
    }
    phrase.is_empty()
}

/// `与2020年相比`, `同上年相比`: the term of a comparison names nothing.
fn compared_term(phrase: &str) -> bool {
    phrase.starts_with(['与', '同', '和', '跟']) && phrase.ends_with("相比")
}

/// Whether `phrase` is made only of words that lead up to a number and name nothing
/// (`应当于`, `拟按`, `等于`); an empty phrase is.
fn names_nothing(mut phrase: &str) -> bool {
    while !phrase.is_empty() {
        let Some(w) = function_words().longest_suffix(phrase) else {
            return false;
        };
        phrase = &phrase[..phrase.len() - w.len()];
    }
    true
}

/// `赤字规模比上年年初预算`: the comparison 比… at the end of a phrase is no part of what is
/// measured (a 比 that is part of a word, `比重`, `占比`, `环比`, is kept).
fn strip_compared(phrase: &str) -> &str {
    // Cheap test first: most phrases hold no 比.
    if !phrase.contains('比') {
        return phrase;
    }
    for (j, _) in phrase.match_indices('比') {
        let after = phrase[j + '比'.len_utf8()..].chars().next();
        let before = phrase[..j].chars().next_back();
        let in_word = matches!(
            after,
            None | Some('重' | '例' | '率' | '赛' | '较' | '对' | '拼' | '学' | '如' | '值')
        ) || matches!(
            before,
            Some('占' | '对' | '环' | '同' | '评' | '类' | '无' | '相' | '正' | '反' | '好' | '攀')
        );
        if !in_word {
            return &phrase[..j];
        }
    }
    phrase
}

/// Whether the text before a phrase ends with a bracketed alternative inside a word
/// (`新（改）`, `省（市）`): one or two characters in brackets right after a character.
fn split_word(opening: &str) -> bool {
    let Some(inner) = opening.strip_suffix(['）', ')']) else {
        return false;
    };
    let mut it = inner.chars().rev();
    let alternative: Vec<char> = it
        .by_ref()
        .take_while(|&c| !matches!(c, '（' | '('))
        .take(3)
        .collect();
    (1..=2).contains(&alternative.len())
        && alternative.iter().all(|&c| is_cjk(c))
        && inner[..inner.len() - alternative.iter().map(|c| c.len_utf8()).sum::<usize>()]
            .strip_suffix(['（', '('])
            .is_some_and(|b| b.ends_with(is_cjk))
}

/// `2实际利用外资`: a page number that reading glued to the start of a line (one or two
/// digits right before a word; a year, a date or a count would have a unit or be read as a
/// figure).
fn strip_page_number(phrase: &str) -> &str {
    let rest = phrase.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = phrase.len() - rest.len();
    let word = rest.starts_with(|c: char| {
        is_cjk(c)
            && !matches!(
                c,
                '年' | '月' | '日' | '号' | '时' | '点' | '届' | '期' | '批'
            )
    });
    if (1..=2).contains(&digits) && word && rest.chars().count() >= 2 {
        rest
    } else {
        phrase
    }
}

/// `第六条 基金使用范围为…`: the label of an article (条, 章, 节, 款) that opens a paragraph of
/// a 条例 or 办法 names nothing.
fn strip_article_label(phrase: &str) -> &str {
    let Some(rest) = phrase.strip_prefix('第') else {
        return phrase;
    };
    let digits =
        rest.trim_start_matches(|c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c));
    match digits.strip_prefix(['条', '章', '节', '款']) {
        Some(after) if digits.len() < rest.len() => {
            after.trim_start_matches(|c: char| crate::chars::is_space(c) || c == '　')
        }
        _ => phrase,
    }
}

/// `人口年末常住人口`, `粮食全年农作物播种面积`: a statistical bulletin's section label (two to
/// four characters) run into the sentence that opens the section, before the sentence's time
/// word.
fn strip_run_in_label(phrase: &str) -> &str {
    for (n, (j, c)) in phrase.char_indices().enumerate() {
        if n >= 2 && RUN_IN_TIME.iter().any(|w| phrase[j..].starts_with(w)) {
            return &phrase[j..];
        }
        // A label is a word: no date (`2019年末`), at most four characters.
        if n >= 4 || !is_cjk(c) || c == '年' {
            return phrase;
        }
    }
    phrase
}

/// `按2019年平均汇率计算`, `按可比价格计算`: a phrase that says how a figure is computed.
fn is_conversion(phrase: &str) -> bool {
    phrase.starts_with('按') && CONVERSION_ENDS.iter().any(|w| phrase.ends_with(w))
}

/// Drops what leads up to the number but names nothing: rate words (`增长`, `达到`, `由`), a
/// date (`从2020年的`), the particle 的.
fn strip_tail(mut phrase: &str) -> &str {
    loop {
        let before = phrase.len();
        if let Some(w) = rate_words().longest_suffix(phrase) {
            if !NOT_RATE
                .iter()
                .any(|n| n.len() > w.len() && phrase.ends_with(n))
            {
                phrase = &phrase[..phrase.len() - w.len()];
            }
        }
        phrase = phrase.strip_suffix('的').unwrap_or(phrase);
        let dated = strip_date(phrase);
        // `比2006年`: a comparison with a year.
        if dated.len() < phrase.len() {
            phrase = dated.strip_suffix(['比', '较']).unwrap_or(dated);
        }
        phrase = strip_comparison(phrase);
        if phrase.len() == before {
            return phrase;
        }
    }
}

/// `…比上年同期`, `…较年初`: a comparison with a period at the end of a phrase.
fn strip_comparison(phrase: &str) -> &str {
    // The phrase must end with a period word first: most do not, and that is cheap to see.
    if !COMPARED_PERIODS.iter().any(|w| phrase.ends_with(w)) {
        return phrase;
    }
    // Only a 比/较 among the last seven characters can have six or fewer after it.
    let near = tail(phrase, 7);
    let Some(i) = near
        .rfind(['比', '较'])
        .map(|i| i + phrase.len() - near.len())
    else {
        return phrase;
    };
    let rest = &phrase[i + '比'.len_utf8()..];
    if rest.chars().count() <= 6 && COMPARED_PERIODS.iter().any(|w| rest.ends_with(w)) {
        &phrase[..i]
    } else {
        phrase
    }
}

/// `二、`, `3.`, `（一）` opening a phrase: a list or heading number names nothing.
fn strip_list_marker(phrase: &str) -> &str {
    let numeral = |c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c);
    if let Some(inner) = phrase.strip_prefix(['（', '(']) {
        let digits = inner.trim_start_matches(numeral);
        if digits.len() < inner.len() {
            if let Some(after) = digits.strip_prefix(['）', ')']) {
                return after;
            }
        }
        return phrase;
    }
    let digits = phrase.trim_start_matches(numeral);
    if digits.len() < phrase.len() {
        if let Some(after) = digits.strip_prefix(['、', '.', '．']) {
            return after;
        }
    }
    phrase
}

/// `2015年全县地区生产总值`: the year (and month) opening a phrase is a date, not part of
/// what is measured; a phrase that is only a date is left as it is.
fn strip_leading_year(phrase: &str) -> &str {
    // `到2020年将…`: a year reached is a time too.
    let phrase_at = phrase
        .strip_prefix(['到', '至'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(phrase);
    let rest = phrase_at.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = phrase_at.len() - rest.len();
    let Some(mut rest) = rest.strip_prefix('年').filter(|_| digits == 4) else {
        return phrase;
    };
    let month = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if month.len() < rest.len() {
        if let Some(after) = month.strip_prefix('月') {
            rest = after;
        }
    }
    rest = rest.trim_start_matches(['底', '末', '初']);
    if rest.chars().count() >= 2 {
        rest
    } else {
        phrase
    }
}

/// Whether `s` (what follows a verb) is a head noun that closes the phrase (`项目。`,
/// `项目全部开工`).
fn head_noun_closes(s: &str) -> bool {
    noun_heads().longest(s).is_some_and(|h| {
        let r = &s[h.len()..];
        !r.starts_with(|c: char| is_cjk(c) && c != '、')
            || mid_stops().starts(r)
            || verbs().starts(r)
    })
}

/// `…2020年`, `…2025年底`, `1—11月`: a date (or a range of them) at the end of a phrase.
fn strip_date(phrase: &str) -> &str {
    let core = phrase.trim_end_matches(['底', '末', '初']);
    let Some(core) = core.strip_suffix(['年', '月', '日']) else {
        return phrase;
    };
    let numeral = |c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c);
    let digits = core.trim_end_matches(numeral);
    if digits.len() == core.len() {
        return phrase;
    }
    // The first end of a range of months or years (`1—11月`).
    match digits.strip_suffix(['—', '-', '－', '至', '～', '~']) {
        Some(first) if first.ends_with(numeral) => first.trim_end_matches(numeral),
        _ => digits,
    }
}

/// A long subject cut at its last 等 or 的 (or 、 unless it names a share, `A、B占比`), else to
/// its last [`LONG`] characters.
fn shorten(phrase: &str) -> &str {
    let n = phrase.chars().count();
    if n <= CUT {
        return phrase;
    }
    // `重大行政决策、规范性文件合法性审查率`: items before 、 that qualify the last one; but not
    // a share (`A、B占比`), a coordinated list (`A、B和C`) or a short one.
    let last_item = phrase.rsplit('、').next().unwrap_or(phrase);
    let share = SHARE_WORDS.iter().any(|w| phrase.ends_with(w));
    let listed = share || n <= LIST || last_item.contains(['和', '及', '与']);
    let seps: &[char] = if listed {
        &['等', '的']
    } else {
        &['等', '的', '、']
    };
    // `第一产业占地区生产总值的比重`: a share is the whole `X占Y` phrase; only a 的 or 等
    // before 占 may cut it.
    let share_of = phrase.find('占').filter(|_| share);
    let head = share_of.map_or(phrase, |i| &phrase[..i]);
    for &sep in seps {
        // `非生产性的投资`: the 的 of an attribute in 性 is part of the name.
        let cut = head
            .rmatch_indices(sep)
            .map(|(i, _)| i)
            .find(|&i| sep != '的' || !head[..i].ends_with('性'));
        if let Some(i) = cut {
            let rest = &phrase[i + sep.len_utf8()..];
            if rest.chars().count() >= 2 {
                return shorten(rest);
            }
        }
    }
    if share_of.is_some() && n <= SHARE_LONG {
        return phrase;
    }
    // A phrase between CUT and LONG characters long is kept whole.
    let skip = n.saturating_sub(LONG);
    let cut = phrase
        .char_indices()
        .nth(skip)
        .map_or(phrase, |(i, _)| &phrase[i..]);
    // Not inside brackets (`(duì)於學(xué)生`).
    match cut.find([')', '）']) {
        Some(close) if !cut[..close].contains(['(', '（']) => {
            let after = &cut[close + cut[close..].chars().next().map_or(1, char::len_utf8)..];
            if after.chars().count() >= 2 {
                after
            } else {
                cut
            }
        }
        _ => cut,
    }
}

/// The byte offset just after the last verb in `phrase` that has at least two characters of
/// object after it (a verb at the end is a noun: `专业合作组织`).
fn last_verb_end(phrase: &str) -> Option<usize> {
    let mut best = None;
    let set = verbs();
    for (j, c) in phrase.char_indices() {
        if !set.may_start(c) {
            continue;
        }
        if let Some(v) = set.longest(&phrase[j..]) {
            let end = j + v.len();
            let rest = &phrase[end..];
            // `合法性审查意见书`, `工作开展情况`, `新闻发布会`: a verb after 性, or before 情况
            // or a noun suffix, is part of a noun.
            let nominal = phrase[..j].ends_with('性')
                || rest.starts_with("情况")
                || rest.starts_with(['会', '者']);
            if rest.chars().count() >= 2 && !nominal && !head_noun_closes(rest) && !joins_noun(rest)
            {
                best = Some(end);
            }
        }
    }
    best
}

/// The noun phrase after figure `k`: after a following figure (`十大类45项…工程`), an optional
/// 的 and a leading verb (`连续五次荣获“…”`), up to the clause end or a verb with an object.
fn following(text: &str, figures: &[Raw], k: usize) -> Option<String> {
    const MAX_ADJACENT: usize = 8;
    let mut end = figures.get(k)?.end;
    // `三个五年计划`: a duration written right after a count and followed by a noun is part of
    // the name counted.
    let named = figures.get(k + 1).filter(|n| {
        n.lead == end
            && DURATION_UNITS.contains(&n.unit.as_str())
            && starts_noun(&text[n.end..])
            && !starts_verb(&text[n.end..])
    });
    if let Some(n) = named {
        let name = following(text, figures, k + 1)?;
        return Some(format!("{}{name}", &text[n.start..n.end]));
    }
    // Skip figures written right after this one (`2座35万千瓦光热发电项目`); a few at most, so
    // a pasted run of figures with nothing between them (`3个3个3个…`) stays linear.
    let mut next = k + 1;
    while let Some(n) = figures
        .get(next)
        .filter(|n| n.lead == end && next <= k + MAX_ADJACENT)
    {
        end = n.end;
        next += 1;
    }
    // `148個(gè)集體`: in a copy with the reading of each character in brackets, the unit's
    // reading stands between the figure and its noun.
    end = text.len() - past_reading(&text[end..]).len();
    let limit = figures.get(next).map_or(text.len(), |n| n.lead).max(end);
    let mut rest = &text[end..limit];
    // `中心组学习7次和支部学习8次`: what a joiner links to the next figure is that figure's
    // (but `150个和美乡村，` names its own).
    if rest.starts_with(['和', '及', '与', '、', '或'])
        && next < figures.len()
        && !rest.chars().any(is_clause_end)
    {
        // `0-14岁、15-59岁人口`: figures listed with only a joiner between them share the
        // noun after the last (a few at most, so this stays linear).
        if !lexicon::LIST_JOINERS.contains(&rest) {
            return None;
        }
        let mut last = next;
        while let Some(n) = figures.get(last + 1).filter(|_| last < k + MAX_ADJACENT) {
            if !lexicon::LIST_JOINERS.contains(&&text[figures[last].end..n.lead]) {
                break;
            }
            last += 1;
        }
        let after = &text[figures[last].end..];
        return (starts_noun(after) && !starts_verb(after))
            .then(|| following(text, figures, last))
            .flatten();
    }
    let after_de = rest.strip_prefix('的');
    // `投资3000万元建设…基地`: a verb of purpose right after the amount opens its object (but
    // `10个建设项目` is a noun).
    let purpose = || {
        PURPOSE_VERBS
            .iter()
            .find(|w| rest.starts_with(*w) && !head_noun_closes(&rest[w.len()..]))
            .copied()
    };
    if let Some(v) = verbs().longest(rest).or_else(purpose) {
        // `续建和新开工项目`: a verb joined to a noun is part of the name.
        if !joins_noun(&rest[v.len()..]) {
            rest = &rest[v.len()..];
        }
    }
    if let Some(r) = after_de {
        // `为期3天的全区依法行政业务能力提升培训`: the head noun ends the phrase.
        let mut clause = clause_prefix(r, WINDOW);
        // `50%的城市社区建成…`: a verb with its object after the noun ends it.
        if let Some((j, _)) = clause
            .char_indices()
            .skip(2)
            .find(|&(j, _)| verb_with_object(&clause[j..]) && !head_after_verb(&clause[j..]))
        {
            clause = &clause[..j];
        }
        let n = clause.chars().count();
        let from = clause
            .char_indices()
            .nth(n.saturating_sub(LONG))
            .map_or(0, |(i, _)| i);
        let phrase = &clause[from..];
        return (!phrase.is_empty() && starts_noun(r)).then(|| phrase.to_string());
    }
    // `用13年时间基本实现…`: a duration's own noun.
    if rest.starts_with("时间") {
        return Some("时间".to_string());
    }
    if !starts_noun(rest) {
        return None;
    }
    let mut stop = rest.len();
    let mut quoted = false;
    // The end of a bracketed alternative inside the name (`县（市、区）政府`, `村（社区）`).
    let mut bracket_end = 0;
    // Where the current item of a list of short names began (`省、市、自治区`).
    let mut item = 0;
    // Where the name is cut if it runs on past FOLLOW_MAX.
    let mut soft = None;
    // `南美白对虾工厂化循环水养殖基地。`: a name that reaches the end of its sentence within
    // LONG characters is not cut.
    // (Worked out only for a name that gets that long.)
    let mut whole = None;
    let reaches_end = |rest: &str| {
        let clause = clause_prefix(rest, LONG + 1);
        clause.chars().count() <= LONG
            && rest[clause.len()..].starts_with(is_sentence_end)
            && !clause.contains(['“', '、'])
    };
    for (n, (j, c)) in rest.char_indices().enumerate() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
        if (quoted && n < WINDOW) || j < bracket_end {
            continue;
        }
        if n > 0 && matches!(c, '(' | '（') {
            if let Some(len) = reading_len(&rest[j..]) {
                bracket_end = j + len;
                continue;
            }
        }
        if n > 0 && matches!(c, '（' | '(') {
            // Inside a name (`县（市、区）政府`) or after a head of one or two characters
            // (`村（社区）`); a note after a long name (`…政府性基金（收费）`) is not part of it.
            if let Some(close) = alternative_end(&rest[j..]) {
                let goes_on = rest[j + close..].starts_with(|c: char| is_cjk(c) && !is_coverb(c));
                if n <= 2 || goes_on {
                    bracket_end = j + close;
                    continue;
                }
            }
        }
        // `村（社区）对…`, `工业部在一九五三年…`: a preposition after the name, or before a
        // date, ends it.
        if n > 0 && is_coverb(c) {
            let next = rest[j + c.len_utf8()..].chars().next();
            let numeral =
                next.is_some_and(|d| is_digit(d) || crate::numerals::is_chinese_numeral(d));
            if (bracket_end > 0 && j == bracket_end) || (c == '在' && numeral) {
                stop = j;
                break;
            }
        }
        if c == '、' && n > 0 && n - item <= 2 {
            item = n + 1;
            continue;
        }
        // `运动员、教练员的…`: a last short item closes the list the count names.
        if c == '、' && n > 0 && n - item <= 4 {
            if let Some(len) = closing_item(&rest[j + c.len_utf8()..]) {
                stop = j + c.len_utf8() + len;
                break;
            }
        }
        // `嵌入式服务设施建设示范社区全面建成`: a name is not cut one or two characters
        // before its end; past that, it is cut at FOLLOW_MAX.
        if n == FOLLOW_MAX && c != '”' {
            soft = Some(j);
        }
        if n >= FOLLOW_MAX + 2 && c != '”' && !*whole.get_or_insert_with(|| reaches_end(rest)) {
            stop = soft.unwrap_or(j);
            break;
        }
        if is_clause_end(c) || c == '、' || is_digit(c) {
            stop = j;
            break;
        }
        if n > 0
            && (verbs().may_start(c) || mid_stops().may_start(c))
            && ((verb_with_object(&rest[j..]) && !head_after_verb(&rest[j..]))
                || mid_stops().starts(&rest[j..]))
        {
            stop = j;
            break;
        }
    }
    let mut phrase = rest[..stop].trim_end_matches(['的', '和', '及', '等']);
    // `39家成员单位重点任务的…`, `15家单位的“三定”规定`: 家 counts organisations, and what
    // it counts ends with the first one named, unless a predicate follows it (`6家企业入选`).
    if figures.get(k).is_some_and(|f| f.unit == "家") {
        if let Some(end) = ORGANISATIONS
            .iter()
            .filter_map(|w| phrase.find(w).map(|j| j + w.len()))
            .min()
        {
            let after = &rest[end..];
            if !after.is_empty() && !verbs().starts(after) && !mid_stops().starts(after) {
                phrase = &phrase[..end];
            }
        }
    }
    let phrase = strip_among(phrase);
    // `跨越三百亿元台阶`: a milestone passed names nothing; the amount is of what passed it.
    if MILESTONES.contains(&phrase) {
        return None;
    }
    (!phrase.is_empty()).then(|| phrase.to_string())
}

/// The length of a last short item that `s` (what follows a `、` in a name after a count)
/// opens, when it closes the list (`运动员、教练员的…`, `教师、医生，`): two to three characters,
/// then 的, 等 or a clause end.
fn closing_item(s: &str) -> Option<usize> {
    let (j, c) = s
        .char_indices()
        .take(4)
        .find(|&(_, c)| !is_cjk(c) || c == '的' || c == '等')?;
    let closes = is_clause_end(c) || c == '的' || c == '等';
    (j >= 2 * '一'.len_utf8() && closes && !verbs().starts(s)).then_some(j)
}

/// The most characters between a count and a figure inside the modifier after it (`年产`).
const MODIFIER_LEAD: usize = 3;
/// The longest head noun [`modified_head`] reads, in characters.
const HEAD: usize = 8;

/// `五个年产一万五千辆拖拉机的工厂`, `十四个实力比较雄厚、布局比较合理的工业基地`: a count
/// whose noun follows a modifier ending in 的 counts the head noun after that 的, at the end of
/// its clause. Only a modifier that is plainly a description is read so: one that opens with a
/// figure of its own (after at most [`MODIFIER_LEAD`] characters) or with a degree adverb;
/// `15家单位的“三定”规定` counts 单位.
fn modified_head(text: &str, figures: &[Raw], k: usize) -> Option<String> {
    let f = figures.get(k)?;
    let rest = &text[f.end..];
    // A count of things has a measure word of one character (`个`, `座`), not a scale word,
    // a rate or a duration.
    let mut unit = f.unit.chars();
    let counted = unit.next().is_some() && unit.next().is_none();
    if !counted
        || is_rate(&f.unit)
        || DURATION_UNITS.contains(&f.unit.as_str())
        || !rest.starts_with(is_cjk)
        || rest.starts_with('的')
    {
        return None;
    }
    // The modifier opens with a figure or a degree adverb: looked for first, as it is local.
    let holds_figure = figures.get(k + 1).is_some_and(|m| {
        text.get(f.end..m.lead.max(f.end))
            .is_some_and(|lead| lead.chars().count() <= MODIFIER_LEAD)
    });
    let graded = || {
        let set = lexicon::degree_words();
        rest.char_indices()
            .take(MODIFIER_LEAD + 2)
            .any(|(j, c)| set.may_start(c) && set.starts(&rest[j..]))
    };
    if !holds_figure && !graded() {
        return None;
    }
    let clause_end = rest
        .char_indices()
        .take(WINDOW)
        .find(|&(_, c)| is_clause_end(c))
        .map(|(j, _)| j)?;
    let clause = &rest[..clause_end];
    let de = clause.rfind('的')?;
    // A figure inside the modifier stands before its 的.
    if holds_figure && figures.get(k + 1).is_some_and(|m| m.end > f.end + de) {
        return None;
    }
    let head = &clause[de + '的'.len_utf8()..];
    let n = head.chars().count();
    if !(2..=HEAD).contains(&n) || !head.chars().all(is_cjk) || !starts_noun(head) {
        return None;
    }
    if starts_verb(head) || head.contains('的') {
        return None;
    }
    Some(head.to_string())
}

/// Where a bracketed reading (`(xué)`) opens, when `before` (the text before its closing
/// bracket) ends with one right after a Chinese character.
fn reading_before(before: &str) -> Option<usize> {
    let open = before.rfind(['(', '（'])?;
    let opener = before[open..].chars().next()?;
    let inner = &before[open + opener.len_utf8()..];
    let letters = inner.chars().count();
    let reading = (1..=6).contains(&letters) && inner.chars().all(is_reading_letter);
    (reading && before[..open].ends_with(is_cjk)).then_some(open)
}

/// The length of a bracketed reading (`(xué)`) that `s` opens, right after a Chinese character.
fn reading_len(s: &str) -> Option<usize> {
    let close = s
        .char_indices()
        .take(8)
        .skip(1)
        .find(|&(_, c)| matches!(c, ')' | '）'))?;
    let inner = &s[s.chars().next()?.len_utf8()..close.0];
    let letters = inner.chars().count();
    ((1..=6).contains(&letters) && inner.chars().all(is_reading_letter))
        .then_some(close.0 + close.1.len_utf8())
}

/// A letter of a romanised reading, with or without its tone mark.
fn is_reading_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

/// Prepositions that end the name before them (`对`, `向`, `在`, `于`).
fn is_coverb(c: char) -> bool {
    matches!(c, '对' | '向' | '在' | '于')
}

/// The length of a short bracketed alternative inside a name that `s` opens (`（市、区）`,
/// `（社区）`): up to six characters, no clause mark inside; `None` for anything else.
fn alternative_end(s: &str) -> Option<usize> {
    for (n, (j, c)) in s.char_indices().enumerate().skip(1) {
        match c {
            '）' | ')' if n > 1 => return Some(j + c.len_utf8()),
            '、' => {}
            _ if n > 6 || !is_cjk(c) => return None,
            _ => {}
        }
    }
    None
}

/// Whether what follows a verb makes it part of a noun: a joiner (`社会保障和就业支出`,
/// `保障、改善民生`) or the suffix 性 (`保障性住房`). A verb with an object is followed by
/// its object, not by 和.
fn joins_noun(rest: &str) -> bool {
    if rest.starts_with('性') {
        return true;
    }
    // `制定、废止省政府规章`: verbs joined share their object.
    // `转移支付等资金`: verbs listed with 等 name things.
    rest.starts_with('等')
        || rest
            .strip_prefix(['和', '及', '与', '、', '或'])
            .is_some_and(|r| !verbs().starts(r))
}

/// `政务服务事项中`: the locative 中 ("among") after what a figure counts; not the 中 of a
/// word (`高中`, `集中`).
fn strip_among(phrase: &str) -> &str {
    match phrase.strip_suffix('中') {
        Some(rest)
            if rest.chars().count() >= 2
                && !rest.ends_with(['高', '初', '集', '适', '居', '期', '空', '正', '其']) =>
        {
            rest
        }
        _ => phrase,
    }
}

/// Whether `s` starts with a noun (not punctuation, not a predicate word).
fn starts_noun(s: &str) -> bool {
    s.starts_with(|c: char| is_cjk(c) || c == '“')
        && (!follow_stops().starts(s) || NOT_LEAD.iter().any(|n| s.starts_with(n)))
}

/// A verb at the start of `s` with more text after it (`获批国家…`), not a verb that ends the
/// clause (`…专业合作组织，`).
fn verb_with_object(s: &str) -> bool {
    let Some(v) = verbs().longest(s) else {
        return false;
    };
    let rest = &s[v.len()..];
    rest.starts_with(|c: char| is_cjk(c) || c == '“') && !joins_noun(rest) && !nominal_suffix(rest)
}

/// `新闻发布会`, `参与者`: a suffix that makes the verb before it part of a noun (not the 会 of
/// `会议`, `会同`, `会商`).
fn nominal_suffix(rest: &str) -> bool {
    rest.starts_with('者')
        || rest
            .strip_prefix('会')
            .is_some_and(|r| !r.starts_with(['议', '同', '商', '签', '审', '诊']))
}

/// Whether the verb at the start of `s` is followed by a head noun that closes the phrase
/// (`开工项目。`): a compound noun, not a verb with an object.
fn head_after_verb(s: &str) -> bool {
    verbs()
        .longest(s)
        .is_some_and(|v| head_noun_closes(&s[v.len()..]))
}

/// The text up to the first clause end, at most `max` characters.
fn clause_prefix(s: &str, max: usize) -> &str {
    let end = s
        .char_indices()
        .enumerate()
        .find(|&(n, (_, c))| n >= max || is_clause_end(c) || c == '、')
        .map_or(s.len(), |(_, (j, _))| j);
    &s[..end]
}

/// Whether `s` starts with a verb of the table (`实施了…` after `1.3亿元`).
fn starts_verb(s: &str) -> bool {
    verbs().starts(s)
}

/// `连续5年提高企业退休人员基本养老金`: what a run that opens its clause does each time, the
/// object of the verb after it, up to the clause end ([`LONG`] characters at most); `None` when
/// no verb follows or another figure stands in the clause.
fn run_object(rest: &str) -> Option<String> {
    let verb = verbs().longest(rest).or_else(|| {
        CHANGE_VERBS
            .iter()
            .filter(|v| v.chars().count() >= 2 && rest.starts_with(**v))
            .max_by_key(|v| v.len())
            .copied()
    })?;
    let object = clause_prefix(&rest[verb.len()..], LONG);
    let whole = object.len() < rest.len() - verb.len() || object.chars().count() < LONG;
    (whole && object.chars().count() >= 2 && !object.contains(is_digit) && starts_noun(object))
        .then(|| object.to_string())
}

/// How many clauses back [`run_topic`] looks for the sentence's topic.
const TOPIC_CLAUSES: usize = 3;

/// `“中国南平”网站在…评估中排名第四，较2011年又前进了三名，连续三年位居全国前十`: a run whose
/// clause opens with 连续 names nothing itself; what keeps its place is the sentence's topic, the
/// noun phrase that opens the nearest clause before it in the sentence (a clause that opens
/// with a comparison or a verb is passed over). `None` when no clause opens with one.
fn run_topic(text: &str, lead: usize) -> Option<String> {
    let mut end = text[..lead].strip_suffix("连续")?.len();
    for _ in 0..TOPIC_CLAUSES {
        end = text[..end].strip_suffix(['，', ','])?.len();
        let before = &text[..end];
        let (start, first) = match before
            .char_indices()
            .rev()
            .take(WINDOW * 2)
            .find(|&(_, c)| matches!(c, '，' | ',') || is_sentence_end(c))
        {
            Some((j, c)) => (j + c.len_utf8(), is_sentence_end(c)),
            None if before.char_indices().rev().nth(WINDOW * 2).is_none() => (0, true),
            None => return None,
        };
        let clause = &text[start..end];
        let passed =
            clause.starts_with(['较', '比']) || starts_verb(clause) || names_nothing(clause);
        if !passed {
            let cut = clause
                .char_indices()
                .take(CUT + 1)
                .skip(1)
                .find(|&(j, c)| is_coverb(c) || starts_verb(&clause[j..]))
                .map(|(j, _)| j)?;
            let phrase = &clause[..cut];
            return starts_noun(phrase).then(|| phrase.to_string());
        }
        if first {
            return None;
        }
        end = start;
    }
    None
}

/// The clause before the figure's own, when its own names nothing (`新农合参合率再创新高，
/// 达到98.5%`).
///
/// `past_floor`: the figure before is of another kind, so the clause before may be read past
/// it (`总额连续跨越三个“十亿元”台阶，从…19.8亿元`: the noun after the count is the count's).
fn previous_clause(text: &str, lead: usize, floor: usize, past_floor: bool) -> Option<String> {
    let own_start = floor.min(lead);
    let window = &text[..lead];
    let mut it = window.char_indices().rev().take(WINDOW);
    // Back over the figure's own clause to its boundary.
    let boundary = it.find(|&(_, c)| is_clause_end(c))?;
    if is_sentence_end(boundary.1) || boundary.0 < own_start {
        return None;
    }
    // `，应该比原计划至少节约`: a comparison in it names nothing either.
    // (`，到2020年将有可能达到`: a year reached is no name either.)
    let own = strip_leading_year(strip_tail(strip_compared(strip_tail(
        &window[boundary.0 + boundary.1.len_utf8()..],
    ))));
    // `（合15亩）`, `，必须控制在…`: a clause of words that name nothing.
    // `，从…的次日起算不超过180日`: nor does a starting point.
    let starting_point = is_starting_point(own);
    if !own.is_empty() && !PER_HEAD.contains(&own) && !names_nothing(own) && !starting_point {
        return None;
    }
    let head = &window[if past_floor { 0 } else { own_start }..boundary.0];
    let start = head
        .char_indices()
        .rev()
        .take(WINDOW)
        .find(|&(_, c)| is_clause_end(c))
        .map_or(
            head.char_indices()
                .rev()
                .take(WINDOW)
                .last()
                .map_or(0, |(j, _)| j),
            |(j, c)| j + c.len_utf8(),
        );
    // `一、县示范区管委会牵头工作（8项）`: a list number names nothing; nor does an amount the
    // scan did not read as a figure (`总用地面积10000m2（合15亩）`).
    let mut clause = strip_list_marker(&head[start..]);
    // `…规定了“承运人…要求赔偿的时效，`: a quotation opened in the clause and not closed is
    // the clause the figure goes on with.
    if let Some(q) = clause.rfind('“').filter(|&q| !clause[q..].contains('”')) {
        clause = &clause[q + '“'.len_utf8()..];
    }
    // `地区生产总值（GDP）完成…`: an abbreviation in brackets stands for the name before it.
    if clause.chars().all(|c| c.is_ascii_alphabetic()) {
        if let Some(name) = head[..start].strip_suffix(['（', '(']) {
            let from = name
                .char_indices()
                .rev()
                .take(WINDOW)
                .take_while(|&(_, c)| !is_clause_end(c))
                .last()
                .map_or(name.len(), |(j, _)| j);
            clause = &name[from..];
        }
    }
    if is_conversion(clause) || compared_term(clause) {
        return None;
    }
    let mut phrase = strip_tail(clause.trim_end_matches(|c: char| c.is_ascii_alphanumeric()));
    // `将申报材料报送我委（一式三份）`: the object of 将/把 is what the note counts.
    if let Some(i) = phrase.rfind(['将', '把']) {
        let object = &phrase[i + '将'.len_utf8()..];
        if let Some(v) = object
            .char_indices()
            .find(|&(j, _)| starts_verb(&object[j..]))
        {
            if v.0 > 0 {
                phrase = &object[..v.0];
            }
        }
    }
    // `托运人要求赔偿的时效`: a phrase that ends with a head after a clause and 的 names that
    // head (`公益性建设项目的造价`, with no verb before 的, is kept whole).
    let head_after_de = phrase.rsplit_once('的').and_then(|(m, h)| {
        let clause = m
            .char_indices()
            .any(|(j, c)| verbs().may_start(c) && starts_verb(&m[j..]));
        (clause && (2..=4).contains(&h.chars().count()) && !h.chars().any(is_digit)).then_some(h)
    });
    // `财政一般预算收入实现翻倍增长`: the clause's topic, before its first verb.
    if let Some(h) = head_after_de {
        phrase = h;
    } else if let Some(j) = phrase
        .char_indices()
        .skip(2)
        .find(|&(j, c)| {
            (verbs().may_start(c) && starts_verb(&phrase[j..]))
                || RUN_WORDS.iter().any(|w| phrase[j..].starts_with(w))
        })
        .map(|(j, _)| j)
    {
        phrase = &phrase[..j];
    }
    let phrase = drop_scope(shorten(phrase));
    // (`据测算，…`: a source named before names nothing.)
    (!phrase.is_empty() && !is_circumstance(phrase) && !names_nothing(phrase))
        .then(|| phrase.to_string())
}

/// Whether `phrase` is a coverb of [`COVERBS`], alone or after a rate or lead word
/// (`争取用`).
fn only_coverb(phrase: &str) -> bool {
    COVERBS.iter().any(|c| {
        phrase.strip_suffix(c).is_some_and(|head| {
            head.is_empty()
                || rate_words().longest_suffix(head) == Some(head)
                || lead_words().longest(head) == Some(head)
        })
    })
}

/// Skips an ordinal that opens a phrase (`第三轮`, `第二批`).
fn skip_ordinal(phrase: &str) -> &str {
    let Some(rest) = phrase.strip_prefix('第') else {
        return phrase;
    };
    let digits =
        rest.trim_start_matches(|c: char| is_digit(c) || crate::numerals::is_chinese_numeral(c));
    if digits.len() == rest.len() {
        return phrase;
    }
    // Only an ordinal of an event or a batch (`第三轮`, `第二批`): `第一产业` is a name.
    let Some(after) = digits.strip_prefix(['轮', '批', '次', '届', '期']) else {
        return phrase;
    };
    if after.chars().count() >= 2 {
        after
    } else {
        phrase
    }
}
