import { describe, expect, it } from 'vitest';
import { receiverIsThisShop } from './ipn.ts';

describe('receiverIsThisShop', () => {
  it('matches the account email PayPal derives the API username from', () => {
    expect(
      receiverIsThisShop('merchant_api1.wholesale.example', 'merchant@wholesale.example'),
    ).toBe(true);
    expect(
      receiverIsThisShop('merchant_api1.wholesale.example', 'Merchant@Wholesale.Example'),
    ).toBe(true);
  });

  it('refuses a message paid to another account, or naming none', () => {
    expect(receiverIsThisShop('merchant_api1.wholesale.example', 'other@wholesale.example')).toBe(
      false,
    );
    expect(receiverIsThisShop('merchant_api1.wholesale.example', undefined)).toBe(false);
  });
});
