// winnow review page: paste or drop a page, see its blocks as winnow
// decided them, flip the wrong ones, teach the model, undo.
//
// Rules this file keeps:
//   - The reviewed page is hostile input. Its text (blocks, title, URL,
//     file name) and anything the server echoes (notes, messages) is only
//     ever inserted with textContent or as a form value, never as HTML:
//     this file does not use innerHTML, outerHTML, insertAdjacentHTML or
//     document.write (server/ui_test.go checks).
//   - The admin token lives in sessionStorage: this tab only, gone when it
//     closes. Without it the page is read-only.
//   - Corrections are sent with the features /v1/clean?features=1 gave
//     each block, so they teach the tokens the model sees on this page.
'use strict';

(() => {
  const TOKEN_KEY = 'winnow.token';
  const READONLY_KEY = 'winnow.readonly';
  const MAX_SAMPLE_BYTES = 64 << 10;
  // Shading from content (P(junk) 0) to junk (P(junk) 1).
  const CONTENT_RGB = [220, 242, 224];
  const JUNK_RGB = [248, 208, 200];

  const $ = (id) => document.getElementById(id);
  const el = {
    source: $('source'), kind: $('kind'), file: $('file'), sourceName: $('source-name'),
    drop: $('drop'), clean: $('clean-button'), teach: $('teach-button'), undo: $('undo-button'),
    weight: $('weight'), confirmAll: $('confirm-all'), summary: $('summary'), status: $('status'),
    blocks: $('blocks'), modelVersion: $('model-version'), tokenButton: $('token-button'),
    tokenForm: $('token-form'), tokenInput: $('token-input'), tokenSkip: $('token-skip'),
    tokenForget: $('token-forget'), mVersion: $('m-version'), mContent: $('m-content'),
    mJunk: $('m-junk'), mVocab: $('m-vocab'), mTraining: $('m-training'), mHistory: $('m-history'),
  };

  const state = {
    blocks: [],          // the last /v1/clean blocks: {text, tag, region, label, p_junk, features}
    flipped: new Set(),  // indices of blocks the user flipped
    marks: new Map(),    // index → {changed: old label, stubborn: wanted label} after a teach or undo
    file: null,          // {blob, text, name}: a dropped or preloaded file, while the textarea shows it unedited
    request: null,       // the last clean request, re-sent after teach and undo
    model: null,         // GET /v1/model
    token: sessionStorage.getItem(TOKEN_KEY) || '',
    undo: [],            // model versions before each teach of this tab, newest last
    focus: 0,            // index of the block with the keyboard focus
    busy: false,
    cleans: 0, teaches: 0,
  };

  // ---- API ----

  // api sends a request and returns {ok, status, data}; data is the JSON
  // answer, or {error: {code, message}} for a failure of any kind.
  async function api(method, path, body, headers = {}) {
    const init = {method, headers: {...headers}, cache: 'no-store'};
    if (body !== undefined) init.body = body;
    let resp;
    try {
      resp = await fetch(path, init);
    } catch (err) {
      return {ok: false, status: 0, data: {error: {code: 'network', message: 'the server cannot be reached (' + err.message + ')'}}};
    }
    let data = null;
    try {
      data = await resp.json();
    } catch {
      data = {error: {code: 'bad_answer', message: 'HTTP ' + resp.status}};
    }
    return {ok: resp.ok, status: resp.status, data};
  }

  function errorText(r) {
    const e = r.data && r.data.error;
    return e ? e.message + ' (' + e.code + ')' : 'HTTP ' + r.status;
  }

  function adminHeaders() {
    return {'Authorization': 'Bearer ' + state.token, 'Content-Type': 'application/json'};
  }

  // ---- status, busy, buttons ----

  function setStatus(text, kind = 'info') {
    el.status.textContent = text;
    el.status.dataset.kind = kind;
  }

  function setBusy(busy) {
    state.busy = busy;
    document.body.dataset.busy = busy ? '1' : '0';
    updateButtons();
  }

  function trainingOn() { return !!(state.model && state.model.training); }

  function updateButtons() {
    const canAdmin = trainingOn() && state.token !== '';
    el.clean.disabled = state.busy;
    el.teach.disabled = state.busy || !canAdmin || state.blocks.length === 0 ||
      (state.flipped.size === 0 && !el.confirmAll.checked);
    const kept = state.model && state.model.history && state.model.history.length > 0;
    el.undo.disabled = state.busy || !canAdmin || (state.undo.length === 0 && !kept);
    let why = '';
    if (!trainingOn()) why = 'training is off on this server';
    else if (!state.token) why = 'read-only: give the admin token to teach';
    el.teach.title = why || 'Send the flipped blocks to the model (t)';
    el.undo.title = why || (state.undo.length ? 'Return to model v' + state.undo[state.undo.length - 1] : 'Return to the newest kept version');
    el.tokenButton.textContent = state.token ? 'Admin token ✓' : 'Admin token…';
    el.tokenForget.hidden = !state.token;
  }

  // ---- the page to review ----

  function looksLikeHTML(text) {
    return /<(!doctype|html|head|body|div|p|article|section|main|span|a|ul|ol|li|h[1-6]|table|br|meta|title|script|style|nav|header|footer)\b/i.test(text.slice(0, 65536));
  }

  // pageRequest describes the clean request for what the user gave: a
  // dropped file as its raw bytes (the server detects its encoding),
  // pasted text as JSON (always UTF-8).
  function pageRequest() {
    const text = el.source.value;
    const kind = el.kind.value;
    if (state.file && state.file.text === text) {
      return {body: state.file.blob, type: 'application/octet-stream', input: kind, name: state.file.name};
    }
    if (text.trim() === '') return null;
    const as = kind === 'auto' ? (looksLikeHTML(text) ? 'html' : 'text') : kind;
    return {body: JSON.stringify({[as]: text}), type: 'application/json', input: '', name: ''};
  }

  async function loadBlob(blob, name) {
    let text = '';
    try {
      text = await blob.text();
    } catch {
      text = '';
    }
    el.source.value = text;
    state.file = {blob, text, name};
    el.sourceName.textContent = name ? name + ' (' + blob.size.toLocaleString() + ' bytes)' : '';
    await clean();
  }

  // ---- cleaning and showing the blocks ----

  async function runClean(req) {
    let path = '/v1/clean?format=json&features=1';
    if (req.input && req.input !== 'auto') path += '&input=' + encodeURIComponent(req.input);
    return api('POST', path, req.body, {'Content-Type': req.type});
  }

  async function clean() {
    const req = pageRequest();
    if (!req) {
      setStatus('Paste a page (HTML or text) or drop a file first.', 'error');
      return;
    }
    setBusy(true);
    setStatus('Cleaning…');
    const r = await runClean(req);
    setBusy(false);
    if (!r.ok) {
      setStatus('Cleaning failed: ' + errorText(r), 'error');
      return;
    }
    state.request = req;
    state.flipped.clear();
    state.marks.clear();
    state.focus = 0;
    show(r.data);
    setStatus('');
  }

  // show renders a /v1/clean answer.
  function show(res) {
    state.blocks = res.blocks || [];
    if (res.model_version !== undefined) el.modelVersion.textContent = String(res.model_version);
    render();
    state.cleans++;
    document.body.dataset.cleans = String(state.cleans);
  }

  function shade(p) {
    const t = Math.min(1, Math.max(0, Number(p) || 0));
    const c = CONTENT_RGB.map((v, i) => Math.round(v + (JUNK_RGB[i] - v) * t));
    return 'rgb(' + c.join(', ') + ')';
  }

  // pj formats a P(junk); values that round to 0 or 1 but are not get
  // more digits, so that they are not shown as certain.
  function pj(p) {
    p = Number(p) || 0;
    let s = p.toFixed(3);
    if ((s === '1.000' && p < 1) || (s === '0.000' && p > 0)) s = p.toFixed(6);
    if (s === '1.000000' && p < 1) s = '0.999999+';
    if (s === '0.000000' && p > 0) s = '0.000000+';
    return s;
  }

  function opposite(label) { return label === 'content' ? 'junk' : 'content'; }
  function decision(label) { return label === 'content' ? 'kept' : 'dropped'; }

  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function renderBlock(b, i) {
    const li = document.createElement('li');
    li.className = 'block';
    li.id = 'block-' + i;
    li.setAttribute('role', 'option');
    li.dataset.index = String(i);
    const p = Number(b.p_junk) || 0;
    li.dataset.pjunk = p.toFixed(4);
    li.style.backgroundColor = shade(p);
    const meta = document.createElement('div');
    meta.className = 'meta';
    li.append(meta);
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = b.text; // hostile text: as text, never as HTML
    li.append(text);
    updateBlock(li, i);
    return li;
  }

  // updateBlock sets a block's decision, flip and marks.
  function updateBlock(li, i) {
    const b = state.blocks[i];
    const flipped = state.flipped.has(i);
    const want = flipped ? opposite(b.label) : b.label;
    const mark = state.marks.get(i) || {};
    li.classList.toggle('kept', b.label === 'content');
    li.classList.toggle('dropped', b.label !== 'content');
    li.classList.toggle('flipped', flipped);
    li.classList.toggle('changed', mark.changed !== undefined);
    li.classList.toggle('stubborn', mark.stubborn !== undefined);
    li.dataset.label = b.label;
    li.dataset.want = want;
    li.setAttribute('aria-selected', flipped ? 'true' : 'false');
    li.tabIndex = i === state.focus ? 0 : -1;
    const meta = li.querySelector('.meta');
    const parts = [
      span('decision', decision(b.label)),
      span('where', b.tag + ' · ' + b.region),
      span('p', 'P(junk) ' + (mark.p !== undefined ? pj(mark.p) + ' → ' : '') + pj(b.p_junk)),
    ];
    if (b.repeat) parts.push(span('note', 'repeat of an earlier block: not in the text again'));
    if (flipped) parts.push(span('note flip', '→ ' + decision(want)));
    if (mark.changed !== undefined) parts.push(span('note change', 'was ' + decision(mark.changed)));
    if (mark.stubborn !== undefined) parts.push(span('note stubborn', 'still ' + decision(b.label) + ': teach again, stronger'));
    meta.replaceChildren(...parts);
    li.setAttribute('aria-label', decision(b.label) + (flipped ? ', flipped to ' + decision(want) : '') + ': ' + b.text.slice(0, 200));
  }

  function render() {
    const frag = document.createDocumentFragment();
    state.blocks.forEach((b, i) => frag.append(renderBlock(b, i)));
    el.blocks.replaceChildren(frag);
    summarize();
    updateButtons();
  }

  function summarize() {
    const n = state.blocks.length;
    const kept = state.blocks.filter((b) => b.label === 'content' && !b.repeat).length;
    let s = n + ' blocks · ' + kept + ' kept · ' + (n - kept) + ' dropped';
    if (state.flipped.size) s += ' · ' + state.flipped.size + ' flipped';
    el.summary.textContent = s;
  }

  function blockEl(i) { return document.getElementById('block-' + i); }

  function flip(i) {
    if (i < 0 || i >= state.blocks.length) return;
    if (state.flipped.has(i)) state.flipped.delete(i);
    else state.flipped.add(i);
    updateBlock(blockEl(i), i);
    summarize();
    updateButtons();
  }

  function focusBlock(i, scroll = true) {
    if (state.blocks.length === 0) return;
    i = Math.min(state.blocks.length - 1, Math.max(0, i));
    const old = blockEl(state.focus);
    if (old) old.tabIndex = -1;
    state.focus = i;
    const li = blockEl(i);
    li.tabIndex = 0;
    li.focus({preventScroll: !scroll});
    if (scroll) li.scrollIntoView({block: 'nearest'});
  }

  // ---- teach and undo ----

  function utf8Length(s) { return new TextEncoder().encode(s).length; }

  // samples are the corrections (and, with "confirm the rest", every other
  // block as it is): one line of text each, with the block's features.
  function samples() {
    const all = el.confirmAll.checked;
    // A whole page in order also teaches label transitions: give it a page
    // id. Scattered corrections are not a sequence: no page id.
    const page = all ? 'review-' + Date.now().toString(36) : '';
    const out = [];
    state.blocks.forEach((b, i) => {
      const flipped = state.flipped.has(i);
      if (!flipped && !all) return;
      const text = b.text.replace(/\s+/g, ' ').trim();
      if (text === '' || utf8Length(text) > MAX_SAMPLE_BYTES) return;
      const s = {text, label: flipped ? opposite(b.label) : b.label};
      if (b.features && b.features.length) s.features = b.features;
      if (page) s.page = page;
      out.push(s);
    });
    return out;
  }

  function noteFor(n) {
    const what = state.request && state.request.name ? ' on ' + state.request.name : '';
    return ('review page: ' + n + ' correction' + (n === 1 ? '' : 's') + what).slice(0, 200);
  }

  async function teach() {
    if (el.teach.disabled) return;
    const list = samples();
    if (list.length === 0) {
      setStatus('Nothing to teach: flip a block first.', 'error');
      return;
    }
    const wanted = new Map();
    state.flipped.forEach((i) => wanted.set(i, opposite(state.blocks[i].label)));
    const body = {samples: list, note: noteFor(wanted.size)};
    if (el.weight.value) body.weight = Number(el.weight.value);
    setBusy(true);
    setStatus('Teaching ' + list.length + ' block' + (list.length === 1 ? '' : 's') + '…');
    const r = await api('POST', '/v1/train', JSON.stringify(body), adminHeaders());
    if (!r.ok) {
      setBusy(false);
      failed('Teaching failed', r);
      return;
    }
    state.undo.push(r.data.previous_version);
    state.teaches++;
    document.body.dataset.teaches = String(state.teaches);
    const head = 'Model v' + r.data.previous_version + ' → v' + r.data.version + ' (' + r.data.learned + ' samples × ' + r.data.weight + ')';
    await rerun(head, wanted);
    setBusy(false);
    await loadModel();
  }

  async function undo() {
    if (el.undo.disabled) return;
    const target = state.undo.length ? state.undo[state.undo.length - 1] : 0;
    setBusy(true);
    setStatus(target ? 'Returning to model v' + target + '…' : 'Returning to the newest kept version…');
    const r = await api('POST', '/v1/model/rollback', JSON.stringify(target ? {version: target} : {}), adminHeaders());
    if (!r.ok) {
      if (r.status === 404 && state.undo.length) state.undo.pop(); // no longer kept
      setBusy(false);
      failed('Undo failed', r);
      await loadModel();
      return;
    }
    if (state.undo.length) state.undo.pop();
    const head = 'Undone: model v' + r.data.previous_version + ' → v' + r.data.version + ' (the counts of v' + r.data.restored_from + ')';
    await rerun(head, new Map());
    setBusy(false);
    await loadModel();
  }

  function failed(what, r) {
    if (r.status === 401) {
      forgetToken();
      showTokenForm(true);
      setStatus(what + ': the admin token was refused; give it again.', 'error');
      return;
    }
    setStatus(what + ': ' + errorText(r), 'error');
  }

  // rerun cleans the same page again with the new model and marks what
  // changed: blocks whose decision changed, and wanted corrections that
  // did not take (those stay flipped, ready to teach again).
  async function rerun(head, wanted) {
    if (!state.request) {
      setStatus(head + '.', 'ok');
      return;
    }
    const before = state.blocks;
    const r = await runClean(state.request);
    if (!r.ok) {
      setStatus(head + '; cleaning the page again failed: ' + errorText(r), 'error');
      return;
    }
    const after = r.data.blocks || [];
    state.flipped.clear();
    state.marks.clear();
    let changed = 0, took = 0;
    if (after.length === before.length) {
      after.forEach((b, i) => {
        const mark = {};
        if (b.label !== before[i].label) {
          mark.changed = before[i].label;
          mark.p = before[i].p_junk;
          if (!wanted.has(i)) changed++;
        }
        if (wanted.has(i)) {
          mark.p = before[i].p_junk;
          if (b.label === wanted.get(i)) took++;
          else {
            mark.stubborn = wanted.get(i);
            state.flipped.add(i);
          }
        }
        if (mark.p !== undefined) state.marks.set(i, mark);
      });
    }
    show(r.data);
    let msg = head + '.';
    if (wanted.size) msg += ' ' + took + ' of ' + wanted.size + ' correction' + (wanted.size === 1 ? '' : 's') + ' took';
    if (wanted.size && took < wanted.size) msg += ' (the rest stay flipped: teach again, stronger)';
    msg += (wanted.size ? '; ' : ' ') + changed + (wanted.size ? ' other' : '') + ' block' + (changed === 1 ? '' : 's') + ' changed.';
    setStatus(msg, took < wanted.size ? 'warn' : 'ok');
  }

  // ---- the model panel ----

  async function loadModel() {
    const r = await api('GET', '/v1/model');
    if (!r.ok) {
      el.mTraining.textContent = 'unknown: ' + errorText(r);
      return;
    }
    const m = r.data;
    state.model = m;
    el.modelVersion.textContent = String(m.version);
    el.mVersion.textContent = String(m.version);
    el.mContent.textContent = m.samples.content.toLocaleString();
    el.mJunk.textContent = m.samples.junk.toLocaleString();
    el.mVocab.textContent = m.vocabulary.toLocaleString();
    el.mTraining.textContent = m.training ? 'on' + (state.token ? '' : ' (read-only here: no token)') : 'off (the server has no admin token or no --model)';
    const items = (m.versions || [{version: m.version, note: m.note, trained_at: m.trained_at, current: true}]).map((v) => {
      const li = document.createElement('li');
      li.append(span('v', 'v' + v.version));
      if (v.trained_at) li.append(span('when', new Date(v.trained_at).toLocaleString()));
      li.append(span('what', v.note || '(no note)'));
      if (v.current) {
        li.className = 'current';
        li.append(span('tag', 'serving'));
      }
      return li;
    });
    el.mHistory.replaceChildren(...items);
    if (m.training && !state.token && !sessionStorage.getItem(READONLY_KEY)) showTokenForm(false);
    updateButtons();
  }

  // ---- the admin token ----

  function showTokenForm(focus) {
    el.tokenForm.hidden = false;
    if (focus) el.tokenInput.focus();
  }

  function forgetToken() {
    state.token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    updateButtons();
  }

  function setToken(t) {
    state.token = t.trim();
    if (state.token) {
      sessionStorage.setItem(TOKEN_KEY, state.token);
      sessionStorage.removeItem(READONLY_KEY);
    }
    if (state.model) loadModel();
    updateButtons();
  }

  // ---- events ----

  el.clean.addEventListener('click', clean);
  el.teach.addEventListener('click', teach);
  el.undo.addEventListener('click', undo);
  el.confirmAll.addEventListener('change', updateButtons);
  el.source.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      clean();
    }
  });
  el.file.addEventListener('change', () => {
    const f = el.file.files && el.file.files[0];
    if (f) loadBlob(f, f.name);
    el.file.value = '';
  });
  for (const ev of ['dragenter', 'dragover']) {
    document.addEventListener(ev, (e) => {
      e.preventDefault();
      el.drop.classList.add('over');
    });
  }
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) el.drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault(); // never let the browser open (and run) the dropped page
    el.drop.classList.remove('over');
    const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) loadBlob(f, f.name);
  });

  el.blocks.addEventListener('click', (e) => {
    const li = e.target.closest('li.block');
    if (!li) return;
    if (String(window.getSelection() || '') !== '') return; // selecting text, not flipping
    const i = Number(li.dataset.index);
    flip(i);
    focusBlock(i, false);
  });

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (t && t.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    const inList = t && t.closest && t.closest('#blocks');
    switch (e.key) {
      case 'ArrowDown': case 'j':
        if (!state.blocks.length) return;
        focusBlock(inList ? state.focus + 1 : state.focus);
        break;
      case 'ArrowUp': case 'k':
        if (!state.blocks.length) return;
        focusBlock(inList ? state.focus - 1 : state.focus);
        break;
      case 'Home':
        if (!inList) return;
        focusBlock(0);
        break;
      case 'End':
        if (!inList) return;
        focusBlock(state.blocks.length - 1);
        break;
      case ' ': case 'Enter':
        if (!inList) return;
        flip(state.focus);
        break;
      case 't':
        teach();
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  el.tokenButton.addEventListener('click', () => {
    if (el.tokenForm.hidden) showTokenForm(true);
    else el.tokenForm.hidden = true;
  });
  el.tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(el.tokenInput.value);
    el.tokenInput.value = '';
    el.tokenForm.hidden = true;
    setStatus(state.token ? 'Admin token kept for this tab.' : '');
  });
  el.tokenSkip.addEventListener('click', () => {
    sessionStorage.setItem(READONLY_KEY, '1');
    el.tokenForm.hidden = true;
  });
  el.tokenForget.addEventListener('click', () => {
    forgetToken();
    el.tokenForm.hidden = true;
    setStatus('Admin token forgotten: read-only.');
  });

  // ---- start ----

  // The fragment may carry a page to load (#src=/path, same origin only:
  // winnow review serves the file it was given) and a token (winnow review
  // passes the one it made). It is removed from the address bar at once.
  async function start() {
    setBusy(false);
    const params = new URLSearchParams(location.hash.slice(1));
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    if (params.get('token')) setToken(params.get('token'));
    await loadModel();
    const src = params.get('src') || '';
    if (/^\/(?![\/\\])/.test(src)) {
      const name = params.get('name') || src;
      try {
        const resp = await fetch(src, {cache: 'no-store'});
        if (!resp.ok) throw new Error('HTTP ' + resp.status);
        await loadBlob(await resp.blob(), name);
      } catch (err) {
        setStatus('Could not load ' + name + ': ' + err.message, 'error');
      }
    }
    document.body.dataset.ready = '1';
  }
  start();
})();
