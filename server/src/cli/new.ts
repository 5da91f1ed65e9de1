import * as path from 'node:path';
import { postmortemTemplates } from '../core/authoring/snippetCatalog';
import { expandSnippet, snippetTimeVariables } from '../core/authoring/snippetSyntax';
import { exitCodes } from './exitCodes';
import { describeFileError, WriteRefused } from './files';
import type { CliIo } from './io';

/** `--template` names and the snippet catalog's template ids (the names `postmortem.profile` uses). */
export const templateNames = Object.freeze({ holberton: 'holberton', 'google-sre': 'sre', pagerduty: 'pagerduty' } as const);

type TemplateName = keyof typeof templateNames;

export interface NewArguments {
  readonly template: TemplateName;
  readonly format: 'md' | 'txt';
  /** Where to write; undefined: standard output. */
  readonly file?: string;
}

/** Parses `new`'s arguments; a string is the usage error to print. */
export function parseNewArguments(args: readonly string[]): NewArguments | string {
  let template: TemplateName | undefined;
  let format: 'md' | 'txt' | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inlineValue ?? args[++i];
    if (name === '--template') {
      const given = value();
      if (given === undefined || !Object.prototype.hasOwnProperty.call(templateNames, given)) {
        return `--template must be one of ${Object.keys(templateNames).join(', ')}; got ${given === undefined ? 'nothing' : `"${given}"`}`;
      }
      template = given as TemplateName;
    } else if (name === '--format') {
      const given = value();
      if (given !== 'md' && given !== 'txt') return `--format must be md or txt for new; got ${given === undefined ? 'nothing' : `"${given}"`}`;
      format = given;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else {
      files.push(arg);
    }
  }
  if (template === undefined) return `new needs --template (${Object.keys(templateNames).join(', ')})`;
  if (files.length > 1) return 'new writes one file';
  const file = files[0] === '-' ? undefined : files[0];
  // Without --format, the file's extension decides: a .txt file gets plain-text headings.
  const chosen = format ?? (file !== undefined && /\.txt$/i.test(file) ? 'txt' : 'md');
  return { template, format: chosen, ...(file !== undefined ? { file } : {}) };
}

/** The text of a new postmortem: the template with its placeholders' defaults and today's date and time filled in. */
export function newPostmortemText(args: NewArguments, now: { epochMs: number; utcOffsetMinutes: number }): string {
  const id = templateNames[args.template];
  const flavor = args.format === 'txt' ? 'plaintext' : 'markdown';
  const template = postmortemTemplates().find((t) => t.id === id && t.flavor === flavor);
  if (!template) throw new Error(`the snippet catalog has no ${flavor} template "${id}"`);
  const text = expandSnippet(template.body, { variables: snippetTimeVariables(new Date(now.epochMs), now.utcOffsetMinutes) });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** `postmortem new`: writes the template to the file (never over an existing one) or to standard output. */
export async function runNew(args: NewArguments, io: CliIo): Promise<number> {
  const text = newPostmortemText(args, io.now());
  if (args.file === undefined) {
    io.stdout(text);
    return exitCodes.ok;
  }
  try {
    await io.createFile(path.resolve(io.cwd, args.file), text);
  } catch (error) {
    io.stderr(`postmortem: cannot create ${args.file}: ${error instanceof WriteRefused ? error.message : describeFileError(error)}\n`);
    return exitCodes.usageOrIo;
  }
  io.stderr(`Created ${args.file} from the ${args.template} template.\n`);
  return exitCodes.ok;
}
