import type { ActionItemSummary, PostmortemSummary } from './summary';

/** An action item with the postmortem it belongs to. */
export interface LibraryActionItem extends ActionItemSummary {
  readonly uri: string;
  /** The postmortem's title and date, for lists. */
  readonly incidentTitle: string;
  readonly incidentDate?: string;
}

/** Which action items to list; every field narrows the list, none lists them all. */
export interface ActionItemFilter {
  /** Only items in one of these states. */
  readonly states?: readonly ActionItemSummary['state'][];
  /** Only items whose owner contains this text (case-insensitive; `@` ignored). */
  readonly owner?: string;
}

/** A postmortem like another one, and how alike (BM25 over summary and root-cause words, plus shared services). */
export interface RelatedIncident {
  readonly summary: PostmortemSummary;
  /** Higher is more alike; only comparable between results for the same document. */
  readonly score: number;
  /** Services both name. */
  readonly sharedServices: readonly string[];
  /** The words that weighed most in the score, best first (at most five). */
  readonly sharedTerms: readonly string[];
}

/** A postmortem, one of its sections, or one of its action items, found by name. */
export interface LibrarySymbol {
  readonly kind: 'incident' | 'section' | 'action';
  /** `2024-08-15 Checkout outage` for an incident; the heading or the item's text otherwise. */
  readonly name: string;
  /** The incident's name, for sections and action items. */
  readonly containerName?: string;
  readonly uri: string;
  /** Zero-based line. */
  readonly line: number;
}

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** What one shared service adds to a score: about as much as a rare shared word. */
const SERVICE_WEIGHT = 3;

/**
 * The incident library: the summaries of every postmortem known, by URI, and the questions asked
 * of them (action items across documents, related incidents, symbols). Pure and synchronous; the
 * server and the CLI feed it summaries. Keeps document frequencies up to date as summaries come
 * and go, so `related` costs one pass over the summaries.
 */
export class IncidentIndex {
  private readonly summaries = new Map<string, PostmortemSummary>();
  private readonly documentFrequency = new Map<string, number>();
  private totalTerms = 0;

  /** Adds a summary, or replaces the one with the same URI. */
  set(summary: PostmortemSummary): void {
    this.delete(summary.uri);
    this.summaries.set(summary.uri, summary);
    for (const term of new Set(summary.terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.totalTerms += summary.terms.length;
  }

  /** Removes a summary; true when there was one. */
  delete(uri: string): boolean {
    const old = this.summaries.get(uri);
    if (!old) return false;
    this.summaries.delete(uri);
    for (const term of new Set(old.terms)) {
      const count = (this.documentFrequency.get(term) ?? 1) - 1;
      if (count <= 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, count);
    }
    this.totalTerms -= old.terms.length;
    return true;
  }

  get(uri: string): PostmortemSummary | undefined {
    return this.summaries.get(uri);
  }

  has(uri: string): boolean {
    return this.summaries.has(uri);
  }

  get size(): number {
    return this.summaries.size;
  }

  /** Every summary, newest incident first; undated ones last, by URI. */
  all(): PostmortemSummary[] {
    return [...this.summaries.values()].sort(byDateDescending);
  }

  /** Action items across postmortems, newest incident first and in document order within one. */
  actionItems(filter: ActionItemFilter = {}): LibraryActionItem[] {
    const owner = filter.owner?.replace(/^@/, '').toLowerCase();
    const items: LibraryActionItem[] = [];
    for (const summary of this.all()) {
      for (const item of summary.actionItems) {
        if (filter.states && !filter.states.includes(item.state)) continue;
        if (owner !== undefined && !(item.owner ?? '').replace(/^@/, '').toLowerCase().includes(owner)) continue;
        items.push({ ...item, uri: summary.uri, incidentTitle: summary.title, ...(summary.date !== undefined ? { incidentDate: summary.date } : {}) });
      }
    }
    return items;
  }

  /**
   * The `count` postmortems most like the one at `uri`, best first: BM25 of its title, summary
   * and root-cause words against each other postmortem's, plus a bonus per shared service. When
   * the postmortem has a date, only incidents on or before it are candidates ("did we have this
   * before?"); undated ones always are. Postmortems that share no service and fewer than two
   * words are left out.
   */
  related(uri: string, count = 3): RelatedIncident[] {
    const target = this.summaries.get(uri);
    if (!target || count <= 0) return [];
    const queryTerms = [...new Set(target.terms)];
    const services = new Set(target.services);
    const documents = this.summaries.size;
    const averageLength = documents > 0 ? this.totalTerms / documents : 0;
    const idf = new Map<string, number>();
    for (const term of queryTerms) {
      const frequency = this.documentFrequency.get(term) ?? 0;
      idf.set(term, Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)));
    }

    const results: RelatedIncident[] = [];
    for (const candidate of this.summaries.values()) {
      if (candidate.uri === uri) continue;
      if (target.date !== undefined && candidate.date !== undefined && candidate.date > target.date) continue;
      const frequencies = new Map<string, number>();
      for (const term of candidate.terms) if (idf.has(term)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      const normaliser = K1 * (1 - B + (B * candidate.terms.length) / (averageLength || 1));
      const weighed: [string, number][] = [];
      let score = 0;
      for (const [term, frequency] of frequencies) {
        const weight = (idf.get(term)! * frequency * (K1 + 1)) / (frequency + normaliser);
        score += weight;
        weighed.push([term, weight]);
      }
      const sharedServices = candidate.services.filter((service) => services.has(service));
      score += sharedServices.length * SERVICE_WEIGHT;
      // One shared word is chance; a shared service or two shared words are a resemblance.
      if (sharedServices.length === 0 && frequencies.size < 2) continue;
      weighed.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      results.push({ summary: candidate, score, sharedServices, sharedTerms: weighed.slice(0, 5).map(([term]) => term) });
    }
    return results.sort((a, b) => b.score - a.score || byDateDescending(a.summary, b.summary)).slice(0, count);
  }

  /**
   * Postmortems (by date and title), their sections and their action items whose name holds
   * every word of `query` (case-insensitive). An empty query lists the postmortems only.
   * At most `limit` symbols, incidents first.
   */
  workspaceSymbols(query: string, limit = 500): LibrarySymbol[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    const matches = (name: string) => {
      const lower = name.toLowerCase();
      return words.every((word) => lower.includes(word));
    };
    const incidents: LibrarySymbol[] = [];
    const parts: LibrarySymbol[] = [];
    for (const summary of this.all()) {
      const name = incidentName(summary);
      if (matches(name)) incidents.push({ kind: 'incident', name, uri: summary.uri, line: summary.titleLine });
      if (words.length === 0) continue;
      for (const section of summary.sections) {
        if (section.line !== summary.titleLine && matches(section.title)) parts.push({ kind: 'section', name: section.title, containerName: name, uri: summary.uri, line: section.line });
      }
      for (const item of summary.actionItems) {
        if (matches(item.text)) parts.push({ kind: 'action', name: item.text, containerName: name, uri: summary.uri, line: item.line });
      }
    }
    return [...incidents, ...parts].slice(0, limit);
  }
}

/** `2024-08-15 Checkout outage`, or the title alone when the date is unknown. */
export function incidentName(summary: Pick<PostmortemSummary, 'title' | 'date'>): string {
  return summary.date !== undefined ? `${summary.date} ${summary.title}` : summary.title;
}

/** Newest first; undated after dated; ties by URI so the order is stable. */
export function byDateDescending(a: PostmortemSummary, b: PostmortemSummary): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
