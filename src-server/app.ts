// The central server: enrolment, push, OpenAPI at /docs and the district view.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import {
  enrolRequest,
  enrolResponse,
  errorResponse,
  pushRequest,
  pushResponse,
  SYNC_LIMITS,
} from '../shared/sync/wire';
import type { ServerDb } from './db/open';
import { registerDistrict } from './district';
import { authenticate, enrol, ServerError, sha256 } from './facilities';
import { ingest } from './push';

export interface ServerOptions {
  db: ServerDb;
  /** Requests per minute per credential (or per address before enrolment). */
  rateLimitPerMinute?: number;
  logger?: boolean;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function fail(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof ServerError)
    return reply.code(error.status).send({ error: error.code, message: error.message });
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return reply.code(400).send({
      error: 'VALIDATION',
      message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    });
  }
  throw error;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: SYNC_LIMITS.maxBatchBytes + 64 * 1024,
    // Records are validated by the shared zod schemas in the handlers; the JSON schemas only document them.
    ajv: { customOptions: { strict: false } },
  });
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'CareDesk central server',
        version: '1.0.0',
        description: 'Facility enrolment and push.',
      },
      components: { securitySchemes: { facility: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(formbody);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 240,
    timeWindow: '1 minute',
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth ? `c:${sha256(auth)}` : `a:${request.ip}`;
    },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      void reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      );
    return payload;
  });

  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));

  app.post(
    '/api/v1/enrol',
    {
      schema: {
        summary: 'Exchange a one-time enrolment code for a facility credential',
        body: jsonSchema(enrolRequest),
        response: { 200: jsonSchema(enrolResponse), 401: jsonSchema(errorResponse) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      try {
        return await enrol(db, enrolRequest.parse(request.body));
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  app.post(
    '/api/v1/push',
    {
      schema: {
        summary: 'Push a batch of changes; the reply says per change whether it is held or refused',
        security: [{ facility: [] }],
        body: jsonSchema(pushRequest),
        response: {
          200: jsonSchema(pushResponse),
          401: jsonSchema(errorResponse),
          403: jsonSchema(errorResponse),
        },
      },
    },
    async (request, reply) => {
      try {
        const who = await authenticate(db, request.headers.authorization);
        const batch = pushRequest.parse(request.body);
        const bytes = Number(request.headers['content-length'] ?? 0);
        return await ingest(db, who, batch, bytes);
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  app.get(
    '/api/v1/whoami',
    { schema: { summary: 'Which facility this credential belongs to', security: [{ facility: [] }] } },
    async (request, reply) => {
      try {
        const who = await authenticate(db, request.headers.authorization);
        return { facilityId: who.desktopFacilityId, facilityCode: who.code };
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  registerDistrict(app, db);
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/district'));
  return app;
}
