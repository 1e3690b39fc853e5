import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startProduct } from './product.ts';
import { storefrontSteps } from './storefront.ts';

type SandboxTransaction = {
  id: string;
  invoiceId: string;
  amount: number;
  status: string;
  refundedAmount: number;
  refunds: { id: string; amount: number }[];
};

describe('the merchant refunds PayPal orders, and refunds made at PayPal reach the order', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let steps: ReturnType<typeof storefrontSteps>;

  beforeAll(async () => {
    product = await startProduct();
    steps = storefrontSteps(product);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function transactionAtPayPal(orderNumber: string): Promise<SandboxTransaction> {
    const { transactions } = (await (await fetch(`${product.paypal}/sim/transactions`)).json()) as {
      transactions: SandboxTransaction[];
    };
    const found = transactions.filter((transaction) => transaction.invoiceId === orderNumber);
    expect(found).toHaveLength(1);

    return found[0] as SandboxTransaction;
  }

  const text = async (page: Page, testId: string) =>
    (await page.locator(`[data-testid="${testId}"]`).first().textContent())?.trim();
  /** The text of each cell of each row with this test id, as a table of strings. */
  const cells = (page: Page, testId: string) =>
    page
      .locator(`[data-testid="${testId}"]`)
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...(row as HTMLTableRowElement).cells].map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );

  it('cancels a paid order with a refund at PayPal: キャンセル, 返金済み, and refunded at PayPal', async () => {
    const buyer = await browser.newPage();
    const orderNumber = await steps.paidPayPalOrder(buyer);
    expect(orderNumber).toMatch(/^\d{5}$/);

    const admin = await browser.newPage();
    await steps.logIn(admin, 'admin@example.com', 'admin-demo');
    await steps.openOrderInAdmin(admin, orderNumber);
    expect(await text(admin, 'order-status')).toBe('新規注文');
    expect(await text(admin, 'payment-status')).toBe('入金済み');
    expect(await text(admin, 'refund-remaining')).toBe('￥6,402');

    // The choice has no default: the browser refuses the form until the merchant makes it.
    expect(await admin.isChecked('[data-testid="cancel-refund-yes"]')).toBe(false);
    expect(await admin.isChecked('[data-testid="cancel-refund-no"]')).toBe(false);
    await admin.check('[data-testid="cancel-refund-yes"]');
    await admin.fill('#cancel-note', '先方都合によるキャンセル');
    await Promise.all([
      admin.waitForURL(/\/admin\/orders\/[^/]+\?\/cancel$/),
      admin.click('[data-testid="cancel-submit"]'),
    ]);

    expect(await text(admin, 'action-done')).toBe('PayPal で返金し、注文をキャンセルしました。');
    expect(await admin.locator('[data-testid="action-error"]').count()).toBe(0);
    expect(await text(admin, 'order-status')).toBe('キャンセル');
    expect(await text(admin, 'payment-status')).toBe('返金済み');
    // Nothing is left to refund or cancel.
    expect(await admin.locator('[data-testid="refund-submit"]').count()).toBe(0);
    expect(await admin.locator('[data-testid="cancel-submit"]').count()).toBe(0);

    const paypal = await transactionAtPayPal(orderNumber);
    expect(paypal).toMatchObject({ amount: 6402, status: 'Refunded', refundedAmount: 6402 });
    expect(paypal.refunds).toEqual([expect.objectContaining({ amount: 6402 })]);
    const refundId = paypal.refunds[0]?.id ?? '';
    const refunds = await cells(admin, 'refund-row');
    expect(refunds.map((row) => row.slice(1))).toEqual([
      ['￥6,402', '完了', refundId, '—', '先方都合によるキャンセル'],
    ]);
    const timeline = (await cells(admin, 'timeline-row')).map((row) => row.slice(1));
    expect(timeline).toContainEqual([
      'スタッフ',
      '入金状況 入金済み → 返金済み',
      `Refund ${refundId}: 6402 JPY`,
    ]);
    expect(timeline).toContainEqual([
      'スタッフ',
      '対応状況 新規注文 → キャンセル',
      '先方都合によるキャンセル',
    ]);

    await buyer.close();
    await admin.close();
  });

  it('shows a partial refund made in PayPal’s merchant view as 一部返金 once its IPN is in', async () => {
    const buyer = await browser.newPage();
    const orderNumber = await steps.paidPayPalOrder(buyer);
    const paid = await transactionAtPayPal(orderNumber);
    expect(paid).toMatchObject({ amount: 6402, status: 'Completed' });

    // The merchant refunds ¥2,000 at PayPal, outside the shop; PayPal tells the shop by IPN.
    const refunded = await fetch(`${product.paypal}/sim/merchant`, {
      method: 'POST',
      body: new URLSearchParams({ transactionId: paid.id, amount: '2000' }),
      redirect: 'manual',
    });
    expect(refunded.status).toBe(303);
    const atPayPal = await transactionAtPayPal(orderNumber);
    expect(atPayPal).toMatchObject({ status: 'Partially-Refunded', refundedAmount: 2000 });

    const admin = await browser.newPage();
    await steps.logIn(admin, 'admin@example.com', 'admin-demo');
    await steps.openOrderInAdmin(admin, orderNumber);
    // The API applies the IPN in the background, after PayPal's postback verifies it.
    await expect
      .poll(
        async () => {
          await admin.reload();
          return text(admin, 'payment-status');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('一部返金');

    expect(await text(admin, 'order-status')).toBe('新規注文');
    expect(await text(admin, 'refund-remaining')).toBe('￥4,402');
    const refundId = atPayPal.refunds[0]?.id ?? '';
    const refunds = await cells(admin, 'refund-row');
    expect(refunds.map((row) => row.slice(1, 5))).toEqual([['￥2,000', '完了', refundId, '—']]);
    const timeline = (await cells(admin, 'timeline-row')).map((row) => row.slice(1));
    expect(timeline).toContainEqual([
      'PayPal',
      '入金状況 入金済み → 一部返金',
      `Refund ${refundId}: 2000 JPY`,
    ]);

    await buyer.close();
    await admin.close();
  });

  it('takes PayPal payments as authorizations when the merchant says so: 売上確定 captures, キャンセル voids', async () => {
    const admin = await browser.newPage();
    await steps.logIn(admin, 'admin@example.com', 'admin-demo');
    const takePayPalAs = async (action: 'SALE' | 'AUTHORIZATION') => {
      await admin.goto(`${product.storefront}/admin/settings/payments`);
      await admin.selectOption('[data-testid="payment-action"]', action);
      await Promise.all([
        admin.waitForResponse((response) => response.request().method() === 'POST'),
        admin.click('[data-testid="save-PAYPAL"]'),
      ]);
      await admin.locator('[data-testid="settings-saved"]').waitFor();
    };
    const atPayPal = async (orderNumber: string) => {
      const { transactions } = (await (
        await fetch(`${product.paypal}/sim/transactions`)
      ).json()) as { transactions: (SandboxTransaction & { action: string })[] };

      return transactions
        .filter((transaction) => transaction.invoiceId === orderNumber)
        .map(({ action, status, amount }) => ({ action, status, amount }));
    };
    await takePayPalAs('AUTHORIZATION');

    const buyer = await browser.newPage();
    const captured = await steps.paidPayPalOrder(buyer);
    expect(await atPayPal(captured)).toEqual([
      { action: 'Authorization', status: 'Pending', amount: 6402 },
    ]);
    await steps.openOrderInAdmin(admin, captured);
    expect(await text(admin, 'order-status')).toBe('新規注文');
    expect(await text(admin, 'payment-status')).toBe('確認待ち');
    expect(await admin.locator('[data-testid="refund-submit"]').count()).toBe(0);
    await Promise.all([
      admin.waitForURL(/\?\/capture$/),
      admin.click('[data-testid="capture-submit"]'),
    ]);
    expect(await text(admin, 'action-done')).toBe('￥6,402 を売上確定しました。');
    expect(await text(admin, 'payment-status')).toBe('入金済み');
    expect(await admin.locator('[data-testid="capture-submit"]').count()).toBe(0);
    expect(await admin.locator('[data-testid="refund-submit"]').count()).toBe(1);
    expect(await atPayPal(captured)).toEqual([
      { action: 'Authorization', status: 'Completed', amount: 6402 },
      { action: 'Sale', status: 'Completed', amount: 6402 },
    ]);

    // A second buyer's session: the first is still logged in.
    const secondBuyer = await browser.newPage();
    const voided = await steps.paidPayPalOrder(secondBuyer);
    await steps.openOrderInAdmin(admin, voided);
    // Nothing to choose: a cancelled order's authorization is always voided.
    expect(await admin.locator('[data-testid="cancel-refund-yes"]').count()).toBe(0);
    expect(await text(admin, 'cancel-lead')).toBe(
      'キャンセルすると、PayPalが与信で確保している ￥6,402 を取り消します（代金は請求されません）。',
    );
    await Promise.all([
      admin.waitForURL(/\?\/cancel$/),
      admin.click('[data-testid="cancel-submit"]'),
    ]);
    expect(await text(admin, 'action-done')).toBe(
      '注文をキャンセルし、PayPalの与信を取り消しました。',
    );
    expect(await text(admin, 'order-status')).toBe('キャンセル');
    expect(await text(admin, 'payment-status')).toBe('取消済み');
    expect(await atPayPal(voided)).toEqual([
      { action: 'Authorization', status: 'Voided', amount: 6402 },
    ]);

    await takePayPalAs('SALE');
    await buyer.close();
    await secondBuyer.close();
    await admin.close();
  });
});
