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
    sku: t.exposeString('sku', { description: 'The stock-keeping unit, unique in the catalogue.' }),
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
      args: {
        includeHidden: t.arg.boolean({
          required: false,
          description: 'Staff only: true lists hidden products too. Ignored for other callers.',
        }),
      },
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
    { name: 'ProductConnection', description: 'A page of the catalogue.' },
    { name: 'ProductEdge', description: 'A product on a page of the catalogue.' },
  ),
  product: t.prismaField({
    type: 'Product',
    nullable: true,
    description:
      'One product of the catalogue (members, staff and API tokens); null when there is none. Hidden products are for staff only.',
    args: {
      id: t.arg.globalID({ for: Product, required: true, description: 'The product’s global id.' }),
    },
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
  sku: t.string({
    required: false,
    description:
      'The stock-keeping unit: 1 to 64 letters, digits, dots, dashes or underscores, unique in the catalogue.',
  }),
  nameJa: t.string({ required: false, description: 'The name in Japanese, 1 to 127 characters.' }),
  nameEn: t.string({ required: false, description: 'The name in English, 1 to 127 characters.' }),
  price: t.int({
    required: false,
    description: 'Tax-exclusive unit price in yen (no minor unit), 0 to 100,000,000.',
  }),
  taxRate: t.int({
    required: false,
    description: 'Consumption tax rate in percent: 10 (standard) or 8 (reduced).',
  }),
  stock: t.int({ required: false, description: 'Units available to order, 0 to 10,000,000.' }),
  active: t.boolean({ required: false, description: 'False hides it from the catalogue.' }),
  allowedPaymentMethods: t.field({
    type: [PaymentMethodEnum],
    required: false,
    description: 'Restrict the payment methods of orders holding it; empty allows any.',
  }),
});

const ProductInput = builder.inputType('ProductInput', {
  description:
    'A new product. All but `active` (default true) and `allowedPaymentMethods` (default any) are required.',
  fields: productFields,
});
const UpdateProductInput = builder.inputType('UpdateProductInput', {
  description: 'Changes to a product; each field left out keeps its value.',
  fields: (t) => ({
    id: t.globalID({ for: Product, description: 'The global id of the product to change.' }),
    ...productFields(t),
  }),
});

const ProductPayload = builder.objectRef<{ productId: string }>('ProductPayload').implement({
  description: 'A product as saved.',
  fields: (t) => ({
    product: t.prismaField({
      type: 'Product',
      description: 'The product, as saved.',
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
      union: {
        name: 'CreateProductResult',
        description: 'The new product, or why it was refused.',
      },
    },
    args: { input: t.arg({ type: ProductInput, description: 'The new product.' }) },
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
      union: {
        name: 'UpdateProductResult',
        description: 'The changed product, or why nothing was changed.',
      },
    },
    args: {
      input: t.arg({ type: UpdateProductInput, description: 'The product and what to change.' }),
    },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      const { id, ...fields } = input;

      return { productId: (await updateProduct(context, id.id, fields)).id };
    },
  }),
}));
