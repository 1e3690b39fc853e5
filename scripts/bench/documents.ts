import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const web = join(import.meta.dirname, '..', '..', 'apps', 'web', 'src');

/**
 * A GraphQL document exactly as the storefront sends it, read from the file that defines it,
 * so the benchmark measures the pages as they are rather than a copy that drifts.
 */
export function storefrontDocument(file: string, operation: string): string {
  const source = readFileSync(join(web, file), 'utf8');
  for (const match of source.matchAll(/graphql\(\s*`([^`]*)`/g)) {
    const document = match[1] ?? '';
    if (new RegExp(`\\b(query|mutation)\\s+${operation}\\b`).test(document)) return document;
  }
  throw new Error(`No operation ${operation} in apps/web/src/${file}.`);
}

/** A third party's orders page: each order with its lines, member and payments. */
export const ordersPage = `
  query OrdersPage($first: Int!, $after: String, $filter: OrderFilter, $orderBy: OrderOrder) {
    orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id number status paymentStatus paymentMethod createdAt updatedAt
          subtotal { amount } tax { amount } shipping { amount } total { amount currency }
          member { id companyName }
          lines { sku productName unitPrice { amount } quantity taxRate amount { amount } }
          payments { method status amount { amount } paypalTransactionId }
        }
      }
    }
  }`;

/** 会員一覧 for a third party: each member with their most recent orders. */
export const membersPage = `
  query MembersPage($first: Int!, $orders: Int!) {
    members(first: $first) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id companyName contactName email allowedPaymentMethods
          orders(first: $orders) {
            edges { node { number status paymentStatus total { amount } createdAt } }
          }
        }
      }
    }
  }`;
