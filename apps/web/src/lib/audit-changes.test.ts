import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

describe('auditChanges', () => {
  it('labels an order status change', () => {
    const json = JSON.stringify({ status: { from: 'NEW', to: 'CANCELLED' } });

    expect(auditChanges(json, 'ja')).toEqual([
      { field: 'status', label: '対応状況', from: '新規注文', to: 'キャンセル', changed: false },
    ]);
  });

  it("names a webhook endpoint's pause as delivery, a capture and a fee by what they are", () => {
    const paused = JSON.stringify({ active: { from: true, to: false } });
    expect(auditChanges(paused, 'ja', 'WebhookEndpoint')?.[0]?.label).toBe('配信');
    expect(auditChanges(paused, 'ja', 'Product')?.[0]?.label).toBe('販売');

    const captured = JSON.stringify({
      capture: { to: { amount: 6116, paypalTransactionId: '8AB12345CD6789012' } },
      fee: { from: 0, to: 330 },
    });
    expect(auditChanges(captured, 'ja')?.map(({ label, from, to }) => [label, from, to])).toEqual([
      ['売上確定', undefined, '￥6,116 / 8AB12345CD6789012'],
      ['決済手数料（税抜）', '￥0', '￥330'],
    ]);
  });

  it('says only that a secret changed', () => {
    const json = JSON.stringify({
      apiUsername: { from: 'old_api1.example.com', to: 'new_api1.example.com' },
      apiPassword: { changed: true },
    });

    expect(auditChanges(json, 'ja')).toEqual([
      {
        field: 'apiUsername',
        label: 'API ユーザー名',
        from: 'old_api1.example.com',
        to: 'new_api1.example.com',
        changed: false,
      },
      { field: 'apiPassword', label: 'API パスワード', changed: true },
    ]);
  });

  it('shows yen, lists, switches and nothing readably', () => {
    const json = JSON.stringify({
      shippingFee: { from: 800, to: 1000 },
      freeShippingFrom: { from: 10000, to: null },
      allowedPaymentMethods: { from: ['BANK_TRANSFER'], to: ['PAYPAL', 'BANK_TRANSFER'] },
      enabled: { from: false, to: true },
    });

    expect(auditChanges(json, 'ja')?.map(({ label, from, to }) => [label, from, to])).toEqual([
      ['送料（税抜）', '￥800', '￥1,000'],
      ['送料無料になる金額', '￥10,000', 'なし'],
      ['利用可能な決済方法', '銀行振込', 'PayPal、銀行振込'],
      ['利用', '無効', '有効'],
    ]);
  });

  it('shows a value set for the first time without a before', () => {
    const json = JSON.stringify({
      refund: { to: { amount: 1000, paypalRefundTransactionId: '5RF12345' } },
      paymentStatus: { from: 'PAID', to: 'PARTIALLY_REFUNDED' },
    });

    expect(auditChanges(json, 'en')).toEqual([
      { field: 'refund', label: 'Refund', to: '￥1,000 / 5RF12345', changed: false },
      {
        field: 'paymentStatus',
        label: 'Payment status',
        from: 'Paid',
        to: 'Partially refunded',
        changed: false,
      },
    ]);
  });

  it('reads a new product, every field set from nothing', () => {
    const json = JSON.stringify({
      sku: { from: null, to: 'TW-2001' },
      price: { from: null, to: 2480 },
      taxRate: { from: null, to: 8 },
      active: { from: null, to: true },
    });

    expect(auditChanges(json, 'ja')?.map(({ label, from, to }) => [label, from, to])).toEqual([
      ['商品コード', 'なし', 'TW-2001'],
      ['単価（税抜）', 'なし', '￥2,480'],
      ['税率', 'なし', '8%'],
      ['販売', 'なし', '有効'],
    ]);
  });

  it('keeps the name of a field it does not know', () => {
    expect(auditChanges('{"colour":{"from":"red","to":"blue"}}', 'ja')).toEqual([
      { field: 'colour', label: 'colour', from: 'red', to: 'blue', changed: false },
    ]);
  });

  it('gives up on text that is not a set of changes', () => {
    expect(auditChanges('not json', 'ja')).toBeNull();
    expect(auditChanges('[1,2]', 'ja')).toBeNull();
  });
});
