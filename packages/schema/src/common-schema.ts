import {
  ApiScope,
  EmailStatus,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PayPalEnvironment,
  PayPalPaymentAction,
  Role,
} from '@wholesale/db/enums';
import { builder, errorObject } from './builder.ts';
import { NotFoundError, ValidationError } from './errors.ts';

export interface MoneyShape {
  amount: number;
  currency: string;
}

export const Money = builder.objectRef<MoneyShape>('Money').implement({
  description: 'An amount in the minor unit of its currency: JPY has none, so ¥1,980 is 1980.',
  fields: (t) => ({
    amount: t.exposeInt('amount', { description: 'Integer amount in minor units.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, e.g. JPY.' }),
  }),
});

export const yen = (amount: number): MoneyShape => ({ amount, currency: 'JPY' });

export const PaymentMethodEnum = builder.enumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How an order is paid.',
  values: {
    PAYPAL: { description: 'PayPal Express Checkout: the buyer pays at PayPal when ordering.' },
    BANK_TRANSFER: { description: 'Bank transfer (銀行振込), paid after ordering.' },
    CASH_ON_DELIVERY: { description: 'Cash on delivery (代金引換), paid to the carrier.' },
    INVOICE: { description: 'Invoice (掛け払い), paid later on the agreed terms.' },
  },
});

export const OrderStatusEnum = builder.enumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands in the merchant’s work (対応状況).',
  values: {
    NEW: {
      description:
        'New order (新規注文): placed, and for PayPal approved and paid or authorized by the buyer; the payment status says where the money stands.',
    },
    PAYMENT_INCOMPLETE: {
      description:
        'Not completed (送信未完): placed with PayPal, but the buyer left PayPal before paying. Unpaid, it is cancelled after the shop’s expiry hours.',
    },
    PROCESSING: { description: 'The merchant is preparing the order (処理中).' },
    ON_HOLD: { description: 'The merchant has put the order on hold (保留).' },
    SHIPPED: { description: 'The order has been shipped (発送済み).' },
    COMPLETED: { description: 'The order is done (完了); it changes no more.' },
    CANCELLED: {
      description:
        'Cancelled (キャンセル); it changes no more. This only marks the order: the payment status says whether money was refunded.',
    },
  },
});

export const PaymentStatusEnum = builder.enumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where the order’s money stands.',
  values: {
    UNPAID: {
      description:
        'No money received yet: a 送信未完 PayPal order, or an order paid later by another method.',
    },
    PENDING: {
      description:
        'PayPal has the payment but has not completed it: an authorization waiting for capture, or a payment PayPal has not cleared yet (e.g. an eCheck). It becomes PAID, FAILED or VOIDED.',
    },
    PAID: { description: 'The whole total was received.' },
    PARTIALLY_REFUNDED: { description: 'Part of the total was refunded.' },
    REFUNDED: {
      description: 'The whole total was refunded, or PayPal reversed the payment (a chargeback).',
    },
    VOIDED: {
      description:
        'The authorization or pending payment was voided, or expired at PayPal; no money was taken.',
    },
    FAILED: { description: 'The pending payment failed at PayPal; no money was taken.' },
  },
});

export const ApiScopeEnum = builder.enumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API token may do.',
  values: {
    ORDERS_READ: { description: 'Read orders, their lines and payments.' },
    MEMBERS_READ: { description: 'Read members.' },
    ORDERS_WRITE: { description: 'Change order status, and read orders as ORDERS_READ does.' },
  },
});

export const PayPalEnvironmentEnum = builder.enumType(PayPalEnvironment, {
  name: 'PayPalEnvironment',
  description: 'Which PayPal the shop talks to.',
  values: {
    LOCAL: { description: 'The local PayPal sandbox shipped with the product.' },
    SANDBOX: { description: 'PayPal’s own sandbox.' },
    LIVE: { description: 'PayPal, for real money.' },
  },
});

export const PayPalPaymentActionEnum = builder.enumType(PayPalPaymentAction, {
  name: 'PayPalPaymentAction',
  description: 'How PayPal payments are taken.',
  values: {
    SALE: { description: 'The money is taken when the buyer pays (即時売上).' },
    AUTHORIZATION: {
      description:
        'The money is authorized when the buyer pays and taken when the merchant captures it (売上確定), or released by a void; PayPal honours an authorization for 29 days.',
    },
  },
});

export const EmailStatusEnum = builder.enumType(EmailStatus, {
  name: 'EmailStatus',
  description: 'Where an email in the outbox stands.',
  values: {
    PENDING: { description: 'Waiting to be sent, or to be tried again after a failed attempt.' },
    SENT: {
      description: 'Sent: accepted by the SMTP server, or kept in the outbox when none is set.',
    },
    FAILED: { description: 'Given up after eight failed attempts; see `lastError`.' },
  },
});

export const ViewerRoleEnum = builder.enumType(Role, {
  name: 'ViewerRole',
  description: 'What kind of person is logged in.',
  values: {
    STAFF: { description: 'The merchant’s staff, who see and manage every order and member.' },
    MEMBER: { description: 'A member’s buyer, who orders for the company and sees its orders.' },
  },
});

errorObject(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; `field` names the input at fault.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The input field at fault, e.g. email; null when the input as a whole is.',
    }),
  }),
});
errorObject(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id exists, or it is not yours to see.',
});
