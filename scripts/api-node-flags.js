// The Node flags the API runs with, as package.json's `start:prod` spells them: the bench starts
// the API with the same ones, so that it measures the command a deployment runs.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function apiNodeFlags(scripts = packageScripts()) {
  const [command, ...words] = scripts['start:prod'].split(/\s+/);
  if (command !== 'node') throw new Error('start:prod must run node');
  // Node's own flags come before the script; what follows the script is the script's.
  const script = words.findIndex((word) => !word.startsWith('-'));
  return script < 0 ? words : words.slice(0, script);
}

function packageScripts() {
  return JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).scripts;
}

module.exports = { apiNodeFlags, packageScripts };
