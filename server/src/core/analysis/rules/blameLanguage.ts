import type { PostmortemDocument } from '../../model';
import type { PostmortemOptions } from '../../options';
import { readActionItems } from '../../parse/actionItems';
import type { Finding } from '../findings';
import { DiagnosticCodes, type Rule } from './rule';

/** The kinds of blame a phrase expresses (see docs/DIAGNOSTICS.md, after PagerDuty, Adaptive Capacity Labs, thehumandiver). */
export type BlameCategory = 'human-error' | 'judgement' | 'counterfactual' | 'person-cause' | 'person-fix' | 'custom';

interface BlamePhrase {
  /** The phrase as `review.blameWords.remove` names it. */
  readonly key: string;
  readonly category: BlameCategory;
  /** The pattern source, matched case-insensitively between word boundaries. */
  readonly pattern: string;
  /** Only when a person is the grammatical subject just before the phrase ("he didn't check", not "the job failed to start"). */
  readonly needsPerson: boolean;
}

const HUMAN_VERBS = 'check|checked|verify|verified|test|tested|notice|noticed|anticipate|anticipated|follow|followed|read|review|reviewed|consider|considered|realize|realized|realise|realised|double-check|double-checked|communicate|communicated|escalate|escalated|ask|asked|wait|waited|confirm|confirmed|validate|validated|look|looked|known|caught|seen|spotted|prevented|avoided|paid|remembered|thought|run|done|used|stopped|called|told|been more careful|been more thorough';

const PHRASES: readonly BlamePhrase[] = [
  { key: 'human error', category: 'human-error', pattern: '(?:human|operator|pilot|engineer|engineering|admin) error', needsPerson: false },
  { key: 'user error', category: 'human-error', pattern: 'user error(?!s)', needsPerson: false },
  { key: 'careless', category: 'judgement', pattern: 'careless(?:ly|ness)?', needsPerson: false },
  { key: 'negligent', category: 'judgement', pattern: 'negligen(?:t|tly|ce)', needsPerson: false },
  { key: 'sloppy', category: 'judgement', pattern: 'slopp(?:y|iness|ily)', needsPerson: false },
  { key: 'reckless', category: 'judgement', pattern: 'reckless(?:ly|ness)?', needsPerson: false },
  { key: 'incompetent', category: 'judgement', pattern: 'incompeten(?:t|ce)', needsPerson: false },
  { key: 'lazy', category: 'judgement', pattern: 'lazy|laziness', needsPerson: false },
  { key: 'should have known', category: 'judgement', pattern: '(?:should|ought to) have known(?: better)?', needsPerson: false },
  { key: 'without being thorough', category: 'judgement', pattern: 'without (?:being )?(?:thorough|careful)', needsPerson: false },
  { key: "'s fault", category: 'person-cause', pattern: "['’]s (?:fault|mistake|negligence|carelessness)(?! tolerance| domain| injection| line| handling)", needsPerson: true },
  { key: 'to blame', category: 'person-cause', pattern: '(?:is|are|was|were) to blame|blame (?:lies|falls) (?:with|on)', needsPerson: false },
  { key: 'caused by', category: 'person-cause', pattern: '(?:caused|triggered|broken) by', needsPerson: false },
  { key: 'should have', category: 'counterfactual', pattern: `(?:should|could|would|ought to)(?: not|n['’]t)? have (?:(?:also|just|simply|first|properly|really) )?(?:${HUMAN_VERBS})`, needsPerson: true },
  { key: 'failed to', category: 'counterfactual', pattern: `failed to (?:properly )?(?:${HUMAN_VERBS})`, needsPerson: true },
  { key: 'forgot to', category: 'judgement', pattern: '(?:forgot|neglected|omitted) to', needsPerson: true },
  { key: 'did not check', category: 'counterfactual', pattern: `(?:did not|didn['’]t|did n['’]t|never) (?:properly )?(?:${HUMAN_VERBS})`, needsPerson: true },
  { key: 'did not properly', category: 'judgement', pattern: '(?:did not|didn[\'’]t) properly', needsPerson: true },
  { key: 'ignored', category: 'judgement', pattern: 'ignored|overlooked', needsPerson: true },
  { key: 'be more careful', category: 'person-fix', pattern: '(?:be|being) more (?:careful|attentive|thorough)|pay more attention|(?:retrain|re-train) (?:the )?(?:engineer|developer|operator|staff|team)s?|remind (?:people|engineers|developers|staff|everyone|the team) to', needsPerson: false },
];

