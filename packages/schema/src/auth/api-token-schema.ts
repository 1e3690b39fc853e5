import { actorOf, audit } from '../audit/audit.ts';
import { builder } from '../builder.ts';
import { ApiScopeEnum } from '../common-schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireStaff } from './access.ts';
import { generateSecret, hashSecret } from './tokens.ts';

export const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'A credential for a third party. The token itself is shown once, at creation.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Who uses the token, as the merchant named it.' }),
    scopes: t.field({
      type: [ApiScopeEnum],
      description: 'What the token may read or change.',
      resolve: (token) => token.scopes,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it last authenticated a request, to the minute; null if never.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked and stopped working; null while it works.',
    }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    description: 'All API tokens, newest first (staff).',
    resolve: (query, _root, _args, context) => {
      requireStaff(context);

      return context.db.apiToken.findMany({ ...query, orderBy: { id: 'desc' } });
    },
  }),
);

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'The name and scopes of a new API token.',
  fields: (t) => ({
    name: t.string({ description: 'Who uses it, e.g. "Accounting export".' }),
    scopes: t.field({ type: [ApiScopeEnum], description: 'What it may do; at least one.' }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<{ token: string; apiTokenId: string }>('CreateApiTokenPayload')
  .implement({
    description: 'A new API token, with the only copy of its secret the shop will ever give.',
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'Send as `Authorization: Bearer <token>`. Shown only this once.',
      }),
      apiToken: t.prismaField({
        type: 'ApiToken',
        description: 'The new token’s record, which lists it among `apiTokens`.',
        resolve: (query, payload, _args, context) =>
          context.db.apiToken.findUniqueOrThrow({ ...query, where: { id: payload.apiTokenId } }),
      }),
    }),
  });

const RevokeApiTokenPayload = builder
  .objectRef<{ apiTokenId: string }>('RevokeApiTokenPayload')
  .implement({
    description: 'A revoked API token.',
    fields: (t) => ({
      apiToken: t.prismaField({
        type: 'ApiToken',
        description: 'The token, with `revokedAt` set.',
        resolve: (query, payload, _args, context) =>
          context.db.apiToken.findUniqueOrThrow({ ...query, where: { id: payload.apiTokenId } }),
      }),
    }),
  });

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'Creates an API token (staff). The answer is the only time the token is shown.',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'CreateApiTokenResult',
        description: 'The new token, or why it was refused.',
      },
    },
    args: { input: t.arg({ type: CreateApiTokenInput, description: 'Its name and scopes.' }) },
    resolve: async (_root, { input }, context) => {
      const userId = requireStaff(context);
      const name = input.name.trim();
      if (!name || name.length > 100) {
        throw new ValidationError('Give the token a name of 1 to 100 characters.', 'name');
      }
      if (input.scopes.length === 0)
        throw new ValidationError('Choose at least one scope.', 'scopes');

      const token = `wst_${generateSecret()}`;
      const created = await context.db.apiToken.create({
        data: {
          name,
          scopes: [...new Set(input.scopes)],
          tokenHash: hashSecret(token),
          createdById: userId,
        },
      });
      await audit(context.db, {
        actor: actorOf(context),
        action: 'API_TOKEN_CREATED',
        subjectType: 'ApiToken',
        subjectId: created.id,
        changes: { name: { to: name }, scopes: { to: created.scopes } },
      });
      context.log.info({ apiTokenId: created.id, by: userId }, 'API token created');

      return { token, apiTokenId: created.id };
    },
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenPayload,
    description: 'Revokes an API token at once (staff). Revoking a revoked token changes nothing.',
    errors: {
      types: [NotFoundError],
      directResult: true,
      union: {
        name: 'RevokeApiTokenResult',
        description: 'The revoked token, or NotFoundError when no token has this id.',
      },
    },
    args: {
      id: t.arg.globalID({ for: ApiToken, description: 'The global id of the token to revoke.' }),
    },
    resolve: async (_root, { id }, context) => {
      const userId = requireStaff(context);
      const existing = await context.db.apiToken.findUnique({ where: { id: id.id } });
      if (!existing) throw new NotFoundError('No API token has this id.');

      if (!existing.revokedAt) {
        await context.db.apiToken.update({
          where: { id: existing.id },
          data: { revokedAt: context.services.now() },
        });
        await audit(context.db, {
          actor: actorOf(context),
          action: 'API_TOKEN_REVOKED',
          subjectType: 'ApiToken',
          subjectId: existing.id,
          changes: { revokedAt: { from: null, to: context.services.now() } },
        });
        context.log.info({ apiTokenId: existing.id, by: userId }, 'API token revoked');
      }

      return { apiTokenId: existing.id };
    },
  }),
}));
