import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PROBLEM_CATALOGUE, problemType, type ProblemCode } from './problem-catalogue';
import { ProblemException } from './problem.exception';

/** Makes each problem `type` URI resolvable, so a developer who meets one can look it up. */
@ApiExcludeController()
@Controller('problems')
export class ProblemsController {
  @Public()
  @Get()
  list() {
    return Object.entries(PROBLEM_CATALOGUE).map(([code, kind]) => ({
      type: problemType(code as ProblemCode),
      code,
      ...kind,
    }));
  }

  @Public()
  @Get(':code')
  describe(@Param('code') code: string) {
    const kind = PROBLEM_CATALOGUE[code as ProblemCode];
    if (!kind) throw new ProblemException('route.not-found', `no problem type ${code}`);
    return { type: problemType(code as ProblemCode), code, ...kind };
  }
}
