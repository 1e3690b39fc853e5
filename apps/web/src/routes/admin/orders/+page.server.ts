import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText, orderStatusLabel } from '$lib/labels';
import { orderActionErrorText } from '$lib/order-actions';
import {
  orderSorts,
  orderStatuses,
  paymentMethods,
  paymentStatuses,
  readOrderFilter,
  staffOrderStatuses,
} from '$lib/order-filter';
import { pageArgs } from '$lib/pagination';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const Orders = graphql(`
  query AdminOrders(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: OrderFilter
    $orderBy: OrderOrder
  ) {
    orders(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          number
          createdAt
          status
          paymentStatus
          paymentMethod
          total { amount currency }
          member { id companyName }
        }
      }
    }
  }
`);

const UpdateOrderStatuses = graphql(`
  mutation UpdateOrderStatuses($input: UpdateOrderStatusesInput!) {
    updateOrderStatuses(input: $input) {
      __typename
      ... on UpdateOrderStatusesPayload {
        changed { id number }
        failures { orderId code message }
      }
      ... on Error { code message }
    }
  }
`);

/** The member whose orders the list is limited to, by name. */
const FilterMember = graphql(`
  query AdminOrdersMember($id: ID!) {
    node(id: $id) {
      ... on Member { id companyName }
    }
  }
`);

/** The orders that could not move, by number and where they stand. */
const OrdersByIds = graphql(`
  query AdminOrdersByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order { id number status }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { values, filter, orderBy } = readOrderFilter(event.url.searchParams);
  const [{ orders }, member] = await Promise.all([
    query(event, Orders, { ...pageArgs(event.url, 20), filter, orderBy }),
    values.member ? query(event, FilterMember, { id: values.member }) : null,
  ]);
  const memberName = member?.node && 'companyName' in member.node ? member.node.companyName : null;

  return {
    orders,
    values,
    memberName,
    sorts: orderSorts,
    statuses: orderStatuses,
    paymentStatuses,
    paymentMethods,
    bulkStatuses: staffOrderStatuses,
  };
};

export const actions: Actions = {
  bulk: async (event) => {
    const form = await event.request.formData();
    const orderIds = [...new Set(form.getAll('orderIds').map(String))];
    const status = staffOrderStatuses.find((candidate) => candidate === form.get('status'));
    const note = form.get('note')?.toString().trim() || null;
    if (orderIds.length === 0) return fail(400, { bulkError: m.bulk_none_selected() });
    if (!status) return fail(400, { bulkError: m.error_VALIDATION() });

    const { updateOrderStatuses: result } = await mutate(event, UpdateOrderStatuses, {
      input: { orderIds, status, note },
    });
    if (result.__typename !== 'UpdateOrderStatusesPayload') {
      return fail(400, { bulkError: errorText(result) });
    }
    const failedIds = result.failures.map((failure) => failure.orderId);
    const { nodes } = failedIds.length
      ? await query(event, OrdersByIds, { ids: failedIds })
      : { nodes: [] };
    const failed = new Map(
      nodes.flatMap((node) => (node && 'number' in node ? [[node.id, node] as const] : [])),
    );

    return {
      bulk: {
        status: orderStatusLabel(status),
        changed: result.changed.map((order) => order.number),
        failures: result.failures.map((failure) => {
          const order = failed.get(failure.orderId);
          // The failure does not say where the order stood; the order itself does.
          const reason = orderActionErrorText({
            ...failure,
            ...(order ? { from: order.status, to: status } : {}),
          });

          return { number: order?.number ?? failure.orderId, reason };
        }),
      },
    };
  },
};
