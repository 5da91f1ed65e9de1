#!/usr/bin/env node
// The benchmark's postmortem generator: a realistic incident report of any size, the same bytes
// for the same arguments.
//
//   node bench/generate.mjs --entries N [--seed S] [--format md|txt] > incident.md
//
// A document has a title and metadata, a summary that states the incident window and its
// duration, an impact section (a table in Markdown), a timeline of N entries, root cause,
// resolution, action items with owners, tickets and due dates, and lessons learned. About 100
// bytes per entry: 2,000 entries are about 200 KB, 100,000 about 10 MB.
//
// The timeline is what a long incident log looks like: it starts in the evening, so even short
// ones cross midnight; entries come 1 to 9 minutes apart with occasional long quiet gaps; a day
// change is marked by a date line most of the time but not always; each entry writes its stamp in
// one of several styles (`22:41`, `10:41 PM`, `22:41 UTC`, `2024-03-05 22:41:07 UTC`,
// `March 5th, 2024, 10:41 PM UTC`, ISO 8601) around a document zone stated once under the
// heading; about one entry in ten has a continuation line, one in three hundred is a late entry
// written out of order, and one document in four states a duration that disagrees with its
// timeline. Markdown uses `#` headings, bullets, bold stamps and links; plain text uses ALL-CAPS
// headings with a colon, `Label: value` lines and bare entry lines.
//
// Deterministic: a seeded xorshift generator, no clock, no environment.

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const entries = Number(option('entries', '100'));
const seed = Number(option('seed', '1'));
const format = option('format', 'md');
if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(seed) || !['md', 'txt'].includes(format)) {
  process.stderr.write('usage: node bench/generate.mjs --entries N [--seed S] [--format md|txt]\n');
  process.exit(2);
}

