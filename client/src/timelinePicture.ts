import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { TimelinePicture } from './webview/messages';

/** The server's request (server/src/features/timelinePicture.ts). */
export const timelinePictureMethod = 'postmortem/timelinePicture';

/** Asks the server to draw the timeline of an open document. */
export function requestTimelinePicture(
  client: BaseLanguageClient,
  uri: vscode.Uri,
  options: { highlightLine?: number; width?: number } = {},
): Promise<TimelinePicture> {
  return client.sendRequest(timelinePictureMethod, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
    ...(options.highlightLine === undefined ? {} : { highlightLine: options.highlightLine }),
    ...(options.width === undefined ? {} : { width: options.width }),
  });
}
