/**
 * The API's logs: one pino logger for Nest's own lines and for the request log.
 *
 * nestjs-pino is Nest's logger here, but its middleware is left out: it runs every request inside
 * an AsyncLocalStorage so that any log line finds its request, and on Node 20 that keeps promise
 * hooks on for every promise of the process (7-10 % of the API's CPU per redemption, see
 * scripts/bench/findings.md). pino-http runs as a Fastify hook instead, and the one line that needs
 * its request (an unexpected error's) takes the request's logger from the request itself.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, stdSerializers } from 'pino-http';

const UNLOGGED_URLS = new Set(['/health', '/metrics']);

/** `destination` defaults to standard output; tests pass one to read the lines. */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] }, destination);
}

/** nestjs-pino with the root logger and without its middleware (routes: none). */
export function nestLoggerParams(root: Logger): Params {
  return { pinoHttp: { logger: root }, forRoutes: [] };
}

/** The property of a Fastify request that holds its logger (see requestLogger). */
const REQUEST_LOGGER = 'passRequestLogger';

/**
 * One line per answered request (health checks and scrapes left out), with a request id.
 *
 * At a level that drops info lines no request line is written, yet pino-http would still bind a
 * child logger to every request, serializing and redacting its headers (~4 % of the API's CPU per
 * redemption, scripts/bench/findings.md): it is left out then, and a request's logger is bound only
 * when something asks for it (an unexpected error).
 */
export function logRequests(fastify: FastifyInstance, root: Logger): void {
  fastify.decorateRequest(REQUEST_LOGGER, {
    getter(this: FastifyRequest): Logger {
      const bound = (this.raw as { log?: Logger }).log;
      return bound ?? root.child({ req: { ...stdSerializers.req(this.raw), id: this.id } });
    },
  });
  if (!root.isLevelEnabled('info')) return;
  const requestLog = pinoHttp({
    logger: root,
    autoLogging: { ignore: (request) => UNLOGGED_URLS.has(request.url ?? '') },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    requestLog(request.raw, reply.raw);
    done();
  });
}

/** The logger bound to this request (id, method, url, headers), once logRequests has set up the app. */
export function requestLogger(request: FastifyRequest): Logger | undefined {
  return (request as unknown as Record<typeof REQUEST_LOGGER, Logger | undefined>)[REQUEST_LOGGER];
}
