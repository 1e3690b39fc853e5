import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startProduct } from './product.ts';
import { storefrontSteps } from './storefront.ts';

describe('the merchant decides who may pay how: members in bulk, products one by one', () => {
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

  const text = async (page: Page, testId: string) =>
    (await page.locator(`[data-testid="${testId}"]`).first().textContent())?.trim();

  /** Submits a form by its button and waits for the page it answers with. */
  async function submit(page: Page, testId: string) {
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click(`[data-testid="${testId}"]`),
    ]);
    await page.waitForLoadState('load');
  }

  /** 会員一覧: one payment method for every member the search finds, previewed, then applied. */
  async function setForSearch(page: Page, search: string, allowed: boolean) {
    await page.goto(`${product.storefront}/admin/members?q=${search}`);
    await page.check('[data-testid="bulk-scope-filter"]');
    await page.selectOption('[data-testid="bulk-method"]', 'PAYPAL');
    await page.check(`[data-testid="${allowed ? 'bulk-allow' : 'bulk-disallow'}"]`);
    await submit(page, 'bulk-preview');
    const preview = await text(page, 'bulk-preview-counts');
    await submit(page, 'bulk-confirm');

    return { preview, result: await text(page, 'bulk-result') };
  }

  const methodsOf = (page: Page, email: string) =>
    page
      .locator(`[data-testid="member-row"][data-email="${email}"] [data-testid="member-methods"]`)
      .textContent();

  it('allows PayPal for the members a search finds, and such a member then pays with PayPal', async () => {
    const admin = await browser.newPage();
    await steps.logIn(admin, 'admin@example.com', 'admin-demo');

    await admin.goto(`${product.storefront}/admin/members`);
    expect(await methodsOf(admin, 'buyer@example.com')).toBe('PayPal、銀行振込');

    // The transfer member starts with bank transfer only: taking PayPal away changes no one.
    expect(await setForSearch(admin, 'transfer', false)).toEqual({
      preview: '1件中0件が変更されます。',
      result: '1件中0件の会員を変更しました。',
    });
    expect(await methodsOf(admin, 'transfer@example.com')).toBe('銀行振込');

    expect(await setForSearch(admin, 'transfer', true)).toEqual({
      preview: '1件中1件が変更されます。',
      result: '1件中1件の会員を変更しました。',
    });
    expect(await methodsOf(admin, 'transfer@example.com')).toBe('PayPal、銀行振込');

    const buyer = await browser.newPage();
    await steps.logIn(buyer, 'transfer@example.com', 'transfer-demo');
    await steps.addToCart(buyer, 'TW-1001', 2);
    await steps.addToCart(buyer, 'FD-3001', 1);
    await buyer.goto(`${product.storefront}/checkout`);
    expect(await text(buyer, 'total')).toContain('6,402');
    expect(await buyer.locator('[data-testid="payment-restriction"]').count()).toBe(0);
    await buyer.check('input[name="paymentMethod"][value="PAYPAL"]');
    await Promise.all([
      buyer.waitForURL(`${product.paypal}/cgi-bin/webscr?**`),
      buyer.click('[data-testid="confirm-order"]'),
    ]);
    await buyer.fill('input[name="email"]', 'paypal-buyer@example.com');
    await buyer.fill('input[name="password"]', 'paypal-demo');
    await Promise.all([
      buyer.waitForURL(`${product.storefront}/checkout/paypal/return?**`),
      buyer.click('#login-submit'),
    ]);
    await buyer.locator('[data-testid="paypal-completed"]').waitFor();
    const orderNumber = await text(buyer, 'order-number');

    await admin.goto(`${product.storefront}/admin/orders?q=${orderNumber}`);
    const row = admin.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);
    expect(await row.locator('[data-testid="order-member"]').textContent()).toBe(
      '有限会社さとう物産',
    );
    expect((await row.locator('[data-testid="order-status"]').textContent())?.trim()).toBe(
      '新規注文',
    );
    expect((await row.locator('[data-testid="order-total"]').textContent())?.trim()).toBe(
      '￥6,402',
    );
  });

  it('keeps PayPal from a cart that holds a product the merchant limited to bank transfer', async () => {
    const admin = await browser.newPage();
    await steps.logIn(admin, 'admin@example.com', 'admin-demo');
    await admin.goto(`${product.storefront}/admin/products/new`);
    await admin.fill('#sku', 'BT-5001');
    await admin.fill('#nameJa', '桐箱 贈答用');
    await admin.fill('#nameEn', 'Paulownia gift box');
    await admin.fill('#price', '3000');
    await admin.check('[data-testid="tax-rate-10"] input');
    await admin.fill('#stock', '20');
    await admin.check('[data-testid="product-method-BANK_TRANSFER"]');
    await submit(admin, 'product-save');
    expect(await text(admin, 'product-saved')).toBe('商品を登録しました。');

    await admin.goto(`${product.storefront}/admin/products`);
    const row = admin.locator('[data-testid="product-row"][data-sku="BT-5001"]');
    expect((await row.locator('[data-testid="product-methods"]').textContent())?.trim()).toBe(
      '銀行振込',
    );
    expect((await row.locator('[data-testid="product-price"]').textContent())?.trim()).toBe(
      '￥3,000',
    );

    const buyer = await browser.newPage();
    await steps.logIn(buyer, 'buyer@example.com', 'buyer-demo');
    await steps.addToCart(buyer, 'TW-1001', 1);
    await buyer.goto(`${product.storefront}/checkout`);
    expect(await buyer.locator('[data-testid="payment-method-PAYPAL"]').count()).toBe(1);

    await buyer.goto(`${product.storefront}/products`);
    await steps.addToCart(buyer, 'BT-5001', 1);
    await buyer.goto(`${product.storefront}/checkout`);
    // 1,980 + 3,000 = 4,980 and ¥800 shipping, all at 10%: tax 578, total 6,358.
    expect(await text(buyer, 'total')).toBe('￥6,358');
    expect(await buyer.locator('[data-testid="payment-method-PAYPAL"]').count()).toBe(0);
    expect(await buyer.locator('[data-testid="payment-method-BANK_TRANSFER"]').count()).toBe(1);
    expect(await buyer.locator('[data-testid="payment-restriction"]').allTextContents()).toEqual([
      '「桐箱 贈答用」は銀行振込のみご利用いただけます。',
    ]);
  });
});
