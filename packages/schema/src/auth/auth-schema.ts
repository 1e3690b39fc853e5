import { builder, errorObject } from '../builder.ts';
import { ViewerRoleEnum } from '../common-schema.ts';
import type { ViewerIdentity } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { InvalidCredentialsError } from './errors.ts';
import { logIn } from './log-in.ts';
import { clearedSessionCookie, invalidateSession } from './sessions.ts';
import { TooManyAttemptsError } from './throttle.ts';

errorObject(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  description: 'No account matches this email address and password.',
});

errorObject(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  description: 'Too many failed log-ins for this account or address; wait and try again.',
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      description: 'How many seconds to wait before the next log-in attempt.',
    }),
  }),
});

export const Viewer = builder.objectRef<ViewerIdentity>('Viewer').implement({
  description: 'The person logged in with the session cookie.',
  fields: (t) => ({
    id: t.exposeID('userId', {
      description: 'The person’s user id. It is not a global id: `node` does not take it.',
    }),
    role: t.field({
      type: ViewerRoleEnum,
      description: 'Whether the person is the merchant’s staff or a member’s buyer.',
      resolve: (viewer) => viewer.role,
    }),
    email: t.exposeString('email', { description: 'The email address the person logs in with.' }),
    displayName: t.exposeString('name', {
      description: 'The person’s name: a member’s contact name, or the staff member’s name.',
    }),
    member: t.prismaField({
      type: 'Member',
      nullable: true,
      description: 'The member (company) this person orders for; null for staff.',
      resolve: (query, viewer, _args, context) =>
        viewer.memberId
          ? context.db.member.findUnique({ ...query, where: { id: viewer.memberId } })
          : null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'Who is logged in, or null.',
    resolve: (_root, _args, context) => context.viewer,
  }),
);

const LogInInput = builder.inputType('LogInInput', {
  description: 'The credentials of a member’s buyer or of the merchant’s staff.',
  fields: (t) => ({
    email: t.string({ description: 'The email address of the account.' }),
    password: t.string({ description: 'The account’s password.' }),
  }),
});

const LogInPayload = builder.objectRef<{ viewer: ViewerIdentity }>('LogInPayload').implement({
  description: 'A successful log-in; the session cookie is set on the same response.',
  fields: (t) => ({
    viewer: t.field({
      type: Viewer,
      description: 'The person now logged in.',
      resolve: (payload) => payload.viewer,
    }),
  }),
});

builder.mutationField('logIn', (t) =>
  t.field({
    type: LogInPayload,
    description: 'Starts a session; its token travels in the HttpOnly cookie `session`.',
    errors: {
      types: [InvalidCredentialsError, TooManyAttemptsError, ValidationError],
      directResult: true,
      union: {
        name: 'LogInResult',
        description: 'The person now logged in, or why the log-in was refused.',
      },
    },
    args: { input: t.arg({ type: LogInInput, description: 'The email address and password.' }) },
    resolve: async (_root, { input }, context) => ({ viewer: await logIn(context, input) }),
  }),
);

builder.mutationField('logOut', (t) =>
  t.boolean({
    description: 'Ends the current session. True when there was one.',
    resolve: async (_root, _args, context) => {
      context.responseCookies.push(clearedSessionCookie(context.secure));
      if (!context.viewer) return false;

      await invalidateSession(context.db, context.viewer.sessionId);

      return true;
    },
  }),
);
