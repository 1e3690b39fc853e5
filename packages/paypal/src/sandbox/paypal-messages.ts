const INVALID_ARGUMENT =
  'Transaction refused because of an invalid argument. See additional error messages for details.';

/** PayPal's short and long messages for the codes the sandbox answers, as NVP sends them. */
const MESSAGES: Record<string, readonly [short: string, long: string]> = {
  '10001': ['Internal Error', 'Internal Error'],
  '10002': ['Security error', 'Security header is not valid'],
  '10004': [INVALID_ARGUMENT, 'The transaction id is not valid'],
  '10007': ['Permission denied', 'You do not have permissions to make this API call'],
  '10009': ['Transaction refused', 'You can not refund this type of transaction'],
  '10014': [
    'API call was rate limited.',
    'The API call has been denied as it has exceeded the permissible call rate limit.',
  ],
  '10400': [INVALID_ARGUMENT, 'Order total is missing.'],
  '10401': [INVALID_ARGUMENT, 'Order total is invalid.'],
  '10404': [INVALID_ARGUMENT, 'ReturnURL is missing.'],
  '10405': [INVALID_ARGUMENT, 'CancelURL is missing.'],
  '10406': [INVALID_ARGUMENT, 'The PayerID value is invalid.'],
  '10408': ['Express Checkout token is missing.', 'Express Checkout token is missing.'],
  '10409': [
    "You're not authorized to access this info.",
    'Express Checkout token was issued for a merchant account other than yours.',
  ],
  '10410': ['Invalid token', 'Invalid token.'],
  '10411': [
    'This Express Checkout session has expired.',
    'This Express Checkout session has expired.  Token value is no longer valid.',
  ],
  '10412': ['Duplicate invoice', 'Payment has already been made for this InvoiceID.'],
  '10413': [INVALID_ARGUMENT, 'The totals of the cart item amounts do not match order amounts.'],
  '10414': [INVALID_ARGUMENT, 'The amount exceeds the maximum amount for a single transaction.'],
  '10415': [
    INVALID_ARGUMENT,
    'A successful transaction has already been completed for this token.',
  ],
  '10416': [
    INVALID_ARGUMENT,
    'You have exceeded the maximum number of payment attempts for this token.',
  ],
  '10417': [
    'Transaction cannot complete.',
    'The transaction cannot complete successfully.  Instruct the customer to use an alternative payment method.',
  ],
  '10418': [INVALID_ARGUMENT, 'The currencies of the shopping cart amounts must be the same.'],
  '10419': ['Express Checkout PayerID is missing.', 'Express Checkout PayerID is missing.'],
  '10420': [INVALID_ARGUMENT, 'Express Checkout PaymentAction is missing.'],
  '10421': [
    'This Express Checkout session belongs to a different customer.',
    'This Express Checkout session belongs to a different customer.  Token value mismatch.',
  ],
  '10422': [
    'Customer must choose new funding sources.',
    'The customer must return to PayPal to select new funding sources.',
  ],
  '10426': [INVALID_ARGUMENT, 'Item total is invalid.'],
  '10427': [INVALID_ARGUMENT, 'Shipping total is invalid.'],
  '10428': [INVALID_ARGUMENT, 'Handling total is invalid.'],
  '10429': [INVALID_ARGUMENT, 'Tax total is invalid.'],
  '10430': [INVALID_ARGUMENT, 'Item amount is missing.'],
  '10431': ['Item amount is invalid.', 'Item amount is invalid.'],
  '10432': [INVALID_ARGUMENT, 'Invoice ID value exceeds maximum allowable length.'],
  '10444': [
    INVALID_ARGUMENT,
    'The transaction currency specified must be the same as previously specified.',
  ],
  '10445': [
    'This transaction cannot be processed at this time. Please try again later.',
    'This transaction cannot be processed at this time. Please try again later.',
  ],
  '10471': [INVALID_ARGUMENT, 'ReturnURL is invalid.'],
  '10472': [INVALID_ARGUMENT, 'CancelURL is invalid.'],
  '10474': [
    'Invalid Data',
    "This transaction cannot be processed. The country code in the shipping address must match the buyer's country of residence.",
  ],
  '10485': [
    'Payment has not been authorized by the user.',
    'Payment has not been authorized by the user.',
  ],
  '10486': [
    "This transaction couldn't be completed.",
    "This transaction couldn't be completed. Please redirect your customer to PayPal.",
  ],
  '10525': [
    'Invalid Data',
    'This transaction cannot be processed. The amount to be charged is zero.',
  ],
  '10600': ['Authorization voided.', 'Authorization is voided.'],
  '10601': ['Authorization expired.', 'Authorization has expired.'],
  '10602': ['Authorization completed.', 'Authorization has already been completed.'],
  '10605': ['Unsupported currency.', 'Currency is not supported.'],
  '10606': ['Buyer cannot pay.', 'Transaction rejected, please contact the buyer.'],
  '10609': ['Transaction id is invalid.', 'Transaction id is invalid.'],
  '10610': ['Amount limit exceeded.', 'Amount specified exceeds allowable limit.'],
  '11607': [
    'Duplicate Request',
    'A successful transaction has already been completed for this token.',
  ],
  '13113': ['Buyer Cannot Pay.', 'The Buyer cannot pay with PayPal for this Transaction.'],
  '81002': ['Unspecified Method', 'Method Specified is not Supported'],
};

export function paypalMessages(code: string): { short: string; long: string } {
  const known = MESSAGES[code];
  if (known === undefined) return { short: 'Transaction refused', long: `Error ${code}` };

  return { short: known[0], long: known[1] };
}
