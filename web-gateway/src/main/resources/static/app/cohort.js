// A coach's cohort desk: the cohort's pitfalls as a bar chart (ECharts, served as a WebJar by the
// gateway) and as a table; a bar or a row lists the stories behind it. Then who needs attention and
// the weakest criteria. Every figure comes from the analytics API, which answers a cohort's coach only.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { api } from './api.js';
import { principleChips, verdictBadge } from './badges.js';
import { $, clear, h, param, say } from './dom.js';
import { layout, leaving } from './layout.js';
import { label, pitfallName } from './vocabulary.js';

const me = layout('cohort') || (await leaving());
const status = $('#desk-status');
const error = $('#desk-error');
const select = $('#cohort');
const chart = echarts.init($('#pitfall-chart'), null, { renderer: 'canvas' });
let cohortId = null;
let pitfalls = [];

window.addEventListener('resize', () => chart.resize());
chart.on('click', (event) => {
  const pitfall = pitfalls[event.dataIndex];
  if (pitfall) showStories(pitfall.pitfall);
});

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
  try {
    const path = `/api/analytics/cohorts/${encodeURIComponent(id)}`;
    const [trends, overview] = await Promise.all([api('GET', `${path}/pitfalls`), api('GET', `${path}/overview`)]);
    pitfalls = trends.data.filter((trend) => trend.stories > 0);
    drawChart();
    drawTable();
    drawOverview(overview.data);
    status.textContent = `${overview.data.stories} stories from ${overview.data.candidates} candidates.`;
  } catch (failure) {
    status.textContent = '';
    say(error, `The cohort could not be loaded: ${failure.message}`);
  }
}

function drawChart() {
  chart.setOption(
    {
      animation: false,
      aria: { enabled: true },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      // drawn in the canvas: an HTML tooltip would need inline styles, which the page policy refuses
      tooltip: { trigger: 'item', renderMode: 'richText' },
      xAxis: { type: 'value', minInterval: 1, name: 'stories' },
      yAxis: { type: 'category', inverse: true, data: pitfalls.map((trend) => pitfallName(trend.pitfall)), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: 'Stories showing it', data: pitfalls.map((trend) => trend.stories), itemStyle: { color: '#8a5a00' }, label: { show: true, position: 'right' }, cursor: 'pointer' }],
    },
    true,
  );
  $('#pitfall-chart').dataset.bars = String(pitfalls.length);
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
          h('div', { class: 'meta' }, principleChips(hit.principles), h('span', {}, `Level: ${label(hit.level)}`), h('span', {}, `Candidate ${String(hit.candidateId).slice(0, 8)}`)),
        ),
      ),
    );
    if (data.hits.length === 0) list.append(h('li', {}, 'No story shows it now.'));
    heading.focus();
  } catch (failure) {
    clear(list, h('li', { class: 'error' }, `The stories could not be loaded: ${failure.message}`));
  }
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
