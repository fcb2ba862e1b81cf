// A coach's cohort desk: the review queue (stories changed since this coach last evaluated them),
// each candidate with their stories' latest scores, coverage and the overview's attention reason,
// then the analytics as charts (ECharts, served as a WebJar by the gateway): the pitfalls as bars
// beside their 8-week trend lines (a bar or a row lists the stories behind it), score bands per
// principle and per level, the weakest criteria, and automatic-vs-coach agreement. Every figure
// comes from the API, which answers a cohort's coach only.
import { api } from './api.js';
import { principleChips, verdictBadge } from './badges.js';
import { $, clear, h, param, say, when } from './dom.js';
import { layout, leaving } from './layout.js';
import { label, pitfallName, principleName } from './vocabulary.js';

const me = layout('cohort') || (await leaving());
const status = $('#desk-status');
const error = $('#desk-error');
const select = $('#cohort');
const BANDS = ['0-39', '40-59', '60-79', '80-100'];
const BAND_COLOURS = ['#a4262c', '#c26a00', '#5b7fb8', '#17663a'];
const charts = {};
let cohortId = null;
let pitfalls = [];

// drawn in the canvas: an HTML tooltip would need inline styles, which the page policy refuses
const TOOLTIP = { trigger: 'item', renderMode: 'richText' };

// ECharts (about 1 MB) loads beside the API calls, so the queue and the candidates do not wait for it
let echarts = null;
const chartsReady = import('/webjars/echarts/5.3.1/dist/echarts.esm.min.js').then((module) => {
  echarts = module;
  chart('pitfall-chart').on('click', (event) => {
    const pitfall = pitfalls[event.dataIndex];
    if (pitfall) showStories(pitfall.pitfall);
  });
});

function chart(id) {
  charts[id] ??= echarts.init($(`#${id}`), null, { renderer: 'canvas' });
  return charts[id];
}

window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

const cohorts = me.cohortIds || [];
for (const id of cohorts) select.append(h('option', { value: id }, id));
select.addEventListener('change', () => load(select.value));
if (cohorts.length === 0) {
  status.textContent = '';
  say(error, me.role === 'coach' ? 'You coach no cohort yet.' : 'The cohort desk is for coaches.');
} else {
  select.value = cohorts.includes(param('cohort')) ? param('cohort') : cohorts[0];
  load(select.value);
}

async function load(id) {
  cohortId = id;
  history.replaceState(null, '', `?cohort=${encodeURIComponent(id)}`);
  say(error, '');
  status.textContent = 'Loading the cohort…';
  $('#behind').hidden = true;
  clear($('#review-queue'), h('li', { class: 'status' }, 'Loading…'));
  const path = `/api/analytics/cohorts/${encodeURIComponent(id)}`;
  // what the desk shows first; the candidates' table and the calibration follow as they arrive
  const candidates = loadCandidates(id);
  const calibration = api('GET', `/api/evaluations/calibration?cohortId=${encodeURIComponent(id)}`).then(
    (answer) => answer.data.criteria || [],
    () => null,
  );
  // each part is drawn as soon as its answer arrives: the queue and the pitfalls are cheap, the
  // overview (agreement over every evaluation) and the candidates' coverage take longer
  const queue = api('GET', `${path}/review-queue`).then((answer) => {
    drawQueue(answer.data);
    return answer.data;
  });
  const trends = Promise.all([api('GET', `${path}/pitfalls`), chartsReady]).then(([answer]) => {
    pitfalls = answer.data.filter((trend) => trend.stories > 0).sort((a, b) => b.stories - a.stories);
    drawPitfalls();
    drawTrends();
    drawTable();
  });
  const overview = api('GET', `${path}/overview`).then(async (answer) => {
    drawOverview(answer.data);
    await chartsReady;
    drawScores(answer.data);
    return answer.data;
  });
  try {
    const [waiting, figures] = await Promise.all([queue, overview, trends]);
    status.textContent = `${figures.stories} stories from ${figures.candidates} candidates; ${waiting.length} waiting for your review.`;
    drawCandidates(await candidates, figures);
    drawAgreement(await calibration, figures.agreement);
  } catch (failure) {
    status.textContent = '';
    say(error, `The cohort could not be loaded: ${failure.message}`);
  }
}

