import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors.ts';
import { OrderFilter, orderWhere } from '../orders/order-schema.ts';
import { toCsv, tokyoTimestamp } from './csv.ts';
import { importMembers, type RowError } from './import-members.ts';

builder.queryField('membersCsv', (t) =>
  t.string({
    description:
      'Every member as CSV (UTF-8 with BOM, for Excel), created_at in Japan time (+09:00) (staff). A text starting with =, +, -, @, a tab or a carriage return is written after a single quote, so a spreadsheet shows it instead of running it.',
    resolve: async (_root, _args, context) => {
      requireStaff(context);
      const members = await context.db.member.findMany({
        include: { user: true },
        orderBy: { createdAt: 'asc' },
      });

      return toCsv(
        ['email', 'company_name', 'contact_name', 'payment_methods', 'created_at'],
        members.map((member) => [
          member.user.email,
          member.companyName,
          member.contactName,
          member.allowedPaymentMethods.join(' '),
          tokyoTimestamp(member.createdAt),
        ]),
      );
    },
  }),
);

builder.queryField('ordersCsv', (t) =>
  t.string({
    description:
      'Orders as CSV, one row per line (UTF-8 with BOM), newest first, at most 10,000 (staff). Takes the same filter as `orders`. subtotal + shipping + payment_fee + tax = total on every row; created_at is in Japan time (+09:00); a text starting with =, +, -, @, a tab or a carriage return is written after a single quote.',
    args: {
      since: t.arg({
        type: 'DateTime',
        required: false,
        description:
          'Only orders placed at or after this time, in addition to the filter (the same as `filter.createdAfter`).',
      }),
      filter: t.arg({
        type: OrderFilter,
        required: false,
        description: 'Which orders, as for `orders`; all when absent.',
      }),
    },
    resolve: async (_root, { since, filter }, context) => {
      requireStaff(context);
      const orders = await context.db.order.findMany({
        where: { AND: [orderWhere(filter), since ? { createdAt: { gte: since } } : {}] },
        include: { lines: { orderBy: { position: 'asc' } }, member: true },
        orderBy: { id: 'desc' },
        take: 10_000,
      });

      return toCsv(
        [
          'order_number',
          'created_at',
          'company_name',
          'status',
          'payment_status',
          'payment_method',
          'sku',
          'product_name',
          'unit_price',
          'quantity',
          'tax_rate',
          'line_amount',
          'subtotal',
          'tax',
          'shipping',
          'payment_fee',
          'total',
        ],
        orders.flatMap((order) =>
          order.lines.map((line) => [
            order.number,
            tokyoTimestamp(order.createdAt),
            order.member.companyName,
            order.status,
            order.paymentStatus,
            order.paymentMethod,
            line.sku,
            line.productName,
            line.unitPrice,
            line.quantity,
            line.taxRate,
            line.amount,
            order.subtotal,
            order.tax,
            order.shipping,
            order.paymentFee,
            order.total,
          ]),
        ),
      );
    },
  }),
);

const ImportRowError = builder.objectRef<RowError>('ImportRowError').implement({
  description: 'A problem with one row of an imported CSV file.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The line of the file, counting the header as 1.' }),
    field: t.exposeString('field', {
      nullable: true,
      description: 'The column at fault, e.g. email; null when the row as a whole is.',
    }),
    code: t.exposeString('code', {
      description:
        'What is wrong, as a stable code: INVALID_EMAIL, DUPLICATE_EMAIL, TEXT_LENGTH (empty or over 200 characters), UNKNOWN_PAYMENT_METHOD, PAYMENT_METHOD_NOT_ENABLED, PASSWORD_LENGTH (a new member’s, 10 to 256 characters).',
    }),
    value: t.exposeString('value', {
      nullable: true,
      description: 'The value at fault when the code is about one, e.g. the payment method.',
    }),
    message: t.exposeString('message', { description: 'What is wrong, in words for people.' }),
  }),
});

const ImportMembersPayload = builder
  .objectRef<{
    created: number;
    updated: number;
    errors: RowError[];
    applied: boolean;
  }>('ImportMembersPayload')
  .implement({
    description: 'Nothing is imported unless every row is valid.',
    fields: (t) => ({
      applied: t.exposeBoolean('applied', { description: 'False when any row had an error.' }),
      created: t.exposeInt('created', {
        description: 'Rows with a new email address: members created, or to be created.',
      }),
      updated: t.exposeInt('updated', {
        description: 'Rows with a member’s email address: members updated, or to be updated.',
      }),
      errors: t.field({
        type: [ImportRowError],
        description: 'Every problem found, by row; empty when the file can be imported.',
        resolve: (payload) => payload.errors,
      }),
    }),
  });

builder.mutationField('importMembersCsv', (t) =>
  t.field({
    type: ImportMembersPayload,
    description:
      'Creates or updates members from CSV (email, company_name, contact_name, payment_methods, password for new members) (staff). All rows or none. As `membersCsv` writes them, a single quote before =, +, -, @, a tab or a carriage return is dropped from every column but password; any other leading quote is kept.',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'ImportMembersResult',
        description:
          'What was imported or found wrong by row, or why the file cannot be read: a ValidationError with code CSV_UNREADABLE, CSV_EMPTY or CSV_TOO_MANY_ROWS (more than 5,000 rows).',
      },
    },
    args: {
      csv: t.arg.string({
        description: 'The file’s text: UTF-8, a BOM allowed, a header row, at most 5,000 rows.',
      }),
      dryRun: t.arg.boolean({
        required: false,
        description: 'True checks and counts the rows without changing anything.',
      }),
    },
    resolve: (_root, { csv, dryRun }, context) => {
      requireStaff(context);

      return importMembers(context, csv, dryRun ?? false);
    },
  }),
);
