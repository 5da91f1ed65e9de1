// `node:assert/strict` for the suite bundled into the browser: the `assert` package's strict mode.
module.exports = require('assert').strict;
