#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../lib/src/cli/main.js');
} catch (e) {
  process.stderr.write("Erreur : l'outil n'est pas compilé. Lancez « npm run build:cli » (ou « npm ci ») puis recommencez.\n");
  process.exit(1);
}
// A closed pipe (agora … | head) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
