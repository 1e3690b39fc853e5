import { newPayerId } from './ids.ts';
import type { Payer } from './state.ts';

export interface CardForm {
  cardNumber?: string;
  expiry?: string;
  cvv?: string;
  cardName?: string;
  cardEmail?: string;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }

  return sum % 10 === 0;
}

/** True when MM/YY or MM/YYYY is this month or later on the sandbox clock. */
function expiryValid(expiry: string, now: number): boolean {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(expiry.trim());
  if (!match) return false;

  const month = Number(match[1]);
  const year = (match[2] ?? '').length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return false;

  const today = new Date(now);

  return year * 12 + month >= today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
}

/** The guest payer for a valid card, or the message to show the buyer. */
export function guestPayerFromCard(form: CardForm, now: number): Payer | string {
  const digits = (form.cardNumber ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    return 'カード番号が正しくありません / The card number is not valid';
  }
  if (!expiryValid(form.expiry ?? '', now)) {
    return '有効期限が正しくありません / The expiry date is not valid';
  }
  if (!/^\d{3,4}$/.test((form.cvv ?? '').trim())) {
    return 'セキュリティコードが正しくありません / The security code is not valid';
  }

  const name = (form.cardName ?? '').trim();
  if (name === '') return 'カード名義を入力してください / Enter the name on the card';

  const [firstName, ...rest] = name.split(/\s+/);
  const email = (form.cardEmail ?? '').trim();

  return {
    payerId: newPayerId(),
    email: email === '' ? undefined : email,
    firstName,
    lastName: rest.length > 0 ? rest.join(' ') : undefined,
    status: 'unverified',
    countryCode: 'JP',
    guest: true,
  };
}
