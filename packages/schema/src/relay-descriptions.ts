/**
 * Descriptions for what the Relay plugin generates: the Node interface and its queries, every
 * connection's page info, edges and paging arguments. Connection and edge types are described
 * where each connection is defined.
 */
export const relayDescriptions = {
  nodeTypeOptions: {
    description: 'An object with a global id, by which `node` and `nodes` fetch it.',
  },
  idFieldOptions: {
    description: 'The global id: opaque and stable. `node` fetches the object by it.',
  },
  nodeQueryOptions: {
    description:
      'The object with this global id; null when there is none. An object the caller may not read is refused with a FORBIDDEN error.',
    args: { id: { description: 'The global id of any object that implements `Node`.' } },
  },
  nodesQueryOptions: {
    description:
      'The objects with these global ids, in the same order; null for each id that matches none. An object the caller may not read is refused with a FORBIDDEN error.',
    args: { ids: { description: 'Global ids of objects that implement `Node`.' } },
  },
  pageInfoTypeOptions: {
    description: 'Whether a page of a list has neighbours, and the cursors to fetch them.',
  },
  hasNextPageFieldOptions: {
    description:
      'True when items follow this page. Paging forward, false on the last page; with `before`, always true.',
  },
  hasPreviousPageFieldOptions: {
    description:
      'True when items precede this page. With `after`, always true; paging back with `last`, false on the first page.',
  },
  startCursorFieldOptions: {
    description: 'The cursor of the first item on this page, for `before`; null when it is empty.',
  },
  endCursorFieldOptions: {
    description: 'The cursor of the last item on this page, for `after`; null when it is empty.',
  },
  pageInfoFieldOptions: { description: 'Whether more pages follow or precede, and their cursors.' },
  edgesFieldOptions: { description: 'The items on this page, in the list’s order.' },
  nodeFieldOptions: { description: 'The item itself.' },
  cursorFieldOptions: { description: 'Pass as `after` or `before` to page on from this item.' },
  firstArgOptions: {
    description:
      'Return at most this many items from the start, or after `after`: 20 when neither `first` nor `last` is given, never more than 100.',
  },
  afterArgOptions: {
    description: 'Return the items after this cursor (`endCursor` or an edge’s `cursor`).',
  },
  lastArgOptions: {
    description: 'Return at most this many items from the end, or before `before`: at most 100.',
  },
  beforeArgOptions: {
    description: 'Return the items before this cursor (`startCursor` or an edge’s `cursor`).',
  },
} as const;
