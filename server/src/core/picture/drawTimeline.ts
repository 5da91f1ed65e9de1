import type { PostmortemDocument, TimelineEntry } from '../model';
import { computeMetrics, type IncidentMetrics, type Milestone } from '../analysis/metrics';
import { entryPoint, minutesBetween, windowEndPoint, windowStartPoint, type TimePoint } from '../analysis/timeAxis';
import { formatDuration } from '../analysis/durationText';
import { describeEntryTime } from '../format';
import { LineIndex } from '../text/lineIndex';
import { axisTicks, clockLabel, longDayLabel, referencePoint } from './axisTicks';
import { Lanes } from './lanes';
import { clipText, escapeXml, estimateTextWidth, fitText, px } from './svgText';

/** How to draw a timeline. */
export interface DrawTimelineOptions {
  /** Width in CSS px of the drawing area (default 960, kept within 320..4096). */
  width?: number;
  /** Zero-based line of the cursor: the entry on it is drawn highlighted (class `pm-current`). */
  highlightLine?: number;
}

/** One timeline entry as drawn (or listed apart). */
export interface TimelineMark {
  /** Stable id used as the SVG element id of the mark (`pm-entry-<index>`, index in the timeline). */
  id: string;
  /** Zero-based line of the entry in the document. */
  line: number;
  /** Short label shown (already shortened), for lists / accessibility. */
  label: string;
  /** ISO-like time text shown in tooltips (`22:05`, `2024-08-15 14:32 UTC`), or undefined when unplaced. */
  time?: string;
  /** Whether the entry has a place on the time axis; unplaced entries are listed under the axis. */
  placed: boolean;
  /**
   * True when the drawing has no element for this entry: a placed entry of a very dense
   * timeline (over 2,000 entries) sharing its pixel column with an earlier one, or an unplaced
   * entry past the listed ones.
   */
  omitted?: boolean;
}

/** A drawn timeline. */
export interface TimelineDrawing {
  /** Complete `<svg ...>...</svg>` markup; empty string when there is nothing to draw. */
  svg: string;
  /**
   * Every entry, placed or not, in document order; each placed mark is an element with
   * `id` = mark.id, `data-line` = line, `tabindex="0"`, `role="button"` in the SVG (unless
   * `omitted`). Listed unplaced entries are such elements too.
   */
  marks: TimelineMark[];
  /**
   * Present when there is nothing to place on the axis: a clear human message. `svg` is then
   * empty (no entries) or holds only the list of entries that could not be placed.
   */
  message?: string;
}

/** Font size of every text, px. Widths of labels are estimated from it (see `svgText.ts`). */
const FONT_SIZE = 11;
const ROW = 18;
const PAD = 10;
const DOT_RADIUS = 4;
/** Rows of entry labels under the axis; entries past them are drawn as dots without a label. */
const MAX_LABEL_LANES = 10;
/** Rows of milestone, window and gap labels above the axis. */
const MAX_FLAG_LANES = 4;
/** Past this many placed entries, one mark per pixel column keeps the markup bounded. */
const MAX_MARK_ELEMENTS = 2000;
const MAX_UNPLACED_LISTED = 12;
const MAX_LABEL_WIDTH = 240;
const MAX_TOOLTIP_LENGTH = 120;
const MIN_WIDTH = 320;
const MAX_WIDTH = 4096;
/** A stretch without entries is drawn as a gap from this many minutes (or longer, see `longGaps`). */
const MIN_GAP_MINUTES = 30;
const MAX_GAPS = 12;

/**
 * Draws a document's timeline as SVG markup: a time axis with ticks and day boundaries, each
 * entry a mark with a short label placed by its time in rows where labels never overlap, the
 * stated incident window shaded, detection, mitigation and resolution marked, long gaps
 * shaded, and entries without a usable time listed apart. Colours come from CSS variables
 * (VS Code theme colours, with fallbacks for a plain page); every text is a `<text>` element
 * with its content escaped. Pure and bounded: at most 2,000 mark elements and 10 label rows
 * whatever the number of entries, so the markup stays under 1 MB.
 */
