//! Which paragraphs are element paragraphs: a list the report does not carry (the later stages
//! read it to pass over those paragraphs), so it is checked here.

#[test]
fn element_lines_are_listed_as_element_paragraphs() {
    let input = "XX市人民政府\n关于2024年工作的报告\n\nXX省人民政府：\n\n现将有关情况报告如下。共办理案件15件。\n\nXX市人民政府\n2024年3月1日";
    let doc = crate::source::read(input);
    let elements = super::extract(&doc);
    let texts: Vec<&str> = elements
        .paragraphs
        .iter()
        .filter_map(|&i| doc.paragraphs.get(i).map(|p| p.text.as_str()))
        .collect();
    assert!(
        texts.contains(&"2024年3月1日"),
        "the date line is an element paragraph: {texts:?}"
    );
    assert!(
        texts.contains(&"XX省人民政府："),
        "the addressee line is an element paragraph: {texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("15件")),
        "a body paragraph is not an element paragraph: {texts:?}"
    );
    assert!(
        elements.paragraphs.windows(2).all(|w| w[0] < w[1]),
        "element paragraphs are sorted"
    );
}
