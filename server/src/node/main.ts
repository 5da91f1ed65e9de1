import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { collectGarbageWhenIdle, tuneGarbageCollector } from './memory';
import { findProjectConfigForUri } from './projectConfig';
import { nodeWorkspaceFiles } from './workspaceFiles';

// VS Code starts the server with --node-ipc; other editors usually pass --stdio. Run bare from a
// terminal or an editor config that forgot the flag, stdio is the only sensible choice.
const transportFlags = ['--node-ipc', '--stdio', '--socket', '--pipe'];
if (!process.argv.some((arg) => transportFlags.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
  process.argv.push('--stdio');
}

tuneGarbageCollector();
startServer(createConnection(), {
  loadProjectConfig: findProjectConfigForUri,
  largeDocumentWork: collectGarbageWhenIdle(),
  workspaceFiles: nodeWorkspaceFiles,
});
