import type { PanelToView, TimelinePicture, ViewToPanel } from './messages';

// The script of the timeline panel's webview: shows the drawing the panel sends, turns clicks and
// keys on its marks into "reveal this line", and reports what it rendered. It runs under a CSP
// that allows only this script and styles carrying the page's nonce.

interface WebviewApi {
  postMessage(message: ViewToPanel): void;
}
declare function acquireVsCodeApi(): WebviewApi;

const vscode = acquireVsCodeApi();
const picture = document.getElementById('picture') as HTMLElement;
const note = document.getElementById('note') as HTMLElement;
// The drawing's own `<style>` would be refused by the CSP; its rules go into this nonce'd element.
const drawingStyle = document.getElementById('drawing-style') as HTMLStyleElement;

const markSelector = '[data-line]';

function marks(): HTMLElement[] {
  return Array.from(picture.querySelectorAll<HTMLElement>(markSelector));
}

function show(shown: TimelinePicture): void {
  const focusedId = document.activeElement instanceof Element && picture.contains(document.activeElement) ? document.activeElement.id : undefined;
  const svg = shown.svg ? new DOMParser().parseFromString(shown.svg, 'image/svg+xml').documentElement : undefined;
  if (svg && svg.nodeName === 'svg') {
    let rules = '';
    for (const style of Array.from(svg.querySelectorAll('style'))) {
      rules += style.textContent ?? '';
      style.remove();
    }
    drawingStyle.textContent = rules;
    picture.replaceChildren(document.importNode(svg, true));
    note.textContent = shown.message ?? '';
  } else {
    picture.replaceChildren();
    note.textContent = shown.message ?? (svg ? 'The drawing could not be read.' : 'Nothing to draw.');
  }
  // Typing redraws the picture: keep the keyboard where it was.
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  const current = picture.querySelector<HTMLElement>('.pm-current');
  current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const message = note.textContent || undefined;
  vscode.postMessage({ type: 'rendered', markIds: marks().map((mark) => mark.id), ...(current ? { current: current.id } : {}), ...(message ? { message } : {}) });
}

function reveal(mark: Element | null, focusEditor: boolean): void {
  const line = Number(mark?.getAttribute('data-line'));
  if (mark && Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'reveal', line, focusEditor });
}

/** Arrow keys move between marks in document order; Home and End go to the first and last. */
function moveFocus(from: Element, key: string): boolean {
  const all = marks();
  if (all.length === 0) return false;
  const at = all.indexOf(from as HTMLElement);
  const next =
    key === 'Home' ? 0 : key === 'End' ? all.length - 1 : key === 'ArrowRight' || key === 'ArrowDown' ? Math.min(all.length - 1, at + 1) : key === 'ArrowLeft' || key === 'ArrowUp' ? Math.max(0, at < 0 ? 0 : at - 1) : undefined;
  if (next === undefined) return false;
  all[next]?.focus();
  all[next]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}

picture.addEventListener('click', (event) => reveal((event.target as Element).closest(markSelector), true));
picture.addEventListener('keydown', (event) => {
  const mark = (event.target as Element).closest(markSelector);
  if (!mark) return;
  if (event.key === 'Enter' || event.key === ' ') {
    reveal(mark, false);
    event.preventDefault();
  } else if (moveFocus(mark, event.key)) {
    event.preventDefault();
  }
});

window.addEventListener('message', (event: MessageEvent<PanelToView>) => {
  if (event.data?.type === 'drawing') show(event.data.picture);
});

let reportedWidth: number | undefined;
/** Says the page is ready, and again when its width changes enough to draw anew. */
function reportWidth(): void {
  const width = Math.floor(picture.clientWidth);
  if (reportedWidth === undefined || Math.abs(width - reportedWidth) >= 16) {
    reportedWidth = width;
    vscode.postMessage({ type: 'ready', width });
  }
}
new ResizeObserver(reportWidth).observe(picture);
reportWidth();