export function drawTimeline(document: PostmortemDocument, options: DrawTimelineOptions = {}): TimelineDrawing {
  const entries = document.timeline.entries;
  if (entries.length === 0) {
    return { svg: '', marks: [], message: 'No timeline entries to draw: no line of the document reads as a timed entry.' };
  }
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Number.isFinite(options.width) ? options.width! : 960)));
  const items = readItems(document, entries, options.highlightLine);
  const placed = items.filter((item) => item.point !== undefined);
  const unplaced = items.filter((item) => item.point === undefined);
  const canvas = new Canvas(width);

  if (placed.length === 0) {
    const message = `Nothing to place on a time axis: no timeline entry has a time that can be read (${entries.length} listed apart).`;
    canvas.header(message);
    canvas.unplacedList(unplaced);
    return { svg: canvas.finish(`Timeline of ${entries.length} entries, none with a readable time`), marks: toMarks(items, canvas), message };
  }

  const axis = buildAxis(document, placed, width);
  const metrics = computeMetrics(document);
  const layout = layOut(axis, placed, metrics, document);

  canvas.header(headerText(axis, placed.length, unplaced.length, layout.unlabelled));
  canvas.drawPlot(axis, layout);
  canvas.unplacedList(unplaced);
  return { svg: canvas.finish(`Timeline of ${entries.length} entries`), marks: toMarks(items, canvas) };
}

/** An entry with what the drawing needs to know about it. */
interface Item {
  readonly index: number;
  readonly entry: TimelineEntry;
  readonly line: number;
  readonly point?: TimePoint;
  /** The description as plain text, whitespace collapsed. */
  readonly text: string;
  readonly time?: string;
  readonly current: boolean;
  /** The label as drawn or listed, set by the layout. */
  label?: string;
  /** Minutes from the axis's reference point, set with the axis. */
  offset?: number;
}

function readItems(document: PostmortemDocument, entries: readonly TimelineEntry[], highlightLine: number | undefined): Item[] {
  const lines = new LineIndex(document.text);
  return entries.map((entry, index) => {
    const line = lines.positionAt(entry.lineSpan.start).line;
    const lastLine = lines.positionAt(Math.max(entry.span.start, entry.span.end - 1)).line;
    const current = highlightLine !== undefined && highlightLine >= line && highlightLine <= lastLine;
    const time = describeEntryTime(entry) || undefined;
    return { index, entry, line, point: entryPoint(entry), text: plainText(entry.text), time, current };
  });
}

