import * as path from 'node:path';
import type { PostmortemDocument } from '../core/model';
import { drawTimeline } from '../core/picture/drawTimeline';
import { mermaidTimeline } from '../core/picture/mermaidTimeline';
import { timelinePage } from '../core/picture/timelinePage';
import { createPostmortemService } from '../core/service';
import { exitCodes } from './exitCodes';
import { describeFileError } from './files';
import type { CliIo } from './io';

export const renderFormats = ['svg', 'html', 'mermaid'] as const;
export type RenderFormat = (typeof renderFormats)[number];

export interface RenderArguments {
  readonly file: string;
  readonly format: RenderFormat;
  /** Where to write; undefined: standard output. */
  readonly out?: string;
  /** Width of the drawing in px (svg and html). */
  readonly width?: number;
}

/** Parses `render`'s arguments; a string is the usage error to print. */
export function parseRenderArguments(args: readonly string[]): RenderArguments | string {
  let format: RenderFormat = 'svg';
  let out: string | undefined;
  let width: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const [name, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inlineValue ?? args[++i];
    const got = value === undefined ? 'nothing' : `"${value}"`;
    if (name === '--format') {
      if (!(renderFormats as readonly (string | undefined)[]).includes(value)) return `--format must be one of ${renderFormats.join(', ')} for render; got ${got}`;
      format = value as RenderFormat;
    } else if (name === '--out') {
      if (!value) return '--out needs a file';
      out = value;
    } else if (name === '--width') {
      const parsed = Number(value);
      if (!value || !Number.isInteger(parsed) || parsed < 320 || parsed > 4096) return `--width must be a whole number of pixels from 320 to 4096; got ${got}`;
      width = parsed;
    } else {
      return `unknown option ${arg}`;
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'render needs a file ("-" reads standard input)' : 'render draws one file';
  return { file: files[0]!, format, ...(out !== undefined ? { out } : {}), ...(width !== undefined ? { width } : {}) };
}

/**
 * `postmortem render`: draws the file's timeline as SVG, as an HTML page, or as a Mermaid
 * block, to standard output or `--out`. Nothing to draw (no timeline entries) is exit status 1
 * with the reason on stderr, and nothing is written.
 */
export async function runRender(args: RenderArguments, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = (await io.readSource(args.file === '-' ? '-' : path.resolve(io.cwd, args.file))).text;
  } catch (error) {
    io.stderr(`postmortem: cannot read ${args.file}: ${describeFileError(error)}\n`);
    return exitCodes.usageOrIo;
  }
  const document = createPostmortemService().parse(text);
  const title = documentTitle(document, args.file);
  let output: string;
  let message: string | undefined;
  if (args.format === 'mermaid') {
    const chart = mermaidTimeline(document, title);
    output = chart.markdown;
    message = chart.message;
  } else {
    const drawing = drawTimeline(document, args.width !== undefined ? { width: args.width } : {});
    message = drawing.message;
    output = drawing.svg === '' ? '' : args.format === 'svg' ? `${drawing.svg}\n` : timelinePage(drawing, title);
  }
  if (message) io.stderr(`postmortem: ${args.file}: ${message}\n`);
  if (output === '') return exitCodes.problemsFound;
  if (args.out === undefined) {
    io.stdout(output);
    return exitCodes.ok;
  }
  try {
    await io.writeOutputFile(path.resolve(io.cwd, args.out), output);
  } catch (error) {
    io.stderr(`postmortem: cannot write ${args.out}: ${describeFileError(error)}\n`);
    return exitCodes.usageOrIo;
  }
  return exitCodes.ok;
}

/** The document's title heading, else the file's name. */
function documentTitle(document: PostmortemDocument, file: string): string {
  const heading = document.allSections.find((section) => section.kind === 'title')?.title.trim();
  if (heading) return heading;
  return file === '-' ? 'Timeline' : `Timeline: ${path.basename(file)}`;
}
