// The HTML report's one script: filters, review controls kept in localStorage, and the decisions download.
//
// It holds no report data and no words (those are in the page's data- attributes), so it is one constant text and
// the page's Content-Security-Policy allows exactly it by its sha256. Written in ES5 without template literals so
// that any browser a reviewer opens the file in runs it. The page is complete without it: controls and filters
// start hidden.
import { createHash } from 'node:crypto';

export const REVIEW_SCRIPT = `(function () {
  'use strict';
  var tools = document.getElementById('triage');
  if (!tools) return;
  var labels = JSON.parse(tools.getAttribute('data-labels'));
  var storeKey = 'asn-audit/review/' + tools.getAttribute('data-report-key');
  var reviewerKey = 'asn-audit/reviewer';
  var storageOk = true;
  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { storageOk = false; return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { storageOk = false; }
  }
  var local = {};
  try { local = JSON.parse(load(storeKey) || '{}') || {}; } catch (e) { local = {}; }
  var findings = Array.prototype.slice.call(document.querySelectorAll('li.finding[data-fp]'));
  var byFp = {};
  findings.forEach(function (li) { byFp[li.getAttribute('data-fp')] = li; });
  var reviewer = document.getElementById('reviewer');
  reviewer.value = load(reviewerKey) || '';
  reviewer.addEventListener('change', function () { save(reviewerKey, reviewer.value.trim()); });
  var message = document.getElementById('triage-message');
  var counts = document.getElementById('triage-counts');

  function embedded(li) {
    var status = li.getAttribute('data-review-status');
    if (!status) return null;
    return {
      status: status,
      reviewer: li.getAttribute('data-review-reviewer'),
      reason: li.getAttribute('data-review-reason'),
      date: li.getAttribute('data-review-date')
    };
  }
  function decisionOf(li) {
    return local[li.getAttribute('data-fp')] || embedded(li);
  }
  function statusOf(li) {
    var d = decisionOf(li);
    if (d) return d.status;
    return li.getAttribute('data-suppressed') === 'true' ? 'suppressed' : 'unreviewed';
  }
  function isOpen(status) {
    return status === 'unreviewed' || status === 'needs_evidence';
  }
  function show(li) {
    var fp = li.getAttribute('data-fp');
    var d = decisionOf(li);
    var badge = li.querySelector('.triage-badge');
    var status = statusOf(li);
    li.setAttribute('data-status', status);
    li.classList.toggle('is-decided-here', Boolean(local[fp]));
    badge.hidden = !d;
    badge.className = 'badge review triage-badge' + (d ? ' review-' + d.status : '');
    badge.textContent = d ? labels.status[d.status] + ' · ' + d.reviewer + ' · ' + d.date +
      (local[fp] ? ' · ' + labels.decidedHere : '') : '';
    li.querySelectorAll('button[data-set]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Boolean(d) && b.getAttribute('data-set') === d.status));
    });
    li.querySelector('button.triage-clear').hidden = !local[fp];
    var note = li.querySelector('.review-note');
    if (note) note.hidden = Boolean(local[fp]);
  }
  function persist() {
    save(storeKey, JSON.stringify(local));
    if (!storageOk) message.textContent = labels.notSaved;
  }
  function say(li, text) {
    li.querySelector('.triage-say').textContent = text;
  }

  // Every number the page shows is marked with what it counts (html-review.ts countAttributes); after each
  // decision they are recounted from the findings' statuses, so that cards, tables and bars follow the browser.
  var actOf = {};
  var acts = [];
  document.querySelectorAll('section.act').forEach(function (act, i) {
    acts.push({ day: act.getAttribute('data-day'), items: [] });
    act.querySelectorAll('li.finding[data-fp]').forEach(function (li) { actOf[li.getAttribute('data-fp')] = i; });
  });
  var filterKeys = ['person', 'agency', 'candidate', 'category', 'severity'];
  var items = findings.map(function (li) {
    var person = li.closest('article.person');
    return {
      li: li,
      person: person ? person.id : '',
      agency: person ? person.getAttribute('data-agency') : '',
      act: actOf[li.getAttribute('data-fp')],
      candidate: li.getAttribute('data-candidate'),
      category: li.getAttribute('data-category'),
      severity: li.getAttribute('data-severity'),
      open: false
    };
  });
  items.forEach(function (it) { if (it.act !== undefined) acts[it.act].items.push(it); });
  // The items of each person, agency, …: a count of one person looks at that person's findings only.
  var itemsBy = {};
  filterKeys.forEach(function (k) {
    itemsBy[k] = {};
    items.forEach(function (it) { (itemsBy[k][it[k]] = itemsBy[k][it[k]] || []).push(it); });
  });
  var severityRank = { low: 1, medium: 2, high: 3 };
  function tally(el) {
    var kind = el.getAttribute('data-count');
    var open = el.getAttribute('data-state') === 'open';
    var want = {};
    var pool = items;
    filterKeys.forEach(function (k) {
      want[k] = el.getAttribute('data-of-' + k);
      if (want[k] !== null && pool === items) pool = itemsBy[k][want[k]] || [];
    });
    var n = 0;
    var actSeen = {};
    var personSeen = {};
    var highest = null;
    pool.forEach(function (it) {
      for (var i = 0; i < filterKeys.length; i++) {
        var k = filterKeys[i];
        if (want[k] !== null && it[k] !== want[k]) return;
      }
      if (it.open !== open) return;
      n++;
      actSeen[it.act] = true;
      personSeen[it.person] = true;
      if (highest === null || severityRank[it.severity] > severityRank[highest]) highest = it.severity;
    });
    if (kind === 'acts') return Object.keys(actSeen).length;
    if (kind === 'persons') return Object.keys(personSeen).length;
    if (kind === 'highest') return highest;
    return n;
  }
  // The timeline's bars: each dated act stacked by the highest severity of its open findings, else as closed (as
  // html-timeline.ts draws them), on the scale the page was written with (a day's total never changes).
  var chart = document.querySelector('svg[data-bar-unit]');
  function round(n) { return String(Math.round(n * 100) / 100); }
  function restackBars() {
    if (!chart) return;
    var unit = Number(chart.getAttribute('data-bar-unit'));
    var bottom = Number(chart.getAttribute('data-bars-bottom'));
    var y = function (value) { return bottom - value * unit; };
    var perDay = {};
    acts.forEach(function (act) {
      if (!act.day) return;
      var stack = 'closed';
      act.items.forEach(function (it) {
        if (it.open && (stack === 'closed' || severityRank[it.severity] > severityRank[stack])) stack = it.severity;
      });
      var day = perDay[act.day] = perDay[act.day] || {};
      day[stack] = (day[stack] || 0) + 1;
    });
    chart.querySelectorAll('g.day-bars').forEach(function (g) {
      var day = g.getAttribute('data-day');
      var counts = perDay[day] || {};
      var base = 0;
      g.querySelectorAll('rect[data-stack]').forEach(function (rect) {
        var stack = rect.getAttribute('data-stack');
        var n = counts[stack] || 0;
        var top = base + n;
        rect.setAttribute('y', round(y(top)));
        rect.setAttribute('height', round(y(base) - y(top)));
        rect.querySelector('title').textContent =
          day + ': ' + n + ' ' + (stack === 'closed' ? labels.closed : labels.severity[stack]);
        base = top;
      });
    });
  }
  function recount() {
    items.forEach(function (it) { it.open = isOpen(statusOf(it.li)); });
    restackBars();
    document.querySelectorAll('[data-count]').forEach(function (el) {
      var value = tally(el);
      var show = el.getAttribute('data-show');
      var max = el.getAttribute('data-bar-max');
      if (show) {
        el.hidden = show === 'zero' ? value !== 0 : value === 0;
      } else if (max) {
        el.style.width = String(Math.round((value / Number(max)) * 1000) / 10) + '%';
      } else if (el.getAttribute('data-count') === 'highest') {
        el.hidden = value === null;
        el.className = 'badge' + (value === null ? '' : ' sev-' + value);
        el.textContent = value === null ? '' : labels.severity[value];
      } else {
        el.textContent = String(value);
      }
    });
  }

  var controls = {
    agency: document.getElementById('f-agency'),
    category: document.getElementById('f-category'),
    severity: document.getElementById('f-severity'),
    candidate: document.getElementById('f-candidate'),
    status: document.getElementById('f-status')
  };
  var box = document.getElementById('filter');
  function applyFilters() {
    var q = box.value.trim().toLowerCase();
    var want = {};
    Object.keys(controls).forEach(function (k) { want[k] = controls[k].value; });
    var shown = 0;
    document.querySelectorAll('article.person').forEach(function (person) {
      var head = person.querySelector('header').textContent.toLowerCase();
      var agencyOk = want.agency === '' || person.getAttribute('data-agency') === want.agency;
      var personShown = 0;
      person.querySelectorAll('section.act').forEach(function (act) {
        var actShown = 0;
        act.querySelectorAll('li.finding').forEach(function (li) {
          var status = statusOf(li);
          var ok = agencyOk &&
            (want.category === '' || li.getAttribute('data-category') === want.category) &&
            (want.severity === '' || li.getAttribute('data-severity') === want.severity) &&
            (want.candidate === '' || li.getAttribute('data-candidate') === want.candidate) &&
            (want.status === '' || want.status === status || (want.status === 'open' && isOpen(status))) &&
            (q === '' || head.indexOf(q) >= 0 || li.textContent.toLowerCase().indexOf(q) >= 0);
          li.hidden = !ok;
          if (ok) actShown++;
        });
        act.hidden = actShown === 0;
        personShown += actShown;
      });
      person.hidden = personShown === 0;
      shown += personShown;
    });
    recount();
    counts.textContent = labels.counts
      .replace('{shown}', String(shown))
      .replace('{total}', String(findings.length))
      .replace('{decided}', String(Object.keys(local).length));
  }

  findings.forEach(function (li) {
    var fp = li.getAttribute('data-fp');
    var reason = li.querySelector('input.triage-reason');
    var d = decisionOf(li);
    if (d) reason.value = d.reason;
    li.querySelector('.triage').hidden = false;
    li.querySelectorAll('button[data-set]').forEach(function (button) {
      button.addEventListener('click', function () {
        var who = reviewer.value.trim();
        var why = reason.value.trim();
        if (who === '') { say(li, labels.needReviewer); reviewer.focus(); return; }
        if (why === '') { say(li, labels.needReason); reason.focus(); return; }
        save(reviewerKey, who);
        local[fp] = {
          status: button.getAttribute('data-set'),
          reviewer: who,
          reason: why,
          date: new Date().toISOString().slice(0, 10)
        };
        say(li, '');
        persist();
        show(li);
        applyFilters();
      });
    });
    li.querySelector('button.triage-clear').addEventListener('click', function () {
      delete local[fp];
      var back = embedded(li);
      reason.value = back ? back.reason : '';
      persist();
      show(li);
      applyFilters();
    });
    reason.addEventListener('change', function () {
      var why = reason.value.trim();
      if (local[fp] && why !== '') { local[fp].reason = why; persist(); show(li); }
    });
    show(li);
  });

  /** YAML that scan --decisions reads: every decision of the report and of this browser, by fingerprint. */
  function decisionsYaml() {
    var all = {};
    findings.forEach(function (li) {
      var d = decisionOf(li);
      if (d) all[li.getAttribute('data-fp')] = d;
    });
    var lines = ['# asn-audit decisions: read by asn-audit scan --decisions (downloaded from the HTML report)'];
    Object.keys(all).sort().forEach(function (fp) {
      var d = all[fp];
      lines.push('- fingerprint: ' + fp);
      lines.push('  status: ' + d.status);
      lines.push('  reviewer: ' + JSON.stringify(d.reviewer));
      lines.push('  reason: ' + JSON.stringify(d.reason));
      lines.push('  date: ' + JSON.stringify(d.date));
    });
    return lines.join('\\n') + '\\n';
  }
  document.getElementById('download').addEventListener('click', function () {
    var a = document.createElement('a');
    a.href = 'data:application/yaml;charset=utf-8,' + encodeURIComponent(decisionsYaml());
    a.download = 'decisions.yaml';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  Object.keys(controls).forEach(function (k) { controls[k].addEventListener('change', applyFilters); });
  box.addEventListener('input', applyFilters);
  tools.hidden = false;
  if (!storageOk) message.textContent = labels.notSaved;
  applyFilters();
})();`;

/** The CSP source that allows the script above and nothing else. */
export const REVIEW_SCRIPT_HASH = `'sha256-${createHash('sha256').update(REVIEW_SCRIPT, 'utf8').digest('base64')}'`;
