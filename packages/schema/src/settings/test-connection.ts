import type { PayPalEnvironment } from '@wholesale/db/enums';
import { describePayPalError } from '@wholesale/paypal/errors';
import { NvpTransportError } from '@wholesale/paypal/nvp';
import { notePayPalAnswer } from '../checkout/paypal-connection.ts';
import type { Context } from '../context.ts';
import { PayPalNotConfiguredError } from '../payments/paypal-account.ts';

export interface ConnectionTest {
  ok: boolean;
  environment: PayPalEnvironment | null;
  code: string | null;
  messageJa: string;
  messageEn: string;
}

const environmentNames: Record<PayPalEnvironment, { ja: string; en: string }> = {
  LOCAL: { ja: 'ローカルのPayPalサンドボックス', en: 'the local PayPal sandbox' },
  SANDBOX: { ja: 'PayPalのサンドボックス（テスト環境）', en: 'PayPal’s sandbox (test)' },
  LIVE: { ja: 'PayPal本番環境', en: 'PayPal live' },
};

/**
 * 接続テスト: a harmless authenticated call (GetBalance) with the stored credentials, saying
 * whether PayPal accepts them and which PayPal answered. Moves no money.
 */
export async function testPayPalConnection(context: Context): Promise<ConnectionTest> {
  let paypal: Awaited<ReturnType<Context['services']['paypal']>>;
  try {
    paypal = await context.services.paypal(context.db);
  } catch (error) {
    if (!(error instanceof PayPalNotConfiguredError)) throw error;
    return {
      ok: false,
      environment: null,
      code: null,
      messageJa: 'APIユーザー名・パスワード・署名が設定されていません。',
      messageEn: 'The API username, password and signature are not set.',
    };
  }

  const where = environmentNames[paypal.environment];
  try {
    const result = await paypal.client.getBalance();
    await notePayPalAnswer(context, result.ok ? [] : result.errors, paypal);
    if (result.ok) {
      return {
        ok: true,
        environment: paypal.environment,
        code: null,
        messageJa: `${where.ja}に接続できました。認証情報は有効です。`,
        messageEn: `Connected to ${where.en}; the credentials work.`,
      };
    }
    const code = result.errors[0]?.code ?? 'unknown';
    const description = describePayPalError(code);

    return {
      ok: false,
      environment: paypal.environment,
      code,
      messageJa: `${where.ja}が認証情報を受け付けませんでした: ${description.merchantMessage.ja}`,
      messageEn: `${where.en} refused the credentials: ${description.merchantMessage.en}`,
    };
  } catch (error) {
    if (!(error instanceof NvpTransportError)) throw error;

    return {
      ok: false,
      environment: paypal.environment,
      code: null,
      messageJa: `${where.ja}に接続できませんでした。`,
      messageEn: `Could not reach ${where.en}.`,
    };
  }
}
