import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { PrismaClient } from '@wholesale/db/client';
import type { DocumentNode } from 'graphql';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, validate, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';

/** What one GraphQL document may ask for; beyond this it is refused before it runs. */
export const queryLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 5000,
  maxDirectives: 20,
  maxCost: 20000,
};

/**
 * graphql-armor's validation rules, refusing deep, aliased, oversized and costly documents
 * before they reach a resolver; the computed cost of each accepted document is reported in
 * the answer's `extensions.cost`.
 */
export function useQueryLimits(): Plugin[] {
  const costs = new WeakMap<DocumentNode, number>();
  const armor = new EnvelopArmor({
    maxDepth: { n: queryLimits.maxDepth },
    // graphql-armor leaves aliases of __typename out by default; they cost the same to answer.
    maxAliases: { n: queryLimits.maxAliases, allowList: [] },
    maxTokens: { n: queryLimits.maxTokens },
    maxDirectives: { n: queryLimits.maxDirectives },
    costLimit: {
      maxCost: queryLimits.maxCost,
      onAccept: [
        (context, details: { n: number }) => {
          const document = context?.getDocument();
          if (document) costs.set(document, details.n);
        },
      ],
    },
    blockFieldSuggestion: { enabled: true },
  });

  const reportCost: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      let requested = costs.get(args.document);
      // The cost rule reads page sizes only from the document; a `first: $n` counts as one.
      // With the variables known, the document is costed again with their values in place.
      const withSizes = pageSizesFromVariables(args.document, args.variableValues);
      if (withSizes) {
        let costed: number | undefined;
        const refused = validate(args.schema, withSizes, [
          costLimitRule({
            maxCost: queryLimits.maxCost,
            onAccept: [(_context, details: { n: number }) => (costed = details.n)],
          }),
        ]);
        if (refused.length > 0) {
          setResultAndStopExecution({ errors: refused });
          return;
        }
        requested = costed ?? requested;
      }
      if (requested === undefined) return;

      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result)) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, cost: { requested, maximum: queryLimits.maxCost } },
          });
        },
      };
    },
  };

  return [...(armor.protect().plugins as Plugin[]), reportCost];
}

/** The document with each `first`/`last` given by a variable replaced by the variable's value
 * (and left out when the variable is unset); null when there is none. */
function pageSizesFromVariables(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): DocumentNode | null {
  let replaced = false;
  const result = visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'last') return undefined;
      if (node.value.kind !== Kind.VARIABLE) return undefined;
      const value = variables?.[node.value.name.value];
      replaced = true;
      // An unset size is left out, so that the other of first/last is the one counted.
      if (value === null || value === undefined) return null;
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
      return { ...node, value: { kind: Kind.INT, value: String(value) } };
    },
  });

  return replaced ? result : null;
}

/** A request body larger than this is refused with 413 before it is parsed. */
export const maxRequestBytes = 2_000_000;

/** The body, read up to `maxBytes`; null when it is longer. */
async function readWithin(request: Request, maxBytes: number): Promise<ArrayBuffer | null> {
  if (Number(request.headers.get('content-length')) > maxBytes) return null;

  // A chunked body declares no length; count it as it arrives and stop at the limit.
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      return null;
    }
    chunks.push(next.value);
  }

  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }

  return body.buffer;
}

/** Refuses oversized request bodies before GraphQL parses them or a resolver sees them. */
export function useRequestSizeLimit(maxBytes = maxRequestBytes): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || request.method !== 'POST') return;
      setRequestParser(async (incoming) => {
        const body = await readWithin(incoming, maxBytes);
        if (body) {
          const { method, headers } = incoming;
          return requestParser(new fetchAPI.Request(incoming.url, { method, headers, body }));
        }

        const error = {
          message: `The request is larger than ${maxBytes} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        };
        return new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        });
      });
    },
  };
}

/**
 * A POST must say it sends JSON. Forms (url-encoded, multipart) and text/plain are what another
 * site's page can make a browser send with the merchant's cookie and no preflight; the API's
 * own clients (the storefront's proxy, integrations) send JSON.
 */
export function useJsonPostsOnly(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type === 'application/json' || type === 'application/graphql-response+json') return;

      const error = {
        message: 'Send the request as JSON (Content-Type: application/json).',
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [error] }), {
          status: 415,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}

/** Refuses `__schema` and `__type`, for production; `__typename` still works. */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * Per API token: at most `points` requests per `seconds`. Over it, the request is answered 429
 * with Retry-After. With `shared` the counts live in the database, for API instances that share
 * one PostgreSQL; otherwise (the embedded database, one process) in memory, which costs no query.
 */
export function createTokenRateLimiter({
  points = 120,
  seconds = 60,
  shared,
}: {
  points?: number;
  seconds?: number;
  shared?: PrismaClient | null;
} = {}) {
  const limiter = shared
    ? new RateLimiterPrisma({
        storeClient: shared,
        tableName: 'rateLimit',
        keyPrefix: 'api-token',
        points,
        duration: seconds,
        // Cleared by the clear-rate-limits job instead of a timer of the library's.
        clearExpiredByTimeout: false,
      })
    : new RateLimiterMemory({ points, duration: seconds });

  return async (tokenId: string) => {
    try {
      await limiter.consume(tokenId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(`Too many requests for this API token; retry in ${retryAfter} s.`, {
        extensions: {
          code: 'RATE_LIMITED',
          http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
        },
      });
    }
  };
}
