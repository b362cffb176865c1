import { Controller, Get, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { RelayHealthIndicator } from '../relay/relay.health';
import { ProjectionLagHealthIndicator } from '../projections/projection-lag.health';
import { EventStoreHealthIndicator } from './event-store.health';

/** 200 when the event store answers, 503 with Terminus' report otherwise (for load balancers). */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    @Optional() private readonly relay?: RelayHealthIndicator,
    @Optional() private readonly projections?: ProjectionLagHealthIndicator,
  ) {}

  @Public()
  @Get()
  async check(@Res() reply: FastifyReply): Promise<void> {
    try {
      const relay = this.relay?.enabled ? [() => this.relay!.check()] : [];
      // Projection lag is a detail (still 200 while lagging), like the relay's.
      const lag = this.projections ? [() => this.projections!.check()] : [];
      const result = await this.health.check([() => this.eventStore.check(), ...relay, ...lag]);
      // Kafka down is the relay degraded, not the API down: still 200.
      reply.send(this.relay?.degraded ? { ...result, status: 'degraded' } : result);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.code(503).send(error.getResponse());
    }
  }
}
