import type { PaymentMethodSetting, PayPalAccount } from '@wholesale/db/prisma';
import { requireStaff } from '../auth/access.ts';
import { builder } from '../builder.ts';
import { paymentMethodOrder } from '../checkout/payment-methods.ts';
import {
  Money,
  PaymentMethodEnum,
  PayPalEnvironmentEnum,
  PayPalPaymentActionEnum,
  yen,
} from '../common-schema.ts';
import type { Context } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { updatePaymentSettings } from './payment-settings.ts';
import type { ConnectionTest } from './test-connection.ts';
import { testPayPalConnection } from './test-connection.ts';

const PaymentMethodSettings = builder
  .objectRef<Omit<PaymentMethodSetting, 'updatedAt'>>('PaymentMethodSettings')
  .implement({
    description: 'One block of 決済設定.',
    fields: (t) => ({
      method: t.expose('method', {
        type: PaymentMethodEnum,
        description: 'The payment method this block sets.',
      }),
      enabled: t.exposeBoolean('enabled', { description: '有効: offered at checkout.' }),
      enabledForNewMembers: t.exposeBoolean('enabledForNewMembers', {
        description: '新規会員: new members are allowed this method automatically.',
      }),
      description: t.exposeString('description', { description: '決済に関する説明.' }),
      fee: t.field({
        type: Money,
        description: 'Tax-exclusive fee added to orders paid this way (e.g. 代引き手数料).',
        resolve: (setting) => yen(setting.fee),
      }),
    }),
  });

type PayPalAccountShape = Pick<
  PayPalAccount,
  | 'environment'
  | 'paymentAction'
  | 'apiUsername'
  | 'apiPasswordHint'
  | 'apiSignatureHint'
  | 'lastErrorCode'
  | 'lastErrorMessage'
  | 'lastErrorAt'
>;

const PayPalAccountError = builder
  .objectRef<{ code: string; message: string; at: Date }>('PayPalAccountError')
  .implement({
    description: 'PayPal refused the credentials; cleared when PayPal next accepts them.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'PayPal’s error code, e.g. 10002.' }),
      message: t.exposeString('message', {
        description: 'What to check, in Japanese and English.',
      }),
      at: t.expose('at', { type: 'DateTime', description: 'When PayPal refused them.' }),
    }),
  });

const PayPalAccountRef = builder.objectRef<PayPalAccountShape>('PayPalAccount').implement({
  description: 'The PayPal API credentials. Secrets are never returned, only a hint.',
  fields: (t) => ({
    environment: t.expose('environment', {
      type: PayPalEnvironmentEnum,
      description: 'Which PayPal the shop talks to.',
    }),
    paymentAction: t.expose('paymentAction', {
      type: PayPalPaymentActionEnum,
      description: 'How new PayPal payments are taken; a payment already begun keeps its way.',
    }),
    apiUsername: t.exposeString('apiUsername', {
      description: 'The API username (APIユーザー名); empty when unset.',
    }),
    apiPasswordHint: t.exposeString('apiPasswordHint', {
      nullable: true,
      description:
        'The stored API password masked but for its last four characters; null if unset.',
    }),
    apiSignatureHint: t.exposeString('apiSignatureHint', {
      nullable: true,
      description:
        'The stored API signature masked but for its last four characters; null if unset.',
    }),
    lastError: t.field({
      type: PayPalAccountError,
      nullable: true,
      description: 'Why PayPal last refused the credentials; null while it accepts them.',
      resolve: (account) =>
        account.lastErrorCode && account.lastErrorAt
          ? {
              code: account.lastErrorCode,
              message: account.lastErrorMessage ?? '',
              at: account.lastErrorAt,
            }
          : null,
    }),
  }),
});

const PaymentSettings = builder.objectRef<Record<string, never>>('PaymentSettings').implement({
  description: '各種設定 > 決済設定.',
  fields: (t) => ({
    methods: t.field({
      type: [PaymentMethodSettings],
      description: 'One block per payment method, in the order checkout shows them.',
      resolve: (_settings, _args, context) => methodSettings(context),
    }),
    paypal: t.field({
      type: PayPalAccountRef,
      description: 'The PayPal account the shop takes payments with.',
      resolve: async (_settings, _args, context) =>
        (await context.db.payPalAccount.findUnique({ where: { id: 1 } })) ?? {
          environment: 'LOCAL' as const,
          paymentAction: 'SALE' as const,
          apiUsername: '',
          apiPasswordHint: null,
          apiSignatureHint: null,
          lastErrorCode: null,
          lastErrorMessage: null,
          lastErrorAt: null,
        },
    }),
  }),
});

