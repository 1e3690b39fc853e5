import {
  ApiScope,
  EmailStatus,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PayPalEnvironment,
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
    PAYPAL: { description: 'PayPal Express Checkout' },
    BANK_TRANSFER: { description: '銀行振込 (bank transfer)' },
    CASH_ON_DELIVERY: { description: '代金引換 (cash on delivery)' },
    INVOICE: { description: '掛け払い (invoice, paid later)' },
  },
});

export const OrderStatusEnum = builder.enumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order stands in the merchant’s work (対応状況).',
  values: {
    NEW: { description: '新規注文: received and, for PayPal, paid' },
    PAYMENT_INCOMPLETE: { description: '送信未完: taken, but the buyer left PayPal before paying' },
    PROCESSING: { description: '処理中' },
    ON_HOLD: { description: '保留' },
    SHIPPED: { description: '発送済み' },
    COMPLETED: { description: '完了' },
    CANCELLED: {
      description: 'キャンセル: a marker in the shop; see the payment status for PayPal',
    },
  },
});

export const PaymentStatusEnum = builder.enumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where the order’s money stands.',
});

export const ApiScopeEnum = builder.enumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API token may do.',
  values: {
    ORDERS_READ: { description: 'Read orders, their lines and payments.' },
    MEMBERS_READ: { description: 'Read members.' },
    ORDERS_WRITE: { description: 'Change order status.' },
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

export const EmailStatusEnum = builder.enumType(EmailStatus, { name: 'EmailStatus' });
export const ViewerRoleEnum = builder.enumType(Role, { name: 'ViewerRole' });

errorObject(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; `field` names the input at fault.',
  fields: (t) => ({ field: t.exposeString('field', { nullable: true }) }),
});
errorObject(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id exists, or it is not yours to see.',
});