/** Markdown decoration and table pipes removed, whitespace collapsed, at most 400 units read. */
function plainText(text: string): string {
  const head = text.length > 400 ? text.slice(0, 400) : text;
  // Most entries are plain sentences: nothing to take off.
  if (!/[[*_`|\s\-–—:]{2}|[[*_`|]|[^\S ]|^[\s\-–—:*]|\s$/.test(head)) return head;
  return head
    // A link's text stops at the next bracket and its target at the next bracket or parenthesis,
    // so a line of unclosed brackets is read once, not once per bracket.
    .replace(/!?\[([^[\]]*)\]\([^()[\]]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    // Table pipes become spaces; the collapse below joins the spaces around them.
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:*]+/, '')
    .trim();
}

/** The time axis: minutes relative to a reference point, mapped onto the plot's x. */
interface Axis {
  /** The point offsets are measured from: an entry with a clock time, dated if any is. */
  readonly reference: TimePoint;
  /** Offsets in minutes from the reference: the drawn range. */
  readonly from: number;
  readonly to: number;
  /** Offsets of the earliest and latest entry. */
  readonly first: number;
  readonly last: number;
  readonly left: number;
  readonly right: number;
  /** Minutes from the reference to a point (zones converted as the metrics do). */
  offsetOf(point: TimePoint): number;
  x(offset: number): number;
  /** Wall-clock minutes on the parser's axis, in the reference's zone, of an offset. */
  wall(offset: number): number;
}

function buildAxis(document: PostmortemDocument, placed: readonly Item[], width: number): Axis {
  const points = placed.map((item) => item.point!);
  const reference = referencePoint(points)!;
  const offsetOf = (point: TimePoint) => minutesBetween(reference, point);
  const offsets = placed.map((item) => (item.offset = offsetOf(item.point!)));
  let first = Infinity;
  let last = -Infinity;
  for (const offset of offsets) {
    if (offset < first) first = offset;
    if (offset > last) last = offset;
  }
  // The stated window widens the range when it starts before the first entry or ends after
  // the last, unless it sits far from every entry (a date typed wrong would squash the axis).
  let low = first;
  let high = last;
  const reach = Math.max(last - first, 120) * 3;
  for (const point of [windowStartPoint(document.window), windowEndPoint(document.window)]) {
    if (!point) continue;
    const offset = offsetOf(point);
    if (offset >= first - reach && offset <= last + reach) {
      low = Math.min(low, offset);
      high = Math.max(high, offset);
    }
  }
  const span = Math.max(high - low, 30);
  const middle = (low + high) / 2;
  const from = middle - span / 2 - span * 0.03;
  const to = middle + span / 2 + span * 0.03;
  const left = PAD + 4;
  const right = width - PAD - 4;
  const scale = (right - left) / (to - from);
  return {
    reference,
    from,
    to,
    first,
    last,
    left,
    right,
    offsetOf,
    x: (offset) => left + (offset - from) * scale,
    wall: (offset) => reference.minutes + offset,
  };
}

/** A label above the axis: the window, a milestone or a gap. */
interface Flag {
  readonly text: string;
  readonly className: string;
  /** Where the text starts, its estimated width, and its row. */
  readonly start: number;
  readonly width: number;
  lane: number;
}

/** A vertical line across the plot (milestone) or a band (window, gap). */
interface Band {
  readonly className: string;
  readonly x1: number;
  readonly x2: number;
}

/** A mark of an entry on the plot. */
interface PlacedMark {
  readonly item: Item;
  readonly x: number;
  /** Row under the axis; `-1` for the dense row of unlabelled dots. */
  readonly lane: number;
  /** Label drawn right of the dot (`start`) or left of it (`end`), or none. */
  readonly anchor?: 'start' | 'end';
}

interface Layout {
  readonly flags: readonly Flag[];
  readonly flagLanes: number;
  readonly bands: readonly Band[];
  readonly milestones: readonly { readonly kind: string; readonly x: number }[];
  readonly marks: readonly PlacedMark[];
  readonly labelLanes: number;
  readonly denseRow: boolean;
  /** Drawn entries without a label, for the header. */
  readonly unlabelled: number;
}

const MILESTONES = [
  ['detected', 'Detected', 'timeToDetect'],
  ['mitigated', 'Mitigated', 'timeToMitigate'],
  ['resolved', 'Resolved', 'timeToResolve'],
] as const;

function layOut(axis: Axis, placed: readonly Item[], metrics: IncidentMetrics, document: PostmortemDocument): Layout {
  const inRange = (offset: number) => offset >= axis.from && offset <= axis.to;
  const flagCandidates: Omit<Flag, 'lane'>[] = [];
  const bands: Band[] = [];
  // Flags stay inside the drawing: cut to its width, moved in from either edge.
  const addFlag = (text: string, className: string, start: (width: number) => number) => {
    const bold = className.includes('pm-milestone-label');
    const fitted = fitText(text, axis.right - axis.left, FONT_SIZE, bold);
    const w = estimateTextWidth(fitted, FONT_SIZE, bold);
    flagCandidates.push({ text: fitted, className, start: Math.min(Math.max(PAD, start(w)), axis.right + 4 - w), width: w });
  };
  // Right of the line, unless that runs past the plot.
  const flagAt = (x: number, text: string, className: string) => addFlag(text, className, (w) => (x + 3 + w <= axis.right + 4 ? x + 3 : x - 3 - w));

  const windowStart = windowStartPoint(document.window);
  const windowEnd = windowEndPoint(document.window);
  if (windowStart || windowEnd) {
    const startOffset = windowStart ? axis.offsetOf(windowStart) : metrics.started && axis.offsetOf(metrics.started.point);
    const endOffset = windowEnd ? axis.offsetOf(windowEnd) : metrics.ended && axis.offsetOf(metrics.ended.point);
    if (startOffset !== undefined && endOffset !== undefined && endOffset >= startOffset && inRange(startOffset) && inRange(endOffset)) {
      const x1 = axis.x(startOffset);
      bands.push({ className: 'pm-window', x1, x2: Math.max(axis.x(endOffset), x1 + 1) });
      flagAt(x1, `Incident ${clockLabel(axis.wall(startOffset))}–${clockLabel(axis.wall(endOffset))}, ${formatDuration(endOffset - startOffset)}`, 'pm-window-label');
    }
  }

  const milestones: { kind: string; x: number }[] = [];
  for (const [kind, title, duration] of MILESTONES) {
    const milestone: Milestone | undefined = metrics[kind];
    if (!milestone) continue;
    const offset = axis.offsetOf(milestone.point);
    if (!inRange(offset)) continue;
    const x = axis.x(offset);
    milestones.push({ kind, x });
    const since = metrics[duration];
    flagAt(x, since === undefined ? title : `${title} ${since >= 0 ? '+' : ''}${formatDuration(since)}`, `pm-milestone-label pm-${kind}`);
  }

  for (const gap of longGaps(axis, placed, windowStart)) {
    const x1 = axis.x(gap.from);
    const x2 = axis.x(gap.to);
    bands.push({ className: 'pm-gap', x1, x2 });
    addFlag(`${formatDuration(gap.to - gap.from)} gap`, 'pm-gap-label', (w) => (x1 + x2) / 2 - w / 2);
  }

  const flagLanes = new Lanes(MAX_FLAG_LANES, 8);
  const flags: Flag[] = [];
  // Window and milestones first: a gap's label is the one left out when rows run short.
  for (const candidate of [...flagCandidates].sort((a, b) => priority(a) - priority(b) || a.start - b.start)) {
    const lane = flagLanes.place(candidate.start, candidate.start + candidate.width);
    if (lane >= 0) flags.push({ ...candidate, lane });
  }

  const { marks, labelLanes, denseRow, unlabelled } = placeMarks(axis, placed, metrics);
  return { flags, flagLanes: flagLanes.count, bands, milestones, marks, labelLanes, denseRow, unlabelled };
}

function priority(flag: Omit<Flag, 'lane'>): number {
  return flag.className === 'pm-gap-label' ? 1 : 0;
}

/** Stretches without entries of at least 30 minutes, a tenth of the span and 1.5 times the usual interval, longest first. */
function longGaps(axis: Axis, placed: readonly Item[], windowStart: TimePoint | undefined): { from: number; to: number }[] {
  const offsets = placed.map((item) => item.offset!);
  if (windowStart) {
    const offset = axis.offsetOf(windowStart);
    if (offset >= axis.from && offset <= axis.to) offsets.push(offset);
  }
  offsets.sort((a, b) => a - b);
  const intervals = offsets.slice(1).map((offset, i) => offset - offsets[i]!).sort((a, b) => a - b);
  const median = intervals.length > 0 ? intervals[Math.floor(intervals.length / 2)]! : 0;
  // Long for this timeline: entries a day apart make a day's pause ordinary.
  const least = Math.max(MIN_GAP_MINUTES, (axis.last - axis.first) / 10, median * 1.5);
  const gaps: { from: number; to: number }[] = [];
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i]! - offsets[i - 1]! >= least) gaps.push({ from: offsets[i - 1]!, to: offsets[i]! });
  }
  return gaps.sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, MAX_GAPS);
}

