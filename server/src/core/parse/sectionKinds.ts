import type { SectionKind } from '../model';
import { foreignKindsOfTitle } from './languageTokens';

/**
 * Maps heading text to canonical section kinds. The table is ordered: the first pattern that
 * matches decides, so combined headings ("Root Cause and Resolution") come before their parts.
 * Patterns are tested against a normalised title: lower case, markup, numbering, emoji and
 * trailing punctuation removed.
 */
const SYNONYMS: ReadonlyArray<readonly [RegExp, readonly SectionKind[]]> = [
  [/^(?:root causes? (?:and|&) (?:resolution|remediation|fix|solution)s?|cause and (?:resolution|fix)|root cause,? (?:and )?resolution)\b/, ['root-cause', 'resolution']],
  [/^(?:corrective|preventi?v|preventa|mitigation and future|future mitigations?|measures against|next steps|action items?|follow[- ]?ups?(?: actions?| tasks?)?$|tasks?\b|todo|to-?do\b|improvements?|fixes$|prevention|remediations?(?: items| actions)?$|recommendations?|what are we doing to prevent|how (?:will|do) we prevent|lessons and action)/, ['corrective-actions']],
  [/^(?:future|going forward)$/, ['corrective-actions']],
  [/^(?:timeline|time line|incident timeline|timeline of events|events timeline|key timestamps|chronology|sequence of events|past incidents|how did we respond|incident log|event log)/, ['timeline']],
  [/^(?:(?:incident |issue |executive |brief )?summary|tl;? ?dr|overview|issue overview|incident overview|what happened|description|incident description|synopsis|abstract|resumo|resumen|r[ée]sum[ée]|incident reports?|report of|here is .*postmortem)/, ['summary']],
  [/^(?:(?:user |customer |business )?impact|affected (?:users|services)|consequences|blast radius|severity and impact)/, ['impact']],
  [/^(?:root ?causes?(?: analysis)?|(?:main|primary|immediate|underlying|probable) cause|causes?$|contributing (?:factors|conditions)|contributors|why (?:it|this|did it) happen|what (?:was|were) the (?:root )?causes?|trigger|leadup|lead-up|fault|five whys|5 whys|diagnosis|analysis)/, ['root-cause']],
  [/^(?:resolution|resolution and recovery|recovery|remedied|mitigation|response|how (?:did we|we) (?:fix|resolve)|this was resolved|to resolve the issue|we heroically|fix$|the fix|solution|remediation)/, ['resolution']],
  [/^(?:detection|how (?:was it|it was|we) detected|how did we (?:notice|detect|find)|detection and response|alerting)/, ['detection']],
  [/^(?:lessons? (?:learned|learnt)|learnings|what went (?:well|wrong|badly)|what didn'?t go|where we got lucky|what could have gone better|how'?d we do|takeaways|retrospective|reflections?|mitigators|learnings and risks)/, ['lessons-learned']],
];

/** Lower-cases and strips markup, numbering, emoji and punctuation decoration. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/[^\p{L}\p{N}\s;:'’&/,.?()+-]/gu, ' ')
    .replace(/^\s*(?:\d{1,3}[.)]|[ivx]{1,4}[.)]|[a-h][.)])\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:.?!]+$/, '')
    .toLowerCase()
    .replace(/’/g, "'");
}

/** The kinds a heading covers; `['other']` when no synonym matches. */
export function kindsOfTitle(title: string): SectionKind[] {
  const normalised = normaliseTitle(title);
  for (const [pattern, kinds] of SYNONYMS) {
    if (pattern.test(normalised)) return [...kinds];
  }
  return foreignKindsOfTitle(normalised) ?? ['other'];
}
