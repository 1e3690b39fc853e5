import { readFileSync } from 'node:fs';
import { decodeNvp } from '../../src/nvp/codec.ts';

export interface RecordedRequest {
  url: string;
  contentType: string | null;
  body: string;
  fields: Record<string, string>;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}.nvp`, import.meta.url), 'utf8');
}

/** A fetch that answers every call with `body` and records what was sent. */
export function fakeFetch(body: string, status = 200) {
  const requests: RecordedRequest[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const text = String(init?.body ?? '');
    requests.push({
      url: String(input),
      contentType: new Headers(init?.headers).get('content-type'),
      body: text,
      fields: decodeNvp(text),
    });

    return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  };

  return { fetch: fetchFn, requests };
}
