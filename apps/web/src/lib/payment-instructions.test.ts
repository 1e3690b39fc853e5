import { describe, expect, it } from 'vitest';
import { paymentInstructionsToShow } from './payment-instructions';

const account = '三井住友銀行 本店営業部 普通 1234567 カ）オロシウリ';

describe('paymentInstructionsToShow', () => {
  it('shows the bank account of an unpaid transfer', () => {
    expect(paymentInstructionsToShow({ status: 'NEW', paymentInstructions: account })).toBe(
      account,
    );
  });

  it('shows nothing once the API gives none, or for a cancelled order', () => {
    expect(paymentInstructionsToShow({ status: 'NEW', paymentInstructions: null })).toBeNull();
    expect(paymentInstructionsToShow({ status: 'NEW', paymentInstructions: '  ' })).toBeNull();
    expect(
      paymentInstructionsToShow({ status: 'CANCELLED', paymentInstructions: account }),
    ).toBeNull();
  });
});
