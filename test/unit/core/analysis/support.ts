import type { Finding } from '../../../../server/src/core/analysis/findings';
import { defaultOptions, type PostmortemOptions } from '../../../../server/src/core/options';
import { createPostmortemService } from '../../../../server/src/core/service';

export const service = createPostmortemService();

/** Joins lines with `\n` (tests switch to CRLF with {@link crlf}). */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Every finding for `text` under `options` (defaults otherwise). */
export function check(text: string, options: Partial<PostmortemOptions> = {}): Finding[] {
  return service.check(service.parse(text), { ...defaultOptions, ...options });
}

/** The findings of one code. */
export function findingsOf(text: string, code: string, options: Partial<PostmortemOptions> = {}): Finding[] {
  return check(text, options).filter((finding) => finding.code === code);
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}

/** A Markdown postmortem with every usual section, the given summary and timeline lines. */
export function postmortem(summary: string, ...timeline: string[]): string {
  return lines(
    '# Postmortem: checkout outage',
    '',
    '## Issue Summary',
    '',
    summary,
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
    '## Root Cause and Resolution',
    '',
    'A bad load balancer rule; it was reverted.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- Review load balancer changes.',
    '',
  );
}
