import * as fc from 'fast-check';
import { projectDocuments } from '../../projectDocuments';

/**
 * Random documents for the property tests: lines of the project's own postmortems (fixture
 * workspace, templates, test/fixtures/documents) mixed with the text that breaks position
 * arithmetic (surrogate pairs, combining marks, NUL, lone surrogates, every line break, very long
 * lines) and the tokens the parser looks for.
 */

/** Every distinct line of the project's documents. */
export const documentLines: readonly string[] = [...new Set(projectDocuments().flatMap((d) => d.text.split(/\r\n|\r|\n/)))];

/** Text that stresses UTF-16 arithmetic and line splitting. */
const awkwardText = [
  '😀', '🔥🔥', '👩‍💻', '🇺🇸', '🧑🏽‍🚒', 'e\u0301', 'a\u0308\u0304', '事故', '障害報告', '故障时间', 'Ωμέγα', 'مرحبا', '\u200f', '\u200b', '\u200d',
  '\u0000', '\ud800', '\udc00', '\udbff', '\ufeff', '\u2028', '\u2029', '\u00a0', '\t', '\u000b', '\f', '–', '—', '’', '…', '\\', '`', '```',
  '<!--', '-->', '<h1>', '</h1>', '<br>', '**', '__', '|', '~', '#', '>', '[', '](', ')', '$', '${1:x}',
];

/** The tokens the parser and the rules react to. */
const postmortemTokens = [
  '10:00', '10:00 PM', '10:00 pm', '12:00 AM', '12:00 am', '11:59 PM', '13:00 PM', '25:10', '12:61', '00:00', '23:59:59', '9:05',
  '10.30', '10h30', '~10:05', 'about 10:15', '10:00 - 10:45', '13:20–13:50 UTC', '2 PM', '7am', '10:00 M', 'a.m.', 'p.m.', 'AM', 'PM',
  'UTC', 'GMT', 'PST', 'PDT', 'EST', 'CET', 'WAT', 'IST', 'UTC+02:00', 'GMT+1', 'UTC-5', 'Z', 'Pacific Time', 'All times in UTC.', '(UTC)',
  '2024-03-05', '03/04/2024', '04-12-2022', 'March 5, 2024', '5 March 2024', 'Aug 10', 'Monday', 'Mon,', 'T+5', 'T+1:30', 'Day 2',
  'Duration: 45 minutes', 'lasted 2 hours', '~2 hours', 'about an hour', '1 hour and 30 minutes', 'half an hour', '90 min', '3 days',
  'from 10:00 to 11:30 UTC', 'between 2:30 PM and 4 PM', 'started at', 'resolved at', 'detected', 'mitigated', 'rolled back', 'restored',
  '<!-- postmortem-disable timeline-order -->', '<!-- postmortem-disable-next-line -->', 'postmortem-disable',
  '[time]', 'HH:MM', 'xx:xx', '??:??', '{{time}}',
];

const headingLines = [
  '# Postmortem: checkout outage', '## Summary', '## Issue Summary', '## Timeline', '### Timeline (UTC)', '## Root Cause', '## Root Cause and Resolution',
  '## Resolution', '## Corrective Actions', '## Corrective and Preventative Measures', '## Lessons Learned', '## Impact', '## Detection',
  'Timeline', '========', 'Summary', '--------', 'TIMELINE:', 'ROOT CAUSE', 'Timeline:', '**Incident Timeline:**', '<h1>POSTMORTEM</h1>',
  '<b>TIMELINE</b>', 'Root Cause and Resolution', 'Issue Summary:', '#Timeline', '### 10:00 PM', '## 2024-03-05', '```', '~~~', '---',
  '| Time | Event |', '|------|-------|', '| 10:00 | deploy |',
];

const entryPrefixes = ['- ', '* ', '+ ', '1. ', '  - ', '| ', '**', '> ', '', '\t', '- **', '### '];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...postmortemTokens) },
  { weight: 3, arbitrary: fc.constantFrom(...awkwardText) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '  ', ': ', ', ', '. ', ' - ', ' — ', ' | ') },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{1,10}$/) },
);

/** A generated line, without its line break. */
const generatedLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...documentLines) },
  { weight: 2, arbitrary: fc.constantFrom(...headingLines) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...entryPrefixes), fc.constantFrom(...postmortemTokens), fc.array(fragment, { maxLength: 6 }))
      .map(([prefix, token, rest]) => `${prefix}${token} ${rest.join('')}`),
  },
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A line made very long by repeating a fragment (the parser must stay linear on it). */
function longLine(maxRepeat: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.integer({ min: 50, max: maxRepeat }), generatedLine)
    .map(([parts, times, tail]) => parts.join('').repeat(times) + tail);
}

export const lineBreak: fc.Arbitrary<string> = fc.constantFrom('\n', '\r\n', '\r');

export interface DocumentShape {
  readonly maxLines: number;
  /** Longest repetition for long lines; 0 for none. */
  readonly maxRepeat: number;
}

export const ciShape: DocumentShape = { maxLines: 60, maxRepeat: 400 };

/**
 * A document: lines joined by one line break style, or by a random mix of `\n`, `\r\n` and
 * `\r`; sometimes with a BOM, sometimes without a final line break.
 */
export function documentText(shape: DocumentShape = ciShape): fc.Arbitrary<string> {
  const line = shape.maxRepeat > 0 ? fc.oneof({ weight: 30, arbitrary: generatedLine }, { weight: 1, arbitrary: longLine(shape.maxRepeat) }) : generatedLine;
  return fc
    .record({
      lines: fc.array(line, { maxLength: shape.maxLines }),
      breaks: fc.oneof(lineBreak.map((only) => [only]), fc.array(lineBreak, { minLength: 2, maxLength: 6 })),
      breakChoices: fc.array(fc.nat(), { maxLength: shape.maxLines }),
      bom: fc.boolean(),
      finalBreak: fc.boolean(),
    })
    .map(({ lines, breaks, breakChoices, bom, finalBreak }) => {
      let text = bom ? '\ufeff' : '';
      lines.forEach((content, index) => {
        const isLast = index === lines.length - 1;
        text += content;
        if (!isLast || finalBreak) text += breaks[(breakChoices[index] ?? index) % breaks.length];
      });
      return text;
    });
}

/** A whole project document, possibly with its line breaks converted. */
export function wholeDocument(): fc.Arbitrary<string> {
  const documents = projectDocuments().map((d) => d.text);
  return fc.tuple(fc.constantFrom(...documents), fc.constantFrom('keep', '\n', '\r\n', '\r')).map(([text, convert]) =>
    convert === 'keep' ? text : text.replace(/\r\n|\r|\n/g, convert),
  );
}

/** Random documents and whole project documents, mixed. */
export function anyDocument(shape: DocumentShape = ciShape): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: documentText(shape) }, { weight: 1, arbitrary: wholeDocument() });
}

/** Text to insert by an edit: fragments, lines and line breaks. */
export const insertedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fragment },
  { weight: 2, arbitrary: lineBreak },
  { weight: 2, arbitrary: fc.tuple(generatedLine, lineBreak).map(([line, br]) => line + br) },
  { weight: 1, arbitrary: fc.constant('') },
);
