import type {
  ActorType,
  ApiScope,
  EmailStatus,
  MemberOrder,
  OrderOrder,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PayPalEnvironment,
  PayPalPaymentAction,
  TaxRounding,
} from '$lib/graphql/graphql';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const orderStatus: Record<OrderStatus, Label> = {
  NEW: m.order_status_NEW,
  PAYMENT_INCOMPLETE: m.order_status_PAYMENT_INCOMPLETE,
  PROCESSING: m.order_status_PROCESSING,
  ON_HOLD: m.order_status_ON_HOLD,
  SHIPPED: m.order_status_SHIPPED,
  COMPLETED: m.order_status_COMPLETED,
  CANCELLED: m.order_status_CANCELLED,
};

const paymentStatus: Record<PaymentStatus, Label> = {
  UNPAID: m.payment_status_UNPAID,
  PENDING: m.payment_status_PENDING,
  PAID: m.payment_status_PAID,
  PARTIALLY_REFUNDED: m.payment_status_PARTIALLY_REFUNDED,
  REFUNDED: m.payment_status_REFUNDED,
  VOIDED: m.payment_status_VOIDED,
  FAILED: m.payment_status_FAILED,
};

const paymentMethod: Record<PaymentMethod, Label> = {
  PAYPAL: m.payment_method_PAYPAL,
  BANK_TRANSFER: m.payment_method_BANK_TRANSFER,
  CASH_ON_DELIVERY: m.payment_method_CASH_ON_DELIVERY,
  INVOICE: m.payment_method_INVOICE,
};

const orderSort: Record<OrderOrder, Label> = {
  NEWEST: m.sort_NEWEST,
  OLDEST: m.sort_OLDEST,
  TOTAL: m.sort_TOTAL,
  UPDATED: m.sort_UPDATED,
};

const memberSort: Record<MemberOrder, Label> = {
  NEWEST: m.sort_NEWEST,
  OLDEST: m.sort_OLDEST,
  COMPANY: m.sort_COMPANY,
};

const environment: Record<PayPalEnvironment, Label> = {
  LOCAL: m.environment_LOCAL,
  SANDBOX: m.environment_SANDBOX,
  LIVE: m.environment_LIVE,
};

const apiScope: Record<ApiScope, Label> = {
  ORDERS_READ: m.api_scope_ORDERS_READ,
  MEMBERS_READ: m.api_scope_MEMBERS_READ,
  ORDERS_WRITE: m.api_scope_ORDERS_WRITE,
};

const emailStatus: Record<EmailStatus, Label> = {
  PENDING: m.email_status_PENDING,
  SENT: m.email_status_SENT,
  FAILED: m.email_status_FAILED,
};

const taxRounding: Record<TaxRounding, Label> = {
  FLOOR: m.tax_rounding_FLOOR,
  ROUND: m.tax_rounding_ROUND,
  CEIL: m.tax_rounding_CEIL,
};

// A payment record's status is a plain string in the schema, not an enum.
const paymentState: Record<string, Label> = {
  CREATED: m.payment_state_CREATED,
  COMPLETED: m.payment_state_COMPLETED,
  PENDING: m.payment_state_PENDING,
  FAILED: m.payment_state_FAILED,
  CANCELLED: m.payment_state_CANCELLED,
  AUTHORIZED: m.payment_state_AUTHORIZED,
  VOIDED: m.payment_state_VOIDED,
};

const paymentAction: Record<PayPalPaymentAction, Label> = {
  SALE: m.payment_action_SALE,
  AUTHORIZATION: m.payment_action_AUTHORIZATION,
};

const refundStatus: Record<string, Label> = {
  REQUESTED: m.refund_status_REQUESTED,
  COMPLETED: m.refund_status_COMPLETED,
  FAILED: m.refund_status_FAILED,
};

const actorType: Record<ActorType, Label> = {
  STAFF: m.actor_STAFF,
  BUYER: m.actor_BUYER,
  PAYPAL: m.actor_PAYPAL,
  SYSTEM: m.actor_SYSTEM,
  API_TOKEN: m.actor_API_TOKEN,
};

