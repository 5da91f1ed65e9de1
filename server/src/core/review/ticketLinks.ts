import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import { readActionItems, type Ticket } from '../parse/actionItems';
import { findAllTickets } from '../parse/actionFields';

/** A link on a ticket: where it stands and the address it opens. */
export interface TicketLink {
  readonly span: Span;
  readonly target: string;
  readonly tooltip: string;
}

/** The address of a ticket: its own URL, else `ticketUrl` with `{id}` filled in; undefined without either. */
export function ticketTarget(ticket: Ticket, options: PostmortemOptions): string | undefined {
  if (ticket.url) return ticket.url;
  const template = options.ticketUrl;
  return template ? template.split('{id}').join(encodeURIComponent(ticket.id)) : undefined;
}

/**
 * Links on the tickets of the action sections: every ticket key (`OPS-123`, `#123`, `b/123`,
 * `bug 123`) through the `ticketUrl` template. Tracker URLs are left to the editor, which links
 * every URL already; a Markdown link's text is not linked twice.
 */
export function ticketLinks(document: PostmortemDocument, options: PostmortemOptions): TicketLink[] {
  if (!options.ticketUrl) return [];
  const text = document.text;
  const links: TicketLink[] = [];
  for (const { section } of readActionItems(document).sections) {
    const start = section.headingSpan.end;
    const end = section.span.end;
    for (const ticket of findAllTickets(text.slice(start, end), start)) {
      if (ticket.url) continue;
      if (document.ignoredSpans.some((span) => span.start <= ticket.span.start && ticket.span.start < span.end)) continue;
      // `[#12](https://…)`: the author's own link wins.
      if (text.charAt(ticket.span.end) === ']' && text.charAt(ticket.span.end + 1) === '(') continue;
      const target = ticketTarget(ticket, options);
      if (target) links.push({ span: ticket.span, target, tooltip: `Open ${ticket.text} in the tracker` });
    }
  }
  return links;
}
