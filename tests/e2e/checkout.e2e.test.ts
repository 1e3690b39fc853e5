import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startProduct } from './product.ts';

describe('a buyer pays with PayPal through the storefront', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function logIn(page: Page, email: string, password: string) {
    await page.goto(`${product.storefront}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([
      page.waitForURL(/\/(products|admin)/, { waitUntil: 'commit' }),
      page.click('[data-testid="login-submit"]'),
    ]);
  }

  async function addToCart(page: Page, sku: string, quantity: number) {
    const row = page.locator(`[data-testid="product-row"][data-sku="${sku}"]`);
    await row.locator('input[name="quantity"]').fill(String(quantity));
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/products?/add')),
      row.locator('[data-testid="add-to-cart"]').click(),
    ]);
    await page.locator('[data-testid="cart-added"]').waitFor();
  }

  /** Orders as the PayPal member and stops on the local PayPal page. */
  async function orderWithPayPal(page: Page) {
    await logIn(page, 'buyer@example.com', 'buyer-demo');
    await addToCart(page, 'TW-1001', 2);
    await addToCart(page, 'FD-3001', 1);
    await page.goto(`${product.storefront}/cart`);
    expect(await page.locator('[data-testid="cart-line"]').count()).toBe(2);
    await page.click('[data-testid="proceed-to-checkout"]');
    // 1,980 × 2 + 1,080 = 5,040, under ¥10,000, so ¥800 shipping; tax 10% of 4,760 = 476 and
    // 8% of 1,080 = 86; total 6,402.
    await expect.poll(() => page.locator('[data-testid="total"]').textContent()).toContain('6,402');
    await page.check('input[name="paymentMethod"][value="PAYPAL"]');
    await Promise.all([
      page.waitForURL(`${product.paypal}/cgi-bin/webscr?**`),
      page.click('[data-testid="confirm-order"]'),
    ]);
    expect(await page.content()).toContain('6,402');
  }

  /** Logs in as the sandbox's PayPal buyer, which approves the payment and returns to the shop. */
  async function approveAtPayPal(page: Page) {
    await page.fill('input[name="email"]', 'paypal-buyer@example.com');
    await page.fill('input[name="password"]', 'paypal-demo');
    await Promise.all([
      page.waitForURL(`${product.storefront}/checkout/paypal/return?**`),
      page.click('#login-submit'),
    ]);
  }

  /** Makes the sandbox refuse its next call of `method` with PayPal's error `code`. */
  async function failNext(method: string, code: string) {
    const response = await fetch(`${product.paypal}/sim/fail-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method, code }),
    });
    expect(response.status).toBe(200);
  }

  /** What the sandbox has taken for an order number. */
  async function paidAtPayPal(orderNumber: string) {
    const paid = (await (await fetch(`${product.paypal}/sim/transactions`)).json()) as {
      transactions: { invoiceId: string; amount: number; token: string }[];
    };

    return paid.transactions.filter((transaction) => transaction.invoiceId === orderNumber);
  }

  const tokenOf = (url: string) => new URL(url).searchParams.get('token');
  const text = async (page: Page, testId: string) =>
    (await page.locator(`[data-testid="${testId}"]`).first().textContent())?.trim();

  /** 対応状況 in the merchant's 受注一覧; logs the page in as the merchant unless `loggedIn`. */
  async function statusInAdmin(page: Page, orderNumber: string, loggedIn = false) {
    if (!loggedIn) await logIn(page, 'admin@example.com', 'admin-demo');
    await page.goto(`${product.storefront}/admin/orders`);
    const row = page.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);

    return (await row.locator('[data-testid="order-status"]').textContent())?.trim();
  }

  it('pays at PayPal, comes back to a completed order, and the merchant sees 新規注文', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);

    await page.fill('input[name="email"]', 'paypal-buyer@example.com');
    await page.fill('input[name="password"]', 'paypal-demo');
    await Promise.all([
      page.waitForURL(`${product.storefront}/checkout/paypal/return?**`),
      page.click('#login-submit'),
    ]);
    await page.locator('[data-testid="paypal-completed"]').waitFor();
    const orderNumber =
      (await page.locator('[data-testid="order-number"]').textContent())?.trim() ?? '';
    expect(orderNumber).toMatch(/^\d{5}$/);
    expect((await page.locator('[data-testid="order-status"]').textContent())?.trim()).toBe(
      '新規注文',
    );

    // A reload of the return page shows the same paid order and pays nothing twice.
    await page.reload();
    await page.locator('[data-testid="paypal-completed"]').waitFor();
    const paid = (await (await fetch(`${product.paypal}/sim/transactions`)).json()) as {
      transactions: { invoiceId: string; amount: number }[];
    };
    expect(paid.transactions.filter((t) => t.invoiceId === orderNumber)).toEqual([
      expect.objectContaining({ amount: 6402 }),
    ]);

    const admin = await browser.newPage();
    expect(await statusInAdmin(admin, orderNumber)).toBe('新規注文');
    await admin.goto(`${product.storefront}/admin/emails`);
    await expect
      .poll(async () => {
        await admin.reload();
        return admin.locator('[data-testid="email-subject"]').allTextContents();
      })
      .toContainEqual(expect.stringContaining(orderNumber));
    await page.close();
    await admin.close();
  });

  it('goes back from PayPal and places the order again: the same PayPal page, one order', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);
    const first = tokenOf(page.url());

    // The browser's back button, then 注文確定 once more on the page it shows.
    await page.goBack();
    await page.waitForURL(`${product.storefront}/checkout`);
    await Promise.all([
      page.waitForURL(`${product.paypal}/cgi-bin/webscr?**`),
      page.click('[data-testid="confirm-order"]'),
    ]);
    expect(tokenOf(page.url())).toBe(first);

    await approveAtPayPal(page);
    await page.locator('[data-testid="paypal-completed"]').waitFor();
    const orderNumber = (await text(page, 'order-number')) ?? '';
    expect(await paidAtPayPal(orderNumber)).toHaveLength(1);
    // The buyer's history holds that one order of the cart, and no other unpaid one.
    await page.goto(`${product.storefront}/orders`);
    expect(await page.locator('[data-testid="pay-again"]').count()).toBe(0);
    await page.close();
  });

  it('cancels at PayPal, and the merchant sees 送信未完 with no email sent', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);

    await Promise.all([
      page.waitForURL(`${product.storefront}/checkout/paypal/cancel?**`),
      page.click('#cancel-link'),
    ]);
    await page.locator('[data-testid="paypal-cancelled"]').waitFor();
    const orderNumber =
      (await page.locator('[data-testid="order-number"]').textContent())?.trim() ?? '';
    expect((await page.locator('[data-testid="order-status"]').textContent())?.trim()).toBe(
      '送信未完',
    );

    const admin = await browser.newPage();
    expect(await statusInAdmin(admin, orderNumber)).toBe('送信未完');
    await admin.goto(`${product.storefront}/admin/emails`);
    const subjects = await admin.locator('[data-testid="email-subject"]').allTextContents();
    expect(subjects.some((subject) => subject.includes(orderNumber))).toBe(false);
    await page.close();
    await admin.close();
  });
  it('comes back from a declined funding source, retries at PayPal with the same token, and pays', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);
    const token = tokenOf(page.url());
    await failNext('DoExpressCheckoutPayment', '10486');

    await approveAtPayPal(page);
    await page.locator('[data-testid="paypal-error"]').waitFor();
    expect(await text(page, 'paypal-error')).toBe(
      '選択されたお支払い方法がご利用いただけませんでした。PayPalに戻り、別のお支払い方法をお選びください。',
    );
    const retry = page.locator('[data-testid="paypal-retry"]');
    expect(tokenOf((await retry.getAttribute('href')) ?? '')).toBe(token);
    expect(await page.locator('[data-testid="pay-again"]').count()).toBe(0);

    await Promise.all([page.waitForURL(`${product.paypal}/cgi-bin/webscr?**`), retry.click()]);
    expect(tokenOf(page.url())).toBe(token);
    await approveAtPayPal(page);
    await page.locator('[data-testid="paypal-completed"]').waitFor();
    const orderNumber = (await text(page, 'order-number')) ?? '';
    expect(orderNumber).toMatch(/^\d{5}$/);
    expect(await text(page, 'order-status')).toBe('新規注文');
    expect(await text(page, 'payment-status')).toBe('入金済み');
    expect(await text(page, 'total')).toBe('￥6,402');
    expect(await paidAtPayPal(orderNumber)).toEqual([
      expect.objectContaining({ amount: 6402, token }),
    ]);

    const admin = await browser.newPage();
    expect(await statusInAdmin(admin, orderNumber)).toBe('新規注文');
    await page.close();
    await admin.close();
  });

  it('pays a 送信未完 order again from the order history after cancelling at PayPal', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);
    const firstToken = tokenOf(page.url());
    await Promise.all([
      page.waitForURL(`${product.storefront}/checkout/paypal/cancel?**`),
      page.click('#cancel-link'),
    ]);
    const orderNumber = (await text(page, 'order-number')) ?? '';
    expect(orderNumber).toMatch(/^\d{5}$/);

    await page.goto(`${product.storefront}/orders`);
    const row = page.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);
    expect((await row.locator('[data-testid="order-status"]').textContent())?.trim()).toBe(
      '送信未完',
    );
    expect((await row.locator('[data-testid="order-total"]').textContent())?.trim()).toBe(
      '￥6,402',
    );
    await Promise.all([
      page.waitForURL(`${product.storefront}/orders/${orderNumber}/pay`),
      row.locator('[data-testid="pay-again"]').click(),
    ]);
    expect(await text(page, 'order-number')).toBe(orderNumber);
    expect(await text(page, 'order-total')).toBe('￥6,402');

    await page.check('input[name="paymentMethod"][value="PAYPAL"]');
    await Promise.all([
      page.waitForURL(`${product.paypal}/cgi-bin/webscr?**`),
      page.click('[data-testid="pay-order"]'),
    ]);
    const secondToken = tokenOf(page.url());
    expect(secondToken).not.toBe(firstToken);
    expect(await page.content()).toContain('6,402');
    await approveAtPayPal(page);
    await page.locator('[data-testid="paypal-completed"]').waitFor();
    expect(await text(page, 'order-number')).toBe(orderNumber);
    expect(await text(page, 'order-status')).toBe('新規注文');
    expect(await text(page, 'total')).toBe('￥6,402');
    expect(await paidAtPayPal(orderNumber)).toEqual([
      expect.objectContaining({ amount: 6402, token: secondToken }),
    ]);

    await page.goto(`${product.storefront}/orders`);
    expect(await row.locator('[data-testid="pay-again"]').count()).toBe(0);
    const admin = await browser.newPage();
    expect(await statusInAdmin(admin, orderNumber)).toBe('新規注文');
    await page.close();
    await admin.close();
  });
  it('leads to the pay page when PayPal cannot retry, and the member pays by bank transfer after a reminder', async () => {
    const page = await browser.newPage();
    await orderWithPayPal(page);
    await failNext('DoExpressCheckoutPayment', '10417');

    await approveAtPayPal(page);
    await page.locator('[data-testid="paypal-error"]').waitFor();
    expect(await page.locator('[data-testid="paypal-retry"]').count()).toBe(0);
    const payPath = (await page.locator('[data-testid="pay-again"]').getAttribute('href')) ?? '';
    const orderNumber = /^\/orders\/(\d{5})\/pay$/.exec(payPath)?.[1] ?? '';
    expect(orderNumber).not.toBe('');

    const admin = await browser.newPage();
    expect(await statusInAdmin(admin, orderNumber)).toBe('送信未完');
    await Promise.all([
      admin.waitForURL(`${product.storefront}/admin/orders/**`),
      admin
        .locator(
          `[data-testid="order-row"][data-number="${orderNumber}"] [data-testid="order-link"]`,
        )
        .click(),
    ]);
    await admin.click('[data-testid="send-reminder"]');
    expect(await text(admin, 'reminder-sent')).toContain('buyer@example.com');
    await admin.goto(`${product.storefront}/admin/emails`);
    expect(await admin.locator('[data-testid="email-subject"]').allTextContents()).toContainEqual(
      `【お支払いのお願い】ご注文番号 ${orderNumber} / Payment for order ${orderNumber}`,
    );

    await Promise.all([
      page.waitForURL(`${product.storefront}${payPath}`),
      page.click('[data-testid="pay-again"]'),
    ]);
    await page.check('input[name="paymentMethod"][value="BANK_TRANSFER"]');
    await Promise.all([
      page.waitForURL(`${product.storefront}/orders/${orderNumber}?placed=1`),
      page.click('[data-testid="pay-order"]'),
    ]);
    expect(await text(page, 'order-status')).toBe('新規注文');
    expect(await text(page, 'payment-status')).toBe('未入金');
    expect(await text(page, 'payment-method')).toBe('銀行振込');
    expect(await text(page, 'total')).toBe('￥6,402');
    expect(await paidAtPayPal(orderNumber)).toEqual([]);

    expect(await statusInAdmin(admin, orderNumber, true)).toBe('新規注文');
    await page.close();
    await admin.close();
  });
});