// The kinds of an order's timeline entry, and of an audit entry's action and subject, are plain
// strings in the schema: the API may add one before this app names it.
const eventKind: Record<string, Label> = {
  PLACED: m.event_PLACED,
  ORDER_STATUS: m.event_ORDER_STATUS,
  PAYMENT_STATUS: m.event_PAYMENT_STATUS,
  PAYMENT_REMINDER: m.event_PAYMENT_REMINDER,
  PAYMENT_NEEDS_ATTENTION: m.event_PAYMENT_NEEDS_ATTENTION,
  RECONCILIATION_DIFFERENCE: m.event_RECONCILIATION_DIFFERENCE,
  PAYMENT_FEE: m.event_PAYMENT_FEE,
};

export const auditActions = [
  'ORDER_STATUS_CHANGED',
  'REFUND_RECORDED',
  'PAYMENT_SETTINGS_UPDATED',
  'SHOP_SETTINGS_UPDATED',
  'MEMBER_CREATED',
  'MEMBER_UPDATED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'PRODUCT_CREATED',
  'PRODUCT_UPDATED',
  'WEBHOOK_ENDPOINT_CREATED',
  'PAYMENT_CAPTURED',
  'PAYMENT_VOIDED',
  'WEBHOOK_ENDPOINT_UPDATED',
  'WEBHOOK_ENDPOINT_DELETED',
] as const;

const auditAction: Record<(typeof auditActions)[number], Label> = {
  ORDER_STATUS_CHANGED: m.audit_ORDER_STATUS_CHANGED,
  REFUND_RECORDED: m.audit_REFUND_RECORDED,
  PAYMENT_SETTINGS_UPDATED: m.audit_PAYMENT_SETTINGS_UPDATED,
  SHOP_SETTINGS_UPDATED: m.audit_SHOP_SETTINGS_UPDATED,
  MEMBER_CREATED: m.audit_MEMBER_CREATED,
  MEMBER_UPDATED: m.audit_MEMBER_UPDATED,
  API_TOKEN_CREATED: m.audit_API_TOKEN_CREATED,
  API_TOKEN_REVOKED: m.audit_API_TOKEN_REVOKED,
  PRODUCT_CREATED: m.audit_PRODUCT_CREATED,
  PRODUCT_UPDATED: m.audit_PRODUCT_UPDATED,
  WEBHOOK_ENDPOINT_CREATED: m.audit_WEBHOOK_ENDPOINT_CREATED,
  PAYMENT_CAPTURED: m.audit_PAYMENT_CAPTURED,
  PAYMENT_VOIDED: m.audit_PAYMENT_VOIDED,
  WEBHOOK_ENDPOINT_UPDATED: m.audit_WEBHOOK_ENDPOINT_UPDATED,
  WEBHOOK_ENDPOINT_DELETED: m.audit_WEBHOOK_ENDPOINT_DELETED,
};

const subjectType: Record<string, Label> = {
  Order: m.subject_Order,
  Member: m.subject_Member,
  PaymentMethod: m.subject_PaymentMethod,
  ShopSettings: m.subject_ShopSettings,
  ApiToken: m.subject_ApiToken,
  Product: m.subject_Product,
  WebhookEndpoint: m.subject_WebhookEndpoint,
};

// A delivery's status and an endpoint's events are plain strings in the schema.
const deliveryStatus: Record<string, Label> = {
  PENDING: m.delivery_status_PENDING,
  DELIVERED: m.delivery_status_DELIVERED,
  FAILED: m.delivery_status_FAILED,
};

export const webhookEvents = [
  'order.created',
  'order.updated',
  'order.payment_status_changed',
] as const;

const webhookEvent: Record<(typeof webhookEvents)[number], Label> = {
  'order.created': m.webhook_event_order_created,
  'order.updated': m.webhook_event_order_updated,
  'order.payment_status_changed': m.webhook_event_order_payment_status_changed,
};

const errorCodes: Record<string, Label> = {
  INVALID_CREDENTIALS: m.error_INVALID_CREDENTIALS,
  PAYMENT_METHOD_NOT_ALLOWED: m.error_PAYMENT_METHOD_NOT_ALLOWED,
  ORDER_NOT_FOUND: m.error_ORDER_NOT_FOUND,
  ORDER_NOT_PAYABLE: m.error_ORDER_NOT_PAYABLE,
  NOT_FOUND: m.error_NOT_FOUND,
  REFUND_NOT_POSSIBLE: m.error_REFUND_NOT_POSSIBLE,
  AUTHORIZATION_NOT_OPEN: m.error_AUTHORIZATION_NOT_OPEN,
  CSV_UNREADABLE: m.error_CSV_UNREADABLE,
  CSV_EMPTY: m.error_CSV_EMPTY,
  CSV_TOO_MANY_ROWS: m.error_CSV_TOO_MANY_ROWS,
  WEBHOOK_TARGET_NOT_PUBLIC: m.error_WEBHOOK_TARGET_NOT_PUBLIC,
};