/** xorshift32 over a seed mixed so that nearby seeds give unrelated streams; values in [0, 1). */
function randomSource(value) {
  let state = (Math.imul(value ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}
const random = randomSource(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
const chance = (p) => random() < p;

const services = ['checkout-api', 'search-gateway', 'billing-worker', 'auth-service', 'media-store', 'notification-queue', 'reporting-db', 'edge-proxy', 'session-cache', 'export-runner'];
const teams = ['Platform', 'Storage', 'Payments', 'Identity', 'Networking', 'Data', 'Mobile', 'Search'];
const people = ['@amara', '@bjorn', '@chen', '@dalia', '@emeka', '@fatou', '@goran', '@hana', '@ines', '@jamal', '@keiko', '@lucas'];
const zones = ['UTC', 'UTC', 'UTC', 'PST', 'EST', 'CET', 'IST', 'EAT'];
const symptoms = ['elevated 5xx responses', 'slow page loads', 'failed logins', 'stalled background jobs', 'missing search results', 'duplicate emails', 'timeouts on uploads'];
const causes = ['a connection pool sized for the old instance type', 'an expired internal certificate', 'a cache key format changed by a deploy', 'a disk filled by unrotated logs', 'a retry loop without backoff', 'a feature flag enabled for every region at once'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** What happens while the cause is sought: the bulk of a long timeline. */
const investigating = [
  () => `${pick(people)} joined the bridge and took over communication with support`,
  () => `${pick(teams)} team paged for ${pick(services)}; ${pick(people)} joined the call`,
  () => `Error rate on ${pick(services)} at ${between(3, 60)}% of requests, still climbing`,
  () => `Traffic shifted away from ${pick(['us-east', 'eu-west', 'ap-south'])} to rule out the region`,
  () => `Checked the ${pick(services)} dashboards and recent deploys; nothing unusual there`,
  () => `Restarted ${between(2, 12)} pods of ${pick(services)}; errors came back within minutes`,
  () => `Status page updated with the affected regions (incident ${between(100, 999)})`,
  () => `Customer support reports ${between(5, 80)} new tickets about ${pick(symptoms)}`,
  () => `Suspected ${pick(causes)}; comparing the configuration with last week's`,
  () => `Latency on ${pick(services)} at p99 ${between(2, 9)}.${between(0, 9)} s against a normal ${between(100, 900)} ms`,
];
/** The arc around it: detection first, the cause and a mitigation late, the resolution last. */
const detection = () => `Alert fired: ${symptom} on ${service}, p99 latency above ${between(2, 9)} s; on-call engineer paged`;
const diagnosis = () => `Found the cause: ${cause} on ${service}`;
const mitigation = () => {
  const pr = between(1000, 9999);
  return `Rolled back ${service}; hotfix [#${pr}](https://git.example.com/pr/${pr}) merged and deploying`;
};
const recovery = () => `Service restored for all users; error rate back at baseline and incident closed`;
const continuations = [
  () => `graphs attached to the incident document by ${pick(people)}`,
  () => `ticket ${pick(['OPS', 'INC', 'SRE'])}-${between(100, 9999)} opened for the follow-up`,
  () => `the previous incident on ${pick(services)} looked similar, checked and ruled out`,
];

const md = format === 'md';
const zone = pick(zones);
const year = between(2019, 2025);
const monthIndex = between(0, 11);
const firstDay = between(1, 26);
const service = pick(services);
const symptom = pick(symptoms);
const cause = pick(causes);
const team = pick(teams);
/** Minutes since midnight of the first day; the incident starts in the evening. */
const startMinutes = between(19 * 60, 23 * 60 + 30);

const pad = (n) => String(n).padStart(2, '0');
const ordinal = (day) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;
/** The calendar day `offset` days after the first, as [year, monthIndex, day, weekday]. */
function dayAfter(offset) {
  const date = new Date(Date.UTC(year, monthIndex, firstDay + offset));
  return [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCDay()];
}
function clock24(minutes) {
  const inDay = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}
function clock12(minutes) {
  const inDay = ((minutes % 1440) + 1440) % 1440;
  const hour = Math.floor(inDay / 60);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(inDay % 60)} ${hour < 12 ? 'AM' : 'PM'}`;
}
function longDate(offset) {
  const [y, m, d] = dayAfter(offset);
  return `${months[m]} ${ordinal(d)}, ${y}`;
}
function isoDate(offset) {
  const [y, m, d] = dayAfter(offset);
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}
/** One entry's stamp in one of the styles real timelines use; the zone is sometimes repeated. */
function stamp(minutes) {
  const day = Math.floor(minutes / 1440);
  const style = random();
  if (style < 0.3) return clock24(minutes);
  if (style < 0.5) return `${clock24(minutes)} ${zone}`;
  if (style < 0.7) return clock12(minutes);
  if (style < 0.8) return `${clock12(minutes)} ${zone}`;
  if (style < 0.9) return `${isoDate(day)} ${clock24(minutes)}:${pad(between(0, 59))} ${zone}`;
  if (style < 0.95) return `${longDate(day)}, ${clock12(minutes)} ${zone}`;
  return zone === 'UTC' ? `${isoDate(day)}T${clock24(minutes)}Z` : `${isoDate(day)} ${clock24(minutes)} ${zone}`;
}

// The timeline first: the summary states its window.
const times = [];
let minutes = startMinutes;
for (let i = 0; i < entries; i++) {
  times.push(minutes);
  minutes += chance(0.02) ? between(30, 180) : between(1, 9);
}
const endMinutes = times.at(-1);
const lines = [];
const heading = (level, title) => (md ? `${'#'.repeat(level)} ${title}` : level === 1 ? `${title}\n${'='.repeat(title.length)}` : `${title.toUpperCase()}:`);
const label = (name, value) => (md ? `**${name}:** ${value}  ` : `${name}: ${value}`);
const bullet = (text) => (md ? `- ${text}` : `* ${text}`);

lines.push(heading(1, `Incident review: ${symptom} on ${service}`), '');
lines.push(label('Date', isoDate(0)), label('Severity', pick(['SEV1', 'SEV2', 'SEV3'])), label('Incident lead', pick(people)), label('Status', 'Final'), '');

const spanned = endMinutes - startMinutes;
const stated = chance(0.25) ? Math.max(5, Math.round(spanned * (0.5 + random()))) : spanned;
const statedText = stated >= 60 ? `${Math.floor(stated / 60)} hours and ${stated % 60} minutes` : `${stated} minutes`;
lines.push(heading(2, 'Summary'), '');
lines.push(
  `On ${longDate(0)}, ${service} showed ${symptom} for part of our customers. The incident began at ${clock12(startMinutes)} ${zone} and lasted until ${clock12(endMinutes)} ${zone}${endMinutes >= 1440 ? ` on ${longDate(Math.floor(endMinutes / 1440))}` : ''}.`,
  `In all, the outage lasted ${statedText}.`,
  `The cause was ${cause}; the ${team} team fixed it and the service recovered.`,
  '',
);

lines.push(heading(2, 'Impact'), '');
if (md) {
  lines.push('| Service | Peak error rate | Requests affected |', '| --- | ---: | ---: |');
  for (let i = 0; i < 4; i++) lines.push(`| \`${pick(services)}\` | ${between(2, 70)}% | ${between(1, 900)}k |`);
} else {
  for (let i = 0; i < 4; i++) lines.push(label(pick(services), `peak error rate ${between(2, 70)}%, ${between(1, 900)}k requests affected`));
}
lines.push('', `About ${between(5, 60)}% of active users saw errors.`, '');

lines.push(heading(2, 'Timeline'), '', `All times in ${zone}.`, '');
let day = 0;
for (let i = 0; i < entries; i++) {
  // A late entry: written where the author remembered it, a few minutes before the one above.
  const time = chance(0.003) && i > 0 ? times[i - 1] - between(2, 20) : times[i];
  const entryDay = Math.floor(times[i] / 1440);
  if (entryDay !== day) {
    day = entryDay;
    if (chance(0.8)) {
      const [y, m, d, w] = dayAfter(day);
      lines.push('', md ? `### ${weekdays[w]}, ${months[m]} ${ordinal(d)}, ${y}` : `${weekdays[w]} ${d} ${months[m]} ${y}`, '');
    }
  }
  const what =
    i === 0 ? detection() : i === entries - 1 ? recovery() : i === Math.floor(entries * 0.8) ? diagnosis() : i === Math.floor(entries * 0.9) ? mitigation() : pick(investigating)();
  const written = stamp(time);
  lines.push(md ? `- ${chance(0.3) ? `**${written}**` : written} - ${what}` : `${written} - ${what}`);
  if (chance(0.1)) lines.push(md ? `  - ${pick(continuations)()}` : `    (${pick(continuations)()})`);
}
lines.push('');

lines.push(heading(2, 'Root Cause'), '');
lines.push(`${cause[0].toUpperCase()}${cause.slice(1)} on ${service}. Under normal load nothing showed; the evening peak pushed it past its limit and requests queued until clients timed out.`, '');
lines.push(heading(2, 'Resolution'), '');
lines.push(`The ${team} team rolled back the change, confirmed the error rate stayed at baseline for thirty minutes and closed the incident.`, '');
lines.push(heading(2, 'Action Items'), '');
for (let i = 0; i < between(3, 6); i++) {
  const [y, m, d] = dayAfter(between(7, 40));
  lines.push(bullet(`${md ? '[ ] ' : ''}${pick(['Alert on', 'Load-test', 'Write a runbook for', 'Add a canary stage to', 'Validate configuration of'])} ${pick(services)} (owner: ${pick(people)}, ticket: ${pick(['OPS', 'INC'])}-${between(100, 9999)}, due: ${y}-${pad(m + 1)}-${pad(d)})`));
}
lines.push('');
lines.push(heading(2, 'Lessons Learned'), '');
lines.push(bullet('What went well: the rollback was quick once the cause was known.'), bullet('What went wrong: the first alert pointed at the wrong service.'), bullet('Where we got lucky: the incident started after the daily peak.'), '');

process.stdout.write(lines.join('\n'));
