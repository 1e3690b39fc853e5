import { fail } from '@sveltejs/kit';
import { csvText } from '$lib/csv-text';
import { mutate } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { importRowErrorText } from '$lib/import-errors';
import { errorText } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { Actions, RequestEvent } from './$types';

const ImportMembersCsv = graphql(`
  mutation ImportMembersCsv($csv: String!, $dryRun: Boolean) {
    importMembersCsv(csv: $csv, dryRun: $dryRun) {
      __typename
      ... on ImportMembersPayload {
        applied
        created
        updated
        errors { row field code value message }
      }
      ... on ValidationError { code message field }
    }
  }
`);

/** The API takes GraphQL requests up to 2 MB; the file, JSON-encoded, must fit in one. */
const maxCsvBytes = 1_800_000;

async function importCsv(event: RequestEvent, csv: string, dryRun: boolean) {
  if (Buffer.byteLength(csv) > maxCsvBytes) return fail(413, { error: m.import_too_large() });
  const { importMembersCsv: result } = await mutate(event, ImportMembersCsv, { csv, dryRun });
  if (result.__typename !== 'ImportMembersPayload') {
    return fail(400, { error: errorText(result) });
  }

  const { applied, created, updated } = result;
  if (applied) return { done: { created, updated } };
  const errors = result.errors.map((error) => ({
    row: error.row,
    field: error.field,
    message: importRowErrorText(error),
  }));

  // A file with errors is not carried to the confirmation: it has to be corrected first.
  return { preview: { created, updated, errors, csv: errors.length ? null : csv } };
}

export const actions: Actions = {
  preview: async (event) => {
    const file = (await event.request.formData()).get('file');
    const csv = file instanceof File ? csvText(await file.arrayBuffer()) : '';
    if (csv === null) return fail(400, { error: m.import_unreadable() });
    if (!csv.trim()) return fail(400, { error: m.import_no_file() });

    return importCsv(event, csv, true);
  },

  apply: async (event) => {
    const csv = (await event.request.formData()).get('csv')?.toString() ?? '';
    if (!csv.trim()) return fail(400, { error: m.import_no_file() });

    return importCsv(event, csv, false);
  },
};
