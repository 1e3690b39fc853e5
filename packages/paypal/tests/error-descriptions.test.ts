import { describe, expect, it } from 'vitest';
import { describePayPalError } from '../src/nvp/errors.ts';

describe('describePayPalError', () => {
  it.each([
    ['10002', 'credentials'],
    ['10001', 'temporary'],
    ['10411', 'expired'],
    ['10412', 'duplicateInvoice'],
    ['10413', 'invalidRequest'],
    ['10415', 'alreadyCompleted'],
    ['11607', 'alreadyCompleted'],
    ['10417', 'fundingUnavailable'],
    ['10422', 'fundingDeclined'],
    ['10486', 'fundingDeclined'],
    ['10431', 'invalidRequest'],
  ])('puts %s in the %s category', (code, category) => {
    expect(describePayPalError(code).category).toBe(category);
  });

  it('tells the buyer to go back to PayPal after a declined funding source', () => {
    const description = describePayPalError('10486');

    expect(description.buyerMessage.en).toBe(
      'The selected payment method could not be used. Please return to PayPal and choose another one.',
    );
    expect(description.buyerMessage.ja).toContain('PayPalに戻り');
  });

  it('falls back to an unknown category that still names the code for the merchant', () => {
    const description = describePayPalError('99999');

    expect(description.category).toBe('unknown');
    expect(description.merchantMessage.en).toContain('99999');
    expect(description.buyerMessage.en).not.toContain('99999');
  });

  it('keeps codes and PayPal field names out of every buyer message', () => {
    for (const code of ['10002', '10001', '10411', '10413', '10431', '10486', '10609', '99999']) {
      const { buyerMessage } = describePayPalError(code);

      expect(`${buyerMessage.ja} ${buyerMessage.en}`).not.toMatch(/\d{5}|[A-Z]{4,}/);
    }
  });
});
