import { z } from 'zod';
import { porticoErrorShapeSchema } from '../errors/schemas.ts';
import { listProcedures, type ContractTree, type FileRoutes, type ProcedureContract } from './define.ts';
import { fileRoutes, porticoContract } from './portico-contract.ts';

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json;
};

/** Whether a procedure takes no input at all (`z.void()`), so its call sends none. */
const takesNoInput = (procedure: ProcedureContract) => procedure.input instanceof z.ZodVoid;

/** The error response every operation shares (made with the document, not when core is imported). */
const errorResponse = () => ({
  description:
    'A refusal or failure: the PorticoError (code, message, field path, issues, request id) under `error.data.portico`.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              message: { type: 'string' },
              data: {
                type: 'object',
                properties: {
                  httpStatus: { type: 'integer' },
                  portico: schemaOf(porticoErrorShapeSchema, 'output'),
                },
              },
            },
          },
        },
      },
    },
  },
});

function procedureOperation(path: string, procedure: ProcedureContract) {
  const description = `${procedure.summary}\n\nNeeds: \`${procedure.permission}\`.`;
  const common = {
    operationId: path,
    summary: procedure.summary,
    description,
    tags: [path.split('.')[0] ?? path],
    security: [{ bearer: [] }],
    'x-portico-permission': procedure.permission,
  };
  if (procedure.kind === 'subscription') {
    return {
      get: {
        ...common,
        description: `${description}\n\nServer-sent events; each \`data:\` line is one event. A browser's EventSource passes the token as the \`connectionParams\` query parameter.`,
        responses: {
          '200': {
            description: 'The event stream.',
            content: { 'text/event-stream': { schema: schemaOf(procedure.output, 'output') } },
          },
          default: errorResponse(),
        },
      },
    };
  }
  const result = {
    '200': {
      description: 'The result.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              result: { type: 'object', properties: { data: schemaOf(procedure.output, 'output') } },
            },
            required: ['result'],
          },
        },
      },
    },
    default: errorResponse(),
  };
  const input = schemaOf(procedure.input, 'input');
  if (procedure.kind === 'query') {
    return {
      get: {
        ...common,
        parameters: takesNoInput(procedure)
          ? []
          : [
              {
                name: 'input',
                in: 'query',
                required: !procedure.input.safeParse(undefined).success,
                description: 'The input, as JSON.',
                content: { 'application/json': { schema: input } },
              },
            ],
        responses: result,
      },
    };
  }
  return {
    post: {
      ...common,
      requestBody: { required: true, content: { 'application/json': { schema: input } } },
      responses: result,
    },
  };
}

function fileOperation(name: string, route: FileRoutes[string]) {
  const operation = {
    operationId: `files.${name}`,
    summary: route.summary,
    description: `${route.summary}\n\nNeeds: \`${route.permission}\`.`,
    tags: ['files'],
    security: [{ bearer: [] }],
    'x-portico-permission': route.permission,
    parameters: Object.entries(schemaOf(route.input, 'input').properties ?? {}).map(([param, schema]) => ({
      name: param,
      in: 'query',
      schema,
    })),
    responses: {
      '200':
        route.kind === 'download'
          ? { description: 'The file, streamed.', content: { 'text/csv': { schema: { type: 'string' } } } }
          : {
              description: 'The result.',
              content: { 'application/json': { schema: schemaOf(route.output, 'output') } },
            },
      default: errorResponse(),
    },
  };
  return route.kind === 'download'
    ? { get: operation }
    : {
        post: {
          ...operation,
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        },
      };
}

/**
 * The OpenAPI 3.1 document of a contract: every procedure at `/trpc/{path}` (queries as GET with `?input=` JSON,
 * mutations as POST with a JSON body, results under `result.data`, subscriptions as server-sent events) and every
 * file route, each with its summary, permission, input and output schemas and the error shape. For callers who do
 * not write TypeScript; the typed SDK is the same contract.
 */
export function openApiDocument(
  contract: ContractTree = porticoContract,
  files: FileRoutes = fileRoutes,
  info: { version: string } = { version: '0.1.0' },
): OpenApiDocument {
  const paths: Record<string, unknown> = {};
  for (const { path, procedure } of listProcedures(contract))
    paths[`/trpc/${path}`] = procedureOperation(path, procedure);
  for (const [name, route] of Object.entries(files)) paths[route.path] = fileOperation(name, route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: info.version,
      description:
        "The Portico reference server's API, generated from its contract. Every call carries the host portal's token as `Authorization: Bearer`.",
    },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