async function methodSettings(context: Context) {
  const rows = await context.db.paymentMethodSetting.findMany();

  return paymentMethodOrder.map(
    (method) =>
      rows.find((row) => row.method === method) ?? {
        method,
        enabled: false,
        enabledForNewMembers: false,
        description: '',
        fee: 0,
      },
  );
}

builder.queryField('paymentSettings', (t) =>
  t.field({
    type: PaymentSettings,
    description: 'The payment settings (staff).',
    resolve: (_root, _args, context) => {
      requireStaff(context);

      return {};
    },
  }),
);

const PayPalAccountInput = builder.inputType('PayPalAccountInput', {
  description: 'The PayPal account to take payments with. Secrets are write-only.',
  fields: (t) => ({
    environment: t.field({
      type: PayPalEnvironmentEnum,
      description: 'Which PayPal the shop talks to.',
    }),
    paymentAction: t.field({
      type: PayPalPaymentActionEnum,
      required: false,
      description: 'How new PayPal payments are taken; absent keeps the stored choice.',
    }),
    apiUsername: t.string({ description: 'APIユーザー名.' }),
    apiPassword: t.string({
      required: false,
      description: 'パスワード; empty keeps the stored one.',
    }),
    apiSignature: t.string({
      required: false,
      description: 'API署名; empty keeps the stored one.',
    }),
  }),
});

const UpdatePaymentSettingsInput = builder.inputType('UpdatePaymentSettingsInput', {
  description: 'One block of 決済設定, saved as a whole.',
  fields: (t) => ({
    method: t.field({ type: PaymentMethodEnum, description: 'The payment method of the block.' }),
    enabled: t.boolean({ description: '有効: offer the method at checkout.' }),
    enabledForNewMembers: t.boolean({
      description: '新規会員: allow the method to members registered from now on.',
    }),
    description: t.string({
      description:
        '決済に関する説明: what buyers read at checkout, e.g. the bank account; at most 2,000 characters.',
    }),
    fee: t.int({
      required: false,
      description: 'Yen, tax-exclusive; not for PayPal. Absent keeps the current fee.',
    }),
    paypal: t.field({ type: PayPalAccountInput, required: false, description: 'PayPal only.' }),
  }),
});

const UpdatePaymentSettingsPayload = builder
  .objectRef<Record<string, never>>('UpdatePaymentSettingsPayload')
  .implement({
    description: 'The payment settings as saved.',
    fields: (t) => ({
      settings: t.field({
        type: PaymentSettings,
        description: 'Every block, as saved.',
        resolve: () => ({}),
      }),
    }),
  });

builder.mutationField('updatePaymentSettings', (t) =>
  t.field({
    type: UpdatePaymentSettingsPayload,
    description: '更新 in one block of 決済設定 (staff).',
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'UpdatePaymentSettingsResult',
        description: 'The saved settings, or why the block was refused.',
      },
    },
    args: {
      input: t.arg({ type: UpdatePaymentSettingsInput, description: 'The block to save.' }),
    },
    resolve: async (_root, { input }, context) => {
      requireStaff(context);
      await updatePaymentSettings(context, input);

      return {};
    },
  }),
);

const PayPalConnectionTest = builder.objectRef<ConnectionTest>('PayPalConnectionTest').implement({
  description: 'Whether PayPal accepts the stored credentials, and which PayPal answered.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'True when PayPal accepted the credentials.' }),
    environment: t.field({
      type: PayPalEnvironmentEnum,
      nullable: true,
      description: 'The PayPal that was asked; null when no credentials are stored.',
      resolve: (test) => test.environment,
    }),
    code: t.exposeString('code', { nullable: true, description: 'PayPal’s error code, if any.' }),
    messageJa: t.exposeString('messageJa', { description: 'The outcome, in Japanese.' }),
    messageEn: t.exposeString('messageEn', { description: 'The outcome, in English.' }),
  }),
});

builder.mutationField('testPayPalConnection', (t) =>
  t.field({
    type: PayPalConnectionTest,
    description:
      '接続テスト (staff): a harmless authenticated PayPal call with the stored credentials.',
    resolve: (_root, _args, context) => {
      requireStaff(context);

      return testPayPalConnection(context);
    },
  }),
);