// The schema may grow a value before this app knows it: show the raw value, never nothing.
function lookup<Key extends string>(table: Record<Key, Label>, key: Key, locale?: Locale) {
  const label = (table as Record<string, Label | undefined>)[key];

  return label ? label({}, { locale }) : key;
}

export const orderStatusLabel = (value: OrderStatus, locale?: Locale) =>
  lookup(orderStatus, value, locale);
export const paymentStatusLabel = (value: PaymentStatus, locale?: Locale) =>
  lookup(paymentStatus, value, locale);
export const paymentMethodLabel = (value: PaymentMethod, locale?: Locale) =>
  lookup(paymentMethod, value, locale);
export const orderSortLabel = (value: OrderOrder, locale?: Locale) =>
  lookup(orderSort, value, locale);
export const memberSortLabel = (value: MemberOrder, locale?: Locale) =>
  lookup(memberSort, value, locale);
export const environmentLabel = (value: PayPalEnvironment, locale?: Locale) =>
  lookup(environment, value, locale);
export const apiScopeLabel = (value: ApiScope, locale?: Locale) => lookup(apiScope, value, locale);
export const emailStatusLabel = (value: EmailStatus, locale?: Locale) =>
  lookup(emailStatus, value, locale);
export const taxRoundingLabel = (value: TaxRounding, locale?: Locale) =>
  lookup(taxRounding, value, locale);
export const paymentActionLabel = (value: PayPalPaymentAction, locale?: Locale) =>
  lookup(paymentAction, value, locale);
export const paymentStateLabel = (value: string, locale?: Locale) =>
  lookup(paymentState, value, locale);
export const refundStatusLabel = (value: string, locale?: Locale) =>
  lookup(refundStatus, value, locale);
export const actorTypeLabel = (value: string, locale?: Locale) =>
  lookup(actorType, value as ActorType, locale);
export const eventKindLabel = (value: string, locale?: Locale) => lookup(eventKind, value, locale);
export const auditActionLabel = (value: string, locale?: Locale) =>
  lookup(auditAction, value as (typeof auditActions)[number], locale);
export const subjectTypeLabel = (value: string, locale?: Locale) =>
  lookup(subjectType, value, locale);
export const deliveryStatusLabel = (value: string, locale?: Locale) =>
  lookup(deliveryStatus, value, locale);
export const webhookEventLabel = (value: string, locale?: Locale) =>
  lookup(webhookEvent, value as (typeof webhookEvents)[number], locale);

type TypedError = {
  code: string;
  message: string;
  /** TooManyAttemptsError's wait. */
  retryAfterSeconds?: number;
};

/** Minutes to wait, rounded up: "about 0 minutes" would invite a try that fails again. */
export function waitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * A typed error's text: ours when its code has a translation, else the API's message. The API
 * words validation failures in English only, so in Japanese they get a Japanese lead-in.
 */
export function errorText(error: TypedError, locale?: Locale): string {
  if (error.code === 'TOO_MANY_ATTEMPTS' && error.retryAfterSeconds !== undefined) {
    const minutes = waitMinutes(error.retryAfterSeconds);

    return m.error_TOO_MANY_ATTEMPTS({ minutes }, { locale });
  }
  const label = errorCodes[error.code];
  if (label) return label({}, { locale });
  if (error.code === 'VALIDATION_FAILED') {
    return m.error_validation_detail({ detail: error.message }, { locale });
  }

  return error.message;
}

/** Items of a list in one line: 、 between them in Japanese, a comma in English. */
export function joinList(items: readonly string[], locale?: Locale): string {
  return items.join(m.list_separator({}, { locale }));
}

/** Two facts side by side, as a table cell shows them: ／ in Japanese, a slash in English. */
export function joinPair(first: string, second: string, locale?: Locale): string {
  return `${first}${m.pair_separator({}, { locale })}${second}`;
}

/** The API's hint may already carry its mask; the message adds one, so keep only what shows. */
export function secretTail(hint: string): string {
  return hint.replace(/^[•*]+/, '');
}

export function taxRateLabel(rate: number, locale?: Locale): string {
  return rate === 8 ? m.tax_rate_reduced({}, { locale }) : `${rate}%`;
}

export function productName(product: { name: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && product.nameEn ? product.nameEn : product.name;
}
