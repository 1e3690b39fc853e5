import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost } from './csrf';

function post(headers: Record<string, string>, method = 'POST') {
  return new Request('http://localhost:3000/login', { method, headers });
}

const form = { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3000' };

describe('isCrossSiteFormPost', () => {
  it('accepts a form posted from the app itself', () => {
    const request = post({ ...form, origin: 'http://localhost:3000' });

    expect(isCrossSiteFormPost(request, 'http://localhost:3000')).toBe(false);
  });

  it('accepts the app host even when adapter-node guessed https for the app origin', () => {
    const request = post({ ...form, origin: 'http://localhost:3000' });

    expect(isCrossSiteFormPost(request, 'https://localhost:3000')).toBe(false);
  });

  it('refuses a form posted from another site or without an origin', () => {
    expect(isCrossSiteFormPost(post({ ...form, origin: 'http://evil.example' }), 'x')).toBe(true);
    expect(isCrossSiteFormPost(post(form), 'http://localhost:3000')).toBe(true);
  });

  it('leaves JSON requests and safe methods alone', () => {
    const json = post({ 'content-type': 'application/json', origin: 'http://evil.example' });

    expect(isCrossSiteFormPost(json, 'http://localhost:3000')).toBe(false);
    expect(isCrossSiteFormPost(new Request('http://localhost:3000/'), 'x')).toBe(false);
  });
});
