import type { FastifyInstance } from 'fastify';
import { MAX_LOGO_BYTES } from './logo-check';

/**
 * PUT /v1/payers/:siren/logo takes the image itself as its body: PNG and SVG bodies arrive as
 * bytes, up to the logo limit (a larger one is refused with 413 before it is read whole). Fastify
 * picks parsers by media type for the whole app; elsewhere such a body fails validation (400).
 */
export function acceptLogoBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    ['image/png', 'image/svg+xml'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_request, body, done) => done(null, body),
  );
}