/**
 * Entry marks in label rows under the axis, in time order: each label goes to the first row
 * where it keeps clear of the row's last label; when every row is taken the dot goes without
 * its label (its tooltip keeps the text), and past that to one dense row of dots.
 */
function placeMarks(axis: Axis, placed: readonly Item[], metrics: IncidentMetrics): Pick<Layout, 'marks' | 'labelLanes' | 'denseRow' | 'unlabelled'> {
  const withX = placed.map((item) => ({ item, x: axis.x(item.offset!) }));
  withX.sort((a, b) => a.x - b.x || a.item.index - b.item.index);
  let drawn = withX;
  if (withX.length > MAX_MARK_ELEMENTS) {
    const milestoneEntries = new Set([metrics.detected?.entry, metrics.mitigated?.entry, metrics.resolved?.entry]);
    let lastColumn = -Infinity;
    drawn = withX.filter(({ item, x }) => {
      const column = Math.round(x);
      const keep = column !== lastColumn || item.current || milestoneEntries.has(item.entry);
      lastColumn = column;
      return keep;
    });
  }
  const lanes = new Lanes(MAX_LABEL_LANES, 6);
  const marks: PlacedMark[] = [];
  let denseRow = false;
  let unlabelled = 0;
  const maxLabel = Math.min(MAX_LABEL_WIDTH, (axis.right - axis.left) / 2);
  for (const { item, x } of drawn) {
    const label = fitText(item.text || item.time || '(entry)', maxLabel, FONT_SIZE);
    item.label = label;
    // The entry under the cursor is drawn in bold.
    const w = estimateTextWidth(label, FONT_SIZE, item.current);
    const rightward = x + DOT_RADIUS + 4 + w <= axis.right + PAD;
    const start = rightward ? x - DOT_RADIUS : x - DOT_RADIUS - 4 - w;
    const end = rightward ? x + DOT_RADIUS + 4 + w : x + DOT_RADIUS;
    let lane = lanes.place(start, end);
    if (lane >= 0) {
      marks.push({ item, x, lane, anchor: rightward ? 'start' : 'end' });
      continue;
    }
    unlabelled++;
    lane = lanes.place(x - DOT_RADIUS, x + DOT_RADIUS);
    if (lane < 0) denseRow = true;
    marks.push({ item, x, lane });
  }
  for (const { item } of withX) item.label ??= fitText(item.text || item.time || '(entry)', maxLabel, FONT_SIZE);
  return { marks, labelLanes: lanes.count, denseRow, unlabelled };
}

