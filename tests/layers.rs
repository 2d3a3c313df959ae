//! The modules form layers: no import cycle. A module may use its ancestors' items and its own
//! submodules, but two modules that are not one inside the other never use each other, directly
//! or through others (the scanner and its exclusions once did, through a date type).
//!
//! The check reads `crate::…` and `super::…` paths in the crate's source (outside comments and
//! `#[cfg(test)]` modules) and looks for a cycle in the graph they draw.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Module = Vec<String>;

fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut module = prefix.to_vec();
            if name != "mod" {
                module.push(name.clone());
            }
            if module == ["lib"] || module == ["main"] {
                continue;
            }
            let src = fs::read_to_string(&path).expect("a source file is UTF-8");
            let code = src.split("#[cfg(test)]").next().unwrap_or("");
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(module, code);
        }
    }
}

/// Every `crate::a::b` or `super::a` path in `code`, as segments from the crate root.
fn paths(module: &Module, code: &str) -> Vec<Module> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        for (at, _) in code.match_indices(start) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = &code[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let mut segs: Vec<String> = rest[..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let mut full: Module = if segs.first().is_some_and(|s| s == "crate") {
                Vec::new()
            } else {
                module[..module.len().saturating_sub(1)].to_vec()
            };
            full.append(&mut segs.split_off(1));
            found.push(full);
        }
    }
    found
}

/// A cycle in the graph, if there is one.
fn cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, u8>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next) {
                Some(1) => {
                    let from = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut found = stack[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Some(_) => {}
                None => {
                    if let Some(found) = visit(next, graph, state, stack) {
                        return Some(found);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node) {
            if let Some(found) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

fn graph(mods: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in mods {
        for path in paths(module, code) {
            // The longest prefix of the path that is a module is what it reaches.
            let Some(target) = (1..=path.len())
                .rev()
                .map(|k| path[..k].to_vec())
                .find(|p| mods.contains_key(p))
            else {
                continue;
            };
            // A module and its ancestors or descendants are one piece.
            let nested = target.starts_with(module) || module.starts_with(&target);
            if !nested {
                graph.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    graph
}

#[test]
fn no_import_cycle() {
    let mut mods = BTreeMap::new();
    modules(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut mods,
    );
    assert!(
        mods.contains_key(&vec!["figures".to_string(), "scan".to_string()]),
        "the crate's modules are found"
    );
    let graph = graph(&mods);
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 10,
        "the modules' uses are read"
    );
    if let Some(found) = cycle(&graph) {
        let names: Vec<String> = found.iter().map(|m| m.join("/")).collect();
        panic!("an import cycle: {}", names.join(" → "));
    }
}

#[test]
fn the_check_finds_a_cycle() {
    let mut mods = BTreeMap::new();
    let a = vec!["f".to_string(), "a".to_string()];
    let b = vec!["f".to_string(), "b".to_string()];
    mods.insert(vec!["f".to_string()], String::new());
    mods.insert(a.clone(), "use super::b::Thing;".to_string());
    mods.insert(b.clone(), "fn g() { crate::f::a::h() }".to_string());
    assert!(
        cycle(&graph(&mods)).is_some(),
        "a → b → a is found, through super:: and crate:: paths"
    );
    mods.insert(b, "use super::Parent;".to_string());
    assert!(
        cycle(&graph(&mods)).is_none(),
        "using the parent module's items is no cycle"
    );
}
