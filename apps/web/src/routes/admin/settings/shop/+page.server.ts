import { fail } from '@sveltejs/kit';
import { mutate, query } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { errorText } from '$lib/labels';
import {
  isShopSettingsField,
  readShopSettingsForm,
  type ShopSettingsField,
  shopSettingsFieldError,
  taxRoundings,
} from '$lib/shop-settings-form';
import type { Actions, PageServerLoad } from './$types';

const ShopSettingsFields = graphql(`
  fragment ShopSettingsFields on ShopSettings {
    taxRounding
    shippingFee { amount currency }
    freeShippingFrom { amount currency }
    unpaidOrderExpiryHours
  }
`);

const ShopSettings = graphql(
  `
  query ShopSettings {
    shopSettings { ...ShopSettingsFields }
  }
`,
  [ShopSettingsFields],
);

const UpdateShopSettings = graphql(
  `
  mutation UpdateShopSettings($input: UpdateShopSettingsInput!) {
    updateShopSettings(input: $input) {
      __typename
      ... on UpdateShopSettingsPayload { settings { ...ShopSettingsFields } }
      ... on ValidationError { code message field }
    }
  }
`,
  [ShopSettingsFields],
);

export const load: PageServerLoad = async (event) => {
  const { shopSettings } = await query(event, ShopSettings, {});

  return { settings: shopSettings, taxRoundings };
};

export const actions: Actions = {
  default: async (event) => {
    const { entered, input, invalid } = readShopSettingsForm(await event.request.formData());
    if (!input) {
      const fieldErrors: Partial<Record<ShopSettingsField, string>> = {};
      for (const field of invalid) fieldErrors[field] = shopSettingsFieldError(field);

      return fail(400, { entered, fieldErrors, error: null });
    }

    const { updateShopSettings: result } = await mutate(event, UpdateShopSettings, { input });
    if (result.__typename === 'ValidationError') {
      // The API names the input at fault; a refusal it does not place goes above the form.
      if (isShopSettingsField(result.field)) {
        const message = shopSettingsFieldError(result.field);

        return fail(400, { entered, fieldErrors: { [result.field]: message }, error: null });
      }

      return fail(400, { entered, fieldErrors: {}, error: errorText(result) });
    }

    return { saved: true };
  },
};