function headerText(axis: Axis, placedCount: number, unplacedCount: number, unlabelled: number): string {
  const parts = [`${placedCount} ${placedCount === 1 ? 'entry' : 'entries'}`];
  const first = axis.wall(axis.first);
  const last = axis.wall(axis.last);
  const sameDay = Math.floor(first / 1440) === Math.floor(last / 1440);
  const day = (m: number) => (axis.reference.dated || !sameDay ? `${longDayLabel(m, axis.reference.dated)} ` : '');
  parts.push(`${day(first)}${clockLabel(first)} – ${sameDay ? '' : day(last)}${clockLabel(last)} (${formatDuration(axis.last - axis.first)})`);
  if (axis.reference.zone) parts.push(`times in ${axis.reference.zone.name}`);
  if (unlabelled > 0) parts.push(`${unlabelled} unlabelled (hover a dot)`);
  if (unplacedCount > 0) parts.push(`${unplacedCount} not placed (below)`);
  return parts.join(' · ');
}

function toMarks(items: readonly Item[], canvas: Canvas): TimelineMark[] {
  return items.map((item) => {
    const mark: TimelineMark = {
      id: markId(item.index),
      line: item.line,
      label: item.label ?? fitText(item.text || '(entry)', MAX_LABEL_WIDTH, FONT_SIZE),
      time: item.point ? item.time : undefined,
      placed: item.point !== undefined,
    };
    if (!canvas.drawnIds.has(mark.id)) mark.omitted = true;
    return mark;
  });
}

function markId(index: number): string {
  return `pm-entry-${index}`;
}

/** The line of a milestone and its label in one chart colour. */
function milestoneColours(kind: string, chartColour: string, fallback: string): string[] {
  const colour = `var(--vscode-charts-${chartColour},${fallback})`;
  return [`.pm-timeline line.pm-${kind}{stroke:${colour}}`, `.pm-timeline text.pm-${kind}{fill:${colour}}`];
}

/**
 * The theme: VS Code's chart and editor colours, each with a fallback for a page outside VS
 * Code. Scoped to `.pm-timeline` so a page holding the drawing keeps its own styles.
 */
