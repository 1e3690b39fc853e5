import { initGraphQLTada } from 'gql.tada';
import type { introspection, introspection_types } from '../../graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';

type Enum<Name extends keyof introspection_types> = introspection_types[Name] extends {
  enumValues: infer Values;
}
  ? Values
  : never;

export type OrderStatus = Enum<'OrderStatus'>;
export type PaymentStatus = Enum<'PaymentStatus'>;
export type PaymentMethod = Enum<'PaymentMethod'>;
export type PayPalEnvironment = Enum<'PayPalEnvironment'>;
export type ApiScope = Enum<'ApiScope'>;
export type EmailStatus = Enum<'EmailStatus'>;
export type TaxRounding = Enum<'TaxRounding'>;
export type ActorType = Enum<'ActorType'>;
export type OrderOrder = Enum<'OrderOrder'>;
export type MemberOrder = Enum<'MemberOrder'>;
export type PayPalPaymentAction = Enum<'PayPalPaymentAction'>;
