import { Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '@pass/domain';
import { ProblemException } from '../problems/problem.exception';

/** Ids in paths are checked before any lookup: an id that could never exist answers 404 at once. */
class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value))
      throw new ProblemException('route.not-found', `no resource ${value.slice(0, 64)}`);
    return value;
  }
}

export const IdParam = (name = 'id') => Param(name, new IdPipe());
