// A minimal LSP client over a child process's stdio, built for measuring: it frames JSON-RPC
// itself (no client library in the timed path), answers the few server-to-client requests a
// server makes during a session, and reads the server's memory from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const headerSeparator = Buffer.from('\r\n\r\n');

export class LspClient {
  #child;
  #nextId = 1;
  #pending = new Map();
  #notificationWaiters = [];
  #buffer = Buffer.alloc(0);
  #exited;
  /** Settings returned for every `workspace/configuration` item. */
  settings;
  /**
   * Answers further server-to-client requests (the incident library's file reads): a promise of
   * the result, or undefined to leave the request to the built-in answers.
   * @type {((method: string, params: any) => Promise<unknown> | undefined) | undefined}
   */
  answerRequest;
  /** @type {((method: string, params: any, receivedAt: number) => void)[]} Called for every notification. */
  notificationListeners = [];
  /** The server's stderr (first 20,000 characters), for reporting a crash. */
  stderr = '';

  /**
   * @param {string} script server entry point, run with this Node binary and `--stdio`
   * @param {{ settings?: unknown, cwd?: string, nodeArgs?: string[] }} [options] `nodeArgs` go
   *   before the script, e.g. `--cpu-prof` to profile the server
   */
  constructor(script, options = {}) {
    this.settings = options.settings ?? null;
    this.spawnedAt = performance.now();
    this.#child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, '--stdio'], {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child.stdout.on('data', (chunk) => this.#receive(chunk));
    this.#child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
    this.#exited = new Promise((resolve) => this.#child.on('exit', (code, signal) => resolve({ code, signal })));
    this.#child.on('exit', () => {
      for (const { reject, method } of this.#pending.values()) reject(new Error(`server exited during ${method}`));
      this.#pending.clear();
    });
  }

  get pid() {
    return this.#child.pid;
  }

  /** Sends a request; resolves with `{ result, error, ms }`, `ms` from send to response. */
  request(method, params) {
    const id = this.#nextId++;
    const sentAt = performance.now();
    const promise = new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method, sentAt });
    });
    this.#send({ jsonrpc: '2.0', id, method, params });
    promise.id = id;
    return promise;
  }

  /** Sends a request and returns its id with the response promise, so it can be cancelled. */
  requestCancellable(method, params) {
    const id = this.#nextId;
    const response = this.request(method, params);
    return { id, response };
  }

  cancel(id) {
    this.notify('$/cancelRequest', { id });
  }

  notify(method, params) {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification of `method` matching `accept` that arrives from now on. */
  waitForNotification(method, accept = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const waiter = { method, accept, resolve, timer: undefined };
      waiter.timer = setTimeout(() => {
        this.#notificationWaiters = this.#notificationWaiters.filter((w) => w !== waiter);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#notificationWaiters.push(waiter);
    });
  }

  /** Resident set size now and its high-water mark, in bytes, from /proc (undefined elsewhere). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.#child.pid}/status`, 'utf8');
      const read = (key) => {
        const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
        return match ? Number(match[1]) * 1024 : undefined;
      };
      return { rss: read('VmRSS'), peak: read('VmHWM') };
    } catch {
      return { rss: undefined, peak: undefined };
    }
  }

  /** `shutdown` + `exit`; kills the process if it does not leave within `graceMs`. */
  async stop(graceMs = 3000) {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      try {
        await withTimeout(this.request('shutdown', null), graceMs, 'shutdown');
        this.notify('exit', null);
      } catch {
        // Unresponsive or already gone: the kill below ends it.
      }
      const exited = await withTimeout(this.#exited, graceMs, 'exit').catch(() => undefined);
      if (!exited) this.#child.kill('SIGKILL');
    }
    return this.#exited;
  }

  kill() {
    this.#child.kill('SIGKILL');
    return this.#exited;
  }

  #send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#child.stdin.write(body);
  }

  #receive(chunk) {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf(headerSeparator);
      if (headerEnd < 0) return;
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad header from server: ${header}`);
      const length = Number(match[1]);
      const bodyStart = headerEnd + headerSeparator.length;
      if (this.#buffer.length < bodyStart + length) return;
      const body = this.#buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      this.#dispatch(JSON.parse(body), performance.now());
    }
  }

  #dispatch(message, receivedAt) {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      pending.resolve({ result: message.result, error: message.error, ms: receivedAt - pending.sentAt, receivedAt });
      return;
    }
    if (message.id !== undefined) {
      const answered = this.answerRequest?.(message.method, message.params);
      if (answered) void answered.then((result) => this.#send({ jsonrpc: '2.0', id: message.id, result }));
      else this.#send({ jsonrpc: '2.0', id: message.id, result: this.#answer(message) });
      return;
    }
    for (const listener of this.notificationListeners) listener(message.method, message.params, receivedAt);
    const waiter = this.#notificationWaiters.find((w) => w.method === message.method && w.accept(message.params));
    if (waiter) {
      clearTimeout(waiter.timer);
      this.#notificationWaiters = this.#notificationWaiters.filter((w) => w !== waiter);
      waiter.resolve({ params: message.params, receivedAt });
    }
  }

  /** What an editor answers to the requests a server makes. */
  #answer(message) {
    if (message.method === 'workspace/configuration') {
      return (message.params?.items ?? []).map((item) => (item.section === 'postmortem' ? this.settings : null));
    }
    return null;
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
