import { encodeGlobalID } from '@pothos/plugin-relay';
import { requireMember } from '../auth/access.ts';
import { builder, errorObject } from '../builder.ts';
import {
  Money,
  OrderStatusEnum,
  PaymentMethodEnum,
  PaymentStatusEnum,
  yen,
} from '../common-schema.ts';
import { ValidationError } from '../errors.ts';
import { Order, orderPayload, TaxBreakdown } from '../orders/order-schema.ts';
import { Product } from '../products/product-schema.ts';
import { loadShopRules } from '../settings/shop-settings.ts';
import {
  InsufficientStockError,
  OrderNotFoundError,
  OrderNotPayableError,
  PaymentMethodNotAllowedError,
  PayPalError,
} from './errors.ts';
import { payOrder } from './pay-order.ts';
import type { AvailablePaymentMethod } from './payment-methods.ts';
import { availablePaymentMethods } from './payment-methods.ts';
import { cancelPayPalReturn, completePayPalReturn } from './paypal-return.ts';
import type { Quote } from './quote.ts';
import { quoteLines } from './quote.ts';
import { startCheckout } from './start-checkout.ts';

errorObject(PaymentMethodNotAllowedError, {
  name: 'PaymentMethodNotAllowedError',
  description: 'The payment method is not enabled by the merchant or not allowed for this member.',
  fields: (t) => ({
    method: t.expose('method', { type: PaymentMethodEnum }),
    restrictedProducts: t.field({
      type: [Product],
      description: 'Products in the order that do not allow the method, when they are why.',
      resolve: (error, _args, context) =>
        error.restrictedProductIds.length === 0
          ? []
          : context.db.product.findMany({ where: { id: { in: error.restrictedProductIds } } }),
    }),
  }),
});

errorObject(InsufficientStockError, {
  name: 'InsufficientStockError',
  description: 'A product has fewer units in stock than ordered.',
  fields: (t) => ({
    productId: t.id({ resolve: (error) => encodeGlobalID('Product', error.productId) }),
    available: t.exposeInt('available'),
  }),
});

errorObject(OrderNotFoundError, {
  name: 'OrderNotFoundError',
  description: 'No order of the caller’s belongs to this PayPal token.',
});

errorObject(OrderNotPayableError, {
  name: 'OrderNotPayableError',
  description: 'The order is not 送信未完 and unpaid, or another payment of it is under way.',
  fields: (t) => ({
    status: t.expose('status', { type: OrderStatusEnum }),
    paymentStatus: t.expose('paymentStatus', { type: PaymentStatusEnum }),
  }),
});

errorObject(PayPalError, {
  name: 'PayPalError',
  description: 'PayPal refused or could not be reached. The buyer messages are safe to show.',
  fields: (t) => ({
    paypalCode: t.exposeString('paypalCode', {
      nullable: true,
      description: 'PayPal’s error code (L_ERRORCODE0), when PayPal answered.',
    }),
    buyerMessageJa: t.exposeString('buyerMessageJa'),
    buyerMessageEn: t.exposeString('buyerMessageEn'),
    retryUrl: t.exposeString('retryUrl', {
      nullable: true,
      description: 'Send the buyer here to choose another funding source at PayPal.',
    }),
  }),
});

const CheckoutLineInput = builder.inputType('CheckoutLineInput', {
  fields: (t) => ({
    productId: t.globalID({ for: Product }),
    quantity: t.int(),
  }),
});

const CheckoutQuoteLine = builder.objectRef<Quote['lines'][number]>('CheckoutQuoteLine').implement({
  fields: (t) => ({
    product: t.field({ type: Product, resolve: (line) => line.product }),
    quantity: t.exposeInt('quantity'),
    amount: t.field({ type: Money, resolve: (line) => yen(line.amount) }),
  }),
});

const CheckoutQuote = builder.objectRef<Quote>('CheckoutQuote').implement({
  description: 'The exact totals an order of these lines would have now.',
  fields: (t) => ({
    lines: t.field({ type: [CheckoutQuoteLine], resolve: (quote) => quote.lines }),
    subtotal: t.field({ type: Money, resolve: (quote) => yen(quote.subtotal) }),
    taxBreakdown: t.field({ type: [TaxBreakdown], resolve: (quote) => quote.taxBreakdown }),
    tax: t.field({ type: Money, resolve: (quote) => yen(quote.tax) }),
    shipping: t.field({ type: Money, resolve: (quote) => yen(quote.shipping) }),
    paymentFee: t.field({
      type: Money,
      description: 'The fee of the payment method asked about, if it has one.',
      resolve: (quote) => yen(quote.paymentFee),
    }),
    total: t.field({ type: Money, resolve: (quote) => yen(quote.total) }),
    paymentRestrictions: t.field({
      type: [CheckoutQuoteLine],
      description: 'Lines whose product allows only some payment methods (see the product).',
      resolve: (quote) =>
        quote.lines.filter((line) => line.product.allowedPaymentMethods.length > 0),
    }),
  }),
});

