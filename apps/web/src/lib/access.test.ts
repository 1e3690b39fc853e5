import { describe, expect, it } from 'vitest';
import { accessRedirect, safeRedirectPath } from './access';

describe('accessRedirect', () => {
  it('sends nobody anywhere while the API cannot say who is asking', () => {
    expect(accessRedirect('/products', null, false)).toBeNull();
    expect(accessRedirect('/admin/orders', null, false)).toBeNull();
    expect(accessRedirect('/checkout/paypal/return', null, false)).toBeNull();
    expect(accessRedirect('/products', null, true)).toBe('/login');
  });

  it('sends anonymous visitors to the login page', () => {
    expect(accessRedirect('/products', null)).toBe('/login');
    expect(accessRedirect('/admin/orders', null)).toBe('/login');
    expect(accessRedirect('/', null)).toBe('/login');
  });

  it('lets anyone reach the login, logout and language pages', () => {
    expect(accessRedirect('/login', null)).toBeNull();
    expect(accessRedirect('/logout', 'MEMBER')).toBeNull();
    expect(accessRedirect('/locale', null)).toBeNull();
  });

  it('keeps members out of the admin and staff out of the shop', () => {
    expect(accessRedirect('/admin/orders', 'MEMBER')).toBe('/products');
    expect(accessRedirect('/admin', 'MEMBER')).toBe('/products');
    expect(accessRedirect('/cart', 'STAFF')).toBe('/admin/orders');
    expect(accessRedirect('/admin/orders', 'STAFF')).toBeNull();
    expect(accessRedirect('/checkout/paypal/return', 'MEMBER')).toBeNull();
  });

  it('does not mistake a path that only starts like /admin for the admin', () => {
    expect(accessRedirect('/administrator', 'MEMBER')).toBeNull();
  });

  it('sends each role from / to its start page', () => {
    expect(accessRedirect('/', 'MEMBER')).toBe('/products');
    expect(accessRedirect('/', 'STAFF')).toBe('/admin/orders');
  });
});

describe('safeRedirectPath', () => {
  it('refuses paths a browser would turn into another site', () => {
    expect(safeRedirectPath('/\t/127.0.0.1:8099/products')).toBeNull();
    expect(safeRedirectPath('/\n/evil.example')).toBeNull();
    expect(safeRedirectPath('/%09/evil.example')).toBe('/%09/evil.example');
    expect(safeRedirectPath('/\\evil.example')).toBeNull();
    expect(safeRedirectPath('https://evil.example/')).toBeNull();
  });

  it('accepts paths on this site', () => {
    expect(safeRedirectPath('/orders?page=2')).toBe('/orders?page=2');
  });

  it('refuses anything that could lead to another site', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
      expect(safeRedirectPath(value)).toBeNull();
    }
  });
});
