import { denied } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { Money, yen } from '../common-schema.ts';
import type { Context } from '../context.ts';
import { priceWithTax } from '../money/totals.ts';

/** The catalogue is for logged-in members, staff and API tokens only. */
function requireCaller(context: Context) {
  if (!context.viewer && !context.apiToken) throw denied(context);
}

export const Product = builder.prismaNode('Product', {
  id: { field: 'id' },
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
  }),
});

builder.queryFields((t) => ({
  products: t.prismaConnection(
    {
      type: 'Product',
      cursor: 'id',
      description: 'The catalogue, in the merchant’s order.',
      totalCount: (_parent, _args, context) =>
        context.db.product.count({ where: { active: true } }),
      resolve: (query, _root, _args, context) => {
        requireCaller(context);

        return context.db.product.findMany({
          ...query,
          where: { active: true },
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

      return context.db.product.findFirst({ ...query, where: { id: id.id, active: true } });
    },
  }),
}));
