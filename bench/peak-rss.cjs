// Preloaded into the processes the library bench measures: reports the process's peak resident
// memory (worker threads included) on stderr as it exits.
process.on('exit', () => process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS * 1024}\n`));
