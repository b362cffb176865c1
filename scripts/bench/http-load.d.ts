// Types of http-load.js for its spec (the bench itself is plain CommonJS run by node).
export function postRequest(path: string, headers: Record<string, string>, body: unknown): Buffer;

export class AnswerReader {
  push(chunk: Buffer): number[];
}

export interface LoadResult {
  statuses: Map<number, number>;
  latencies: Float64Array;
  startedAt: number;
  lastAnswerAt: number;
  seconds: number;
}

export function httpLoad(options: {
  host?: string;
  port: number;
  connections: number;
  requests: Buffer[];
}): Promise<LoadResult>;
