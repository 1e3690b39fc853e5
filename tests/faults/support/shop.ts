/** The buyer's side of a checkout, over real HTTP: the API's GraphQL and the sandbox's /sim/. */

export interface GraphQLAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads its own result shape
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** The whole answer as sent, to check that no internals leak into it. */
  text: string;
  ms: number;
}

export type Caller = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLAnswer>;

export function graphql(apiUrl: string, session?: string, timeoutMs = 60_000): Caller {
  return async (query, variables) => {
    const started = performance.now();
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { cookie: `session=${session}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const body = text.startsWith('{') ? JSON.parse(text) : {};

    return { status: response.status, data: body.data, errors: body.errors, text, ms };
  };
}

export const logInMutation = `mutation ($input: LogInInput!) {
  logIn(input: $input) { __typename ... on Error { code } }
}`;

export async function logIn(apiUrl: string, email: string, password: string): Promise<Caller> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: logInMutation, variables: { input: { email, password } } }),
  });
  const session = /session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`log in failed for ${email}: ${await response.text()}`);

  return graphql(apiUrl, session);
}

export const buyerLogin = { email: 'buyer@example.com', password: 'buyer-demo' };

export const productsQuery = '{ products(first: 100) { edges { node { id sku stock } } } }';

export async function productBySku(caller: Caller, sku: string) {
  const answer = await caller(productsQuery);
  const edges: { node: { id: string; sku: string; stock: number } }[] =
    answer.data?.products.edges ?? [];
  const product = edges.find((edge) => edge.node.sku === sku)?.node;
  if (!product) throw new Error(`no product ${sku}: ${answer.text}`);

  return product;
}

export const startCheckoutMutation = `mutation ($input: StartCheckoutInput!) {
  startCheckout(input: $input) {
    __typename
    ... on StartCheckoutPayload { redirectUrl order { id number status paymentStatus } }
    ... on Error { code message }
    ... on PayPalError { buyerMessageJa buyerMessageEn }
  }
}`;

export const completeReturnMutation = `mutation ($input: CompletePayPalReturnInput!) {
  completePayPalReturn(input: $input) {
    __typename
    ... on CompletePayPalReturnPayload {
      order { number status paymentStatus paypal { transactionId } }
    }
    ... on Error { code message }
    ... on PayPalError { paypalCode buyerMessageJa buyerMessageEn }
  }
}`;

export const orderQuery = `query ($number: String!) {
  order(number: $number) { number status paymentStatus }
}`;

/** Starts a PayPal checkout of `quantity` of one product; answers the typed result. */
export async function startPayPalCheckout(caller: Caller, productId: string, quantity = 1) {
  const answer = await caller(startCheckoutMutation, {
    input: { lines: [{ productId, quantity }], paymentMethod: 'PAYPAL' },
  });
  if (!answer.data) throw new Error(`startCheckout failed: ${answer.text}`);

  return answer.data.startCheckout;
}

async function sim(paypalUrl: string, path: string, body: unknown) {
  const response = await fetch(`${paypalUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const value = await response.json();
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(value)}`);

  return value;
}

/** The buyer approves at PayPal: answers the return's token and PayerID. */
export async function approveAtPayPal(paypalUrl: string, redirectUrl: string) {
  const token = new URL(redirectUrl).searchParams.get('token') ?? '';
  const { returnUrl } = await sim(paypalUrl, '/sim/approve', { token });
  const params = new URL(returnUrl).searchParams;

  return { token: params.get('token') ?? '', payerId: params.get('PayerID') ?? '' };
}

export function delayNextAtPayPal(
  paypalUrl: string,
  method: string,
  ms: number,
  when: 'before' | 'after',
) {
  return sim(paypalUrl, '/sim/delay-next', { method, ms, when });
}

export function httpErrorNextAtPayPal(paypalUrl: string, method: string, status: number) {
  return sim(paypalUrl, '/sim/http-error-next', { method, status });
}

export async function paypalTransactions(paypalUrl: string, invoiceId?: string) {
  const response = await fetch(`${paypalUrl}/sim/transactions`);
  const { transactions } = (await response.json()) as {
    transactions: { id: string; invoiceId: string | null; amount: number; status: string }[];
  };

  return transactions.filter((txn) => invoiceId === undefined || txn.invoiceId === invoiceId);
}

/** Polls `check` until it answers a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value) return value;

    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Words that would show database or PayPal internals in an answer to a buyer. */
export const internals = /prisma|postgres|ECONNREFUSED|ECONNRESET|ETIMEDOUT|nvp|stack|at \w+ \(/i;
