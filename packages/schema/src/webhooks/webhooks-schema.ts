import { actorOf, audit } from '../audit/audit.ts';
import { requireStaff } from '../auth/access.ts';
import { generateSecret } from '../auth/tokens.ts';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { webhookEvents } from './events.ts';
import { isPlainlyPrivateHost } from './targets.ts';

const WebhookEndpoint = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'Where order events are posted, signed with the endpoint’s secret.',
  fields: (t) => ({
    url: t.exposeString('url', {
      description: 'The http or https URL that receives each event as a JSON POST.',
    }),
    events: t.exposeStringList('events', {
      description:
        'The events posted to it, among order.created, order.updated and order.payment_status_changed.',
    }),
    active: t.exposeBoolean('active', {
      description: 'Whether events are posted to it. Endpoints are created active.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    deliveries: t.relatedConnection(
      'deliveries',
      {
        cursor: 'id',
        description: 'The delivery log, newest first.',
        query: { orderBy: { id: 'desc' } },
      },
      { description: 'A page of an endpoint’s delivery log.' },
      { description: 'A delivery on a page of an endpoint’s delivery log.' },
    ),
  }),
});

const WebhookDelivery = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  authScopes: { staff: true },
  description: 'One event sent (or to be sent) to one endpoint.',
  fields: (t) => ({
    event: t.exposeString('event', { description: 'The event, e.g. order.updated.' }),
    payload: t.string({
      description:
        'The event’s JSON body. The POST adds `id`, this delivery’s database id, as in `X-Wholesale-Delivery`.',
      resolve: (delivery) => JSON.stringify(delivery.payload),
    }),
    status: t.exposeString('status', { description: 'PENDING, DELIVERED or FAILED.' }),
    attempts: t.exposeInt('attempts', { description: 'How many times posting was tried.' }),
    lastStatusCode: t.exposeInt('lastStatusCode', {
      nullable: true,
      description: 'The HTTP status of the last attempt; null when the endpoint did not answer.',
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'Why the last attempt failed; null once delivered or before the first attempt.',
    }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      description: 'When a PENDING delivery is next tried; meaningless once delivered or failed.',
    }),
    deliveredAt: t.expose('deliveredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the endpoint answered with a 2xx status; null until then.',
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the event happened and the delivery was queued.',
    }),
  }),
});

builder.queryField('webhookEndpoints', (t) =>
  t.prismaField({
    type: ['WebhookEndpoint'],
    description: 'Webhook endpoints (staff).',
    resolve: (query, _root, _args, context) => {
      requireStaff(context);

      return context.db.webhookEndpoint.findMany({ ...query, orderBy: { id: 'desc' } });
    },
  }),
);

const CreateWebhookEndpointPayload = builder
  .objectRef<{ endpointId: string; secret: string }>('CreateWebhookEndpointPayload')
  .implement({
    description: 'A registered endpoint, with the only copy of its signing secret.',
    fields: (t) => ({
      secret: t.exposeString('secret', {
        description:
          'Verify `X-Wholesale-Signature` = sha256=HMAC-SHA256(secret, timestamp + "." + body). Shown once.',
      }),
      endpoint: t.prismaField({
        type: 'WebhookEndpoint',
        description: 'The endpoint as registered.',
        resolve: (query, payload, _args, context) =>
          context.db.webhookEndpoint.findUniqueOrThrow({
            ...query,
            where: { id: payload.endpointId },
          }),
      }),
    }),
  });

const EndpointPayload = builder
  .objectRef<{ endpointId: string }>('SetWebhookEndpointActivePayload')
  .implement({
    description: 'An endpoint paused or resumed.',
    fields: (t) => ({
      endpoint: t.prismaField({
        type: 'WebhookEndpoint',
        description: 'The endpoint as it is now.',
        resolve: (query, payload, _args, context) =>
          context.db.webhookEndpoint.findUniqueOrThrow({
            ...query,
            where: { id: payload.endpointId },
          }),
      }),
    }),
  });

