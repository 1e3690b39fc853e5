import type {
  ApiScope,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  PayPalEnvironment,
  PayPalPaymentAction,
  TaxRounding,
} from '$lib/graphql/graphql';
import {
  apiScopeLabel,
  environmentLabel,
  joinList,
  orderStatusLabel,
  paymentActionLabel,
  paymentMethodLabel,
  paymentStatusLabel,
  taxRoundingLabel,
} from '$lib/labels';
import { formatDateTime, formatMoney } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Options = { locale?: Locale };
type Show = (value: unknown, options: Options) => string;

/** One changed field: its name, and the values before and after where the entry has them. */
export type AuditChange = {
  field: string;
  label: string;
  from?: string;
  to?: string;
  /** A secret: the entry says that it changed, never what it was or became. */
  changed: boolean;
};

const yen = (value: unknown) => formatMoney({ amount: Number(value), currency: 'JPY' });
const list =
  (each: Show): Show =>
  (value, options) =>
    Array.isArray(value)
      ? joinList(
          value.map((item) => each(item, options)),
          options.locale,
        )
      : each(value, options);

type Field = { label: (options: Options) => string; show?: Show };

const fields: Record<string, Field> = {
  status: {
    label: (o) => m.col_status({}, o),
    show: (v, o) => orderStatusLabel(v as OrderStatus, o.locale),
  },
  paymentStatus: {
    label: (o) => m.col_payment_status({}, o),
    show: (v, o) => paymentStatusLabel(v as PaymentStatus, o.locale),
  },
  fee: { label: (o) => m.payment_fee({}, o), show: yen },
  capture: {
    label: (o) => m.capture_title({}, o),
    show: (v) => {
      const capture = v as { amount?: number; paypalTransactionId?: string | null };
      return [yen(capture.amount), capture.paypalTransactionId].filter(Boolean).join(' / ');
    },
  },
  refund: {
    label: (o) => m.refund_title({}, o),
    show: (v) => {
      const refund = v as { amount?: number; paypalRefundTransactionId?: string | null };
      return [yen(refund.amount), refund.paypalRefundTransactionId].filter(Boolean).join(' / ');
    },
  },
  companyName: { label: (o) => m.company_name({}, o) },
  contactName: { label: (o) => m.contact_name({}, o) },
  email: { label: (o) => m.email({}, o) },
  allowedPaymentMethods: {
    label: (o) => m.allowed_methods({}, o),
    show: list((v, o) => paymentMethodLabel(v as PaymentMethod, o.locale)),
  },
  enabled: { label: (o) => m.usage({}, o) },
  enabledForNewMembers: { label: (o) => m.new_members({}, o) },
  description: { label: (o) => m.description({}, o) },
  environment: {
    label: (o) => m.environment({}, o),
    show: (v, o) => environmentLabel(v as PayPalEnvironment, o.locale),
  },
  paymentAction: {
    label: (o) => m.payment_action({}, o),
    show: (v, o) => paymentActionLabel(v as PayPalPaymentAction, o.locale),
  },
  apiUsername: { label: (o) => m.api_username({}, o) },
  apiPassword: { label: (o) => m.api_password({}, o) },
  apiSignature: { label: (o) => m.api_signature({}, o) },
  taxRounding: {
    label: (o) => m.tax_rounding({}, o),
    show: (v, o) => taxRoundingLabel(v as TaxRounding, o.locale),
  },
  shippingFee: { label: (o) => m.shipping_fee({}, o), show: yen },
  freeShippingFrom: { label: (o) => m.free_shipping_from({}, o), show: yen },
  unpaidOrderExpiryHours: {
    label: (o) => m.unpaid_order_expiry({}, o),
    show: (v, o) => `${v} ${m.unit_hours({}, o)}`,
  },
  name: { label: (o) => m.token_name({}, o) },
  scopes: {
    label: (o) => m.token_scopes({}, o),
    show: list((v, o) => apiScopeLabel(v as ApiScope, o.locale)),
  },
  revokedAt: { label: (o) => m.col_revoked({}, o), show: (v) => formatDateTime(String(v)) },
  sku: { label: (o) => m.col_sku({}, o) },
  nameJa: { label: (o) => m.field_name_ja({}, o) },
  nameEn: { label: (o) => m.field_name_en({}, o) },
  price: { label: (o) => m.col_price_ex_tax({}, o), show: yen },
  taxRate: { label: (o) => m.col_tax_rate({}, o), show: (v) => `${v}%` },
  stock: { label: (o) => m.col_stock({}, o) },
  active: { label: (o) => m.field_active({}, o) },
  url: { label: (o) => m.field_url({}, o) },
  events: { label: (o) => m.field_events({}, o) },
};

function plain(value: unknown, options: Options): string {
  if (typeof value === 'boolean') return value ? m.enabled({}, options) : m.disabled({}, options);
  if (Array.isArray(value)) {
    const items = value.map((item) => plain(item, options));

    return joinList(items, options.locale);
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);

  return String(value);
}

/** Fields whose name means something else for one kind of subject. */
const subjectFields: Record<string, Record<string, Field>> = {
  // A webhook endpoint's `active` is whether it is delivering, not whether it is on sale.
  WebhookEndpoint: { active: { label: (o) => m.field_delivering({}, o) } },
};

function show(field: string, value: unknown, options: Options): string {
  if (value === null || value === '') return m.audit_none({}, options);

  return (fields[field]?.show ?? plain)(value, options);
}

/**
 * An audit entry's changes, `{ field: { from, to } }` as JSON, as fields to read. Null when the
 * text is not such an object: the page then shows it as it came.
 */
export function auditChanges(
  json: string,
  locale?: Locale,
  subjectType?: string,
): AuditChange[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;

  const options = { locale };
  return Object.entries(parsed as Record<string, Record<string, unknown> | null>).map(
    ([field, change]) => ({
      field,
      label: (subjectFields[subjectType ?? '']?.[field] ?? fields[field])?.label(options) ?? field,
      ...(change && 'from' in change ? { from: show(field, change.from, options) } : {}),
      ...(change && 'to' in change ? { to: show(field, change.to, options) } : {}),
      changed: change?.changed === true,
    }),
  );
}
