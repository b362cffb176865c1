import { storage } from 'nestjs-pino/storage';

// The real pino-http, with the requests its middlewares see counted (read only when they run).
const mockPinoHttpSeen = { requests: 0 };
jest.mock('pino-http', () => {
  const actual = jest.requireActual('pino-http');
  const pinoHttp = (...args: unknown[]) => {
    const middleware = actual.pinoHttp(...args);
    const counted = (...request: unknown[]) => {
      mockPinoHttpSeen.requests++;
      return middleware(...request);
    };
    return Object.assign(counted, middleware);
  };
  return { ...actual, pinoHttp };
});
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly req?: { id?: unknown; method?: string; url?: string; headers?: Record<string, unknown> };
  readonly res?: { statusCode?: number };
  readonly err?: { message?: string };
}

/** The app on PGlite at this log level, its log lines parsed into `lines`. */
function startLoggingApp(level: string, lines: LogLine[]): Promise<TestApp> {
  return startTestApp(
    'pglite',
    { LOG_LEVEL: level },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
}

describe('logs', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    t = await startLoggingApp('info', lines);
  });
  afterAll(() => t.close());

  const requestLines = (url: string) => lines.filter((line) => line.req?.url === url && line.res);

  it('logs each answered request once, with its status and without its bearer token', async () => {
    await t
      .http()
      .post('/v1/redemptions')
      .set('Authorization', 'Bearer not-a-token')
      .send({ qr: 'x' })
      .expect(401);
    const line = await eventually(async () => requestLines('/v1/redemptions')[0], 5_000, 'the request line');
    expect(requestLines('/v1/redemptions')).toHaveLength(1);
    expect(line).toMatchObject({ req: { method: 'POST' }, res: { statusCode: 401 } });
    expect(line.req?.headers?.authorization).toBe('[Redacted]');
    expect(JSON.stringify(lines)).not.toContain('not-a-token');
  });

  it('leaves health checks out of the request log', async () => {
    const seenBefore = mockPinoHttpSeen.requests;
    await t.http().get('/v1/keys').expect(200);
    expect(mockPinoHttpSeen.requests).toBe(seenBefore + 1);
    await t.http().get('/health').expect(200);
    await eventually(async () => requestLines('/v1/keys')[0], 5_000, 'the request line');
    expect(requestLines('/health')).toEqual([]);
  });

  it("runs no request inside nestjs-pino's AsyncLocalStorage, whose promise hooks cost every promise", async () => {
    await t.http().get('/v1/keys').expect(200);
    // Node 20's AsyncLocalStorage turns `enabled` on at its first run (an internal field; Node 24
    // builds the storage on AsyncContextFrame and has no such cost to guard against).
    expect((storage as unknown as { enabled?: boolean }).enabled).not.toBe(true);
  });

  it('logs an unexpected error with the request it broke', async () => {
    const payer = await t.token('payer', '200054781');
    const url = '/v1/programmes/0b9c7a1e-1111-4222-8333-444455556666';
    await t.store.close(); // the database goes away under the service
    const answer = await t.http().get(url).set('Authorization', `Bearer ${payer}`);
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'internal' });
    const error = await eventually(
      async () => lines.find((line) => line.level === 50),
      5_000,
      'the error line',
    );
    const request = await eventually(async () => requestLines(url)[0], 5_000, 'the request line');
    expect(error).toMatchObject({ msg: 'unexpected error', req: { method: 'GET', url } });
    expect(error.err?.message).toEqual(expect.any(String));
    expect(error.req?.id).toBe(request.req?.id);
    expect(request.res?.statusCode).toBe(500);
  });
});

describe('logs at a level above info', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    t = await startLoggingApp('warn', lines);
  });
  afterAll(() => t.close());

  it('writes no request line and leaves pino-http, which binds a logger to every request, out', async () => {
    const seenBefore = mockPinoHttpSeen.requests;
    await t.http().get('/v1/keys').expect(200);
    expect(lines.filter((line) => line.req)).toEqual([]);
    expect(mockPinoHttpSeen.requests).toBe(seenBefore);
  });

  it('still logs an unexpected error with the request it broke, its bearer token redacted', async () => {
    const payer = await t.token('payer', '200054781');
    const url = '/v1/programmes/0b9c7a1e-1111-4222-8333-444455556666';
    await t.store.close();
    const answer = await t.http().get(url).set('Authorization', `Bearer ${payer}`);
    expect(answer.status).toBe(500);
    const error = await eventually(
      async () => lines.find((line) => line.level === 50),
      5_000,
      'the error line',
    );
    expect(error).toMatchObject({ msg: 'unexpected error', req: { method: 'GET', url } });
    expect(error.req?.id).toEqual(expect.anything());
    expect(error.req?.headers?.authorization).toBe('[Redacted]');
    expect(JSON.stringify(lines)).not.toContain(payer);
  });
});
