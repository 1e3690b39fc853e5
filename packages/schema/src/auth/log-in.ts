import type { Context, ViewerIdentity } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { InvalidCredentialsError } from './errors.ts';
import { verifyDecoy, verifyPassword } from './password.ts';
import { createSession, sessionCookie } from './sessions.ts';

export async function logIn(
  context: Context,
  input: { email: string; password: string },
): Promise<ViewerIdentity> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) {
    throw new ValidationError(
      'Enter your email address and password.',
      email ? 'password' : 'email',
    );
  }
  if (email.length > 254 || input.password.length > 256) {
    throw new ValidationError('The email address or password is too long.');
  }

  const throttle = context.services.loginThrottle;
  const address = context.clientAddress ?? null;
  await throttle.check(email, address);
  const user = await context.db.user.findUnique({ where: { email }, include: { member: true } });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDecoy(input.password).then(() => false);
  if (!user || !valid) {
    await throttle.failed(email, address);
    throw new InvalidCredentialsError();
  }
  await throttle.succeeded(email);

  const session = await createSession(context.db, user.id, context.services.now());
  context.responseCookies.push(sessionCookie(session.token, session.expiresAt, context.secure));
  context.log.info({ userId: user.id }, 'logged in');

  return {
    userId: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    memberId: user.member?.id ?? null,
    sessionId: session.id,
  };
}
