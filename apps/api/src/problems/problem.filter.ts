import {
  BadRequestException,
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { PROBLEM_CATALOGUE, problemType, type ProblemCode } from './problem-catalogue';
import { ProblemException } from './problem.exception';

/** Every error leaves as RFC 9457 application/problem+json with a stable `type`. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.code === 'internal') this.logger.error(exception);
    const { status, title } = PROBLEM_CATALOGUE[problem.code];
    response
      .status(status)
      .type('application/problem+json')
      .json({
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

interface BodyParserError {
  type?: string;
  status?: number;
}

function toProblem(exception: unknown): ProblemException {
  if (exception instanceof ProblemException) return exception;
  if (exception instanceof ThrottlerException)
    return new ProblemException('rate-limited', 'too many redemption attempts from this venue');
  const parserError = exception as BodyParserError;
  if (parserError?.type === 'entity.parse.failed')
    return new ProblemException('request.malformed-json', 'the body is not valid JSON');
  if (parserError?.type === 'entity.too.large')
    return new ProblemException('request.too-large', 'the body exceeds the size limit');
  // Nest turns body-parser's SyntaxError into a plain BadRequestException carrying its message.
  if (exception instanceof BadRequestException && /JSON/.test(exception.message))
    return new ProblemException('request.malformed-json', 'the body is not valid JSON');
  if (exception instanceof HttpException) return fromHttpException(exception);
  return new ProblemException('internal', 'an unexpected error occurred');
}

function fromHttpException(exception: HttpException): ProblemException {
  const byStatus: Record<number, ProblemCode> = {
    400: 'request.invalid',
    401: 'auth.unauthenticated',
    403: 'actor.forbidden',
    404: 'route.not-found',
    413: 'request.too-large',
    415: 'request.unsupported-media-type',
    429: 'rate-limited',
  };
  return new ProblemException(byStatus[exception.getStatus()] ?? 'internal', exception.message);
}
