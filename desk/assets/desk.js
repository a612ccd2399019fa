// The document view of the review desk (jixiao serve) and of jixiao review: the page image with
// every field's box drawn over it, the records beside it, and (served) corrections. Data comes
// from the config the page carries: served, the API (/api/documents/ID, its pages as PNG);
// review, the document and its pages inline. Text of the document is only ever set as text
// (textContent), never as markup. This file is written into review pages inline: it must not
// hold a closing-tag sequence (less-than followed by slash).
'use strict';
(function () {
  const config = JSON.parse(document.getElementById('jixiao-config').textContent);
  const served = config.mode === 'desk';
  const threshold = typeof config.review_confidence === 'number' ? config.review_confidence : 0.9;
  const SVG = 'http://www.w3.org/2000/svg';
  // Pixels of page around a field's box in its crop.
  const CROP_MARGIN_PX = 12;

  const PROJECT_FIELDS = [
    ['title', '标题 title'], ['project_code', '项目编码 code'], ['project_name', '项目名称 name'],
    ['unit_code', '单位编码 unit code'], ['unit_name', '单位名称 unit'], ['money_unit', '金额单位 money unit'],
    ['budget.total', '预算数 budget'], ['budget.fiscal', '财政资金 fiscal'], ['budget.other', '其他资金 other'],
    ['purpose', '资金用途 purpose'], ['schedule.mar', '3月底 March'], ['schedule.jun', '6月底 June'],
    ['schedule.oct', '10月底 October'], ['schedule.dec', '12月底 December'],
  ];
  const INDICATOR_FIELDS = [
    ['level1', '一级指标'], ['level2', '二级指标'], ['level3', '三级指标'],
    ['description', '绩效指标描述'], ['value', '指标值'], ['basis', '指标值确定依据'],
  ];

  let doc = null;        // the extract JSON (corrections applied)
  let fields = [];       // every field shown, in order
  let byPath = new Map();
  let selected = null;   // a field
  let shownPage = 0;
  const pages = new Map();  // page number -> {src, dpi} or {error}

  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function status(text, error) {
    $('status').textContent = text;
    $('status').className = error ? 'error' : '';
  }

  function authHeaders() {
    return { 'Authorization': 'Bearer ' + config.token };
  }

  function get(obj, path) {
    let v = obj;
    for (const part of path.split('.')) {
      if (v === null || typeof v !== 'object') return undefined;
      v = v[part];
    }
    return v;
  }

  function shown(v) {
    if (v === null || v === undefined) return '';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  // Every field of the records, with where it was read and why it may need a look.
  function collect() {
    fields = [];
    byPath = new Map();
    const findingsOf = new Map();
    for (const f of doc.findings || []) {
      for (const rel of f.fields || []) {
        const path = 'projects[' + (f.index - 1) + '].' + rel;
        if (!findingsOf.has(path)) findingsOf.set(path, []);
        findingsOf.get(path).push(f);
      }
    }
    (doc.projects || []).forEach((p, pi) => {
      const prov = p.provenance || {};
      const add = (rel, label, value, group) => {
        const path = 'projects[' + pi + '].' + rel;
        const source = prov[rel] || (rel.startsWith('goals[') ? prov.goals : undefined) || null;
        const reasons = [];
        if (source && typeof source.confidence === 'number' && source.confidence < threshold)
          reasons.push('置信度 confidence ' + source.confidence + ' < ' + threshold);
        if (source && Array.isArray(source.review))
          for (const r of source.review) reasons.push(typeof r === 'string' ? r : JSON.stringify(r));
        // A finding names a list (goals) or one of its items (goals[1]).
        const list = rel.startsWith('goals[') ? 'projects[' + pi + '].goals' : null;
        for (const f of (findingsOf.get(path) || []).concat(list ? findingsOf.get(list) || [] : []))
          reasons.push(f.rule + ': ' + (f.message || ''));
        const correction = source && source.correction ? source.correction : null;
        const field = { path, rel, label, value, source, reasons, correction, project: pi, group };
        fields.push(field);
        byPath.set(path, field);
      };
      for (const [rel, label] of PROJECT_FIELDS) add(rel, label, get(p, rel), 'project');
      (p.goals || []).forEach((g, i) => add('goals[' + i + ']', '绩效目标 goal ' + (i + 1), g, 'project'));
      for (const [k, v] of Object.entries(p.attributes || {})) add('attributes.' + k, k, v, 'project');
      (p.indicators || []).forEach((row, i) => {
        for (const [f, label] of INDICATOR_FIELDS) add('indicators[' + i + '].' + f, label, row[f], 'indicator');
      });
    });
  }

  function flagged(f) {
    return f.reasons.length > 0;
  }
  function queue() {
    return fields.filter(flagged);
  }

  function fieldClass(f) {
    let c = 'field';
    if (flagged(f)) c += ' flagged';
    if (f.correction && f.correction.action === 'correct') c += ' corrected';
    if (f.correction && f.correction.action === 'accept') c += ' accepted';
    if (selected && selected.path === f.path) c += ' selected';
    return c;
  }

  function fieldCell(f, tag) {
    const cell = el(tag || 'td', { 'class': fieldClass(f), 'data-path': f.path, tabIndex: -1 }, shown(f.value));
    if (f.source && typeof f.source.confidence === 'number') cell.title = '置信度 confidence ' + f.source.confidence;
    return cell;
  }

  function renderRecords() {
    const root = $('records');
    root.replaceChildren();
    (doc.projects || []).forEach((p, pi) => {
      const section = el('section', { 'class': 'project' });
      section.append(el('h2', {}, (p.index || pi + 1) + '. ' + (p.project_name || p.title || '')));
      const table = el('table', { 'class': 'fields' });
      for (const f of fields.filter((x) => x.project === pi && x.group === 'project'))
        table.append(el('tr', {}, el('th', {}, f.label), fieldCell(f)));
      section.append(table);
      if ((p.indicators || []).length) {
        const ind = el('table', { 'class': 'indicators' });
        ind.append(el('tr', {}, ...INDICATOR_FIELDS.map(([, label]) => el('th', {}, label))));
        p.indicators.forEach((row, i) => {
          ind.append(el('tr', {}, ...INDICATOR_FIELDS.map(([f]) =>
            fieldCell(byPath.get('projects[' + pi + '].indicators[' + i + '].' + f)))));
        });
        section.append(ind);
      }
      root.append(section);
    });
    if (!(doc.projects || []).length) root.append(el('p', {}, '没有记录 no records'));
  }

  function renderFindings() {
    const root = $('findings');
    root.replaceChildren();
    const list = doc.findings || [];
    if (!list.length) return;
    root.append(el('h2', {}, '检查发现 findings (' + list.length + ')'));
    const ul = el('ul', {});
    for (const f of list) {
      const first = (f.fields || [])[0];
      let path = first !== undefined && f.index ? 'projects[' + (f.index - 1) + '].' + first : '';
      if (path && !byPath.has(path) && byPath.has(path + '[0]')) path += '[0]';  // a list: its first item
      const item = el('li', { 'class': 'finding ' + (f.severity || '') }, el('b', {}, f.rule || ''), ' ', f.message || '');
      if (path && byPath.has(path)) {
        item.setAttribute('data-path', path);
        item.classList.add('linked');
      }
      ul.append(item);
    }
    root.append(ul);
  }

  function renderHeader() {
    const d = doc.document || {};
    const src = doc.source || {};
    $('title').textContent = d.title || src.path || '';
    $('meta').textContent = [src.path, d.department, d.year, src.pages ? src.pages + ' 页 pages' : '']
      .filter((x) => x !== undefined && x !== null && x !== '').join(' · ');
    document.title = (src.path || '').split('/').pop() + ' — jixiao';
    const nav = $('pages');
    nav.replaceChildren();
    for (let n = 1; n <= (src.pages || 0); n++) {
      const b = el('button', { type: 'button', 'data-page': String(n) }, String(n));
      b.addEventListener('click', () => showPage(n));
      nav.append(b);
    }
    const q = queue();
    $('queue-count').textContent = '待复核 to review: ' + q.length;
  }

  async function pageData(n) {
    if (pages.has(n)) return pages.get(n);
    let data;
    if (!served) {
      const p = (config.pages || [])[n - 1];
      data = p ? { src: p.src, dpi: p.dpi, grids: p.grids || [] } : { error: 'no page ' + n };
    } else {
      try {
        const r = await fetch('/api/documents/' + config.id + '/pages/' + n + '.png', { headers: authHeaders() });
        if (!r.ok) {
          const body = await r.json().catch(() => ({}));
          data = { error: body.error || ('HTTP ' + r.status) };
        } else {
          const dpi = parseFloat(r.headers.get('X-Jixiao-Dpi')) || 110;
          data = { src: URL.createObjectURL(await r.blob()), dpi, grids: [] };
          // The ruled tables, drawn under the fields' boxes (none when they cannot be had).
          const g = await fetch('/api/documents/' + config.id + '/pages/' + n + '.json', { headers: authHeaders() });
          if (g.ok) data.grids = (await g.json()).grids || [];
        }
      } catch (e) {
        data = { error: String(e) };
      }
    }
    pages.set(n, data);
    return data;
  }

  async function showPage(n) {
    if (!n) return;
    const data = await pageData(n);
    shownPage = n;
    for (const b of $('pages').children) b.classList.toggle('current', b.getAttribute('data-page') === String(n));
    const img = $('page-image');
    if (data.error) {
      img.removeAttribute('src');
      $('page').hidden = true;
      $('page-error').hidden = false;
      $('page-error').textContent = '第 ' + n + ' 页无法显示 page ' + n + ' cannot be shown: ' + data.error;
      return;
    }
    $('page').hidden = false;
    $('page-error').hidden = true;
    if (img.getAttribute('src') !== data.src) {
      await new Promise((resolve) => {
        img.onload = resolve;
        img.onerror = resolve;
        img.src = data.src;
      });
    }
    drawBoxes();
  }

  // The boxes of the fields read on the shown page, in PDF points over the image.
  function drawBoxes() {
    const img = $('page-image');
    const data = pages.get(shownPage);
    const svg = $('overlay');
    svg.replaceChildren();
    if (!data || data.error || !img.naturalWidth) return;
    const w = img.naturalWidth * 72 / data.dpi;
    const h = img.naturalHeight * 72 / data.dpi;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    for (const grid of data.grids || []) {
      for (const c of grid.cells || []) {
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', c[0]);
        r.setAttribute('y', c[1]);
        r.setAttribute('width', Math.max(0, c[2] - c[0]));
        r.setAttribute('height', Math.max(0, c[3] - c[1]));
        r.setAttribute('class', 'cell');
        svg.append(r);
      }
    }
    const drawn = new Set();
    let chosen = null;
    for (const f of fields) {
      const s = f.source;
      if (!s || s.page !== shownPage || !Array.isArray(s.bbox) || s.bbox.length !== 4) continue;
      const key = s.bbox.join(',');
      const isSelected = selected && selected.path === f.path;
      if (drawn.has(key) && !isSelected) continue;
      drawn.add(key);
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', s.bbox[0]);
      r.setAttribute('y', s.bbox[1]);
      r.setAttribute('width', Math.max(0, s.bbox[2] - s.bbox[0]));
      r.setAttribute('height', Math.max(0, s.bbox[3] - s.bbox[1]));
      r.setAttribute('class', fieldClass(f).replace('field', 'box'));
      r.setAttribute('data-path', f.path);
      const t = document.createElementNS(SVG, 'title');
      t.textContent = f.label + ': ' + shown(f.value);
      r.append(t);
      if (isSelected) chosen = r;
      else svg.append(r);
    }
    if (chosen) svg.append(chosen);  // on top
  }

  function crop(f) {
    const canvas = $('detail-crop');
    const data = pages.get(shownPage);
    const img = $('page-image');
    const s = f.source;
    if (!s || !data || data.error || s.page !== shownPage || !img.naturalWidth || !Array.isArray(s.bbox)) {
      canvas.hidden = true;
      return;
    }
    const k = data.dpi / 72;
    const x = Math.max(0, s.bbox[0] * k - CROP_MARGIN_PX);
    const y = Math.max(0, s.bbox[1] * k - CROP_MARGIN_PX);
    const w = Math.min(img.naturalWidth - x, (s.bbox[2] - s.bbox[0]) * k + 2 * CROP_MARGIN_PX);
    const h = Math.min(img.naturalHeight - y, (s.bbox[3] - s.bbox[1]) * k + 2 * CROP_MARGIN_PX);
    if (w <= 0 || h <= 0) {
      canvas.hidden = true;
      return;
    }
    canvas.width = Math.round(w);
    canvas.height = Math.round(h);
    canvas.getContext('2d').drawImage(img, x, y, w, h, 0, 0, w, h);
    canvas.hidden = false;
  }

  function renderDetail(f) {
    $('detail').hidden = false;
    $('detail-label').textContent = f.label;
    $('detail-path').textContent = f.path;
    $('detail-value').textContent = shown(f.value) || '（空 empty）';
    const facts = $('detail-facts');
    facts.replaceChildren();
    const fact = (k, v) => facts.append(el('dt', {}, k), el('dd', {}, v));
    const s = f.source;
    if (s) {
      fact('页 page', s.page);
      fact('框 box (pt)', (s.bbox || []).join(', '));
      fact('来源 source', s.source || '');
      fact('置信度 confidence', s.confidence);
      if (s.corrected) fact('OCR 已修正 corrected by OCR', '是 yes');
      if (Array.isArray(s.fixes) && s.fixes.length) fact('修正规则 fixes', s.fixes.join(', '));
    } else {
      fact('来源 source', '无位置 no position recorded');
    }
    if (f.correction) {
      const c = f.correction;
      fact(c.action === 'accept' ? '已接受 accepted' : '已更正 corrected',
        shown(c.old) + ' → ' + shown(c.new) + ' (' + (c.who || '') + ', ' + (c.at || '') + ')' + (c.note ? ' ' + c.note : ''));
    }
    const reasons = $('detail-reasons');
    reasons.replaceChildren(...f.reasons.map((r) => el('li', {}, r)));
    const history = $('detail-history');
    history.replaceChildren(...(doc.correction_history || []).filter((c) => c.field === f.path).map((c) =>
      el('li', {}, (c.at || '') + ' ' + (c.who || '') + ' ' + c.action + ': ' + shown(c.old) + ' → ' + shown(c.new) +
        (c.note ? ' — ' + c.note : ''))));
    if (served) {
      $('correct').hidden = false;
      $('correct-value').value = shown(f.value);
      $('correct-note').value = '';
      $('correct-accept').hidden = !flagged(f);
    }
  }

  async function select(path, scroll) {
    const f = byPath.get(path);
    if (!f) return;
    selected = f;
    for (const e of document.querySelectorAll('#records .selected')) e.classList.remove('selected');
    const cell = document.querySelector('#records [data-path="' + CSS.escape(path) + '"]');
    if (cell) {
      cell.classList.add('selected');
      if (scroll) cell.scrollIntoView({ block: 'nearest' });
    }
    if (f.source && f.source.page && f.source.page !== shownPage) await showPage(f.source.page);
    else drawBoxes();
    renderDetail(f);
    crop(f);
    const box = document.querySelector('#overlay rect.selected');
    if (box && scroll !== false && box.scrollIntoView) box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function step(direction) {
    const q = queue();
    if (!q.length) return;
    let i = selected ? q.findIndex((f) => f.path === selected.path) : -1;
    if (i < 0 && selected) {
      // From a field outside the queue: the first queued field after (or before) it.
      const at = fields.indexOf(selected);
      i = direction > 0 ? q.findIndex((f) => fields.indexOf(f) > at) - 1 : q.findIndex((f) => fields.indexOf(f) >= at);
      if (i < -1) i = -1;
    }
    const next = (i + direction + q.length) % q.length;
    $('queue-count').textContent = '待复核 to review: ' + (next + 1) + ' / ' + q.length;
    select(q[next].path, true);
  }

  async function reload() {
    const r = await fetch('/api/documents/' + config.id, { headers: authHeaders() });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    doc = await r.json();
    render();
  }

  async function send(action) {
    if (!selected) return;
    const path = selected.path;
    const body = { field: path, note: $('correct-note').value, action };
    if (action === 'correct') body.value = $('correct-value').value;
    status('保存中 saving…');
    try {
      const r = await fetch('/api/documents/' + config.id + '/corrections', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json' }, authHeaders()),
        body: JSON.stringify(body),
      });
      const answer = await r.json().catch(() => ({}));
      if (!r.ok) {
        status('未保存 not saved: ' + (answer.error || ('HTTP ' + r.status)), true);
        return;
      }
      await reload();
      await select(path, true);
      status(action === 'accept' ? '已接受 accepted' : '已保存 saved');
    } catch (e) {
      status('未保存 not saved: ' + e, true);
    }
  }

  function render() {
    collect();
    renderHeader();
    renderFindings();
    renderRecords();
    if (selected && byPath.has(selected.path)) selected = byPath.get(selected.path);
    else selected = null;
  }

  function bind() {
    document.addEventListener('click', (e) => {
      const target = e.target.closest ? e.target.closest('[data-path]') : null;
      if (target) select(target.getAttribute('data-path'), !target.closest('#records'));
    });
    $('correct').addEventListener('submit', (e) => {
      e.preventDefault();
      send('correct');
    });
    $('correct-accept').addEventListener('click', () => send('accept'));
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (typing) {
        if (e.key === 'Escape') e.target.blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'j') step(1);
      else if (e.key === 'p' || e.key === 'k') step(-1);
      else if (e.key === 'a' && served && selected) send('accept');
      else if (e.key === 'c' && served && selected) {
        e.preventDefault();
        $('correct-value').focus();
        $('correct-value').select();
      } else return;
      e.preventDefault();
    });
    window.addEventListener('resize', drawBoxes);
  }

  async function start() {
    if (served) $('back').hidden = false;
    bind();
    try {
      if (served) {
        const r = await fetch('/api/documents/' + config.id, { headers: authHeaders() });
        if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || ('HTTP ' + r.status));
        doc = await r.json();
      } else {
        doc = config.document;
      }
    } catch (e) {
      status('无法读取 cannot load: ' + e, true);
      return;
    }
    render();
    const first = fields.find((f) => f.source && f.source.page);
    await showPage(first ? first.source.page : 1);
    document.body.setAttribute('data-ready', '1');
  }

  start();
})();
