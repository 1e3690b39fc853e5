import { globalId } from '$lib/global-id';
import { query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { auditActions } from '$lib/labels';
import { pageArgs } from '$lib/pagination';
import { calendarDay, tokyoMidnight } from '$lib/tokyo-date';
import type { PageServerLoad, RequestEvent } from './$types';

const AuditLog = graphql(`
  query AuditLog(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: AuditFilter
  ) {
    auditLog(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id at actorType action subjectType subjectId changes }
      }
    }
  }
`);

/** What the audit trail's subjects are called: an order's number, a member's company. */
const AuditSubjects = graphql(`
  query AuditSubjects($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Order { id number }
      ... on Member { id companyName }
      ... on ApiToken { id name }
      ... on Product { id name }
    }
  }
`);

/** Where the merchant works on a subject of the audit trail. */
function subjectHref(type: string, id: string): string | null {
  if (type === 'Order') return `/admin/orders/${encodeURIComponent(globalId(type, id))}`;
  if (type === 'Member') return `/admin/members/${encodeURIComponent(globalId(type, id))}`;
  if (type === 'ApiToken') return '/admin/api-tokens';
  if (type === 'PaymentMethod') return `/admin/settings/payments#method-${encodeURIComponent(id)}`;
  if (type === 'ShopSettings') return '/admin/settings/shop';

  return null;
}

/** Subjects with a name of their own, to be looked up. */
const namedSubjects = new Set(['Order', 'Member', 'ApiToken', 'Product']);

function readAuditFilter(params: URLSearchParams) {
  const action = auditActions.find((candidate) => candidate === params.get('action')) ?? '';
  const since = calendarDay(params.get('since'));
  const subjectType = params.get('subjectType') ?? '';
  const subjectId = params.get('subjectId') ?? '';
  const subject = subjectType && subjectId ? { subjectType, subjectId } : null;

  return {
    values: { action, since, subject },
    filter: {
      ...(action ? { action: [action] } : {}),
      ...(since ? { since: tokyoMidnight(since) } : {}),
      ...subject,
    },
  };
}

async function subjectNames(event: RequestEvent, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const { nodes } = await query(event, AuditSubjects, { ids });

  return new Map(
    nodes.flatMap((node) => {
      if (node?.__typename === 'Order') return [[node.id, node.number] as const];
      if (node?.__typename === 'Member') return [[node.id, node.companyName] as const];
      if (node?.__typename === 'ApiToken') return [[node.id, node.name] as const];
      if (node?.__typename === 'Product') return [[node.id, node.name] as const];

      return [];
    }),
  );
}

export const load: PageServerLoad = async (event) => {
  const { values, filter } = readAuditFilter(event.url.searchParams);
  const { auditLog } = await query(event, AuditLog, { ...pageArgs(event.url, 30), filter });

  const subjects = [
    ...auditLog.edges.map(({ node }) => node),
    ...(values.subject ? [values.subject] : []),
  ];
  const named = subjects
    .filter((subject) => namedSubjects.has(subject.subjectType))
    .map((subject) => globalId(subject.subjectType, subject.subjectId));
  const names = await subjectNames(event, [...new Set(named)]);
  const describe = (subject: { subjectType: string; subjectId: string }) => ({
    subjectName: names.get(globalId(subject.subjectType, subject.subjectId)) ?? null,
    subjectHref: subjectHref(subject.subjectType, subject.subjectId),
  });

  return {
    entries: auditLog.edges.map(({ node }) => ({ ...node, ...describe(node) })),
    pageInfo: auditLog.pageInfo,
    values,
    subject: values.subject ? { ...values.subject, ...describe(values.subject) } : null,
    actions: auditActions,
  };
};
