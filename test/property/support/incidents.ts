import * as fc from 'fast-check';
import { documentLines } from './documents';

/**
 * Generated postmortems built to trigger the rules that have quick fixes: timelines with
 * am/pm slips, swapped entries, impossible times, missing zones, a stated duration that
 * disagrees, missing sections; in every line-break style, with noise lines between.
 */

interface Entry {
  readonly minutes: number;
  readonly slip: 'none' | 'meridiem' | 'invalid-13pm' | 'invalid-hour' | 'invalid-minute';
}

const headingStyles = ['atx', 'label', 'caps', 'bold', 'setext'] as const;
type HeadingStyle = (typeof headingStyles)[number];

function heading(title: string, style: HeadingStyle, lineBreak: string): string {
  switch (style) {
    case 'atx':
      return `## ${title}`;
    case 'label':
      return `${title}:`;
    case 'caps':
      return title.toUpperCase();
    case 'bold':
      return `**${title}**`;
    case 'setext':
      return `${title}${lineBreak}${'-'.repeat(title.length)}`;
  }
}

function clock(minutes: number, twelveHour: boolean, slip: Entry['slip']): string {
  const dayMinutes = ((minutes % 1440) + 1440) % 1440;
  const hour = Math.floor(dayMinutes / 60);
  const minute = dayMinutes % 60;
  const mm = String(minute).padStart(2, '0');
  if (slip === 'invalid-hour') return `${hour + 24}:${mm}`;
  if (slip === 'invalid-minute') return `${hour}:${minute + 60}`;
  if (!twelveHour) return `${String(hour).padStart(2, '0')}:${mm}`;
  const pm = hour >= 12;
  const shownHour = hour % 12 === 0 ? 12 : hour % 12;
  if (slip === 'invalid-13pm') return `${hour >= 13 ? hour : hour + 12}:${mm} PM`;
  const meridiem = slip === 'meridiem' ? (pm ? 'AM' : 'PM') : pm ? 'PM' : 'AM';
  return `${shownHour}:${mm} ${meridiem}`;
}

const events = ['Deploy started', 'Alerts fired for elevated 5xx rates', 'On-call engineer paged', 'Rolled back the release', 'Error rates back to normal', 'Incident resolved', 'Database failover began'];

export const incidentDocument: fc.Arbitrary<string> = fc
  .record({
    lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
    style: fc.constantFrom(...headingStyles),
    twelveHour: fc.boolean(),
    zone: fc.constantFrom('', ' UTC', ' PST', ' (UTC)'),
    allTimesLine: fc.boolean(),
    start: fc.integer({ min: 0, max: 1439 }),
    steps: fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 2, maxLength: 8 }),
    slips: fc.array(fc.constantFrom<Entry['slip']>('none', 'none', 'none', 'meridiem', 'invalid-13pm', 'invalid-hour', 'invalid-minute'), { maxLength: 8 }),
    swap: fc.option(fc.nat(), { nil: undefined }),
    statedDuration: fc.option(fc.constantFrom('45 minutes', '2 hours', 'about 1 hour', '90 minutes', '3 hours and 15 minutes', '20 minutes'), { nil: undefined }),
    sections: fc.subarray(['Summary', 'Root Cause', 'Resolution', 'Corrective Actions', 'Impact', 'Lessons Learned']),
    bullet: fc.constantFrom('- ', '* ', '', '- **'),
    noise: fc.array(fc.constantFrom(...documentLines), { maxLength: 3 }),
    noiseAt: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map((g) => {
    const lines: string[] = ['# Postmortem: checkout outage', ''];
    if (g.sections.includes('Summary')) {
      lines.push(heading('Summary', g.style, g.lineBreak), '');
      lines.push(`The checkout service failed${g.statedDuration ? ` for ${g.statedDuration}` : ''}.`, '');
      if (g.statedDuration) lines.push(`Duration: ${g.statedDuration}`, '');
    }
    lines.push(heading('Timeline', g.style, g.lineBreak), '');
    if (g.allTimesLine) lines.push('All times in UTC.', '');
    const entries: Entry[] = [];
    let minutes = g.start;
    for (const [index, step] of g.steps.entries()) {
      entries.push({ minutes, slip: g.slips[index] ?? 'none' });
      minutes += step;
    }
    if (g.swap !== undefined && entries.length > 1) {
      const i = g.swap % (entries.length - 1);
      [entries[i], entries[i + 1]] = [entries[i + 1]!, entries[i]!];
    }
    entries.forEach((entry, index) => {
      const time = clock(entry.minutes, g.twelveHour, entry.slip) + g.zone;
      const close = g.bullet.includes('**') ? ':**' : ':';
      lines.push(`${g.bullet}${time}${close} ${events[index % events.length]}`);
    });
    lines.push('');
    for (const title of g.sections.filter((t) => t !== 'Summary')) {
      lines.push(heading(title, g.style, g.lineBreak), '', `Text about ${title.toLowerCase()}.`, '');
    }
    g.noise.forEach((line, index) => lines.splice(Math.min(lines.length, 2 + ((g.noiseAt[index] ?? 0) % lines.length)), 0, line));
    return lines.join(g.lineBreak);
  });
