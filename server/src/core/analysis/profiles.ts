import type { SectionKind } from '../model';
import type { PostmortemOptions } from '../options';

/** Postmortem templates whose required sections can be selected with the `profile` option. */
export type SectionProfile = 'holberton' | 'google-sre' | 'pagerduty';

export const sectionProfiles: readonly SectionProfile[] = Object.freeze(['holberton', 'google-sre', 'pagerduty'] as SectionProfile[]);

/** A section as a template writes it: its kind, its heading, and what the author is asked for. */
export interface TemplateSection {
  readonly kind: SectionKind;
  readonly title: string;
  /** A one-line prompt put into an inserted skeleton. */
  readonly prompt: string;
}

/**
 * Each template's sections in the template's order (which is where a missing one is
 * inserted), and which of them are required. Sources: the Holberton/ALX "0x19. Postmortem"
 * assignment; the Google SRE book template (dastergon/postmortem-templates); PagerDuty's
 * post_mortem_template.md.
 */
const TEMPLATES: Readonly<Record<SectionProfile, { readonly sections: readonly TemplateSection[]; readonly required: readonly SectionKind[] }>> = {
  holberton: {
    sections: [
      { kind: 'summary', title: 'Issue Summary', prompt: 'Duration with start and end times and time zone, impact, root cause.' },
      { kind: 'timeline', title: 'Timeline', prompt: 'When and how the issue was detected, actions taken, escalations, resolution.' },
      { kind: 'root-cause', title: 'Root Cause', prompt: 'What caused the issue, in detail.' },
      { kind: 'resolution', title: 'Resolution', prompt: 'How the issue was fixed, in detail.' },
      { kind: 'corrective-actions', title: 'Corrective and Preventative Measures', prompt: 'What can be improved, and a list of concrete tasks.' },
    ],
    required: ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions'],
  },
  'google-sre': {
    sections: [
      { kind: 'summary', title: 'Summary', prompt: 'What happened, in a sentence or two.' },
      { kind: 'impact', title: 'Impact', prompt: 'Who and what was affected, and for how long.' },
      { kind: 'root-cause', title: 'Root Causes', prompt: 'Why it happened.' },
      { kind: 'resolution', title: 'Resolution', prompt: 'How service was restored.' },
      { kind: 'detection', title: 'Detection', prompt: 'How the problem was noticed.' },
      { kind: 'corrective-actions', title: 'Action Items', prompt: 'Action item, type, owner, bug.' },
      { kind: 'lessons-learned', title: 'Lessons Learned', prompt: 'What went well, what went wrong, where we got lucky.' },
      { kind: 'timeline', title: 'Timeline', prompt: 'Times and events, with the time zone.' },
    ],
    required: ['summary', 'impact', 'root-cause', 'resolution', 'detection', 'corrective-actions', 'lessons-learned', 'timeline'],
  },
  pagerduty: {
    sections: [
      { kind: 'summary', title: 'Summary', prompt: 'What happened, what the impact was, how it was resolved.' },
      { kind: 'root-cause', title: 'Contributing Factors', prompt: 'The conditions that together led to the incident.' },
      { kind: 'resolution', title: 'Resolution', prompt: 'How the incident was mitigated and resolved.' },
      { kind: 'impact', title: 'Impact', prompt: 'Time in SEV-1/SEV-2, accounts, users and tickets affected.' },
      { kind: 'timeline', title: 'Timeline', prompt: 'Time (UTC) | Event | Data link' },
      { kind: 'lessons-learned', title: "How'd We Do?", prompt: "What went well? What didn't go so well?" },
      { kind: 'corrective-actions', title: 'Action Items', prompt: 'One ticket per action item.' },
    ],
    required: ['summary', 'root-cause', 'resolution', 'impact', 'timeline', 'lessons-learned', 'corrective-actions'],
  },
};

/** The section kinds a document must have under `options` (the profile's, else `requiredSections`). */
export function requiredSectionKinds(options: PostmortemOptions): readonly SectionKind[] {
  return options.profile ? TEMPLATES[options.profile].required : options.requiredSections;
}

/** The template sections in order for `options`; the Holberton order when no profile is chosen. */
export function templateSections(options: PostmortemOptions): readonly TemplateSection[] {
  return TEMPLATES[options.profile ?? 'holberton'].sections;
}

/** Generic headings for kinds no template lists, so any required kind can be inserted. */
const FALLBACK: Readonly<Record<SectionKind, TemplateSection>> = {
  title: { kind: 'title', title: 'Postmortem', prompt: 'Title of the incident.' },
  summary: { kind: 'summary', title: 'Summary', prompt: 'What happened, in a sentence or two.' },
  impact: { kind: 'impact', title: 'Impact', prompt: 'Who and what was affected, and for how long.' },
  timeline: { kind: 'timeline', title: 'Timeline', prompt: 'Times and events, with the time zone.' },
  'root-cause': { kind: 'root-cause', title: 'Root Cause', prompt: 'Why it happened.' },
  resolution: { kind: 'resolution', title: 'Resolution', prompt: 'How service was restored.' },
  detection: { kind: 'detection', title: 'Detection', prompt: 'How the problem was noticed.' },
  'corrective-actions': { kind: 'corrective-actions', title: 'Corrective and Preventative Measures', prompt: 'What will be changed so it does not happen again.' },
  'lessons-learned': { kind: 'lessons-learned', title: 'Lessons Learned', prompt: 'What went well, what went wrong.' },
  other: { kind: 'other', title: 'Notes', prompt: '' },
};

/** The template section for `kind` under `options`. */
export function templateSectionFor(kind: SectionKind, options: PostmortemOptions): TemplateSection {
  return templateSections(options).find((section) => section.kind === kind) ?? FALLBACK[kind];
}

/**
 * The order kinds conventionally appear in under `options`: the template's order, with any
 * kind it does not list placed where the Holberton order would put it.
 */
export function conventionalOrder(options: PostmortemOptions): readonly SectionKind[] {
  const order = templateSections(options).map((section) => section.kind);
  const holberton = TEMPLATES.holberton.sections.map((section) => section.kind);
  const all: SectionKind[] = ['title', ...order];
  for (const kind of [...holberton, 'impact', 'detection', 'lessons-learned'] as SectionKind[]) {
    if (!all.includes(kind)) all.push(kind);
  }
  return all;
}

/** What a profile requires of each action item; no profile asks for an owner and a due date. */
const ACTION_ITEM_REQUIREMENTS: Readonly<Record<SectionProfile | 'none', { readonly owner: boolean; readonly due: boolean; readonly ticket: boolean }>> = {
  // The assignment asks for a list of concrete tasks, not for owners or tickets.
  holberton: { owner: false, due: false, ticket: false },
  // The SRE template's action table: Action Item, Type, Owner, Bug.
  'google-sre': { owner: true, due: false, ticket: true },
  // PagerDuty: one ticket per action item, owned by a person.
  pagerduty: { owner: true, due: false, ticket: true },
  none: { owner: true, due: true, ticket: false },
};

/** The action-item fields `options` require: the `review.require*` settings, else the profile's defaults. */
export function actionItemRequirements(options: PostmortemOptions): { readonly owner: boolean; readonly due: boolean; readonly ticket: boolean } {
  const defaults = ACTION_ITEM_REQUIREMENTS[options.profile ?? 'none'];
  return {
    owner: options['review.requireOwner'] ?? defaults.owner,
    due: options['review.requireDueDate'] ?? defaults.due,
    ticket: options['review.requireTicket'] ?? defaults.ticket,
  };
}
