import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { EventStoreHealthIndicator } from './event-store.health';

/** 200 when the event store answers, 503 with Terminus' report otherwise (for load balancers). */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Public()
  @Get()
  async check(@Res() response: Response): Promise<void> {
    try {
      response.json(await this.health.check([() => this.eventStore.check()]));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503).json(error.getResponse());
    }
  }
}
