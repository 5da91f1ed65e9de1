import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { newNonce, timelinePageHtml } from './timelinePage';
import { requestTimelinePicture } from './timelinePicture';
import type { PanelToView, TimelinePicture, ViewToPanel } from './webview/messages';

/**
 * **Postmortem: Show Timeline**: a webview beside the editor with the drawing of the document's
 * timeline. The server draws it (`postmortem/timelinePicture`) from the parse it already keeps, so
 * it follows every edit; the webview only shows it and reports clicks and keys.
 */

const viewType = 'postmortem.timeline';
/** How long typing or moving the cursor must pause before the picture is asked for again. */
const redrawDelayMs = 120;

/** What the panel last showed and what its page reported, for the extension-host tests. */
export interface TimelinePanelState {
  readonly documentUri: string;
  readonly picture?: TimelinePicture;
  readonly rendered?: Extract<ViewToPanel, { type: 'rendered' }>;
}

export class TimelinePanel {
  static #current: TimelinePanel | undefined;

  readonly #client: BaseLanguageClient;
  readonly #panel: vscode.WebviewPanel;
  readonly #disposables: vscode.Disposable[] = [];
  #document: vscode.TextDocument;
  #width: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ready = false;
  #request = 0;
  #picture: TimelinePicture | undefined;
  #rendered: TimelinePanelState['rendered'];

  /** Shows the panel for `document` beside its editor, creating it or moving it to this document. */
  static show(extensionUri: vscode.Uri, client: BaseLanguageClient, document: vscode.TextDocument): TimelinePanel {
    const current = TimelinePanel.#current;
    if (current) {
      current.#show(document);
      current.#panel.reveal(undefined, true);
      return current;
    }
    const scripts = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      viewType,
      'Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [scripts] },
    );
    panel.webview.html = timelinePageHtml(panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'timelineView.js')).toString(), newNonce());
    TimelinePanel.#current = new TimelinePanel(client, panel, document);
    return TimelinePanel.#current;
  }

  static get current(): TimelinePanel | undefined {
    return TimelinePanel.#current;
  }

  private constructor(client: BaseLanguageClient, panel: vscode.WebviewPanel, document: vscode.TextDocument) {
    this.#client = client;
    this.#panel = panel;
    this.#document = document;
    this.#setTitle();
    this.#disposables.push(
      panel.onDidDispose(() => this.#dispose()),
      panel.webview.onDidReceiveMessage((message: ViewToPanel) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.#document) this.#redrawSoon();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.#document) this.#redrawSoon();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document !== this.#document) void this.#followIfTimeline(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (closed === this.#document) panel.dispose();
      }),
    );
  }

  /** What the panel shows and its page reported last. */
  get state(): TimelinePanelState {
    return { documentUri: this.#document.uri.toString(), picture: this.#picture, rendered: this.#rendered };
  }

  /** Handles a message of the page; the tests send the ones a click sends through here too. */
  async receive(message: ViewToPanel): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.#ready = true;
        this.#width = message.width > 0 ? message.width : undefined;
        await this.#redraw();
        return;
      case 'rendered':
        this.#rendered = message;
        return;
      case 'reveal':
        await this.#reveal(message.line, message.focusEditor);
        return;
    }
  }

  #show(document: vscode.TextDocument): void {
    if (document === this.#document) return;
    this.#document = document;
    this.#picture = undefined;
    this.#rendered = undefined;
    this.#setTitle();
    void this.#redraw();
  }

  /**
   * Moves to `document` when it has a timeline, as the Markdown preview follows the active
   * editor; a README or a log opened meanwhile leaves the picture as it is.
   */
  async #followIfTimeline(document: vscode.TextDocument): Promise<void> {
    const picture = await requestTimelinePicture(this.#client, document.uri, { width: this.#width }).catch(() => undefined);
    const hasTimeline = picture !== undefined && (picture.marks.length > 0 || picture.headingLine !== undefined);
    if (hasTimeline && vscode.window.activeTextEditor?.document === document && TimelinePanel.#current === this) this.#show(document);
  }

  #setTitle(): void {
    const name = this.#document.uri.path.split('/').pop() || this.#document.uri.toString(true);
    this.#panel.title = `Timeline: ${name}`;
  }

  /** The editor showing the document, the active one first. */
  #editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document === this.#document) return active;
    return vscode.window.visibleTextEditors.find((editor) => editor.document === this.#document);
  }

  #redrawSoon(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#redraw(), redrawDelayMs);
  }

  async #redraw(): Promise<void> {
    if (!this.#ready) return;
    const request = ++this.#request;
    const highlightLine = this.#editor()?.selection.active.line;
    let picture: TimelinePicture;
    try {
      picture = await requestTimelinePicture(this.#client, this.#document.uri, { highlightLine, width: this.#width });
    } catch (error) {
      picture = { svg: '', marks: [], message: `The timeline could not be drawn: ${error instanceof Error ? error.message : String(error)}` };
    }
    // An answer overtaken by a newer request (typing went on) is dropped.
    if (request !== this.#request || !TimelinePanel.#current) return;
    this.#picture = picture;
    await this.#panel.webview.postMessage({ type: 'drawing', picture } satisfies PanelToView);
  }

  async #reveal(line: number, focusEditor: boolean): Promise<void> {
    if (!Number.isInteger(line) || line < 0 || line >= this.#document.lineCount) return;
    const start = new vscode.Position(line, 0);
    const selection = new vscode.Selection(start, start);
    const shown = this.#editor();
    // The editor beside the panel if one shows the document, else a new one in the first group.
    const editor = await vscode.window.showTextDocument(this.#document, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: !focusEditor,
      selection,
    });
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  #dispose(): void {
    clearTimeout(this.#timer);
    if (TimelinePanel.#current === this) TimelinePanel.#current = undefined;
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
  }
}

/** Registers **Show Timeline** and the commands the extension-host tests reach the panel with. */
export function registerTimelinePanel(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.showTimeline', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a postmortem to show its timeline.');
        return;
      }
      TimelinePanel.show(context.extensionUri, client, editor.document);
    }),
    // Not contributed (the leading `_` keeps them out of the palette): the page's DOM is out of
    // the tests' reach, so they read what it reported and send what a click would send.
    vscode.commands.registerCommand('_postmortem.timelinePanel.state', () => TimelinePanel.current?.state),
    vscode.commands.registerCommand('_postmortem.timelinePanel.receive', (message: ViewToPanel) => TimelinePanel.current?.receive(message)),
  );
}
