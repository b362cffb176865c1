import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CATALOGUE, problemType, type ProblemCode } from './problem-catalogue';
import { ProblemException } from './problem.exception';
import { requestLogger } from '../logging/request-logging';

/** Every error leaves as RFC 9457 application/problem+json with a stable `type`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception);
    if (problem.code === 'internal') {
      // The request's own logger, so that the operator on call sees which request failed.
      const log = requestLogger(request);
      if (log) log.error({ err: exception }, 'unexpected error');
      else this.logger.error(exception);
    }
    const { status, title } = PROBLEM_CATALOGUE[problem.code];
    reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: problemType(problem.code),
        title,
        status,
        detail: problem.detail,
        instance: request.originalUrl,
        code: problem.code,
        ...problem.extensions,
      });
  }
}

function toProblem(exception: unknown): ProblemException {
  if (exception instanceof ProblemException) return exception;
  if (exception instanceof ThrottlerException)
    return new ProblemException('rate-limited', 'too many redemption attempts from this venue');
  // Nest hands Fastify's body errors on as an HttpException with their status and message only:
  // 400 "Body is not valid JSON…" or "Body cannot be empty when content-type is set to 'application/json'".
  if (isHttpStatus(exception, 400) && /JSON/.test(exception.message))
    return new ProblemException('request.malformed-json', 'the body is not valid JSON');
  if (isHttpStatus(exception, 413))
    return new ProblemException('request.too-large', 'the body exceeds the size limit');
  if (exception instanceof HttpException) return fromStatus(exception.getStatus(), exception.message);
  // The web app's files are sent by @fastify/send, whose refusals are http-errors objects
  // (403 for a path that leaves the app's folder): a client error, not a failure of ours.
  const httpError = exception as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof httpError?.status === 'number' && httpError.status < 500 && httpError.expose === true)
    return fromStatus(httpError.status, String(httpError.message));
  return new ProblemException('internal', 'an unexpected error occurred');
}

function isHttpStatus(exception: unknown, status: number): exception is HttpException {
  return exception instanceof HttpException && exception.getStatus() === status;
}

function fromStatus(status: number, detail: string): ProblemException {
  const byStatus: Record<number, ProblemCode> = {
    400: 'request.invalid',
    401: 'auth.unauthenticated',
    403: 'actor.forbidden',
    404: 'route.not-found',
    413: 'request.too-large',
    415: 'request.unsupported-media-type',
    429: 'rate-limited',
  };
  return new ProblemException(byStatus[status] ?? 'internal', detail);
}
