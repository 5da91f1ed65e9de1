// Types for webWorkbench.mjs, so the TypeScript UI journey can use it.
export const repoRoot: string;
export function provisionWebBuild(): { location: string; version: string; commit: string };
export function startWebServer(options: { folder: string; extensionTestsPath?: string }): Promise<{ url: string; version: string; close(): Promise<void> }>;
