import type { SectionKind } from '../model';

/** What a section kind is called in the common templates and what it should hold. */
export interface SectionGuide {
  readonly kind: SectionKind;
  /** The usual heading, first; alternatives follow (all are recognised by the parser). */
  readonly titles: readonly string[];
  /** What the section should contain, as Markdown (shown in completion documentation). */
  readonly guidance: string;
}

/**
 * One entry per kind a postmortem can have, in the order the common templates put them.
 * Wording follows the Holberton/ALX 0x19 assignment, the Google SRE book template and
 * PagerDuty's template.
 */
export const SECTION_GUIDES: readonly SectionGuide[] = [
  {
    kind: 'summary',
    titles: ['Issue Summary', 'Summary', 'Overview'],
    guidance: [
      'A short account of the incident:',
      '- the **duration**, with start and end times **and the time zone**',
      '- the **impact**: which service was down or slow, what users saw, and what % of users were affected',
      '- the **root cause**, in a sentence',
    ].join('\n'),
  },
  {
    kind: 'impact',
    titles: ['Impact'],
    guidance: 'Who was affected and how much: users, requests, revenue, support tickets. Give numbers (`12% of API requests failed`) and how long each effect lasted.',
  },
  {
    kind: 'timeline',
    titles: ['Timeline'],
    guidance: [
      'One short entry per event, in time order, each starting with the time (and the zone, or an "All times in UTC" line):',
      '- when and how the issue was **detected**',
      '- **actions taken** and assumptions made',
      '- **misleading** investigation or debugging paths',
      '- who it was **escalated** to',
      '- how and when it was **resolved**',
    ].join('\n'),
  },
  {
    kind: 'root-cause',
    titles: ['Root Cause', 'Root Causes', 'Contributing Factors'],
    guidance: 'Why it happened, in detail: the chain of causes and the conditions that let them combine. Describe systems and decisions, not people.',
  },
  {
    kind: 'resolution',
    titles: ['Resolution'],
    guidance: 'What stopped the impact (mitigation) and what fixed the cause, in detail, with when each happened.',
  },
  {
    kind: 'detection',
    titles: ['Detection'],
    guidance: 'How the problem was noticed: which alert fired or who reported it, and how long after the start. Say what would have caught it sooner.',
  },
  {
    kind: 'corrective-actions',
    titles: ['Corrective and Preventative Measures', 'Action Items'],
    guidance: [
      'What will stop this from happening again or shorten the next one:',
      '- what could be improved or fixed in general',
      '- a concrete task list (`- [ ] Add an alert on the 5xx rate`), each with an owner, a ticket and a due date',
    ].join('\n'),
  },
  {
    kind: 'lessons-learned',
    titles: ['Lessons Learned'],
    guidance: 'What went well, what went wrong, and where you got lucky.',
  },
];

/** The guide for a kind, if the kind is one authors write a section for. */
export function guideFor(kind: SectionKind): SectionGuide | undefined {
  return SECTION_GUIDES.find((guide) => guide.kind === kind);
}
