import type { FieldMap } from '@pothos/core';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { ApiScope } from '@wholesale/db/enums';
import type PrismaTypes from '@wholesale/db/pothos-types';
import { getDatamodel } from '@wholesale/db/pothos-types';
import { DateTimeResolver } from 'graphql-scalars';
import { denied } from './auth/access.ts';
import type { Context } from './context.ts';
import type { DomainError } from './errors.ts';
import { relayDescriptions } from './relay-descriptions.ts';
import TotalCountDescriptionPlugin from './total-count-description.ts';

export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<BuilderShape>;

interface BuilderShape {
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: { member: boolean; staff: boolean; token: ApiScope };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

export const builder = new SchemaBuilder<BuilderShape>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, TotalCountDescriptionPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  prisma: {
    client: (context) => context.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    ...relayDescriptions,
  },
  errors: { defaultTypes: [] },
  scopeAuth: {
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, context) => denied(context),
    authScopes: (context) => ({
      member: context.viewer?.role === 'MEMBER',
      staff: context.viewer?.role === 'STAFF',
      token: (scope) => context.apiToken?.scopes.includes(scope) ?? false,
    }),
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.queryType({
  description:
    'What a caller may read. Members send the `session` cookie from `logIn`; third parties send `Authorization: Bearer <token>` with an API token, and see what its scopes allow.',
});
builder.mutationType({
  description:
    'What a caller may change. Expected failures come back as typed members of each mutation’s result union, each with a stable `code`; unexpected ones are masked.',
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure. `code` is stable; `message` is for people.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'What went wrong, as a stable SCREAMING_CASE code to branch on.',
    }),
    message: t.exposeString('message', {
      description: 'What went wrong, in words for people; may change between releases.',
    }),
  }),
});

/**
 * Registers a domain error class as a GraphQL object implementing Error, so fields can list
 * it among their `errors.types`.
 */
export function errorObject<T extends DomainError>(
  errorClass: new (...args: never[]) => T,
  options: {
    name: string;
    description: string;
    fields?: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>) => FieldMap;
  },
): void {
  // Typed through the base class: Pothos cannot relate a generic subclass to the interface.
  builder.objectType(errorClass as unknown as typeof DomainError, {
    name: options.name,
    description: options.description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof errorClass,
    fields: (options.fields ?? (() => ({}))) as never,
  });
}
