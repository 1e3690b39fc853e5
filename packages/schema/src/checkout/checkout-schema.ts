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
  CheckoutTotalChangedError,
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
    method: t.expose('method', {
      type: PaymentMethodEnum,
      description: 'The payment method that was refused.',
    }),
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

errorObject(CheckoutTotalChangedError, {
  name: 'CheckoutTotalChangedError',
  description:
    'The order would cost another total than `expectedTotal` (the cart or a price changed since the buyer confirmed it); nothing was ordered.',
  fields: (t) => ({
    total: t.field({
      type: Money,
      description: 'The total the order would have now.',
      resolve: (error) => yen(error.total),
    }),
  }),
});

errorObject(InsufficientStockError, {
  name: 'InsufficientStockError',
  description: 'A product has fewer units in stock than ordered.',
  fields: (t) => ({
    productId: t.id({
      description: 'The global id of the product that is short.',
      resolve: (error) => encodeGlobalID('Product', error.productId),
    }),
    available: t.exposeInt('available', { description: 'How many units are in stock now.' }),
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
    status: t.expose('status', { type: OrderStatusEnum, description: 'The order’s status now.' }),
    paymentStatus: t.expose('paymentStatus', {
      type: PaymentStatusEnum,
      description: 'The order’s payment status now.',
    }),
  }),
});

errorObject(PayPalError, {
  name: 'PayPalError',
  description:
    'PayPal refused or could not be reached. The buyer messages are safe to show the buyer; the merchant messages are for staff.',
  fields: (t) => ({
    paypalCode: t.exposeString('paypalCode', {
      nullable: true,
      description: 'PayPal’s error code (L_ERRORCODE0), when PayPal answered.',
    }),
    buyerMessageJa: t.exposeString('buyerMessageJa', {
      description: 'What happened and what to do, for the buyer, in Japanese.',
    }),
    buyerMessageEn: t.exposeString('buyerMessageEn', {
      description: 'What happened and what to do, for the buyer, in English.',
    }),
    merchantMessageJa: t.exposeString('merchantMessageJa', {
      description: 'What happened and what to check, for the shop’s staff, in Japanese.',
    }),
    merchantMessageEn: t.exposeString('merchantMessageEn', {
      description: 'What happened and what to check, for the shop’s staff, in English.',
    }),
    retryUrl: t.exposeString('retryUrl', {
      nullable: true,
      description: 'Send the buyer here to choose another funding source at PayPal.',
    }),
  }),
});

const CheckoutLineInput = builder.inputType('CheckoutLineInput', {
  description:
    'A product in the cart and how many. Lines of the same product are added together, at most 9,999 units of a product and 100 products an order.',
  fields: (t) => ({
    productId: t.globalID({ for: Product, description: 'The product’s global id.' }),
    quantity: t.int({ description: 'How many units: a whole number of at least 1.' }),
  }),
});

const CheckoutQuoteLine = builder.objectRef<Quote['lines'][number]>('CheckoutQuoteLine').implement({
  description: 'A product of a quote, how many, and their price.',
  fields: (t) => ({
    product: t.field({
      type: Product,
      description: 'The product, as the catalogue has it now.',
      resolve: (line) => line.product,
    }),
    quantity: t.exposeInt('quantity', { description: 'How many units.' }),
    amount: t.field({
      type: Money,
      description: 'The unit price × quantity, tax-exclusive.',
      resolve: (line) => yen(line.amount),
    }),
  }),
});