const deliveryPayload = builder
  .objectRef<{ deliveryId: string }>('RedeliverWebhookPayload')
  .implement({
    description: 'A delivery queued to be sent again.',
    fields: (t) => ({
      delivery: t.prismaField({
        type: 'WebhookDelivery',
        description: 'The delivery, PENDING and due now.',
        resolve: (query, payload, _args, context) =>
          context.db.webhookDelivery.findUniqueOrThrow({
            ...query,
            where: { id: payload.deliveryId },
          }),
      }),
    }),
  });

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: CreateWebhookEndpointPayload,
    description: `Starts posting order events to a URL (staff). Events: ${webhookEvents.join(', ')}.`,
    errors: {
      types: [ValidationError],
      directResult: true,
      union: {
        name: 'CreateWebhookEndpointResult',
        description: 'The new endpoint and its secret, or why it was refused.',
      },
    },
    args: {
      url: t.arg.string({
        description:
          'An http or https URL at a public address (unless the shop allows private ones with WEBHOOK_ALLOW_PRIVATE_TARGETS=1).',
      }),
      events: t.arg.stringList({
        description: `The events to post, at least one of: ${webhookEvents.join(', ')}.`,
      }),
    },
    resolve: async (_root, { url, events }, context) => {
      requireStaff(context);
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new ValidationError('Enter an http or https URL.', 'url');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new ValidationError('Enter an http or https URL.', 'url');
      }
      if (context.services.config.webhookTargets === 'public' && isPlainlyPrivateHost(parsed)) {
        throw new ValidationError(
          'Webhooks go only to public addresses; this URL leads to a private or local one.',
          'url',
          'WEBHOOK_TARGET_NOT_PUBLIC',
        );
      }
      const unknown = events.find((event) => !(webhookEvents as readonly string[]).includes(event));
      if (unknown || events.length === 0) {
        throw new ValidationError(`Choose events among ${webhookEvents.join(', ')}.`, 'events');
      }

      const secret = `whsec_${generateSecret()}`;
      const endpoint = await context.db.webhookEndpoint.create({
        data: {
          url: parsed.toString(),
          events: [...new Set(events)],
          secretEncrypted: context.services.secrets.seal(secret),
        },
      });
      await audit(context.db, {
        actor: actorOf(context),
        action: 'WEBHOOK_ENDPOINT_CREATED',
        subjectType: 'WebhookEndpoint',
        subjectId: endpoint.id,
        changes: { url: { to: endpoint.url }, events: { to: endpoint.events } },
      });

      return { endpointId: endpoint.id, secret };
    },
  }),
  setWebhookEndpointActive: t.field({
    type: EndpointPayload,
    description:
      'Pauses or resumes an endpoint (staff). Events that happen while it is paused are not delivered to it, then or later: none is queued for it. Deliveries queued before the pause fail when their turn comes, and can be redelivered after resuming.',
    errors: {
      types: [NotFoundError],
      directResult: true,
      union: {
        name: 'SetWebhookEndpointActiveResult',
        description: 'The endpoint as it is now, or NotFoundError when no endpoint has this id.',
      },
    },
    args: {
      id: t.arg.globalID({ for: WebhookEndpoint, description: 'The endpoint’s global id.' }),
      active: t.arg.boolean({ description: 'true resumes, false pauses.' }),
    },
    resolve: async (_root, { id, active }, context) => {
      requireStaff(context);
      const before = await context.db.webhookEndpoint.findUnique({ where: { id: id.id } });
      if (!before) throw new NotFoundError('No webhook endpoint has this id.');

      await context.db.$transaction(async (tx) => {
        await tx.webhookEndpoint.update({ where: { id: before.id }, data: { active } });
        if (before.active === active) return;
        await audit(tx, {
          actor: actorOf(context),
          action: 'WEBHOOK_ENDPOINT_UPDATED',
          subjectType: 'WebhookEndpoint',
          subjectId: before.id,
          changes: { active: { from: before.active, to: active } },
        });
      });

      return { endpointId: before.id };
    },
  }),
  deleteWebhookEndpoint: t.boolean({
    description: 'Stops posting to an endpoint and forgets it (staff).',
    args: {
      id: t.arg.globalID({ for: WebhookEndpoint, description: 'The endpoint’s global id.' }),
    },
    resolve: async (_root, { id }, context) => {
      requireStaff(context);
      const removed = await context.db.$transaction(async (tx) => {
        const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: id.id } });
        if (!endpoint) return false;
        await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
        await audit(tx, {
          actor: actorOf(context),
          action: 'WEBHOOK_ENDPOINT_DELETED',
          subjectType: 'WebhookEndpoint',
          subjectId: endpoint.id,
          changes: { url: { from: endpoint.url } },
        });

        return true;
      });

      return removed;
    },
  }),
  redeliverWebhook: t.field({
    type: deliveryPayload,
    description: 'Sends a delivery again, now (staff).',
    errors: {
      types: [NotFoundError],
      directResult: true,
      union: {
        name: 'RedeliverWebhookResult',
        description: 'The delivery queued again, or NotFoundError when no delivery has this id.',
      },
    },
    args: {
      deliveryId: t.arg.globalID({
        for: WebhookDelivery,
        description: 'The delivery’s global id.',
      }),
    },
    resolve: async (_root, { deliveryId }, context) => {
      requireStaff(context);
      const { id } = deliveryId;
      const found = await context.db.webhookDelivery.findUnique({ where: { id } });
      if (!found) throw new NotFoundError('No delivery has this id.');
      await context.db.webhookDelivery.update({
        where: { id },
        data: { status: 'PENDING', nextAttemptAt: context.services.now() },
      });

      return { deliveryId: id };
    },
  }),
}));
