import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// The bench is plain CommonJS (run by node without a build); its generator is tested from here.
import { AnswerReader, httpLoad, postRequest } from './http-load';

describe('the lean load generator', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(`${request.headers['idempotency-key']} ${body}`);
        const { n } = JSON.parse(body) as { n: number };
        if (n === -1) return request.socket.destroy();
        const answer = JSON.stringify({ n, padding: 'x'.repeat(n * 10) });
        response.writeHead(n % 3 === 0 ? 409 : 201, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(answer),
        });
        response.end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (received.length = 0));

  it('sends every request once over its connections and counts each answer by status', async () => {
    const requests = Array.from({ length: 200 }, (_, n) =>
      postRequest('/x', { 'Idempotency-Key': `k${n}` }, { n }),
    );
    const result = await httpLoad({ port, connections: 7, requests });
    expect([...received].sort()).toEqual(Array.from({ length: 200 }, (_, n) => `k${n} {"n":${n}}`).sort());
    expect(Object.fromEntries(result.statuses)).toEqual({ 201: 133, 409: 67 });
    expect(result.latencies.every((ms: number) => ms > 0)).toBe(true);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('fails when the server drops a connection before answering', async () => {
    const requests = [0, 1, -1, 2, 4].map((n) => postRequest('/x', {}, { n }));
    await expect(httpLoad({ port, connections: 1, requests })).rejects.toThrow(/got no answer/);
  });

  it('reads an answer split across reads, and two answers in one read', () => {
    const reader = new AnswerReader();
    const answer = 'HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello';
    expect(reader.push(Buffer.from(answer.slice(0, 20)))).toEqual([]);
    expect(reader.push(Buffer.from(answer.slice(20, -2)))).toEqual([]);
    expect(reader.push(Buffer.from(answer.slice(-2)))).toEqual([201]);
    const refused = answer.replace('201 Created', '409 Conflict');
    expect(reader.push(Buffer.from(answer + refused))).toEqual([201, 409]);
  });

  it('refuses a chunked answer, whose end it cannot tell', () => {
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n';
    expect(() => new AnswerReader().push(Buffer.from(chunked))).toThrow(/chunked/);
  });
});
