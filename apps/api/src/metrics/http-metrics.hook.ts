import type { FastifyInstance } from 'fastify';
import type { MetricsService } from './metrics.service';

/**
 * Counts and times every request by its route pattern (ids would explode the label space),
 * unmatched paths included. A Fastify hook rather than a Nest middleware: it sees the route
 * Fastify matched and the time Fastify measured, with no listener added to each response.
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched' };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    metrics.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
    done();
  });
}
