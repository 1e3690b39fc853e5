import type { PaymentMethod } from '@wholesale/db/enums';
import { actorOf, audit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { paymentMethodOrder, sortPaymentMethods } from '../checkout/payment-methods.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { fromCsv, unguardCell } from './csv.ts';

/** One row's problem; `code` and `value` let a client word it in its own language. */
export interface RowError {
  row: number;
  field: string | null;
  code: string;
  value: string | null;
  message: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maxRows = 5000;

/**
 * Imports members from CSV in one transaction after checking every row: a file with any bad
 * row changes nothing and answers each row's error. Existing members (by email) are updated;
 * new ones need a password of 10 characters or more. A file `membersCsv` wrote comes back as
 * it was: the quote it put before a formula-like text is dropped again (`unguardCell`). The
 * password, which the export never writes, is taken exactly as given.
 */
export async function importMembers(context: Context, csv: string, dryRun: boolean) {
  let rows: Record<string, string>[];
  try {
    rows = fromCsv(csv);
  } catch (error) {
    const message = `The file is not valid CSV: ${(error as Error).message}`;
    throw new ValidationError(message, 'csv', 'CSV_UNREADABLE');
  }
  if (rows.length === 0) throw new ValidationError('The file has no rows.', 'csv', 'CSV_EMPTY');
  if (rows.length > maxRows) {
    throw new ValidationError(`At most ${maxRows} rows at once.`, 'csv', 'CSV_TOO_MANY_ROWS');
  }

  // A file without the payment_methods column leaves existing members' methods as they are and
  // gives new members the 新規会員 defaults; an empty cell in that column means no method.
  const methodsGiven = Object.hasOwn(rows[0] ?? {}, 'payment_methods');
  const newMemberMethods = sortPaymentMethods(
    (
      await context.db.paymentMethodSetting.findMany({
        where: { enabled: true, enabledForNewMembers: true },
      })
    ).map((setting) => setting.method),
  );
  const staffEmails = new Set(
    (await context.db.user.findMany({ where: { role: 'STAFF' }, select: { email: true } })).map(
      (user) => user.email.toLowerCase(),
    ),
  );
  const enabled = new Set(
    (await context.db.paymentMethodSetting.findMany({ where: { enabled: true } })).map(
      (s) => s.method,
    ),
  );
  const existing = new Map(
    (await context.db.user.findMany({ where: { role: 'MEMBER' }, include: { member: true } })).map(
      (user) => [user.email, user],
    ),
  );
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const checked = rows.map((row, index) => {
    const line = index + 2;
    const fail = (
      field: string | null,
      code: string,
      message: string,
      value: string | null = null,
    ) => errors.push({ row: line, field, code, value, message });
    const email = unguardCell(row.email ?? '').toLowerCase();
    if (!emailPattern.test(email)) fail('email', 'INVALID_EMAIL', 'Not a valid email address.');
    if (staffEmails.has(email)) {
      fail('email', 'STAFF_EMAIL', 'This email belongs to a staff account, not a member.');
    }
    if (seen.has(email)) {
      fail('email', 'DUPLICATE_EMAIL', 'This email appears twice in the file.');
    }
    seen.add(email);
    const companyName = unguardCell(row.company_name ?? '');
    const contactName = unguardCell(row.contact_name ?? '');
    if (!companyName || companyName.length > 200)
      fail('company_name', 'TEXT_LENGTH', 'Required, at most 200 characters.');
    if (!contactName || contactName.length > 200)
      fail('contact_name', 'TEXT_LENGTH', 'Required, at most 200 characters.');
    const methods = unguardCell(row.payment_methods ?? '')
      .split(/[\s,]+/)
      .filter(Boolean) as PaymentMethod[];
    for (const method of methods) {
      if (!paymentMethodOrder.includes(method)) {
        fail('payment_methods', 'UNKNOWN_PAYMENT_METHOD', `Unknown method ${method}.`, method);
      } else if (
        !enabled.has(method) &&
        !existing.get(email)?.member?.allowedPaymentMethods.includes(method)
      ) {
        fail('payment_methods', 'PAYMENT_METHOD_NOT_ENABLED', `${method} is not enabled.`, method);
      }
    }
    const isNew = !existing.has(email);
    const password = row.password ?? '';
    if (isNew && (password.length < 10 || password.length > 256)) {
      fail('password', 'PASSWORD_LENGTH', 'A new member needs a password of 10 to 256 characters.');
    }

    return {
      email,
      companyName,
      contactName,
      // null: the file does not say, and an existing member keeps its methods.
      methods: methodsGiven ? sortPaymentMethods(methods) : isNew ? newMemberMethods : null,
      password,
      isNew,
    };
  });

  // The counts are what the file would do: rows with an error count as neither.
  const wrongRows = new Set(errors.map((error) => error.row));
  const sound = checked.filter((_row, index) => !wrongRows.has(index + 2));
  const created = sound.filter((row) => row.isNew).length;
  const summary = { created, updated: sound.length - created, errors };
  if (errors.length > 0 || dryRun) return { ...summary, applied: false };

  const hashes = await Promise.all(
    checked.map((row) => (row.isNew ? hashPassword(row.password) : Promise.resolve(null))),
  );
  await context.db.$transaction(
    async (tx) => {
      for (const [index, row] of checked.entries()) {
        const member = row.isNew
          ? (
              await tx.user.create({
                data: {
                  email: row.email,
                  passwordHash: hashes[index] ?? '',
                  role: 'MEMBER',
                  name: row.contactName,
                  member: {
                    create: {
                      companyName: row.companyName,
                      contactName: row.contactName,
                      allowedPaymentMethods: row.methods ?? newMemberMethods,
                    },
                  },
                },
                include: { member: true },
              })
            ).member
          : await tx.member.update({
              where: { userId: existing.get(row.email)?.id ?? '' },
              data: {
                companyName: row.companyName,
                contactName: row.contactName,
                ...(row.methods ? { allowedPaymentMethods: row.methods } : {}),
              },
            });
        await audit(tx, {
          actor: actorOf(context),
          action: row.isNew ? 'MEMBER_CREATED' : 'MEMBER_UPDATED',
          subjectType: 'Member',
          subjectId: member?.id ?? '',
          changes: {
            imported: {
              to: {
                email: row.email,
                ...(row.methods ? { allowedPaymentMethods: row.methods } : {}),
              },
            },
          },
        });
      }
    },
    { timeout: 60_000 },
  );

  return { ...summary, applied: true };
}
