/** The subset of an OpenAPI 3 schema object the fuzzer reads (what @nestjs/swagger emits for our DTOs). */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the document, with every `$ref` resolved so generators need no document. */
export interface Operation {
  method: string;
  /** The path as written in the document, e.g. `/api/v1/tasks/{id}/progress`. */
  template: string;
  pathParameters: string[];
  /** The path parameters the document declares; fewer than pathParameters means the document is incomplete. */
  declaredPathParameters: string[];
  query: QueryParameter[];
  /** The JSON request body, when the document declares one. */
  body?: JsonSchema;
  /** Every media type the document says the operation consumes (the notice import also takes text and .docx). */
  mediaTypes: string[];
  /** No `security` entry: the endpoint answers without a bearer token (health, login). */
  isPublic: boolean;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation in the document, in document order (the order fixes what a seed generates). */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = raw.parameters ?? [];
      const json = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        template,
        pathParameters: pathParametersOf(template),
        declaredPathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: resolve(p.schema ?? {}, schemas) })),
        body: json ? resolve(json, schemas) : undefined,
        mediaTypes: Object.keys(raw.requestBody?.content ?? {}),
        isPublic: (raw.security ?? []).length === 0,
      });
    }
  }
  return operations;
}

/**
 * The `{name}` segments of the template. Read from the template rather than from `parameters`: a
 * route that takes its id from the request object (not `@Param`) is documented without one.
 */
export function pathParametersOf(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** Inlines `$ref`s; our DTOs are not recursive, and a depth cap keeps a future cycle from hanging the test. */
function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 10) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(schemas[name] ?? {}, schemas, depth + 1);
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.items) resolved.items = resolve(schema.items, schemas, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, schemas, depth + 1)]));
  }
  return resolved;
}