// --- review queue -------------------------------------------------------------------------------

// the newest first, a page at a time: a cohort can have hundreds waiting (a bank import), and the
// charts below must not sink under them
const QUEUE_PAGE = 15;

function drawQueue(items, shown = QUEUE_PAGE) {
  const list = $('#review-queue');
  if (!items.length) {
    clear(list, h('li', {}, 'Nothing waits for you: every story is reviewed as it stands.'));
    return;
  }
  clear(list, items.slice(0, shown).map(queueItem));
  const rest = items.length - shown;
  if (rest > 0) {
    list.append(
      h(
        'li',
        { class: 'more' },
        h(
          'button',
          { type: 'button', class: 'secondary', id: 'queue-more', onclick: () => drawQueue(items, shown + QUEUE_PAGE * 4) },
          `Show ${Math.min(rest, QUEUE_PAGE * 4)} more of ${rest} waiting`,
        ),
      ),
    );
  }
}

function queueItem(item) {
  return h(
    'li',
    { dataset: { storyId: item.storyId } },
    h(
      'div',
      { class: 'story-head' },
      h('a', { class: 'story-title', href: `/review.html?id=${encodeURIComponent(item.storyId)}` }, item.title || '(untitled)'),
      verdictBadge(item.score, item.verdict),
    ),
    h(
      'div',
      { class: 'meta' },
      principleChips(item.principles),
      h('span', {}, `Candidate ${String(item.candidateId).slice(0, 8)}`),
      h('span', {}, `Revision ${item.revision}, changed ${when(item.updatedAt)}`),
      h('span', {}, item.reviewedRevision ? `you reviewed revision ${item.reviewedRevision}` : 'not reviewed by you yet'),
    ),
  );
}

// --- candidates ---------------------------------------------------------------------------------

async function loadCandidates(id) {
  const [cohort, stories] = await Promise.all([
    api('GET', `/api/cohorts/${encodeURIComponent(id)}`).then((answer) => answer.data.candidateIds || [], () => []),
    api('GET', `/api/search/stories?${new URLSearchParams({ cohortId: id, size: '100', sort: 'recency' })}`).then((answer) => answer.data.hits || [], () => []),
  ]);
  const ids = [...new Set([...cohort, ...stories.map((hit) => hit.candidateId)])];
  const coverage = await Promise.all(
    ids.map((candidate) => api('GET', `/api/candidates/${encodeURIComponent(candidate)}/coverage`).then((answer) => answer.data, () => null)),
  );
  return ids.map((candidate, index) => ({
    id: candidate,
    stories: stories.filter((hit) => hit.candidateId === candidate),
    coverage: coverage[index],
  }));
}

function drawCandidates(candidates, overview) {
  const attention = new Map((overview.candidatesNeedingAttention || []).map((c) => [c.candidateId, c.reason]));
  clear(
    $('#candidates tbody'),
    candidates.length
      ? candidates.map((candidate) => {
          const principles = candidate.coverage?.principles || [];
          const covered = principles.filter((p) => p.strength === 'strong' || p.strength === 'adequate').length;
          return h(
            'tr',
            { dataset: { candidateId: candidate.id } },
            h('th', { scope: 'row' }, `Candidate ${String(candidate.id).slice(0, 8)}`),
            h('td', {}, String(candidate.stories.length)),
            h(
              'td',
              { class: 'latest-scores' },
              candidate.stories.length
                ? candidate.stories.slice(0, 3).map((hit) => h('a', { href: `/review.html?id=${encodeURIComponent(hit.storyId)}`, title: hit.title, class: 'score-link' }, verdictBadge(hit.storyScore, hit.verdict), ' '))
                : 'no story yet',
            ),
            h(
              'td',
              { class: 'coverage' },
              candidate.coverage
                ? h(
                    'a',
                    { href: `/coverage.html?candidate=${encodeURIComponent(candidate.id)}` },
                    `${covered} of ${principles.length} principles covered; ${(candidate.coverage.gaps || []).length} gaps`,
                  )
                : 'not available',
            ),
            h('td', { class: attention.has(candidate.id) ? 'error' : '' }, attention.get(candidate.id) || '—'),
          );
        })
      : h('tr', {}, h('td', { colspan: 5 }, 'No candidate has joined yet.')),
  );
}

