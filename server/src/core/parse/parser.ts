import type { PostmortemDocument } from '../model';

/**
 * Parses a postmortem. Never throws: whatever the input, returns a model whose spans all lie
 * inside `text`.
 */
export function parsePostmortem(text: string): PostmortemDocument {
  // Placeholder until the real parser lands; keeps the shape so adapters compile.
  return {
    text,
    sections: [],
    allSections: [],
    timeline: { entries: [], reverseChronological: false },
    window: {},
    zones: [],
    suppressions: [],
    ignoredSpans: [],
    flavor: 'plaintext',
  };
}