const CheckoutPaymentMethod = builder
  .objectRef<AvailablePaymentMethod>('CheckoutPaymentMethod')
  .implement({
    fields: (t) => ({
      method: t.expose('method', { type: PaymentMethodEnum }),
      description: t.exposeString('description', {
        description: 'The merchant’s description of the method (決済に関する説明).',
      }),
      fee: t.field({
        type: Money,
        description: 'Added to the order, tax-exclusive (e.g. 代引き手数料); 0 for none.',
        resolve: (method) => yen(method.fee),
      }),
    }),
  });

const toCart = (lines: { productId: { id: string }; quantity: number }[]) =>
  lines.map((line) => ({ productId: line.productId.id, quantity: line.quantity }));

builder.queryFields((t) => ({
  checkoutQuote: t.field({
    type: CheckoutQuote,
    description: 'Prices a cart exactly as an order of it would be priced (members).',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: { name: 'CheckoutQuoteResult' },
    },
    args: {
      lines: t.arg({ type: [CheckoutLineInput] }),
      paymentMethod: t.arg({
        type: PaymentMethodEnum,
        required: false,
        description: 'Include this method’s fee, as the order would.',
      }),
    },
    resolve: async (_root, { lines, paymentMethod }, context) => {
      requireMember(context);
      const fee =
        paymentMethod && paymentMethod !== 'PAYPAL'
          ? ((
              await context.db.paymentMethodSetting.findUnique({ where: { method: paymentMethod } })
            )?.fee ?? 0)
          : 0;

      return quoteLines(context.db, toCart(lines), await loadShopRules(context.db), fee);
    },
  }),
  checkoutPaymentMethods: t.field({
    type: [CheckoutPaymentMethod],
    description:
      'The methods the logged-in member can pay with now; with `lines`, also allowed by every product.',
    args: { lines: t.arg({ type: [CheckoutLineInput], required: false }) },
    resolve: (_root, { lines }, context) =>
      availablePaymentMethods(
        context.db,
        requireMember(context),
        toCart(lines ?? []).map((line) => line.productId),
      ),
  }),
}));

const StartCheckoutInput = builder.inputType('StartCheckoutInput', {
  fields: (t) => ({
    lines: t.field({ type: [CheckoutLineInput] }),
    paymentMethod: t.field({ type: PaymentMethodEnum }),
  }),
});

const PayPalReturnInput = builder.inputType('CompletePayPalReturnInput', {
  fields: (t) => ({
    token: t.string({ description: 'The `token` PayPal appended to the return URL.' }),
    payerId: t.string({ description: 'The `PayerID` PayPal appended to the return URL.' }),
  }),
});

const PayOrderInput = builder.inputType('PayOrderInput', {
  fields: (t) => ({
    orderId: t.globalID({ for: Order }),
    paymentMethod: t.field({ type: PaymentMethodEnum }),
  }),
});

const PayPalCancelInput = builder.inputType('CancelPayPalReturnInput', {
  fields: (t) => ({ token: t.string() }),
});

builder.mutationFields((t) => ({
  startCheckout: t.field({
    type: orderPayload('StartCheckoutPayload', 'redirectUrl'),
    description: '注文確定: places the order; for PayPal, answers where to send the buyer.',
    errors: {
      types: [PaymentMethodNotAllowedError, InsufficientStockError, ValidationError, PayPalError],
      directResult: true,
      union: { name: 'StartCheckoutResult' },
    },
    args: { input: t.arg({ type: StartCheckoutInput }) },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);
      const { order, redirectUrl } = await startCheckout(context, {
        memberId,
        lines: toCart(input.lines),
        paymentMethod: input.paymentMethod,
      });

      return { orderId: order.id, redirectUrl };
    },
  }),
  completePayPalReturn: t.field({
    type: orderPayload('CompletePayPalReturnPayload'),
    description: 'The buyer is back from PayPal: take the payment. Safe to repeat.',
    errors: {
      types: [OrderNotFoundError, PayPalError],
      directResult: true,
      union: { name: 'CompletePayPalReturnResult' },
    },
    args: { input: t.arg({ type: PayPalReturnInput }) },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);
      const orderId = await completePayPalReturn(context, { memberId, ...input });

      return { orderId };
    },
  }),
  payOrder: t.field({
    type: orderPayload('PayOrderPayload', 'redirectUrl'),
    description:
      'Pays a 送信未完 order again, with PayPal (a new PayPal payment) or another allowed method.',
    errors: {
      types: [
        OrderNotFoundError,
        OrderNotPayableError,
        PaymentMethodNotAllowedError,
        PayPalError,
        ValidationError,
      ],
      directResult: true,
      union: { name: 'PayOrderResult' },
    },
    args: { input: t.arg({ type: PayOrderInput }) },
    resolve: (_root, { input }, context) =>
      payOrder(context, {
        memberId: requireMember(context),
        orderId: input.orderId.id,
        paymentMethod: input.paymentMethod,
      }),
  }),
  cancelPayPalReturn: t.field({
    type: orderPayload('CancelPayPalReturnPayload'),
    description: 'The buyer cancelled at PayPal; the order stays PAYMENT_INCOMPLETE.',
    errors: {
      types: [OrderNotFoundError],
      directResult: true,
      union: { name: 'CancelPayPalReturnResult' },
    },
    args: { input: t.arg({ type: PayPalCancelInput }) },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);

      return { orderId: await cancelPayPalReturn(context, memberId, input.token) };
    },
  }),
}));