// --- pitfalls -----------------------------------------------------------------------------------

function drawPitfalls() {
  chart('pitfall-chart').setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: TOOLTIP,
      xAxis: { type: 'value', minInterval: 1, name: 'stories' },
      yAxis: { type: 'category', inverse: true, data: pitfalls.map((trend) => pitfallName(trend.pitfall)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: 'Stories showing it', data: pitfalls.map((trend) => trend.stories), itemStyle: { color: '#8a5a00' }, label: { show: true, position: 'right' }, cursor: 'pointer' }],
    },
    true,
  );
  $('#pitfall-chart').dataset.bars = String(pitfalls.length);
}

function drawTrends() {
  const weeks = (pitfalls[0]?.trend || []).map((week) => week.week);
  const top = pitfalls.slice(0, 6);
  chart('trend-chart').setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      legend: { type: 'scroll', top: 0, data: top.map((trend) => pitfallName(trend.pitfall)) },
      xAxis: { type: 'category', data: weeks.map((week) => String(week).slice(5)), name: 'week of' },
      yAxis: { type: 'value', minInterval: 1, name: 'stories' },
      series: top.map((trend) => ({
        type: 'line',
        name: pitfallName(trend.pitfall),
        data: (trend.trend || []).map((week) => week.stories),
        symbolSize: 6,
      })),
    },
    true,
  );
  $('#trend-chart').dataset.lines = String(top.length);
}

function drawTable() {
  clear(
    $('#pitfall-table tbody'),
    pitfalls.map((trend) =>
      h(
        'tr',
        { dataset: { pitfall: trend.pitfall } },
        h('td', {}, pitfallName(trend.pitfall)),
        h('td', {}, String(trend.stories)),
        h('td', {}, `${Math.round(trend.share * 100)} %`),
        h('td', {}, `${(trend.trend || []).map((week) => week.stories).join(' · ')} (${trend.direction})`),
        h('td', {}, h('button', { type: 'button', class: 'secondary', 'aria-label': `Stories showing ${pitfallName(trend.pitfall)}`, onclick: () => showStories(trend.pitfall) }, 'Stories')),
      ),
    ),
  );
}

async function showStories(pitfall) {
  const section = $('#behind');
  const heading = $('#behind-heading');
  heading.textContent = `Stories showing “${pitfallName(pitfall)}”`;
  section.hidden = false;
  const list = $('#behind-stories');
  clear(list, h('li', { class: 'status' }, 'Loading…'));
  try {
    const query = new URLSearchParams({ cohortId, pitfall, size: '100', sort: 'score' });
    const { data } = await api('GET', `/api/search/stories?${query}`);
    clear(
      list,
      data.hits.map((hit) =>
        h(
          'li',
          { dataset: { storyId: hit.storyId } },
          h('div', { class: 'story-head' }, h('a', { class: 'story-title', href: `/story.html?id=${encodeURIComponent(hit.storyId)}` }, hit.title || '(untitled)'), verdictBadge(hit.storyScore, hit.verdict)),
          h(
            'div',
            { class: 'meta' },
            principleChips(hit.principles),
            h('span', {}, `Level: ${label(hit.level)}`),
            h('span', {}, `Candidate ${String(hit.candidateId).slice(0, 8)}`),
            h('a', { href: `/review.html?id=${encodeURIComponent(hit.storyId)}`, class: 'review-link' }, 'Review it'),
          ),
        ),
      ),
    );
    if (data.hits.length === 0) list.append(h('li', {}, 'No story shows it now.'));
    heading.focus();
  } catch (failure) {
    clear(list, h('li', { class: 'error' }, `The stories could not be loaded: ${failure.message}`));
  }
}

