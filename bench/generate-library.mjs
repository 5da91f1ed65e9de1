// Writes a folder of varied postmortems for the incident-library benchmark: dates over five
// years, severities (sometimes unstated), services, timelines giving durations and TTD/TTR,
// action tables with owners, due dates, tickets and states; Markdown and plain text; and a few
// Markdown files that are not postmortems (discovery must read and drop them).
//
//   node bench/generate-library.mjs --count 10000 --seed 1 --out /tmp/library
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small deterministic generator (mulberry32), so a seed gives the same folder every time. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const services = ['checkout', 'payments', 'search', 'auth', 'notifications', 'cdn', 'postgres', 'kafka', 'redis', 'api-gateway', 'billing', 'media'];
const causes = [
  'the connection pool was exhausted by slow queries',
  'a certificate expired because renewal was manual',
  'a configuration push disabled the cache for every region',
  'a DNS record was removed during a zone cleanup',
  'garbage collection pauses stalled the nodes under peak load',
  'a consumer rebalance loop stopped message processing',
  'a deploy changed the cache key format and every lookup missed',
  'disk filled with logs after rotation was turned off',
];
const owners = ['dana', 'lee', 'omar', 'priya', 'sam', 'kim', '@ana', ''];
const pad = (n) => String(n).padStart(2, '0');

function postmortem(index, next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 5 * 365) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const service = pick(services);
  const other = pick(services);
  const cause = pick(causes);
  const startHour = Math.floor(next() * 20);
  const detect = 1 + Math.floor(next() * 40);
  const mitigate = detect + 5 + Math.floor(next() * 90);
  const resolve = mitigate + Math.floor(next() * 200);
  const at = (minutes) => `${date} ${pad(startHour + Math.floor(minutes / 60))}:${pad(minutes % 60)} UTC`;
  const severity = next() < 0.9 ? `Severity: SEV${1 + Math.floor(next() * 4)}\n` : '';
  const title = `${service} ${pick(['outage', 'degradation', 'errors', 'latency'])} ${index}`;
  const actions = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, n) => {
    const due = `${day.getUTCFullYear() + (next() < 0.5 ? 0 : 1)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    return `| Fix ${service} item ${n} so ${cause.split(' ').slice(1, 4).join(' ')} | ${pick(owners)} | ${due} | OPS-${index * 10 + n} | ${next() < 0.4 ? 'Done' : 'Open'} |`;
  });
  const plain = next() < 0.2;
  const heading = (text, level = 2) => (plain ? text.toUpperCase() : `${'#'.repeat(level)} ${text}`);
  const body = [
    heading(title, 1),
    '',
    `${severity}Services: ${service}, ${other}`,
    '',
    heading('Summary'),
    '',
    `Users of ${service} saw failures because ${cause}. The ${other} team helped with the response.`,
    '',
    heading('Timeline'),
    '',
    `- ${at(0)} - Errors started for ${service}.`,
    `- ${at(detect)} - Alert paged the on-call engineer.`,
    `- ${at(mitigate)} - Traffic rolled back, mitigated.`,
    `- ${at(resolve)} - Service restored; resolved.`,
    '',
    heading('Root Cause'),
    '',
    `The investigation found that ${cause}.`,
    '',
    heading('Action Items'),
    '',
    '| Action | Owner | Due | Ticket | Status |',
    '|---|---|---|---|---|',
    ...actions,
    '',
  ];
  return { name: `${date}-${service}-${index}.${plain ? 'txt' : 'md'}`, text: body.join('\n') };
}

/** Writes `count` files below `out` (100 per folder); 5% are Markdown notes that are not postmortems. */
export function generateLibrary(out, count, seed = 1) {
  const next = random(seed);
  for (let index = 0; index < count; index++) {
    const folder = join(out, `team-${Math.floor(index / 100)}`);
    if (index % 100 === 0) mkdirSync(folder, { recursive: true });
    if (index % 20 === 19) {
      writeFileSync(join(folder, `notes-${index}.md`), `# Notes ${index}\n\nMeeting notes about ${services[index % services.length]}.\n\n- item one\n- item two\n`);
      continue;
    }
    const { name, text } = postmortem(index, next);
    writeFileSync(join(folder, name), text);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : fallback;
  };
  generateLibrary(option('out', 'library'), Number(option('count', '10000')), Number(option('seed', '1')));
}
