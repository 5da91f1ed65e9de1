import { RequestType } from 'vscode-languageserver';
import { drawTimeline, type DrawTimelineOptions, type TimelineDrawing } from '../core/picture/drawTimeline';
import { throwIfCancelled, type Feature } from '../feature';

/** What a client asks for: the document, and optionally the cursor's line and the width to draw. */
export interface TimelinePictureParams {
  readonly textDocument: { readonly uri: string };
  /** Zero-based line of the cursor: the entry on it is drawn highlighted. */
  readonly highlightLine?: number;
  /** Width in CSS pixels of the drawing area. */
  readonly width?: number;
}

/**
 * The drawing of a document's timeline (`TimelineDrawing`), plus where its heading is, so a
 * Markdown preview can put the picture under it.
 */
export interface TimelinePicture extends TimelineDrawing {
  /** Zero-based line of the timeline's heading; absent when the entries have no heading. */
  readonly headingLine?: number;
}

/**
 * `postmortem/timelinePicture`: the timeline of an open document as an SVG drawing. Any client
 * can ask; VS Code shows it in a webview beside the editor and in the Markdown preview.
 */
export namespace TimelinePictureRequest {
  export const method = 'postmortem/timelinePicture';
  export const type = new RequestType<TimelinePictureParams, TimelinePicture, void>(method);
}

/** The drawing options a request asks for, with anything malformed left out (the params are untrusted; the core bounds the width). */
export function drawOptions(params: TimelinePictureParams): DrawTimelineOptions {
  const { highlightLine, width } = params as { highlightLine?: unknown; width?: unknown };
  return {
    ...(typeof highlightLine === 'number' && Number.isInteger(highlightLine) && highlightLine >= 0 ? { highlightLine } : {}),
    ...(typeof width === 'number' && Number.isFinite(width) ? { width } : {}),
  };
}

const notAPostmortem: TimelinePicture = { svg: '', marks: [], message: 'Not a postmortem: there is no timeline to draw.' };

/** The timeline picture, drawn by the core from the document's cached parse. */
export const timelinePictureFeature: Feature = {
  name: 'timelinePicture',
  // Announced so a client can tell whether it may ask.
  capabilities: () => ({ experimental: { timelinePicture: true } }),
  register({ connection, documents }) {
    connection.onRequest(TimelinePictureRequest.type, async (params, token): Promise<TimelinePicture> => {
      const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
      const served = typeof uri === 'string' ? await documents.get(uri) : undefined;
      throwIfCancelled(token);
      if (!served) return notAPostmortem;
      const drawing = drawTimeline(served.model, drawOptions(params));
      // The section the entries were read from; without entries, the first timeline heading.
      const { timeline, allSections } = served.model;
      const heading = (timeline.section ?? allSections.find((section) => section.kinds.includes('timeline')))?.headingSpan;
      return heading ? { ...drawing, headingLine: served.textDocument.positionAt(heading.start).line } : drawing;
    });
  },
};
