import { denied, isStaff, requireStaff } from '../auth/access.ts';
import type { BuilderTypes } from '../builder.ts';
import { builder } from '../builder.ts';
import { Money, PaymentMethodEnum, yen } from '../common-schema.ts';
import type { Context } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { priceWithTax } from '../money/totals.ts';
import { createProduct, updateProduct } from './manage-products.ts';

function visible(context: Context, includeHidden: boolean | null | undefined) {
  return includeHidden && isStaff(context) ? {} : { active: true };
}

/** The catalogue is for logged-in members, staff and API tokens only. */
function requireCaller(context: Context) {
  if (!context.viewer && !context.apiToken) throw denied(context);
}

export const Product = builder.prismaNode('Product', {
  id: { field: 'id' },
  authScopes: (product, context) =>
    Boolean(context.viewer || context.apiToken) && (product.active || isStaff(context)),
  description: 'A product in the catalogue.',
  fields: (t) => ({
    sku: t.exposeString('sku'),
    name: t.exposeString('nameJa', { description: 'The product name in Japanese.' }),
    nameEn: t.exposeString('nameEn', { description: 'The product name in English.' }),
    price: t.field({
      type: Money,
      description: 'Tax-exclusive unit price.',
      resolve: (product) => yen(product.price),
    }),
    priceWithTax: t.field({
      type: Money,
      description:
        'Unit price with its own tax, for display. Orders round tax once per rate, not per unit.',
      resolve: (product) => yen(priceWithTax(product.price, product.taxRate)),
    }),
    taxRate: t.exposeInt('taxRate', { description: 'Consumption tax rate in percent: 10 or 8.' }),
    stock: t.exposeInt('stock', { description: 'Units available to order now.' }),
    allowedPaymentMethods: t.field({
      type: [PaymentMethodEnum],
      description: 'The only methods an order holding this product may use; empty means any.',
      resolve: (product) => product.allowedPaymentMethods,
    }),
    active: t.exposeBoolean('active', { description: 'Shown in the catalogue (false: hidden).' }),
  }),
});

builder.queryFields((t) => ({
  products: t.prismaConnection(
    {
      type: 'Product',
      cursor: 'id',
      description: 'The catalogue, in the merchant’s order. Staff may include hidden products.',
      args: { includeHidden: t.arg.boolean({ required: false }) },
      totalCount: (_parent, { includeHidden }, context) =>
        context.db.product.count({ where: visible(context, includeHidden) }),
      resolve: (query, _root, { includeHidden }, context) => {
        requireCaller(context);

        return context.db.product.findMany({
          ...query,
          where: visible(context, includeHidden),
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        });
      },
    },
    { name: 'ProductConnection' },
    { name: 'ProductEdge' },
  ),
  product: t.prismaField({
    type: 'Product',
    nullable: true,
    args: { id: t.arg.globalID({ for: Product, required: true }) },
    resolve: (query, _root, { id }, context) => {
      requireCaller(context);

      return context.db.product.findFirst({
        ...query,
        where: { id: id.id, ...visible(context, true) },
      });
    },
  }),
}));

const productFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  sku: t.string({ required: false }),
  nameJa: t.string({ required: false }),
  nameEn: t.string({ required: false }),
  price: t.int({ required: false, description: 'Tax-exclusive unit price in yen.' }),
  taxRate: t.int({ required: false, description: '10 or 8.' }),
  stock: t.int({ required: false }),
  active: t.boolean({ required: false }),
  allowedPaymentMethods: t.field({
    type: [PaymentMethodEnum],
    required: false,
    description: 'Restrict the payment methods of orders holding it; empty allows any.',
  }),
});

const ProductInput = builder.inputType('ProductInput', { fields: productFields });
const UpdateProductInput = builder.inputType('UpdateProductInput', {
  fields: (t) => ({ id: t.globalID({ for: Product }), ...productFields(t) }),
});

const ProductPayload = builder.objectRef<{ productId: string }>('ProductPayload').implement({
  fields: (t) => ({
    product: t.prismaField({
      type: 'Product',
      resolve: (query, payload, _args, context) =>
        context.db.product.findUniqueOrThrow({ ...query, where: { id: payload.productId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createProduct: t.field({
    type: ProductPayload,
    description: 'Adds a product to the catalogue (staff).',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: { name: 'CreateProductResult' },
    },
    args: { input: t.arg({ type: ProductInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);

      return { productId: (await createProduct(context, input)).id };
    },
  }),
  updateProduct: t.field({
    type: ProductPayload,
    description: 'Edits, hides or shows a product (staff). Orders keep what they were sold at.',
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateProductResult' },
    },
    args: { input: t.arg({ type: UpdateProductInput }) },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const { id, ...fields } = input;

      return { productId: (await updateProduct(context, id.id, fields)).id };
    },
  }),
}));
