import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import {
  graphql,
  type PaymentMethod,
  type PayPalEnvironment,
  type PayPalPaymentAction,
} from '$lib/graphql/graphql';
import { errorText, paymentMethodLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const SettingsFields = graphql(`
  fragment SettingsFields on PaymentSettings {
    methods { method enabled enabledForNewMembers description fee { amount } }
    paypal {
      environment
      paymentAction
      apiUsername
      apiPasswordHint
      apiSignatureHint
      lastError { code message at }
    }
  }
`);

const PaymentSettings = graphql(
  `
  query PaymentSettings {
    paymentSettings { ...SettingsFields }
  }
`,
  [SettingsFields],
);

const UpdatePaymentSettings = graphql(
  `
  mutation UpdatePaymentSettings($input: UpdatePaymentSettingsInput!) {
    updatePaymentSettings(input: $input) {
      __typename
      ... on UpdatePaymentSettingsPayload { settings { ...SettingsFields } }
      ... on Error { code message }
    }
  }
`,
  [SettingsFields],
);

const TestPayPalConnection = graphql(`
  mutation TestPayPalConnection {
    testPayPalConnection { ok environment code messageJa messageEn }
  }
`);

const methods: PaymentMethod[] = ['PAYPAL', 'BANK_TRANSFER', 'CASH_ON_DELIVERY', 'INVOICE'];
const environments: PayPalEnvironment[] = ['LOCAL', 'SANDBOX', 'LIVE'];
const paymentActions: PayPalPaymentAction[] = ['SALE', 'AUTHORIZATION'];

function text(form: FormData, name: string): string {
  return form.get(name)?.toString().trim() ?? '';
}

/** A secret left empty keeps the stored one, so it is sent as null rather than as ''. */
function secret(form: FormData, name: string): string | null {
  return text(form, name) || null;
}

function paypalAccount(form: FormData) {
  const environment = text(form, 'environment') as PayPalEnvironment;
  if (!environments.includes(environment)) return null;

  const paymentAction = paymentActions.find((action) => action === text(form, 'paymentAction'));

  return {
    environment,
    paymentAction: paymentAction ?? null,
    apiUsername: text(form, 'apiUsername'),
    apiPassword: secret(form, 'apiPassword'),
    apiSignature: secret(form, 'apiSignature'),
  };
}

export const load: PageServerLoad = async (event) => {
  const { paymentSettings } = await query(event, PaymentSettings, {});

  return { settings: paymentSettings, environments, paymentActions };
};

/** A yen amount typed in the form; full-width digits and commas accepted, empty is 0. */
function wholeYen(value: FormDataEntryValue | null): number {
  const digits = String(value ?? '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');

  return digits === '' ? 0 : Number(digits);
}

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const method = text(form, 'method') as PaymentMethod;
    if (!methods.includes(method)) return fail(400, { method: null, error: m.error_VALIDATION() });

    const paypal = method === 'PAYPAL' ? paypalAccount(form) : null;
    const { updatePaymentSettings: result } = await mutate(event, UpdatePaymentSettings, {
      input: {
        method,
        enabled: form.get('enabled') === 'true',
        enabledForNewMembers: form.get('enabledForNewMembers') === 'on',
        description: text(form, 'description'),
        ...(method === 'PAYPAL' ? {} : { fee: wholeYen(form.get('fee')) }),
        paypal,
      },
    });
    if (result.__typename !== 'UpdatePaymentSettingsPayload') {
      return fail(400, { method, error: errorText(result) });
    }

    return { method, saved: m.settings_saved({ method: paymentMethodLabel(method) }) };
  },

  testConnection: async (event) => {
    const { testPayPalConnection: result } = await mutate(event, TestPayPalConnection, {});
    const { ok, environment, code } = result;
    const message = getLocale() === 'en' ? result.messageEn : result.messageJa;

    return { method: 'PAYPAL' as const, connection: { ok, environment, code, message } };
  },
};
