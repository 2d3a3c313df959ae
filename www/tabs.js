// Below 900 px the views are tabs (文本 / 结构 / 数据 / 核对): the layout shows the panels of the
// chosen tab only (style.css reads `data-tab`). Arrow keys move between tabs, as in any tab list.

/** Wires the tab list `bar` to switch `layout`'s `data-tab`. */
export function wireTabs(bar, layout) {
  const tabs = [...bar.querySelectorAll('[role="tab"]')];
  const choose = (tab, focus) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
    }
    layout.dataset.tab = tab.dataset.tab;
    if (focus) tab.focus();
    window.dispatchEvent(new Event('resize')); // the table's scroll cue measures again
  };
  bar.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) choose(tab, false);
  });
  bar.addEventListener('keydown', (event) => {
    const k = tabs.indexOf(document.activeElement);
    if (k < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -k, End: tabs.length - 1 - k }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    choose(tabs[(k + step + tabs.length) % tabs.length], true);
  });
  choose(tabs[0], false);
}

/** Switches to the tab named `name` (when the tabs are shown). */
export function showTab(bar, name) {
  const tab = bar.querySelector(`[data-tab="${name}"]`);
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
}
