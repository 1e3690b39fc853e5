import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckoutMutation } from './documents.ts';
import type { GraphQLCaller, TestApp } from './harness.ts';
import { demoLogins, startTestApp } from './harness.ts';

describe('products the merchant manages', () => {
  let app: TestApp;
  let staff: GraphQLCaller;
  let buyer: GraphQLCaller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    staff = app.graphql(await app.logIn(demoLogins.staff));
    buyer = app.graphql(await app.logIn(demoLogins.paypalMember));
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  const createProduct = (input: Record<string, unknown>) =>
    staff(
      'mutation ($input: ProductInput!) { createProduct(input: $input) { __typename ... on ProductPayload { product { id sku name price { amount } taxRate stock active allowedPaymentMethods } } ... on ValidationError { field } } }',
      { input },
    ).then((result) => result.data.createProduct);

  it('creates, hides and shows a product, refusing bad input with the field named', async () => {
    const created = await createProduct({
      sku: 'SD-4001',
      nameJa: '酒器セット',
      nameEn: 'Sake set',
      price: 5400,
      taxRate: 10,
      stock: 12,
    });
    expect(created.product).toMatchObject({
      sku: 'SD-4001',
      price: { amount: 5400 },
      active: true,
      allowedPaymentMethods: [],
    });
    expect(
      await createProduct({
        sku: 'SD-4001',
        nameJa: 'x',
        nameEn: 'x',
        price: 1,
        taxRate: 10,
        stock: 1,
      }),
    ).toEqual({ __typename: 'ValidationError', field: 'sku' });
    expect(
      await createProduct({
        sku: 'SD-4002',
        nameJa: 'x',
        nameEn: 'x',
        price: 1,
        taxRate: 5,
        stock: 1,
      }),
    ).toEqual({ __typename: 'ValidationError', field: 'taxRate' });
    expect(
      await createProduct({
        sku: 'SD-4003',
        nameJa: 'x',
        nameEn: 'x',
        price: -1,
        taxRate: 8,
        stock: 1,
      }),
    ).toEqual({ __typename: 'ValidationError', field: 'price' });

    await staff(
      'mutation ($id: ID!) { updateProduct(input: { id: $id, active: false }) { __typename } }',
      { id: created.product.id },
    );
    const skus = async (caller: GraphQLCaller, hidden = false) =>
      (
        await caller(
          'query ($h: Boolean) { products(first: 100, includeHidden: $h) { edges { node { sku } } } }',
          { h: hidden },
        )
      ).data.products.edges.map((edge: { node: { sku: string } }) => edge.node.sku);
    expect(await skus(buyer)).not.toContain('SD-4001');
    expect(await skus(buyer, true)).not.toContain('SD-4001');
    expect(await skus(staff, true)).toContain('SD-4001');
    const refused = await buyer(startCheckoutMutation, {
      input: {
        lines: [{ productId: created.product.id, quantity: 1 }],
        paymentMethod: 'BANK_TRANSFER',
      },
    });
    expect(refused.data.startCheckout).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'A product in the cart is no longer sold.',
    });
  });

  it('makes PayPal unavailable for a cart holding a product limited to bank transfer, and says why', async () => {
    const limited = (
      await createProduct({
        sku: 'LM-5001',
        nameJa: '業務用米 30kg',
        nameEn: 'Rice for trade, 30 kg',
        price: 9800,
        taxRate: 8,
        stock: 50,
        allowedPaymentMethods: ['BANK_TRANSFER'],
      })
    ).product;
    const other = (await buyer('{ products(first: 1) { edges { node { id } } } }')).data.products
      .edges[0].node.id;
    const lines = [
      { productId: limited.id, quantity: 1 },
      { productId: other, quantity: 1 },
    ];

    const methods = await buyer(
      'query ($lines: [CheckoutLineInput!]) { checkoutPaymentMethods(lines: $lines) { method } }',
      { lines },
    );
    expect(methods.data.checkoutPaymentMethods).toEqual([{ method: 'BANK_TRANSFER' }]);
    const quote = await buyer(
      'query ($lines: [CheckoutLineInput!]!) { checkoutQuote(lines: $lines) { ... on CheckoutQuote { paymentRestrictions { product { sku allowedPaymentMethods } } } } }',
      { lines },
    );
    expect(quote.data.checkoutQuote.paymentRestrictions).toEqual([
      { product: { sku: 'LM-5001', allowedPaymentMethods: ['BANK_TRANSFER'] } },
    ]);

    const refused = await buyer(
      'mutation ($input: StartCheckoutInput!) { startCheckout(input: $input) { __typename ... on PaymentMethodNotAllowedError { code method message restrictedProducts { sku } } } }',
      { input: { lines, paymentMethod: 'PAYPAL' } },
    );
    expect(refused.data.startCheckout).toEqual({
      __typename: 'PaymentMethodNotAllowedError',
      code: 'PAYMENT_METHOD_NOT_ALLOWED',
      method: 'PAYPAL',
      message: 'Some products in this order cannot be paid with PAYPAL.',
      restrictedProducts: [{ sku: 'LM-5001' }],
    });
    const placed = await buyer(startCheckoutMutation, {
      input: { lines, paymentMethod: 'BANK_TRANSFER' },
    });
    expect(placed.data.startCheckout.__typename).toBe('StartCheckoutPayload');
  });

  it('refuses to price an order beyond the largest total, instead of failing', async () => {
    const created = await createProduct({
      sku: 'GD-9001',
      nameJa: '金屏風',
      nameEn: 'Gold folding screen',
      price: 100_000_000,
      taxRate: 10,
      stock: 100,
    });
    const quote = await buyer(
      'query ($lines: [CheckoutLineInput!]!) { checkoutQuote(lines: $lines) { __typename ... on ValidationError { field message } ... on CheckoutQuote { total { amount } } } }',
      { lines: [{ productId: created.product.id, quantity: 30 }] },
    );

    expect(quote.errors).toBeUndefined();
    expect(quote.data.checkoutQuote).toEqual({
      __typename: 'ValidationError',
      field: 'lines',
      message: "An order's total can be at most ¥2,147,483,647; split the order.",
    });
    const one = await buyer(
      'query ($lines: [CheckoutLineInput!]!) { checkoutQuote(lines: $lines) { ... on CheckoutQuote { total { amount } } } }',
      { lines: [{ productId: created.product.id, quantity: 1 }] },
    );
    // ¥100,000,000 ships free, with 10% tax.
    expect(one.data.checkoutQuote.total.amount).toBe(110_000_000);
  });
});
