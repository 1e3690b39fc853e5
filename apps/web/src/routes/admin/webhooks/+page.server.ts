import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText, webhookEvents } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const WebhookEndpoints = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      events
      active
      createdAt
      deliveries(first: 20) {
        edges {
          node {
            id
            event
            status
            attempts
            lastStatusCode
            lastError
            createdAt
            deliveredAt
            nextAttemptAt
          }
        }
      }
    }
  }
`);

const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($url: String!, $events: [String!]!) {
    createWebhookEndpoint(url: $url, events: $events) {
      __typename
      ... on CreateWebhookEndpointPayload { secret endpoint { id url } }
      ... on ValidationError { code message field }
    }
  }
`);

const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const SetWebhookEndpointActive = graphql(`
  mutation SetWebhookEndpointActive($id: ID!, $active: Boolean!) {
    setWebhookEndpointActive(id: $id, active: $active) {
      __typename
      ... on SetWebhookEndpointActivePayload { endpoint { id active } }
      ... on Error { code message }
    }
  }
`);

const RedeliverWebhook = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      __typename
      ... on RedeliverWebhookPayload { delivery { id status } }
      ... on Error { code message }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { webhookEndpoints } = await query(event, WebhookEndpoints, {});

  return { endpoints: webhookEndpoints, events: webhookEvents };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const url = form.get('url')?.toString().trim() ?? '';
    const chosen = form.getAll('events').map(String);
    const events = webhookEvents.filter((name) => chosen.includes(name));
    const entered = { url, events };
    if (!url) return fail(400, { action: 'create', entered, error: m.webhook_url_required() });
    if (events.length === 0) {
      return fail(400, { action: 'create', entered, error: m.webhook_events_required() });
    }

    const { createWebhookEndpoint: result } = await mutate(event, CreateWebhookEndpoint, {
      url,
      events,
    });
    if (result.__typename !== 'CreateWebhookEndpointPayload') {
      return fail(400, { action: 'create', entered, error: errorText(result) });
    }

    // The secret is in this one response and nowhere else: the storefront does not keep it.
    return { action: 'create', secret: result.secret, url: result.endpoint.url };
  },

  delete: async (event) => {
    const id = (await event.request.formData()).get('id')?.toString() ?? '';

    const { deleteWebhookEndpoint: deleted } = await mutate(event, DeleteWebhookEndpoint, { id });
    if (!deleted) return fail(404, { action: 'delete', error: m.error_NOT_FOUND() });

    return { action: 'delete', deleted: true };
  },

  setActive: async (event) => {
    const form = await event.request.formData();
    const id = form.get('id')?.toString() ?? '';
    const active = form.get('active') === 'true';

    const { setWebhookEndpointActive: result } = await mutate(event, SetWebhookEndpointActive, {
      id,
      active,
    });
    if (result.__typename !== 'SetWebhookEndpointActivePayload') {
      return fail(404, { action: 'setActive', error: errorText(result) });
    }

    return { action: 'setActive', active: result.endpoint.active };
  },

  redeliver: async (event) => {
    const deliveryId = (await event.request.formData()).get('deliveryId')?.toString() ?? '';

    const { redeliverWebhook: result } = await mutate(event, RedeliverWebhook, { deliveryId });
    if (result.__typename !== 'RedeliverWebhookPayload') {
      return fail(400, { action: 'redeliver', error: errorText(result) });
    }

    return { action: 'redeliver', redelivered: result.delivery.id };
  },
};