const CheckoutQuote = builder.objectRef<Quote>('CheckoutQuote').implement({
  description: 'The exact totals an order of these lines would have now.',
  fields: (t) => ({
    lines: t.field({
      type: [CheckoutQuoteLine],
      description: 'One line per product, in the order the cart first names each.',
      resolve: (quote) => quote.lines,
    }),
    subtotal: t.field({
      type: Money,
      description: 'The sum of the lines, tax-exclusive.',
      resolve: (quote) => yen(quote.subtotal),
    }),
    taxBreakdown: t.field({
      type: [TaxBreakdown],
      description: 'The tax of each rate, rounded once on that rate’s sum.',
      resolve: (quote) => quote.taxBreakdown,
    }),
    tax: t.field({
      type: Money,
      description: 'Consumption tax: the sum of the breakdown’s taxes.',
      resolve: (quote) => yen(quote.tax),
    }),
    shipping: t.field({
      type: Money,
      description: 'The shipping fee, tax-exclusive; 0 when the subtotal reaches free shipping.',
      resolve: (quote) => yen(quote.shipping),
    }),
    paymentFee: t.field({
      type: Money,
      description: 'The fee of the payment method asked about, if it has one.',
      resolve: (quote) => yen(quote.paymentFee),
    }),
    total: t.field({
      type: Money,
      description: 'subtotal + shipping + paymentFee + tax: what the order would charge.',
      resolve: (quote) => yen(quote.total),
    }),
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
    description: 'A payment method the logged-in member may choose at checkout.',
    fields: (t) => ({
      method: t.expose('method', { type: PaymentMethodEnum, description: 'The payment method.' }),
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
      union: {
        name: 'CheckoutQuoteResult',
        description: 'The quote, or why the cart cannot be priced.',
      },
    },
    args: {
      lines: t.arg({
        type: [CheckoutLineInput],
        description: 'The cart’s products and quantities.',
      }),
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
    args: {
      lines: t.arg({
        type: [CheckoutLineInput],
        required: false,
        description: 'The cart; methods that a product in it does not allow are left out.',
      }),
    },
    resolve: (_root, { lines }, context) =>
      availablePaymentMethods(
        context.db,
        requireMember(context),
        toCart(lines ?? []).map((line) => line.productId),
      ),
  }),
}));

const StartCheckoutInput = builder.inputType('StartCheckoutInput', {
  description: 'The cart and the payment method to order it with.',
  fields: (t) => ({
    lines: t.field({
      type: [CheckoutLineInput],
      description: 'The products and quantities to order.',
    }),
    paymentMethod: t.field({
      type: PaymentMethodEnum,
      description:
        'How the member pays: enabled by the merchant, allowed for the member and by every product.',
    }),
    checkoutKey: t.string({
      required: false,
      description:
        'A key the client keeps for the cart being ordered, changed whenever the cart changes (at most 100 characters). 注文確定 sent again with the same key (a reload, the back button from PayPal, a retried request) answers the order the first one made instead of ordering twice: while it awaits payment it is paid as now asked (the same PayPal page while its token is open), and once it is cancelled the key is free for a new order.',
    }),
    expectedTotal: t.int({
      required: false,
      description:
        'The total, in yen, the buyer saw and confirmed. When the order would cost another total, CheckoutTotalChangedError answers and nothing is ordered.',
    }),
  }),
});

const PayPalReturnInput = builder.inputType('CompletePayPalReturnInput', {
  description: 'What PayPal appended to the return URL when it sent the buyer back.',
  fields: (t) => ({
    token: t.string({ description: 'The `token` PayPal appended to the return URL.' }),
    payerId: t.string({ description: 'The `PayerID` PayPal appended to the return URL.' }),
  }),
});

const PayOrderInput = builder.inputType('PayOrderInput', {
  description: 'A 送信未完 order of the member’s and the payment method to pay it with.',
  fields: (t) => ({
    orderId: t.globalID({ for: Order, description: 'The global id of the unpaid order.' }),
    paymentMethod: t.field({
      type: PaymentMethodEnum,
      description:
        'PayPal, or another method the member may use; the order’s totals follow that method’s fee.',
    }),
  }),
});

const PayPalCancelInput = builder.inputType('CancelPayPalReturnInput', {
  description: 'What PayPal appended to the cancel URL when the buyer cancelled.',
  fields: (t) => ({
    token: t.string({ description: 'The `token` PayPal appended to the cancel URL.' }),
  }),
});

builder.mutationFields((t) => ({
  startCheckout: t.field({
    type: orderPayload(
      'StartCheckoutPayload',
      'A placed order and, for PayPal, where the buyer pays.',
      'redirectUrl',
    ),
    description: '注文確定: places the order; for PayPal, answers where to send the buyer.',
    errors: {
      types: [
        PaymentMethodNotAllowedError,
        InsufficientStockError,
        CheckoutTotalChangedError,
        // A repeated 注文確定 pays the order it made, which another request may be paying.
        OrderNotPayableError,
        ValidationError,
        PayPalError,
      ],
      directResult: true,
      union: {
        name: 'StartCheckoutResult',
        description: 'The placed order and, for PayPal, where to pay; or why nothing was ordered.',
      },
    },
    args: {
      input: t.arg({ type: StartCheckoutInput, description: 'The cart and payment method.' }),
    },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);
      const checkoutKey = input.checkoutKey?.trim() || null;
      if (checkoutKey && checkoutKey.length > 100) {
        throw new ValidationError('The checkout key is at most 100 characters.', 'checkoutKey');
      }
      const { order, redirectUrl } = await startCheckout(context, {
        memberId,
        lines: toCart(input.lines),
        paymentMethod: input.paymentMethod,
        checkoutKey,
        expectedTotal: input.expectedTotal ?? null,
      });

      return { orderId: order.id, redirectUrl };
    },
  }),
  completePayPalReturn: t.field({
    type: orderPayload(
      'CompletePayPalReturnPayload',
      'An order whose PayPal payment was taken or authorized.',
    ),
    description: 'The buyer is back from PayPal: take the payment. Safe to repeat.',
    errors: {
      types: [OrderNotFoundError, PayPalError],
      directResult: true,
      union: {
        name: 'CompletePayPalReturnResult',
        description: 'The paid order, or why the payment was not taken.',
      },
    },
    args: {
      input: t.arg({ type: PayPalReturnInput, description: 'The return URL’s token and PayerID.' }),
    },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);
      const orderId = await completePayPalReturn(context, { memberId, ...input });

      return { orderId };
    },
  }),
  payOrder: t.field({
    type: orderPayload(
      'PayOrderPayload',
      'An order being paid again and, for PayPal, where the buyer pays.',
      'redirectUrl',
    ),
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
      union: {
        name: 'PayOrderResult',
        description: 'The order and, for PayPal, where to pay; or why it cannot be paid so.',
      },
    },
    args: {
      input: t.arg({ type: PayOrderInput, description: 'The order and the payment method.' }),
    },
    resolve: (_root, { input }, context) =>
      payOrder(context, {
        memberId: requireMember(context),
        orderId: input.orderId.id,
        paymentMethod: input.paymentMethod,
      }),
  }),
  cancelPayPalReturn: t.field({
    type: orderPayload(
      'CancelPayPalReturnPayload',
      'An order whose buyer cancelled at PayPal; it stays 送信未完.',
    ),
    description: 'The buyer cancelled at PayPal; the order stays PAYMENT_INCOMPLETE.',
    errors: {
      types: [OrderNotFoundError],
      directResult: true,
      union: {
        name: 'CancelPayPalReturnResult',
        description: 'The order, still unpaid, or OrderNotFoundError.',
      },
    },
    args: {
      input: t.arg({ type: PayPalCancelInput, description: 'The cancel URL’s token.' }),
    },
    resolve: async (_root, { input }, context) => {
      const memberId = requireMember(context);

      return { orderId: await cancelPayPalReturn(context, memberId, input.token) };
    },
  }),
}));
