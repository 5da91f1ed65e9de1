/**
 * Patterns whose own running time grows faster than linearly on adversarial input (measured by
 * `regexGrowth.ts`), each with the reason it cannot be given such input in the pipeline. The
 * adversarial benchmark (`npm run bench:adversarial`) checks the reason end to end: documents
 * with one multi-megabyte line in every position stay linear. A new super-linear pattern fails
 * `regexSafety.test.ts` until it is rewritten or reviewed here; an entry whose pattern is gone
 * fails too, so the list never outlives the code.
 */
export const reviewedSuperlinear: Readonly<Record<string, string>> = {
  '/^[\\s,()]*(?:on\\s+|of\\s+)?[\\s,()]*(?:to|until|till|through|thru|and|-|–|—|->|→)[\\s,()]*(?:at\\s+|on\\s+)?[\\s~]*$/i':
    'window.ts RANGE_CONNECTOR: tested on the text between two times of a summary line only after RANGE_INTRO matched a 60-character window before the first',
  '/^\\s*\\|?\\s*:?-{2,}/': 'insertTimelineEntry.ts: tested on the last line of a timeline when inserting an entry (a command, once per invocation)',
  '/\\s*([+-])\\s*/g': 'timeAxis.ts: normalises a zone label, at most a few dozen characters as the zone scanner reads it',
  '/(?:<[^>]{0,200}>|\\s|[*_`]|[\\p{Extended_Pictographic}\\u200d\\ufe0f])*$/u': 'headings.ts: strips decoration from the end of a heading candidate title, after the heading reader bounded the title',
  '/\\s*$/': 'timelineFormat.ts: the separator after an entry time, read by a bounded pattern first',
  '/^(?:issue|incident|executive|brief|overall|detailed)\\s+|\\s+(?:analysis|overview|details)$/g': 'duplicateSection.ts: applied to section titles, which the heading reader bounds',
  '/^[\\s,]*(?:[A-Z]{2,5}|\\([A-Z]{2,5}\\))?[\\s,]*(?:on\\s+)?$/': 'timeline.ts: the gap between a time and the date after it, only when a date follows on the same line',
  '/[\\s:.?!]+$/': 'sectionKinds.ts: trims a heading title before looking it up',
  '/[\\s:]+$/': 'headings.ts: trims a heading title',
  '/[\\s\\-–—:|]+$/': 'timelineFormat.ts: trims the separator read by a bounded pattern',
  '/:.*$/': 'headings.ts: removes a label\'s value from a heading candidate (one match per line, from the first colon)',
  '/^[\\s,]*(?:at\\s+|@\\s*|[-–]\\s+|T)?[\\s~]*$/i': 'timeline.ts DATE_TIME_GAP: the gap between an entry\'s date and its time, tested only when it is at most MAX_DATE_TIME_GAP (40) characters long',
  '/\\s+time$/i': 'timeTokens.ts: strips "time" from a zone name such as "Pacific Time"',
  '/[;,.!]\\s+|\\s+(?:and|but|while|then|so)\\s+|\\s+[-–—]\\s+/': 'metrics.ts: splits an entry description into clauses (first match only)',
  '/\\*\\*|__|<[^>]{0,200}>/g': 'headings.ts: strips markup from a heading title; each match is bounded to 200 characters',
  '/<[^>]{0,200}>/g': 'sectionKinds.ts: strips tags from a title; the repetition is bounded, so the time is linear with a factor of up to 200 (timing noise can make it look steeper)',
};
