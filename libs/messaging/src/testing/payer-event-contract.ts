import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const ASYNCAPI_PATH = join(__dirname, '../../../../docs/asyncapi.yaml');

/** A Kafka record as a consumer sees it, headers decoded to strings. */
export interface ReceivedRecord {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly value: unknown;
}

interface AsyncApiMessage {
  name: string;
  headers: unknown;
  payload: unknown;
  bindings: { kafka: { key: unknown } };
}

/**
 * The contract of docs/asyncapi.yaml as validators: each message type's key, headers and payload
 * schemas, compiled with Ajv in strict mode (a typo in a schema keyword fails here too).
 */
export class PayerEventContract {
  private readonly validators = new Map<
    string,
    { key: ValidateFunction; headers: ValidateFunction; payload: ValidateFunction }
  >();

  constructor(path: string = ASYNCAPI_PATH) {
    const document = parse(readFileSync(path, 'utf8')) as {
      components: { schemas: Record<string, unknown>; messages: Record<string, AsyncApiMessage> };
    };
    // AsyncAPI refers to `#/components/schemas/X`; Ajv gets them as the `$defs` of one schema.
    const rewrite = <T>(value: T): T =>
      JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"asyncapi#/$defs/'));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'asyncapi', $defs: rewrite(document.components.schemas) });
    for (const message of Object.values(document.components.messages)) {
      this.validators.set(message.name, {
        key: ajv.compile(rewrite(message.bindings.kafka.key) as object),
        headers: ajv.compile(rewrite(message.headers) as object),
        payload: ajv.compile(rewrite(message.payload) as object),
      });
    }
  }

  get types(): string[] {
    return [...this.validators.keys()];
  }

  /** The contract violations of one record; [] when it conforms. */
  violations(record: ReceivedRecord): string[] {
    const type = record.headers.ce_type;
    const validators = this.validators.get(type);
    if (!validators) return [`unknown ce_type ${JSON.stringify(type)}`];
    const problems: string[] = [];
    for (const part of ['key', 'headers', 'payload'] as const) {
      const validate = validators[part];
      const value = part === 'payload' ? record.value : record[part];
      if (!validate(value))
        problems.push(
          ...(validate.errors ?? []).map((error) => `${type} ${part}${error.instancePath} ${error.message}`),
        );
    }
    return problems;
  }
}
