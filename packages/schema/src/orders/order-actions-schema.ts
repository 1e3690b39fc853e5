import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { OrderNotPayableError } from '../checkout/errors.ts';
import { NotFoundError } from '../errors.ts';
import { Order, orderPayload } from './order-schema.ts';
import { sendPaymentReminder } from './payment-reminder.ts';

const SendPaymentReminderPayload = orderPayload('SendPaymentReminderPayload');

builder.mutationField('sendPaymentReminder', (t) =>
  t.field({
    type: SendPaymentReminderPayload,
    description: 'Emails the buyer of a 送信未完 order a link to pay it (staff).',
    errors: {
      types: [NotFoundError, OrderNotPayableError],
      directResult: true,
      union: { name: 'SendPaymentReminderResult' },
    },
    args: { orderId: t.arg.globalID({ for: Order }) },
    resolve: async (_root, { orderId }, context) => {
      requireStaff(context);

      return { orderId: await sendPaymentReminder(context, orderId.id) };
    },
  }),
);
