import type { PartEnd, PartFit } from './fit-parts.js';
import type { DestinationPlace } from './read-destinations.js';

/**
 * #14: where every destination will land once a planned part fit is printed, guessed from the print before
 * it, so that the next print can already carry the contents' numbers and the "continued" labels and is the
 * last one. A page holds one part only (a part starts on a new page), so a block pushed to the next page
 * takes everything below it on its page along and pushes the part's last page down by as much; a part set
 * tighter gives up its last page (its lines go to the page before), so every later page moves up one. Places
 * inside a tightened part are taken to stay where they were. Only a guess: the caller reads the print that
 * follows and reprints whatever it got wrong (print-pdf.ts).
 */
export function predictPlaces(
  places: ReadonlyMap<string, DestinationPlace>,
  ends: readonly PartEnd[],
  fit: PartFit,
  /** Height of the page area, in points. */
  area: number,
): Map<string, DestinationPlace> {
  const pushed = fit.pushed.flatMap((id) => {
    const place = places.get(id);
    return place ? [place] : [];
  });
  const tightenedLast = fit.tightened.flatMap((part) => {
    const end = ends.find((e) => e.part === part);
    const last = end ? places.get(end.mark) : undefined;
    return last ? [last.page] : [];
  });
  const predicted = new Map<string, DestinationPlace>();
  for (const [name, place] of places) {
    let { page, below } = place;
    const push = pushed.find((p) => p.page === place.page || p.page + 1 === place.page);
    if (push && place.page === push.page && place.below >= push.below - 0.5) {
      page = push.page + 1;
      below = place.below - push.below;
    } else if (push && place.page === push.page + 1) below = place.below + Math.max(0, area - push.below);
    let shift = tightenedLast.filter((last) => last < place.page).length;
    if (tightenedLast.includes(place.page)) {
      shift += 1;
      below = area;
    }
    predicted.set(name, { page: page - shift, below });
  }
  return predicted;
}
