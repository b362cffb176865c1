// The Node flags the API runs with, as package.json's `start:prod` spells them: the bench starts
// the API with the same ones, so that it measures the command a deployment runs.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function apiNodeFlags(scripts = packageScripts()) {
  const words = scripts['start:prod'].split(/\s+/);
  if (words[0] !== 'node') throw new Error('start:prod must run node');
  return words.slice(1).filter((word) => word.startsWith('--'));
}

function packageScripts() {
  return JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')).scripts;
}

module.exports = { apiNodeFlags, packageScripts };
