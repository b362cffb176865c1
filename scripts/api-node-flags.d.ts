// Types of api-node-flags.js for its spec (scripts are plain CommonJS run by node).
export function apiNodeFlags(scripts?: Record<string, string>): string[];
export function packageScripts(): Record<string, string>;
