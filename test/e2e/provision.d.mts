// Types for provision.mjs, so TypeScript tests can use it.
export const CODE_SERVER_VERSION: string;
export class ProvisionError extends Error {}
export function codeServerPaths(root?: string): { installDir: string; entry: string; marker: string };
export function requireChromium(): string;
export function ensureCodeServer(options?: { log?: (line: string) => void }): { installDir: string; entry: string; marker: string };
