import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor } from '../../auth/auth.decorators';

/** Who the API takes the bearer for, after claim mapping: the app shows pages by this role. */
@ApiTags('web')
@ApiBearerAuth()
@Controller('v1/web/me')
export class MeController {
  @Get()
  me(@CurrentActor() actor: Actor) {
    return { role: actor.role, org: actor.org, subject: actor.subject };
  }
}
