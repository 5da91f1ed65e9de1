import type { PostmortemDocument } from '../model';
import type { PostmortemOptions } from '../options';
import { runToEnd } from '../steps';
import type { Finding, Severity } from './findings';
import { rules } from './rules/index';
import { applySuppressions } from './suppressions';

const severityWeight: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * Runs every rule (or only the rule reporting `only`), applies per-code severity overrides
 * (`off` drops the code) and suppression comments, and returns the findings in document order.
 * A rule that throws on an unexpected model loses its findings, never the others'.
 */
export function checkDocument(document: PostmortemDocument, options: PostmortemOptions, only?: string): Finding[] {
  return runToEnd(checkDocumentInSteps(document, options, only));
}

/**
 * The same check in steps, one rule per step, so a server can answer other requests between the
 * rules of a 10 MB document (each takes tens of milliseconds there) instead of after all of them.
 */
export function* checkDocumentInSteps(document: PostmortemDocument, options: PostmortemOptions, only?: string): Generator<void, Finding[], void> {
  if (document.text.length > options.maxDocumentSize) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (only !== undefined && rule.code !== only) continue;
    const override = options.severities[rule.code];
    if (override === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check(document, options);
    } catch {
      continue;
    }
    for (const finding of found) {
      const severity = options.severities[finding.code] ?? finding.severity;
      if (severity === 'off') continue;
      findings.push(severity === finding.severity ? finding : { ...finding, severity });
    }
    yield;
  }
  return applySuppressions(document, findings).sort(
    (a, b) => a.span.start - b.span.start || severityWeight[a.severity] - severityWeight[b.severity] || a.code.localeCompare(b.code),
  );
}
