/** Where IPN messages are verified: PayPal's own postback hosts, or the local sandbox's page. */
export const IPN_VERIFY_URLS = {
  sandbox: 'https://ipnpb.sandbox.paypal.com/cgi-bin/webscr',
  live: 'https://ipnpb.paypal.com/cgi-bin/webscr',
} as const;

export type IpnVerdict = 'VERIFIED' | 'INVALID';

/**
 * Asks PayPal whether it sent this IPN message: the message is posted back unchanged after
 * `cmd=_notify-validate`, and PayPal answers VERIFIED or INVALID. Anything else (an error page,
 * a timeout) throws, and the message should be verified again later.
 */
export async function verifyIpn(
  verifyUrl: string,
  body: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<IpnVerdict> {
  const response = await (options.fetch ?? fetch)(verifyUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'wholesale-ipn' },
    body: `cmd=_notify-validate&${body}`,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const answer = (await response.text()).trim();
  if (!response.ok || (answer !== 'VERIFIED' && answer !== 'INVALID')) {
    throw new Error(`IPN verification answered HTTP ${response.status}`);
  }

  return answer;
}
