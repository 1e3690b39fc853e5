import { describe, expect, it } from 'vitest';
import { apiUrl } from './api-url';

describe('where the storefront reaches the API', () => {
  it('is the API on this machine at port 4000 when nothing is set', () => {
    expect(apiUrl({})).toBe('http://127.0.0.1:4000/graphql');
  });

  it('follows API_PORT, as npm start sets it for both', () => {
    expect(apiUrl({ API_PORT: '4400' })).toBe('http://127.0.0.1:4400/graphql');
  });

  it('is API_URL whenever that is set', () => {
    expect(apiUrl({ API_URL: 'http://api.internal:8080/graphql', API_PORT: '4400' })).toBe(
      'http://api.internal:8080/graphql',
    );
  });
});
