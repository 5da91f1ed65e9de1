// What the timeline panel (client/src/timelinePanel.ts) and its webview script (timelineView.ts)
// say to each other, and the drawing they pass: types only, shared by both builds.

/** One timeline entry of a drawing (the server's `TimelineMark`). */
export interface TimelineMark {
  /** The SVG element id of the mark. */
  readonly id: string;
  /** Zero-based line of the entry in the document. */
  readonly line: number;
  readonly label: string;
  readonly time?: string;
  readonly placed: boolean;
}

/**
 * The answer to `postmortem/timelinePicture` (server/src/features/timelinePicture.ts): SVG markup,
 * the marks it holds, a message when there is nothing to draw, and the timeline heading's line.
 */
export interface TimelinePicture {
  readonly svg: string;
  readonly marks: readonly TimelineMark[];
  readonly message?: string;
  readonly headingLine?: number;
}

/** From the panel to the webview. */
export type PanelToView = { readonly type: 'drawing'; readonly picture: TimelinePicture };

/** From the webview to the panel. */
export type ViewToPanel =
  /** The page has loaded (and on every resize): the width it has for the drawing, in CSS pixels. */
  | { readonly type: 'ready'; readonly width: number }
  /** A mark was clicked (`focusEditor`) or chosen with Enter (the panel keeps the focus). */
  | { readonly type: 'reveal'; readonly line: number; readonly focusEditor: boolean }
  /** A drawing is on screen: the ids of its marks in the page, the highlighted one, any message shown. */
  | { readonly type: 'rendered'; readonly markIds: readonly string[]; readonly current?: string; readonly message?: string };
