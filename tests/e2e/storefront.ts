import type { Page } from 'playwright-core';

/** The browser's way through the storefront, shared by the tests that need an order first. */
export function storefrontSteps(product: { storefront: string; paypal: string }) {
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

  /**
   * The PayPal member orders 2 × TW-1001 and 1 × FD-3001 (¥6,402 with tax and shipping) and
   * pays as the sandbox's PayPal buyer. Answers the order number.
   */
  async function paidPayPalOrder(page: Page): Promise<string> {
    await logIn(page, 'buyer@example.com', 'buyer-demo');
    await addToCart(page, 'TW-1001', 2);
    await addToCart(page, 'FD-3001', 1);
    await page.goto(`${product.storefront}/checkout`);
    await page.check('input[name="paymentMethod"][value="PAYPAL"]');
    await Promise.all([
      page.waitForURL(`${product.paypal}/cgi-bin/webscr?**`),
      page.click('[data-testid="confirm-order"]'),
    ]);
    await page.fill('input[name="email"]', 'paypal-buyer@example.com');
    await page.fill('input[name="password"]', 'paypal-demo');
    await Promise.all([
      page.waitForURL(`${product.storefront}/checkout/paypal/return?**`),
      page.click('#login-submit'),
    ]);
    await page.locator('[data-testid="paypal-completed"]').waitFor();

    return (await page.locator('[data-testid="order-number"]').textContent())?.trim() ?? '';
  }

  /** Opens the order from 受注一覧, found by its number. */
  async function openOrderInAdmin(page: Page, orderNumber: string) {
    await page.goto(`${product.storefront}/admin/orders?q=${orderNumber}`);
    const row = page.locator(`[data-testid="order-row"][data-number="${orderNumber}"]`);
    await Promise.all([
      page.waitForURL(`${product.storefront}/admin/orders/**`),
      row.locator('[data-testid="order-link"]').click(),
    ]);
  }

  return { logIn, addToCart, paidPayPalOrder, openOrderInAdmin };
}
