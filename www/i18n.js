// The interface's words, Chinese first, English on request. Report text is never translated.

const STRINGS = {
  zh: {
    appTitle: 'ReportLens 报告透镜',
    tagline: '粘贴一份政府报告，立即看到它的公文要素、层次结构和每一个数据。全部在本机浏览器中完成，文本不会发送到任何地方。',
    example: '示例',
    open: '打开文件',
    clear: '清空',
    langSwitch: 'English',
    inputLabel: '报告文本',
    placeholder: '在此粘贴报告全文，或把一个或多个 .txt 文件（或文件夹）拖到页面上……',
    dropHere: '松开以打开文件',
    busy: '分析中…',
    seconds: (n) => `${n} 秒`,
    idle: '就绪',
    analysed: (chars, ms) => `已分析 ${chars} 个字符，用时 ${ms} 毫秒`,
    loading: '正在加载分析模块…',
    loadFailed: '分析模块加载失败，请刷新页面重试。',
    analysisFailed: (m) => `分析出错：${m}`,
    confirmClear: '确定要清空文本吗？清空后无法恢复。',
    confirmReplace: '当前文本将被示例替换，确定吗？',
    storageOff: '浏览器存储不可用或已满：文本不会在刷新后保留，请自行保存。',
    storageTooBig: '文本太大，浏览器存储放不下：刷新后不会保留，请自行保存。',
    restored: '已恢复上次的文本。',
    largeText: (mb, n) => `文本很大（${mb} 百万字符），输入框只显示前 ${n} 个字符，分析针对全文。要修改，请清空后重新粘贴。`,
    fileBinary: (name) => `“${name}”不是文本文件（可能是二进制文件），无法打开。请选择 .txt 文本文件。`,
    filePdf: (name) => `“${name}”是 PDF 文件。请先把其中的文字复制出来，再粘贴到这里。`,
    fileOffice: (name) => `“${name}”是 Word/Excel 等 Office 文件。请另存为 .txt 文本后再打开。`,
    fileEncoding: (name) => `无法识别“${name}”的编码（支持 UTF-8、UTF-16、GBK/GB18030）。`,
    fileRead: (name, enc) => `已打开“${name}”（${enc}）。`,
    fileError: (name) => `读取“${name}”失败。`,
    elements: '公文要素',
    outline: '层次结构',
    text: '正文',
    figures: '数据',
    checks: '核对',
    notes: '提示',
    none: '（无）',
    emptyHint: '粘贴报告或点击“示例”开始。',
    meta: {
      issuer: '发文机关', doc_number: '发文字号', title: '标题', addressees: '主送机关',
      signed_by: '署名', date: '成文日期', body_title: '正文标题', printed_by: '印发机关',
      printed_date: '印发日期', cc: '抄送', speaker: '讲话人',
    },
    figureCount: (n) => `${n} 个数据`,
    showing: (shown, total) => `显示 ${shown} / 共 ${total} 条`,
    showMore: '显示更多',
    filterText: '筛选文字',
    filterUnit: '单位',
    filterSection: '章节',
    all: '全部',
    cols: { index: '#', doc: '文档', section: '章节', subject: '指标', value: '数值', unit: '单位', qualifier: '限定', base: '折算值' },
    sortBy: (c) => `按“${c}”排序`,
    exportCsv: 'CSV',
    exportJson: 'JSON',
    exportMd: 'Markdown',
    copy: '复制表格',
    copied: '已复制到剪贴板（Markdown 表格）。',
    copyFailed: '无法写入剪贴板。',
    exportLabel: '导出',
    checkOk: '✓',
    checkBad: '✗',
    checkKind: { breakdown: '分项合计', numbering: '序号' },
    noChecks: '没有需要核对的分项或序号。',
    hoverBase: '折算',
    hoverSubject: '指标',
    hoverQualifier: '限定',
    textCut: (n) => `还有 ${n} 段，向下滚动继续显示`,
    textBefore: (n) => `显示前面的段落（还有 ${n} 段）`,
    version: (v) => `分析核心 v${v}`,
    openFolder: '打开文件夹',
    views: '视图',
    tabText: '文本',
    tabStructure: '结构',
    tabFigures: '数据',
    tabChecks: '核对',
    documents: '文档',
    docsReading: (k, n) => `正在读取文件 ${k} / ${n}…`,
    docsAnalysing: (k, n) => `已分析 ${k} / ${n} 份…`,
    docsDone: (n, f) => `${n} 份文档，共 ${f} 个数据`,
    filesRead: (n) => `已打开 ${n} 个文件。`,
    filterDoc: '文档',
    figureCountMany: (n, d) => `${d} 份文档，${n} 个数据`,
    scrollCue: '← 左右滑动查看更多列 →',
    stages: ['读取', '要素', '层次', '数据', '核对', '偏移'],
    ms: '毫秒',
    exportSuffix: { figures: '数据', report: '报告' },
    exportMany: (n) => `${n}份报告`,
    exportUntitled: '未命名报告',
    pop: {
      value: '数值', plain: '折算', subject: '指标', qualifier: '限定', section: '章节', check: '核对',
      parent: '属于', kind: '类型', period: '时期',
    },
  },
  en: {
    appTitle: 'ReportLens',
    tagline: 'Paste a Chinese government report and see its document elements, outline and every figure at once. Everything runs in this browser; the text is sent nowhere.',
    example: 'Example',
    open: 'Open file',
    clear: 'Clear',
    langSwitch: '中文',
    inputLabel: 'Report text',
    placeholder: 'Paste the full report here, or drop one or more .txt files (or a folder) on the page…',
    dropHere: 'Drop to open the file',
    busy: 'Analysing…',
    seconds: (n) => `${n} s`,
    idle: 'Ready',
    analysed: (chars, ms) => `Analysed ${chars} characters in ${ms} ms`,
    loading: 'Loading the analyser…',
    loadFailed: 'The analyser could not be loaded; reload the page to try again.',
    analysisFailed: (m) => `Analysis failed: ${m}`,
    confirmClear: 'Clear the text? This cannot be undone.',
    confirmReplace: 'Replace the current text with the example?',
    storageOff: 'Browser storage is unavailable or full: the text will not survive a reload, keep your own copy.',
    storageTooBig: 'The text is too large for browser storage: it will not survive a reload, keep your own copy.',
    restored: 'Your previous text was restored.',
    largeText: (mb, n) => `The text is large (${mb} million characters): the text area shows its first ${n} characters, the analysis covers all of it. To edit, clear and paste again.`,
    fileBinary: (name) => `“${name}” is not a text file (it looks binary) and cannot be opened. Choose a .txt file.`,
    filePdf: (name) => `“${name}” is a PDF. Copy its text out first and paste it here.`,
    fileOffice: (name) => `“${name}” is an Office document. Save it as .txt first.`,
    fileEncoding: (name) => `The encoding of “${name}” is not recognised (UTF-8, UTF-16 and GBK/GB18030 are).`,
    fileRead: (name, enc) => `Opened “${name}” (${enc}).`,
    fileError: (name) => `Could not read “${name}”.`,
    elements: 'Document elements',
    outline: 'Outline',
    text: 'Text',
    figures: 'Figures',
    checks: 'Checks',
    notes: 'Notes',
    none: '(none)',
    emptyHint: 'Paste a report or press “Example” to start.',
    meta: {
      issuer: 'Issuer', doc_number: 'Document number', title: 'Title', addressees: 'Addressees',
      signed_by: 'Signed by', date: 'Date', body_title: 'Report title', printed_by: 'Printed by',
      printed_date: 'Printed on', cc: 'Copied to', speaker: 'Speaker',
    },
    figureCount: (n) => `${n} figure${n === 1 ? '' : 's'}`,
    showing: (shown, total) => `Showing ${shown} of ${total}`,
    showMore: 'Show more',
    filterText: 'Filter text',
    filterUnit: 'Unit',
    filterSection: 'Section',
    all: 'All',
    cols: { index: '#', doc: 'Document', section: 'Section', subject: 'Subject', value: 'Value', unit: 'Unit', qualifier: 'Qualifier', base: 'Plain value' },
    sortBy: (c) => `Sort by ${c}`,
    exportCsv: 'CSV',
    exportJson: 'JSON',
    exportMd: 'Markdown',
    copy: 'Copy table',
    copied: 'Copied to the clipboard (Markdown table).',
    copyFailed: 'Could not write to the clipboard.',
    exportLabel: 'Export',
    checkOk: '✓',
    checkBad: '✗',
    checkKind: { breakdown: 'Breakdown', numbering: 'Numbering' },
    noChecks: 'No breakdowns or numbering to check.',
    hoverBase: 'plain',
    hoverSubject: 'subject',
    hoverQualifier: 'qualifier',
    textCut: (n) => `${n} more paragraphs: scroll down to show them`,
    textBefore: (n) => `Show earlier paragraphs (${n} more)`,
    version: (v) => `core v${v}`,
    openFolder: 'Open folder',
    views: 'Views',
    tabText: 'Text',
    tabStructure: 'Structure',
    tabFigures: 'Figures',
    tabChecks: 'Checks',
    documents: 'Documents',
    docsReading: (k, n) => `Reading file ${k} of ${n}…`,
    docsAnalysing: (k, n) => `Analysed ${k} of ${n}…`,
    docsDone: (n, f) => `${n} documents, ${f} figures`,
    filesRead: (n) => `Opened ${n} files.`,
    filterDoc: 'Document',
    figureCountMany: (n, d) => `${n} figures in ${d} documents`,
    scrollCue: '← swipe sideways for more columns →',
    stages: ['reading', 'elements', 'outline', 'figures', 'checks', 'offsets'],
    ms: 'ms',
    exportSuffix: { figures: 'figures', report: 'report' },
    exportMany: (n) => `${n}-reports`,
    exportUntitled: 'untitled report',
    pop: {
      value: 'value', plain: 'plain', subject: 'subject', qualifier: 'qualifier', section: 'section', check: 'check',
      parent: 'part of', kind: 'kind', period: 'period',
    },
  },
};

let lang = 'zh';

/** The current language, `zh` or `en`. */
export function language() {
  return lang;
}

/** Switches the language; unknown codes fall back to Chinese. */
export function setLanguage(code) {
  lang = code === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

/** The string (or string-making function) for `key` in the current language. */
export function t(key) {
  return STRINGS[lang][key];
}

/** Fills every `[data-i18n]` element's text and every `[data-i18n-placeholder]` placeholder. */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  document.title = t('appTitle');
  const other = document.getElementById('btn-lang');
  if (other) other.lang = lang === 'zh' ? 'en' : 'zh-CN';
}
