import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, promises as fs, fstatSync, openSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A file as read: its text without a byte-order mark, whether it had one, and its exact bytes. */
export interface SourceText {
  readonly text: string;
  readonly bom: boolean;
  readonly bytes: Buffer;
}

/** Why a write was refused; the message is for the user. The file is left as it was. */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
}

/** Decodes UTF-8 bytes, setting a byte-order mark aside so columns match what an editor shows. */
export function decodeSource(bytes: Buffer): SourceText {
  const text = bytes.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, bytes };
}

/** The bytes of `text` written back as it was read: UTF-8, with the byte-order mark if it had one. */
export function encodeSource(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}

/** Whether writing the decoded text back would give the same bytes (false for invalid UTF-8). */
export function roundTrips(source: SourceText): boolean {
  return encodeSource(source.text, source.bom).equals(source.bytes);
}

export async function readSource(file: string): Promise<SourceText> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeSource(Buffer.concat(chunks));
  }
  return decodeSource(await fs.readFile(file));
}

/** A file read for the incident library, or why it was passed over. */
export type LibraryRead =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Invalid UTF-8 bytes were read as U+FFFD. */
      readonly invalidUtf8: boolean;
      /** Device and inode: the same file reached by two paths (a link) has the same identity. */
      readonly identity: string;
    }
  | { readonly kind: 'binary' | 'too-large' | 'unreadable'; readonly reason?: string };

/**
 * Reads a file for the incident library, which passes over what it cannot use instead of
 * stopping: a file past `maxCharacters` (UTF-16 units, as `postmortem.maxDocumentSize`) is
 * `too-large`, and one so far past it that its size alone says so is not even read; a NUL byte
 * in the first 8 KB makes it `binary`; a file that cannot be opened (permissions, a link loop,
 * a folder) is `unreadable`. Invalid UTF-8 is read as far as it goes, bad bytes replaced.
 */
export async function readLibraryFile(file: string, maxCharacters: number): Promise<LibraryRead> {
  let bytes: Buffer;
  let identity: string;
  try {
    // Synchronous: for thousands of small files the promise API's round trips through the
    // thread pool cost several times the reads. Opened without blocking, so a named pipe does
    // not wait for a writer, and checked through the open descriptor: one path lookup a file.
    const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = fstatSync(descriptor);
      identity = `${stat.dev}:${stat.ino}`;
      if (!stat.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
      // A UTF-16 unit takes at most three UTF-8 bytes.
      if (stat.size > maxCharacters * 3) return { kind: 'too-large' };
      bytes = readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return { kind: 'unreadable', reason: describeFileError(error) };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'binary' };
  const { text } = decodeSource(bytes);
  if (text.length > maxCharacters) return { kind: 'too-large' };
  return { kind: 'text', text, invalidUtf8: !isUtf8(bytes), identity };
}

/**
 * Replaces the file's contents with `after`, all at once: the new bytes go to a temporary file
 * in the same folder, which is then renamed over the file, so a reader (or a crash) sees either
 * the old file or the new one, never half of it. Refuses (throws {@link WriteRefused}, leaving
 * the file alone) when the file is read-only or no longer holds `before`: it changed on disk
 * since it was read. A symbolic link is followed: its target is replaced, the link stays. The
 * file's permission bits are kept.
 */
export async function replaceFileContents(file: string, before: Buffer, after: Buffer): Promise<void> {
  const target = await fs.realpath(file);
  const stat = await fs.stat(target);
  // Checked on the mode bits, not with access(): root may write anywhere, but a file marked
  // read-only says its owner does not want it changed.
  if ((stat.mode & 0o222) === 0) throw new WriteRefused('the file is read-only');
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, after, { flag: 'wx', mode: stat.mode & 0o777 });
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new WriteRefused(`cannot write in ${folder}: ${describeFileError(error)}`);
  }
  try {
    await fs.chmod(temporary, stat.mode & 0o7777);
    const current = await fs.readFile(target);
    if (!current.equals(before)) throw new WriteRefused('it changed on disk since it was read');
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if (error instanceof WriteRefused) throw error;
    throw new WriteRefused(describeFileError(error));
  }
}

/** Writes a new file; refuses (throws {@link WriteRefused}) when something is already there. */
export async function createFile(file: string, contents: string): Promise<void> {
  try {
    await fs.writeFile(file, contents, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteRefused('it already exists; not overwritten');
    throw new WriteRefused(describeFileError(error));
  }
}

/** Writes a generated file (`render --out`), replacing one that is there. */
export async function writeOutputFile(file: string, contents: string): Promise<void> {
  await fs.writeFile(file, contents);
}

/** A short reason for a file-system error, for messages. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  return error instanceof Error ? error.message : String(error);
}
