import type { PostmortemDocument, SectionKind } from '../model';

/** Kinds that say nothing about whether a document is a postmortem. */
const uninformativeKinds: ReadonlySet<SectionKind> = new Set<SectionKind>(['title', 'other']);

/**
 * Decides from content alone whether a Markdown or plain-text document is a postmortem, so a
 * README or a changelog is left alone while `incident.md` is served: it needs at least two
 * distinct recognised section kinds (not `title`/`other`), one of them `timeline` or `summary`.
 */
export function looksLikePostmortem(document: PostmortemDocument): boolean {
  const kinds = new Set<SectionKind>();
  for (const section of document.allSections) {
    for (const kind of section.kinds) {
      if (!uninformativeKinds.has(kind)) kinds.add(kind);
    }
  }
  return kinds.size >= 2 && (kinds.has('timeline') || kinds.has('summary'));
}
