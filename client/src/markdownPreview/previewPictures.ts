import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { findProjectConfig } from '../projectConfig';
import { requestTimelinePicture } from '../timelinePicture';
import { pictureMarkup, timelinePicturePlugin, type MarkdownItLike, type PreviewPicture } from './timelinePicturePlugin';

/**
 * Feeds the Markdown preview's plugin with the server's drawings. markdown-it renders
 * synchronously and the server answers asynchronously, so a render shows the last drawing of the
 * document and, when the document has changed since, asks for a new one; when it arrives the
 * previews are refreshed, and the next render finds it. The server draws from the parse it
 * already holds for the open document: the client adds no parser and no renderer of its own.
 */

/** `postmortem.preview.timelinePicture` (or `preview.timelinePicture` in `.postmortem.json`): on by default. */
const settingSection = 'postmortem';
const settingKey = 'preview.timelinePicture';
/** About the width of the preview's text column beside an editor; a narrower one scales the picture down. */
const previewWidth = 720;

interface Drawn {
  readonly version: number;
  readonly picture: PreviewPicture | undefined;
  /** The setting in the document's `.postmortem.json`, which overrides the editor's. */
  readonly projectSetting: boolean | undefined;
}

/** `preview.timelinePicture` in a `.postmortem.json`, flat or nested; undefined when absent or unreadable. */
async function projectSetting(uri: vscode.Uri): Promise<boolean | undefined> {
  const found = await findProjectConfig(uri.toString()).catch(() => null);
  if (!found?.text) return undefined;
  try {
    const config = JSON.parse(found.text.replace(/^\uFEFF/, '')) as Record<string, unknown> | null;
    const value = config?.[settingKey] ?? (config?.['preview'] as Record<string, unknown> | undefined)?.['timelinePicture'];
    return typeof value === 'boolean' ? value : undefined;
  } catch {
    // The server reports an invalid file; here it only means no project setting.
    return undefined;
  }
}

/** Returns `extendMarkdownIt`, which VS Code calls with its markdown-it instance. */
export function registerPreviewPictures(context: vscode.ExtensionContext, client: BaseLanguageClient): (md: MarkdownItLike) => MarkdownItLike {
  const drawn = new Map<string, Drawn>();
  const asking = new Set<string>();

  const ask = async (document: vscode.TextDocument): Promise<void> => {
    const key = document.uri.toString();
    if (asking.has(key)) return;
    asking.add(key);
    const version = document.version;
    try {
      const [answer, inProject] = await Promise.all([requestTimelinePicture(client, document.uri, { width: previewWidth }), projectSetting(document.uri)]);
      const picture = pictureMarkup(answer);
      const before = drawn.get(key);
      drawn.set(key, { version, picture, projectSetting: inProject });
      if (before?.picture?.html !== picture?.html || before?.picture?.headingLine !== picture?.headingLine || before?.projectSetting !== inProject) {
        await vscode.commands.executeCommand('markdown.preview.refresh');
      }
    } catch {
      // The server is restarting or the document closed: the next render asks again.
    } finally {
      asking.delete(key);
    }
  };

  const pictureFor = (env: unknown): PreviewPicture | undefined => {
    // The Markdown extension's `vscode.Uri`: read through its string form, not by class.
    const current = (env as { currentDocument?: { scheme?: unknown } } | undefined)?.currentDocument;
    if (typeof current?.scheme !== 'string') return undefined;
    const key = String(current);
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === key);
    const last = drawn.get(key);
    if (document && last?.version !== document.version) void ask(document);
    const enabled = last?.projectSetting ?? vscode.workspace.getConfiguration(settingSection, vscode.Uri.parse(key)).get<boolean>(settingKey, true);
    return enabled ? last?.picture : undefined;
  };

  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((document) => drawn.delete(document.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingSection}.${settingKey}`)) void vscode.commands.executeCommand('markdown.preview.refresh');
    }),
  );
  return (md) => {
    timelinePicturePlugin(md, pictureFor);
    return md;
  };
}
