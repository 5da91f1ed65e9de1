import type { Span } from '../model';
import type { RelatedSpan } from './findings';

/**
 * How many other places a finding lists as related information. A cause repeated on every
 * entry of a 2,000-entry log is still one finding; its first places are enough to find the
 * rest, and the list stays small on the wire.
 */
export const MAX_RELATED_PLACES = 20;

/**
 * The other places one cause shows up, as related information: the first
 * {@link MAX_RELATED_PLACES}, and a last item that says how many more there are.
 */
export function relatedPlaces(places: readonly { readonly span: Span }[], message: string): RelatedSpan[] {
  const shown = places.slice(0, MAX_RELATED_PLACES).map((place) => ({ span: place.span, message }));
  const more = places.length - shown.length;
  if (more > 0) shown.push({ span: places[places.length - 1]!.span, message: `${message} (the last of ${more} more not listed)` });
  return shown;
}
