// Reads Mermaid diagrams the way Mermaid itself does, in Node: a JSON array of diagram texts
// (a ```mermaid fence around one is taken off) on standard input; on standard output, for each,
// the diagram type and the gantt tasks as Mermaid computed them, or the error Mermaid raised.
// Mermaid needs a DOM even to parse (its sanitizer looks for `window`), so jsdom stands in.
// Run in its own process so the DOM globals never reach the other tests; run with TZ=UTC so
// Mermaid's local-time dates read as written.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const diagrams = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const markdown of diagrams) {
  const text = markdown.replace(/^```mermaid\n/, '').replace(/\n```\n?$/, '\n');
  try {
    const { diagramType } = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const tasks =
      diagramType === 'gantt'
        ? diagram.db.getTasks().map((task) => ({
            name: task.task.trim(),
            section: task.section,
            start: task.startTime.toISOString(),
            end: task.endTime.toISOString(),
            milestone: Boolean(task.milestone),
            critical: Boolean(task.crit),
          }))
        : [];
    results.push({ ok: true, diagramType, title: diagram.db.getDiagramTitle?.() ?? '', tasks });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
