import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './common-schema.ts';
import './auth/auth-schema.ts';
import './auth/api-token-schema.ts';
import './products/product-schema.ts';
import './orders/order-schema.ts';
import './orders/order-actions-schema.ts';
import './members/member-schema.ts';
import './checkout/checkout-schema.ts';
import './settings/payment-settings-schema.ts';
import './settings/shop-settings-schema.ts';
import './email/email-schema.ts';
import './audit/audit-schema.ts';
import './exports/exports-schema.ts';
import './webhooks/webhooks-schema.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