const STYLE = [
  '.pm-timeline text{font-family:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);font-size:11px;fill:var(--vscode-editor-foreground,#1f2328)}',
  '.pm-timeline .pm-header{font-weight:600}',
  '.pm-timeline .pm-muted{fill:var(--vscode-descriptionForeground,#59636e)}',
  '.pm-timeline .pm-axis{stroke:var(--vscode-editor-foreground,#1f2328);stroke-width:1}',
  '.pm-timeline .pm-grid{stroke:var(--vscode-charts-lines,rgba(128,128,128,.35));stroke-width:1}',
  '.pm-timeline line.pm-day{stroke:var(--vscode-charts-foreground,#59636e);stroke-width:1;stroke-dasharray:4 3}',
  '.pm-timeline text.pm-day{font-weight:700}',
  '.pm-timeline .pm-window{fill:var(--vscode-charts-red,#cf222e);fill-opacity:.09}',
  '.pm-timeline text.pm-window-label{fill:var(--vscode-charts-red,#cf222e)}',
  '.pm-timeline .pm-gap{fill:var(--vscode-charts-lines,rgba(128,128,128,.35));fill-opacity:.45}',
  '.pm-timeline text.pm-gap-label{fill:var(--vscode-descriptionForeground,#59636e);font-style:italic}',
  '.pm-timeline line.pm-milestone{stroke-width:2}',
  ...milestoneColours('detected', 'orange', '#bc4c00'),
  ...milestoneColours('mitigated', 'purple', '#8250df'),
  ...milestoneColours('resolved', 'green', '#1a7f37'),
  '.pm-timeline text.pm-milestone-label{font-weight:600}',
  '.pm-timeline .pm-leader{stroke:var(--vscode-charts-lines,rgba(128,128,128,.35));stroke-width:1}',
  '.pm-timeline .pm-rug{stroke:var(--vscode-charts-blue,#0969da);stroke-width:1}',
  '.pm-timeline .pm-mark{cursor:pointer;outline:none}',
  '.pm-timeline .pm-mark circle{fill:var(--vscode-charts-blue,#0969da);stroke:var(--vscode-editor-background,#fff);stroke-width:1}',
  '.pm-timeline .pm-label{paint-order:stroke;stroke:var(--vscode-editor-background,#fff);stroke-width:3px;stroke-linejoin:round}',
  '.pm-timeline .pm-mark:focus-visible circle,.pm-timeline .pm-current circle{stroke:var(--vscode-focusBorder,#0969da);stroke-width:3;r:6}',
  '.pm-timeline .pm-mark:focus-visible text,.pm-timeline .pm-current text{font-weight:700}',
  '.pm-timeline .pm-unplaced{cursor:pointer;outline:none}',
  '.pm-timeline .pm-unplaced:focus-visible text,.pm-timeline .pm-unplaced.pm-current text{font-weight:700;text-decoration:underline}',
].join('');

/** Accumulates the markup, top to bottom. */
class Canvas {
  readonly #width: number;
  readonly #parts: string[] = [];
  #y = PAD;
  readonly drawnIds = new Set<string>();

  constructor(width: number) {
    this.#width = width;
  }

  header(text: string): void {
    this.#text(PAD, this.#y + 12, fitText(text, this.#width - 2 * PAD, FONT_SIZE, true), 'pm-header');
    this.#y += 22;
  }