const WHY: Readonly<Record<BlameCategory, string>> = {
  'human-error': 'names a person as the cause and ends the inquiry too early. Ask what made the action possible, and what would have caught it',
  judgement: 'grades a person against a standard set with hindsight. Ask what made this action reasonable at the time',
  counterfactual: 'describes what a person did not do, a world that did not happen. Ask what made the action reasonable at the time, and what would have caught it',
  'person-cause': 'puts a person in the place of the conditions that let the incident happen. Ask which conditions let one action cause this harm',
  'person-fix': 'asks a person to change rather than the system. Ask what change would make the slip hard to make or easy to catch',
  custom: 'is on this project\'s list of blame phrases (review.blameWords.add). Describe the conditions rather than the person',
};

const PERSON_NOUNS = 'engineer|engineers|developer|developers|operator|operators|admin|administrator|sysadmin|on-?call(?: engineer)?|sre|intern|employee|staff member|person|team member|student|contractor|dev|reviewer|author|technician';
const ADVERBS = '(?: (?:also|then|just|simply|really|clearly|obviously|unfortunately|apparently|again|still|had|has|have|was|were|is))*';
/** Right before the phrase (an adverb or two allowed between): a pronoun or a role names who is judged. */
const PERSON_WORDS = new RegExp(
  `(?:^|[^\\w@'’])(?:he|she|i|you|someone|somebody|(?:the|an?|our|their|his|her|one|that) (?:(?:new|junior|senior|on-?call|responsible|same) )?(?:${PERSON_NOUNS}))${ADVERBS}\\s*$`,
  'i',
);
/** Right before the phrase: an `@handle` or a capitalised name. */
const PERSON_NAME = new RegExp(`(?:^|[^\\w@'’])(?:(@[\\w.-]+(?:/[\\w.-]+)?)|([A-Z][a-z]{1,20}))${ADVERBS}\\s*$`);
const NEGATION_BEFORE = /(?:^|\W)(?:no|not|never|nobody|no one|without|avoid|avoids|avoiding|don['’]t|doesn['’]t|isn['’]t|wasn['’]t|blameless|rather than|instead of)(?:\W+\w+){0,3}\W*$/i;
/** Names used for people in the document: owners, handles, and capitalised words before a verb only people do. */
const PERSON_FAULT = /\b([A-Z][a-z]{1,20})['’]s (?:fault|mistake)\b/g;
const PERSON_NAME_VERB = /\b([A-Z][a-z]{1,20})(?: then)? (?:said|says|thinks|thought|decided|noticed|asked|told|realized|realised|wrote|reported|remembered|believed|assumed|sees|saw|see)\b/g;

interface CompiledList {
  readonly pattern?: RegExp;
  readonly phrases: readonly BlamePhrase[];
  readonly possessive?: RegExp;
  readonly possessivePhrases: readonly BlamePhrase[];
}

const compiled = new Map<string, CompiledList>();

/** The phrase list under `options` (built-in minus `remove`, plus `add`), compiled once per list. */
function phraseList(options: PostmortemOptions): CompiledList {
  const add = options['review.blameWords.add'];
  const remove = options['review.blameWords.remove'];
  const key = JSON.stringify([add, remove]);
  let list = compiled.get(key);
  if (!list) {
    const phrases = [
      ...PHRASES.filter((phrase) => !remove.includes(phrase.key)),
      ...add.map((word): BlamePhrase => ({ key: word, category: 'custom', pattern: escapeRegExp(word).replace(/\s+/g, '\\s+'), needsPerson: false })),
    ];
    // One pass over the text: each phrase is a capture group, so a match says which phrase it
    // is. A word boundary (checked again below against apostrophes and hyphens) is cheaper than a
    // lookbehind per phrase. A possessive ("Sam's fault") follows a word: a pattern of its own.
    const starting = phrases.filter((phrase) => !/^\[['’]/.test(phrase.pattern));
    const possessive = phrases.filter((phrase) => /^\[['’]/.test(phrase.pattern));
    list = {
      pattern: starting.length > 0 ? new RegExp(`\\b(?:${starting.map((phrase) => `(${phrase.pattern})`).join('|')})(?![\\w-])`, 'gi') : undefined,
      phrases: starting,
      possessive: possessive.length > 0 ? new RegExp(`(?:${possessive.map((phrase) => `(${phrase.pattern})`).join('|')})(?![\\w-])`, 'gi') : undefined,
      possessivePhrases: possessive,
    };
    if (compiled.size > 20) compiled.clear();
    compiled.set(key, list);
  }
  return list;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `blame-language`: phrases that pin the incident on a person rather than the system: "human
 * error", judgement words (careless, negligent, forgot to), a person named as the cause,
 * counterfactuals about a person ("he should have checked", "the engineer failed to verify")
 * and person-fix remedies ("be more careful"). Counterfactuals and judgement verbs count only
 * with a person as their subject: "the job failed to start" and "an engineer ran the migration"
 * are facts. Quoted text (code, block quotes, text in quotation marks) is evidence, not the
 * author's voice, and is skipped, as is a phrase negated just before ("no one is to blame").
 */
export const checkBlameLanguage: Rule = (document, options) => {
  if (!options['review.blameLanguage']) return [];
  const list = phraseList(options);
  if (list.phrases.length + list.possessivePhrases.length === 0) return [];
  const text = document.text;
  const findings: Finding[] = [];
  let people: Set<string> | undefined;
  const ignored = document.ignoredSpans;
  let ignoredIndex = 0;
  const matches: { match: RegExpExecArray; phrase: BlamePhrase }[] = [];
  for (const [pattern, phrases, wordStart] of [[list.pattern, list.phrases, true], [list.possessive, list.possessivePhrases, false]] as const) {
    if (!pattern) continue;
    pattern.lastIndex = 0;
    let found: RegExpExecArray | null;
    while ((found = pattern.exec(text)) !== null) {
      if (found[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (wordStart && /['’-]/.test(text.charAt(found.index - 1))) continue;
      const phrase = phrases[found.slice(1).findIndex((group) => group !== undefined)];
      if (phrase) matches.push({ match: found, phrase });
    }
  }
  matches.sort((a, b) => a.match.index - b.match.index);
  for (const { match, phrase } of matches) {
    const start = match.index;
    const end = start + match[0].length;
    while (ignoredIndex < ignored.length && ignored[ignoredIndex]!.end <= start) ignoredIndex++;
    if (ignoredIndex < ignored.length && ignored[ignoredIndex]!.start <= start) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
    const before = text.slice(lineStart, start);
    if (isQuoted(before, text, end)) continue;
    // A sentence may wrap: the clause runs back over earlier lines of its paragraph.
    const paragraph = text.slice(Math.max(0, start - 200), start).split(/\r?\n[ \t]*\r?\n|\r[ \t]*\r/).pop()!.replace(/[\r\n]+/g, ' ');
    const clause = paragraph.split(/[.;:!?]\s|,\s(?:but|and|so|because|as)\s|\s(?:but|because|so|although|while|when)\s/).pop() ?? '';
    if (NEGATION_BEFORE.test(clause)) continue;
    if (phrase.key === 'caused by') {
      people ??= personNames(document);
      if (!causeIsPerson(text.slice(end, end + 60), people)) continue;
    } else if (phrase.needsPerson) {
      people ??= personNames(document);
      if (!hasPersonSubject(clause, people, phrase.key === "'s fault")) continue;
    }
    findings.push({
      code: DiagnosticCodes.blameLanguage,
      severity: 'information',
      span: { start, end },
      message: `"${match[0]}" ${WHY[phrase.category]}`,
      data: { category: phrase.category, phrase: phrase.key },
    });
  }
  return findings;
};

/** Inside a block quote, inline code, or quotation marks opened earlier on the line. */
function isQuoted(before: string, text: string, end: number): boolean {
  if (/^\s{0,3}>/.test(before)) return true;
  if (count(before, '`') % 2 === 1) return true;
  if (count(before, '"') % 2 === 1 && text.indexOf('"', end) >= 0) return true;
  return count(before, '“') > count(before, '”');
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Whether the clause ends with a person as the subject: a pronoun or role ("he", "the
 * engineer"), an `@handle`, or a name the document uses for a person (`anyName` accepts any
 * capitalised word, for "X's fault").
 */
function hasPersonSubject(clause: string, people: ReadonlySet<string>, anyName: boolean): boolean {
  if (PERSON_WORDS.test(clause)) return true;
  const named = PERSON_NAME.exec(clause);
  if (!named) return false;
  if (named[1] !== undefined) return true;
  return anyName ? !/^(?:The|This|That|It|Its|Their|Our)$/.test(named[2]!) : people.has(named[2]!);
}

/** "caused by Alex", "caused by the engineer", "caused by @dma": a person, not "caused by a bug". */
function causeIsPerson(after: string, people: ReadonlySet<string>): boolean {
  const who = /^\s+(?:(?:the|an?|our|one) (?:(?:new|junior|senior|on-?call) )?(?:engineer|developer|operator|admin|administrator|sysadmin|on-?call|intern|employee|contractor)\b|(@[\w.-]+)|([A-Z][a-z]{1,20})\b(?![-\w]))/.exec(after);
  if (!who) return false;
  if (who[2] !== undefined) return people.has(who[2]);
  return true;
}

function personNames(document: PostmortemDocument): Set<string> {
  const names = new Set<string>();
  for (const item of readActionItems(document).items) {
    const owner = item.owner?.text;
    if (owner && /^[A-Z][a-z]{1,20}$/.test(owner)) names.add(owner);
  }
  for (const match of document.text.matchAll(PERSON_FAULT)) names.add(match[1]!);
  PERSON_NAME_VERB.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PERSON_NAME_VERB.exec(document.text)) !== null) {
    if (!/^(?:The|This|That|It|We|They|He|She|Nobody|Everyone|Someone|Monitoring|Team|Support)$/.test(match[1]!)) names.add(match[1]!);
  }
  return names;
}