// --- scores, criteria, agreement ----------------------------------------------------------------

function drawScores(overview) {
  bands('principle-chart', overview.byPrinciple || [], principleName);
  bands('level-chart', overview.byLevel || [], label);
  const weakest = overview.weakestCriteria || [];
  chart('criteria-chart').setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: TOOLTIP,
      xAxis: { type: 'value', min: 0, max: 4 },
      yAxis: { type: 'category', inverse: true, data: weakest.map((c) => label(c.criterion)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', name: 'Average score', data: weakest.map((c) => c.averageScore), itemStyle: { color: '#a4262c' }, label: { show: true, position: 'right' } }],
    },
    true,
  );
  $('#criteria-chart').dataset.bars = String(weakest.length);
}

/** Stacked bars: how many stories fall in each score band, per key. */
function bands(id, spreads, name) {
  const keys = spreads.map((spread) => name(spread.key));
  chart(id).setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: TOOLTIP,
      legend: { top: 0, data: BANDS },
      xAxis: { type: 'value', minInterval: 1, name: 'stories' },
      yAxis: { type: 'category', inverse: true, data: keys, axisLabel: { width: 150, overflow: 'truncate' } },
      series: BANDS.map((band, index) => ({
        type: 'bar',
        stack: 'bands',
        name: band,
        itemStyle: { color: BAND_COLOURS[index] },
        data: spreads.map((spread) => (spread.bands || []).find((b) => b.band === band)?.stories || 0),
      })),
    },
    true,
  );
  $(`#${id}`).dataset.keys = String(keys.length);
}

function drawAgreement(criteria, agreement) {
  const summary = agreement && agreement.pairs
    ? `${agreement.pairs} revisions judged by both: the same verdict in ${Math.round((agreement.sameVerdictShare || 0) * 100)} %, scores ${Math.round(agreement.meanScoreDifference)} points apart on average.`
    : 'No revision is judged by both the automatic evaluation and a coach yet.';
  $('#agreement').textContent = criteria === null ? `${summary} The per-criterion figures are unavailable right now.` : summary;
  // the criteria judged most differently, where calibration matters
  const rows = (criteria || [])
    .filter((c) => c.pairs > 0)
    .sort((a, b) => a.exactAgreement - b.exactAgreement)
    .slice(0, 8);
  chart('agreement-chart').setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: TOOLTIP,
      legend: { top: 0, data: ['scored alike', 'within one point'] },
      xAxis: { type: 'value', min: 0, max: 100, name: '%' },
      yAxis: { type: 'category', inverse: true, data: rows.map((c) => label(c.criterion)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: 'scored alike', data: rows.map((c) => Math.round(c.exactAgreement * 100)), itemStyle: { color: '#1a4fa0' } },
        { type: 'bar', name: 'within one point', data: rows.map((c) => Math.round(c.withinOne * 100)), itemStyle: { color: '#7a9ccf' } },
      ],
    },
    true,
  );
  $('#agreement-chart').dataset.bars = String(rows.length);
}

function drawOverview(overview) {
  const attention = overview.candidatesNeedingAttention || [];
  clear(
    $('#attention'),
    attention.length
      ? attention.map((candidate) => h('li', {}, `Candidate ${String(candidate.candidateId).slice(0, 8)}: ${candidate.reason}`))
      : h('li', {}, 'Nobody right now.'),
  );
  const weakest = overview.weakestCriteria || [];
  clear(
    $('#weakest'),
    weakest.length
      ? weakest.map((criterion) => h('li', {}, `${label(criterion.criterion)}: ${criterion.averageScore.toFixed(1)} / 4 over ${criterion.scores} scores`))
      : h('li', {}, 'No scores yet.'),
  );
}
