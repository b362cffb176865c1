// `node -r ./test/support/ts-register.js apps/relay/src/main.ts`: runs TypeScript sources in a
// child process without a build (tests spawn the relay this way, so they never depend on a stale
// or broken dist/). Transpiles file by file, as ts-jest does, and maps the @pass/* aliases.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const ts = require('typescript');

const root = join(__dirname, '../..');
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = /^@pass\/([^/]+)(\/.*)?$/.exec(request);
  const target = alias ? join(root, 'libs', alias[1], 'src', alias[2] || '') : request;
  return resolve.call(this, target, ...rest);
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions,
  });
  module._compile(outputText, filename);
};