  drawPlot(axis: Axis, layout: Layout): void {
    const flagTop = this.#y;
    const ticksBaseline = flagTop + layout.flagLanes * ROW + 12;
    const axisY = ticksBaseline + 8;
    const laneTop = axisY + 8;
    const laneCenter = (lane: number) => laneTop + lane * ROW + ROW / 2;
    const denseCenter = laneCenter(layout.labelLanes);
    const bottom = laneTop + (layout.labelLanes + (layout.denseRow ? 1 : 0)) * ROW + 2;
    const parts = this.#parts;

    for (const band of layout.bands) {
      const top = band.className === 'pm-gap' ? axisY : flagTop;
      parts.push(`<rect class="${band.className}" x="${px(band.x1)}" y="${px(top)}" width="${px(band.x2 - band.x1)}" height="${px(bottom - top)}"/>`);
    }
    // Milestone lines under every text: tick and flag labels have a halo in the background colour.
    for (const milestone of layout.milestones) {
      parts.push(`<line class="pm-milestone pm-${milestone.kind}" x1="${px(milestone.x)}" y1="${px(flagTop)}" x2="${px(milestone.x)}" y2="${px(bottom)}"/>`);
    }
    const ticks = axisTicks(axis.wall(axis.from), axis.wall(axis.to), axis.right - axis.left, axis.reference.dated, FONT_SIZE);
    for (const tick of ticks) {
      const x = axis.x(tick.minutes - axis.reference.minutes);
      parts.push(`<line class="${tick.dayStart ? 'pm-day' : 'pm-grid'}" x1="${px(x)}" y1="${px(axisY - 4)}" x2="${px(x)}" y2="${px(bottom)}"/>`);
      const w = estimateTextWidth(tick.label, FONT_SIZE, tick.dayStart);
      // A label that would leave the drawing is left out; its line still shows.
      if (x - w / 2 < 0 || x + w / 2 > this.#width) continue;
      this.#text(x, ticksBaseline, tick.label, tick.dayStart ? 'pm-label pm-day' : 'pm-label pm-muted', 'middle');
    }
    parts.push(`<line class="pm-axis" x1="${px(axis.left)}" y1="${px(axisY)}" x2="${px(axis.right)}" y2="${px(axisY)}"/>`);

    for (const flag of layout.flags) this.#text(flag.start, flagTop + flag.lane * ROW + 12, flag.text, `pm-label ${flag.className}`);

    // Rug ticks on the axis and leader lines down to the dots, each as one path.
    const rug: string[] = [];
    const leaders: string[] = [];
    for (const mark of layout.marks) {
      const x = px(mark.x);
      rug.push(`M${x} ${px(axisY - 3)}V${px(axisY + 3)}`);
      const dotY = mark.lane < 0 ? denseCenter : laneCenter(mark.lane);
      if (layout.marks.length <= 300) leaders.push(`M${x} ${px(axisY + 3)}V${px(dotY - DOT_RADIUS)}`);
    }
    if (leaders.length > 0) parts.push(`<path class="pm-leader" d="${leaders.join('')}"/>`);
    parts.push(`<path class="pm-rug" d="${rug.join('')}"/>`);

    for (const mark of layout.marks) {
      const item = mark.item;
      const dotY = mark.lane < 0 ? denseCenter : laneCenter(mark.lane);
      const id = markId(item.index);
      this.drawnIds.add(id);
      const tooltip = clipText(`${item.time ?? ''} ${item.text}`.trim(), MAX_TOOLTIP_LENGTH);
      parts.push(
        `<g id="${id}" class="pm-mark${item.current ? ' pm-current' : ''}" data-line="${item.line}" tabindex="0" role="button">` +
          `<title>${escapeXml(tooltip)}</title><circle cx="${px(mark.x)}" cy="${px(dotY)}" r="${DOT_RADIUS}"/>`,
      );
      if (mark.anchor) {
        const textX = mark.anchor === 'start' ? mark.x + DOT_RADIUS + 4 : mark.x - DOT_RADIUS - 4;
        this.#text(textX, dotY + 4, item.label!, 'pm-label', mark.anchor);
      }
      parts.push('</g>');
    }
    this.#y = bottom + 8;
  }

  /** Entries without a place on the axis, one line each, with why. */
  unplacedList(unplaced: readonly Item[]): void {
    if (unplaced.length === 0) return;
    this.#text(PAD, this.#y + 12, `Not placed on the time axis (${unplaced.length}):`, 'pm-header');
    this.#y += 20;
    for (const item of unplaced.slice(0, MAX_UNPLACED_LISTED)) {
      const id = markId(item.index);
      this.drawnIds.add(id);
      const reason = unplacedReason(item.entry, item.time);
      const line = `Line ${item.line + 1}: ${item.text || '(no text)'}`;
      const text = fitText(`${line} — ${reason}`, this.#width - 2 * PAD, FONT_SIZE, item.current);
      item.label = fitText(item.text || '(entry)', MAX_LABEL_WIDTH, FONT_SIZE);
      this.#parts.push(`<g id="${id}" class="pm-unplaced${item.current ? ' pm-current' : ''}" data-line="${item.line}" tabindex="0" role="button">`);
      this.#text(PAD, this.#y + 12, text, 'pm-muted');
      this.#parts.push('</g>');
      this.#y += ROW;
    }
    if (unplaced.length > MAX_UNPLACED_LISTED) {
      this.#text(PAD, this.#y + 12, `… and ${unplaced.length - MAX_UNPLACED_LISTED} more`, 'pm-muted');
      this.#y += ROW;
    }
  }

  #text(x: number, y: number, text: string, className: string, anchor: 'start' | 'middle' | 'end' = 'start'): void {
    const anchorAttribute = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
    this.#parts.push(`<text class="${className}" x="${px(x)}" y="${px(y)}"${anchorAttribute}>${escapeXml(text)}</text>`);
  }

  finish(title: string): string {
    const height = Math.ceil(this.#y + PAD);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" class="pm-timeline" width="${this.#width}" height="${height}" viewBox="0 0 ${this.#width} ${height}" role="group" aria-label="${escapeXml(title)}">` +
      `<style>${STYLE}</style>${this.#parts.join('')}</svg>`
    );
  }
}

function unplacedReason(entry: TimelineEntry, time: string | undefined): string {
  if (entry.time && !entry.time.valid) return `the time ${time ? `“${time}” ` : ''}cannot be read`;
  if (!entry.time && !entry.date) return 'no time or date';
  return 'no time that lines up with the others';
}
