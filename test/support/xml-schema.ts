import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PAIN_001_001_03_XSD = join(__dirname, '../fixtures/iso20022/pain.001.001.03.xsd');

/** Validates a document with xmllint (Debian's libxml2-utils): the errors, or [] when valid. */
export function schemaErrors(xml: string, xsdPath = PAIN_001_001_03_XSD): string[] {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(
      `xmllint is needed to validate XML (apt-get install libxml2-utils): ${run.error.message}`,
    );
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((line) => line.trim() && !line.endsWith('fails to validate'));
}
